#include "gazetteer.h"
#include "resourcefiles.h"
#include "textfolding.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

namespace {

// A small gazetteer written for the test, so that it does not move when resources/actors.json grows.
const char kActors[] = R"({
 "locatives": ["à", "en", "venue de"],
 "institutions": ["ministère", "bombardiers"],
 "combining_forms": {"sino": "China"},
 "titles": ["ministre", "porte-parole"],
 "title_words": ["Affaires"],
 "actors": [
 {"name": "Russia", "kind": "country", "aliases": ["Russie"], "metonyms": ["Moscou", "Kremlin"], "demonyms": ["russe", "russes"]},
 {"name": "China", "kind": "country", "aliases": ["Chine"], "metonyms": ["Pékin", "Beijing"], "demonyms": ["chinois", "chinoise"]},
 {"name": "Xi Jinping", "kind": "person", "country": "China", "aliases": ["Xi Jinping", "Xi"]},
 {"name": "Vladimir Putin", "kind": "person", "country": "Russia", "aliases": ["Vladimir Poutine", "Poutine", "Putin"],
  "roles": [{"phrases": ["président russe"], "from": "2012-05-07", "to": null}]},
 {"name": "Sergei Shoigu", "kind": "person", "country": "Russia", "aliases": ["Sergueï Choïgu", "Shoigu"],
  "roles": [{"phrases": ["ministre russe de la Défense"], "from": "2012-11-06", "to": "2024-05-12"}]},
 {"name": "Andrei Belousov", "kind": "person", "country": "Russia", "aliases": ["Andreï Belooussov"],
  "roles": [{"phrases": ["ministre russe de la Défense"], "from": "2024-05-14", "to": null}]},
 {"name": "Qin Gang", "kind": "person", "country": "China", "aliases": ["Qin Gang"],
  "roles": [{"phrases": ["ministre chinois des Affaires étrangères", "chef de la diplomatie chinoise"], "from": "2022-12-30", "to": "2023-07-25"}]},
 {"name": "Wang Yi", "kind": "person", "country": "China", "aliases": ["Wang Yi"],
  "roles": [{"phrases": ["ministre chinois des Affaires étrangères"], "from": "2023-07-25", "to": null},
            {"phrases": ["chef de la diplomatie chinoise"], "from": "2022-10-23", "to": null}]}
]})";

} // namespace

class TestGazetteer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsActors_data();
    void findsActors();
    void compoundOfTheShortestDemonymsNamesBoth();
    void shortNameNeedsTheFullNameFirst();
    void roleGoesToTheHolderTheArticleNamed();
    void userFileExtendsAndOverrides();
    void userFileInTheConfigFolderIsRead();
    void nameClaimedTwiceIsReported();
    void emptyWordsInListsAreIgnored();
    void severalWordsInAWordListAreReported();
    void bundledGazetteerIsConsistent();
    void bundledGazetteerKnowsTheSeedActors_data();
    void bundledGazetteerKnowsTheSeedActors();

private:
    QStringList actorsIn(const Gazetteer &gazetteer, const QString &sentence, const DateValue &date,
                         MentionContext &context, QStringList *locations = nullptr) const;
    std::unique_ptr<Gazetteer> m_gazetteer;
};

void TestGazetteer::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QStringList problems;
    m_gazetteer = std::make_unique<Gazetteer>(QJsonDocument::fromJson(kActors).object(), &problems);
    QCOMPARE(problems, QStringList());
    QCOMPARE(m_gazetteer->actors().size(), 8);
}

QStringList TestGazetteer::actorsIn(const Gazetteer &gazetteer, const QString &sentence, const DateValue &date,
                                    MentionContext &context, QStringList *locations) const
{
    QStringList names;
    for (const ActorMention &mention : gazetteer.findMentions(sentence, foldForMatching(sentence), TextSpan::of(0, sentence.size()), date, context)) {
        const QString name = mention.actor >= 0 ? gazetteer.actors().at(mention.actor).name : u"?"_s + mention.unlistedName;
        if (mention.locative && locations)
            locations->append(sentence.mid(mention.span.start, mention.span.length()));
        else if (!mention.locative)
            names.append(name);
    }
    return names;
}

void TestGazetteer::findsActors_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QStringList>("actors");
    QTest::addColumn<QStringList>("locations");

    QTest::newRow("French alias") << u"Vladimir Poutine a parlé."_s << u"2023"_s << QStringList{u"Vladimir Putin"_s} << QStringList();
    QTest::newRow("accents do not matter") << u"Sergueï Choigu est venu."_s << u"2023"_s << QStringList{u"Sergei Shoigu"_s}
                                           << QStringList();
    QTest::newRow("metonym for a country") << u"Le Kremlin et Pékin ont répondu."_s << u"2023"_s
                                           << QStringList{u"Russia"_s, u"China"_s} << QStringList();
    QTest::newRow("a capital after 'à' is a place") << u"Poutine est arrivé à Pékin."_s << u"2024-05"_s
                                                    << QStringList{u"Vladimir Putin"_s} << QStringList{u"Pékin"_s};
    QTest::newRow("role resolves on the date: Qin") << u"Le ministre chinois des Affaires étrangères a parlé."_s << u"2023-03"_s
                                                    << QStringList{u"Qin Gang"_s} << QStringList();
    QTest::newRow("role resolves on the date: Wang") << u"Le ministre chinois des Affaires étrangères a parlé."_s << u"2023-09-01"_s
                                                     << QStringList{u"Wang Yi"_s} << QStringList();
    QTest::newRow("role in a year two holders shared is left out")
        << u"Le ministre chinois des Affaires étrangères a parlé."_s << u"2023"_s << QStringList() << QStringList();
    QTest::newRow("a name in apposition says who holds the role")
        << u"Le ministre chinois des Affaires étrangères, Wang Yi, a parlé."_s << u"2023-03"_s << QStringList{u"Wang Yi"_s}
        << QStringList();
    QTest::newRow("a name before the role says it too")
        << u"Sergueï Choïgu, le ministre russe de la Défense, a parlé."_s << u"2025"_s << QStringList{u"Sergei Shoigu"_s}
        << QStringList();
    QTest::newRow("role without a date is left out") << u"Le ministre russe de la Défense a parlé."_s << QString()
                                                     << QStringList() << QStringList();
    QTest::newRow("a former holder is not the holder") << u"L'ancien ministre russe de la Défense a parlé."_s << u"2025"_s
                                                       << QStringList() << QStringList();
    QTest::newRow("a phrase before a place makes it one") << u"Une masse d'air venue de Russie arrive."_s << u"2023"_s
                                                         << QStringList() << QStringList{u"Russie"_s};
    QTest::newRow("an institution and a demonym stand for the country")
        << u"Le ministère russe de la Défense a démenti."_s << u"2023"_s << QStringList{u"Russia"_s} << QStringList();
    QTest::newRow("coordinated demonyms") << u"Des bombardiers russes et chinois ont volé."_s << u"2023"_s
                                          << QStringList{u"Russia"_s, u"China"_s} << QStringList();
    QTest::newRow("a compound adjective names both") << u"Le partenariat sino-russe tient."_s << u"2023"_s
                                                     << QStringList{u"China"_s, u"Russia"_s} << QStringList();
    QTest::newRow("a demonym alone is not an actor") << u"Un touriste russe est venu."_s << u"2023"_s << QStringList()
                                                     << QStringList();
    QTest::newRow("a city with an apostrophe is not a person") << u"Les marchés de Xi'an sont animés."_s << u"2023"_s
                                                               << QStringList() << QStringList();
    QTest::newRow("no match inside words") << u"Les chinoiseries de Moscoutaire."_s << u"2023"_s << QStringList() << QStringList();
    QTest::newRow("unlisted person after a title") << u"Le ministre kazakh Jean Dupont a parlé avec Poutine."_s << u"2023"_s
                                                   << QStringList{u"?Jean Dupont"_s, u"Vladimir Putin"_s} << QStringList();
    QTest::newRow("unlisted person after M.") << u"Selon M. Durand, rien ne change."_s << u"2023"_s
                                              << QStringList{u"?Durand"_s} << QStringList();
    QTest::newRow("spokesman introduced by function") << u"Le porte-parole Dmitri Kovalev a démenti."_s << u"2023"_s
                                                      << QStringList{u"?Dmitri Kovalev"_s} << QStringList();
    QTest::newRow("capitalised words of a title are not the name")
        << u"Le ministre kazakh des Affaires étrangères Erlan Karine a parlé."_s << u"2023"_s << QStringList{u"?Erlan Karine"_s}
        << QStringList();
    QTest::newRow("a ministry is not a person") << u"Le ministre des Affaires étrangères de la Chine a parlé."_s << u"2023"_s
                                                << QStringList{u"China"_s} << QStringList();
}

void TestGazetteer::findsActors()
{
    QFETCH(QString, sentence);
    QFETCH(QString, date);
    QFETCH(QStringList, actors);
    QFETCH(QStringList, locations);
    MentionContext context;
    QStringList foundLocations;
    QCOMPARE(actorsIn(*m_gazetteer, sentence, DateValue::fromIso(date), context, &foundLocations), actors);
    QCOMPARE(foundLocations, locations);
}

void TestGazetteer::compoundOfTheShortestDemonymsNamesBoth()
{
    // Words shorter than two of the shortest demonyms and a hyphen are not split: this one is just long enough.
    const Gazetteer gazetteer(QJsonDocument::fromJson(R"({"combining_forms": {"russo": "Russia", "sino": "China", "indo": "India"},
        "actors": [{"name": "Russia", "kind": "country", "aliases": ["Russie"], "demonyms": ["russe", "russes"]},
                   {"name": "China", "kind": "country", "aliases": ["Chine"]}, {"name": "India", "kind": "country", "aliases": ["Inde"]}]})")
                                  .object());
    MentionContext context;
    QCOMPARE(actorsIn(gazetteer, u"Le dialogue sino-indo reprend."_s, DateValue::fromIso(u"2023"_s), context),
             (QStringList{u"China"_s, u"India"_s}));
}

void TestGazetteer::shortNameNeedsTheFullNameFirst()
{
    MentionContext context;
    const DateValue date = DateValue::ofMonth(2023, 3);
    QCOMPARE(actorsIn(*m_gazetteer, u"Wang a parlé."_s, date, context), QStringList());
    QCOMPARE(actorsIn(*m_gazetteer, u"Wang Yi est à Moscou."_s, date, context), QStringList{u"Wang Yi"_s});
    QCOMPARE(actorsIn(*m_gazetteer, u"Wang a parlé, puis M. Qin."_s, date, context), (QStringList{u"Wang Yi"_s, u"?Qin"_s}));
}

void TestGazetteer::roleGoesToTheHolderTheArticleNamed()
{
    const DateValue date = DateValue::ofMonth(2023, 2);
    const QString sentence = u"Le chef de la diplomatie chinoise a rencontré Poutine."_s;
    // Both held a post the phrase names: unnamed, it is left out rather than guessed.
    MentionContext fresh;
    QCOMPARE(actorsIn(*m_gazetteer, sentence, date, fresh), QStringList{u"Vladimir Putin"_s});
    MentionContext named;
    QCOMPARE(actorsIn(*m_gazetteer, u"Wang Yi est arrivé."_s, date, named), QStringList{u"Wang Yi"_s});
    QCOMPARE(actorsIn(*m_gazetteer, sentence, date, named), (QStringList{u"Wang Yi"_s, u"Vladimir Putin"_s}));
}

void TestGazetteer::userFileExtendsAndOverrides()
{
    QJsonObject resource = QJsonDocument::fromJson(kActors).object();
    QJsonArray actors = resource.value(u"actors").toArray();
    // What loadResource() gives when the user's file adds one actor and redefines another.
    actors.append(QJsonObject{{u"name"_s, u"Jean Dupont"_s}, {u"kind"_s, u"person"_s}, {u"aliases"_s, QJsonArray{u"Jean Dupont"_s}}});
    actors.append(QJsonObject{{u"name"_s, u"China"_s}, {u"kind"_s, u"country"_s}, {u"aliases"_s, QJsonArray{u"Empire du Milieu"_s}}});
    resource.insert(u"actors"_s, actors);
    const Gazetteer gazetteer(resource);
    QCOMPARE(gazetteer.actors().size(), 9);
    MentionContext context;
    QCOMPARE(actorsIn(gazetteer, u"Jean Dupont et l'Empire du Milieu."_s, {}, context), (QStringList{u"Jean Dupont"_s, u"China"_s}));
    QCOMPARE(gazetteer.indexOf(u"Pékin"_s), -1);  // the user's China replaced the built-in one
}

void TestGazetteer::userFileInTheConfigFolderIsRead()
{
    QDir().mkpath(userResourceFolder());
    QFile file(userResourceFolder() + u"/actors.json"_s);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"actors": [{"name": "Jean Dupont", "kind": "person", "aliases": ["Jean Dupont"]}]})");
    file.close();
    const Gazetteer withUserFile;
    QVERIFY(file.remove());
    const Gazetteer builtInOnly;
    QCOMPARE(withUserFile.actors().size(), builtInOnly.actors().size() + 1);
    QVERIFY(withUserFile.indexOf(u"Jean Dupont"_s) >= 0);
    QVERIFY(withUserFile.indexOf(u"Poutine"_s) >= 0);
}

void TestGazetteer::nameClaimedTwiceIsReported()
{
    QStringList problems;
    const Gazetteer gazetteer(QJsonDocument::fromJson(R"({"actors": [
        {"name": "Russia", "kind": "country", "aliases": ["Russie"]},
        {"name": "Belarus", "kind": "country", "aliases": ["Bélarus", "Russie"]}]})").object(), &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(u"Russia"_s) && problems.first().contains(u"Belarus"_s), qPrintable(problems.first()));
    QCOMPARE(gazetteer.indexOf(u"Russie"_s), 0);
}

void TestGazetteer::emptyWordsInListsAreIgnored()
{
    // An empty locative would end every text before a name, and make every country a place.
    const Gazetteer gazetteer(QJsonDocument::fromJson(R"({"locatives": ["", " ", "à"], "institutions": [""],
        "actors": [{"name": "Russia", "kind": "country", "aliases": ["Russie"]}]})").object());
    MentionContext context;
    QStringList locations;
    QCOMPARE(actorsIn(gazetteer, u"La Russie a parlé."_s, {}, context, &locations), QStringList{u"Russia"_s});
    QCOMPARE(actorsIn(gazetteer, u"Il est allé à Russie."_s, {}, context, &locations), QStringList());
    QCOMPARE(locations, QStringList{u"Russie"_s});
}

void TestGazetteer::severalWordsInAWordListAreReported()
{
    QStringList problems;
    const Gazetteer gazetteer(QJsonDocument::fromJson(R"({"titles": ["chef d'état-major", "ministre"],
        "actors": [{"name": "Russia", "kind": "country", "aliases": ["Russie"]}]})").object(), &problems);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(u"chef d'état-major"_s) && problems.first().contains(u"titles"_s), qPrintable(problems.first()));
    MentionContext context;
    QCOMPARE(actorsIn(gazetteer, u"Le ministre Jean Dupont a parlé."_s, {}, context), QStringList{u"?Jean Dupont"_s});
}

void TestGazetteer::bundledGazetteerIsConsistent()
{
    // Every name stands for one actor, every role has phrases and a start: the loader says so otherwise.
    QStringList problems;
    const Gazetteer bundled(loadResource(u"actors.json"_s), &problems);
    QCOMPARE(problems, QStringList());
    QVERIFY(bundled.actors().size() > 400);
    QSet<QString> names;
    for (const Actor &actor : bundled.actors()) {
        QVERIFY2(!names.contains(actor.name), qPrintable(actor.name));
        names.insert(actor.name);
        for (const ActorRole &role : actor.roles)
            QVERIFY2(!role.to.isValid() || role.from <= role.to, qPrintable(actor.name));
    }
}

void TestGazetteer::bundledGazetteerKnowsTheSeedActors_data()
{
    QTest::addColumn<QString>("alias");
    QTest::addColumn<QString>("name");
    QTest::newRow("Poutine") << u"Poutine"_s << u"Vladimir Putin"_s;
    QTest::newRow("Choïgu") << u"Sergueï Choïgu"_s << u"Sergei Shoigu"_s;
    QTest::newRow("Shoigu") << u"Shoigu"_s << u"Sergei Shoigu"_s;
    QTest::newRow("Lavrov") << u"Sergueï Lavrov"_s << u"Sergey Lavrov"_s;
    QTest::newRow("Patrouchev") << u"Nikolai Patrushev"_s << u"Nikolai Patrushev"_s;
    QTest::newRow("Xi") << u"Xi Jinping"_s << u"Xi Jinping"_s;
    QTest::newRow("OTAN") << u"OTAN"_s << u"NATO"_s;
    QTest::newRow("ONU") << u"ONU"_s << u"United Nations"_s;
    QTest::newRow("OCS") << u"OCS"_s << u"Shanghai Cooperation Organisation"_s;
    QTest::newRow("États-Unis") << u"États-Unis"_s << u"United States"_s;
    QTest::newRow("Corée du Nord") << u"Corée du Nord"_s << u"North Korea"_s;
}

void TestGazetteer::bundledGazetteerKnowsTheSeedActors()
{
    QFETCH(QString, alias);
    QFETCH(QString, name);
    const Gazetteer bundled;
    const int index = bundled.indexOf(alias);
    QVERIFY2(index >= 0, qPrintable(alias));
    QCOMPARE(bundled.actors().at(index).name, name);
}

QTEST_GUILESS_MAIN(TestGazetteer)
#include "tst_gazetteer.moc"
