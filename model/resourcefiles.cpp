#include "resourcefiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QStandardPaths>

namespace dateline {

namespace {

QJsonObject readJsonObject(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = parseError.errorString() + u" at offset " + QString::number(parseError.offset);
        return {};
    }
    if (!document.isObject()) {
        *error = QStringLiteral("the file does not hold a JSON object");
        return {};
    }
    return document.object();
}

} // namespace

QString userResourceFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation);
}

QJsonObject loadResource(const QString &name, QStringList *problems)
{
    QString error;
    QJsonObject merged = readJsonObject(u":/dateline/" + name, &error);
    // A broken built-in resource is a build defect, not a user error.
    Q_ASSERT_X(error.isEmpty(), "loadResource", qPrintable(error));

    const QString userPath = userResourceFolder() + u'/' + name;
    if (!userResourceFolder().isEmpty() && QFile::exists(userPath)) {
        error.clear();
        const QJsonObject user = readJsonObject(userPath, &error);
        if (!error.isEmpty()) {
            if (problems)
                problems->append(userPath + u": ignored, " + error);
            return merged;
        }
        for (auto it = user.begin(); it != user.end(); ++it) {
            const QJsonValue builtIn = merged.value(it.key());
            if (builtIn.isArray() && it.value().isArray()) {
                QJsonArray extended = builtIn.toArray();
                for (const QJsonValue &value : it.value().toArray())
                    extended.append(value);
                merged.insert(it.key(), extended);
            } else {
                merged.insert(it.key(), it.value());
            }
        }
    }
    return merged;
}

} // namespace dateline
