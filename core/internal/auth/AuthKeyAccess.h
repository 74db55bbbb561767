#pragma once

#include "core/internal/InternalOnly.h"

#include "core/auth/AuthService.h"
#include "core/internal/keys/FieldCipher.h"

namespace bv {

// The key-custody functions of AuthService, for the tests: a session's field keys (PermissionDenied when it
// holds none). AccountService reaches them as AuthService's friend; front ends never do.
class AuthKeyAccess
{
public:
    static Result<FieldKeys> sessionKeys(AuthService& auth, const Session& session)
    {
        return auth.sessionKeys(session);
    }
};

} // namespace bv
