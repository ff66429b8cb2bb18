#include "eventfilterproxymodel.h"
#include "eventmodel.h"
#include "eventtableview.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "problemlist.h"
#include "readerview.h"
#include "textfolding.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

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

} // namespace

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loadingBundledArticles_fillsTableAndStatus();
    void selectingRow_highlightsExactlyThatSentence_data();
    void selectingRow_highlightsExactlyThatSentence();
    void selectingRow_marksTheArticlesOtherEvents();
    void clickingMarkedSentence_selectsItsRow();
    void typingInSearch_narrowsRowsAndUpdatesStatus();
    void choosingType_keepsOnlyThatType();
    void sortingByDate_putsUndatedFirstThenChronological();
    void badFiles_areListedAsProblems();
    void cancellingLoad_keepsWhatWasReadAndSaysSo();
    void proxyModel_passesModelTester();

private:
    // Opens `paths` and waits for the corpus; false (with a failure) when it never arrives.
    bool load(const QStringList &paths);

    std::unique_ptr<MainWindow> m_window;
    EventFilterProxyModel *m_proxy = nullptr;
    EventTableView *m_table = nullptr;
    ReaderView *m_reader = nullptr;
    FilterBar *m_filterBar = nullptr;
    QLabel *m_summary = nullptr;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();  // no window geometry or folder left over from an earlier run
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_proxy = m_window->findChild<EventFilterProxyModel *>(u"eventProxy"_s);
    m_table = m_window->findChild<EventTableView *>(u"eventTable"_s);
    m_reader = m_window->findChild<ReaderView *>(u"readerView"_s);
    m_filterBar = m_window->findChild<FilterBar *>(u"filterBar"_s);
    m_summary = m_window->findChild<QLabel *>(u"summaryLabel"_s);
    QVERIFY(m_proxy && m_table && m_reader && m_filterBar && m_summary);
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

    QTest::keyClicks(m_filterBar->searchEdit(), word);
    QTRY_COMPARE(m_proxy->rowCount(), expected);
    const QString needle = foldForMatching(word);
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        const Article &article = corpus.articles.at(index.data(EventModel::ArticleRole).toInt());
        QVERIFY(foldForMatching(index.data(EventModel::SentenceRole).toString()).contains(needle)
                || foldForMatching(article.title).contains(needle));
    }
    QVERIFY2(m_summary->text().startsWith(u"%1 of %2 events shown"_s.arg(expected).arg(total)), qPrintable(m_summary->text()));

    m_filterBar->searchEdit()->clear();
    QCOMPARE(m_proxy->rowCount(), total);
    QVERIFY(m_summary->text().startsWith(u"%1 of %1 events shown"_s.arg(total)));
}

void TestMainWindow::choosingType_keepsOnlyThatType()
{
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    QComboBox *types = m_filterBar->typeCombo();
    QCOMPARE(types->count(), 1 + kEventTypeCount);
    const int type = m_proxy->index(0, 0).data(EventModel::TypeRole).toInt();
    types->setCurrentIndex(types->findData(type));

    QVERIFY(m_proxy->rowCount() > 0);
    QVERIFY(m_proxy->rowCount() < m_window->corpus()->events.size());
    for (int row = 0; row < m_proxy->rowCount(); ++row)
        QCOMPARE(m_proxy->index(row, 0).data(EventModel::TypeRole).toInt(), type);
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

void TestMainWindow::proxyModel_passesModelTester()
{
    QAbstractItemModelTester tester(m_proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR)}));
    QVERIFY(m_proxy->rowCount() > 0);
    m_table->sortByColumn(EventModel::TypeColumn, Qt::DescendingOrder);
    m_filterBar->typeCombo()->setCurrentIndex(1);
    m_filterBar->actorCombo()->setCurrentIndex(1);
    m_filterBar->searchEdit()->setText(u"Chine"_s);
    QTest::qWait(300);  // past the search delay
    m_filterBar->actorCombo()->setCurrentIndex(0);
    m_filterBar->typeCombo()->setCurrentIndex(0);
    QVERIFY(load({QStringLiteral(DATELINE_ARTICLES_DIR) + u"/000_d3bfdcd42c0925d8.txt"_s}));
    QVERIFY(m_proxy->rowCount() > 0);
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
