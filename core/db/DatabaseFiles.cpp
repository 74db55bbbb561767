// Database: the file as a whole — integrity checks, the WAL checkpoint, reading a copy, backup, the swap of a key
// rotation, sizes on disk — and the file helpers opening shares (core/internal/db/DatabaseFiles.h).
#include "core/internal/db/Database.h"

#include "core/common/AtomicFile.h"
#include "core/internal/db/DatabaseFiles.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/SqlCipherDriver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <functional>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/statvfs.h>
#include <unistd.h>
#endif

namespace bv {

namespace dbfiles {

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

} // namespace dbfiles

using dbfiles::createOwnerOnly;
using dbfiles::pathOrDir;

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
