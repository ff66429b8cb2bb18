#include "chartspanel.h"
#include "corpus.h"
#include "eventchart.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace dateline;

namespace {

const QString kPutin = u"Vladimir Putin"_s;
const QString kXi = u"Xi Jinping"_s;
const QString kLavrov = u"Sergey Lavrov"_s;

Corpus sampleCorpus()
{
    Corpus corpus;
    Article article;
    article.fileName = u"a.txt"_s;
    corpus.articles.append(article);
    const auto add = [&corpus](DateValue date, EventType type, QStringList actors) {
        Event event;
        event.article = 0;
        event.date = date;
        event.type = type;
        event.actors = std::move(actors);
        corpus.events.append(event);
    };
    add(DateValue::ofDay(2022, 11, 15), EventType::Meeting, {kPutin, kXi});
    add(DateValue::ofMonth(2023, 1), EventType::Statement, {kXi});
    add(DateValue::ofDay(2024, 3, 2), EventType::Meeting, {kLavrov, kPutin, kXi});
    add(DateValue::ofYear(2023), EventType::Agreement, {kXi, kPutin});
    add(DateValue(), EventType::Visit, {kLavrov});
    return corpus;
}

QList<int> allEvents(const Corpus &corpus)
{
    QList<int> events(corpus.events.size());
    std::iota(events.begin(), events.end(), 0);
    return events;
}

template<typename Series>
Series *onlySeries(QChart &chart)
{
    const QList<QAbstractSeries *> all = chart.series();
    return all.size() == 1 ? qobject_cast<Series *>(all.first()) : nullptr;
}

} // namespace

class TestEventChart final : public QObject
{
    Q_OBJECT

private slots:
    void monthly_barsAddUpToTheDatedEventsAndTitleStatesTheFilter();
    void monthly_axisTicksFallOnCalendarBoundaries();
    void monthly_clickNarrowsToThatMonth();
    void actors_linesPerActorAndClickNarrowsToActorAndMonth();
    void types_clickNarrowsToTheType();
    void pairs_topPairIsOnTopAndClickNarrowsToBothActors();
    void panel_forwardsClicksAndUndo();
};

void TestEventChart::monthly_barsAddUpToTheDatedEventsAndTitleStatesTheFilter()
{
    const Corpus corpus = sampleCorpus();
    EventFilter filter;
    filter.types = {EventType::Meeting, EventType::Statement, EventType::Agreement, EventType::Visit};
    EventChart chart(ChartKind::Monthly);
    chart.setEvents(corpus, allEvents(corpus), filter);
    auto *bars = onlySeries<QStackedBarSeries>(chart);
    QVERIFY(bars);
    qreal sum = 0;
    for (const QBarSet *set : bars->barSets())
        sum += set->sum();
    QCOMPARE(int(sum) + chart.monthly().yearOnly + chart.monthly().undated, int(corpus.events.size()));
    QCOMPARE(bars->barSets().first()->count(), 17);  // November 2022 to March 2024
    QVERIFY(chart.title().contains(u"types meeting or visit or statement or agreement"_s));
    QVERIFY(chart.title().contains(u"5 events"_s));
    QVERIFY(chart.note().contains(u"1 known only to the year"_s));
    QVERIFY(chart.note().contains(u"1 undated"_s));
}

void TestEventChart::monthly_axisTicksFallOnCalendarBoundaries()
{
    const Corpus corpus = sampleCorpus();
    EventChart chart(ChartKind::Monthly);
    chart.setEvents(corpus, allEvents(corpus), {});
    QCategoryAxis *axis = nullptr;
    for (QAbstractAxis *candidate : chart.axes(Qt::Horizontal))
        axis = axis ? axis : qobject_cast<QCategoryAxis *>(candidate);
    QVERIFY(axis);
    QVERIFY(!axis->categoriesLabels().isEmpty());
    for (const QString &label : axis->categoriesLabels()) {
        // Month i is centred on i, so a boundary sits half-way between two months.
        const double boundary = axis->endValue(label) + 0.5;
        QCOMPARE(boundary, std::round(boundary));
        const QDate month = chart.monthly().months.first().addMonths(int(boundary));
        QCOMPARE((month.year() * 12 + month.month() - 1) % 3, 0);  // at least quarter-aligned at 600 px
    }
}

void TestEventChart::monthly_clickNarrowsToThatMonth()
{
    const Corpus corpus = sampleCorpus();
    EventChart chart(ChartKind::Monthly);
    EventFilter filter;
    filter.text = u"gaz"_s;
    chart.setEvents(corpus, allEvents(corpus), filter);
    QSignalSpy spy(&chart, &EventChart::narrowRequested);
    auto *bars = onlySeries<QStackedBarSeries>(chart);
    emit bars->clicked(2, bars->barSets().first());  // January 2023
    QCOMPARE(spy.size(), 1);
    const auto narrowed = spy.first().first().value<EventFilter>();
    QCOMPARE(narrowed.from.firstQDate(), QDate(2023, 1, 1));
    QCOMPARE(narrowed.to.lastQDate(), QDate(2023, 1, 31));
    QCOMPARE(narrowed.text, u"gaz"_s);
    chart.activate(999);
    QCOMPARE(spy.size(), 1);
}

void TestEventChart::actors_linesPerActorAndClickNarrowsToActorAndMonth()
{
    const Corpus corpus = sampleCorpus();
    EventChart chart(ChartKind::Actors);
    chart.setEvents(corpus, allEvents(corpus), {});
    const QList<QAbstractSeries *> all = chart.series();
    QCOMPARE(all.size(), 3);  // Xi, Putin, Lavrov by number of events
    auto *xi = qobject_cast<QLineSeries *>(all.first());
    QVERIFY(xi);
    QCOMPARE(xi->name(), kXi);
    qreal xiSum = 0;
    for (const QPointF &point : xi->points())
        xiSum += point.y();
    QCOMPARE(int(xiSum), 3);  // November, January, March; 2023 is year-only
    QSignalSpy spy(&chart, &EventChart::narrowRequested);
    emit xi->clicked(QPointF(16.1, 1));  // March 2024
    QCOMPARE(spy.size(), 1);
    const auto narrowed = spy.first().first().value<EventFilter>();
    QCOMPARE(narrowed.actors, QSet<QString>{kXi});
    QCOMPARE(narrowed.from.firstQDate(), QDate(2024, 3, 1));
}

void TestEventChart::types_clickNarrowsToTheType()
{
    const Corpus corpus = sampleCorpus();
    EventChart chart(ChartKind::Types);
    chart.setEvents(corpus, allEvents(corpus), {});
    auto *bars = onlySeries<QBarSeries>(chart);
    QVERIFY(bars);
    QCOMPARE(int(bars->barSets().first()->sum()), int(corpus.events.size()));
    QSignalSpy spy(&chart, &EventChart::narrowRequested);
    emit bars->clicked(int(EventType::Visit), bars->barSets().first());
    QCOMPARE(spy.first().first().value<EventFilter>().types, QSet<EventType>{EventType::Visit});
}

void TestEventChart::pairs_topPairIsOnTopAndClickNarrowsToBothActors()
{
    const Corpus corpus = sampleCorpus();
    EventChart chart(ChartKind::Pairs);
    chart.setEvents(corpus, allEvents(corpus), {});
    auto *bars = onlySeries<QHorizontalBarSeries>(chart);
    QVERIFY(bars);
    QBarSet *set = bars->barSets().first();
    QCOMPARE(set->count(), 3);
    QCOMPARE(int(set->at(2)), 3);  // Putin–Xi, drawn last, on top
    QSignalSpy spy(&chart, &EventChart::narrowRequested);
    emit bars->clicked(2, set);
    QCOMPARE(spy.first().first().value<EventFilter>().actors, (QSet<QString>{kPutin, kXi}));
}

void TestEventChart::panel_forwardsClicksAndUndo()
{
    const Corpus corpus = sampleCorpus();
    ChartsPanel panel;
    panel.setEvents(corpus, allEvents(corpus), {});
    QSignalSpy narrow(&panel, &ChartsPanel::narrowRequested);
    QSignalSpy undo(&panel, &ChartsPanel::undoRequested);
    panel.chart(ChartKind::Types)->activate(int(EventType::Meeting));
    QCOMPARE(narrow.size(), 1);
    QVERIFY(!panel.undoButton()->isEnabled());
    panel.setUndoAvailable(true);
    panel.undoButton()->click();
    QCOMPARE(undo.size(), 1);
}

QTEST_MAIN(TestEventChart)
#include "tst_eventchart.moc"
