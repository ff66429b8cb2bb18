#include "commandline.h"

#include "corpus.h"
#include "eventexport.h"
#include "eventfilter.h"
#include "extractor.h"
#include "frenchdatetagger.h"
#include "textfolding.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <QCoreApplication>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

QTextStream &errStream()
{
    static QTextStream stream(stderr);
    return stream;
}

int tagDates(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints the date expressions of a French text as JSON."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("reference"), QStringLiteral("Publication date to resolve relative dates against."),
                      QStringLiteral("YYYY[-MM[-DD]]")});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Text file to tag."));
    if (!parser.parse(arguments)) {
        errStream() << parser.errorText() << Qt::endl;
        return 1;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1) {
        errStream() << "tag-dates: expected exactly one FILE" << Qt::endl;
        return 1;
    }
    DateValue reference;
    if (parser.isSet(QStringLiteral("reference"))) {
        reference = DateValue::fromIso(parser.value(QStringLiteral("reference")));
        if (!reference.isValid()) {
            errStream() << "tag-dates: --reference must be YYYY, YYYY-MM or YYYY-MM-DD" << Qt::endl;
            return 1;
        }
    }
    QFile file(files.first());
    if (!file.exists()) {
        errStream() << "tag-dates: no such file: " << files.first() << Qt::endl;
        return 2;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        errStream() << "tag-dates: cannot read " << files.first() << ": " << file.errorString() << Qt::endl;
        return 2;
    }
    QStringList problems;
    const QString text = ArticleReader::decode(file.readAll(), &problems);
    for (const QString &problem : std::as_const(problems))
        errStream() << files.first() << ": " << problem << Qt::endl;

    const FrenchDateTagger tagger;
    const CodePointOffsets offsets(text);
    QJsonArray out;
    for (const TimeExpression &expression : tagger.tag(text, reference)) {
        out.append(QJsonObject{
            {QStringLiteral("start"), offsets(expression.start)},
            {QStringLiteral("end"), offsets(expression.end)},
            {QStringLiteral("text"), expression.text},
            {QStringLiteral("value"), expression.value},
            {QStringLiteral("precision"), precisionName(expression.date.precision())},
        });
    }
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Indented);
    return 0;
}

int exportEvents(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Exports the dated events found in article files, without opening a window."));
    parser.addHelpOption();
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("Write to FILE instead of standard output."), QStringLiteral("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"), QStringLiteral("json (default) or csv."),
                                          QStringLiteral("FORMAT"), QStringLiteral("json"));
    const QCommandLineOption actorOption(QStringLiteral("actor"), QStringLiteral("Only events with this actor (repeatable)."),
                                         QStringLiteral("NAME"));
    const QCommandLineOption typeOption(QStringLiteral("type"), QStringLiteral("Only events of this type (repeatable)."),
                                        QStringLiteral("TYPE"));
    const QCommandLineOption fromOption(QStringLiteral("from"), QStringLiteral("Only events on or after DATE."),
                                        QStringLiteral("DATE"));
    const QCommandLineOption toOption(QStringLiteral("to"), QStringLiteral("Only events on or before DATE."),
                                      QStringLiteral("DATE"));
    parser.addOptions({outputOption, formatOption, actorOption, typeOption, fromOption, toOption});
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Article files or folders (default: the bundled articles)."),
                                 QStringLiteral("[PATH...]"));
    if (!parser.parse(arguments)) {
        errStream() << "export-events: " << parser.errorText() << Qt::endl;
        return 1;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QString format = parser.value(formatOption).toLower();
    if (format != u"json" && format != u"csv") {
        errStream() << "export-events: --format must be json or csv" << Qt::endl;
        return 1;
    }

    const Extractor extractor;
    EventFilter filter;
    for (const QString &name : parser.values(actorOption)) {
        const int index = extractor.gazetteer().indexOf(name);
        // Unlisted people have no gazetteer entry: keep the name as given.
        filter.actors.insert(index >= 0 ? extractor.gazetteer().actors().at(index).name : name);
    }
    for (const QString &name : parser.values(typeOption)) {
        const auto type = eventTypeFromName(name);
        if (!type) {
            errStream() << "export-events: unknown type " << name
                        << " (meeting, visit, statement, agreement, military, economic, sanction, conflict, other)" << Qt::endl;
            return 1;
        }
        filter.types.insert(*type);
    }
    for (const auto &[option, date] : {std::pair{&fromOption, &filter.from}, std::pair{&toOption, &filter.to}}) {
        if (!parser.isSet(*option))
            continue;
        *date = DateValue::fromIso(parser.value(*option));
        if (!date->isValid()) {
            errStream() << "export-events: --" << option->names().constLast() << " must be YYYY, YYYY-MM or YYYY-MM-DD" << Qt::endl;
            return 1;
        }
    }

    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        paths.append(defaultArticlesFolder());
    QStringList missing;
    const QStringList files = listArticleFiles(paths, &missing);
    if (!missing.isEmpty()) {
        for (const QString &path : std::as_const(missing))
            errStream() << "export-events: no such file or folder: " << path << Qt::endl;
        return 2;
    }

    const Corpus corpus = loadCorpus(extractor, files);
    const QByteArray output = format == u"csv" ? eventsToCsv(corpus, filter)
                                               : QJsonDocument(eventsToJson(corpus, filter)).toJson(QJsonDocument::Indented);
    if (!parser.isSet(outputOption)) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(output) != output.size()) {
            errStream() << "export-events: cannot write to standard output" << Qt::endl;
            return 3;
        }
        return 0;
    }
    QSaveFile out(parser.value(outputOption));
    if (!out.open(QIODevice::WriteOnly) || out.write(output) != output.size() || !out.commit()) {
        errStream() << "export-events: cannot write " << parser.value(outputOption) << ": " << out.errorString() << Qt::endl;
        return 3;
    }
    return 0;
}

} // namespace

QString defaultArticlesFolder()
{
    // Installed next to the executable, or the source tree's articles/ in a build.
    const QString beside = QCoreApplication::applicationDirPath() + u"/articles"_s;
    return QDir(beside).exists() ? beside : QStringLiteral(DATELINE_ARTICLES_DIR);
}

bool isHeadlessCommand(const QStringList &arguments)
{
    return arguments.size() > 1 && (arguments.at(1) == u"tag-dates" || arguments.at(1) == u"export-events");
}

int runCommand(const QStringList &arguments)
{
    QStringList rest = arguments;
    if (rest.size() < 2) {
        errStream() << "usage: dateline tag-dates|export-events ..." << Qt::endl;
        return 1;
    }
    const QString command = rest.takeAt(1);
    if (command == u"tag-dates")
        return tagDates(rest);
    if (command == u"export-events")
        return exportEvents(rest);
    errStream() << "dateline: unknown command " << command << Qt::endl;
    return 1;
}

} // namespace dateline
