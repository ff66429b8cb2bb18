#include "actorfilterproxymodel.h"
#include "actorlistmodel.h"
#include "corpus.h"
#include "eventindex.h"
#include "filterdock.h"
#include "globalpoolblocker.h"
#include "textrecorder.h"
#include "workerpool.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

namespace {

std::shared_ptr<const EventIndex> indexed(std::shared_ptr<const Corpus> corpus)
{
    return corpus ? std::make_shared<const EventIndex>(std::move(corpus)) : nullptr;
}

Article makeArticle(const QString &title, const QStringList &sentences)
{
    Article article;
    article.title = title;
    article.text = sentences.join(u' ');
    return article;
}

void addEvent(Corpus &corpus, int article, DateValue date, EventType type, QStringList actors, const QString &sentence,
              QStringList unlisted = {})
{
    Event event;
    event.article = article;
    event.date = date;
    event.type = type;
    event.actors = std::move(actors);
    corpus.articles[article].unlistedActors.append(unlisted);
    const qsizetype start = corpus.articles.at(article).text.indexOf(sentence);
    if (start < 0)
        qFatal("sample sentence not in its article: %s", qPrintable(sentence));
    event.evidence = TextSpan::of(start, start + sentence.size());
    corpus.events.append(event);
}

// Two articles, seven events: five actors, one of them unlisted, one event without actors,
// dated to the day, the month, the year, and undated.
std::shared_ptr<Corpus> sampleCorpus()
{
    auto corpus = std::make_shared<Corpus>();
    corpus->articles = {
        makeArticle(u"Lavrov à Pékin"_s, {u"Lavrov a rencontré Wang Yi."_s, u"Poutine ira à Pékin en mai."_s,
                                          u"Poutine a reçu Xi."_s}),
        makeArticle(u"Choïgu et les autres"_s, {u"Choïgu a parlé."_s, u"L'assaut de 2022."_s, u"Poutine et Dupont ont parlé."_s,
                                                u"Un accord fut signé."_s}),
    };
    addEvent(*corpus, 0, DateValue::ofDay(2024, 4, 9), EventType::Meeting, {u"Sergey Lavrov"_s, u"Wang Yi"_s},
             u"Lavrov a rencontré Wang Yi."_s);
    addEvent(*corpus, 0, DateValue::ofMonth(2024, 5), EventType::Visit, {u"Vladimir Putin"_s}, u"Poutine ira à Pékin en mai."_s);
    addEvent(*corpus, 0, DateValue::ofDay(2024, 4, 10), EventType::Meeting, {u"Vladimir Putin"_s, u"Xi Jinping"_s},
             u"Poutine a reçu Xi."_s);
    addEvent(*corpus, 1, {}, EventType::Statement, {u"Sergei Shoigu"_s}, u"Choïgu a parlé."_s);
    addEvent(*corpus, 1, DateValue::ofYear(2022), EventType::Conflict, {u"Russia"_s}, u"L'assaut de 2022."_s);
    addEvent(*corpus, 1, DateValue::ofMonth(2023, 3), EventType::Statement, {u"Vladimir Putin"_s, u"Jean Dupont"_s},
             u"Poutine et Dupont ont parlé."_s, {u"Jean Dupont"_s});
    addEvent(*corpus, 1, DateValue::ofDay(2023, 6, 1), EventType::Agreement, {}, u"Un accord fut signé."_s);
    return corpus;
}

QSet<QString> allActors(const Corpus &corpus)
{
    QSet<QString> names;
    for (const Event &event : corpus.events)
        for (const QString &actor : event.actors)
            names.insert(actor);
    return names;
}

QModelIndex actorRow(const QAbstractItemModel *model, const QString &name)
{
    const QModelIndexList found = model->match(model->index(0, 0), ActorListModel::NameRole, name, 1, Qt::MatchExactly);
    return found.isEmpty() ? QModelIndex() : found.first();
}

EventFilter lastFilter(const QSignalSpy &spy)
{
    return spy.last().first().value<EventFilter>();
}

int acceptedEvents(const Corpus &corpus, const EventFilter &filter)
{
    return int(std::count_if(corpus.events.cbegin(), corpus.events.cend(),
                             [&](const Event &event) { return filter.accepts(event, corpus.articles.at(event.article)); }));
}

template<typename T>
T *child(const FilterDock &dock, const QString &name)
{
    T *widget = dock.findChild<T *>(name);
    if (!widget)
        qFatal("FilterDock has no child named %s", qPrintable(name));
    return widget;
}

} // namespace

class TestFilterDock final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void uncheckingAnActor_emitsTheOthers_andAllCheckedIsNoActorCriterion();
    void onlyThisOne_leavesExactlyOneActor();
    void doubleClick_leavesExactlyThatActor();
    void none_showsNothingEvenEventsWithoutActors();
    void actorSearch_narrowsTheListWithoutChangingTheFilter();
    void actorList_isSortedByCountThenName_andMarksUnlistedActors();
    void typeChecks_produceTheTypeSet();
    void dateRange_producesInclusiveDays();
    void textSearch_isDebouncedIntoTheFilter();
    void facetCounts_countEachActorAmongTheRemainingTypes();
    void facetCounts_countEachTypeAmongTheCheckedActors();
    void allActorsCheck_requiresEveryCheckedActor();
    void facetCounts_withAllActors_requireTheOtherCheckedActorsToo();
    void facetCounts_pastTheThreshold_areMadeOnAWorker_theLatestShown();
    void facetCounts_ofACorpusReplacedBeforeTheyArrive_areNeverShown();
    void setCorpus_keepsSelectionsWhoseNamesRemain();
    void setCorpus_ofAnotherCorpus_checksEveryActor();
    void setFilter_beforeAnyCorpus_appliesWhenItArrives();
    void saveState_restoresTheSameFilter();
    void actorToolTip_showsMarkupInANameAsText();
    void actorModelAndProxy_passTheModelTester();
    void actorCounts_areGroupedLikeTheDocksOtherCounts();
};

void TestFilterDock::initTestCase()
{
    qRegisterMetaType<EventFilter>();
}

void TestFilterDock::uncheckingAnActor_emitsTheOthers_andAllCheckedIsNoActorCriterion()
{
    const auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    QVERIFY(dock.filter().isEmpty());
    QSignalSpy spy(&dock, &FilterDock::filterChanged);

    QVERIFY(dock.actorModel()->setData(actorRow(dock.actorModel(), u"Wang Yi"_s), Qt::Unchecked, Qt::CheckStateRole));
    QCOMPARE(spy.size(), 1);
    QSet<QString> others = allActors(*corpus);
    others.remove(u"Wang Yi"_s);
    QCOMPARE(lastFilter(spy).actors, others);
    QVERIFY(!lastFilter(spy).noActors);

    QVERIFY(dock.actorModel()->setData(actorRow(dock.actorModel(), u"Wang Yi"_s), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(spy.size(), 2);
    QVERIFY(lastFilter(spy).actors.isEmpty());
    // The actorless agreement shows again: all checked means no actor criterion.
    QCOMPARE(acceptedEvents(*corpus, lastFilter(spy)), corpus->events.size());

    dock.actorModel()->setData(actorRow(dock.actorModel(), u"Russia"_s), Qt::Unchecked, Qt::CheckStateRole);
    child<QPushButton>(dock, u"allActors"_s)->click();
    QVERIFY(lastFilter(spy).actors.isEmpty());
    QVERIFY(dock.filter().isEmpty());
}

void TestFilterDock::onlyThisOne_leavesExactlyOneActor()
{
    FilterDock dock;
    dock.setEvents(indexed(sampleCorpus()));
    auto *only = child<QPushButton>(dock, u"onlyActor"_s);
    QVERIFY(!only->isEnabled());
    auto *view = child<QListView>(dock, u"actorList"_s);
    view->setCurrentIndex(actorRow(dock.actorProxy(), u"Russia"_s));
    QVERIFY(only->isEnabled());
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    only->click();
    QCOMPARE(spy.size(), 1);
    QCOMPARE(lastFilter(spy).actors, QSet<QString>{u"Russia"_s});
    QCOMPARE(dock.actorModel()->checkedCount(), 1);
}

void TestFilterDock::doubleClick_leavesExactlyThatActor()
{
    FilterDock dock;
    dock.resize(320, 700);
    dock.setEvents(indexed(sampleCorpus()));
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));
    auto *view = child<QListView>(dock, u"actorList"_s);
    const QRect rect = view->visualRect(actorRow(dock.actorProxy(), u"Sergei Shoigu"_s));
    // On the name, not on the check box, which a double-click would toggle instead.
    const QPoint onName(rect.right() - rect.width() / 3, rect.center().y());
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    // QTest sends a widget only the double-click event; a real one follows a press on the same row.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, onName);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, onName);
    QVERIFY(!spy.isEmpty());
    QCOMPARE(dock.filter().actors, QSet<QString>{u"Sergei Shoigu"_s});
}

void TestFilterDock::none_showsNothingEvenEventsWithoutActors()
{
    const auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    child<QPushButton>(dock, u"noActors"_s)->click();
    QCOMPARE(spy.size(), 1);
    QVERIFY(lastFilter(spy).noActors);
    QVERIFY(lastFilter(spy).actors.isEmpty());
    QCOMPARE(dock.actorModel()->checkedCount(), 0);
    QCOMPARE(acceptedEvents(*corpus, lastFilter(spy)), 0);

    // Checking one from nothing gives just that one.
    dock.actorModel()->setData(actorRow(dock.actorModel(), u"Wang Yi"_s), Qt::Checked, Qt::CheckStateRole);
    QVERIFY(!dock.filter().noActors);
    QCOMPARE(dock.filter().actors, QSet<QString>{u"Wang Yi"_s});
}

void TestFilterDock::actorSearch_narrowsTheListWithoutChangingTheFilter()
{
    FilterDock dock;
    dock.setEvents(indexed(sampleCorpus()));
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    const EventFilter before = dock.filter();
    QTest::keyClicks(child<QLineEdit>(dock, u"actorSearch"_s), u"CHOIGU"_s);
    QCOMPARE(dock.actorProxy()->rowCount(), 0);  // the canonical name is "Sergei Shoigu"
    auto *search = child<QLineEdit>(dock, u"actorSearch"_s);
    search->setText(u"sergé"_s);  // keyClicks() types ASCII only
    QCOMPARE(dock.actorProxy()->rowCount(), 2);  // Sergey Lavrov, Sergei Shoigu: accents and case ignored
    QCOMPARE(dock.actorModel()->rowCount(), 7);
    QTest::qWait(300);
    QCOMPARE(spy.size(), 0);
    QCOMPARE(dock.filter(), before);
}

void TestFilterDock::actorList_isSortedByCountThenName_andMarksUnlistedActors()
{
    FilterDock dock;
    dock.setEvents(indexed(sampleCorpus()));
    const ActorFilterProxyModel *proxy = dock.actorProxy();
    QStringList order;
    for (int row = 0; row < proxy->rowCount(); ++row)
        order.append(proxy->index(row, 0).data(ActorListModel::NameRole).toString());
    QCOMPARE(order, (QStringList{u"Vladimir Putin"_s, u"Jean Dupont"_s, u"Russia"_s, u"Sergei Shoigu"_s, u"Sergey Lavrov"_s,
                                 u"Wang Yi"_s, u"Xi Jinping"_s}));
    const QModelIndex putin = proxy->index(0, 0);
    QCOMPARE(putin.data(ActorListModel::CountRole).toInt(), 3);
    QCOMPARE(putin.data().toString(), u"Vladimir Putin  (3)"_s);
    QVERIFY(!putin.data(ActorListModel::UnlistedRole).toBool());
    const QModelIndex dupont = proxy->index(1, 0);
    QVERIFY(dupont.data(ActorListModel::UnlistedRole).toBool());
    QVERIFY(dupont.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(dupont.data(Qt::ToolTipRole).toString().contains(u"not in the gazetteer"_s));
}

void TestFilterDock::typeChecks_produceTheTypeSet()
{
    FilterDock dock;
    dock.setEvents(indexed(sampleCorpus()));
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    child<QCheckBox>(dock, u"typeCheck_meeting"_s)->click();
    QCOMPARE(spy.size(), 1);
    QSet<EventType> others;
    for (int type = 0; type < kEventTypeCount; ++type)
        if (EventType(type) != EventType::Meeting)
            others.insert(EventType(type));
    QCOMPARE(lastFilter(spy).types, others);

    for (int type = 0; type < kEventTypeCount; ++type)
        if (EventType(type) != EventType::Meeting)
            child<QCheckBox>(dock, u"typeCheck_"_s + eventTypeName(EventType(type)))->click();
    QVERIFY(lastFilter(spy).noTypes);
    QVERIFY(lastFilter(spy).types.isEmpty());

    child<QCheckBox>(dock, u"typeCheck_visit"_s)->click();
    QCOMPARE(lastFilter(spy).types, QSet<EventType>{EventType::Visit});
    QVERIFY(!lastFilter(spy).noTypes);
}

void TestFilterDock::dateRange_producesInclusiveDays()
{
    const auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    auto *fromCheck = child<QCheckBox>(dock, u"fromCheck"_s);
    auto *toCheck = child<QCheckBox>(dock, u"toCheck"_s);
    auto *fromEdit = child<QDateEdit>(dock, u"fromDate"_s);
    auto *toEdit = child<QDateEdit>(dock, u"toDate"_s);
    // Unchecked ends wait at the corpus's first and last days.
    QCOMPARE(fromEdit->date(), QDate(2022, 1, 1));
    QCOMPARE(toEdit->date(), QDate(2024, 5, 31));
    QVERIFY(!fromEdit->isEnabled());

    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    fromCheck->click();
    QVERIFY(fromEdit->isEnabled());
    fromEdit->setDate(QDate(2024, 5, 10));
    toCheck->click();
    toEdit->setDate(QDate(2024, 5, 20));
    QCOMPARE(lastFilter(spy).from, DateValue::ofDay(2024, 5, 10));
    QCOMPARE(lastFilter(spy).to, DateValue::ofDay(2024, 5, 20));
    // Only the May 2024 visit overlaps 10-20 May.
    QCOMPARE(acceptedEvents(*corpus, lastFilter(spy)), 1);

    // Moving the start past the end drags the end along.
    fromEdit->setDate(QDate(2024, 6, 1));
    QCOMPARE(lastFilter(spy).to, DateValue::ofDay(2024, 6, 1));

    child<QPushButton>(dock, u"wholePeriod"_s)->click();
    QVERIFY(!lastFilter(spy).from.isValid());
    QVERIFY(!lastFilter(spy).to.isValid());
    QVERIFY(!fromCheck->isChecked());
    QVERIFY(!toCheck->isChecked());
}

void TestFilterDock::textSearch_isDebouncedIntoTheFilter()
{
    FilterDock dock;
    dock.setEvents(indexed(sampleCorpus()));
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    auto *text = child<QLineEdit>(dock, u"textSearch"_s);
    QTest::keyClicks(text, u"pekin "_s);
    QCOMPARE(spy.size(), 0);
    QVERIFY(spy.wait(1000));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(lastFilter(spy).text, u"pekin"_s);
    text->clear();
    QCOMPARE(spy.size(), 2);  // clearing is immediate
    QVERIFY(lastFilter(spy).text.isEmpty());
}

void TestFilterDock::facetCounts_countEachActorAmongTheRemainingTypes()
{
    const auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    // Unchecking an actor never changes actor counts: they ignore the actor criterion.
    dock.actorModel()->setData(actorRow(dock.actorModel(), u"Vladimir Putin"_s), Qt::Unchecked, Qt::CheckStateRole);
    child<QCheckBox>(dock, u"typeCheck_meeting"_s)->click();

    const ActorListModel *model = dock.actorModel();
    QCOMPARE(model->rowCount(), allActors(*corpus).size());
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString name = model->index(row).data(ActorListModel::NameRole).toString();
        const auto expected = std::count_if(corpus->events.cbegin(), corpus->events.cend(), [&](const Event &event) {
            return event.type != EventType::Meeting && event.actors.contains(name);
        });
        QCOMPARE(model->index(row).data(ActorListModel::CountRole).toInt(), int(expected));
    }
    QCOMPARE(actorRow(model, u"Vladimir Putin"_s).data(ActorListModel::CountRole).toInt(), 2);
    QCOMPARE(actorRow(model, u"Wang Yi"_s).data(ActorListModel::CountRole).toInt(), 0);
}

void TestFilterDock::facetCounts_countEachTypeAmongTheCheckedActors()
{
    const auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    child<QCheckBox>(dock, u"typeCheck_statement"_s)->click();  // type counts ignore the type criterion
    child<QListView>(dock, u"actorList"_s)->setCurrentIndex(actorRow(dock.actorProxy(), u"Vladimir Putin"_s));
    child<QPushButton>(dock, u"onlyActor"_s)->click();
    for (int type = 0; type < kEventTypeCount; ++type) {
        const auto expected = std::count_if(corpus->events.cbegin(), corpus->events.cend(), [&](const Event &event) {
            return event.type == EventType(type) && event.actors.contains(u"Vladimir Putin"_s);
        });
        const QString name = eventTypeName(EventType(type));
        QCOMPARE(child<QLabel>(dock, u"typeCount_"_s + name)->text(), QString::number(expected));
    }
}

void TestFilterDock::allActorsCheck_requiresEveryCheckedActor()
{
    const auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    auto *check = child<QCheckBox>(dock, u"allActorsCheck"_s);
    QVERIFY(check->isVisibleTo(&dock));
    QVERIFY(!check->isChecked());
    EventFilter filter;
    filter.actors = {u"Vladimir Putin"_s, u"Xi Jinping"_s};
    dock.setFilter(filter);
    QCOMPARE(acceptedEvents(*corpus, dock.filter()), 3);  // either of them

    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    check->click();
    QCOMPARE(spy.count(), 1);
    QVERIFY(lastFilter(spy).allActors);
    QCOMPARE(lastFilter(spy).actors, filter.actors);
    QCOMPARE(acceptedEvents(*corpus, dock.filter()), 1);  // both of them

    // setFilter() shows the flag in the box, and back.
    filter.allActors = false;
    dock.setFilter(filter);
    QVERIFY(!check->isChecked());
    filter.allActors = true;
    dock.setFilter(filter);
    QVERIFY(check->isChecked());
    QCOMPARE(dock.filter(), filter);
}

void TestFilterDock::facetCounts_pastTheThreshold_areMadeOnAWorker_theLatestShown()
{
    // Counted on the UI thread, a million events held it 12-18 ms at every click.
    const auto corpus = sampleCorpus();
    const auto countsOf = [](const FilterDock &dock) {
        QStringList counts;
        const ActorListModel *model = dock.actorModel();
        for (int row = 0; row < model->rowCount(); ++row)
            counts.append(model->index(row).data(ActorListModel::NameRole).toString() + u'='
                          + model->index(row).data(ActorListModel::CountRole).toString());
        for (const char *type : {"typeCount_meeting", "typeCount_statement", "typeCount_military"})
            counts.append(child<QLabel>(dock, QString::fromLatin1(type))->text());
        return counts;
    };
    FilterDock onUiThread;
    onUiThread.setEvents(indexed(corpus));
    FilterDock onWorker;
    onWorker.setBackgroundThreshold(1);
    const GlobalPoolBlocker qtPaintsWithIt;
    onWorker.setEvents(indexed(corpus));
    QVERIFY(onWorker.isCounting());
    QTRY_VERIFY(!onWorker.isCounting());
    QCOMPARE(countsOf(onWorker), countsOf(onUiThread));

    // Changes faster than the counting: what ends up shown counts the last filter.
    for (FilterDock *dock : {&onUiThread, &onWorker}) {
        child<QCheckBox>(*dock, u"typeCheck_meeting"_s)->click();
        child<QCheckBox>(*dock, u"typeCheck_statement"_s)->click();
        child<QCheckBox>(*dock, u"typeCheck_meeting"_s)->click();
        child<QPushButton>(*dock, u"noActors"_s)->click();
    }
    QTRY_VERIFY(!onWorker.isCounting());
    QCOMPARE(countsOf(onWorker), countsOf(onUiThread));
    QCOMPARE(onWorker.filter(), onUiThread.filter());
}

void TestFilterDock::facetCounts_ofACorpusReplacedBeforeTheyArrive_areNeverShown()
{
    // A count done on its worker but not yet reported, then a small corpus counted at once: the
    // late report was taken for the new corpus's, with a list of counts for the old actors.
    FilterDock dock;
    dock.setBackgroundThreshold(1);
    dock.setEvents(indexed(sampleCorpus()));
    QVERIFY(dock.isCounting());
    workerPool()->waitForDone();  // done, its report still waiting in the event queue
    dock.setBackgroundThreshold(std::numeric_limits<int>::max());
    auto small = std::make_shared<Corpus>();
    small->articles = {makeArticle(u"Xi à Moscou"_s, {u"Xi a vu Poutine."_s})};
    addEvent(*small, 0, DateValue::ofDay(2024, 5, 16), EventType::Meeting, {u"Xi Jinping"_s}, u"Xi a vu Poutine."_s);
    dock.setEvents(indexed(small));
    QTRY_VERIFY(!dock.isCounting());
    QCoreApplication::processEvents();
    const ActorListModel *model = dock.actorModel();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0).data(ActorListModel::CountRole).toInt(), 1);
    QCOMPARE(child<QLabel>(dock, u"typeCount_meeting"_s)->text(), u"1"_s);
    QCOMPARE(child<QLabel>(dock, u"typeCount_statement"_s)->text(), u"0"_s);
}

void TestFilterDock::facetCounts_withAllActors_requireTheOtherCheckedActorsToo()
{
    const auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    EventFilter filter;
    filter.actors = {u"Vladimir Putin"_s, u"Xi Jinping"_s};
    filter.allActors = true;
    dock.setFilter(filter);

    // An actor's count: the events naming all the other checked actors and this one, which for an
    // unchecked actor is what checking it would show.
    const ActorListModel *model = dock.actorModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString name = model->index(row).data(ActorListModel::NameRole).toString();
        EventFilter with = filter;
        with.actors.insert(name);
        QCOMPARE(model->index(row).data(ActorListModel::CountRole).toInt(), acceptedEvents(*corpus, with));
    }
    QCOMPARE(actorRow(model, u"Vladimir Putin"_s).data(ActorListModel::CountRole).toInt(), 1);
    QCOMPARE(actorRow(model, u"Xi Jinping"_s).data(ActorListModel::CountRole).toInt(), 1);
    QCOMPARE(actorRow(model, u"Jean Dupont"_s).data(ActorListModel::CountRole).toInt(), 0);
    // Type counts apply the same actor criterion.
    QCOMPARE(child<QLabel>(dock, u"typeCount_meeting"_s)->text(), u"1"_s);
    QCOMPARE(child<QLabel>(dock, u"typeCount_statement"_s)->text(), u"0"_s);
}

void TestFilterDock::setCorpus_keepsSelectionsWhoseNamesRemain()
{
    auto corpus = sampleCorpus();
    FilterDock dock;
    dock.setEvents(indexed(corpus));
    dock.actorModel()->setCheckedNames({u"Vladimir Putin"_s, u"Wang Yi"_s});
    dock.actorModel()->setData(actorRow(dock.actorModel(), u"Russia"_s), Qt::Checked, Qt::CheckStateRole);
    child<QCheckBox>(dock, u"typeCheck_visit"_s)->click();
    const EventFilter before = dock.filter();
    QCOMPARE(before.actors, (QSet<QString>{u"Vladimir Putin"_s, u"Wang Yi"_s, u"Russia"_s}));

    // The reloaded folder lost Wang Yi's article and gained an actor.
    auto reloaded = std::make_shared<Corpus>(*corpus);
    reloaded->events.removeFirst();
    reloaded->events.last().actors = {u"Sergey Lavrov"_s, u"Li Qiang"_s};
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    dock.setEvents(indexed(reloaded));
    QCOMPARE(spy.size(), 1);
    QCOMPARE(dock.filter().actors, (QSet<QString>{u"Vladimir Putin"_s, u"Russia"_s}));
    QCOMPARE(dock.filter().types, before.types);
    QCOMPARE(dock.actorModel()->checkedNames(), dock.filter().actors);
    QCOMPARE(actorRow(dock.actorModel(), u"Li Qiang"_s).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
    QVERIFY(!child<QCheckBox>(dock, u"typeCheck_visit"_s)->isChecked());

    // The same corpus again changes nothing and says nothing.
    dock.setEvents(indexed(reloaded));
    QCOMPARE(spy.size(), 1);
}

void TestFilterDock::setCorpus_ofAnotherCorpus_checksEveryActor()
{
    FilterDock dock;
    dock.setEvents(indexed(sampleCorpus()));
    dock.actorModel()->setCheckedNames({u"Wang Yi"_s});
    dock.actorModel()->setData(actorRow(dock.actorModel(), u"Russia"_s), Qt::Checked, Qt::CheckStateRole);
    QCOMPARE(dock.filter().actors.size(), 2);

    auto other = sampleCorpus();
    for (Event &event : other->events)
        if (!event.actors.isEmpty())
            event.actors = {u"Someone Else"_s, u"Another One"_s};
    dock.setEvents(indexed(other));
    QVERIFY(dock.filter().actors.isEmpty());
    QCOMPARE(dock.actorModel()->checkedCount(), 2);
}

void TestFilterDock::setFilter_beforeAnyCorpus_appliesWhenItArrives()
{
    FilterDock dock;
    EventFilter filter;
    filter.actors = {u"Russia"_s, u"Nobody Here"_s};
    filter.types = {EventType::Conflict};
    filter.from = DateValue::ofYear(2020);
    QSignalSpy spy(&dock, &FilterDock::filterChanged);
    dock.setFilter(filter);
    QCOMPARE(spy.size(), 1);
    QCOMPARE(dock.filter().actors, filter.actors);

    dock.setEvents(indexed(sampleCorpus()));
    QCOMPARE(dock.filter().actors, QSet<QString>{u"Russia"_s});
    QCOMPARE(dock.filter().types, filter.types);
    QCOMPARE(dock.filter().from, filter.from);
    QVERIFY(child<QCheckBox>(dock, u"fromCheck"_s)->isChecked());
    QCOMPARE(child<QDateEdit>(dock, u"fromDate"_s)->date(), QDate(2020, 1, 1));
    QVERIFY(child<QCheckBox>(dock, u"typeCheck_conflict"_s)->isChecked());
    QVERIFY(!child<QCheckBox>(dock, u"typeCheck_meeting"_s)->isChecked());
}

void TestFilterDock::saveState_restoresTheSameFilter()
{
    FilterDock dock;
    dock.setEvents(indexed(sampleCorpus()));
    EventFilter filter;
    filter.actors = {u"Russia"_s, u"Wang Yi"_s};
    filter.allActors = true;
    filter.noTypes = true;
    filter.from = DateValue::ofDay(2023, 1, 2);
    filter.to = DateValue::ofMonth(2024, 4);
    filter.text = u"Pékin"_s;
    dock.setFilter(filter);
    QCOMPARE(dock.filter(), filter);

    FilterDock restored;
    restored.setEvents(indexed(sampleCorpus()));
    restored.restoreState(dock.saveState());
    QCOMPARE(restored.filter(), filter);
    QCOMPARE(child<QLineEdit>(restored, u"textSearch"_s)->text(), u"Pékin"_s);

    restored.restoreState({});
    QVERIFY(restored.filter().isEmpty());
}

void TestFilterDock::actorToolTip_showsMarkupInANameAsText()
{
    ActorListModel model;
    model.setActors({{u"<b>Bold</b> & Co"_s, true}});
    const QString tip = model.index(0).data(Qt::ToolTipRole).toString();
    QVERIFY(tip.contains(u"&lt;b&gt;Bold&lt;/b&gt; &amp; Co"_s));
    QVERIFY(!tip.contains(u"<b>"_s));
}

void TestFilterDock::actorModelAndProxy_passTheModelTester()
{
    FilterDock dock;
    QAbstractItemModelTester modelTester(dock.actorModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(dock.actorProxy(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    dock.setEvents(indexed(sampleCorpus()));
    child<QCheckBox>(dock, u"typeCheck_meeting"_s)->click();  // recounts, so the proxy re-sorts
    child<QPushButton>(dock, u"noActors"_s)->click();
    QTest::keyClicks(child<QLineEdit>(dock, u"actorSearch"_s), u"wang"_s);
    QCOMPARE(dock.actorProxy()->rowCount(), 1);
    dock.setEvents(indexed(nullptr));
    QCOMPARE(dock.actorModel()->rowCount(), 0);
}

void TestFilterDock::actorCounts_areGroupedLikeTheDocksOtherCounts()
{
    auto corpus = std::make_shared<Corpus>();
    corpus->articles = {makeArticle(u"Wang Yi à Moscou"_s, {u"Wang Yi a parlé."_s})};
    for (int i = 0; i < 1234; ++i)
        addEvent(*corpus, 0, {}, EventType::Statement, {u"Wang Yi"_s}, u"Wang Yi a parlé."_s);
    FilterDock dock;
    dock.setLocale(QLocale(QLocale::English, QLocale::UnitedStates));
    dock.setEvents(indexed(corpus));
    dock.resize(320, 700);
    TextRecorder recorder;
    dock.render(&recorder);
    // The statement type's count, and the actor's in the list below it, alike.
    QVERIFY2(recorder.texts().count(u"1,234"_s) == 2, qPrintable(recorder.texts().join(u" | ")));
}

QTEST_MAIN(TestFilterDock)
#include "tst_filterdock.moc"
