#include "textfolding.h"

#include <QRegularExpression>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

// leadingLiterals() feeds prefilters that skip a regular expression when none of its leads
// occurs: a lead it leaves out would lose a match, so every case checks that real matches
// begin with one of the leads it gives.
class TestLeadingLiterals final : public QObject
{
    Q_OBJECT

private slots:
    void readsLiteralsGroupsAndOptionalParts_data();
    void readsLiteralsGroupsAndOptionalParts();
    void givesUpWhenItCannotTell_data();
    void givesUpWhenItCannotTell();
    void everyMatchBeginsWithALead_data();
    void everyMatchBeginsWithALead();
};

void TestLeadingLiterals::readsLiteralsGroupsAndOptionalParts_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QStringList>("leads");
    QTest::newRow("a word cut at the longest length") << u"declaration"_s << QStringList{u"declarat"_s};
    QTest::newRow("a word shorter than the longest length") << u"declar"_s << QStringList{u"declar"_s};
    QTest::newRow("alternatives in a group") << u"(a|ont) signe"_s << QStringList{u"a signe"_s, u"ont sign"_s};
    QTest::newRow("an optional group") << u"(ete )?recu"_s << QStringList{u"ete recu"_s, u"recu"_s};
    QTest::newRow("an optional letter") << u"accords?\\b"_s << QStringList{u"accord"_s, u"accords"_s};
    QTest::newRow("a class ends the literal text") << u"sign(e|er)[a-z]+"_s << QStringList{u"signe"_s, u"signer"_s};
    QTest::newRow("a repeat ends the literal text") << u"ont( [^ ]+){0,3} visite"_s << QStringList{u"ont"_s};
    QTest::newRow("lookarounds and boundaries are skipped") << u"(?<!\\w)\\bgaz(?!oil)\\b"_s << QStringList{u"gaz"_s};
    QTest::newRow("escaped punctuation is literal") << u"a\\.b\\-c"_s << QStringList{u"a.b-c"_s};
    QTest::newRow("non-capturing group") << u"(?:se|s')rend"_s << QStringList{u"s'rend"_s, u"serend"_s};
}

void TestLeadingLiterals::readsLiteralsGroupsAndOptionalParts()
{
    QFETCH(QString, pattern);
    QFETCH(QStringList, leads);
    const auto found = leadingLiterals(pattern, 3, 8);
    QVERIFY(found.has_value());
    QCOMPARE(*found, leads);
}

void TestLeadingLiterals::givesUpWhenItCannotTell_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::newRow("a match may be shorter than the key") << u"ue"_s;
    QTest::newRow("an optional part leaves too little") << u"(abc)?d"_s;
    QTest::newRow("starts with a class") << u"[a-z]+ment"_s;
    QTest::newRow("starts with a wildcard") << u".ment"_s;
    QTest::newRow("starts with a repeat") << u"a+bcd"_s;
    QTest::newRow("case-insensitive option") << u"(?i)accord"_s;
    QTest::newRow("word escape before the key") << u"ab\\wcd"_s;
    QTest::newRow("unbalanced group") << u"(abc"_s;
    QTest::newRow("stray closing parenthesis") << u"abc)"_s;
}

void TestLeadingLiterals::givesUpWhenItCannotTell()
{
    QFETCH(QString, pattern);
    QVERIFY(!leadingLiterals(pattern, 3, 8).has_value());
}

void TestLeadingLiterals::everyMatchBeginsWithALead_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("text");
    QTest::newRow("optional group") << u"(ete |etre )?recu(e|s|es)? par"_s << u"il a ete recus par le president"_s;
    QTest::newRow("verb forms") << u"sign(e|es|er|era)\\b( [^ .;:]+){0,5}? (accords?|traites?)\\b"_s
                                << u"ils signeront demain un accord et signe des traites"_s;
    QTest::newRow("auxiliary and participle") << u"(a|ont|avait) (visite|effectue une visite)"_s
                                              << u"le ministre a effectue une visite, ils ont visite"_s;
    QTest::newRow("ligature") << u"man\u0153uvres?"_s << u"des man\u0153uvres navales"_s;
}

void TestLeadingLiterals::everyMatchBeginsWithALead()
{
    QFETCH(QString, pattern);
    QFETCH(QString, text);
    const auto leads = leadingLiterals(pattern, 3, 16);
    QVERIFY(leads.has_value());
    int matches = 0;
    for (auto it = QRegularExpression(pattern).globalMatch(text); it.hasNext(); ++matches) {
        const QStringView rest = QStringView(text).sliced(it.next().capturedStart());
        QVERIFY2(std::any_of(leads->cbegin(), leads->cend(), [&](const QString &lead) { return rest.startsWith(lead); }),
                 qPrintable(rest.toString()));
    }
    QVERIFY(matches > 0);
}

QTEST_GUILESS_MAIN(TestLeadingLiterals)
#include "tst_leadingliterals.moc"
