#include "eventfilterproxymodel.h"
#include "eventindex.h"
#include "eventmodel.h"
#include "globalpoolblocker.h"
#include "timelineaxis.h"
#include "timelinelanes.h"
#include "testcorpus.h"
#include "textrecorder.h"
#include "timelineview.h"
#include "workerpool.h"

#include <QApplication>
#include <QImage>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>

#include <memory>

using namespace Qt::StringLiterals;
using namespace dateline;

namespace {

// Rows of the sample corpus, in the order they are added.
enum Row { LavrovMeeting, PutinVisitInMay, ShoiguUndated, RussiaIn2022, PutinStatement, WangAgreement };

double day(int year, int month, int dayOfMonth) { return double(QDate(year, month, dayOfMonth).toJulianDay()); }

// Day, month, year and undated events; Putin has two, the meeting has two actors.
std::shared_ptr<const Corpus> sampleCorpus()
{
    CorpusBuilder builder;
    builder.add(DateValue::ofDay(2024, 4, 9), EventType::Meeting, {u"Sergey Lavrov"_s, u"Wang Yi"_s},
                u"Lavrov a rencontré <b>Wang Yi</b> à Pékin pour parler du commerce entre les deux pays, "
                u"des livraisons de gaz par le gazoduc Force de Sibérie et de la guerre en Ukraine."_s);
    builder.add(DateValue::ofMonth(2024, 5), EventType::Visit, {u"Vladimir Putin"_s}, u"Poutine ira à Pékin en mai."_s);
    builder.add({}, EventType::Statement, {u"Sergei Shoigu"_s}, u"Choïgu a parlé."_s);
    builder.add(DateValue::ofYear(2022), EventType::Conflict, {u"Russia"_s}, u"L'assaut de 2022."_s);
    builder.add(DateValue::ofDay(2024, 4, 20), EventType::Statement, {u"Vladimir Putin"_s}, u"Poutine a déclaré."_s);
    builder.add(DateValue::ofDay(2024, 6, 1), EventType::Agreement, {u"Wang Yi"_s}, u"Un accord est signé."_s);
    return builder.corpus;
}

QStringList labels(const TimelineView &view)
{
    QStringList result;
    for (int lane = 0; lane < view.laneCount(); ++lane)
        result.append(view.laneLabel(lane));
    return result;
}

void sendWheel(QWidget *widget, QPoint position, int angle)
{
    QWheelEvent wheel(position, widget->mapToGlobal(position), QPoint(), QPoint(0, angle), Qt::NoButton, Qt::NoModifier,
                      Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget, &wheel);
}

// Enough events for the lanes to be arranged on a worker, half meetings, half visits, in a proxy
// that filters at once.
struct ManyEvents
{
    EventModel model;
    EventFilterProxyModel proxy;

    ManyEvents()
    {
        CorpusBuilder builder;
        for (int i = 0; i < TimelineView::kBackgroundLanes; ++i)
            builder.add(DateValue::ofDay(2000 + i % 20, 1 + i % 12, 1 + i % 28), i % 2 ? EventType::Meeting : EventType::Visit,
                        {u"Wang Yi"_s});
        proxy.setBackgroundThreshold(std::numeric_limits<int>::max());
        proxy.setEventModel(&model);
        model.setCorpus(builder.corpus);
    }
};

} // namespace

class TestTimelineView final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void manyEventsAreArrangedOnAWorkerThread();
    void arranging_leavesQtsThreadPoolToPainting();
    void arrangingReportedLate_isNotTakenForTheRowsShownSince();
    void lanesOfAFewRows_keepPositionsUpToTheLastOfThem();
    void laneCounts_areGroupedLikeTheOtherCounts();
    void badgeCounts_areGroupedLikeTheOtherCounts();
    void badgesDrawnBefore_followANewLocale();

    void wheel_keepsTheDateUnderTheCursorFixed_data();
    void wheel_keepsTheDateUnderTheCursorFixed();
    void dragging_pansByThePixelsMoved();
    void dayEvent_isAMarkerOnItsDay();
    void monthAndYearEvents_areBarsSpanningTheirPeriod_data();
    void monthAndYearEvents_areBarsSpanningTheirPeriod();
    void undatedEvents_areNotDrawn();
    void laneModes_giveOneLanePerActorTypeOrAll_data();
    void laneModes_giveOneLanePerActorTypeOrAll();
    void eventWithTwoActors_appearsInBothLanes();
    void laneHeight_shrinksToItsMinimumAndKeepsEventsInTheirLanes();
    void clickingMarker_emitsEventSelectedWithItsRow();
    void clickingStackedMonthBars_cyclesThroughTheirEvents();
    void keyboard_stepsThroughEventsInTime();
    void keyboard_plusAndMinus_zoomAroundTheCentre();
    void filterChange_removesEventsFromTheTimeline();
    void thousandEventsOnOneDay_clusterWhenZoomedOut_andOpenOnClick();
    void selectEvent_highlightsWithoutEmittingAndScrollsIntoView();
    void fitAll_showsEveryDatedEvent();
    void zoomToSelection_centresTheSelectedPeriod();
    void toolTip_isPlainTextWithDateActorsTypeAndWords();
    void axisLabels_followTheZoom_data();
    void axisLabels_followTheZoom();
    void tensOfThousandsOfEvents_fillTheirLanesAndRepaint();

private:
    void load(std::shared_ptr<const Corpus> corpus);
    void showOneBadgeOf1234();

    std::unique_ptr<EventModel> m_model;
    std::unique_ptr<EventFilterProxyModel> m_proxy;
    std::unique_ptr<TimelineView> m_view;
};

void TestTimelineView::init()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    m_model = std::make_unique<EventModel>();
    m_proxy = std::make_unique<EventFilterProxyModel>();
    m_proxy->setEventModel(m_model.get());
    m_proxy->sort(EventModel::DateColumn);
    m_view = std::make_unique<TimelineView>();
    m_view->setModel(m_proxy.get());
    m_view->resize(1000, 400);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestTimelineView::cleanup()
{
    m_view.reset();
    m_proxy.reset();
    m_model.reset();
}

void TestTimelineView::load(std::shared_ptr<const Corpus> corpus)
{
    m_model->setCorpus(std::move(corpus));
    m_view->fitAll();
}

void TestTimelineView::wheel_keepsTheDateUnderTheCursorFixed_data()
{
    QTest::addColumn<double>("where");  // fraction of the plot width
    QTest::addColumn<int>("angle");
    QTest::newRow("zoom in at the left") << 0.1 << 120;
    QTest::newRow("zoom in at the middle") << 0.5 << 240;
    QTest::newRow("zoom out at the right") << 0.9 << -120;
    QTest::newRow("zoom far in at a third") << 0.33 << 1200;
}

void TestTimelineView::wheel_keepsTheDateUnderTheCursorFixed()
{
    QFETCH(double, where);
    QFETCH(int, angle);
    load(sampleCorpus());
    QWidget *viewport = m_view->viewport();
    const int x = m_view->plotLeft() + int(where * (viewport->width() - m_view->plotLeft()));
    const QPoint position(x, viewport->height() / 2);
    const double before = m_view->timeAt(x);
    const QDate dateBefore = m_view->dateAt(x);
    const double scaleBefore = m_view->daysPerPixel();

    sendWheel(viewport, position, angle);

    QVERIFY(angle > 0 ? m_view->daysPerPixel() < scaleBefore : m_view->daysPerPixel() > scaleBefore);
    QVERIFY2(std::abs(m_view->xAt(before) - x) < 1.0, qPrintable(QString::number(m_view->xAt(before) - x)));
    QCOMPARE(m_view->dateAt(x), dateBefore);
}

void TestTimelineView::dragging_pansByThePixelsMoved()
{
    load(sampleCorpus());
    QWidget *viewport = m_view->viewport();
    const QPoint from(m_view->plotLeft() + 300, m_view->laneRect(0).bottom() + 5);
    const double before = m_view->timeAt(from.x());
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);

    QTest::mousePress(viewport, Qt::LeftButton, {}, from);
    for (int dx = 10; dx <= 100; dx += 10)
        QTest::mouseMove(viewport, from + QPoint(dx, 0));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, from + QPoint(100, 0));

    QVERIFY(std::abs(m_view->timeAt(from.x() + 100) - before) < m_view->daysPerPixel());
    QCOMPARE(selected.count(), 0);
}

void TestTimelineView::dayEvent_isAMarkerOnItsDay()
{
    load(sampleCorpus());
    m_view->setVisibleRange(day(2024, 3, 25), day(2024, 4, 25));
    const TimelineView::Hit hit = m_view->eventItem(LavrovMeeting);
    QCOMPARE(hit.shape, TimelineView::Shape::Marker);
    QCOMPARE(hit.row, int(LavrovMeeting));
    QCOMPARE(hit.count, 1);
    // Centred in its day: between the lines of 9 and 10 April.
    QVERIFY(hit.rect.center().x() > m_view->xAt(day(2024, 4, 9)));
    QVERIFY(hit.rect.center().x() < m_view->xAt(day(2024, 4, 10)));
    QCOMPARE(m_view->itemAt(hit.rect.center().toPoint()).row, int(LavrovMeeting));
    QCOMPARE(m_view->dateAt(int(hit.rect.center().x())), QDate(2024, 4, 9));
}

void TestTimelineView::monthAndYearEvents_areBarsSpanningTheirPeriod_data()
{
    QTest::addColumn<int>("row");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("next");  // the first day after the period
    QTest::newRow("May 2024") << int(PutinVisitInMay) << QDate(2024, 5, 1) << QDate(2024, 6, 1);
    QTest::newRow("2022") << int(RussiaIn2022) << QDate(2022, 1, 1) << QDate(2023, 1, 1);
}

void TestTimelineView::monthAndYearEvents_areBarsSpanningTheirPeriod()
{
    QFETCH(int, row);
    QFETCH(QDate, first);
    QFETCH(QDate, next);
    load(sampleCorpus());
    const double span = double(next.toJulianDay() - first.toJulianDay());
    m_view->setVisibleRange(double(first.toJulianDay()) - span / 2, double(next.toJulianDay()) + span / 2);

    const TimelineView::Hit hit = m_view->eventItem(row);
    QCOMPARE(hit.shape, TimelineView::Shape::Bar);
    QCOMPARE(hit.row, row);
    QVERIFY(std::abs(hit.rect.left() - m_view->xAt(double(first.toJulianDay()))) < 1.0);
    QVERIFY(std::abs(hit.rect.right() - m_view->xAt(double(next.toJulianDay()))) < 1.0);
    QCOMPARE(hit.firstDay, double(first.toJulianDay()));
    QCOMPARE(hit.lastDay, double(next.toJulianDay()));
    // Not a marker on the first day: the whole period is the shape.
    const QPoint lateInPeriod(int(m_view->xAt(double(next.toJulianDay()) - span / 5)), int(hit.rect.center().y()));
    QCOMPARE(m_view->itemAt(lateInPeriod).shape, TimelineView::Shape::Bar);
    QCOMPARE(m_view->itemAt(lateInPeriod).row, row);
}

void TestTimelineView::undatedEvents_areNotDrawn()
{
    load(sampleCorpus());
    QVERIFY(!labels(*m_view).contains(u"Sergei Shoigu"_s));
    for (int lane = 0; lane < m_view->laneCount(); ++lane)
        QVERIFY(!m_view->laneRows(lane).contains(ShoiguUndated));
    QCOMPARE(m_view->eventItem(ShoiguUndated).shape, TimelineView::Shape::None);
}

void TestTimelineView::laneModes_giveOneLanePerActorTypeOrAll_data()
{
    QTest::addColumn<int>("mode");
    QTest::addColumn<QStringList>("lanes");
    // Actors by number of events, then by name; types in their fixed order; undated events count nowhere.
    QTest::newRow("by actor") << int(TimelineLaneMode::ByActor)
                              << QStringList{u"Vladimir Putin"_s, u"Wang Yi"_s, u"Russia"_s, u"Sergey Lavrov"_s};
    QTest::newRow("by type") << int(TimelineLaneMode::ByType)
                             << QStringList{u"Meeting"_s, u"Visit"_s, u"Statement"_s, u"Agreement"_s, u"Conflict"_s};
    QTest::newRow("single lane") << int(TimelineLaneMode::Single) << QStringList{u"All events"_s};
}

void TestTimelineView::laneModes_giveOneLanePerActorTypeOrAll()
{
    QFETCH(int, mode);
    QFETCH(QStringList, lanes);
    load(sampleCorpus());
    m_view->setLaneMode(TimelineLaneMode(mode));
    QCOMPARE(m_view->laneCount(), lanes.size());
    QCOMPARE(labels(*m_view), lanes);
    int drawn = 0;
    for (int lane = 0; lane < m_view->laneCount(); ++lane)
        drawn += int(m_view->laneRows(lane).size());
    // Five dated events; by actor, the two-actor meeting is drawn twice.
    QCOMPARE(drawn, mode == int(TimelineLaneMode::ByActor) ? 6 : 5);
}

void TestTimelineView::eventWithTwoActors_appearsInBothLanes()
{
    load(sampleCorpus());
    m_view->setLaneMode(TimelineLaneMode::ByActor);
    m_view->setVisibleRange(day(2024, 3, 25), day(2024, 4, 25));
    const QStringList lanes = labels(*m_view);
    const int lavrov = int(lanes.indexOf(u"Sergey Lavrov"_s));
    const int wang = int(lanes.indexOf(u"Wang Yi"_s));
    QVERIFY(lavrov >= 0 && wang >= 0);
    QCOMPARE(m_view->laneRows(lavrov), QList<int>{LavrovMeeting});
    QCOMPARE(m_view->laneRows(wang), (QList<int>{LavrovMeeting, WangAgreement}));
    // Drawn in both: a click in either lane finds it.
    const double x = m_view->eventItem(LavrovMeeting).rect.center().x();
    for (const int lane : {lavrov, wang}) {
        const TimelineView::Hit hit = m_view->itemAt(QPoint(int(x), m_view->laneRect(lane).center().y()));
        QCOMPARE(hit.shape, TimelineView::Shape::Marker);
        QCOMPARE(hit.row, int(LavrovMeeting));
        QCOMPARE(hit.lane, lane);
    }
}

void TestTimelineView::laneHeight_shrinksToItsMinimumAndKeepsEventsInTheirLanes()
{
    load(sampleCorpus());
    m_view->setLaneMode(TimelineLaneMode::ByActor);
    m_view->setVisibleRange(day(2024, 3, 25), day(2024, 4, 25));
    const int usual = m_view->laneHeight();
    QCOMPARE(usual, m_view->defaultLaneHeight());
    QVERIFY(m_view->minimumLaneHeight() > 0 && m_view->minimumLaneHeight() <= usual);
    QCOMPARE(m_view->laneRect(1).top(), m_view->axisHeight() + usual);

    m_view->setLaneHeight(1);  // below the minimum: clamped
    QCOMPARE(m_view->laneHeight(), m_view->minimumLaneHeight());
    const int wang = int(labels(*m_view).indexOf(u"Wang Yi"_s));
    QVERIFY(wang >= 0);
    const QRect lane = m_view->laneRect(wang);
    QCOMPARE(lane.height(), m_view->minimumLaneHeight());
    QCOMPARE(lane.top(), m_view->axisHeight() + wang * m_view->minimumLaneHeight());
    // The dot stays inside its lane and a click there still finds it.
    const TimelineView::Hit marker = m_view->eventItem(LavrovMeeting);
    const TimelineView::Hit hit = m_view->itemAt(QPoint(int(marker.rect.center().x()), lane.center().y()));
    QCOMPARE(hit.row, int(LavrovMeeting));
    QCOMPARE(hit.lane, wang);
    QVERIFY(QRectF(lane).contains(hit.rect));

    m_view->setLaneHeight(0);
    QCOMPARE(m_view->laneHeight(), usual);
}

void TestTimelineView::clickingMarker_emitsEventSelectedWithItsRow()
{
    load(sampleCorpus());
    m_view->setVisibleRange(day(2024, 3, 25), day(2024, 6, 10));
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
    for (const int row : {int(PutinStatement), int(WangAgreement)}) {
        const TimelineView::Hit hit = m_view->eventItem(row);
        QCOMPARE(hit.shape, TimelineView::Shape::Marker);
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, hit.rect.center().toPoint());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.takeFirst().first().toInt(), row);
        QCOMPARE(m_view->selectedEvent(), row);
    }
    // A click on empty ground selects nothing.
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, QPoint(m_view->plotLeft() + 2, m_view->viewport()->height() - 2));
    QCOMPARE(selected.count(), 0);
}

void TestTimelineView::clickingStackedMonthBars_cyclesThroughTheirEvents()
{
    CorpusBuilder builder;
    for (int i = 0; i < 3; ++i)
        builder.add(DateValue::ofMonth(2024, 5), EventType::Visit, {u"Vladimir Putin"_s});
    load(builder.corpus);
    m_view->setVisibleRange(day(2024, 4, 1), day(2024, 7, 1));
    const TimelineView::Hit hit = m_view->eventItem(0);
    QCOMPARE(hit.shape, TimelineView::Shape::Bar);
    QCOMPARE(hit.count, 3);
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
    for (int click = 0; click < 4; ++click) {
        QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, hit.rect.center().toPoint());
        QTest::qWait(QApplication::doubleClickInterval() + 20);  // separate clicks, not a double-click
    }
    QCOMPARE(selected.count(), 4);
    QList<int> rows;
    for (const QList<QVariant> &arguments : std::as_const(selected))
        rows.append(arguments.first().toInt());
    QCOMPARE(rows, (QList<int>{0, 1, 2, 0}));
}

void TestTimelineView::keyboard_stepsThroughEventsInTime()
{
    load(sampleCorpus());
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
    const QList<int> inTime{RussiaIn2022, LavrovMeeting, PutinStatement, PutinVisitInMay, WangAgreement};

    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QCOMPARE(m_view->selectedEvent(), inTime.first());
    for (qsizetype i = 1; i < inTime.size(); ++i) {
        QTest::keyClick(m_view.get(), Qt::Key_Right);
        QCOMPARE(m_view->selectedEvent(), inTime.at(i));
        QCOMPARE(selected.last().first().toInt(), inTime.at(i));
    }
    QTest::keyClick(m_view.get(), Qt::Key_Right);  // stays on the last, and says nothing
    QCOMPARE(m_view->selectedEvent(), inTime.last());
    QCOMPARE(selected.count(), int(inTime.size()));
    QTest::keyClick(m_view.get(), Qt::Key_Left);
    QCOMPARE(m_view->selectedEvent(), inTime.at(inTime.size() - 2));
    QTest::keyClick(m_view.get(), Qt::Key_End);
    QCOMPARE(m_view->selectedEvent(), inTime.last());
    QCOMPARE(selected.count(), int(inTime.size()) + 2);
}

void TestTimelineView::keyboard_plusAndMinus_zoomAroundTheCentre()
{
    load(sampleCorpus());
    const double centre = (m_view->plotLeft() + m_view->viewport()->width()) / 2.0;
    const double time = m_view->timeAt(centre);
    const double scale = m_view->daysPerPixel();
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QCOMPARE(m_view->daysPerPixel(), scale / 2);
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QCOMPARE(m_view->daysPerPixel(), scale * 2);
    QVERIFY(std::abs(m_view->xAt(time) - centre) < 1.0);
}

void TestTimelineView::filterChange_removesEventsFromTheTimeline()
{
    load(sampleCorpus());
    m_view->setVisibleRange(day(2024, 3, 25), day(2024, 6, 10));
    QCOMPARE(m_view->eventItem(LavrovMeeting).shape, TimelineView::Shape::Marker);

    EventFilter filter;
    filter.actors = {u"Vladimir Putin"_s};
    m_proxy->setFilter(filter);

    QCOMPARE(labels(*m_view), QStringList{u"Vladimir Putin"_s});
    QCOMPARE(m_view->laneRows(0), (QList<int>{PutinStatement, PutinVisitInMay}));
    QCOMPARE(m_view->eventItem(LavrovMeeting).shape, TimelineView::Shape::None);
    QCOMPARE(m_view->eventItem(PutinStatement).shape, TimelineView::Shape::Marker);

    m_proxy->setFilter({});
    QCOMPARE(m_view->laneCount(), 4);
    QCOMPARE(m_view->eventItem(LavrovMeeting).shape, TimelineView::Shape::Marker);
}

void TestTimelineView::thousandEventsOnOneDay_clusterWhenZoomedOut_andOpenOnClick()
{
    CorpusBuilder builder;
    builder.add(DateValue::ofDay(2020, 1, 1), EventType::Other, {u"A"_s});  // row 0, far away
    for (int i = 1; i <= 3; ++i)
        builder.add(DateValue::ofDay(2024, 3, i), EventType::Meeting, {u"A"_s});  // rows 1–3
    for (int i = 0; i < 1000; ++i)
        builder.add(DateValue::ofDay(2024, 3, 15), EventType::Statement, {u"A"_s});  // rows 4–1003
    load(builder.corpus);
    m_view->setLaneMode(TimelineLaneMode::Single);
    m_view->fitAll();

    // Zoomed out, March 2024 is one badge counting all its events.
    const TimelineView::Hit badge = m_view->eventItem(500);
    QCOMPARE(badge.shape, TimelineView::Shape::Cluster);
    QCOMPARE(badge.count, 1003);
    QCOMPARE(m_view->eventItem(2).rect, badge.rect);
    QCOMPARE(m_view->eventItem(0).shape, TimelineView::Shape::Marker);

    const double scale = m_view->daysPerPixel();
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, badge.rect.center().toPoint());

    // Opened: the view spans 1–15 March, the three early days are dots, the busy day still a badge.
    QCOMPARE(selected.count(), 0);
    QVERIFY(m_view->daysPerPixel() < scale / 50);
    QVERIFY(m_view->timeAt(m_view->plotLeft()) <= day(2024, 3, 1));
    QVERIFY(m_view->timeAt(m_view->viewport()->width()) >= day(2024, 3, 16));
    for (int row = 1; row <= 3; ++row)
        QCOMPARE(m_view->eventItem(row).shape, TimelineView::Shape::Marker);
    const TimelineView::Hit busyDay = m_view->eventItem(500);
    QCOMPARE(busyDay.shape, TimelineView::Shape::Cluster);
    QCOMPARE(busyDay.count, 1000);

    // At the deepest zoom a single day cannot open further: the badge selects its first event.
    QTest::qWait(QApplication::doubleClickInterval() + 20);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, busyDay.rect.center().toPoint());
    const TimelineView::Hit deepest = m_view->eventItem(500);
    QCOMPARE(deepest.shape, TimelineView::Shape::Cluster);
    QTest::qWait(QApplication::doubleClickInterval() + 20);
    QTest::mouseClick(m_view->viewport(), Qt::LeftButton, {}, deepest.rect.center().toPoint());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.first().first().toInt(), 4);
}

void TestTimelineView::selectEvent_highlightsWithoutEmittingAndScrollsIntoView()
{
    load(sampleCorpus());
    m_view->setVisibleRange(day(2022, 1, 1), day(2022, 2, 1));  // far from June 2024
    QCOMPARE(m_view->eventItem(WangAgreement).shape, TimelineView::Shape::None);
    QSignalSpy selected(m_view.get(), &TimelineView::eventSelected);

    m_view->selectEvent(WangAgreement);

    QCOMPARE(selected.count(), 0);
    QCOMPARE(m_view->selectedEvent(), int(WangAgreement));
    const TimelineView::Hit hit = m_view->eventItem(WangAgreement);
    QCOMPARE(hit.shape, TimelineView::Shape::Marker);
    QVERIFY(hit.rect.left() >= m_view->plotLeft());
    QVERIFY(hit.rect.right() <= m_view->viewport()->width());
}

void TestTimelineView::fitAll_showsEveryDatedEvent()
{
    load(sampleCorpus());
    m_view->setVisibleRange(day(2024, 4, 1), day(2024, 4, 2));
    m_view->fitAll();
    for (const int row : {int(LavrovMeeting), int(PutinVisitInMay), int(RussiaIn2022), int(PutinStatement), int(WangAgreement)}) {
        const TimelineView::Hit hit = m_view->eventItem(row);
        QVERIFY(hit.shape != TimelineView::Shape::None);
        QVERIFY(hit.rect.left() >= m_view->plotLeft() - 1);
        QVERIFY(hit.rect.right() <= m_view->viewport()->width() + 1);
    }
}

void TestTimelineView::zoomToSelection_centresTheSelectedPeriod()
{
    load(sampleCorpus());
    m_view->selectEvent(PutinVisitInMay);
    m_view->zoomToSelection();
    const TimelineView::Hit hit = m_view->eventItem(PutinVisitInMay);
    QCOMPARE(hit.shape, TimelineView::Shape::Bar);
    const double centre = (m_view->plotLeft() + m_view->viewport()->width()) / 2.0;
    QVERIFY(std::abs(hit.rect.center().x() - centre) < 2);
    // The month fills about a third of the width: a zoom, not a glimpse.
    const double plotWidth = m_view->viewport()->width() - m_view->plotLeft();
    QVERIFY(hit.rect.width() > plotWidth / 4);
    QVERIFY(hit.rect.width() < plotWidth / 2);
}

void TestTimelineView::toolTip_isPlainTextWithDateActorsTypeAndWords()
{
    load(sampleCorpus());
    m_view->setVisibleRange(day(2024, 3, 25), day(2024, 6, 10));

    const QString marker = m_view->toolTipAt(m_view->eventItem(LavrovMeeting).rect.center().toPoint());
    QVERIFY2(marker.contains(EventModel::dateText(DateValue::ofDay(2024, 4, 9)) + u" — known to the day"_s), qPrintable(marker));
    QVERIFY(marker.contains(u"Sergey Lavrov, Wang Yi"_s));
    QVERIFY(marker.contains(u"meeting"_s));
    QVERIFY(marker.contains(u"“Lavrov a rencontré <b>Wang Yi</b> à Pékin"_s));
    QVERIFY(marker.contains(u"…”"_s));  // only the first words

    const QString bar = m_view->toolTipAt(m_view->eventItem(PutinVisitInMay).rect.center().toPoint());
    QVERIFY2(bar.contains(EventModel::dateText(DateValue::ofMonth(2024, 5)) + u" — known only to the month"_s), qPrintable(bar));

    // Shown, the markup of the article is text, not formatting.
    QHelpEvent help(QEvent::ToolTip, m_view->eventItem(LavrovMeeting).rect.center().toPoint(),
                    m_view->viewport()->mapToGlobal(m_view->eventItem(LavrovMeeting).rect.center().toPoint()));
    QApplication::sendEvent(m_view->viewport(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(u"&lt;b&gt;Wang Yi&lt;/b&gt;"_s), qPrintable(QToolTip::text()));
    QToolTip::hideText();
}

void TestTimelineView::axisLabels_followTheZoom_data()
{
    QTest::addColumn<double>("daysPerPixel");
    QTest::addColumn<QString>("minor");  // a label expected among the minor ticks
    QTest::addColumn<QString>("major");  // and among the major ones; empty when there are none
    QTest::newRow("days under their month") << 0.02 << u"10"_s << u"May 2024"_s;
    QTest::newRow("months under their year") << 0.5 << u"May"_s << u"2024"_s;
    QTest::newRow("years") << 20.0 << u"2020"_s << QString();
}

void TestTimelineView::axisLabels_followTheZoom()
{
    QFETCH(double, daysPerPixel);
    QFETCH(QString, minor);
    QFETCH(QString, major);
    const double centre = day(2024, 5, 10) + 0.5;
    const TimelineTicks ticks = timelineTicks(centre - 400 * daysPerPixel, centre + 400 * daysPerPixel, daysPerPixel,
                                              QLocale(QLocale::English), m_view->fontMetrics());
    QStringList minorLabels, majorLabels;
    for (const TimelineTick &tick : ticks.minor)
        minorLabels.append(tick.label);
    for (const TimelineTick &tick : ticks.major)
        majorLabels.append(tick.label);
    QVERIFY2(minorLabels.contains(minor), qPrintable(minorLabels.join(u", ")));
    if (major.isEmpty())
        QVERIFY(majorLabels.isEmpty());
    else
        QVERIFY2(majorLabels.contains(major), qPrintable(majorLabels.join(u", ")));
    // Ticks are in time order and, labelled, would not overlap: no more than one per 20 pixels.
    for (qsizetype i = 1; i < ticks.minor.size(); ++i)
        QVERIFY((ticks.minor.at(i).day - ticks.minor.at(i - 1).day) / daysPerPixel >= 20);
}

void TestTimelineView::tensOfThousandsOfEvents_fillTheirLanesAndRepaint()
{
    // How fast this paints is for the benchmarks to measure; here, that it copes at all.
    CorpusBuilder builder;
    constexpr int kEvents = 40000;
    const QDate start(2000, 1, 1);
    for (int i = 0; i < kEvents; ++i)
        builder.add(DateValue::fromQDate(start.addDays(i % 9000), i % 7 == 0 ? Precision::Month : Precision::Day),
                    EventType(i % kEventTypeCount), {u"Actor %1"_s.arg(i % 40)});
    load(builder.corpus);
    for (int frame = 0; frame < 20; ++frame) {
        m_view->zoomAt(frame < 10 ? 0.7 : 1 / 0.7, m_view->viewport()->width() / 2.0);
        m_view->viewport()->repaint();
    }
    QCOMPARE(m_view->laneCount(), 40);
    qsizetype drawn = 0;
    for (int lane = 0; lane < m_view->laneCount(); ++lane)
        drawn += m_view->laneRows(lane).size();
    QCOMPARE(drawn, qsizetype(kEvents));  // one actor each, all dated: every event in exactly one lane
}

void TestTimelineView::arranging_leavesQtsThreadPoolToPainting()
{
    // Arranged on the pool Qt 6.4 paints with, a million events kept the window from painting
    // for seconds. Nothing is shown here: painting would wait for the blocked pool.
    m_view.reset();
    QCoreApplication::processEvents();
    ManyEvents many;
    TimelineView view;
    const GlobalPoolBlocker qtPaintsWithIt;
    view.setModel(&many.proxy);
    QTRY_COMPARE(view.laneCount(), 1);
    QCOMPARE(view.laneRows(0).size(), qsizetype(TimelineView::kBackgroundLanes));
}

void TestTimelineView::arrangingReportedLate_isNotTakenForTheRowsShownSince()
{
    // Lanes arranged on the worker but not yet reported, then a filter leaving fewer rows than
    // need a worker: the late report replaced the lanes of the rows shown.
    ManyEvents many;
    TimelineView view;
    view.setLaneMode(TimelineLaneMode::Single);
    view.setModel(&many.proxy);
    workerPool()->waitForDone();  // arranged, the report still waiting in the event queue
    EventFilter meetings;
    meetings.types = {EventType::Meeting};
    many.proxy.setFilter(meetings);
    QCOMPARE(many.proxy.rowCount(), TimelineView::kBackgroundLanes / 2);
    QTest::qWait(50);
    QCOMPARE(view.laneCount(), 1);
    QCOMPARE(view.laneRows(0).size(), qsizetype(TimelineView::kBackgroundLanes / 2));
}

void TestTimelineView::lanesOfAFewRows_keepPositionsUpToTheLastOfThem()
{
    // Lanes of the rows a filter keeps are arranged on the UI thread when they are few: their
    // positions were kept for every event of the corpus, 10 MB filled for a million events.
    CorpusBuilder builder;
    for (int i = 0; i < 10'000; ++i)
        builder.add(DateValue::ofDay(2024, 3, 1 + i % 28), EventType::Meeting, {u"Wang Yi"_s});
    const EventIndex index(builder.corpus);
    const TimelineLanes lanes = TimelineLanes::build(index, {3, 7}, TimelineLaneMode::Single);
    QVERIFY2(lanes.positionOfRow.size() <= 8, qPrintable(QString::number(lanes.positionOfRow.size())));
    QCOMPARE(lanes.item(3)->row, 3);
    QCOMPARE(lanes.item(7)->row, 7);
    QVERIFY(!lanes.item(5));
    QVERIFY(!lanes.item(9'999));
    QVERIFY(TimelineLanes::build(index, {}, TimelineLaneMode::Single).positionOfRow.isEmpty());
}

void TestTimelineView::manyEventsAreArrangedOnAWorkerThread()
{
    CorpusBuilder builder;
    for (int i = 0; i < TimelineView::kBackgroundLanes; ++i)
        builder.add(DateValue::ofDay(2000 + i % 20, 1 + i % 12, 1 + i % 28), i % 2 ? EventType::Meeting : EventType::Visit,
                    {i % 3 ? u"Wang Yi"_s : u"Sergey Lavrov"_s});
    // As in the window: the view is there first, then the corpus comes and is filtered on a worker.
    EventModel model;
    EventFilterProxyModel proxy;
    proxy.setEventModel(&model);
    TimelineView view;
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setModel(&proxy);
    QTest::qWait(10);
    model.setCorpus(builder.corpus);
    QTRY_COMPARE(view.laneCount(), 2);
    // Once arranged, it shows them all, not the empty range it had meanwhile.
    QTRY_COMPARE(view.dateAt(view.plotLeft()).year(), 1999);
    QCOMPARE(view.dateAt(view.viewport()->width() - 1).year(), 2020);
    QCOMPARE(view.laneLabel(0), u"Wang Yi"_s);
    QCOMPARE(view.laneRows(0).size(), qsizetype(TimelineView::kBackgroundLanes - (TimelineView::kBackgroundLanes + 2) / 3));

    // A new lane mode is arranged the same way; the lanes shown meanwhile are the previous ones.
    view.setLaneMode(TimelineLaneMode::ByType);
    QCOMPARE(view.laneCount(), 2);
    QCOMPARE(view.laneLabel(0), u"Wang Yi"_s);
    QTRY_COMPARE(view.laneLabel(0), u"Meeting"_s);
}

void TestTimelineView::laneCounts_areGroupedLikeTheOtherCounts()
{
    CorpusBuilder builder;
    for (int i = 0; i < 1234; ++i)
        builder.add(DateValue::ofDay(2024, 3, 1 + i % 28), EventType::Meeting, {u"A"_s});
    load(builder.corpus);
    TextRecorder recorder;
    m_view->render(&recorder);
    QVERIFY2(recorder.texts().contains(u"1,234"_s), qPrintable(recorder.texts().join(u" | ")));
}

// 1,234 events of one day in a single lane, the whole period in view: one badge.
void TestTimelineView::showOneBadgeOf1234()
{
    CorpusBuilder builder;
    for (int i = 0; i < 1234; ++i)
        builder.add(DateValue::ofDay(2024, 3, 15), EventType::Meeting, {u"A"_s});
    load(builder.corpus);
    m_view->setLaneMode(TimelineLaneMode::Single);
    m_view->fitAll();
}

void TestTimelineView::badgeCounts_areGroupedLikeTheOtherCounts()
{
    // A screenshot of 1.3 million events showed badges reading "133863".
    showOneBadgeOf1234();
    QCOMPARE(m_view->eventItem(0).shape, TimelineView::Shape::Cluster);
    m_view->selectEvent(0);  // a selected badge is drawn in place, not copied from a cached picture
    TextRecorder recorder;
    m_view->render(&recorder);
    // The badge and the lane's count.
    const QStringList texts = recorder.texts();
    QVERIFY2(texts.count(u"1,234"_s) == 2 && !texts.contains(u"1234"_s), qPrintable(texts.join(u" | ")));
}

void TestTimelineView::badgesDrawnBefore_followANewLocale()
{
    // Badges are drawn once and copied: one drawn in English must not show on in German, where
    // "1.234" takes the width of "1,234".
    showOneBadgeOf1234();
    const auto badge = [this] {
        QImage image(m_view->viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        m_view->viewport()->render(&image);
        return image.copy(m_view->eventItem(0).rect.toAlignedRect());
    };
    QCOMPARE(m_view->eventItem(0).shape, TimelineView::Shape::Cluster);
    const QImage english = badge();
    m_view->setLocale(QLocale(QLocale::German, QLocale::Germany));
    QCOMPARE(m_view->eventItem(0).shape, TimelineView::Shape::Cluster);
    const QImage german = badge();
    QCOMPARE(german.size(), english.size());
    QVERIFY(german != english);
}

QTEST_MAIN(TestTimelineView)
#include "tst_timelineview.moc"
