#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Clock.h"
#include "core/common/Result.h"

#include <QCoreApplication>

#include <functional>

namespace bv {

class KeyEnvelope;
class KeyMaterial;
class SecretStore;
class Vault;

// Rotation of the key material of a database (branchvault-cli rekey): the SQLCipher key and the wrapping
// key, which wraps the staff keys (and a release-0.1 database's customer keys until they move into key
// slots). The customer field and blind-index keys live in key slots that only key holders open, so an
// administrator's rotation leaves them and every sealed value as they are.
//
// The database file is never re-encrypted in place (SQLCipher's PRAGMA rekey can report success
// after its page loop failed, leaving a file under neither key). Instead:
//   0. preflight: no transaction, envelope matches, free space for a full copy, a fresh integrity check
//   1. envelope gets a "pending" slot for the next key material M2 (atomic file replace) — from here on
//      the envelope itself records that a rotation is under way
//   2. M2 → keychain entry "…/next"
//   3. one transaction: the keys M1 wraps (staff keyring, legacy keyring) wrapped by M2 as well
//   4. a copy of the whole database encrypted with M2 (online backup API), flushed, and checked page by
//      page with M2 (integrity_check + cipher_integrity_check) before anything depends on it
//   5. swap: the connection is closed, the copy renamed over the file in one step, the folder flushed,
//      and the file opened with M2
//   6. settle: keychain main entry = M2; envelope: pending becomes current; M1's keyring rows and
//      "…/next" removed
// Until 5 the file is the old one under M1, so a failure rolls back; after 5 the file is the verified
// copy under M2, so the next open completes. At every moment the keychain (main or "…/next") and the
// recovery passphrase (current or pending slot) hold the key that opens the file. settle() decides by
// the key that actually opened the file (its key-check value), never by which keychain entry held it.
class KeyRotation
{
    Q_DECLARE_TR_FUNCTIONS(KeyRotation)
public:
    KeyRotation(SecretStore& store, const Clock& clock);

    Status rotate(Vault& vault, const std::function<void(qint64, qint64)>& progress);
    // Completes (the file opened with the pending key) or rolls back (it opened with the current key)
    // an interrupted rotation after a successful open, and removes what the rotation left behind.
    Status settle(Vault& vault, KeyEnvelope& envelope);

    // Names of the re-encrypted copy (step 4) beside the database; leftovers are removed at the next open.
    static QString copyPrefix(const QString& databasePath) { return databasePath + QStringLiteral(".rekey-"); }

    // For the crash-safety test: stop after the given step (1..5) as if the process had died.
    void setStopAfterStepForTesting(int step) { m_stopAfter = step; }

private:
    Status preflight(Vault& vault);
    Status undo(Vault& vault, KeyEnvelope& envelope, const KeyMaterial& next, const Error& cause);

    SecretStore& m_store;
    const Clock& m_clock;
    int m_stopAfter = 0;
};

} // namespace bv
