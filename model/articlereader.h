#pragma once

#include "article.h"
#include "filestamp.h"
#include "pattern.h"
#include "textfolding.h"

#include <QByteArray>

#include <memory>

class QFile;

namespace dateline {

// Turns the bytes of a scraped article file into an Article: decoded text, header, title,
// body paragraphs, sentences and the junk lines left out. It does not date the article.
class ArticleReader final
{
public:
    // Files larger than this are refused with a problem message rather than read.
    static constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;

    ArticleReader();

    // Reads the file at `path`; `stamp`, if given, gets the file's stamp as it was before reading
    // (invalid if it could not be read).
    Article readFile(const QString &path, FileStamp *stamp = nullptr) const;
    // The bytes of an open file, at most one past kMaxFileBytes: more than the limit means the
    // file is too large (it may have grown since it was listed). Read at the file's size, so
    // that a small file never costs an allocation of the whole limit.
    static QByteArray readUpToLimit(QFile &file);
    Article read(const QByteArray &bytes, const QString &fileName = {}) const;

    // Decodes UTF-8 (with or without BOM) or UTF-16 with a BOM; bytes that are not valid UTF-8
    // fall back to Windows-1252, noted in `problems`. Line ends are normalised to '\n'.
    static QString decode(const QByteArray &bytes, QStringList *problems);

private:
    bool isJunkLine(QStringView line) const;
    QList<TextSpan> splitSentences(const Article &article, TextSpan paragraph) const;

    Pattern m_junkLine;
    QStringList m_abbreviationWords;
    WordSet m_abbreviations;  // views of m_abbreviationWords: asked at every full stop, without a copy
};

} // namespace dateline
