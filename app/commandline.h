#pragma once

#include <QString>
#include <QStringList>

namespace dateline {

// The bundled sample articles, opened when no path is given.
QString defaultArticlesFolder();

// True when the arguments name a headless command (tag-dates, export-events, export-chart).
bool isHeadlessCommand(const QStringList &arguments);
// True for the headless commands that draw with widgets, and so need a QApplication (offscreen will do).
bool commandDraws(const QStringList &arguments);

// Runs a headless command; returns the process exit status
// (0 success, 1 bad options, 2 a path that does not exist, 3 an output that cannot be written).
int runCommand(const QStringList &arguments);

} // namespace dateline
