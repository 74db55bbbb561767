#include "core/vault/VaultService.h"

#include "core/common/AtomicFile.h"
#include "core/internal/common/Sodium.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/keys/Keyring.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/vault/KeyRotation.h"
#include "core/internal/vault/RestoreSwap.h"
#include "core/internal/vault/VaultState.h"
#include "core/keys/SecretStore.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>

#include <optional>

namespace bv {

namespace {

void removeCreatedDatabase(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(absolute + QLatin1String(suffix));
}

// Which database lives at which path on this workstation (not a secret: the id names the keychain entry),
// so that a database whose envelope is lost can still find its key in the keychain.
QString registryKey(const QString& absolute)
{
    return QStringLiteral("databases/")
        + QString::fromLatin1(QCryptographicHash::hash(absolute.toUtf8(), QCryptographicHash::Sha256).toHex());
}

void remember(const QString& absolute, const QString& databaseId)
{
    QSettings settings(
        QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("BranchVault"), QStringLiteral("workstation"));
    if (settings.value(registryKey(absolute)).toString() != databaseId)
        settings.setValue(registryKey(absolute), databaseId);
}

QString remembered(const QString& absolute)
{
    QSettings settings(
        QSettings::NativeFormat, QSettings::UserScope, QStringLiteral("BranchVault"), QStringLiteral("workstation"));
    return settings.value(registryKey(absolute)).toString();
}

void removeLeftovers(const QString& absolute)
{
    for (const QString& path : VaultService::leftovers(absolute))
        QFile::remove(path);
}

} // namespace

QStringList VaultService::leftovers(const QString& databasePath)
{
    const QFileInfo info(databasePath);
    const QString name = info.fileName();
    const QDir folder = info.absoluteDir();
    QStringList found;
    const QStringList patterns {name + QStringLiteral(".rekey-*"), name + QStringLiteral(".restoring-*"),
        name + QStringLiteral(".backup-copy-*"), name + QStringLiteral(".lock.probe"),
        QStringLiteral(".") + name + QStringLiteral(".*tmp-*")};
    for (const QString& entry :
        folder.entryList(patterns, QDir::Files | QDir::Hidden | QDir::System | QDir::CaseSensitive))
        found << folder.filePath(entry);
    return found;
}

Status VaultService::prepareOpen(const QString& absolute)
{
    if (!RestoreSwap::isPending(absolute))
        return {};
    auto lock = Database::lockFor(absolute);
    if (!lock.ok())
        return lock.error();
    return RestoreSwap::recover(absolute);
}

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
    if (QFileInfo::exists(absolute) || QFileInfo::exists(envelopePath) || QFileInfo(absolute).isSymLink()
        || QFileInfo(envelopePath).isSymLink())
        return makeError(ErrorCode::AlreadyExists,
            tr("A database or key envelope already exists at %1. BranchVault never overwrites them; "
               "open the existing database, or choose another location.")
                .arg(QDir::toNativeSeparators(absolute)));
    const QFileInfo info(absolute);
    const QStringList kept = info.absoluteDir().entryList({info.fileName() + QStringLiteral(".before-restore-*")},
        QDir::Files | QDir::Hidden | QDir::System | QDir::CaseSensitive);
    if (RestoreSwap::isPending(absolute) || !kept.isEmpty())
        return makeError(ErrorCode::AlreadyExists,
            tr("A restore of a database at %1 was interrupted, or the database it replaced is kept beside it. "
               "BranchVault does not create a new database there: open the existing database (an interrupted "
               "restore is finished when it opens), or move the kept files away first.")
                .arg(QDir::toNativeSeparators(absolute)),
            kept.join(QStringLiteral(", ")));

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
    // The customer keys go into the recovery key slot only: no account holds a slot yet, and the
    // administrator who runs init never holds them (the first branch manager is confirmed with the
    // recovery passphrase). The staff keys are wrapped by the key material.
    FieldKeys keys = FieldKeys::generate(1);
    FieldKeys staffKeys = FieldKeys::generate(1);
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
            stored = Keyring::store(**db, Keyring::Table::Staff, material, staffKeys, now);
        if (stored.ok())
            stored = KeySlots::writeRecovery(**db, keys, KeySlots::recipientOf(*envelope), 0, now);
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

    remember(absolute, databaseId);
    std::unique_ptr<Vault> vault(new Vault);
    vault->m->db = std::move(db).value();
    vault->m->databaseId = databaseId;
    vault->m->material = std::move(material);
    vault->m->staffCipher = FieldCipher(std::move(staffKeys));
    keys = FieldKeys();
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
    std::unique_ptr<Vault> vault(new Vault);
    vault->m->db = std::move(db).value();
    vault->m->databaseId = envelope.databaseId();
    vault->m->material = material.clone();
    BV_TRY(loadStaffKeys(*vault, &envelope));
    return vault;
}

Status VaultService::loadStaffKeys(Vault& vault, const KeyEnvelope* envelope)
{
    Database& db = vault.database();
    auto empty = Keyring::isEmpty(db, Keyring::Table::Staff);
    if (!empty.ok())
        return empty.error();
    if (!*empty) {
        auto keys = Keyring::load(db, Keyring::Table::Staff, vault.material());
        if (!keys.ok())
            return keys.error();
        vault.m->staffCipher = FieldCipher(std::move(keys).value());
        return {};
    }
    // A database of release 0.1: its second-factor seeds are sealed with the customer keys, which the
    // keychain's key material still unwraps until a branch manager's sign-in moves them into key slots.
    // They move to staff keys of their own now, so that no administrator's sign-in needs a customer key.
    auto legacy = vault.legacyKeys();
    if (!legacy.ok())
        return legacy.error();
    if (!legacy->has_value())
        return makeError(ErrorCode::Damaged,
            tr("The database holds neither its staff keys nor the keys of an earlier release. Run "
               "\"branchvault-cli verify\"; if it reports damage, restore the latest backup."));
    FieldKeys staffKeys = FieldKeys::generate(1);
    FieldCipher staff(staffKeys.clone());
    {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(Keyring::store(db, Keyring::Table::Staff, vault.material(), staffKeys, m_clock.nowUtc()));
        BV_TRY(SealedValues::reseal(db, FieldCipher((*legacy)->clone()), staff, {}, QStringLiteral("user")));
        // the recovery slot, sealed to the sheet whose envelope opened the database, so that a branch manager's
        // first sign-in can move the keys into slots even if the envelope is lost later
        auto recovery = KeySlots::recoveryPublicKey(db);
        if (!recovery.ok())
            return recovery.error();
        if (envelope && recovery->isEmpty())
            BV_TRY(KeySlots::writeRecovery(db, **legacy, KeySlots::recipientOf(*envelope), 0, m_clock.nowUtc()));
        BV_TRY(tx.commit());
    }
    vault.m->staffCipher = std::move(staff);
    return {};
}

Result<std::unique_ptr<Vault>> VaultService::openWithoutEnvelope(const QString& absolute, const Error& envelopeError)
{
    QString databaseId = KeyEnvelope::peekDatabaseId(KeyEnvelope::pathFor(absolute));
    if (databaseId.isEmpty())
        databaseId = remembered(absolute);
    if (databaseId.isEmpty())
        return envelopeError;
    // the main entry, or the next key of a rotation that was interrupted after the file was swapped
    std::optional<KeyMaterial> material;
    Result<std::unique_ptr<Database>> db = envelopeError;
    for (const QString& name : {keychainName(databaseId), pendingKeychainName(databaseId)}) {
        auto stored = m_store.read(name);
        if (!stored.ok()) {
            if (stored.error().code != ErrorCode::KeyMissing)
                return stored.error();
            continue;
        }
        auto candidate = KeyMaterial::deserialize(*stored);
        if (!candidate.ok())
            continue;
        db = Database::open(absolute, candidate->databaseKey(), Database::Mode::OpenExisting, m_options);
        if (db.ok()) {
            material = std::move(candidate).value();
            if (name != keychainName(databaseId))
                BV_TRY(m_store.write(keychainName(databaseId), material->serialize()));
            break;
        }
        if (db.error().code != ErrorCode::WrongKey)
            return db.error();
    }
    if (!material)
        return envelopeError;
    auto storedId = (*db)->scalar(QStringLiteral("SELECT value FROM meta WHERE key = 'database_id'"));
    if (!storedId.ok())
        return storedId.error();
    if (storedId->toString() != databaseId)
        return envelopeError;
    std::unique_ptr<Vault> vault(new Vault);
    vault->m->db = std::move(db).value();
    vault->m->databaseId = databaseId;
    vault->m->material = material->clone();
    (void)loadStaffKeys(*vault, nullptr); // verification and repair work without them (second factors do not)
    vault->m->envelopeProblem = envelopeError.detail.isEmpty() ? envelopeError.message : envelopeError.detail;
    removeLeftovers(absolute);
    return vault;
}

Result<std::unique_ptr<Vault>> VaultService::open(const QString& path, OpenPurpose purpose)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    BV_TRY(prepareOpen(absolute));
    if (!QFileInfo::exists(absolute))
        return makeError(ErrorCode::NotFound,
            tr("There is no BranchVault database at %1. Choose the right file, or create a new database "
               "with \"branchvault-cli init\".")
                .arg(QDir::toNativeSeparators(absolute)));
    if (purpose == OpenPurpose::Use && QFileInfo::exists(Database::damageMarkerPath(absolute))) {
        QFile marker(Database::damageMarkerPath(absolute));
        QString seen;
        if (marker.open(QIODevice::ReadOnly))
            seen = QString::fromUtf8(marker.readLine(200)).trimmed();
        return makeError(ErrorCode::Damaged,
            tr("This database met a damaged page, so BranchVault now opens it only to verify it and to back it up. "
               "Run \"branchvault-cli verify\": if it passes, the database opens as usual again; if it reports damage, "
               "restore the latest backup."),
            seen);
    }
    auto envelope = loadEnvelope(absolute);
    if (!envelope.ok()) {
        if (envelope.error().code != ErrorCode::NotFound && envelope.error().code != ErrorCode::Damaged)
            return envelope.error();
        auto withKeychain = openWithoutEnvelope(absolute, envelope.error());
        if (!withKeychain.ok() || purpose == OpenPurpose::Repair)
            return withKeychain;
        return makeError(ErrorCode::Damaged,
            tr("The key envelope beside the database is missing or damaged, so the recovery passphrase can no "
               "longer open the database. This computer's keychain still opens it, and nothing is lost. An "
               "administrator writes a new envelope with a new recovery passphrase: branchvault-cli "
               "repair-envelope --db %1 --user ADMIN; then print the new recovery sheet and destroy the old one.")
                .arg(QDir::toNativeSeparators(absolute)),
            (*withKeychain)->envelopeProblem());
    }
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
    if (!vault.ok() && envelope->hasPending() && vault.error().code != ErrorCode::InUse) {
        // An interrupted rotation may have swapped the file already: try the next key.
        auto pendingStored = m_store.read(pendingKeychainName(envelope->databaseId()));
        if (pendingStored.ok()) {
            auto pending = KeyMaterial::deserialize(*pendingStored);
            if (pending.ok()) {
                auto second = openWith(absolute, *envelope, *pending);
                if (second.ok())
                    vault = std::move(second);
            }
        }
    }
    if (!vault.ok())
        return vault.error();
    // an interrupted rotation is finished or rolled back; one interrupted while settling is tidied up.
    // Verification and backup still open the database when that cannot be done now.
    if (Status settled = settleRotation(**vault, *envelope); !settled.ok()) {
        if (purpose != OpenPurpose::Repair)
            return settled.error();
        (*vault)->m->envelopeProblem = settled.error().message;
    }
    if (purpose == OpenPurpose::Repair && !envelope->matchesCurrent((*vault)->material()))
        (*vault)->m->envelopeProblem = tr("its key check does not match the database key");
    remember(absolute, envelope->databaseId());
    removeLeftovers(absolute);
    return vault;
}

Result<VaultService::Unlocked> VaultService::unlock(const QString& path, const SecureBytes& typedPassphrase)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    BV_TRY(prepareOpen(absolute));
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
        keychain = settleRotation(**vault, *envelope);
    remember(absolute, envelope->databaseId());
    removeLeftovers(absolute);
    return Unlocked {std::move(vault).value(), keychain};
}

Status VaultService::settleRotation(Vault& vault, KeyEnvelope& envelope)
{
    return KeyRotation(m_store, m_clock).settle(vault, envelope);
}

Result<SecureBytes> VaultService::repairEnvelope(Vault& vault)
{
    QStringList problems;
    BV_TRY(vault.database().integrityCheck(&problems));
    if (!problems.isEmpty())
        return makeError(ErrorCode::Damaged,
            tr("The database itself failed its integrity check, so no new key envelope was written. Restore the "
               "latest backup instead."),
            problems.mid(0, 5).join(QStringLiteral("; ")));
    const QString envelopePath = vault.envelopePath();
    auto current = KeyEnvelope::load(envelopePath);
    if (current.ok() && current->databaseId() == vault.databaseId() && current->matchesCurrent(vault.material())
        && !current->hasPending())
        return makeError(ErrorCode::Conflict,
            tr("The key envelope is in order and opens this database; nothing was changed. The existing recovery "
               "passphrase stays valid."));
    SecureBytes passphrase = RecoveryPassphrase::generate();
    auto normalized = RecoveryPassphrase::normalize(passphrase);
    if (!normalized.ok())
        return normalized.error();
    auto envelope = KeyEnvelope::create(vault.databaseId(), *normalized, m_kdf, vault.material());
    if (!envelope.ok())
        return envelope.error();
    QString keptAs;
    if (QFileInfo::exists(envelopePath) || QFileInfo(envelopePath).isSymLink()) {
        keptAs = envelopePath + QStringLiteral(".damaged-")
            + m_clock.nowUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        if (const int error = AtomicFile::renameNoReplace(envelopePath, keptAs); error != 0)
            return AtomicFile::fromErrno(error, tr("Keeping the damaged key envelope aside"), envelopePath);
    }
    if (Status saved = envelope->save(envelopePath); !saved.ok()) {
        // Written after all (only the folder flush failed)? Then the new passphrase is the one that counts.
        auto written = KeyEnvelope::load(envelopePath);
        if (!written.ok() || written->toJson() != envelope->toJson()) {
            if (!keptAs.isEmpty())
                (void)AtomicFile::renameNoReplace(keptAs, envelopePath);
            return saved.error();
        }
    }
    vault.m->envelopeProblem.clear();
    remember(vault.path(), vault.databaseId());
    return passphrase;
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
    const QString remedy = tr("this computer's keychain still opens the database: an administrator writes a new "
                              "envelope with a new recovery passphrase (branchvault-cli repair-envelope --user "
                              "ADMIN), then prints the new recovery sheet and destroys the old one");
    if (!envelope.ok()) {
        report.problems << tr("key envelope: %1; %2").arg(envelope.error().fullText(), remedy);
    } else {
        if (envelope->databaseId() != vault.databaseId())
            report.problems << tr("key envelope: it belongs to another database");
        if (!envelope->matchesCurrent(vault.material()))
            report.problems << tr("key envelope: its key check does not match the database key, so the recovery "
                                  "passphrase may not open this database; %1")
                                   .arg(remedy);
        if (envelope->hasPending())
            report.problems << tr("key envelope: a key rotation was interrupted; open the database once to finish it");
    }

    auto keyring = vault.database().scalar(QStringLiteral("SELECT count(DISTINCT kek_id) FROM staff_keyring"));
    if (!keyring.ok())
        return keyring.error();
    if (keyring->toInt() != 1)
        report.problems << tr("keyring: staff keys are wrapped by %1 keys instead of one").arg(keyring->toInt());
    auto generation = KeySlots::generation(vault.database());
    if (!generation.ok())
        return generation.error();
    auto recovery = KeySlots::recoveryPublicKey(vault.database());
    if (!recovery.ok())
        return recovery.error();
    auto legacy = Keyring::isEmpty(vault.database(), Keyring::Table::Legacy);
    if (!legacy.ok())
        return legacy.error();
    if (*legacy && recovery->isEmpty())
        report.problems << tr("key slots: the recovery key slot is missing; a branch manager's next sign-in writes it");
    else if (envelope.ok() && !recovery->isEmpty() && *recovery != envelope->publicKey())
        report.notices << tr("key slots: the customer keys' recovery slot still opens with the earlier recovery "
                             "passphrase (the envelope was repaired since). Keep the earlier sheet sealed, or have a "
                             "branch manager adopt the new sheet: branchvault-cli adopt-recovery --user MANAGER.");
    if (*generation > 0) {
        auto stale = vault.database().scalar(
            QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind <> 'user' AND generation <> ?"),
            {*generation});
        if (!stale.ok())
            return stale.error();
        if (stale->toLongLong() > 0)
            report.problems << tr("protected values: %1 are sealed with a retired key").arg(stale->toLongLong());
    }
    // The damage marker follows the pages: gone when every page checks out, written when one does not.
    const QString marker = Database::damageMarkerPath(vault.path());
    if (problems.isEmpty()) {
        QFile::remove(marker);
    } else if (!QFileInfo::exists(marker)) {
        QFile file(marker);
        if (file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            file.write(m_clock.nowUtc().toString(Qt::ISODate).toUtf8() + " verify\n");
    }
    return report;
}

} // namespace bv
