#include "atomicfile.h"

#include <QSaveFile>

namespace dateline {

bool writeFileAtomically(const QString &path, QByteArrayView bytes, QString *error, const std::function<void(qint64 written)> &written)
{
    constexpr qint64 kPieceBytes = 4 * 1024 * 1024;
    // QSaveFile writes a temporary file beside `path` and renames it over `path` on commit().
    QSaveFile file(path);
    bool ok = file.open(QIODevice::WriteOnly);
    for (qint64 done = 0; ok && done < bytes.size();) {
        const qint64 piece = std::min(kPieceBytes, bytes.size() - done);
        ok = file.write(bytes.data() + done, piece) == piece;
        done += piece;
        if (ok && written)
            written(done);
    }
    if (ok && file.commit())
        return true;
    if (error)
        *error = file.errorString();
    file.cancelWriting();
    return false;
}

} // namespace dateline
