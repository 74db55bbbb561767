// Database as a Connection (core/db/Connection.h): transactions and the raw scan over the SQLite C API.
#include "core/db/Database.h"

#include "core/db/QueryRows.h"
#include "core/db/SqlCipherDriver.h"

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
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(statement, index, bytes.constData(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
    }
    default: {
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text64(
            statement, index, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    }
}

} // namespace

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
