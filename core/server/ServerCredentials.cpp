#include "core/internal/server/ServerCredentials.h"

#include "core/internal/common/Sodium.h"

#include <QRegularExpression>

#include <sodium.h>

namespace bv {

Result<QString> ServerCredentials::roleOf(const QString& login, const QString& database)
{
    static const QRegularExpression loginShape(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    if (!loginShape.match(login).hasMatch())
        return Error {ErrorCode::InvalidInput,
            tr("login: 2 to 32 characters, lower-case letters, digits, dot, dash or underscore, starting with a "
               "letter."),
            {}, QStringLiteral("login")};
    QString role = QStringLiteral("u_") + database.toLower() + QLatin1Char('_') + login;
    for (QChar& c : role) {
        if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))))
            c = QLatin1Char('_');
    }
    if (role.size() > 63)
        return Error {ErrorCode::InvalidInput,
            tr("login: together with the database's name (%1) it is too long for the branch server (at most 60 "
               "characters in all). Choose a shorter login.")
                .arg(database),
            {}, QStringLiteral("login")};
    return role;
}

Result<SecureBytes> ServerCredentials::serverPassword(
    const QString& login, const QString& database, const SecureBytes& normalizedPassword)
{
    ensureSodium();
    const QByteArray label = QByteArrayLiteral("bv-server-password|") + database.toUtf8() + '|' + login.toUtf8();
    unsigned char salt[crypto_pwhash_SALTBYTES];
    crypto_generichash(salt, sizeof(salt), reinterpret_cast<const unsigned char*>(label.constData()),
        std::size_t(label.size()), nullptr, 0);
    SecureBytes derived(32);
    if (crypto_pwhash(derived.data(), derived.size(), normalizedPassword.constChar(), normalizedPassword.size(), salt,
            kOpsLimit, std::size_t(kMemLimitMiB) * 1024 * 1024, crypto_pwhash_ALG_ARGON2ID13)
        != 0)
        return Error {ErrorCode::Internal,
            tr("Not enough memory to derive the branch server's password. Close other programs and try again."), {},
            {}};
    const std::size_t encodedSize = sodium_base64_encoded_len(derived.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    SecureBytes encoded(encodedSize);
    sodium_bin2base64(reinterpret_cast<char*>(encoded.data()), encodedSize, derived.data(), derived.size(),
        sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    // without the terminating NUL
    return SecureBytes::copyOf(encoded.data(), encodedSize - 1);
}

} // namespace bv
