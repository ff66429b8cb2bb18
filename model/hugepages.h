#pragma once

#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace dateline {

// Asks the kernel to back the whole 2 MB pages of [data, data + bytes) with 2 MB pages where it
// can, before they are first written: a corpus's million events faulted in 4 KB at a time are
// 25,000 page faults, each of them 11 µs on the virtual machines measured.
inline void adviseHugePages([[maybe_unused]] const void *data, [[maybe_unused]] size_t bytes)
{
#ifdef Q_OS_LINUX
    constexpr quintptr kHugePage = 2 * 1024 * 1024;
    const auto first = (reinterpret_cast<quintptr>(data) + kHugePage - 1) & ~(kHugePage - 1);
    const auto last = (reinterpret_cast<quintptr>(data) + bytes) & ~(kHugePage - 1);
    if (last > first)
        madvise(reinterpret_cast<void *>(first), last - first, MADV_HUGEPAGE);
#endif
}

// Reserves room for `size` elements, in 2 MB pages where it can. `container` is a QList or a std::vector.
template<typename Container>
void reserveInHugePages(Container &container, qsizetype size)
{
    container.reserve(decltype(container.size())(size));
    adviseHugePages(container.data(), size_t(size) * sizeof(*container.data()));
}

// `units` UTF-16 units, not initialised, in 2 MB pages where it can: one malloc() block, which
// malloc_usable_size() can be asked about.
inline std::shared_ptr<char16_t[]> allocateUnitsInHugePages(size_t units)
{
    auto *const block = static_cast<char16_t *>(std::malloc(std::max<size_t>(units, 1) * sizeof(char16_t)));
    if (!block)
        throw std::bad_alloc();
    adviseHugePages(block, units * sizeof(char16_t));
    return {block, [](char16_t *memory) { std::free(memory); }};
}

} // namespace dateline
