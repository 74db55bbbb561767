#include "core/internal/db/SqlCipherDriver.h"
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include "core/internal/db/QueryRows.h"
#include "core/internal/db/SqlCipherResult.h"

#include <QSqlField>
#include <QSqlIndex>
#include <QSqlQuery>
#include <QSqlRecord>

#include <sqlite3.h>

#include <cerrno>

namespace bv {

SqlCipherDriver::SqlCipherDriver(QObject* parent)
    : QSqlDriver(parent)
{
}

SqlCipherDriver::~SqlCipherDriver()
{
    close();
}

namespace {

QMutex s_watchedMutex;
QHash<sqlite3*, QString> s_watched; // connection → damage marker path

} // namespace

void SqlCipherDriver::watchForDamage(sqlite3* db, const QString& markerPath)
{
    QMutexLocker locker(&s_watchedMutex);
    s_watched.insert(db, markerPath);
}

void SqlCipherDriver::stopWatching(sqlite3* db)
{
    QMutexLocker locker(&s_watchedMutex);
    s_watched.remove(db);
}

void SqlCipherDriver::noteFailure(sqlite3* db, int rc)
{
    const int primary = rc & 0xff;
    if (!db || (primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB))
        return;
    QString marker;
    {
        QMutexLocker locker(&s_watchedMutex);
        marker = s_watched.value(db);
    }
    if (marker.isEmpty() || QFileInfo::exists(marker))
        return;
    // When and what SQLite said: no values, no page contents.
    QFile file(marker);
    if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        file.write(QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + ' ' + QByteArray::number(rc) + ' '
            + QByteArray(sqlite3_errstr(rc)) + '\n');
}

int SqlCipherDriver::errorCode(sqlite3* db, int fallback)
{
    int code = db ? sqlite3_extended_errcode(db) : fallback;
    if (code == SQLITE_OK)
        code = fallback;
    const int primary = code & 0xff;
    if (db && (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN)) {
        const int system = sqlite3_system_errno(db);
        if (system == ENOSPC || system == EDQUOT)
            return SQLITE_FULL;
    }
    return code;
}

QSqlError SqlCipherDriver::makeError(sqlite3* db, const QString& context, QSqlError::ErrorType type, int rc)
{
    const int extended = errorCode(db, rc);
    noteFailure(db, extended ? extended : rc);
    const QString text = db ? QString::fromUtf8(sqlite3_errmsg(db)) : QString::fromUtf8(sqlite3_errstr(rc));
    return QSqlError(context, text, type, QString::number(extended ? extended : rc));
}

SecureBytes SqlCipherDriver::rawKeyLiteral(const SecureBytes& key)
{
    const SecureBytes hex = key.toHex();
    SecureBytes literal(hex.size() + 3);
    literal.data()[0] = 'x';
    literal.data()[1] = '\'';
    memcpy(literal.data() + 2, hex.data(), hex.size());
    literal.data()[hex.size() + 2] = '\'';
    return literal;
}

int SqlCipherDriver::openFile(const QString& path, OpenFlag flag, const SecureBytes& rawKey)
{
    if (isOpen())
        close();

    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE | SQLITE_OPEN_EXRESCODE;
    switch (flag) {
    case OpenFlag::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenFlag::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case OpenFlag::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }

    const QByteArray encodedPath = path.toUtf8();
    int rc = sqlite3_open_v2(encodedPath.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(makeError(m_db, tr("Cannot open the database file"), QSqlError::ConnectionError, rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        setOpenError(true);
        return rc;
    }
    sqlite3_extended_result_codes(m_db, 1);
    // SQLCipher logs to stderr by default; BranchVault reports every failure itself, and the CLI's
    // contract is one line on stderr per error.
    sqlite3_exec(m_db, "PRAGMA cipher_log_level = NONE;", nullptr, nullptr, nullptr);

    if (!rawKey.isEmpty()) {
        const SecureBytes literal = rawKeyLiteral(rawKey);
        rc = sqlite3_key(m_db, literal.data(), int(literal.size()));
        if (rc != SQLITE_OK) {
            setLastError(makeError(m_db, tr("Cannot set the database key"), QSqlError::ConnectionError, rc));
            sqlite3_close_v2(m_db);
            m_db = nullptr;
            setOpenError(true);
            return rc;
        }
    }

    setOpen(true);
    setOpenError(false);
    return SQLITE_OK;
}

bool SqlCipherDriver::hasFeature(DriverFeature feature) const
{
    switch (feature) {
    case Transactions:
    case BLOB:
    case Unicode:
    case PreparedQueries:
    case PositionalPlaceholders:
    case LastInsertId:
    case LowPrecisionNumbers:
    case FinishQuery:
        return true;
    case QuerySize:
    case NamedPlaceholders:
    case SimpleLocking:
    case EventNotifications:
    case MultipleResultSets:
    case CancelQuery:
    case BatchOperations:
        return false;
    }
    return false;
}

bool SqlCipherDriver::open(
    const QString& db, const QString&, const QString&, const QString&, int, const QString& connOpts)
{
    // Plain open() is only used for unencrypted databases (the benchmark's plaintext baseline);
    // encrypted databases are opened with openFile() so the key never passes through a QString.
    const OpenFlag flag = connOpts.contains(QLatin1String("READONLY")) ? OpenFlag::ReadOnly : OpenFlag::ReadWriteCreate;
    return openFile(db, flag, SecureBytes()) == SQLITE_OK;
}

bool SqlCipherDriver::takeStatement(const QByteArray& sql, sqlite3_stmt** stmt, QSqlRecord* record) const
{
    auto it = m_pool.find(sql);
    if (it == m_pool.end())
        return false;
    *stmt = it->stmt;
    *record = it->record;
    m_pool.erase(it);
    return true;
}

void SqlCipherDriver::returnStatement(const QByteArray& sql, sqlite3_stmt* stmt, const QSqlRecord& record) const
{
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    if (!m_db || sqlite3_db_handle(stmt) != m_db || m_pool.size() >= kStatementPoolSize) {
        sqlite3_finalize(stmt);
        return;
    }
    m_pool.insert(sql, PooledStatement {stmt, record});
}

void SqlCipherDriver::clearStatementPool() const
{
    for (const PooledStatement& pooled : std::as_const(m_pool))
        sqlite3_finalize(pooled.stmt);
    m_pool.clear();
}

void SqlCipherDriver::close()
{
    if (!m_db)
        return;
    clearStatementPool();
    // sqlite3_close_v2 defers the close until every statement is finalized (results may outlive us).
    const int rc = sqlite3_close_v2(m_db);
    if (rc != SQLITE_OK)
        setLastError(makeError(m_db, tr("Cannot close the database"), QSqlError::ConnectionError, rc));
    m_db = nullptr;
    setOpen(false);
    setOpenError(false);
}

QSqlResult* SqlCipherDriver::createResult() const
{
    return new SqlCipherResult(this);
}

bool SqlCipherDriver::inTransaction() const
{
    return m_db && sqlite3_get_autocommit(m_db) == 0;
}

bool SqlCipherDriver::execSimple(const char* sql, const QString& context, QSqlError::ErrorType type)
{
    if (!m_db)
        return false;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) {
        setLastError(makeError(m_db, context, type, rc));
        return false;
    }
    return true;
}

bool SqlCipherDriver::execScript(const QString& sql)
{
    clearStatementPool();
    const QByteArray utf8 = sql.toUtf8();
    return execSimple(utf8.constData(), tr("Cannot run the statement"), QSqlError::StatementError);
}

bool SqlCipherDriver::beginTransaction()
{
    // IMMEDIATE takes the write lock at once, so a transaction never fails half-way on lock upgrade.
    return execSimple("BEGIN IMMEDIATE", tr("Cannot begin a transaction"), QSqlError::TransactionError);
}

bool SqlCipherDriver::commitTransaction()
{
    return execSimple("COMMIT", tr("Cannot commit the transaction"), QSqlError::TransactionError);
}

bool SqlCipherDriver::rollbackTransaction()
{
    return execSimple("ROLLBACK", tr("Cannot roll back the transaction"), QSqlError::TransactionError);
}

QStringList SqlCipherDriver::tables(QSql::TableType type) const
{
    QStringList names;
    if (!isOpen())
        return names;
    QString sql;
    switch (type) {
    case QSql::Tables:
        sql = QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                             "ORDER BY name");
        break;
    case QSql::Views:
        sql = QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'view' ORDER BY name");
        break;
    case QSql::SystemTables:
        sql = QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'sqlite_%' "
                             "ORDER BY name");
        break;
    case QSql::AllTables:
        sql = QStringLiteral("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') ORDER BY name");
        break;
    }
    sqlite3_stmt* stmt = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(m_db, utf8.constData(), int(utf8.size()), &stmt, nullptr) != SQLITE_OK)
        return names;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
        names << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
    // QSqlDriver::tables() has no error channel but lastError(): a failed read gives no names, never some.
    if (!rowsFinished(stmt, rc, QString()).ok()) {
        const_cast<SqlCipherDriver*>(this)->setLastError(
            makeError(m_db, QObject::tr("Cannot read the next row"), QSqlError::StatementError, rc));
        names.clear();
    }
    sqlite3_finalize(stmt);
    return names;
}

namespace {

struct ColumnInfo
{
    QString name;
    QString declaredType;
    bool notNull = false;
    int pkPosition = 0;
};

// The columns of a table; none (and `error` set) when they cannot be read.
QList<ColumnInfo> tableColumns(sqlite3* db, const QString& tableName, QSqlError* error)
{
    QList<ColumnInfo> columns;
    if (!db)
        return columns;
    sqlite3_stmt* stmt = nullptr;
    // pragma_table_info() accepts the table name as a bound value.
    const char* sql = "SELECT name, type, \"notnull\", pk FROM pragma_table_info(?)";
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return columns;
    const QByteArray name = tableName.toUtf8();
    sqlite3_bind_text(stmt, 1, name.constData(), int(name.size()), SQLITE_TRANSIENT);
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        ColumnInfo info;
        info.name = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
        info.declaredType = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 1)));
        info.notNull = sqlite3_column_int(stmt, 2) != 0;
        info.pkPosition = sqlite3_column_int(stmt, 3);
        columns << info;
    }
    if (!rowsFinished(stmt, rc, QString()).ok()) {
        *error = SqlCipherDriver::makeError(db, QObject::tr("Cannot read the next row"), QSqlError::StatementError, rc);
        columns.clear();
    }
    sqlite3_finalize(stmt);
    return columns;
}

} // namespace

QSqlRecord SqlCipherDriver::record(const QString& tableName) const
{
    QSqlRecord rec;
    QSqlError error;
    const QList<ColumnInfo> columns = tableColumns(m_db, tableName, &error);
    if (error.isValid())
        const_cast<SqlCipherDriver*>(this)->setLastError(error);
    for (const ColumnInfo& column : columns) {
        QSqlField field(column.name, SqlCipherResult::metaTypeForDeclaredType(column.declaredType), tableName);
        field.setRequiredStatus(column.notNull ? QSqlField::Required : QSqlField::Optional);
        rec.append(field);
    }
    return rec;
}

QSqlIndex SqlCipherDriver::primaryIndex(const QString& tableName) const
{
    QSqlIndex index(tableName);
    QSqlError error;
    QList<ColumnInfo> columns = tableColumns(m_db, tableName, &error);
    if (error.isValid())
        const_cast<SqlCipherDriver*>(this)->setLastError(error);
    std::sort(columns.begin(), columns.end(),
        [](const ColumnInfo& a, const ColumnInfo& b) { return a.pkPosition < b.pkPosition; });
    for (const ColumnInfo& column : columns) {
        if (column.pkPosition > 0)
            index.append(
                QSqlField(column.name, SqlCipherResult::metaTypeForDeclaredType(column.declaredType), tableName));
    }
    return index;
}

QString SqlCipherDriver::escapeIdentifier(const QString& identifier, IdentifierType) const
{
    if (isIdentifierEscaped(identifier, FieldName))
        return identifier;
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

bool SqlCipherDriver::isIdentifierEscaped(const QString& identifier, IdentifierType) const
{
    return identifier.size() > 2 && identifier.startsWith(QLatin1Char('"')) && identifier.endsWith(QLatin1Char('"'));
}

QVariant SqlCipherDriver::handle() const
{
    return QVariant::fromValue(static_cast<void*>(m_db));
}

} // namespace bv
