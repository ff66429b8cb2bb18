#include "timelineview.h"

#include "eventmodel.h"
#include "eventtypecolor.h"
#include "untrustedtext.h"
#include "workerpool.h"

#include <QAbstractProxyModel>
#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPixmap>
#include <QtConcurrent/QtConcurrentRun>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

constexpr double kMarkerRadius = 5;
constexpr double kMarkerGap = 2;            // dots closer than this merge into a badge
constexpr double kMinDaysPerPixel = 1.0 / 240;  // a day 240 pixels wide
constexpr double kMaxDaysPerPixel = 400;        // a thousand years in 900 pixels
constexpr double kMinBarWidth = 3;
constexpr int kKeepVisible = 40;  // pixels of the data that panning never lets go off screen

bool startBefore(const TimelineItem &item, double time) { return item.start < time; }

QModelIndex sourceIndex(const QAbstractItemModel *model, int row)
{
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(model))
        model = proxy->sourceModel();
    return model ? model->index(row, 0) : QModelIndex();
}

QString dayText(double julianDay)
{
    return EventModel::dateText(DateValue::fromQDate(QDate::fromJulianDay(qint64(std::floor(julianDay))), Precision::Day));
}

QString firstWords(const QString &sentence, int count)
{
    const QStringList words = sentence.simplified().split(u' ', Qt::SkipEmptyParts);
    if (words.size() <= count)
        return words.join(u' ');
    return words.mid(0, count).join(u' ') + u'…';
}

} // namespace

TimelineView::TimelineView(QWidget *parent) : QAbstractScrollArea(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFrameShape(QFrame::NoFrame);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Base);
    setMinimumHeight(axisHeight() + 2 * laneHeight());
    connect(&m_arranging, &QFutureWatcher<TimelineLanes>::finished, this, [this] {
        m_arrangeRunning = false;
        if (m_arrangeQueued) {
            // Out of date already: arranged again, here if the rows are few by now.
            m_arrangeQueued = false;
            invalidateLanes();
            return;
        }
        adoptLanes(m_arranging.result());
        viewport()->update();
        settle();
    });
}

TimelineView::~TimelineView() { m_arranging.waitForFinished(); }

void TimelineView::setModel(QAbstractItemModel *model)
{
    m_arranging.waitForFinished();  // what it arranges belongs to the previous model
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_selected = -1;
    m_fitPending = true;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            m_selected = -1;
            m_fitPending = true;
            invalidateLanes();
        });
        connect(model, &QAbstractItemModel::rowsInserted, this, &TimelineView::invalidateLanes);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &TimelineView::invalidateLanes);
        connect(model, &QAbstractItemModel::rowsMoved, this, &TimelineView::invalidateLanes);
        connect(model, &QAbstractItemModel::layoutChanged, this, &TimelineView::invalidateLanes);
        connect(model, &QAbstractItemModel::dataChanged, this, &TimelineView::invalidateLanes);
    }
    invalidateLanes();
}

void TimelineView::setLaneMode(TimelineLaneMode mode)
{
    if (mode == m_laneMode)
        return;
    m_laneMode = mode;
    verticalScrollBar()->setValue(0);
    invalidateLanes();
}

// Model signals come in bursts (a filter change may remove rows range by range), so the lanes
// are only dropped here and rebuilt once, when next needed. Many events are arranged on a worker
// thread instead, while the previous lanes stay on screen.
void TimelineView::invalidateLanes()
{
    if (m_model && m_model->rowCount() >= kBackgroundLanes) {
        arrangeInBackground();
        return;
    }
    if (m_arrangeRunning)
        m_arrangeQueued = true;  // its lanes are not those of the rows shown now
    m_lanes.reset();
    viewport()->update();
    if (!m_settleQueued) {
        m_settleQueued = true;
        QTimer::singleShot(0, this, &TimelineView::settle);
    }
}

void TimelineView::arrangeInBackground()
{
    // Not m_arranging.isRunning(): lanes may be arranged while their report still waits in the queue.
    if (m_arrangeRunning) {
        m_arrangeQueued = true;
        return;
    }
    m_arrangeQueued = false;
    QList<int> rows;
    std::shared_ptr<const EventIndex> index = TimelineLanes::rowsOf(*m_model, &rows);
    if (!index) {
        adoptLanes(TimelineLanes());
        return;
    }
    if (!m_lanes)
        m_lanes.emplace();  // nothing to show until the first arrangement is ready
    m_arrangeRunning = true;
    m_arranging.setFuture(QtConcurrent::run(workerPool(), [index = std::move(index), rows = std::move(rows), mode = m_laneMode] {
        return TimelineLanes::build(*index, rows, mode);
    }));
    viewport()->update();
}

void TimelineView::adoptLanes(TimelineLanes lanes) const
{
    m_lanes = std::move(lanes);
    const QFontMetrics metrics = fontMetrics();
    int widest = 0;
    for (const TimelineLane &lane : std::as_const(m_lanes->lanes))
        widest = std::max(widest, metrics.horizontalAdvance(lane.label) + metrics.horizontalAdvance(locale().toString(lane.count())));
    const int em = metrics.horizontalAdvance(u'M');
    m_gutterWidth = std::clamp(widest + 3 * em, 9 * em, 24 * em);
}

const TimelineLanes &TimelineView::lanes() const
{
    if (!m_lanes)
        adoptLanes(m_model ? TimelineLanes::build(*m_model, m_laneMode) : TimelineLanes());
    return *m_lanes;
}

void TimelineView::settle()
{
    m_settleQueued = false;
    lanes();
    if (m_fitPending && viewport()->width() > plotLeft() + kKeepVisible)
        fitAll();
    updateScrollBars();
}

int TimelineView::laneCount() const { return int(lanes().lanes.size()); }

QString TimelineView::laneLabel(int lane) const
{
    return lane >= 0 && lane < laneCount() ? lanes().lanes.at(lane).label : QString();
}

QList<int> TimelineView::laneRows(int lane) const
{
    if (lane < 0 || lane >= laneCount())
        return {};
    const TimelineLane &data = lanes().lanes.at(lane);
    QList<TimelineItem> items = data.markers + data.bars;
    std::stable_sort(items.begin(), items.end(), [](const TimelineItem &a, const TimelineItem &b) { return a.start < b.start; });
    QList<int> rows;
    rows.reserve(items.size());
    for (const TimelineItem &item : std::as_const(items))
        rows.append(item.row);
    return rows;
}

int TimelineView::axisHeight() const { return 2 * fontMetrics().height() + 12; }
int TimelineView::defaultLaneHeight() const { return std::max(40, fontMetrics().height() * 2 + 14); }
int TimelineView::minimumLaneHeight() const { return std::min(defaultLaneHeight(), QFontMetrics(smallFont()).height() * 2 + 8); }
int TimelineView::laneHeight() const { return m_laneHeight > 0 ? m_laneHeight : defaultLaneHeight(); }

void TimelineView::setLaneHeight(int height)
{
    height = height > 0 ? std::max(height, minimumLaneHeight()) : 0;
    if (height == m_laneHeight)
        return;
    m_laneHeight = height;
    updateScrollBars();
    viewport()->update();
}

QFont TimelineView::smallFont() const
{
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    return small;
}
int TimelineView::plotLeft() const
{
    lanes();
    return m_gutterWidth;
}
int TimelineView::firstLaneTop() const { return axisHeight() - verticalScrollBar()->value(); }
int TimelineView::pageHeight() const { return std::max(0, viewport()->height() - axisHeight()); }

QRect TimelineView::laneRect(int lane) const
{
    if (lane < 0 || lane >= laneCount())
        return {};
    return {plotLeft(), firstLaneTop() + lane * laneHeight(), std::max(0, viewport()->width() - plotLeft()), laneHeight()};
}

void TimelineView::updateScrollBars()
{
    const int page = pageHeight();
    verticalScrollBar()->setRange(0, std::max(0, laneCount() * laneHeight() - page));
    verticalScrollBar()->setPageStep(page);
    verticalScrollBar()->setSingleStep(laneHeight());
}

// ---- the time axis

double TimelineView::timeAt(double x) const { return m_leftDay + (x - plotLeft()) * m_daysPerPixel; }
double TimelineView::xAt(double time) const { return plotLeft() + (time - m_leftDay) / m_daysPerPixel; }
QDate TimelineView::dateAt(int x) const { return QDate::fromJulianDay(qint64(std::floor(timeAt(x)))); }

void TimelineView::setScale(double leftDay, double daysPerPixel)
{
    m_daysPerPixel = std::clamp(daysPerPixel, kMinDaysPerPixel, kMaxDaysPerPixel);
    const TimelineLanes &data = lanes();
    if (!data.byTime.isEmpty()) {
        // Some of the data always stays on screen, however far one pans.
        const double span = std::max(1, viewport()->width() - plotLeft()) * m_daysPerPixel;
        const double margin = kKeepVisible * m_daysPerPixel;
        leftDay = std::clamp(leftDay, std::min(data.firstDay - span + margin, data.lastDay - margin), data.lastDay - margin);
    }
    m_leftDay = leftDay;
    viewport()->update();
}

void TimelineView::zoomAt(double factor, double x)
{
    const double time = timeAt(x);
    const double scale = std::clamp(m_daysPerPixel * factor, kMinDaysPerPixel, kMaxDaysPerPixel);
    setScale(time - (x - plotLeft()) * scale, scale);
}

void TimelineView::setVisibleRange(double firstDay, double lastDay)
{
    m_fitPending = false;  // a range asked for is kept, even over a new model's first fit
    const double width = std::max(1, viewport()->width() - plotLeft());
    const double scale = std::clamp((lastDay - firstDay) / width, kMinDaysPerPixel, kMaxDaysPerPixel);
    setScale((firstDay + lastDay) / 2 - width / 2 * scale, scale);
}

void TimelineView::zoomToSpan(double firstDay, double lastDay)
{
    const double pad = std::max((lastDay - firstDay) * 0.15, 0.5);
    setVisibleRange(firstDay - pad, lastDay + pad);
}

void TimelineView::fitAll()
{
    const TimelineLanes &data = lanes();
    if (data.byTime.isEmpty())
        return;  // still pending: the events may be on their way from a worker thread
    m_fitPending = false;
    const double pad = std::max((data.lastDay - data.firstDay) * 0.03, 1.0);
    setVisibleRange(data.firstDay - pad, data.lastDay + pad);
}

void TimelineView::zoomToSelection()
{
    const TimelineItem *item = lanes().item(m_selected);
    if (!item)
        return;
    // The event's period in the middle third, and never less than a fortnight around a day.
    const double pad = std::max(item->end - item->start, 7.0);
    setVisibleRange(item->start - pad, item->end + pad);
    scrollToEvent(m_selected);
}

void TimelineView::zoomIn() { zoomAt(0.5, (plotLeft() + viewport()->width()) / 2.0); }
void TimelineView::zoomOut() { zoomAt(2.0, (plotLeft() + viewport()->width()) / 2.0); }

// ---- what is drawn where

QList<TimelineView::Glyph> TimelineView::glyphs(int laneIndex) const
{
    QList<Glyph> result;
    const TimelineLane &lane = lanes().lanes.at(laneIndex);
    const QRectF band = laneRect(laneIndex);
    // A lane has three rows over its year bars: their labels on top, dots and badges in the
    // middle, month bars at the bottom, so that no label is painted under a dot.
    const double labelRow = QFontMetrics(smallFont()).height();
    const double monthHeight = labelRow + 2;
    const double monthTop = band.bottom() + 1 - 3 - monthHeight;
    const double centre = std::round((band.top() + 3 + labelRow + monthTop) / 2);
    const double leftTime = timeAt(plotLeft() - 2 * kMarkerRadius);
    const double rightTime = timeAt(viewport()->width() + 2 * kMarkerRadius);

    // Bars, one per distinct month or year: events of the same period are stacked and counted.
    auto bar = std::lower_bound(lane.bars.cbegin(), lane.bars.cend(), leftTime - lane.longestBar, startBefore);
    while (bar != lane.bars.cend() && bar->start < rightTime) {
        // A stack can hold thousands of events: find its end, don't walk it.
        const auto next = std::upper_bound(bar + 1, lane.bars.cend(), *bar, [](const TimelineItem &a, const TimelineItem &b) {
            return a.start < b.start || (a.start == b.start && a.precision < b.precision);
        });
        if (bar->end > leftTime) {
            double left = xAt(bar->start);
            double width = xAt(bar->end) - left;
            if (width < kMinBarWidth) {
                left -= (kMinBarWidth - width) / 2;
                width = kMinBarWidth;
            }
            // Years fill the lane, faint behind everything; months take its bottom row.
            const QRectF rect = bar->precision == Precision::Year
                                    ? QRectF(left, band.top() + 3, width, band.height() - 6)
                                    : QRectF(left, monthTop, width, monthHeight);
            result.append({Shape::Bar, rect, bar - lane.bars.cbegin(), next - lane.bars.cbegin()});
        }
        bar = next;
    }

    // Dots, left to right. A dot that would touch the next one starts a badge instead, which takes
    // in every dot its width covers. Badges never grow past their own label, so a dense stretch
    // reads as a row of counts rather than one long pill.
    const QFontMetricsF metrics(smallFont());
    const double badgeHeight = std::round(metrics.height()) + 4;
    // Widths by length of the count, measured once: a zoomed-out lane has hundreds of badges, and
    // digits are as wide as one another in the fonts badges use.
    const QLocale locale = this->locale();
    std::array<double, 32> lengthWidth{};
    const auto badgeWidth = [&](qsizetype count) {
        const QString text = locale.toString(count);
        const auto length = size_t(text.size());
        if (lengthWidth.at(length) == 0)
            lengthWidth[length] = std::max(2 * kMarkerRadius + 8, std::ceil(metrics.horizontalAdvance(text)) + 12);
        return lengthWidth.at(length);
    };
    // The events of one day share its width once it is wide enough for all of them; until then
    // they sit on the day's middle, so that a busy day is one badge and not a row of them.
    const double dayWidth = 1 / m_daysPerPixel;
    const auto placed = [dayWidth](const TimelineItem &item) {
        return item.dayCount * (2 * kMarkerRadius + kMarkerGap) <= dayWidth ? item.position : item.start + 0.5;
    };
    const auto before = [&](const TimelineItem &item, double time) { return placed(item) < time; };
    const auto after = [&](double time, const TimelineItem &item) { return time < placed(item); };
    const auto begin = lane.markers.cbegin();
    const auto end = lane.markers.cend();
    auto first = std::lower_bound(begin, end, leftTime, before);
    while (first != end && placed(*first) <= rightTime) {
        const double left = xAt(placed(*first)) - kMarkerRadius;
        const auto touching = [&](double right) {
            // Dots whose left edge comes before `right` plus the gap.
            return std::upper_bound(first + 1, end, timeAt(right + kMarkerGap + kMarkerRadius), after);
        };
        auto last = touching(left + 2 * kMarkerRadius);
        if (last - first == 1) {
            result.append({Shape::Marker, QRectF(left, centre - kMarkerRadius, 2 * kMarkerRadius, 2 * kMarkerRadius),
                           first - begin, last - begin});
        } else {
            double width = badgeWidth(last - first);
            for (auto covered = touching(left + width); covered != last; covered = touching(left + width)) {
                last = covered;
                width = badgeWidth(last - first);
            }
            result.append({Shape::Cluster, QRectF(left, centre - badgeHeight / 2, width, badgeHeight), first - begin,
                           last - begin});
        }
        first = last;
    }
    return result;
}

TimelineView::Hit TimelineView::hitFor(int laneIndex, const Glyph &glyph) const
{
    const TimelineLane &lane = lanes().lanes.at(laneIndex);
    const QList<TimelineItem> &items = glyph.shape == Shape::Bar ? lane.bars : lane.markers;
    Hit hit;
    hit.shape = glyph.shape;
    hit.row = items.at(glyph.first).row;
    hit.lane = laneIndex;
    hit.count = int(glyph.last - glyph.first);
    hit.rect = glyph.rect;
    hit.firstDay = items.at(glyph.first).start;
    hit.lastDay = items.at(glyph.last - 1).end;
    return hit;
}

bool TimelineView::contains(int lane, const Glyph &glyph, int row) const
{
    const TimelineItem *item = lanes().item(row);
    if (!item || (item->precision == Precision::Day) == (glyph.shape == Shape::Bar))
        return false;
    const qsizetype index = TimelineLanes::indexInLane(lanes().lanes.at(lane), *item);
    return index >= glyph.first && index < glyph.last;
}

TimelineView::Hit TimelineView::itemAt(QPoint position) const
{
    if (position.x() < plotLeft() || position.y() < axisHeight())
        return {};
    const int lane = (position.y() - firstLaneTop()) / laneHeight();
    if (lane < 0 || lane >= laneCount())
        return {};
    const QList<Glyph> drawn = glyphs(lane);
    // Topmost first: dots and badges are painted over the bars.
    for (auto it = drawn.crbegin(); it != drawn.crend(); ++it) {
        const QRectF area = it->shape == Shape::Bar ? it->rect : it->rect.adjusted(-2, -2, 2, 2);
        if (area.contains(position))
            return hitFor(lane, *it);
    }
    return {};
}

TimelineView::Hit TimelineView::eventItem(int row) const
{
    const TimelineLanes &data = lanes();
    const TimelineItem *item = data.item(row);
    if (!item)
        return {};
    const int top = verticalScrollBar()->value() / laneHeight();
    const int bottom = (verticalScrollBar()->value() + pageHeight()) / laneHeight();
    QList<int> candidates;
    for (int lane = std::max(0, top); lane <= std::min(bottom, laneCount() - 1); ++lane)
        candidates.append(lane);
    candidates.append(item->firstLane);
    for (int lane : std::as_const(candidates)) {
        if (TimelineLanes::indexInLane(data.lanes.at(lane), *item) < 0)
            continue;
        const QList<Glyph> drawn = glyphs(lane);
        for (const Glyph &glyph : drawn)
            if (contains(lane, glyph, row))
                return hitFor(lane, glyph);
    }
    return {};
}

// ---- selection

void TimelineView::selectEvent(int row)
{
    if (row == m_selected)
        return;
    m_selected = row;
    scrollToEvent(row);
    viewport()->update();
}

void TimelineView::userSelect(int row)
{
    selectEvent(row);
    emit eventSelected(row);
}

void TimelineView::scrollToEvent(int row)
{
    const TimelineLanes &data = lanes();
    const TimelineItem *item = data.item(row);
    if (!item)
        return;
    const double x = xAt(item->precision == Precision::Day ? item->position : (item->start + item->end) / 2);
    if (x < plotLeft() + kKeepVisible || x > viewport()->width() - kKeepVisible)
        setScale(m_leftDay + (x - (plotLeft() + viewport()->width()) / 2.0) * m_daysPerPixel, m_daysPerPixel);

    // Leave the lanes alone when one of the event's lanes is on screen.
    const int top = verticalScrollBar()->value() / laneHeight();
    const int bottom = (verticalScrollBar()->value() + pageHeight()) / laneHeight() - 1;
    for (int lane = std::max(0, top); lane <= std::min(bottom, laneCount() - 1); ++lane)
        if (TimelineLanes::indexInLane(data.lanes.at(lane), *item) >= 0)
            return;
    updateScrollBars();
    verticalScrollBar()->setValue(item->firstLane * laneHeight() - (pageHeight() - laneHeight()) / 2);
}

void TimelineView::step(int delta)
{
    const TimelineLanes &data = lanes();
    if (data.byTime.isEmpty())
        return;
    const qsizetype last = data.byTime.size() - 1;
    const qsizetype current = data.positionOfRow.value(m_selected, -1);
    const qsizetype next = current < 0 ? (delta > 0 ? 0 : last) : std::clamp(current + delta, qsizetype(0), last);
    if (data.byTime.at(next).row != m_selected)
        userSelect(data.byTime.at(next).row);
}

// ---- tooltips

QString TimelineView::eventToolTip(int row) const
{
    const QModelIndex index = sourceIndex(m_model, row);
    if (!index.isValid())
        return {};
    const auto precision = Precision(index.data(EventModel::PrecisionRole).toInt());
    const QString date = EventModel::dateText(DateValue::fromQDate(index.data(EventModel::DateRole).toDate(), precision));
    QStringList lines;
    switch (precision) {
    case Precision::Day: lines.append(tr("%1 — known to the day").arg(date)); break;
    case Precision::Month: lines.append(tr("%1 — known only to the month").arg(date)); break;
    default: lines.append(tr("%1 — known only to the year").arg(date)); break;
    }
    const QStringList actors = index.data(EventModel::ActorsRole).toStringList();
    lines.append(actors.isEmpty() ? tr("No actor") : tr("Actors: %1").arg(actors.join(u", ")));
    lines.append(tr("Type: %1").arg(eventTypeName(EventType(index.data(EventModel::TypeRole).toInt()))));
    lines.append(u'“' + firstWords(index.data(EventModel::SentenceRole).toString(), 24) + u'”');
    return lines.join(u'\n');
}

QString TimelineView::toolTipAt(QPoint position) const
{
    const Hit hit = itemAt(position);
    switch (hit.shape) {
    case Shape::None: return {};
    case Shape::Marker: return eventToolTip(hit.row);
    case Shape::Cluster:
        return tr("%1 events, %2 – %3\nClick to zoom in.").arg(hit.count).arg(dayText(hit.firstDay), dayText(hit.lastDay - 1));
    case Shape::Bar:
        if (hit.count == 1)
            return eventToolTip(hit.row);
        return tr("%1 events in %2\nClick to select one; click again for the next.")
            .arg(hit.count)
            .arg(EventModel::dateText(DateValue::fromQDate(QDate::fromJulianDay(qint64(hit.firstDay)),
                                                           hit.lastDay - hit.firstDay > 31 ? Precision::Year : Precision::Month)));
    }
    return {};
}

// ---- painting

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    painter.setRenderHint(QPainter::Antialiasing);
    const TimelineLanes &data = lanes();
    const QRect area = viewport()->rect();
    const int left = plotLeft();
    const int top = axisHeight();

    if (data.byTime.isEmpty()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        const QString text = m_arrangeRunning ? tr("Arranging %Ln events…", nullptr, m_model->rowCount())
                             : data.undated > 0      ? tr("No dated events to show (%Ln undated).", nullptr, data.undated)
                                                     : tr("No events to show.");
        painter.drawText(area, Qt::AlignCenter, text);
        return;
    }

    const TimelineTicks ticks = timelineTicks(timeAt(left), timeAt(area.width()), m_daysPerPixel, locale(), fontMetrics());

    // Lane bands, then the calendar grid across them.
    painter.save();
    painter.setClipRect(QRect(0, top, area.width(), area.height() - top));
    const int laneTop = verticalScrollBar()->value() / laneHeight();
    const int laneBottom = std::min(laneCount() - 1, (verticalScrollBar()->value() + pageHeight()) / laneHeight());
    for (int lane = laneTop; lane <= laneBottom; ++lane)
        if (lane % 2 == 1)
            painter.fillRect(QRect(0, laneRect(lane).top(), area.width(), laneHeight()), palette().alternateBase());
    QColor grid = palette().color(QPalette::Mid);
    grid.setAlpha(70);
    painter.setPen(QPen(grid, 0));
    for (const TimelineTick &tick : ticks.minor)
        painter.drawLine(QPointF(std::round(xAt(tick.day)) + 0.5, top), QPointF(std::round(xAt(tick.day)) + 0.5, area.height()));
    grid.setAlpha(170);
    painter.setPen(QPen(grid, 0));
    for (const TimelineTick &tick : ticks.major)
        painter.drawLine(QPointF(std::round(xAt(tick.day)) + 0.5, top), QPointF(std::round(xAt(tick.day)) + 0.5, area.height()));

    painter.setClipRect(QRect(left, top, area.width() - left, area.height() - top));
    for (int lane = laneTop; lane <= laneBottom; ++lane)
        paintLane(painter, lane);
    painter.restore();

    paintAxis(painter, ticks);
    paintGutter(painter);
}

void TimelineView::paintLane(QPainter &painter, int laneIndex) const
{
    const TimelineLane &lane = lanes().lanes.at(laneIndex);
    const TimelineItem *selected = lanes().item(m_selected);
    const qsizetype selectedIndex = selected ? TimelineLanes::indexInLane(lane, *selected) : -1;
    const bool selectedIsDay = selected && selected->precision == Precision::Day;
    const QColor highlight = palette().color(QPalette::Highlight);
    const QFont small = smallFont();
    const QFontMetrics smallMetrics(small);
    const int digitWidth = smallMetrics.horizontalAdvance(u'0');  // digits share one width in UI fonts
    const int yearWidth = 4 * digitWidth;                          // the shortest period label
    struct Slivers
    {
        QRectF rect;
        QColor colour;
        void flush(QPainter &painter)
        {
            if (!rect.isNull())
                painter.fillRect(rect, colour);
            rect = {};
        }
    } slivers;

    for (const Glyph &glyph : glyphs(laneIndex)) {
        if (glyph.shape != Shape::Bar)
            slivers.flush(painter);
        const bool isBar = glyph.shape == Shape::Bar;
        const bool holdsSelected = selectedIndex >= glyph.first && selectedIndex < glyph.last && selectedIsDay != isBar;
        const QList<TimelineItem> &items = isBar ? lane.bars : lane.markers;
        const TimelineItem &item = items.at(glyph.first);
        const QColor colour = isBar && item.mixedStack ? QColor(0x78, 0x90, 0x9c) : eventTypeColor(item.type);
        const int count = int(glyph.last - glyph.first);

        switch (glyph.shape) {
        case Shape::Bar: {
            const bool year = item.precision == Precision::Year;
            QColor fill = colour;
            fill.setAlpha(year ? 30 : 90);
            QPen pen(colour, 1, year ? Qt::DashLine : Qt::SolidLine);
            if (holdsSelected)
                pen = QPen(highlight, 2);
            if (glyph.rect.width() < 6 && !holdsSelected) {
                // Zoomed out, months are slivers that run together into a band: one plain fill per
                // run of one colour, which costs a fraction of outlined bars and looks the same.
                fill.setAlpha(year ? 40 : 130);
                if (fill != slivers.colour || glyph.rect.left() > slivers.rect.right() + 1 || glyph.rect.top() != slivers.rect.top())
                    slivers.flush(painter);
                slivers.colour = fill;
                slivers.rect = slivers.rect.isNull() ? glyph.rect : slivers.rect.united(glyph.rect);
                break;
            }
            slivers.flush(painter);
            painter.setPen(pen);
            painter.setBrush(fill);
            if (glyph.rect.width() > 60) {
                painter.drawRoundedRect(glyph.rect.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
            } else {
                // Many on screen: square corners on whole pixels, which the rasterizer fills fast.
                painter.setRenderHint(QPainter::Antialiasing, false);
                painter.drawRect(glyph.rect.toAlignedRect().adjusted(0, 0, -1, -1));
                painter.setRenderHint(QPainter::Antialiasing, true);
            }
            // The period in words when there is room ("May 2024 · 3", never a day), else the count.
            const QRectF textArea = glyph.rect.adjusted(4, 0, -4, 0).intersected(QRectF(laneRect(laneIndex)).adjusted(4, 0, -4, 0));
            // Measuring text is costly: narrow bars, the most numerous, get at most their count.
            QString label;
            const QString countText = count > 1 ? locale().toString(count) : QString();
            if (textArea.width() >= yearWidth) {
                label = EventModel::dateText(DateValue::fromQDate(QDate::fromJulianDay(qint64(item.start)), item.precision));
                if (count > 1)
                    label += u" · " + countText;
                if (smallMetrics.horizontalAdvance(label) > textArea.width())
                    label.clear();
            }
            if (label.isEmpty() && countText.size() * digitWidth <= textArea.width())
                label = countText;
            if (!label.isEmpty()) {
                painter.setFont(small);
                painter.setPen(colour.darker(170));
                painter.drawText(year ? textArea.adjusted(0, 1, 0, 0) : textArea, (year ? Qt::AlignTop : Qt::AlignVCenter) | Qt::AlignLeft,
                                 label);
                painter.setFont(font());
            }
            break;
        }
        case Shape::Marker:
            if (holdsSelected) {
                painter.setPen(QPen(highlight, 2.5));
                painter.setBrush(Qt::NoBrush);
                painter.drawEllipse(glyph.rect.center(), kMarkerRadius + 3.5, kMarkerRadius + 3.5);
            }
            painter.setPen(QPen(colour.darker(160), 1));
            painter.setBrush(colour);
            painter.drawEllipse(glyph.rect.adjusted(0.5, 0.5, -0.5, -0.5));
            break;
        case Shape::Cluster:
            if (holdsSelected)
                paintBadge(painter, glyph.rect, count, true);
            else
                painter.drawPixmap(glyph.rect.topLeft(), badgePixmap(count, glyph.rect.size()));
            break;
        case Shape::None: break;
        }
    }
    slivers.flush(painter);
}

void TimelineView::paintBadge(QPainter &painter, const QRectF &rect, int count, bool selected) const
{
    const QRectF badge = rect.adjusted(0.5, 0.5, -0.5, -0.5);
    painter.setPen(selected ? QPen(palette().color(QPalette::Highlight), 2.5) : QPen(QColor(0x37, 0x47, 0x4f), 1));
    painter.setBrush(QColor(0x54, 0x6e, 0x7a));
    painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
    painter.setPen(Qt::white);
    painter.setFont(smallFont());
    painter.drawText(badge, Qt::AlignCenter, locale().toString(count));
    painter.setFont(font());
}

QPixmap TimelineView::badgePixmap(int count, QSizeF size) const
{
    // Zoomed out, every lane shows a row of badges: drawing each once and copying it is what
    // keeps a frame of a million events within a screen refresh.
    const QSize pixels = size.toSize();
    const qreal ratio = devicePixelRatioF();
    const QString key = QString::number(count) + u'/' + QString::number(pixels.width()) + u'x' + QString::number(pixels.height())
                        + u'@' + QString::number(ratio);
    if (const QPixmap *cached = m_badges.object(key))
        return *cached;
    QPixmap pixmap(pixels * ratio);
    pixmap.setDevicePixelRatio(ratio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    paintBadge(painter, QRectF(QPointF(0, 0), size), count, false);
    painter.end();
    m_badges.insert(key, new QPixmap(pixmap), pixels.width() * pixels.height());
    return pixmap;
}

void TimelineView::paintAxis(QPainter &painter, const TimelineTicks &ticks) const
{
    const int width = viewport()->width();
    const int left = plotLeft();
    const int height = axisHeight();
    const int row = height / 2;
    painter.fillRect(QRect(0, 0, width, height), palette().window());
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(QPointF(0, height - 0.5), QPointF(width, height - 0.5));
    painter.save();
    painter.setClipRect(QRect(left, 0, width - left, height));

    // Minor ticks: a short stroke and the label right of it, when it fits before the next one.
    const bool twoRows = !ticks.major.isEmpty();
    const QRect minorRow = twoRows ? QRect(0, row, width, height - row) : QRect(0, 0, width, height);
    const QFontMetrics metrics = fontMetrics();
    for (qsizetype i = 0; i < ticks.minor.size(); ++i) {
        const double x = std::round(xAt(ticks.minor.at(i).day)) + 0.5;
        const double next = i + 1 < ticks.minor.size() ? xAt(ticks.minor.at(i + 1).day) : width + 1000.0;
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(QPointF(x, height - 6), QPointF(x, height));
        const QString &label = ticks.minor.at(i).label;
        if (x + 4 + metrics.horizontalAdvance(label) > next - 2)
            continue;
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(x + 4, minorRow.top(), next - x - 4, minorRow.height() - 2), Qt::AlignVCenter | Qt::AlignLeft, label);
    }

    // Major ticks: the label sticks to the left edge while its period is on screen.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics boldMetrics(bold);
    painter.setFont(bold);
    for (qsizetype i = 0; i < ticks.major.size(); ++i) {
        const double x = std::round(xAt(ticks.major.at(i).day)) + 0.5;
        const double next = i + 1 < ticks.major.size() ? xAt(ticks.major.at(i + 1).day) : width + 1000.0;
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawLine(QPointF(x, 0), QPointF(x, height));
        const QString &label = ticks.major.at(i).label;
        const int labelWidth = boldMetrics.horizontalAdvance(label);
        const double labelX = std::min(std::max(x, double(left)) + 4, next - 4 - labelWidth);
        if (labelX < x && x >= left)
            continue;  // does not fit in its period
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(QRectF(labelX, 0, labelWidth + 1, row), Qt::AlignVCenter | Qt::AlignLeft, label);
    }
    painter.restore();
}

void TimelineView::paintGutter(QPainter &painter) const
{
    const int left = plotLeft();
    const int top = axisHeight();
    const int height = viewport()->height();
    const TimelineLanes &data = lanes();
    const QFontMetrics metrics = fontMetrics();
    const int em = metrics.horizontalAdvance(u'M');

    painter.fillRect(QRect(0, 0, left, height), palette().window());
    painter.save();
    painter.setClipRect(QRect(0, top, left, height - top));
    const int laneTop = verticalScrollBar()->value() / laneHeight();
    const int laneBottom = std::min(laneCount() - 1, (verticalScrollBar()->value() + pageHeight()) / laneHeight());
    for (int lane = laneTop; lane <= laneBottom; ++lane) {
        const QRect band(0, laneRect(lane).top(), left, laneHeight());
        if (lane % 2 == 1)
            painter.fillRect(band, palette().alternateBase());
        const QString count = locale().toString(data.lanes.at(lane).count());
        const int countWidth = metrics.horizontalAdvance(count);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(band.adjusted(0, 0, -em / 2, 0), Qt::AlignVCenter | Qt::AlignRight, count);
        painter.setPen(palette().color(QPalette::WindowText));
        const QRect labelArea = band.adjusted(em / 2, 0, -em - countWidth, 0);
        painter.drawText(labelArea, Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(data.lanes.at(lane).label, Qt::ElideRight, labelArea.width()));
    }
    painter.restore();

    // The corner says what the lanes are and what is not drawn.
    painter.setPen(palette().color(QPalette::PlaceholderText));
    const QRect corner(em / 2, 2, left - em, top - 4);
    QString title;
    switch (m_laneMode) {
    case TimelineLaneMode::ByActor: title = tr("Actors"); break;
    case TimelineLaneMode::ByType: title = tr("Types"); break;
    case TimelineLaneMode::Single: title = tr("Events"); break;
    }
    painter.drawText(corner, Qt::AlignTop | Qt::AlignLeft, title);
    if (data.undated > 0)
        painter.drawText(corner, Qt::AlignBottom | Qt::AlignLeft,
                         metrics.elidedText(tr("%Ln undated not shown", nullptr, data.undated), Qt::ElideRight, corner.width()));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(QPointF(left - 0.5, 0), QPointF(left - 0.5, height));
}

// ---- input

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    settle();
}

void TimelineView::scrollContentsBy(int, int) { viewport()->update(); }

void TimelineView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    // Badges drawn before, and the lanes' gutter, were measured and written with the old locale or font.
    if (event->type() == QEvent::LocaleChange || event->type() == QEvent::FontChange) {
        m_badges.clear();
        invalidateLanes();
    }
}

bool TimelineView::viewportEvent(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QAbstractScrollArea::viewportEvent(event);
    const auto *help = static_cast<QHelpEvent *>(event);
    const QString text = toolTipAt(help->pos());
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(help->globalPos(), plainToolTip(text), viewport(), itemAt(help->pos()).rect.toAlignedRect());
    return true;
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mousePressEvent(event);
    m_pressPosition = event->position().toPoint();
    m_lastDragPosition = m_pressPosition;
    m_dragging = false;
    m_clickPending = true;
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint position = event->position().toPoint();
    if (!(event->buttons() & Qt::LeftButton)) {
        viewport()->setCursor(itemAt(position).shape == Shape::None ? Qt::ArrowCursor : Qt::PointingHandCursor);
        return;
    }
    if (!m_dragging && (position - m_pressPosition).manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        m_clickPending = false;
        viewport()->setCursor(Qt::ClosedHandCursor);
    }
    if (!m_dragging)
        return;
    const QPoint delta = position - m_lastDragPosition;
    m_lastDragPosition = position;
    setScale(m_leftDay - delta.x() * m_daysPerPixel, m_daysPerPixel);
    verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
}

void TimelineView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseReleaseEvent(event);
    if (m_dragging) {
        m_dragging = false;
        viewport()->setCursor(Qt::ArrowCursor);
        return;
    }
    if (!m_clickPending)
        return;
    m_clickPending = false;
    const Hit hit = itemAt(event->position().toPoint());
    switch (hit.shape) {
    case Shape::None: break;
    case Shape::Marker: userSelect(hit.row); break;
    case Shape::Bar: {
        // A stack of same-period bars: each click selects the next of its events.
        const QList<TimelineItem> &bars = lanes().lanes.at(hit.lane).bars;
        const TimelineItem *selected = lanes().item(m_selected);
        const qsizetype index = selected ? TimelineLanes::indexInLane(lanes().lanes.at(hit.lane), *selected) : -1;
        const qsizetype first = std::find_if(bars.cbegin(), bars.cend(), [&](const TimelineItem &item) { return item.row == hit.row; }) - bars.cbegin();
        const bool inStack = selected && selected->precision != Precision::Day && index >= first && index < first + hit.count;
        userSelect(inStack && hit.count > 1 ? bars.at(first + (index - first + 1) % hit.count).row : hit.row);
        break;
    }
    case Shape::Cluster:
        // A badge that the deepest zoom cannot open (many events on one day) selects its first event.
        if (m_daysPerPixel <= kMinDaysPerPixel * 1.001)
            userSelect(hit.row);
        else
            zoomToSpan(hit.firstDay, hit.lastDay);
        break;
    }
}

void TimelineView::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton)
        return QAbstractScrollArea::mouseDoubleClickEvent(event);
    m_clickPending = false;
    zoomAt(0.5, event->position().x());
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const QPoint angle = event->angleDelta();
    if (event->modifiers() & Qt::ShiftModifier) {
        // Shift+wheel scrolls the lanes.
        const int delta = angle.y() != 0 ? angle.y() : angle.x();
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta * laneHeight() / 120);
    } else if (std::abs(angle.x()) > std::abs(angle.y())) {
        setScale(m_leftDay - angle.x() / 120.0 * 60 * m_daysPerPixel, m_daysPerPixel);
    } else if (angle.y() != 0) {
        // A notch zooms by a fifth; the time under the cursor stays under it.
        zoomAt(std::pow(2.0, -angle.y() / 360.0), event->position().x());
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right: step(1); break;
    case Qt::Key_Left: step(-1); break;
    case Qt::Key_Home:
        if (!lanes().byTime.isEmpty() && lanes().byTime.constFirst().row != m_selected)
            userSelect(lanes().byTime.constFirst().row);
        break;
    case Qt::Key_End:
        if (!lanes().byTime.isEmpty() && lanes().byTime.constLast().row != m_selected)
            userSelect(lanes().byTime.constLast().row);
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomIn(); break;
    case Qt::Key_Minus:
    case Qt::Key_Underscore: zoomOut(); break;
    default: QAbstractScrollArea::keyPressEvent(event); return;
    }
    event->accept();
}

} // namespace dateline
