#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>

namespace bv {

// The secret that the keychain and the key envelope hold for one database: the raw SQLCipher key and
// a separate wrapping key. The wrapping key wraps the field-encryption and blind-index keys stored in
// the database (core/keys/Keyring), so someone holding only the SQLCipher key still cannot decrypt a
// grade-1 value.
class KeyMaterial
{
    Q_DECLARE_TR_FUNCTIONS(KeyMaterial)
public:
    static constexpr std::size_t kKeySize = 32;

    KeyMaterial() = default;
    static KeyMaterial generate();
    // Parses the keychain form; Damaged if it is not key material of this program.
    static Result<KeyMaterial> deserialize(const SecureBytes& blob);
    SecureBytes serialize() const;
    KeyMaterial clone() const;

    bool isValid() const { return m_databaseKey.size() == kKeySize && m_wrapKey.size() == kKeySize; }
    const SecureBytes& databaseKey() const { return m_databaseKey; }
    const SecureBytes& wrapKey() const { return m_wrapKey; }

    // Key-check value of the database key (a keyed hash, reveals nothing about the key), stored in
    // the envelope so a failed open can be told apart: wrong key versus damaged file.
    QByteArray keyCheck(const QString& databaseId) const;
    // Names the wrapping key in the keyring table without revealing it.
    QString wrapKeyId() const;
    // A 32-byte subkey of the wrapping key for one purpose (libsodium crypto_kdf).
    SecureBytes deriveSubkey(quint64 id, const char context[8]) const;

private:
    SecureBytes m_databaseKey;
    SecureBytes m_wrapKey;
};

} // namespace bv
