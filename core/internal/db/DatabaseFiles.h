#pragma once

#include "core/internal/InternalOnly.h"

#include <QString>

// File helpers shared by Database's opening (core/db/Database.cpp) and its file operations
// (core/db/DatabaseFiles.cpp).
namespace bv::dbfiles {

// A path as the user's platform writes it, for messages.
QString pathOrDir(const QString& path);

// Creates an empty, owner-only file that must not exist yet (not even as a dangling link): SQLite then
// opens it as an empty database, and its journal and WAL inherit the owner-only mode. 0 or errno.
int createOwnerOnly(const QString& path);

} // namespace bv::dbfiles
