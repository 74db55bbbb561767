#include "core/keys/KeySlots.h"

#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/internal/common/Sodium.h"
#include "core/keys/KeyEnvelope.h"

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

} // namespace

Result<std::optional<KeySlots::Kind>> KeySlots::kindOf(Database& db, qint64 userId)
{
    auto kind = db.scalar(QStringLiteral("SELECT kind FROM key_slots WHERE holder = ?"), {holderOf(userId)});
    if (!kind.ok())
        return kind.error();
    if (kind->isNull())
        return std::optional<Kind>();
    return std::optional<Kind>(kind->toString() == QLatin1String("password") ? Kind::Password : Kind::Pending);
}

Status KeySlots::write(Database& db, qint64 userId, Kind kind, const FieldKeys& keys, const SecureBytes& secret,
    const Kdf& kdf, qint64 writtenBy, const QDateTime& now)
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
    const QByteArray ad = slotAd(holderOf(userId), kindKey(kind), keys.generation);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(wrapped.data()), &written, blob.data(),
        blob.size(), reinterpret_cast<const unsigned char*>(ad.constData()), std::size_t(ad.size()), nullptr,
        reinterpret_cast<const unsigned char*>(nonce.constData()), key->data());
    return db.exec(QStringLiteral("INSERT OR REPLACE INTO key_slots (holder, user_id, kind, generation, kdf_ops, "
                                  "kdf_mem_mib, salt, nonce, public_key, wrapped, written_at, written_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)"),
        {holderOf(userId), userId, kindKey(kind), keys.generation, qint64(kdf.opslimit), qint64(kdf.memlimitMiB), salt,
            nonce, wrapped, now, writtenBy > 0 ? QVariant(writtenBy) : QVariant(QMetaType::fromType<qlonglong>())});
}

Result<FieldKeys> KeySlots::open(Database& db, qint64 userId, Kind kind, const SecureBytes& secret)
{
    ensureSodium();
    auto q = db.query(QStringLiteral("SELECT generation, kdf_ops, kdf_mem_mib, salt, nonce, wrapped FROM key_slots "
                                     "WHERE holder = ? AND kind = ?"),
        {holderOf(userId), kindKey(kind)});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return makeError(ErrorCode::NotFound, tr("This account has no key slot of that kind."));
    }
    const int generation = q->value(0).toInt();
    const Kdf kdf {quint64(q->value(1).toLongLong()), quint64(q->value(2).toLongLong())};
    const QByteArray salt = q->value(3).toByteArray();
    const QByteArray nonce = q->value(4).toByteArray();
    const QByteArray wrapped = q->value(5).toByteArray();
    q->finish();
    if (salt.size() != crypto_pwhash_SALTBYTES || nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
        || wrapped.size() != qsizetype(kKeyBlobBytes + crypto_aead_xchacha20poly1305_ietf_ABYTES)
        || kdf.opslimit < crypto_pwhash_OPSLIMIT_MIN || kdf.opslimit > 64 || kdf.memlimitMiB < 8
        || kdf.memlimitMiB > 4096)
        return makeError(ErrorCode::Damaged, tr("A key slot is damaged. Run \"branchvault-cli verify\"."));
    auto key = deriveKey(secret, salt, kdf);
    if (!key.ok())
        return key.error();
    SecureBytes blob(kKeyBlobBytes);
    unsigned long long plainBytes = 0;
    const QByteArray ad = slotAd(holderOf(userId), kindKey(kind), generation);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(blob.data(), &plainBytes, nullptr,
            reinterpret_cast<const unsigned char*>(wrapped.constData()), std::size_t(wrapped.size()),
            reinterpret_cast<const unsigned char*>(ad.constData()), std::size_t(ad.size()),
            reinterpret_cast<const unsigned char*>(nonce.constData()), key->data())
        != 0)
        return makeError(ErrorCode::AuthenticationFailed,
            kind == Kind::Pending ? tr("The confirmation code is wrong. Type the code the branch manager gave you "
                                       "with this account, in full.")
                                  : tr("The password does not open this account's key slot."));
    return deserialize(blob);
}

Status KeySlots::remove(Database& db, qint64 userId)
{
    return db.exec(QStringLiteral("DELETE FROM key_slots WHERE holder = ?"), {holderOf(userId)});
}

KeySlots::Recipient KeySlots::recipientOf(const KeyEnvelope& envelope)
{
    return Recipient {envelope.publicKey(), envelope.salt(), envelope.params().opslimit, envelope.params().memlimit};
}

Status KeySlots::writeRecovery(
    Database& db, const FieldKeys& keys, const Recipient& recipient, qint64 writtenBy, const QDateTime& now)
{
    ensureSodium();
    if (!keys.isValid() || recipient.publicKey.size() != crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES
        || recipient.salt.size() != crypto_pwhash_SALTBYTES)
        return makeError(ErrorCode::Internal, tr("The recovery key slot cannot be written: no keys or no public key."));
    const SecureBytes blob = serialize(keys);
    QByteArray sealed(qsizetype(blob.size() + crypto_box_curve25519xchacha20poly1305_SEALBYTES), Qt::Uninitialized);
    crypto_box_curve25519xchacha20poly1305_seal(reinterpret_cast<unsigned char*>(sealed.data()), blob.data(),
        blob.size(), reinterpret_cast<const unsigned char*>(recipient.publicKey.constData()));
    // kdf_mem_mib holds the envelope's memlimit in bytes here (the recovery cost is not counted in MiB)
    return db.exec(QStringLiteral("INSERT OR REPLACE INTO key_slots (holder, user_id, kind, generation, kdf_ops, "
                                  "kdf_mem_mib, salt, nonce, public_key, wrapped, written_at, written_by) "
                                  "VALUES ('recovery', NULL, 'recovery', ?, ?, ?, ?, NULL, ?, ?, ?, ?)"),
        {keys.generation, qint64(recipient.opslimit), qint64(recipient.memlimit), recipient.salt, recipient.publicKey,
            sealed, now, writtenBy > 0 ? QVariant(writtenBy) : QVariant(QMetaType::fromType<qlonglong>())});
}

Result<KeySlots::Recipient> KeySlots::recoveryRecipient(Database& db)
{
    auto q = db.query(
        QStringLiteral("SELECT public_key, salt, kdf_ops, kdf_mem_mib FROM key_slots WHERE holder = 'recovery'"));
    if (!q.ok())
        return q.error();
    Recipient recipient;
    if (q->next()) {
        recipient.publicKey = q->value(0).toByteArray();
        recipient.salt = q->value(1).toByteArray();
        recipient.opslimit = quint64(q->value(2).toLongLong());
        recipient.memlimit = quint64(q->value(3).toLongLong());
        q->finish();
        return recipient;
    }
    BV_TRY(rowsFinished(*q, Reading::Accounts));
    return recipient;
}

Result<QByteArray> KeySlots::recoveryPublicKey(Database& db)
{
    auto key = db.scalar(QStringLiteral("SELECT public_key FROM key_slots WHERE holder = 'recovery'"));
    if (!key.ok())
        return key.error();
    return key->toByteArray();
}

Result<FieldKeys> KeySlots::openRecovery(Database& db, const SecureBytes& normalizedPassphrase)
{
    ensureSodium();
    auto q = db.query(QStringLiteral(
        "SELECT public_key, wrapped, salt, kdf_ops, kdf_mem_mib FROM key_slots WHERE holder = 'recovery'"));
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return makeError(ErrorCode::NotFound,
            tr("The database has no recovery key slot yet: a branch manager's first sign-in writes it."));
    }
    const QByteArray publicKey = q->value(0).toByteArray();
    const QByteArray sealed = q->value(1).toByteArray();
    const QByteArray salt = q->value(2).toByteArray();
    const KdfParams params {quint64(q->value(3).toLongLong()), quint64(q->value(4).toLongLong())};
    q->finish();
    if (sealed.size() != qsizetype(kKeyBlobBytes + crypto_box_curve25519xchacha20poly1305_SEALBYTES))
        return makeError(ErrorCode::Damaged, tr("A key slot is damaged. Run \"branchvault-cli verify\"."));
    auto secretKey = KeyEnvelope::recoverySecretKey(normalizedPassphrase, salt, params, publicKey);
    if (!secretKey.ok())
        return secretKey.error();
    SecureBytes blob(kKeyBlobBytes);
    if (crypto_box_curve25519xchacha20poly1305_seal_open(blob.data(),
            reinterpret_cast<const unsigned char*>(sealed.constData()), std::size_t(sealed.size()),
            reinterpret_cast<const unsigned char*>(publicKey.constData()), secretKey->data())
        != 0)
        return makeError(ErrorCode::Damaged, tr("The recovery key slot is damaged. Run \"branchvault-cli verify\"."));
    return deserialize(blob);
}

Result<int> KeySlots::generation(Database& db)
{
    auto generation = db.scalar(QStringLiteral("SELECT max(generation) FROM key_slots"));
    if (!generation.ok())
        return generation.error();
    return generation->isNull() ? 0 : generation->toInt();
}

} // namespace bv
