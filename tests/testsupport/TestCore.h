#pragma once

#include "Core.h"
#include "FakeSecretStore.h"
#include "MockClock.h"
#include "TestSupport.h"
#include "auth/Role.h"
#include "auth/Session.h"
#include "vault/Vault.h"
#include "vault/VaultService.h"

#include <QMap>

#include <memory>

namespace bv::test {

// A real encrypted database with all core services, a mock clock, fast Argon2id (OWASP's minimum —
// tests that are not about the parameters) and a signed-in administrator. addUser() creates an
// account of any role, changes its one-time password and returns a signed-in session.
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

    static std::unique_ptr<TestCore> create();

    Session addUser(const QString& login, Role role, const QString& displayName = QString());
    Result<Session> signIn(const QString& login, const QString& password = QString(), const QString& totp = QString());
    QString passwordOf(const QString& login) const { return passwords.value(login); }
    qint64 userId(const QString& login) const;

    // A customer row written directly (for tests of services that only need the directory).
    qint64 insertCustomer(const QString& number, qint64 managerId, bool restricted = false,
        const QString& status = QStringLiteral("active"));
};

SecureBytes secret(const QString& text);

} // namespace bv::test
