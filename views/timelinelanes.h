#pragma once

#include "datevalue.h"
#include "event.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

class QAbstractItemModel;

namespace dateline {

class EventIndex;

enum class TimelineLaneMode { ByActor, ByType, Single };

// One dated event as the timeline places it. Times are Julian day numbers as doubles: the
// event may fall on any day in [start, end).
struct TimelineItem
{
    double start = 0;
    double end = 0;
    double position = 0;  // where a day marker goes once its day is wide enough for all its events
    int dayCount = 1;     // the dated-to-the-day events on its day, in every lane
    bool mixedStack = false;  // the first bar of a same-period run in a lane whose types differ
    int row = -1;         // row of the source EventModel (an index into Corpus::events)
    int firstLane = -1;
    Precision precision = Precision::None;
    EventType type = EventType::Other;
};

struct TimelineLane
{
    QString label;
    QList<TimelineItem> markers;  // day precision, by position
    QList<TimelineItem> bars;     // month or year precision, by start, coarser first
    double longestBar = 0;        // in days: how far before the visible range a visible bar may begin

    qsizetype count() const { return markers.size() + bars.size(); }
};

// What the timeline draws, read from the model in one pass whenever the model changes, so
// that painting never asks the model anything and only binary-searches the visible range.
struct TimelineLanes
{
    QList<TimelineLane> lanes;
    QList<TimelineItem> byTime;           // every dated event once, in the table's date order
    QList<qsizetype> positionOfRow;       // source row -> index in byTime, or -1
    double firstDay = 0;                  // the span of all dated events; equal when there are none
    double lastDay = 0;
    int undated = 0;

    // `model` is an EventModel or a proxy over one; rows are mapped back to the EventModel.
    static TimelineLanes build(const QAbstractItemModel &model, TimelineLaneMode mode);
    // `rows` are the events to place, as indexes into the index's corpus.
    static TimelineLanes build(const EventIndex &index, const QList<int> &rows, TimelineLaneMode mode);
    // The index beneath `model` and the rows it shows as indexes into its corpus: what build() reads.
    static std::shared_ptr<const EventIndex> rowsOf(const QAbstractItemModel &model, QList<int> *rows);

    const TimelineItem *item(int row) const;
    // The index of `row` in lane.markers or lane.bars (whichever holds its precision), or -1.
    static qsizetype indexInLane(const TimelineLane &lane, const TimelineItem &item);
};

} // namespace dateline
