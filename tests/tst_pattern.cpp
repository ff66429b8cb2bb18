#include "pattern.h"

#include <QRegularExpression>
#include <QTest>

#include <array>
#include <thread>
#include <vector>

using namespace dateline;
using namespace Qt::StringLiterals;

class TestPattern final : public QObject
{
    Q_OBJECT

private slots:
    void findsWhereMatchesStartAndEnd_data();
    void findsWhereMatchesStartAndEnd();
    void stepsAsGlobalMatchDoes_data();
    void stepsAsGlobalMatchDoes();
    void caseInsensitive();
    void capturesGroupsWhenAsked();
    void invalidPatternSaysWhy();
    void brokenUtf16IsMatchedWhereValid();
    void runawayPatternGivesUp();
    void matchesFromManyThreads();
};

// Every match of `pattern` in `subject` as [start, end) pairs, one way or the other.
using Spans = QList<std::pair<qsizetype, qsizetype>>;

Spans allMatches(const Pattern &pattern, QStringView subject)
{
    Spans spans;
    for (auto match = pattern.match(subject); match; match = pattern.next(subject, match))
        spans.append({match.start, match.end});
    return spans;
}

Spans allMatches(const QRegularExpression &pattern, const QString &subject)
{
    Spans spans;
    for (auto it = pattern.globalMatch(subject); it.hasNext();) {
        const auto match = it.next();
        spans.append({match.capturedStart(), match.capturedEnd()});
    }
    return spans;
}

void TestPattern::findsWhereMatchesStartAndEnd_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<qsizetype>("from");
    QTest::addColumn<qsizetype>("start");
    QTest::addColumn<qsizetype>("end");
    QTest::newRow("word") << u"signe"_s << u"ils ont signe un accord"_s << qsizetype(0) << qsizetype(8) << qsizetype(13);
    QTest::newRow("from after it") << u"a"_s << u"a b a"_s << qsizetype(1) << qsizetype(4) << qsizetype(5);
    QTest::newRow("none") << u"traite"_s << u"un accord"_s << qsizetype(0) << qsizetype(-1) << qsizetype(-1);
    QTest::newRow("lookbehind at start") << u"(?<!\\w)visit"_s << u"revisite, visite"_s << qsizetype(0) << qsizetype(10) << qsizetype(15);
    QTest::newRow("unicode word") << u"(?<!\\w)é"_s << u"ré é"_s << qsizetype(0) << qsizetype(3) << qsizetype(4);
    QTest::newRow("groups do not matter") << u"(ont|a) (signe|conclu)"_s << u"ils ont conclu"_s << qsizetype(0) << qsizetype(4) << qsizetype(14);
    QTest::newRow("named group") << u"(?<verb>signe)"_s << u"a signe"_s << qsizetype(0) << qsizetype(2) << qsizetype(7);
    QTest::newRow("from past the end") << u"a"_s << u"a"_s << qsizetype(2) << qsizetype(-1) << qsizetype(-1);
}

void TestPattern::findsWhereMatchesStartAndEnd()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    QFETCH(qsizetype, from);
    QFETCH(qsizetype, start);
    QFETCH(qsizetype, end);
    const Pattern compiled(pattern);
    QVERIFY2(compiled.isValid(), qPrintable(compiled.errorString()));
    const Pattern::Match match = compiled.match(subject, from);
    QCOMPARE(bool(match), start >= 0);
    QCOMPARE(match.start, start);
    QCOMPARE(match.end, end);
}

void TestPattern::stepsAsGlobalMatchDoes_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("subject");
    QTest::newRow("plain") << u"ab"_s << u"ab ab xab"_s;
    QTest::newRow("empty everywhere") << u"x*"_s << u"axxb"_s;
    QTest::newRow("empty at word starts") << u"\\b"_s << u"un deux"_s;
    QTest::newRow("empty then not") << u"(?=a)|a"_s << u"baab"_s;
    QTest::newRow("surrogate pair") << u"x?"_s << u"a\U0001F600b"_s;
    QTest::newRow("empty subject") << u"a*"_s << QString();
}

void TestPattern::stepsAsGlobalMatchDoes()
{
    QFETCH(QString, pattern);
    QFETCH(QString, subject);
    const QRegularExpression reference(pattern, QRegularExpression::UseUnicodePropertiesOption);
    QCOMPARE(allMatches(Pattern(pattern), subject), allMatches(reference, subject));
}

void TestPattern::caseInsensitive()
{
    QVERIFY(!Pattern(u"^publicité$"_s).match(u"PUBLICITÉ"));
    const Pattern::Match match = Pattern(u"^publicité$"_s, Pattern::Case::Insensitive).match(u"PUBLICITÉ");
    QCOMPARE(match.start, 0);
    QCOMPARE(match.end, 9);
}

void TestPattern::capturesGroupsWhenAsked()
{
    const QString subject = u"Publié le 5 juin 2019"_s;
    const Pattern pattern(u"^(Publi[ée]|Mis) (?:le )?(\\d+)?(x)?"_s, Pattern::Case::Sensitive, Pattern::Groups::Captured);
    std::array<Pattern::Match, 4> groups;
    groups.fill({7, 8});  // what a failed or partial match must not leave behind
    const Pattern::Match match = pattern.match(subject, 0, groups);
    QCOMPARE(match.start, 0);
    QCOMPARE(match.end, 11);
    QCOMPARE(subject.sliced(groups[0].start, groups[0].length()), u"Publié"_s);
    QCOMPARE(subject.sliced(groups[1].start, groups[1].length()), u"5"_s);
    QVERIFY(!groups[2]);  // took no part
    QVERIFY(!groups[3]);  // the pattern has no fourth group
    QVERIFY(!pattern.match(u"Modifié le 5", 0, groups));
    QVERIFY(!groups[0]);

    // More groups than a match reports: the first kMaxCapturedGroups are.
    QString tenGroups;
    for (int group = 0; group < 10; ++group)
        tenGroups += u"(.)"_s;
    std::array<Pattern::Match, Pattern::kMaxCapturedGroups + 1> many;
    QCOMPARE(Pattern(tenGroups, Pattern::Case::Sensitive, Pattern::Groups::Captured).match(u"0123456789", 0, many).end, 10);
    for (int group = 0; group < Pattern::kMaxCapturedGroups; ++group)
        QCOMPARE(many[size_t(group)].start, group);
    QVERIFY(!many[Pattern::kMaxCapturedGroups]);

    // Uncaptured, groups only group: none is reported.
    std::array<Pattern::Match, 1> uncaptured;
    QCOMPARE(Pattern(u"(b)"_s).match(u"ab", 0, uncaptured).start, 1);
    QVERIFY(!uncaptured[0]);
}

void TestPattern::invalidPatternSaysWhy()
{
    const Pattern broken(u"sign(e|er"_s);
    QVERIFY(!broken.isValid());
    QVERIFY(broken.errorString().contains(u"offset"));
    QVERIFY(!broken.match(u"signe"));
    QVERIFY(!Pattern().isValid());
    QVERIFY(!Pattern().match(u"anything"));
}

void TestPattern::brokenUtf16IsMatchedWhereValid()
{
    QString subject = u"a signe"_s;
    subject.prepend(QChar(0xD800));  // a lone high surrogate, as a broken UTF-16 file gives
    const Pattern::Match match = Pattern(u"signe"_s).match(subject);
    QCOMPARE(match.start, 3);
    QCOMPARE(allMatches(Pattern(u"a"_s), subject), Spans({{1, 2}}));
}

void TestPattern::runawayPatternGivesUp()
{
    // Catastrophic backtracking at the first offset: PCRE2's match limit ends the whole match,
    // as QRegularExpression's does, before the "!" further on is found.
    const QString subject = QString(40, u'a') + u'!';
    const QString pattern = u"(a+)+$|!"_s;
    QVERIFY(!QRegularExpression(pattern).match(subject).hasMatch());
    QVERIFY(!Pattern(pattern).match(subject));
    QCOMPARE(Pattern(pattern).match(subject, 40).start, 40);  // from past the runaway part, found
}

void TestPattern::matchesFromManyThreads()
{
    const Pattern pattern(u"(?<!\\w)(?:signe|visite)"_s);
    const QString subject = u"Le ministre a signe puis visite l'usine. "_s.repeated(200);
    const Spans expected = allMatches(pattern, subject);
    QCOMPARE(expected.size(), 400);
    std::vector<Spans> found(8);
    std::vector<std::thread> threads;
    for (Spans &spans : found)
        threads.emplace_back([&] { spans = allMatches(pattern, subject); });
    for (std::thread &thread : threads)
        thread.join();
    for (const Spans &spans : found)
        QCOMPARE(spans, expected);
}

QTEST_GUILESS_MAIN(TestPattern)
#include "tst_pattern.moc"
