#include "commandline.h"

#include "atomicfile.h"
#include "chartexport.h"
#include "corpus.h"
#include "eventexport.h"
#include "eventfilter.h"
#include "eventindex.h"
#include "extractor.h"
#include "frenchdatetagger.h"
#include "textfolding.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <QCoreApplication>

#include <cstdio>
#include <optional>

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
    const QByteArray bytes = ArticleReader::readUpToLimit(file);
    if (bytes.size() > ArticleReader::kMaxFileBytes) {
        errStream() << "tag-dates: " << files.first() << ": file too large; the limit is "
                    << ArticleReader::kMaxFileBytes / (1024 * 1024) << " MB" << Qt::endl;
        return 2;
    }
    QStringList problems;
    const QString text = ArticleReader::decode(bytes, &problems);
    for (const QString &problem : std::as_const(problems))
        errStream() << files.first() << ": " << problem << Qt::endl;

    const FrenchDateTagger tagger;
    const CodePointOffsets offsets(text);
    bool cut = false;
    const QList<TimeExpression> expressions = tagger.tag(text, reference, &cut);
    if (cut)
        errStream() << files.first() << ": " << FrenchDateTagger::cutProblem() << Qt::endl;
    QJsonArray out;
    for (const TimeExpression &expression : expressions) {
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

// The filter options that export-events and export-chart share.
struct FilterOptions
{
    QCommandLineOption actor{QStringLiteral("actor"), QStringLiteral("Only events with this actor (repeatable)."), QStringLiteral("NAME")};
    QCommandLineOption allActors{QStringLiteral("all-actors"), QStringLiteral("Only events naming every --actor, not just one.")};
    QCommandLineOption type{QStringLiteral("type"), QStringLiteral("Only events of this type (repeatable)."), QStringLiteral("TYPE")};
    QCommandLineOption from{QStringLiteral("from"), QStringLiteral("Only events on or after DATE."), QStringLiteral("DATE")};
    QCommandLineOption to{QStringLiteral("to"), QStringLiteral("Only events on or before DATE."), QStringLiteral("DATE")};

    explicit FilterOptions(QCommandLineParser &parser)
    {
        parser.addOptions({actor, allActors, type, from, to});
        parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Article files or folders (default: the bundled articles)."),
                                     QStringLiteral("[PATH...]"));
    }

    // The filter the options ask for; nullopt after printing why they are wrong.
    std::optional<EventFilter> read(const QCommandLineParser &parser, const Extractor &extractor, const QString &command) const
    {
        EventFilter filter;
        for (const QString &name : parser.values(actor)) {
            const int index = extractor.gazetteer().indexOf(name);
            // Unlisted people have no gazetteer entry: keep the name as given.
            filter.actors.insert(index >= 0 ? extractor.gazetteer().actors().at(index).name : name);
        }
        filter.allActors = parser.isSet(allActors);
        for (const QString &name : parser.values(type)) {
            const auto eventType = eventTypeFromName(name);
            if (!eventType) {
                errStream() << command << ": unknown type " << name
                            << " (meeting, visit, statement, agreement, military, economic, sanction, conflict, other)" << Qt::endl;
                return std::nullopt;
            }
            filter.types.insert(*eventType);
        }
        for (const auto &[option, date] : {std::pair{&from, &filter.from}, std::pair{&to, &filter.to}}) {
            if (!parser.isSet(*option))
                continue;
            *date = DateValue::fromIso(parser.value(*option));
            if (!date->isValid()) {
                errStream() << command << ": --" << option->names().constLast() << " must be YYYY, YYYY-MM or YYYY-MM-DD" << Qt::endl;
                return std::nullopt;
            }
        }
        return filter;
    }
};

// The article files the positional arguments name; nullopt after printing the missing ones.
// What their folders hold but cannot be read goes to `skipped`.
std::optional<QStringList> articleFiles(const QCommandLineParser &parser, const QString &command, QList<Problem> *skipped)
{
    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        paths.append(defaultArticlesFolder());
    QStringList missing;
    const QStringList files = listArticleFiles(paths, &missing, skipped);
    if (!missing.isEmpty()) {
        for (const QString &path : std::as_const(missing))
            errStream() << command << ": no such file or folder: " << path << Qt::endl;
        return std::nullopt;
    }
    return files;
}

// What both exports work on: the events of the files named, and the filter the options give.
struct FilteredCorpus
{
    Corpus corpus;
    EventFilter filter;
};

// Reads the filter options and the files; on failure returns the exit status (1 bad option,
// 2 missing path) after saying why, otherwise 0.
int readFilteredCorpus(const QCommandLineParser &parser, const FilterOptions &filterOptions, const QString &command,
                       FilteredCorpus *out)
{
    const Extractor extractor;
    const auto filter = filterOptions.read(parser, extractor, command);
    if (!filter)
        return 1;
    QList<Problem> skipped;
    const auto files = articleFiles(parser, command, &skipped);
    if (!files)
        return 2;
    out->corpus = loadCorpus(extractor, *files);
    out->corpus.problems.append(skipped);
    out->filter = *filter;
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
    parser.addOptions({outputOption, formatOption});
    const FilterOptions filterOptions(parser);
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

    FilteredCorpus input;
    if (const int status = readFilteredCorpus(parser, filterOptions, u"export-events"_s, &input); status != 0)
        return status;
    const QByteArray output = format == u"csv" ? eventsToCsv(input.corpus, input.filter)
                                               : QJsonDocument(eventsToJson(input.corpus, input.filter)).toJson(QJsonDocument::Indented);
    if (!parser.isSet(outputOption)) {
        QFile out;
        if (!out.open(stdout, QIODevice::WriteOnly) || out.write(output) != output.size()) {
            errStream() << "export-events: cannot write to standard output" << Qt::endl;
            return 3;
        }
        return 0;
    }
    if (QString error; !writeFileAtomically(parser.value(outputOption), output, &error)) {
        errStream() << "export-events: cannot write " << parser.value(outputOption) << ": " << error << Qt::endl;
        return 3;
    }
    return 0;
}

int exportChart(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Draws a chart or the timeline of the events found in article files as PNG, SVG or PDF, without a display."));
    parser.addHelpOption();
    const QCommandLineOption chartOption(QStringLiteral("chart"), QStringLiteral("timeline, monthly, actors, types or pairs."),
                                         QStringLiteral("CHART"), QStringLiteral("monthly"));
    const QCommandLineOption outputOption({QStringLiteral("o"), QStringLiteral("output")},
                                          QStringLiteral("The picture to write: FILE.png, FILE.svg or FILE.pdf."), QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"), QStringLiteral("The picture's size in logical pixels (default 1280x800)."),
                                        QStringLiteral("WxH"));
    const QCommandLineOption scaleOption(QStringLiteral("scale"), QStringLiteral("PNG pixels per logical pixel (default 1)."),
                                         QStringLiteral("SCALE"));
    parser.addOptions({chartOption, outputOption, sizeOption, scaleOption});
    const FilterOptions filterOptions(parser);
    if (!parser.parse(arguments)) {
        errStream() << "export-chart: " << parser.errorText() << Qt::endl;
        return 1;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    const QString chart = parser.value(chartOption);
    if (!exportablePictures().contains(chart)) {
        errStream() << "export-chart: --chart must be one of " << exportablePictures().join(u", ") << Qt::endl;
        return 1;
    }
    const QString output = parser.value(outputOption);
    if (output.isEmpty() || !pictureFormatForPath(output)) {
        errStream() << "export-chart: -o FILE.png, FILE.svg or FILE.pdf is required" << Qt::endl;
        return 1;
    }
    PictureSettings settings;
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).toLower().replace(u'×', u'x').split(u'x');
        bool widthOk = false;
        bool heightOk = false;
        if (parts.size() == 2)
            settings.size = QSize(parts.at(0).toInt(&widthOk), parts.at(1).toInt(&heightOk));
        if (!widthOk || !heightOk) {
            errStream() << "export-chart: --size must be WIDTHxHEIGHT, such as 1920x1080" << Qt::endl;
            return 1;
        }
    }
    if (parser.isSet(scaleOption)) {
        bool ok = false;
        settings.scale = parser.value(scaleOption).toDouble(&ok);
        if (!ok) {
            errStream() << "export-chart: --scale must be a number, such as 2" << Qt::endl;
            return 1;
        }
    }
    if (const QString error = pictureSettingsError(settings); !error.isEmpty()) {
        errStream() << "export-chart: " << error << Qt::endl;
        return 1;
    }
    FilteredCorpus input;
    if (const int status = readFilteredCorpus(parser, filterOptions, u"export-chart"_s, &input); status != 0)
        return status;
    QString error;
    const auto index = std::make_shared<const EventIndex>(std::make_shared<const Corpus>(std::move(input.corpus)));
    if (!exportPicture(chart, index, input.filter, output, settings, &error)) {
        errStream() << "export-chart: " << error << Qt::endl;
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
    return arguments.size() > 1 && (arguments.at(1) == u"tag-dates" || arguments.at(1) == u"export-events" || arguments.at(1) == u"export-chart");
}

bool commandDraws(const QStringList &arguments) { return arguments.size() > 1 && arguments.at(1) == u"export-chart"; }

int runCommand(const QStringList &arguments)
{
    QStringList rest = arguments;
    if (rest.size() < 2) {
        errStream() << "usage: dateline tag-dates|export-events|export-chart ..." << Qt::endl;
        return 1;
    }
    const QString command = rest.takeAt(1);
    if (command == u"tag-dates")
        return tagDates(rest);
    if (command == u"export-events")
        return exportEvents(rest);
    if (command == u"export-chart")
        return exportChart(rest);
    errStream() << "dateline: unknown command " << command << Qt::endl;
    return 1;
}

} // namespace dateline
