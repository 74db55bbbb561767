#include "core/common/AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <stdio.h> // renameat2 (glibc 2.28)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bv {

Error AtomicFile::fromErrno(int error, const QString& context, const QString& path)
{
    const QString detail
        = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(strerror(error)));
    switch (error) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return makeError(
            ErrorCode::DiskFull, tr("%1: the disk is full. Free some space and try again.").arg(context), detail);
    case EROFS:
    case EACCES:
    case EPERM:
        return makeError(ErrorCode::ReadOnly,
            tr("%1: the location is read-only for this user. Choose a writable folder or fix the "
               "permissions.")
                .arg(context),
            detail);
    default:
        return makeError(
            ErrorCode::Io, tr("%1: the file could not be written. Check the disk and try again.").arg(context), detail);
    }
}

bool AtomicFile::syncPath(const QString& path)
{
#ifdef Q_OS_UNIX
    const QByteArray encoded = QFile::encodeName(path);
    const int fd = ::open(encoded.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
#else
    Q_UNUSED(path);
    return true;
#endif
}

Status AtomicFile::write(const QString& path, const QByteArray& data)
{
    const QFileInfo info(path);
    const QString context = tr("Writing %1").arg(info.fileName());
    const QString temp = info.absolutePath() + QStringLiteral("/.") + info.fileName()
        + QStringLiteral(".tmp-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
#ifdef Q_OS_UNIX
    const QByteArray encodedTemp = QFile::encodeName(temp);
    const int fd = ::open(encodedTemp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return fromErrno(errno, context, temp);
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ::close(fd);
            ::unlink(encodedTemp.constData());
            return fromErrno(error, context, path);
        }
        written += n;
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        ::unlink(encodedTemp.constData());
        return fromErrno(error, context, path);
    }
    ::close(fd);
    const QByteArray encodedPath = QFile::encodeName(info.absoluteFilePath());
    if (::rename(encodedTemp.constData(), encodedPath.constData()) != 0) {
        const int error = errno;
        ::unlink(encodedTemp.constData());
        return fromErrno(error, context, path);
    }
    errno = 0;
    if (!syncPath(info.absolutePath()))
        return fromErrno(errno != 0 ? errno : EIO, context, info.absolutePath());
    return {};
#else
    QFile file(temp);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return makeError(ErrorCode::Io, tr("%1: the file could not be written.").arg(context), file.errorString());
    if (file.write(data) != data.size() || !file.flush()) {
        file.remove();
        return makeError(ErrorCode::Io, tr("%1: the file could not be written.").arg(context), file.errorString());
    }
    file.close();
    QFile::remove(path + QStringLiteral(".old"));
    if (QFile::exists(path) && !QFile::rename(path, path + QStringLiteral(".old"))) {
        QFile::remove(temp);
        return makeError(ErrorCode::Io, tr("%1: the file could not be replaced.").arg(context));
    }
    if (!QFile::rename(temp, path)) {
        QFile::rename(path + QStringLiteral(".old"), path);
        return makeError(ErrorCode::Io, tr("%1: the file could not be replaced.").arg(context));
    }
    QFile::remove(path + QStringLiteral(".old"));
    return {};
#endif
}

// Renames `from` to `to` unless `to` exists, atomically where the system can: renameat2 with
// RENAME_NOREPLACE, else a hard link and unlink (both refuse an existing name in the kernel). Only on a
// file system with neither (or off Linux) is it QFile::rename, which checks and renames in two steps.
// Returns 0, EEXIST when `to` exists, or another errno.
int AtomicFile::renameNoReplace(const QString& from, const QString& to)
{
#ifdef Q_OS_LINUX
    const QByteArray source = QFile::encodeName(from);
    const QByteArray target = QFile::encodeName(to);
    if (::renameat2(AT_FDCWD, source.constData(), AT_FDCWD, target.constData(), RENAME_NOREPLACE) == 0)
        return 0;
    int error = errno;
    if (error != EINVAL && error != ENOSYS && error != EOPNOTSUPP)
        return error;
    if (::link(source.constData(), target.constData()) == 0) {
        ::unlink(source.constData());
        return 0;
    }
    error = errno;
    if (error != EPERM && error != EOPNOTSUPP && error != ENOSYS)
        return error;
#endif
    if (QFileInfo::exists(to) || QFileInfo(to).isSymLink())
        return EEXIST;
    return QFile::rename(from, to) ? 0 : (QFileInfo::exists(to) ? EEXIST : EIO);
}

Status AtomicFile::checkNew(const QString& path, const QString& field)
{
    const QFileInfo target(path);
    if (path.trimmed().isEmpty() || target.fileName().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Choose a file name."), QString(), field);
    if (target.exists() || target.isSymLink())
        return makeError(ErrorCode::AlreadyExists,
            tr("The file %1 already exists, and BranchVault never overwrites a file. Choose another file "
               "name, or move the existing file away first.")
                .arg(target.fileName()),
            QDir::toNativeSeparators(target.absoluteFilePath()), field);
    if (!QFileInfo(target.absolutePath()).isDir())
        return makeError(ErrorCode::NotFound,
            tr("The folder for %1 does not exist. Choose an existing folder.").arg(target.fileName()),
            QDir::toNativeSeparators(target.absolutePath()), field);
    return {};
}

Status AtomicFile::writeNew(const QString& path, const QString& field, const std::function<Status(QFile&)>& fill)
{
    BV_TRY(checkNew(path, field));
    const QFileInfo target(path);
    const QString name = target.fileName();
    const QString context = tr("Writing %1").arg(name);
    auto taken = [&]() {
        return makeError(ErrorCode::AlreadyExists,
            tr("The file %1 was created by someone else meanwhile, and BranchVault never overwrites a "
               "file. Choose another file name and try again.")
                .arg(name),
            QDir::toNativeSeparators(target.absoluteFilePath()), field);
    };
    // The new name is made durable; if it cannot be, the file is reported as failed and its name does not
    // stay: a caller never finds a file it was told had failed.
    auto flushNamed = [&]() -> Status {
        errno = 0;
        if (syncPath(target.absolutePath()))
            return {};
        const int error = errno != 0 ? errno : EIO;
        QFile::remove(target.absoluteFilePath());
        return fromErrno(error, context, target.absolutePath());
    };
#ifdef Q_OS_LINUX
    // An unnamed file in the target folder: an interrupted write leaves nothing behind at all. It gets its
    // name only when complete and flushed, and linkat() refuses an existing name in the kernel.
    {
        const QByteArray folder = QFile::encodeName(target.absolutePath());
        const int fd = ::open(folder.constData(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
        if (fd >= 0) {
            QFile file;
            if (!file.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
                ::close(fd);
                return fromErrno(EIO, context, path);
            }
            Status filled = fill(file);
            errno = 0;
            if (filled.ok() && !file.flush())
                filled = fromErrno(errno != 0 ? errno : EIO, context, path);
            if (filled.ok() && ::fsync(fd) != 0)
                filled = fromErrno(errno, context, path);
            if (filled.ok()) {
                const QByteArray proc = "/proc/self/fd/" + QByteArray::number(fd);
                const QByteArray finalName = QFile::encodeName(target.absoluteFilePath());
                if (::linkat(AT_FDCWD, proc.constData(), AT_FDCWD, finalName.constData(), AT_SYMLINK_FOLLOW) != 0)
                    filled = errno == EEXIST ? Status(taken()) : Status(fromErrno(errno, context, path));
            }
            file.close();
            if (!filled.ok())
                return filled;
            return flushNamed();
        }
        // file systems without unnamed files (FAT, some network file systems) take the named way below
    }
#endif
    const QString tempPath = target.absolutePath() + QStringLiteral("/.") + name
        + QStringLiteral(".part-%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    QFile file(tempPath);
    errno = 0;
    // Owner-only from the start: nobody else can open the file while it is being written.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fromErrno(errno != 0 ? errno : EIO, context, tempPath);
    Status filled = fill(file);
    errno = 0;
    const bool flushed = filled.ok() && file.flush();
    const int flushError = errno;
    file.close();
    if (!filled.ok()) {
        QFile::remove(tempPath);
        return filled;
    }
    if (!flushed) {
        QFile::remove(tempPath);
        return fromErrno(flushError != 0 ? flushError : EIO, context, tempPath);
    }
    errno = 0;
    if (!syncPath(tempPath)) {
        const int error = errno != 0 ? errno : EIO;
        QFile::remove(tempPath);
        return fromErrno(error, context, tempPath);
    }
    const int moved = renameNoReplace(tempPath, target.absoluteFilePath());
    if (moved != 0) {
        QFile::remove(tempPath);
        if (moved == EEXIST)
            return taken();
        return makeError(ErrorCode::Io,
            tr("%1: the finished file could not be renamed to its name. Check the folder and try again.").arg(context),
            QDir::toNativeSeparators(target.absoluteFilePath()));
    }
    return flushNamed();
}

Status AtomicFile::writeNew(const QString& path, const QString& field, const QByteArray& data)
{
    return writeNew(path, field, [&](QFile& file) -> Status {
        errno = 0;
        if (file.write(data) != data.size())
            return fromErrno(
                errno != 0 ? errno : EIO, tr("Writing %1").arg(QFileInfo(path).fileName()), file.fileName());
        return {};
    });
}

} // namespace bv
