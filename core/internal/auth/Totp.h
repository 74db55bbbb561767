#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QCoreApplication>
#include <QStringView>

#include <optional>

namespace bv {

// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), the optional second factor of a staff
// account. Parameters are the ones every authenticator app uses by default: HMAC-SHA1, 30-second
// steps, 6 digits. Enrolment shows the secret as base32 (RFC 4648) or as an otpauth:// URI.
//
// Replay: verify() returns the time step the code belongs to. The caller stores the last accepted
// step per account (in the encrypted database, same transaction as the audit row) and passes it to
// the next verify(); a code of that step or an earlier one is refused, so a code seen over a
// shoulder cannot be used a second time. The caller also counts every refusal as a failed sign-in
// (lockout after 5), which is what makes guessing 6 digits hopeless.
//
// Secrets, their base32 text and the URI live in SecureBytes; no message carries a code or secret.
class Totp
{
    Q_DECLARE_TR_FUNCTIONS(Totp)
public:
    static constexpr int kSecretBytes = 20; // 160 bits, the HMAC-SHA1 output size (RFC 4226 section 4)
    static constexpr int kDigits = 6;
    static constexpr qint64 kPeriodSecs = 30;
    static constexpr int kWindowSteps = 1; // accept the previous, current and next step (clock drift)

    // A new random secret (libsodium randombytes_buf) of kSecretBytes.
    static SecureBytes generateSecret();

    // RFC 4648 base32, upper case, without '=' padding: what authenticator apps expect when the
    // key is typed in by hand. The text is as secret as the key itself.
    static SecureBytes base32Encode(const SecureBytes& secret);
    // Reads base32 forgivingly: lower case, spaces, tabs, newlines and trailing '=' padding are
    // accepted. Refuses other characters, padding in the middle, impossible lengths and empty input
    // (ErrorCode::InvalidInput, field "totp_secret").
    static Result<SecureBytes> base32Decode(QByteArrayView text);

    // otpauth://totp/BranchVault:<login>?secret=<base32>&issuer=BranchVault&algorithm=SHA1&digits=6&period=30
    // for the enrolment QR code. The label is the staff login (percent-encoded), never customer data.
    // Contains the secret: show it, never log or store it.
    static Result<SecureBytes> provisioningUri(const QString& login, const SecureBytes& secret);

    // The RFC 6238 time step of a unix time: floor(unixTime / 30). Negative times have no step (-1).
    static qint64 timeStep(qint64 unixTime);
    // HOTP value of `counter` (RFC 4226: HMAC-SHA1, dynamic truncation, modulo 10^digits) as
    // zero-padded ASCII digits. digits must be 6, 7 or 8. For tests and enrolment checks; sign-in
    // uses verify().
    static QByteArray hotp(const SecureBytes& secret, quint64 counter, int digits = kDigits);
    // The TOTP code for a unix time (hotp of timeStep(unixTime)); empty for a negative time.
    static QByteArray codeAt(const SecureBytes& secret, qint64 unixTime, int digits = kDigits);

    // Checks a typed code against the steps timeStep(unixTime) - 1 .. + 1 and returns the step it
    // belongs to. Spaces are ignored and full-width digits (Chinese input methods) read as digits;
    // anything that is then not exactly 6 digits is refused. Codes of steps <= lastUsedStep are
    // refused as replays. If a code matches more than one step of the window (a 1-in-a-million
    // coincidence), the latest unused step is returned, so the same code cannot be accepted twice.
    // Comparison is constant-time (sodium_memcmp) and all window steps are always computed.
    // Every refusal is ErrorCode::AuthenticationFailed, field "totp_code".
    static Result<qint64> verify(const SecureBytes& secret, QStringView code, qint64 unixTime,
        std::optional<qint64> lastUsedStep = std::nullopt);
    static Result<qint64> verify(const SecureBytes& secret, QStringView code, const Clock& clock,
        std::optional<qint64> lastUsedStep = std::nullopt);
};

} // namespace bv
