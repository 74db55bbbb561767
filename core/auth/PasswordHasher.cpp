#include "core/auth/PasswordHasher.h"

#include "core/internal/common/Sodium.h"
#include "core/internal/common/TextLength.h"

#include <QRegularExpression>

#include <sodium.h>

namespace bv {

SecureBytes PasswordHasher::normalize(const SecureBytes& utf8)
{
    QString text = QString::fromUtf8(utf8.constChar(), qsizetype(utf8.size()));
    QString normalized = text.normalized(QString::NormalizationForm_KC);
    QByteArray bytes = normalized.toUtf8();
    wipe(text);
    wipe(normalized);
    return SecureBytes::takeFrom(bytes);
}

Status PasswordHasher::checkPolicy(const SecureBytes& normalized, int minLength)
{
    QString text = QString::fromUtf8(normalized.constChar(), qsizetype(normalized.size()));
    const qsizetype length = charCount(text);
    bool letter = false;
    bool digit = false;
    for (QChar c : text) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    wipe(text);
    if (length < minLength)
        return makeError(ErrorCode::InvalidInput,
            tr("The new password is too short: it needs at least %1 characters.").arg(minLength), QString(),
            QStringLiteral("password"));
    if (length > kMaxLength)
        return makeError(ErrorCode::InvalidInput,
            tr("The new password is too long: at most %1 characters.").arg(kMaxLength), QString(),
            QStringLiteral("password"));
    if (!letter || !digit)
        return makeError(ErrorCode::InvalidInput, tr("The new password needs both letters and digits."), QString(),
            QStringLiteral("password"));
    return {};
}

Result<QString> PasswordHasher::hash(const SecureBytes& normalized, const Params& params)
{
    ensureSodium();
    char encoded[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(encoded, normalized.constChar(), normalized.size(), params.opslimit,
            std::size_t(params.memlimitMiB) * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(
            ErrorCode::Internal, tr("Not enough memory to protect the password. Close other programs and try again."));
    return QString::fromLatin1(encoded);
}

bool PasswordHasher::verify(const QString& encoded, const SecureBytes& normalized)
{
    ensureSodium();
    const QByteArray stored = encoded.toLatin1();
    return crypto_pwhash_str_verify(stored.constData(), normalized.constChar(), normalized.size()) == 0;
}

Result<QString> PasswordHasher::hashLike(const QString& saltAndCost, const SecureBytes& normalized)
{
    ensureSodium();
    // libsodium's crypto_pwhash_str form: a 16-byte salt and a 32-byte hash, in Base64 without padding
    constexpr std::size_t kHashBytes = 32;
    static const QRegularExpression form(
        QStringLiteral("^\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,6}),t=([1-9][0-9]?),p=1\\$([A-Za-z0-9+/]{22})$"));
    const QRegularExpressionMatch match = form.match(saltAndCost);
    const quint64 memKiB = match.hasMatch() ? match.captured(1).toULongLong() : 0;
    const quint64 passes = match.hasMatch() ? match.captured(2).toULongLong() : 0;
    unsigned char salt[crypto_pwhash_SALTBYTES];
    std::size_t saltLength = 0;
    const QByteArray salt64 = match.captured(3).toLatin1();
    if (!match.hasMatch() || memKiB * 1024 < crypto_pwhash_MEMLIMIT_MIN || memKiB > 4096 * 1024 || passes > 10
        || sodium_base642bin(salt, sizeof salt, salt64.constData(), std::size_t(salt64.size()), nullptr, &saltLength,
               nullptr, sodium_base64_VARIANT_ORIGINAL_NO_PADDING)
            != 0
        || saltLength != sizeof salt)
        return makeError(ErrorCode::Damaged,
            tr("A stored password hash is not in the form this program reads. Ask the administrator to check the "
               "branch server."));
    unsigned char hashed[kHashBytes];
    if (crypto_pwhash(hashed, sizeof hashed, normalized.constChar(), normalized.size(), salt, passes,
            std::size_t(memKiB) * 1024, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return makeError(
            ErrorCode::Internal, tr("Not enough memory to protect the password. Close other programs and try again."));
    char hashed64[sodium_base64_ENCODED_LEN(kHashBytes, sodium_base64_VARIANT_ORIGINAL_NO_PADDING)];
    sodium_bin2base64(hashed64, sizeof hashed64, hashed, sizeof hashed, sodium_base64_VARIANT_ORIGINAL_NO_PADDING);
    sodium_memzero(hashed, sizeof hashed);
    return QString(saltAndCost + QLatin1Char('$') + QLatin1String(hashed64));
}

bool PasswordHasher::needsRehash(const QString& encoded, const Params& params)
{
    const QByteArray stored = encoded.toLatin1();
    return crypto_pwhash_str_needs_rehash(
               stored.constData(), params.opslimit, std::size_t(params.memlimitMiB) * 1024 * 1024)
        != 0;
}

SecureBytes PasswordHasher::oneTimePassword()
{
    ensureSodium();
    static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; // no i, l, o, 0, 1
    const int size = int(sizeof(alphabet) - 1);
    for (;;) {
        SecureBytes out(19);
        bool letter = false;
        bool digit = false;
        std::size_t at = 0;
        for (int i = 0; i < 16; ++i) {
            if (i > 0 && i % 4 == 0)
                out.data()[at++] = '-';
            const char c = alphabet[randombytes_uniform(uint32_t(size))];
            letter = letter || (c >= 'a' && c <= 'z');
            digit = digit || (c >= '0' && c <= '9');
            out.data()[at++] = static_cast<unsigned char>(c);
        }
        if (letter && digit)
            return out;
    }
}

} // namespace bv
