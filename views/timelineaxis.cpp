#include "timelineaxis.h"

#include <QDate>
#include <QFontMetrics>
#include <QLocale>

#include <array>
#include <cmath>

namespace dateline {

namespace {

double julian(QDate date) { return double(date.toJulianDay()); }

QString monthAndYear(const QLocale &locale, QDate date)
{
    return locale.standaloneMonthName(date.month()) + u' ' + QString::number(date.year());
}

} // namespace

TimelineTicks timelineTicks(double firstDay, double lastDay, double daysPerPixel, const QLocale &locale,
                            const QFontMetrics &metrics)
{
    TimelineTicks ticks;
    if (!(daysPerPixel > 0) || lastDay < firstDay)
        return ticks;
    const double dayWidth = 1.0 / daysPerPixel;
    const int gap = metrics.horizontalAdvance(u'M');
    const QDate from = QDate::fromJulianDay(qint64(std::floor(firstDay)));
    const QDate to = QDate::fromJulianDay(qint64(std::ceil(lastDay)));

    // Days, every one or on round days of the month, under their months.
    const int dayLabel = metrics.horizontalAdvance(QStringLiteral("00")) + gap;
    for (const int step : {1, 5, 10}) {
        if (step * dayWidth < dayLabel)
            continue;
        for (QDate month(from.year(), from.month(), 1); month <= to; month = month.addMonths(1)) {
            ticks.major.append({julian(month), monthAndYear(locale, month)});
            for (int day = 1; day <= month.daysInMonth(); day += step) {
                // The last period of a month is never shorter than half a step: "26" is dropped.
                if (step > 1 && day > 1 && day + step / 2 > month.daysInMonth())
                    break;
                const QDate date(month.year(), month.month(), step > 1 && day > 1 ? day - 1 : day);
                if (julian(date) + step >= firstDay && date <= to)
                    ticks.minor.append({julian(date), QString::number(date.day())});
            }
        }
        return ticks;
    }

    // Months, every one or every quarter or half year, under their years.
    int monthLabel = 0;
    for (int month = 1; month <= 12; ++month)
        monthLabel = std::max(monthLabel, metrics.horizontalAdvance(locale.standaloneMonthName(month, QLocale::ShortFormat)));
    monthLabel += gap;
    for (const int step : {1, 3, 6}) {
        if (step * 28 * dayWidth < monthLabel)
            continue;
        for (int year = from.year(); year <= to.year(); ++year) {
            ticks.major.append({julian(QDate(year, 1, 1)), QString::number(year)});
            for (int month = 1; month <= 12; month += step) {
                const QDate date(year, month, 1);
                if (julian(date.addMonths(step)) >= firstDay && date <= to)
                    ticks.minor.append({julian(date), locale.standaloneMonthName(month, QLocale::ShortFormat)});
            }
        }
        return ticks;
    }

    // Years in round steps.
    const int yearLabel = metrics.horizontalAdvance(QStringLiteral("0000")) + gap;
    static constexpr std::array kYearSteps{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000};
    int step = kYearSteps.back();
    for (const int candidate : kYearSteps) {
        if (candidate * 365.25 * dayWidth >= yearLabel) {
            step = candidate;
            break;
        }
    }
    for (int year = from.year() - ((from.year() % step) + step) % step; year <= to.year(); year += step) {
        const QDate date(year, 1, 1);
        if (date.isValid())
            ticks.minor.append({julian(date), QString::number(year)});
    }
    return ticks;
}

} // namespace dateline
