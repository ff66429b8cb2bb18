#include "extractor.h"

#include <QStandardPaths>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

// How EventExtractor types a sentence, from the cues of resources/event-cues.json.
class TestEventExtractor final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void typesBySentence_data();
    void typesBySentence();
    void datesStatementsByWhenTheyWereSaid_data();
    void datesStatementsByWhenTheyWereSaid();
    void stopsOneEventPastTheBound();

private:
    // The events of an article published on 2024-03-10 whose body is `sentence`.
    QList<Event> eventsOf(const QString &sentence) const
    {
        return m_extractor->extract((u" date 2024-03-10\nTitre\n\n"_s + sentence).toUtf8(), u"test.txt"_s).events;
    }

    std::unique_ptr<Extractor> m_extractor;
};

void TestEventExtractor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_extractor = std::make_unique<Extractor>();
}

void TestEventExtractor::typesBySentence_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QString>("type");
    QTest::newRow("agreement") << u"Le 5 mars, Vladimir Poutine et Xi Jinping ont signé un accord."_s << u"agreement"_s;
    // The verb of an infinitive clause is not what the sentence reports.
    QTest::newRow("purpose clause: pour") << u"Le 5 mars, Vladimir Poutine s'est rendu à Pékin pour signer un accord."_s
                                          << u"visit"_s;
    QTest::newRow("after clause: après avoir")
        << u"Le 5 mars, après avoir signé un accord, Xi Jinping a visité Moscou."_s << u"visit"_s;
    QTest::newRow("before clause: avant de") << u"Le 5 mars, avant de signer un accord, Xi Jinping a visité Moscou."_s
                                             << u"visit"_s;
    QTest::newRow("purpose clause: afin de") << u"Le 5 mars, Xi Jinping s'est rendu à Moscou afin de signer un accord."_s
                                             << u"visit"_s;
    QTest::newRow("a clause between is not one") << u"Le 5 mars, Xi Jinping s'est rendu à Moscou afin d'y signer un accord."_s
                                                 << u"agreement"_s;
    // The first "signé" is not followed by what an agreement signs; the second is.
    QTest::newRow("a cue after a lead that goes on otherwise")
        << u"Le 5 mars, Xi Jinping a signé le registre des visiteurs puis a signé un traité et a visité Moscou."_s
        << u"agreement"_s;
    // A cue written with a capital inside the sentence belongs to a name: no event.
    QTest::newRow("capitalised cue") << u"Le 5 mars, Xi Jinping était à la Banque Accord de Moscou."_s << QString();
}

void TestEventExtractor::typesBySentence()
{
    QFETCH(QString, sentence);
    QFETCH(QString, type);
    const QList<Event> events = eventsOf(sentence);
    QCOMPARE(events.size(), type.isEmpty() ? 0 : 1);
    if (!type.isEmpty())
        QCOMPARE(eventTypeName(events.first().type), type);
}

void TestEventExtractor::datesStatementsByWhenTheyWereSaid_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<QString>("date");
    // A statement without a date of its own takes the publication date, 2024-03-10.
    QTest::newRow("date before the verb") << u"Le 5 mars, Sergueï Lavrov a affirmé que Xi Jinping viendrait le 12 avril."_s
                                          << u"2024-03-05"_s;
    QTest::newRow("date only in what was said: que") << u"Sergueï Lavrov a affirmé que Xi Jinping viendrait le 12 avril."_s
                                                     << u"2024-03-10"_s;
    QTest::newRow("date only in what was said: qu'") << u"Sergueï Lavrov a affirmé qu'il verrait Xi Jinping le 12 avril."_s
                                                     << u"2024-03-10"_s;
    QTest::newRow("a word that starts with que is not que")
        << u"Sergueï Lavrov a affirmé quelques vérités à Xi Jinping le 5 mars."_s << u"2024-03-05"_s;
}

void TestEventExtractor::datesStatementsByWhenTheyWereSaid()
{
    QFETCH(QString, sentence);
    QFETCH(QString, date);
    const QList<Event> events = eventsOf(sentence);
    QCOMPARE(events.size(), 1);
    QCOMPARE(eventTypeName(events.first().type), u"statement"_s);
    QCOMPARE(events.first().date.toIso(), date);
}

void TestEventExtractor::stopsOneEventPastTheBound()
{
    const Article article = ArticleReader().read(
        (u" date 2024-03-10\nTitre\n\n"_s + u"Le 5 mars, Vladimir Poutine a rencontré Xi Jinping. "_s.repeated(10)).toUtf8(),
        u"test.txt"_s);
    const Gazetteer gazetteer;
    const EventExtractor extractor(gazetteer);
    QStringList unlisted;
    QCOMPARE(extractor.extract(article, {}, &unlisted).size(), 10);
    // One more than the bound: enough to tell that there were more.
    QCOMPARE(extractor.extract(article, {}, &unlisted, 3).size(), 4);
    QCOMPARE(extractor.extract(article, {}, &unlisted, 10).size(), 10);
}

QTEST_GUILESS_MAIN(TestEventExtractor)
#include "tst_eventextractor.moc"
