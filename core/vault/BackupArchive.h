#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <functional>
#include <memory>

namespace bv {

class Vault;
class VaultService;

// Backup files (branchvault-cli backup / restore). One file holds everything needed to bring the
// database back on another machine with the recovery passphrase:
//
//   "BVBACKUP" | u32 version | u32 manifest length | manifest (JSON) | payload | checksum | MAC
//
// payload  — a copy of the encrypted database made with SQLite's online backup API (still
//            encrypted with the database key), checked with integrity_check and
//            cipher_integrity_check before it is written;
// manifest — database id, schema version, payload size, the key envelope (key material wrapped
//            for the recovery passphrase) and the key-check value;
// checksum — BLAKE2b-256 over everything before it: tells a damaged or truncated file without keys;
// MAC      — keyed BLAKE2b-256 (subkey of the wrapping key) over everything before it: tells a
//            file that was altered on purpose.
//
// Restore verifies the whole file, extracts and checks the payload beside the database, and only
// then moves the current database aside (kept as <db>.before-restore-<time>); if the restored
// database does not open, the current one is put back.
class BackupArchive
{
    Q_DECLARE_TR_FUNCTIONS(BackupArchive)
public:
    struct Written
    {
        QString path;
        qint64 bytes = 0;
        QString databaseId;
    };
    static Result<Written> write(Vault& vault, const QString& outFile, const Clock& clock);

    struct Restored
    {
        std::unique_ptr<Vault> vault;
        QString previousSavedAs; // empty if there was no database at the target path
        Status keychainStatus;
    };
    // Runs on the restored database, opened where it was extracted, before anything is swapped: a
    // front end signs in with an administrator account *of the backup* and records the restore in its
    // audit log. An error aborts the restore with nothing changed.
    using Acceptance = std::function<Status(Vault& restored)>;

    // `typedPassphrase` may be null: then the backup's key must be in this account's keychain.
    static Result<Restored> restore(VaultService& service, const QString& databasePath, const QString& backupFile,
        const SecureBytes* typedPassphrase, const Acceptance& acceptance = {});

    // Reads and checks the manifest and the checksum (no keys needed): Damaged / NotBranchVault.
    static Result<QJsonObject> inspect(const QString& backupFile);
};

} // namespace bv
