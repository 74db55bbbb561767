// Database: opening the file (checks, lock, key probe, pragmas, migrations) and the errors of the engine.
#include "core/internal/db/Database.h"

#include "core/common/AtomicFile.h"
#include "core/internal/common/HeapRelease.h"
#include "core/internal/db/DatabaseFiles.h"
#include "core/internal/db/SqlCipherDriver.h"
#include "core/internal/db/Transaction.h"

#include <QAtomicInt>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSqlError>

#include <sqlite3.h>

#include <cerrno>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <unistd.h>
#endif

namespace bv {

using dbfiles::createOwnerOnly;
using dbfiles::pathOrDir;

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
    const HeapRelease released; // the page cache and the statements freed by the close go back to the system
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

} // namespace bv
