#include "benchcorpus.h"

#include <QFile>
#include <QProcessEnvironment>

#include <malloc.h>

#include <cstdio>
#include <cstdlib>

using namespace dateline;

namespace bench {

QString corpusFolder()
{
    const QString folder = qEnvironmentVariable("DATELINE_BENCH_CORPUS");
    if (folder.isEmpty()) {
        std::fputs("Set DATELINE_BENCH_CORPUS to a folder written by scripts/generate-corpus.py\n", stderr);
        std::exit(2);
    }
    return folder;
}

const QStringList &corpusFiles()
{
    static const QStringList files = [] {
        QStringList missing;
        QStringList listed = listArticleFiles({corpusFolder()}, &missing);
        if (listed.isEmpty()) {
            std::fputs("The benchmark corpus is empty or missing\n", stderr);
            std::exit(2);
        }
        return listed;
    }();
    return files;
}

const Extractor &extractor()
{
    static const Extractor instance;
    return instance;
}

QList<FileBytes> firstFiles(qint64 bytes)
{
    QList<FileBytes> result;
    qint64 total = 0;
    for (const QString &path : corpusFiles()) {
        if (total >= bytes)
            break;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        result.append({path, file.readAll()});
        total += result.constLast().bytes.size();
    }
    return result;
}

const std::shared_ptr<const EventIndex> &millionEvents()
{
    static const std::shared_ptr<const EventIndex> index = [] {
        constexpr qsizetype kEvents = 1'000'000;
        const qsizetype sampleFiles = std::min<qsizetype>(5'000, corpusFiles().size());
        const Corpus sample = loadCorpus(extractor(), corpusFiles().mid(0, sampleFiles));
        auto corpus = std::make_shared<Corpus>();
        for (int copy = 0; corpus->events.size() < kEvents && !sample.events.isEmpty(); ++copy) {
            // A year earlier each time; the 29th of February of a year that has none stays put.
            const int years = -copy;
            const int articleOffset = int(corpus->articles.size());
            corpus->articles.append(sample.articles);
            for (Event event : sample.events) {
                const DateValue &date = event.date;
                if (date.isValid()) {
                    const DateValue moved = date.precision() == Precision::Day ? DateValue::ofDay(date.year() + years, date.month(), date.day())
                                            : date.precision() == Precision::Month ? DateValue::ofMonth(date.year() + years, date.month())
                                                                                   : DateValue::ofYear(date.year() + years);
                    if (moved.isValid())
                        event.date = moved;
                }
                event.article += articleOffset;
                corpus->events.append(std::move(event));
            }
        }
        return std::make_shared<const EventIndex>(std::move(corpus));
    }();
    return index;
}

qint64 heapInUse()
{
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks) + qint64(info.hblkhd);
}

} // namespace bench
