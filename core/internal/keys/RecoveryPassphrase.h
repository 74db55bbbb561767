#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>

namespace bv {

// The recovery passphrase printed at set-up: 25 characters of Crockford base32 in five groups of
// five (XXXXX-XXXXX-XXXXX-XXXXX-XXXXX). 24 characters are random (120 bits from libsodium); the last
// is a check character, so a typo is caught before the slow key derivation runs. Reading is
// forgiving: case, spaces and dashes are ignored, and O/I/L are read as 0/1/1.
class RecoveryPassphrase
{
    Q_DECLARE_TR_FUNCTIONS(RecoveryPassphrase)
public:
    static constexpr int kRandomChars = 24;
    static constexpr int kGroupSize = 5;

    static SecureBytes generate(); // grouped, printable form, in secure memory
    static Result<SecureBytes> normalize(const SecureBytes& typed); // 25 upper-case characters
    static int entropyBits() { return kRandomChars * 5; }
};

} // namespace bv
