#include "core/internal/db/Migration.h"

#include "core/internal/db/Database.h"

namespace bv {

std::function<Status(Database&)> sqlMigration(QString script)
{
    return [script = std::move(script)](Database& db) -> Status { return db.execScript(script); };
}

std::function<Status(Connection&)> sqlScript(QString script)
{
    return [script = std::move(script)](Connection& db) -> Status { return db.execScript(script); };
}

int missingDialect(const MigrationList& migrations, SqlDialect dialect)
{
    for (const Migration& migration : migrations) {
        if (!migration.has(dialect))
            return migration.version;
    }
    return 0;
}

} // namespace bv
