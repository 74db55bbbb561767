#include "core/internal/work/WorkloadRepository.h"

#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"

#include <QSqlQuery>

namespace bv {

namespace {

QDateTime utcFrom(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty())
        return QDateTime();
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : at;
}

} // namespace

WorkloadRepository::WorkloadRepository(Connection& db)
    : m_db(db)
{
}

Result<qint64> WorkloadRepository::count(const QString& sql, const QVariantList& values)
{
    auto value = m_db.scalar(sql, values);
    if (!value.ok())
        return value.error();
    return value->toLongLong();
}

Result<qint64> WorkloadRepository::changesToApprove(qint64 userId)
{
    return count(
        QStringLiteral("SELECT count(*) FROM customer_changes WHERE status = 'pending' AND maker_id <> ?"), {userId});
}

Result<qint64> WorkloadRepository::ownPendingChanges(qint64 userId)
{
    return count(
        QStringLiteral("SELECT count(*) FROM customer_changes WHERE status = 'pending' AND maker_id = ?"), {userId});
}

Result<qint64> WorkloadRepository::pendingTierChanges()
{
    return count(QStringLiteral("SELECT count(*) FROM tier_changes WHERE status = 'pending'"));
}

Result<qint64> WorkloadRepository::requestsToDecide(qint64 userId)
{
    return count(
        QStringLiteral("SELECT count(*) FROM requests WHERE status = 'pending' AND requester_id <> ?"), {userId});
}

Result<qint64> WorkloadRepository::ownPendingRequests(qint64 userId)
{
    return count(
        QStringLiteral("SELECT count(*) FROM requests WHERE status = 'pending' AND requester_id = ?"), {userId});
}

Result<qint64> WorkloadRepository::ownApprovedRequests(qint64 userId, const QDateTime& now)
{
    return count(QStringLiteral("SELECT count(*) FROM requests WHERE status = 'approved' AND valid_until > ? "
                                "AND requester_id = ?"),
        {now, userId});
}

Result<qint64> WorkloadRepository::openSuspiciousPairs()
{
    return count(QStringLiteral("SELECT count(*) FROM suspicious_pairs WHERE status = 'open'"));
}

Result<QList<WorkloadRepository::OpenComplaint>> WorkloadRepository::openComplaints(
    std::optional<qint64> managerId, const QDateTime& now)
{
    // The same selection as CustomerCare::overdue().
    QString sql
        = QStringLiteral("SELECT cp.status, cp.investigate_by, cp.answer_by, cp.investigated_at, cp.answered_at FROM "
                         "complaints cp "
                         "JOIN customers c ON c.id = cp.customer_id WHERE cp.status IN ('open', 'investigating') AND ")
        + responsible::heldSql();
    QVariantList values;
    if (managerId) {
        sql += QStringLiteral(" AND ") + responsible::managedBySql();
        values = responsible::managedByValues(*managerId, now);
    }
    auto q = m_db.query(sql, values);
    if (!q.ok())
        return q.error();
    QList<OpenComplaint> complaints;
    while (q->next()) {
        auto status = storedStatus<ComplaintStatus>(q->value(0));
        if (!status.ok())
            return status.error();
        complaints << OpenComplaint {
            *status, utcFrom(q->value(1)), utcFrom(q->value(2)), utcFrom(q->value(3)), utcFrom(q->value(4))};
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return complaints;
}

Result<qint64> WorkloadRepository::accountsAwaiting()
{
    return count(QStringLiteral("SELECT count(*) FROM users WHERE awaiting IS NOT NULL"));
}

Result<qint64> WorkloadRepository::accountsAwaitingOthers(qint64 userId)
{
    return count(QStringLiteral("SELECT count(*) FROM users WHERE awaiting IS NOT NULL AND id <> ?"), {userId});
}

Result<qint64> WorkloadRepository::accountsLocked(const QDateTime& now)
{
    return count(QStringLiteral("SELECT count(*) FROM users WHERE status = 'active' AND locked_until > ?"), {now});
}

Result<qint64> WorkloadRepository::accountsFrozen()
{
    return count(QStringLiteral("SELECT count(*) FROM users WHERE status = 'frozen'"));
}

Result<qint64> WorkloadRepository::passwordsChangedBy(const QDateTime& changedBy)
{
    return count(QStringLiteral("SELECT count(*) FROM users WHERE status = 'active' "
                                "AND password_changed_at <= ?"),
        {changedBy});
}

Result<qint64> WorkloadRepository::auditRows()
{
    return count(QStringLiteral("SELECT count(*) FROM audit_log"));
}

Result<std::optional<WorkloadRepository::LastRow>> WorkloadRepository::lastOf(const QString& action)
{
    auto q = m_db.query(
        QStringLiteral("SELECT at, outcome FROM audit_log WHERE action = ? ORDER BY at DESC, seq DESC LIMIT 1"),
        {action});
    if (!q.ok())
        return q.error();
    std::optional<LastRow> last;
    if (q->next())
        last = LastRow {utcFrom(q->value(0)), q->value(1).toString() == QLatin1String("ok")};
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
    return last;
}

} // namespace bv
