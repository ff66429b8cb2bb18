#include "extractor.h"

#include <QStandardPaths>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

class TestPublicationDate final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void datesArticles_data();
    void datesArticles();
    void datelineIsItsOwnEvidence_data();
    void datelineIsItsOwnEvidence();
    void invalidHeaderIsAProblemAndNotADate_data();
    void invalidHeaderIsAProblemAndNotADate();

private:
    std::unique_ptr<Extractor> m_extractor;
};

void TestPublicationDate::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_extractor = std::make_unique<Extractor>();
}

void TestPublicationDate::datesArticles_data()
{
    QTest::addColumn<QString>("article");
    QTest::addColumn<QString>("published");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("after");

    QTest::newRow("header, month precision") << u" date 2023-03 La Chine a parlé en 2021."_s << u"2023-03"_s << u"header"_s << QString();
    QTest::newRow("header beats the URL") << u" date 2019-06 https://ex.org/2018/01/02/a.html\nTexte."_s << u"2019-06"_s
                                          << u"header"_s << QString();
    QTest::newRow("header month refined by the URL's day") << u" date 2018-09 https://ex.org/2018/09/11/a.html\nTexte."_s
                                                           << u"2018-09-11"_s << u"url"_s << QString();
    QTest::newRow("header month refined by the dateline's day")
        << u" date 2019-07\nTitre\nPublié le 23 juillet 2019 à 10h00\nTexte."_s << u"2019-07-23"_s << u"dateline"_s << QString();
    QTest::newRow("a dateline outside the header's month is ignored")
        << u" date 2019-07\nTitre\nPublié le 23 juin 2018 à 10h00\nTexte."_s << u"2019-07"_s << u"header"_s << QString();
    QTest::newRow("URL with slashes") << u" date https://ex.org/monde/2019/06/05/article.html\nTexte."_s << u"2019-06-05"_s
                                      << u"url"_s << QString();
    QTest::newRow("URL with a compact date") << u" date https://ex.org/actu/20190605/article\nTexte."_s << u"2019-06-05"_s
                                             << u"url"_s << QString();
    QTest::newRow("URL with French words") << u" date https://ex.org/le-sommet-mercredi-5-juin-2019-a-moscou\nTexte."_s
                                           << u"2019-06-05"_s << u"url"_s << QString();
    QTest::newRow("URL with a year and month") << u" date https://ex.org/2021/11/article-123\nTexte."_s << u"2021-11"_s
                                               << u"url"_s << QString();
    QTest::newRow("dateline") << u"Moscou reçoit Pékin\nPublié le 5 juin 2019 à 08h12\nLe texte de l'article."_s
                              << u"2019-06-05"_s << u"dateline"_s << QString();
    QTest::newRow("publication beats update") << u"Titre\nMis à jour le 6 juin 2019\nPublié le 5 juin 2019\nTexte."_s
                                              << u"2019-06-05"_s << u"dateline"_s << QString();
    QTest::newRow("an update indented by a non-breaking space is an update")
        << u"Titre\n\u00A0Mis à jour le 6 juin 2019\nPublié le 5 juin 2019\nTexte."_s << u"2019-06-05"_s << u"dateline"_s
        << QString();
    QTest::newRow("update alone") << u"Titre\nMis à jour le 6 juin 2019 à 10h00\nTexte."_s << u"2019-06-06"_s
                                  << u"dateline"_s << QString();
    QTest::newRow("bare dateline with a time") << u"Titre\nLe 5 juin 2019 à 08h12\nLe texte de l'article."_s
                                               << u"2019-06-05"_s << u"dateline"_s << QString();
    QTest::newRow("a lead sentence opening on a date is not a dateline")
        << u"Titre\nLe 24 février 2022, la Russie a envahi l'Ukraine.\nLe texte."_s << QString() << u"none"_s << u"2022-02-24"_s;
    QTest::newRow("numeric dateline with slashes") << u"Titre\nPublié le 05/06/2019 à 08:12\nLe texte."_s << u"2019-06-05"_s
                                                   << u"dateline"_s << QString();
    QTest::newRow("numeric dateline with dots") << u"Titre\nLe 05.06.2019 à 10h45\nLe texte."_s << u"2019-06-05"_s
                                                << u"dateline"_s << QString();
    QTest::newRow("wire dateline before the lead")
        << u"Titre\n\nPÉKIN, 5 juin 2019 (AFP) - La Chine et la Russie ont signé un accord."_s << u"2019-06-05"_s
        << u"dateline"_s << QString();
    QTest::newRow("wire dateline with a weekday") << u"MOSCOU, mardi 4 juin 2019 (Reuters) — Le Kremlin a parlé."_s
                                                  << u"2019-06-04"_s << u"dateline"_s << QString();
    QTest::newRow("wire dateline without a year refines the header's month")
        << u" date 2019-07\nSEOUL/MOSCOU, 23 juillet (Reuters) - La Corée du Sud a tiré."_s << u"2019-07-23"_s << u"dateline"_s
        << QString();
    QTest::newRow("wire dateline without a year dates nothing")
        << u"PÉKIN, 5 juin (AFP) - La Chine a parlé."_s << QString() << u"none"_s << QString();
    QTest::newRow("URL with an ISO date") << u" date https://ex.org/monde/2019-06-05/sommet-a-moscou\nTexte."_s
                                          << u"2019-06-05"_s << u"url"_s << QString();
    QTest::newRow("URL with a day-first date") << u" date https://ex.org/monde/sommet-05-06-2019\nTexte."_s
                                               << u"2019-06-05"_s << u"url"_s << QString();
    QTest::newRow("URL with an article number is not a date") << u" date https://ex.org/a/20190605123\nTexte."_s
                                                              << QString() << u"none"_s << QString();
    QTest::newRow("photo caption is not a dateline")
        << u"Titre\nPhoto prise le 3 mars 2018 à Pékin.\nLe texte de l'article."_s << QString() << u"none"_s << u"2018-03-03"_s;
    QTest::newRow("first anniversary of the invasion")
        << u"Titre\n\nLa Chine et la Russie se parlent avant le premier anniversaire de l'invasion russe de l'Ukraine."_s
        << u"2023-02"_s << u"content"_s << QString();
    QTest::newRow("75th anniversary of Sino-Russian relations")
        << u"Titre\n\nLavrov est en Chine alors que Pékin et Moscou célèbrent le 75e anniversaire de leurs relations diplomatiques."_s
        << u"2024"_s << u"content"_s << QString();
    // The anniversary is looked for around the word "anniversaire": what may stand before it must still count.
    QTest::newRow("anniversary as a number, a blank and a suffix")
        << u"Titre\n\nPékin et Moscou célèbrent le 75 e   anniversaire de leurs relations diplomatiques."_s
        << u"2024"_s << u"content"_s << QString();
    QTest::newRow("anniversary as a hyphenated ordinal")
        << u"Titre\n\nPékin et Moscou célèbrent le soixante-quinzième anniversaire de leurs relations diplomatiques."_s
        << u"2024"_s << u"content"_s << QString();
    QTest::newRow("anniversary after one of nothing known")
        << u"Titre\n\nUn anniversaire de mariage et un centième anniversaire de naissance, puis le premier\n"
           u"anniversaire de l'invasion russe de l'Ukraine."_s
        << u"2023-02"_s << u"content"_s << QString();
    // Junk lines are blanked: long runs of blanks are common.
    QTest::newRow("anniversary before a long blank run")
        << u"Titre\n\nUn anniversaire, le premier anniversaire"_s + QString(300, u' ')
               + u"de l'invasion russe de l'Ukraine."_s
        << u"2023-02"_s << u"content"_s << QString();
    QTest::newRow("anniversary contradicted by a later date is not trusted")
        << u"Titre\n\nLa Russie et l'Ukraine marquent le premier anniversaire de l'invasion. En mars 2025, rien n'a changé."_s
        << QString() << u"none"_s << u"2025-03"_s;
    QTest::newRow("latest explicit date is only a lower bound")
        << u"Titre\n\nL'assaut de février 2022 a tout changé. En 2014 déjà, la Crimée."_s << QString() << u"none"_s << u"2022-02"_s;
    QTest::newRow("nothing dates it") << u"Titre\n\nLa Russie appelle la Chine à lutter mardi."_s << QString() << u"none"_s << QString();
}

void TestPublicationDate::datesArticles()
{
    QFETCH(QString, article);
    QFETCH(QString, published);
    QFETCH(QString, source);
    QFETCH(QString, after);
    const Extractor::Result result = m_extractor->extract(article.toUtf8(), u"test.txt"_s);
    QCOMPARE(result.article.published.toIso(), published);
    QCOMPARE(publicationSourceName(result.article.publishedSource), source);
    QCOMPARE(result.article.publishedAfter.toIso(), after);
}

void TestPublicationDate::datelineIsItsOwnEvidence_data()
{
    QTest::addColumn<QString>("article");
    QTest::addColumn<QString>("evidence");
    QTest::newRow("publication") << u"Titre\n  Publié le 5 juin 2019 à 08h12  \nLe texte."_s << u"Publié le 5 juin 2019 à 08h12"_s;
    QTest::newRow("update alone") << u"Titre\nMis à jour le 6 juin 2019 à 10h00\nLe texte."_s
                                  << u"Mis à jour le 6 juin 2019 à 10h00"_s;
    QTest::newRow("wire: up to its dash") << u"PÉKIN, 5 juin 2019 (AFP) - La Chine a parlé."_s << u"PÉKIN, 5 juin 2019 (AFP) -"_s;
}

void TestPublicationDate::datelineIsItsOwnEvidence()
{
    QFETCH(QString, article);
    QFETCH(QString, evidence);
    const Extractor::Result result = m_extractor->extract(article.toUtf8(), u"test.txt"_s);
    QCOMPARE(publicationSourceName(result.article.publishedSource), u"dateline"_s);
    QCOMPARE(result.article.publishedEvidence, evidence);
}

void TestPublicationDate::invalidHeaderIsAProblemAndNotADate_data()
{
    QTest::addColumn<QString>("header");
    QTest::newRow("month 13") << u" date 2023-13"_s;
    QTest::newRow("five-digit year") << u" date 99999-01"_s;
    QTest::newRow("30 February") << u" date 2023-02-30"_s;
    QTest::newRow("no date at all") << u" date"_s;
    QTest::newRow("before the press existed") << u" date 1066-10"_s;
}

void TestPublicationDate::invalidHeaderIsAProblemAndNotADate()
{
    QFETCH(QString, header);
    const Extractor::Result result = m_extractor->extract((header + u"\nLa Russie a parlé."_s).toUtf8(), u"bad.txt"_s);
    QVERIFY(!result.article.published.isValid());
    QCOMPARE(result.article.publishedSource, PublicationSource::None);
    QCOMPARE(result.article.problems.size(), 1);
    QVERIFY2(result.article.problems.first().contains(u"header"_s), qPrintable(result.article.problems.first()));
}

QTEST_GUILESS_MAIN(TestPublicationDate)
#include "tst_publicationdate.moc"
