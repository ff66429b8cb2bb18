#pragma once

#include <QSemaphore>
#include <QTest>
#include <QThreadPool>

// Keeps every thread of QThreadPool::globalInstance() waiting while it lives. Qt 6.4 paints
// large areas with that pool and the UI thread waits for it: Dateline's background work must
// run elsewhere, or it keeps the window from painting. Work that still finishes while this
// lives did not need the global pool. Nothing may paint meanwhile: it would wait forever.
class GlobalPoolBlocker final
{
public:
    GlobalPoolBlocker()
    {
        QThreadPool *pool = QThreadPool::globalInstance();
        for (int i = 0; i < pool->maxThreadCount(); ++i)
            pool->start([this] {
                m_started.release();
                m_release.acquire();
            });
        m_started.acquire(pool->maxThreadCount());
    }
    ~GlobalPoolBlocker()
    {
        m_release.release(QThreadPool::globalInstance()->maxThreadCount());
        QThreadPool::globalInstance()->waitForDone();
    }
    Q_DISABLE_COPY_MOVE(GlobalPoolBlocker)

private:
    QSemaphore m_started;
    QSemaphore m_release;
};
