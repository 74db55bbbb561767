#include "core/internal/keys/KeyMaterial.h"

#include "core/internal/common/Sodium.h"

#include <sodium.h>

namespace bv {

namespace {
constexpr char kMagic[4] = {'B', 'V', 'K', '1'};
}

KeyMaterial KeyMaterial::generate()
{
    ensureSodium();
    KeyMaterial material;
    material.m_databaseKey = SecureBytes::random(kKeySize);
    material.m_wrapKey = SecureBytes::random(kKeySize);
    return material;
}

KeyMaterial KeyMaterial::clone() const
{
    KeyMaterial copy;
    copy.m_databaseKey = m_databaseKey.clone();
    copy.m_wrapKey = m_wrapKey.clone();
    return copy;
}

SecureBytes KeyMaterial::serialize() const
{
    SecureBytes blob(sizeof(kMagic) + 2 * kKeySize);
    memcpy(blob.data(), kMagic, sizeof(kMagic));
    memcpy(blob.data() + sizeof(kMagic), m_databaseKey.data(), kKeySize);
    memcpy(blob.data() + sizeof(kMagic) + kKeySize, m_wrapKey.data(), kKeySize);
    return blob;
}

Result<KeyMaterial> KeyMaterial::deserialize(const SecureBytes& blob)
{
    if (blob.size() != sizeof(kMagic) + 2 * kKeySize || memcmp(blob.data(), kMagic, sizeof(kMagic)) != 0)
        return makeError(ErrorCode::Damaged,
            tr("The stored database key is damaged or belongs to another program. Unlock with the "
               "recovery passphrase (branchvault-cli unlock) to store it again."));
    KeyMaterial material;
    material.m_databaseKey = blob.mid(sizeof(kMagic), kKeySize);
    material.m_wrapKey = blob.mid(sizeof(kMagic) + kKeySize, kKeySize);
    return material;
}

QByteArray KeyMaterial::keyCheck(const QString& databaseId) const
{
    const QByteArray message = QByteArrayLiteral("BranchVault key check v1|") + databaseId.toUtf8();
    unsigned char out[16];
    crypto_generichash(out, sizeof(out), reinterpret_cast<const unsigned char*>(message.constData()),
        size_t(message.size()), m_databaseKey.data(), m_databaseKey.size());
    return QByteArray(reinterpret_cast<const char*>(out), sizeof(out));
}

QString KeyMaterial::wrapKeyId() const
{
    static const char message[] = "BranchVault wrap key id v1";
    unsigned char out[8];
    crypto_generichash(out, sizeof(out), reinterpret_cast<const unsigned char*>(message), sizeof(message) - 1,
        m_wrapKey.data(), m_wrapKey.size());
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(out), sizeof(out)).toHex());
}

SecureBytes KeyMaterial::deriveSubkey(quint64 id, const char context[8]) const
{
    SecureBytes subkey(32);
    crypto_kdf_derive_from_key(subkey.data(), subkey.size(), id, context, m_wrapKey.data());
    return subkey;
}

} // namespace bv
