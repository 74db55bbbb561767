#pragma once

#include "core/internal/InternalOnly.h"

#include "core/auth/AccountService.h"
#include "core/auth/AuthUsers.h"
#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace bv {

class Connection;

// Every statement of the accounts area (docs/ARCHITECTURE.md, "Storage seam"): the users table (the
// administrator's accounts, dual control's waiting changes, sign-in counters, second factor) and
// password_history. AccountService and AuthService keep the rules, the audit rows and the transaction
// boundaries; the key slots are KeyRepository's. Internal to core.
class AccountRepository
{
public:
    explicit AccountRepository(Connection& db);

    // --- Accounts as the administrator sees them (Account) ---
    Result<std::optional<Account>> accountById(qint64 id);
    // Compared without case, as logins are.
    Result<std::optional<Account>> accountByLogin(const QString& login);
    enum class Listing
    {
        All, // every account, by login
        Awaiting, // those waiting for a branch manager's confirmation, oldest first
    };
    Result<QList<Account>> accounts(Listing which);
    Result<qint64> count();
    Result<bool> loginTaken(const QString& login);
    // The login of an active account of `staffNo` (other than `exceptUserId` when given), or none.
    Result<std::optional<QString>> activeLoginOfStaff(const QString& staffNo, std::optional<qint64> exceptUserId);
    // How many accounts of `staffNo` hold `roleKey`, `exceptUserId` aside.
    Result<qint64> countStaffInRole(const QString& staffNo, const QString& roleKey, qint64 exceptUserId);

    struct NewRow
    {
        QString login;
        QString displayName;
        QString staffNo;
        QString roleKey;
        QString branch;
        QString passwordHash;
        QDateTime now;
        qint64 createdBy = 0; // 0: the system (NULL)
        QString awaiting; // empty: none (NULL)
        qint64 awaitingBy = 0; // 0: NULL
    };
    // The new account's id (INSERT … RETURNING id); it must change its password at the first sign-in.
    Result<qint64> insert(const NewRow& row);

    // --- Dual control ---
    // `roleKey` empty: NULL.
    Status setAwaiting(qint64 userId, const QString& change, const QString& roleKey, const QDateTime& since, qint64 by);
    Status clearAwaiting(qint64 userId);
    // Every other active key holder waits for a branch manager's confirmation of its key custody; returns how
    // many accounts now wait.
    Result<int> awaitCustodyExcept(qint64 managerId, const QDateTime& since);
    // An active branch manager with a password key slot and nothing waiting, other than `exceptUserId`: the
    // first by login, or none.
    Result<std::optional<QString>> confirmingManagerOtherThan(qint64 exceptUserId);

    // --- Account state ---
    Status freeze(qint64 userId, const QDateTime& at);
    // Active again, with its failed attempts and any lockout cleared.
    Status activate(qint64 userId);
    Status setRole(qint64 userId, const QString& roleKey);
    Status requirePasswordChange(qint64 userId);
    Status removeSecondFactor(qint64 userId);
    Status enrolSecondFactor(qint64 userId, qint64 acceptedStep);

    // --- Sign-in (UserRow: with the password hash and counters) ---
    Result<std::optional<authusers::UserRow>> userById(qint64 id);
    Result<std::optional<authusers::UserRow>> userByLogin(const QString& login);
    // The stored step of the last accepted authenticator code (none when no code was accepted yet).
    Result<std::optional<qint64>> totpLastStep(qint64 userId);
    Status setTotpLastStep(qint64 userId, qint64 step);
    Result<int> failedAttempts(qint64 userId);
    Status setFailedAttempts(qint64 userId, int attempts);
    Status clearFailedAttempts(qint64 userId);
    // Locked until `until` (ISO text with milliseconds, as stored); the counter starts again.
    Status lockUntil(qint64 userId, const QString& until);
    // A successful sign-in: counters and lockout cleared, the accepted code's step and a rehashed password
    // kept (each left as stored when absent or empty). The rehash replaces the stored hash only while it is still
    // `verifiedHash`, the one the password was checked against: a password changed or reset meanwhile stays.
    Status recordSignIn(qint64 userId, const QDateTime& at, std::optional<qint64> acceptedStep, const QString& newHash,
        const QString& verifiedHash);
    // A second person's confirmation: failed attempts cleared, a rehashed password kept as recordSignIn keeps it.
    Status recordConfirmation(qint64 userId, const QString& newHash, const QString& verifiedHash);

    // --- Passwords ---
    Result<QString> passwordHash(qint64 userId);
    // The account's earlier hashes, newest first, at most `limit`.
    Result<QStringList> passwordHistory(qint64 userId, qint64 limit);
    // The current hash goes into the history (the newest 24 are kept) and `hash` replaces it; the failed
    // attempts and any lockout are cleared.
    Status storePassword(qint64 userId, const QString& hash, const QDateTime& at, bool mustChange);

private:
    Result<std::optional<authusers::UserRow>> user(const QString& sql, const QVariant& value);
    Result<std::optional<Account>> account(const QString& sql, const QVariant& value);

    Connection& m_db;
};

} // namespace bv
