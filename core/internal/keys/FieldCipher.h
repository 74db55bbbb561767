#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/keys/BlindDomain.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace bv {

// The field-encryption key and the blind-index key, random and separate (core/keys/Keyring keeps
// them wrapped in the database).
struct FieldKeys
{
    int generation = 0;
    SecureBytes fieldKey;
    SecureBytes indexKey;

    static FieldKeys generate(int generation);
    FieldKeys clone() const { return FieldKeys {generation, fieldKey.clone(), indexKey.clone()}; }
    bool isValid() const { return generation > 0 && fieldKey.size() == 32 && indexKey.size() == 32; }
};

// Field-level encryption of grade-1 values: XChaCha20-Poly1305 (libsodium) with associated data
// that binds each ciphertext to its owner and field, so a ciphertext copied to another row or
// field fails to decrypt. Blind index: keyed BLAKE2b over the normalised value, for exact lookup
// and duplicate detection without decrypting.
class FieldCipher
{
    Q_DECLARE_TR_FUNCTIONS(FieldCipher)
public:
    static constexpr int kBlindIndexBytes = 16;

    FieldCipher() = default;
    explicit FieldCipher(FieldKeys keys);

    bool isValid() const { return m_keys.isValid(); }
    // The keys of a session, installed when a key holder signs in (core/internal/auth/KeyCustody.h) and wiped when
    // the last key holder's session locks or ends: until then seal/open/blindIndex refuse to work.
    void install(FieldKeys keys) { m_keys = std::move(keys); }
    void clear() { m_keys = FieldKeys(); }
    // PermissionDenied when no keys are installed: no key holder is signed in.
    Status checkAvailable() const;
    int generation() const { return m_keys.generation; }
    const FieldKeys& keys() const { return m_keys; }

    // "bv1|<ownerKind>|<ownerId>|<field>"
    static QByteArray associatedData(QStringView ownerKind, qint64 ownerId, QStringView field);

    // nonce (24 bytes) || ciphertext+tag
    QByteArray seal(const QString& plaintext, const QByteArray& associatedData) const;
    // Damaged if the ciphertext was altered, moved to another owner/field, or sealed with another key.
    Result<QString> open(const QByteArray& sealed, const QByteArray& associatedData) const;

    static QString normalize(BlindDomain domain, const QString& value);
    // Empty for BlindDomain::None or a value that normalises to nothing.
    QByteArray blindIndex(BlindDomain domain, const QString& value) const;

private:
    FieldKeys m_keys;
};

} // namespace bv
