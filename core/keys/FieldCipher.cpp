#include "core/internal/keys/FieldCipher.h"

#include "core/internal/common/Sodium.h"

#include <sodium.h>

namespace bv {

QString blindDomainKey(BlindDomain domain)
{
    switch (domain) {
    case BlindDomain::None:
        return QString();
    case BlindDomain::IdNumber:
        return QStringLiteral("id");
    case BlindDomain::Phone:
        return QStringLiteral("phone");
    case BlindDomain::Account:
        return QStringLiteral("account");
    case BlindDomain::Name:
        return QStringLiteral("name");
    case BlindDomain::Email:
        return QStringLiteral("email");
    }
    return QString();
}

BlindDomain blindDomainFromKey(const QString& key)
{
    for (BlindDomain d :
        {BlindDomain::IdNumber, BlindDomain::Phone, BlindDomain::Account, BlindDomain::Name, BlindDomain::Email}) {
        if (blindDomainKey(d) == key)
            return d;
    }
    return BlindDomain::None;
}

FieldKeys FieldKeys::generate(int generation)
{
    ensureSodium();
    return FieldKeys {generation, SecureBytes::random(crypto_aead_xchacha20poly1305_ietf_KEYBYTES),
        SecureBytes::random(crypto_generichash_KEYBYTES)};
}

FieldCipher::FieldCipher(FieldKeys keys)
    : m_keys(std::move(keys))
{
}

Status FieldCipher::checkAvailable() const
{
    if (isValid())
        return {};
    return makeError(ErrorCode::PermissionDenied,
        tr("Customer information is locked: its keys are opened only by the password of a branch manager, "
           "customer manager or query clerk. Sign in with such an account (or unlock the locked session) "
           "and try again."));
}

QByteArray FieldCipher::associatedData(QStringView ownerKind, qint64 ownerId, QStringView field)
{
    return QByteArrayLiteral("bv1|") + ownerKind.toUtf8() + '|' + QByteArray::number(ownerId) + '|' + field.toUtf8();
}

QByteArray FieldCipher::seal(const QString& plaintext, const QByteArray& associatedData) const
{
    if (!isValid())
        return QByteArray(); // callers check checkAvailable() first (SealedValues::put does)
    QByteArray message = plaintext.toUtf8();
    constexpr std::size_t nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    QByteArray out(qsizetype(nonceBytes + std::size_t(message.size()) + crypto_aead_xchacha20poly1305_ietf_ABYTES),
        Qt::Uninitialized);
    auto* nonce = reinterpret_cast<unsigned char*>(out.data());
    randombytes_buf(nonce, nonceBytes);
    unsigned long long written = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + nonceBytes, &written,
        reinterpret_cast<const unsigned char*>(message.constData()), std::size_t(message.size()),
        reinterpret_cast<const unsigned char*>(associatedData.constData()), std::size_t(associatedData.size()), nullptr,
        nonce, m_keys.fieldKey.data());
    wipe(message);
    out.resize(qsizetype(nonceBytes + written));
    return out;
}

Result<QString> FieldCipher::open(const QByteArray& sealed, const QByteArray& associatedData) const
{
    constexpr std::size_t nonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
    constexpr std::size_t tagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
    BV_TRY(checkAvailable());
    if (std::size_t(sealed.size()) < nonceBytes + tagBytes)
        return makeError(ErrorCode::Damaged,
            tr("A protected value is damaged and cannot be shown. Run "
               "\"branchvault-cli verify\" and tell the system administrator."));
    const auto* nonce = reinterpret_cast<const unsigned char*>(sealed.constData());
    const std::size_t cipherBytes = std::size_t(sealed.size()) - nonceBytes;
    // The plaintext ends up in a QString for the caller anyway, so the scratch buffer is ordinary
    // memory, wiped right after: sodium_malloc here (an mmap and mprotect per value) made listing a
    // portfolio or importing a batch spend most of its time in the kernel.
    QByteArray plain(qsizetype(cipherBytes - tagBytes), Qt::Uninitialized);
    unsigned long long plainBytes = 0;
    const int rc = crypto_aead_xchacha20poly1305_ietf_decrypt(
        plain.isEmpty() ? nullptr : reinterpret_cast<unsigned char*>(plain.data()), &plainBytes, nullptr,
        nonce + nonceBytes, cipherBytes, reinterpret_cast<const unsigned char*>(associatedData.constData()),
        std::size_t(associatedData.size()), nonce, m_keys.fieldKey.data());
    if (rc != 0) {
        wipe(plain);
        return makeError(ErrorCode::Damaged,
            tr("A protected value does not decrypt: it was altered, moved, or sealed with another key. "
               "Run \"branchvault-cli verify\" and tell the system administrator."));
    }
    QString text = QString::fromUtf8(plain.constData(), qsizetype(plainBytes));
    wipe(plain);
    return text;
}

QString FieldCipher::normalize(BlindDomain domain, const QString& value)
{
    switch (domain) {
    case BlindDomain::None:
        return QString();
    case BlindDomain::IdNumber: {
        // upper-case (check character X), no spaces or separators
        QString out;
        for (QChar c : value) {
            if (c.isLetterOrNumber())
                out.append(c.toUpper());
        }
        return out;
    }
    case BlindDomain::Phone:
    case BlindDomain::Account: {
        QString out;
        for (QChar c : value) {
            if (c.isDigit())
                out.append(QChar(u'0' + c.digitValue()));
        }
        if (domain == BlindDomain::Phone) {
            // +86 / 0086 country prefix in front of an 11-digit mobile number
            if (out.size() == 13 && out.startsWith(QLatin1String("86")) && out.at(2) == QLatin1Char('1'))
                out.remove(0, 2);
            else if (out.size() == 15 && out.startsWith(QLatin1String("0086")) && out.at(4) == QLatin1Char('1'))
                out.remove(0, 4);
        }
        return out;
    }
    case BlindDomain::Name:
        // trimmed, inner white space folded to one space; full-width spaces count as white space
        return value.normalized(QString::NormalizationForm_KC).simplified();
    case BlindDomain::Email:
        return value.trimmed().toLower();
    }
    return QString();
}

QByteArray FieldCipher::blindIndex(BlindDomain domain, const QString& value) const
{
    const QString normalized = normalize(domain, value);
    if (normalized.isEmpty() || !isValid())
        return QByteArray();
    // domain separation: the same digits as a phone and as an account give different digests
    QByteArray message = blindDomainKey(domain).toUtf8() + '\0' + normalized.toUtf8();
    QByteArray out(kBlindIndexBytes, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), std::size_t(out.size()),
        reinterpret_cast<const unsigned char*>(message.constData()), std::size_t(message.size()),
        m_keys.indexKey.data(), m_keys.indexKey.size());
    wipe(message);
    return out;
}

} // namespace bv
