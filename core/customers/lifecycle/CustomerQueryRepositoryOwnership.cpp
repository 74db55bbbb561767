// CustomerQueryRepository: the statements of CustomerOwnership (managers, custody, the reassignment list, tier
// changes).

#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"

#include <QSqlQuery>

namespace bv {

namespace {

// The reassignment list's condition over customers `c` (binds one value: now). No owner, a frozen owner (a custody
// would return the customer to nobody), or a frozen custodian during a custody. Written so that the manager
// indexes answer it (the frozen staff are few; a scan of every customer of a large branch is not needed):
// "+c.status" keeps the planner off the status index, which would visit every active customer.
// dialect: "+c.status" (unary plus on text) is SQLite-only; PostgreSQL: c.status
QString reassignmentCondition()
{
    return QStringLiteral("+c.status IN ('active', 'pending') AND (c.manager_id IS NULL "
                          "OR c.manager_id IN (SELECT id FROM users WHERE status = 'frozen') "
                          "OR (c.custody_manager_id IN (SELECT id FROM users WHERE status = 'frozen') "
                          "AND c.custody_until > ?))");
}

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

QVariant textOrNull(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

Result<std::optional<CustomerQueryRepository::Holding>> CustomerQueryRepository::holding(qint64 customerId)
{
    auto row
        = m_db.query(QStringLiteral("SELECT c.status, c.manager_id, coalesce(uo.status, ''), c.custody_manager_id, "
                                    "coalesce(uc.status, ''), c.custody_until FROM customers c "
                                    "LEFT JOIN users uo ON uo.id = c.manager_id "
                                    "LEFT JOIN users uc ON uc.id = c.custody_manager_id WHERE c.id = ?"),
            {customerId});
    if (!row.ok())
        return row.error();
    if (!row->next()) {
        BV_TRY(rowsFinished(*row, Reading::Customers));
        return std::optional<Holding>();
    }
    Holding h;
    auto status = storedStatus<CustomerStatus>(row->value(0));
    if (!status.ok())
        return status.error();
    h.status = *status;
    h.ownerId = row->value(1).toLongLong();
    // a manager who is set counts as frozen unless stored as active (an unknown state fails closed)
    h.ownerFrozen = h.ownerId > 0 && statusFromKey<StaffStatus>(row->value(2).toString()) != StaffStatus::Active;
    h.custodianId = row->value(3).toLongLong();
    h.custodianFrozen
        = h.custodianId > 0 && statusFromKey<StaffStatus>(row->value(4).toString()) != StaffStatus::Active;
    h.custodyUntil = timeFrom(row->value(5));
    BV_TRY(rowsFinished(*row, Reading::Customers));
    row->finish();
    return std::optional<Holding>(h);
}

Status CustomerQueryRepository::setCustody(
    qint64 customerId, qint64 custodianId, const QDateTime& until, const QDateTime& now)
{
    return m_db.exec(QStringLiteral("UPDATE customers SET custody_manager_id = ?, custody_until = ?, updated_at = ? "
                                    "WHERE id = ?"),
        {custodianId, until, now, customerId});
}

Status CustomerQueryRepository::endCustody(qint64 customerId, const QDateTime& now)
{
    return m_db.exec(QStringLiteral("UPDATE customers SET custody_manager_id = NULL, custody_until = NULL, "
                                    "updated_at = ? WHERE id = ?"),
        {now, customerId});
}

Status CustomerQueryRepository::setOwner(qint64 customerId, qint64 ownerId, const QDateTime& now)
{
    return m_db.exec(QStringLiteral("UPDATE customers SET manager_id = ?, custody_manager_id = NULL, "
                                    "custody_until = NULL, updated_at = ? WHERE id = ?"),
        {ownerId, now, customerId});
}

Status CustomerQueryRepository::addAssignment(const Assignment& a)
{
    return m_db.exec(QStringLiteral("INSERT INTO customer_assignments (customer_id, kind, from_id, to_id, until, at, "
                                    "by_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {a.customerId, a.kind, idOrNull(a.fromId), idOrNull(a.toId),
            a.until.isValid() ? QVariant(a.until) : QVariant(QMetaType::fromType<QString>()), a.at, a.byId,
            textOrNull(a.reason)});
}

Result<QList<AssignmentEntry>> CustomerQueryRepository::assignments(qint64 customerId)
{
    auto q = m_db.query(
        QStringLiteral("SELECT a.at, a.kind, coalesce(uf.login, ''), coalesce(ut.login, ''), a.until, "
                       "coalesce(ub.login, ''), coalesce(a.reason, '') FROM customer_assignments a "
                       "LEFT JOIN users uf ON uf.id = a.from_id LEFT JOIN users ut ON ut.id = a.to_id "
                       "LEFT JOIN users ub ON ub.id = a.by_id WHERE a.customer_id = ? ORDER BY a.at, a.id"),
        {customerId});
    if (!q.ok())
        return q.error();
    QList<AssignmentEntry> list;
    while (q->next())
        list << AssignmentEntry {timeFrom(q->value(0)), q->value(1).toString(), q->value(2).toString(),
            q->value(3).toString(), timeFrom(q->value(4)), q->value(5).toString(), q->value(6).toString()};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

Result<QList<CustomerListRow>> CustomerQueryRepository::reassignmentList(const QDateTime& now)
{
    auto q = m_db.query(listrow::select() + QStringLiteral("LEFT JOIN users u ON u.id = ") + responsible::managerSql()
            + QStringLiteral(" WHERE ") + reassignmentCondition() + QStringLiteral(" ORDER BY c.customer_no"),
        {now, now});
    if (!q.ok())
        return q.error();
    QList<CustomerListRow> rows;
    while (q->next()) {
        auto row = listrow::from(*q);
        if (!row.ok())
            return row.error();
        rows << *row;
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

Result<qint64> CustomerQueryRepository::reassignmentCount(const QDateTime& now)
{
    auto count
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM customers c WHERE ") + reassignmentCondition(), {now});
    if (!count.ok())
        return count.error();
    return count->toLongLong();
}

Result<QList<TierChange>> CustomerQueryRepository::pendingTierChanges()
{
    auto q = m_db.query(QStringLiteral(
        "SELECT t.id, c.customer_no, t.from_tier, t.to_tier, t.computed_at, t.status FROM tier_changes t "
        "JOIN customers c ON c.id = t.customer_id WHERE t.status = 'pending' "
        "ORDER BY t.computed_at, t.id"));
    if (!q.ok())
        return q.error();
    QList<TierChange> list;
    while (q->next()) {
        auto status = storedStatus<TierChangeStatus>(q->value(5));
        if (!status.ok())
            return status.error();
        list << TierChange {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
            q->value(3).toString(), timeFrom(q->value(4)), *status};
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

Result<std::optional<CustomerQueryRepository::TierDecision>> CustomerQueryRepository::tierDecision(qint64 tierChangeId)
{
    auto q = m_db.query(QStringLiteral("SELECT t.customer_id, t.from_tier, t.to_tier, t.status, c.customer_no, c.tier, "
                                       "c.status, coalesce(c.aum_cny, 0) FROM tier_changes t "
                                       "JOIN customers c ON c.id = t.customer_id WHERE t.id = ?"),
        {tierChangeId});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return std::optional<TierDecision>();
    }
    TierDecision d;
    d.customerId = q->value(0).toLongLong();
    d.fromTier = q->value(1).toString();
    d.toTier = q->value(2).toString();
    auto status = storedStatus<TierChangeStatus>(q->value(3));
    if (!status.ok())
        return status.error();
    d.status = *status;
    d.customerNumber = q->value(4).toString();
    d.currentTier = q->value(5).toString();
    auto customerStatus = storedStatus<CustomerStatus>(q->value(6));
    if (!customerStatus.ok())
        return customerStatus.error();
    d.customerStatus = *customerStatus;
    d.assets = q->value(7).toLongLong();
    BV_TRY(rowsFinished(*q, Reading::Customers));
    q->finish();
    return std::optional<TierDecision>(d);
}

Status CustomerQueryRepository::setTier(qint64 customerId, const QString& tier, const QDateTime& now)
{
    return m_db.exec(
        QStringLiteral("UPDATE customers SET tier = ?, updated_at = ? WHERE id = ?"), {tier, now, customerId});
}

Result<int> CustomerQueryRepository::decideTierChange(
    qint64 tierChangeId, TierChangeStatus status, qint64 userId, const QDateTime& now, const QString& reason)
{
    auto updated = m_db.query(QStringLiteral("UPDATE tier_changes SET status = ?, decided_by = ?, decided_at = ?, "
                                             "reason = ? WHERE id = ? AND status = 'pending'"),
        {statusKey(status), userId, now, textOrNull(reason), tierChangeId});
    if (!updated.ok())
        return updated.error();
    return updated->numRowsAffected();
}

} // namespace bv
