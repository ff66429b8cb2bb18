#pragma once

#include "article.h"
#include "event.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace dateline {

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

    // For each article, the canonical names of its events' actors in order of first appearance.
    QList<QStringList> actorsByArticle() const;
};

// Lists the article files under `paths` (files as given, folders recursively, hidden files and
// symbolic links to folders skipped), sorted. Paths that do not exist are reported in `missing`.
QStringList listArticleFiles(const QStringList &paths, QStringList *missing);

using ProgressCallback = std::function<void(int done, int total)>;

// Extracts every file on all cores. `progress` is called from worker threads; setting `cancel`
// stops early and returns what was done. The result is in the order of `files`.
Corpus loadCorpus(const Extractor &extractor, const QStringList &files, const ProgressCallback &progress = {},
                  const std::atomic_bool *cancel = nullptr);

} // namespace dateline
