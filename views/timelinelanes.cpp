#include "timelinelanes.h"

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

TimelineLanes TimelineLanes::build(const QAbstractItemModel &model, TimelineLaneMode mode)
{
    TimelineLanes result;
    struct Read
    {
        TimelineItem item;
        QStringList actors;
    };
    QList<Read> read;
    const int rows = model.rowCount();
    read.reserve(rows);
    for (int row = 0; row < rows; ++row) {
        const QModelIndex index = model.index(row, 0);
        const QDate first = index.data(EventModel::DateRole).toDate();
        if (!first.isValid()) {
            ++result.undated;
            continue;
        }
        Read entry;
        entry.item.start = double(first.toJulianDay());
        entry.item.end = double(index.data(EventModel::LastDateRole).toDate().toJulianDay()) + 1;
        entry.item.end = std::max(entry.item.end, entry.item.start + 1);
        entry.item.precision = Precision(index.data(EventModel::PrecisionRole).toInt());
        entry.item.type = EventType(index.data(EventModel::TypeRole).toInt());
        entry.item.row = sourceRow(index);
        if (mode == TimelineLaneMode::ByActor)
            entry.actors = index.data(EventModel::ActorsRole).toStringList();
        read.append(std::move(entry));
    }
    // The table's order: by first day, coarser first, then by row so that it is stable.
    std::sort(read.begin(), read.end(), [](const Read &a, const Read &b) {
        if (a.item.start != b.item.start)
            return a.item.start < b.item.start;
        if (a.item.precision != b.item.precision)
            return a.item.precision < b.item.precision;
        return a.item.row < b.item.row;
    });

    // Events of the same day share the day's width, so that zooming in far enough tells them apart.
    for (qsizetype i = 0; i < read.size();) {
        qsizetype j = i;
        while (j < read.size() && read.at(j).item.start == read.at(i).item.start
               && read.at(j).item.precision == read.at(i).item.precision)
            ++j;
        for (qsizetype k = i; k < j; ++k) {
            TimelineItem &item = read[k].item;
            item.position = item.precision == Precision::Day ? item.start + (double(k - i) + 0.5) / double(j - i)
                                                              : item.start;
            item.dayCount = int(j - i);
        }
        i = j;
    }

    // Lanes: actors most frequent first, types in their fixed order, or one lane.
    QHash<QString, int> laneOfActor;
    QList<int> laneOfType(kEventTypeCount, -1);
    bool anyWithoutActor = false;
    switch (mode) {
    case TimelineLaneMode::ByActor: {
        QHash<QString, int> counts;
        for (const Read &entry : std::as_const(read)) {
            for (const QString &actor : entry.actors)
                ++counts[actor];
            anyWithoutActor = anyWithoutActor || entry.actors.isEmpty();
        }
        QStringList actors = counts.keys();
        std::sort(actors.begin(), actors.end(), [&](const QString &a, const QString &b) {
            const int ca = counts.value(a), cb = counts.value(b);
            return ca != cb ? ca > cb : QString::localeAwareCompare(a, b) < 0;
        });
        for (const QString &actor : std::as_const(actors)) {
            laneOfActor.insert(actor, int(result.lanes.size()));
            result.lanes.append({actor, {}, {}, 0});
        }
        if (anyWithoutActor)
            result.lanes.append({QCoreApplication::translate("dateline::TimelineView", "No actor"), {}, {}, 0});
        break;
    }
    case TimelineLaneMode::ByType: {
        QList<bool> present(kEventTypeCount, false);
        for (const Read &entry : std::as_const(read))
            present[int(entry.item.type)] = true;
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
    result.positionOfRow.reserve(read.size());
    QList<int> lanes;
    for (Read &entry : read) {
        lanes.clear();
        switch (mode) {
        case TimelineLaneMode::ByActor:
            for (const QString &actor : std::as_const(entry.actors))
                if (!lanes.contains(laneOfActor.value(actor)))
                    lanes.append(laneOfActor.value(actor));
            if (lanes.isEmpty())
                lanes.append(int(result.lanes.size()) - 1);  // the "No actor" lane
            break;
        case TimelineLaneMode::ByType: lanes.append(laneOfType.at(int(entry.item.type))); break;
        case TimelineLaneMode::Single: lanes.append(0); break;
        }
        entry.item.firstLane = *std::min_element(lanes.cbegin(), lanes.cend());
        for (int lane : std::as_const(lanes)) {
            TimelineLane &target = result.lanes[lane];
            if (entry.item.precision == Precision::Day) {
                target.markers.append(entry.item);
            } else {
                target.bars.append(entry.item);
                target.longestBar = std::max(target.longestBar, entry.item.end - entry.item.start);
            }
        }
        result.positionOfRow.insert(entry.item.row, result.byTime.size());
        result.byTime.append(entry.item);
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
    const auto it = positionOfRow.constFind(row);
    return it == positionOfRow.cend() ? nullptr : &byTime.at(*it);
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
