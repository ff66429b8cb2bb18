#include "corpus.h"

#include "corpuscache.h"
#include "extractor.h"
#include "hugepages.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QSet>
#include <QThread>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <unordered_map>
#include <vector>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

// Whether entries[i] == i throughout. A loop, as std::views::iota does not compile with
// clang 14 over libstdc++ 12 (the sanitizer and fuzzer builds).
bool isIdentity(const QList<qsizetype> &entries)
{
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (entries[i] != i)
            return false;
    }
    return true;
}

// Moves the texts of extracted articles into blocks (see SharedTexts); one per worker. Blocks
// double from 128 KB to 16 MB: a reload for one changed file takes little, 100,000 files take
// whole 2 MB pages, and the last block's unused rest stays small beside what the others hold.
class TextBlockWriter final
{
public:
    // Makes the article's text view a copy of itself at the end of the current block, or of a new one.
    void take(Article &article)
    {
        const qsizetype size = article.text.size();
        if (size == 0)
            return;
        if (size > m_left && size > m_blockUnits / 2) {
            // Half a block or more: a block of its own, and the current one goes on being filled.
            const std::shared_ptr<char16_t[]> own = allocateUnitsInHugePages(size_t(size));
            place(article, own.get());
            article.textBlock = own;
            return;
        }
        if (size > m_left) {
            std::shared_ptr<char16_t[]> block = allocateUnitsInHugePages(size_t(m_blockUnits));
            m_next = block.get();
            m_block = std::move(block);
            m_left = m_blockUnits;
            m_blockUnits = std::min(2 * m_blockUnits, kLargestBlockUnits);
        }
        article.textBlock = m_block;
        place(article, m_next);
        m_next += size;
        m_left -= size;
    }

private:
    static constexpr qsizetype kLargestBlockUnits = 8 * 1024 * 1024;

    static void place(Article &article, char16_t *at)
    {
        std::copy_n(article.text.utf16(), article.text.size(), at);
        article.text = QString::fromRawData(reinterpret_cast<const QChar *>(at), article.text.size());
    }

    SharedTexts m_block;
    char16_t *m_next = nullptr;
    qsizetype m_left = 0;
    qsizetype m_blockUnits = 64 * 1024;  // of the next block
};

} // namespace

QList<QStringList> Corpus::actorsByArticle() const
{
    QList<QStringList> actors(articles.size());
    for (const Event &event : events) {
        QStringList &names = actors[event.article];
        for (const QString &actor : event.actors)
            if (!names.contains(actor))
                names.append(actor);
    }
    return actors;
}

QStringList listArticleFiles(const QStringList &paths, QStringList *missing, QList<Problem> *skipped, QStringList *folders)
{
    const auto listed = [folders](const QFileInfo &folder) {
        if (folders)
            folders->append(folder.absoluteFilePath());
    };
    const auto skip = [skipped](const QFileInfo &entry, const QString &why) {
        if (skipped)
            skipped->append({entry.absoluteFilePath(), why});
    };
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            missing->append(path);
        } else if (info.isDir()) {
            listed(info);
            // Links to folders are not followed: one pointing up the tree would recurse forever.
            QDirIterator it(path, QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QFileInfo entry = it.nextFileInfo();
                if (entry.fileName().startsWith(u'.'))
                    continue;
                if (entry.isSymLink() && entry.isDir())
                    skip(entry, u"a link to a folder: not followed, it could lead back into itself"_s);
                else if (entry.isSymLink() && !entry.exists())
                    skip(entry, u"a link to a file that does not exist"_s);
                else if (entry.isFile())
                    files.append(entry.absoluteFilePath());
                else if (entry.isDir())
                    listed(entry);
                else
                    skip(entry, u"not a regular file (a device, pipe or socket): not read"_s);
            }
        } else {
            files.append(info.absoluteFilePath());
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

namespace {

// Extracts every file, or takes it from `cache` (when there is one) if its stamp has not changed.
Corpus load(const Extractor &extractor, const QStringList &files, CorpusCache *cache, CacheStats *stats,
            const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    // Made for the files read only: a list of 100,000 empty results cost a reopening from the cache 5,000 page faults.
    std::vector<std::unique_ptr<Extractor::Result>> results(size_t(files.size()));
    QList<qsizetype> entries(files.size(), -1);  // in the cache, for the files taken from it
    QList<FileStamp> stamps(cache ? files.size() : 0);
    std::atomic_int next = 0;
    std::atomic_int done = 0;
    std::atomic_int reused = 0;
    const int workers = std::max(1, std::min<int>(QThread::idealThreadCount(), int(files.size())));
    std::vector<TextBlockWriter> textWriters(static_cast<size_t>(workers));
    const auto work = [&](int worker) {
        // Events name the same few sets of actors over and over: one list per set saves a heap
        // block per event. Shared here by content, on every core, and across workers below.
        QSet<QStringList> actorLists;
        for (int i = next++; i < files.size(); i = next++) {
            if (cancel && cancel->load())
                return;
            const QString &file = files.at(i);
            // Stamped before reading, so that a change made while the file is read shows at the next
            // load. A file the cache does not hold is stamped as it is opened: one system call fewer.
            if (cache && cache->contains(file)) {
                stamps[i] = FileStamp::of(file);
                entries[i] = cache->find(file, stamps.at(i));
            }
            if (entries.at(i) >= 0) {
                ++reused;
            } else {
                try {
                    results[i] = std::make_unique<Extractor::Result>(extractor.extractFile(file, cache ? &stamps[i] : nullptr));
                    textWriters[size_t(worker)].take(results[i]->article);
                    for (Event &event : results[i]->events)
                        event.actors = *actorLists.insert(event.actors);
                } catch (const std::exception &error) {
                    // One file must never take the others down with it, whatever it holds.
                    const QFileInfo info(file);
                    results[i] = std::make_unique<Extractor::Result>();
                    results[i]->article.filePath = info.absoluteFilePath();
                    results[i]->article.fileName = info.fileName();
                    results[i]->article.problems.append(u"could not be read: internal error ("_s
                                                       + QString::fromUtf8(error.what()) + u')');
                    if (cache)
                        stamps[i] = {};  // a failure is not a result to keep
                }
            }
            const int finished = ++done;
            if (progress)
                progress(finished, int(files.size()));
        }
    };

    QThreadPool pool;
    for (int worker = 1; worker < workers; ++worker)
        pool.start([&work, worker] { work(worker); });
    work(0);
    pool.waitForDone();

    // Reopening files that have not changed, entry i is file i: the cache's lists are shared, not copied.
    if (cache && reused == files.size() && cache->size() == files.size()
        && isIdentity(entries)) {
        if (std::optional<Corpus> corpus = cache->wholeCorpus()) {
            if (stats)
                *stats = {reused, 0, false, true};
            return std::move(*corpus);
        }
    }

    const auto wasRead = [&](qsizetype i) { return entries.at(i) >= 0 || results[size_t(i)]; };
    const auto eventsOf = [&](qsizetype i) {
        return entries.at(i) >= 0 ? cache->events(entries.at(i)) : std::span<const Event>(results[size_t(i)]->events);
    };
    // Sized first: a million events appended one by one would be moved again each time the list grows.
    Corpus corpus;
    qsizetype articleCount = 0;
    qsizetype eventCount = 0;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (wasRead(i)) {
            ++articleCount;
            eventCount += qsizetype(eventsOf(i).size());
        }
    }
    reserveInHugePages(corpus.articles, articleCount);
    reserveInHugePages(corpus.events, eventCount);
    QList<FileStamp> keptStamps;
    // The lists the workers (or the cache) share, by address, and the one list each set gets.
    // The first is kept too: freed, its address could come back as another list's.
    QSet<QStringList> actorLists;
    std::unordered_map<const QString *, std::pair<QStringList, QStringList>> sharedList;
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (!wasRead(i))
            continue;  // cancelled before this file
        const int articleIndex = int(corpus.articles.size());
        const auto add = [&](Event event) {
            event.article = articleIndex;
            auto [shared, fresh] = sharedList.try_emplace(event.actors.constData());
            if (fresh)
                shared->second = {event.actors, *actorLists.insert(event.actors)};
            event.actors = shared->second.second;
            corpus.events.append(std::move(event));
        };
        if (entries.at(i) >= 0) {
            for (const Event &event : cache->events(entries.at(i)))
                add(event);
            corpus.articles.append(cache->article(entries.at(i)));
        } else {
            // Moved, and the result let go of now: freeing a million events after the loop
            // kept the window waiting a tenth of a second more.
            for (Event &event : results[i]->events)
                add(std::move(event));
            corpus.articles.append(std::move(results[i]->article));
            results[i].reset();
        }
        const Article &article = corpus.articles.constLast();
        for (const QString &message : article.problems)
            corpus.problems.append({article.fileName, message});
        if (cache)
            keptStamps.append(stamps.at(i));
    }

    if (cache) {
        CorpusCache updated(cache->fingerprint(), corpus, std::move(keptStamps));
        // Unchanged when every entry of the old cache was reused and nothing else was added.
        const bool changed = reused != cache->size() || updated.size() != reused;
        *cache = std::move(updated);
        if (stats)
            *stats = {reused, done - reused, changed};
    }
    return corpus;
}

} // namespace

Corpus loadCorpus(const Extractor &extractor, const QStringList &files, const ProgressCallback &progress,
                  const std::atomic_bool *cancel)
{
    return load(extractor, files, nullptr, nullptr, progress, cancel);
}

Corpus loadCorpus(const Extractor &extractor, const QStringList &files, CorpusCache *cache, CacheStats *stats,
                  const ProgressCallback &progress, const std::atomic_bool *cancel)
{
    Q_ASSERT(cache);
    return load(extractor, files, cache, stats, progress, cancel);
}

} // namespace dateline
