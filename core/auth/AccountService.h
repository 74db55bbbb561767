#pragma once

#include "Role.h"
#include "Session.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "common/SecureBytes.h"
#include "policy/Operation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>

namespace bv {

class AccessControl;
class AuditLog;
class AuthService;
class Database;
class SettingsService;

struct Account
{
    qint64 id = 0;
    QString login;
    QString displayName;
    QString staffNo;
    Role role = Role::Clerk;
    QString branch;
    bool frozen = false;
    bool mustChangePassword = false;
    bool secondFactor = false;
    QDateTime createdAt;
    QDateTime lastSignIn;
    QDateTime lockedUntil;
};

struct NewAccount
{
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    QString staffNo; // the person's staff number (工号); defaults to the login
    QString branch; // defaults to the branch code setting
};

// Staff accounts (DESIGN §3), the administrator's work. One role per account; an account is frozen,
// never deleted. Separation of duties goes down to the person: a staff number that ever held an
// administrator account can never hold an auditor account, and the other way round.
class AccountService
{
    Q_DECLARE_TR_FUNCTIONS(AccountService)
public:
    AccountService(Database& db, AuditLog& audit, AuthService& auth, AccessControl& access, SettingsService& settings,
        const Clock& clock);

    // The first administrator, created by init while there is no account at all. Returns the
    // one-time password (to be changed at the first sign-in).
    Result<SecureBytes> createFirstAdministrator(const NewAccount& account);

    Result<SecureBytes> create(const Session& session, const NewAccount& account);
    Status freeze(const Session& session, const QString& login);
    Status unfreeze(const Session& session, const QString& login);
    // New one-time password; also lifts a lockout. The user must change it at the next sign-in.
    Result<SecureBytes> resetPassword(const Session& session, const QString& login);
    Status changeRole(const Session& session, const QString& login, Role role);
    Status removeSecondFactor(const Session& session, const QString& login);
    Result<QList<Account>> list(const Session& session);

    // Without a session, for other services (names of customer managers etc.): no secrets inside.
    Result<Account> accountById(qint64 id) const;
    Result<Account> accountByLogin(const QString& login) const;
    Result<qint64> count() const;

    static Status validateLogin(const QString& login);

private:
    Status checkSeparation(const QString& staffNo, Role role, qint64 exceptUserId) const;
    Result<SecureBytes> insert(const Actor& actor, const NewAccount& account);
    Result<Account> target(const Actor& actor, Operation operation, const QString& login);

    Database& m_db;
    AuditLog& m_audit;
    AuthService& m_auth;
    AccessControl& m_access;
    SettingsService& m_settings;
    const Clock& m_clock;
};

} // namespace bv
