#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>
#include <QString>

namespace bv {

// What the branch server knows a staff member by, derived on the workstation from the BranchVault login and
// password (docs/SERVER.md, "Signing in"). Nothing here is stored: the person types the password, the workstation
// derives the server password from it and forgets both.
//
//   login role      "u_" + database + "_" + login, with '.' and '-' as '_' (roles are per cluster; a head office's
//                   cluster holds several branches' databases)
//   server password Argon2id(normalised password, salt = BLAKE2b-128("bv-server-password|" database "|" login))
//                   → 32 bytes, base64url: the password PostgreSQL checks by SCRAM-SHA-256. The server and its
//                   logs never see the BranchVault password, and the key slot's key is derived with its own random
//                   salt, so what the server holds opens no slot.
class ServerCredentials
{
    Q_DECLARE_TR_FUNCTIONS(ServerCredentials)
public:
    // The Argon2id cost of the server password: fixed, since it is needed before anything can be read from the
    // server. 64 MiB, 3 passes (above OWASP's minimum; the SCRAM verifier adds PBKDF2 on top).
    static constexpr quint64 kOpsLimit = 3;
    static constexpr quint64 kMemLimitMiB = 64;

    // InvalidInput (field "login") when the login cannot name a login role on this database.
    static Result<QString> roleOf(const QString& login, const QString& database);
    static Result<SecureBytes> serverPassword(
        const QString& login, const QString& database, const SecureBytes& normalizedPassword);
};

} // namespace bv
