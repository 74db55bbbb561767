#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>

namespace bv {

// Argon2id password hashes in libsodium's encoded form ($argon2id$v=19$m=…,t=…,p=1$salt$hash), so
// every hash carries its own parameters and a stronger configuration re-hashes at the next sign-in.
class PasswordHasher
{
    Q_DECLARE_TR_FUNCTIONS(PasswordHasher)
public:
    struct Params
    {
        quint64 opslimit = 3;
        quint64 memlimitMiB = 256;
    };
    static constexpr int kMaxLength = 128;

    // Passwords are compared after Unicode NFKC normalisation (full-width and half-width forms of the
    // same character are one password).
    static SecureBytes normalize(const SecureBytes& utf8);

    // At least `minLength` characters, at most 128, with letters and digits.
    static Status checkPolicy(const SecureBytes& normalized, int minLength);

    static Result<QString> hash(const SecureBytes& normalized, const Params& params);
    static bool verify(const QString& encoded, const SecureBytes& normalized);
    static bool needsRehash(const QString& encoded, const Params& params);
    // `normalized` hashed with the salt and cost of a stored hash, given without its hash part
    // ("$argon2id$v=19$m=…,t=…,p=1$<salt>", as the branch server hands out its password history): the encoded
    // form, equal to the stored hash exactly when it is the same password. A cost beyond 10 passes or 4 GiB, or
    // another form, is refused (Damaged).
    static Result<QString> hashLike(const QString& saltAndCost, const SecureBytes& normalized);

    // A one-time password for a new account or after a reset: 4 groups of 4 lower-case letters and
    // digits (at least one of each), about 80 bits.
    static SecureBytes oneTimePassword();
};

} // namespace bv
