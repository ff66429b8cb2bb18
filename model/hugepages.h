#pragma once

#include <QtGlobal>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace dateline {

// Reserves room for `size` elements and asks the kernel to back it with 2 MB pages where it can,
// before it is first written: a corpus's million events faulted in 4 KB at a time are 25,000 page
// faults, each of them 11 µs on the virtual machines measured. `container` is a QList or a std::vector.
template<typename Container>
void reserveInHugePages(Container &container, qsizetype size)
{
    container.reserve(decltype(container.size())(size));
#ifdef Q_OS_LINUX
    constexpr quintptr kHugePage = 2 * 1024 * 1024;
    const auto first = (reinterpret_cast<quintptr>(container.data()) + kHugePage - 1) & ~(kHugePage - 1);
    const auto last = reinterpret_cast<quintptr>(container.data() + size) & ~(kHugePage - 1);
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#endif
}

} // namespace dateline
