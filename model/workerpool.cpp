#include "workerpool.h"

#include <QCoreApplication>

namespace dateline {

Q_GLOBAL_STATIC(QThreadPool, backgroundPool)

QThreadPool *workerPool()
{
    // Its work (a cache being written, a corpus being freed) ends while the application still
    // exists, as that of Qt's own pool does.
    static const bool waitedForAtExit = [] {
        qAddPostRoutine([] {
            if (QThreadPool *pool = backgroundPool())
                pool->waitForDone();
        });
        return true;
    }();
    Q_UNUSED(waitedForAtExit);
    return backgroundPool();
}

} // namespace dateline
