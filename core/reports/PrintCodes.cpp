#include "core/internal/reports/PrintCodes.h"

#include "core/common/SecureBytes.h"
#include "core/internal/auth/Totp.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/reports/PrintRegisterRepository.h"

#include <QRegularExpression>

#include <sodium.h>

namespace bv {

namespace {

constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "BVprint1";
constexpr quint64 kPrintKeyId = 1;

// The branch's print key, derived from the staff index key; wiped when it goes out of scope.
Result<SecureBytes> printKey(const FieldCipher& staff)
{
    if (!staff.isValid() || staff.keys().indexKey.size() != crypto_kdf_KEYBYTES)
        return makeError(ErrorCode::Internal,
            PrintCodes::tr("The staff keys are not loaded, so page codes cannot be made or checked. Close BranchVault, "
                           "open the database again and retry."));
    SecureBytes key(crypto_generichash_KEYBYTES);
    if (crypto_kdf_derive_from_key(key.data(), key.size(), kPrintKeyId, kKdfContext, staff.keys().indexKey.data()) != 0)
        return makeError(ErrorCode::Internal, PrintCodes::tr("The print key could not be derived."));
    return key;
}

// base32 of the first kMacBytes of keyed BLAKE2b over "serial|copy|page".
QByteArray macOf(const SecureBytes& key, const QString& serial, int copy, int page)
{
    const QByteArray message = QStringLiteral("%1|%2|%3").arg(serial).arg(copy).arg(page).toUtf8();
    SecureBytes digest(crypto_generichash_BYTES_MIN);
    crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(message.constData()),
        quint64(message.size()), key.data(), key.size());
    const SecureBytes text = Totp::base32Encode(digest.mid(0, PrintCodes::kMacBytes));
    return text.view().toByteArray();
}

} // namespace

Result<QStringList> PrintCodes::make(const FieldCipher& staff, const QString& serial, int copy, int pages)
{
    auto key = printKey(staff);
    if (!key.ok())
        return key.error();
    QStringList codes;
    codes.reserve(pages);
    for (int page = 1; page <= pages; ++page)
        codes << QStringLiteral("%1|%2|%3|%4|%5")
                     .arg(QLatin1String(kTag), serial)
                     .arg(copy)
                     .arg(page)
                     .arg(QString::fromLatin1(macOf(*key, serial, copy, page)));
    return codes;
}

std::optional<PrintCodes::Parsed> PrintCodes::parse(const QString& text)
{
    const QStringList parts = text.trimmed().split(QLatin1Char('|'));
    if (parts.size() != 5 || parts[0] != QLatin1String(kTag))
        return std::nullopt;
    Parsed code;
    code.serial = parts[1];
    bool copyOk = false;
    bool pageOk = false;
    code.copy = parts[2].toInt(&copyOk);
    code.page = parts[3].toInt(&pageOk);
    code.mac = parts[4];
    // Any check value of letters and digits is taken as one, so that a code whose value was changed (or written
    // in another encoding) is reported as not matching rather than as not ours.
    static const QRegularExpression macPattern(QStringLiteral("^[A-Za-z0-9]{8,64}$"));
    if (!PrintRegisterRepository::isSerial(code.serial) || code.serial.contains(QLatin1Char('/')) || !copyOk
        || code.copy < 1 || !pageOk || code.page < 1 || !macPattern.match(code.mac).hasMatch())
        return std::nullopt;
    return code;
}

Result<bool> PrintCodes::matches(const FieldCipher& staff, const Parsed& code)
{
    auto key = printKey(staff);
    if (!key.ok())
        return key.error();
    const QByteArray expected = macOf(*key, code.serial, code.copy, code.page);
    const QByteArray given = code.mac.toUpper().toLatin1();
    if (given.size() != expected.size())
        return false;
    return sodium_memcmp(given.constData(), expected.constData(), std::size_t(expected.size())) == 0;
}

} // namespace bv
