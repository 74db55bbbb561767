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

-- Every grade-1 value, sealed at field level (core/keys/SealedValues): XChaCha20-Poly1305 with
-- associated data "bv1|owner_kind|owner_id|field"; beside it the masked form for display and a keyed
-- blind index of the normalised value for exact lookup. Opening this file with the database key alone
-- shows no full ID number, phone or account number.
CREATE TABLE sealed_value (
    owner_kind   TEXT NOT NULL,
    owner_id     INTEGER NOT NULL,
    field        TEXT NOT NULL,
    generation   INTEGER NOT NULL,
    sealed       BLOB NOT NULL,
    masked       TEXT NOT NULL,
    blind_domain TEXT,
    blind        BLOB,
    PRIMARY KEY (owner_kind, owner_id, field)
) STRICT, WITHOUT ROWID;
CREATE INDEX sealed_value_blind ON sealed_value (blind_domain, blind) WHERE blind IS NOT NULL;
)sql"))},
    };
    return migrations;
}

} // namespace bv
