#pragma once

#include <QString>
#include <QStringList>

namespace dateline {

// The bundled sample articles, opened when no path is given.
QString defaultArticlesFolder();

// True when the arguments name a headless command (tag-dates, export-events...).
bool isHeadlessCommand(const QStringList &arguments);

// Runs a headless command; returns the process exit status
// (0 success, 1 bad options, 2 a path that does not exist).
int runCommand(const QStringList &arguments);

} // namespace dateline
