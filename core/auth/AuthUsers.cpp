#include "core/auth/AuthUsers.h"

#include "core/db/Database.h"
#include "core/db/QueryRows.h"

namespace bv::authusers {

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

Result<std::optional<UserRow>> loadUser(Database& db, const QString& column, const QVariant& value)
{
    auto q = db.query(QStringLiteral("SELECT id, login, display_name, role, branch, status, password_hash, "
                                     "password_changed_at, must_change_password, failed_attempts, locked_until, "
                                     "totp_enrolled, totp_last_step, awaiting FROM users WHERE ")
            + column + QStringLiteral(" = ?"),
        {value});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return std::optional<UserRow>();
    }
    UserRow row;
    row.id = q->value(0).toLongLong();
    row.login = q->value(1).toString();
    row.displayName = q->value(2).toString();
    row.role = Roles::fromKey(q->value(3).toString()).value_or(Role::Clerk);
    row.branch = q->value(4).toString();
    row.frozen = q->value(5).toString() == QLatin1String("frozen");
    row.passwordHash = q->value(6).toString();
    row.passwordChangedAt = QDateTime::fromString(q->value(7).toString(), Qt::ISODateWithMs);
    row.mustChange = q->value(8).toInt() != 0;
    row.failedAttempts = q->value(9).toInt();
    if (!q->isNull(10))
        row.lockedUntil = QDateTime::fromString(q->value(10).toString(), Qt::ISODateWithMs);
    row.totpEnrolled = q->value(11).toInt() != 0;
    if (!q->isNull(12))
        row.totpLastStep = q->value(12).toLongLong();
    row.awaiting = q->value(13).toString();
    return std::optional<UserRow>(row);
}

Actor actorOf(const UserRow& row, const QString& sessionId)
{
    return Actor {row.id, row.login, row.displayName, row.role, row.branch, sessionId};
}

Actor anonymous(const QString& typedLogin)
{
    Actor actor;
    actor.login = typedLogin.left(64);
    return actor;
}

Actor unknownLogin(const QString& typedLogin)
{
    Actor actor;
    actor.login = typedLogin.left(2) + QStringLiteral("***(%1)").arg(typedLogin.size());
    return actor;
}

} // namespace bv::authusers
