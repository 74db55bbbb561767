#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeyMaterial.h"

#include <QCoreApplication>
#include <QDateTime>

namespace bv {

class Database;

// Keys stored in the database wrapped (XChaCha20-Poly1305) by a subkey of the key material's wrapping
// key, the key material the keychain and the key envelope hold. Every wrapping key has one row per
// purpose; during a key rotation the same keys are wrapped by the old and the new wrapping key, so
// whichever key material opens the database also unwraps them.
//
// Two tables use it:
// - Staff: the keys that seal staff secrets (second-factor seeds), so that administrators and auditors,
//   who hold no customer-information key, can sign in with a second factor.
// - Legacy: the customer field and blind-index keys of a database written by release 0.1, before key
//   slots. Read once, when a branch manager's first sign-in moves them into key slots (AuthService), and
//   then emptied: from then on the keychain alone opens no grade-1 value.
class Keyring
{
    Q_DECLARE_TR_FUNCTIONS(Keyring)
public:
    enum class Table
    {
        Staff,
        Legacy,
    };

    // Stores (or replaces) `keys` wrapped by `material`'s wrapping key. Runs inside the caller's
    // transaction.
    static Status store(
        Database& db, Table table, const KeyMaterial& material, const FieldKeys& keys, const QDateTime& now);
    static Result<FieldKeys> load(Database& db, Table table, const KeyMaterial& material);
    static Result<bool> isEmpty(Database& db, Table table);
    // Removes the rows of every wrapping key except `keep`'s.
    static Status removeOtherWrappings(Database& db, const KeyMaterial& keep);
    static Status removeWrapping(Database& db, const KeyMaterial& material);
    static Status clear(Database& db, Table table);
};

} // namespace bv
