#include "core/internal/db/QueryRows.h"

#include "core/internal/db/SqlCipherDriver.h"

#include "core/internal/db/Database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace bv {

QString readingContext(Reading what)
{
    switch (what) {
    case Reading::AuditLog:
        return QCoreApplication::translate("QueryRows", "Reading the audit log");
    case Reading::Requests:
        return QCoreApplication::translate("QueryRows", "Reading the requests");
    case Reading::Customers:
        return QCoreApplication::translate("QueryRows", "Reading the customer records");
    case Reading::Accounts:
        return QCoreApplication::translate("QueryRows", "Reading the user accounts");
    case Reading::Settings:
        return QCoreApplication::translate("QueryRows", "Reading the settings");
    }
    return QCoreApplication::translate("QueryRows", "Reading the database");
}

Status rowsFinished(const QSqlQuery& query, const QString& context)
{
    // The driver (SqlCipherResult::stepOne) sets the error when sqlite3_step fails mid-result;
    // QSqlQuery::finish() and exec() clear it, so this must run before either.
    const QSqlError error = query.lastError();
    if (!error.isValid())
        return {};
    return Database::sqlError(error, context);
}

Status rowsFinished(sqlite3_stmt* statement, int rc, const QString& context)
{
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return {};
    sqlite3* handle = statement ? sqlite3_db_handle(statement) : nullptr;
    if (!handle)
        return Database::sqliteError(rc, context);
    // The connection's code and message belong to this step only if they agree with it (a later call
    // on the same connection may have overwritten them).
    const int extended = SqlCipherDriver::errorCode(handle, rc);
    SqlCipherDriver::noteFailure(handle, rc);
    if ((extended & 0xff) != (rc & 0xff))
        return Database::sqliteError(rc, context);
    return Database::sqliteError(extended, context, QString::fromUtf8(sqlite3_errmsg(handle)));
}

} // namespace bv
