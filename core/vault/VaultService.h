#pragma once

#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/db/DatabaseOptions.h"
#include "core/keys/KdfParams.h"
#include "core/vault/BackupArchive.h"
#include "core/vault/Vault.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

namespace bv {

class KeyEnvelope;
class KeyMaterial;

class SecretStore;

// Front door of the storage layer: creates, opens and unlocks the encrypted database, rotates its
// keys, and verifies it. UI and CLI call this; nothing else opens a Database.
//
// Key custody: the key material lives in the OS keychain (SecretStore) under
// "database/<database id>", and wrapped for the recovery passphrase in the key envelope beside the
// database. Unlock order: keychain, else recovery passphrase (which then stores the key in this OS
// account's keychain). A missing or wrong key never leads to creating a database, and a database
// that fails to open is never modified.
class VaultService
{
    Q_DECLARE_TR_FUNCTIONS(VaultService)
public:
    using Progress = std::function<void(qint64 done, qint64 total)>;

    explicit VaultService(SecretStore& store, const Clock& clock = Clock::system());

    void setRecoveryKdf(const KdfParams& params) { m_kdf = params; }
    void setDatabaseOptions(const DatabaseOptions& options) { m_options = options; }
    SecretStore& secretStore() { return m_store; }
    const Clock& clock() const { return m_clock; }

    // Where the database lives when no path is given: the per-user application data folder.
    static QString defaultDatabasePath();

    static QString keychainName(const QString& databaseId) { return QStringLiteral("database/") + databaseId; }
    static QString pendingKeychainName(const QString& databaseId)
    {
        return QStringLiteral("database/") + databaseId + QStringLiteral("/next");
    }

    struct Created
    {
        std::unique_ptr<Vault> vault;
        SecureBytes recoveryPassphrase; // grouped form, shown once
    };
    // Creates a new database, its key material, envelope and keychain entry. Refuses to touch an
    // existing file.
    Result<Created> init(const QString& path);

    enum class OpenPurpose
    {
        Use, // everything: the key envelope must be in order
        Repair, // verification and envelope repair: a missing or damaged envelope does not stop the open
                // when this account's keychain key opens the database (Vault::envelopeProblem says what)
    };
    // Opens with the key from this OS account's keychain. First finishes an interrupted restore, settles
    // an interrupted key rotation and removes what interrupted operations left behind.
    Result<std::unique_ptr<Vault>> open(const QString& path, OpenPurpose purpose = OpenPurpose::Use);

    struct Unlocked
    {
        std::unique_ptr<Vault> vault;
        Status keychainStatus; // storing the key into the keychain may fail (keychain unavailable)
    };
    // Opens with the recovery passphrase (as typed) and stores the key into this account's keychain.
    Result<Unlocked> unlock(const QString& path, const SecureBytes& typedPassphrase);

    // Rotates the database key and the wrapping key of the key material (the customer keys live in key
    // slots, which only key holders open; they are not rotated here). Crash-safe: see KeyRotation.
    Status rekey(Vault& vault, const Progress& progress = {});

    // Writes an encrypted, integrity-checked backup (see BackupArchive).
    Result<BackupArchive::Written> backup(Vault& vault, const QString& outFile);
    // Restores a backup over `path` (see BackupArchive); `typedPassphrase` may be null.
    Result<BackupArchive::Restored> restore(const QString& path, const QString& backupFile,
        const SecureBytes* typedPassphrase, const BackupArchive::Acceptance& acceptance = {});

    struct VerifyReport
    {
        QStringList problems; // empty when everything is healthy
        QStringList notices; // worth knowing, not a fault (e.g. a recovery slot waiting for a key holder)
        bool ok() const { return problems.isEmpty(); }
    };
    // integrity_check + cipher_integrity_check + envelope and keyring consistency.
    Result<VerifyReport> verify(Vault& vault);

    // Writes a new key envelope with a new recovery passphrase for a database whose envelope is missing or
    // damaged, after the database passed its integrity check with this computer's key. The old envelope is
    // kept as <envelope>.damaged-<time>. Returns the new passphrase (grouped form, shown once).
    Result<SecureBytes> repairEnvelope(Vault& vault);

    // Finishes or rolls back an interrupted key rotation, by the key that opened the database.
    Status settleRotation(Vault& vault, KeyEnvelope& envelope);

    // Files beside the database that interrupted operations leave behind (re-encrypted copies, extracted
    // backups, temporary envelopes); removed at every open, while the lock is held.
    static QStringList leftovers(const QString& databasePath);

    // Loads and checks the envelope beside `path`.
    Result<KeyEnvelope> loadEnvelope(const QString& path) const;
    // Opens with explicit key material (used by open/unlock/restore); tells "wrong key" from "damaged".
    Result<std::unique_ptr<Vault>> openWith(
        const QString& path, const KeyEnvelope& envelope, const KeyMaterial& material);

private:
    Status prepareOpen(const QString& absolute);
    // The staff keys (second-factor seeds); for a database of release 0.1 they are created here.
    Status loadStaffKeys(Vault& vault, const KeyEnvelope* envelope);
    Result<std::unique_ptr<Vault>> openWithoutEnvelope(const QString& absolute, const Error& envelopeError);
    Error explainOpenFailure(
        const QString& path, const KeyEnvelope& envelope, const KeyMaterial& material, const Error& original) const;

    SecretStore& m_store;
    const Clock& m_clock;
    KdfParams m_kdf = KdfParams::recoveryDefault();
    DatabaseOptions m_options;
};

} // namespace bv
