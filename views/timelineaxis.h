#pragma once

#include <QList>
#include <QString>

class QFontMetrics;
class QLocale;

namespace dateline {

// Calendar-aware ticks for the timeline's time axis. Times are Julian day numbers as doubles.
struct TimelineTick
{
    double day = 0;  // where the labelled period begins
    QString label;
};

struct TimelineTicks
{
    QList<TimelineTick> minor;  // days, months or years, labelled when they fit
    QList<TimelineTick> major;  // the months of day ticks, the years of month ticks; none for years
};

// Picks the finest calendar unit whose labels fit at `daysPerPixel` (days, then months, then
// years in round steps) and lists its ticks over [firstDay, lastDay], with month names from
// `locale`. A tick period that starts before firstDay is included, so its label can stay pinned.
TimelineTicks timelineTicks(double firstDay, double lastDay, double daysPerPixel, const QLocale &locale,
                            const QFontMetrics &metrics);

} // namespace dateline
