#include "core/db/Database.h"

#include "core/common/AtomicFile.h"
#include "core/db/QueryRows.h"
#include "core/db/SqlCipherDriver.h"
#include "core/db/Transaction.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>

#include <sqlite3.h>

#include <cerrno>
#include <functional>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace bv {

namespace {

QAtomicInt s_connectionCounter;

int primaryCode(int rc)
{
    return rc & 0xff;
}

int codeOf(const QSqlError& error)
{
    bool ok = false;
    const int rc = error.nativeErrorCode().toInt(&ok);
    return ok ? rc : SQLITE_ERROR;
}

QString pathOrDir(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

// Creates an empty, owner-only file that must not exist yet (not even as a dangling link): SQLite then
// opens it as an empty database, and its journal and WAL inherit the owner-only mode. 0 or errno.
int createOwnerOnly(const QString& path)
{
#ifdef Q_OS_UNIX
    const QByteArray encoded = QFile::encodeName(path);
    const int fd = ::open(encoded.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    ::close(fd);
    return 0;
#else
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ? 0 : EEXIST;
#endif
}

// Why a lock file could not be created: QLockFile does not say, so the same is tried by hand.
int lockFileErrno(const QString& lockPath)
{
#ifdef Q_OS_UNIX
    const QByteArray probe = QFile::encodeName(lockPath + QStringLiteral(".probe"));
    const int fd = ::open(probe.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        return errno;
    int error = 0;
    const char byte = 'x';
    if (::write(fd, &byte, 1) != 1)
        error = errno;
    ::close(fd);
    ::unlink(probe.constData());
    return error;
#else
    Q_UNUSED(lockPath);
    return 0;
#endif
}

} // namespace

Error Database::sqliteError(int rc, const QString& context, const QString& detail)
{
    const QString technical = detail.isEmpty()
        ? tr("SQLite error %1: %2").arg(rc).arg(QString::fromUtf8(sqlite3_errstr(rc)))
        : tr("SQLite error %1: %2").arg(rc).arg(detail);
    switch (primaryCode(rc)) {
    case SQLITE_FULL:
        return makeError(ErrorCode::DiskFull,
            tr("%1: the disk is full. Free some space and try again; the last change was not saved.").arg(context),
            technical);
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return makeError(ErrorCode::ReadOnly,
            tr("%1: the database or its folder is read-only. Make both writable for this user, or move "
               "the database to a writable folder.")
                .arg(context),
            technical);
    case SQLITE_CORRUPT:
        return makeError(ErrorCode::Damaged,
            tr("%1: the database file is damaged. Run \"branchvault-cli verify\" to see what is damaged, "
               "then restore the latest backup.")
                .arg(context),
            technical);
    case SQLITE_NOTADB:
        return makeError(ErrorCode::WrongKey,
            tr("%1: the key does not open this file, or it is not a BranchVault database. Check that "
               "you chose the right file; unlock with the recovery passphrase if the key was changed.")
                .arg(context),
            technical);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::InUse,
            tr("%1: the database is busy. Close other programs that use it and try again.").arg(context), technical);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
        return makeError(ErrorCode::Io,
            tr("%1: the file could not be read or written. Check the disk and the file's permissions, "
               "then try again.")
                .arg(context),
            technical);
    default:
        return makeError(ErrorCode::Database,
            tr("%1: the database reported an error. Note the details and tell the system administrator.").arg(context),
            technical);
    }
}

Error Database::sqlError(const QSqlError& error, const QString& context)
{
    return sqliteError(
        codeOf(error), context, error.databaseText().isEmpty() ? error.driverText() : error.databaseText());
}

Database::~Database()
{
    disconnect();
    if (m_lock)
        m_lock->unlock();
}

void Database::disconnect()
{
    if (m_driver)
        SqlCipherDriver::stopWatching(handle());
    qDeleteAll(m_cache);
    m_cache.clear();
    if (!m_connectionName.isEmpty()) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            if (db.isValid())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
        m_connectionName.clear();
    }
    m_driver = nullptr;
}

Status Database::connect(const SecureBytes& key, Mode mode)
{
    auto* driver = new SqlCipherDriver;
    const auto flag
        = mode == Mode::CreateNew ? SqlCipherDriver::OpenFlag::ReadWriteCreate : SqlCipherDriver::OpenFlag::ReadWrite;
    const SecureBytes noKey;
    const int rc = driver->openFile(m_path, flag, m_options.plaintext ? noKey : key);
    if (rc != SQLITE_OK) {
        const QSqlError error = driver->lastError();
        delete driver;
        return sqlError(error, tr("The database could not be opened"));
    }
    m_driver = driver;
    m_connectionName = QStringLiteral("bv-%1").arg(s_connectionCounter.fetchAndAddRelaxed(1));
    QSqlDatabase::addDatabase(driver, m_connectionName);
    Status status = probeAndCheck(mode, m_options);
    if (status.ok())
        status = applyPragmas(m_options);
    if (!status.ok()) {
        disconnect();
        return status;
    }
    SqlCipherDriver::watchForDamage(handle(), damageMarkerPath(m_path));
    return {};
}

QSqlDatabase Database::connection() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

sqlite3* Database::handle() const
{
    return m_driver ? m_driver->sqliteHandle() : nullptr;
}

bool Database::inTransaction() const
{
    return m_driver && m_driver->inTransaction();
}

Result<std::unique_ptr<QLockFile>> Database::lockFor(const QString& absolute)
{
    const QString lockPath = absolute + QStringLiteral(".lock");
    auto lock = std::make_unique<QLockFile>(lockPath);
    lock->setStaleLockTime(0); // only a lock whose process has ended is stale
    if (!lock->tryLock(0)) {
        switch (lock->error()) {
        case QLockFile::LockFailedError: {
            qint64 pid = 0;
            QString host;
            QString application;
            lock->getLockInfo(&pid, &host, &application);
            return makeError(ErrorCode::InUse,
                tr("The database is in use by another BranchVault (process %1 on %2). Close that "
                   "window or command first, then try again.")
                    .arg(pid)
                    .arg(host.isEmpty() ? tr("this computer") : host),
                pathOrDir(lockPath));
        }
        case QLockFile::PermissionError:
            return makeError(ErrorCode::ReadOnly,
                tr("The lock file beside the database cannot be created. Make the folder %1 writable.")
                    .arg(pathOrDir(QFileInfo(absolute).absolutePath())));
        default:
            if (const int error = lockFileErrno(lockPath); error != 0)
                return AtomicFile::fromErrno(error, tr("Creating the lock file beside the database"), lockPath);
            return makeError(ErrorCode::Io,
                tr("The lock file beside the database cannot be created. Check the disk and try "
                   "again."),
                pathOrDir(lockPath));
        }
    }
    return lock;
}

Result<std::unique_ptr<Database>> Database::open(
    const QString& path, const SecureBytes& key, Mode mode, const Options& options)
{
    if (!options.plaintext && key.size() != 32)
        return makeError(ErrorCode::Internal, tr("The database key has the wrong length."),
            tr("expected 32 bytes, got %1").arg(key.size()));

    const QFileInfo info(path);
    const QString absolute = info.absoluteFilePath();
    const QFileInfo folder(info.absolutePath());
    if (mode == Mode::OpenExisting) {
        if (!info.exists())
            return makeError(ErrorCode::NotFound,
                tr("There is no BranchVault database at %1. Choose the right file, or create a new "
                   "database with \"branchvault-cli init\".")
                    .arg(pathOrDir(absolute)));
        if (!info.isFile())
            return makeError(ErrorCode::NotBranchVault,
                tr("%1 is not a file. Choose the BranchVault database file.").arg(pathOrDir(absolute)));
        if (!info.isReadable())
            return makeError(ErrorCode::ReadOnly,
                tr("The database %1 cannot be read by this user. Ask the system administrator to fix "
                   "the file's permissions.")
                    .arg(pathOrDir(absolute)));
        if (!info.isWritable())
            return makeError(ErrorCode::ReadOnly,
                tr("The database %1 is read-only. BranchVault writes its audit log on every use; make "
                   "the file writable, or copy it to a writable folder.")
                    .arg(pathOrDir(absolute)));
    } else {
        if (info.exists() || info.isSymLink() || QFileInfo::exists(absolute + QStringLiteral("-wal"))
            || QFileInfo::exists(absolute + QStringLiteral("-journal")))
            return makeError(ErrorCode::AlreadyExists,
                tr("A file already exists at %1. BranchVault never overwrites an existing file; choose "
                   "another location or move the file away yourself.")
                    .arg(pathOrDir(absolute)));
        if (!folder.exists())
            return makeError(ErrorCode::NotFound,
                tr("The folder %1 does not exist. Create it first, or choose another location.")
                    .arg(pathOrDir(folder.absoluteFilePath())));
    }
    if (!folder.isWritable())
        return makeError(ErrorCode::ReadOnly,
            tr("The folder %1 is read-only. The database needs a writable folder for its journal and "
               "lock file; make it writable or move the database.")
                .arg(pathOrDir(folder.absoluteFilePath())));

    std::unique_ptr<Database> db(new Database);
    db->m_path = absolute;
    db->m_options = options;
    auto lock = lockFor(absolute);
    if (!lock.ok())
        return lock.error();
    db->m_lock = std::move(lock).value();

    if (mode == Mode::CreateNew) {
        if (const int error = createOwnerOnly(absolute); error != 0) {
            if (error == EEXIST)
                return makeError(ErrorCode::AlreadyExists,
                    tr("A file already exists at %1. BranchVault never overwrites an existing file; choose "
                       "another location or move the file away yourself.")
                        .arg(pathOrDir(absolute)));
            return AtomicFile::fromErrno(error, tr("Creating the database"), absolute);
        }
    }
    Status status = db->connect(key, mode);
    if (status.ok() && mode == Mode::CreateNew)
        status = db->execScript(QStringLiteral("PRAGMA application_id = %1;").arg(kApplicationId));
    if (status.ok())
        status = db->migrate(options.migrations ? *options.migrations : schemaMigrations());
    if (!status.ok()) {
        if (mode == Mode::CreateNew) {
            // Only a file this call created is removed; an existing file is never touched.
            db.reset();
            for (const char* suffix : {"", "-wal", "-shm", "-journal"})
                QFile::remove(absolute + QLatin1String(suffix));
        }
        return status.error();
    }
    return db;
}

Status Database::probeAndCheck(Mode mode, const Options& options)
{
    // The first read decrypts page 1: a wrong key fails here, before anything is written.
    sqlite3* h = handle();
    const int rc = sqlite3_exec(h, "SELECT count(*) FROM sqlite_schema;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(SqlCipherDriver::errorCode(h, rc), tr("The database could not be opened"),
            QString::fromUtf8(sqlite3_errmsg(h)));
    if (mode == Mode::CreateNew)
        return {};

    auto appId = scalar(QStringLiteral("PRAGMA application_id"));
    if (!appId.ok())
        return appId.error();
    if (appId->toInt() != kApplicationId)
        return makeError(ErrorCode::NotBranchVault,
            tr("%1 is a database, but not a BranchVault database. Choose the BranchVault database "
               "file.")
                .arg(pathOrDir(m_path)));

    auto version = scalar(QStringLiteral("PRAGMA user_version"));
    if (!version.ok())
        return version.error();
    const MigrationList& migrations = options.migrations ? *options.migrations : schemaMigrations();
    const int latest = migrations.isEmpty() ? 0 : migrations.constLast().version;
    if (version->toInt() > latest)
        return makeError(ErrorCode::SchemaTooNew,
            tr("This database was written by a newer BranchVault (schema %1; this program knows up to "
               "%2). Install the newer BranchVault; the database was not changed.")
                .arg(version->toInt())
                .arg(latest));
    m_schemaVersion = version->toInt();
    return {};
}

Status Database::applyPragmas(const Options& options)
{
    struct Pragma
    {
        QString set;
        QString get;
        QString expected;
    };
    QList<Pragma> pragmas = {
        {QStringLiteral("PRAGMA foreign_keys = ON"), QStringLiteral("PRAGMA foreign_keys"), QStringLiteral("1")},
        {QStringLiteral("PRAGMA secure_delete = ON"), QStringLiteral("PRAGMA secure_delete"), QStringLiteral("1")},
        {QStringLiteral("PRAGMA temp_store = MEMORY"), QStringLiteral("PRAGMA temp_store"), QStringLiteral("2")},
        {QStringLiteral("PRAGMA journal_mode = WAL"), QStringLiteral("PRAGMA journal_mode"), QStringLiteral("wal")},
        {QStringLiteral("PRAGMA synchronous = FULL"), QStringLiteral("PRAGMA synchronous"), QStringLiteral("2")},
        {QStringLiteral("PRAGMA cache_size = -%1").arg(options.cacheSizeKiB), QStringLiteral("PRAGMA cache_size"),
            QString::number(-options.cacheSizeKiB)},
    };
    // Process-wide in SQLCipher, and once ON it stays ON for the life of the process: the check after
    // setting it catches a process where something turned it on earlier.
    pragmas.append({QStringLiteral("PRAGMA cipher_memory_security = %1")
                        .arg(options.memorySecurity ? QStringLiteral("ON") : QStringLiteral("OFF")),
        QStringLiteral("PRAGMA cipher_memory_security"),
        options.memorySecurity ? QStringLiteral("1") : QStringLiteral("0")});
    if (!options.plaintext) {
        // No plaintext header: the whole file, salt included, looks random.
        pragmas.append({QString(), QStringLiteral("PRAGMA cipher_plaintext_header_size"), QStringLiteral("0")});
    }
    for (const Pragma& pragma : pragmas) {
        if (!pragma.set.isEmpty()) {
            auto set = query(pragma.set);
            if (!set.ok())
                return set.error();
        }
        auto value = scalar(pragma.get);
        if (!value.ok())
            return value.error();
        if (value->toString().compare(pragma.expected, Qt::CaseInsensitive) != 0)
            return makeError(ErrorCode::SelfCheckFailed,
                tr("The database engine refused a required setting (%1). BranchVault stops to keep the "
                   "data safe; tell the system administrator.")
                    .arg(pragma.get.mid(7)),
                tr("expected %1, got %2").arg(pragma.expected, value->toString()));
    }
    return {};
}

Status Database::migrate(const MigrationList& migrations)
{
    auto versionValue = scalar(QStringLiteral("PRAGMA user_version"));
    if (!versionValue.ok())
        return versionValue.error();
    int current = versionValue->toInt();
    for (const Migration& migration : migrations) {
        if (migration.version <= current)
            continue;
        if (migration.version != current + 1)
            return makeError(ErrorCode::Internal, tr("The schema migrations are not numbered one after another."),
                tr("after %1 comes %2").arg(current).arg(migration.version));
        if (!migration.has(SqlDialect::SQLite))
            return makeError(ErrorCode::Internal,
                tr("Schema step %1 has no SQLite text, so the database was not changed. Report this to the "
                   "developers.")
                    .arg(migration.version));
        Transaction tx(*this);
        if (!tx.ok())
            return tx.error();
        Status applied = migration.apply(*this);
        if (!applied.ok())
            return applied.error();
        // user_version is part of the database header, written in the same transaction
        BV_TRY(execScript(QStringLiteral("PRAGMA user_version = %1;").arg(migration.version)));
        BV_TRY(tx.commit());
        current = migration.version;
    }
    m_schemaVersion = current;
    return {};
}

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

Status Database::integrityCheck(QStringList* problems)
{
    QStringList found;
    {
        auto q = query(QStringLiteral("PRAGMA integrity_check"));
        if (!q.ok())
            return q.error();
        while (q->next()) {
            const QString line = q->value(0).toString();
            if (line != QLatin1String("ok"))
                found << line;
        }
        // a page so damaged that the check itself stops is a finding, not a failure of the check
        if (Status read = rowsFinished(*q, tr("Checking the database")); !read.ok())
            found << read.error().detail;
    }
    {
        auto q = query(QStringLiteral("PRAGMA cipher_integrity_check"));
        if (!q.ok())
            return q.error();
        while (q->next())
            found << q->value(0).toString();
        if (Status read = rowsFinished(*q, tr("Checking the database")); !read.ok())
            found << read.error().detail;
    }
    if (problems)
        *problems = found;
    return {};
}

Status Database::checkpoint()
{
    if (!isOpen())
        return closedError();
    sqlite3* h = handle();
    int logFrames = 0;
    int checkpointed = 0;
    const int rc = sqlite3_wal_checkpoint_v2(h, nullptr, SQLITE_CHECKPOINT_TRUNCATE, &logFrames, &checkpointed);
    if (rc != SQLITE_OK)
        return sqliteError(SqlCipherDriver::errorCode(h, rc), tr("The journal could not be written into the database"),
            QString::fromUtf8(sqlite3_errmsg(h)));
    return {};
}

QStringList Database::cipherIntegrityProblems(const QString& path, const SecureBytes& key)
{
    QStringList problems;
    sqlite3* h = nullptr;
    const QByteArray encoded = path.toUtf8();
    if (sqlite3_open_v2(encoded.constData(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(h);
        return problems;
    }
    const SecureBytes literal = SqlCipherDriver::rawKeyLiteral(key);
    if (sqlite3_key(h, literal.data(), int(literal.size())) == SQLITE_OK) {
        sqlite3_stmt* stmt = nullptr;
        if (sqlite3_prepare_v2(h, "PRAGMA cipher_integrity_check", -1, &stmt, nullptr) == SQLITE_OK) {
            int rc = SQLITE_ROW;
            while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && problems.size() < 1000)
                problems << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
            if (Status read = rowsFinished(stmt, rc, QString()); !read.ok())
                problems << read.error().detail;
        }
        sqlite3_finalize(stmt);
    }
    sqlite3_close_v2(h);
    return problems;
}

Status Database::verifyFile(
    const QString& path, const SecureBytes& key, QStringList* problems, QString* databaseId, int* schemaVersion)
{
    QStringList found;
    sqlite3* h = nullptr;
    const QByteArray encoded = path.toUtf8();
    int rc = sqlite3_open_v2(encoded.constData(), &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, nullptr);
    auto fail = [&](int code) -> Status {
        const QString message = h ? QString::fromUtf8(sqlite3_errmsg(h)) : QString();
        sqlite3_close_v2(h);
        return sqliteError(code, tr("The copy of the database cannot be read"), message);
    };
    if (rc != SQLITE_OK)
        return fail(rc);
    const SecureBytes literal = SqlCipherDriver::rawKeyLiteral(key);
    rc = sqlite3_key(h, literal.data(), int(literal.size()));
    if (rc != SQLITE_OK)
        return fail(rc);
    auto each = [&](const char* sql, const std::function<void(sqlite3_stmt*)>& row) -> int {
        sqlite3_stmt* stmt = nullptr;
        int code = sqlite3_prepare_v2(h, sql, -1, &stmt, nullptr);
        if (code != SQLITE_OK)
            return sqlite3_extended_errcode(h);
        while ((code = sqlite3_step(stmt)) == SQLITE_ROW)
            row(stmt);
        const bool read = rowsFinished(stmt, code, QString()).ok();
        sqlite3_finalize(stmt);
        return read ? SQLITE_OK : sqlite3_extended_errcode(h);
    };
    int appId = 0;
    rc = each("PRAGMA application_id", [&](sqlite3_stmt* s) { appId = sqlite3_column_int(s, 0); });
    if (rc != SQLITE_OK)
        return fail(rc);
    if (appId != kApplicationId) {
        sqlite3_close_v2(h);
        return makeError(ErrorCode::NotBranchVault, tr("The file is a database, but not a BranchVault database."));
    }
    if (schemaVersion && (rc = each("PRAGMA user_version", [&](sqlite3_stmt* s) {
            *schemaVersion = sqlite3_column_int(s, 0);
        })) != SQLITE_OK)
        found << QString::fromUtf8(sqlite3_errstr(rc));
    if (databaseId && (rc = each("SELECT value FROM meta WHERE key = 'database_id'", [&](sqlite3_stmt* s) {
            *databaseId = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
        })) != SQLITE_OK)
        found << QString::fromUtf8(sqlite3_errstr(rc));
    rc = each("PRAGMA integrity_check", [&](sqlite3_stmt* s) {
        const QString line = QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
        if (line != QLatin1String("ok"))
            found << line;
    });
    if (rc != SQLITE_OK)
        found << QString::fromUtf8(sqlite3_errstr(rc));
    rc = each("PRAGMA cipher_integrity_check",
        [&](sqlite3_stmt* s) { found << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))); });
    if (rc != SQLITE_OK)
        found << QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_close_v2(h);
    if (problems)
        *problems = found;
    return {};
}

Status Database::backupTo(const QString& targetPath, const SecureBytes& key)
{
    if (!isOpen())
        return closedError();
    if (QFileInfo::exists(targetPath) || QFileInfo(targetPath).isSymLink())
        return makeError(ErrorCode::AlreadyExists,
            tr("A file already exists at %1. Choose another name for the copy.").arg(pathOrDir(targetPath)));
    if (const int error = createOwnerOnly(targetPath); error != 0)
        return AtomicFile::fromErrno(error, tr("The copy of the database could not be written"), targetPath);
    sqlite3* target = nullptr;
    const QByteArray encoded = targetPath.toUtf8();
    int rc = sqlite3_open_v2(
        encoded.constData(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE | SQLITE_OPEN_NOFOLLOW, nullptr);
    auto cleanup = [&](int code, const QString& message) -> Status {
        sqlite3_close_v2(target);
        for (const char* suffix : {"", "-journal", "-wal", "-shm"})
            QFile::remove(targetPath + QLatin1String(suffix));
        return sqliteError(code, tr("The copy of the database could not be written"),
            message.isEmpty() ? pathOrDir(targetPath)
                              : message + QStringLiteral(" (") + pathOrDir(targetPath) + QLatin1Char(')'));
    };
    if (rc != SQLITE_OK)
        return cleanup(rc, QString());
    sqlite3_exec(target, "PRAGMA cipher_log_level = NONE;", nullptr, nullptr, nullptr);
    if (!key.isEmpty()) {
        const SecureBytes literal = SqlCipherDriver::rawKeyLiteral(key);
        rc = sqlite3_key(target, literal.data(), int(literal.size()));
        if (rc != SQLITE_OK)
            return cleanup(rc, QString::fromUtf8(sqlite3_errmsg(target)));
    }
    rc = sqlite3_exec(target, "PRAGMA synchronous = FULL;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return cleanup(SqlCipherDriver::errorCode(target, SQLITE_ERROR), QString::fromUtf8(sqlite3_errmsg(target)));
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", handle(), "main");
    if (!backup)
        return cleanup(SqlCipherDriver::errorCode(target, SQLITE_ERROR), QString::fromUtf8(sqlite3_errmsg(target)));
    rc = sqlite3_backup_step(backup, -1);
    const int finished = sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return cleanup(SqlCipherDriver::errorCode(target, rc == SQLITE_OK ? SQLITE_ERROR : rc),
            QString::fromUtf8(sqlite3_errstr(rc)));
    if (finished != SQLITE_OK)
        return cleanup(SqlCipherDriver::errorCode(target, finished), QString::fromUtf8(sqlite3_errmsg(target)));
    // the copy carries the source's WAL flag in its header: it becomes a standalone rollback-journal file
    rc = sqlite3_exec(target, "PRAGMA journal_mode = DELETE;", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return cleanup(SqlCipherDriver::errorCode(target, SQLITE_ERROR), QString::fromUtf8(sqlite3_errmsg(target)));
    rc = sqlite3_close(target);
    target = nullptr;
    if (rc != SQLITE_OK)
        return cleanup(SqlCipherDriver::errorCode(target, rc), QString());
    errno = 0;
    if (!AtomicFile::syncPath(targetPath)) {
        const int error = errno != 0 ? errno : EIO;
        QFile::remove(targetPath);
        return AtomicFile::fromErrno(error, tr("The copy of the database could not be written"), targetPath);
    }
    return {};
}

Status Database::replaceWith(
    const QString& copy, const SecureBytes& currentKey, const SecureBytes& newKey, bool* swapped)
{
    *swapped = false;
    if (inTransaction())
        return makeError(ErrorCode::Internal, tr("The database file cannot be replaced inside a transaction."));
    // The WAL is merged first (its own error, e.g. a full disk, if it cannot be); closing the only connection
    // then removes it.
    if (Status merged = checkpoint(); !merged.ok()) {
        QFile::remove(copy);
        return merged;
    }
    disconnect();
    auto putBack = [&](const Error& why) -> Status {
        QFile::remove(copy);
        // the file was not touched: opening it again can only meet a passing fault, so it is tried twice
        if (!connect(currentKey, Mode::OpenExisting).ok())
            BV_TRY(connect(currentKey, Mode::OpenExisting));
        return why;
    };
    const QString wal = m_path + QStringLiteral("-wal");
    if (QFileInfo(wal).size() > 0)
        return putBack(makeError(ErrorCode::Io,
            tr("The database's journal could not be merged into the file, so the file was not replaced. "
               "Check the disk and try again."),
            pathOrDir(wal)));
    QFile::remove(wal);
    QFile::remove(m_path + QStringLiteral("-shm"));
    const QByteArray from = QFile::encodeName(copy);
    const QByteArray to = QFile::encodeName(m_path);
    if (::rename(from.constData(), to.constData()) != 0)
        return putBack(AtomicFile::fromErrno(errno, tr("Putting the re-encrypted database in place"), m_path));
    *swapped = true;
    const QString folder = QFileInfo(m_path).absolutePath();
    errno = 0;
    if (!AtomicFile::syncPath(folder) && !AtomicFile::syncPath(folder)) {
        const int error = errno != 0 ? errno : EIO;
        if (!connect(newKey, Mode::OpenExisting).ok())
            (void)connect(newKey, Mode::OpenExisting);
        return AtomicFile::fromErrno(error, tr("Flushing the database folder"), folder);
    }
    if (connect(newKey, Mode::OpenExisting).ok())
        return {};
    return connect(newKey, Mode::OpenExisting);
}

qint64 Database::sizeOnDisk() const
{
    return QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
}

qint64 Database::freeBytes(const QString& folder)
{
#ifdef Q_OS_UNIX
    struct statvfs info;
    const QByteArray encoded = QFile::encodeName(folder);
    if (::statvfs(encoded.constData(), &info) != 0)
        return -1;
    return qint64(info.f_bavail) * qint64(info.f_frsize);
#else
    Q_UNUSED(folder);
    return -1;
#endif
}

} // namespace bv
