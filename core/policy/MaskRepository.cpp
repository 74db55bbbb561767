#include "core/internal/policy/MaskRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"

namespace bv {

namespace {

// The owners whose sealed values are customer data with a masked form (the "user" owner holds
// second-factor secrets, which have none).
const QString kOwnerFilter = QStringLiteral("owner_kind IN ('customer', 'account', 'change', 'history')");

// The table names come from this fixed list, never from input.
QString tableName(MaskRepository::DiffTable table)
{
    return table == MaskRepository::DiffTable::Changes ? QStringLiteral("customer_changes")
                                                       : QStringLiteral("customer_history");
}

} // namespace

MaskRepository::MaskRepository(Connection& db)
    : m_db(db)
{
}

Result<QList<QPair<qint64, QString>>> MaskRepository::diffs(DiffTable table, qint64 afterId, int limit)
{
    auto q = m_db.query(QStringLiteral("SELECT id, diff_json FROM %1 WHERE id > ? ORDER BY id LIMIT %2")
                            .arg(tableName(table))
                            .arg(limit),
        {afterId});
    if (!q.ok())
        return q.error();
    QList<QPair<qint64, QString>> rows;
    while (q->next())
        rows.append({q->value(0).toLongLong(), q->value(1).toString()});
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

Status MaskRepository::setDiff(DiffTable table, qint64 id, const QString& json)
{
    return m_db.exec(QStringLiteral("UPDATE %1 SET diff_json = ? WHERE id = ?").arg(tableName(table)), {json, id});
}

Result<QList<MaskRepository::Sealed>> MaskRepository::sealedAfter(
    const QString& ownerKind, qint64 ownerId, const QString& field, bool withSealed, int limit)
{
    auto q = m_db.query(QStringLiteral("SELECT owner_kind, owner_id, field, masked, %1 FROM sealed_value WHERE %2 "
                                       "AND (owner_kind, owner_id, field) > (?, ?, ?) "
                                       "ORDER BY owner_kind, owner_id, field LIMIT %3")
                            .arg(withSealed ? QStringLiteral("sealed") : QStringLiteral("NULL"), kOwnerFilter)
                            .arg(limit),
        {ownerKind, ownerId, field});
    if (!q.ok())
        return q.error();
    QList<Sealed> rows;
    while (q->next())
        rows.append(Sealed {q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString(),
            q->value(4).toByteArray(), q->value(3).toString()});
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

Result<qint64> MaskRepository::sealedCount()
{
    auto total = m_db.scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE ") + kOwnerFilter);
    if (!total.ok())
        return total.error();
    return total->toLongLong();
}

Status MaskRepository::setMasked(const QString& ownerKind, qint64 ownerId, const QString& field, const QString& masked)
{
    return m_db.exec(QStringLiteral("UPDATE sealed_value SET masked = ? WHERE owner_kind = ? AND owner_id = ? "
                                    "AND field = ?"),
        {masked, ownerKind, ownerId, field});
}

Result<QList<MaskRepository::Pair>> MaskRepository::pairsWithValues()
{
    auto q = m_db.query(QStringLiteral("SELECT id, kind, customer_a, customer_b, masked_value FROM suspicious_pairs "
                                       "WHERE masked_value IS NOT NULL ORDER BY id"));
    if (!q.ok())
        return q.error();
    QList<Pair> pairs;
    while (q->next())
        pairs.append(Pair {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(),
            q->value(3).toLongLong(), q->value(4).toString()});
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return pairs;
}

Status MaskRepository::setPairMasked(qint64 id, const QString& masked)
{
    return m_db.exec(QStringLiteral("UPDATE suspicious_pairs SET masked_value = ? WHERE id = ?"), {masked, id});
}

Result<std::optional<QString>> MaskRepository::sharedMasked(bool account, qint64 a, qint64 b)
{
    const QString owners = account
        ? QStringLiteral("%1.owner_kind = 'account' AND %1.owner_id IN (SELECT id FROM accounts WHERE customer_id = ?)")
        : QStringLiteral("%1.owner_kind = 'customer' AND %1.owner_id = ?");
    auto masked = m_db.scalar(QStringLiteral("SELECT sa.masked FROM sealed_value sa JOIN sealed_value sb "
                                             "ON sb.blind_domain = sa.blind_domain AND sb.blind = sa.blind "
                                             "WHERE sa.blind_domain = ? AND ")
            + owners.arg(QStringLiteral("sa")) + QStringLiteral(" AND ") + owners.arg(QStringLiteral("sb"))
            + QStringLiteral(" ORDER BY sa.owner_id, sa.field LIMIT 1"),
        {account ? QStringLiteral("account") : QStringLiteral("phone"), a, b});
    if (!masked.ok())
        return masked.error();
    if (!masked->isValid() || masked->isNull())
        return std::optional<QString>();
    return std::optional<QString>(masked->toString());
}

Result<bool> MaskRepository::hasMeta(const QString& key)
{
    auto value = m_db.scalar(QStringLiteral("SELECT count(*) FROM meta WHERE key = ?"), {key});
    if (!value.ok())
        return value.error();
    return value->toLongLong() > 0;
}

Status MaskRepository::putMeta(const QString& key, const QString& value)
{
    return m_db.exec(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value"),
        {key, value});
}

Status MaskRepository::removeMeta(const QString& key)
{
    return m_db.exec(QStringLiteral("DELETE FROM meta WHERE key = ?"), {key});
}

} // namespace bv
