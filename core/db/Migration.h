#pragma once

#include "common/Result.h"

#include <QList>
#include <QString>

#include <functional>

namespace bv {

class Database;

// One numbered schema step. `apply` runs inside the migration's own transaction; the migrator sets
// PRAGMA user_version = version in the same transaction, so a step is applied entirely or not at all.
struct Migration
{
    int version = 0;
    QString description;
    std::function<Status(Database&)> apply;
};

using MigrationList = QList<Migration>;

// Helper for migrations that are plain SQL: every statement of `script` runs in order.
std::function<Status(Database&)> sqlMigration(QString script);

// BranchVault's schema, oldest first (core/db/Schema.cpp).
const MigrationList& schemaMigrations();

} // namespace bv
