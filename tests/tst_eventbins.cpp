#include "corpus.h"
#include "eventindex.h"
#include "eventbins.h"
#include "eventfilter.h"
#include "testcorpus.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace dateline;

namespace {

const QString kPutin = u"Vladimir Putin"_s;
const QString kXi = u"Xi Jinping"_s;
const QString kLavrov = u"Sergey Lavrov"_s;
const QString kWang = u"Wang Yi"_s;

Corpus sampleCorpus()
{
    CorpusBuilder builder(2);
    const auto add = [&builder](int article, DateValue date, EventType type, QStringList actors) {
        builder.add(date, type, std::move(actors), u"Une phrase."_s, article);
    };
    add(0, DateValue::ofDay(2024, 1, 15), EventType::Meeting, {kPutin, kXi});
    add(0, DateValue::ofMonth(2024, 1), EventType::Statement, {kXi});
    add(0, DateValue::ofDay(2024, 3, 2), EventType::Meeting, {kLavrov, kWang, kPutin});
    add(1, DateValue::ofYear(2023), EventType::Agreement, {kXi, kPutin});
    add(1, DateValue(), EventType::Visit, {kWang});
    add(1, DateValue::ofDay(2024, 3, 30), EventType::Other, {});
    add(1, DateValue::ofMonth(2024, 4), EventType::Statement, {kPutin});
    return *builder.corpus;
}

QList<int> allEvents(const Corpus &corpus)
{
    QList<int> events(corpus.events.size());
    std::iota(events.begin(), events.end(), 0);
    return events;
}

} // namespace

class TestEventBins final : public QObject
{
    Q_OBJECT

private slots:
    void monthly_addsUpToTheEventsWithYearOnlyAndUndatedApart();
    void monthly_stacksByFirstActorAndOthers();
    void monthly_coversEveryMonthBetweenFirstAndLast();
    void monthly_ofFilteredEvents_addsUpToTheFilteredCount_data();
    void monthly_ofFilteredEvents_addsUpToTheFilteredCount();
    void actors_countEachEventOncePerNamedActor();
    void types_addUpToTheEventCount();
    void pairs_areUnorderedAndCountedOncePerEvent();
    void summary_countsArticlesAndDateRange();
    void noEvents_giveEmptyBins();
    void binsOfQuartersAndYears_alignOnTheCalendarAndLoseNothing();
};

void TestEventBins::monthly_addsUpToTheEventsWithYearOnlyAndUndatedApart()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const MonthlySeries monthly = eventsPerMonth(index, allEvents(corpus), 8);
    QCOMPARE(monthly.yearOnly, 1);
    QCOMPARE(monthly.undated, 1);
    QCOMPARE(monthly.total() + monthly.yearOnly + monthly.undated, int(corpus.events.size()));
}

void TestEventBins::monthly_stacksByFirstActorAndOthers()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    // First actors of month-dated events: Putin 2, Xi 1, Lavrov 1, none 1.
    const MonthlySeries monthly = eventsPerMonth(index, allEvents(corpus), 2);
    QCOMPARE(monthly.series, (QStringList{kPutin, kLavrov}));
    QVERIFY(monthly.hasOthers);
    QCOMPARE(monthly.counts.size(), 3);
    QCOMPARE(monthly.seriesTotal(0), 2);
    QCOMPARE(monthly.seriesTotal(1), 1);
    QCOMPARE(monthly.seriesTotal(2), 2);  // Xi's statement and the event without actors
    QCOMPARE(monthly.counts.at(0), (QList<int>{1, 0, 0, 1}));
}

void TestEventBins::monthly_coversEveryMonthBetweenFirstAndLast()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const MonthlySeries monthly = eventsPerMonth(index, allEvents(corpus), 8);
    QCOMPARE(monthly.months, (QList<QDate>{QDate(2024, 1, 1), QDate(2024, 2, 1), QDate(2024, 3, 1), QDate(2024, 4, 1)}));
    QCOMPARE(monthly.monthTotal(0), 2);
    QCOMPARE(monthly.monthTotal(1), 0);
    QCOMPARE(monthly.monthTotal(2), 2);
    QCOMPARE(monthly.monthTotal(3), 1);
}

void TestEventBins::monthly_ofFilteredEvents_addsUpToTheFilteredCount_data()
{
    QTest::addColumn<QStringList>("actors");
    QTest::addColumn<QString>("from");
    QTest::addColumn<int>("expected");
    QTest::newRow("no filter") << QStringList() << QString() << 7;
    QTest::newRow("Putin") << QStringList{kPutin} << QString() << 4;
    QTest::newRow("Xi or Wang") << QStringList{kXi, kWang} << QString() << 5;
    QTest::newRow("from March 2024") << QStringList() << u"2024-03"_s << 3;
}

void TestEventBins::monthly_ofFilteredEvents_addsUpToTheFilteredCount()
{
    QFETCH(QStringList, actors);
    QFETCH(QString, from);
    QFETCH(int, expected);
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const EventIndex index(shared);
    EventFilter filter;
    filter.actors = QSet<QString>(actors.cbegin(), actors.cend());
    filter.from = DateValue::fromIso(from);
    const QList<int> events = index.accepted(filter);
    QCOMPARE(events.size(), expected);
    for (const int top : {0, 1, 8}) {
        const MonthlySeries monthly = eventsPerMonth(index, events, top);
        QCOMPARE(monthly.total() + monthly.yearOnly + monthly.undated, expected);
    }
    const auto types = eventsPerType(index, events);
    QCOMPARE(std::accumulate(types.cbegin(), types.cend(), 0), expected);
    QCOMPARE(summarizeEvents(index, events).events, expected);
}

void TestEventBins::actors_countEachEventOncePerNamedActor()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const MonthlySeries activity = actorActivity(index, allEvents(corpus), {kPutin, kXi});
    QCOMPARE(activity.series, (QStringList{kPutin, kXi}));
    QVERIFY(!activity.hasOthers);
    // Putin: January meeting, March meeting, April statement (2023 is year-only).
    QCOMPARE(activity.counts.at(0), (QList<int>{1, 0, 1, 1}));
    QCOMPARE(activity.counts.at(1), (QList<int>{2, 0, 0, 0}));
    QCOMPARE(activity.yearOnly, 1);
    QCOMPARE(topActors(index, allEvents(corpus), 2), (QStringList{kPutin, kXi}));
}

void TestEventBins::types_addUpToTheEventCount()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const auto types = eventsPerType(index, allEvents(corpus));
    QCOMPARE(types.at(std::size_t(EventType::Meeting)), 2);
    QCOMPARE(types.at(std::size_t(EventType::Statement)), 2);
    QCOMPARE(types.at(std::size_t(EventType::Military)), 0);
    QCOMPARE(std::accumulate(types.cbegin(), types.cend(), 0), int(corpus.events.size()));
}

void TestEventBins::pairs_areUnorderedAndCountedOncePerEvent()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const QList<ActorPairCount> pairs = topActorPairs(index, allEvents(corpus), 10);
    // Putin–Xi twice, mentioned in either order, then the three pairs of the March meeting.
    QCOMPARE(pairs.size(), 4);
    QCOMPARE(pairs.first().first, kPutin);
    QCOMPARE(pairs.first().second, kXi);
    QCOMPARE(pairs.first().count, 2);
    for (qsizetype i = 1; i < pairs.size(); ++i) {
        QCOMPARE(pairs.at(i).count, 1);
        QVERIFY(pairs.at(i).first < pairs.at(i).second);
    }
    QCOMPARE(topActorPairs(index, allEvents(corpus), 2).size(), 2);
}

void TestEventBins::summary_countsArticlesAndDateRange()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const Corpus &corpus = *shared;
    const EventIndex index(shared);
    const EventSummary all = summarizeEvents(index, allEvents(corpus));
    QCOMPARE(all.articles, 2);
    QCOMPARE(all.undated, 1);
    QCOMPARE(all.yearOnly, 1);
    QCOMPARE(all.first, QDate(2023, 1, 1));
    QCOMPARE(all.last, QDate(2024, 4, 30));
    const EventSummary first = summarizeEvents(index, {0, 1});
    QCOMPARE(first.articles, 1);
    QCOMPARE(first.last, QDate(2024, 1, 31));
}

void TestEventBins::noEvents_giveEmptyBins()
{
    const auto shared = std::make_shared<const Corpus>(sampleCorpus());
    const EventIndex index(shared);
    const MonthlySeries monthly = eventsPerMonth(index, {}, 8);
    QVERIFY(monthly.months.isEmpty());
    QCOMPARE(monthly.total(), 0);
    const MonthlySeries undatedOnly = eventsPerMonth(index, {4}, 8);
    QVERIFY(undatedOnly.months.isEmpty());
    QCOMPARE(undatedOnly.undated, 1);
    QVERIFY(!summarizeEvents(index, {4}).first.isValid());
}

void TestEventBins::binsOfQuartersAndYears_alignOnTheCalendarAndLoseNothing()
{
    CorpusBuilder builder;
    builder.add(DateValue::ofDay(2019, 11, 15), EventType::Meeting, {u"Xi Jinping"_s});
    builder.add(DateValue::ofMonth(2020, 2), EventType::Meeting, {u"Xi Jinping"_s});
    builder.add(DateValue::ofDay(2020, 3, 31), EventType::Visit, {u"Vladimir Putin"_s});
    builder.add(DateValue::ofMonth(2021, 4), EventType::Visit, {u"Xi Jinping"_s});
    builder.add(DateValue::ofYear(2020), EventType::Visit, {u"Xi Jinping"_s});
    const EventIndex index(builder.corpus);
    const MonthlySeries monthly = eventsPerMonth(index, {0, 1, 2, 3, 4}, 1);
    QCOMPARE(monthly.months.size(), 18);  // November 2019 to April 2021

    const MonthlySeries quarters = inBinsOf(monthly, 3);
    QCOMPARE(quarters.monthsPerBin, 3);
    QCOMPARE(quarters.months.first(), QDate(2019, 10, 1));  // the quarter of November
    QCOMPARE(quarters.months.last(), QDate(2021, 4, 1));
    QCOMPARE(quarters.months.size(), 7);
    QCOMPARE(quarters.monthTotal(0), 1);
    QCOMPARE(quarters.monthTotal(1), 2);  // February and 31 March 2020: one quarter
    QCOMPARE(quarters.monthTotal(6), 1);
    QCOMPARE(quarters.total(), monthly.total());
    QCOMPARE(quarters.yearOnly, 1);

    const MonthlySeries years = inBinsOf(monthly, 12);
    QCOMPARE(years.months, (QList<QDate>{QDate(2019, 1, 1), QDate(2020, 1, 1), QDate(2021, 1, 1)}));
    QCOMPARE(years.counts, (QList<QList<int>>{{1, 1, 1}, {0, 1, 0}}));  // Xi Jinping, then others (Putin in March 2020)
    QCOMPARE(years.firstMonth, 2019 * 12);
}

QTEST_GUILESS_MAIN(TestEventBins)
#include "tst_eventbins.moc"
