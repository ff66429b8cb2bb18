#include "textfolding.h"

#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

class TestTextFolding final : public QObject
{
    Q_OBJECT

private slots:
    void foldsCaseAccentsAndApostrophesKeepingLength_data();
    void foldsCaseAccentsAndApostrophesKeepingLength();
    void foldsPatternsButNotTheirEscapes();
    void findsWholeWordsOnly_data();
    void findsWholeWordsOnly();
    void splitsWords();
    void visitsThePositionsAfterNonWordUnits();
    void stepsOverRunsOfAsciiClasses();
    void findsTheFirstOfSomeUnits();
    void endsPiecesBetweenSentences_data();
    void endsPiecesBetweenSentences();
    void convertsToCodePointOffsets();
    void wordSetsFindWhatWasAdded();
    void wordMapsKeepTheirValues();
    void wordsOfOneHashAreToldApart();
};

void TestTextFolding::foldsCaseAccentsAndApostrophesKeepingLength_data()
{
    // Every folding is as long as its text, so that comparing with it checks the length too.
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("folded");
    QTest::newRow("accents and case") << u"L’Élysée à Pékin"_s << u"l'elysee a pekin"_s;
    QTest::newRow("diaeresis") << u"Sergueï Choïgu"_s << u"serguei choigu"_s;
    QTest::newRow("non-breaking space") << u"«\u00a0Paix\u00a0»"_s << u"« paix »"_s;
    QTest::newRow("ligature stays one unit") << u"Œuvre"_s << u"œuvre"_s;
    QTest::newRow("emoji untouched") << u"Ok \U0001F600"_s << u"ok \U0001F600"_s;
    QTest::newRow("ASCII only") << u"PEKIN-2024 [AFP] `Xi`"_s << u"pekin-2024 [afp] 'xi'"_s;
}

void TestTextFolding::foldsCaseAccentsAndApostrophesKeepingLength()
{
    QFETCH(QString, text);
    QFETCH(QString, folded);
    QCOMPARE(foldForMatching(text), folded);
}

void TestTextFolding::foldsPatternsButNotTheirEscapes()
{
    QCOMPARE(foldPattern(u"L'Annexion\\S+ de la Crimée\\p{Lu}\\B"_s), u"l'annexion\\S+ de la crimee\\p{Lu}\\B"_s);
    QCOMPARE(foldPattern(u"\\"_s), u"\\"_s);
}

void TestTextFolding::findsWholeWordsOnly_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("word");
    QTest::addColumn<bool>("found");
    QTest::newRow("whole word") << u"la chine et la russie"_s << u"chine"_s << true;
    QTest::newRow("inside a word") << u"les chinoiseries"_s << u"chine"_s << false;
    QTest::newRow("at the end") << u"vers moscou"_s << u"moscou"_s << true;
    QTest::newRow("prefix of a longer word") << u"moscoutaire"_s << u"moscou"_s << false;
    QTest::newRow("after an apostrophe") << u"l'otan"_s << u"otan"_s << true;
}

void TestTextFolding::findsWholeWordsOnly()
{
    QFETCH(QString, text);
    QFETCH(QString, word);
    QFETCH(bool, found);
    QCOMPARE(containsWord(text, word), found);
}

void TestTextFolding::splitsWords()
{
    const QString text = u"L’homme fort du Kremlin, sino-russe, Kim Jong-un, qu'il voit à Xi'an aujourd'hui."_s;
    QStringList words;
    for (const TextSpan &span : wordSpans(text, TextSpan::of(0, text.size())))
        words.append(text.mid(span.start, span.length()));
    QCOMPARE(words, (QStringList{u"L"_s, u"homme"_s, u"fort"_s, u"du"_s, u"Kremlin"_s, u"sino-russe"_s, u"Kim"_s, u"Jong-un"_s,
                                 u"qu"_s, u"il"_s, u"voit"_s, u"à"_s, u"Xi'an"_s, u"aujourd'hui"_s}));
}

namespace {

// Texts of units on both sides of every class boundary (the neighbours of A-Z, a-z, 0-9 and _,
// and units beyond ASCII that a careless mask would take for letters), long and short enough
// to cross blocks of eight units and to end inside one.
QList<QString> classBoundaryTexts()
{
    const std::u16string units = u"aAzZ09_ @[`{/:^-'\u00E9\u00C9\u2019\uFF21\u0130\u0161\u0141\u015F\u007F";
    QList<QString> texts;
    quint32 random = 12345;
    for (int round = 0; round < 2000; ++round) {
        QString text;
        for (int i = 0; i < round % 41; ++i) {
            random = random * 1103515245 + 12345;
            text.append(QChar(units[(random >> 16) % units.size()]));
        }
        texts.append(text);
    }
    return texts;
}

bool isOfClasses(char16_t c, unsigned classes)
{
    return ((classes & AsciiLetter) && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z')))
        || ((classes & AsciiDigit) && c >= u'0' && c <= u'9') || ((classes & AsciiUnderscore) && c == u'_');
}

} // namespace

void TestTextFolding::visitsThePositionsAfterNonWordUnits()
{
    const unsigned word = AsciiLetter | AsciiDigit | AsciiUnderscore;
    const QList<QString> texts = classBoundaryTexts();
    for (qsizetype round = 0; round < texts.size(); ++round) {
        const QString &text = texts.at(round);
        const qsizetype count = round % 3 == 0 ? text.size() - 2 : text.size();  // negative as typeOf() may pass it
        QList<qsizetype> expected;
        for (qsizetype at = 0; at < count; ++at) {
            if (at == 0 || !isOfClasses(text[at - 1].unicode(), word))
                expected.append(at);
        }
        QList<qsizetype> visited;
        forEachPositionAfterNonWord(text, count, [&](qsizetype at) { visited.append(at); });
        QCOMPARE(visited, expected);
    }
}

void TestTextFolding::stepsOverRunsOfAsciiClasses()
{
    const QList<QString> texts = classBoundaryTexts();
    for (const unsigned classes : {unsigned(AsciiLetter), unsigned(AsciiLetter | AsciiDigit), unsigned(AsciiLetter | AsciiDigit | AsciiUnderscore)}) {
        for (const QString &text : texts) {
            const auto *const units = reinterpret_cast<const char16_t *>(text.utf16());
            // Ends before the text's, too: what follows `end` must not be read.
            for (qsizetype end = 0; end <= text.size(); ++end) {
                for (qsizetype from = 0; from <= end; ++from) {
                    qsizetype expected = from;
                    while (expected < end && isOfClasses(units[expected], classes))
                        ++expected;
                    QCOMPARE(pastAsciiRun(units + from, units + end, classes) - units, expected);
                }
            }
        }
    }
}

void TestTextFolding::findsTheFirstOfSomeUnits()
{
    const std::u16string sought = u"-\u2019Z";
    for (const QString &text : classBoundaryTexts()) {
        const auto *const units = reinterpret_cast<const char16_t *>(text.utf16());
        for (qsizetype end = 0; end <= text.size(); ++end) {
            for (qsizetype from = 0; from <= end; ++from) {
                qsizetype expected = from;
                while (expected < end && sought.find(units[expected]) == std::u16string::npos)
                    ++expected;
                QCOMPARE(findAnyOf(units + from, units + end, u'-', u'\u2019', u'Z') - units, expected);
            }
        }
    }
}

void TestTextFolding::endsPiecesBetweenSentences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("maxLength");
    QTest::addColumn<int>("end");
    QTest::newRow("near the end") << u"Le 3 mars."_s << 0 << 20 << 10;
    QTest::newRow("near the end, from a start") << u"abc def"_s << 4 << 3 << 7;
    QTest::newRow("the shortest piece") << u"abcdef"_s << 2 << 2 << 4;
    QTest::newRow("a line break") << u"Un deux trois quatre\ncinq six sept huit neuf"_s << 0 << 30 << 20;
    QTest::newRow("a paragraph separator") << u"Un deux trois quatre\u2029cinq six sept"_s << 0 << 30 << 20;
    QTest::newRow("a full stop and a capital") << u"Un deux. Trois quatre cinq six sept"_s << 0 << 16 << 8;
    QTest::newRow("a sentence just before the end") << u"Un deux trois. Quatre"_s << 0 << 15 << 14;
    QTest::newRow("a sentence in the first half") << u"Un. Deux trois quatre cinq six"_s << 0 << 20 << 14;
    QTest::newRow("from a start") << u"abc def. Ghi jkl mno pqr stu"_s << 3 << 12 << 12;
    QTest::newRow("an abbreviation") << u"Le 3 janv. 2021 puis le 4 mars"_s << 0 << 16 << 15;
    QTest::newRow("no blank") << u"abcdefghijklmnopqrstuvwxyz"_s << 0 << 10 << 10;
    QTest::newRow("no blank, a pair of surrogates at the end") << u"abcdefghi\U0001D49Cjk"_s << 0 << 10 << 9;
}

void TestTextFolding::endsPiecesBetweenSentences()
{
    QFETCH(QString, text);
    QFETCH(int, start);
    QFETCH(int, maxLength);
    QFETCH(int, end);
    QCOMPARE(endOfPiece(text, start, maxLength), end);
}

void TestTextFolding::convertsToCodePointOffsets()
{
    const QString text = u"a\U0001F600b\U0001F600c"_s;  // each emoji is two UTF-16 units
    const CodePointOffsets offsets(text);
    QCOMPARE(offsets(0), 0);
    QCOMPARE(offsets(1), 1);
    QCOMPARE(offsets(3), 2);  // "b"
    QCOMPARE(offsets(6), 4);  // "c"
    QCOMPARE(offsets(text.size()), 5);
    const CodePointOffsets plain(u"abc"_s);
    QCOMPARE(plain(2), 2);
}

void TestTextFolding::wordSetsFindWhatWasAdded()
{
    QStringList storage;  // the tables view their keys
    for (int i = 0; i < 1000; ++i)
        storage.append(u"mot"_s + QString::number(i));
    WordSet set;
    for (const QString &word : std::as_const(storage))
        QVERIFY(set.insert(word).second);
    QVERIFY(!set.insert(u"mot7").second);  // already there: not added twice
    QCOMPARE(set.size(), size_t(storage.size()));
    for (const QString &word : std::as_const(storage)) {
        QVERIFY(set.contains(word));
        QVERIFY(set.contains(word, WordHash{}(word)));
        QCOMPARE(*set.find(word), QStringView(word));
    }
    for (const QStringView absent : {u"mot1000", u"mot", u"", u"Mot1", u"autre"}) {
        QVERIFY(!set.contains(absent));
        QVERIFY(set.find(absent) == set.end());
    }
    QVERIFY(std::equal(set.begin(), set.end(), storage.cbegin(), storage.cend()));  // in the order added

    WordSet copy = set;
    copy.insert(u"autre");
    QVERIFY(copy.contains(u"autre"));
    QVERIFY(!set.contains(u"autre"));
    QVERIFY(copy.contains(u"mot999"));
    const WordSet empty;
    QVERIFY(empty.find(u"mot1") == empty.end());
    QVERIFY(!empty.contains(u"mot1"));
}

void TestTextFolding::wordMapsKeepTheirValues()
{
    QStringList storage;
    for (int i = 0; i < 500; ++i)
        storage.append(QString::number(i) + u"e"_s);
    WordMap<int> map;
    for (qsizetype i = 0; i < storage.size(); ++i)
        map[storage.at(i)] = int(i);
    for (qsizetype i = 0; i < storage.size(); ++i) {
        QCOMPARE(map.at(storage.at(i)), int(i));
        QCOMPARE(map.find(storage.at(i))->second, int(i));
    }
    QCOMPARE(map[u"inconnu"], 0);  // added, valued by default
    QCOMPARE(map.size(), size_t(storage.size() + 1));
    QVERIFY(!map.emplace(u"3e", 99).second);
    QCOMPARE(map.at(u"3e"), 3);
    map.find(u"3e")->second = 30;
    QCOMPARE(map.at(u"3e"), 30);
    QVERIFY_THROWS_EXCEPTION(std::out_of_range, map.at(u"absent"));

    const WordMap<int> listed{{u"un", 1}, {u"deux", 2}};
    QCOMPARE(listed.at(u"deux"), 2);
    QVERIFY(listed.find(u"trois") == listed.end());
}

void TestTextFolding::wordsOfOneHashAreToldApart()
{
    // The hash reads the first and last four units and the length: these share all three.
    const QString first = u"abcdXwxyz"_s;
    const QString second = u"abcdYwxyz"_s;
    QCOMPARE(WordHash{}(first), WordHash{}(second));
    WordMap<int> map;
    map[first] = 1;
    QVERIFY(!map.contains(second));
    map[second] = 2;
    QCOMPARE(map.at(first), 1);
    QCOMPARE(map.at(second), 2);
    QVERIFY(!map.contains(u"abcdZwxyz"));
}

QTEST_GUILESS_MAIN(TestTextFolding)
#include "tst_textfolding.moc"
