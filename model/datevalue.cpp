#include "datevalue.h"

#include <QDateTime>
#include <QRegularExpression>

#include <array>

namespace greg = boost::gregorian;

namespace dateline {

namespace {
// Boost's Gregorian calendar covers these years; anything outside is not a date we can place.
constexpr int kFirstYear = 1400;
constexpr int kLastYear = 9999;

bool yearInRange(int year) { return year >= kFirstYear && year <= kLastYear; }
} // namespace

QString precisionName(Precision precision)
{
    switch (precision) {
    case Precision::Year: return QStringLiteral("year");
    case Precision::Month: return QStringLiteral("month");
    case Precision::Day: return QStringLiteral("day");
    case Precision::None: break;
    }
    return QStringLiteral("none");
}

Precision precisionFromName(QStringView name)
{
    if (name == u"year")
        return Precision::Year;
    if (name == u"month")
        return Precision::Month;
    if (name == u"day")
        return Precision::Day;
    return Precision::None;
}

DateValue DateValue::ofYear(int year)
{
    DateValue value;
    if (!yearInRange(year))
        return value;
    value.m_precision = Precision::Year;
    value.m_year = qint16(year);
    value.m_month = 1;
    value.m_day = 1;
    return value;
}

DateValue DateValue::ofMonth(int year, int month)
{
    if (month < 1 || month > 12)
        return {};
    DateValue value = ofYear(year);
    if (!value.isValid())
        return value;
    value.m_precision = Precision::Month;
    value.m_month = qint8(month);
    return value;
}

DateValue DateValue::ofDay(int year, int month, int day)
{
    DateValue value = ofMonth(year, month);
    if (!value.isValid() || day < 1 || day > greg::gregorian_calendar::end_of_month_day(year, month))
        return {};
    value.m_precision = Precision::Day;
    value.m_day = qint8(day);
    return value;
}

DateValue DateValue::fromBoost(const greg::date &date, Precision precision)
{
    if (date.is_special())
        return {};
    const auto ymd = date.year_month_day();
    return ofDay(ymd.year, ymd.month, ymd.day).truncated(precision);
}

DateValue DateValue::fromQDate(QDate date, Precision precision)
{
    if (!date.isValid())
        return {};
    return ofDay(date.year(), date.month(), date.day()).truncated(precision);
}

DateValue DateValue::fromIso(QStringView text)
{
    static const QRegularExpression iso(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?$"));
    const auto match = iso.match(text.trimmed());
    if (!match.hasMatch())
        return {};
    const int year = match.capturedView(1).toInt();
    if (!match.hasCaptured(2))
        return ofYear(year);
    const int month = match.capturedView(2).toInt();
    if (!match.hasCaptured(3))
        return ofMonth(year, month);
    return ofDay(year, month, match.capturedView(3).toInt());
}

DateValue DateValue::truncated(Precision precision) const
{
    if (precision >= m_precision)
        return *this;
    switch (precision) {
    case Precision::Year: return ofYear(m_year);
    case Precision::Month: return ofMonth(m_year, m_month);
    case Precision::Day:
    case Precision::None: break;
    }
    return {};
}

greg::date DateValue::firstDay() const
{
    if (!isValid())
        return greg::date(boost::date_time::not_a_date_time);
    return greg::date(m_year, m_month, m_day);
}

greg::date DateValue::lastDay() const
{
    switch (m_precision) {
    case Precision::Year: return greg::date(m_year, 12, 31);
    case Precision::Month: return greg::date(m_year, m_month, 1).end_of_month();
    case Precision::Day: return firstDay();
    case Precision::None: break;
    }
    return greg::date(boost::date_time::not_a_date_time);
}

QDate DateValue::firstQDate() const { return isValid() ? QDate(m_year, m_month, m_day) : QDate(); }

QDate DateValue::lastQDate() const { return isValid() ? toQDate(lastDay()) : QDate(); }

namespace {

// Writes QString::number(value).rightJustified(width, u'0') from `out` on, which has room for
// eleven units or `width`, and returns where it ends. The tagger formats a value for every date
// it finds: into a buffer, then one string, where appending to a QString checked its room each time.
char16_t *writeZeroPadded(char16_t *out, int value, int width)
{
    std::array<char16_t, 11> units{};  // ten digits and a sign at most, last first
    int count = 0;
    unsigned magnitude = value < 0 ? 0u - unsigned(value) : unsigned(value);
    do {
        units[size_t(count++)] = char16_t(u'0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (value < 0)
        units[size_t(count++)] = u'-';
    for (int k = count; k < width; ++k)
        *out++ = u'0';
    while (count > 0)
        *out++ = units[size_t(--count)];
    return out;
}

} // namespace

QString DateValue::toIso() const
{
    if (m_precision == Precision::None)
        return {};
    std::array<char16_t, 3 * 12> iso{};
    char16_t *end = writeZeroPadded(iso.data(), m_year, 4);
    if (m_precision >= Precision::Month) {
        *end++ = u'-';
        end = writeZeroPadded(end, m_month, 2);
    }
    if (m_precision == Precision::Day) {
        *end++ = u'-';
        end = writeZeroPadded(end, m_day, 2);
    }
    return QString(reinterpret_cast<const QChar *>(iso.data()), end - iso.data());
}

qint64 DateValue::sortKey() const
{
    return isValid() ? firstQDate().toJulianDay() * 4 + int(m_precision) : qint64(-1);
}

bool operator<(const DateValue &a, const DateValue &b)
{
    if (a.m_precision == Precision::None || b.m_precision == Precision::None)
        return a.m_precision == Precision::None && b.m_precision != Precision::None;
    const auto key = [](const DateValue &v) { return std::tuple(v.m_year, v.m_month, v.m_day, v.m_precision); };
    return key(a) < key(b);
}

greg::date toBoost(QDate date)
{
    if (!date.isValid() || date.year() < kFirstYear || date.year() > kLastYear)
        return greg::date(boost::date_time::not_a_date_time);
    return greg::date(date.year(), date.month(), date.day());
}

QDate localToday()
{
    struct Remembered
    {
        QDate date;
        qint64 from = 0;   // its midnight and the next, in milliseconds since the epoch
        qint64 until = 0;
    };
    thread_local Remembered today;
    // Read again past midnight, and when the clock was set back.
    if (const qint64 now = QDateTime::currentMSecsSinceEpoch(); now < today.from || now >= today.until) {
        today.date = QDate::currentDate();
        today.from = today.date.startOfDay().toMSecsSinceEpoch();
        today.until = today.date.addDays(1).startOfDay().toMSecsSinceEpoch();
    }
    return today.date;
}

QDate toQDate(const greg::date &date)
{
    if (date.is_special())
        return {};
    const auto ymd = date.year_month_day();
    return QDate(ymd.year, ymd.month, ymd.day);
}

} // namespace dateline
