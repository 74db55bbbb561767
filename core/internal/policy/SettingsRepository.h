#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

namespace bv {

class Connection;

// Every statement of the settings area (docs/ARCHITECTURE.md, "Storage seam"): the settings table, one row per
// key. SettingsService keeps the rules (types, floors, the mask re-masking, the audit rows) and the transaction
// boundaries. Internal to core.
class SettingsRepository
{
public:
    explicit SettingsRepository(Connection& db);

    // Every stored key and value, as stored.
    Result<QList<QPair<QString, QString>>> all();
    // Inserts or replaces one value, with when and by whom (0: the system, stored as NULL).
    Status put(const QString& key, const QString& value, const QDateTime& at, qint64 userId);

private:
    Connection& m_db;
};

} // namespace bv
