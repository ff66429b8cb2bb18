#include "articlemodel.h"
#include "eventfilterproxymodel.h"
#include "eventmodel.h"

#include "globalpoolblocker.h"
#include "testcorpus.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

namespace {

Event makeEvent(int article, DateValue date, EventType type, QStringList actors, TextSpan evidence)
{
    Event event;
    event.article = article;
    event.date = date;
    event.type = type;
    event.actors = std::move(actors);
    event.evidence = evidence;
    event.confidence = 0.5f;
    return event;
}

// Two articles, four events: dated to the day, the month, the year, and undated.
std::shared_ptr<const Corpus> sampleCorpus()
{
    auto corpus = std::make_shared<Corpus>();
    Article first;
    first.fileName = u"a.txt"_s;
    first.title = u"Lavrov à Pékin"_s;
    first.text = u"Lavrov a rencontré Wang Yi. Poutine ira à Pékin en mai."_s;
    first.published = DateValue::ofMonth(2024, 4);
    first.publishedSource = PublicationSource::Header;
    Article second;
    second.fileName = u"b.txt"_s;
    second.title = u"Choïgu et Wang Yi"_s;
    second.text = u"Choïgu a parlé mardi. L'assaut de février 2022."_s;
    second.publishedAfter = DateValue::ofMonth(2022, 2);
    second.problems = QStringList{u"not valid UTF-8: read as Windows-1252"_s};
    corpus->articles = {first, second};
    corpus->events = {
        makeEvent(0, DateValue::ofDay(2024, 4, 9), EventType::Meeting, {u"Sergey Lavrov"_s, u"Wang Yi"_s}, {0, 27}),
        makeEvent(0, DateValue::ofMonth(2024, 5), EventType::Visit, {u"Vladimir Putin"_s}, {28, 55}),
        makeEvent(1, {}, EventType::Statement, {u"Sergei Shoigu"_s}, {0, 21}),
        makeEvent(1, DateValue::ofYear(2022), EventType::Conflict, {u"Russia"_s}, {22, 47}),
    };
    return corpus;
}

} // namespace

class TestModels final : public QObject
{
    Q_OBJECT

private slots:
    void eventModelPassesTheModelTester();
    void articleModelPassesTheModelTester();
    void proxyPassesTheModelTesterWhileFiltering();
    void proxyFiltersInTheBackgroundPastItsThreshold();
    void persistentIndexesFollowTheirEventsThroughFilterAndSort();
    void descendingSortKeepsTiesInModelOrder();
    void newCorpusDuringBackgroundFilterWins();
    void sortsByDateValueNotDisplayText();
    void filtersByActorTypeDateAndText_data();
    void filtersByActorTypeDateAndText();
    void noActorsOrNoTypesAcceptsNothing();
    void exposesRawValuesThroughRoles();
};

void TestModels::eventModelPassesTheModelTester()
{
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCorpus(sampleCorpus());
    QCOMPARE(model.rowCount(), 4);
    model.setCorpus(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestModels::articleModelPassesTheModelTester()
{
    ArticleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCorpus(sampleCorpus());
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, ArticleModel::EventsColumn).data(ArticleModel::EventCountRole).toInt(), 2);
    QCOMPARE(model.index(1, ArticleModel::PublishedColumn).data(ArticleModel::PublishedAfterRole).toDate(), QDate(2022, 2, 1));
    QCOMPARE(model.index(1, ArticleModel::ProblemsColumn).data(ArticleModel::ProblemsRole).toStringList().size(), 1);
}

void TestModels::proxyPassesTheModelTesterWhileFiltering()
{
    EventModel model;
    EventFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setEventModel(&model);
    model.setCorpus(sampleCorpus());
    proxy.sort(EventModel::DateColumn);
    EventFilter filter;
    filter.types = {EventType::Meeting, EventType::Visit};
    proxy.setFilter(filter);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setFilter({});
    QCOMPARE(proxy.rowCount(), 4);
}

void TestModels::proxyFiltersInTheBackgroundPastItsThreshold()
{
    EventModel model;
    EventFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setBackgroundThreshold(1);
    proxy.setEventModel(&model);
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    model.setCorpus(sampleCorpus());
    QTRY_COMPARE(proxy.rowCount(), 4);
    QSignalSpy filtered(&proxy, &EventFilterProxyModel::filterChanged);
    QSignalSpy busy(&proxy, &EventFilterProxyModel::busyChanged);
    const GlobalPoolBlocker qtPaintsWithIt;
    EventFilter filter;
    filter.types = {EventType::Meeting};
    proxy.setFilter(filter);
    // Until the worker is done, the rows and the filter shown are the previous ones.
    QVERIFY(proxy.isBusy());
    QCOMPARE(proxy.rowCount(), 4);
    QVERIFY(proxy.filter().isEmpty());
    QVERIFY(filtered.wait());
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.filter(), filter);
    QCOMPARE(proxy.sourceRows(), QList<int>{0});
    QTRY_VERIFY(!proxy.isBusy());
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.last().first().toBool(), false);
}

void TestModels::persistentIndexesFollowTheirEventsThroughFilterAndSort()
{
    EventModel model;
    EventFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setEventModel(&model);
    model.setCorpus(sampleCorpus());
    proxy.sort(EventModel::DateColumn, Qt::AscendingOrder);
    const QPersistentModelIndex visit = proxy.mapFromSource(model.index(1, EventModel::TypeColumn));
    QCOMPARE(visit.row(), 3);  // 2024-05 comes last
    proxy.sort(EventModel::DateColumn, Qt::DescendingOrder);
    QCOMPARE(visit.row(), 0);
    QCOMPARE(visit.column(), int(EventModel::TypeColumn));
    EventFilter filter;
    filter.text = u"poutine"_s;
    proxy.setFilter(filter);
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.mapToSource(visit).row(), 1);
    filter.text = u"assaut"_s;
    proxy.setFilter(filter);
    QVERIFY(!visit.isValid());
}

void TestModels::descendingSortKeepsTiesInModelOrder()
{
    EventModel model;
    EventFilterProxyModel proxy;
    proxy.setEventModel(&model);
    CorpusBuilder builder;
    for (int i = 0; i < 4; ++i)
        builder.add(DateValue::ofYear(2020 + i % 2), EventType::Meeting, {u"Wang Yi"_s});
    model.setCorpus(builder.corpus);
    proxy.sort(EventModel::DateColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.sourceRows(), (QList<int>{1, 3, 0, 2}));
    proxy.sort(EventModel::TypeColumn, Qt::DescendingOrder);
    QCOMPARE(proxy.sourceRows(), (QList<int>{0, 1, 2, 3}));
}

void TestModels::newCorpusDuringBackgroundFilterWins()
{
    EventModel model;
    EventFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setBackgroundThreshold(1);
    proxy.setEventModel(&model);
    model.setCorpus(sampleCorpus());
    QTRY_VERIFY(!proxy.isBusy());
    EventFilter filter;
    filter.types = {EventType::Meeting, EventType::Visit};
    proxy.setFilter(filter);
    CorpusBuilder other;
    other.add(DateValue::ofYear(2020), EventType::Visit, {u"Wang Yi"_s});
    model.setCorpus(other.corpus);
    QTRY_VERIFY(!proxy.isBusy());
    QCOMPARE(proxy.sourceRows(), QList<int>{0});
    QCOMPARE(proxy.index(0, EventModel::ActorsColumn).data().toString(), u"Wang Yi"_s);
}

void TestModels::sortsByDateValueNotDisplayText()
{
    EventModel model;
    EventFilterProxyModel proxy;
    proxy.setEventModel(&model);
    model.setCorpus(sampleCorpus());
    proxy.sort(EventModel::DateColumn, Qt::AscendingOrder);
    QStringList order;
    for (int row = 0; row < proxy.rowCount(); ++row)
        order.append(proxy.index(row, EventModel::DateColumn).data(EventModel::DateRole).toDate().toString(Qt::ISODate));
    // Undated first, then 2022 (year), 2024-04-09, 2024-05 (month).
    QCOMPARE(order, (QStringList{QString(), u"2022-01-01"_s, u"2024-04-09"_s, u"2024-05-01"_s}));
}

void TestModels::filtersByActorTypeDateAndText_data()
{
    QTest::addColumn<QStringList>("actors");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("rows");
    QTest::addColumn<bool>("allActors");
    QTest::newRow("no filter") << QStringList() << -1 << QString() << QString() << QString() << 4 << false;
    QTest::newRow("one actor") << QStringList{u"Wang Yi"_s} << -1 << QString() << QString() << QString() << 1 << false;
    QTest::newRow("any of two actors") << QStringList{u"Wang Yi"_s, u"Russia"_s} << -1 << QString() << QString() << QString() << 2 << false;
    QTest::newRow("type") << QStringList() << int(EventType::Conflict) << QString() << QString() << QString() << 1 << false;
    QTest::newRow("month overlaps a day range") << QStringList() << -1 << u"2024-05-10"_s << u"2024-05-20"_s << QString() << 1 << false;
    QTest::newRow("year range drops the undated") << QStringList() << -1 << u"2022"_s << u"2024"_s << QString() << 3 << false;
    QTest::newRow("text without accents finds accents") << QStringList() << -1 << QString() << QString() << u"pekin"_s << 2 << false;
    QTest::newRow("text in the sentence") << QStringList() << -1 << QString() << QString() << u"assaut"_s << 1 << false;
    QTest::newRow("all of two actors: an event with both") << QStringList{u"Sergey Lavrov"_s, u"Wang Yi"_s} << -1 << QString() << QString()
                                                            << QString() << 1 << true;
    QTest::newRow("all of two actors: none has both") << QStringList{u"Wang Yi"_s, u"Russia"_s} << -1 << QString() << QString()
                                                       << QString() << 0 << true;
    QTest::newRow("all of one actor") << QStringList{u"Wang Yi"_s} << -1 << QString() << QString() << QString() << 1 << true;
}

void TestModels::filtersByActorTypeDateAndText()
{
    QFETCH(QStringList, actors);
    QFETCH(int, type);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, text);
    QFETCH(int, rows);
    QFETCH(bool, allActors);
    EventModel model;
    EventFilterProxyModel proxy;
    proxy.setEventModel(&model);
    model.setCorpus(sampleCorpus());
    EventFilter filter;
    filter.actors = QSet<QString>(actors.cbegin(), actors.cend());
    if (type >= 0)
        filter.types.insert(EventType(type));
    filter.from = DateValue::fromIso(from);
    filter.to = DateValue::fromIso(to);
    filter.text = text;
    filter.allActors = allActors;
    proxy.setFilter(filter);
    QCOMPARE(proxy.rowCount(), rows);
}

void TestModels::noActorsOrNoTypesAcceptsNothing()
{
    const auto corpus = sampleCorpus();
    EventFilter noActors;
    noActors.noActors = true;
    EventFilter noTypes;
    noTypes.noTypes = true;
    QVERIFY(!noActors.isEmpty());
    QVERIFY(!noTypes.isEmpty());
    // An event without actors would pass an empty actor set: the flag must still drop it.
    Event withoutActors = corpus->events.first();
    withoutActors.actors.clear();
    QVERIFY(!noActors.accepts(withoutActors, corpus->articles.first()));
    for (const Event &event : corpus->events) {
        QVERIFY(!noActors.accepts(event, corpus->articles.at(event.article)));
        QVERIFY(!noTypes.accepts(event, corpus->articles.at(event.article)));
    }
}

void TestModels::exposesRawValuesThroughRoles()
{
    EventModel model;
    model.setCorpus(sampleCorpus());
    const QModelIndex visit = model.index(1, EventModel::DateColumn);
    QCOMPARE(visit.data(EventModel::DateRole).toDate(), QDate(2024, 5, 1));
    QCOMPARE(visit.data(EventModel::LastDateRole).toDate(), QDate(2024, 5, 31));
    QCOMPARE(visit.data(EventModel::PrecisionRole).toInt(), int(Precision::Month));
    QCOMPARE(visit.data(EventModel::TypeRole).toInt(), int(EventType::Visit));
    QCOMPARE(visit.data(EventModel::ActorsRole).toStringList(), QStringList{u"Vladimir Putin"_s});
    QCOMPARE(visit.data(EventModel::SentenceRole).toString(), u"Poutine ira à Pékin en mai."_s);
    QCOMPARE(model.index(2, EventModel::DateColumn).data().toString(), EventModel::tr("Undated"));
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
