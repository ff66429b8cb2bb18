#include "datevalue.h"

#include <QScopeGuard>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

class TestDateValue final : public QObject
{
    Q_OBJECT

private slots:
    void isoRoundTrip_data();
    void isoRoundTrip();
    void rejectsImpossibleDates_data();
    void rejectsImpossibleDates();
    void truncationKeepsNoInventedDay();
    void ordersByFirstDayThenPrecision();
    void localTodayIsTheLocalDate();
};

void TestDateValue::isoRoundTrip_data()
{
    QTest::addColumn<QString>("iso");
    QTest::addColumn<int>("precision");
    QTest::newRow("year") << u"2014"_s << int(Precision::Year);
    QTest::newRow("month") << u"2023-02"_s << int(Precision::Month);
    QTest::newRow("day") << u"2022-02-24"_s << int(Precision::Day);
    QTest::newRow("leap day") << u"2024-02-29"_s << int(Precision::Day);
}

void TestDateValue::isoRoundTrip()
{
    QFETCH(QString, iso);
    QFETCH(int, precision);
    const DateValue value = DateValue::fromIso(iso);
    QVERIFY(value.isValid());
    QCOMPARE(int(value.precision()), precision);
    QCOMPARE(value.toIso(), iso);
}

void TestDateValue::rejectsImpossibleDates_data()
{
    QTest::addColumn<QString>("iso");
    QTest::newRow("month 13") << u"2023-13"_s;
    QTest::newRow("30 February") << u"2023-02-30"_s;
    QTest::newRow("29 February of a common year") << u"2023-02-29"_s;
    QTest::newRow("five-digit year") << u"99999-01"_s;
    QTest::newRow("empty") << QString();
    QTest::newRow("words") << u"février 2022"_s;
}

void TestDateValue::rejectsImpossibleDates()
{
    QFETCH(QString, iso);
    QVERIFY(!DateValue::fromIso(iso).isValid());
}

void TestDateValue::truncationKeepsNoInventedDay()
{
    const DateValue day = DateValue::ofDay(2023, 2, 24);
    QCOMPARE(day.truncated(Precision::Month).toIso(), u"2023-02"_s);
    QCOMPARE(day.truncated(Precision::Year).toIso(), u"2023"_s);
    QCOMPARE(day.truncated(Precision::Month).lastQDate(), QDate(2023, 2, 28));
    QCOMPARE(DateValue::ofYear(2024).lastQDate(), QDate(2024, 12, 31));
}

void TestDateValue::ordersByFirstDayThenPrecision()
{
    QVERIFY(DateValue::ofYear(2023) < DateValue::ofMonth(2023, 1));
    QVERIFY(DateValue::ofMonth(2023, 1) < DateValue::ofDay(2023, 1, 1));
    QVERIFY(DateValue::ofDay(2022, 12, 31) < DateValue::ofYear(2023));
    QVERIFY(DateValue() < DateValue::ofYear(1900));
    QVERIFY(!(DateValue() < DateValue()));
    // The sort key used by the item models orders the same way.
    QVERIFY(DateValue::ofYear(2023).sortKey() < DateValue::ofMonth(2023, 1).sortKey());
    QVERIFY(DateValue::ofMonth(2023, 1).sortKey() < DateValue::ofDay(2023, 1, 1).sortKey());
    QVERIFY(DateValue::ofDay(2022, 12, 31).sortKey() < DateValue::ofYear(2023).sortKey());
    QVERIFY(DateValue().sortKey() < DateValue::ofYear(1900).sortKey());
}

void TestDateValue::localTodayIsTheLocalDate()
{
    // Fourteen hours ahead of UTC: a date read in UTC is wrong for most of the day.
    const QByteArray zone = qgetenv("TZ");
    const auto restore = qScopeGuard([&] { zone.isNull() ? qunsetenv("TZ") : qputenv("TZ", zone); });
    qputenv("TZ", "Pacific/Kiritimati");
    for (int call = 0; call < 2; ++call) {  // worked out, then remembered
        const QDate before = QDate::currentDate();
        const QDate today = localToday();
        const QDate after = QDate::currentDate();
        QVERIFY2(today == before || today == after, qPrintable(today.toString(Qt::ISODate)));
    }
}

QTEST_GUILESS_MAIN(TestDateValue)
#include "tst_datevalue.moc"
