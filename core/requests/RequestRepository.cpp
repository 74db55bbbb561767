#include "core/internal/requests/RequestRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv {

using namespace requests_internal;

namespace {

const QString kSelect = QStringLiteral(
    "SELECT r.id, r.requester_id, u.login, r.type, r.scope, r.purpose, r.validity_hours, r.status, r.created_at, "
    "r.decided_by, d.login, r.decided_at, r.decision_reason, r.valid_from, r.valid_until, r.used_at, r.revoked_by, "
    "v.login, r.revoked_at, r.revoke_reason FROM requests r JOIN users u ON u.id = r.requester_id "
    "LEFT JOIN users d ON d.id = r.decided_by LEFT JOIN users v ON v.id = r.revoked_by");

const QString kOpenCondition
    = QStringLiteral("(r.status = 'pending' OR (r.status = 'approved' AND r.valid_until > ?))");

QVariant nullableText(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

QString scopeToJson(const Scope& scope)
{
    const QJsonObject object {
        {QStringLiteral("fields"), QJsonArray::fromStringList(scope.fields)}, {QStringLiteral("report"), scope.report}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

namespace requests_internal {

QDateTime timeFrom(const QVariant& value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

Scope scopeFromJson(const QString& json)
{
    const QJsonObject object = QJsonDocument::fromJson(json.toUtf8()).object();
    Scope scope;
    for (const QJsonValue& field : object.value(QStringLiteral("fields")).toArray())
        scope.fields << field.toString();
    scope.report = object.value(QStringLiteral("report")).toString();
    return scope;
}

} // namespace requests_internal

RequestRepository::RequestRepository(Connection& db)
    : m_db(db)
{
}

Result<QList<RequestRepository::Stored>> RequestRepository::select(const QString& where, const QVariantList& values)
{
    // `where` is one of the fixed conditions of byId() and list(); its values are bound.
    auto q = m_db.query(kSelect + QStringLiteral(" WHERE ") + where + QStringLiteral(" ORDER BY r.id DESC"), values);
    if (!q.ok())
        return q.error();
    QList<Stored> requests;
    QHash<qint64, qsizetype> index;
    while (q->next()) {
        Stored stored;
        Request& r = stored.request;
        r.id = q->value(0).toLongLong();
        r.requesterId = q->value(1).toLongLong();
        r.requesterLogin = q->value(2).toString();
        stored.type = q->value(3).toString();
        const Scope scope = scopeFromJson(q->value(4).toString());
        r.fields = scope.fields;
        r.report = scope.report;
        r.purpose = q->value(5).toString();
        r.validityHours = q->value(6).toInt();
        stored.status = q->value(7).toString();
        r.createdAt = timeFrom(q->value(8));
        r.decidedBy = q->value(9).toLongLong();
        r.decidedByLogin = q->value(10).toString();
        r.decidedAt = timeFrom(q->value(11));
        r.decisionReason = q->value(12).toString();
        r.validFrom = timeFrom(q->value(13));
        r.validUntil = timeFrom(q->value(14));
        r.usedAt = timeFrom(q->value(15));
        r.revokedBy = q->value(16).toLongLong();
        r.revokedByLogin = q->value(17).toString();
        r.revokedAt = timeFrom(q->value(18));
        r.revokeReason = q->value(19).toString();
        index.insert(r.id, requests.size());
        requests << stored;
    }
    BV_TRY(rowsFinished(*q, Reading::Requests));
    if (requests.isEmpty())
        return requests;
    auto customers = m_db.query(QStringLiteral("SELECT rc.request_id, rc.customer_id, c.customer_no FROM requests r "
                                               "JOIN request_customers rc ON rc.request_id = r.id "
                                               "LEFT JOIN customers c ON c.id = rc.customer_id WHERE ")
            + where + QStringLiteral(" ORDER BY rc.request_id, c.customer_no"),
        values);
    if (!customers.ok())
        return customers.error();
    while (customers->next()) {
        const auto at = index.constFind(customers->value(0).toLongLong());
        if (at == index.constEnd())
            continue;
        Request& r = requests[*at].request;
        r.customerIds << customers->value(1).toLongLong();
        r.customerNumbers << customers->value(2).toString();
    }
    BV_TRY(rowsFinished(*customers, Reading::Requests));
    return requests;
}

Result<QList<RequestRepository::Stored>> RequestRepository::byId(qint64 id)
{
    return select(QStringLiteral("r.id = ?"), {id});
}

Result<QList<RequestRepository::Stored>> RequestRepository::list(
    std::optional<qint64> requesterId, const QDateTime& openAt)
{
    QStringList conditions;
    QVariantList values;
    if (requesterId) {
        conditions << QStringLiteral("r.requester_id = ?");
        values << *requesterId;
    }
    if (openAt.isValid()) {
        conditions << kOpenCondition;
        values << openAt;
    }
    if (conditions.isEmpty())
        conditions << QStringLiteral("1 = 1");
    return select(conditions.join(QStringLiteral(" AND ")), values);
}

Result<qint64> RequestRepository::insert(qint64 requesterId, const QString& type, const Scope& scope,
    const QString& purpose, int validityHours, const QDateTime& createdAt)
{
    return m_db.insertReturningId(QStringLiteral("INSERT INTO requests (requester_id, type, scope, purpose, "
                                                 "validity_hours, status, created_at) VALUES (?, ?, ?, ?, ?, "
                                                 "'pending', ?) RETURNING id"),
        {requesterId, type, scopeToJson(scope), purpose, validityHours, createdAt});
}

Status RequestRepository::addCustomer(qint64 requestId, qint64 customerId)
{
    return m_db.exec(QStringLiteral("INSERT INTO request_customers (request_id, customer_id) VALUES (?, ?)"),
        {requestId, customerId});
}

Result<bool> RequestRepository::changedOne(const QString& sql, const QVariantList& values)
{
    auto changed = m_db.query(sql, values);
    if (!changed.ok())
        return changed.error();
    return changed->numRowsAffected() == 1;
}

Result<bool> RequestRepository::approve(
    qint64 id, qint64 by, const QDateTime& at, const QString& reason, const QDateTime& validUntil)
{
    return changedOne(QStringLiteral("UPDATE requests SET status = 'approved', decided_by = ?, decided_at = ?, "
                                     "decision_reason = ?, valid_from = ?, valid_until = ? WHERE id = ? AND status = "
                                     "'pending'"),
        {by, at, nullableText(reason), at, validUntil, id});
}

Result<bool> RequestRepository::reject(qint64 id, qint64 by, const QDateTime& at, const QString& reason)
{
    return changedOne(QStringLiteral("UPDATE requests SET status = 'rejected', decided_by = ?, decided_at = ?, "
                                     "decision_reason = ? WHERE id = ? AND status = 'pending'"),
        {by, at, reason, id});
}

Result<bool> RequestRepository::revoke(qint64 id, qint64 by, const QDateTime& at, const QString& reason)
{
    return changedOne(QStringLiteral("UPDATE requests SET status = 'revoked', revoked_by = ?, revoked_at = ?, "
                                     "revoke_reason = ? WHERE id = ? AND status = 'approved' AND valid_until > ?"),
        {by, at, reason, id, at});
}

Result<bool> RequestRepository::withdraw(qint64 id)
{
    return changedOne(
        QStringLiteral("UPDATE requests SET status = 'withdrawn' WHERE id = ? AND status = 'pending'"), {id});
}

Result<QList<RequestRepository::Live>> RequestRepository::live(
    qint64 requesterId, const QString& type, qint64 customerId, const QDateTime& now, bool latestFirst)
{
    const QString customerCondition = customerId > 0
        ? QStringLiteral("EXISTS (SELECT 1 FROM request_customers rc WHERE rc.request_id = r.id AND "
                         "rc.customer_id = ?)")
        : QStringLiteral("NOT EXISTS (SELECT 1 FROM request_customers rc WHERE rc.request_id = r.id)");
    QVariantList values {requesterId, type, now, now};
    if (customerId > 0)
        values << customerId;
    auto q = m_db.query(QStringLiteral("SELECT r.id, r.valid_until, r.decided_by, r.scope FROM requests r "
                                       "WHERE r.requester_id = ? AND r.type = ? AND r.status = 'approved' "
                                       "AND r.valid_from <= ? AND r.valid_until > ? AND ")
            + customerCondition
            + (latestFirst ? QStringLiteral(" ORDER BY r.valid_until DESC, r.id DESC")
                           : QStringLiteral(" ORDER BY r.valid_until ASC, r.id ASC")),
        values);
    if (!q.ok())
        return q.error();
    QList<Live> live;
    while (q->next())
        live << Live {q->value(0).toLongLong(), timeFrom(q->value(1)), q->value(2).toLongLong(),
            scopeFromJson(q->value(3).toString())};
    BV_TRY(rowsFinished(*q, Reading::Requests));
    return live;
}

Result<std::optional<Scope>> RequestRepository::liveScope(
    qint64 id, qint64 requesterId, const QString& type, qint64 customerId, const QDateTime& now)
{
    auto q = m_db.query(QStringLiteral("SELECT r.scope FROM requests r WHERE r.id = ? AND r.requester_id = ? AND "
                                       "r.type = ? AND r.status = 'approved' AND r.valid_from <= ? AND "
                                       "r.valid_until > ? AND EXISTS (SELECT 1 FROM request_customers rc WHERE "
                                       "rc.request_id = r.id AND rc.customer_id = ?)"),
        {id, requesterId, type, now, now, customerId});
    if (!q.ok())
        return q.error();
    std::optional<Scope> scope;
    if (q->next())
        scope = scopeFromJson(q->value(0).toString());
    BV_TRY(rowsFinished(*q, Reading::Requests));
    return scope;
}

Result<bool> RequestRepository::markUsed(qint64 id, const QDateTime& now, const QString& usedFor)
{
    return changedOne(QStringLiteral("UPDATE requests SET status = 'used', used_at = ?, used_for = ? WHERE id = ? "
                                     "AND status = 'approved' AND valid_until > ?"),
        {now, nullableText(usedFor), id, now});
}

Result<bool> RequestRepository::release(qint64 id, qint64 requesterId, const QString& serial, const QDateTime& now)
{
    return changedOne(QStringLiteral("UPDATE requests SET status = 'approved', used_at = NULL, used_for = NULL "
                                     "WHERE id = ? AND requester_id = ? AND status = 'used' AND used_for = ? "
                                     "AND type IN ('print', 'export') AND valid_until > ?"),
        {id, requesterId, serial, now});
}

} // namespace bv
