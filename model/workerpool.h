#pragma once

class QThreadPool;

namespace dateline {

// The threads that load, filter, count and arrange in the background. Not
// QThreadPool::globalInstance(): Qt 6.4 splits large fills over that pool and waits for them on
// the UI thread, so work that kept its threads for seconds kept the window from painting.
QThreadPool *workerPool();

} // namespace dateline
