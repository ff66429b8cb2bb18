#include "extractor.h"

#include <QStandardPaths>
#include <QTest>

#include <atomic>
#include <cstdlib>
#include <new>

using namespace dateline;
using namespace Qt::StringLiterals;

// The blocks of C++ containers (std::vector and the like) are counted here, through a global
// operator new that keeps each block's size in front of it: the date tagger's tokens and its
// recognizer's tables, which grew with the whole text. Qt's containers allocate with malloc and
// are not counted. Sanitizer builds keep their allocator's own operator new, and skip the test.
#if defined(__SANITIZE_ADDRESS__)
#define DATELINE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define DATELINE_SANITIZED 1
#endif
#endif

namespace {

std::atomic<qint64> liveBytes = 0;
std::atomic<qint64> peakBytes = 0;

} // namespace

#ifndef DATELINE_SANITIZED
namespace {

constexpr size_t kHeader = alignof(std::max_align_t);

} // namespace

void *operator new(size_t size)
{
    auto *block = static_cast<char *>(std::malloc(size + kHeader));
    if (!block)
        throw std::bad_alloc();
    *reinterpret_cast<size_t *>(block) = size;
    const qint64 live = liveBytes += qint64(size);
    for (qint64 peak = peakBytes; live > peak && !peakBytes.compare_exchange_weak(peak, live);) {
    }
    return block + kHeader;
}

void operator delete(void *pointer) noexcept
{
    if (!pointer)
        return;
    char *block = static_cast<char *>(pointer) - kHeader;
    liveBytes -= qint64(*reinterpret_cast<size_t *>(block));
    std::free(block);
}

void operator delete(void *pointer, size_t) noexcept { operator delete(pointer); }
#endif

class TestExtractionMemory final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostilePages_takeBoundedWorkingMemory_data();
    void hostilePages_takeBoundedWorkingMemory();
};

void TestExtractionMemory::initTestCase()
{
#ifdef DATELINE_SANITIZED
    QSKIP("sanitizer builds keep their allocator's operator new");
#endif
    QStandardPaths::setTestModeEnabled(true);
}

void TestExtractionMemory::hostilePages_takeBoundedWorkingMemory_data()
{
    QTest::addColumn<QByteArray>("page");
    QTest::addColumn<QStringList>("problems");
    const QByteArray header = " date 2023-03\nTitre\n\n";
    // 16 MB of one-character tokens: the date tagger once held a token of 56 bytes for each.
    QTest::newRow("digits") << header + QByteArray("1 ").repeated(8 << 20)
                            << QStringList{u"sentences longer than 4000 characters were cut into pieces: 1"_s};
    const QStringList datesCut{u"over 100000 dates found: only the first 100000 are kept"_s};
    QTest::newRow("dates") << header + QByteArray("En 2020. ").repeated(1 << 20) << datesCut;
    QTest::newRow("meetings") << header + QByteArray("Vladimir Poutine a rencontré Xi Jinping. ").repeated(1 << 18)
                              << QStringList{u"over 10000 events found: only the first 10000 are kept"_s};
    // Tagged while the publication date is looked for, then not again.
    QTest::newRow("dates, undated") << "Titre\n\n" + QByteArray("En 2020. ").repeated(1 << 20) << datesCut;
}

void TestExtractionMemory::hostilePages_takeBoundedWorkingMemory()
{
    constexpr qint64 kMaxWorkingBytes = 8 << 20;
    QFETCH(QByteArray, page);
    QFETCH(QStringList, problems);
    const Extractor extractor;
    const qint64 before = liveBytes;
    peakBytes = before;
    const Extractor::Result result = extractor.extract(page, u"page.txt"_s);
    const qint64 peak = peakBytes - before;
    QCOMPARE(result.article.problems, problems);
    // The tagger's pieces take 4.4 MB at most, whatever the length of the page.
    QVERIFY2(peak < kMaxWorkingBytes, qPrintable(u"%1 bytes at once for a page of %2"_s.arg(peak).arg(page.size())));
}

QTEST_GUILESS_MAIN(TestExtractionMemory)
#include "tst_extractionmemory.moc"
