#include "chartspanel.h"
#include "corpus.h"
#include "eventindex.h"
#include "eventchart.h"
#include "eventtypecolor.h"
#include "testcorpus.h"
#include "textrecorder.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QRegularExpression>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QGraphicsScene>
#include <QPainter>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QPushButton>
#include <QScopeGuard>
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
    CorpusBuilder builder;
    builder.add(DateValue::ofDay(2022, 11, 15), EventType::Meeting, {kPutin, kXi});
    builder.add(DateValue::ofMonth(2023, 1), EventType::Statement, {kXi});
    builder.add(DateValue::ofDay(2024, 3, 2), EventType::Meeting, {kLavrov, kPutin, kXi});
    builder.add(DateValue::ofYear(2023), EventType::Agreement, {kXi, kPutin});
    builder.add(DateValue(), EventType::Visit, {kLavrov});
    return *builder.corpus;
}

// The sample and more events, a few of them on several actors, and a filter's choice of them
// that leaves some out.
Corpus largerCorpus()
{
    CorpusBuilder builder;
    *builder.corpus = sampleCorpus();
    builder.add(DateValue::ofDay(2022, 11, 20), EventType::Visit, {kLavrov, kXi});
    builder.add(DateValue::ofMonth(2024, 3), EventType::Statement, {kLavrov});
    builder.add(DateValue::ofDay(2023, 7, 4), EventType::Conflict, {});
    builder.add(DateValue::ofYear(2022), EventType::Sanction, {kPutin});
    builder.add(DateValue(), EventType::Meeting, {kPutin, kLavrov});
    builder.add(DateValue::ofDay(2024, 3, 30), EventType::Agreement, {kXi, kPutin, u"Wang Yi"_s});
    return *builder.corpus;
}

QList<int> filteredEvents() { return {0, 1, 2, 3, 5, 6, 7, 8, 9, 10}; }  // not 4, an undated visit

// The numbers a note names ("Not in any month: 2 known only to the year, 1 undated.").
int sumOfNumbersIn(const QString &text)
{
    int sum = 0;
    static const QRegularExpression number(u"\\d+"_s);
    for (auto match = number.globalMatch(text); match.hasNext();)
        sum += match.next().captured().toInt();
    return sum;
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

// The chart's first axis of type Axis along `orientation`, or null.
template<typename Axis>
Axis *firstAxis(const QChart &chart, Qt::Orientation orientation)
{
    for (QAbstractAxis *axis : chart.axes(orientation))
        if (auto *found = qobject_cast<Axis *>(axis))
            return found;
    return nullptr;
}

} // namespace

class TestEventChart final : public QObject
{
    Q_OBJECT

private slots:
    void monthly_barsAddUpToTheDatedEventsAndTitleStatesTheFilter();
    void monthly_axisTicksFallOnCalendarBoundaries();
    void monthly_clickNarrowsToThatMonth();
    void monthly_decadesAreBinnedByYear();
    void actors_linesPerActorAndClickNarrowsToActorAndMonth();
    void types_clickNarrowsToTheType();
    void pairs_topPairIsOnTopAndClickNarrowsToBothActors();
    void monthlyAndTypes_seriesAndNoteAddUpToTheFilteredCount_data();
    void monthlyAndTypes_seriesAndNoteAddUpToTheFilteredCount();
    void actors_pointsAreTheCountsOfEventsNamingEachActorInEachMonth();
    void pairs_barsAreTheCountsOfEventsNamingBothActors();
    void panel_forwardsClicksAndUndo();
    void narrowCharts_putTheLegendOnTheRightInSmallerType();
    void monthAxis_ticksAreEvenlySpacedAtAnyWidth();
    void counts_areGroupedOnAxesAndBars();
};

void TestEventChart::monthly_barsAddUpToTheDatedEventsAndTitleStatesTheFilter()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    EventFilter filter;
    filter.types = {EventType::Meeting, EventType::Statement, EventType::Agreement, EventType::Visit};
    EventChart chart(ChartKind::Monthly);
    chart.setEvents(index, allEvents(corpus), filter);
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
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    EventChart chart(ChartKind::Monthly);
    chart.setEvents(index, allEvents(corpus), {});
    QCategoryAxis *axis = firstAxis<QCategoryAxis>(chart, Qt::Horizontal);
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
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    EventChart chart(ChartKind::Monthly);
    EventFilter filter;
    filter.text = u"gaz"_s;
    chart.setEvents(index, allEvents(corpus), filter);
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

void TestEventChart::monthly_decadesAreBinnedByYear()
{
    // Forty years of months would be 469 bars a pixel wide, and of quarters still 157: years instead.
    CorpusBuilder builder;
    for (int year = 1984; year <= 2023; ++year)
        builder.add(DateValue::ofDay(year, 6, 1), EventType::Meeting, {kXi});
    const EventIndex index(builder.corpus);
    EventChart chart(ChartKind::Monthly);
    chart.setEvents(index, allEvents(*builder.corpus), EventFilter());
    QCOMPARE(chart.monthly().monthsPerBin, 12);
    QCOMPARE(chart.monthly().months.size(), 40);
    QVERIFY2(chart.title().startsWith(u"Events per year"_s), qPrintable(chart.title()));
    auto *bars = onlySeries<QStackedBarSeries>(chart);
    QCOMPARE(bars->barSets().first()->count(), 40);

    QSignalSpy spy(&chart, &EventChart::narrowRequested);
    emit bars->clicked(2, bars->barSets().first());  // 1986
    QCOMPARE(spy.size(), 1);
    const auto narrowed = spy.first().first().value<EventFilter>();
    QCOMPARE(narrowed.from.firstQDate(), QDate(1986, 1, 1));
    QCOMPARE(narrowed.to.lastQDate(), QDate(1986, 12, 31));

    EventChart actors(ChartKind::Actors);
    actors.setEvents(index, allEvents(*builder.corpus), EventFilter());
    QCOMPARE(actors.monthly().monthsPerBin, 12);
    QVERIFY2(actors.title().startsWith(u"Activity of actors per year"_s), qPrintable(actors.title()));
}

void TestEventChart::actors_linesPerActorAndClickNarrowsToActorAndMonth()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    EventChart chart(ChartKind::Actors);
    chart.setEvents(index, allEvents(corpus), {});
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
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    EventChart chart(ChartKind::Types);
    chart.setEvents(index, allEvents(corpus), {});
    auto *bars = onlySeries<QHorizontalStackedBarSeries>(chart);
    QVERIFY(bars);
    QCOMPARE(bars->count(), kEventTypeCount);
    // Horizontal bars, drawn from the bottom up: the first type is the last line, on top. Each
    // type's bar is a set of its own, in the type's colour, on that line only.
    const auto lineOf = [](EventType type) { return kEventTypeCount - 1 - int(type); };
    qreal drawn = 0;
    for (int type = 0; type < kEventTypeCount; ++type) {
        QBarSet *set = bars->barSets().at(type);  // color() is not const
        QCOMPARE(set->color(), eventTypeColor(EventType(type)));
        QCOMPARE(set->sum(), set->at(lineOf(EventType(type))));
        drawn += set->sum();
    }
    QCOMPARE(int(drawn), int(corpus.events.size()));
    QCOMPARE(int(bars->barSets().at(int(EventType::Meeting))->at(lineOf(EventType::Meeting))), 2);
    QSignalSpy spy(&chart, &EventChart::narrowRequested);
    emit bars->clicked(lineOf(EventType::Visit), bars->barSets().at(int(EventType::Visit)));
    QCOMPARE(spy.first().first().value<EventFilter>().types, QSet<EventType>{EventType::Visit});
}

void TestEventChart::pairs_topPairIsOnTopAndClickNarrowsToBothActors()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    EventChart chart(ChartKind::Pairs);
    chart.setEvents(index, allEvents(corpus), {});
    auto *bars = onlySeries<QHorizontalBarSeries>(chart);
    QVERIFY(bars);
    QBarSet *set = bars->barSets().first();
    QCOMPARE(set->count(), 3);
    QCOMPARE(int(set->at(2)), 3);  // Putin–Xi, drawn last, on top
    QSignalSpy spy(&chart, &EventChart::narrowRequested);
    emit bars->clicked(2, set);
    const EventFilter narrowed = spy.first().first().value<EventFilter>();
    QCOMPARE(narrowed.actors, (QSet<QString>{kPutin, kXi}));
    QVERIFY(narrowed.allActors);  // both of them, not either
    int accepted = 0;
    for (const Event &event : corpus.events) {
        if (!narrowed.accepts(event, corpus.articles.at(event.article)))
            continue;
        ++accepted;
        QVERIFY(event.actors.contains(kPutin) && event.actors.contains(kXi));
    }
    QCOMPARE(accepted, 3);
}

void TestEventChart::monthlyAndTypes_seriesAndNoteAddUpToTheFilteredCount_data()
{
    QTest::addColumn<ChartKind>("kind");
    QTest::newRow("monthly") << ChartKind::Monthly;
    QTest::newRow("types") << ChartKind::Types;
}

void TestEventChart::monthlyAndTypes_seriesAndNoteAddUpToTheFilteredCount()
{
    // What the chart draws plus what its note says it left out is every filtered event, once.
    QFETCH(ChartKind, kind);
    const auto shared = std::make_shared<const Corpus>(largerCorpus());
    const EventIndex index(shared);
    const QList<int> events = filteredEvents();
    EventChart chart(kind);
    chart.setEvents(index, events, {});
    const QList<QAbstractSeries *> all = chart.series();
    QCOMPARE(all.size(), 1);
    auto *bars = qobject_cast<QAbstractBarSeries *>(all.first());
    QVERIFY(bars);
    qreal drawn = 0;
    for (const QBarSet *set : bars->barSets())
        drawn += set->sum();
    QCOMPARE(int(drawn) + sumOfNumbersIn(chart.note()), int(events.size()));
    QVERIFY(chart.title().contains(u"%1 events"_s.arg(events.size())));
    if (kind == ChartKind::Monthly) {
        QVERIFY(chart.note().contains(u"2 known only to the year"_s));  // 2023 agreement, 2022 sanction
        QVERIFY(chart.note().contains(u"1 undated"_s));                // the meeting; the visit is filtered out
    } else {
        QVERIFY(chart.note().isEmpty());
    }
}

void TestEventChart::actors_pointsAreTheCountsOfEventsNamingEachActorInEachMonth()
{
    const auto shared = std::make_shared<const Corpus>(largerCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const QList<int> events = filteredEvents();
    EventChart chart(ChartKind::Actors);
    chart.setEvents(index, events, {});
    const QList<QAbstractSeries *> all = chart.series();
    QCOMPARE(all.size(), 4);  // Xi, Putin, Lavrov, Wang Yi
    const QList<QDate> &months = chart.monthly().months;
    QVERIFY(!months.isEmpty());
    for (QAbstractSeries *abstract : all) {
        auto *line = qobject_cast<QLineSeries *>(abstract);
        QVERIFY(line);
        // Counted here from the events themselves, not through eventbins.
        QMap<QDate, int> expected;
        for (const int index : events) {
            const Event &event = corpus.events.at(index);
            if (event.actors.contains(line->name()) && event.date.precision() >= Precision::Month) {
                const QDate first = event.date.firstQDate();
                ++expected[QDate(first.year(), first.month(), 1)];
            }
        }
        QMap<QDate, int> drawn;
        for (const QPointF &point : line->points()) {
            const int month = int(std::lround(point.x()));
            QCOMPARE(point.x(), qreal(month));
            QVERIFY(month >= 0 && month < months.size());
            if (point.y() != 0)
                drawn[months.at(month)] += int(point.y());
        }
        QCOMPARE(drawn, expected);
    }
}

void TestEventChart::pairs_barsAreTheCountsOfEventsNamingBothActors()
{
    const auto shared = std::make_shared<const Corpus>(largerCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const QList<int> events = filteredEvents();
    EventChart chart(ChartKind::Pairs);
    chart.setEvents(index, events, {});
    auto *bars = onlySeries<QHorizontalBarSeries>(chart);
    QVERIFY(bars);
    QBarCategoryAxis *axis = firstAxis<QBarCategoryAxis>(chart, Qt::Vertical);
    QVERIFY(axis);
    const QBarSet *set = bars->barSets().first();
    QCOMPARE(axis->count(), set->count());
    // Counted here from the events themselves, not through eventbins.
    QMap<std::pair<QString, QString>, int> together;
    for (const int index : events) {
        QStringList actors = corpus.events.at(index).actors;
        actors.sort();
        actors.removeDuplicates();
        for (qsizetype a = 0; a < actors.size(); ++a)
            for (qsizetype b = a + 1; b < actors.size(); ++b)
                ++together[{actors.at(a), actors.at(b)}];
    }
    QCOMPARE(set->count(), together.size());  // fewer than kTopPairs: all of them are shown
    int previous = 0;
    for (int i = 0; i < set->count(); ++i) {
        const QStringList names = axis->at(i).split(u" – "_s);
        QCOMPARE(names.size(), 2);
        const auto pair = names.at(0) < names.at(1) ? std::pair(names.at(0), names.at(1)) : std::pair(names.at(1), names.at(0));
        QVERIFY2(together.contains(pair), qPrintable(axis->at(i)));
        QCOMPARE(int(set->at(i)), together.value(pair));
        QVERIFY(int(set->at(i)) >= previous);  // bottom up: the most frequent on top
        previous = int(set->at(i));
    }
    QCOMPARE(int(set->at(set->count() - 1)), 4);  // Putin–Xi
}

void TestEventChart::panel_forwardsClicksAndUndo()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    ChartsPanel panel;
    panel.setEvents(std::make_shared<const EventIndex>(shared), allEvents(corpus), {});
    QSignalSpy narrow(&panel, &ChartsPanel::narrowRequested);
    QSignalSpy undo(&panel, &ChartsPanel::undoRequested);
    panel.chart(ChartKind::Types)->activate(int(EventType::Meeting));
    QCOMPARE(narrow.size(), 1);
    QVERIFY(!panel.undoButton()->isEnabled());
    panel.setUndoAvailable(true);
    panel.undoButton()->click();
    QCOMPARE(undo.size(), 1);
}

void TestEventChart::narrowCharts_putTheLegendOnTheRightInSmallerType()
{
    // In the window's Charts panel (about 440 pixels wide) a legend of eight actors along the
    // bottom was elided to "C…", "R…", "Vl…".
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const EventIndex index(shared);
    EventChart chart(ChartKind::Actors);
    chart.resize(1280, 800);
    chart.setEvents(index, allEvents(*shared), {});
    const QFont wide = chart.legend()->font();
    QCOMPARE(chart.legend()->alignment(), Qt::AlignBottom);

    chart.resize(440, 640);
    QCOMPARE(chart.legend()->alignment(), Qt::AlignRight);
    QCOMPARE(chart.legend()->font().pixelSize(), 10);
    chart.setEvents(index, allEvents(*shared), {});  // new axes, still narrow
    QVERIFY(!chart.axes().isEmpty());
    for (const QAbstractAxis *axis : chart.axes())
        QCOMPARE(axis->labelsFont().pixelSize(), 10);

    chart.resize(1280, 800);
    QCOMPARE(chart.legend()->alignment(), Qt::AlignBottom);
    QCOMPARE(chart.legend()->font(), wide);
    for (const QAbstractAxis *axis : chart.axes())
        QCOMPARE(axis->labelsFont(), wide);
}

void TestEventChart::monthAxis_ticksAreEvenlySpacedAtAnyWidth()
{
    // An exported chart from Nov 2021 to Dec 2024 had no ticks at Jul and Oct 2023: the axis
    // refuses a label it already has, and the second "Jul" was dropped.
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const EventIndex index(shared);
    EventChart chart(ChartKind::Monthly);
    chart.setEvents(index, allEvents(*shared), {});
    for (const int width : {600, 1280, 3000}) {
        chart.resize(width, 800);
        QCategoryAxis *axis = firstAxis<QCategoryAxis>(chart, Qt::Horizontal);
        QVERIFY(axis);
        QList<qreal> ticks;
        for (const QString &label : axis->categoriesLabels())
            ticks.append(axis->endValue(label));
        std::sort(ticks.begin(), ticks.end());
        QVERIFY2(ticks.size() >= 3, qPrintable(QString::number(width)));
        for (qsizetype i = 2; i < ticks.size(); ++i)
            QVERIFY2(qFuzzyCompare(ticks[i] - ticks[i - 1], ticks[1] - ticks[0]),
                     qPrintable(u"%1 px: %2"_s.arg(width).arg(axis->categoriesLabels().join(u", "_s))));
    }
}

void TestEventChart::counts_areGroupedOnAxesAndBars()
{
    CorpusBuilder builder;
    for (int i = 0; i < 1234; ++i)
        builder.add(DateValue::ofDay(2024, 3, 2), EventType::Meeting, {kPutin});
    const auto shared = std::make_shared<const Corpus>(*builder.corpus);
    const EventIndex index(shared);
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    const auto restore = qScopeGuard([&] { QLocale::setDefault(before); });
    EventChart chart(ChartKind::Types);
    chart.setEvents(index, allEvents(*shared), {});
    QGraphicsScene scene;
    scene.addItem(&chart);
    chart.resize(800, 500);
    TextRecorder recorder;
    QPainter painter(&recorder);
    scene.render(&painter);
    painter.end();
    scene.removeItem(&chart);
    const QStringList texts = recorder.texts();
    QVERIFY2(texts.contains(u"1,234"_s), qPrintable(texts.join(u" | ")));  // the bar's label
    QVERIFY2(texts.contains(u"1,000"_s), qPrintable(texts.join(u" | ")));  // a tick of the count axis
    // The types' bars are stacked sets, zero on the other types' lines: those zeros have no label.
    QCOMPARE(texts.count(u"0"_s), 1);  // the axis's first tick
    QVERIFY(chart.title().contains(u"(1,234 events)"_s));
}

QTEST_MAIN(TestEventChart)
#include "tst_eventchart.moc"
