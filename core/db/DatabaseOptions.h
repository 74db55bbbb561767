#pragma once

#include <QtCore/qcontainerfwd.h>

namespace bv {

struct Migration;
using MigrationList = QList<Migration>;

// How Database::open sets up a connection (Database::Options). Its own header so that VaultService, a front
// door, can carry the benchmark's choices without its users seeing the engine.
struct DatabaseOptions
{
    bool memorySecurity = false; // PRAGMA cipher_memory_security (see docs/PERFORMANCE.md)
    bool plaintext = false; // benchmark baseline only: SQLCipher without a key
    int cacheSizeKiB = 65536; // PRAGMA cache_size = -cacheSizeKiB (docs/PERFORMANCE.md)
    const MigrationList* migrations = nullptr; // default: schemaMigrations()
};

} // namespace bv
