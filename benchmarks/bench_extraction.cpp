#include "benchcorpus.h"

#include <QThread>

#include <benchmark/benchmark.h>

#include <atomic>
#include <optional>
#include <thread>
#include <vector>

using namespace dateline;

namespace {

constexpr qint64 kSampleBytes = 16 * 1024 * 1024;

// Extracts every file of `files` once on `threads` threads, taking files in turn.
void extractAll(const QList<bench::FileBytes> &files, int threads)
{
    std::atomic_int next = 0;
    const auto work = [&] {
        for (int i = next++; i < files.size(); i = next++)
            benchmark::DoNotOptimize(bench::extractor().extract(files.at(i).bytes, files.at(i).name));
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();
}

void extraction(benchmark::State &state, int threads)
{
    const QList<bench::FileBytes> files = bench::firstFiles(kSampleBytes);
    qint64 bytes = 0;
    for (const bench::FileBytes &file : files)
        bytes += file.bytes.size();
    for (auto _ : state)
        extractAll(files, threads);
    state.SetBytesProcessed(state.iterations() * bytes);
    state.counters["threads"] = threads;
    state.counters["files"] = double(files.size());
}

void BM_ExtractionOneCore(benchmark::State &state) { extraction(state, 1); }
void BM_ExtractionAllCores(benchmark::State &state) { extraction(state, QThread::idealThreadCount()); }

// Where one core's time goes: each stage of Extractor::extract() alone, with the extractor's own
// objects and steps, on what the stage before it made of the same files, in bytes of those files
// per second. An article left undated is tagged while it is dated, not again in the Tag stage.
enum class Stage { Read, Date, Tag, Events };

void extractionStage(benchmark::State &state, Stage stage)
{
    const Extractor &extractor = bench::extractor();
    const QList<bench::FileBytes> files = bench::firstFiles(kSampleBytes);
    struct Input
    {
        Article read, dated;
        bool taggedWhenDated = false;
        QList<TimeExpression> tags;
    };
    std::vector<Input> inputs;
    qint64 bytes = 0;
    for (const bench::FileBytes &file : files) {
        Input &input = inputs.emplace_back();
        input.read = input.dated = extractor.reader().read(file.bytes, file.name);
        std::optional<QList<TimeExpression>> undatedTags;
        extractor.publicationDateFinder().date(input.dated, &undatedTags);
        input.taggedWhenDated = undatedTags && !input.dated.published.isValid();
        input.tags = input.taggedWhenDated ? std::move(*undatedTags)
                                           : extractor.tagger().tag(input.dated.extractableText(), input.dated.published);
        bytes += file.bytes.size();
    }
    for (auto _ : state) {
        for (size_t i = 0; i < inputs.size(); ++i) {
            const Input &input = inputs[i];
            if (stage != Stage::Read && input.read.text.isEmpty())
                continue;  // Extractor::extract() goes no further with an article without text
            switch (stage) {
            case Stage::Read:
                benchmark::DoNotOptimize(extractor.reader().read(files.at(qsizetype(i)).bytes, files.at(qsizetype(i)).name));
                break;
            case Stage::Date: {
                Article article = input.read;
                std::optional<QList<TimeExpression>> undatedTags;
                extractor.publicationDateFinder().date(article, &undatedTags);
                benchmark::DoNotOptimize(article);
                break;
            }
            case Stage::Tag:
                if (!input.taggedWhenDated)
                    benchmark::DoNotOptimize(extractor.tagger().tag(input.dated.extractableText(), input.dated.published));
                break;
            case Stage::Events: {
                QStringList unlisted;
                benchmark::DoNotOptimize(extractor.eventExtractor().extract(input.dated, input.tags, &unlisted));
                break;
            }
            }
        }
    }
    state.SetBytesProcessed(state.iterations() * bytes);
}

} // namespace

BENCHMARK_CAPTURE(extractionStage, Read, Stage::Read)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(extractionStage, Date, Stage::Date)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(extractionStage, Tag, Stage::Tag)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK_CAPTURE(extractionStage, Events, Stage::Events)->Unit(benchmark::kMillisecond)->Iterations(2);

BENCHMARK(BM_ExtractionOneCore)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
BENCHMARK(BM_ExtractionAllCores)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
