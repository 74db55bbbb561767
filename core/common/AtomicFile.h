#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <functional>

class QFile;

namespace bv {

class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)
public:
    // Writes `data` to a temporary file beside `path`, flushes it to disk, renames it over `path` and
    // flushes the folder: a crash leaves either the old or the new file, never a mix.
    static Status write(const QString& path, const QByteArray& data);
    // For a file that must be new (exports, reports, checkpoints): refuses an existing name (or a link) and
    // a folder that does not exist. `field` names the input or option the message is about.
    static Status checkNew(const QString& path, const QString& field);
    // Writes a new file through `fill` into a hidden, owner-only temporary file beside `path`, flushes it
    // to disk and renames it to `path` only while that name is still free: an existing file is never
    // replaced and an interrupted write never leaves a partial file under the name.
    static Status writeNew(const QString& path, const QString& field, const std::function<Status(QFile&)>& fill);
    static Status writeNew(const QString& path, const QString& field, const QByteArray& data);
    // Renames without ever replacing `to`: 0, EEXIST when `to` exists, or another errno.
    static int renameNoReplace(const QString& from, const QString& to);
    // Maps errno of a failed file operation to an Error (disk full, read-only, other).
    static Error fromErrno(int error, const QString& context, const QString& path);
    // fsync of a file or folder (best effort for folders on systems without it).
    static bool syncPath(const QString& path);
};

} // namespace bv
