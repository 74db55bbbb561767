#include "core/internal/reports/ReportRepository.h"

#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"

#include <QSqlQuery>

// SQLite-only constructs here, each named where it is used: strftime() and date() with a time modifier (months and
// days in branch time), json_extract() (a value inside details), sum() over a comparison (counting the rows a
// condition holds for).

namespace bv {

namespace {

// Every row of a read-only query; the loop ends with rowsFinished().
Status eachRow(
    Connection& db, const QString& sql, const QVariantList& values, Reading what, const ReportRepository::Row& row)
{
    auto q = db.query(sql, values);
    if (!q.ok())
        return q.error();
    while (q->next())
        row(*q);
    BV_TRY(rowsFinished(*q, what));
    return {};
}

QString isoMs(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

ReportRepository::ReportRepository(Connection& db)
    : m_db(db)
{
}

Status ReportRepository::roster(bool identities, bool allStatuses, const QDateTime& now, const Row& row)
{
    // The masked forms as stored beside the sealed values (StoredMasks keeps them under the mask settings);
    // nothing is opened. Rejected records never became customers and are not listed.
    const QString masked = identities
        ? QStringLiteral("n.masked, i.masked, m.masked FROM customers c "
                         "LEFT JOIN sealed_value n ON n.owner_kind = 'customer' AND n.owner_id = c.id AND n.field = "
                         "'name' "
                         "LEFT JOIN sealed_value i ON i.owner_kind = 'customer' AND i.owner_id = c.id AND i.field = "
                         "'id_number' "
                         "LEFT JOIN sealed_value m ON m.owner_kind = 'customer' AND m.owner_id = c.id AND m.field = "
                         "'mobile' ")
        : QStringLiteral("NULL, NULL, NULL FROM customers c ");
    const QString where = allStatuses
        ? QStringLiteral(" WHERE c.status IN ('pending', 'active', 'closed', 'anonymised')")
        : QStringLiteral(" WHERE c.status = 'active'");
    const QString sql
        = QStringLiteral("SELECT c.customer_no, coalesce(c.sex, ''), coalesce(c.age_band, ''), c.tier, "
                         "coalesce(u.display_name, ''), c.status, coalesce(c.approved_at, c.created_at), ")
        + masked + QStringLiteral("LEFT JOIN users u ON u.id = ") + responsible::managerSql() + where
        + QStringLiteral(" ORDER BY c.customer_no");
    return eachRow(m_db, sql, {now}, Reading::Customers, row);
}

Status ReportRepository::tierTotals(const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT tier, count(*), coalesce(sum(aum_cny), 0) FROM customers WHERE status = 'active' "
                       "GROUP BY tier"),
        {}, Reading::Customers, row);
}

Status ReportRepository::newByMonth(const QString& zone, const QDateTime& start, const QDateTime& end, const Row& row)
{
    // New: the day the customer was approved (records entered before approvals existed: the day entered); pending
    // and rejected records are not customers yet. SQLite-only: strftime with a modifier.
    return eachRow(m_db,
        QStringLiteral("SELECT strftime('%Y-%m', coalesce(approved_at, created_at), ?) AS month, count(*) FROM "
                       "customers WHERE status NOT IN ('pending', 'rejected') AND coalesce(approved_at, created_at) "
                       ">= ? AND coalesce(approved_at, created_at) < ? GROUP BY month"),
        {zone, start, end}, Reading::Customers, row);
}

Status ReportRepository::closedByMonth(
    const QString& zone, const QDateTime& start, const QDateTime& end, const Row& row)
{
    // Closed: the closure, also of records anonymised since. SQLite-only: strftime with a modifier.
    return eachRow(m_db,
        QStringLiteral("SELECT strftime('%Y-%m', closed_at, ?) AS month, count(*) FROM customers WHERE closed_at >= ? "
                       "AND closed_at < ? GROUP BY month"),
        {zone, start, end}, Reading::Customers, row);
}

Status ReportRepository::suspiciousPairs(bool all, const Row& row)
{
    // The shared value itself (masked_value) stays out: the customer numbers are enough to review the pair.
    const QString sql
        = QStringLiteral("SELECT a.customer_no, b.customer_no, p.kind, p.found_at, p.status, p.cleared_at "
                         "FROM suspicious_pairs p JOIN customers a ON a.id = p.customer_a "
                         "JOIN customers b ON b.id = p.customer_b")
        + (all ? QString() : QStringLiteral(" WHERE p.status = 'open'")) + QStringLiteral(" ORDER BY p.found_at, p.id");
    return eachRow(m_db, sql, {}, Reading::Customers, row);
}

Status ReportRepository::reassignments(const QDateTime& now, const Row& row)
{
    // The reassignment list's rule (CustomerOwnership::reassignmentList): no owner, a frozen owner, or a frozen
    // custodian while the custody lasts.
    return eachRow(m_db,
        QStringLiteral("SELECT c.customer_no, c.tier, c.status, o.login, o.display_name, o.status, o.frozen_at, "
                       "k.login, k.display_name, k.status, k.frozen_at FROM customers c "
                       "LEFT JOIN users o ON o.id = c.manager_id "
                       "LEFT JOIN users k ON k.id = c.custody_manager_id AND ")
            + responsible::custodySql()
            + QStringLiteral(
                " WHERE c.status IN ('active', 'pending') AND (c.manager_id IS NULL OR o.status = 'frozen' "
                "OR k.status = 'frozen') ORDER BY c.customer_no"),
        {now}, Reading::Customers, row);
}

Status ReportRepository::activeCustomerManagers(const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT id, login, display_name FROM users WHERE role = 'customer_manager' AND status = "
                       "'active'"),
        {}, Reading::Accounts, row);
}

Status ReportRepository::staffMember(qint64 id, const Row& row)
{
    return eachRow(m_db, QStringLiteral("SELECT login, display_name, status FROM users WHERE id = ?"), {id},
        Reading::Accounts, row);
}

Status ReportRepository::serviceCounts(const QDate& from, const QDate& to, const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT by_id, count(*), count(DISTINCT customer_id) FROM service_records WHERE served_on "
                       "BETWEEN ? AND ? GROUP BY by_id"),
        {from, to}, Reading::Customers, row);
}

Status ReportRepository::complaintCounts(
    const QDateTime& now, const QDateTime& start, const QDateTime& end, const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT ") + responsible::managerSql()
            + QStringLiteral(" AS manager, count(*) FROM complaints cp JOIN customers c ON c.id = cp.customer_id "
                             "WHERE cp.received_at >= ? AND cp.received_at < ? GROUP BY manager"),
        {now, start, end}, Reading::Customers, row);
}

Status ReportRepository::complaints(const QDateTime& now, const QDateTime& start, const QDateTime& end, const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT ") + responsible::managerSql()
            + QStringLiteral(
                " AS manager, c.customer_no, cp.received_at, cp.channel, cp.status, cp.investigate_by, "
                "cp.answer_by, cp.investigated_at, cp.answered_at, coalesce(u.login, ''), "
                "coalesce(u.display_name, '') FROM complaints cp JOIN customers c ON c.id = cp.customer_id "
                "LEFT JOIN users u ON u.id = ")
            + responsible::managerSql() + QStringLiteral(" WHERE (cp.status IN ('open', 'investigating') AND ")
            + responsible::heldSql()
            + QStringLiteral(") OR (cp.answered_at >= ? AND cp.answered_at < ?) ORDER BY cp.received_at, cp.id"),
        {now, now, start, end}, Reading::Customers, row);
}

// SQLite-only in the four audit reads: sum() over a comparison counts the rows it holds for.

Status ReportRepository::auditByAction(const QDateTime& start, const QDateTime& end, const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT action, count(*), sum(outcome = 'denied'), sum(outcome = 'failed') FROM audit_log "
                       "WHERE at >= ? AND at < ? GROUP BY action ORDER BY action"),
        {isoMs(start), isoMs(end)}, Reading::AuditLog, row);
}

Status ReportRepository::auditByUser(const QDateTime& start, const QDateTime& end, const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT login, role, count(*), sum(outcome = 'denied') FROM audit_log WHERE at >= ? AND at < ? "
                       "GROUP BY login, role ORDER BY login, role"),
        {isoMs(start), isoMs(end)}, Reading::AuditLog, row);
}

Status ReportRepository::auditByDay(const QString& zone, const QDateTime& start, const QDateTime& end, const Row& row)
{
    // SQLite-only: date() with a modifier.
    return eachRow(m_db,
        QStringLiteral("SELECT date(at, ?) AS day, count(*), sum(outcome = 'denied') FROM audit_log WHERE at >= ? AND "
                       "at < ? GROUP BY day ORDER BY day"),
        {zone, isoMs(start), isoMs(end)}, Reading::AuditLog, row);
}

Status ReportRepository::auditRefusals(const QDateTime& start, const QDateTime& end, int limit, const Row& row)
{
    // SQLite-only: json_extract.
    return eachRow(m_db,
        QStringLiteral("SELECT seq, at, login, role, action, coalesce(json_extract(details, '$.operation'), ''), "
                       "object_type, object_id, coalesce(customer_no, '') FROM audit_log WHERE outcome = 'denied' AND "
                       "at >= ? AND at < ? ORDER BY seq LIMIT ?"),
        {isoMs(start), isoMs(end), limit}, Reading::AuditLog, row);
}

Status ReportRepository::ownCustomers(qint64 managerId, const QDateTime& now, const Row& row)
{
    // The own customers as CustomerServiceInternals::reachable counts them: responsible now (custody included),
    // records still held.
    return eachRow(m_db,
        QStringLiteral("SELECT c.customer_no, c.tier, c.status, coalesce(c.age_band, ''), (SELECT max(s.served_on) "
                       "FROM service_records s WHERE s.customer_id = c.id) FROM customers c WHERE ")
            + responsible::ownSql() + QStringLiteral(" ORDER BY c.customer_no"),
        responsible::ownValues(managerId, now), Reading::Customers, row);
}

Status ReportRepository::accounts(const Row& row)
{
    return eachRow(m_db,
        QStringLiteral("SELECT login, display_name, role, status, totp_enrolled, created_at, last_sign_in_at, "
                       "coalesce(awaiting, '') FROM users ORDER BY login"),
        {}, Reading::Accounts, row);
}

} // namespace bv
