#pragma once

#include "corpus.h"
#include "filestamp.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <optional>
#include <span>
#include <utility>

// What the cache does is logged here: warnings for corrupt files, timings at debug level.
Q_DECLARE_LOGGING_CATEGORY(lcCorpusCache)

namespace dateline {

// Bump whenever a change to the extraction code (reader, date tagger, publication dates, gazetteer,
// event extractor) changes what it finds in some article: every cache written before is then
// ignored and rebuilt. Edits to the resource files need no bump, the fingerprint covers them.
inline constexpr int kExtractorVersion = 3;

// What extraction results depend on: kExtractorVersion and the resource files as loaded, built-in
// ones with the user's overrides. Compute it when the Extractor is built, from the same files.
QByteArray extractorFingerprint();

// The articles and events extracted from files, each with the stamp its file had then, so that a
// later load reuses them instead of extracting again. It is tied to an extractor fingerprint, held
// in memory between loads and written to one file between runs.
//
// The file is binary: a magic, a format version and the fingerprint, then frames of a length, a
// checksum and a payload: a header (block sizes, the actor names and the lists of them that events
// use), blocks of entries, which are checked and decoded on all cores, and the saved index words
// (possibly none). The block sizes include the UTF-16 length of their texts, which are decoded
// into one block of memory, each block into its own stretch of it (see SharedTexts). Any mismatch
// makes read() ignore the whole file, and every length is checked against the bytes left, so a
// corrupt file is never trusted, never makes it allocate more than a few times its own size and
// never loops.
class CorpusCache final
{
public:
    explicit CorpusCache(QByteArray fingerprint = {});
    // What `corpus` holds (its events grouped by article, in order, as loadCorpus returns them),
    // `stamps` giving each article's stamp. Articles with an invalid stamp or without text are left
    // out: there is nothing to save by caching an empty article, and a file that could not be
    // opened may become readable without changing its stamp.
    CorpusCache(QByteArray fingerprint, const Corpus &corpus, QList<FileStamp> stamps);

    // The cache in the file at `path`, or an empty one with `fingerprint` when the file is missing,
    // written for another fingerprint or format, truncated or corrupt (logged: it is no problem of
    // the user's, the articles are just read again).
    static CorpusCache read(const QString &path, const QByteArray &fingerprint);
    // Replaces the file at `path` atomically: killed midway, it leaves the previous file intact.
    // `progress` is called after each block is written. False with a message in `error` on failure.
    // `savedWords` (EventIndex::savedWords() of the whole corpus, when it holds every article in its
    // order) is written with it, so that reopening the same files need not index them again.
    bool write(const QString &path, QString *error = nullptr, const ProgressCallback &progress = {},
               QByteArrayView savedWords = {}) const;

    const QByteArray &fingerprint() const { return m_fingerprint; }
    qsizetype size() const { return m_entryByPath.size(); }
    bool isEmpty() const { return m_entryByPath.isEmpty(); }

    bool contains(const QString &path) const { return m_entryByPath.contains(path); }
    // The entry of the file at `path` if it was read with this same stamp, otherwise -1.
    qsizetype find(const QString &path, const FileStamp &stamp) const;
    const Article &article(qsizetype entry) const { return m_articles.at(entry); }
    // The entry's events; their Event::article is the entry.
    std::span<const Event> events(qsizetype entry) const;
    FileStamp stamp(qsizetype entry) const { return m_stamps.at(entry); }

    // Every article it holds and their events, as a corpus, if all of them are entries (none was
    // left out): what a load of the same unchanged files gives, sharing the lists rather than copying.
    std::optional<Corpus> wholeCorpus() const;
    // The index words read with the file, for EventIndex::withSavedWords(wholeCorpus()); taken out,
    // since the index made of them holds them from then on.
    QByteArray takeSavedWords() { return std::exchange(m_savedWords, {}); }

private:
    void index();  // fills m_firstEvent and m_entryByPath

    QByteArray m_fingerprint;
    QList<Article> m_articles;
    QList<Event> m_events;         // grouped by article
    QList<FileStamp> m_stamps;     // one per article
    QList<qsizetype> m_firstEvent; // one per article and one past the end: article i has [i], [i + 1])
    QHash<QString, qsizetype> m_entryByPath;  // the articles worth caching
    QByteArray m_savedWords;
};

// A cache file for the paths opened together, in `folder`: named after the paths, so that each set
// of paths has its own.
QString corpusCacheFile(const QString &folder, const QStringList &paths);

// Removes the cache files of `folder` that were used least recently, other than `kept`, until
// they take `maxBytes` at most; and the leftovers of writes that were killed. Each set of paths
// has its own file, a few hundred MB for a large corpus: without this they would only pile up.
void removeStaleCacheFiles(const QString &folder, const QString &kept, qint64 maxBytes);

// The checksum of each frame of a cache file: 64 bits mixed from 8-byte words in four independent
// lanes, several GB/s on one core. Public so that tests can forge files with consistent checksums.
quint64 cacheChecksum(QByteArrayView bytes);

} // namespace dateline
