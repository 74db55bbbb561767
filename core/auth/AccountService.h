#pragma once

#include "core/auth/Role.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/policy/Operation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <optional>

namespace bv {

struct FieldKeys; // core/internal/keys/FieldCipher.h

struct AuditEvent;

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
    // Dual control: the change waiting for a branch manager's confirmation ("create", "reset", "unfreeze",
    // "role", "custody"; empty when none), the role a waiting role change gives, and since when.
    QString awaiting;
    std::optional<Role> awaitingRole;
    QDateTime awaitingSince;
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
//
// Dual control (DESIGN §3): creating, resetting, unfreezing or changing the role of an account that can see
// customer data only takes effect when a branch manager other than the account holder confirms it; until then
// the account cannot sign in. Confirming a new or reset account writes its key slot from the manager's session
// under a confirmation code the manager hands to the person, who types it with the first new password. The
// first (or the last) branch manager is confirmed with the recovery passphrase instead. Administrator and
// auditor accounts need no confirmation and hold no key slot.
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

    // The branch manager's side of dual control.
    Result<QList<Account>> awaitingConfirmation(const Session& session);
    struct Confirmed
    {
        QString change; // what was confirmed ("create", "reset", ...)
        SecureBytes confirmationCode; // for a new, reset or custody account: hand it to the person; else empty
    };
    Result<Confirmed> confirm(const Session& session, const QString& login);
    // For the first or the last branch manager: confirmed with the recovery passphrase (as typed) by an
    // administrator or a branch manager, when no other active branch manager could confirm.
    Result<Confirmed> confirmWithRecovery(const Session& session, const QString& login, const SecureBytes& passphrase);
    // On the administrator's screen (现场授权, in person): a new, reset or unfrozen account is confirmed by a branch
    // manager (`checkerLogin` with password and authenticator code, checked as a sign-in) while the account's
    // owner, present, types their own new password (`ownerPassword`). The owner's key slot is written under that
    // password with the manager's keys, which exist only inside this call; no confirmation code is made or shown,
    // and the administrator's one-time password stops working. `operatorSession` may manage accounts; the checker
    // is not its holder and not the account's owner. Audited as the manager's user.confirm with
    // {"inPerson": true, "operator": <the administrator's login>}. For a change that writes no slot, confirm().
    // Whether confirming `login`'s waiting change writes it a key slot — then, on the administrator's screen, it
    // is confirmed in person (confirmInPerson), never with a code shown there. For the administrator's session.
    Result<bool> confirmsInPerson(const Session& session, const QString& login);
    Result<Confirmed> confirmInPerson(const Session& operatorSession, const QString& checkerLogin,
        const SecureBytes& checkerPassword, const QString& checkerTotp, const QString& login,
        const SecureBytes& ownerPassword);
    // After an envelope repair: a branch manager who holds the new recovery sheet types its passphrase, and the
    // customer keys' recovery slot is sealed to it (until then it stays sealed to the earlier sheet). The typed
    // passphrase proves the sheet; the envelope file alone is never trusted for this.
    Status adoptRecoverySheet(const Session& session, const SecureBytes& passphrase);
    // Declines a waiting change: a new, reset or custody account is frozen; an unfreeze or role change lapses.
    Status decline(const Session& session, const QString& login, const QString& reason);

    // Without a session, for other services (names of customer managers etc.): no secrets inside.
    Result<Account> accountById(qint64 id) const;
    Result<Account> accountByLogin(const QString& login) const;
    Result<qint64> count() const;

    static Status validateLogin(const QString& login);

private:
    Status checkSeparation(const QString& staffNo, Role role, qint64 exceptUserId) const;
    // `first`: the first administrator, refused once any account exists.
    Result<SecureBytes> insert(const Actor& actor, const NewAccount& account, bool first);
    Result<Account> target(const Actor& actor, Operation operation, const QString& login);
    // An account that can see customer data: the change waits for a branch manager (dual control).
    Status awaitConfirmation(const Actor& actor, const Account& account, const QString& change, const QDateTime& now,
        std::optional<Role> role = std::nullopt);
    Result<Account> waitingTarget(const Actor& actor, const QString& login);
    // Inside the confirming (or declining) transaction: `decided` as read before still waits with the same change.
    Status stillWaiting(const Account& decided);
    // The recovery passphrase confirms only when no other active branch manager with a key slot could.
    Status recoveryConfirms(const Account& account);
    // The audit event of a change to `account` (object: the user).
    static AuditEvent userEvent(const char* action, const Account& account, const QJsonObject& details = {});
    // Whether confirming `account` writes it a pending key slot (and shows a confirmation code).
    Result<bool> writesSlot(const Account& account);
    // A confirmation in person: the owner's new password (normalised) and on whose screen.
    struct InPerson
    {
        SecureBytes password;
        QString operatorLogin;
    };
    // `keySource` is called only when a slot is written; with `inPerson` that slot is the owner's password slot
    // and no confirmation code is made.
    Result<Confirmed> applyConfirmation(const Actor& actor, const Account& account,
        const std::function<Result<FieldKeys>()>& keySource, bool withRecovery, const InPerson* inPerson = nullptr);

    Database& m_db;
    AuditLog& m_audit;
    AuthService& m_auth;
    AccessControl& m_access;
    SettingsService& m_settings;
    const Clock& m_clock;
};

} // namespace bv
