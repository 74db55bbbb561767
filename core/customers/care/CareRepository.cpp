#include "core/internal/customers/CareRepository.h"

#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"

#include <QSqlQuery>

namespace bv {

namespace {

// In the order complaintFrom reads them.
const QString kComplaintSelect = QStringLiteral(
    "SELECT cp.id, c.customer_no, cp.received_at, cp.channel, cp.content, cp.status, cp.investigate_by, "
    "cp.answer_by, cp.investigated_at, cp.answered_at, coalesce(cp.resolution, ''), coalesce(u.login, '') "
    "FROM complaints cp JOIN customers c ON c.id = cp.customer_id LEFT JOIN users u ON u.id = cp.recorded_by ");

QDateTime utcFrom(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty())
        return QDateTime();
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : at;
}

QDate dateFrom(const QVariant& value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

Result<Complaint> complaintFrom(const QSqlQuery& q)
{
    Complaint c;
    c.id = q.value(0).toLongLong();
    c.customerNumber = q.value(1).toString();
    c.receivedAt = utcFrom(q.value(2));
    c.channel = q.value(3).toString();
    c.content = q.value(4).toString();
    auto status = storedStatus<ComplaintStatus>(q.value(5));
    if (!status.ok())
        return status.error();
    c.status = *status;
    c.investigateBy = utcFrom(q.value(6));
    c.answerBy = utcFrom(q.value(7));
    c.investigatedAt = utcFrom(q.value(8));
    c.answeredAt = utcFrom(q.value(9));
    c.resolution = q.value(10).toString();
    c.recordedBy = q.value(11).toString();
    return c;
}

Result<QList<Complaint>> complaintList(Connection& db, const QString& sql, const QVariantList& values)
{
    auto q = db.query(sql, values);
    if (!q.ok())
        return q.error();
    QList<Complaint> list;
    while (q->next()) {
        auto complaint = complaintFrom(*q);
        if (!complaint.ok())
            return complaint.error();
        list << *complaint;
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

Result<int> changedRows(Connection& db, const QString& sql, const QVariantList& values)
{
    auto updated = db.query(sql, values);
    if (!updated.ok())
        return updated.error();
    return updated->numRowsAffected();
}

} // namespace

CareRepository::CareRepository(Connection& db)
    : m_db(db)
{
}

// ---- the customer ----

Result<QDateTime> CareRepository::customerCreatedAt(qint64 customerId)
{
    auto created = m_db.scalar(QStringLiteral("SELECT created_at FROM customers WHERE id = ?"), {customerId});
    if (!created.ok())
        return created.error();
    return utcFrom(*created);
}

// ---- service records ----

Result<qint64> CareRepository::insertService(qint64 customerId, const QDate& servedOn, const QString& channel,
    const QString& content, qint64 byUserId, const QDateTime& createdAt)
{
    return m_db.insertReturningId(QStringLiteral("INSERT INTO service_records (customer_id, served_on, channel, "
                                                 "content, by_id, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
        {customerId, isoDate(servedOn), channel, content, byUserId, createdAt});
}

Result<QList<ServiceRecord>> CareRepository::services(qint64 customerId)
{
    auto q = m_db.query(
        QStringLiteral("SELECT s.id, s.served_on, s.channel, s.content, coalesce(u.login, ''), s.created_at "
                       "FROM service_records s LEFT JOIN users u ON u.id = s.by_id WHERE s.customer_id = ? "
                       "ORDER BY s.served_on, s.id"),
        {customerId});
    if (!q.ok())
        return q.error();
    QList<ServiceRecord> list;
    while (q->next())
        list << ServiceRecord {q->value(0).toLongLong(), dateFrom(q->value(1)), q->value(2).toString(),
            q->value(3).toString(), q->value(4).toString(), utcFrom(q->value(5))};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

// ---- complaints ----

Result<qint64> CareRepository::insertComplaint(qint64 customerId, const QDateTime& receivedAt, const QString& channel,
    const QString& content, const QDateTime& investigateBy, const QDateTime& answerBy, qint64 recordedBy)
{
    return m_db.insertReturningId(
        QStringLiteral("INSERT INTO complaints (customer_id, received_at, channel, content, status, investigate_by, "
                       "answer_by, recorded_by) VALUES (?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id"),
        {customerId, receivedAt, channel, content, investigateBy, answerBy, recordedBy});
}

Result<std::optional<QString>> CareRepository::complaintCustomer(qint64 complaintId)
{
    auto found = m_db.query(QStringLiteral("SELECT c.customer_no FROM complaints cp JOIN customers c ON c.id = "
                                           "cp.customer_id WHERE cp.id = ?"),
        {complaintId});
    if (!found.ok())
        return found.error();
    std::optional<QString> customerNo;
    if (found->next())
        customerNo = found->value(0).toString();
    BV_TRY(rowsFinished(*found, Reading::Customers));
    return customerNo;
}

Result<ComplaintStatus> CareRepository::complaintStatus(qint64 complaintId)
{
    auto current = m_db.scalar(QStringLiteral("SELECT status FROM complaints WHERE id = ?"), {complaintId});
    if (!current.ok())
        return current.error();
    return storedStatus<ComplaintStatus>(*current);
}

Result<int> CareRepository::markInvestigating(
    qint64 complaintId, ComplaintStatus from, const QDateTime& at, qint64 byUserId)
{
    return changedRows(m_db,
        QStringLiteral("UPDATE complaints SET status = 'investigating', investigated_at = ?, handled_by = ? "
                       "WHERE id = ? AND status = ?"),
        {at, byUserId, complaintId, statusKey(from)});
}

Result<int> CareRepository::markAnswered(
    qint64 complaintId, ComplaintStatus from, const QDateTime& at, const QString& resolution, qint64 byUserId)
{
    return changedRows(m_db,
        QStringLiteral("UPDATE complaints SET status = 'answered', investigated_at = coalesce(investigated_at, ?), "
                       "answered_at = ?, resolution = ?, handled_by = ? WHERE id = ? AND status = ?"),
        {at, at, resolution, byUserId, complaintId, statusKey(from)});
}

Result<int> CareRepository::markClosed(
    qint64 complaintId, ComplaintStatus from, const QString& resolution, qint64 byUserId)
{
    return changedRows(m_db,
        QStringLiteral(
            "UPDATE complaints SET status = 'closed', resolution = ?, handled_by = ? WHERE id = ? AND status = ?"),
        {resolution, byUserId, complaintId, statusKey(from)});
}

Result<QList<Complaint>> CareRepository::complaints(qint64 customerId)
{
    return complaintList(m_db,
        kComplaintSelect + QStringLiteral("WHERE cp.customer_id = ? ORDER BY cp.received_at, cp.id"), {customerId});
}

Result<QList<Complaint>> CareRepository::openComplaints(std::optional<qint64> managerId, const QDateTime& now)
{
    QString sql = kComplaintSelect + QStringLiteral("WHERE cp.status IN ('open', 'investigating') AND ")
        + responsible::heldSql();
    QVariantList values;
    if (managerId) {
        // own customers: those the customer manager is responsible for now (custody included), as reachable()
        sql += QStringLiteral(" AND ") + responsible::managedBySql();
        values = responsible::managedByValues(*managerId, now);
    }
    sql += QStringLiteral(" ORDER BY cp.investigate_by, cp.id");
    return complaintList(m_db, sql, values);
}

// ---- consent ----

Result<CareRepository::LastConsent> CareRepository::lastConsent(qint64 customerId, const QString& purpose)
{
    auto q = m_db.query(QStringLiteral("SELECT action, on_date FROM consents WHERE customer_id = ? AND purpose = ? "
                                       "ORDER BY on_date DESC, id DESC LIMIT 1"),
        {customerId, purpose});
    if (!q.ok())
        return q.error();
    LastConsent state;
    if (q->next()) {
        state.present = true;
        state.action = q->value(0).toString();
        state.onDate = dateFrom(q->value(1));
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return state;
}

Result<qint64> CareRepository::insertConsent(qint64 customerId, const QString& purpose, const QString& action,
    const QDate& onDate, const QString& channel, qint64 recordedBy, const QDateTime& recordedAt)
{
    return m_db.insertReturningId(QStringLiteral("INSERT INTO consents (customer_id, purpose, action, on_date, "
                                                 "channel, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                                 "RETURNING id"),
        {customerId, purpose, action, isoDate(onDate), channel, recordedBy, recordedAt});
}

Result<QList<ConsentEntry>> CareRepository::consents(qint64 customerId)
{
    auto q = m_db.query(
        QStringLiteral("SELECT k.id, k.purpose, k.action, k.on_date, k.channel, coalesce(u.login, ''), k.recorded_at "
                       "FROM consents k LEFT JOIN users u ON u.id = k.recorded_by WHERE k.customer_id = ? "
                       "ORDER BY k.on_date, k.id"),
        {customerId});
    if (!q.ok())
        return q.error();
    QList<ConsentEntry> list;
    while (q->next())
        list << ConsentEntry {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
            dateFrom(q->value(3)), q->value(4).toString(), q->value(5).toString(), utcFrom(q->value(6))};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

} // namespace bv
