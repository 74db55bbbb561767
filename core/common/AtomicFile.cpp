#include "AtomicFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_UNIX
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace bv {

Error AtomicFile::fromErrno(int error, const QString& context, const QString& path)
{
    const QString detail = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(path), QString::fromLocal8Bit(strerror(error)));
    switch (error) {
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
        return makeError(ErrorCode::DiskFull, tr("%1: the disk is full. Free some space and try again.").arg(context),
                         detail);
    case EROFS:
    case EACCES:
    case EPERM:
        return makeError(ErrorCode::ReadOnly,
                         tr("%1: the location is read-only for this user. Choose a writable folder or fix the "
                            "permissions.")
                             .arg(context),
                         detail);
    default:
        return makeError(ErrorCode::Io, tr("%1: the file could not be written. Check the disk and try again.").arg(context),
                         detail);
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
    syncPath(info.absolutePath());
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

} // namespace bv
