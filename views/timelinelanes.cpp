#include "timelinelanes.h"

#include "eventfilterproxymodel.h"
#include "eventindex.h"
#include "eventmodel.h"

#include <QAbstractProxyModel>
#include <QCoreApplication>

#include <algorithm>

namespace dateline {

namespace {

int sourceRow(QModelIndex index)
{
    while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(index.model()))
        index = proxy->mapToSource(index);
    return index.row();
}

QString capitalized(QString text)
{
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

bool byPosition(const TimelineItem &a, const TimelineItem &b) { return a.position < b.position; }

bool byStart(const TimelineItem &a, const TimelineItem &b)
{
    if (a.start != b.start)
        return a.start < b.start;
    return a.precision < b.precision;
}

} // namespace

std::shared_ptr<const EventIndex> TimelineLanes::rowsOf(const QAbstractItemModel &model, QList<int> *rows)
{
    // Read from the window's proxy at once, or mapped one by one through any other proxy.
    const QAbstractItemModel *source = &model;
    if (const auto *proxy = qobject_cast<const EventFilterProxyModel *>(&model)) {
        *rows = proxy->sourceRows();
        source = proxy->sourceModel();
    } else {
        rows->clear();
        rows->reserve(model.rowCount());
        for (int row = 0; row < model.rowCount(); ++row)
            rows->append(sourceRow(model.index(row, 0)));
        while (const auto *proxy = qobject_cast<const QAbstractProxyModel *>(source))
            source = proxy->sourceModel();
    }
    const auto *events = qobject_cast<const EventModel *>(source);
    return events ? events->eventIndex() : nullptr;
}

TimelineLanes TimelineLanes::build(const QAbstractItemModel &model, TimelineLaneMode mode)
{
    QList<int> rows;
    const std::shared_ptr<const EventIndex> index = rowsOf(model, &rows);
    return index ? build(*index, rows, mode) : TimelineLanes();
}

TimelineLanes TimelineLanes::build(const EventIndex &index, const QList<int> &rows, TimelineLaneMode mode)
{
    TimelineLanes result;
    const Corpus &corpus = index.corpus();
    QList<TimelineItem> read;
    read.reserve(rows.size());
    int lastRow = -1;  // positions are kept as far as the last row shown, not for the whole corpus
    for (const int row : rows) {
        const DateValue &date = corpus.events.at(row).date;
        if (!date.isValid()) {
            ++result.undated;
            continue;
        }
        TimelineItem item;
        item.start = double(date.firstQDate().toJulianDay());
        item.end = std::max(double(date.lastQDate().toJulianDay()) + 1, item.start + 1);
        item.precision = date.precision();
        item.type = corpus.events.at(row).type;
        item.row = row;
        read.append(item);
        lastRow = std::max(lastRow, row);
    }
    // The table's order: by first day, coarser first, then by row so that it is stable.
    std::sort(read.begin(), read.end(), [](const TimelineItem &a, const TimelineItem &b) {
        if (a.start != b.start)
            return a.start < b.start;
        if (a.precision != b.precision)
            return a.precision < b.precision;
        return a.row < b.row;
    });

    // Events of the same day share the day's width, so that zooming in far enough tells them apart.
    for (qsizetype i = 0; i < read.size();) {
        qsizetype j = i;
        while (j < read.size() && read.at(j).start == read.at(i).start && read.at(j).precision == read.at(i).precision)
            ++j;
        for (qsizetype k = i; k < j; ++k) {
            TimelineItem &item = read[k];
            item.position = item.precision == Precision::Day ? item.start + (double(k - i) + 0.5) / double(j - i) : item.start;
            item.dayCount = int(j - i);
        }
        i = j;
    }

    // Lanes: actors most frequent first, types in their fixed order, or one lane.
    std::vector<int> laneOfActor(size_t(index.actorCount()), -1);
    QList<int> laneOfType(kEventTypeCount, -1);
    switch (mode) {
    case TimelineLaneMode::ByActor: {
        std::vector<int> counts(size_t(index.actorCount()), 0);
        bool anyWithoutActor = false;
        for (const TimelineItem &item : std::as_const(read)) {
            const std::span<const quint32> actors = index.actorNumbers(item.row);
            for (const quint32 actor : actors)
                ++counts[actor];
            anyWithoutActor = anyWithoutActor || actors.empty();
        }
        std::vector<quint32> actors;
        for (quint32 actor = 0; actor < counts.size(); ++actor)
            if (counts[actor] > 0)
                actors.push_back(actor);
        std::sort(actors.begin(), actors.end(), [&](quint32 a, quint32 b) {
            return counts[a] != counts[b] ? counts[a] > counts[b] : QString::localeAwareCompare(index.actorName(a), index.actorName(b)) < 0;
        });
        for (const quint32 actor : actors) {
            laneOfActor[actor] = int(result.lanes.size());
            result.lanes.append({index.actorName(actor), {}, {}, 0});
        }
        if (anyWithoutActor)
            result.lanes.append({QCoreApplication::translate("dateline::TimelineView", "No actor"), {}, {}, 0});
        break;
    }
    case TimelineLaneMode::ByType: {
        QList<bool> present(kEventTypeCount, false);
        for (const TimelineItem &item : std::as_const(read))
            present[int(item.type)] = true;
        for (int type = 0; type < kEventTypeCount; ++type) {
            if (!present.at(type))
                continue;
            laneOfType[type] = int(result.lanes.size());
            result.lanes.append({capitalized(eventTypeName(EventType(type))), {}, {}, 0});
        }
        break;
    }
    case TimelineLaneMode::Single:
        if (!read.isEmpty())
            result.lanes.append({QCoreApplication::translate("dateline::TimelineView", "All events"), {}, {}, 0});
        break;
    }

    result.byTime.reserve(read.size());
    // A filter's few rows are arranged on the UI thread: a table for the whole corpus was 10 MB to fill.
    result.positionOfRow.fill(-1, lastRow + 1);
    QList<int> lanes;
    for (TimelineItem &item : read) {
        lanes.clear();
        switch (mode) {
        case TimelineLaneMode::ByActor:
            for (const quint32 actor : index.actorNumbers(item.row))
                if (!lanes.contains(laneOfActor[actor]))
                    lanes.append(laneOfActor[actor]);
            if (lanes.isEmpty())
                lanes.append(int(result.lanes.size()) - 1);  // the "No actor" lane
            break;
        case TimelineLaneMode::ByType: lanes.append(laneOfType.at(int(item.type))); break;
        case TimelineLaneMode::Single: lanes.append(0); break;
        }
        item.firstLane = *std::min_element(lanes.cbegin(), lanes.cend());
        for (int lane : std::as_const(lanes)) {
            TimelineLane &target = result.lanes[lane];
            if (item.precision == Precision::Day) {
                target.markers.append(item);
            } else {
                target.bars.append(item);
                target.longestBar = std::max(target.longestBar, item.end - item.start);
            }
        }
        result.positionOfRow[item.row] = result.byTime.size();
        result.byTime.append(item);
    }
    // Appended in the table's order, the lanes' arrays are sorted already; keep that a checked fact.
    for (TimelineLane &lane : result.lanes) {
        Q_ASSERT(std::is_sorted(lane.markers.cbegin(), lane.markers.cend(), byPosition));
        Q_ASSERT(std::is_sorted(lane.bars.cbegin(), lane.bars.cend(), byStart));
        // A stack of same-period bars takes its first event's colour only if all share its type.
        for (qsizetype i = 0; i < lane.bars.size();) {
            qsizetype j = i + 1;
            bool mixed = false;
            for (; j < lane.bars.size() && !byStart(lane.bars.at(i), lane.bars.at(j)); ++j)
                mixed = mixed || lane.bars.at(j).type != lane.bars.at(i).type;
            lane.bars[i].mixedStack = mixed;
            i = j;
        }
    }
    if (!result.byTime.isEmpty()) {
        result.firstDay = result.byTime.first().start;
        result.lastDay = result.firstDay;
        for (const TimelineItem &item : std::as_const(result.byTime))
            result.lastDay = std::max(result.lastDay, item.end);
    }
    return result;
}

const TimelineItem *TimelineLanes::item(int row) const
{
    const qsizetype position = positionOfRow.value(row, -1);
    return position < 0 ? nullptr : &byTime.at(position);
}

qsizetype TimelineLanes::indexInLane(const TimelineLane &lane, const TimelineItem &item)
{
    if (item.precision == Precision::Day) {
        const auto [from, to] = std::equal_range(lane.markers.cbegin(), lane.markers.cend(), item, byPosition);
        const auto it = std::find_if(from, to, [&](const TimelineItem &other) { return other.row == item.row; });
        return it == to ? -1 : it - lane.markers.cbegin();
    }
    const auto [from, to] = std::equal_range(lane.bars.cbegin(), lane.bars.cend(), item, byStart);
    const auto it = std::find_if(from, to, [&](const TimelineItem &other) { return other.row == item.row; });
    return it == to ? -1 : it - lane.bars.cbegin();
}

} // namespace dateline
