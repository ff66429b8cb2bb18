#include "frenchdatetagger.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

class TestFrenchDateTagger final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsOneExpression_data();
    void findsOneExpression();
    void resolvesAgainstReference_data();
    void resolvesAgainstReference();
    void tenseChoosesTheMonth_data();
    void tenseChoosesTheMonth();
    void splitsDayRanges_data();
    void splitsDayRanges();
    void ignoresWordsThatAreNotDates_data();
    void ignoresWordsThatAreNotDates();
    void movableFeasts_followEaster_data();
    void movableFeasts_followEaster();
    void vagueReferences_data();
    void vagueReferences();
    void anaphoricExpressions_countFromLastDate_data();
    void anaphoricExpressions_countFromLastDate();
    void clockBeforeItsDay_takesThatDay();
    void withoutReference_usesLastMentionedDate();
    void withoutReference_marksDeicticStandIns();
    void withoutReference_leavesRelativeUnresolved();
    void clockTime_takesDayOfLastDate();
    void spansAreUtf16OffsetsAcrossBlankRuns();
    void survivesCalendarEdges_data();
    void survivesCalendarEdges();
    void survivesHostileInput_data();
    void survivesHostileInput();
    void manyDates_areAllTagged();
    void tooManyDates_keepTheFirst();
    void longText_isTaggedInPieces_data();
    void longText_isTaggedInPieces();
    void longText_lastDateCarriesAcrossPieces();
    void userFile_extendsBuiltInTables();
    void userFile_corrupt_isIgnored();
    void userFile_wordsOpenAfterDeterminers();
    void cleanup();

private:
    static QString userFile();
    static bool writeUserFile(const QByteArray &contents);
    std::unique_ptr<FrenchDateTagger> m_tagger;
};

QString TestFrenchDateTagger::userFile()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
    QDir().mkpath(dir);
    return dir + u"/dates-fr.json"_s;
}

bool TestFrenchDateTagger::writeUserFile(const QByteArray &contents)
{
    QFile file(userFile());
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

void TestFrenchDateTagger::cleanup() { QFile::remove(userFile()); }

void TestFrenchDateTagger::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_tagger = std::make_unique<FrenchDateTagger>();
}

// Each row holds one expression; its text, value and precision are checked.
void TestFrenchDateTagger::findsOneExpression_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("precision");

    const QString ref = u"2023-06-15"_s;  // a Thursday
    QTest::newRow("full date with article") << u"La grève a commencé le 24 février 2022 à l'aube."_s << ref << u"le 24 février 2022"_s << u"2022-02-24"_s << u"day"_s;
    QTest::newRow("slashed date") << u"Facture réglée le 24/02/2022."_s << ref << u"24/02/2022"_s << u"2022-02-24"_s << u"day"_s;
    QTest::newRow("iso date") << u"Publié 2022-02-24 sur le site."_s << ref << u"2022-02-24"_s << u"2022-02-24"_s << u"day"_s;
    QTest::newRow("month and year") << u"Les prix ont grimpé en février 2022."_s << ref << u"février 2022"_s << u"2022-02"_s << u"month"_s;
    QTest::newRow("year after en") << u"Le pont a été construit en 2014."_s << ref << u"2014"_s << u"2014"_s << u"year"_s;
    QTest::newRow("year after depuis") << u"Il dirige le club depuis 2014."_s << ref << u"2014"_s << u"2014"_s << u"year"_s;
    QTest::newRow("first of the month") << u"La fête aura lieu le 1er mars."_s << ref << u"le 1er mars"_s << u"2024-03-01"_s << u"day"_s;
    QTest::newRow("mid-month") << u"Les travaux reprendront mi-mars."_s << ref << u"mi-mars"_s << u"2024-03"_s << u"month"_s;
    QTest::newRow("start of a year") << u"Le projet est né début 2014."_s << ref << u"début 2014"_s << u"2014"_s << u"year"_s;
    QTest::newRow("end of a month") << u"La ligne a fermé fin février 2022."_s << ref << u"fin février 2022"_s << u"2022-02"_s << u"month"_s;
    QTest::newRow("capitalised and apostrophe") << u"AUJOURD’HUI, la mairie ouvre."_s << ref << u"AUJOURD’HUI"_s << u"2023-06-15"_s << u"day"_s;
    QTest::newRow("yesterday") << u"Il est arrivé hier à la gare."_s << ref << u"hier"_s << u"2023-06-14"_s << u"day"_s;
    QTest::newRow("day before yesterday") << u"Elle a signé avant-hier."_s << ref << u"avant-hier"_s << u"2023-06-13"_s << u"day"_s;
    QTest::newRow("tomorrow") << u"Le maire parlera demain."_s << ref << u"demain"_s << u"2023-06-16"_s << u"day"_s;
    QTest::newRow("today") << u"Il pleut aujourd'hui sur la ville."_s << ref << u"aujourd'hui"_s << u"2023-06-15"_s << u"day"_s;
    QTest::newRow("yesterday evening takes the day") << u"Le feu a pris hier soir."_s << ref << u"hier soir"_s << u"2023-06-14"_s << u"day"_s;
    QTest::newRow("this morning") << u"Le conseil s'est réuni ce matin."_s << ref << u"ce matin"_s << u"2023-06-15"_s << u"day"_s;
    QTest::newRow("past weekday") << u"Le ministre a visité l'usine mardi."_s << ref << u"mardi"_s << u"2023-06-13"_s << u"day"_s;
    QTest::newRow("weekday evening") << u"Les pompiers sont intervenus mardi soir."_s << ref << u"mardi soir"_s << u"2023-06-13"_s << u"day"_s;
    QTest::newRow("last weekday") << u"Il a démissionné jeudi dernier."_s << ref << u"jeudi dernier"_s << u"2023-06-08"_s << u"day"_s;
    QTest::newRow("next weekday") << u"Le vote aura lieu mardi prochain."_s << ref << u"mardi prochain"_s << u"2023-06-20"_s << u"day"_s;
    QTest::newRow("future weekday") << u"Le jury rendra son avis samedi."_s << ref << u"samedi"_s << u"2023-06-17"_s << u"day"_s;
    QTest::newRow("last week") << u"Le club a perdu la semaine dernière."_s << ref << u"la semaine dernière"_s << u"2023-W23"_s << u"month"_s;
    QTest::newRow("this week") << u"Les inscriptions ferment cette semaine."_s << ref << u"cette semaine"_s << u"2023-W24"_s << u"month"_s;
    QTest::newRow("this weekend") << u"Un marché se tiendra ce week-end."_s << ref << u"ce week-end"_s << u"2023-W24-WE"_s << u"month"_s;
    QTest::newRow("last month") << u"Les ventes ont chuté le mois dernier."_s << ref << u"le mois dernier"_s << u"2023-05"_s << u"month"_s;
    QTest::newRow("last year, an") << u"La récolte était maigre l'an dernier."_s << ref << u"l'an dernier"_s << u"2022"_s << u"year"_s;
    QTest::newRow("last year, année") << u"Le festival a attiré du monde l'année dernière."_s << ref << u"l'année dernière"_s << u"2022"_s << u"year"_s;
    QTest::newRow("next year") << u"L'usine ouvrira l'an prochain."_s << ref << u"l'an prochain"_s << u"2024"_s << u"year"_s;
    QTest::newRow("years ago") << u"Le village a été inondé il y a trois ans."_s << ref << u"il y a trois ans"_s << u"2020"_s << u"year"_s;
    QTest::newRow("month with dernier") << u"Le chantier a débuté en septembre dernier."_s << ref << u"septembre dernier"_s << u"2022-09"_s << u"month"_s;
    QTest::newRow("day month dernier") << u"Il a été élu le 6 mai dernier."_s << ref << u"le 6 mai dernier"_s << u"2023-05-06"_s << u"day"_s;
    QTest::newRow("weekday with date") << u"Rendez-vous le samedi 4 janvier 2025."_s << ref << u"le samedi 4 janvier 2025"_s << u"2025-01-04"_s << u"day"_s;
    QTest::newRow("two-digit year") << u"Il a quitté la ville en octobre 98."_s << ref << u"octobre 98"_s << u"1998-10"_s << u"month"_s;
    QTest::newRow("year with l'année") << u"Le plan vise l'année 2030."_s << ref << u"l'année 2030"_s << u"2030"_s << u"year"_s;
    QTest::newRow("end of last year") << u"Le tunnel a été percé à la fin de l'année dernière."_s << ref << u"la fin de l'année dernière"_s << u"2022"_s << u"year"_s;
    QTest::newRow("season with year") << u"La sécheresse de l'été 2022 a marqué les esprits."_s << ref << u"l'été 2022"_s << u"2022-SU"_s << u"year"_s;
    QTest::newRow("quarter with year") << u"Les ventes du premier trimestre 2023 sont bonnes."_s << ref << u"premier trimestre 2023"_s << u"2023-Q1"_s << u"year"_s;
    QTest::newRow("weekday before a score") << u"Metz a battu Nancy mardi 3 à 1."_s << ref << u"mardi"_s << u"2023-06-13"_s << u"day"_s;
    QTest::newRow("weekday and day, month left out") << u"Le conseil se réunira lundi 19 à 18 h."_s << ref << u"lundi 19"_s << u"2023-06-19"_s << u"day"_s;
    QTest::newRow("the year 2000") << u"Le passage à l'an 2000 s'est bien passé."_s << ref << u"l'an 2000"_s << u"2000"_s << u"year"_s;
    QTest::newRow("new year") << u"Il a souhaité une bonne santé pour la nouvelle année."_s << ref << u"la nouvelle année"_s << u"2023"_s << u"year"_s;
    // Where an expression may start is told by the words' classes (FrenchDateLexicon::wordFacts).
    QTest::newRow("capital A for à") << u"A l'heure actuelle, la Chine attend."_s << ref << u"A l'heure actuelle"_s << u"2023-06-15"_s << u"day"_s;
    QTest::newRow("a century") << u"Le pays a changé au XIXe siècle, dit-il."_s << ref << u"XIXe siècle"_s << u"18"_s << u"none"_s;
    QTest::newRow("unit after a number word") << u"Il est revenu trois semaines plus tard."_s << ref << u"trois semaines plus tard"_s << u"2023-W27"_s << u"month"_s;
    QTest::newRow("next day after a date") << u"Le 3 mai 2021, il partit. Le lendemain, il revint."_s << ref << u"Le lendemain"_s << u"2021-05-04"_s << u"day"_s;
}

void TestFrenchDateTagger::findsOneExpression()
{
    QFETCH(QString, text);
    QFETCH(QString, reference);
    QFETCH(QString, expression);
    QFETCH(QString, value);
    QFETCH(QString, precision);
    const auto found = m_tagger->tag(text, DateValue::fromIso(reference));
    const auto it = std::find_if(found.begin(), found.end(), [&](const TimeExpression &e) { return e.text == expression; });
    QVERIFY2(it != found.end(), qPrintable(u"no expression \"%1\" among %2 found"_s.arg(expression).arg(found.size())));
    QCOMPARE(it->value, value);
    QCOMPARE(precisionName(it->date.precision()), precision);
    QCOMPARE(text.mid(it->start, it->end - it->start), expression);
}

// The same expression resolves to the precision of the reference, never inventing a day.
void TestFrenchDateTagger::resolvesAgainstReference_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("precision");
    QTest::newRow("weekday, day reference") << u"Elle a parlé mardi."_s << u"2023-02-17"_s << u"2023-02-14"_s << u"day"_s;
    QTest::newRow("weekday, month reference") << u"Elle a parlé mardi."_s << u"2023-02"_s << u"2023-02"_s << u"month"_s;
    QTest::newRow("weekday, year reference") << u"Elle a parlé mardi."_s << u"2023"_s << u"2023"_s << u"year"_s;
    QTest::newRow("en mai, year reference") << u"Il viendra en mai."_s << u"2024"_s << u"2024-05"_s << u"month"_s;
    QTest::newRow("yesterday, month reference") << u"Il est parti hier."_s << u"2023-02"_s << u"2023-02"_s << u"month"_s;
    QTest::newRow("last year, month reference") << u"Il est parti l'an dernier."_s << u"2023-02"_s << u"2022"_s << u"year"_s;
    QTest::newRow("yesterday across a year") << u"Il est parti hier."_s << u"2024-01-01"_s << u"2023-12-31"_s << u"day"_s;
    QTest::newRow("weekday on the same day") << u"Ce mardi, le conseil se réunit."_s << u"2023-02-14"_s << u"2023-02-14"_s << u"day"_s;
}

void TestFrenchDateTagger::resolvesAgainstReference()
{
    QFETCH(QString, text);
    QFETCH(QString, reference);
    QFETCH(QString, value);
    QFETCH(QString, precision);
    const auto found = m_tagger->tag(text, DateValue::fromIso(reference));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().value, value);
    QCOMPARE(precisionName(found.first().date.precision()), precision);
}

void TestFrenchDateTagger::tenseChoosesTheMonth_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("value");
    QTest::newRow("passé composé, last May") << u"Le club a recruté un entraîneur en mai."_s << u"2023-05"_s;
    QTest::newRow("future, next May") << u"Le club recrutera un entraîneur en mai."_s << u"2024-05"_s;
    QTest::newRow("aller + infinitive, next May") << u"Le club va recruter un entraîneur en mai."_s << u"2024-05"_s;
    QTest::newRow("imperfect, last May") << u"En mai, le club cherchait un entraîneur."_s << u"2023-05"_s;
    QTest::newRow("day and month, future") << u"Le concert sera donné le 2 janvier."_s << u"2025-01-02"_s;
    QTest::newRow("day and month, past") << u"Le concert a été donné le 20 décembre."_s << u"2023-12-20"_s;
}

// Reference 2024-03-10 for every row: the tense of the nearest verb picks the year.
void TestFrenchDateTagger::tenseChoosesTheMonth()
{
    QFETCH(QString, text);
    QFETCH(QString, value);
    const auto found = m_tagger->tag(text, DateValue::ofDay(2024, 3, 10));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().value, value);
}

void TestFrenchDateTagger::splitsDayRanges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expressions");
    QTest::addColumn<QStringList>("values");
    QTest::newRow("les 8 et 9 juillet") << u"Le festival se tiendra les 8 et 9 juillet."_s
                                        << QStringList{u"les 8"_s, u"9 juillet"_s} << QStringList{u"2024-07-08"_s, u"2024-07-09"_s};
    QTest::newRow("du 3 au 5 septembre") << u"Le salon ouvrira du 3 au 5 septembre 2024."_s
                                         << QStringList{u"3"_s, u"5 septembre 2024"_s} << QStringList{u"2024-09-03"_s, u"2024-09-05"_s};
}

void TestFrenchDateTagger::splitsDayRanges()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expressions);
    QFETCH(QStringList, values);
    const auto found = m_tagger->tag(text, DateValue::ofDay(2024, 3, 10));
    QCOMPARE(found.size(), expressions.size());
    for (qsizetype i = 0; i < found.size(); ++i) {
        QCOMPARE(found[i].text, expressions[i]);
        QCOMPARE(found[i].value, values[i]);
    }
}

void TestFrenchDateTagger::ignoresWordsThatAreNotDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("mai inside maintenir") << u"Il faut maintenir le cap et maîtriser la dépense."_s;
    QTest::newRow("mars inside Marseille") << u"Le train part pour Marseille."_s;
    QTest::newRow("an inside Jean") << u"Jean et Anne sont venus."_s;
    QTest::newRow("quantity with spaces") << u"Quelque 1 500 soldats ont été déployés."_s;
    QTest::newRow("quantity followed by a noun") << u"Plus de 2000 personnes ont défilé."_s;
    QTest::newRow("sept as a number") << u"Il a passé sept ans en prison."_s;
    QTest::newRow("été as a participle") << u"Le texte a été voté."_s;
    QTest::newRow("month name as a surname") << u"Le maréchal Juin a parlé."_s;
    QTest::newRow("percentage") << u"Une hausse de 2015 % serait absurde."_s;
    QTest::newRow("ascension as a climb") << u"L'ascension du col a été rude."_s;
    QTest::newRow("night without a cue") << u"La nuit porte conseil."_s;
    QTest::newRow("years after a noun phrase") << u"Il est revenu deux ans après la guerre."_s;
    QTest::newRow("tous les before a noun") << u"Tous les élus ont voté."_s;
    QTest::newRow("lowercase le before siècle") << u"Le siècle des Lumières."_s;
}

void TestFrenchDateTagger::ignoresWordsThatAreNotDates()
{
    QFETCH(QString, text);
    const auto found = m_tagger->tag(text, DateValue::ofDay(2024, 3, 10));
    QVERIFY2(found.isEmpty(), found.isEmpty() ? "" : qPrintable(found.first().text));
}

void TestFrenchDateTagger::movableFeasts_followEaster_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("value");
    // Easter Sundays checked against published tables.
    QTest::newRow("Easter 2000") << u"Pâques 2000"_s << u"2024-01-01"_s << u"2000-04-23"_s;
    QTest::newRow("Easter 2008, early") << u"Pâques 2008"_s << u"2024-01-01"_s << u"2008-03-23"_s;
    QTest::newRow("Easter 2038, late") << u"Pâques 2038"_s << u"2024-01-01"_s << u"2038-04-25"_s;
    QTest::newRow("Easter 1818") << u"Pâques 1818"_s << u"2024-01-01"_s << u"1818-03-22"_s;
    QTest::newRow("Whit Monday 2019") << u"le lundi de Pentecôte 2019"_s << u"2024-01-01"_s << u"2019-06-10"_s;
    QTest::newRow("Good Friday, past tense") << u"Il est mort le Vendredi saint."_s << u"2024-05-02"_s << u"2024-03-29"_s;
    QTest::newRow("Easter, past tense after it") << u"La famille s'est réunie à Pâques."_s << u"2024-03-10"_s << u"2023-04-09"_s;
    QTest::newRow("Easter without reference") << u"Il viendra à Pâques."_s << QString() << u"XXXX-XX-XX"_s;
}

void TestFrenchDateTagger::movableFeasts_followEaster()
{
    QFETCH(QString, text);
    QFETCH(QString, reference);
    QFETCH(QString, value);
    const auto found = m_tagger->tag(text, DateValue::fromIso(reference));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().value, value);
}

void TestFrenchDateTagger::vagueReferences_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("value");
    QTest::newRow("present, day of writing") << u"La ville compte désormais trois écoles."_s << u"2023-06-15"_s << u"désormais"_s << u"2023-06-15"_s;
    QTest::newRow("present, month of writing") << u"De nos jours, plus personne ne pêche ici."_s << u"2023-06"_s << u"De nos jours"_s << u"2023-06"_s;
    QTest::newRow("present without reference") << u"Il vit actuellement à Metz."_s << QString() << u"actuellement"_s << u"PRESENT_REF"_s;
    QTest::newRow("past") << u"Le moulin fonctionnait jadis à l'eau."_s << u"2023-06-15"_s << u"jadis"_s << u"PAST_REF"_s;
    QTest::newRow("recent past") << u"Le maire a récemment changé d'avis."_s << u"2023-06-15"_s << u"récemment"_s << u"PAST_REF"_s;
    QTest::newRow("future") << u"Les résultats seront publiés sous peu."_s << u"2023-06-15"_s << u"sous peu"_s << u"FUTURE_REF"_s;
    QTest::newRow("recurrence, weekly") << u"Le journal paraît toutes les semaines."_s << u"2023-06-15"_s << u"toutes les semaines"_s << u"P1W"_s;
    QTest::newRow("recurrence, weekday") << u"La permanence a lieu chaque mardi."_s << u"2023-06-15"_s << u"chaque mardi"_s << u"XXXX-WXX-2"_s;
    QTest::newRow("century") << u"Une église du XVIIIe siècle."_s << u"2023-06-15"_s << u"XVIIIe siècle"_s << u"17"_s;
    QTest::newRow("twenty-first century") << u"Le défi du XXIe siècle."_s << u"2023-06-15"_s << u"XXIe siècle"_s << u"20"_s;
}

// Vague references, recurrences and centuries carry a TimeML value but no calendar date.
void TestFrenchDateTagger::vagueReferences()
{
    QFETCH(QString, text);
    QFETCH(QString, reference);
    QFETCH(QString, expression);
    QFETCH(QString, value);
    const auto found = m_tagger->tag(text, DateValue::fromIso(reference));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().text, expression);
    QCOMPARE(found.first().value, value);
    QCOMPARE(found.first().date.isValid(), value.front().isDigit() && value.size() > 2);
}

void TestFrenchDateTagger::anaphoricExpressions_countFromLastDate_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expression");
    QTest::addColumn<QString>("value");
    QTest::newRow("weeks later") << u"Le 10 janvier 2022, il fut blessé ; trois semaines plus tard, il rejouait."_s << u"trois semaines plus tard"_s << u"2022-W05"_s;
    QTest::newRow("a year later") << u"En 2001, la loi passa. Un an plus tard, elle fut abrogée."_s << u"Un an plus tard"_s << u"2002"_s;
    QTest::newRow("following week") << u"Le 7 mars 2019, l'usine ferma, et rouvrit la semaine suivante."_s << u"la semaine suivante"_s << u"2019-W11"_s;
    QTest::newRow("same period, a month") << u"En avril 2020, les ventes ont chuté ; à la même période, les prix montaient."_s << u"la même période"_s << u"2020-04"_s;
    QTest::newRow("night of two dates") << u"L'orage a frappé dans la nuit du 3 au 4 juin 2021."_s << u"la nuit du 3 au 4 juin 2021"_s << u"2021-06-03"_s;
    QTest::newRow("end of the afternoon") << u"Le 9 mai 2018, le cortège est parti en fin d'après-midi."_s << u"fin d'après-midi"_s << u"2018-05-09"_s;
}

// Reference 2023-06-15 for every row; the expressions count from the date written before them.
void TestFrenchDateTagger::anaphoricExpressions_countFromLastDate()
{
    QFETCH(QString, text);
    QFETCH(QString, expression);
    QFETCH(QString, value);
    const auto found = m_tagger->tag(text, DateValue::ofDay(2023, 6, 15));
    const auto it = std::find_if(found.begin(), found.end(), [&](const TimeExpression &e) { return e.text == expression; });
    QVERIFY2(it != found.end(), qPrintable(expression));
    QCOMPARE(it->value, value);
}

void TestFrenchDateTagger::clockBeforeItsDay_takesThatDay()
{
    const auto found = m_tagger->tag(u"Le 2 mai 2021, tout était calme. Vers 4 h 10, hier, un camion a pris feu."_s,
                                     DateValue::ofDay(2021, 5, 20));
    QCOMPARE(found.size(), 3);
    QCOMPARE(found[1].text, u"4 h 10"_s);
    QCOMPARE(found[1].value, u"2021-05-19"_s);
    QCOMPARE(found[2].text, u"hier"_s);
    QCOMPARE(found[2].value, u"2021-05-19"_s);
}

void TestFrenchDateTagger::withoutReference_usesLastMentionedDate()
{
    const auto found = m_tagger->tag(u"Le 12 avril 2019, la tour brûla. Le lendemain, la foule vint. Le mardi suivant, rien."_s, DateValue());
    QVERIFY(found.size() >= 2);
    QCOMPARE(found[0].value, u"2019-04-12"_s);
    QVERIFY(found[0].explicitYear);
    QCOMPARE(found[1].value, u"2019-04-13"_s);
    QVERIFY(!found[1].referenceStandIn);  // "le lendemain" is meant to count from the last date
}

void TestFrenchDateTagger::withoutReference_marksDeicticStandIns()
{
    // "mardi" counts from the day of writing; without it the last date stands in, and says so.
    const auto found = m_tagger->tag(u"L'assaut de février 2022 a tout changé. Mardi, Moscou a répondu."_s, DateValue());
    QCOMPARE(found.size(), 2);
    QVERIFY(!found[0].referenceStandIn);
    QCOMPARE(found[1].value, u"2022-02"_s);
    QVERIFY(found[1].referenceStandIn);
    const auto referenced = m_tagger->tag(u"L'assaut de février 2022 a tout changé. Mardi, Moscou a répondu."_s,
                                          DateValue::ofDay(2024, 11, 8));
    QVERIFY(!referenced[1].referenceStandIn);
}

void TestFrenchDateTagger::withoutReference_leavesRelativeUnresolved()
{
    const auto found = m_tagger->tag(u"Il a plu hier. Elle reviendra en mai. Il part le 3 juin."_s, DateValue());
    QCOMPARE(found.size(), 3);
    QVERIFY(found[0].value.isEmpty());
    QVERIFY(!found[0].date.isValid());
    QCOMPARE(found[1].value, u"XXXX-05"_s);
    QVERIFY(!found[1].date.isValid());
    QCOMPARE(found[2].value, u"XXXX-06-03"_s);
}

void TestFrenchDateTagger::clockTime_takesDayOfLastDate()
{
    const QString text = u"Le 2 mai 2021, le feu a pris vers 21 h 45 dans la grange."_s;
    const auto found = m_tagger->tag(text, DateValue::ofDay(2021, 5, 10));
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[1].text, u"21 h 45"_s);
    QCOMPARE(found[1].value, u"2021-05-02"_s);
    QCOMPARE(precisionName(found[1].date.precision()), u"day"_s);
}

void TestFrenchDateTagger::spansAreUtf16OffsetsAcrossBlankRuns()
{
    const QString text = u"Émeute 🔥         à Lyon.        Hier soir, calme."_s;
    const auto found = m_tagger->tag(text, DateValue::ofDay(2020, 1, 2));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].start, text.indexOf(u"Hier"_s));
    QCOMPARE(found[0].end, text.indexOf(u","_s, found[0].start));
    QCOMPARE(found[0].value, u"2020-01-01"_s);
}

// Boost's calendar stops at 1400 and 9999: arithmetic past either end must leave the date unresolved.
void TestFrenchDateTagger::survivesCalendarEdges_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reference");
    QTest::newRow("two days before 2 January 1400") << u"Le 2 janvier 1400, le roi arriva. Deux jours plus tôt, il pleuvait."_s
                                                    << QString();
    QTest::newRow("last week in the first week of 1400") << u"la semaine dernière"_s << u"1400-01-03"_s;
    QTest::newRow("last month in January 1400") << u"le mois dernier"_s << u"1400-01-15"_s;
    QTest::newRow("last year in 1400") << u"l'an dernier"_s << u"1400-06-01"_s;
    QTest::newRow("next year in 9999") << u"l'an prochain"_s << u"9999-06-01"_s;
    QTest::newRow("the day after the last day") << u"Le 31 décembre 9999. Le lendemain, rien."_s << QString();
    QTest::newRow("an enormous number of months") << (u"il y a "_s + u"cent-"_s.repeated(80) + u"cent mois"_s) << u"2024-05-02"_s;
}

void TestFrenchDateTagger::survivesCalendarEdges()
{
    QFETCH(QString, text);
    QFETCH(QString, reference);
    const auto found = m_tagger->tag(text, DateValue::fromIso(reference));
    for (const TimeExpression &e : found) {
        if (e.date.isValid())
            QVERIFY(e.date.year() >= 1400 && e.date.year() <= 9999);
    }
}

void TestFrenchDateTagger::survivesHostileInput_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("only blanks") << QString(5000, u' ');
    QString binary;
    for (int i = 0; i < 20000; ++i)
        binary.append(QChar(char16_t((i * 7919) % 0xFFFF + 1)));
    QTest::newRow("binary-ish") << binary;
    QTest::newRow("digits and slashes") << u"1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1/1-1-1-1-1-1-1 99999999999999999999 le 99 mai 99999"_s.repeated(200);
    QTest::newRow("dangling words") << u"le la l' il y a dans mi- fin début les années trimestre"_s;
    QTest::newRow("dangling new patterns") << u"tous les chaque dans la nuit de du XIXe xxxxxxxxxe siècle les mois d' été comme deux jours plus mardi 12 la Pentecôte"_s;
    QTest::newRow("Easter of a far year") << u"Pâques 9999 et Pâques 1000 et Pâques 0001"_s;
}

void TestFrenchDateTagger::survivesHostileInput()
{
    QFETCH(QString, text);
    const auto found = m_tagger->tag(text, DateValue::ofDay(2020, 1, 2));
    for (const TimeExpression &e : found) {
        QVERIFY(e.start >= 0 && e.start < e.end && e.end <= text.size());
    }
}

void TestFrenchDateTagger::manyDates_areAllTagged()
{
    const QString sentence = u"Le 24 février 2022, puis mardi dernier et en mai, il y a trois ans. "_s;
    const QString text = sentence.repeated(25000);  // 100,000 dates: as many as are kept
    bool cut = true;
    const auto found = m_tagger->tag(text, DateValue::ofDay(2023, 6, 15), &cut);
    QCOMPARE(found.size(), 100000);
    QCOMPARE(found.last().value, u"2020"_s);
    QVERIFY(!cut);
}

void TestFrenchDateTagger::tooManyDates_keepTheFirst()
{
    const QString sentence = u"Le 24 février 2022, puis mardi dernier et en mai, il y a trois ans. "_s;
    const QString text = sentence.repeated(26000);  // 104,000 dates
    bool cut = false;
    const auto found = m_tagger->tag(text, DateValue::ofDay(2023, 6, 15), &cut);
    QVERIFY(cut);
    QCOMPARE(found.size(), FrenchDateTagger::kMaxExpressions);
    QCOMPARE(found.last().value, u"2020"_s);
    QCOMPARE(found.last().end, sentence.size() * 25000 - 2);
}

void TestFrenchDateTagger::longText_isTaggedInPieces_data()
{
    QTest::addColumn<QString>("filler");     // repeated between the dates, as many times as
    QTest::addColumn<int>("fillerLength");   // makes this length
    QTest::addColumn<QString>("separator");  // between the filler and the dates
    constexpr int kPiece = int(FrenchDateTagger::kMaxPieceLength);
    QTest::newRow("paragraphs") << u"Les diplomates ont longuement discuté.\n"_s << kPiece / 3 << u"\n"_s;
    QTest::newRow("one line") << u"Les diplomates ont longuement discuté. "_s << kPiece / 3 << u" "_s;
    QTest::newRow("one sentence") << u"les diplomates ont longuement discuté "_s << kPiece / 3 << u" "_s;
    // Pieces cut anywhere: in the filler, which is longer than a piece.
    QTest::newRow("no blank") << u"rien"_s << kPiece * 3 / 2 << u" "_s;
    QTest::newRow("surrogate pairs") << u"\U0001D49C"_s << kPiece * 3 / 2 << u" "_s;
}

void TestFrenchDateTagger::longText_isTaggedInPieces()
{
    QFETCH(QString, filler);
    QFETCH(int, fillerLength);
    QFETCH(QString, separator);
    const QString dates = u"Le 24 février 2022, Moscou a répondu le lendemain."_s;
    QString text = u"A"_s;  // pairs of surrogates straddle the even offsets pieces end at
    QList<qsizetype> starts;
    while (text.size() < 4 * FrenchDateTagger::kMaxPieceLength) {
        text += filler.repeated(fillerLength / int(filler.size())) + separator;
        starts.append(text.size());
        text += dates + separator;
    }
    const auto found = m_tagger->tag(text, DateValue::ofDay(2023, 6, 15));
    QCOMPARE(found.size(), 2 * starts.size());
    for (qsizetype i = 0; i < starts.size(); ++i) {
        const TimeExpression &date = found.at(2 * i);
        const TimeExpression &nextDay = found.at(2 * i + 1);
        QCOMPARE(date.start, starts.at(i));
        QCOMPARE(date.text, u"Le 24 février 2022"_s);
        QCOMPARE(date.value, u"2022-02-24"_s);
        QCOMPARE(nextDay.text, u"le lendemain"_s);
        QCOMPARE(text.mid(nextDay.start, nextDay.end - nextDay.start), nextDay.text);
        QCOMPARE(nextDay.value, u"2022-02-25"_s);
    }
}

void TestFrenchDateTagger::longText_lastDateCarriesAcrossPieces()
{
    // Without a publication date, "le lendemain" counts from the last date, pieces before.
    const QString line = u"Les diplomates ont longuement discuté.\n"_s;
    const QString filler = line.repeated(int(2 * FrenchDateTagger::kMaxPieceLength / line.size()));  // two pieces long
    const QString text = u"Le 12 avril 2019, la tour brûla.\n"_s + filler + u"Le lendemain, la foule vint."_s;
    const auto found = m_tagger->tag(text, DateValue());
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[1].text, u"Le lendemain"_s);
    QCOMPARE(found[1].value, u"2019-04-13"_s);
}

void TestFrenchDateTagger::userFile_extendsBuiltInTables()
{
    QVERIFY(writeUserFile("{\"relative\": {\"l'autre jour\": {\"unit\": \"day\", \"offset\": -2}}}"));
    const FrenchDateTagger tagger;
    const auto found = tagger.tag(u"Il est venu l'autre jour, puis hier."_s, DateValue::ofDay(2024, 3, 10));
    QCOMPARE(found.size(), 2);
    QCOMPARE(found[0].text, u"l'autre jour"_s);
    QCOMPARE(found[0].value, u"2024-03-08"_s);
    QCOMPARE(found[1].value, u"2024-03-09"_s);
}

void TestFrenchDateTagger::userFile_corrupt_isIgnored()
{
    QVERIFY(writeUserFile("{\"months\": [1, 2, {oops"));
    const FrenchDateTagger tagger;
    const auto found = tagger.tag(u"Il est venu hier."_s, DateValue::ofDay(2024, 3, 10));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].value, u"2024-03-09"_s);
}

void TestFrenchDateTagger::userFile_wordsOpenAfterDeterminers()
{
    // "la" opens an expression only before a word the tables know: the user's words too.
    QVERIFY(writeUserFile("{\"seasons\": {\"canicule\": \"SU\"}}"));
    const FrenchDateTagger tagger;
    const auto found = tagger.tag(u"Les récoltes ont souffert de la canicule 2022."_s, DateValue::ofDay(2024, 3, 10));
    QCOMPARE(found.size(), 1);
    QCOMPARE(found[0].text, u"la canicule 2022"_s);
    QCOMPARE(found[0].value, u"2022-SU"_s);
}

QTEST_GUILESS_MAIN(TestFrenchDateTagger)
#include "tst_frenchdatetagger.moc"
