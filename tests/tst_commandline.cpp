#include "articlereader.h"
#include "hostilefiles.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// Runs the real `dateline` executable, as a user or a script would, with no display.
class TestCommandLine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void exportsJsonOfTheBundledArticles();
    void exportsCsvWithOneRowPerEvent();
    void filtersByActorTypeAndDates();
    void writesToAFile();
    void unreadableFileIsAProblemNotAFailure();
    void hostileFiles_eachGetAProblemAndTheRestLoads();
    void exitStatus_data();
    void exitStatus();
    void tagDatesPrintsCodePointOffsets();
    void tagDatesRefusesAFileOverTheLimit();
    void tagDatesSaysWhenItKeepsOnlyTheFirstDates();
    void exportChartWritesEachFormat_data();
    void exportChartWritesEachFormat();
    void viewerHelpNeedsNoDisplay();

private:
    struct Run
    {
        int status = -1;
        QByteArray out;
        QByteArray err;
    };
    Run run(const QStringList &arguments, int timeoutMs = 60'000) const;
    QJsonObject exportJson(const QStringList &arguments) const;

    QString m_dateline;
    QTemporaryDir m_dir;
};

void TestCommandLine::initTestCase()
{
    m_dateline = QStringLiteral(DATELINE_EXECUTABLE);
    QVERIFY(QFile::exists(m_dateline));
    QVERIFY(m_dir.isValid());
}

TestCommandLine::Run TestCommandLine::run(const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);  // headless commands must not need one
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.remove(u"QT_QPA_PLATFORM"_s);
    environment.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    process.setProcessEnvironment(environment);
    process.start(m_dateline, arguments);
    if (!process.waitForFinished(timeoutMs))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

QJsonObject TestCommandLine::exportJson(const QStringList &arguments) const
{
    const Run result = run(QStringList{u"export-events"_s} + arguments);
    if (result.status != 0)
        qWarning("%s", result.err.constData());
    return QJsonDocument::fromJson(result.out).object();
}

void TestCommandLine::exportsJsonOfTheBundledArticles()
{
    const QJsonObject json = exportJson({});
    const QJsonArray articles = json.value(u"articles").toArray();
    QCOMPARE(articles.size(), 5);
    const QJsonObject first = articles.first().toObject();
    QCOMPARE(first.value(u"file").toString(), u"000_d3bfdcd42c0925d8.txt"_s);
    QCOMPARE(first.value(u"published").toString(), u"2023-03"_s);
    QCOMPARE(first.value(u"published_source").toString(), u"header"_s);
    QVERIFY(first.value(u"published_after").isNull());
    QVERIFY(json.value(u"events").toArray().size() > 10);
    for (const QJsonValue &value : json.value(u"events").toArray()) {
        const QJsonObject event = value.toObject();
        for (const auto key : {u"article", u"date", u"precision", u"date_text", u"actors", u"type", u"location",
                               u"sentence", u"start", u"end", u"confidence"})
            QVERIFY2(event.contains(QStringView(key)), qPrintable(QStringView(key).toString()));
        QVERIFY(!event.value(u"actors").toArray().isEmpty());
        QVERIFY(event.value(u"start").toInt() < event.value(u"end").toInt());
    }
    QVERIFY(json.value(u"problems").toArray().isEmpty());
}

void TestCommandLine::exportsCsvWithOneRowPerEvent()
{
    const int events = int(exportJson({}).value(u"events").toArray().size());
    const Run csv = run({u"export-events"_s, u"--format"_s, u"csv"_s});
    QCOMPARE(csv.status, 0);
    const QList<QByteArray> lines = csv.out.trimmed().split('\n');
    QVERIFY(lines.first().startsWith("article,date,precision,date_text,actors"));
    QCOMPARE(lines.size(), events + 1);  // sentences hold no line breaks
}

void TestCommandLine::filtersByActorTypeAndDates()
{
    const QJsonArray all = exportJson({}).value(u"events").toArray();
    const QJsonArray putin = exportJson({u"--actor"_s, u"Poutine"_s}).value(u"events").toArray();
    QVERIFY(!putin.isEmpty());
    QVERIFY(putin.size() < all.size());
    for (const QJsonValue &event : putin)
        QVERIFY(event[u"actors"_s].toArray().contains(u"Vladimir Putin"_s));

    const QJsonArray meetings = exportJson({u"--type"_s, u"meeting"_s}).value(u"events").toArray();
    QVERIFY(!meetings.isEmpty());
    for (const QJsonValue &event : meetings)
        QCOMPARE(event[u"type"_s].toString(), u"meeting"_s);

    const QJsonArray in2022 = exportJson({u"--from"_s, u"2022-01-01"_s, u"--to"_s, u"2022-12-31"_s}).value(u"events").toArray();
    QVERIFY(!in2022.isEmpty());
    for (const QJsonValue &event : in2022)
        QVERIFY(event[u"date"_s].toString().startsWith(u"2022"_s));

    // --all-actors: an event must name every --actor, not just one. Two actors that some event names together:
    QStringList pair;
    for (const QJsonValue &event : all) {
        const QJsonArray actors = event[u"actors"_s].toArray();
        if (actors.size() >= 2) {
            pair = {actors.at(0).toString(), actors.at(1).toString()};
            break;
        }
    }
    QCOMPARE(pair.size(), 2);
    const QStringList pairOptions{u"--actor"_s, pair.at(0), u"--actor"_s, pair.at(1)};
    const QJsonArray either = exportJson(pairOptions).value(u"events").toArray();
    const QJsonArray both = exportJson(pairOptions + QStringList{u"--all-actors"_s}).value(u"events").toArray();
    QVERIFY(!both.isEmpty());
    QVERIFY(both.size() < either.size());
    for (const QJsonValue &event : both) {
        const QJsonArray actors = event[u"actors"_s].toArray();
        QVERIFY(actors.contains(pair.at(0)) && actors.contains(pair.at(1)));
    }
}

void TestCommandLine::writesToAFile()
{
    const QString path = m_dir.filePath(u"events.json"_s);
    const Run result = run({u"export-events"_s, u"-o"_s, path});
    QCOMPARE(result.status, 0);
    QVERIFY(result.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(file.readAll()).object().value(u"articles").toArray().size(), 5);
}

void TestCommandLine::unreadableFileIsAProblemNotAFailure()
{
    QTemporaryDir folder;
    QFile good(folder.filePath(u"good.txt"_s));
    QVERIFY(good.open(QIODevice::WriteOnly));
    good.write(" date 2023-03 Lavrov a rencontré Wang Yi à Pékin.\n");
    good.close();
    QFile binary(folder.filePath(u"image.txt"_s));
    QVERIFY(binary.open(QIODevice::WriteOnly));
    binary.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20));
    binary.close();

    const QJsonObject json = exportJson({folder.path()});
    QCOMPARE(json.value(u"articles").toArray().size(), 2);
    const QJsonArray problems = json.value(u"problems").toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first()[u"file"_s].toString(), u"image.txt"_s);
    QVERIFY(!json.value(u"events").toArray().isEmpty());
}

void TestCommandLine::hostileFiles_eachGetAProblemAndTheRestLoads()
{
    QTemporaryDir folder;
    const QList<HostileFile> files = hostile::writeFiles(QDir(folder.path()));
    const QString output = m_dir.filePath(u"hostile.json"_s);
    const Run result = run({u"export-events"_s, u"-o"_s, output, folder.path()});
    QCOMPARE(result.status, 0);
    QFile file(output);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();

    QMultiHash<QString, QString> problems;
    for (const QJsonValue &problem : json.value(u"problems").toArray())
        problems.insert(problem[u"file"_s].toString(), problem[u"message"_s].toString());
    QSet<QString> articlesWithEvents;
    QSet<QString> dates;
    for (const QJsonValue &event : json.value(u"events").toArray()) {
        articlesWithEvents.insert(event[u"article"_s].toString());
        dates.insert(event[u"date"_s].toString());
    }
    const QStringList mismatches = hostile::mismatches(files, problems, articlesWithEvents);
    QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(u'\n')));
    QVERIFY(dates.contains(u"1689"_s));
}

void TestCommandLine::exitStatus_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("status");
    QTest::newRow("missing path") << QStringList{u"export-events"_s, u"/no/such/folder"_s} << 2;
    QTest::newRow("unknown option") << QStringList{u"export-events"_s, u"--colour"_s} << 1;
    QTest::newRow("unknown format") << QStringList{u"export-events"_s, u"--format"_s, u"xml"_s} << 1;
    QTest::newRow("unknown type") << QStringList{u"export-events"_s, u"--type"_s, u"party"_s} << 1;
    QTest::newRow("bad date") << QStringList{u"export-events"_s, u"--from"_s, u"2023-13"_s} << 1;
    QTest::newRow("unwritable output") << QStringList{u"export-events"_s, u"-o"_s, u"/proc/dateline/out.json"_s} << 3;
    QTest::newRow("unknown chart") << QStringList{u"export-chart"_s, u"--chart"_s, u"pie"_s, u"-o"_s, u"x.png"_s} << 1;
    QTest::newRow("chart without output") << QStringList{u"export-chart"_s, u"--chart"_s, u"types"_s} << 1;
    QTest::newRow("chart to an unknown format") << QStringList{u"export-chart"_s, u"-o"_s, u"x.jpg"_s} << 1;
    QTest::newRow("chart of a bad size") << QStringList{u"export-chart"_s, u"--size"_s, u"big"_s, u"-o"_s, u"x.png"_s} << 1;
    QTest::newRow("chart too small") << QStringList{u"export-chart"_s, u"--size"_s, u"20x10"_s, u"-o"_s, u"x.png"_s} << 1;
    QTest::newRow("chart of a missing path") << QStringList{u"export-chart"_s, u"-o"_s, u"x.png"_s, u"/no/such/folder"_s} << 2;
    QTest::newRow("unwritable chart") << QStringList{u"export-chart"_s, u"--chart"_s, u"types"_s, u"-o"_s, u"/proc/dateline/types.png"_s} << 3;
    QTest::newRow("tag-dates without a file") << QStringList{u"tag-dates"_s} << 1;
    QTest::newRow("tag-dates with a bad reference") << QStringList{u"tag-dates"_s, u"--reference"_s, u"hier"_s, u"x"_s} << 1;
    QTest::newRow("tag-dates on a missing file") << QStringList{u"tag-dates"_s, u"/no/such/file"_s} << 2;
}

void TestCommandLine::exitStatus()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    const Run result = run(arguments);
    QCOMPARE(result.status, status);
    QVERIFY(!result.err.isEmpty());
}

void TestCommandLine::tagDatesPrintsCodePointOffsets()
{
    // U+1F600 takes two UTF-16 units but one code point.
    const QString path = m_dir.filePath(u"dates.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(u"\U0001F600 Le 24 février 2022, la Russie a envahi l'Ukraine."_s.toUtf8());
    file.close();
    const Run result = run({u"tag-dates"_s, u"--reference"_s, u"2023-02-22"_s, path});
    QCOMPARE(result.status, 0);
    const QJsonArray dates = QJsonDocument::fromJson(result.out).array();
    QCOMPARE(dates.size(), 1);
    const QJsonObject date = dates.first().toObject();
    QCOMPARE(date.value(u"value").toString(), u"2022-02-24"_s);
    QCOMPARE(date.value(u"precision").toString(), u"day"_s);
    QCOMPARE(date.value(u"text").toString().toLower(), u"le 24 février 2022"_s);
    QCOMPARE(date.value(u"start").toInt(), 2);
}

void TestCommandLine::tagDatesRefusesAFileOverTheLimit()
{
    const QString path = m_dir.filePath(u"huge.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write("Le 5 mars 2023.") > 0);
    QVERIFY(file.resize(dateline::ArticleReader::kMaxFileBytes + 1));  // sparse: no disk used
    file.close();
    const Run result = run({u"tag-dates"_s, path});
    QCOMPARE(result.status, 2);
    QVERIFY2(result.err.contains("file too large"), result.err.constData());
    QVERIFY(result.out.isEmpty());
}

void TestCommandLine::tagDatesSaysWhenItKeepsOnlyTheFirstDates()
{
    const QString path = m_dir.filePath(u"many-dates.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly) && file.write(QByteArray("En 2020. ").repeated(100'001)) > 0);
    file.close();
    const Run result = run({u"tag-dates"_s, path});
    QCOMPARE(result.status, 0);
    QCOMPARE(QJsonDocument::fromJson(result.out).array().size(), 100'000);
    QVERIFY2(result.err.contains("over 100000 dates found: only the first 100000 are kept"), result.err.constData());
}

void TestCommandLine::exportChartWritesEachFormat_data()
{
    QTest::addColumn<QString>("chart");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("timeline as PNG") << u"timeline"_s << u"timeline.png"_s << QByteArray("\x89PNG");
    QTest::newRow("monthly as SVG") << u"monthly"_s << u"monthly.svg"_s << QByteArray("<?xml");
    QTest::newRow("actors as PDF") << u"actors"_s << u"actors.pdf"_s << QByteArray("%PDF");
    QTest::newRow("types as PNG") << u"types"_s << u"types.png"_s << QByteArray("\x89PNG");
    QTest::newRow("pairs as SVG") << u"pairs"_s << u"pairs.svg"_s << QByteArray("<?xml");
    QTest::newRow("timeline as PDF") << u"timeline"_s << u"timeline.pdf"_s << QByteArray("%PDF");
}

void TestCommandLine::exportChartWritesEachFormat()
{
    QFETCH(QString, chart);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, magic);
    const QString path = m_dir.filePath(fileName);
    const Run result = run({u"export-chart"_s, u"--chart"_s, chart, u"-o"_s, path, u"--size"_s, u"640x400"_s,
                            u"--type"_s, u"meeting"_s, u"--type"_s, u"statement"_s, u"--from"_s, u"2022"_s});
    QVERIFY2(result.status == 0, result.err.constData());
    QVERIFY(result.out.isEmpty());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith(magic));
    if (fileName.endsWith(u".png"_s))
        QCOMPARE(QImage(path).size(), QSize(640, 400));
}

void TestCommandLine::viewerHelpNeedsNoDisplay()
{
    const Run help = run({u"--help"_s});
    QCOMPARE(help.status, 0);
    QVERIFY(help.out.contains("export-events"));
    const Run version = run({u"--version"_s});
    QCOMPARE(version.status, 0);
    QVERIFY(version.out.startsWith("Dateline "));
}

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
