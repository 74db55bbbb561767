#include "core/internal/customers/ResponsibleManagerInternal.h"

namespace bv::responsible {

QString custodySql()
{
    return QStringLiteral("c.custody_manager_id IS NOT NULL AND c.custody_until > ?");
}

QVariantList custodyValues(const QDateTime& now)
{
    return {now};
}

QString managerSql()
{
    return QStringLiteral("(CASE WHEN ") + custodySql()
        + QStringLiteral(" THEN c.custody_manager_id ELSE c.manager_id END)");
}

QVariantList managerValues(const QDateTime& now)
{
    return custodyValues(now);
}

QString managedBySql()
{
    return QStringLiteral("((c.manager_id = ? AND NOT coalesce(") + custodySql()
        + QStringLiteral(", 0)) OR (c.custody_manager_id = ? AND c.custody_until > ?))");
}

QVariantList managedByValues(qint64 userId, const QDateTime& now)
{
    return {userId, now, userId, now};
}

QString heldSql()
{
    return QStringLiteral("c.status IN ('pending', 'active', 'closed')");
}

bool isHeld(const QString& status)
{
    return status == QLatin1String("pending") || status == QLatin1String("active") || status == QLatin1String("closed");
}

QString ownSql()
{
    return managedBySql() + QStringLiteral(" AND ") + heldSql();
}

QVariantList ownValues(qint64 userId, const QDateTime& now)
{
    return managedByValues(userId, now);
}

} // namespace bv::responsible
