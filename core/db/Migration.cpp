#include "Migration.h"

#include "Database.h"

namespace bv {

std::function<Status(Database&)> sqlMigration(QString script)
{
    return [script = std::move(script)](Database& db) -> Status { return db.execScript(script); };
}

} // namespace bv
