#include "corpuscache.h"

#include "binaryformat.h"
#include "hugepages.h"
#include "resourcefiles.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QStringDecoder>
#include <QThread>
#include <QThreadPool>
#include <QtEndian>

#include <atomic>
#include <bit>
#include <functional>
#include <span>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcCorpusCache, "dateline.cache")

namespace dateline {

#if QT_POINTER_SIZE == 8
// The format below writes every field of these but Article::textBlock, which only holds the memory
// its text is in: a new field must be added to it, with a new kFormatVersion.
static_assert(sizeof(Article) == 328 && sizeof(Event) == 64 && sizeof(Paragraph) == 12,
              "Article, Paragraph or Event changed: update the cache format in corpuscache.cpp and kFormatVersion");
#endif

namespace {

constexpr QByteArrayView kMagic = "DATELINE-CACHE\n";
constexpr quint32 kFormatVersion = 4;
constexpr qsizetype kMaxFingerprintBytes = 64;
constexpr qsizetype kEntriesPerBlock = 256;  // ~1 MB of text: enough blocks to share out among cores

// The smallest encodings of entries and events, to bound their counts by the bytes left.
constexpr qsizetype kEventBytes = kDateBytes + 3 * kSpanBytes + 4 + 1 + 4;
constexpr qsizetype kEntryBytes = 2 * 8 + 7 * kStringBytes + kSpanBytes + 6 * 4 + 2 * kDateBytes + 1;

// Runs work(i) for each i in [0, count) on all cores and returns when all are done.
void forEachInParallel(qsizetype count, const std::function<void(qsizetype)> &work)
{
    std::atomic<qsizetype> next = 0;
    const auto worker = [&] {
        for (qsizetype i = next++; i < count; i = next++)
            work(i);
    };
    QThreadPool pool;
    const int threads = int(std::clamp<qsizetype>(QThread::idealThreadCount(), 1, std::max<qsizetype>(count, 1)));
    for (int i = 1; i < threads; ++i)
        pool.start(worker);
    worker();
    pool.waitForDone();
}

// A frame is a length, a checksum, then the payload.
struct Frame
{
    QByteArrayView payload;
    quint64 checksum = 0;

    bool isIntact() const { return cacheChecksum(payload) == checksum; }
};

void writeFrame(QIODevice &device, QByteArrayView payload, bool *ok)
{
    BinaryWriter frame;
    frame.i64(payload.size());
    frame.number(cacheChecksum(payload));
    *ok = *ok && device.write(frame.bytes) == frame.bytes.size() && device.write(payload.data(), payload.size()) == payload.size();
}

Frame readFrame(BinaryReader &reader)
{
    const qint64 size = reader.i64();
    const auto checksum = reader.number<quint64>();
    return {reader.bytes(size), checksum};
}

// The actor names and the lists of them that events hold, each stored once: most events name
// the same few lists, and loaded events then share one copy of each list.
struct ActorLists
{
    QStringList names;
    QList<QList<quint32>> lists;  // indexes into names
    QHash<QStringList, quint32> listIndex;
    QHash<QString, quint32> nameIndex;

    quint32 indexOf(const QStringList &list)
    {
        if (const auto it = listIndex.constFind(list); it != listIndex.cend())
            return *it;
        QList<quint32> indexes;
        for (const QString &name : list) {
            auto it = nameIndex.constFind(name);
            if (it == nameIndex.cend()) {
                it = nameIndex.insert(name, quint32(names.size()));
                names.append(name);
            }
            indexes.append(*it);
        }
        lists.append(indexes);
        return listIndex.insert(list, quint32(lists.size() - 1)).value();
    }
};

void writeEntry(BinaryWriter &out, const Article &article, FileStamp stamp, std::span<const Event> events,
                std::span<const quint32> actorLists)
{
    out.i64(stamp.size);
    out.i64(stamp.modified);
    out.string(article.filePath);
    out.string(article.fileName);
    out.string(article.text);
    out.string(article.headerDate);
    out.string(article.url);
    out.string(article.title);
    out.string(article.publishedEvidence);
    out.span(article.titleSpan);
    out.u32(article.paragraphs.size());
    for (const Paragraph &paragraph : article.paragraphs) {
        out.span(paragraph.span);
        out.u8(paragraph.heading);
    }
    out.spans(article.sentences);
    out.spans(article.junk);
    out.date(article.published);
    out.u8(quint8(article.publishedSource));
    out.date(article.publishedAfter);
    out.u32(article.problems.size());
    for (const QString &problem : article.problems)
        out.string(problem);
    out.u32(article.unlistedActors.size());
    for (const QString &actor : article.unlistedActors)
        out.string(actor);
    out.u32(qsizetype(events.size()));
    for (size_t i = 0; i < events.size(); ++i) {
        const Event &event = events[i];
        out.date(event.date);
        out.span(event.dateSpan);
        out.u32(actorLists[i]);
        out.u8(quint8(event.type));
        out.span(event.locationSpan);
        out.span(event.evidence);
        out.number(std::bit_cast<quint32>(event.confidence));
    }
}

// Where the texts of a block's entries are decoded: its stretch of the cache's text block.
struct TextSink
{
    SharedTexts block;  // the cache's text block
    char16_t *next;
    char16_t *end;
    QStringDecoder decoder{QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom};

    // The next string of `in`, written here and viewed where it is written; failed if the
    // stretch has no room for it. A byte order mark that begins it is kept, as it was written.
    QString read(BinaryReader &in)
    {
        const QByteArrayView utf8 = in.bytes(in.u32());
        QChar *const start = reinterpret_cast<QChar *>(next);
        const qsizetype room = end - next;
        if (utf8.size() <= room) {  // stateless, the decoder makes one unit at most per byte: it fits
            next = reinterpret_cast<char16_t *>(decoder.appendToBuffer(start, utf8));
        } else {  // the stretch's last text may still fit: decoded aside first
            QString decoded(utf8.size(), Qt::Uninitialized);
            const qsizetype decodedSize = decoder.appendToBuffer(decoded.data(), utf8) - decoded.constData();
            if (decodedSize > room) {
                in.fail();
                return {};
            }
            next = std::copy_n(decoded.utf16(), decodedSize, next);
        }
        const qsizetype size = reinterpret_cast<QChar *>(next) - start;
        return size == 0 ? QString() : QString::fromRawData(start, size);
    }
};

// Reads one entry into `article`, `stamp` and the events from `events` on; returns how many events it had.
qsizetype readEntry(BinaryReader &in, const QList<QStringList> &actorLists, qsizetype entry, Article &article,
                    FileStamp &stamp, Event *events, qsizetype eventsLeft, TextSink &texts)
{
    stamp.size = in.i64();
    stamp.modified = in.i64();
    article.filePath = in.string();
    article.fileName = in.string();
    article.text = texts.read(in);
    if (!article.text.isEmpty())
        article.textBlock = texts.block;
    article.headerDate = in.string();
    article.url = in.string();
    article.title = in.string();
    article.publishedEvidence = in.string();
    const qsizetype textSize = article.text.size();
    article.titleSpan = in.span(textSize);
    article.paragraphs.resize(in.count(kSpanBytes + 1));
    for (Paragraph &paragraph : article.paragraphs) {
        paragraph.span = in.span(textSize);
        paragraph.heading = in.u8() != 0;
    }
    article.sentences = in.spans(textSize);
    article.junk = in.spans(textSize);
    article.published = in.date();
    const quint8 source = in.u8();
    if (source > quint8(PublicationSource::None))
        in.fail();
    article.publishedSource = PublicationSource(source);
    article.publishedAfter = in.date();
    article.problems.resize(in.count(kStringBytes));
    for (QString &problem : article.problems)
        problem = in.string();
    article.unlistedActors.resize(in.count(kStringBytes));
    for (QString &actor : article.unlistedActors)
        actor = in.string();

    const qsizetype eventCount = in.count(kEventBytes);
    if (eventCount > eventsLeft) {
        in.fail();
        return 0;
    }
    for (qsizetype i = 0; i < eventCount; ++i) {
        Event &event = events[i];
        event.article = int(entry);
        event.date = in.date();
        event.dateSpan = in.span(textSize);
        if (const quint32 list = in.u32(); list < actorLists.size())
            event.actors = actorLists.at(list);  // shared, not copied
        else
            in.fail();
        const quint8 type = in.u8();
        if (type >= kEventTypeCount)
            in.fail();
        event.type = EventType(type);
        event.locationSpan = in.span(textSize);
        event.evidence = in.span(textSize);
        event.confidence = std::bit_cast<float>(in.u32());
    }
    return eventCount;
}

struct Block
{
    qsizetype firstEntry = 0;
    qsizetype entries = 0;
    qsizetype firstEvent = 0;
    qsizetype events = 0;
    qsizetype firstTextUnit = 0;
    qsizetype textUnits = 0;  // of all its articles' texts
    Frame frame;
};

} // namespace

void removeStaleCacheFiles(const QString &folder, const QString &kept, qint64 maxBytes)
{
    // Reading a cache does not touch its modification time: the loader touches the one it used.
    QFileInfoList files = QDir(folder).entryInfoList({u"corpus-*.cache"_s}, QDir::Files);
    std::sort(files.begin(), files.end(),
              [](const QFileInfo &a, const QFileInfo &b) { return a.lastModified() < b.lastModified(); });
    qint64 total = 0;
    for (const QFileInfo &file : std::as_const(files))
        total += file.size();
    for (const QFileInfo &file : std::as_const(files)) {
        if (total <= maxBytes)
            break;
        if (file.absoluteFilePath() != QFileInfo(kept).absoluteFilePath() && QFile::remove(file.absoluteFilePath()))
            total -= file.size();
    }
    // QSaveFile's temporary files of writes that never finished, once surely not being written.
    const QDateTime settled = QDateTime::currentDateTime().addSecs(-3600);
    for (const QFileInfo &file : QDir(folder).entryInfoList({u"corpus-*.cache.*"_s}, QDir::Files))
        if (file.lastModified() < settled)
            QFile::remove(file.absoluteFilePath());
}

quint64 cacheChecksum(QByteArrayView bytes)
{
    // Multiply-xorshift in four lanes, so that the multiplications of one word do not wait for the last.
    constexpr quint64 kPrime1 = 0x9E3779B185EBCA87ULL;
    constexpr quint64 kPrime2 = 0xC2B2AE3D27D4EB4FULL;
    const auto mix = [](quint64 lane, const char *word) {
        lane = (lane ^ qFromLittleEndian<quint64>(word)) * kPrime1;
        return lane ^ (lane >> 31);
    };
    quint64 lane0 = kPrime1;
    quint64 lane1 = kPrime2;
    quint64 lane2 = ~kPrime1;
    quint64 lane3 = ~kPrime2;
    const char *data = bytes.data();
    qsizetype i = 0;
    for (; i + 32 <= bytes.size(); i += 32) {
        lane0 = mix(lane0, data + i);
        lane1 = mix(lane1, data + i + 8);
        lane2 = mix(lane2, data + i + 16);
        lane3 = mix(lane3, data + i + 24);
    }
    quint64 hash = quint64(bytes.size()) * kPrime2;
    for (; i < bytes.size(); ++i)
        hash = (hash ^ quint8(data[i])) * kPrime2;
    for (const quint64 lane : {lane0, lane1, lane2, lane3}) {
        hash = (hash ^ lane) * kPrime1;
        hash ^= hash >> 29;
    }
    return hash;
}

QByteArray extractorFingerprint()
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(kExtractorVersion));
    // Every built-in resource, as merged with the user's file of the same name.
    QDirIterator resources(u":/dateline"_s, {u"*.json"_s}, QDir::Files);
    QStringList names;
    while (resources.hasNext())
        names.append(QFileInfo(resources.next()).fileName());
    names.sort();
    for (const QString &name : std::as_const(names)) {
        hash.addData(u"\n%1\n"_s.arg(name).toUtf8());
        hash.addData(QJsonDocument(loadResource(name)).toJson(QJsonDocument::Compact));
    }
    return hash.result();
}

CorpusCache::CorpusCache(QByteArray fingerprint) : m_fingerprint(std::move(fingerprint)) { index(); }

CorpusCache::CorpusCache(QByteArray fingerprint, const Corpus &corpus, QList<FileStamp> stamps)
    : m_fingerprint(std::move(fingerprint)), m_articles(corpus.articles), m_events(corpus.events),
      m_stamps(std::move(stamps))
{
    Q_ASSERT(m_stamps.size() == m_articles.size());
    index();
}

void CorpusCache::index()
{
    m_firstEvent.resize(m_articles.size() + 1);
    qsizetype event = 0;
    for (qsizetype article = 0; article < m_articles.size(); ++article) {
        m_firstEvent[article] = event;
        while (event < m_events.size() && m_events.at(event).article == article)
            ++event;
    }
    m_firstEvent[m_articles.size()] = event;
    Q_ASSERT_X(event == m_events.size(), "CorpusCache", "events must be grouped by article, in order");

    m_entryByPath.clear();
    m_entryByPath.reserve(m_articles.size());
    for (qsizetype i = 0; i < m_articles.size(); ++i)
        if (m_stamps.at(i).isValid() && !m_articles.at(i).text.isEmpty())
            m_entryByPath.insert(m_articles.at(i).filePath, i);
}

qsizetype CorpusCache::find(const QString &path, const FileStamp &stamp) const
{
    if (!stamp.isValid())
        return -1;
    const qsizetype entry = m_entryByPath.value(path, -1);
    return entry >= 0 && m_stamps.at(entry) == stamp ? entry : -1;
}

std::span<const Event> CorpusCache::events(qsizetype entry) const
{
    const qsizetype first = m_firstEvent.at(entry);
    return {m_events.constData() + first, size_t(m_firstEvent.at(entry + 1) - first)};
}

std::optional<Corpus> CorpusCache::wholeCorpus() const
{
    if (m_articles.size() != size())
        return std::nullopt;
    Corpus corpus;
    corpus.articles = m_articles;
    corpus.events = m_events;
    for (const Article &article : m_articles)
        for (const QString &message : article.problems)
            corpus.problems.append({article.fileName, message});
    return corpus;
}

bool CorpusCache::write(const QString &path, QString *error, const ProgressCallback &progress, QByteArrayView savedWords) const
{
    QList<qsizetype> entries = m_entryByPath.values();
    std::sort(entries.begin(), entries.end());

    // Names and lists first: the header holds them, the blocks refer to them.
    ActorLists actorLists;
    QList<quint32> actorList(m_events.size());
    for (const qsizetype entry : std::as_const(entries))
        for (qsizetype i = m_firstEvent.at(entry); i < m_firstEvent.at(entry + 1); ++i)
            actorList[i] = actorLists.indexOf(m_events.at(i).actors);

    const qsizetype blockCount = (entries.size() + kEntriesPerBlock - 1) / kEntriesPerBlock;
    const auto blockEntries = [&](qsizetype block) {
        const qsizetype first = block * kEntriesPerBlock;
        return std::span(entries.constData() + first, std::min(kEntriesPerBlock, entries.size() - first));
    };
    BinaryWriter header;
    header.u32(blockCount);
    for (qsizetype block = 0; block < blockCount; ++block) {
        qsizetype events = 0;
        qsizetype textUnits = 0;
        for (const qsizetype entry : blockEntries(block)) {
            events += m_firstEvent.at(entry + 1) - m_firstEvent.at(entry);
            textUnits += m_articles.at(entry).text.size();
        }
        header.u32(qsizetype(blockEntries(block).size()));
        header.u32(events);
        header.i64(textUnits);
    }
    header.u32(actorLists.names.size());
    for (const QString &name : std::as_const(actorLists.names))
        header.string(name);
    header.u32(actorLists.lists.size());
    for (const QList<quint32> &list : std::as_const(actorLists.lists)) {
        header.u32(list.size());
        for (const quint32 name : list)
            header.u32(name);
    }

    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    const auto failed = [&] {
        if (error)
            *error = file.errorString();
        file.cancelWriting();
        return false;
    };
    if (!file.open(QIODevice::WriteOnly))
        return failed();
    BinaryWriter prefix;
    prefix.bytes.append(kMagic);
    prefix.u32(kFormatVersion);
    prefix.u32(m_fingerprint.size());
    prefix.bytes.append(m_fingerprint);
    bool ok = file.write(prefix.bytes) == prefix.bytes.size();
    writeFrame(file, header.bytes, &ok);

    // Encoded on all cores a few blocks at a time, which bounds the memory it takes.
    const qsizetype batchSize = 2 * std::max(1, QThread::idealThreadCount());
    QList<QByteArray> batch;
    for (qsizetype first = 0; ok && first < blockCount; first += batchSize) {
        batch.resize(std::min(batchSize, blockCount - first));
        forEachInParallel(batch.size(), [&](qsizetype i) {
            BinaryWriter block;
            for (const qsizetype entry : blockEntries(first + i)) {
                const qsizetype firstEvent = m_firstEvent.at(entry);
                const qsizetype eventCount = m_firstEvent.at(entry + 1) - firstEvent;
                const auto slice = [&](const auto &list) { return std::span(list.constData() + firstEvent, eventCount); };
                writeEntry(block, m_articles.at(entry), m_stamps.at(entry), slice(m_events), slice(actorList));
            }
            batch[i] = std::move(block.bytes);
        });
        for (qsizetype i = 0; ok && i < batch.size(); ++i) {
            writeFrame(file, batch.at(i), &ok);
            if (progress)
                progress(int(first + i + 1), int(blockCount));
        }
    }
    writeFrame(file, savedWords, &ok);
    if (!ok || !file.commit())
        return failed();
    return true;
}

CorpusCache CorpusCache::read(const QString &path, const QByteArray &fingerprint)
{
    QElapsedTimer timer;
    timer.start();
    CorpusCache cache(fingerprint);
    QFile file(path);
    if (!file.exists())
        return cache;
    const auto ignored = [&](const QString &why) {
        qCWarning(lcCorpusCache).noquote() << "Ignoring the cache" << path << "and reading every file again:" << why;
        return CorpusCache(fingerprint);
    };
    if (!file.open(QIODevice::ReadOnly))
        return ignored(file.errorString());
    // Mapped rather than read: the bytes are decoded where they are, on all cores.
    QByteArray copy;
    QByteArrayView bytes;
    if (const uchar *mapped = file.map(0, file.size()))
        bytes = QByteArrayView(mapped, file.size());
    else
        bytes = copy = file.readAll();

    BinaryReader in(bytes);
    if (in.bytes(kMagic.size()) != kMagic)
        return ignored(u"not a cache file"_s);
    if (const quint32 version = in.u32(); version != kFormatVersion)
        return ignored(u"written in format %1, not %2"_s.arg(version).arg(kFormatVersion));
    const qsizetype fingerprintSize = in.u32();
    if (fingerprintSize > kMaxFingerprintBytes || in.bytes(fingerprintSize) != fingerprint) {
        // Expected after an upgrade or a change to the resource files: no warning.
        qCInfo(lcCorpusCache).noquote() << "The cache" << path << "was written for another version of the extraction: rebuilding it";
        return CorpusCache(fingerprint);
    }

    const Frame headerFrame = readFrame(in);
    if (!headerFrame.isIntact())
        return ignored(u"the header is corrupt"_s);
    BinaryReader header(headerFrame.payload);
    constexpr qsizetype kBlockSizesBytes = 4 + 4 + 8;  // entries, events, text units
    QList<Block> blocks(header.count(kBlockSizesBytes));
    qsizetype entryCount = 0;
    qsizetype eventCount = 0;
    qsizetype textUnitCount = 0;
    for (Block &block : blocks) {
        block.firstEntry = entryCount;
        block.entries = header.u32();
        block.firstEvent = eventCount;
        block.events = header.u32();
        block.firstTextUnit = textUnitCount;
        block.textUnits = header.i64();
        // A unit of text takes a byte of UTF-8 at least: the sum stays within the file's size.
        if (block.textUnits < 0 || block.textUnits > bytes.size() - textUnitCount)
            header.fail();
        else
            textUnitCount += block.textUnits;
        entryCount += block.entries;
        eventCount += block.events;
    }
    QStringList names(header.count(kStringBytes));
    for (QString &name : names)
        name = header.string();
    QList<QStringList> actorLists(header.count(4));
    for (QStringList &list : actorLists) {
        list.resize(header.count(4));
        for (QString &name : list) {
            const quint32 index = header.u32();
            if (index >= names.size())
                header.fail();
            else
                name = names.at(index);
        }
    }
    if (!in.ok() || !header.ok() || !header.atEnd())
        return ignored(u"the header is corrupt"_s);
    for (Block &block : blocks)
        block.frame = readFrame(in);  // checked on all cores below
    const Frame savedWords = readFrame(in);
    if (!in.ok() || !in.atEnd())
        return ignored(u"the file is truncated or corrupt"_s);
    // Checked before allocating: entries and events cannot take fewer bytes than their smallest encoding.
    if (entryCount > bytes.size() / kEntryBytes || eventCount > bytes.size() / kEventBytes)
        return ignored(u"the header is corrupt"_s);

    reserveInHugePages(cache.m_articles, entryCount);
    reserveInHugePages(cache.m_events, eventCount);
    cache.m_articles.resize(entryCount);
    cache.m_events.resize(eventCount);
    cache.m_stamps.resize(entryCount);
    // Not zeroed: each block writes its own stretch, and checks that it wrote all of it.
    const std::shared_ptr<char16_t[]> texts = allocateUnitsInHugePages(size_t(textUnitCount));
    // Written through plain pointers from several threads, each to its own elements.
    Article *articles = cache.m_articles.data();
    Event *events = cache.m_events.data();
    FileStamp *stamps = cache.m_stamps.data();
    std::atomic_bool corrupt = false;
    forEachInParallel(blocks.size(), [&](qsizetype b) {
        const Block &block = blocks.at(b);
        if (corrupt || !block.frame.isIntact()) {
            corrupt = true;
            return;
        }
        BinaryReader entries(block.frame.payload);
        qsizetype event = block.firstEvent;
        const qsizetype eventsEnd = block.firstEvent + block.events;
        char16_t *const blockTexts = texts.get() + block.firstTextUnit;
        TextSink sink{texts, blockTexts, blockTexts + block.textUnits};
        for (qsizetype entry = block.firstEntry; entries.ok() && entry < block.firstEntry + block.entries; ++entry)
            event += readEntry(entries, actorLists, entry, articles[entry], stamps[entry], events + event, eventsEnd - event, sink);
        if (!entries.ok() || !entries.atEnd() || event != eventsEnd || sink.next != sink.end)
            corrupt = true;
    });
    if (corrupt || !savedWords.isIntact())
        return ignored(u"a block is corrupt"_s);
    cache.index();
    cache.m_savedWords = savedWords.payload.toByteArray();
    qCDebug(lcCorpusCache) << "Read" << cache.size() << "articles and" << eventCount << "events from" << path << "in"
                           << timer.elapsed() << "ms";
    return cache;
}

QString corpusCacheFile(const QString &folder, const QStringList &paths)
{
    QStringList absolute;
    for (const QString &path : paths)
        absolute.append(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    absolute.sort();
    absolute.removeDuplicates();
    const QByteArray key = QCryptographicHash::hash(absolute.join(u'\n').toUtf8(), QCryptographicHash::Sha1).toHex();
    return folder + u"/corpus-"_s + QString::fromLatin1(key) + u".cache"_s;
}

} // namespace dateline
