#pragma once

#include <QThreadPool>

#include <memory>

namespace dateline {

// The threads that load, filter, count and arrange in the background. Not
// QThreadPool::globalInstance(): Qt 6.4 splits large fills over that pool and waits for them on
// the UI thread, so work that kept its threads for seconds kept the window from painting.
// Null once destroyed, as the program ends.
QThreadPool *workerPool();

// Shares `object`, deleted on a worker once nobody holds it. The window lets go of the last
// corpus on the UI thread as the next one arrives: freeing a million events there held it 60 ms.
template<typename T>
std::shared_ptr<const T> sharedFreedOnWorker(std::unique_ptr<T> object)
{
    return std::shared_ptr<const T>(object.release(), [](const T *object) {
        if (QThreadPool *pool = workerPool())
            pool->start([object] { delete object; });
        else
            delete object;
    });
}

} // namespace dateline
