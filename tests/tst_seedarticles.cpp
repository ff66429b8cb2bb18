#include "corpus.h"
#include "extractor.h"

#include <QStandardPaths>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

// What the five bundled sample articles must give: the acceptance test of the whole pipeline.
class TestSeedArticles final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void publicationDates_data();
    void publicationDates();
    void expectedEvents_data();
    void expectedEvents();
    void noEventIsDatedPastItsArticlesYear();
    void undatedArticleDoesNotDateEventsByGuess();

private:
    const Article *article(const QString &prefix) const;

    std::unique_ptr<Extractor> m_extractor;
    Corpus m_corpus;
};

void TestSeedArticles::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_extractor = std::make_unique<Extractor>();
    QStringList missing;
    const QStringList files = listArticleFiles({QStringLiteral(DATELINE_ARTICLES_DIR)}, &missing);
    QVERIFY(missing.isEmpty());
    QCOMPARE(files.size(), 5);
    m_corpus = loadCorpus(*m_extractor, files);
    QCOMPARE(m_corpus.articles.size(), 5);
    QVERIFY(m_corpus.problems.isEmpty());
}

const Article *TestSeedArticles::article(const QString &prefix) const
{
    for (const Article &candidate : m_corpus.articles)
        if (candidate.fileName.startsWith(prefix))
            return &candidate;
    return nullptr;
}

void TestSeedArticles::publicationDates_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("000 from its header") << u"000"_s << u"2023-03"_s << u"header"_s << QString() << u"date 2023-03"_s;
    QTest::newRow("001 from its header") << u"001"_s << u"2023-02"_s << u"header"_s << QString() << u"date 2023-02"_s;
    QTest::newRow("002 from the 75th anniversary of relations") << u"002"_s << u"2024"_s << u"content"_s << QString()
                                                                 << u"75e anniversaire de leurs relations diplomatiques"_s;
    QTest::newRow("003 from the first anniversary of the invasion") << u"003"_s << u"2023-02"_s << u"content"_s << QString()
                                                                     << u"premier anniversaire de l’invasion russe de l’Ukraine"_s;
    QTest::newRow("004 unknown, after February 2022") << u"004"_s << QString() << u"none"_s << u"2022-02"_s << u"février 2022"_s;
}

void TestSeedArticles::publicationDates()
{
    QFETCH(QString, file);
    QFETCH(QString, published);
    QFETCH(QString, source);
    QFETCH(QString, after);
    QFETCH(QString, evidence);
    const Article *found = article(file);
    QVERIFY(found);
    QCOMPARE(found->published.toIso(), published);
    QCOMPARE(publicationSourceName(found->publishedSource), source);
    QCOMPARE(found->publishedAfter.toIso(), after);
    QCOMPARE(found->publishedEvidence, evidence);  // what the reader shows as the date's source
}

void TestSeedArticles::expectedEvents_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("actors");   // all of them among the event's actors
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("evidence");     // words of the sentence

    QTest::newRow("000 Qin Gang meets Lavrov") << u"000"_s << QStringList{u"Qin Gang"_s, u"Sergey Lavrov"_s} << u"meeting"_s
                                               << u"2023-03"_s << u"rencontre"_s;
    QTest::newRow("000 annexation of Crimea") << u"000"_s << QStringList{u"Russia"_s} << u"conflict"_s << u"2014"_s
                                              << u"annexion de la Crimée"_s;
    QTest::newRow("001 Wang Yi visits Moscow") << u"001"_s << QStringList{u"Wang Yi"_s} << u"visit"_s << u"2023-02"_s
                                               << u"visite"_s;
    QTest::newRow("001 Wang Yi meets Putin") << u"001"_s << QStringList{u"Wang Yi"_s, u"Vladimir Putin"_s} << u"meeting"_s
                                             << u"2023-02"_s << u"homme fort du Kremlin"_s;
    QTest::newRow("002 Putin's trip to Beijing in May") << u"002"_s << QStringList{u"Vladimir Putin"_s} << u"visit"_s
                                                        << u"2024-05"_s << u"voyage de Poutine"_s;
    QTest::newRow("002 invasion of 2022") << u"002"_s << QStringList{u"Russia"_s} << u"conflict"_s << u"2022"_s
                                          << u"invasion"_s;
    QTest::newRow("002 Putin-Xi summit last year") << u"002"_s << QStringList{u"Vladimir Putin"_s, u"Xi Jinping"_s}
                                                   << u"meeting"_s << u"2023"_s << u"sommet"_s;
    QTest::newRow("003 Wang Yi meets Putin on Wednesday") << u"003"_s << QStringList{u"Wang Yi"_s, u"Vladimir Putin"_s}
                                                          << u"meeting"_s << u"2023-02"_s << u"mercredi"_s;
    QTest::newRow("003 Xi met Putin last year") << u"003"_s << QStringList{u"Xi Jinping"_s, u"Vladimir Putin"_s}
                                                << u"meeting"_s << u"2022"_s << u"Xi a rencontré"_s;
    QTest::newRow("004 the assault of February 2022") << u"004"_s << QStringList{u"China"_s, u"Russia"_s} << u"conflict"_s
                                                      << u"2022-02"_s << u"assaut"_s;
}

void TestSeedArticles::expectedEvents()
{
    QFETCH(QString, file);
    QFETCH(QStringList, actors);
    QFETCH(QString, type);
    QFETCH(QString, date);
    QFETCH(QString, evidence);

    QStringList seen;
    for (const Event &event : std::as_const(m_corpus.events)) {
        const Article &source = m_corpus.articles.at(event.article);
        if (!source.fileName.startsWith(file))
            continue;
        const QString sentence = source.textOf(event.evidence).toString();
        seen.append(eventTypeName(event.type) + u' ' + event.date.toIso() + u' ' + event.actors.join(u'/') + u": "
                    + sentence.left(60));
        if (!sentence.contains(evidence))
            continue;
        const bool allActors = std::all_of(actors.cbegin(), actors.cend(), [&](const QString &a) { return event.actors.contains(a); });
        if (allActors && eventTypeName(event.type) == type && event.date.toIso() == date)
            return;
    }
    QFAIL(qPrintable(u"not found; the article's events are:\n"_s + seen.join(u'\n')));
}

void TestSeedArticles::noEventIsDatedPastItsArticlesYear()
{
    for (const Event &event : std::as_const(m_corpus.events)) {
        const Article &source = m_corpus.articles.at(event.article);
        if (!source.published.isValid() || !event.date.isValid())
            continue;
        // Plans may lie ahead of the article ("prévu en mai"), but not beyond its year.
        QVERIFY2(event.date.firstDay().year() <= source.published.lastDay().year(),
                 qPrintable(source.fileName + u": "_s + event.date.toIso()));
    }
}

void TestSeedArticles::undatedArticleDoesNotDateEventsByGuess()
{
    // 004 has no publication date: "cette semaine", after "février 2022", is not February 2022.
    for (const Event &event : std::as_const(m_corpus.events)) {
        const Article &source = m_corpus.articles.at(event.article);
        if (!source.fileName.startsWith(u"004"_s) || !source.textOf(event.evidence).contains(u"cette semaine"_s))
            continue;
        QVERIFY2(!event.date.isValid(), qPrintable(event.date.toIso()));
        return;
    }
    QFAIL("the event of \"cette semaine\" in 004 was not found");
}

QTEST_GUILESS_MAIN(TestSeedArticles)
#include "tst_seedarticles.moc"
