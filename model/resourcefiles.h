#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace dateline {

// The folder where a user's own resource files (actors.json, dates-fr.json...) extend the built-in ones.
QString userResourceFolder();

// Reads the built-in resource `name` (from :/dateline/) merged with the user's file of the same
// name, if there is one: the user's arrays extend the built-in arrays, other values replace them.
// A user file that cannot be parsed is ignored and described in `problems`.
QJsonObject loadResource(const QString &name, QStringList *problems = nullptr);

} // namespace dateline
