#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/db/DatabaseOptions.h"
#include "core/internal/db/Connection.h"
#include "core/internal/db/Migration.h"

#include <QCoreApplication>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

class QLockFile;
struct sqlite3;

namespace bv {

class SqlCipherDriver;

// One open BranchVault database: an encrypted SQLCipher file behind our own Qt SQL driver, held
// exclusively by this process through a lock file beside it.
//
// Opening never modifies a file that fails to open: the key is probed with a read of sqlite_schema,
// the application id and schema version are checked, and only then are pragmas set and migrations
// run (each in its own transaction).
//
// Durability: journal_mode=WAL with synchronous=FULL. Every commit is fsynced to the WAL before it
// returns, so a committed transaction survives power loss; readers do not block the writer; and the
// WAL (encrypted like the database) is checkpointed automatically. See docs/STORAGE.md.
//
// It is the SQLite implementation of Connection, the storage seam the repositories use (docs/ARCHITECTURE.md);
// everything else declared here (open, keys, backup, key rotation's swap, integrity checks) is engine-specific
// and used only by core/db/ and core/vault/.
class Database : public Connection
{
    Q_DECLARE_TR_FUNCTIONS(Database)
public:
    enum class Mode
    {
        OpenExisting,
        CreateNew
    };

    using Options = DatabaseOptions;

    static constexpr int kApplicationId = 0x42564C54; // 'BVLT'

    ~Database() override;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Opens (or creates) the database at `path` with the raw 32-byte key.
    static Result<std::unique_ptr<Database>> open(
        const QString& path, const SecureBytes& key, Mode mode, const Options& options);
    static Result<std::unique_ptr<Database>> open(const QString& path, const SecureBytes& key, Mode mode)
    {
        return open(path, key, mode, Options());
    }

    QString path() const { return m_path; }
    // Written beside the database when an operation met a damaged page (see SqlCipherDriver::watchForDamage);
    // removed by a verification that passes.
    static QString damageMarkerPath(const QString& databasePath) { return databasePath + QStringLiteral(".damaged"); }
    QSqlDatabase connection() const;
    sqlite3* handle() const;
    SqlCipherDriver* driver() const { return m_driver; }
    int schemaVersion() const { return m_schemaVersion; }
    // false only after a failed file swap could not open the database again (see replaceWith); every
    // statement then fails with closedError() instead of reaching a connection that is gone.
    bool isOpen() const override { return m_driver != nullptr; }
    static Error closedError();

    // Connection (core/db/Connection.h), over the SQLCipher connection.
    SqlDialect dialect() const override { return SqlDialect::SQLite; }
    // Runs one statement with positional bound values; the returned query is forward-only.
    Result<QSqlQuery> query(const QString& sql, const QVariantList& values = {}) override;
    // Runs one statement and returns the first column of the first row (an invalid QVariant if none).
    Result<QVariant> scalar(const QString& sql, const QVariantList& values = {}) override;
    // Runs a statement prepared once per connection and kept (for hot paths: audit append, import).
    // Do not use it for a statement whose result you iterate while running it again.
    Result<QSqlQuery*> cached(const QString& sql, const QVariantList& values = {}) override;
    // Runs one statement whose result is not needed (INSERT/UPDATE/DELETE), prepared once per connection.
    Status exec(const QString& sql, const QVariantList& values = {}) override;
    // Runs a multi-statement script (migrations).
    Status execScript(const QString& sql) override;
    // Through the SQLite C API, without a QVariant per field (DatabaseConnection.cpp): the fast path of the
    // audit chain's verification.
    using Connection::scan;
    Status scan(const QString& sql, const QVariantList& values, const std::function<bool(const RawRow&)>& visit,
        const QString& context) override;
    // Through the SQLite C API as well: Qt's positional binding looks every value up by a generated name, which
    // cost more than the inserts themselves. One single-row statement stepped per row (the reason is at the
    // definition).
    Status insertRows(const QString& into, int columns, const QList<QVariantList>& rows) override;
    bool inTransaction() const override;
    Status beginTransaction(const QString& context) override;
    Status commitTransaction(const QString& context) override;
    void rollbackTransaction() override;

    // PRAGMA integrity_check and cipher_integrity_check; problems (empty when healthy) are filled with
    // what SQLite names (page numbers, index names — never row values).
    Status integrityCheck(QStringList* problems);
    // Copies the database with the online backup API into a new, owner-only file encrypted with `key`
    // (the database's own key for a backup, the next key for a key rotation). The copy is a standalone
    // rollback-journal file, flushed to disk before this returns; on failure nothing is left behind.
    Status backupTo(const QString& targetPath, const SecureBytes& key);
    // Key rotation's swap (see docs/STORAGE.md): closes the connection (its WAL is merged and removed),
    // renames `copy` — a verified copy encrypted with `newKey` — over the database file in one step,
    // flushes the folder and opens the database again with `newKey`. The lock file is held throughout.
    // If anything fails before the rename, the copy is removed and the database is opened again with
    // `currentKey`, unchanged; `*swapped` tells which key the open file is under now.
    Status replaceWith(const QString& copy, const SecureBytes& currentKey, const SecureBytes& newKey, bool* swapped);
    // Size of the database file and its WAL, for the free-space check before a copy.
    qint64 sizeOnDisk() const;
    // Bytes available to this user in `folder` (-1 when the system cannot tell).
    static qint64 freeBytes(const QString& folder);
    // Checkpoints the WAL into the main file (TRUNCATE), e.g. before a file-level copy.
    Status checkpoint();

    // Runs PRAGMA cipher_integrity_check on a file that failed to open, read-only and without
    // modifying it, and returns what it names (empty if it cannot tell).
    static QStringList cipherIntegrityProblems(const QString& path, const SecureBytes& key);

    // Opens a file read-only with `key` and runs integrity_check and cipher_integrity_check without
    // writing anything (used on backup copies). Fills `problems`; returns an error if the file cannot
    // be read as a BranchVault database at all. `databaseId` receives meta.database_id.
    static Status verifyFile(const QString& path, const SecureBytes& key, QStringList* problems,
        QString* databaseId = nullptr, int* schemaVersion = nullptr);

    // Takes the lock file beside the database at `absolutePath` (held while the returned object lives):
    // InUse names the process holding it; a lock that cannot be created is named by its cause (disk full,
    // read-only, I/O).
    static Result<std::unique_ptr<QLockFile>> lockFor(const QString& absolutePath);

    // Maps a SQL error to an Error with the right code (disk full, read-only, damaged, ...).
    static Error sqlError(const QSqlError& error, const QString& context);
    static Error sqliteError(int rc, const QString& context, const QString& detail = QString());

private:
    Database() = default;
    Status connect(const SecureBytes& key, Mode mode);
    void disconnect();
    Status probeAndCheck(Mode mode, const Options& options);
    Status applyPragmas(const Options& options);
    Status migrate(const MigrationList& migrations);

    QString m_path;
    Options m_options;
    QString m_connectionName;
    SqlCipherDriver* m_driver = nullptr; // owned by QSqlDatabase's connection
    std::unique_ptr<QLockFile> m_lock;
    int m_schemaVersion = 0;
    QHash<QString, QSqlQuery*> m_cache;
};

} // namespace bv
