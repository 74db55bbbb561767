#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

namespace bv {

// Where the database key material lives on this OS account. The real implementation is the OS
// keychain (KeychainSecretStore, through QtKeychain); tests use an in-memory double
// (tests/testsupport/FakeSecretStore). Errors:
//   KeyMissing          — the keychain answered and has no entry under that name
//   KeychainUnavailable — no D-Bus / secret service, access denied, locked, or the job timed out
class SecretStore
{
public:
    virtual ~SecretStore() = default;
    virtual Result<SecureBytes> read(const QString& name) = 0;
    virtual Status write(const QString& name, const SecureBytes& secret) = 0;
    // Removing an entry that does not exist succeeds.
    virtual Status remove(const QString& name) = 0;
    virtual QString describe() const = 0; // "the system keychain", for messages
};

} // namespace bv
