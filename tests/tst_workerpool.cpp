#include "workerpool.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace dateline;

class TestWorkerPool final : public QObject
{
    Q_OBJECT

private slots:
    void isNotTheGlobalPoolQtPaintsWith();
    void sharedFreedOnWorker_isDeletedOffTheThreadThatLetsGoOfIt();
};

void TestWorkerPool::isNotTheGlobalPoolQtPaintsWith()
{
    QVERIFY(workerPool());
    QVERIFY(workerPool() != QThreadPool::globalInstance());
}

void TestWorkerPool::sharedFreedOnWorker_isDeletedOffTheThreadThatLetsGoOfIt()
{
    struct Probe
    {
        QSemaphore *deleted;
        QThread **deletedOn;
        ~Probe()
        {
            *deletedOn = QThread::currentThread();
            deleted->release();
        }
    };
    QSemaphore deleted;
    QThread *deletedOn = nullptr;
    std::shared_ptr<const Probe> shared = sharedFreedOnWorker(std::unique_ptr<Probe>(new Probe{&deleted, &deletedOn}));
    std::shared_ptr<const Probe> copy = shared;
    shared.reset();
    QCOMPARE(deleted.available(), 0);
    copy.reset();
    QVERIFY(deleted.tryAcquire(1, 5000));
    QVERIFY(deletedOn);
    QVERIFY(deletedOn != QThread::currentThread());
}

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
