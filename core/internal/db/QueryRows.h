#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QString>

class QSqlQuery;
struct sqlite3_stmt;

namespace bv {

// Every read of rows ends here. QSqlQuery::next() and sqlite3_step() say "no more rows" both at the
// end of the result and when reading failed (a damaged page, an I/O error, a busy database); only the
// error that is left behind tells the two apart. A loop that does not look at it turns one damaged
// page into a short list reported as a success.
//
//     while (q->next())
//         rows << rowFrom(*q);
//     BV_TRY(rowsFinished(*q, Reading::AuditLog));
//
// Call it after the loop (or after the `if (q->next())` of a single-row read), before the query is
// finished, run again or destroyed, and return its error. The context names what was being read
// (the table or the kind of record), never a value; SQLITE_CORRUPT maps to ErrorCode::Damaged (CLI
// exit 14), as everywhere through Database::sqlError. tests/core/tst_queryloops checks that every row
// loop and single-row read in core/ is followed by this call on the same query.

// What a read was reading, for the first words of its error ("Reading the audit log: the database
// file is damaged. ..."): one translated text per kind of record.
enum class Reading
{
    AuditLog,
    Requests,
    Customers,
    Accounts,
    Settings,
};
QString readingContext(Reading what);

// {} when the query stopped at the end of its rows (or is still on a row); the mapped error when
// reading failed. `context` is user-facing and translated.
[[nodiscard]] Status rowsFinished(const QSqlQuery& query, const QString& context);
[[nodiscard]] inline Status rowsFinished(const QSqlQuery& query, Reading what)
{
    return rowsFinished(query, readingContext(what));
}

// The same for a raw SQLite loop: `rc` is what the last sqlite3_step(statement) returned, e.g.
//     int rc = SQLITE_ROW;
//     while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) { ... }
//     BV_TRY(rowsFinished(stmt, rc, context));
// {} for SQLITE_DONE (and SQLITE_ROW, when the loop stopped early on purpose); otherwise the error,
// with the connection's extended error code and message. Call it before sqlite3_finalize().
[[nodiscard]] Status rowsFinished(sqlite3_stmt* statement, int rc, const QString& context);
[[nodiscard]] inline Status rowsFinished(sqlite3_stmt* statement, int rc, Reading what)
{
    return rowsFinished(statement, rc, readingContext(what));
}

} // namespace bv
