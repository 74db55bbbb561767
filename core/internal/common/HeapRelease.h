#pragma once

#include "core/internal/InternalOnly.h"

#include <cstddef> // a C library header first: glibc defines __GLIBC__ in <features.h>, which it brings in

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bv {

// Internal to core: at the end of a bulk operation (an import file, a page of approvals) and when a database closes,
// the heap freed is given back to the system. glibc keeps freed memory in the process for reuse, and a bulk operation
// frees much in small pieces (decoded rows, sealed values, the page cache's pages), so without this the process keeps
// its high-water mark: after a 200,000-customer import the branch list was scrolled at 192 MiB resident, and after
// 1,000,000 at 228 MiB (docs/PERFORMANCE.md, "Memory after an import"). Construct one as the first local of the
// operation (or of the closing database's destructor): it releases when that returns, whatever way it returns, after
// everything else of it has been freed. Memory in use (the open database's page cache) stays: only memory already
// freed is released. Elsewhere than glibc it does nothing.
class HeapRelease
{
public:
    HeapRelease() = default;
    HeapRelease(const HeapRelease&) = delete;
    HeapRelease& operator=(const HeapRelease&) = delete;
    ~HeapRelease()
    {
#if defined(__GLIBC__)
        (void)malloc_trim(0);
#endif
    }
};

} // namespace bv
