#include "benchcorpus.h"

#include <QThread>

#include <benchmark/benchmark.h>

#include <atomic>
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

} // namespace

BENCHMARK(BM_ExtractionOneCore)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
BENCHMARK(BM_ExtractionAllCores)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();
