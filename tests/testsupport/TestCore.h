#pragma once

#include "core/Core.h"
#include "core/auth/Role.h"
#include "core/auth/Session.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/FakeSecretStore.h"
#include "tests/testsupport/MockClock.h"
#include "tests/testsupport/TestSupport.h"

#include <QMap>

#include <memory>

namespace bv::test {

// A real encrypted database with all core services, a mock clock, fast Argon2id (OWASP's minimum —
// tests that are not about the parameters) and a signed-in administrator. addUser() creates an
// account of any role, has a customer-data account confirmed the way DESIGN §3 asks (the first branch
// manager with the recovery passphrase, later accounts by that manager; a customer manager or clerk added
// before any manager brings a branch manager "keeper" into being for that), changes its one-time password
// (with the confirmation code) and returns a signed-in session. Blind re-key (approval.rekey_fields) is off:
// tests about it switch it on.
struct TestCore
{
    TempDatabaseDir dir;
    FakeSecretStore store;
    MockClock clock;
    std::unique_ptr<VaultService> vaults;
    std::unique_ptr<Vault> vault;
    std::unique_ptr<Core> core;
    Session admin; // "admin", signed in, password changed
    QMap<QString, QString> passwords;
    QString recoveryPassphrase; // of the test database, as init showed it
    QString keyHolder; // the first branch manager: confirms the accounts addUser creates (dual control)

    static std::unique_ptr<TestCore> create();

    Session addUser(const QString& login, Role role, const QString& displayName = QString());
    // Confirms a waiting account as the key holder (or with the recovery passphrase); the confirmation code.
    QString confirm(const QString& login);
    Result<Session> signIn(const QString& login, const QString& password = QString(), const QString& totp = QString());
    QString passwordOf(const QString& login) const { return passwords.value(login); }
    qint64 userId(const QString& login) const;

    // A customer row written directly (for tests of services that only need the directory).
    qint64 insertCustomer(const QString& number, qint64 managerId, bool restricted = false,
        const QString& status = QStringLiteral("active"));
};

SecureBytes secret(const QString& text);

} // namespace bv::test
