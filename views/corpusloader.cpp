#include "corpusloader.h"

#include "corpuscache.h"
#include "eventindex.h"
#include "extractor.h"
#include "workerpool.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <future>

using namespace Qt::StringLiterals;

namespace dateline {

namespace {

// The cache of the corpus opened is always kept; others go, least recently used first, beyond this.
constexpr qint64 kMaxCacheBytes = qint64(2) * 1024 * 1024 * 1024;

} // namespace

void CorpusLoader::runJob(QPromise<Job> &promise, const QStringList &paths, Job job, const std::shared_ptr<std::atomic_bool> &cancel)
{
    QElapsedTimer timer;
    timer.start();
    if (!job.extractor)
        job.fingerprint = extractorFingerprint();  // just before the extractor reads the same resource files
    // The cache file is read on a thread of its own while the extractor is built and the files
    // are listed: neither needs the other.
    const bool cacheRead = !job.cacheFile.isEmpty() && (!job.cache || job.cache->fingerprint() != job.fingerprint);
    std::future<CorpusCache> cacheFromFile;
    if (cacheRead)
        cacheFromFile = std::async(std::launch::async, &CorpusCache::read, job.cacheFile, job.fingerprint);
    if (!job.extractor)
        job.extractor = std::make_shared<const Extractor>();
    QStringList missing;
    QList<Problem> skipped;
    QStringList folders;
    const QStringList files = listArticleFiles(paths, &missing, &skipped, &folders);
    // loadCorpus reports from several threads; QPromise serialises them and drops stale values.
    const auto progress = [&promise](int done, int) { promise.setProgressValue(done); };
    Corpus corpus;
    CacheStats stats;
    QByteArray savedWords;
    if (job.cacheFile.isEmpty()) {
        promise.setProgressRange(0, int(files.size()));
        corpus = loadCorpus(*job.extractor, files, progress, cancel.get());
    } else {
        CorpusCache cache = cacheRead ? cacheFromFile.get() : *job.cache;
        promise.setProgressRange(0, int(files.size()));  // the bar stays busy while the cache is read
        corpus = loadCorpus(*job.extractor, files, &cache, &stats, progress, cancel.get());
        savedWords = cache.takeSavedWords();
        job.cache = sharedFreedOnWorker(std::make_unique<CorpusCache>(std::move(cache)));
        qCDebug(lcCorpusCache) << "Loaded" << files.size() << "files," << stats.reused << "from the cache, in"
                               << timer.elapsed() << "ms";
    }
    for (const QString &path : std::as_const(missing))
        corpus.problems.append({path, tr("No such file or folder")});
    corpus.problems.append(skipped);
    corpus.folders = std::move(folders);
    // Indexed here too: for a large corpus it takes seconds the window must not wait for, unless
    // the cache saved the words of these very events.
    const std::shared_ptr<const Corpus> shared = sharedFreedOnWorker(std::make_unique<Corpus>(std::move(corpus)));
    std::shared_ptr<const EventIndex> index;
    if (stats.whole)
        if (std::unique_ptr<EventIndex> withWords = EventIndex::withSavedWords(shared, savedWords))
            index = sharedFreedOnWorker(std::move(withWords));
    const bool rebuilt = !index;
    if (rebuilt)
        index = sharedFreedOnWorker(std::make_unique<EventIndex>(shared));
    job.events = index;
    job.cancelled = cancel->load();
    promise.addResult(job);

    // Written when its entries changed, or when the file lacked the words it now has.
    if (stats.changed || (stats.whole && rebuilt && cacheRead)) {
        // Not cancelled by a new load or by closing: what was read so far is worth keeping.
        timer.restart();
        // The words fit the cache only if it holds every article, in the corpus's order.
        const bool wordsFit = job.cache->size() == shared->articles.size();
        if (QString error; !job.cache->write(job.cacheFile, &error, {}, wordsFit ? index->savedWords() : QByteArray()))
            qCWarning(lcCorpusCache).noquote() << u"Could not write the cache %1: %2"_s.arg(job.cacheFile, error);
        else
            qCDebug(lcCorpusCache) << "Wrote" << job.cache->size() << "articles to the cache in" << timer.elapsed() << "ms";
    } else if (cacheRead) {
        // Marked as used, so that it is the last to go when the folder is pruned.
        if (QFile file(job.cacheFile); file.open(QIODevice::ReadWrite))
            file.setFileTime(QDateTime::currentDateTime(), QFileDevice::FileModificationTime);
    }
    if (!job.cacheFile.isEmpty())
        removeStaleCacheFiles(QFileInfo(job.cacheFile).path(), job.cacheFile, kMaxCacheBytes);
}

CorpusLoader::CorpusLoader(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Job>::progressValueChanged, this,
            [this](int value) { emit progress(value, m_watcher.progressMaximum()); });
    connect(&m_watcher, &QFutureWatcher<Job>::resultReadyAt, this, &CorpusLoader::onResultReady);
    connect(&m_watcher, &QFutureWatcher<Job>::finished, this, &CorpusLoader::onFinished);
}

CorpusLoader::~CorpusLoader()
{
    cancel();
    m_watcher.waitForFinished();
}

void CorpusLoader::load(const QStringList &paths)
{
    m_loading = true;
    if (m_watcher.isRunning()) {
        m_pending = paths;
        cancel();
        return;
    }
    start(paths);
}

void CorpusLoader::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void CorpusLoader::start(const QStringList &paths)
{
    m_cancel = std::make_shared<std::atomic_bool>(false);
    Job job;
    job.extractor = m_extractor;
    job.fingerprint = m_fingerprint;
    if (!m_cacheFolder.isEmpty()) {
        job.cacheFile = corpusCacheFile(m_cacheFolder, paths);
        if (job.cacheFile == m_cacheFile)
            job.cache = m_cache;  // saves reading the file the last load wrote
    }
    m_watcher.setFuture(QtConcurrent::run(workerPool(), &CorpusLoader::runJob, paths, std::move(job), m_cancel));
    emit started();
}

void CorpusLoader::onResultReady(int index)
{
    const Job job = m_watcher.resultAt(index);
    m_extractor = job.extractor;
    m_fingerprint = job.fingerprint;
    m_cache = job.cache;
    m_cacheFile = job.cacheFile;
    if (m_pending)
        return;  // superseded: do not show it
    m_loading = false;
    emit finished(job.events, job.cancelled);
}

void CorpusLoader::onFinished()
{
    // The worker is done, the cache file written: the load asked for meanwhile may start.
    if (m_pending)
        start(std::exchange(m_pending, std::nullopt).value());
}

} // namespace dateline
