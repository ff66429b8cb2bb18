#pragma once

#include "eventbins.h"
#include "eventfilter.h"

#include <QChart>
#include <QDate>

#include <optional>

class QCategoryAxis;

namespace dateline {

class EventIndex;

enum class ChartKind { Monthly, Actors, Types, Pairs };
inline constexpr int kChartKindCount = 4;
QString chartKindName(ChartKind kind);  // "monthly", "actors", "types", "pairs"
std::optional<ChartKind> chartKindFromName(QStringView name);

// One Qt Charts chart over a list of events, drawn from the counts of eventbins.h:
//   monthly — events per month, stacked by first actor (the top ones, then "others");
//   actors  — events per month naming each of the chosen actors (lines);
//   types   — events per type (horizontal bars: each type name has a line of its own);
//   pairs   — the actor pairs that appear together most (horizontal bars).
// Month axes have ticks on month or year boundaries, as many as the plot's width can label.
// Clicking an item asks, through narrowRequested(), for the filter narrowed to it.
class EventChart final : public QChart
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventChart)

public:
    static constexpr int kTopActors = 8;
    static constexpr int kTopPairs = 12;
    // Below this width, in logical pixels, labels are drawn smaller and the legend goes to the
    // right, a name a line: Qt Charts elides what does not fit, and eight actor names don't.
    static constexpr qreal kNarrowWidth = 1000;

    explicit EventChart(ChartKind kind, QGraphicsItem *parent = nullptr);
    ~EventChart() override;

    ChartKind kind() const { return m_kind; }
    // Rebuilds the chart over `events` (indexes into the corpus's events), which `filter` chose.
    // For `actors`, the lines are the filter's actors if it names any, else the most frequent ones.
    void setEvents(const EventIndex &index, const QList<int> &events, const EventFilter &filter);

    // What clicking item `index` shows: for monthly and actors a month index or, with `series`,
    // that series' actor; for types an int(EventType); for pairs a rank. nullopt if nothing to narrow.
    std::optional<EventFilter> narrowedFilter(int index, int series = -1) const;
    // Emits narrowRequested() for that item, as a click on it does.
    void activate(int index, int series = -1);

    // What the chart counted, for tests and captions.
    const MonthlySeries &monthly() const { return m_monthly; }
    const std::array<int, kEventTypeCount> &typeCounts() const { return m_types; }
    const QList<ActorPairCount> &pairs() const { return m_pairs; }
    // A line under the chart about events it could not place: "2 known only to the year, 1 undated".
    QString note() const { return m_note; }

signals:
    void narrowRequested(const dateline::EventFilter &filter);

protected:
    void resizeEvent(QGraphicsSceneResizeEvent *event) override;

private:
    void fitLabelsToWidth();
    void clear();
    void buildMonthly();
    void buildActors();
    void buildTypes();
    void buildPairs();
    // `colors`: one colour for all the bars, or one per bar, each bar then a set of its own.
    void addHorizontalBars(const QString &name, const QList<qreal> &values, const QStringList &categories, const QList<QColor> &colors);
    void addCountAxis(Qt::Orientation orientation, int maximum);
    void addMonthAxis();
    void relabelMonthAxis();

    ChartKind m_kind;
    EventFilter m_filter;
    MonthlySeries m_monthly;
    std::array<int, kEventTypeCount> m_types{};
    QList<ActorPairCount> m_pairs;
    QString m_note;
    QCategoryAxis *m_monthAxis = nullptr;
    int m_monthStep = 0;  // months between labelled ticks
    QFont m_wideFont;     // the legend's and axes' font in wide charts
};

} // namespace dateline
