#pragma once

#include "FieldCipher.h"
#include "KeyMaterial.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>

namespace bv {

class Database;

// The field-encryption and blind-index keys, stored in the database's keyring table wrapped
// (XChaCha20-Poly1305) by a subkey of the key material's wrapping key. Every wrapping key has one
// row per purpose; during a key rotation the same field keys are wrapped by the old and the new
// wrapping key, so whichever key material opens the database also unwraps its field keys.
class Keyring
{
    Q_DECLARE_TR_FUNCTIONS(Keyring)
public:
    // Stores (or replaces) `keys` wrapped by `material`'s wrapping key. Runs inside the caller's
    // transaction.
    static Status store(Database& db, const KeyMaterial& material, const FieldKeys& keys, const QDateTime& now);
    static Result<FieldKeys> load(Database& db, const KeyMaterial& material);
    // Removes the rows of every wrapping key except `keep`'s.
    static Status removeOtherWrappings(Database& db, const KeyMaterial& keep);
    static Status removeWrapping(Database& db, const KeyMaterial& material);
};

} // namespace bv
