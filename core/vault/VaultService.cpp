#include "VaultService.h"

#include "KeyRotation.h"
#include "common/Sodium.h"
#include "db/Transaction.h"
#include "keys/Keyring.h"
#include "keys/RecoveryPassphrase.h"
#include "keys/SecretStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUuid>

namespace bv {

namespace {

void removeCreatedDatabase(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(absolute + QLatin1String(suffix));
}

} // namespace

VaultService::VaultService(SecretStore& store, const Clock& clock)
    : m_store(store)
    , m_clock(clock)
{
}

QString VaultService::defaultDatabasePath()
{
    QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (folder.isEmpty())
        folder = QDir::homePath();
    return folder + QStringLiteral("/branchvault/branch.bvdb");
}

Result<KeyEnvelope> VaultService::loadEnvelope(const QString& path) const
{
    return KeyEnvelope::load(KeyEnvelope::pathFor(QFileInfo(path).absoluteFilePath()));
}

Result<VaultService::Created> VaultService::init(const QString& path)
{
    if (!ensureSodium())
        return makeError(ErrorCode::SelfCheckFailed, tr("The cryptography library could not be initialised."));
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString envelopePath = KeyEnvelope::pathFor(absolute);
    if (QFileInfo::exists(absolute) || QFileInfo::exists(envelopePath))
        return makeError(ErrorCode::AlreadyExists,
            tr("A database or key envelope already exists at %1. BranchVault never overwrites them; "
               "open the existing database, or choose another location.")
                .arg(QDir::toNativeSeparators(absolute)));

    KeyMaterial material = KeyMaterial::generate();
    const QString databaseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    SecureBytes passphrase = RecoveryPassphrase::generate();
    auto normalized = RecoveryPassphrase::normalize(passphrase);
    if (!normalized.ok())
        return normalized.error();
    auto envelope = KeyEnvelope::create(databaseId, *normalized, m_kdf, material);
    if (!envelope.ok())
        return envelope.error();

    // The keychain first: if it is unavailable, nothing is created.
    BV_TRY(m_store.write(keychainName(databaseId), material.serialize()));

    auto db = Database::open(absolute, material.databaseKey(), Database::Mode::CreateNew, m_options);
    if (!db.ok()) {
        (void)m_store.remove(keychainName(databaseId));
        return db.error();
    }
    FieldKeys keys = FieldKeys::generate(1);
    Status stored;
    {
        Transaction tx(**db);
        stored = tx.ok() ? Status() : Status(tx.error());
        const QDateTime now = m_clock.nowUtc();
        for (const auto& [key, value] : {std::pair {QStringLiteral("database_id"), databaseId},
                 std::pair {QStringLiteral("created_at"), now.toString(Qt::ISODateWithMs)},
                 std::pair {QStringLiteral("created_by_version"), QStringLiteral(BV_VERSION)}}) {
            if (!stored.ok())
                break;
            auto q = (*db)->query(QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"), {key, value});
            if (!q.ok())
                stored = q.error();
        }
        if (stored.ok())
            stored = Keyring::store(**db, material, keys, now);
        if (stored.ok())
            stored = tx.commit();
    }
    if (stored.ok())
        stored = envelope->save(envelopePath);
    if (!stored.ok()) {
        db->reset();
        removeCreatedDatabase(absolute);
        QFile::remove(envelopePath);
        (void)m_store.remove(keychainName(databaseId));
        return stored.error();
    }

    std::unique_ptr<Vault> vault(new Vault);
    vault->m_db = std::move(db).value();
    vault->m_databaseId = databaseId;
    vault->m_material = std::move(material);
    vault->m_cipher = FieldCipher(std::move(keys));
    return Created {std::move(vault), std::move(passphrase)};
}

Error VaultService::explainOpenFailure(
    const QString& path, const KeyEnvelope& envelope, const KeyMaterial& material, const Error& original) const
{
    if (original.code != ErrorCode::WrongKey)
        return original;
    if (envelope.matchesCurrent(material) || envelope.matchesPending(material)) {
        // The key is the right one (its key-check value matches), so the file itself is damaged.
        const QStringList problems = Database::cipherIntegrityProblems(path, material.databaseKey());
        QString detail = problems.isEmpty() ? tr("the first page cannot be decrypted")
                                            : problems.mid(0, 5).join(QStringLiteral("; "));
        if (problems.size() > 5)
            detail += tr("; and %1 more").arg(problems.size() - 5);
        return makeError(ErrorCode::Damaged,
            tr("The database file is damaged: the key is right, but pages of the file fail their "
               "integrity check. Restore the latest backup (branchvault-cli restore); the damaged file "
               "was not changed."),
            detail);
    }
    return makeError(ErrorCode::WrongKey,
        tr("The key does not open this database: it belongs to another database, or it is an old key that "
           "has since been changed. Unlock with this database's recovery passphrase (branchvault-cli "
           "unlock)."),
        original.detail);
}

Result<std::unique_ptr<Vault>> VaultService::openWith(
    const QString& path, const KeyEnvelope& envelope, const KeyMaterial& material)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    auto db = Database::open(absolute, material.databaseKey(), Database::Mode::OpenExisting, m_options);
    if (!db.ok())
        return explainOpenFailure(absolute, envelope, material, db.error());
    auto storedId = (*db)->scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'database_id'"));
    if (!storedId.ok())
        return storedId.error();
    if (storedId->toString() != envelope.databaseId())
        return makeError(ErrorCode::NotBranchVault,
            tr("The key envelope beside the database belongs to another database. Put this database's "
               "own envelope beside it (it is in every backup)."));
    auto keys = Keyring::load(**db, material);
    if (!keys.ok())
        return keys.error();
    std::unique_ptr<Vault> vault(new Vault);
    vault->m_db = std::move(db).value();
    vault->m_databaseId = envelope.databaseId();
    vault->m_material = material.clone();
    vault->m_cipher = FieldCipher(std::move(keys).value());
    return vault;
}

Result<std::unique_ptr<Vault>> VaultService::open(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute))
        return makeError(ErrorCode::NotFound,
            tr("There is no BranchVault database at %1. Choose the right file, or create a new database "
               "with \"branchvault-cli init\".")
                .arg(QDir::toNativeSeparators(absolute)));
    auto envelope = loadEnvelope(absolute);
    if (!envelope.ok())
        return envelope.error();
    auto stored = m_store.read(keychainName(envelope->databaseId()));
    if (!stored.ok()) {
        if (stored.error().code == ErrorCode::KeyMissing)
            return makeError(ErrorCode::KeyMissing,
                tr("The key of this database is not in this computer's keychain (for example after the "
                   "workstation was re-imaged or for a new OS account). Unlock it once with the recovery "
                   "passphrase: branchvault-cli unlock --db %1")
                    .arg(QDir::toNativeSeparators(absolute)));
        return stored.error();
    }
    auto material = KeyMaterial::deserialize(*stored);
    if (!material.ok())
        return material.error();

    auto vault = openWith(absolute, *envelope, *material);
    if (vault.ok()) {
        if (envelope->hasPending())
            BV_TRY(settleRotation(**vault, *envelope, false));
        return vault;
    }
    if (envelope->hasPending() && vault.error().code != ErrorCode::InUse) {
        // An interrupted rotation may have re-keyed the database already: try the next key.
        auto pendingStored = m_store.read(pendingKeychainName(envelope->databaseId()));
        if (pendingStored.ok()) {
            auto pending = KeyMaterial::deserialize(*pendingStored);
            if (pending.ok()) {
                auto second = openWith(absolute, *envelope, *pending);
                if (second.ok()) {
                    BV_TRY(settleRotation(**second, *envelope, true));
                    return second;
                }
            }
        }
    }
    return vault.error();
}

Result<VaultService::Unlocked> VaultService::unlock(const QString& path, const SecureBytes& typedPassphrase)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute))
        return makeError(ErrorCode::NotFound,
            tr("There is no BranchVault database at %1. Restore it from a backup first "
               "(branchvault-cli restore).")
                .arg(QDir::toNativeSeparators(absolute)));
    auto normalized = RecoveryPassphrase::normalize(typedPassphrase);
    if (!normalized.ok())
        return normalized.error();
    auto envelope = loadEnvelope(absolute);
    if (!envelope.ok())
        return envelope.error();
    auto unwrapped = envelope->unwrap(*normalized);
    if (!unwrapped.ok())
        return unwrapped.error();

    bool withPending = false;
    auto vault = openWith(absolute, *envelope, unwrapped->current);
    if (!vault.ok() && unwrapped->pending && vault.error().code != ErrorCode::InUse) {
        auto second = openWith(absolute, *envelope, *unwrapped->pending);
        if (second.ok()) {
            vault = std::move(second);
            withPending = true;
        }
    }
    if (!vault.ok())
        return vault.error();

    const KeyMaterial& working = withPending ? *unwrapped->pending : unwrapped->current;
    Status keychain = m_store.write(keychainName(envelope->databaseId()), working.serialize());
    if (keychain.ok() && envelope->hasPending())
        keychain = settleRotation(**vault, *envelope, withPending);
    return Unlocked {std::move(vault).value(), keychain};
}

Status VaultService::settleRotation(Vault& vault, KeyEnvelope& envelope, bool openedWithPending)
{
    return KeyRotation(m_store, m_clock).settle(vault, envelope, openedWithPending);
}

Status VaultService::rekey(Vault& vault, const Progress& progress)
{
    return KeyRotation(m_store, m_clock).rotate(vault, progress);
}

Result<BackupArchive::Written> VaultService::backup(Vault& vault, const QString& outFile)
{
    return BackupArchive::write(vault, outFile, m_clock);
}

Result<BackupArchive::Restored> VaultService::restore(const QString& path, const QString& backupFile,
    const SecureBytes* typedPassphrase, const BackupArchive::Acceptance& acceptance)
{
    return BackupArchive::restore(*this, path, backupFile, typedPassphrase, acceptance);
}

Result<VaultService::VerifyReport> VaultService::verify(Vault& vault)
{
    VerifyReport report;
    QStringList problems;
    BV_TRY(vault.database().integrityCheck(&problems));
    for (const QString& problem : problems)
        report.problems << tr("database: %1").arg(problem);

    auto envelope = loadEnvelope(vault.path());
    if (!envelope.ok()) {
        report.problems << tr("key envelope: %1").arg(envelope.error().fullText());
    } else {
        if (envelope->databaseId() != vault.databaseId())
            report.problems << tr("key envelope: it belongs to another database");
        if (!envelope->matchesCurrent(vault.material()))
            report.problems << tr("key envelope: its key check does not match the database key; the recovery "
                                  "passphrase may not open this database");
        if (envelope->hasPending())
            report.problems << tr("key envelope: a key rotation was interrupted; open the database once to finish it");
    }

    auto keyring = vault.database().scalar(QStringLiteral("SELECT count(DISTINCT kek_id) FROM keyring"));
    if (!keyring.ok())
        return keyring.error();
    if (keyring->toInt() != 1)
        report.problems << tr("keyring: field keys are wrapped by %1 keys instead of one").arg(keyring->toInt());
    auto stale = vault.database().scalar(
        QStringLiteral("SELECT count(*) FROM sealed_value WHERE generation <> ?"), {vault.cipher().generation()});
    if (!stale.ok())
        return stale.error();
    if (stale->toLongLong() > 0)
        report.problems << tr("protected values: %1 are sealed with a retired key").arg(stale->toLongLong());
    return report;
}

} // namespace bv
