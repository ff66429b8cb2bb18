#include "mainwindow.h"

#include "corpusloader.h"
#include "eventfilterproxymodel.h"
#include "eventmodel.h"
#include "eventtableview.h"
#include "filterbar.h"
#include "problemlist.h"
#include "readerview.h"
#include "timelineview.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

const auto kLastFolderKey = "lastFolder"_L1;
const auto kGeometryKey = "mainWindow/geometry"_L1;
const auto kStateKey = "mainWindow/state"_L1;
const auto kSplitterKey = "mainWindow/splitter"_L1;
const auto kTimelineSplitterKey = "mainWindow/timelineSplitter"_L1;
const auto kLaneModeKey = "timeline/laneMode"_L1;

} // namespace

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Dateline"));

    m_loader = new CorpusLoader(this);
    m_events = new EventModel(this);
    m_proxy = new EventFilterProxyModel(this);
    m_proxy->setObjectName(u"eventProxy"_s);
    m_proxy->setEventModel(m_events);

    m_filterBar = new FilterBar;
    m_filterBar->setObjectName(u"filterBar"_s);
    m_table = new EventTableView;
    m_table->setObjectName(u"eventTable"_s);
    m_table->setModel(m_proxy);
    m_reader = new ReaderView;
    m_reader->setObjectName(u"readerView"_s);

    auto *eventsPane = new QWidget;
    auto *eventsLayout = new QVBoxLayout(eventsPane);
    eventsLayout->setContentsMargins(6, 6, 0, 0);
    eventsLayout->setSpacing(6);
    eventsLayout->addWidget(m_filterBar);
    eventsLayout->addWidget(m_table, 1);

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(eventsPane);
    m_splitter->addWidget(m_reader);
    m_splitter->setStretchFactor(0, 5);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setSizes({1000, 600});

    // The timeline spans the whole width above the list and the reader.
    m_timelineSplitter = new QSplitter(Qt::Vertical, this);
    m_timelineSplitter->setObjectName(u"timelineSplitter"_s);
    m_timelineSplitter->setChildrenCollapsible(false);
    m_timelineSplitter->addWidget(createTimelinePane());
    m_timelineSplitter->addWidget(m_splitter);
    m_timelineSplitter->setStretchFactor(0, 1);
    m_timelineSplitter->setStretchFactor(1, 1);
    m_timelineSplitter->setSizes({500, 500});
    setCentralWidget(m_timelineSplitter);

    m_problems = new ProblemList;
    m_problems->setObjectName(u"problemList"_s);
    m_problemsDock = new QDockWidget(tr("Problems"), this);
    m_problemsDock->setObjectName(u"problemsDock"_s);
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide();

    m_summary = new QLabel;
    m_summary->setObjectName(u"summaryLabel"_s);
    m_progress = new QProgressBar;
    m_progress->setObjectName(u"loadProgress"_s);
    m_progress->setMaximumWidth(220);
    m_progress->setFormat(tr("%v of %m files"));
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
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_loader, &CorpusLoader::finished, this, &MainWindow::onLoaded);
    connect(m_cancel, &QToolButton::clicked, m_loader, &CorpusLoader::cancel);

    connect(m_filterBar, &FilterBar::filterChanged, m_proxy, &EventFilterProxyModel::setFilter);
    connect(m_proxy, &EventFilterProxyModel::filterChanged, this, &MainWindow::updateSummary);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &MainWindow::updateSummary);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateSummary);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateSummary);

    connect(m_table, &EventTableView::currentEventChanged, this, [this](int event) {
        // A filter that hides the selected row leaves the article on screen.
        if (event < 0)
            return;
        m_reader->setCurrentEvent(event);
        m_timeline->selectEvent(event);
    });
    connect(m_reader, &ReaderView::eventActivated, this, &MainWindow::onReaderActivated);
    connect(m_timeline, &TimelineView::eventSelected, this, &MainWindow::onTimelineSelected);

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

    updateSummary();
}

MainWindow::~MainWindow() = default;

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

    // What the colours and shapes mean. The names are the program's own, so rich text is safe here.
    QStringList legend;
    for (int type = 0; type < kEventTypeCount; ++type)
        legend.append(u"<span style=\"color:%1\">●</span>&nbsp;%2"_s.arg(timelineTypeColor(EventType(type)).name(),
                                                                         eventTypeName(EventType(type))));
    auto *legendLabel = new QLabel(legend.join(u"&nbsp;&nbsp; "));
    legendLabel->setObjectName(u"timelineLegend"_s);
    legendLabel->setTextFormat(Qt::RichText);
    legendLabel->setContentsMargins(6, 0, 6, 0);
    legendLabel->setToolTip(tr("A dot is an event known to the day; a solid bar, one known only to its month; "
                               "a dashed bar, one known only to its year. A grey badge counts events too close to "
                               "tell apart: click it to zoom in."));
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
    openFolderAction->setShortcut(QKeySequence::Open);
    QAction *openFilesAction = file->addAction(tr("Open F&iles…"), this, &MainWindow::openFiles);
    openFilesAction->setShortcut(Qt::CTRL | Qt::SHIFT | Qt::Key_O);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_problemsDock->toggleViewAction());
}

void MainWindow::openPaths(const QStringList &paths)
{
    m_paths = paths;
    if (paths.size() == 1)
        setWindowTitle(tr("%1 — Dateline").arg(QFileInfo(paths.first()).fileName()));
    else
        setWindowTitle(tr("%1 files — Dateline").arg(paths.size()));
    m_loader->load(paths);
}

bool MainWindow::isLoading() const { return m_loader->isLoading(); }

void MainWindow::openFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Articles"), lastFolder());
    if (folder.isEmpty())
        return;
    rememberFolder(folder);
    openPaths({folder});
}

void MainWindow::openFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open Articles"), lastFolder(),
                                                            tr("Text files (*.txt);;All files (*)"));
    if (files.isEmpty())
        return;
    rememberFolder(QFileInfo(files.first()).absolutePath());
    openPaths(files);
}

QString MainWindow::lastFolder() const
{
    const QString folder = QSettings().value(kLastFolderKey).toString();
    return !folder.isEmpty() && QDir(folder).exists() ? folder : QDir::homePath();
}

void MainWindow::rememberFolder(const QString &folder) { QSettings().setValue(kLastFolderKey, folder); }

void MainWindow::onLoadStarted()
{
    m_progress->setRange(0, 0);  // busy until the files are listed
    m_progress->show();
    m_cancel->show();
    m_cancel->setEnabled(true);
    updateSummary();
}

void MainWindow::onLoaded(std::shared_ptr<const Corpus> corpus, bool cancelled)
{
    m_progress->hide();
    m_cancel->hide();
    m_cancelled = cancelled;
    m_corpus = std::move(corpus);

    m_reader->setCorpus(m_corpus);
    m_events->setCorpus(m_corpus);
    m_filterBar->setCorpus(m_corpus.get());
    m_problems->setCorpus(m_corpus.get());
    const int problems = int(m_corpus->problems.size());
    m_problemsDock->setWindowTitle(problems ? tr("Problems (%1)").arg(problems) : tr("Problems"));
    if (problems > 0 && m_problemsDock->isHidden()) {
        m_problemsDock->show();
        // A few lines are enough to notice; the events stay the main view.
        const int lines = std::min(problems, 6) + 2;
        resizeDocks({m_problemsDock}, {lines * m_problems->fontMetrics().height() * 3 / 2}, Qt::Vertical);
    }

    if (m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    updateSummary();
    emit corpusLoaded();
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
    QString text = tr("%1 of %2 events shown").arg(m_proxy->rowCount()).arg(m_corpus->events.size());
    text += u" · " + (articles == 1 ? tr("1 article") : tr("%1 articles").arg(articles));
    text += u" · " + (problems == 1 ? tr("1 problem") : tr("%1 problems").arg(problems));
    if (m_cancelled)
        text += tr(" · reading cancelled");
    m_summary->setText(text);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kTimelineSplitterKey, m_timelineSplitter->saveState());
    settings.setValue(kLaneModeKey, m_laneMode->currentData());
    m_loader->cancel();
    QMainWindow::closeEvent(event);
}

} // namespace dateline
