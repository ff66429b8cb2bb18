#pragma once

#include "corpus.h"
#include "eventindex.h"
#include "extractor.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

// What the benchmarks read: the corpus scripts/generate-corpus.py wrote, in $DATELINE_BENCH_CORPUS.
namespace bench {

QString corpusFolder();
const QStringList &corpusFiles();  // every article file of the corpus, sorted
const dateline::Extractor &extractor();

struct FileBytes
{
    QString name;
    QByteArray bytes;
};
// The first files of the corpus, read into memory, up to about `bytes` in all.
QList<FileBytes> firstFiles(qint64 bytes);

// A million events or a little more: the events of the first articles of the corpus, copied with
// their articles and moved by whole years until there are enough, so that they spread over decades.
const std::shared_ptr<const dateline::EventIndex> &millionEvents();

// Bytes in use on the heap, as malloc counts them.
qint64 heapInUse();

} // namespace bench
