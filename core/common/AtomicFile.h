#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace bv {

class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)
public:
    // Writes `data` to a temporary file beside `path`, flushes it to disk, renames it over `path` and
    // flushes the folder: a crash leaves either the old or the new file, never a mix.
    static Status write(const QString& path, const QByteArray& data);
    // Maps errno of a failed file operation to an Error (disk full, read-only, other).
    static Error fromErrno(int error, const QString& context, const QString& path);
    // fsync of a file or folder (best effort for folders on systems without it).
    static bool syncPath(const QString& path);
};

} // namespace bv
