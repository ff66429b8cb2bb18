#include "benchcorpus.h"
#include "chartspanel.h"
#include "eventchart.h"
#include "eventfilterproxymodel.h"
#include "eventmodel.h"
#include "filterfacets.h"
#include "timelineview.h"

#include <QCoreApplication>
#include <QImage>
#include <QPainter>

#include <benchmark/benchmark.h>

using namespace dateline;

namespace {

struct Window
{
    EventModel events;
    EventFilterProxyModel proxy;
    TimelineView timeline;

    Window()
    {
        proxy.setBackgroundThreshold(std::numeric_limits<int>::max());
        proxy.setEventModel(&events);
        events.setEventIndex(bench::millionEvents());
        proxy.sort(EventModel::DateColumn, Qt::AscendingOrder);
        timeline.setModel(&proxy);
        timeline.resize(1600, 900);
        timeline.show();
        while (timeline.laneCount() == 0)  // a million events are arranged on a worker thread
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
};

Window &window()
{
    // Never destroyed, like the application: at exit Qt's thread storage may already be gone,
    // and a static widget's destructor crashed on it.
    static Window *instance = new Window;
    return *instance;
}

void paintFrames(benchmark::State &state, const char *name)
{
    Window &w = window();
    QImage image(w.timeline.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    w.timeline.viewport()->render(&image);  // the lanes are read from the model on the first frame
    for (auto _ : state)
        w.timeline.viewport()->render(&image);
    if (const QString snapshot = qEnvironmentVariable("DATELINE_BENCH_SNAPSHOT"); !snapshot.isEmpty())
        image.save(snapshot + u'-' + QLatin1StringView(name) + u".png");
    state.counters["events"] = double(w.proxy.rowCount());
    state.counters["lanes"] = double(w.timeline.laneCount());
}

void BM_TimelineFrameZoomedOut(benchmark::State &state)
{
    window().timeline.fitAll();
    paintFrames(state, "zoomed-out");
}

void BM_TimelineFrameZoomedIn(benchmark::State &state)
{
    // A fortnight of the busiest stretch: the middle of the span.
    Window &w = window();
    w.timeline.fitAll();
    const double middle = w.timeline.timeAt((w.timeline.plotLeft() + w.timeline.viewport()->width()) / 2.0);
    w.timeline.setVisibleRange(middle - 7, middle + 7);
    paintFrames(state, "zoomed-in");
}

// What the timeline redoes when the filter changes: reading the shown events into lanes.
void BM_TimelineLanes(benchmark::State &state)
{
    Window &w = window();
    for (auto _ : state)
        benchmark::DoNotOptimize(TimelineLanes::build(w.proxy, TimelineLaneMode::ByActor));
}

// The charts panel as the window updates it when the filter changes: the chart on show is rebuilt.
void BM_ChartRebuild(benchmark::State &state)
{
    Window &w = window();
    ChartsPanel charts;
    charts.resize(1200, 700);
    for (auto _ : state)
        charts.setEvents(w.events.eventIndex(), w.proxy.acceptedRows(), w.proxy.filter());
    state.counters["events"] = double(w.proxy.rowCount());
}

// One chart, rebuilt as when its tab is shown.
void BM_Chart(benchmark::State &state)
{
    Window &w = window();
    EventChart chart(ChartKind(state.range(0)));
    for (auto _ : state)
        chart.setEvents(*w.events.eventIndex(), w.proxy.acceptedRows(), w.proxy.filter());
    state.SetLabel(chartKindName(ChartKind(state.range(0))).toStdString());
}

// The counts beside the filter dock's boxes, recounted at each change of the filter.
void BM_FacetCounts(benchmark::State &state)
{
    FilterFacets facets;
    facets.setEvents(bench::millionEvents());
    EventFilter filter;
    if (state.range(0) == 1)
        filter.actors = {QStringLiteral("Vladimir Putin")};
    for (auto _ : state)
        benchmark::DoNotOptimize(facets.count(filter));
    state.SetLabel(state.range(0) == 1 ? "one actor checked" : "no filter");
}

} // namespace

BENCHMARK(BM_FacetCounts)->Unit(benchmark::kMillisecond)->DenseRange(0, 1);
BENCHMARK(BM_Chart)->Unit(benchmark::kMillisecond)->DenseRange(0, kChartKindCount - 1)->Iterations(3);
BENCHMARK(BM_TimelineFrameZoomedOut)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimelineFrameZoomedIn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_TimelineLanes)->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_ChartRebuild)->Unit(benchmark::kMillisecond)->Iterations(3);
