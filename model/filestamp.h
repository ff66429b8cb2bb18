#pragma once

#include <QString>
#include <QtGlobal>

#ifdef Q_OS_LINUX
struct stat;
#endif

namespace dateline {

// A file's size and modification time: while both stay the same, its article need not be read again.
struct FileStamp
{
    qint64 size = -1;
    qint64 modified = 0;  // milliseconds since the epoch

    // Invalid when the file cannot be examined, or was modified in the last few seconds: a second
    // change within the same tick of the file system's clock would keep the stamp, so a file is
    // trusted to the cache only once it has settled.
    static FileStamp of(const QString &path);
#ifdef Q_OS_LINUX
    // The same from the status of a file already open: one system call fewer.
    static FileStamp of(const struct ::stat &status);
#endif
    bool isValid() const { return size >= 0; }
    friend bool operator==(const FileStamp &, const FileStamp &) = default;
};

} // namespace dateline
