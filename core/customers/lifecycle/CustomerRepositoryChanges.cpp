// CustomerRepository, the changes of a record: customer_changes (maker-checker), customer_history, suspicious_pairs
// and tier_changes. The record itself is CustomerRepository.cpp.

#include "core/internal/customers/CustomerRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"

#include <QScopeGuard>

namespace bv {

// ---- changes ----

Result<qint64> CustomerRepository::insertCreateChange(
    qint64 customerId, qint64 makerId, const QDateTime& at, const QString& diffJson)
{
    return m_db.insertReturningId(
        QStringLiteral("INSERT INTO customer_changes (customer_id, kind, status, maker_id, created_at, base_version, "
                       "values_json, diff_json) VALUES (?, 'create', 'pending', ?, ?, 1, '{}', ?) RETURNING id"),
        {customerId, makerId, at, diffJson});
}

Status CustomerRepository::insertCreateChanges(const QList<NewChangeRow>& rows, qint64 makerId, const QDateTime& at)
{
    QList<QVariantList> values;
    values.reserve(rows.size());
    for (const NewChangeRow& row : rows)
        values.append({row.id, row.customerId, QStringLiteral("create"), QStringLiteral("pending"), makerId, at, 1,
            QStringLiteral("{}"), row.diffJson});
    return m_db.insertRows(QStringLiteral("INSERT INTO customer_changes (id, customer_id, kind, status, maker_id, "
                                          "created_at, base_version, values_json, diff_json)"),
        9, values);
}

Result<qint64> CustomerRepository::insertEditChange(
    qint64 customerId, qint64 makerId, const QDateTime& at, qint64 baseVersion)
{
    return m_db.insertReturningId(
        QStringLiteral("INSERT INTO customer_changes (customer_id, kind, status, maker_id, created_at, base_version, "
                       "values_json, diff_json) VALUES (?, 'edit', 'pending', ?, ?, ?, '{}', '[]') RETURNING id"),
        {customerId, makerId, at, baseVersion});
}

Status CustomerRepository::stageChange(qint64 changeId, const QString& valuesJson, const QString& diffJson)
{
    return m_db.exec(QStringLiteral("UPDATE customer_changes SET values_json = ?, diff_json = ? WHERE id = ?"),
        {valuesJson, diffJson, changeId});
}

Result<std::optional<qint64>> CustomerRepository::pendingChangeOf(qint64 customerId)
{
    auto waiting = m_db.scalar(
        QStringLiteral("SELECT id FROM customer_changes WHERE customer_id = ? AND status = 'pending'"), {customerId});
    if (!waiting.ok())
        return waiting.error();
    if (waiting->isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(waiting->toLongLong());
}

Result<QList<CustomerRepository::ChangeRow>> CustomerRepository::pendingChanges(
    qint64 afterId, std::optional<qint64> makerId, int limit)
{
    QString sql
        = QStringLiteral("SELECT ch.id, ch.customer_id, c.customer_no, ch.kind, ch.status, u.login, ch.created_at, "
                         "ch.diff_json, ch.reason FROM customer_changes ch JOIN customers c ON c.id = ch.customer_id "
                         "JOIN users u ON u.id = ch.maker_id WHERE ch.status = 'pending' AND ch.id > ?");
    QVariantList values {afterId};
    if (makerId) {
        sql += QStringLiteral(" AND ch.maker_id = ?");
        values << *makerId;
    }
    sql += QStringLiteral(" ORDER BY ch.id LIMIT ?");
    values << limit;
    auto q = m_db.query(sql, values);
    if (!q.ok())
        return q.error();
    QList<ChangeRow> list;
    while (q->next()) {
        auto status = storedStatus<ChangeStatus>(q->value(4));
        if (!status.ok())
            return status.error();
        list << ChangeRow {PendingChange {q->value(0).toLongLong(), q->value(1).toLongLong(), q->value(2).toString(),
                               q->value(3).toString(), *status, q->value(5).toString(),
                               QDateTime::fromString(q->value(6).toString(), Qt::ISODateWithMs), {},
                               q->value(8).toString(), QStringList()},
            q->value(7).toString()};
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

Result<std::optional<CustomerRepository::ChangeHead>> CustomerRepository::changeHead(qint64 changeId)
{
    // kept prepared: an approval reads it twice (the batch's check, then the decision); finished on every path
    auto cached = m_db.cached(QStringLiteral("SELECT ch.customer_id, ch.kind, ch.status, ch.maker_id, c.customer_no "
                                             "FROM customer_changes ch JOIN customers c ON c.id = ch.customer_id "
                                             "WHERE ch.id = ?"),
        {changeId});
    if (!cached.ok())
        return cached.error();
    QSqlQuery& q = **cached;
    const auto finished = qScopeGuard([&] { q.finish(); });
    if (!q.next()) {
        BV_TRY(rowsFinished(q, Reading::Customers));
        return std::optional<ChangeHead>();
    }
    auto status = storedStatus<ChangeStatus>(q.value(2));
    if (!status.ok())
        return status.error();
    const ChangeHead head {
        q.value(0).toLongLong(), q.value(1).toString(), *status, q.value(3).toLongLong(), q.value(4).toString()};
    return std::optional<ChangeHead>(head);
}

Result<std::optional<CustomerRepository::EditToApply>> CustomerRepository::editToApply(qint64 changeId)
{
    auto row = m_db.query(QStringLiteral("SELECT ch.base_version, c.version, ch.values_json, ch.diff_json, "
                                         "ch.maker_id FROM customer_changes ch JOIN customers c "
                                         "ON c.id = ch.customer_id WHERE ch.id = ?"),
        {changeId});
    if (!row.ok())
        return row.error();
    if (!row->next()) {
        BV_TRY(rowsFinished(*row, Reading::Customers));
        return std::optional<EditToApply>();
    }
    return std::optional<EditToApply>(EditToApply {row->value(0).toLongLong(), row->value(1).toLongLong(),
        row->value(2).toString(), row->value(3).toString(), row->value(4).toLongLong()});
}

Result<QString> CustomerRepository::stagedValues(qint64 changeId)
{
    auto staged = m_db.scalar(QStringLiteral("SELECT values_json FROM customer_changes WHERE id = ?"), {changeId});
    if (!staged.ok())
        return staged.error();
    return staged->toString();
}

Status CustomerRepository::approveChange(qint64 changeId, qint64 checkerId, const QDateTime& at, const QString& reason)
{
    return m_db.exec(QStringLiteral("UPDATE customer_changes SET status = 'approved', checker_id = ?, decided_at = ?, "
                                    "reason = ? WHERE id = ?"),
        {checkerId, at, reason, changeId});
}

Status CustomerRepository::rejectChange(qint64 changeId, qint64 checkerId, const QDateTime& at, const QString& reason)
{
    return m_db.exec(QStringLiteral("UPDATE customer_changes SET status = 'rejected', checker_id = ?, decided_at = ?, "
                                    "reason = ? WHERE id = ?"),
        {checkerId, at, reason, changeId});
}

// ---- history ----

Status CustomerRepository::insertCreateHistory(qint64 changeId, const QDateTime& at)
{
    return m_db.exec(
        QStringLiteral("INSERT INTO customer_history (customer_id, change_id, at, kind, actor_id, diff_json) "
                       "SELECT customer_id, id, ?, 'create', maker_id, diff_json FROM customer_changes WHERE id = ?"),
        {at, changeId});
}

Result<qint64> CustomerRepository::insertEditHistory(
    qint64 customerId, qint64 changeId, const QDateTime& at, qint64 makerId, const QString& diffJson)
{
    return m_db.insertReturningId(QStringLiteral("INSERT INTO customer_history (customer_id, change_id, at, kind, "
                                                 "actor_id, diff_json) VALUES (?, ?, ?, 'edit', ?, ?) RETURNING id"),
        {customerId, changeId, at, makerId, diffJson});
}

Result<QList<CustomerRepository::HistoryRow>> CustomerRepository::history(qint64 customerId)
{
    auto q = m_db.query(QStringLiteral("SELECT h.at, h.kind, coalesce(u.login, ''), h.diff_json FROM "
                                       "customer_history h LEFT JOIN users u ON u.id = h.actor_id "
                                       "WHERE h.customer_id = ? ORDER BY h.at, h.id"),
        {customerId});
    if (!q.ok())
        return q.error();
    QList<HistoryRow> list;
    while (q->next())
        list << HistoryRow {HistoryEntry {QDateTime::fromString(q->value(0).toString(), Qt::ISODateWithMs),
                                q->value(1).toString(), q->value(2).toString(), {}},
            q->value(3).toString()};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

// ---- suspicious pairs and tier changes ----

Status CustomerRepository::insertSuspiciousPair(
    const QString& kind, qint64 customerA, qint64 customerB, const QDateTime& at, const QString& maskedValue)
{
    return m_db.exec(QStringLiteral("INSERT INTO suspicious_pairs (kind, customer_a, customer_b, found_at, "
                                    "masked_value) VALUES (?, ?, ?, ?, ?) "
                                    "ON CONFLICT (kind, customer_a, customer_b) DO NOTHING"),
        {kind, customerA, customerB, at, maskedValue});
}

Result<QList<SuspiciousPair>> CustomerRepository::openSuspiciousPairs()
{
    auto q = m_db.query(
        QStringLiteral("SELECT p.id, p.kind, a.customer_no, b.customer_no, p.found_at, p.status, "
                       "coalesce(p.masked_value, '') "
                       "FROM suspicious_pairs p JOIN customers a ON a.id = p.customer_a "
                       "JOIN customers b ON b.id = p.customer_b WHERE p.status = 'open' ORDER BY p.found_at, p.id"));
    if (!q.ok())
        return q.error();
    QList<SuspiciousPair> list;
    while (q->next()) {
        auto status = storedStatus<PairStatus>(q->value(5));
        if (!status.ok())
            return status.error();
        list << SuspiciousPair {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
            q->value(3).toString(), q->value(6).toString(),
            QDateTime::fromString(q->value(4).toString(), Qt::ISODateWithMs), *status};
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

Result<int> CustomerRepository::clearSuspiciousPair(
    qint64 pairId, qint64 userId, const QDateTime& at, const QString& reason)
{
    auto updated
        = m_db.query(QStringLiteral("UPDATE suspicious_pairs SET status = 'cleared', cleared_by = ?, cleared_at = ?, "
                                    "reason = ? WHERE id = ? AND status = 'open'"),
            {userId, at, reason, pairId});
    if (!updated.ok())
        return updated.error();
    return updated->numRowsAffected();
}

Status CustomerRepository::dropPendingTierChange(qint64 customerId)
{
    return m_db.exec(
        QStringLiteral("DELETE FROM tier_changes WHERE customer_id = ? AND status = 'pending'"), {customerId});
}

Status CustomerRepository::insertTierChange(
    qint64 customerId, const QString& fromTier, const QString& toTier, const QDateTime& at)
{
    return m_db.exec(QStringLiteral("INSERT INTO tier_changes (customer_id, from_tier, to_tier, computed_at) "
                                    "VALUES (?, ?, ?, ?)"),
        {customerId, fromTier, toTier, at});
}

} // namespace bv
