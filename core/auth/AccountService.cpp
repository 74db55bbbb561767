#include "core/auth/AccountService.h"

#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/AccountRepository.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace bv {

AccountService::AccountService(Database& db, AuditLog& audit, AuthService& auth, AccessControl& access,
    SettingsService& settings, const Clock& clock)
    : m_db(db)
    , m_audit(audit)
    , m_auth(auth)
    , m_access(access)
    , m_settings(settings)
    , m_clock(clock)
{
}

AuditEvent AccountService::userEvent(const char* action, const Account& account, const QJsonObject& details)
{
    QJsonObject withLogin = details;
    withLogin.insert(QStringLiteral("login"), account.login);
    return AuditEvent {QString::fromLatin1(action), QStringLiteral("user"), QString::number(account.id), QString(),
        AuditOutcome::Ok, withLogin};
}

Status AccountService::validateLogin(const QString& login)
{
    static const QRegularExpression pattern(QStringLiteral("^[a-z][a-z0-9._-]{1,31}$"));
    if (!pattern.match(login).hasMatch())
        return makeError(ErrorCode::InvalidInput,
            tr("A login has 2 to 32 characters: lower-case letters, digits, dot, dash or underscore, "
               "starting with a letter."),
            QString(), QStringLiteral("login"));
    return {};
}

Status AccountService::checkSeparation(const QString& staffNo, Role role, qint64 exceptUserId) const
{
    if (!Roles::isPrivileged(role))
        return {};
    const Role other = role == Role::Admin ? Role::Auditor : Role::Admin;
    auto clash = AccountRepository(m_db).countStaffInRole(staffNo, Roles::key(other), exceptUserId);
    if (!clash.ok())
        return clash.error();
    if (*clash > 0)
        return makeError(ErrorCode::Conflict,
            tr("Staff number %1 already has a %2 account. The system administrator and the security "
               "auditor must be different people.")
                .arg(staffNo, Roles::label(other)),
            QString(), QStringLiteral("staff_no"));
    return {};
}

Result<SecureBytes> AccountService::insert(const Actor& actor, const NewAccount& input, bool first)
{
    NewAccount account = input;
    account.login = account.login.trimmed().toLower();
    account.displayName = account.displayName.simplified();
    account.staffNo = account.staffNo.trimmed().isEmpty() ? account.login : account.staffNo.trimmed();
    account.branch = account.branch.trimmed().isEmpty() ? m_settings.text(QString::fromLatin1(settings::BranchCode))
                                                        : account.branch.trimmed();
    BV_TRY(validateLogin(account.login));
    if (account.displayName.isEmpty() || charCount(account.displayName) > 40)
        return makeError(ErrorCode::InvalidInput, tr("The display name needs 1 to 40 characters."), QString(),
            QStringLiteral("display_name"));
    if (charCount(account.staffNo) > 32)
        return makeError(ErrorCode::InvalidInput, tr("The staff number has at most 32 characters."), QString(),
            QStringLiteral("staff_no"));

    SecureBytes oneTime = PasswordHasher::oneTimePassword();
    auto hashed = PasswordHasher::hash(oneTime, m_auth.hashParams());
    if (!hashed.ok())
        return hashed.error();
    const QDateTime now = m_clock.nowUtc();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // what decides whether the account may be created is read inside the transaction that creates it
    AccountRepository accounts(m_db);
    if (first) {
        auto users = accounts.count();
        if (!users.ok())
            return users.error();
        if (*users > 0)
            return makeError(ErrorCode::Conflict,
                tr("The database already has accounts; the first administrator exists. Sign in as an "
                   "administrator to create more accounts."));
    }
    auto exists = accounts.loginTaken(account.login);
    if (!exists.ok())
        return exists.error();
    if (*exists)
        return makeError(ErrorCode::AlreadyExists,
            tr("The login %1 is taken (frozen accounts keep their login). Choose another login.").arg(account.login),
            QString(), QStringLiteral("login"));
    auto active = accounts.activeLoginOfStaff(account.staffNo, std::nullopt);
    if (!active.ok())
        return active.error();
    if (active->has_value())
        return makeError(ErrorCode::Conflict,
            tr("Staff number %1 already has an active account (%2). One person has one active account: "
               "freeze the old one first, or change its role.")
                .arg(account.staffNo, **active),
            QString(), QStringLiteral("staff_no"));
    BV_TRY(checkSeparation(account.staffNo, account.role, 0));
    // an account that can see customer data waits for a branch manager's confirmation (dual control)
    const bool awaits = Roles::holdsKeys(account.role);
    AccountRepository::NewRow row;
    row.login = account.login;
    row.displayName = account.displayName;
    row.staffNo = account.staffNo;
    row.roleKey = Roles::key(account.role);
    row.branch = account.branch;
    row.passwordHash = *hashed;
    row.now = now;
    row.createdBy = actor.userId;
    if (awaits) {
        row.awaiting = QStringLiteral("create");
        row.awaitingBy = actor.userId;
    }
    auto id = accounts.insert(row);
    if (!id.ok())
        return id.error();
    Account created;
    created.id = *id;
    created.login = account.login;
    BV_TRY(m_audit.append(actor,
        userEvent(audit::UserCreate, created,
            QJsonObject {{QStringLiteral("role"), Roles::key(account.role)},
                {QStringLiteral("staffNo"), account.staffNo}, {QStringLiteral("branch"), account.branch},
                {QStringLiteral("awaitingConfirmation"), awaits}})));
    BV_TRY(tx.commit());
    return oneTime;
}

Result<SecureBytes> AccountService::createFirstAdministrator(const NewAccount& account)
{
    NewAccount admin = account;
    admin.role = Role::Admin;
    return insert(Actor::system(), admin, true); // only while there is no account at all
}

Result<SecureBytes> AccountService::create(const Session& session, const NewAccount& account)
{
    auto actor = m_access.authorize(session, Operation::ManageAccounts);
    if (!actor.ok())
        return actor.error();
    return insert(*actor, account, false);
}

Result<Account> AccountService::target(const Actor& actor, Operation operation, const QString& login)
{
    auto account = accountByLogin(login);
    if (!account.ok())
        return account.error();
    if (account->id == actor.userId)
        return m_access.deny(actor, operation, QStringLiteral("user"), QString::number(account->id), QString(),
            tr("Administrators cannot freeze, reset or change their own account; another "
               "administrator must do it."));
    return account;
}

Status AccountService::awaitConfirmation(
    const Actor& actor, const Account& account, const QString& change, const QDateTime& now, std::optional<Role> role)
{
    return AccountRepository(m_db).setAwaiting(
        account.id, change, role ? Roles::key(*role) : QString(), now, actor.userId);
}

namespace {

Error alreadyAwaiting(const Account& account)
{
    return makeError(ErrorCode::Conflict,
        AccountService::tr("Account %1 already waits for a branch manager's confirmation of an earlier change. Ask a "
                           "branch manager to confirm or decline that change first.")
            .arg(account.login));
}

} // namespace

Status AccountService::freeze(const Session& session, const QString& login)
{
    auto actor = m_access.authorize(session, Operation::ManageAccounts);
    if (!actor.ok())
        return actor.error();
    auto found = target(*actor, Operation::ManageAccounts, login);
    if (!found.ok())
        return found.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // the account's state decides below: read inside the transaction that changes it
    auto account = accountById(found->id);
    if (!account.ok())
        return account.error();
    if (account->frozen)
        return {};
    BV_TRY(AccountRepository(m_db).freeze(account->id, m_clock.nowUtc()));
    // the key slot goes with the access: a former employee's password opens nothing, even on a copy made later
    BV_TRY(KeySlots::remove(m_db, account->id));
    BV_TRY(m_audit.append(*actor, userEvent(audit::UserFreeze, *account)));
    BV_TRY(tx.commit());
    m_auth.endSessionsOf(account->id);
    return {};
}

Status AccountService::unfreeze(const Session& session, const QString& login)
{
    auto actor = m_access.authorize(session, Operation::ManageAccounts);
    if (!actor.ok())
        return actor.error();
    auto found = target(*actor, Operation::ManageAccounts, login);
    if (!found.ok())
        return found.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // the account's state decides below: read inside the transaction that changes it
    auto account = accountById(found->id);
    if (!account.ok())
        return account.error();
    if (!account->frozen)
        return {};
    auto active = AccountRepository(m_db).activeLoginOfStaff(account->staffNo, account->id);
    if (!active.ok())
        return active.error();
    if (active->has_value())
        return makeError(ErrorCode::Conflict,
            tr("Staff number %1 has another active account (%2). Freeze that one first.")
                .arg(account->staffNo, **active));
    const bool awaits = Roles::holdsKeys(account->role);
    if (awaits && !account->awaiting.isEmpty())
        return alreadyAwaiting(*account);
    if (awaits)
        BV_TRY(awaitConfirmation(*actor, *account, QStringLiteral("unfreeze"), m_clock.nowUtc()));
    else
        BV_TRY(AccountRepository(m_db).activate(account->id));
    BV_TRY(m_audit.append(*actor,
        userEvent(audit::UserUnfreeze, *account, QJsonObject {{QStringLiteral("awaitingConfirmation"), awaits}})));
    return tx.commit();
}

Result<SecureBytes> AccountService::resetPassword(const Session& session, const QString& login)
{
    auto actor = m_access.authorize(session, Operation::ManageAccounts);
    if (!actor.ok())
        return actor.error();
    auto found = target(*actor, Operation::ManageAccounts, login);
    if (!found.ok())
        return found.error();
    SecureBytes oneTime = PasswordHasher::oneTimePassword();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // the account's state decides below: read inside the transaction that changes it
    auto account = accountById(found->id);
    if (!account.ok())
        return account.error();
    const bool awaits = Roles::holdsKeys(account->role);
    // a new or reset account whose one-time password was lost gets another; other waiting changes come first
    const bool keepsWaiting = account->awaiting == QLatin1String("create")
        || account->awaiting == QLatin1String("reset") || account->awaiting == QLatin1String("custody");
    if (awaits && !account->awaiting.isEmpty() && !keepsWaiting)
        return alreadyAwaiting(*account);
    BV_TRY(m_auth.storeNewPassword(account->id, oneTime, true));
    BV_TRY(KeySlots::remove(m_db, account->id)); // the old password's slot is of no use to the holder any more
    if (awaits && !keepsWaiting)
        BV_TRY(awaitConfirmation(*actor, *account, QStringLiteral("reset"), m_clock.nowUtc()));
    BV_TRY(m_audit.append(*actor,
        userEvent(audit::UserResetPassword, *account, QJsonObject {{QStringLiteral("awaitingConfirmation"), awaits}})));
    BV_TRY(tx.commit());
    m_auth.endSessionsOf(account->id);
    return oneTime;
}

Status AccountService::changeRole(const Session& session, const QString& login, Role role)
{
    auto actor = m_access.authorize(session, Operation::ManageAccounts);
    if (!actor.ok())
        return actor.error();
    auto found = target(*actor, Operation::ManageAccounts, login);
    if (!found.ok())
        return found.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // the account's state decides below: read inside the transaction that changes it
    auto account = accountById(found->id);
    if (!account.ok())
        return account.error();
    if (account->role == role)
        return {};
    if (Roles::isPrivileged(account->role) || Roles::isPrivileged(role))
        return makeError(ErrorCode::Conflict,
            tr("An account never moves into or out of the administrator or auditor role. Freeze this "
               "account and create a new one with the new role."));
    if (!account->awaiting.isEmpty())
        return alreadyAwaiting(*account);
    // both roles see customer data here: the new role waits for a branch manager's confirmation
    BV_TRY(awaitConfirmation(*actor, *account, QStringLiteral("role"), m_clock.nowUtc(), role));
    BV_TRY(m_audit.append(*actor,
        userEvent(audit::UserRoleChange, *account,
            QJsonObject {{QStringLiteral("old"), Roles::key(account->role)}, {QStringLiteral("new"), Roles::key(role)},
                {QStringLiteral("awaitingConfirmation"), true}})));
    BV_TRY(tx.commit());
    m_auth.endSessionsOf(account->id);
    return {};
}

Status AccountService::removeSecondFactor(const Session& session, const QString& login)
{
    auto actor = m_access.authorize(session, Operation::ManageAccounts);
    if (!actor.ok())
        return actor.error();
    auto account = target(*actor, Operation::ManageAccounts, login);
    if (!account.ok())
        return account.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(SealedValues::remove(m_db, {QStringLiteral("user"), account->id, QStringLiteral("totp_secret")}));
    BV_TRY(AccountRepository(m_db).removeSecondFactor(account->id));
    BV_TRY(m_audit.append(*actor, userEvent(audit::SecondFactorRemove, *account)));
    BV_TRY(tx.commit());
    m_auth.endSessionsOf(account->id);
    return {};
}

Result<QList<Account>> AccountService::list(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::ListAccounts);
    if (!actor.ok())
        return actor.error();
    return AccountRepository(m_db).accounts(AccountRepository::Listing::All);
}

Result<QList<Account>> AccountService::awaitingConfirmation(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::ConfirmAccounts);
    if (!actor.ok())
        return actor.error();
    return AccountRepository(m_db).accounts(AccountRepository::Listing::Awaiting);
}

Status AccountService::adoptRecoverySheet(const Session& session, const SecureBytes& passphrase)
{
    auto actor = m_access.authorize(session, Operation::ConfirmAccounts);
    if (!actor.ok())
        return actor.error();
    auto keys = m_auth.sessionKeys(session);
    if (!keys.ok())
        return keys.error();
    auto recipient = m_auth.envelopeRecipient();
    if (!recipient.ok())
        return recipient.error();
    auto normalized = RecoveryPassphrase::normalize(passphrase);
    if (!normalized.ok())
        return normalized.error();
    KdfParams params;
    params.opslimit = recipient->opslimit;
    params.memlimit = recipient->memlimit;
    auto proven = KeyEnvelope::recoverySecretKey(*normalized, recipient->salt, params, recipient->publicKey);
    if (!proven.ok())
        return proven.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(KeySlots::writeRecovery(m_db, *keys, *recipient, actor->userId, m_clock.nowUtc()));
    BV_TRY(m_audit.append(*actor,
        AuditEvent {QString::fromLatin1(audit::KeysRecoveryAdopt), QStringLiteral("database"), QString(), QString(),
            AuditOutcome::Ok, {}}));
    return tx.commit();
}

Result<Account> AccountService::accountById(qint64 id) const
{
    auto account = AccountRepository(m_db).accountById(id);
    if (!account.ok())
        return account.error();
    if (!account->has_value())
        return makeError(ErrorCode::NotFound, tr("There is no such account."));
    return **account;
}

Result<Account> AccountService::accountByLogin(const QString& login) const
{
    auto account = AccountRepository(m_db).accountByLogin(login.trimmed());
    if (!account.ok())
        return account.error();
    if (!account->has_value())
        return makeError(ErrorCode::NotFound,
            tr("There is no account with the login %1. List the accounts to check the spelling.").arg(login.trimmed()),
            QString(), QStringLiteral("login"));
    return **account;
}

Result<qint64> AccountService::count() const
{
    return AccountRepository(m_db).count();
}

} // namespace bv
