#pragma once

#include "timelineaxis.h"
#include "timelinelanes.h"

#include <QAbstractScrollArea>
#include <QCache>
#include <QFutureWatcher>
#include <QPixmap>
#include <QPointer>
#include <QRectF>

#include <optional>

class QAbstractItemModel;

namespace dateline {

// The events on a zoomable time axis, in lanes by actor, by event type or all in one.
//
// Time maps to x through a left-edge day and a days-per-pixel scale. An event known to the day
// is a dot; one known to the month or the year is a translucent bar across that whole period,
// drawn differently, so that "May 2024" never reads as "1 May 2024". Undated events are not
// drawn. Dots that would overlap merge into a counted badge; clicking it zooms into its span.
//
// The view reads the model once per change into per-lane arrays sorted by date (TimelineLanes)
// and paints from them alone, binary-searching the visible range, so painting costs what is on
// screen rather than what is in the corpus. Coordinates in the API are the viewport's.
class TimelineView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    enum class Shape { None, Marker, Bar, Cluster };

    // What is drawn at a point.
    struct Hit
    {
        Shape shape = Shape::None;
        int row = -1;    // the event (a source row); for a cluster or a stack of bars, its first
        int lane = -1;
        int count = 0;   // how many events the shape stands for
        QRectF rect;     // where it is drawn
        double firstDay = 0;  // the days it covers, as Julian day numbers: [firstDay, lastDay)
        double lastDay = 0;
    };

    // From this many events on, the lanes are arranged on a worker thread.
    static constexpr int kBackgroundLanes = 50'000;

    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    // An EventModel or a proxy over one (the window's EventFilterProxyModel).
    void setModel(QAbstractItemModel *model);
    QAbstractItemModel *model() const { return m_model; }

    TimelineLaneMode laneMode() const { return m_laneMode; }
    void setLaneMode(TimelineLaneMode mode);
    int laneCount() const;
    QString laneLabel(int lane) const;
    QList<int> laneRows(int lane) const;  // the source rows drawn in the lane, by date
    QRect laneRect(int lane) const;       // the lane's plot area, scrolled; empty if out of range
    int axisHeight() const;               // the time axis above the lanes
    // The lanes' height: by default it follows the font; setLaneHeight() changes it, down to
    // minimumLaneHeight() (a row of period labels, the dots, a row of month bars), and 0 restores it.
    int laneHeight() const;
    int defaultLaneHeight() const;
    int minimumLaneHeight() const;
    void setLaneHeight(int height);

    // The time axis. Times are Julian day numbers; a day d covers [d, d + 1).
    double daysPerPixel() const { return m_daysPerPixel; }
    double timeAt(double x) const;
    double xAt(double time) const;
    QDate dateAt(int x) const;
    int plotLeft() const;  // the width of the lane label gutter
    void setVisibleRange(double firstDay, double lastDay);
    // Multiplies the days per pixel by `factor`, keeping the time at `x` where it is.
    void zoomAt(double factor, double x);

    Hit itemAt(QPoint position) const;
    // Where the event is drawn in its first visible lane (as a dot, a bar or inside a badge).
    Hit eventItem(int row) const;
    // The tooltip at a point, as plain text.
    QString toolTipAt(QPoint position) const;

    int selectedEvent() const { return m_selected; }
    // Highlights the event (a source row; -1 clears) and scrolls it into view. Does not emit.
    void selectEvent(int row);

    void fitAll();
    void zoomToSelection();
    void zoomIn();
    void zoomOut();

signals:
    // The user picked the event (a source row) by a click or the keyboard.
    void eventSelected(int row);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Glyph
    {
        Shape shape = Shape::None;
        QRectF rect;
        qsizetype first = 0;  // the range of lane.markers or lane.bars it draws
        qsizetype last = 0;   // exclusive
    };

    const TimelineLanes &lanes() const;
    void invalidateLanes();
    void arrangeInBackground();
    void adoptLanes(TimelineLanes lanes) const;
    QList<Glyph> glyphs(int lane) const;
    Hit hitFor(int lane, const Glyph &glyph) const;
    bool contains(int lane, const Glyph &glyph, int row) const;
    void paintAxis(QPainter &painter, const TimelineTicks &ticks) const;
    void paintLane(QPainter &painter, int lane) const;
    void paintBadge(QPainter &painter, const QRectF &rect, int count, bool selected) const;
    QPixmap badgePixmap(int count, QSizeF size) const;
    void paintGutter(QPainter &painter) const;
    QFont smallFont() const;
    int gutterWidth() const;
    int firstLaneTop() const;
    int pageHeight() const;
    void settle();
    void updateScrollBars();
    void setScale(double leftDay, double daysPerPixel);
    void zoomToSpan(double firstDay, double lastDay);
    void scrollToEvent(int row);
    void userSelect(int row);
    void step(int delta);
    QString eventToolTip(int row) const;

    QPointer<QAbstractItemModel> m_model;
    TimelineLaneMode m_laneMode = TimelineLaneMode::ByActor;
    mutable std::optional<TimelineLanes> m_lanes;  // rebuilt on first use after the model changes
    QFutureWatcher<TimelineLanes> m_arranging;     // or on a worker thread, for many events
    bool m_arrangeRunning = false;                 // until m_arranging reports
    bool m_arrangeQueued = false;                  // the model changed again meanwhile
    mutable int m_gutterWidth = 0;                 // follows the lane labels
    mutable QCache<QString, QPixmap> m_badges{4'000'000};  // drawn badges by count and size; cost in pixels
    bool m_fitPending = true;                      // a new model is shown whole once laid out
    bool m_settleQueued = false;
    int m_laneHeight = 0;                          // 0: defaultLaneHeight()

    double m_leftDay = 0;
    double m_daysPerPixel = 1;
    int m_selected = -1;

    QPoint m_pressPosition;
    QPoint m_lastDragPosition;
    bool m_dragging = false;
    bool m_clickPending = false;  // a press that may end as a click (not a drag, not a double-click)
};

} // namespace dateline
