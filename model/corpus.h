#pragma once

#include "article.h"
#include "event.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dateline {

class CorpusCache;
class Extractor;

struct Problem
{
    QString file;
    QString message;
};

// Everything read from a set of article files.
struct Corpus
{
    QList<Article> articles;
    QList<Event> events;      // Event::article indexes `articles`
    QList<Problem> problems;  // per file, and for paths that could not be listed
    QStringList folders;      // the folders its files were listed from, the opened ones and those inside them

    // For each article, the canonical names of its events' actors in order of first appearance.
    QList<QStringList> actorsByArticle() const;
};

// Lists the article files under `paths` (files as given, folders recursively, hidden files
// skipped), sorted. Paths that do not exist are reported in `missing`; what a folder holds but
// is not read (links to folders, pipes, devices, broken links) in `skipped`, with why; the
// folders it went through in `folders`.
QStringList listArticleFiles(const QStringList &paths, QStringList *missing, QList<Problem> *skipped = nullptr,
                             QStringList *folders = nullptr);

using ProgressCallback = std::function<void(int done, int total)>;

// Extracts every file on all cores. `progress` is called from worker threads; setting `cancel`
// stops early and returns what was done. The result is in the order of `files`.
Corpus loadCorpus(const Extractor &extractor, const QStringList &files, const ProgressCallback &progress = {},
                  const std::atomic_bool *cancel = nullptr);

// What a load did with its cache.
struct CacheStats
{
    int reused = 0;        // articles taken from the cache
    int extracted = 0;     // files read and extracted
    bool changed = false;  // the cache's entries changed: it is worth writing again
    bool whole = false;    // the corpus is the whole cache, in its order: takeSavedWords() fit it
};

// The same, but every file whose stamp (size and modification time) is the one in `cache` is taken
// from it instead of being extracted; then `cache` holds what this load read. `cache` must have
// been built for `extractor`'s fingerprint. `progress` counts the files of both kinds.
Corpus loadCorpus(const Extractor &extractor, const QStringList &files, CorpusCache *cache, CacheStats *stats = nullptr,
                  const ProgressCallback &progress = {}, const std::atomic_bool *cancel = nullptr);

} // namespace dateline
