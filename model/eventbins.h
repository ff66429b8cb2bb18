#pragma once

#include "event.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace dateline {

class EventIndex;

// Counts behind the charts, computed from a list of events (indexes into Corpus::events) so that
// the charts never know how the events were chosen and the model never knows who draws them.
// Actors are counted by their numbers in the EventIndex: a million events bin in milliseconds.
//
// What each count adds up to:
// - monthly: each event counts once, in the stack of its first actor (actors are in order of
//   first mention, so the first is the one the sentence is about), or in "others" when that actor
//   is not among the top ones or the event has none. Events known to the day or the month are in
//   their month; events known only to their year, and undated ones, are in no month and are counted
//   in yearOnly and undated instead. So monthly total + yearOnly + undated == events.
// - actors: an event counts once for each of the chosen actors it names (a meeting of two of them is
//   a point on both lines), in its month, with the same year-only and undated rule.
// - types: each event once, dated or not: the counts add up to the number of events.
// - pairs: an event naming k actors contributes its k(k-1)/2 unordered pairs, dated or not.

// Consecutive calendar months, or bins of a few months, and one row of counts per series across them.
struct MonthlySeries
{
    QList<QDate> months;        // the first day of each month (or bin), from the first dated event's to the last's
    int monthsPerBin = 1;       // 1, or 3 for quarters, 12 for years: see inBinsOf()
    QStringList series;         // actor names; with `hasOthers`, the last series is "others"
    bool hasOthers = false;
    QList<QList<int>> counts;   // counts[series][month]
    int yearOnly = 0;           // events of the list known only to their year: in no month
    int undated = 0;
    int firstMonth = 0;         // months.first() as year * 12 + month - 1

    int total() const;          // the sum of every count
    int seriesTotal(qsizetype series) const;
    int monthTotal(qsizetype month) const;
};

struct ActorPairCount
{
    QString first;   // the two names in alphabetical order
    QString second;
    int count = 0;
};

// The `limit` actors named in most of the events, most frequent first (ties alphabetical).
QStringList topActors(const EventIndex &index, const QList<int> &events, int limit);

// Events per month, stacked by first actor: the `topActors` most frequent first actors, then "others".
MonthlySeries eventsPerMonth(const EventIndex &index, const QList<int> &events, int topActors);

// For each of `actors`, the events per month that name it.
MonthlySeries actorActivity(const EventIndex &index, const QList<int> &events, const QStringList &actors);

// The same counts in bins of `monthsPerBin` months aligned on the calendar (quarters, years): what
// a chart shows when single months would be thinner than a pixel. Nothing is lost: every count
// lands in the bin of its month, and yearOnly and undated stay as they are.
MonthlySeries inBinsOf(const MonthlySeries &monthly, int monthsPerBin);

// Events per type, indexed by int(EventType).
std::array<int, kEventTypeCount> eventsPerType(const EventIndex &index, const QList<int> &events);

// The `limit` pairs of actors that appear together in most events, most frequent first.
QList<ActorPairCount> topActorPairs(const EventIndex &index, const QList<int> &events, int limit);

// What a caption says about a list of events.
struct EventSummary
{
    int events = 0;
    int articles = 0;   // distinct articles the events come from
    int undated = 0;
    int yearOnly = 0;
    QDate first;        // the first and last days the dated events may fall on; invalid when none is dated
    QDate last;
};
EventSummary summarizeEvents(const EventIndex &index, const QList<int> &events);

} // namespace dateline
