#include "benchcorpus.h"
#include "mainwindow.h"
#include "workerpool.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <benchmark/benchmark.h>

#include <memory>

namespace {

QString cacheFolder() { return QDir::temp().filePath(QStringLiteral("dateline-bench-cache")); }

// Opens the whole corpus in `window`, as `dateline FOLDER` does, until every view shows it.
// A timer ticking on the UI thread all along measures the longest time the window could not
// answer: loading, extraction and indexing must happen elsewhere.
void openIn(dateline::MainWindow &window, qint64 &longestStall)
{
    QEventLoop loop;
    QObject::connect(&window, &dateline::MainWindow::corpusLoaded, &loop, &QEventLoop::quit);
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &loop, [&] { longestStall = std::max(longestStall, sinceTick.restart()); });
    sinceTick.start();
    ticker.start();
    window.openPaths({bench::corpusFolder()});
    loop.exec();
    QCoreApplication::processEvents();  // what the views do once the corpus is in
}

std::unique_ptr<dateline::MainWindow> newWindow()
{
    auto window = std::make_unique<dateline::MainWindow>();
    window->setCacheFolder(cacheFolder());
    window->resize(1400, 900);
    window->show();
    return window;
}

// Closes `window`, which waits for the cache to be written, then waits for the corpus it showed to be freed.
void close(std::unique_ptr<dateline::MainWindow> window)
{
    window.reset();
    dateline::workerPool()->waitForDone();
}

void open(benchmark::State &state, bool cached)
{
    qint64 longestStall = 0;
    if (cached && QDir(cacheFolder()).isEmpty()) {
        // Run alone, it writes the cache BM_OpenCold would have written, untimed. The open timed
        // then follows that one in the same process: run it again for a first open.
        auto window = newWindow();
        openIn(*window, longestStall);
        close(std::move(window));
        longestStall = 0;
    }
    for (auto _ : state) {
        state.PauseTiming();
        if (!cached)
            QDir(cacheFolder()).removeRecursively();
        auto window = newWindow();
        state.ResumeTiming();

        openIn(*window, longestStall);

        state.PauseTiming();
        close(std::move(window));
        state.ResumeTiming();
    }
    state.counters["files"] = double(bench::corpusFiles().size());
    state.counters["longest_ui_stall_ms"] = double(longestStall);
}

void BM_OpenCold(benchmark::State &state) { open(state, false); }
void BM_OpenCached(benchmark::State &state) { open(state, true); }

// The corpus opened again in the window that shows it, as when a file of it changes: the new
// corpus replaces the one on show, which the window lets go of.
void BM_ReopenCached(benchmark::State &state)
{
    qint64 longestStall = 0;
    const auto window = newWindow();
    openIn(*window, longestStall);
    longestStall = 0;
    for (auto _ : state)
        openIn(*window, longestStall);
    state.counters["longest_ui_stall_ms"] = double(longestStall);
}

} // namespace

// Cold first: it writes the cache the second one reads. One open from the cache per process, as
// when Dateline starts again: a second one would reuse the memory the first freed, without its
// page faults (scripts/run-benchmarks.sh runs it in processes of its own).
BENCHMARK(BM_OpenCold)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_OpenCached)->Unit(benchmark::kMillisecond)->Iterations(1)->UseRealTime();
BENCHMARK(BM_ReopenCached)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
