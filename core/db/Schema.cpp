#include "Migration.h"

namespace bv {

// BranchVault's schema as numbered migrations. Never edit a step that has shipped; add a new one.
const MigrationList& schemaMigrations()
{
    static const MigrationList migrations = {
        {1, QStringLiteral("database identity and wrapped keys"), sqlMigration(QStringLiteral(R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;

-- Field-encryption and blind-index keys, each wrapped (XChaCha20-Poly1305) by the wrapping key held
-- in the keychain / key envelope. kek_id names the wrapping key (a keyed hash of it), so rows
-- wrapped by a retired wrapping key are recognised and removed after a rotation.
CREATE TABLE keyring (
    purpose    TEXT NOT NULL CHECK (purpose IN ('field', 'index')),
    kek_id     TEXT NOT NULL,
    generation INTEGER NOT NULL,
    nonce      BLOB NOT NULL,
    wrapped    BLOB NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (purpose, kek_id)
) STRICT;
)sql"))},
    };
    return migrations;
}

} // namespace bv
