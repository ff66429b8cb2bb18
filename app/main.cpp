#include "commandline.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Dateline"));
    QCoreApplication::setApplicationName(QStringLiteral("Dateline"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DATELINE_VERSION));

    QCoreApplication app(argc, argv);
    return dateline::runCommand(app.arguments());
}
