#include "core/internal/vault/KeyRotation.h"
#include "core/internal/vault/VaultState.h"

#include "core/internal/db/Transaction.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/Keyring.h"
#include "core/keys/SecretStore.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

namespace bv {

namespace {

constexpr qint64 kMiB = 1024 * 1024;

} // namespace

KeyRotation::KeyRotation(SecretStore& store, const Clock& clock)
    : m_store(store)
    , m_clock(clock)
{
}

Status KeyRotation::preflight(Vault& vault)
{
    Database& db = vault.database();
    // The re-sealed values pass through the WAL, then the whole file is copied: room for both.
    const qint64 needed = 2 * db.sizeOnDisk() + 16 * kMiB;
    const qint64 available = Database::freeBytes(QFileInfo(vault.path()).absolutePath());
    if (available >= 0 && available < needed)
        return makeError(ErrorCode::DiskFull,
            tr("Rotating the keys needs about %1 MiB of free space beside the database for a re-encrypted copy; "
               "%2 MiB are free. Free some space and try again. Nothing was changed.")
                .arg((needed + kMiB - 1) / kMiB)
                .arg(available / kMiB),
            QDir::toNativeSeparators(QFileInfo(vault.path()).absolutePath()));
    QStringList problems;
    BV_TRY(db.integrityCheck(&problems));
    if (!problems.isEmpty())
        return makeError(ErrorCode::Damaged,
            tr("The database failed its integrity check, so its keys were not rotated. Run \"branchvault-cli "
               "verify\" to see what is damaged, then restore the latest backup. Nothing was changed."),
            problems.mid(0, 5).join(QStringLiteral("; ")));
    return {};
}

Status KeyRotation::undo(Vault& vault, KeyEnvelope& envelope, const KeyMaterial& next, const Error& cause)
{
    // Only called while the file is open with the current key: the next key is not needed any more.
    Database& db = vault.database();
    Status cleaned;
    {
        Transaction tx(db);
        cleaned = tx.ok() ? Keyring::removeWrapping(db, next) : Status(tx.error());
        if (cleaned.ok())
            cleaned = tx.commit();
    }
    if (cleaned.ok()) {
        envelope.clearPending();
        cleaned = envelope.save(vault.envelopePath());
    }
    if (cleaned.ok())
        (void)m_store.remove(VaultService::pendingKeychainName(vault.databaseId()));
    // If the clean-up failed, the envelope still records the rotation and the next open rolls it back.
    return makeError(cause.code,
        tr("The key rotation failed and was undone: %1 Nothing was lost: the database still opens with its "
           "current key and with the recovery passphrase.")
            .arg(cause.message),
        cause.detail);
}

Status KeyRotation::rotate(Vault& vault, const std::function<void(qint64, qint64)>& progress)
{
    Database& db = vault.database();
    if (db.inTransaction())
        return makeError(ErrorCode::Internal, tr("The keys cannot be rotated inside a transaction."));
    const QString envelopePath = vault.envelopePath();
    auto envelope = KeyEnvelope::load(envelopePath);
    if (!envelope.ok())
        return envelope.error();
    if (envelope->hasPending())
        BV_TRY(settle(vault, *envelope));
    if (!envelope->matchesCurrent(vault.material()))
        return makeError(ErrorCode::Conflict,
            tr("The key envelope does not match the open database, so a rotation could strand the "
               "recovery passphrase. Run \"branchvault-cli verify\" first."));
    BV_TRY(preflight(vault));

    const QString nextName = VaultService::pendingKeychainName(vault.databaseId());
    KeyMaterial next = KeyMaterial::generate();

    // 1. the envelope learns the next key (wrapped for the recovery passphrase); from now on an
    //    interrupted rotation is visible in the envelope and is settled at the next open
    envelope->setPending(next);
    if (Status saved = envelope->save(envelopePath); !saved.ok())
        return makeError(saved.error().code,
            tr("The key rotation could not start: %1 Nothing was changed.").arg(saved.error().message),
            saved.error().detail);
    if (m_stopAfter == 1)
        return {};

    // 2. the next key material into the keychain
    if (Status stored = m_store.write(nextName, next.serialize()); !stored.ok())
        return undo(vault, *envelope, next, stored.error());
    if (m_stopAfter == 2)
        return {};

    // 3. the keys the key material wraps (staff keys; a release-0.1 database's customer keys until a branch
    //    manager moves them into key slots) wrapped by the next material as well. The customer keys in key
    //    slots do not depend on the key material and stay as they are.
    {
        Transaction tx(db);
        Status step = tx.ok() ? Status() : Status(tx.error());
        const QDateTime now = m_clock.nowUtc();
        for (Keyring::Table table : {Keyring::Table::Staff, Keyring::Table::Legacy}) {
            if (!step.ok())
                break;
            auto empty = Keyring::isEmpty(db, table);
            if (!empty.ok()) {
                step = empty.error();
                break;
            }
            if (*empty)
                continue;
            auto keys = Keyring::load(db, table, vault.material());
            step = keys.ok() ? Keyring::store(db, table, next, *keys, now) : Status(keys.error());
        }
        if (step.ok())
            step = tx.commit();
        if (!step.ok())
            return undo(vault, *envelope, next, step.error());
    }
    if (m_stopAfter == 3)
        return {};

    // 4. a copy under the next key, proven page by page before anything depends on it
    const QString copy = copyPrefix(vault.path())
        + QStringLiteral("%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    if (Status copied = db.backupTo(copy, next.databaseKey()); !copied.ok())
        return undo(vault, *envelope, next, copied.error());
    {
        QStringList problems;
        QString copiedId;
        Status checked = Database::verifyFile(copy, next.databaseKey(), &problems, &copiedId);
        if (checked.ok() && (!problems.isEmpty() || copiedId != vault.databaseId()))
            checked
                = makeError(ErrorCode::Io, tr("The re-encrypted copy did not read back correctly with the new key."),
                    problems.mid(0, 5).join(QStringLiteral("; ")));
        if (!checked.ok()) {
            QFile::remove(copy);
            return undo(vault, *envelope, next, checked.error());
        }
    }
    if (m_stopAfter == 4)
        return {};

    // 5. the verified copy replaces the file in one rename
    bool swapped = false;
    Status replaced = db.replaceWith(copy, vault.material().databaseKey(), next.databaseKey(), &swapped);
    if (!swapped) {
        if (db.handle())
            return undo(
                vault, *envelope, next, replaced.ok() ? makeError(ErrorCode::Internal, QString()) : replaced.error());
        return makeError(replaced.error().code,
            tr("The key rotation was interrupted: %1 Nothing was lost: the database still opens with its current "
               "key and with the recovery passphrase; open it again to finish tidying up.")
                .arg(replaced.error().message),
            replaced.error().detail);
    }
    vault.m->material = next.clone();
    if (!replaced.ok())
        return makeError(replaced.error().code,
            tr("The database now uses its new key, but the key rotation could not be finished: %1 Nothing was "
               "lost: this computer's keychain and the recovery passphrase both still open it. Open the database "
               "again (or run \"branchvault-cli verify\") to finish the rotation.")
                .arg(replaced.error().message),
            replaced.error().detail);
    if (m_stopAfter == 5)
        return {};

    // 6. the new key becomes the only key
    if (Status settled = settle(vault, *envelope); !settled.ok())
        return makeError(settled.error().code,
            tr("The database now uses its new key, but the key rotation could not be finished: %1 Nothing was "
               "lost: this computer's keychain and the recovery passphrase both still open it. Open the database "
               "again (or run \"branchvault-cli verify\") to finish the rotation.")
                .arg(settled.error().message),
            settled.error().detail);
    return {};
}

Status KeyRotation::settle(Vault& vault, KeyEnvelope& envelope)
{
    Database& db = vault.database();
    bool tidied = envelope.hasPending();
    if (envelope.hasPending()) {
        if (envelope.matchesPending(vault.material())) {
            // the file is under the next key: it becomes the only key, in the keychain first
            BV_TRY(m_store.write(VaultService::keychainName(vault.databaseId()), vault.material().serialize()));
            envelope.promotePending();
        } else if (envelope.matchesCurrent(vault.material())) {
            // the file is still under the current key: the rotation is rolled back
            envelope.clearPending();
        } else {
            return makeError(ErrorCode::Conflict,
                tr("The key that opened the database is in neither slot of its key envelope. Run "
                   "\"branchvault-cli verify\"; nothing was changed."));
        }
        BV_TRY(envelope.save(vault.envelopePath()));
    }
    {
        auto wrappings = db.scalar(QStringLiteral("SELECT (SELECT count(DISTINCT kek_id) FROM staff_keyring) + "
                                                  "(SELECT count(DISTINCT kek_id) FROM keyring)"));
        if (!wrappings.ok())
            return wrappings.error();
        auto legacy = Keyring::isEmpty(db, Keyring::Table::Legacy);
        if (!legacy.ok())
            return legacy.error();
        if (wrappings->toInt() > (*legacy ? 1 : 2)) {
            tidied = true;
            Transaction tx(db);
            if (!tx.ok())
                return tx.error();
            BV_TRY(Keyring::removeOtherWrappings(db, vault.material()));
            BV_TRY(tx.commit());
        }
    }
    // nothing was interrupted (the usual open): no keychain call; leftover copies go at every open
    if (tidied)
        (void)m_store.remove(VaultService::pendingKeychainName(vault.databaseId()));
    return {};
}

} // namespace bv
