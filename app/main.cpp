#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>

#include <memory>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Dateline"));
    QCoreApplication::setApplicationName(QStringLiteral("Dateline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DATELINE_VERSION));

    // Headless commands must run without a display, so decide before creating a QApplication.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (dateline::commandDraws(arguments)) {
        // Pictures are drawn with widgets, which need a QApplication but no screen.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QApplication app(argc, argv);
        return dateline::runCommand(app.arguments());
    }
    if (dateline::isHeadlessCommand(arguments)) {
        QCoreApplication app(argc, argv);
        return dateline::runCommand(app.arguments());
    }
    // --help and --version print and exit: they need no display either.
    // Options end at "--": "dateline -- -h" opens a file named -h.
    const auto optionsEnd = std::find(arguments.cbegin() + 1, arguments.cend(), u"--"_s);
    const bool printOnly = std::any_of(arguments.cbegin() + 1, optionsEnd, [](const QString &argument) {
        return argument == u"-h" || argument == u"--help" || argument == u"--help-all" || argument == u"-v"
               || argument == u"--version";
    });
    std::unique_ptr<QCoreApplication> app = printOnly ? std::make_unique<QCoreApplication>(argc, argv)
                                                      : std::make_unique<QApplication>(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows the dated events found in French news articles.\n"
        "Headless commands: dateline tag-dates --help, dateline export-events --help, dateline export-chart --help."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Article files or folders (default: the bundled articles)."),
                                 QStringLiteral("[PATH...]"));
    const QCommandLineOption noCacheOption(QStringLiteral("no-cache"),
                                           QStringLiteral("Read every article again rather than reuse what an earlier run read."));
    parser.addOption(noCacheOption);
    parser.process(*app);

    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        paths.append(dateline::defaultArticlesFolder());

    dateline::MainWindow window;
    if (!parser.isSet(noCacheOption))
        window.setCacheFolder(QStandardPaths::writableLocation(QStandardPaths::CacheLocation));
    window.show();
    window.openPaths(paths);
    return app->exec();
}
