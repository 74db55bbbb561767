#pragma once

#include "core/internal/InternalOnly.h"

#include "core/auth/AuthService.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeySlots.h"

#include <optional>

namespace bv {

// The records of AuthService's private steps that carry field keys; kept out of AuthService.h so that the
// front-door header names no key type.

// A key holder confirmed on the spot, with the keys of their own slot (AuthService::confirmKeyHolder).
struct AuthService::KeyHolder
{
    Actor actor;
    FieldKeys keys;
};

// A sign-in's checks (signIn and signInOnTheSpot): who, with which keys; every refusal audited with `context`.
struct AuthService::Authenticated
{
    Actor actor; // without a session id
    Restriction restriction = Restriction::None;
    bool totpEnrolled = false;
    std::optional<qint64> acceptedStep;
    std::optional<FieldKeys> keys;
    bool moveKeys = false; // release 0.1's keyring: the first branch manager's sign-in moves it into slots
    QString newHash; // a rehash under the current parameters, or empty
    QString verifiedHash; // the stored hash the password was checked against: still it at the commit, or refused
};

} // namespace bv
