#include "corpus.h"

#include "extractor.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QThread>
#include <QThreadPool>

using namespace Qt::StringLiterals;

namespace dateline {

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

QStringList listArticleFiles(const QStringList &paths, QStringList *missing)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            missing->append(path);
        } else if (info.isDir()) {
            // Not following links to folders keeps a link loop from recursing forever.
            QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QFileInfo file(it.next());
                if (!file.fileName().startsWith(u'.'))
                    files.append(file.absoluteFilePath());
            }
        } else {
            files.append(info.absoluteFilePath());
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

Corpus loadCorpus(const Extractor &extractor, const QStringList &files, const ProgressCallback &progress,
                  const std::atomic_bool *cancel)
{
    QList<Extractor::Result> results(files.size());
    std::atomic_int next = 0;
    std::atomic_int done = 0;
    const auto work = [&] {
        for (int i = next++; i < files.size(); i = next++) {
            if (cancel && cancel->load())
                return;
            try {
                results[i] = extractor.extractFile(files.at(i));
            } catch (const std::exception &error) {
                // One file must never take the others down with it, whatever it holds.
                const QFileInfo info(files.at(i));
                results[i].article.filePath = info.absoluteFilePath();
                results[i].article.fileName = info.fileName();
                results[i].article.problems.append(u"could not be read: internal error ("_s + QString::fromUtf8(error.what())
                                                   + u')');
            }
            const int finished = ++done;
            if (progress)
                progress(finished, int(files.size()));
        }
    };

    QThreadPool pool;
    const int workers = std::max(1, std::min<int>(QThread::idealThreadCount(), int(files.size())));
    for (int i = 1; i < workers; ++i)
        pool.start(work);
    work();
    pool.waitForDone();

    Corpus corpus;
    for (qsizetype i = 0; i < results.size(); ++i) {
        Extractor::Result &result = results[i];
        if (result.article.filePath.isEmpty())
            continue;  // cancelled before this file
        for (const QString &message : std::as_const(result.article.problems))
            corpus.problems.append({result.article.fileName, message});
        const int articleIndex = int(corpus.articles.size());
        for (Event &event : result.events) {
            event.article = articleIndex;
            corpus.events.append(std::move(event));
        }
        corpus.articles.append(std::move(result.article));
    }
    return corpus;
}

} // namespace dateline
