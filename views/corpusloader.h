#pragma once

#include "corpus.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <optional>

namespace dateline {

class Extractor;

// Reads article files into a Corpus on worker threads so that the window stays responsive.
// One load runs at a time: asking for another cancels the running one and starts when it stops.
class CorpusLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CorpusLoader)

public:
    explicit CorpusLoader(QObject *parent = nullptr);
    ~CorpusLoader() override;  // cancels and waits: workers must not outlive the loader

    void load(const QStringList &paths);
    void cancel();
    bool isLoading() const { return m_watcher.isRunning(); }

signals:
    void started();
    void progress(int done, int total);
    // `cancelled` means the corpus holds only the files read before Cancel was pressed.
    void finished(std::shared_ptr<const dateline::Corpus> corpus, bool cancelled);

private:
    struct Result
    {
        std::shared_ptr<const Extractor> extractor;
        std::shared_ptr<const Corpus> corpus;
        bool cancelled = false;
    };

    void start(const QStringList &paths);
    void onFinished();

    QFutureWatcher<Result> m_watcher;
    std::shared_ptr<std::atomic_bool> m_cancel;
    std::shared_ptr<const Extractor> m_extractor;  // built on first load: it reads every resource
    std::optional<QStringList> m_pending;
};

} // namespace dateline
