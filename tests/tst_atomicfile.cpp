#include "atomicfile.h"
#include "testfiles.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace dateline;
using namespace Qt::StringLiterals;

namespace {

constexpr char kWriteAndHang[] = "--write-and-hang";
const QByteArray kPrevious = "the previous export, which must survive\n"_ba;

// The child process of the kill test: starts saving 64 MB and stops dead after the first piece.
int writeAndHang(const QString &path)
{
    const QByteArray bytes(64 * 1024 * 1024, 'x');
    return writeFileAtomically(path, bytes, nullptr, [](qint64) {
        std::fputs("writing\n", stdout);
        std::fflush(stdout);
        QThread::sleep(60);
    }) ? 0 : 1;
}

} // namespace

// Every save (exports of events and charts from the window and the command line) goes through
// writeFileAtomically(): whatever happens while it writes, the previous file stays whole.
class TestAtomicFile final : public QObject
{
    Q_OBJECT

private slots:
    void replacesTheFileWhole();
    void failureLeavesThePreviousFileAndSaysWhy();
    void killedWhileWriting_leavesThePreviousFile();
};

void TestAtomicFile::replacesTheFileWhole()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"export.json"_s);
    QVERIFY(writeFileAtomically(path, kPrevious));
    const QByteArray bytes(9 * 1024 * 1024 + 17, 'y');  // several pieces, the last one short
    QList<qint64> progress;
    QVERIFY(writeFileAtomically(path, bytes, nullptr, [&progress](qint64 written) { progress.append(written); }));
    QCOMPARE(readFile(path), bytes);
    QVERIFY2(progress.size() >= 2, qPrintable(QString::number(progress.size())));
    QVERIFY(std::adjacent_find(progress.cbegin(), progress.cend(), std::greater_equal<>()) == progress.cend());  // growing
    QCOMPARE(progress.last(), bytes.size());
    QCOMPARE(QDir(folder.path()).entryList(QDir::Files), QStringList{u"export.json"_s});  // no temporary file left
}

void TestAtomicFile::failureLeavesThePreviousFileAndSaysWhy()
{
    QTemporaryDir folder;
    QString error;
    QVERIFY(!writeFileAtomically(folder.filePath(u"no/such/folder/export.json"_s), kPrevious, &error));
    QVERIFY(!error.isEmpty());

    // A folder where the file should be: nothing replaces it.
    QVERIFY(QDir(folder.path()).mkdir(u"export.json"_s));
    error.clear();
    QVERIFY(!writeFileAtomically(folder.filePath(u"export.json"_s), kPrevious, &error));
    QVERIFY(!error.isEmpty());
    QVERIFY(QFileInfo(folder.filePath(u"export.json"_s)).isDir());
}

void TestAtomicFile::killedWhileWriting_leavesThePreviousFile()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"export.json"_s);
    QVERIFY(writeFileAtomically(path, kPrevious));

    QProcess writer;
    writer.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kWriteAndHang), path});
    QVERIFY2(writer.waitForStarted(), qPrintable(writer.errorString()));
    const QDeadlineTimer deadline(60'000);
    while (!writer.canReadLine() && writer.state() == QProcess::Running && !deadline.hasExpired())
        writer.waitForReadyRead(1000);
    QCOMPARE(writer.readLine(), "writing\n");  // 4 MB of 64 written
    writer.kill();  // SIGKILL: no chance to clean up
    QVERIFY(writer.waitForFinished());
    QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

    QCOMPARE(readFile(path), kPrevious);
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc == 3 && kWriteAndHang == QByteArrayView(argv[1]))
        return writeAndHang(QString::fromLocal8Bit(argv[2]));
    TestAtomicFile test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_atomicfile.moc"
