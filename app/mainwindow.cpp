#include "mainwindow.h"

#include "atomicfile.h"
#include "chartspanel.h"
#include "corpusloader.h"
#include "eventexport.h"
#include "eventfilterproxymodel.h"
#include "eventindex.h"
#include "eventmodel.h"
#include "eventtableview.h"
#include "filterdock.h"
#include "problemlist.h"
#include "readerview.h"
#include "timelineview.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonDocument>
#include <QMessageBox>
#include <QSpinBox>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

const auto kLastFolderKey = "lastFolder"_L1;
const auto kRecentKey = "recentPaths"_L1;
const auto kGeometryKey = "mainWindow/geometry"_L1;
const auto kStateKey = "mainWindow/state"_L1;
const auto kSplitterKey = "mainWindow/splitter"_L1;
const auto kTimelineSplitterKey = "mainWindow/timelineSplitter"_L1;
const auto kLaneModeKey = "timeline/laneMode"_L1;
const auto kFilterKey = "filters/state"_L1;

const QList<int> kDefaultSplitterSizes{1000, 600};
const QList<int> kDefaultTimelineSplitterSizes{450, 550};

// inotify watches are a per-user resource: past this many articles only the folders are
// watched, which still sees files added, removed or renamed, though not edited in place.
constexpr qsizetype kMaxWatchedFiles = 4000;

QString normalizedPath(const QString &path) { return QDir::cleanPath(QFileInfo(path).absoluteFilePath()); }

QStringList localPaths(const QMimeData *mime)
{
    QStringList paths;
    if (!mime || !mime->hasUrls())
        return paths;
    const QList<QUrl> urls = mime->urls();
    for (const QUrl &url : urls)
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Dateline"));
    setAcceptDrops(true);
    setDockNestingEnabled(true);

    m_loader = new CorpusLoader(this);
    m_events = new EventModel(this);
    m_proxy = new EventFilterProxyModel(this);
    m_proxy->setObjectName(u"eventProxy"_s);
    m_proxy->setEventModel(m_events);

    m_table = new EventTableView;
    m_table->setObjectName(u"eventTable"_s);
    m_table->setModel(m_proxy);
    m_reader = new ReaderView;
    m_reader->setObjectName(u"readerView"_s);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_reader);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes(kDefaultSplitterSizes);

    // The timeline spans the whole width above the list and the reader.
    m_timelineSplitter = new QSplitter(Qt::Vertical, this);
    m_timelineSplitter->setObjectName(u"timelineSplitter"_s);
    m_timelineSplitter->setChildrenCollapsible(false);
    m_timelineSplitter->addWidget(createTimelinePane());
    m_timelineSplitter->addWidget(m_splitter);
    m_timelineSplitter->setStretchFactor(0, 1);
    m_timelineSplitter->setStretchFactor(1, 1);
    m_timelineSplitter->setSizes(kDefaultTimelineSplitterSizes);
    setCentralWidget(m_timelineSplitter);

    createDocks();

    m_summary = new QLabel;
    m_summary->setObjectName(u"summaryLabel"_s);
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"loadProgress"_s);
    m_cancel = new QToolButton;
    m_cancel->setObjectName(u"cancelLoad"_s);
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolButtonStyle(Qt::ToolButtonTextOnly);
    statusBar()->addWidget(m_summary, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    m_progress->hide();
    m_cancel->hide();

    createMenus();

    connect(m_loader, &CorpusLoader::started, this, &MainWindow::onLoadStarted);
    connect(m_loader, &CorpusLoader::progress, this, [this](int done, int total) {
        // Written out here: QProgressBar's own %v and %m never group digits, the window's other counts do.
        const auto text = [](int files, int of) { return tr("%L1 of %L2 files").arg(files).arg(of); };
        if (total != m_progress->maximum()) {
            // Wide enough for the longest count, from the start: the bar does not grow as it fills.
            const QFontMetrics metrics = m_progress->fontMetrics();
            m_progress->setFixedWidth(metrics.horizontalAdvance(text(total, total)) + 4 * metrics.averageCharWidth());
        }
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(text(done, total));
    });
    connect(m_loader, &CorpusLoader::finished, this, &MainWindow::onLoaded);
    connect(m_cancel, &QToolButton::clicked, m_loader, &CorpusLoader::cancel);

    connect(m_filters, &FilterDock::filterChanged, m_proxy, &EventFilterProxyModel::setFilter);
    connect(m_proxy, &EventFilterProxyModel::filterChanged, this, &MainWindow::updateSummary);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateSummary);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateSummary);  // rows filtered on a worker

    // The charts count what the table and the timeline show, rebuilt once per change of it.
    m_chartsDelay.setSingleShot(true);
    m_chartsDelay.setInterval(0);
    connect(&m_chartsDelay, &QTimer::timeout, this, &MainWindow::updateCharts);
    // The timer is the context: it is destroyed before the docks, which still signal while closing.
    const auto scheduleCharts = [this] { m_chartsDelay.start(); };
    connect(m_proxy, &QAbstractItemModel::modelReset, &m_chartsDelay, scheduleCharts);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, &m_chartsDelay, scheduleCharts);
    connect(m_proxy, &EventFilterProxyModel::filterChanged, &m_chartsDelay, scheduleCharts);
    connect(m_chartsDock, &QDockWidget::visibilityChanged, &m_chartsDelay, scheduleCharts);
    connect(m_charts, &ChartsPanel::narrowRequested, this, &MainWindow::narrowFromChart);
    connect(m_charts, &ChartsPanel::undoRequested, this, &MainWindow::undoChartFilter);

    connect(m_table, &EventTableView::currentEventChanged, this, [this](int event) {
        // A filter that hides the selected row leaves the article on screen.
        if (event < 0)
            return;
        m_reader->setCurrentEvent(event);
        m_timeline->selectEvent(event);
    });
    connect(m_reader, &ReaderView::eventActivated, this, &MainWindow::onReaderActivated);
    connect(m_timeline, &TimelineView::eventSelected, this, &MainWindow::onTimelineSelected);

    m_watcher = new QFileSystemWatcher(this);
    m_reloadDelay.setSingleShot(true);
    m_reloadDelay.setInterval(kReloadDelayMs);
    connect(&m_reloadDelay, &QTimer::timeout, this, &MainWindow::reload);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, &m_reloadDelay, qOverload<>(&QTimer::start));
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, &m_reloadDelay, qOverload<>(&QTimer::start));

    restoreSettings();
    updateRecentMenu();
    updateSummary();
}

MainWindow::~MainWindow() = default;

void MainWindow::createDocks()
{
    m_filters = new FilterDock;
    m_filters->setObjectName(u"filterDock"_s);
    m_filtersDock = new QDockWidget(tr("Filters"), this);
    m_filtersDock->setObjectName(u"filtersDock"_s);
    m_filtersDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                               | QDockWidget::DockWidgetFloatable);
    m_filtersDock->setWidget(m_filters);
    addDockWidget(Qt::LeftDockWidgetArea, m_filtersDock);
    // As narrow as its contents allow: the events and the reader need the width more.
    resizeDocks({m_filtersDock}, {m_filters->minimumSizeHint().width()}, Qt::Horizontal);

    m_problems = new ProblemList;
    m_problems->setObjectName(u"problemList"_s);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(u"problemsDock"_s);
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide();

    m_charts = new ChartsPanel;
    m_charts->setObjectName(u"chartsPanel"_s);
    m_chartsDock = new QDockWidget(tr("Charts"), this);
    m_chartsDock->setObjectName(u"chartsDock"_s);
    m_chartsDock->setWidget(m_charts);
    addDockWidget(Qt::RightDockWidgetArea, m_chartsDock);
    resizeDocks({m_chartsDock}, {520}, Qt::Horizontal);
}

QWidget *MainWindow::createTimelinePane()
{
    m_timeline = new TimelineView;
    m_timeline->setObjectName(u"timeline"_s);
    m_timeline->setModel(m_proxy);

    auto *toolBar = new QToolBar(tr("Timeline"));
    toolBar->setObjectName(u"timelineToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *lanesLabel = new QLabel(tr("Lanes:"));
    lanesLabel->setContentsMargins(6, 0, 4, 0);
    toolBar->addWidget(lanesLabel);
    m_laneMode = new QComboBox;
    m_laneMode->setObjectName(u"laneModeCombo"_s);
    m_laneMode->addItem(tr("By actor"), int(TimelineLaneMode::ByActor));
    m_laneMode->addItem(tr("By type"), int(TimelineLaneMode::ByType));
    m_laneMode->addItem(tr("Single lane"), int(TimelineLaneMode::Single));
    lanesLabel->setBuddy(m_laneMode);
    toolBar->addWidget(m_laneMode);
    connect(m_laneMode, &QComboBox::currentIndexChanged, this, [this] {
        m_timeline->setLaneMode(TimelineLaneMode(m_laneMode->currentData().toInt()));
    });
    toolBar->addSeparator();
    QAction *fit = toolBar->addAction(tr("Fit All"), m_timeline, &TimelineView::fitAll);
    fit->setObjectName(u"fitAllAction"_s);
    fit->setToolTip(tr("Show every dated event"));
    QAction *zoomToSelection = toolBar->addAction(tr("Zoom to Selection"), m_timeline, &TimelineView::zoomToSelection);
    zoomToSelection->setObjectName(u"zoomToSelectionAction"_s);
    toolBar->addSeparator();
    QAction *zoomIn = toolBar->addAction(tr("Zoom In"), m_timeline, &TimelineView::zoomIn);
    zoomIn->setToolTip(tr("Zoom in (+, wheel or double-click on the timeline)"));
    QAction *zoomOut = toolBar->addAction(tr("Zoom Out"), m_timeline, &TimelineView::zoomOut);
    zoomOut->setToolTip(tr("Zoom out (−, wheel on the timeline)"));
    toolBar->addSeparator();

    // What the shapes mean; the colours are the event types, shown beside them in the filter dock.
    auto *legendLabel = new QLabel(tr("● day    ▬ month    ┅ year"));
    legendLabel->setObjectName(u"timelineLegend"_s);
    legendLabel->setTextFormat(Qt::PlainText);
    legendLabel->setForegroundRole(QPalette::PlaceholderText);
    legendLabel->setContentsMargins(6, 0, 6, 0);
    legendLabel->setToolTip(tr("A dot is an event known to the day; a solid bar, one known only to its month; "
                               "a dashed bar, one known only to its year. A grey badge counts events too close to "
                               "tell apart: click it to zoom in. Colours are event types, as in the Filters dock."));
    toolBar->addWidget(legendLabel);

    auto *pane = new QWidget;
    auto *layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolBar);
    layout->addWidget(m_timeline, 1);
    return pane;
}

void MainWindow::onTimelineSelected(int event)
{
    // The timeline reads the table's proxy, so the row is there; the reader follows the table.
    if (!m_table->selectEvent(event))
        m_reader->setCurrentEvent(event);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openFolderAction = file->addAction(tr("Open &Folder…"), this, &MainWindow::openFolder);
    openFolderAction->setObjectName(u"openFolderAction"_s);
    openFolderAction->setShortcut(QKeySequence::Open);
    QAction *openFilesAction = file->addAction(tr("Open F&iles…"), this, &MainWindow::openFiles);
    openFilesAction->setObjectName(u"openFilesAction"_s);
    openFilesAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(u"recentMenu"_s);
    file->addSeparator();
    QAction *reloadAction = file->addAction(tr("Re&load"), this, &MainWindow::reload);
    reloadAction->setObjectName(u"reloadAction"_s);
    reloadAction->setShortcut(Qt::Key_F5);
    reloadAction->setToolTip(tr("Read the opened files again (they are also reloaded when they change)"));
    file->addSeparator();
    QAction *exportChartAction = file->addAction(tr("Export &Chart…"), this, &MainWindow::exportChart);
    exportChartAction->setObjectName(u"exportChartAction"_s);
    exportChartAction->setToolTip(tr("Save the timeline or a chart of the filtered events as PNG, SVG or PDF"));
    QAction *exportEventsAction = file->addAction(tr("Export &Events…"), this, &MainWindow::exportEvents);
    exportEventsAction->setObjectName(u"exportEventsAction"_s);
    exportEventsAction->setToolTip(tr("Save the filtered events as CSV or JSON"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(u"viewMenu"_s);
    QAction *showFilters = m_filtersDock->toggleViewAction();
    showFilters->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    view->addAction(showFilters);
    view->addAction(m_problemsDock->toggleViewAction());
    QAction *showCharts = m_chartsDock->toggleViewAction();
    showCharts->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_C);
    view->addAction(showCharts);
    view->addSeparator();
    QAction *search = view->addAction(tr("&Search Sentences and Titles"), this, [this] {
        m_filtersDock->show();
        m_filtersDock->raise();
        m_filters->focusSearch();
    });
    search->setObjectName(u"searchAction"_s);
    search->setShortcut(QKeySequence::Find);
    view->addAction(m_reader->rawFileAction());
    view->addSeparator();
    QAction *reset = view->addAction(tr("Reset &Layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(u"resetLayoutAction"_s);
}

void MainWindow::restoreSettings()
{
    // Taken before anything is restored, so that Reset Layout goes back to the first start.
    m_defaultState = saveState();

    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        // A first start fills most of the screen, never more than all of it.
        const QSize available = screen() ? screen()->availableGeometry().size() : QSize(1440, 880);
        resize(QSize(1440, 880).boundedTo(available * 0.95));
    }
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    m_timelineSplitter->restoreState(settings.value(kTimelineSplitterKey).toByteArray());
    const int laneMode = m_laneMode->findData(settings.value(kLaneModeKey, int(TimelineLaneMode::ByActor)).toInt());
    m_laneMode->setCurrentIndex(std::max(0, laneMode));
    m_filters->restoreState(settings.value(kFilterKey).toMap());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kTimelineSplitterKey, m_timelineSplitter->saveState());
    settings.setValue(kLaneModeKey, m_laneMode->currentData());
    settings.setValue(kFilterKey, m_filters->saveState());
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState);
    m_filtersDock->setFloating(false);
    m_filtersDock->show();
    m_problemsDock->setVisible(m_corpus && !m_corpus->problems.isEmpty());
    m_splitter->setSizes(kDefaultSplitterSizes);
    m_timelineSplitter->setSizes(kDefaultTimelineSplitterSizes);
}

void MainWindow::openPaths(const QStringList &paths)
{
    QStringList normalized;
    for (const QString &path : paths)
        normalized.append(normalizedPath(path));
    m_paths = normalized;
    m_reloading = false;
    m_filtersBeforeChartClicks.clear();
    m_charts->setUndoAvailable(false);
    m_keptEvent.reset();
    m_keptRange.reset();
    m_reloadDelay.stop();
    if (normalized.size() == 1)
        setWindowTitle(tr("%1 — Dateline").arg(QFileInfo(normalized.first()).fileName()));
    else
        setWindowTitle(tr("%1 files — Dateline").arg(normalized.size()));
    if (!normalized.isEmpty()) {
        const QFileInfo first(normalized.first());
        QSettings().setValue(kLastFolderKey, first.isDir() ? first.absoluteFilePath() : first.absolutePath());
        addRecent(normalized);
    }
    m_loader->load(normalized);
}

void MainWindow::reload()
{
    m_reloadDelay.stop();
    if (m_paths.isEmpty())
        return;
    // The reader shows the selected event, or the one the filter hides but the user picked.
    if (const int event = m_reader->currentEvent(); event >= 0 && m_corpus) {
        const Event &current = m_corpus->events.at(event);
        m_keptEvent = EventKey{m_corpus->articles.at(current.article).filePath, current.evidence.start};
    }
    if (m_corpus)
        m_keptRange = std::pair(m_timeline->timeAt(m_timeline->plotLeft()), m_timeline->timeAt(m_timeline->viewport()->width()));
    m_reloading = true;
    m_loader->load(m_paths);
}

bool MainWindow::isLoading() const { return m_loader->isLoading(); }

void MainWindow::setCacheFolder(const QString &folder) { m_loader->setCacheFolder(folder); }

void MainWindow::openFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Articles"), lastFolder());
    if (!folder.isEmpty())
        openPaths({folder});
}

void MainWindow::openFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Articles"), lastFolder(),
                                                            tr("Text files (*.txt);;All files (*)"));
    if (!files.isEmpty())
        openPaths(files);
}

QString MainWindow::lastFolder() const
{
    const QString folder = QSettings().value(kLastFolderKey).toString();
    return !folder.isEmpty() && QDir(folder).exists() ? folder : QDir::homePath();
}

QList<QStringList> MainWindow::recentPathSets() const
{
    QList<QStringList> sets;
    const QVariantList stored = QSettings().value(kRecentKey).toList();
    for (const QVariant &set : stored)
        if (const QStringList paths = set.toStringList(); !paths.isEmpty())
            sets.append(paths);
    return sets;
}

void MainWindow::addRecent(const QStringList &paths)
{
    QList<QStringList> sets = recentPathSets();
    sets.removeAll(paths);
    sets.prepend(paths);
    QVariantList stored;
    for (const QStringList &set : std::as_const(sets).first(std::min<qsizetype>(sets.size(), kMaxRecent)))
        stored.append(set);
    QSettings().setValue(kRecentKey, stored);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QList<QStringList> sets = recentPathSets();
    const int width = m_recentMenu->fontMetrics().averageCharWidth() * 70;
    for (qsizetype i = 0; i < sets.size(); ++i) {
        const QStringList &paths = sets.at(i);
        QString label = paths.size() == 1
                            ? QDir::toNativeSeparators(paths.first())
                            : tr("%1 files in %2").arg(paths.size()).arg(QDir::toNativeSeparators(QFileInfo(paths.first()).absolutePath()));
        label = m_recentMenu->fontMetrics().elidedText(label, Qt::ElideMiddle, width);
        label.replace(u'&', u"&&"_s);
        if (i < 9)
            label = u"&%1  "_s.arg(i + 1) + label;
        QAction *action = m_recentMenu->addAction(label, this, [this, paths] { openPaths(paths); });
        action->setData(paths);
        action->setToolTip(QDir::toNativeSeparators(paths.join(u'\n')));
    }
    if (!sets.isEmpty())
        m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"), this, [this] {
        QSettings().remove(kRecentKey);
        updateRecentMenu();
    });
    clear->setObjectName(u"clearRecentAction"_s);
    clear->setEnabled(!sets.isEmpty());
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localPaths(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QStringList paths = localPaths(event->mimeData());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    openPaths(paths);
}

void MainWindow::watchOpenedPaths()
{
    if (const QStringList watched = m_watcher->files() + m_watcher->directories(); !watched.isEmpty())
        m_watcher->removePaths(watched);
    // A cancelled load was too long to wait for: it is not repeated on every change.
    if (!m_corpus || m_cancelled)
        return;
    // The folders as the load listed them: walking them again here kept the window waiting
    // a tenth of a second for 100 folders of 1,000 files.
    QStringList paths = m_corpus->folders;
    for (const QString &path : std::as_const(m_paths))
        if (QFileInfo(path).isFile())
            paths.append(path);
    if (m_corpus->articles.size() <= kMaxWatchedFiles)
        for (const Article &article : m_corpus->articles)
            paths.append(article.filePath);
    paths.removeDuplicates();
    if (!paths.isEmpty())
        m_watcher->addPaths(paths);
}

void MainWindow::onLoadStarted()
{
    m_progress->setRange(0, 0);  // busy until the files are listed
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    updateSummary();
}

void MainWindow::onLoaded(std::shared_ptr<const EventIndex> events, bool cancelled)
{
    m_progress->hide();
    m_cancel->hide();
    m_cancelled = cancelled;
    m_corpus = events->sharedCorpus();

    // The filter first, so that the proxy filters the new events once.
    m_filters->setEvents(events);
    m_reader->setCorpus(m_corpus);
    m_events->setEventIndex(std::move(events));
    m_problems->setCorpus(m_corpus.get());
    const int problems = int(m_corpus->problems.size());
    m_problemsDock->setWindowTitle(problems ? tr("Problems (%L1)").arg(problems) : tr("Problems"));
    if (problems > 0 && m_problemsDock->isHidden()) {
        m_problemsDock->show();
        // A few lines are enough to notice; the events stay the main view.
        const int lines = std::min(problems, 6) + 2;
        resizeDocks({m_problemsDock}, {lines * m_problems->fontMetrics().height() * 3 / 2}, Qt::Vertical);
    }

    selectAfterLoad();
    watchOpenedPaths();
    updateSummary();
    if (std::exchange(m_reloading, false))
        statusBar()->showMessage(tr("Reloaded: the files changed"), 4000);
    emit corpusLoaded();
}

void MainWindow::selectAfterLoad()
{
    if (const auto range = std::exchange(m_keptRange, std::nullopt))
        m_timeline->setVisibleRange(range->first, range->second);
    int event = -1;
    if (const auto kept = std::exchange(m_keptEvent, std::nullopt)) {
        for (qsizetype i = 0; i < m_corpus->events.size() && event < 0; ++i) {
            const Event &candidate = m_corpus->events.at(i);
            if (candidate.evidence.start == kept->evidenceStart && m_corpus->articles.at(candidate.article).filePath == kept->filePath)
                event = int(i);
        }
    }
    if (event >= 0) {
        if (!m_table->selectEvent(event)) {
            m_reader->setCurrentEvent(event);
            m_timeline->selectEvent(event);
        }
    } else if (m_proxy->rowCount() > 0) {
        m_table->selectRow(0);
    }
}

void MainWindow::onReaderActivated(int event)
{
    if (m_table->selectEvent(event))
        return;
    m_table->clearSelection();
    m_reader->setCurrentEvent(event);
    m_timeline->selectEvent(event);
    statusBar()->showMessage(tr("That event is hidden by the filter."), 4000);
}

void MainWindow::updateSummary()
{
    if (isLoading()) {
        m_summary->setText(tr("Reading articles…"));
        return;
    }
    if (!m_corpus) {
        m_summary->setText(tr("No articles open"));
        return;
    }
    const qsizetype articles = m_corpus->articles.size();
    const qsizetype problems = m_corpus->problems.size();
    QString text = tr("%L1 of %L2 events shown").arg(m_proxy->rowCount()).arg(m_corpus->events.size());
    text += u" · " + (articles == 1 ? tr("1 article") : tr("%L1 articles").arg(articles));
    text += u" · " + (problems == 1 ? tr("1 problem") : tr("%L1 problems").arg(problems));
    if (m_cancelled)
        text += tr(" · reading cancelled");
    m_summary->setText(text);
}

bool MainWindow::exportChartTo(const QString &picture, const QString &path, const PictureSettings &settings,
                               QString *error) const
{
    const std::shared_ptr<const EventIndex> index = m_events->eventIndex();
    return exportPicture(picture, index ? index : std::make_shared<const EventIndex>(std::make_shared<const Corpus>()), m_proxy->filter(),
                         path, settings, error);
}

bool MainWindow::exportEventsTo(const QString &path, QString *error) const
{
    const Corpus empty;
    const Corpus &corpus = m_corpus ? *m_corpus : empty;
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    if (suffix == u"csv")
        bytes = eventsToCsv(corpus, m_proxy->filter());
    else if (suffix == u"json")
        bytes = QJsonDocument(eventsToJson(corpus, m_proxy->filter())).toJson(QJsonDocument::Indented);
    else {
        if (error)
            *error = tr("%1: the file name must end in .csv or .json").arg(path);
        return false;
    }
    QString reason;
    if (!writeFileAtomically(path, bytes, &reason)) {
        if (error)
            *error = tr("cannot write %1: %2").arg(path, reason);
        return false;
    }
    return true;
}

QString MainWindow::askSavePath(const QString &caption, const QString &baseName, const QStringList &suffixes,
                                const QStringList &filters)
{
    QString selectedFilter = filters.constFirst();
    QString path = QFileDialog::getSaveFileName(this, caption, QDir(lastFolder()).filePath(baseName + u'.' + suffixes.constFirst()),
                                                filters.join(u";;"), &selectedFilter);
    if (path.isEmpty() || suffixes.contains(QFileInfo(path).suffix().toLower()))
        return path;
    // No known suffix: take the chosen filter's. The dialog did not see that name, so confirm here.
    path += u'.' + suffixes.value(std::max(qsizetype(0), filters.indexOf(selectedFilter)));
    if (QFileInfo::exists(path)
        && QMessageBox::question(this, caption, tr("%1 already exists. Replace it?").arg(QFileInfo(path).fileName()),
                                 QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
               != QMessageBox::Yes)
        return {};
    return path;
}

void MainWindow::exportChart()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Export Chart"));
    auto *form = new QFormLayout(&dialog);
    auto *picture = new QComboBox;
    const QStringList pictures = exportablePictures();
    const QStringList labels{tr("Timeline"), tr("Events per month"), tr("Actors over time"), tr("Events by type"),
                             tr("Actor pairs")};
    for (int i = 0; i < pictures.size(); ++i)
        picture->addItem(labels.value(i, pictures.at(i)), pictures.at(i));
    picture->setCurrentIndex(m_chartsDock->isVisible() ? int(m_charts->currentKind()) + 1 : 0);
    form->addRow(tr("&Picture:"), picture);
    auto *width = new QSpinBox;
    width->setRange(200, 10000);
    width->setValue(1920);
    width->setSuffix(tr(" px"));
    auto *height = new QSpinBox;
    height->setRange(150, 10000);
    height->setValue(1080);
    height->setSuffix(tr(" px"));
    form->addRow(tr("&Width:"), width);
    form->addRow(tr("&Height:"), height);
    auto *scale = new QDoubleSpinBox;
    scale->setRange(0.5, 8);
    scale->setSingleStep(0.5);
    scale->setValue(2);
    scale->setSuffix(u"×"_s);
    scale->setToolTip(tr("PNG pixels per logical pixel; SVG and PDF are vector pictures"));
    form->addRow(tr("PNG &scale:"), scale);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;

    const QString chosen = picture->currentData().toString();
    const QString path = askSavePath(tr("Export Chart"), chosen, {u"png"_s, u"svg"_s, u"pdf"_s},
                                     {tr("PNG image (*.png)"), tr("SVG drawing (*.svg)"), tr("PDF document (*.pdf)")});
    if (path.isEmpty())
        return;
    PictureSettings settings;
    settings.size = QSize(width->value(), height->value());
    settings.scale = scale->value();
    QString error;
    if (!exportChartTo(chosen, path, settings, &error))
        QMessageBox::warning(this, tr("Export Chart"), tr("The chart was not saved: %1.").arg(error));
}

void MainWindow::exportEvents()
{
    const QString path = askSavePath(tr("Export Events"), u"events"_s, {u"csv"_s, u"json"_s},
                                     {tr("CSV table (*.csv)"), tr("JSON (*.json)")});
    if (path.isEmpty())
        return;
    QString error;
    if (!exportEventsTo(path, &error))
        QMessageBox::warning(this, tr("Export Events"), tr("The events were not saved: %1.").arg(error));
}

void MainWindow::updateCharts()
{
    // Hidden charts cost nothing: they catch up when shown.
    if (!m_corpus || isLoading() || !m_chartsDock->isVisible())
        return;
    m_charts->setEvents(m_events->eventIndex(), m_proxy->acceptedRows(), m_proxy->filter());
}

void MainWindow::narrowFromChart(const EventFilter &filter)
{
    m_filtersBeforeChartClicks.append(m_filters->filter());
    m_charts->setUndoAvailable(true);
    m_filters->setFilter(filter);
}

void MainWindow::undoChartFilter()
{
    if (m_filtersBeforeChartClicks.isEmpty())
        return;
    m_filters->setFilter(m_filtersBeforeChartClicks.takeLast());
    m_charts->setUndoAvailable(!m_filtersBeforeChartClicks.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace dateline
