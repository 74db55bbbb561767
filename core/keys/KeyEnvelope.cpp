#include "core/internal/keys/KeyEnvelope.h"

#include <QRegularExpression>

#include "core/common/AtomicFile.h"
#include "core/internal/common/Sodium.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

#include <sodium.h>

namespace bv {

namespace {

const QString kFormat = QStringLiteral("BranchVault key envelope");
constexpr int kVersion = 1;
constexpr std::size_t kPlainSize = 4 + 2 * KeyMaterial::kKeySize; // serialized KeyMaterial

QString b64(const QByteArray& bytes)
{
    return QString::fromLatin1(bytes.toBase64());
}

QByteArray checksumOf(const QJsonObject& objectWithoutChecksum)
{
    const QByteArray canonical = QJsonDocument(objectWithoutChecksum).toJson(QJsonDocument::Compact);
    unsigned char digest[32];
    crypto_generichash(digest, sizeof(digest), reinterpret_cast<const unsigned char*>(canonical.constData()),
        size_t(canonical.size()), nullptr, 0);
    return QByteArray(reinterpret_cast<const char*>(digest), sizeof(digest));
}

Error damaged(const QString& detail)
{
    return makeError(ErrorCode::Damaged,
        KeyEnvelope::tr("The key envelope beside the database is damaged. Restore it from a backup "
                        "(branchvault-cli restore), or use the computer whose keychain still holds the "
                        "key."),
        detail);
}

// Derives the recovery key pair from the passphrase (Argon2id → seed → X25519).
Status deriveKeyPair(const SecureBytes& passphrase, const QByteArray& salt, const KdfParams& params,
    unsigned char publicKey[crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES], SecureBytes& secretKey)
{
    SecureBytes seed(crypto_box_curve25519xchacha20poly1305_SEEDBYTES);
    if (crypto_pwhash(seed.data(), seed.size(), passphrase.constChar(), passphrase.size(),
            reinterpret_cast<const unsigned char*>(salt.constData()), params.opslimit, size_t(params.memlimit),
            crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(ErrorCode::Internal,
            KeyEnvelope::tr("Not enough memory to derive the recovery key. Close other programs and "
                            "try again."));
    secretKey = SecureBytes(crypto_box_curve25519xchacha20poly1305_SECRETKEYBYTES);
    crypto_box_curve25519xchacha20poly1305_seed_keypair(publicKey, secretKey.data(), seed.data());
    return {};
}

} // namespace

Result<KeyEnvelope> KeyEnvelope::create(const QString& databaseId, const SecureBytes& normalizedPassphrase,
    const KdfParams& params, const KeyMaterial& current)
{
    ensureSodium();
    KeyEnvelope envelope;
    envelope.m_databaseId = databaseId;
    envelope.m_params = params;
    envelope.m_salt = QByteArray(crypto_pwhash_SALTBYTES, '\0');
    randombytes_buf(envelope.m_salt.data(), size_t(envelope.m_salt.size()));
    unsigned char publicKey[crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES];
    SecureBytes secretKey;
    BV_TRY(deriveKeyPair(normalizedPassphrase, envelope.m_salt, params, publicKey, secretKey));
    envelope.m_publicKey = QByteArray(reinterpret_cast<const char*>(publicKey), sizeof(publicKey));
    envelope.m_current = envelope.seal(current, 1);
    envelope.m_created = QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    return envelope;
}

KeyEnvelope::Slot KeyEnvelope::seal(const KeyMaterial& material, int generation) const
{
    const SecureBytes plain = material.serialize();
    QByteArray sealed(qsizetype(plain.size() + crypto_box_curve25519xchacha20poly1305_SEALBYTES), '\0');
    crypto_box_curve25519xchacha20poly1305_seal(reinterpret_cast<unsigned char*>(sealed.data()), plain.data(),
        plain.size(), reinterpret_cast<const unsigned char*>(m_publicKey.constData()));
    return Slot {generation, material.keyCheck(m_databaseId), sealed};
}

Result<KeyMaterial> KeyEnvelope::openSlot(const Slot& slot, const SecureBytes& secretKey) const
{
    if (slot.sealed.size() != qsizetype(kPlainSize + crypto_box_curve25519xchacha20poly1305_SEALBYTES))
        return damaged(tr("a key slot has the wrong size"));
    SecureBytes plain(kPlainSize);
    if (crypto_box_curve25519xchacha20poly1305_seal_open(plain.data(),
            reinterpret_cast<const unsigned char*>(slot.sealed.constData()), size_t(slot.sealed.size()),
            reinterpret_cast<const unsigned char*>(m_publicKey.constData()), secretKey.data())
        != 0)
        return damaged(tr("a key slot does not decrypt"));
    auto material = KeyMaterial::deserialize(plain);
    if (!material.ok())
        return damaged(tr("a key slot holds no key material"));
    // The slot must belong to this database: its key check is bound to the database id.
    if (sodium_memcmp(material->keyCheck(m_databaseId).constData(), slot.keyCheck.constData(), 16) != 0
        || slot.keyCheck.size() != 16)
        return damaged(tr("a key slot does not match its key-check value"));
    return std::move(material).value();
}

Result<SecureBytes> KeyEnvelope::recoverySecretKey(const SecureBytes& normalizedPassphrase) const
{
    return recoverySecretKey(normalizedPassphrase, m_salt, m_params, m_publicKey);
}

Result<SecureBytes> KeyEnvelope::recoverySecretKey(const SecureBytes& normalizedPassphrase, const QByteArray& salt,
    const KdfParams& params, const QByteArray& expectedPublicKey)
{
    ensureSodium();
    if (salt.size() != crypto_pwhash_SALTBYTES || params.opslimit < crypto_pwhash_OPSLIMIT_MIN || params.opslimit > 64
        || params.memlimit < crypto_pwhash_MEMLIMIT_MIN || params.memlimit > 4ull * 1024 * 1024 * 1024)
        return makeError(ErrorCode::Damaged, tr("The recovery key derivation parameters are damaged."));
    unsigned char publicKey[crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES];
    SecureBytes secretKey;
    BV_TRY(deriveKeyPair(normalizedPassphrase, salt, params, publicKey, secretKey));
    if (expectedPublicKey.size() != qsizetype(sizeof(publicKey))
        || sodium_memcmp(publicKey, expectedPublicKey.constData(), sizeof(publicKey)) != 0)
        return makeError(ErrorCode::WrongKey,
            tr("The recovery passphrase does not belong to this database. Check that you have the "
               "recovery sheet of this database and type it again."));
    return secretKey;
}

Result<QByteArray> KeyEnvelope::derivePublicKey(
    const SecureBytes& normalizedPassphrase, const QByteArray& salt, const KdfParams& params, SecureBytes* secretKeyOut)
{
    ensureSodium();
    unsigned char publicKey[crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES];
    SecureBytes secretKey;
    BV_TRY(deriveKeyPair(normalizedPassphrase, salt, params, publicKey, secretKey));
    if (secretKeyOut)
        *secretKeyOut = std::move(secretKey);
    return QByteArray(reinterpret_cast<const char*>(publicKey), sizeof(publicKey));
}

Result<KeyEnvelope::Unwrapped> KeyEnvelope::unwrap(const SecureBytes& normalizedPassphrase) const
{
    ensureSodium();
    unsigned char publicKey[crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES];
    SecureBytes secretKey;
    BV_TRY(deriveKeyPair(normalizedPassphrase, m_salt, m_params, publicKey, secretKey));
    if (m_publicKey.size() != qsizetype(sizeof(publicKey))
        || sodium_memcmp(publicKey, m_publicKey.constData(), sizeof(publicKey)) != 0)
        return makeError(ErrorCode::WrongKey,
            tr("The recovery passphrase does not belong to this database. Check that you have the "
               "recovery sheet of this database and type it again."));
    auto current = openSlot(m_current, secretKey);
    if (!current.ok())
        return current.error();
    Unwrapped result {std::move(current).value(), std::nullopt};
    if (m_pending) {
        auto pending = openSlot(*m_pending, secretKey);
        if (!pending.ok())
            return pending.error();
        result.pending = std::move(pending).value();
    }
    return result;
}

bool KeyEnvelope::matchesCurrent(const KeyMaterial& material) const
{
    const QByteArray check = material.keyCheck(m_databaseId);
    return check.size() == m_current.keyCheck.size()
        && sodium_memcmp(check.constData(), m_current.keyCheck.constData(), size_t(check.size())) == 0;
}

bool KeyEnvelope::matchesPending(const KeyMaterial& material) const
{
    if (!m_pending)
        return false;
    const QByteArray check = material.keyCheck(m_databaseId);
    return check.size() == m_pending->keyCheck.size()
        && sodium_memcmp(check.constData(), m_pending->keyCheck.constData(), size_t(check.size())) == 0;
}

void KeyEnvelope::setPending(const KeyMaterial& next)
{
    m_pending = seal(next, m_current.generation + 1);
}

void KeyEnvelope::promotePending()
{
    if (m_pending) {
        m_current = *m_pending;
        m_pending.reset();
    }
}

void KeyEnvelope::clearPending()
{
    m_pending.reset();
}

QJsonObject KeyEnvelope::toObject(bool withChecksum) const
{
    auto slotObject = [](const Slot& slot) {
        return QJsonObject {{QStringLiteral("generation"), slot.generation},
            {QStringLiteral("keyCheck"), b64(slot.keyCheck)}, {QStringLiteral("sealed"), b64(slot.sealed)}};
    };
    QJsonObject object {
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("databaseId"), m_databaseId},
        {QStringLiteral("created"), m_created},
        {QStringLiteral("kdf"),
            QJsonObject {{QStringLiteral("algorithm"), QStringLiteral("argon2id13")},
                {QStringLiteral("opslimit"), QString::number(m_params.opslimit)},
                {QStringLiteral("memlimit"), QString::number(m_params.memlimit)},
                {QStringLiteral("salt"), b64(m_salt)}}},
        {QStringLiteral("recoveryPublicKey"), b64(m_publicKey)},
        {QStringLiteral("current"), slotObject(m_current)},
    };
    if (m_pending)
        object.insert(QStringLiteral("pending"), slotObject(*m_pending));
    if (withChecksum)
        object.insert(QStringLiteral("checksum"), QString::fromLatin1(checksumOf(object).toHex()));
    return object;
}

QByteArray KeyEnvelope::toJson() const
{
    return QJsonDocument(toObject(true)).toJson(QJsonDocument::Indented);
}

Result<KeyEnvelope> KeyEnvelope::fromJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return damaged(tr("not valid JSON at offset %1").arg(parseError.offset));
    QJsonObject object = document.object();
    if (object.value(QStringLiteral("format")).toString() != kFormat)
        return makeError(ErrorCode::NotBranchVault,
            tr("The file beside the database is not a BranchVault key envelope. Restore the envelope "
               "from a backup."));
    if (object.value(QStringLiteral("version")).toInt() != kVersion)
        return makeError(ErrorCode::SchemaTooNew,
            tr("The key envelope was written by a newer BranchVault. Install the newer version."));
    const QString storedChecksum = object.take(QStringLiteral("checksum")).toString();
    if (storedChecksum.isEmpty() || QByteArray::fromHex(storedChecksum.toLatin1()) != checksumOf(object))
        return damaged(tr("its checksum does not match"));

    KeyEnvelope envelope;
    envelope.m_databaseId = object.value(QStringLiteral("databaseId")).toString();
    envelope.m_created = object.value(QStringLiteral("created")).toString();
    const QJsonObject kdf = object.value(QStringLiteral("kdf")).toObject();
    if (kdf.value(QStringLiteral("algorithm")).toString() != QLatin1String("argon2id13"))
        return damaged(tr("unknown key derivation"));
    envelope.m_params.opslimit = kdf.value(QStringLiteral("opslimit")).toString().toULongLong();
    envelope.m_params.memlimit = kdf.value(QStringLiteral("memlimit")).toString().toULongLong();
    envelope.m_salt = QByteArray::fromBase64(kdf.value(QStringLiteral("salt")).toString().toLatin1());
    envelope.m_publicKey
        = QByteArray::fromBase64(object.value(QStringLiteral("recoveryPublicKey")).toString().toLatin1());
    if (envelope.m_params.opslimit < crypto_pwhash_OPSLIMIT_MIN || envelope.m_params.opslimit > 64
        || envelope.m_params.memlimit < crypto_pwhash_MEMLIMIT_MIN
        || envelope.m_params.memlimit > 4ull * 1024 * 1024 * 1024 || envelope.m_salt.size() != crypto_pwhash_SALTBYTES
        || envelope.m_publicKey.size() != crypto_box_curve25519xchacha20poly1305_PUBLICKEYBYTES
        || envelope.m_databaseId.isEmpty())
        return damaged(tr("implausible parameters"));
    auto readSlot = [](const QJsonObject& o) {
        return Slot {o.value(QStringLiteral("generation")).toInt(),
            QByteArray::fromBase64(o.value(QStringLiteral("keyCheck")).toString().toLatin1()),
            QByteArray::fromBase64(o.value(QStringLiteral("sealed")).toString().toLatin1())};
    };
    envelope.m_current = readSlot(object.value(QStringLiteral("current")).toObject());
    if (envelope.m_current.keyCheck.size() != 16 || envelope.m_current.sealed.isEmpty())
        return damaged(tr("the key slot is missing"));
    if (object.contains(QStringLiteral("pending")))
        envelope.m_pending = readSlot(object.value(QStringLiteral("pending")).toObject());
    return envelope;
}

QString KeyEnvelope::peekDatabaseId(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = file.read(64 * 1024);
    static const QRegularExpression pattern(
        QStringLiteral("\"databaseId\"\\s*:\\s*\"([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\""));
    const QRegularExpressionMatch match = pattern.match(QString::fromLatin1(bytes));
    return match.hasMatch() ? match.captured(1) : QString();
}

Result<KeyEnvelope> KeyEnvelope::load(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return makeError(ErrorCode::NotFound,
            tr("The key envelope %1 is missing. Without it the recovery passphrase cannot unlock the "
               "database; restore it from a backup.")
                .arg(QDir::toNativeSeparators(path)));
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io,
            tr("The key envelope %1 cannot be read. Check the file's permissions.").arg(QDir::toNativeSeparators(path)),
            file.errorString());
    if (file.size() > 64 * 1024)
        return damaged(tr("the file is too large"));
    return fromJson(file.readAll());
}

Status KeyEnvelope::save(const QString& path) const
{
    return AtomicFile::write(path, toJson());
}

} // namespace bv
