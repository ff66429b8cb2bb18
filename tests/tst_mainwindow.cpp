#include "chartspanel.h"
#include "hostilefiles.h"
#include "eventfilterproxymodel.h"
#include "eventmodel.h"
#include "eventtableview.h"
#include "filterdock.h"
#include "globalpoolblocker.h"
#include "mainwindow.h"
#include "problemlist.h"
#include "readerview.h"
#include "textfolding.h"
#include "timelineview.h"

#include "actorlistmodel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QFontInfo>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QToolTip>
#include <QHelpEvent>
#include <QTest>
#include <QToolButton>
#include <QUrl>

#include <memory>

using namespace Qt::StringLiterals;
using namespace dateline;

namespace {

constexpr int kLoadTimeout = 60000;

QList<QTextEdit::ExtraSelection> marks(const ReaderView *reader, ReaderView::Mark mark)
{
    QList<QTextEdit::ExtraSelection> found;
    const QList<QTextEdit::ExtraSelection> all = reader->textView()->extraSelections();
    for (const QTextEdit::ExtraSelection &selection : all)
        if (selection.format.property(ReaderView::MarkProperty).toInt() == int(mark))
            found.append(selection);
    return found;
}

QSet<int> drawnRows(const TimelineView *timeline)
{
    QSet<int> rows;
    for (int lane = 0; lane < timeline->laneCount(); ++lane)
        for (int row : timeline->laneRows(lane))
            rows.insert(row);
    return rows;
}

QModelIndex actorRow(const ActorListModel *model, const QString &name)
{
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->index(row).data(ActorListModel::NameRole).toString() == name)
            return model->index(row);
    return {};
}

void copyArticle(const QString &name, const QString &destination)
{
    QVERIFY(QFile::copy(QStringLiteral(DATELINE_ARTICLES_DIR) + u'/' + name, destination));
    // A copy keeps its source's mode, which may be read-only.
    QVERIFY(QFile::setPermissions(destination, QFile::ReadOwner | QFile::WriteOwner));
}

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loadingBundledArticles_fillsTableAndStatus();
    void filteringInTheBackground_updatesStatusWhenDone();
    void selectingRow_highlightsExactlyThatSentence_data();
    void selectingRow_highlightsExactlyThatSentence();
    void selectingRow_marksTheArticlesOtherEvents();
    void clickingMarkedSentence_selectsItsRow();
    void clickingTimelineEvent_selectsRowAndHighlightsSentence();
    void typingInSearch_narrowsRowsAndUpdatesStatus();
    void uncheckingActorAndPickingType_updatesTableTimelineAndStatus();
    void sortingByDate_putsUndatedFirstThenChronological();
    void undatedEvents_formATintedGroupAndShowTheirArticle();
    void rawFileToggle_showsWholeTextWithJunkUngreyed();
    void settings_restoreLayoutLaneModeAndFilterInANewWindow();
    void viewMenu_togglesDocksAndResetLayoutBringsThemBack();
    void chartClick_narrowsTableAndTimelineAndUndoRestores();
    void droppingFolderUrl_loadsIt();
    void writingIntoWatchedFolder_reloadsOnceAndKeepsSelection();
    void writingIntoSubfolder_reloads();
    void recentMenu_listsOpenedFolderAndReopensIt();
    void shortcuts_ctrlFFocusesSearchAndF5Reloads();
    void badFiles_areListedAsProblems();
    void hostileFiles_areListedAsProblemsAndTheRestLoads();
    void statusCounts_areGroupedLikeTheOtherCounts();
    void craftedArticle_staysInertTextInEveryView();
    void cancellingLoad_keepsWhatWasReadAndSaysSo();
    void loading_leavesQtsThreadPoolToPainting();
    void loadProgress_showsItsWholeText();
    void proxyModel_passesModelTester();
    void exports_writeTheFilteredEventsAndChartsToFiles();

private:
    // Opens `paths` and waits for the corpus; false (with a failure) when it never arrives.
    bool load(const QStringList &paths);

    std::unique_ptr<MainWindow> m_window;
    EventFilterProxyModel *m_proxy = nullptr;
    EventTableView *m_table = nullptr;
    ReaderView *m_reader = nullptr;
    TimelineView *m_timeline = nullptr;
    FilterDock *m_filters = nullptr;
    QLabel *m_summary = nullptr;
};

void TestMainWindow::initTestCase()
{
    // Settings go to a test location under a test organisation, never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"DatelineTests"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    QSettings().clear();  // no layout, filter or recent folder left over from another test
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_proxy = m_window->findChild<EventFilterProxyModel *>(u"eventProxy"_s);
    m_table = m_window->findChild<EventTableView *>(u"eventTable"_s);
    m_reader = m_window->findChild<ReaderView *>(u"readerView"_s);
    m_timeline = m_window->findChild<TimelineView *>(u"timeline"_s);
    m_filters = m_window->findChild<FilterDock *>(u"filterDock"_s);
    m_summary = m_window->findChild<QLabel *>(u"summaryLabel"_s);
    QVERIFY(m_proxy && m_table && m_reader && m_timeline && m_filters && m_summary);
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

bool TestMainWindow::load(const QStringList &paths)
{
    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    m_window->openPaths(paths);
    [&] { QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout); }();
    return loaded.count() == 1 && !QTest::currentTestFailed();
}

void TestMainWindow::filteringInTheBackground_updatesStatusWhenDone()
{
    m_proxy->setBackgroundThreshold(1);  // as a large corpus is filtered
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const qsizetype events = m_window->corpus()->events.size();
    QTRY_VERIFY(!m_proxy->isBusy());
    QCOMPARE(m_proxy->rowCount(), events);
    QVERIFY2(m_summary->text().startsWith(u"%1 of %1 events shown"_s.arg(events)), qPrintable(m_summary->text()));
}

void TestMainWindow::loadingBundledArticles_fillsTableAndStatus()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const Corpus *corpus = m_window->corpus();
    QVERIFY(corpus);
    QVERIFY(!corpus->events.isEmpty());
    QCOMPARE(m_proxy->rowCount(), corpus->events.size());
    QCOMPARE(m_table->model(), m_proxy);
    QCOMPARE(m_summary->text(), u"%1 of %1 events shown · %2 articles · %3 problems"_s.arg(corpus->events.size())
                                    .arg(corpus->articles.size())
                                    .arg(corpus->problems.size()));
}

void TestMainWindow::selectingRow_highlightsExactlyThatSentence_data()
{
    QTest::addColumn<double>("where");  // fraction of the rows, so the test follows the corpus
    QTest::newRow("first row") << 0.0;
    QTest::newRow("middle row") << 0.5;
    QTest::newRow("last row") << 1.0;
}

void TestMainWindow::selectingRow_highlightsExactlyThatSentence()
{
    QFETCH(double, where);
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const int row = int(where * (m_proxy->rowCount() - 1));
    const QModelIndex index = m_proxy->index(row, EventModel::SentenceColumn);
    const int event = m_proxy->mapToSource(index).row();
    const qsizetype start = index.data(EventModel::EvidenceStartRole).value<qsizetype>();
    const qsizetype end = index.data(EventModel::EvidenceEndRole).value<qsizetype>();
    const Article &article = m_window->corpus()->articles.at(index.data(EventModel::ArticleRole).toInt());

    m_table->selectRow(row);

    QCOMPARE(m_table->currentEvent(), event);
    QCOMPARE(m_reader->currentEvent(), event);
    // Offsets must match one to one: compare the raw document, which keeps no-break spaces.
    QString shown = m_reader->textView()->document()->toRawText();
    shown.replace(QChar::ParagraphSeparator, u'\n');
    QCOMPARE(shown, article.text);
    const QList<QTextEdit::ExtraSelection> current = marks(m_reader, ReaderView::Mark::CurrentEvent);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().cursor.selectionStart(), start);
    QCOMPARE(current.first().cursor.selectionEnd(), end);
    QCOMPARE(current.first().cursor.selectedText(), index.data(EventModel::SentenceRole).toString());
    QCOMPARE(current.first().format.property(ReaderView::EventProperty).toInt(), event);
    QVERIFY(current.first().format.background().color().alpha() > 0);

    // Scrolled into view: the start of the sentence lies inside the viewport.
    QTextCursor cursor(m_reader->textView()->document());
    cursor.setPosition(int(start));
    QVERIFY(m_reader->textView()->viewport()->rect().contains(m_reader->textView()->cursorRect(cursor).center()));
}

void TestMainWindow::selectingRow_marksTheArticlesOtherEvents()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    m_table->selectRow(0);
    const Corpus &corpus = *m_window->corpus();
    const int event = m_table->currentEvent();
    const int article = corpus.events.at(event).article;

    QSet<int> expected;
    for (qsizetype i = 0; i < corpus.events.size(); ++i)
        if (corpus.events.at(i).article == article && i != event)
            expected.insert(int(i));
    QSet<int> marked;
    for (const QTextEdit::ExtraSelection &selection : marks(m_reader, ReaderView::Mark::OtherEvent)) {
        const int other = selection.format.property(ReaderView::EventProperty).toInt();
        QCOMPARE(selection.cursor.selectionStart(), corpus.events.at(other).evidence.start);
        QCOMPARE(selection.cursor.selectionEnd(), corpus.events.at(other).evidence.end);
        marked.insert(other);
    }
    QCOMPARE(marked, expected);
    QCOMPARE(marks(m_reader, ReaderView::Mark::Junk).size(), corpus.articles.at(article).junk.size());
}

void TestMainWindow::clickingMarkedSentence_selectsItsRow()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const Corpus &corpus = *m_window->corpus();
    m_table->selectRow(0);
    const int first = m_table->currentEvent();

    // Another event of the same article whose sentence is not the selected one.
    int target = -1;
    for (qsizetype i = 0; i < corpus.events.size() && target < 0; ++i) {
        const Event &candidate = corpus.events.at(i);
        if (candidate.article == corpus.events.at(first).article && !(candidate.evidence == corpus.events.at(first).evidence))
            target = int(i);
    }
    if (target < 0)
        QSKIP("the first article has a single event sentence");
    const TextSpan evidence = corpus.events.at(target).evidence;

    QPlainTextEdit *text = m_reader->textView();
    QTextCursor cursor(text->document());
    cursor.setPosition(int(evidence.start + evidence.length() / 2));
    text->setTextCursor(cursor);
    text->ensureCursorVisible();
    const QPoint point = text->cursorRect(cursor).center();
    QVERIFY(text->viewport()->rect().contains(point));
    QCOMPARE(m_reader->eventAt(text->cursorForPosition(point).position()), target);

    QSignalSpy activated(m_reader, &ReaderView::eventActivated);
    QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, point);

    QCOMPARE(activated.count(), 1);
    QCOMPARE(activated.first().first().toInt(), target);
    QCOMPARE(m_table->currentEvent(), target);
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_proxy->mapToSource(selected.first()).row(), target);
    QCOMPARE(marks(m_reader, ReaderView::Mark::CurrentEvent).first().cursor.selectionStart(), evidence.start);
}

void TestMainWindow::typingInSearch_narrowsRowsAndUpdatesStatus()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const Corpus &corpus = *m_window->corpus();
    const int total = int(corpus.events.size());

    // A word of the corpus that some events have and others not, with the count the filter must give.
    QString word;
    int expected = 0;
    // ASCII only: QTest::keyClicks types Latin-1 keys.
    static const QRegularExpression words(u"\\b[A-Za-z]{7,}\\b"_s);
    for (const Event &event : corpus.events) {
        auto it = words.globalMatch(corpus.articles.at(event.article).textOf(event.evidence));
        while (word.isEmpty() && it.hasNext()) {
            EventFilter filter;
            filter.text = it.next().captured();
            const auto count = std::count_if(corpus.events.cbegin(), corpus.events.cend(), [&](const Event &e) {
                return filter.accepts(e, corpus.articles.at(e.article));
            });
            if (count > 0 && count < total) {
                word = filter.text;
                expected = int(count);
            }
        }
    }
    QVERIFY2(!word.isEmpty(), "no word narrows the bundled articles");

    auto *search = m_filters->findChild<QLineEdit *>(u"textSearch"_s);
    QVERIFY(search);
    QTest::keyClicks(search, word);
    QTRY_COMPARE(m_proxy->rowCount(), expected);
    const QString needle = foldForMatching(word);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const Article &article = corpus.articles.at(index.data(EventModel::ArticleRole).toInt());
        QVERIFY(foldForMatching(index.data(EventModel::SentenceRole).toString()).contains(needle)
                || foldForMatching(article.title).contains(needle));
    }
    QVERIFY2(m_summary->text().startsWith(u"%1 of %2 events shown"_s.arg(expected).arg(total)), qPrintable(m_summary->text()));

    search->clear();
    QCOMPARE(m_proxy->rowCount(), total);
    QVERIFY(m_summary->text().startsWith(u"%1 of %1 events shown"_s.arg(total)));
}

void TestMainWindow::sortingByDate_putsUndatedFirstThenChronological()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    QCOMPARE(m_table->horizontalHeader()->sortIndicatorSection(), int(EventModel::DateColumn));
    QCOMPARE(m_table->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
    bool seenDated = false;
    QDate previous;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, EventModel::DateColumn);
        const QDate date = index.data(EventModel::DateRole).toDate();
        if (!date.isValid()) {
            QVERIFY2(!seenDated, "an undated event after a dated one");
            QCOMPARE(index.data().toString(), u"Undated"_s);
            continue;
        }
        seenDated = true;
        QVERIFY(!previous.isValid() || previous <= date);
        previous = date;
    }
}

void TestMainWindow::badFiles_areListedAsProblems()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(QFile::copy(QStringLiteral(DATELINE_ARTICLES_DIR) + u"/000_d3bfdcd42c0925d8.txt"_s, folder.filePath(u"good.txt"_s)));
    QFile empty(folder.filePath(u"empty.txt"_s));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();

    QVERIFY(load({folder.path(), folder.filePath(u"missing.txt"_s)}));
    const Corpus &corpus = *m_window->corpus();
    QCOMPARE(corpus.articles.size(), 2);
    QVERIFY(corpus.problems.size() >= 2);  // the empty file and the missing path

    const auto *list = m_window->findChild<ProblemList *>(u"problemList"_s);
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), corpus.problems.size());
    QStringList files;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        files.append(list->topLevelItem(i)->text(0));
    QVERIFY(files.contains(u"empty.txt"_s));
    QVERIFY(files.contains(folder.filePath(u"missing.txt"_s)));
    QVERIFY(m_window->findChild<QDockWidget *>(u"problemsDock"_s)->isVisible());
    QVERIFY(m_summary->text().endsWith(u"%1 problems"_s.arg(corpus.problems.size())));
}

void TestMainWindow::statusCounts_areGroupedLikeTheOtherCounts()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    for (int i = 0; i < 1001; ++i)
        QVERIFY(hostile::write(QDir(folder.path()), u"empty-%1.txt"_s.arg(i), {}));
    QVERIFY(load({folder.path()}));
    QVERIFY2(m_summary->text().endsWith(u"1,001 problems"_s), qPrintable(m_summary->text()));
    QCOMPARE(m_window->findChild<QDockWidget *>(u"problemsDock"_s)->windowTitle(), u"Problems (1,001)"_s);
}

void TestMainWindow::hostileFiles_areListedAsProblemsAndTheRestLoads()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QList<HostileFile> files = hostile::writeFiles(QDir(folder.path()));
    QVERIFY(load({folder.path()}));

    const auto *list = m_window->findChild<ProblemList *>(u"problemList"_s);
    QMultiHash<QString, QString> problems;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        problems.insert(list->topLevelItem(i)->text(0), list->topLevelItem(i)->text(1));
    QSet<QString> articlesWithEvents;
    for (const Event &event : m_window->corpus()->events)
        articlesWithEvents.insert(m_window->corpus()->articles.at(event.article).fileName);
    const QStringList mismatches = hostile::mismatches(files, problems, articlesWithEvents);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    QVERIFY(m_window->findChild<QDockWidget *>(u"problemsDock"_s)->isVisible());

    // The rest loaded: the events are in the table, one per row.
    QTRY_VERIFY(!m_proxy->isBusy());
    QCOMPARE(m_proxy->rowCount(), m_window->corpus()->events.size());
}

void TestMainWindow::craftedArticle_staysInertTextInEveryView()
{
    const QString image = u"<img src=\"http://127.0.0.1/pixel.png\">"_s;
    const QString longWord = QString(20'000, u'x');
    // Too long for a title line: the first sentence, markup and 20,000 letters, stands for the title.
    const QString text = u" date 2023-03-05\n<b>Sommet</b> "_s + image + u" <script>alert(1)</script> "_s + longWord + u"\n\n"_s
                         + u"Le 5 mars, Vladimir Poutine a reçu Xi Jinping à Moscou "_s + image + u" <a href=\"http://example.org\">lien</a>.\n\n"_s
                         + u"Le 6 mars, Xi Jinping a rencontré Vladimir Poutine \u202Eà Pékin avec "_s + longWord + u".\n"_s;
    QTemporaryDir folder;
    QVERIFY(hostile::write(QDir(folder.path()), u"crafted.txt"_s, text.toUtf8()));
    QVERIFY(load({folder.path()}));
    QTRY_VERIFY(!m_proxy->isBusy());
    QCOMPARE(m_proxy->rowCount(), 2);
    const QSize windowSize = m_window->size();
    const int tableWidth = m_table->width();

    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        m_table->selectRow(row);
        QCoreApplication::processEvents();
        // The reader holds the text as written: tags are characters, nothing is an image or a link.
        QString shown = m_reader->textView()->document()->toRawText();
        shown.replace(QChar::ParagraphSeparator, u'\n');
        QCOMPARE(shown, m_window->corpus()->articles.at(0).text);
        for (QTextBlock block = m_reader->textView()->document()->begin(); block.isValid(); block = block.next())
            for (auto fragment = block.begin(); !fragment.atEnd(); ++fragment)
                QVERIFY(!fragment.fragment().charFormat().isImageFormat() && !fragment.fragment().charFormat().isAnchor());
        const auto *title = m_reader->findChild<QLabel *>(u"readerTitle"_s);
        QCOMPARE(title->textFormat(), Qt::PlainText);
        QVERIFY(title->text().contains(u"<b>Sommet</b>"_s));
        for (const QLabel *label : m_reader->findChildren<QLabel *>())
            QVERIFY(label->textFormat() == Qt::PlainText || !label->text().contains(u"<img"_s));

        // Its layout holds: neither the 20,000-letter word nor the override widens or breaks anything.
        QCOMPARE(m_window->size(), windowSize);
        QCOMPARE(m_table->width(), tableWidth);
        QVERIFY(title->width() <= m_reader->width());
        for (const QLabel *label : m_reader->findChildren<QLabel *>())
            QVERIFY2(label->geometry().right() <= m_reader->width(), qPrintable(label->objectName()));
        QVERIFY(m_table->horizontalHeader()->sectionSize(EventModel::SentenceColumn) <= m_window->width());
        QCOMPARE(m_table->rowHeight(row), m_table->rowHeight(0));

        // The timeline's tooltip shows the markup as text, without the override, wrapped.
        const QPoint marker = m_timeline->eventItem(m_proxy->mapToSource(m_proxy->index(row, 0)).row()).rect.center().toPoint();
        QHelpEvent help(QEvent::ToolTip, marker, m_timeline->viewport()->mapToGlobal(marker));
        QApplication::sendEvent(m_timeline->viewport(), &help);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(!tip.contains(u"<img"_s) && !tip.contains(u"<a "_s) && !tip.contains(QChar(0x202E)), qPrintable(tip));
        QVERIFY(tip.size() < 2000);
        QToolTip::hideText();
    }
}

void TestMainWindow::cancellingLoad_keepsWhatWasReadAndSaysSo()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString source = QStringLiteral(DATELINE_ARTICLES_DIR) + u"/000_d3bfdcd42c0925d8.txt"_s;
    constexpr int kFiles = 400;  // enough that reading cannot finish before Cancel is clicked
    for (int i = 0; i < kFiles; ++i)
        QVERIFY(QFile::copy(source, folder.filePath(u"%1.txt"_s.arg(i, 3, 10, QChar(u'0')))));

    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    m_window->openPaths({folder.path()});
    auto *progress = m_window->findChild<QProgressBar *>(u"loadProgress"_s);
    auto *cancel = m_window->findChild<QToolButton *>(u"cancelLoad"_s);
    QVERIFY(progress && cancel);
    QVERIFY(m_window->isLoading());
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QTest::mouseClick(cancel, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
    QVERIFY(!m_window->isLoading());
    QVERIFY(m_window->corpus()->articles.size() < kFiles);
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
    QVERIFY2(m_summary->text().endsWith(u"reading cancelled"_s), qPrintable(m_summary->text()));
}

void TestMainWindow::loading_leavesQtsThreadPoolToPainting()
{
    // Qt 6.4 paints large areas on QThreadPool::globalInstance() and waits for it on the UI thread:
    // a reload run on that pool, with the lanes arranged beside it, froze the window 2 s.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString source = QStringLiteral(DATELINE_ARTICLES_DIR) + u"/000_d3bfdcd42c0925d8.txt"_s;
    constexpr int kFiles = 400;
    for (int i = 0; i < kFiles; ++i)
        QVERIFY(QFile::copy(source, folder.filePath(u"%1.txt"_s.arg(i, 3, 10, QChar(u'0')))));

    m_window->hide();  // painting would wait for the blocked pool
    QCoreApplication::processEvents();
    const GlobalPoolBlocker qtPaintsWithIt;
    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    m_window->openPaths({folder.path()});
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
    QCOMPARE(m_window->corpus()->articles.size(), kFiles);
}

void TestMainWindow::loadProgress_showsItsWholeText()
{
    // A screenshot of 100,000 articles loading showed "5131 of 100000 files" cut and folded
    // inside a bar sized before it had any text.
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    const QString source = QStringLiteral(DATELINE_ARTICLES_DIR) + u"/000_d3bfdcd42c0925d8.txt"_s;
    constexpr int kFiles = 2000;  // "2000 of 2000 files": wider than the bar before it is given a width
    for (int i = 0; i < kFiles; ++i)
        QVERIFY(QFile::copy(source, folder.filePath(u"%1.txt"_s.arg(i, 4, 10, QChar(u'0')))));

    // Grouped like every other count of the window: QProgressBar's own %v and %m never are.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });

    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    m_window->openPaths({folder.path()});
    auto *progress = m_window->findChild<QProgressBar *>(u"loadProgress"_s);
    QVERIFY(progress);
    QTRY_COMPARE(progress->maximum(), kFiles);
    QVERIFY2(progress->text().endsWith(u" of 2,000 files"_s), qPrintable(progress->text()));
    // The width the bar was given, kept while it is hidden: reading may end before it could be seen.
    const QString widest = u"2,000 of 2,000 files"_s;
    QVERIFY2(progress->minimumWidth() > progress->fontMetrics().horizontalAdvance(widest),
             qPrintable(u"%1 px for \"%2\""_s.arg(progress->minimumWidth()).arg(widest)));
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
}

void TestMainWindow::proxyModel_passesModelTester()
{
    QAbstractItemModelTester tester(m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    QVERIFY(m_proxy->rowCount() > 0);
    m_table->sortByColumn(EventModel::TypeColumn, Qt::DescendingOrder);
    m_filters->findChild<QCheckBox *>(u"typeCheck_statement"_s)->click();
    ActorListModel *actors = m_filters->actorModel();
    QVERIFY(actors->setData(actors->index(0), Qt::Unchecked, Qt::CheckStateRole));
    m_filters->findChild<QLineEdit *>(u"textSearch"_s)->setText(u"Chine"_s);
    QTest::qWait(300);  // past the search delay
    m_filters->findChild<QPushButton *>(u"noActors"_s)->click();
    QCOMPARE(m_proxy->rowCount(), 0);
    m_filters->setFilter({});
    QCOMPARE(m_proxy->rowCount(), m_window->corpus()->events.size());
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR) + u"/000_d3bfdcd42c0925d8.txt"_s}));
    QVERIFY(m_proxy->rowCount() > 0);
}

void TestMainWindow::clickingTimelineEvent_selectsRowAndHighlightsSentence()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const Corpus &corpus = *m_window->corpus();
    m_table->selectRow(0);
    const int before = m_table->currentEvent();

    // An event drawn alone, as a marker or a bar, once the timeline is zoomed onto its dates.
    int target = -1;
    QPoint point;
    for (qsizetype i = corpus.events.size() - 1; i >= 0 && target < 0; --i) {
        const Event &event = corpus.events.at(i);
        if (!event.date.isValid() || int(i) == before)
            continue;
        const double first = double(event.date.firstQDate().toJulianDay());
        const double last = double(event.date.lastQDate().toJulianDay()) + 1;
        const double pad = std::max(2.0, (last - first) * 0.2);
        m_timeline->setVisibleRange(first - pad, last + pad);
        const TimelineView::Hit hit = m_timeline->eventItem(int(i));
        point = hit.rect.center().toPoint();
        if ((hit.shape == TimelineView::Shape::Marker || hit.shape == TimelineView::Shape::Bar) && hit.count == 1
            && m_timeline->viewport()->rect().contains(point) && m_timeline->itemAt(point).row == int(i))
            target = int(i);
    }
    QVERIFY2(target >= 0, "no event stands alone on the timeline");
    QCOMPARE(m_timeline->itemAt(point).row, target);

    QTest::mouseClick(m_timeline->viewport(), Qt::LeftButton, {}, point);

    QCOMPARE(m_timeline->selectedEvent(), target);
    QCOMPARE(m_table->currentEvent(), target);
    const QModelIndexList selected = m_table->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(m_proxy->mapToSource(selected.first()).row(), target);
    QCOMPARE(m_reader->currentEvent(), target);
    const TextSpan evidence = corpus.events.at(target).evidence;
    const QList<QTextEdit::ExtraSelection> current = marks(m_reader, ReaderView::Mark::CurrentEvent);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().cursor.selectionStart(), evidence.start);
    QCOMPARE(current.first().cursor.selectionEnd(), evidence.end);
}

void TestMainWindow::uncheckingActorAndPickingType_updatesTableTimelineAndStatus()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const Corpus &corpus = *m_window->corpus();
    const int total = int(corpus.events.size());
    const auto accepted = [&](bool datedOnly) {
        QSet<int> rows;
        for (qsizetype i = 0; i < corpus.events.size(); ++i) {
            const Event &event = corpus.events.at(i);
            if ((!datedOnly || event.date.isValid()) && m_filters->filter().accepts(event, corpus.articles.at(event.article)))
                rows.insert(int(i));
        }
        return rows;
    };
    const auto shown = [&] {
        QSet<int> rows;
        for (int row = 0; row < m_proxy->rowCount(); ++row)
            rows.insert(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
        return rows;
    };
    const auto checkEveryView = [&] {
        QCOMPARE(m_proxy->filter(), m_filters->filter());
        QCOMPARE(shown(), accepted(false));
        QCOMPARE(drawnRows(m_timeline), accepted(true));
        QVERIFY2(m_summary->text().startsWith(u"%1 of %2 events shown"_s.arg(m_proxy->rowCount()).arg(total)),
                 qPrintable(m_summary->text()));
    };
    const QSet<int> drawnBefore = drawnRows(m_timeline);
    QCOMPARE(drawnBefore, accepted(true));

    // The most frequent actor that some dated events have alone, unchecked as a click on its
    // check box does.
    ActorListModel *actors = m_filters->actorModel();
    QString actor;
    for (int row = 0; row < actors->rowCount() && actor.isEmpty(); ++row) {
        const QString name = actors->index(row).data(ActorListModel::NameRole).toString();
        if (std::any_of(corpus.events.cbegin(), corpus.events.cend(),
                        [&](const Event &event) { return event.date.isValid() && event.actors == QStringList{name}; }))
            actor = name;
    }
    QVERIFY(!actor.isEmpty());
    QVERIFY(actors->setData(actorRow(actors, actor), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(m_proxy->rowCount() < total);
    checkEveryView();
    QVERIFY(drawnRows(m_timeline).size() < drawnBefore.size());

    // Then one type only: every other type unchecked.
    const auto type = EventType(m_proxy->index(0, 0).data(EventModel::TypeRole).toInt());
    for (int other = 0; other < kEventTypeCount; ++other)
        if (EventType(other) != type)
            m_filters->findChild<QCheckBox *>(u"typeCheck_"_s + eventTypeName(EventType(other)))->click();
    QVERIFY(m_proxy->rowCount() > 0);
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QCOMPARE(EventType(m_proxy->index(row, 0).data(EventModel::TypeRole).toInt()), type);
    checkEveryView();

    // Lanes by type: only that type's lane is left.
    auto *laneMode = m_window->findChild<QComboBox *>(u"laneModeCombo"_s);
    laneMode->setCurrentIndex(laneMode->findData(int(TimelineLaneMode::ByType)));
    QCOMPARE(m_timeline->laneCount(), 1);
}

void TestMainWindow::undatedEvents_formATintedGroupAndShowTheirArticle()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    int firstDated = 0;
    while (firstDated < m_proxy->rowCount() && !m_proxy->index(firstDated, 0).data(EventModel::DateRole).toDate().isValid())
        ++firstDated;
    QVERIFY2(firstDated > 0, "the bundled articles have no undated event");
    QVERIFY(firstDated < m_proxy->rowCount());

    // Unselected, an undated row has the group's tint and a dated row does not.
    m_table->clearSelection();
    const QColor tint = EventTableView::undatedRowColor(m_table->palette());
    const auto background = [this](int row) {
        const QModelIndex index = m_proxy->index(row, EventModel::TypeColumn);
        m_table->scrollTo(index);
        const QRect cell = m_table->visualRect(index);
        return m_table->viewport()->grab().toImage().pixelColor(cell.right() - 2, cell.center().y());
    };
    QCOMPARE(background(firstDated - 1), tint);
    QVERIFY(background(firstDated) != tint);

    // The reader shows an undated event in its article, with the date it lacks said plainly.
    const QModelIndex undated = m_proxy->index(0, EventModel::DateColumn);
    QCOMPARE(undated.data().toString(), u"Undated"_s);
    m_table->selectRow(0);
    const int event = m_proxy->mapToSource(undated).row();
    const Event &shown = m_window->corpus()->events.at(event);
    QCOMPARE(m_reader->currentEvent(), event);
    QCOMPARE(m_reader->currentArticle(), shown.article);
    QVERIFY(m_reader->findChild<QLabel *>(u"readerPublished"_s)->text().startsWith(u"Publication date unknown"_s));
    const QList<QTextEdit::ExtraSelection> current = marks(m_reader, ReaderView::Mark::CurrentEvent);
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.first().cursor.selectionStart(), shown.evidence.start);
}

void TestMainWindow::rawFileToggle_showsWholeTextWithJunkUngreyed()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    const Corpus &corpus = *m_window->corpus();
    int event = 0;
    while (event < corpus.events.size() && corpus.articles.at(corpus.events.at(event).article).junk.isEmpty())
        ++event;
    QVERIFY2(event < corpus.events.size(), "no bundled article has junk lines");
    QVERIFY(m_table->selectEvent(event));
    const Article &article = corpus.articles.at(corpus.events.at(event).article);
    QCOMPARE(marks(m_reader, ReaderView::Mark::Junk).size(), article.junk.size());
    const QFont readingFont = m_reader->textView()->font();

    QAction *raw = m_reader->rawFileAction();
    QVERIFY(m_window->findChild<QMenu *>(u"viewMenu"_s)->actions().contains(raw));
    auto *button = m_reader->findChild<QToolButton *>(u"rawFileButton"_s);
    QVERIFY(button && button->isVisible());
    QTest::mouseClick(button, Qt::LeftButton);

    QVERIFY(m_reader->showsRawFile());
    QVERIFY(raw->isChecked());
    QString text = m_reader->textView()->document()->toRawText();
    text.replace(QChar::ParagraphSeparator, u'\n');
    QCOMPARE(text, article.text);
    for (const TextSpan &junk : article.junk)
        QCOMPARE(QStringView(text).mid(junk.start, junk.length()), article.textOf(junk));
    QVERIFY(marks(m_reader, ReaderView::Mark::Junk).isEmpty());
    QVERIFY(marks(m_reader, ReaderView::Mark::OtherEvent).isEmpty());
    QCOMPARE(marks(m_reader, ReaderView::Mark::CurrentEvent).size(), 1);
    QVERIFY(QFontInfo(m_reader->textView()->font()).fixedPitch());
    // The article's title, publication date and its source stay.
    QCOMPARE(m_reader->findChild<QLabel *>(u"readerTitle"_s)->text(), article.title.isEmpty() ? article.fileName : article.title);
    auto *published = m_reader->findChild<QLabel *>(u"readerPublished"_s);
    QVERIFY(published->isVisible());
    QVERIFY(published->text().startsWith(publicationDescription(article)));
    auto *rawInfo = m_reader->findChild<QLabel *>(u"readerRawInfo"_s);
    QVERIFY(rawInfo->isVisible());
    QVERIFY(rawInfo->text().contains(article.fileName));
    QCOMPARE(rawInfo->textFormat(), Qt::PlainText);

    raw->trigger();
    QVERIFY(!m_reader->showsRawFile());
    QCOMPARE(marks(m_reader, ReaderView::Mark::Junk).size(), article.junk.size());
    QCOMPARE(m_reader->textView()->font(), readingFont);
    QVERIFY(!rawInfo->isVisible());
}

void TestMainWindow::settings_restoreLayoutLaneModeAndFilterInANewWindow()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    auto *laneMode = m_window->findChild<QComboBox *>(u"laneModeCombo"_s);
    laneMode->setCurrentIndex(laneMode->findData(int(TimelineLaneMode::ByType)));
    m_filters->findChild<QCheckBox *>(u"typeCheck_statement"_s)->click();
    ActorListModel *actors = m_filters->actorModel();
    QVERIFY(actors->setData(actors->index(0), Qt::Unchecked, Qt::CheckStateRole));
    const EventFilter filter = m_filters->filter();
    QVERIFY(!filter.types.isEmpty() && !filter.actors.isEmpty());
    const int shownRows = m_proxy->rowCount();
    auto *filtersDock = m_window->findChild<QDockWidget *>(u"filtersDock"_s);
    m_window->addDockWidget(Qt::RightDockWidgetArea, filtersDock);
    m_window->resize(1300, 850);
    QTRY_COMPARE(m_window->size(), QSize(1300, 850));
    auto *splitter = m_window->findChild<QSplitter *>(u"mainSplitter"_s);
    splitter->setSizes({400, 600});
    const QList<int> sizes = splitter->sizes();

    QVERIFY(m_window->close());
    m_window.reset();
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));

    QCOMPARE(m_window->size(), QSize(1300, 850));
    filtersDock = m_window->findChild<QDockWidget *>(u"filtersDock"_s);
    QCOMPARE(m_window->dockWidgetArea(filtersDock), Qt::RightDockWidgetArea);
    QCOMPARE(m_window->findChild<QSplitter *>(u"mainSplitter"_s)->sizes(), sizes);
    QCOMPARE(m_window->findChild<QComboBox *>(u"laneModeCombo"_s)->currentData().toInt(), int(TimelineLaneMode::ByType));
    m_timeline = m_window->findChild<TimelineView *>(u"timeline"_s);
    QCOMPARE(m_timeline->laneMode(), TimelineLaneMode::ByType);
    m_filters = m_window->findChild<FilterDock *>(u"filterDock"_s);
    m_proxy = m_window->findChild<EventFilterProxyModel *>(u"eventProxy"_s);
    QCOMPARE(m_filters->filter(), filter);
    QCOMPARE(m_proxy->filter(), filter);
    QCOMPARE(QSettings().value(u"lastFolder"_s).toString(), QDir::cleanPath(QStringLiteral(DATELINE_ARTICLES_DIR)));

    // The same corpus shows the same events.
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    QCOMPARE(m_filters->filter(), filter);
    QCOMPARE(m_proxy->rowCount(), shownRows);
}

void TestMainWindow::viewMenu_togglesDocksAndResetLayoutBringsThemBack()
{
    auto *view = m_window->findChild<QMenu *>(u"viewMenu"_s);
    QVERIFY(view);
    const QList<QDockWidget *> docks = m_window->findChildren<QDockWidget *>();
    QCOMPARE(docks.size(), 3);  // filters, problems, charts
    for (QDockWidget *dock : docks) {
        QVERIFY2(view->actions().contains(dock->toggleViewAction()), qPrintable(dock->objectName()));
        QVERIFY(!dock->objectName().isEmpty());  // saveState() needs it
        QVERIFY(dock->features().testFlags(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable
                                           | QDockWidget::DockWidgetFloatable));
    }
    auto *filters = m_window->findChild<QDockWidget *>(u"filtersDock"_s);
    QCOMPARE(filters->windowTitle(), u"Filters"_s);
    QCOMPARE(m_window->dockWidgetArea(filters), Qt::LeftDockWidgetArea);
    QVERIFY(filters->isVisible());

    filters->toggleViewAction()->trigger();
    QVERIFY(!filters->isVisible());
    filters->toggleViewAction()->trigger();
    QVERIFY(filters->isVisible());

    m_window->addDockWidget(Qt::RightDockWidgetArea, filters);
    filters->toggleViewAction()->trigger();
    m_window->findChild<QAction *>(u"resetLayoutAction"_s)->trigger();
    QVERIFY(filters->isVisible());
    QVERIFY(!filters->isFloating());
    QCOMPARE(m_window->dockWidgetArea(filters), Qt::LeftDockWidgetArea);
}

void TestMainWindow::chartClick_narrowsTableAndTimelineAndUndoRestores()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    auto *charts = m_window->findChild<ChartsPanel *>(u"chartsPanel"_s);
    QVERIFY(charts);
    QTRY_COMPARE(charts->chart(ChartKind::Types)->typeCounts().at(std::size_t(EventType::Meeting)) > 0, true);
    const int all = m_proxy->rowCount();
    const int meetings = charts->chart(ChartKind::Types)->typeCounts().at(std::size_t(EventType::Meeting));
    QVERIFY(!charts->undoButton()->isEnabled());

    charts->chart(ChartKind::Types)->activate(int(EventType::Meeting));
    QCOMPARE(m_filters->filter().types, QSet<EventType>{EventType::Meeting});
    QCOMPARE(m_proxy->rowCount(), meetings);
    QCOMPARE(m_timeline->model(), m_proxy);
    QVERIFY(charts->undoButton()->isEnabled());
    // The charts follow: every event they count is now a meeting.
    QTRY_COMPARE(charts->chart(ChartKind::Types)->typeCounts().at(std::size_t(EventType::Statement)), 0);
    QCOMPARE(charts->chart(ChartKind::Types)->typeCounts().at(std::size_t(EventType::Meeting)), meetings);

    charts->undoButton()->click();
    QCOMPARE(m_filters->filter(), EventFilter());
    QCOMPARE(m_proxy->rowCount(), all);
    QVERIFY(!charts->undoButton()->isEnabled());

    // A pair narrows to the events naming both actors, not either; Undo restores the filter.
    EventChart *pairs = charts->chart(ChartKind::Pairs);
    QTRY_VERIFY(!pairs->pairs().isEmpty());
    const ActorPairCount pair = pairs->pairs().first();
    pairs->activate(0);
    QCOMPARE(m_filters->filter().actors, (QSet<QString>{pair.first, pair.second}));
    QVERIFY(m_filters->filter().allActors);
    QVERIFY(m_filters->findChild<QCheckBox *>(u"allActorsCheck"_s)->isChecked());
    QCOMPARE(m_proxy->rowCount(), pair.count);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QStringList actors = m_proxy->index(row, 0).data(EventModel::ActorsRole).toStringList();
        QVERIFY2(actors.contains(pair.first) && actors.contains(pair.second), qPrintable(actors.join(u", ")));
    }
    charts->undoButton()->click();
    QCOMPARE(m_filters->filter(), EventFilter());
    QCOMPARE(m_proxy->rowCount(), all);
}

void TestMainWindow::droppingFolderUrl_loadsIt()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    copyArticle(u"000_d3bfdcd42c0925d8.txt"_s, folder.filePath(u"dropped.txt"_s));

    QMimeData web;
    web.setUrls({QUrl(u"https://example.org/article.txt"_s)});
    QDragEnterEvent refused(QPoint(20, 20), Qt::CopyAction, &web, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &refused);
    QVERIFY(!refused.isAccepted());

    QMimeData files;
    files.setUrls({QUrl::fromLocalFile(folder.path())});
    QDragEnterEvent enter(QPoint(20, 20), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());

    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &files, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
    QCOMPARE(m_window->openedPaths(), QStringList{folder.path()});
    QCOMPARE(m_window->corpus()->articles.size(), 1);
    QCOMPARE(m_window->corpus()->articles.first().filePath, folder.filePath(u"dropped.txt"_s));
    QVERIFY(m_proxy->rowCount() > 0);
}

void TestMainWindow::writingIntoWatchedFolder_reloadsOnceAndKeepsSelection()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    copyArticle(u"000_d3bfdcd42c0925d8.txt"_s, folder.filePath(u"a.txt"_s));
    copyArticle(u"001_edf7d4cc3bd000e0.txt"_s, folder.filePath(u"b.txt"_s));
    QVERIFY(load({folder.path()}));
    QCOMPARE(m_window->corpus()->articles.size(), 2);

    m_table->selectRow(m_proxy->rowCount() - 1);
    const int kept = m_table->currentEvent();
    QVERIFY(kept >= 0);
    const Event keptEvent = m_window->corpus()->events.at(kept);
    const QString keptFile = m_window->corpus()->articles.at(keptEvent.article).filePath;

    // A burst of changes: two new articles, one after the other.
    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    // No wait between them: on a loaded machine even a short one could outlast the debounce.
    copyArticle(u"002_c97c8cccec95933b.txt"_s, folder.filePath(u"c.txt"_s));
    QDir articles(QStringLiteral(DATELINE_ARTICLES_DIR));
    const QStringList names = articles.entryList({u"*.txt"_s}, QDir::Files, QDir::Name);
    QVERIFY(names.size() >= 4);
    copyArticle(names.at(3), folder.filePath(u"d.txt"_s));

    QTRY_COMPARE_WITH_TIMEOUT(m_window->corpus()->articles.size(), 4, kLoadTimeout);
    QCOMPARE(loaded.count(), 1);
    QTest::qWait(MainWindow::kReloadDelayMs + 500);  // no second reload: reading files changes none
    QCOMPARE(loaded.count(), 1);

    const int selected = m_table->currentEvent();
    QVERIFY(selected >= 0);
    const Event &event = m_window->corpus()->events.at(selected);
    QCOMPARE(m_window->corpus()->articles.at(event.article).filePath, keptFile);
    QCOMPARE(event.evidence.start, keptEvent.evidence.start);
    QCOMPARE(m_reader->currentEvent(), selected);
}

void TestMainWindow::writingIntoSubfolder_reloads()
{
    QTemporaryDir folder;
    QVERIFY(folder.isValid());
    QVERIFY(QDir(folder.path()).mkpath(u"2023/mars"_s));
    QVERIFY(QDir(folder.path()).mkpath(u".hidden"_s));
    copyArticle(u"000_d3bfdcd42c0925d8.txt"_s, folder.filePath(u"2023/mars/a.txt"_s));
    QVERIFY(load({folder.path()}));
    QCOMPARE(m_window->corpus()->articles.size(), 1);
    const QStringList folders{QFileInfo(folder.path()).absoluteFilePath(), QFileInfo(folder.filePath(u"2023"_s)).absoluteFilePath(),
                              QFileInfo(folder.filePath(u"2023/mars"_s)).absoluteFilePath()};
    QCOMPARE(m_window->corpus()->folders, folders);

    copyArticle(u"001_edf7d4cc3bd000e0.txt"_s, folder.filePath(u"2023/mars/b.txt"_s));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->corpus()->articles.size(), 2, kLoadTimeout);
}

void TestMainWindow::recentMenu_listsOpenedFolderAndReopensIt()
{
    QTemporaryDir first;
    QTemporaryDir second;
    QVERIFY(first.isValid() && second.isValid());
    copyArticle(u"000_d3bfdcd42c0925d8.txt"_s, first.filePath(u"first.txt"_s));
    copyArticle(u"001_edf7d4cc3bd000e0.txt"_s, second.filePath(u"second.txt"_s));
    QVERIFY(load({first.path()}));
    QVERIFY(load({second.path()}));

    auto *menu = m_window->findChild<QMenu *>(u"recentMenu"_s);
    QVERIFY(menu);
    const auto entries = [menu] {
        QList<QAction *> found;
        const QList<QAction *> actions = menu->actions();
        for (QAction *action : actions)
            if (!action->data().toStringList().isEmpty())
                found.append(action);
        return found;
    };
    QCOMPARE(entries().size(), 2);
    QCOMPARE(entries().at(0)->data().toStringList(), QStringList{second.path()});
    QCOMPARE(entries().at(1)->data().toStringList(), QStringList{first.path()});
    QVERIFY(entries().at(1)->text().contains(QFileInfo(first.path()).fileName()));

    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    entries().at(1)->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
    QCOMPARE(m_window->openedPaths(), QStringList{first.path()});
    QCOMPARE(m_window->corpus()->articles.first().fileName, u"first.txt"_s);
    QCOMPARE(entries().at(0)->data().toStringList(), QStringList{first.path()});
    QCOMPARE(entries().size(), 2);

    // Kept for the next start, at most kMaxRecent of them.
    const MainWindow another;
    QCOMPARE(another.recentPathSets(), (QList<QStringList>{{first.path()}, {second.path()}}));
    for (int i = 0; i < MainWindow::kMaxRecent + 2; ++i)
        m_window->openPaths({first.filePath(u"missing%1"_s.arg(i))});
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->isLoading(), kLoadTimeout);
    QCOMPARE(entries().size(), MainWindow::kMaxRecent);

    m_window->findChild<QAction *>(u"clearRecentAction"_s)->trigger();
    QVERIFY(entries().isEmpty());
    QVERIFY(m_window->recentPathSets().isEmpty());
}

void TestMainWindow::shortcuts_ctrlFFocusesSearchAndF5Reloads()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QCOMPARE(m_window->findChild<QAction *>(u"openFolderAction"_s)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_O));

    m_table->setFocus();
    QTest::keyClick(m_table, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY(m_filters->findChild<QLineEdit *>(u"textSearch"_s)->hasFocus());

    // The timeline keeps its keys: Right steps to the next event.
    m_timeline->setFocus();
    QTest::keyClick(m_timeline, Qt::Key_Home);
    const int start = m_timeline->selectedEvent();
    QTest::keyClick(m_timeline, Qt::Key_Right);
    QVERIFY(m_timeline->selectedEvent() >= 0);
    QVERIFY(m_timeline->selectedEvent() != start);
    QCOMPARE(m_table->currentEvent(), m_timeline->selectedEvent());

    QSignalSpy loaded(m_window.get(), &MainWindow::corpusLoaded);
    QTest::keyClick(m_timeline, Qt::Key_F5);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kLoadTimeout);
}

void TestMainWindow::exports_writeTheFilteredEventsAndChartsToFiles()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    QVERIFY(m_window->findChild<QAction *>(u"exportChartAction"_s));
    QVERIFY(m_window->findChild<QAction *>(u"exportEventsAction"_s));
    EventFilter meetings;
    meetings.types.insert(EventType::Meeting);
    m_proxy->setFilter(meetings);
    QVERIFY(m_proxy->rowCount() > 0);
    QVERIFY(m_proxy->rowCount() < m_window->corpus()->events.size());

    QTemporaryDir dir;
    QString error;
    const QString json = dir.filePath(u"events.json"_s);
    QVERIFY2(m_window->exportEventsTo(json, &error), qPrintable(error));
    QFile jsonFile(json);
    QVERIFY(jsonFile.open(QIODevice::ReadOnly));
    const QJsonArray events = QJsonDocument::fromJson(jsonFile.readAll()).object().value(u"events").toArray();
    QCOMPARE(events.size(), m_proxy->rowCount());

    // An existing file is replaced (the dialog asked first).
    const QString csv = dir.filePath(u"events.csv"_s);
    QFile old(csv);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old");
    old.close();
    QVERIFY2(m_window->exportEventsTo(csv, &error), qPrintable(error));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QVERIFY(csvFile.readLine().contains("type"));

    const QString png = dir.filePath(u"types.png"_s);
    PictureSettings settings;
    settings.size = QSize(640, 400);
    settings.scale = 2;
    QVERIFY2(m_window->exportChartTo(u"types"_s, png, settings, &error), qPrintable(error));
    QCOMPARE(QImage(png).size(), QSize(1280, 800));
    QVERIFY(QImage(png).text(u"Description"_s).contains(u"%1 events"_s.arg(m_proxy->rowCount())));

    QVERIFY(!m_window->exportEventsTo(u"/proc/dateline/events.csv"_s, &error));
    QVERIFY(error.contains(u"/proc/dateline/events.csv"_s));
    QVERIFY(!m_window->exportEventsTo(dir.filePath(u"events.txt"_s), &error));
    QVERIFY(!m_window->exportChartTo(u"pairs"_s, u"/proc/dateline/pairs.pdf"_s, settings, &error));
    QVERIFY(error.contains(u"/proc/dateline/pairs.pdf"_s));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
