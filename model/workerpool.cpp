#include "workerpool.h"

#include <QThreadPool>

namespace dateline {

QThreadPool *workerPool()
{
    static QThreadPool pool;
    return &pool;
}

} // namespace dateline
