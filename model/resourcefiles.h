#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dateline {

// The folder where a user's own resource files (actors.json, dates-fr.json...) extend the built-in ones.
QString userResourceFolder();

// `over` merged into `base`: objects entry by entry, arrays by union, anything else replaced.
QJsonObject mergedResource(const QJsonObject &base, const QJsonObject &over);

// Reads the built-in resource `name` (from :/dateline/) with the user's file of the same name,
// if there is one, merged over it. A user file that cannot be parsed is ignored and described
// in `problems`.
QJsonObject loadResource(const QString &name, QStringList *problems = nullptr);

} // namespace dateline
