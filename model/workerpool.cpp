#include "workerpool.h"

namespace dateline {

Q_GLOBAL_STATIC(QThreadPool, pool)

QThreadPool *workerPool()
{
    return pool();
}

} // namespace dateline
