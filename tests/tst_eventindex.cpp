#include "eventindex.h"
#include "extractor.h"
#include "testcorpus.h"

#include <QTest>

#include <algorithm>
#include <functional>

using namespace dateline;
using namespace Qt::StringLiterals;

namespace {

// What the index must answer: the events EventFilter::accepts(), taken one by one.
QList<int> acceptedOneByOne(const Corpus &corpus, const EventFilter &filter)
{
    QList<int> accepted;
    for (qsizetype i = 0; i < corpus.events.size(); ++i)
        if (filter.accepts(corpus.events.at(i), corpus.articles.at(corpus.events.at(i).article)))
            accepted.append(int(i));
    return accepted;
}

} // namespace

// The index must answer exactly what EventFilter::accepts() answers, event by event: it is only a
// faster way to the same rows. Checked on the real articles, with the queries analysts type.
class TestEventIndex final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void agreesWithTheFilterOnRealArticles_data();
    void agreesWithTheFilterOnRealArticles();
    void findsWordsOfTheTitleForEveryEventOfItsArticle();
    void agreesWithTheFilterOnWordsOfOtherScripts();
    void unknownActorsNameNoEvent();
    void largeCorporaAreIndexedOnEveryCoreAlike();
    void emptyCorpus();
    void savedWordsAnswerAsTheIndexBuiltAgain();
    void savedWordsOfASmallerCorpusAreRefused();
    void damagedSavedWordsAreRefusedOrHarmless();

private:
    std::shared_ptr<const Corpus> m_corpus;
    std::unique_ptr<EventIndex> m_index;
};

void TestEventIndex::initTestCase()
{
    const Extractor extractor;
    QStringList missing;
    const QStringList files = listArticleFiles({QStringLiteral(DATELINE_ARTICLES_DIR), QStringLiteral(DATELINE_NEWS_DIR)}, &missing);
    QVERIFY(missing.isEmpty());
    m_corpus = std::make_shared<const Corpus>(loadCorpus(extractor, files));
    QVERIFY(m_corpus->events.size() > 50);
    m_index = std::make_unique<EventIndex>(m_corpus);
}

void TestEventIndex::agreesWithTheFilterOnRealArticles_data()
{
    QTest::addColumn<QStringList>("actors");
    QTest::addColumn<bool>("allActors");
    QTest::addColumn<QList<int>>("types");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("text");

    const QStringList none;
    const QList<int> anyType;
    QTest::newRow("everything") << none << false << anyType << QString() << QString() << QString();
    const QStringList texts{u"poutine"_s, u"POUT"_s, u"utine"_s, u"Pékin"_s, u"pekin"_s, u"wang yi"_s, u"sino-russe"_s,
                            u"l'Ukraine"_s, u"l’Ukraine"_s, u"  Moscou  "_s, u" "_s, u"«"_s, u"xyzzy"_s, u"2022"_s,
                            u"24 février"_s, u"a"_s, u"de la"_s, u"gaz"_s, u"Xi Jinping a"_s};
    for (const QString &text : texts)
        QTest::addRow("text \"%s\"", qPrintable(text)) << none << false << anyType << QString() << QString() << text;
    QTest::newRow("one actor") << QStringList{u"Xi Jinping"_s} << false << anyType << QString() << QString() << QString();
    QTest::newRow("either actor") << QStringList{u"Xi Jinping"_s, u"Sergueï Lavrov"_s} << false << anyType << QString() << QString()
                                  << QString();
    QTest::newRow("both actors") << QStringList{u"Xi Jinping"_s, u"Vladimir Poutine"_s} << true << anyType << QString() << QString()
                                 << QString();
    QTest::newRow("types") << none << false << QList<int>{int(EventType::Meeting), int(EventType::Military)} << QString() << QString()
                           << QString();
    QTest::newRow("from a day") << none << false << anyType << u"2022-02-24"_s << QString() << QString();
    QTest::newRow("until a month") << none << false << anyType << QString() << u"2019-06"_s << QString();
    QTest::newRow("a year") << none << false << anyType << u"2023"_s << u"2023"_s << QString();
    QTest::newRow("all at once") << QStringList{u"Vladimir Poutine"_s} << false << QList<int>{int(EventType::Meeting), int(EventType::Visit)}
                                 << u"2014"_s << u"2025-12"_s << u"moscou"_s;
}

void TestEventIndex::agreesWithTheFilterOnRealArticles()
{
    QFETCH(QStringList, actors);
    QFETCH(bool, allActors);
    QFETCH(QList<int>, types);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, text);
    EventFilter filter;
    filter.actors = QSet<QString>(actors.cbegin(), actors.cend());
    filter.allActors = allActors;
    for (const int type : std::as_const(types))
        filter.types.insert(EventType(type));
    filter.from = DateValue::fromIso(from);
    filter.to = DateValue::fromIso(to);
    filter.text = text;

    QCOMPARE(m_index->accepted(filter), acceptedOneByOne(*m_corpus, filter));
}

void TestEventIndex::agreesWithTheFilterOnWordsOfOtherScripts()
{
    // Words are split outside ASCII too: Cyrillic, Chinese, combining marks, scripts mixed.
    CorpusBuilder builder;
    const QStringList sentences{u"Визит Лаврова в Пекин, 2024."_s, u"会谈在北京举行。"_s, u"Xi Jinping à Moscou."_s,
                                u"Un mot\u0303 combiné."_s, u"abcДЕФ123 et x."_s, u"abc д е ф 123."_s,
                                u"ÉTÉ—été…"_s};
    for (const QString &sentence : sentences)
        builder.add(DateValue::ofYear(2024), EventType::Meeting, {u"Wang Yi"_s}, sentence);
    const EventIndex index(builder.corpus);
    for (const QString &text : {u"лаврова"_s, u"Лавров"_s, u"пекин 2024"_s, u"北京"_s, u"jinping"_s, u"abcдеф"_s, u"cде"_s,
                                u"123"_s, u"mot"_s, u"combine"_s, u"ete"_s, u"x"_s, u"y"_s}) {
        EventFilter filter;
        filter.text = text;
        QVERIFY2(index.accepted(filter) == acceptedOneByOne(*builder.corpus, filter), qPrintable(text));
    }
}

void TestEventIndex::findsWordsOfTheTitleForEveryEventOfItsArticle()
{
    CorpusBuilder builder(2);
    builder.corpus->articles[0].title = u"Gazoduc « Force de Sibérie »"_s;
    builder.add(DateValue::ofYear(2019), EventType::Economic, {u"Gazprom"_s}, u"Les travaux ont commencé."_s, 0);
    builder.add(DateValue::ofYear(2020), EventType::Economic, {u"CNPC"_s}, u"Le chantier avance."_s, 0);
    builder.add(DateValue::ofYear(2021), EventType::Meeting, {u"Wang Yi"_s}, u"Une rencontre à Sibérie-Ville."_s, 1);
    const EventIndex index(builder.corpus);
    EventFilter filter;
    filter.text = u"siberie"_s;
    QCOMPARE(index.accepted(filter), (QList<int>{0, 1, 2}));
    filter.text = u"force de sib"_s;
    QCOMPARE(index.accepted(filter), (QList<int>{0, 1}));
    filter.text = u"« force"_s;
    QCOMPARE(index.accepted(filter), (QList<int>{0, 1}));
}

void TestEventIndex::unknownActorsNameNoEvent()
{
    CorpusBuilder builder;
    builder.add(DateValue::ofYear(2019), EventType::Meeting, {u"Wang Yi"_s, u"Sergueï Lavrov"_s});
    const EventIndex index(builder.corpus);
    EventFilter filter;
    filter.actors = {u"Wang Yi"_s, u"Nobody"_s};
    QCOMPARE(index.accepted(filter), QList<int>{0});
    filter.allActors = true;
    QCOMPARE(index.accepted(filter), QList<int>());
    filter.actors = {u"Nobody"_s};
    filter.allActors = false;
    QCOMPARE(index.accepted(filter), QList<int>());
}

void TestEventIndex::largeCorporaAreIndexedOnEveryCoreAlike()
{
    // Enough events for several threads to index a share each; words that only some shares have.
    const QStringList sentences{u"Wang Yi a rencontré Sergueï Lavrov à Pékin."_s, u"Le gazoduc Force de Sibérie est achevé."_s,
                                u"Moscou et Pékin signent un accord énergétique."_s, u"Xi Jinping reçoit Vladimir Poutine."_s};
    CorpusBuilder builder;
    for (int i = 0; i < 90'000; ++i) {
        const QString rare = i > 60'000 && i % 7 == 0 ? u" Tachkent"_s : QString();
        builder.add(DateValue::ofYear(2000 + i % 25), EventType::Meeting, {u"Wang Yi"_s}, sentences.at(i % sentences.size()) + rare);
    }
    const EventIndex index(builder.corpus);
    for (const QString &text : {u"pekin"_s, u"tachkent"_s, u"force de sib"_s, u"poutine"_s, u"é"_s, u"Sibérie est"_s}) {
        EventFilter filter;
        filter.text = text;
        QCOMPARE(index.accepted(filter), acceptedOneByOne(*builder.corpus, filter));
    }
}

void TestEventIndex::emptyCorpus()
{
    const EventIndex index(std::make_shared<const Corpus>());
    EventFilter filter;
    QCOMPARE(index.size(), 0);
    QCOMPARE(index.accepted(filter), QList<int>());
    filter.text = u"moscou"_s;
    QCOMPARE(index.accepted(filter), QList<int>());
}

void TestEventIndex::savedWordsAnswerAsTheIndexBuiltAgain()
{
    const QByteArray saved = m_index->savedWords();
    const std::unique_ptr<EventIndex> restored = EventIndex::withSavedWords(m_corpus, saved);
    QVERIFY(restored);
    QCOMPARE(restored->savedWords(), saved);
    for (const QString &text : {u"poutine"_s, u"Pékin"_s, u"wang yi"_s, u"l'Ukraine"_s, u"24 février"_s, u"gaz"_s, u"xyzzy"_s}) {
        EventFilter filter;
        filter.text = text;
        QCOMPARE(restored->accepted(filter), m_index->accepted(filter));
    }
    EventFilter filter;
    filter.actors = {u"Xi Jinping"_s};
    QCOMPARE(restored->accepted(filter), m_index->accepted(filter));

    const auto empty = std::make_shared<const Corpus>();
    QVERIFY(EventIndex::withSavedWords(empty, EventIndex(empty).savedWords()));
}

void TestEventIndex::savedWordsOfASmallerCorpusAreRefused()
{
    CorpusBuilder builder;
    builder.add(DateValue::ofYear(2019), EventType::Meeting, {u"Wang Yi"_s}, u"Wang Yi à Pékin."_s);
    QVERIFY(!EventIndex::withSavedWords(builder.corpus, m_index->savedWords()));
    QVERIFY(!EventIndex::withSavedWords(builder.corpus, QByteArray()));
}

void TestEventIndex::damagedSavedWordsAreRefusedOrHarmless()
{
    CorpusBuilder builder(2);
    builder.corpus->articles[0].title = u"Gazoduc « Force de Sibérie »"_s;
    for (int i = 0; i < 200; ++i)
        builder.add(DateValue::ofYear(2000 + i % 20), EventType::Economic, {u"Gazprom"_s},
                    u"Les travaux du tronçon %1 ont commencé à Pékin."_s.arg(i % 37), i % 2);
    const QByteArray saved = EventIndex(builder.corpus).savedWords();
    for (qsizetype size = 0; size < saved.size(); ++size)
        QVERIFY2(!EventIndex::withSavedWords(builder.corpus, saved.first(size)), qPrintable(u"cut at %1"_s.arg(size)));
    QVERIFY(!EventIndex::withSavedWords(builder.corpus, QByteArray(saved + '\0')));

    // Changed bytes may still make lists that fit: such an index gives other answers, but safely.
    EventFilter filter;
    filter.text = u"pekin"_s;
    for (qsizetype i = 0; i < saved.size(); ++i) {
        for (const char bits : {'\x01', '\x80', '\xff'}) {
            QByteArray damaged = saved;
            damaged[i] = char(damaged[i] ^ bits);
            if (const auto index = EventIndex::withSavedWords(builder.corpus, damaged)) {
                const QList<int> events = index->accepted(filter);
                QVERIFY(events.size() <= builder.corpus->events.size());
                QVERIFY(std::adjacent_find(events.cbegin(), events.cend(), std::greater_equal<>()) == events.cend());  // ascending, each once
                QVERIFY(events.isEmpty() || (events.first() >= 0 && events.last() < builder.corpus->events.size()));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestEventIndex)
#include "tst_eventindex.moc"
