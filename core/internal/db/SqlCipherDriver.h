#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/SecureBytes.h"

#include <QMultiHash>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

struct sqlite3;
struct sqlite3_stmt;

namespace bv {

// A Qt SQL driver for SQLCipher, written against the public QSqlDriver API and the SQLCipher C API.
// It is registered per connection with QSqlDatabase::addDatabase(driver, name); Qt's own QSQLITE
// plugin is never loaded (it links the system libsqlite3, whose sqlite3_* symbols clash with
// libsqlcipher's in one process).
//
// Placeholders: the driver reports NamedPlaceholders = false, so Qt rewrites ":name" placeholders to
// positional ones before prepare() and the driver binds everything by position.
class SqlCipherDriver final : public QSqlDriver
{
    Q_OBJECT
public:
    explicit SqlCipherDriver(QObject* parent = nullptr);
    ~SqlCipherDriver() override;

    enum class OpenFlag
    {
        ReadWrite,
        ReadWriteCreate,
        ReadOnly
    };

    // Opens `path` and, if `rawKey` is not empty, keys it with sqlite3_key as a raw key (x'hex', no
    // passphrase KDF). Does not read the file: a wrong key shows only on the first read. Returns the
    // SQLite result code (SQLITE_OK on success).
    int openFile(const QString& path, OpenFlag flag, const SecureBytes& rawKey);

    bool hasFeature(DriverFeature feature) const override;
    bool open(const QString& db, const QString& user, const QString& password, const QString& host, int port,
        const QString& connOpts) override;
    void close() override;
    QSqlResult* createResult() const override;
    bool beginTransaction() override;
    bool commitTransaction() override;
    bool rollbackTransaction() override;
    QStringList tables(QSql::TableType type) const override;
    QSqlRecord record(const QString& tableName) const override;
    QSqlIndex primaryIndex(const QString& tableName) const override;
    QString escapeIdentifier(const QString& identifier, IdentifierType type) const override;
    bool isIdentifierEscaped(const QString& identifier, IdentifierType type) const override;
    QVariant handle() const override;

    sqlite3* sqliteHandle() const { return m_db; }
    // true while a transaction is open on this connection
    bool inTransaction() const;

    // Runs one or more statements without results (used by migrations and pragmas).
    bool execScript(const QString& sql);

    // The raw-key form SQLCipher understands, x'<64 hex digits>', in secure memory: SQLCipher uses the
    // key as is (no passphrase KDF on open).
    static SecureBytes rawKeyLiteral(const SecureBytes& key);

    static QSqlError makeError(sqlite3* db, const QString& context, QSqlError::ErrorType type, int rc);

    // Damage seen on an open database is remembered beside it: a connection registered here (after it
    // opened and passed its checks) writes `markerPath` the first time a statement on it reports
    // SQLITE_CORRUPT or SQLITE_NOTADB (a page that fails its authentication). Every error of the driver
    // passes through noteFailure(). See Database::damageMarkerPath.
    static void watchForDamage(sqlite3* db, const QString& markerPath);
    static void stopWatching(sqlite3* db);
    static void noteFailure(sqlite3* db, int rc);
    // The connection's extended result code, except that an I/O failure whose system error was "no space
    // left" (SQLite reports most of those as SQLITE_IOERR_*) becomes SQLITE_FULL: a full disk is named as
    // such everywhere. `fallback` when there is no connection.
    static int errorCode(sqlite3* db, int fallback);

    // Statement reuse: a finished query hands its prepared statement back (reset, bindings cleared),
    // and the next query with the same text takes it instead of preparing again. Each statement is
    // used by one query at a time, so nested queries with the same text each get their own. At most
    // kStatementPoolSize statements are kept; the pool is emptied before the connection closes, before
    // a script runs (a migration may change the schema) and on clearStatementPool() (rekey, backup).
    static constexpr int kStatementPoolSize = 256;
    bool takeStatement(const QByteArray& sql, sqlite3_stmt** stmt, QSqlRecord* record) const;
    void returnStatement(const QByteArray& sql, sqlite3_stmt* stmt, const QSqlRecord& record) const;
    void clearStatementPool() const;

private:
    struct PooledStatement
    {
        sqlite3_stmt* stmt = nullptr;
        QSqlRecord record;
    };
    mutable QMultiHash<QByteArray, PooledStatement> m_pool;
    bool execSimple(const char* sql, const QString& context, QSqlError::ErrorType type);

    sqlite3* m_db = nullptr;
};

} // namespace bv
