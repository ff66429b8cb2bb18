#include "frenchdatetagger.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>

using namespace dateline;
using namespace Qt::StringLiterals;

// Runs the tagger over tests/data/dates-generalisation.json: sentences written for the purpose,
// never taken from the French TimeBank, so that rules tuned on that corpus are checked on other text.
class TestFrenchDateGeneralisation final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void findsExactlyTheExpectedDates_data();
    void findsExactlyTheExpectedDates();

private:
    std::unique_ptr<FrenchDateTagger> m_tagger;
};

void TestFrenchDateGeneralisation::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);  // no user dates-fr.json
    m_tagger = std::make_unique<FrenchDateTagger>();
}

void TestFrenchDateGeneralisation::findsExactlyTheExpectedDates_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reference");
    QTest::addColumn<QStringList>("expected");  // "text = value", in order

    QFile file(QStringLiteral(DATELINE_TEST_DATA_DIR "/dates-generalisation.json"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonArray cases = document.object().value(u"cases").toArray();
    QVERIFY(cases.size() >= 80);
    for (const QJsonValue &item : cases) {
        const QJsonObject entry = item.toObject();
        QStringList expected;
        for (const QJsonValue &pair : entry.value(u"expected").toArray())
            expected.append(pair[0].toString() + u" = "_s + pair[1].toString());
        QTest::newRow(qPrintable(entry.value(u"name").toString()))
            << entry.value(u"text").toString() << entry.value(u"reference").toString() << expected;
    }
}

void TestFrenchDateGeneralisation::findsExactlyTheExpectedDates()
{
    QFETCH(QString, text);
    QFETCH(QString, reference);
    QFETCH(QStringList, expected);
    QStringList found;
    for (const TimeExpression &expression : m_tagger->tag(text, DateValue::fromIso(reference))) {
        QCOMPARE(text.mid(expression.start, expression.end - expression.start), expression.text);
        found.append(expression.text + u" = "_s + expression.value);
    }
    QCOMPARE(found, expected);
}

QTEST_GUILESS_MAIN(TestFrenchDateGeneralisation)
#include "tst_frenchdategeneralisation.moc"
