// Database as a Connection (core/db/Connection.h): statements through the Qt SQL driver, transactions and the raw
// scan over the SQLite C API.
#include "core/internal/db/Database.h"

#include "core/internal/db/QueryRows.h"
#include "core/internal/db/SqlCipherDriver.h"
#include "core/internal/db/SqlCipherResult.h"

#include <QSqlError>

#include <sqlite3.h>

#include <memory>

namespace bv {

namespace {

// The current row of a statement, straight from SQLite's buffers.
class SqliteRow final : public RawRow
{
public:
    explicit SqliteRow(sqlite3_stmt* statement)
        : m_statement(statement)
    {
    }
    bool isNull(int column) const override { return sqlite3_column_type(m_statement, column) == SQLITE_NULL; }
    qint64 int64(int column) const override { return sqlite3_column_int64(m_statement, column); }
    QByteArrayView text(int column) const override
    {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, column));
        return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
    }
    QByteArrayView blob(int column) const override
    {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(m_statement, column));
        return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
    }

private:
    sqlite3_stmt* m_statement;
};

int bind(sqlite3_stmt* statement, int index, const QVariant& value)
{
    return SqlCipherResult::bindOne(statement, index, value);
}

} // namespace

Error Database::closedError()
{
    return makeError(ErrorCode::Io,
        tr("The database was closed after a failed operation and could not be opened again. Nothing was lost; "
           "check the disk, then open the database again."));
}

Result<QSqlQuery> Database::query(const QString& sql, const QVariantList& values)
{
    if (!isOpen())
        return closedError();
    QSqlQuery q(connection());
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return sqlError(q.lastError(), tr("A database statement could not be prepared"));
    for (const QVariant& value : values)
        q.addBindValue(value);
    if (!q.exec())
        return sqlError(q.lastError(), tr("A database statement failed"));
    return q;
}

Result<QVariant> Database::scalar(const QString& sql, const QVariantList& values)
{
    // Read at once and finished, so the prepared statement can be kept and reused.
    auto q = cached(sql, values);
    if (!q.ok())
        return q.error();
    QVariant value;
    if ((*q)->next())
        value = (*q)->value(0);
    BV_TRY(rowsFinished(**q, tr("A database statement failed")));
    (*q)->finish();
    return value;
}

Status Database::exec(const QString& sql, const QVariantList& values)
{
    auto q = cached(sql, values);
    if (!q.ok())
        return q.error();
    (*q)->finish();
    return {};
}

Result<QSqlQuery*> Database::cached(const QString& sql, const QVariantList& values)
{
    if (!isOpen())
        return closedError();
    QSqlQuery* q = m_cache.value(sql);
    if (!q) {
        auto fresh = std::make_unique<QSqlQuery>(connection());
        fresh->setForwardOnly(true);
        if (!fresh->prepare(sql))
            return sqlError(fresh->lastError(), tr("A database statement could not be prepared"));
        q = fresh.release();
        m_cache.insert(sql, q);
    }
    for (int i = 0; i < values.size(); ++i)
        q->bindValue(i, values.at(i));
    if (!q->exec())
        return sqlError(q->lastError(), tr("A database statement failed"));
    return q;
}

Status Database::execScript(const QString& sql)
{
    if (!isOpen())
        return closedError();
    if (!m_driver->execScript(sql))
        return sqlError(m_driver->lastError(), tr("A database statement failed"));
    return {};
}

Status Database::insertRows(const QString& into, int columns, const QList<QVariantList>& rows)
{
    if (rows.isEmpty())
        return {};
    if (!isOpen())
        return closedError();
    BV_TRY(checkRowWidths(columns, rows));
    sqlite3* db = handle();
    const QString context = tr("A database statement failed");
    const auto failed = [&](int rc) {
        const int code = SqlCipherDriver::errorCode(db, rc);
        SqlCipherDriver::noteFailure(db, code);
        return sqliteError(code, context, QString::fromUtf8(sqlite3_errmsg(db)));
    };
    // One single-row statement, prepared once and stepped per row. Not multi-row: a statement that inserts several
    // rows can fail half-way, so SQLite gives it a statement journal, and inside the caller's savepoint ending each
    // such statement walks the savepoint's in-memory journal from its start. That cost grew with every page the
    // batch had touched, and so with the size of the database (docs/PERFORMANCE.md, "Batch writes").
    const QByteArray text = insertStatement(into, columns, 1).toUtf8();
    sqlite3_stmt* raw = nullptr;
    if (const int rc = sqlite3_prepare_v2(db, text.constData(), int(text.size()), &raw, nullptr); rc != SQLITE_OK)
        return failed(rc);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
    for (const QVariantList& row : rows) {
        int index = 1;
        for (const QVariant& value : row) {
            if (const int rc = bind(raw, index++, value); rc != SQLITE_OK)
                return failed(rc);
        }
        if (const int rc = sqlite3_step(raw); rc != SQLITE_DONE)
            return failed(rc);
        sqlite3_reset(raw);
        sqlite3_clear_bindings(raw);
    }
    return {};
}

bool Database::inTransaction() const
{
    return m_driver && m_driver->inTransaction();
}

Status Database::scan(const QString& sql, const QVariantList& values, const std::function<bool(const RawRow&)>& visit,
    const QString& context)
{
    if (!isOpen())
        return closedError();
    sqlite3* db = handle();
    const QByteArray text = sql.toUtf8();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, text.constData(), int(text.size()), &raw, nullptr) != SQLITE_OK)
        return sqliteError(sqlite3_extended_errcode(db), context, QString::fromUtf8(sqlite3_errmsg(db)));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
    for (int i = 0; i < values.size(); ++i) {
        if (bind(raw, i + 1, values.at(i)) != SQLITE_OK)
            return sqliteError(sqlite3_extended_errcode(db), context, QString::fromUtf8(sqlite3_errmsg(db)));
    }
    const SqliteRow row(raw);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        if (!visit(row))
            break;
    }
    BV_TRY(rowsFinished(raw, rc, context));
    return {};
}

Status Database::beginTransaction(const QString& context)
{
    if (!isOpen())
        return closedError();
    if (!m_driver->beginTransaction())
        return sqlError(m_driver->lastError(), context);
    return {};
}

Status Database::commitTransaction(const QString& context)
{
    if (!isOpen())
        return closedError();
    if (!m_driver->commitTransaction())
        return sqlError(m_driver->lastError(), context);
    return {};
}

void Database::rollbackTransaction()
{
    if (inTransaction())
        m_driver->rollbackTransaction();
}

} // namespace bv
