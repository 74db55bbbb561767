#include "core/internal/auth/Totp.h"

#include "core/internal/common/Sodium.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrl>

#include <sodium.h>

#include <array>
#include <cstring>

namespace bv {

namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr int kSha1BlockSize = 64;
constexpr int kSha1DigestSize = 20;
constexpr int kMinDigits = 6;
constexpr int kMaxDigits = 8;
constexpr std::array<quint32, kMaxDigits + 1> kPowersOf10
    = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000};

const QString kSecretField = QStringLiteral("totp_secret");
const QString kCodeField = QStringLiteral("totp_code");

int base32Value(char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a';
    if (c >= '2' && c <= '7')
        return c - '2' + 26;
    return -1;
}

bool isBase32Space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// HOTP values for one secret. The HMAC object lives only as long as this generator, which lives
// only for one call. Qt 6.4's QMessageAuthenticationCode copies a key shorter than the hash block
// into a fresh heap buffer (to zero-pad it) and frees that buffer without wiping it. We pad the key
// ourselves, in secure memory (zero-padding to the block size is exactly what HMAC does, RFC 2104
// step 1, so the MAC is unchanged) and hand Qt a non-owning view of it, so Qt keeps no copy of the
// key. What remains outside our control is Qt's ipad/opad scratch on the stack and the hash state.
class HotpGenerator
{
public:
    explicit HotpGenerator(const SecureBytes& secret)
        : m_key(paddedKey(secret))
        , m_mac(QCryptographicHash::Sha1, QByteArray::fromRawData(m_key.constChar(), qsizetype(m_key.size())))
    {
    }

    // Writes `digits` ASCII digits of HOTP(counter) to out.
    void code(quint64 counter, int digits, char* out)
    {
        unsigned char message[8];
        for (int i = 7; i >= 0; --i) {
            message[i] = static_cast<unsigned char>(counter & 0xff);
            counter >>= 8;
        }
        m_mac.reset();
        m_mac.addData(reinterpret_cast<const char*>(message), sizeof(message));
        QByteArray digest = m_mac.result();
        Q_ASSERT(digest.size() == kSha1DigestSize);

        // Dynamic truncation, RFC 4226 section 5.3.
        const auto* d = reinterpret_cast<const unsigned char*>(digest.constData());
        const int offset = d[kSha1DigestSize - 1] & 0x0f;
        quint32 binary = (quint32(d[offset] & 0x7f) << 24) | (quint32(d[offset + 1]) << 16)
            | (quint32(d[offset + 2]) << 8) | quint32(d[offset + 3]);
        wipe(digest);

        quint32 value = binary % kPowersOf10[std::size_t(digits)];
        for (int i = digits - 1; i >= 0; --i) {
            out[i] = char('0' + value % 10);
            value /= 10;
        }
        sodium_memzero(&binary, sizeof(binary));
    }

private:
    static SecureBytes paddedKey(const SecureBytes& secret)
    {
        if (secret.size() > std::size_t(kSha1BlockSize))
            return secret.clone(); // Qt hashes long keys first (RFC 2104); never the case for our 20-byte keys
        SecureBytes key(kSha1BlockSize); // zero-filled
        if (!secret.isEmpty())
            memcpy(key.data(), secret.data(), secret.size());
        return key;
    }

    SecureBytes m_key;
    QMessageAuthenticationCode m_mac;
};

Error malformedCode()
{
    return makeError(ErrorCode::AuthenticationFailed,
        Totp::tr("The sign-in code must be %1 digits. Type the code shown in your authenticator app.")
            .arg(Totp::kDigits),
        QString(), kCodeField);
}

} // namespace

SecureBytes Totp::generateSecret()
{
    ensureSodium();
    return SecureBytes::random(kSecretBytes);
}

SecureBytes Totp::base32Encode(const SecureBytes& secret)
{
    const std::size_t length = (secret.size() * 8 + 4) / 5;
    SecureBytes text(length);
    quint32 buffer = 0;
    int bits = 0;
    std::size_t out = 0;
    for (std::size_t i = 0; i < secret.size(); ++i) {
        buffer = (buffer << 8) | secret.data()[i];
        bits += 8;
        while (bits >= 5) {
            text.data()[out++] = static_cast<unsigned char>(kBase32Alphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        text.data()[out++] = static_cast<unsigned char>(kBase32Alphabet[(buffer << (5 - bits)) & 31]);
    Q_ASSERT(out == length);
    sodium_memzero(&buffer, sizeof(buffer));
    return text;
}

Result<SecureBytes> Totp::base32Decode(QByteArrayView text)
{
    // First pass: validate and count, so the output can be allocated once in secure memory.
    std::size_t symbols = 0;
    bool padding = false;
    for (const char c : text) {
        if (isBase32Space(c))
            continue;
        if (c == '=') {
            padding = true;
            continue;
        }
        if (padding || base32Value(c) < 0)
            return makeError(ErrorCode::InvalidInput,
                padding ? tr("The secret key has characters after its '=' padding. Copy the key again "
                             "exactly as shown by the enrolment screen.")
                        : tr("The secret key contains a character that is not base32 (A-Z and 2-7). Copy "
                             "the key again exactly as shown by the enrolment screen."),
                QString(), kSecretField);
        ++symbols;
    }
    // A base32 text ends with 0, 2, 4, 5 or 7 symbols after its last full group of eight.
    const std::size_t rest = symbols % 8;
    if (symbols == 0 || rest == 1 || rest == 3 || rest == 6)
        return makeError(ErrorCode::InvalidInput,
            symbols == 0 ? tr("The secret key is empty. Copy the key shown by the enrolment screen.")
                         : tr("The secret key is incomplete: characters are missing. Copy the whole key "
                              "again exactly as shown by the enrolment screen."),
            QString(), kSecretField);

    SecureBytes secret(symbols * 5 / 8);
    quint32 buffer = 0;
    int bits = 0;
    std::size_t out = 0;
    for (const char c : text) {
        const int value = base32Value(c);
        if (value < 0)
            continue; // spaces and padding, checked above
        buffer = (buffer << 5) | quint32(value);
        bits += 5;
        if (bits >= 8) {
            secret.data()[out++] = static_cast<unsigned char>((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    // Left-over bits (fewer than 8) are the encoder's zero fill.
    Q_ASSERT(out == secret.size());
    sodium_memzero(&buffer, sizeof(buffer));
    return secret;
}

Result<SecureBytes> Totp::provisioningUri(const QString& login, const SecureBytes& secret)
{
    if (login.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("The account has no login name, so no authenticator entry can be made for it. Enter the "
               "login name first."),
            QString(), QStringLiteral("login"));
    if (secret.isEmpty())
        return makeError(
            ErrorCode::Internal, tr("No second-factor key was generated for this account. Start the enrolment again."));

    // toPercentEncoding leaves only RFC 3986 unreserved characters, so ':' '?' '&' '/' '#' or spaces in
    // a login cannot change the URI's structure.
    const QByteArray prefix = QByteArrayLiteral("otpauth://totp/BranchVault:") + QUrl::toPercentEncoding(login)
        + QByteArrayLiteral("?secret=");
    const QByteArray suffix = QByteArrayLiteral("&issuer=BranchVault&algorithm=SHA1&digits=")
        + QByteArray::number(kDigits) + QByteArrayLiteral("&period=") + QByteArray::number(kPeriodSecs);
    return SecureBytes::copyOf(prefix).concat(base32Encode(secret)).concat(SecureBytes::copyOf(suffix));
}

qint64 Totp::timeStep(qint64 unixTime)
{
    if (unixTime < 0)
        return -1;
    return unixTime / kPeriodSecs;
}

QByteArray Totp::hotp(const SecureBytes& secret, quint64 counter, int digits)
{
    Q_ASSERT(digits >= kMinDigits && digits <= kMaxDigits);
    digits = qBound(kMinDigits, digits, kMaxDigits);
    QByteArray out(digits, '0');
    HotpGenerator(secret).code(counter, digits, out.data());
    return out;
}

QByteArray Totp::codeAt(const SecureBytes& secret, qint64 unixTime, int digits)
{
    const qint64 step = timeStep(unixTime);
    if (step < 0)
        return {};
    return hotp(secret, quint64(step), digits);
}

Result<qint64> Totp::verify(
    const SecureBytes& secret, QStringView code, qint64 unixTime, std::optional<qint64> lastUsedStep)
{
    // Normalise the typed code: spaces ignored ("287 082"), full-width digits from a Chinese input
    // method read as ASCII digits, anything else refused.
    char typed[kDigits];
    int count = 0;
    for (const QChar c : code) {
        if (c.isSpace())
            continue;
        char digit = 0;
        if (c >= u'0' && c <= u'9')
            digit = char(c.unicode());
        else if (c.unicode() >= 0xFF10 && c.unicode() <= 0xFF19)
            digit = char('0' + (c.unicode() - 0xFF10));
        if (digit == 0 || count >= kDigits) {
            sodium_memzero(typed, sizeof(typed));
            return malformedCode();
        }
        typed[count++] = digit;
    }
    if (count != kDigits) {
        sodium_memzero(typed, sizeof(typed));
        return malformedCode();
    }

    if (secret.isEmpty()) {
        sodium_memzero(typed, sizeof(typed));
        return makeError(ErrorCode::Internal,
            tr("The second-factor key of this account is missing. Ask the administrator to enrol your "
               "authenticator app again."));
    }
    const qint64 current = timeStep(unixTime);
    if (current < 0) {
        sodium_memzero(typed, sizeof(typed));
        return makeError(ErrorCode::Internal,
            tr("The date and time of this computer are not set, so sign-in codes cannot be checked. Ask "
               "the administrator to set the clock."));
    }

    std::optional<qint64> matched;
    bool replayed = false;
    {
        HotpGenerator generator(secret);
        for (qint64 step = current - kWindowSteps; step <= current + kWindowSteps; ++step) {
            if (step < 0)
                continue;
            char expected[kDigits];
            generator.code(quint64(step), kDigits, expected);
            const bool equal = sodium_memcmp(expected, typed, kDigits) == 0;
            sodium_memzero(expected, sizeof(expected));
            if (!equal)
                continue;
            if (lastUsedStep && step <= *lastUsedStep)
                replayed = true;
            else
                matched = step; // ascending loop: the latest matching unused step wins
        }
    }
    sodium_memzero(typed, sizeof(typed));

    if (matched)
        return *matched;
    if (replayed)
        return makeError(ErrorCode::AuthenticationFailed,
            tr("This code was already used. Wait for the next code in your authenticator app."), QString(), kCodeField);
    return makeError(ErrorCode::AuthenticationFailed,
        tr("The sign-in code is not correct. Type the current code from your authenticator app; if it "
           "is refused again, check that the date and time of this computer and of your phone are "
           "right."),
        QString(), kCodeField);
}

Result<qint64> Totp::verify(
    const SecureBytes& secret, QStringView code, const Clock& clock, std::optional<qint64> lastUsedStep)
{
    const QDateTime now = clock.nowUtc();
    return verify(secret, code, now.isValid() ? now.toSecsSinceEpoch() : qint64(-1), lastUsedStep);
}

} // namespace bv
