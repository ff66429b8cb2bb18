#pragma once

#include <QByteArrayView>
#include <QString>

#include <functional>

namespace dateline {

// Replaces the file at `path` with `bytes` atomically, as every save of Dateline's does: a reader
// sees the old file or the whole new one, and a program killed midway leaves the old one intact.
// The bytes go out in pieces of a few MB, `written` being called after each with the total so far.
// False, with the reason in `error`, when the file cannot be written.
bool writeFileAtomically(const QString &path, QByteArrayView bytes, QString *error = nullptr,
                         const std::function<void(qint64 written)> &written = {});

} // namespace dateline
