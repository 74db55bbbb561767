// CustomerQueryRepository: the statements of CustomerRetention (closure, anonymisation, the data-subject report).

#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QStringList>

namespace bv {

namespace {

QJsonValue cell(const QSqlQuery& q, int i)
{
    if (q.isNull(i))
        return QJsonValue();
    const QVariant value = q.value(i);
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int)
        return QJsonValue(value.toLongLong());
    return QJsonValue(value.toString());
}

// Every row of a query as an object with the given keys.
Result<QJsonArray> rowsOf(Connection& db, const QString& sql, const QVariantList& values, const QStringList& keys,
    Reading what = Reading::Customers)
{
    auto q = db.query(sql, values);
    if (!q.ok())
        return q.error();
    QJsonArray out;
    while (q->next()) {
        QJsonObject row;
        for (int i = 0; i < keys.size(); ++i)
            row.insert(keys.at(i), cell(*q, i));
        out.append(row);
    }
    BV_TRY(rowsFinished(*q, what));
    return out;
}

Result<QList<qint64>> idsOf(Connection& db, const QString& sql, qint64 customerId)
{
    auto q = db.query(sql, {customerId});
    if (!q.ok())
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return ids;
}

Result<QList<QPair<qint64, QString>>> diffsOf(Connection& db, const QString& sql, qint64 customerId)
{
    auto q = db.query(sql, {customerId});
    if (!q.ok())
        return q.error();
    QList<QPair<qint64, QString>> rows;
    while (q->next())
        rows << qMakePair(q->value(0).toLongLong(), q->value(1).toString());
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

Result<QList<CustomerQueryRepository::StoredDiff>> storedDiffs(Connection& db, const QString& sql, qint64 customerId)
{
    auto q = db.query(sql, {customerId});
    if (!q.ok())
        return q.error();
    QList<CustomerQueryRepository::StoredDiff> rows;
    while (q->next())
        rows << CustomerQueryRepository::StoredDiff {
            q->value(0).toString(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString()};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

// The number of rows an UPDATE changed.
Result<int> changed(Connection& db, const QString& sql, const QVariantList& values)
{
    auto q = db.query(sql, values);
    if (!q.ok())
        return q.error();
    return q->numRowsAffected();
}

} // namespace

// --- closure and anonymisation ---

Result<int> CustomerQueryRepository::close(qint64 customerId, const QDateTime& now, const QDateTime& retentionUntil)
{
    return changed(m_db,
        QStringLiteral("UPDATE customers SET status = 'closed', closed_at = ?, retention_until = ?, "
                       "updated_at = ?, version = version + 1 WHERE id = ? AND status = 'active'"),
        {now, retentionUntil, now, customerId});
}

Result<QList<qint64>> CustomerQueryRepository::pendingChangeIds(qint64 customerId)
{
    return idsOf(m_db,
        QStringLiteral("SELECT id FROM customer_changes WHERE customer_id = ? AND status = 'pending' "
                       "ORDER BY id"),
        customerId);
}

Status CustomerQueryRepository::rejectChangeForClosure(
    qint64 changeId, qint64 userId, const QDateTime& now, const QString& reason)
{
    // the checker must not be the maker (a branch manager may have made the edit)
    return m_db.exec(QStringLiteral("UPDATE customer_changes SET status = 'rejected', checker_id = CASE WHEN "
                                    "maker_id = ? THEN NULL ELSE ? END, decided_at = ?, reason = ? WHERE id = ?"),
        {userId, userId, now, reason, changeId});
}

Result<int> CustomerQueryRepository::rejectPendingTierChanges(
    qint64 customerId, qint64 userId, const QDateTime& now, const QString& reason)
{
    return changed(m_db,
        QStringLiteral("UPDATE tier_changes SET status = 'rejected', decided_by = ?, decided_at = ?, "
                       "reason = ? WHERE customer_id = ? AND status = 'pending'"),
        {userId, now, reason, customerId});
}

Status CustomerQueryRepository::addHistory(
    qint64 customerId, const QDateTime& at, const QString& kind, qint64 actorId, const QString& diffJson)
{
    return m_db.exec(QStringLiteral("INSERT INTO customer_history (customer_id, change_id, at, kind, actor_id, "
                                    "diff_json) VALUES (?, NULL, ?, ?, ?, ?)"),
        {customerId, at, kind, actorId, diffJson});
}

Result<QList<QPair<qint64, QString>>> CustomerQueryRepository::dueForAnonymisation(const QDateTime& now)
{
    auto q = m_db.query(QStringLiteral("SELECT id, customer_no FROM customers WHERE status = 'closed' AND "
                                       "retention_until <= ? ORDER BY retention_until, id"),
        {now});
    if (!q.ok())
        return q.error();
    QList<QPair<qint64, QString>> due;
    while (q->next())
        due << qMakePair(q->value(0).toLongLong(), q->value(1).toString());
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return due;
}

Result<int> CustomerQueryRepository::markAnonymised(qint64 customerId, const QDateTime& now)
{
    return changed(m_db,
        QStringLiteral("UPDATE customers SET status = 'anonymised', anonymised_at = ?, updated_at = ?, "
                       "version = version + 1 WHERE id = ? AND status = 'closed' AND "
                       "retention_until <= ?"),
        {now, now, customerId, now});
}

Result<QList<qint64>> CustomerQueryRepository::accountIds(qint64 customerId)
{
    return idsOf(m_db, QStringLiteral("SELECT id FROM accounts WHERE customer_id = ? ORDER BY id"), customerId);
}

Result<QList<QPair<qint64, QString>>> CustomerQueryRepository::historyDiffs(qint64 customerId)
{
    return diffsOf(
        m_db, QStringLiteral("SELECT id, diff_json FROM customer_history WHERE customer_id = ?"), customerId);
}

Result<QList<QPair<qint64, QString>>> CustomerQueryRepository::changeDiffs(qint64 customerId)
{
    return diffsOf(
        m_db, QStringLiteral("SELECT id, diff_json FROM customer_changes WHERE customer_id = ?"), customerId);
}

Status CustomerQueryRepository::setHistoryDiff(qint64 historyId, const QString& diffJson)
{
    return m_db.exec(QStringLiteral("UPDATE customer_history SET diff_json = ? WHERE id = ?"), {diffJson, historyId});
}

Status CustomerQueryRepository::eraseChange(qint64 changeId, const QString& diffJson)
{
    return m_db.exec(QStringLiteral("UPDATE customer_changes SET values_json = '{}', diff_json = ?, reason = NULL "
                                    "WHERE id = ?"),
        {diffJson, changeId});
}

Result<int> CustomerQueryRepository::eraseServiceContents(qint64 customerId)
{
    return changed(m_db, QStringLiteral("UPDATE service_records SET content = '' WHERE customer_id = ?"), {customerId});
}

Result<int> CustomerQueryRepository::eraseComplaintContents(qint64 customerId)
{
    return changed(m_db,
        QStringLiteral("UPDATE complaints SET content = '', resolution = CASE WHEN resolution IS "
                       "NULL THEN NULL ELSE '' END WHERE customer_id = ?"),
        {customerId});
}

Status CustomerQueryRepository::eraseStaffReasons(qint64 customerId)
{
    BV_TRY(m_db.exec(QStringLiteral("UPDATE tier_changes SET reason = NULL WHERE customer_id = ?"), {customerId}));
    BV_TRY(
        m_db.exec(QStringLiteral("UPDATE customer_assignments SET reason = NULL WHERE customer_id = ?"), {customerId}));
    return m_db.exec(QStringLiteral("UPDATE suspicious_pairs SET reason = NULL, masked_value = NULL WHERE customer_a = "
                                    "? OR customer_b = ?"),
        {customerId, customerId});
}

Result<int> CustomerQueryRepository::closeSuspiciousPairs(qint64 customerId, const QDateTime& now)
{
    return changed(m_db,
        QStringLiteral("UPDATE suspicious_pairs SET status = 'cleared', cleared_by = NULL, cleared_at = ? "
                       "WHERE (customer_a = ? OR customer_b = ?) AND status = 'open'"),
        {now, customerId, customerId});
}

// --- the data-subject report ---

Result<std::optional<CustomerQueryRepository::SubjectRecord>> CustomerQueryRepository::subjectRecord(qint64 customerId)
{
    auto row = m_db.query(QStringLiteral("SELECT customer_no, status, branch, restricted, tier, age_band, created_at, "
                                         "updated_at, approved_at, closed_at, retention_until, custody_until "
                                         "FROM customers WHERE id = ?"),
        {customerId});
    if (!row.ok())
        return row.error();
    if (!row->next()) {
        BV_TRY(rowsFinished(*row, Reading::Customers));
        return std::optional<SubjectRecord>();
    }
    SubjectRecord r;
    r.number = row->value(0).toString();
    auto status = storedStatus<CustomerStatus>(row->value(1));
    if (!status.ok())
        return status.error();
    r.status = *status;
    r.branch = row->value(2).toString();
    r.restricted = row->value(3).toInt() != 0;
    r.tier = row->value(4).toString();
    r.ageBand = row->value(5).toString();
    r.createdAt = row->value(6).toString();
    r.updatedAt = row->value(7).toString();
    r.dates = QJsonObject {{QStringLiteral("created_at"), cell(*row, 6)}, {QStringLiteral("updated_at"), cell(*row, 7)},
        {QStringLiteral("approved_at"), cell(*row, 8)}, {QStringLiteral("closed_at"), cell(*row, 9)},
        {QStringLiteral("retention_until"), cell(*row, 10)}, {QStringLiteral("custody_until"), cell(*row, 11)}};
    BV_TRY(rowsFinished(*row, Reading::Customers));
    return std::optional<SubjectRecord>(r);
}

Result<QList<CustomerQueryRepository::StoredDiff>> CustomerQueryRepository::historyOf(qint64 customerId)
{
    return storedDiffs(m_db,
        QStringLiteral("SELECT h.at, h.kind, coalesce(u.login, ''), h.diff_json FROM customer_history h "
                       "LEFT JOIN users u ON u.id = h.actor_id WHERE h.customer_id = ? "
                       "ORDER BY h.at, h.id"),
        customerId);
}

Result<QList<CustomerQueryRepository::StoredDiff>> CustomerQueryRepository::pendingChangesOf(qint64 customerId)
{
    return storedDiffs(m_db,
        QStringLiteral("SELECT ch.created_at, ch.kind, coalesce(u.login, ''), ch.diff_json FROM "
                       "customer_changes ch LEFT JOIN users u ON u.id = ch.maker_id WHERE "
                       "ch.customer_id = ? AND ch.status = 'pending' ORDER BY ch.id"),
        customerId);
}

Result<QJsonArray> CustomerQueryRepository::tierChangesOf(qint64 customerId)
{
    return rowsOf(m_db,
        QStringLiteral("SELECT from_tier, to_tier, computed_at, status, decided_at FROM "
                       "tier_changes WHERE customer_id = ? ORDER BY computed_at, id"),
        {customerId},
        {QStringLiteral("from"), QStringLiteral("to"), QStringLiteral("computed_at"), QStringLiteral("status"),
            QStringLiteral("decided_at")});
}

Result<QJsonArray> CustomerQueryRepository::serviceRecordsOf(qint64 customerId)
{
    return rowsOf(m_db,
        QStringLiteral("SELECT s.served_on, s.channel, s.content, coalesce(u.login, ''), "
                       "s.created_at FROM service_records s LEFT JOIN users u ON u.id = s.by_id "
                       "WHERE s.customer_id = ? ORDER BY s.served_on, s.id"),
        {customerId},
        {QStringLiteral("served_on"), QStringLiteral("channel"), QStringLiteral("content"), QStringLiteral("by"),
            QStringLiteral("created_at")});
}

Result<QJsonArray> CustomerQueryRepository::complaintsOf(qint64 customerId)
{
    return rowsOf(m_db,
        QStringLiteral("SELECT c.received_at, c.channel, c.content, c.status, c.investigate_by, c.answer_by, "
                       "c.investigated_at, c.answered_at, c.resolution, coalesce(r.login, ''), h.login "
                       "FROM complaints c LEFT JOIN users r ON r.id = c.recorded_by LEFT JOIN users h ON "
                       "h.id = c.handled_by WHERE c.customer_id = ? ORDER BY c.received_at, c.id"),
        {customerId},
        {QStringLiteral("received_at"), QStringLiteral("channel"), QStringLiteral("content"), QStringLiteral("status"),
            QStringLiteral("investigate_by"), QStringLiteral("answer_by"), QStringLiteral("investigated_at"),
            QStringLiteral("answered_at"), QStringLiteral("resolution"), QStringLiteral("recorded_by"),
            QStringLiteral("handled_by")});
}

Result<QJsonArray> CustomerQueryRepository::consentsOf(qint64 customerId)
{
    return rowsOf(m_db,
        QStringLiteral("SELECT c.purpose, c.action, c.on_date, c.channel, coalesce(u.login, ''), "
                       "c.recorded_at FROM consents c LEFT JOIN users u ON u.id = c.recorded_by "
                       "WHERE c.customer_id = ? ORDER BY c.recorded_at, c.id"),
        {customerId},
        {QStringLiteral("purpose"), QStringLiteral("action"), QStringLiteral("on_date"), QStringLiteral("channel"),
            QStringLiteral("recorded_by"), QStringLiteral("recorded_at")});
}

Result<QJsonArray> CustomerQueryRepository::assignmentsOf(qint64 customerId)
{
    // staff logins only: the staff reasons are internal and not copied
    return rowsOf(m_db,
        QStringLiteral("SELECT a.at, a.kind, f.login, t.login, a.until, coalesce(b.login, '') "
                       "FROM customer_assignments a LEFT JOIN users f ON f.id = a.from_id "
                       "LEFT JOIN users t ON t.id = a.to_id LEFT JOIN users b ON b.id = a.by_id "
                       "WHERE a.customer_id = ? ORDER BY a.at, a.id"),
        {customerId},
        {QStringLiteral("at"), QStringLiteral("kind"), QStringLiteral("from"), QStringLiteral("to"),
            QStringLiteral("until"), QStringLiteral("by")});
}

Result<QJsonArray> CustomerQueryRepository::requestsOf(qint64 customerId, const QDateTime& now)
{
    auto q = m_db.query(QStringLiteral("SELECT r.id, r.type, CASE WHEN r.status = 'approved' AND r.valid_until <= ? "
                                       "THEN 'expired' ELSE r.status END, r.scope, r.created_at, r.decided_at, "
                                       "r.valid_until, r.used_at, coalesce(u.login, '') FROM requests r "
                                       "JOIN request_customers rc ON rc.request_id = r.id LEFT JOIN users u ON "
                                       "u.id = r.requester_id WHERE rc.customer_id = ? ORDER BY r.created_at, r.id"),
        {now, customerId});
    if (!q.ok())
        return q.error();
    QJsonArray requests;
    while (q->next()) {
        const QJsonObject scope = QJsonDocument::fromJson(q->value(3).toString().toUtf8()).object();
        requests.append(QJsonObject {{QStringLiteral("id"), q->value(0).toLongLong()},
            {QStringLiteral("type"), q->value(1).toString()}, {QStringLiteral("status"), q->value(2).toString()},
            {QStringLiteral("report"), scope.value(QStringLiteral("report"))},
            {QStringLiteral("fields"), scope.value(QStringLiteral("fields"))},
            {QStringLiteral("created_at"), cell(*q, 4)}, {QStringLiteral("decided_at"), cell(*q, 5)},
            {QStringLiteral("valid_until"), cell(*q, 6)}, {QStringLiteral("used_at"), cell(*q, 7)},
            {QStringLiteral("requester"), q->value(8).toString()}});
    }
    BV_TRY(rowsFinished(*q, Reading::Requests));
    return requests;
}

Result<QJsonArray> CustomerQueryRepository::accessLogOf(const QString& customerNo)
{
    return rowsOf(m_db,
        QStringLiteral("SELECT at, action, role, outcome FROM audit_log WHERE customer_no = ? "
                       "ORDER BY seq"),
        {customerNo},
        {QStringLiteral("at"), QStringLiteral("action"), QStringLiteral("role"), QStringLiteral("outcome")},
        Reading::AuditLog);
}

} // namespace bv
