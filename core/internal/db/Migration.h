#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/internal/db/Connection.h"

#include <QList>
#include <QString>

#include <functional>

namespace bv {

class Database;

// One numbered schema step, written once per SQL dialect (docs/ARCHITECTURE.md, "Migrations").
//
// `apply` is the SQLite step: exactly what the SQLCipher database has always run. It runs inside the migration's
// own transaction; the migrator sets PRAGMA user_version = version in the same transaction, so a step is applied
// entirely or not at all.
//
// `postgres` is the same step for the branch server's PostgreSQL schema (DESIGN §9, issue 15), run over a
// Connection in one transaction; empty until it is written. A step that exists in one dialect only is a gap in
// the other, and missingDialect() names it: a PostgreSQL migrator refuses to start until every step has its
// text. Adding the PostgreSQL text to a step never changes what SQLite runs.
struct Migration
{
    int version = 0;
    QString description;
    std::function<Status(Database&)> apply; // SQLite
    std::function<Status(Connection&)> postgres = {}; // PostgreSQL; empty: not written yet

    bool has(SqlDialect dialect) const { return dialect == SqlDialect::SQLite ? bool(apply) : bool(postgres); }
};

using MigrationList = QList<Migration>;

// Helper for migrations that are plain SQL: every statement of `script` runs in order (SQLite).
std::function<Status(Database&)> sqlMigration(QString script);
// The same for another dialect's text: every statement of `script` runs in order over the connection.
std::function<Status(Connection&)> sqlScript(QString script);

// The first step of `migrations` that has no text for `dialect` (0: every step has one).
int missingDialect(const MigrationList& migrations, SqlDialect dialect);

// BranchVault's schema, oldest first (core/db/Schema.cpp).
const MigrationList& schemaMigrations();

} // namespace bv
