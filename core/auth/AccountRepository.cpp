#include "core/internal/auth/AccountRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/policy/Statuses.h"

namespace bv {

using authusers::UserRow;

namespace {

// In the order accountFrom reads them.
const QString kAccountColumns = QStringLiteral("id, login, display_name, staff_no, role, branch, status, "
                                               "must_change_password, totp_enrolled, created_at, last_sign_in_at, "
                                               "locked_until, awaiting, awaiting_role, awaiting_since");

// In the order userFrom reads them.
const QString kUserColumns = QStringLiteral("id, login, display_name, role, branch, status, password_hash, "
                                            "password_changed_at, must_change_password, failed_attempts, "
                                            "locked_until, totp_enrolled, totp_last_step, awaiting");

QVariant noId()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}

QVariant noText()
{
    return QVariant(QMetaType::fromType<QString>());
}

Account accountFrom(const QSqlQuery& q)
{
    Account a;
    a.id = q.value(0).toLongLong();
    a.login = q.value(1).toString();
    a.displayName = q.value(2).toString();
    a.staffNo = q.value(3).toString();
    a.role = Roles::fromKey(q.value(4).toString()).value_or(Role::Clerk);
    a.branch = q.value(5).toString();
    a.frozen = statusFromKey<StaffStatus>(q.value(6).toString()) != StaffStatus::Active; // unknown: fail closed
    a.mustChangePassword = q.value(7).toInt() != 0;
    a.secondFactor = q.value(8).toInt() != 0;
    a.createdAt = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
    a.lastSignIn = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    a.lockedUntil = QDateTime::fromString(q.value(11).toString(), Qt::ISODateWithMs);
    a.awaiting = q.value(12).toString();
    if (!q.isNull(13))
        a.awaitingRole = Roles::fromKey(q.value(13).toString());
    a.awaitingSince = QDateTime::fromString(q.value(14).toString(), Qt::ISODateWithMs);
    return a;
}

UserRow userFrom(const QSqlQuery& q)
{
    UserRow row;
    row.id = q.value(0).toLongLong();
    row.login = q.value(1).toString();
    row.displayName = q.value(2).toString();
    row.role = Roles::fromKey(q.value(3).toString()).value_or(Role::Clerk);
    row.branch = q.value(4).toString();
    row.frozen = statusFromKey<StaffStatus>(q.value(5).toString()) != StaffStatus::Active; // unknown: fail closed
    row.passwordHash = q.value(6).toString();
    row.passwordChangedAt = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs);
    row.mustChange = q.value(8).toInt() != 0;
    row.failedAttempts = q.value(9).toInt();
    if (!q.isNull(10))
        row.lockedUntil = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
    row.totpEnrolled = q.value(11).toInt() != 0;
    if (!q.isNull(12))
        row.totpLastStep = q.value(12).toLongLong();
    row.awaiting = q.value(13).toString();
    return row;
}

} // namespace

AccountRepository::AccountRepository(Connection& db)
    : m_db(db)
{
}

// --- Accounts ---

Result<std::optional<Account>> AccountRepository::account(const QString& sql, const QVariant& value)
{
    auto q = m_db.query(sql, {value});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return std::optional<Account>();
    }
    return std::optional<Account>(accountFrom(*q));
}

Result<std::optional<Account>> AccountRepository::accountById(qint64 id)
{
    return account(QStringLiteral("SELECT ") + kAccountColumns + QStringLiteral(" FROM users WHERE id = ?"), id);
}

Result<std::optional<Account>> AccountRepository::accountByLogin(const QString& login)
{
    // dialect: PostgreSQL compares with lower(login) = lower(?)
    return account(
        QStringLiteral("SELECT ") + kAccountColumns + QStringLiteral(" FROM users WHERE login = ? COLLATE NOCASE"),
        login);
}

Result<QList<Account>> AccountRepository::accounts(Listing which)
{
    const QString tail = which == Listing::Awaiting
        ? QStringLiteral(" WHERE awaiting IS NOT NULL ORDER BY awaiting_since, login")
        : QStringLiteral(" ORDER BY login");
    auto q = m_db.query(QStringLiteral("SELECT ") + kAccountColumns + QStringLiteral(" FROM users") + tail);
    if (!q.ok())
        return q.error();
    QList<Account> accounts;
    while (q->next())
        accounts << accountFrom(*q);
    BV_TRY(rowsFinished(*q, Reading::Accounts));
    return accounts;
}

Result<qint64> AccountRepository::count()
{
    auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM users"));
    if (!n.ok())
        return n.error();
    return n->toLongLong();
}

Result<bool> AccountRepository::loginTaken(const QString& login)
{
    // dialect: PostgreSQL compares with lower(login) = lower(?)
    auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM users WHERE login = ? COLLATE NOCASE"), {login});
    if (!n.ok())
        return n.error();
    return n->toInt() > 0;
}

Result<std::optional<QString>> AccountRepository::activeLoginOfStaff(
    const QString& staffNo, std::optional<qint64> exceptUserId)
{
    auto login = exceptUserId
        ? m_db.scalar(QStringLiteral("SELECT login FROM users WHERE staff_no = ? AND status = 'active' AND id <> ?"),
            {staffNo, *exceptUserId})
        : m_db.scalar(QStringLiteral("SELECT login FROM users WHERE staff_no = ? AND status = 'active'"), {staffNo});
    if (!login.ok())
        return login.error();
    if (login->isNull())
        return std::optional<QString>();
    return std::optional<QString>(login->toString());
}

Result<qint64> AccountRepository::countStaffInRole(const QString& staffNo, const QString& roleKey, qint64 exceptUserId)
{
    auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM users WHERE staff_no = ? AND role = ? AND id <> ?"),
        {staffNo, roleKey, exceptUserId});
    if (!n.ok())
        return n.error();
    return n->toLongLong();
}

Result<qint64> AccountRepository::insert(const NewRow& row)
{
    const bool awaits = !row.awaiting.isEmpty();
    return m_db.insertReturningId(
        QStringLiteral("INSERT INTO users (login, display_name, staff_no, role, branch, password_hash, "
                       "password_changed_at, must_change_password, created_at, created_by, awaiting, "
                       "awaiting_since, awaiting_by) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?) RETURNING id"),
        {row.login, row.displayName, row.staffNo, row.roleKey, row.branch, row.passwordHash, row.now, row.now,
            row.createdBy > 0 ? QVariant(row.createdBy) : noId(), awaits ? QVariant(row.awaiting) : noText(),
            awaits ? QVariant(row.now) : noText(), row.awaitingBy > 0 ? QVariant(row.awaitingBy) : noId()});
}

// --- Dual control ---

Status AccountRepository::setAwaiting(
    qint64 userId, const QString& change, const QString& roleKey, const QDateTime& since, qint64 by)
{
    return m_db.exec(QStringLiteral("UPDATE users SET awaiting = ?, awaiting_role = ?, awaiting_since = ?, "
                                    "awaiting_by = ? WHERE id = ?"),
        {change, roleKey.isEmpty() ? noText() : QVariant(roleKey), since, by, userId});
}

Status AccountRepository::clearAwaiting(qint64 userId)
{
    return m_db.exec(QStringLiteral("UPDATE users SET awaiting = NULL, awaiting_role = NULL, awaiting_since = NULL, "
                                    "awaiting_by = NULL WHERE id = ?"),
        {userId});
}

Result<int> AccountRepository::awaitCustodyExcept(qint64 managerId, const QDateTime& since)
{
    auto waiting = m_db.query(
        QStringLiteral("UPDATE users SET awaiting = 'custody', awaiting_since = ?, awaiting_by = NULL "
                       "WHERE role IN ('manager', 'customer_manager', 'clerk') AND status = 'active' AND id <> ? "
                       "AND awaiting IS NULL"),
        {since, managerId});
    if (!waiting.ok())
        return waiting.error();
    return waiting->numRowsAffected();
}

Result<std::optional<QString>> AccountRepository::confirmingManagerOtherThan(qint64 exceptUserId)
{
    auto other = m_db.scalar(QStringLiteral("SELECT u.login FROM users u JOIN key_slots k ON k.user_id = u.id "
                                            "AND k.kind = 'password' WHERE u.role = 'manager' AND u.status = 'active' "
                                            "AND u.awaiting IS NULL AND u.id <> ? ORDER BY u.login LIMIT 1"),
        {exceptUserId});
    if (!other.ok())
        return other.error();
    if (other->isNull())
        return std::optional<QString>();
    return std::optional<QString>(other->toString());
}

// --- Account state ---

Status AccountRepository::freeze(qint64 userId, const QDateTime& at)
{
    return m_db.exec(QStringLiteral("UPDATE users SET status = 'frozen', frozen_at = ? WHERE id = ?"), {at, userId});
}

Status AccountRepository::activate(qint64 userId)
{
    return m_db.exec(QStringLiteral("UPDATE users SET status = 'active', frozen_at = NULL, failed_attempts = 0, "
                                    "locked_until = NULL WHERE id = ?"),
        {userId});
}

Status AccountRepository::setRole(qint64 userId, const QString& roleKey)
{
    return m_db.exec(QStringLiteral("UPDATE users SET role = ? WHERE id = ?"), {roleKey, userId});
}

Status AccountRepository::requirePasswordChange(qint64 userId)
{
    return m_db.exec(QStringLiteral("UPDATE users SET must_change_password = 1 WHERE id = ?"), {userId});
}

Status AccountRepository::removeSecondFactor(qint64 userId)
{
    return m_db.exec(
        QStringLiteral("UPDATE users SET totp_enrolled = 0, totp_last_step = NULL WHERE id = ?"), {userId});
}

Status AccountRepository::enrolSecondFactor(qint64 userId, qint64 acceptedStep)
{
    return m_db.exec(
        QStringLiteral("UPDATE users SET totp_enrolled = 1, totp_last_step = ? WHERE id = ?"), {acceptedStep, userId});
}

// --- Sign-in ---

Result<std::optional<UserRow>> AccountRepository::user(const QString& sql, const QVariant& value)
{
    auto q = m_db.query(sql, {value});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return std::optional<UserRow>();
    }
    return std::optional<UserRow>(userFrom(*q));
}

Result<std::optional<UserRow>> AccountRepository::userById(qint64 id)
{
    return user(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE id = ?"), id);
}

Result<std::optional<UserRow>> AccountRepository::userByLogin(const QString& login)
{
    // the column's own collation (NOCASE, declared in the schema) compares the login
    return user(QStringLiteral("SELECT ") + kUserColumns + QStringLiteral(" FROM users WHERE login = ?"), login);
}

Result<std::optional<qint64>> AccountRepository::totpLastStep(qint64 userId)
{
    auto step = m_db.scalar(QStringLiteral("SELECT totp_last_step FROM users WHERE id = ?"), {userId});
    if (!step.ok())
        return step.error();
    if (step->isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(step->toLongLong());
}

Status AccountRepository::setTotpLastStep(qint64 userId, qint64 step)
{
    return m_db.exec(QStringLiteral("UPDATE users SET totp_last_step = ? WHERE id = ?"), {step, userId});
}

Result<int> AccountRepository::failedAttempts(qint64 userId)
{
    auto current = m_db.scalar(QStringLiteral("SELECT failed_attempts FROM users WHERE id = ?"), {userId});
    if (!current.ok())
        return current.error();
    return current->toInt();
}

Status AccountRepository::setFailedAttempts(qint64 userId, int attempts)
{
    return m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = ? WHERE id = ?"), {attempts, userId});
}

Status AccountRepository::clearFailedAttempts(qint64 userId)
{
    return m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = 0 WHERE id = ?"), {userId});
}

Status AccountRepository::lockUntil(qint64 userId, const QString& until)
{
    return m_db.exec(
        QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = ? WHERE id = ?"), {until, userId});
}

Status AccountRepository::recordSignIn(qint64 userId, const QDateTime& at, std::optional<qint64> acceptedStep,
    const QString& newHash, const QString& verifiedHash)
{
    // The last used step only moves forward: two sign-ins committing out of order never lower it, so a code
    // accepted once stays refused for the rest of its window.
    const QVariant step = acceptedStep ? QVariant(*acceptedStep) : noId();
    const QVariant rehash = newHash.isEmpty() ? noText() : QVariant(newHash);
    return m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?, "
                                    "totp_last_step = CASE WHEN ? IS NOT NULL AND (totp_last_step IS NULL "
                                    "OR totp_last_step < ?) THEN ? ELSE totp_last_step END, "
                                    "password_hash = CASE WHEN ? IS NOT NULL AND password_hash = ? THEN ? "
                                    "ELSE password_hash END WHERE id = ?"),
        {at, step, step, step, rehash, verifiedHash, rehash, userId});
}

Status AccountRepository::recordConfirmation(qint64 userId, const QString& newHash, const QString& verifiedHash)
{
    const QVariant rehash = newHash.isEmpty() ? noText() : QVariant(newHash);
    return m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = 0, password_hash = CASE WHEN ? IS NOT NULL "
                                    "AND password_hash = ? THEN ? ELSE password_hash END WHERE id = ?"),
        {rehash, verifiedHash, rehash, userId});
}

// --- Passwords ---

Result<QString> AccountRepository::passwordHash(qint64 userId)
{
    auto current = m_db.scalar(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {userId});
    if (!current.ok())
        return current.error();
    return current->toString();
}

Result<QStringList> AccountRepository::passwordHistory(qint64 userId, qint64 limit)
{
    // dialect: rowid orders rows written in the same millisecond (password_history has no id column; a
    // PostgreSQL schema gives it one)
    auto old = m_db.query(QStringLiteral("SELECT password_hash FROM password_history WHERE user_id = ? "
                                         "ORDER BY created_at DESC, rowid DESC LIMIT ?"),
        {userId, limit});
    if (!old.ok())
        return old.error();
    QStringList hashes;
    while (old->next())
        hashes << old->value(0).toString();
    BV_TRY(rowsFinished(*old, Reading::Accounts));
    return hashes;
}

Status AccountRepository::storePassword(qint64 userId, const QString& hash, const QDateTime& at, bool mustChange)
{
    BV_TRY(m_db.exec(QStringLiteral("INSERT INTO password_history (user_id, password_hash, created_at) "
                                    "SELECT id, password_hash, ? FROM users WHERE id = ?"),
        {at, userId}));
    // dialect: rowid, as in passwordHistory
    BV_TRY(m_db.exec(QStringLiteral("DELETE FROM password_history WHERE user_id = ? AND rowid NOT IN "
                                    "(SELECT rowid FROM password_history WHERE user_id = ? "
                                    "ORDER BY created_at DESC, rowid DESC LIMIT 24)"),
        {userId, userId}));
    return m_db.exec(QStringLiteral("UPDATE users SET password_hash = ?, password_changed_at = ?, "
                                    "must_change_password = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?"),
        {hash, at, mustChange ? 1 : 0, userId});
}

} // namespace bv
