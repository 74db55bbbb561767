#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/internal/db/QueryRows.h"

#include <QByteArrayView>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <QVariantList>

#include <functional>

namespace bv {

// The SQL dialect a connection speaks. A repository writes standard SQL where the two agree and picks a
// dialect's text only where they do not (docs/ARCHITECTURE.md, "Storage seam").
enum class SqlDialect
{
    SQLite, // SQLCipher 4 (SQLite 3.35 or later: RETURNING, STRICT, ON CONFLICT … DO UPDATE)
    PostgreSQL, // the branch server (DESIGN §9, issue 15): not implemented yet
};

// One row of Connection::scan, read field by field without a QVariant per value (hot paths: the audit chain's
// verification). The views are valid only during the visit. Ask isNull() before text() or blob() of the same
// column: reading a value as text may convert it.
class RawRow
{
public:
    virtual ~RawRow() = default;
    virtual bool isNull(int column) const = 0;
    virtual qint64 int64(int column) const = 0;
    // The value as text: UTF-8 as stored; an integer in decimal digits.
    virtual QByteArrayView text(int column) const = 0;
    virtual QByteArrayView blob(int column) const = 0;
};

// The storage seam (docs/ARCHITECTURE.md): the small interface every repository in core/ talks to. Statements
// use positional `?` placeholders with bound values, never values assembled into SQL text. Nothing here speaks
// of rowid or the last insert rowid: a new row's id comes back through `INSERT … RETURNING id`, which SQLite
// (3.35+) and PostgreSQL both run.
//
// Database (core/db/Database.h) implements it over the SQLCipher file; a PostgreSQL connection (issue 15)
// implements the same functions, and the repositories and services above it stay as they are. Engine
// specifics — opening, keys, rekey, backup, cipher and integrity checks, the audit purge gate — are not part of
// this interface and stay in core/db/ and core/vault/.
//
// Transactions are opened through the Transaction guard (core/db/Transaction.h), never by hand.
class Connection
{
public:
    virtual ~Connection() = default;

    virtual SqlDialect dialect() const = 0;
    // false after the connection was lost (a failed file swap); every statement then fails with a clear error.
    virtual bool isOpen() const = 0;

    // Runs one statement with positional bound values; the returned query is forward-only. A loop over its rows
    // ends with rowsFinished() (core/db/QueryRows.h).
    virtual Result<QSqlQuery> query(const QString& sql, const QVariantList& values = {}) = 0;
    // Runs a statement prepared once per connection and kept (hot paths). Do not use it for a statement whose
    // result you iterate while running it again; finish() it after reading.
    virtual Result<QSqlQuery*> cached(const QString& sql, const QVariantList& values = {}) = 0;
    // The first column of the first row (an invalid QVariant if there is none).
    virtual Result<QVariant> scalar(const QString& sql, const QVariantList& values = {}) = 0;
    // Runs one statement whose result is not needed (INSERT/UPDATE/DELETE).
    virtual Status exec(const QString& sql, const QVariantList& values = {}) = 0;
    // Runs an `INSERT … RETURNING id` and returns that id. The statement must name exactly one column in its
    // RETURNING clause and insert exactly one row.
    Result<qint64> insertReturningId(const QString& sql, const QVariantList& values = {});
    // Inserts `rows` (each one value per column of `into`, "INSERT INTO t (a, b, c)"). For bulk writes inside the
    // caller's transaction (the import). This generic version uses multi-row INSERT statements of up to
    // kRowsPerInsert rows each; the SQLCipher database steps one prepared single-row statement instead. A row with
    // another number of values than `columns` is refused (Internal) before anything is written. Any failure is
    // returned; what was inserted before it stays in the caller's transaction (roll it back).
    static constexpr int kRowsPerInsert = 64;
    static QString insertStatement(const QString& into, int columns, qsizetype rows);
    static Status checkRowWidths(int columns, const QList<QVariantList>& rows);
    virtual Status insertRows(const QString& into, int columns, const QList<QVariantList>& rows);
    // Runs a script of several statements without bound values (migrations, savepoints).
    virtual Status execScript(const QString& sql) = 0;
    // Streams the rows of one SELECT to `visit`, which returns false to stop early. Errors while reading (a
    // damaged page) are returned, named by `context` (QueryRows.h), never a short result.
    virtual Status scan(const QString& sql, const QVariantList& values, const std::function<bool(const RawRow&)>& visit,
        const QString& context)
        = 0;
    Status scan(
        const QString& sql, const QVariantList& values, const std::function<bool(const RawRow&)>& visit, Reading what)
    {
        return scan(sql, values, visit, readingContext(what));
    }

    // Used by Transaction only. `context` is the first words of the error ("A transaction could not be
    // started"); the cause follows.
    virtual bool inTransaction() const = 0;
    virtual Status beginTransaction(const QString& context) = 0;
    virtual Status commitTransaction(const QString& context) = 0;
    virtual void rollbackTransaction() = 0;
};

} // namespace bv
