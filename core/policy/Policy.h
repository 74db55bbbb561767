#pragma once

#include "core/auth/Role.h"
#include "core/policy/Operation.h"

namespace bv {

// The permission matrix: which role may call which operation. It lives here and nowhere else;
// tests/core/policy/tst_policy checks every cell. Scope rules (own customers, live grants,
// restricted customers) are checked by the services on top of it.
class Policy
{
public:
    static bool allows(Role role, Operation operation);
};

} // namespace bv
