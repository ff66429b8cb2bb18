#include "benchcorpus.h"
#include "eventfilterproxymodel.h"
#include "eventmodel.h"

#include <QSet>

#include <benchmark/benchmark.h>

#include <malloc.h>

using namespace dateline;
using namespace Qt::StringLiterals;

namespace {

// The window's models over a million events, sorted by date as the table first shows them.
struct Models
{
    EventModel events;
    EventFilterProxyModel proxy;

    Models()
    {
        proxy.setBackgroundThreshold(std::numeric_limits<int>::max());  // measured here, not on a worker
        proxy.setEventModel(&events);
        events.setEventIndex(bench::millionEvents());
        proxy.sort(EventModel::DateColumn, Qt::AscendingOrder);
    }
};

Models &models()
{
    static Models instance;
    return instance;
}

// One filter applied from no filter at all: what a click or a keystroke in the filter costs.
void filter(benchmark::State &state, const EventFilter &criterion)
{
    Models &m = models();
    qsizetype shown = 0;
    for (auto _ : state) {
        state.PauseTiming();
        m.proxy.setFilter({});
        state.ResumeTiming();
        m.proxy.setFilter(criterion);
        shown = m.proxy.rowCount();
    }
    state.counters["events"] = double(m.events.rowCount());
    state.counters["shown"] = double(shown);
}

void BM_FilterActor(benchmark::State &state)
{
    EventFilter criterion;
    criterion.actors = {u"Vladimir Putin"_s};
    filter(state, criterion);
}

void BM_FilterTwoActorsBoth(benchmark::State &state)
{
    EventFilter criterion;
    criterion.actors = {u"Vladimir Putin"_s, u"Xi Jinping"_s};
    criterion.allActors = true;
    filter(state, criterion);
}

void BM_FilterType(benchmark::State &state)
{
    EventFilter criterion;
    criterion.types = {EventType::Meeting};
    filter(state, criterion);
}

void BM_FilterDateRange(benchmark::State &state)
{
    EventFilter criterion;
    criterion.from = DateValue::ofMonth(2015, 1);
    criterion.to = DateValue::ofMonth(2016, 6);
    filter(state, criterion);
}

void BM_FilterTextWord(benchmark::State &state)
{
    EventFilter criterion;
    criterion.text = u"pétrole"_s;
    filter(state, criterion);
}

void BM_FilterTextPhrase(benchmark::State &state)
{
    EventFilter criterion;
    criterion.text = u"Wang Yi"_s;
    filter(state, criterion);
}

void BM_SortByActors(benchmark::State &state)
{
    Models &m = models();
    for (auto _ : state) {
        m.proxy.sort(EventModel::ActorsColumn, Qt::AscendingOrder);
        state.PauseTiming();
        m.proxy.sort(EventModel::DateColumn, Qt::AscendingOrder);
        state.ResumeTiming();
    }
}

// What the loader does on its worker after reading a corpus, before the window gets it.
void BM_BuildIndex(benchmark::State &state)
{
    const std::shared_ptr<const Corpus> corpus = bench::millionEvents()->sharedCorpus();
    for (auto _ : state)
        benchmark::DoNotOptimize(EventIndex(corpus));
    state.counters["events"] = double(corpus->events.size());
}

// The heap a loaded corpus and its index hold besides the article text, per event.
// Needs MALLOC_ARENA_MAX=1: malloc counts only its main arena, and loading uses every core.
void BM_MemoryPerEvent(benchmark::State &state)
{
    if (qEnvironmentVariable("MALLOC_ARENA_MAX") != u"1"_s) {
        state.SkipWithError("run with MALLOC_ARENA_MAX=1");
        return;
    }
    const QStringList files = bench::corpusFiles().mid(0, 20'000);
    bench::extractor();  // its tables are not part of what an event costs
    for (auto _ : state) {
        const qint64 before = bench::heapInUse();
        auto corpus = std::make_shared<const Corpus>(loadCorpus(bench::extractor(), files));
        const qint64 corpusBytes = bench::heapInUse() - before;
        auto index = std::make_unique<EventIndex>(std::move(corpus));
        const qint64 after = bench::heapInUse();
        qint64 textBytes = 0;
        // Texts view blocks of texts side by side (the rest of the last one, unused, is text memory
        // too), or have a heap block of their own.
        QSet<const char16_t *> blocks;
        for (const Article &article : index->corpus().articles) {
            if (!article.textBlock) {
                textBytes += qint64(sizeof(QArrayData)) + (article.text.capacity() + 1) * qint64(sizeof(QChar));
            } else if (const char16_t *block = article.textBlock.get(); !blocks.contains(block)) {
                blocks.insert(block);
                textBytes += qint64(malloc_usable_size(const_cast<char16_t *>(block)));
            }
        }
        const qint64 events = index->size();
        state.counters["events"] = double(events);
        state.counters["articles"] = double(index->corpus().articles.size());
        state.counters["text_MB"] = double(textBytes) / 1e6;
        state.counters["bytes_per_event"] = double(after - before - textBytes) / double(events);
        state.counters["corpus_bytes_per_event"] = double(corpusBytes - textBytes) / double(events);
        state.counters["index_bytes_per_event"] = double(index->memoryUsage()) / double(events);
    }
}

} // namespace

BENCHMARK(BM_FilterActor)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterTwoActorsBoth)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterType)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterDateRange)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterTextWord)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FilterTextPhrase)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SortByActors)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_BuildIndex)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_MemoryPerEvent)->Unit(benchmark::kMillisecond)->Iterations(1);
