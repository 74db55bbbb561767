#pragma once

#include "core/keys/SecretStore.h"

#include <QCoreApplication>

namespace bv {

// SecretStore over QtKeychain (Secret Service / gnome-keyring or KWallet on Linux, Credential
// Manager on Windows, Keychain on macOS). Every job runs in a local event loop under a watchdog:
// keychain daemons can hang (a locked collection waiting for a prompt nobody sees), and a hang
// must become a clear "keychain unavailable" error. QtKeychain's insecure plaintext fallback
// (QSettings) is explicitly disabled on every job.
class KeychainSecretStore final : public SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(KeychainSecretStore)
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("BranchVault"), int timeoutMs = 15000);

    Result<SecureBytes> read(const QString& name) override;
    Status write(const QString& name, const SecureBytes& secret) override;
    Status remove(const QString& name) override;
    QString describe() const override;

private:
    QString m_service;
    int m_timeoutMs;
};

} // namespace bv
