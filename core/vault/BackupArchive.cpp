#include "core/vault/BackupArchive.h"

#include "core/internal/db/Database.h"
#include "core/internal/db/Migration.h"

#include "core/common/AtomicFile.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/vault/RestoreSwap.h"
#include "core/keys/SecretStore.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QtEndian>

#include <sodium.h>

namespace bv {

namespace {

constexpr char kMagic[8] = {'B', 'V', 'B', 'A', 'C', 'K', 'U', 'P'};
constexpr quint32 kVersion = 1;
constexpr qint64 kHashBytes = 32;
constexpr qint64 kMaxManifest = 1024 * 1024;
constexpr qint64 kChunk = 1024 * 1024;
constexpr char kMacContext[8] = {'B', 'V', 'b', 'a', 'c', 'k', 'u', 'p'};

Error damaged(const QString& detail)
{
    return makeError(ErrorCode::Damaged,
        BackupArchive::tr("The backup file is damaged or incomplete and cannot be restored. Nothing was "
                          "changed; use another backup."),
        detail);
}

QString native(const QString& path)
{
    return QDir::toNativeSeparators(path);
}

struct Header
{
    QJsonObject manifest;
    qint64 manifestOffset = 0;
    qint64 payloadOffset = 0;
    qint64 payloadSize = 0;
};

Result<Header> readHeader(QFile& file)
{
    const qint64 fileSize = file.size();
    QByteArray head = file.read(16);
    if (head.size() < 16)
        return damaged(BackupArchive::tr("the file is too short"));
    if (memcmp(head.constData(), kMagic, sizeof(kMagic)) != 0)
        return makeError(ErrorCode::NotBranchVault,
            BackupArchive::tr("This file is not a BranchVault backup. Choose a file written by "
                              "\"branchvault-cli backup\"."));
    const quint32 version = qFromBigEndian<quint32>(head.constData() + 8);
    if (version > kVersion)
        return makeError(ErrorCode::SchemaTooNew,
            BackupArchive::tr("The backup was written by a newer BranchVault. Install the newer version "
                              "to restore it."));
    const qint64 manifestSize = qFromBigEndian<quint32>(head.constData() + 12);
    if (manifestSize <= 0 || manifestSize > kMaxManifest || 16 + manifestSize > fileSize)
        return damaged(BackupArchive::tr("the manifest is cut off"));
    const QByteArray manifestBytes = file.read(manifestSize);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(manifestBytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return damaged(BackupArchive::tr("the manifest is not readable"));
    Header header;
    header.manifest = document.object();
    header.manifestOffset = 16;
    header.payloadOffset = 16 + manifestSize;
    header.payloadSize = header.manifest.value(QStringLiteral("payloadSize")).toString().toLongLong();
    if (header.payloadSize <= 0 || header.payloadOffset + header.payloadSize + 2 * kHashBytes != fileSize)
        return damaged(BackupArchive::tr("the file is %1 bytes long, %2 were expected")
                           .arg(fileSize)
                           .arg(header.payloadOffset + header.payloadSize + 2 * kHashBytes));
    return header;
}

// Hashes [0, length) of the file with an optional key.
QByteArray hashPrefix(QFile& file, qint64 length, const SecureBytes* key)
{
    crypto_generichash_state state;
    crypto_generichash_init(&state, key ? key->data() : nullptr, key ? key->size() : 0, kHashBytes);
    file.seek(0);
    qint64 left = length;
    QByteArray buffer;
    while (left > 0) {
        buffer = file.read(qMin(left, kChunk));
        if (buffer.isEmpty())
            return QByteArray();
        crypto_generichash_update(
            &state, reinterpret_cast<const unsigned char*>(buffer.constData()), std::size_t(buffer.size()));
        left -= buffer.size();
    }
    QByteArray out(kHashBytes, Qt::Uninitialized);
    crypto_generichash_final(&state, reinterpret_cast<unsigned char*>(out.data()), std::size_t(out.size()));
    return out;
}

Status checkChecksum(QFile& file, const Header& header)
{
    const qint64 covered = header.payloadOffset + header.payloadSize;
    const QByteArray computed = hashPrefix(file, covered, nullptr);
    file.seek(covered);
    const QByteArray stored = file.read(kHashBytes);
    if (computed.isEmpty() || stored.size() != kHashBytes
        || sodium_memcmp(computed.constData(), stored.constData(), kHashBytes) != 0)
        return damaged(BackupArchive::tr("its checksum does not match its content"));
    return {};
}

} // namespace

Result<QJsonObject> BackupArchive::inspect(const QString& backupFile)
{
    QFile file(backupFile);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
            tr("The backup file %1 cannot be opened. Check the name and the permissions.").arg(native(backupFile)),
            file.errorString());
    auto header = readHeader(file);
    if (!header.ok())
        return header.error();
    BV_TRY(checkChecksum(file, *header));
    return header->manifest;
}

Result<BackupArchive::Written> BackupArchive::write(Vault& vault, const QString& outFile, const Clock& clock)
{
    const QFileInfo outInfo(outFile);
    const QString target = outInfo.absoluteFilePath();
    if (outInfo.exists())
        return makeError(ErrorCode::AlreadyExists,
            tr("A file already exists at %1. Backups never overwrite a file; choose a new name.").arg(native(target)));
    if (!QFileInfo(outInfo.absolutePath()).isDir())
        return makeError(ErrorCode::NotFound,
            tr("The folder %1 does not exist. Create it or choose another folder.")
                .arg(native(outInfo.absolutePath())));

    auto envelope = KeyEnvelope::load(vault.envelopePath());
    if (!envelope.ok())
        return envelope.error();
    if (!envelope->matchesCurrent(vault.material()) || envelope->hasPending())
        return makeError(ErrorCode::Conflict,
            tr("The key envelope does not match the database key, so a backup made now could not be "
               "restored with the recovery passphrase. No backup was written; run \"branchvault-cli "
               "verify\" first."));

    // The checked copy lies beside the database (removed at its next open if this process dies); the
    // archive itself is written unnamed and gets its name only when complete and flushed.
    const QString suffix = QStringLiteral("%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString copyPath = vault.path() + QStringLiteral(".backup-copy-") + suffix;
    BV_TRY(vault.database().backupTo(copyPath, vault.material().databaseKey()));
    QStringList problems;
    QString copiedId;
    int schemaVersion = 0;
    Status checked
        = Database::verifyFile(copyPath, vault.material().databaseKey(), &problems, &copiedId, &schemaVersion);
    if (checked.ok() && (!problems.isEmpty() || copiedId != vault.databaseId()))
        checked = makeError(ErrorCode::Damaged,
            tr("The copy of the database failed its integrity check, so no backup was written. Run "
               "\"branchvault-cli verify\" on the database."),
            problems.mid(0, 5).join(QStringLiteral("; ")));
    if (!checked.ok()) {
        QFile::remove(copyPath);
        return checked.error();
    }

    QFile copy(copyPath);
    if (!copy.open(QIODevice::ReadOnly)) {
        QFile::remove(copyPath);
        return makeError(ErrorCode::Io, tr("The copy of the database cannot be read."), copy.errorString());
    }
    const QJsonObject manifest {
        {QStringLiteral("format"), QStringLiteral("BranchVault backup")},
        {QStringLiteral("databaseId"), vault.databaseId()},
        {QStringLiteral("created"), clock.nowUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("schemaVersion"), schemaVersion},
        {QStringLiteral("payloadSize"), QString::number(copy.size())},
        {QStringLiteral("keyCheck"), QString::fromLatin1(vault.material().keyCheck(vault.databaseId()).toBase64())},
        {QStringLiteral("programVersion"), QStringLiteral(BV_VERSION)},
        {QStringLiteral("envelope"), QString::fromUtf8(envelope->toJson())},
    };
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    const SecureBytes macKey = vault.material().deriveSubkey(2, kMacContext);
    qint64 bytes = 0;
    const QString context = tr("Writing the backup");
    Status written = AtomicFile::writeNew(target, QStringLiteral("out"), [&](QFile& out) -> Status {
        crypto_generichash_state plainState;
        crypto_generichash_state macState;
        crypto_generichash_init(&plainState, nullptr, 0, kHashBytes);
        crypto_generichash_init(&macState, macKey.data(), macKey.size(), kHashBytes);
        auto writeOut = [&](const QByteArray& chunk, bool hashed) -> Status {
            if (hashed) {
                crypto_generichash_update(
                    &plainState, reinterpret_cast<const unsigned char*>(chunk.constData()), std::size_t(chunk.size()));
                crypto_generichash_update(
                    &macState, reinterpret_cast<const unsigned char*>(chunk.constData()), std::size_t(chunk.size()));
            }
            errno = 0;
            if (out.write(chunk) != chunk.size())
                return AtomicFile::fromErrno(errno != 0 ? errno : EIO, context, target);
            bytes += chunk.size();
            return {};
        };
        QByteArray head(kMagic, sizeof(kMagic));
        head.resize(16);
        qToBigEndian<quint32>(kVersion, head.data() + 8);
        qToBigEndian<quint32>(quint32(manifestBytes.size()), head.data() + 12);
        BV_TRY(writeOut(head, true));
        BV_TRY(writeOut(manifestBytes, true));
        qint64 copied = 0;
        while (!copy.atEnd()) {
            const QByteArray chunk = copy.read(kChunk);
            if (chunk.isEmpty())
                return makeError(
                    ErrorCode::Io, tr("The copy of the database cannot be read."), QDir::toNativeSeparators(copyPath));
            BV_TRY(writeOut(chunk, true));
            copied += chunk.size();
        }
        if (copied != copy.size())
            return makeError(
                ErrorCode::Io, tr("The copy of the database cannot be read."), QDir::toNativeSeparators(copyPath));
        QByteArray checksum(kHashBytes, Qt::Uninitialized);
        crypto_generichash_final(&plainState, reinterpret_cast<unsigned char*>(checksum.data()), kHashBytes);
        crypto_generichash_update(&macState, reinterpret_cast<const unsigned char*>(checksum.constData()), kHashBytes);
        QByteArray mac(kHashBytes, Qt::Uninitialized);
        crypto_generichash_final(&macState, reinterpret_cast<unsigned char*>(mac.data()), kHashBytes);
        BV_TRY(writeOut(checksum, false));
        return writeOut(mac, false);
    });
    copy.close();
    QFile::remove(copyPath);
    if (!written.ok()) {
        const Error& error = written.error();
        if (error.code == ErrorCode::AlreadyExists || error.code == ErrorCode::InvalidInput
            || error.code == ErrorCode::NotFound)
            return error;
        return makeError(error.code,
            tr("The backup could not be written completely: %1 No backup file was left behind; free some space or "
               "choose another disk, then try again.")
                .arg(error.message),
            error.detail);
    }
    return Written {target, bytes, vault.databaseId()};
}

Result<BackupArchive::Restored> BackupArchive::restore(VaultService& service, const QString& databasePath,
    const QString& backupFile, const SecureBytes* typedPassphrase, const Acceptance& acceptance)
{
    const QString dbPath = QFileInfo(databasePath).absoluteFilePath();
    const QString envelopePath = KeyEnvelope::pathFor(dbPath);
    // 0. the database is held for the whole restore; an earlier interrupted restore is finished first
    auto held = Database::lockFor(dbPath);
    if (!held.ok())
        return held.error();
    QLockFile& lock = **held;
    BV_TRY(RestoreSwap::recover(dbPath));

    // 1. the whole backup is checked before anything is touched
    QFile file(backupFile);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound,
            tr("The backup file %1 cannot be opened. Check the name and the permissions.").arg(native(backupFile)),
            file.errorString());
    auto header = readHeader(file);
    if (!header.ok())
        return header.error();
    BV_TRY(checkChecksum(file, *header));
    const QJsonObject& manifest = header->manifest;
    const QString databaseId = manifest.value(QStringLiteral("databaseId")).toString();
    const QByteArray keyCheck
        = QByteArray::fromBase64(manifest.value(QStringLiteral("keyCheck")).toString().toLatin1());
    const int schemaVersion = manifest.value(QStringLiteral("schemaVersion")).toInt();
    if (!schemaMigrations().isEmpty() && schemaVersion > schemaMigrations().constLast().version)
        return makeError(ErrorCode::SchemaTooNew,
            tr("The backup holds a database of a newer BranchVault (schema %1). Install the newer "
               "version to restore it; nothing was changed.")
                .arg(schemaVersion));
    auto envelope = KeyEnvelope::fromJson(manifest.value(QStringLiteral("envelope")).toString().toUtf8());
    if (!envelope.ok())
        return envelope.error();
    if (envelope->databaseId() != databaseId)
        return damaged(tr("the envelope in the backup belongs to another database"));

    // 2. the key: this account's keychain, else the recovery passphrase
    KeyMaterial material;
    bool haveKey = false;
    auto stored = service.secretStore().read(VaultService::keychainName(databaseId));
    if (stored.ok()) {
        auto candidate = KeyMaterial::deserialize(*stored);
        if (candidate.ok() && candidate->keyCheck(databaseId) == keyCheck) {
            material = std::move(candidate).value();
            haveKey = true;
        }
    }
    if (!haveKey) {
        if (!typedPassphrase)
            return makeError(ErrorCode::KeyMissing,
                tr("The key of this backup is not in this computer's keychain. Give the database's "
                   "recovery passphrase (on standard input for branchvault-cli restore)."));
        auto normalized = RecoveryPassphrase::normalize(*typedPassphrase);
        if (!normalized.ok())
            return normalized.error();
        auto unwrapped = envelope->unwrap(*normalized);
        if (!unwrapped.ok())
            return unwrapped.error();
        if (unwrapped->current.keyCheck(databaseId) == keyCheck)
            material = std::move(unwrapped->current);
        else if (unwrapped->pending && unwrapped->pending->keyCheck(databaseId) == keyCheck)
            material = std::move(*unwrapped->pending);
        else
            return damaged(tr("no key in the backup's envelope matches its key-check value"));
    }

    // 2b. the keychain entry is about to hold the backup's key. If it holds another key of this database
    //     (the database being replaced, after a key rotation), that key must still be in the replaced
    //     database's envelope, or the kept copy could not be opened again by any means.
    if (stored.ok() && !haveKey && QFileInfo::exists(dbPath)) {
        auto previous = KeyMaterial::deserialize(*stored);
        auto previousEnvelope = KeyEnvelope::load(envelopePath);
        const bool sealed = previous.ok() && previousEnvelope.ok()
            && (previousEnvelope->matchesCurrent(*previous) || previousEnvelope->matchesPending(*previous));
        if (!sealed)
            return makeError(ErrorCode::Conflict,
                tr("The database being replaced can be opened only with this computer's keychain: its key envelope "
                   "is missing, damaged or out of step. Restoring now would leave its kept copy with no key. Repair "
                   "its envelope first (branchvault-cli repair-envelope), or move the database away yourself, then "
                   "restore again. Nothing was changed."));
    }

    // 3. the MAC proves the file was not altered
    {
        const SecureBytes macKey = material.deriveSubkey(2, kMacContext);
        const qint64 covered = header->payloadOffset + header->payloadSize + kHashBytes;
        const QByteArray computed = hashPrefix(file, covered, &macKey);
        file.seek(covered);
        const QByteArray stored = file.read(kHashBytes);
        if (computed.isEmpty() || stored.size() != kHashBytes
            || sodium_memcmp(computed.constData(), stored.constData(), kHashBytes) != 0)
            return makeError(ErrorCode::Damaged,
                tr("The backup file was altered after it was written (its authentication code does not "
                   "match). It cannot be trusted and was not restored; use another backup."));
    }

    // 4. extract and check the database (owner-only) and its envelope beside the destination
    const QString suffix = QStringLiteral("%1").arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    const QString extracted = dbPath + QStringLiteral(".restoring-") + suffix;
    auto removeExtracted = [&]() {
        for (const char* s : {"", "-wal", "-shm", "-journal", ".lock", ".envelope"})
            QFile::remove(extracted + QLatin1String(s));
    };
    {
        const QString context = tr("Extracting the backup beside the database");
        QFile out(extracted);
        errno = 0;
        if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner))
            return AtomicFile::fromErrno(errno != 0 ? errno : EIO, context, extracted);
        file.seek(header->payloadOffset);
        qint64 left = header->payloadSize;
        Status extractedOk;
        while (left > 0 && extractedOk.ok()) {
            const QByteArray chunk = file.read(qMin(left, kChunk));
            errno = 0;
            if (chunk.isEmpty())
                extractedOk = damaged(tr("the file could not be read to its end"));
            else if (out.write(chunk) != chunk.size())
                extractedOk = AtomicFile::fromErrno(errno != 0 ? errno : EIO, context, extracted);
            left -= chunk.size();
        }
        errno = 0;
        if (extractedOk.ok() && !out.flush())
            extractedOk = AtomicFile::fromErrno(errno != 0 ? errno : EIO, context, extracted);
        out.close();
        errno = 0;
        if (extractedOk.ok() && !AtomicFile::syncPath(extracted))
            extractedOk = AtomicFile::fromErrno(errno != 0 ? errno : EIO, context, extracted);
        if (!extractedOk.ok()) {
            removeExtracted();
            return makeError(extractedOk.error().code,
                tr("The backup could not be extracted: %1 Nothing was changed.").arg(extractedOk.error().message),
                extractedOk.error().detail);
        }
    }
    {
        QStringList problems;
        QString extractedId;
        Status checked = Database::verifyFile(extracted, material.databaseKey(), &problems, &extractedId);
        if (checked.ok() && (!problems.isEmpty() || extractedId != databaseId))
            checked = damaged(problems.mid(0, 5).join(QStringLiteral("; ")));
        if (checked.ok())
            checked = envelope->save(KeyEnvelope::pathFor(extracted));
        if (!checked.ok()) {
            removeExtracted();
            return checked.error();
        }
    }

    // 4b. the front end accepts the restored database (administrator sign-in, audit row) where it lies
    if (acceptance) {
        auto staged = service.openWith(extracted, *envelope, material);
        Status accepted = staged.ok() ? acceptance(**staged) : Status(staged.error());
        if (accepted.ok())
            accepted = (*staged)->database().checkpoint(); // its own error (disk full …) if the WAL cannot merge
        if (staged.ok())
            staged->reset(); // closes it: the WAL is checkpointed into the file and removed
        if (accepted.ok() && QFileInfo(extracted + QStringLiteral("-wal")).size() > 0)
            accepted = makeError(ErrorCode::Io, tr("The restored database's journal could not be merged into it."),
                QDir::toNativeSeparators(extracted));
        errno = 0;
        if (accepted.ok() && !AtomicFile::syncPath(extracted))
            accepted = AtomicFile::fromErrno(errno != 0 ? errno : EIO, tr("Extracting the backup"), extracted);
        for (const char* s : {"-wal", "-shm", ".lock"})
            QFile::remove(extracted + QLatin1String(s));
        if (!accepted.ok()) {
            removeExtracted();
            return accepted.error();
        }
    }

    // 5. the journaled swap: the current database is kept (by a second name) until the restored one is in place
    // whatever is at the database's names is kept, under a name no file has yet
    QString savedAs;
    if (QFileInfo::exists(dbPath) || QFileInfo::exists(envelopePath)
        || QFileInfo::exists(dbPath + QStringLiteral("-wal"))) {
        const QString base = dbPath + QStringLiteral(".before-restore-")
            + QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        savedAs = base;
        for (int n = 2; QFileInfo::exists(savedAs) || QFileInfo(savedAs).isSymLink()
             || QFileInfo::exists(KeyEnvelope::pathFor(savedAs)) || QFileInfo::exists(savedAs + QStringLiteral("-wal"));
             ++n)
            savedAs = base + QLatin1Char('-') + QString::number(n);
    }
    Status swapped = RestoreSwap::run({dbPath, extracted, savedAs});
    if (!swapped.ok() && RestoreSwap::isPending(dbPath))
        swapped = RestoreSwap::recover(dbPath); // once more at once: a passing fault need not wait for the next open
    if (!swapped.ok()) {
        if (!RestoreSwap::isPending(dbPath)) {
            removeExtracted();
            return makeError(swapped.error().code,
                tr("The restore could not start swapping the files: %1 Nothing was changed.")
                    .arg(swapped.error().message),
                swapped.error().detail);
        }
        return makeError(swapped.error().code,
            tr("The restore was interrupted while the files were being swapped: %1 Nothing was lost: the swap is "
               "recorded beside the database and is finished when the database is opened next.")
                .arg(swapped.error().message),
            swapped.error().detail);
    }
    lock.unlock();

    // 6. the restored database must open; otherwise the previous one goes back the same way
    auto vault = service.openWith(dbPath, *envelope, material);
    if (!vault.ok()) {
        if (!savedAs.isEmpty() && lock.tryLock(0)) {
            // the previous database goes back; the restored copy is not needed (the backup still holds it)
            const QString failedAs = dbPath + QStringLiteral(".failed-restore-") + suffix;
            Status back = RestoreSwap::run({dbPath, savedAs, failedAs});
            if (!back.ok() && RestoreSwap::isPending(dbPath))
                back = RestoreSwap::recover(dbPath);
            if (back.ok()) {
                for (const char* s : {"", "-wal", "-shm", "-journal", ".envelope"})
                    QFile::remove(failedAs + QLatin1String(s));
            }
            lock.unlock();
        }
        return vault.error();
    }
    // a damage marker belonged to the file that was replaced
    const QString marker = Database::damageMarkerPath(dbPath);
    if (QFileInfo::exists(marker) && (savedAs.isEmpty() || !QFile::rename(marker, Database::damageMarkerPath(savedAs))))
        QFile::remove(marker);
    Status keychain = service.secretStore().write(VaultService::keychainName(databaseId), material.serialize());
    return Restored {std::move(vault).value(), savedAs, keychain};
}

} // namespace bv
