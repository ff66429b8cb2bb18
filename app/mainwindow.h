#pragma once

#include "corpus.h"

#include <QMainWindow>

#include <memory>

class QDockWidget;
class QLabel;
class QProgressBar;
class QComboBox;
class QSplitter;
class QToolButton;

namespace dateline {

class CorpusLoader;
class EventFilterProxyModel;
class EventModel;
class EventTableView;
class FilterBar;
class ProblemList;
class ReaderView;
class TimelineView;

// The viewer: the timeline across the top, filters and the event list below it on the left,
// the article being read on the right, problems in a dock. Data flows one way: the loader
// hands a Corpus to the models, the filter bar drives the proxy that the timeline and the
// table both read, and the timeline, the table and the reader only exchange event indexes.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads these files and folders (recursively) in the background, replacing the corpus.
    void openPaths(const QStringList &paths);
    bool isLoading() const;
    const Corpus *corpus() const { return m_corpus.get(); }

signals:
    void corpusLoaded();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    QWidget *createTimelinePane();
    void onTimelineSelected(int event);
    void openFolder();
    void openFiles();
    void onLoadStarted();
    void onLoaded(std::shared_ptr<const Corpus> corpus, bool cancelled);
    void onReaderActivated(int event);
    void updateSummary();
    QString lastFolder() const;
    void rememberFolder(const QString &folder);

    std::shared_ptr<const Corpus> m_corpus;
    QStringList m_paths;
    bool m_cancelled = false;

    CorpusLoader *m_loader = nullptr;
    EventModel *m_events = nullptr;
    EventFilterProxyModel *m_proxy = nullptr;
    FilterBar *m_filterBar = nullptr;
    EventTableView *m_table = nullptr;
    ReaderView *m_reader = nullptr;
    TimelineView *m_timeline = nullptr;
    QComboBox *m_laneMode = nullptr;
    QSplitter *m_timelineSplitter = nullptr;
    QSplitter *m_splitter = nullptr;
    ProblemList *m_problems = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QLabel *m_summary = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancel = nullptr;
};

} // namespace dateline
