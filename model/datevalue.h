#pragma once

#include <QDate>
#include <QString>

#include <boost/date_time/gregorian/gregorian_types.hpp>

namespace dateline {

// How much of a date is known. Ordered from coarsest to finest so that
// "at least month precision" reads as precision >= Precision::Month.
enum class Precision : quint8 {
    None,   // nothing known
    Year,
    Month,
    Day,
};

QString precisionName(Precision precision);               // "year", "month", "day", "none"
Precision precisionFromName(QStringView name);

// A calendar date known to day, month or year precision. A month-precision value
// never carries an invented day: its day() is 1 and means "some day of that month".
class DateValue final
{
public:
    DateValue() = default;
    static DateValue ofYear(int year);
    static DateValue ofMonth(int year, int month);
    static DateValue ofDay(int year, int month, int day);  // invalid if the day does not exist
    static DateValue fromBoost(const boost::gregorian::date &date, Precision precision);
    static DateValue fromQDate(QDate date, Precision precision);
    // Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else gives an invalid value.
    static DateValue fromIso(QStringView text);

    bool isValid() const { return m_precision != Precision::None; }
    Precision precision() const { return m_precision; }
    int year() const { return m_year; }
    int month() const { return m_month; }
    int day() const { return m_day; }

    // The same date known only to a coarser precision ("2023-02-24" at Month is "2023-02").
    DateValue truncated(Precision precision) const;
    // First and last calendar day the value may denote.
    boost::gregorian::date firstDay() const;
    boost::gregorian::date lastDay() const;
    QDate firstQDate() const;
    QDate lastQDate() const;

    QString toIso() const;   // at its precision: "2023", "2023-02", "2023-02-24"; empty if invalid
    // A number that orders values as operator< does, for sort roles: invalid values come first.
    qint64 sortKey() const;

    // Orders by first day, then coarser before finer, so sorting never depends on display text.
    friend bool operator<(const DateValue &a, const DateValue &b);
    friend bool operator==(const DateValue &a, const DateValue &b) = default;

private:
    Precision m_precision = Precision::None;
    qint16 m_year = 0;
    qint8 m_month = 0;
    qint8 m_day = 0;
};

// QDate::currentDate(), remembered for the day: QDate::currentDate() checks the system's time
// zone again each time, a system call, and every article asks for today. A change of time zone
// shows at the next midnight.
QDate localToday();

boost::gregorian::date toBoost(QDate date);
QDate toQDate(const boost::gregorian::date &date);

} // namespace dateline

Q_DECLARE_METATYPE(dateline::DateValue)
