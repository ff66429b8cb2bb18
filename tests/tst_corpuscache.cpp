#include "corpuscache.h"
#include "eventindex.h"
#include "corpusloader.h"
#include "extractor.h"
#include "resourcefiles.h"
#include "testfiles.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QtEndian>

#include <algorithm>
#include <array>
#include <cstdio>
#include <memory>

using namespace dateline;
using namespace Qt::StringLiterals;

namespace {

// Re-invoked with this argument, the test binary writes a large cache and hangs in the middle.
constexpr QByteArrayView kWriteAndHang = "--write-cache-and-hang";
const QByteArray kFingerprint = "test fingerprint";
const auto kIgnoredMessage = QRegularExpression(u"^Ignoring the cache"_s);

// An hour ago: settled, so that the cache trusts the file's stamp.
QDateTime settledTime(int minutesAgo = 60) { return QDateTime::currentDateTime().addSecs(-60 * minutesAgo); }

bool writeFile(const QString &path, const QByteArray &bytes, const QDateTime &modified = settledTime())
{
    QFile file(path);
    // Flushed first, or the write at closing would set the modification time to now.
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size() && file.flush()
           && file.setFileTime(modified, QFileDevice::FileModificationTime);
}

TextSpan spanOf(const QString &text, QStringView part)
{
    const qsizetype start = text.indexOf(part);
    Q_ASSERT(start >= 0);
    return TextSpan::of(start, start + part.size());
}

// Articles and events that set every field, two events with equal actor lists.
Corpus handMadeCorpus()
{
    Article first;
    first.filePath = u"/articles/été 2023/première.txt"_s;
    first.fileName = u"première.txt"_s;
    first.text = u" date 2023-03 https://example.org/2023/03/05\nPoutine à Pékin 😀\nLe 5 mars, Xi Jinping a reçu Vladimir "
                 u"Poutine à Pékin.\nLire aussi\nIls ont signé un accord."_s;
    first.headerDate = u"2023-03"_s;
    first.url = u"https://example.org/2023/03/05"_s;
    first.title = u"Poutine à Pékin 😀"_s;
    first.titleSpan = spanOf(first.text, first.title);
    const TextSpan meetingSentence = spanOf(first.text, u"Le 5 mars, Xi Jinping a reçu Vladimir Poutine à Pékin.");
    const TextSpan agreementSentence = spanOf(first.text, u"Ils ont signé un accord.");
    const TextSpan junkLine = spanOf(first.text, u"Lire aussi");
    first.paragraphs = {{meetingSentence, false}, {junkLine, true}, {agreementSentence, false}};
    first.sentences = {meetingSentence, agreementSentence};
    first.junk = {spanOf(first.text, u" date 2023-03 https://example.org/2023/03/05"), junkLine};
    first.published = DateValue::ofDay(2023, 3, 5);
    first.publishedSource = PublicationSource::Url;
    first.publishedAfter = DateValue::ofYear(2021);
    first.publishedEvidence = u"2023/03/05"_s;
    first.problems = {u"the header line has no date"_s, u"invalid UTF-16 sequences were replaced"_s};
    first.unlistedActors = {u"Ivan Ivanov"_s};

    Article second;
    second.filePath = u"/articles/second.txt"_s;
    second.fileName = u"second.txt"_s;
    second.text = u"Moscou et Pékin ont parlé. Rien d'autre."_s;
    second.title = u"Sans titre"_s;
    second.paragraphs = {{TextSpan::of(0, second.text.size()), false}};
    second.sentences = {spanOf(second.text, u"Moscou et Pékin ont parlé."), spanOf(second.text, u"Rien d'autre.")};
    second.publishedSource = PublicationSource::None;
    second.publishedAfter = DateValue::ofMonth(2019, 4);

    Article third;  // no events
    third.filePath = u"/articles/third.txt"_s;
    third.fileName = u"third.txt"_s;
    third.text = u"Météo : il pleut."_s;
    third.published = DateValue::ofMonth(2020, 2);
    third.publishedSource = PublicationSource::Header;

    Event meeting;
    meeting.article = 0;
    meeting.date = DateValue::ofDay(2023, 3, 5);
    meeting.dateSpan = spanOf(first.text, u"5 mars");
    meeting.actors = {u"Chine"_s, u"Russie"_s, u"Xi Jinping"_s};
    meeting.type = EventType::Meeting;
    meeting.locationSpan = {meetingSentence.end - 6, meetingSentence.end - 1};  // "Pékin"
    meeting.evidence = meetingSentence;
    meeting.confidence = 0.8125f;
    Event agreement;
    agreement.article = 0;
    agreement.date = DateValue::ofMonth(2023, 3);
    agreement.actors = {u"Chine"_s, u"Russie"_s, u"Xi Jinping"_s};  // equal, not shared
    agreement.type = EventType::Agreement;
    agreement.evidence = agreementSentence;
    agreement.confidence = 0.5f;
    Event statement;
    statement.article = 1;
    statement.actors = {u"Russie"_s, u"Chine"_s};
    statement.type = EventType::Statement;
    statement.evidence = second.sentences.at(0);
    statement.confidence = 0.1f;

    Corpus corpus;
    corpus.articles = {first, second, third};
    corpus.events = {meeting, agreement, statement};
    return corpus;
}

QList<FileStamp> stampsFor(const Corpus &corpus)
{
    QList<FileStamp> stamps;
    for (qsizetype i = 0; i < corpus.articles.size(); ++i)
        stamps.append({1000 + i, 1'700'000'000'000 + i});
    return stamps;
}

void compareArticles(const Article &actual, const Article &expected)
{
    QCOMPARE(actual.filePath, expected.filePath);
    QCOMPARE(actual.fileName, expected.fileName);
    QCOMPARE(actual.text, expected.text);
    QCOMPARE(actual.headerDate, expected.headerDate);
    QCOMPARE(actual.url, expected.url);
    QCOMPARE(actual.title, expected.title);
    QCOMPARE(actual.titleSpan, expected.titleSpan);
    QCOMPARE(actual.paragraphs.size(), expected.paragraphs.size());
    for (qsizetype i = 0; i < actual.paragraphs.size(); ++i) {
        QCOMPARE(actual.paragraphs.at(i).span, expected.paragraphs.at(i).span);
        QCOMPARE(actual.paragraphs.at(i).heading, expected.paragraphs.at(i).heading);
    }
    QCOMPARE(actual.sentences, expected.sentences);
    QCOMPARE(actual.junk, expected.junk);
    QCOMPARE(actual.published, expected.published);
    QCOMPARE(actual.publishedSource, expected.publishedSource);
    QCOMPARE(actual.publishedAfter, expected.publishedAfter);
    QCOMPARE(actual.publishedEvidence, expected.publishedEvidence);
    QCOMPARE(actual.problems, expected.problems);
    QCOMPARE(actual.unlistedActors, expected.unlistedActors);
}

void compareEvents(const Event &actual, const Event &expected)
{
    QCOMPARE(actual.article, expected.article);
    QCOMPARE(actual.date, expected.date);
    QCOMPARE(actual.dateSpan, expected.dateSpan);
    QCOMPARE(actual.actors, expected.actors);
    QCOMPARE(actual.type, expected.type);
    QCOMPARE(actual.locationSpan, expected.locationSpan);
    QCOMPARE(actual.evidence, expected.evidence);
    QCOMPARE(actual.confidence, expected.confidence);
}

void compareCorpora(const Corpus &actual, const Corpus &expected)
{
    QCOMPARE(actual.articles.size(), expected.articles.size());
    for (qsizetype i = 0; i < actual.articles.size(); ++i) {
        compareArticles(actual.articles.at(i), expected.articles.at(i));
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(actual.events.size(), expected.events.size());
    for (qsizetype i = 0; i < actual.events.size(); ++i) {
        compareEvents(actual.events.at(i), expected.events.at(i));
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(actual.problems.size(), expected.problems.size());
}

// Where the header frame of a cache file starts: after the magic, the format version and the fingerprint.
qsizetype headerFrameOffset(const QByteArray &bytes)
{
    const qsizetype fingerprintSizeOffset = QByteArrayView("DATELINE-CACHE\n").size() + 4;
    return fingerprintSizeOffset + 4 + qFromLittleEndian<quint32>(bytes.constData() + fingerprintSizeOffset);
}

// Whether every span of `corpus` lies inside the text of its article.
bool spansInsideTexts(const Corpus &corpus)
{
    const auto inside = [](const Article &article, TextSpan span) {
        return span.start >= 0 && span.start <= span.end && span.end <= article.text.size();
    };
    for (const Article &article : corpus.articles) {
        bool ok = inside(article, article.titleSpan);
        for (const Paragraph &paragraph : article.paragraphs)
            ok = ok && inside(article, paragraph.span);
        for (const QList<TextSpan> *spans : {&article.sentences, &article.junk})
            ok = ok && std::all_of(spans->cbegin(), spans->cend(), [&](TextSpan span) { return inside(article, span); });
        if (!ok)
            return false;
    }
    return std::all_of(corpus.events.cbegin(), corpus.events.cend(), [&](const Event &event) {
        if (event.article < 0 || event.article >= corpus.articles.size())
            return false;
        const Article &article = corpus.articles.at(event.article);
        return inside(article, event.evidence) && inside(article, event.dateSpan) && inside(article, event.locationSpan);
    });
}

// The child's part of killedWhileWriting_leavesThePreviousFile: a cache of some tens of megabytes,
// and a hang once its first block is written, until the test kills it.
int writeCacheAndHang(const QString &path)
{
    Corpus corpus;
    const QString paragraph = u"Le président chinois a reçu son homologue russe à Pékin pour des entretiens. "_s.repeated(50);
    for (int i = 0; i < 8000; ++i) {
        Article article;
        article.filePath = u"/big/%1.txt"_s.arg(i);
        article.fileName = u"%1.txt"_s.arg(i);
        article.text = paragraph;
        article.sentences = {{0, 77}};
        corpus.articles.append(article);
        Event event;
        event.article = i;
        event.actors = {u"Chine"_s, u"Russie"_s};
        event.evidence = {0, 77};
        corpus.events.append(event);
    }
    const CorpusCache cache(kFingerprint, corpus, stampsFor(corpus));
    return cache.write(path, nullptr, [](int done, int total) {
        if (done == 1 && total > 1) {
            std::fputs("writing\n", stdout);
            std::fflush(stdout);
            QThread::sleep(60);
        }
    }) ? 0 : 1;
}

} // namespace

class TestCorpusCache final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void roundTrip_keepsEveryField();
    void roundTrip_sharesActorLists();
    void roundTrip_keepsSavedWords();
    void roundTrip_keepsTextsAsWritten();
    void textsReadFromTheFile_outliveTheCache();
    void articlesCopiedOut_keepTheirTexts();
    void articlesWithoutTextOrStamp_areNotCached();
    void cacheFile_isNamedAfterTheSortedPaths();

    void secondLoad_reusesEveryArticle();
    void changedFiles_areReadAgain_data();
    void changedFiles_areReadAgain();
    void recentlyModifiedFile_isReadEveryTime();
    void otherFingerprint_reusesNothing();
    void fingerprint_changesWithUserResources();

    void corruptFile_isIgnoredAndRebuilt_data();
    void corruptFile_isIgnoredAndRebuilt();
    void forgedPayloads_areReadSafelyOrRefused();
    void killedWhileWriting_leavesThePreviousFile();
    void staleCacheFiles_goLeastRecentlyUsedFirst();

    void loader_takesUnchangedFilesFromTheCache();
    void loader_takesIndexWordsFromTheCache();

private:
    QString articlePath(int i) const { return m_folder->filePath(u"%1.txt"_s.arg(i)); }
    QStringList articleFiles() const;
    QString cachePath() const { return m_cacheFolder->filePath(u"cache/corpus.cache"_s); }

    std::unique_ptr<Extractor> m_extractor;
    QByteArray m_fingerprint;
    QStringList m_samples;  // the bundled articles
    std::unique_ptr<QTemporaryDir> m_folder;       // the articles
    std::unique_ptr<QTemporaryDir> m_cacheFolder;  // apart, not to be read as an article
};

void TestCorpusCache::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    m_fingerprint = extractorFingerprint();
    m_extractor = std::make_unique<Extractor>();
    QStringList missing;
    m_samples = listArticleFiles({QStringLiteral(DATELINE_ARTICLES_DIR)}, &missing);
    QCOMPARE(m_samples.size(), 5);
}

void TestCorpusCache::init()
{
    // Copies of the sample articles, settled an hour ago.
    m_folder = std::make_unique<QTemporaryDir>();
    m_cacheFolder = std::make_unique<QTemporaryDir>();
    QVERIFY(m_folder->isValid() && m_cacheFolder->isValid());
    for (int i = 0; i < m_samples.size(); ++i)
        QVERIFY(writeFile(articlePath(i), readFile(m_samples.at(i))));
}

QStringList TestCorpusCache::articleFiles() const
{
    QStringList missing;
    return listArticleFiles({m_folder->path()}, &missing);
}

void TestCorpusCache::roundTrip_keepsEveryField()
{
    const Corpus corpus = handMadeCorpus();
    const QList<FileStamp> stamps = stampsFor(corpus);
    QVERIFY(CorpusCache(kFingerprint, corpus, stamps).write(cachePath()));

    const CorpusCache cache = CorpusCache::read(cachePath(), kFingerprint);
    QCOMPARE(cache.fingerprint(), kFingerprint);
    QCOMPARE(cache.size(), 3);
    Corpus readBack;
    for (qsizetype i = 0; i < corpus.articles.size(); ++i) {
        const Article &article = corpus.articles.at(i);
        const qsizetype entry = cache.find(article.filePath, stamps.at(i));
        QCOMPARE(entry, i);
        QCOMPARE(cache.stamp(entry), stamps.at(i));
        readBack.articles.append(cache.article(entry));
        for (const Event &event : cache.events(entry))
            readBack.events.append(event);  // Event::article is the entry
    }
    compareCorpora(readBack, corpus);
}

void TestCorpusCache::roundTrip_sharesActorLists()
{
    QVERIFY(CorpusCache(kFingerprint, handMadeCorpus(), stampsFor(handMadeCorpus())).write(cachePath()));
    const CorpusCache cache = CorpusCache::read(cachePath(), kFingerprint);
    const std::span<const Event> events = cache.events(0);
    QCOMPARE(events.size(), 2u);
    QCOMPARE(events[0].actors, events[1].actors);
    // One copy for equal lists, not one per event.
    QCOMPARE(events[0].actors.constData(), events[1].actors.constData());
}

void TestCorpusCache::roundTrip_keepsSavedWords()
{
    const QByteArray words("the words of an index\0and more", 31);
    QVERIFY(CorpusCache(kFingerprint, handMadeCorpus(), stampsFor(handMadeCorpus())).write(cachePath(), nullptr, {}, words));
    CorpusCache cache = CorpusCache::read(cachePath(), kFingerprint);
    QCOMPARE(cache.size(), 3);
    QCOMPARE(cache.takeSavedWords(), words);
    QCOMPARE(cache.takeSavedWords(), QByteArray());

    QVERIFY(CorpusCache(kFingerprint, handMadeCorpus(), stampsFor(handMadeCorpus())).write(cachePath()));
    QCOMPARE(CorpusCache::read(cachePath(), kFingerprint).takeSavedWords(), QByteArray());
}

void TestCorpusCache::roundTrip_keepsTextsAsWritten()
{
    // A block's last text is decoded aside when its UTF-8 is longer than the room left, as the
    // byte order mark makes article 2's; the others are decoded in place (see TextSink).
    Corpus corpus = handMadeCorpus();
    corpus.articles[0].text.prepend(QChar(0xFEFF));  // a byte order mark is text like any other
    corpus.articles[1].text.append(QChar(0));
    corpus.articles[2].text.prepend(QChar(0xFEFF));
    QVERIFY(CorpusCache(kFingerprint, corpus, stampsFor(corpus)).write(cachePath()));

    const CorpusCache cache = CorpusCache::read(cachePath(), kFingerprint);
    QCOMPARE(cache.size(), 3);
    for (qsizetype i = 0; i < 3; ++i)
        QCOMPARE(cache.article(i).text, corpus.articles.at(i).text);
}

void TestCorpusCache::textsReadFromTheFile_outliveTheCache()
{
    // The texts are decoded into memory the cache shares with the corpora made of it.
    const Corpus written = handMadeCorpus();
    QVERIFY(CorpusCache(kFingerprint, written, stampsFor(written)).write(cachePath()));
    const std::optional<Corpus> whole = CorpusCache::read(cachePath(), kFingerprint).wholeCorpus();
    QVERIFY(whole);
    QCOMPARE(whole->articles.size(), written.articles.size());
    for (qsizetype i = 0; i < written.articles.size(); ++i)
        compareArticles(whole->articles.at(i), written.articles.at(i));

    // The same for articles taken one by one, the others read again.
    CorpusCache cache(m_fingerprint);
    loadCorpus(*m_extractor, articleFiles(), &cache);
    QVERIFY(cache.write(cachePath()));
    QVERIFY(writeFile(articlePath(1), readFile(articlePath(1)) + "\nUne ligne de plus.\n"));
    cache = CorpusCache::read(cachePath(), m_fingerprint);
    CacheStats stats;
    const Corpus corpus = loadCorpus(*m_extractor, articleFiles(), &cache, &stats);
    QCOMPARE(stats.reused, 4);
    cache = CorpusCache(m_fingerprint);
    compareCorpora(corpus, loadCorpus(*m_extractor, articleFiles()));
}

void TestCorpusCache::articlesCopiedOut_keepTheirTexts()
{
    // Extracted texts are moved into blocks, and those read from a cache file decoded into one:
    // each article holds the block its text views, so that a copy outlives the corpus it came from.
    QList<Article> copies;
    {
        const Corpus extracted = loadCorpus(*m_extractor, articleFiles());
        QVERIFY(CorpusCache(m_fingerprint, extracted, stampsFor(extracted)).write(cachePath()));
        const std::optional<Corpus> read = CorpusCache::read(cachePath(), m_fingerprint).wholeCorpus();
        QVERIFY(read);
        copies = extracted.articles + read->articles;
    }
    QCOMPARE(copies.size(), 2 * articleFiles().size());
    for (const Article &article : std::as_const(copies)) {
        QVERIFY(article.textBlock);
        QCOMPARE(article.text, m_extractor->extractFile(article.filePath).article.text);
    }
}

void TestCorpusCache::articlesWithoutTextOrStamp_areNotCached()
{
    Corpus corpus = handMadeCorpus();
    corpus.articles[2].text.clear();  // as when a file cannot be opened
    QList<FileStamp> stamps = stampsFor(corpus);
    stamps[1] = {};  // as when its extraction failed
    const CorpusCache cache(kFingerprint, corpus, stamps);
    QCOMPARE(cache.size(), 1);
    QVERIFY(cache.write(cachePath()));

    const CorpusCache readBack = CorpusCache::read(cachePath(), kFingerprint);
    QCOMPARE(readBack.size(), 1);
    QCOMPARE(readBack.find(corpus.articles.at(0).filePath, stamps.at(0)), 0);
    QCOMPARE(readBack.events(0).size(), 2u);
    QCOMPARE(readBack.find(corpus.articles.at(1).filePath, stampsFor(corpus).at(1)), -1);
    QCOMPARE(readBack.find(corpus.articles.at(2).filePath, stamps.at(2)), -1);
}

void TestCorpusCache::cacheFile_isNamedAfterTheSortedPaths()
{
    const QString folder = m_folder->path();
    const QString ab = corpusCacheFile(folder, {u"/a"_s, u"/b"_s});
    QVERIFY(ab.startsWith(folder + u'/'));
    QCOMPARE(corpusCacheFile(folder, {u"/b"_s, u"/a/../a"_s}), ab);
    QVERIFY(corpusCacheFile(folder, {u"/a"_s}) != ab);
}

void TestCorpusCache::secondLoad_reusesEveryArticle()
{
    CorpusCache cache(m_fingerprint);
    CacheStats stats;
    const Corpus first = loadCorpus(*m_extractor, articleFiles(), &cache, &stats);
    QCOMPARE(stats.reused, 0);
    QCOMPARE(stats.extracted, 5);
    QVERIFY(stats.changed);
    QVERIFY(!first.events.isEmpty());
    QVERIFY(cache.write(cachePath()));

    cache = CorpusCache::read(cachePath(), m_fingerprint);
    QCOMPARE(cache.size(), 5);
    const Corpus second = loadCorpus(*m_extractor, articleFiles(), &cache, &stats);
    QCOMPARE(stats.reused, 5);
    QCOMPARE(stats.extracted, 0);
    QVERIFY(!stats.changed);
    compareCorpora(second, first);
}

void TestCorpusCache::changedFiles_areReadAgain_data()
{
    QTest::addColumn<QString>("change");
    QTest::addColumn<int>("reused");
    QTest::addColumn<int>("extracted");
    QTest::newRow("a file grew") << u"size"_s << 4 << 1;
    QTest::newRow("a file was rewritten with the same size") << u"time"_s << 4 << 1;
    QTest::newRow("a file was removed") << u"remove"_s << 4 << 0;
    QTest::newRow("a file was added") << u"add"_s << 5 << 1;
}

void TestCorpusCache::changedFiles_areReadAgain()
{
    QFETCH(QString, change);
    QFETCH(int, reused);
    QFETCH(int, extracted);
    CorpusCache cache(m_fingerprint);
    loadCorpus(*m_extractor, articleFiles(), &cache);
    QVERIFY(cache.write(cachePath()));

    const QString changed = articlePath(1);
    const QDateTime modified = QFileInfo(changed).lastModified();
    const QByteArray bytes = readFile(changed);
    if (change == u"size") {
        QVERIFY(writeFile(changed, bytes + "\nLa Chine et la Russie ont signé un accord.\n", modified));
    } else if (change == u"time") {
        QByteArray sameSize = bytes;
        sameSize[sameSize.indexOf("Chine")] = 'c';
        QVERIFY(writeFile(changed, sameSize, modified.addSecs(1)));
    } else if (change == u"remove") {
        QVERIFY(QFile::remove(changed));
    } else {
        QVERIFY(writeFile(articlePath(5), readFile(m_samples.at(0))));
    }

    cache = CorpusCache::read(cachePath(), m_fingerprint);
    CacheStats stats;
    const Corpus corpus = loadCorpus(*m_extractor, articleFiles(), &cache, &stats);
    QCOMPARE(stats.reused, reused);
    QCOMPARE(stats.extracted, extracted);
    QVERIFY(stats.changed);
    QCOMPARE(cache.size(), reused + extracted);
    // What was read again is what the file holds now, not what the cache held.
    const Corpus fresh = loadCorpus(*m_extractor, articleFiles());
    compareCorpora(corpus, fresh);
}

void TestCorpusCache::recentlyModifiedFile_isReadEveryTime()
{
    QVERIFY(writeFile(articlePath(0), readFile(m_samples.at(0)), QDateTime::currentDateTime()));
    CorpusCache cache(m_fingerprint);
    loadCorpus(*m_extractor, articleFiles(), &cache);
    QCOMPARE(cache.size(), 4);  // a change within the file system's clock tick would go unseen
    CacheStats stats;
    loadCorpus(*m_extractor, articleFiles(), &cache, &stats);
    QCOMPARE(stats.reused, 4);
    QCOMPARE(stats.extracted, 1);
    QVERIFY(!stats.changed);
}

void TestCorpusCache::otherFingerprint_reusesNothing()
{
    CorpusCache cache(m_fingerprint);
    loadCorpus(*m_extractor, articleFiles(), &cache);
    QVERIFY(cache.write(cachePath()));

    QTest::ignoreMessage(QtInfoMsg, QRegularExpression(u"written for another version"_s));
    cache = CorpusCache::read(cachePath(), m_fingerprint + "'");
    QVERIFY(cache.isEmpty());
    CacheStats stats;
    loadCorpus(*m_extractor, articleFiles(), &cache, &stats);
    QCOMPARE(stats.reused, 0);
    QCOMPARE(stats.extracted, 5);
}

void TestCorpusCache::fingerprint_changesWithUserResources()
{
    QCOMPARE(extractorFingerprint(), m_fingerprint);
    QVERIFY(QDir().mkpath(userResourceFolder()));
    const QString userFile = userResourceFolder() + u"/event-cues.json"_s;
    QVERIFY(writeFile(userFile, R"({"meeting": ["a tenu une réunion de test avec"]})"));
    const QByteArray changed = extractorFingerprint();
    QVERIFY(QFile::remove(userFile));
    QVERIFY(changed != m_fingerprint);
    QCOMPARE(extractorFingerprint(), m_fingerprint);
}

void TestCorpusCache::corruptFile_isIgnoredAndRebuilt_data()
{
    QTest::addColumn<QString>("damage");
    QTest::newRow("truncated to half") << u"half"_s;
    QTest::newRow("last byte missing") << u"last byte"_s;
    QTest::newRow("a byte flipped in a block") << u"flip block"_s;
    QTest::newRow("a byte flipped in the header") << u"flip header"_s;
    QTest::newRow("bytes after the end") << u"trailing"_s;
    QTest::newRow("another format version") << u"version"_s;
    QTest::newRow("garbage") << u"garbage"_s;
    QTest::newRow("garbage after the magic") << u"magic then garbage"_s;
    QTest::newRow("empty") << u"empty"_s;
    QTest::newRow("huge frame length") << u"frame length"_s;
    QTest::newRow("huge block count in a checksummed header") << u"block count"_s;
    QTest::newRow("huge entry count in a checksummed header") << u"entry count"_s;
    QTest::newRow("a block's texts one unit longer in a checksummed header") << u"text longer"_s;
    QTest::newRow("a block's texts one unit shorter in a checksummed header") << u"text shorter"_s;
    QTest::newRow("huge text length in a checksummed header") << u"text huge"_s;
    QTest::newRow("negative text length in a checksummed header") << u"text negative"_s;
}

void TestCorpusCache::corruptFile_isIgnoredAndRebuilt()
{
    QFETCH(QString, damage);
    CorpusCache cache(m_fingerprint);
    loadCorpus(*m_extractor, articleFiles(), &cache);
    QVERIFY(cache.write(cachePath()));
    QByteArray bytes = readFile(cachePath());
    const qsizetype header = headerFrameOffset(bytes);
    const auto setNumber = [&](qsizetype offset, auto value) { qToLittleEndian(value, bytes.data() + offset); };
    // A count forged in the header's payload, its checksum made to match.
    const auto forgeHeader = [&](qsizetype payloadOffset, auto value) {
        setNumber(header + 16 + payloadOffset, value);
        const qint64 size = qFromLittleEndian<qint64>(bytes.constData() + header);
        setNumber(header + 8, cacheChecksum(QByteArrayView(bytes).sliced(header + 16, size)));
    };
    if (damage == u"half")
        bytes.truncate(bytes.size() / 2);
    else if (damage == u"last byte")
        bytes.chop(1);
    else if (damage == u"flip block")
        bytes[bytes.size() - 100] = char(bytes.at(bytes.size() - 100) ^ 0x20);
    else if (damage == u"flip header")
        bytes[header + 20] = char(bytes.at(header + 20) ^ 0x01);
    else if (damage == u"trailing")
        bytes.append("more");
    else if (damage == u"version")
        setNumber(QByteArrayView("DATELINE-CACHE\n").size(), quint32(999));
    else if (damage == u"garbage")
        bytes = QByteArray(100000, '\xa5');
    else if (damage == u"magic then garbage")
        bytes = QByteArray("DATELINE-CACHE\n") + QByteArray(100000, '\xff');
    else if (damage == u"empty")
        bytes.clear();
    else if (damage == u"frame length")
        setNumber(header, qint64(1) << 60);
    else if (damage == u"block count")
        forgeHeader(0, 0xFFFF'FFF0u);
    else if (damage == u"entry count")
        forgeHeader(4, 0xFFFF'FFF0u);
    else if (damage.startsWith(u"text")) {
        // The first block's text length, after the block count and its entry and event counts.
        constexpr qsizetype kTextUnitsOffset = 12;
        const auto units = qFromLittleEndian<qint64>(bytes.constData() + header + 16 + kTextUnitsOffset);
        const qint64 forged = damage == u"text longer"    ? units + 1
                              : damage == u"text shorter" ? units - 1
                              : damage == u"text huge"    ? qint64(0xFFFF'FFF0u)
                                                          : qint64(-1);
        forgeHeader(kTextUnitsOffset, forged);
    }
    QVERIFY(writeFile(cachePath(), bytes));

    QTest::ignoreMessage(QtWarningMsg, kIgnoredMessage);
    cache = CorpusCache::read(cachePath(), m_fingerprint);
    QVERIFY(cache.isEmpty());
    QCOMPARE(cache.fingerprint(), m_fingerprint);

    // Rebuilt by the next load, and written whole again.
    CacheStats stats;
    loadCorpus(*m_extractor, articleFiles(), &cache, &stats);
    QCOMPARE(stats.extracted, 5);
    QVERIFY(stats.changed);
    QVERIFY(cache.write(cachePath()));
    QCOMPARE(CorpusCache::read(cachePath(), m_fingerprint).size(), 5);
}

void TestCorpusCache::forgedPayloads_areReadSafelyOrRefused()
{
    // Bytes changed inside a frame whose checksum is then made to match, as a file written to
    // harm the reader would be: it must refuse the file or read it whole, never read or write
    // out of bounds (which the sanitizer build would catch) nor give a span outside its text.
    CorpusCache cache(m_fingerprint);
    loadCorpus(*m_extractor, articleFiles(), &cache);
    QVERIFY(cache.write(cachePath()));
    const QByteArray written = readFile(cachePath());
    struct Frame
    {
        qsizetype start;  // of its length, then checksum, then payload
        qsizetype size;
    };
    QList<Frame> frames;
    for (qsizetype at = headerFrameOffset(written); at < written.size();) {
        frames.append({at, qsizetype(qFromLittleEndian<qint64>(written.constData() + at))});
        at += 16 + frames.constLast().size;
    }
    QVERIFY(frames.size() >= 3);
    frames.removeLast();  // the saved index words: kept as bytes by read(), and checked by EventIndex

    QRandomGenerator random(20261206);  // fixed: a failure is reproducible
    int readWhole = 0;
    // Not hundreds of "Ignoring the cache" in the log; this test sets no other rules to restore.
    QLoggingCategory::setFilterRules(u"dateline.cache.warning=false\ndateline.cache.debug=false"_s);
    const auto restoreLogging = qScopeGuard([] { QLoggingCategory::setFilterRules({}); });
    for (int round = 0; round < 400; ++round) {
        QByteArray bytes = written;
        const Frame frame = frames.at(random.bounded(int(frames.size())));  // the header or a block
        char *payload = bytes.data() + frame.start + 16;
        for (int change = 1 + random.bounded(4); change > 0; --change) {
            const qsizetype at = random.bounded(frame.size - 3);
            // A byte flipped, or a 32-bit count or length made small, large or huge.
            static constexpr std::array<quint32, 5> kNumbers{0, 1, 255, 0x7FFF'FFFFu, 0xFFFF'FFFFu};
            if (random.bounded(2) == 0)
                payload[at] = char(payload[at] ^ (1 << random.bounded(8)));
            else
                qToLittleEndian(kNumbers.at(random.bounded(int(kNumbers.size()))), payload + at);
        }
        qToLittleEndian(cacheChecksum(QByteArrayView(payload, frame.size)), bytes.data() + frame.start + 8);
        QVERIFY(writeFile(cachePath(), bytes));

        const std::optional<Corpus> read = CorpusCache::read(cachePath(), m_fingerprint).wholeCorpus();
        if (read && !read->articles.isEmpty()) {
            ++readWhole;
            QVERIFY2(spansInsideTexts(*read), qPrintable(u"round %1"_s.arg(round)));
        }
    }
    QVERIFY(readWhole > 0);  // some changes leave a readable file: its contents were checked too
}

void TestCorpusCache::killedWhileWriting_leavesThePreviousFile()
{
    const Corpus corpus = handMadeCorpus();
    QVERIFY(CorpusCache(kFingerprint, corpus, stampsFor(corpus)).write(cachePath()));
    const QByteArray previous = readFile(cachePath());

    QProcess writer;
    writer.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kWriteAndHang), cachePath()});
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
    const QDeadlineTimer deadline(60'000);
    while (!writer.canReadLine() && writer.state() == QProcess::Running && !deadline.hasExpired())
        writer.waitForReadyRead(1000);
    QCOMPARE(writer.readLine(), "writing\n");  // the first block is written, the rest to come
    writer.kill();  // SIGKILL: no chance to clean up
    QVERIFY(writer.waitForFinished());
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

    QCOMPARE(readFile(cachePath()), previous);
    const CorpusCache cache = CorpusCache::read(cachePath(), kFingerprint);
    QCOMPARE(cache.size(), 3);
    QCOMPARE(cache.find(corpus.articles.at(0).filePath, stampsFor(corpus).at(0)), 0);
    compareArticles(cache.article(0), corpus.articles.at(0));
}

void TestCorpusCache::staleCacheFiles_goLeastRecentlyUsedFirst()
{
    const QDir folder(m_cacheFolder->path());
    const QByteArray bytes(100, 'c');
    QVERIFY(writeFile(folder.filePath(u"corpus-a.cache"_s), bytes, settledTime(4 * 60)));  // the oldest, but the one in use
    QVERIFY(writeFile(folder.filePath(u"corpus-b.cache"_s), bytes, settledTime(3 * 60)));
    QVERIFY(writeFile(folder.filePath(u"corpus-c.cache"_s), bytes, settledTime(2 * 60)));
    QVERIFY(writeFile(folder.filePath(u"corpus-d.cache"_s), bytes, settledTime(1 * 60)));
    QVERIFY(writeFile(folder.filePath(u"corpus-d.cache.Xy12ab"_s), bytes, settledTime(2 * 60)));  // a write killed two hours ago
    QVERIFY(writeFile(folder.filePath(u"corpus-c.cache.Zz34cd"_s), bytes, QDateTime::currentDateTime()));  // a write perhaps still going on
    QVERIFY(writeFile(folder.filePath(u"notes.txt"_s), bytes, settledTime(5 * 60)));  // not the cache's

    removeStaleCacheFiles(folder.path(), folder.filePath(u"corpus-a.cache"_s), 250);
    QCOMPARE(folder.entryList(QDir::Files, QDir::Name),
             (QStringList{u"corpus-a.cache"_s, u"corpus-c.cache.Zz34cd"_s, u"corpus-d.cache"_s, u"notes.txt"_s}));
}

void TestCorpusCache::loader_takesUnchangedFilesFromTheCache()
{
    // A cache file whose articles all have a title extraction cannot give, for the files as they are.
    const QStringList files = articleFiles();
    Corpus forged = loadCorpus(*m_extractor, files);
    QList<FileStamp> stamps;
    for (Article &article : forged.articles) {
        article.title = u"FROM THE CACHE"_s;
        stamps.append(FileStamp::of(article.filePath));
    }
    const QString cacheFile = corpusCacheFile(m_cacheFolder->path(), {m_folder->path()});
    QVERIFY(CorpusCache(m_fingerprint, forged, stamps).write(cacheFile));
    const auto titles = [](const QList<QVariant> &finished) {
        QStringList titles;
        for (const Article &article : finished.at(0).value<std::shared_ptr<const EventIndex>>()->corpus().articles)
            titles.append(article.title);
        return titles;
    };

    {
        CorpusLoader loader;
        loader.setCacheFolder(m_cacheFolder->path());
        QSignalSpy finished(&loader, &CorpusLoader::finished);
        loader.load({m_folder->path()});
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(titles(finished.at(0)), QStringList(5, u"FROM THE CACHE"_s));

        QVERIFY(writeFile(articlePath(1), readFile(articlePath(1)) + "\nUne ligne de plus.\n"));
        loader.load({m_folder->path()});
        QTRY_COMPARE(finished.count(), 2);
        const QStringList reloaded = titles(finished.at(1));
        QVERIFY(reloaded.at(1) != u"FROM THE CACHE");
        QCOMPARE(reloaded.count(u"FROM THE CACHE"_s), 4);
    }  // the loader waits for its worker, which writes the cache file after handing the corpus over

    const CorpusCache written = CorpusCache::read(cacheFile, m_fingerprint);
    QCOMPARE(written.size(), 5);
    QVERIFY(written.article(1).title != u"FROM THE CACHE");
    QCOMPARE(written.article(0).title, u"FROM THE CACHE"_s);
}

void TestCorpusCache::loader_takesIndexWordsFromTheCache()
{
    // Words saved for titles the articles do not have: only an index made of them finds "zanzibar".
    const QStringList files = articleFiles();
    const auto corpus = std::make_shared<Corpus>(loadCorpus(*m_extractor, files));
    QList<FileStamp> stamps;
    for (const Article &article : corpus->articles)
        stamps.append(FileStamp::of(article.filePath));
    auto retitled = std::make_shared<Corpus>(*corpus);
    for (Article &article : retitled->articles)
        article.title = u"Zanzibar"_s;
    const QString cacheFile = corpusCacheFile(m_cacheFolder->path(), {m_folder->path()});
    QVERIFY(CorpusCache(m_fingerprint, *corpus, stamps).write(cacheFile, nullptr, {}, EventIndex(retitled).savedWords()));
    EventFilter zanzibar;
    zanzibar.text = u"zanzibar"_s;

    {
        CorpusLoader loader;
        loader.setCacheFolder(m_cacheFolder->path());
        QSignalSpy finished(&loader, &CorpusLoader::finished);
        loader.load({m_folder->path()});
        QTRY_COMPARE(finished.count(), 1);
        const auto index = finished.at(0).at(0).value<std::shared_ptr<const EventIndex>>();
        QCOMPARE(index->accepted(zanzibar).size(), corpus->events.size());
    }

    // A cache without words gets them once it has been opened whole.
    QVERIFY(CorpusCache(m_fingerprint, *corpus, stamps).write(cacheFile));
    {
        CorpusLoader loader;
        loader.setCacheFolder(m_cacheFolder->path());
        QSignalSpy finished(&loader, &CorpusLoader::finished);
        loader.load({m_folder->path()});
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).value<std::shared_ptr<const EventIndex>>()->accepted(zanzibar).isEmpty());
    }
    CorpusCache written = CorpusCache::read(cacheFile, m_fingerprint);
    QCOMPARE(written.takeSavedWords(), EventIndex(corpus).savedWords());
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && kWriteAndHang == argv[1])
        return writeCacheAndHang(QString::fromLocal8Bit(argv[2]));
    TestCorpusCache test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_corpuscache.moc"
