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

QJsonObject mergedResource(const QJsonObject &base, const QJsonObject &over)
{
    QJsonObject result = base;
    for (auto it = over.begin(); it != over.end(); ++it) {
        const QJsonValue old = result.value(it.key());
        if (old.isObject() && it.value().isObject()) {
            result.insert(it.key(), mergedResource(old.toObject(), it.value().toObject()));
        } else if (old.isArray() && it.value().isArray()) {
            QJsonArray list = old.toArray();
            for (const QJsonValue &item : it.value().toArray()) {
                if (!list.contains(item))
                    list.append(item);
            }
            result.insert(it.key(), list);
        } else {
            result.insert(it.key(), it.value());
        }
    }
    return result;
}

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
        merged = mergedResource(merged, user);
    }
    return merged;
}

} // namespace dateline
