#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/internal/keys/KeyMaterial.h"
#include "core/keys/KdfParams.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

#include <optional>

namespace bv {

// The key-envelope file beside the database (<database>.envelope). It holds the database's key
// material wrapped for the recovery passphrase, plus a key-check value:
//
//   passphrase --Argon2id(salt, params)--> seed --> X25519 key pair (public key stored here)
//   key material --crypto_box_curve25519xchacha20poly1305_seal(public key)--> slot
//
// Wrapping needs only the public key, so rekey can wrap new key material without asking for the
// passphrase, and the printed recovery sheet stays valid across key rotations. Unwrapping needs the
// passphrase. A BLAKE2b checksum over the file tells a damaged envelope from a wrong passphrase.
// A "pending" slot holds the next key material during a rotation, so a crash in the middle leaves
// a database that one of the two slots opens.
class KeyEnvelope
{
    Q_DECLARE_TR_FUNCTIONS(KeyEnvelope)
public:
    struct Unwrapped
    {
        KeyMaterial current;
        std::optional<KeyMaterial> pending;
    };

    static QString pathFor(const QString& databasePath) { return databasePath + QStringLiteral(".envelope"); }

    // `normalizedPassphrase` is the output of RecoveryPassphrase::normalize.
    static Result<KeyEnvelope> create(const QString& databaseId, const SecureBytes& normalizedPassphrase,
        const KdfParams& params, const KeyMaterial& current);
    static Result<KeyEnvelope> load(const QString& path);
    // The database id written in an envelope file even when the file is damaged (its checksum fails or its
    // JSON is cut off); empty when none can be read.
    static QString peekDatabaseId(const QString& path);
    static Result<KeyEnvelope> fromJson(const QByteArray& json);
    QByteArray toJson() const;
    Status save(const QString& path) const;

    QString databaseId() const { return m_databaseId; }
    int currentGeneration() const { return m_current.generation; }
    QByteArray currentKeyCheck() const { return m_current.keyCheck; }
    bool hasPending() const { return m_pending.has_value(); }
    QByteArray pendingKeyCheck() const { return m_pending ? m_pending->keyCheck : QByteArray(); }

    // Key-check comparisons (constant time).
    bool matchesCurrent(const KeyMaterial& material) const;
    bool matchesPending(const KeyMaterial& material) const;

    void setPending(const KeyMaterial& next);
    void promotePending();
    void clearPending();

    // The recovery passphrase's public key: the recovery key slot in the database is sealed to it.
    QByteArray publicKey() const { return m_publicKey; }
    QByteArray salt() const { return m_salt; }
    KdfParams params() const { return m_params; }
    // passphrase --Argon2id(salt, params)--> X25519 key pair; the public key must equal `expectedPublicKey`
    // (WrongKey otherwise). Used for the recovery key slot, which keeps its own salt and parameters.
    static Result<SecureBytes> recoverySecretKey(const SecureBytes& normalizedPassphrase, const QByteArray& salt,
        const KdfParams& params, const QByteArray& expectedPublicKey);
    // passphrase --Argon2id(salt, params)--> the public key of its X25519 key pair (a recovery slot that keeps no
    // envelope beside it: the branch server's).
    // `secretKey`, when given, receives the pair's secret key.
    static Result<QByteArray> derivePublicKey(const SecureBytes& normalizedPassphrase, const QByteArray& salt,
        const KdfParams& params, SecureBytes* secretKey = nullptr);
    // The recovery passphrase's secret key, for opening the recovery key slot; WrongKey if the passphrase is
    // not this envelope's.
    Result<SecureBytes> recoverySecretKey(const SecureBytes& normalizedPassphrase) const;

    // WrongKey if the passphrase is not this envelope's; Damaged if a slot does not decrypt.
    Result<Unwrapped> unwrap(const SecureBytes& normalizedPassphrase) const;

private:
    struct Slot
    {
        int generation = 0;
        QByteArray keyCheck;
        QByteArray sealed;
    };

    Slot seal(const KeyMaterial& material, int generation) const;
    Result<KeyMaterial> openSlot(const Slot& slot, const SecureBytes& secretKey) const;
    QJsonObject toObject(bool withChecksum) const;

    QString m_databaseId;
    KdfParams m_params;
    QByteArray m_salt;
    QByteArray m_publicKey;
    Slot m_current;
    std::optional<Slot> m_pending;
    QString m_created;
};

} // namespace bv
