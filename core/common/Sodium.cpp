#include "core/internal/common/Sodium.h"

#include <sodium.h>

namespace bv {

bool ensureSodium()
{
    static const bool ok = sodium_init() >= 0;
    return ok;
}

} // namespace bv
