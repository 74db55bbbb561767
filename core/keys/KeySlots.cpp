#include "core/internal/keys/KeySlots.h"

#include "core/internal/common/Sodium.h"
#include "core/internal/db/Database.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/KeyRepository.h"

#include <QtEndian>

#include <sodium.h>

namespace bv {

namespace {

constexpr std::size_t kKeyBlobBytes = 4 + 32 + 32;

QString holderOf(qint64 userId)
{
    return QStringLiteral("user:") + QString::number(userId);
}

QString kindKey(KeySlots::Kind kind)
{
    return kind == KeySlots::Kind::Password ? QStringLiteral("password") : QStringLiteral("pending");
}

QByteArray slotAd(const QString& holder, const QString& kind, int generation)
{
    return QByteArrayLiteral("bv-slot|") + holder.toUtf8() + '|' + kind.toUtf8() + '|' + QByteArray::number(generation);
}

SecureBytes serialize(const FieldKeys& keys)
{
    SecureBytes blob(kKeyBlobBytes);
    qToBigEndian(quint32(keys.generation), blob.data());
    std::memcpy(blob.data() + 4, keys.fieldKey.data(), 32);
    std::memcpy(blob.data() + 36, keys.indexKey.data(), 32);
    return blob;
}

Result<FieldKeys> deserialize(const SecureBytes& blob)
{
    if (blob.size() != kKeyBlobBytes)
        return makeError(ErrorCode::Damaged, KeySlots::tr("A key slot is damaged. Run \"branchvault-cli verify\"."));
    FieldKeys keys;
    keys.generation = int(qFromBigEndian<quint32>(blob.data()));
    keys.fieldKey = SecureBytes::copyOf(blob.data() + 4, 32);
    keys.indexKey = SecureBytes::copyOf(blob.data() + 36, 32);
    if (!keys.isValid())
        return makeError(ErrorCode::Damaged, KeySlots::tr("A key slot is damaged. Run \"branchvault-cli verify\"."));
    return keys;
}

Result<SecureBytes> deriveKey(const SecureBytes& secret, const QByteArray& salt, const KeySlots::Kdf& kdf)
{
    SecureBytes key(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
    if (crypto_pwhash(key.data(), key.size(), secret.constChar(), secret.size(),
            reinterpret_cast<const unsigned char*>(salt.constData()), kdf.opslimit,
            std::size_t(kdf.memlimitMiB) * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::Internal,
            KeySlots::tr("Not enough memory to open the key slot. Close other programs and try again."));
    return key;
}

QByteArray proofOf(const SecureBytes& key)
{
    static const QByteArray label = QByteArrayLiteral("bv-slot-proof|v1");
    QByteArray proof(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(proof.data()), std::size_t(proof.size()),
        reinterpret_cast<const unsigned char*>(label.constData()), std::size_t(label.size()), key.data(), key.size());
    return proof;
}

} // namespace

Result<std::optional<KeySlots::Kind>> KeySlots::kindOf(Database& db, qint64 userId)
{
    auto kind = KeyRepository(db).slotKind(holderOf(userId));
    if (!kind.ok())
        return kind.error();
    if (!kind->has_value())
        return std::optional<Kind>();
    return std::optional<Kind>(**kind == QLatin1String("password") ? Kind::Password : Kind::Pending);
}

Status KeySlots::write(Database& db, qint64 userId, Kind kind, const FieldKeys& keys, const SecureBytes& secret,
    const Kdf& kdf, qint64 writtenBy, const QDateTime& now)
{
    auto slot = wrap(holderOf(userId), kind, keys, secret, kdf);
    if (!slot.ok())
        return slot.error();
    slot->writtenAt = now;
    slot->writtenBy = writtenBy;
    return KeyRepository(db).putUserSlot(holderOf(userId), userId, kindKey(kind), *slot);
}

Result<KeySlots::Wrapped> KeySlots::wrap(const QString& holder, Kind kind, const FieldKeys& keys,
    const SecureBytes& secret, const Kdf& kdf, QByteArray* proof)
{
    ensureSodium();
    if (!keys.isValid())
        return makeError(ErrorCode::PermissionDenied,
            tr("The key slot cannot be written: this session holds no customer-information keys."));
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), std::size_t(salt.size()));
    auto key = deriveKey(secret, salt, kdf);
    if (!key.ok())
        return key.error();
    const SecureBytes blob = serialize(keys);
    QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, Qt::Uninitialized);
    randombytes_buf(nonce.data(), std::size_t(nonce.size()));
    QByteArray wrapped(qsizetype(blob.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
    const QByteArray ad = slotAd(holder, kindKey(kind), keys.generation);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(wrapped.data()), &written, blob.data(),
        blob.size(), reinterpret_cast<const unsigned char*>(ad.constData()), std::size_t(ad.size()), nullptr,
        reinterpret_cast<const unsigned char*>(nonce.constData()), key->data());
    if (proof)
        *proof = proofOf(*key);
    Wrapped slot;
    slot.generation = keys.generation;
    slot.kdfOps = qint64(kdf.opslimit);
    slot.kdfMem = qint64(kdf.memlimitMiB);
    slot.salt = salt;
    slot.nonce = nonce;
    slot.wrapped = wrapped;
    return slot;
}

Result<FieldKeys> KeySlots::open(Database& db, qint64 userId, Kind kind, const SecureBytes& secret)
{
    auto slot = KeyRepository(db).userSlot(holderOf(userId), kindKey(kind));
    if (!slot.ok())
        return slot.error();
    if (!slot->has_value())
        return makeError(ErrorCode::NotFound, tr("This account has no key slot of that kind."));
    return unwrap(holderOf(userId), kind, **slot, secret);
}

Result<FieldKeys> KeySlots::unwrap(
    const QString& holder, Kind kind, const Wrapped& slot, const SecureBytes& secret, QByteArray* proof)
{
    ensureSodium();
    const Kdf kdf {quint64(slot.kdfOps), quint64(slot.kdfMem)};
    if (slot.salt.size() != crypto_pwhash_SALTBYTES || slot.nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
        || slot.wrapped.size() != qsizetype(kKeyBlobBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        || slot.kdfOps < qint64(crypto_pwhash_OPSLIMIT_MIN) || slot.kdfOps > 64 || slot.kdfMem < 8
        || slot.kdfMem > 4096)
        return makeError(ErrorCode::Damaged, tr("A key slot is damaged. Run \"branchvault-cli verify\"."));
    auto key = deriveKey(secret, slot.salt, kdf);
    if (!key.ok())
        return key.error();
    SecureBytes blob(kKeyBlobBytes);
    unsigned long long plainBytes = 0;
    const QByteArray ad = slotAd(holder, kindKey(kind), slot.generation);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(blob.data(), &plainBytes, nullptr,
            reinterpret_cast<const unsigned char*>(slot.wrapped.constData()), std::size_t(slot.wrapped.size()),
            reinterpret_cast<const unsigned char*>(ad.constData()), std::size_t(ad.size()),
            reinterpret_cast<const unsigned char*>(slot.nonce.constData()), key->data())
        != 0)
        return makeError(ErrorCode::AuthenticationFailed,
            kind == Kind::Pending ? tr("The confirmation code is wrong. Type the code the branch manager gave you "
                                       "with this account, in full.")
                                  : tr("The password does not open this account's key slot."));
    if (proof)
        *proof = proofOf(*key);
    return deserialize(blob);
}

Status KeySlots::remove(Database& db, qint64 userId)
{
    return KeyRepository(db).removeSlot(holderOf(userId));
}

KeySlots::Recipient KeySlots::recipientOf(const KeyEnvelope& envelope)
{
    return Recipient {envelope.publicKey(), envelope.salt(), envelope.params().opslimit, envelope.params().memlimit};
}

Status KeySlots::writeRecovery(
    Database& db, const FieldKeys& keys, const Recipient& recipient, qint64 writtenBy, const QDateTime& now)
{
    auto slot = seal(keys, recipient);
    if (!slot.ok())
        return slot.error();
    slot->writtenAt = now;
    slot->writtenBy = writtenBy;
    return KeyRepository(db).putRecoverySlot(*slot);
}

Result<KeySlots::Wrapped> KeySlots::seal(const FieldKeys& keys, const Recipient& recipient)
{
    ensureSodium();
    if (!keys.isValid() || recipient.publicKey.size() != crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES
        || recipient.salt.size() != crypto_pwhash_SALTBYTES)
        return makeError(ErrorCode::Internal, tr("The recovery key slot cannot be written: no keys or no public key."));
    const SecureBytes blob = serialize(keys);
    QByteArray sealed(qsizetype(blob.size() + crypto_box_curve25519xchacha20poly1305_SEALBYTES), Qt::Uninitialized);
    crypto_box_curve25519xchacha20poly1305_seal(reinterpret_cast<unsigned char*>(sealed.data()), blob.data(),
        blob.size(), reinterpret_cast<const unsigned char*>(recipient.publicKey.constData()));
    // kdfMem holds the recovery cost in bytes here (the recovery cost is not counted in MiB)
    Wrapped slot;
    slot.generation = keys.generation;
    slot.kdfOps = qint64(recipient.opslimit);
    slot.kdfMem = qint64(recipient.memlimit);
    slot.salt = recipient.salt;
    slot.publicKey = recipient.publicKey;
    slot.wrapped = sealed;
    return slot;
}

Result<KeySlots::Recipient> KeySlots::recoveryRecipient(Database& db)
{
    auto slot = KeyRepository(db).recoverySlot();
    if (!slot.ok())
        return slot.error();
    Recipient recipient;
    if (slot->has_value()) {
        recipient.publicKey = (*slot)->publicKey;
        recipient.salt = (*slot)->salt;
        recipient.opslimit = quint64((*slot)->kdfOps);
        recipient.memlimit = quint64((*slot)->kdfMem);
    }
    return recipient;
}

Result<QByteArray> KeySlots::recoveryPublicKey(Database& db)
{
    return KeyRepository(db).recoveryPublicKey();
}

Result<FieldKeys> KeySlots::openRecovery(Database& db, const SecureBytes& normalizedPassphrase)
{
    auto slot = KeyRepository(db).recoverySlot();
    if (!slot.ok())
        return slot.error();
    if (!slot->has_value())
        return makeError(ErrorCode::NotFound,
            tr("The database has no recovery key slot yet: a branch manager's first sign-in writes it."));
    return openSealed(**slot, normalizedPassphrase);
}

Result<FieldKeys> KeySlots::openSealed(
    const Wrapped& slot, const SecureBytes& normalizedPassphrase, SecureBytes* secretKeyOut)
{
    ensureSodium();
    const KdfParams params {quint64(slot.kdfOps), quint64(slot.kdfMem)};
    if (slot.wrapped.size() != qsizetype(kKeyBlobBytes + crypto_box_curve25519xchacha20poly1305_SEALBYTES))
        return makeError(ErrorCode::Damaged, tr("A key slot is damaged. Run \"branchvault-cli verify\"."));
    auto secretKey = KeyEnvelope::recoverySecretKey(normalizedPassphrase, slot.salt, params, slot.publicKey);
    if (!secretKey.ok())
        return secretKey.error();
    SecureBytes blob(kKeyBlobBytes);
    if (crypto_box_curve25519xchacha20poly1305_seal_open(blob.data(),
            reinterpret_cast<const unsigned char*>(slot.wrapped.constData()), std::size_t(slot.wrapped.size()),
            reinterpret_cast<const unsigned char*>(slot.publicKey.constData()), secretKey->data())
        != 0)
        return makeError(ErrorCode::Damaged, tr("The recovery key slot is damaged. Run \"branchvault-cli verify\"."));
    if (secretKeyOut)
        *secretKeyOut = std::move(*secretKey);
    return deserialize(blob);
}

QByteArray KeySlots::recoveryCheck(const SecureBytes& secretKey)
{
    ensureSodium();
    static const QByteArray label = QByteArrayLiteral("bv-recovery-check|v1");
    QByteArray check(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(check.data()), std::size_t(check.size()),
        reinterpret_cast<const unsigned char*>(label.constData()), std::size_t(label.size()), secretKey.data(),
        secretKey.size());
    return check;
}

QByteArray KeySlots::recoverySlotTag(const SecureBytes& secretKey, int generation, const QByteArray& sealed)
{
    ensureSodium();
    const QByteArray message
        = QByteArrayLiteral("bv-recovery-slot-tag|v1|") + QByteArray::number(generation) + '|' + sealed;
    QByteArray tag(crypto_generichash_BYTES, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(tag.data()), std::size_t(tag.size()),
        reinterpret_cast<const unsigned char*>(message.constData()), std::size_t(message.size()), secretKey.data(),
        secretKey.size());
    return tag;
}

QString KeySlots::userHolder(qint64 userId)
{
    return holderOf(userId);
}

Result<int> KeySlots::generation(Database& db)
{
    auto generation = KeyRepository(db).slotGeneration();
    if (!generation.ok())
        return generation.error();
    return generation->value_or(0);
}

} // namespace bv
