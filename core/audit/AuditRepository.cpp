#include "core/internal/audit/AuditRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"

#include <QDateTime>
#include <QStringList>

namespace bv {

namespace {

// In the order of AuditRepository::Column.
const QString kColumns = QStringLiteral("seq, at, workstation, user_id, login, role, action, object_type, object_id, "
                                        "customer_no, outcome, details, prev_hash, hash");

AuditRow rowFrom(const QSqlQuery& q)
{
    AuditRow row;
    row.seq = q.value(0).toLongLong();
    row.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    row.workstation = q.value(2).toString();
    row.userId = q.value(3).toLongLong();
    row.login = q.value(4).toString();
    row.role = q.value(5).toString();
    row.action = q.value(6).toString();
    row.objectType = q.value(7).toString();
    row.objectId = q.value(8).toString();
    row.customerNo = q.value(9).toString();
    row.outcome = q.value(10).toString();
    row.details = q.value(11).toString();
    row.prevHash = q.value(12).toByteArray();
    row.hash = q.value(13).toByteArray();
    return row;
}

// A scalar that is NULL (min/max over no rows) as nullopt.
Result<std::optional<qint64>> optionalSeq(Connection& db, const QString& sql, const QVariantList& values = {})
{
    auto value = db.scalar(sql, values);
    if (!value.ok())
        return value.error();
    if (value->isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(value->toLongLong());
}

} // namespace

AuditRepository::AuditRepository(Connection& db)
    : m_db(db)
{
}

Result<std::optional<AuditRepository::ChainPoint>> AuditRepository::newest()
{
    auto last = m_db.cached(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!last.ok())
        return last.error();
    std::optional<ChainPoint> point;
    if ((*last)->next())
        point = ChainPoint {(*last)->value(0).toLongLong(), (*last)->value(1).toByteArray()};
    BV_TRY(rowsFinished(**last, Reading::AuditLog));
    (*last)->finish();
    return point;
}

Result<std::optional<AuditRepository::ChainPoint>> AuditRepository::anchor()
{
    auto anchor = m_db.cached(QStringLiteral("SELECT first_seq, prev_hash FROM audit_anchor WHERE id = 1"));
    if (!anchor.ok())
        return anchor.error();
    std::optional<ChainPoint> point;
    if ((*anchor)->next())
        point = ChainPoint {(*anchor)->value(0).toLongLong(), (*anchor)->value(1).toByteArray()};
    BV_TRY(rowsFinished(**anchor, Reading::AuditLog));
    (*anchor)->finish();
    return point;
}

namespace {

QVariantList valuesOf(const AuditRow& row)
{
    return {row.seq, row.at.toUTC().toString(Qt::ISODateWithMs), row.workstation,
        row.userId > 0 ? QVariant(row.userId) : QVariant(QMetaType::fromType<qlonglong>()), row.login, row.role,
        row.action, row.objectType, row.objectId,
        row.customerNo.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.customerNo), row.outcome,
        row.details, row.prevHash, row.hash};
}

} // namespace

Status AuditRepository::insert(const AuditRow& row)
{
    return m_db.exec(QStringLiteral("INSERT INTO audit_log (") + kColumns
            + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        valuesOf(row));
}

Status AuditRepository::insertMany(const QList<AuditRow>& rows)
{
    QList<QVariantList> values;
    values.reserve(rows.size());
    for (const AuditRow& row : rows)
        values.append(valuesOf(row));
    return m_db.insertRows(QStringLiteral("INSERT INTO audit_log (") + kColumns + QLatin1Char(')'), 14, values);
}

Result<QList<AuditRow>> AuditRepository::rows(const AuditFilter& filter)
{
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE seq > ?");
    QVariantList values {filter.afterSeq};
    if (filter.since.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        values << filter.since.toUTC().toString(Qt::ISODateWithMs);
    }
    if (filter.until.isValid()) {
        sql += QStringLiteral(" AND at < ?");
        values << filter.until.toUTC().toString(Qt::ISODateWithMs);
    }
    if (!filter.login.isEmpty()) {
        // dialect: PostgreSQL compares with lower(login) = lower(?)
        sql += QStringLiteral(" AND login = ? COLLATE NOCASE");
        values << filter.login;
    }
    if (!filter.action.isEmpty()) {
        if (filter.action.endsWith(QLatin1Char('.'))) {
            sql += QStringLiteral(" AND substr(action, 1, ?) = ?");
            values << filter.action.size() << filter.action;
        } else {
            sql += QStringLiteral(" AND action = ?");
            values << filter.action;
        }
    }
    if (!filter.actions.isEmpty()) {
        // one bound placeholder per action: the values never become SQL text
        QStringList marks;
        for (const QString& action : filter.actions) {
            marks << QStringLiteral("?");
            values << action;
        }
        sql += QStringLiteral(" AND action IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (!filter.customerNo.isEmpty()) {
        sql += QStringLiteral(" AND customer_no = ?");
        values << filter.customerNo;
    }
    if (!filter.outcome.isEmpty()) {
        sql += QStringLiteral(" AND outcome = ?");
        values << filter.outcome;
    }
    sql += QStringLiteral(" ORDER BY seq LIMIT ?");
    values << qBound(1, filter.limit, 100000);
    auto q = m_db.query(sql, values);
    if (!q.ok())
        return q.error();
    QList<AuditRow> rows;
    while (q->next())
        rows << rowFrom(*q);
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
    return rows;
}

Status AuditRepository::scanChain(const std::function<bool(const RawRow&)>& visit)
{
    return m_db.scan(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY seq"), {}, visit,
        Reading::AuditLog);
}

Result<AuditRepository::Span> AuditRepository::span()
{
    auto q = m_db.query(QStringLiteral("SELECT min(seq), max(seq), count(*) FROM audit_log"));
    if (!q.ok())
        return q.error();
    Span span;
    if (q->next()) {
        span.count = q->value(2).toLongLong();
        span.first = q->value(0).toLongLong();
        span.last = q->value(1).toLongLong();
    }
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
    return span;
}

Result<QList<AuditRow>> AuditRepository::ends(qint64 first, qint64 last)
{
    auto q = m_db.query(QStringLiteral("SELECT seq, at, hash FROM audit_log WHERE seq IN (?, ?)"), {first, last});
    if (!q.ok())
        return q.error();
    QList<AuditRow> rows;
    while (q->next()) {
        AuditRow row;
        row.seq = q->value(0).toLongLong();
        row.at = QDateTime::fromString(q->value(1).toString(), Qt::ISODateWithMs);
        row.hash = q->value(2).toByteArray();
        rows << row;
    }
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
    return rows;
}

Result<std::optional<QByteArray>> AuditRepository::hashOf(qint64 seq)
{
    auto q = m_db.query(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"), {seq});
    if (!q.ok())
        return q.error();
    std::optional<QByteArray> hash;
    if (q->next())
        hash = q->value(0).toByteArray();
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
    return hash;
}

Result<qint64> AuditRepository::countBetween(qint64 from, qint64 through)
{
    auto count
        = m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE seq BETWEEN ? AND ?"), {from, through});
    if (!count.ok())
        return count.error();
    return count->toLongLong();
}

Result<std::optional<qint64>> AuditRepository::firstSeqAtOrAfter(const QString& at)
{
    return optionalSeq(m_db, QStringLiteral("SELECT min(seq) FROM audit_log WHERE at >= ?"), {at});
}

Result<std::optional<qint64>> AuditRepository::lastSeqBefore(std::optional<qint64> seq)
{
    if (!seq)
        return optionalSeq(m_db, QStringLiteral("SELECT max(seq) FROM audit_log"));
    return optionalSeq(m_db, QStringLiteral("SELECT max(seq) FROM audit_log WHERE seq < ?"), {*seq});
}

Result<qint64> AuditRepository::firstSeq()
{
    auto first = m_db.scalar(QStringLiteral("SELECT min(seq) FROM audit_log"));
    if (!first.ok())
        return first.error();
    return first->toLongLong();
}

Result<qint64> AuditRepository::countThrough(qint64 through)
{
    auto counted = m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE seq <= ?"), {through});
    if (!counted.ok())
        return counted.error();
    return counted->toLongLong();
}

Result<std::optional<qint64>> AuditRepository::lastRangePurge(const QString& purgeAction)
{
    // dialect: PostgreSQL reads the key as (details::jsonb -> 'purgedThrough')
    return optionalSeq(m_db,
        QStringLiteral("SELECT max(seq) FROM audit_log WHERE action = ? AND "
                       "json_extract(details, '$.purgedThrough') IS NOT NULL"),
        {purgeAction});
}

Result<qint64> AuditRepository::deleteThroughGate(const QByteArray& token, qint64 purgeSeq, qint64 from, qint64 through)
{
    BV_TRY(m_db.exec(QStringLiteral("INSERT INTO audit_purge_gate (token, purge_seq, first_seq, last_seq) "
                                    "VALUES (?, ?, ?, ?)"),
        {token, purgeSeq, from, through}));
    qint64 deleted = -1;
    {
        // not a cached statement: the trigger program it carries must not outlive this purge
        auto removed = m_db.query(QStringLiteral("DELETE FROM audit_log WHERE seq BETWEEN ? AND ?"), {from, through});
        if (!removed.ok())
            return removed.error();
        deleted = removed->numRowsAffected();
    }
    BV_TRY(m_db.exec(QStringLiteral("DELETE FROM audit_purge_gate")));
    return deleted;
}

Status AuditRepository::setAnchor(qint64 firstSeq, const QByteArray& prevHash)
{
    return m_db.exec(QStringLiteral("INSERT INTO audit_anchor (id, first_seq, prev_hash) VALUES (1, ?, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET first_seq = excluded.first_seq, "
                                    "prev_hash = excluded.prev_hash"),
        {firstSeq, prevHash});
}

Result<QList<AuditRepository::Person>> AuditRepository::people()
{
    // dialect: PostgreSQL orders by lower(display_name), lower(login)
    auto q = m_db.query(QStringLiteral("SELECT id, login, display_name, role, status FROM users "
                                       "ORDER BY display_name COLLATE NOCASE, login COLLATE NOCASE"));
    if (!q.ok())
        return q.error();
    QList<Person> people;
    while (q->next()) {
        auto status = storedStatus<StaffStatus>(q->value(4));
        if (!status.ok())
            return status.error();
        people << Person {
            q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), q->value(3).toString(), *status};
    }
    BV_TRY(rowsFinished(*q, Reading::Accounts));
    return people;
}

Result<QString> AuditRepository::maskedName(const QString& customerNo, const QString& nameField)
{
    auto q = m_db.cached(QStringLiteral("SELECT s.masked FROM customers c JOIN sealed_value s "
                                        "ON s.owner_kind = 'customer' AND s.owner_id = c.id AND s.field = ? "
                                        "WHERE c.customer_no = ?"),
        {nameField, customerNo});
    if (!q.ok())
        return q.error();
    QString masked;
    if ((*q)->next())
        masked = (*q)->value(0).toString();
    BV_TRY(rowsFinished(**q, Reading::Customers));
    (*q)->finish();
    return masked;
}

} // namespace bv
