#include "core/internal/policy/SettingsRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"

namespace bv {

SettingsRepository::SettingsRepository(Connection& db)
    : m_db(db)
{
}

Result<QList<QPair<QString, QString>>> SettingsRepository::all()
{
    auto q = m_db.query(QStringLiteral("SELECT key, value FROM settings"));
    if (!q.ok())
        return q.error();
    QList<QPair<QString, QString>> stored;
    while (q->next())
        stored.append({q->value(0).toString(), q->value(1).toString()});
    BV_TRY(rowsFinished(*q, Reading::Settings));
    return stored;
}

Status SettingsRepository::put(const QString& key, const QString& value, const QDateTime& at, qint64 userId)
{
    return m_db.exec(QStringLiteral("INSERT INTO settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?) "
                                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                    "updated_at = excluded.updated_at, updated_by = excluded.updated_by"),
        {key, value, at, userId > 0 ? QVariant(userId) : QVariant(QMetaType::fromType<qlonglong>())});
}

} // namespace bv
