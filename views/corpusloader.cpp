#include "corpusloader.h"

#include "extractor.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

namespace dateline {

CorpusLoader::CorpusLoader(QObject *parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Result>::progressValueChanged, this,
            [this](int value) { emit progress(value, m_watcher.progressMaximum()); });
    connect(&m_watcher, &QFutureWatcher<Result>::finished, this, &CorpusLoader::onFinished);
}

CorpusLoader::~CorpusLoader()
{
    cancel();
    m_watcher.waitForFinished();
}

void CorpusLoader::load(const QStringList &paths)
{
    if (isLoading()) {
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
    const auto run = [](QPromise<Result> &promise, QStringList paths, std::shared_ptr<const Extractor> extractor,
                        std::shared_ptr<std::atomic_bool> cancel) {
        QStringList missing;
        const QStringList files = listArticleFiles(paths, &missing);
        promise.setProgressRange(0, int(files.size()));
        if (!extractor)
            extractor = std::make_shared<const Extractor>();
        // loadCorpus reports from several threads; QPromise serialises them and drops stale values.
        Corpus corpus = loadCorpus(*extractor, files, [&promise](int done, int) { promise.setProgressValue(done); },
                                   cancel.get());
        for (const QString &path : std::as_const(missing))
            corpus.problems.append({path, tr("No such file or folder")});
        promise.addResult(Result{std::move(extractor), std::make_shared<const Corpus>(std::move(corpus)), cancel->load()});
    };
    m_watcher.setFuture(QtConcurrent::run(run, paths, m_extractor, m_cancel));
    emit started();
}

void CorpusLoader::onFinished()
{
    const QFuture<Result> future = m_watcher.future();
    if (future.resultCount() == 0)
        return;
    Result result = future.result();
    m_extractor = result.extractor;
    if (m_pending) {
        const QStringList paths = std::exchange(m_pending, std::nullopt).value();
        start(paths);  // the cancelled corpus is superseded: do not show it
        return;
    }
    emit finished(result.corpus, result.cancelled);
}

} // namespace dateline
