#pragma once

#include "chartexport.h"
#include "corpus.h"
#include "eventfilter.h"

#include <QMainWindow>
#include <QTimer>

#include <memory>
#include <optional>

class QComboBox;
class QDockWidget;
class QFileSystemWatcher;
class QLabel;
class QMenu;
class QProgressBar;
class QSplitter;
class QToolButton;

namespace dateline {

class ChartsPanel;
class EventIndex;
class CorpusLoader;
class EventFilterProxyModel;
class EventModel;
class EventTableView;
class FilterDock;
class ProblemList;
class ReaderView;
class TimelineView;

// The viewer: the timeline across the top, the event list and the article being read below it,
// the filters in a dock on the left and problems in one at the bottom. Data flows one way: the
// loader hands a Corpus to the models and the filter dock, the filter dock drives the proxy that
// the timeline and the table both read, and the timeline, the table and the reader only exchange
// event indexes. A change to the opened files reloads them, keeping the selected event.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    static constexpr int kMaxRecent = 8;
    static constexpr int kReloadDelayMs = 1000;  // a burst of file changes gives one reload

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads these files and folders (recursively) in the background, replacing the corpus,
    // and puts them first in the recent menu.
    void openPaths(const QStringList &paths);
    // Reads the opened paths again, keeping the filter, the selected event and the zoom.
    void reload();
    bool isLoading() const;
    // Where what was read is cached between runs, a file per set of opened paths; empty (the default) for no cache.
    void setCacheFolder(const QString &folder);
    const Corpus *corpus() const { return m_corpus.get(); }
    QStringList openedPaths() const { return m_paths; }
    // The recently opened path sets, newest first, as the Open Recent menu lists them.
    QList<QStringList> recentPathSets() const;
    // What File → Export Chart… and File → Export Events… write once the dialogs have answered,
    // over the filter the table shows: `picture` is "timeline" or a chart kind, the format comes
    // from the suffix (.png, .svg, .pdf; .csv or .json for events). Existing files are replaced
    // atomically, without asking. False with a message in `error` when nothing was written.
    bool exportChartTo(const QString &picture, const QString &path, const PictureSettings &settings, QString *error) const;
    bool exportEventsTo(const QString &path, QString *error) const;

signals:
    void corpusLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    // What identifies an event across a reload: its file and where its sentence starts.
    struct EventKey
    {
        QString filePath;
        qsizetype evidenceStart = 0;
    };

    QWidget *createTimelinePane();
    void createDocks();
    void createMenus();
    void restoreSettings();
    void saveSettings() const;
    void resetLayout();
    void onTimelineSelected(int event);
    void openFolder();
    void openFiles();
    void exportChart();
    void exportEvents();
    // Asks where to save with the file dialog, which confirms replacing an existing file.
    QString askSavePath(const QString &caption, const QString &baseName, const QStringList &suffixes, const QStringList &filters);
    void onLoadStarted();
    void onLoaded(std::shared_ptr<const EventIndex> events, bool cancelled);
    void onReaderActivated(int event);
    void selectAfterLoad();
    void updateSummary();
    QString lastFolder() const;
    void addRecent(const QStringList &paths);
    void updateRecentMenu();
    void watchOpenedPaths();
    void updateCharts();
    void narrowFromChart(const EventFilter &filter);
    void undoChartFilter();

    std::shared_ptr<const Corpus> m_corpus;
    QStringList m_paths;
    bool m_cancelled = false;
    bool m_reloading = false;
    std::optional<EventKey> m_keptEvent;               // selected when a reload began
    std::optional<std::pair<double, double>> m_keptRange;  // the timeline's visible days then
    QByteArray m_defaultState;  // docks and toolbars as first laid out, for Reset Layout

    CorpusLoader *m_loader = nullptr;
    EventModel *m_events = nullptr;
    EventFilterProxyModel *m_proxy = nullptr;
    FilterDock *m_filters = nullptr;
    QDockWidget *m_filtersDock = nullptr;
    EventTableView *m_table = nullptr;
    ReaderView *m_reader = nullptr;
    TimelineView *m_timeline = nullptr;
    QComboBox *m_laneMode = nullptr;
    QSplitter *m_timelineSplitter = nullptr;
    QSplitter *m_splitter = nullptr;
    ProblemList *m_problems = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    ChartsPanel *m_charts = nullptr;
    QDockWidget *m_chartsDock = nullptr;
    QList<EventFilter> m_filtersBeforeChartClicks;  // most recent last, for Undo Chart Filter
    QTimer m_chartsDelay;                           // one rebuild for a burst of model signals
    QMenu *m_recentMenu = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
    QFileSystemWatcher *m_watcher = nullptr;
    QTimer m_reloadDelay;
};

} // namespace dateline
