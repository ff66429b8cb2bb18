#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Dateline"));
    QCoreApplication::setApplicationName(QStringLiteral("Dateline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DATELINE_VERSION));

    // Headless commands must run without a display, so decide before creating a QApplication.
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    if (dateline::isHeadlessCommand(arguments)) {
        QCoreApplication app(argc, argv);
        return dateline::runCommand(app.arguments());
    }

    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows the dated events found in French news articles.\n"
        "Headless commands: dateline tag-dates --help, dateline export-events --help."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("Article files or folders (default: the bundled articles)."),
                                 QStringLiteral("[PATH...]"));
    parser.process(app);

    QStringList paths = parser.positionalArguments();
    if (paths.isEmpty())
        paths.append(dateline::defaultArticlesFolder());

    dateline::MainWindow window;
    window.show();
    window.openPaths(paths);
    return app.exec();
}
