#pragma once

#include "corpus.h"

#include <QByteArray>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace dateline {

class CorpusCache;
class EventIndex;
class Extractor;

// Reads article files into a Corpus on worker threads so that the window stays responsive.
// One load runs at a time: asking for another cancels the running one and starts when it stops.
// With a cache folder, the articles of unchanged files are taken from the cache of the same paths,
// in memory from the previous load or from its file, and the file is updated after the corpus is
// handed over, still on the worker thread.
class CorpusLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorpusLoader)

public:
    explicit CorpusLoader(QObject *parent = nullptr);
    ~CorpusLoader() override;  // cancels and waits: workers must not outlive the loader

    // Where each set of opened paths gets its cache file; empty (the default): every file is read every time.
    void setCacheFolder(const QString &folder) { m_cacheFolder = folder; }
    QString cacheFolder() const { return m_cacheFolder; }

    void load(const QStringList &paths);
    void cancel();
    bool isLoading() const { return m_loading; }

signals:
    void started();
    void progress(int done, int total);
    // `cancelled` means the corpus holds only the files read before Cancel was pressed.
    void finished(std::shared_ptr<const dateline::EventIndex> events, bool cancelled);

private:
    // What a load starts from and hands back. The worker goes on writing the cache file after
    // handing it back, so that the corpus is shown without waiting for the disk.
    struct Job
    {
        std::shared_ptr<const Extractor> extractor;  // built by the first load
        QByteArray fingerprint;                      // of the extractor's resources
        std::shared_ptr<const CorpusCache> cache;    // given: the previous one, if for the same file
        QString cacheFile;                           // empty without a cache folder
        std::shared_ptr<const EventIndex> events;  // the corpus read, indexed
        bool cancelled = false;
    };

    // On a worker thread: reads the files, hands the corpus over, then writes the cache if it changed.
    static void runJob(QPromise<Job> &promise, const QStringList &paths, Job job, const std::shared_ptr<std::atomic_bool> &cancel);
    void start(const QStringList &paths);
    void onResultReady(int index);
    void onFinished();

    QFutureWatcher<Job> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<const Extractor> m_extractor;  // built on first load: it reads every resource
    QByteArray m_fingerprint;                      // of m_extractor's resources
    QString m_cacheFolder;
    std::shared_ptr<const CorpusCache> m_cache;    // what the last load read, for a reload of the same paths
    QString m_cacheFile;                           // m_cache's file
    std::optional<QStringList> m_pending;
    bool m_loading = false;                        // from load() until its corpus is handed over
};

} // namespace dateline
