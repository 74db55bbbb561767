#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeySlots.h"

#include <QByteArray>

#include <functional>
#include <optional>

namespace bv {

// What AuthService needs of the open database to keep the customer-information keys (DESIGN §2): the
// cipher the customer services share (empty until a key holder signs in), the staff cipher for
// second-factor seeds, the recovery passphrase's public key (from the key envelope) and release 0.1's
// keyring, both read from the Vault. Core wires it; nothing else builds one.
struct KeyCustody
{
    FieldCipher* cipher = nullptr;
    const FieldCipher* staffCipher = nullptr;
    std::function<Result<KeySlots::Recipient>()> recoveryRecipient;
    std::function<Result<std::optional<FieldKeys>>()> legacyKeys;
};

} // namespace bv
