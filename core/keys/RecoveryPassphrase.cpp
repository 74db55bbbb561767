#include "core/internal/keys/RecoveryPassphrase.h"

#include "core/internal/common/Sodium.h"

#include <sodium.h>

namespace bv {

namespace {

constexpr char kAlphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32

char checkCharacter(const unsigned char* chars, std::size_t count)
{
    unsigned char digest[crypto_generichash_BYTES];
    static const unsigned char key[] = "BranchVault recovery check v1";
    crypto_generichash(digest, sizeof(digest), chars, count, key, sizeof(key) - 1);
    const char c = kAlphabet[digest[0] & 31];
    sodium_memzero(digest, sizeof(digest));
    return c;
}

int decodeCharacter(char c)
{
    if (c >= 'a' && c <= 'z')
        c = char(c - 'a' + 'A');
    if (c == 'O')
        c = '0';
    if (c == 'I' || c == 'L')
        c = '1';
    for (int i = 0; i < 32; ++i) {
        if (kAlphabet[i] == c)
            return i;
    }
    return -1;
}

} // namespace

SecureBytes RecoveryPassphrase::generate()
{
    ensureSodium();
    const int total = kRandomChars + 1;
    SecureBytes plain {std::size_t(total)};
    for (int i = 0; i < kRandomChars; ++i)
        plain.data()[i] = static_cast<unsigned char>(kAlphabet[randombytes_uniform(32)]);
    plain.data()[kRandomChars] = static_cast<unsigned char>(checkCharacter(plain.data(), kRandomChars));

    const int groups = total / kGroupSize;
    SecureBytes grouped {std::size_t(total + groups - 1)};
    std::size_t out = 0;
    for (int i = 0; i < total; ++i) {
        if (i > 0 && i % kGroupSize == 0)
            grouped.data()[out++] = '-';
        grouped.data()[out++] = plain.data()[i];
    }
    return grouped;
}

Result<SecureBytes> RecoveryPassphrase::normalize(const SecureBytes& typed)
{
    const int total = kRandomChars + 1;
    SecureBytes plain {std::size_t(total)};
    int count = 0;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const char c = char(typed.data()[i]);
        if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        const int value = decodeCharacter(c);
        if (value < 0)
            return makeError(ErrorCode::InvalidInput,
                tr("The recovery passphrase contains a character that is not on the recovery sheet. "
                   "Type the five groups exactly as printed."),
                QString(), QStringLiteral("recovery_passphrase"));
        if (count >= total)
            return makeError(ErrorCode::InvalidInput,
                tr("The recovery passphrase is too long: it has five groups of five characters."), QString(),
                QStringLiteral("recovery_passphrase"));
        plain.data()[count++] = static_cast<unsigned char>(kAlphabet[value]);
    }
    if (count != total)
        return makeError(ErrorCode::InvalidInput,
            tr("The recovery passphrase is incomplete: it has five groups of five characters, %1 were "
               "given.")
                .arg(count),
            QString(), QStringLiteral("recovery_passphrase"));
    if (checkCharacter(plain.data(), kRandomChars) != char(plain.data()[kRandomChars]))
        return makeError(ErrorCode::InvalidInput,
            tr("The recovery passphrase has a typing error (its check character does not match). "
               "Compare each group with the recovery sheet and type it again."),
            QString(), QStringLiteral("recovery_passphrase"));
    return plain;
}

} // namespace bv
