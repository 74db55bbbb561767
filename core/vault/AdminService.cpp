#include "core/vault/AdminService.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/policy/AccessControl.h"
#include "core/vault/Vault.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>

namespace bv {

AdminService::AdminService(Vault& vault, VaultService& vaults, AccessControl& access, AuditLog& audit)
    : m_vault(vault)
    , m_vaults(vaults)
    , m_access(access)
    , m_audit(audit)
{
}

Result<BackupArchive::Written> AdminService::backup(const Session& session, const QString& outFile)
{
    auto actor = m_access.authorize(session, Operation::BackupDatabase);
    if (!actor.ok())
        return actor.error();
    // Recorded after the attempt, with its outcome (the backup itself therefore ends just before its
    // own record; the live log holds it). A failed attempt is recorded as failed, never as done.
    auto written = m_vaults.backup(m_vault, outFile);
    QJsonObject details {{QStringLiteral("file"), QFileInfo(outFile).fileName()}};
    if (!written.ok())
        details.insert(QStringLiteral("error"), errorCodeName(written.error().code));
    const Status logged = m_audit.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::DatabaseBackup), QStringLiteral("database"), m_vault.databaseId(),
            QString(), written.ok() ? AuditOutcome::Ok : AuditOutcome::Failed, details});
    if (!logged.ok()) {
        // a backup nobody can account for is not kept
        if (written.ok())
            QFile::remove(written->path);
        return written.ok() ? logged.error() : written.error();
    }
    return written;
}

Status AdminService::acceptRestore(const Session& session, const QString& backupFile)
{
    auto actor = m_access.authorize(session, Operation::RestoreDatabase);
    if (!actor.ok())
        return actor.error();
    return m_audit.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::DatabaseRestore), QStringLiteral("database"), m_vault.databaseId(),
            QString(), AuditOutcome::Ok, QJsonObject {{QStringLiteral("file"), QFileInfo(backupFile).fileName()}}});
}

Status AdminService::rekey(const Session& session, const VaultService::Progress& progress)
{
    auto actor = m_access.authorize(session, Operation::RotateKeys);
    if (!actor.ok())
        return actor.error();
    auto envelope = KeyEnvelope::load(m_vault.envelopePath());
    const int before = envelope.ok() ? envelope->currentGeneration() : 0;
    // The start is recorded before anything changes, so a rotation is never without a record even if
    // the closing row below cannot be written.
    BV_TRY(m_audit.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::DatabaseRekey), QStringLiteral("database"), m_vault.databaseId(),
            QString(), AuditOutcome::Ok,
            QJsonObject {
                {QStringLiteral("stage"), QStringLiteral("start")}, {QStringLiteral("fromGeneration"), before}}}));
    Status rotated = m_vaults.rekey(m_vault, progress);
    const AuditEvent event {QString::fromLatin1(audit::DatabaseRekey), QStringLiteral("database"), m_vault.databaseId(),
        QString(), rotated.ok() ? AuditOutcome::Ok : AuditOutcome::Failed,
        QJsonObject {{QStringLiteral("stage"), QStringLiteral("end")}, {QStringLiteral("fromGeneration"), before},
            {QStringLiteral("toGeneration"), [&] {
                 auto after = KeyEnvelope::load(m_vault.envelopePath());
                 return after.ok() ? after->currentGeneration() : 0;
             }()}}};
    const Status logged = m_audit.appendStandalone(*actor, event);
    if (!rotated.ok())
        return rotated; // what happened to the keys comes first; the start row is there in any case
    return logged;
}

Result<int> AdminService::fieldKeyGeneration(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::RotateKeys);
    if (!actor.ok())
        return actor.error();
    return m_vault.cipher().generation();
}

Result<SecureBytes> AdminService::repairEnvelope(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::RotateKeys);
    if (!actor.ok())
        return actor.error();
    // The start is recorded before the envelope changes: once the new envelope is written, its passphrase
    // is returned whatever happens to the closing row, or nobody would ever see it.
    BV_TRY(m_audit.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::DatabaseEnvelopeRepair), QStringLiteral("database"),
            m_vault.databaseId(), QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("stage"), QStringLiteral("start")},
                {QStringLiteral("problem"), m_vault.envelopeProblem()}}}));
    auto passphrase = m_vaults.repairEnvelope(m_vault);
    QJsonObject details {{QStringLiteral("stage"), QStringLiteral("end")}};
    if (!passphrase.ok())
        details.insert(QStringLiteral("error"), errorCodeName(passphrase.error().code));
    (void)m_audit.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::DatabaseEnvelopeRepair), QStringLiteral("database"),
            m_vault.databaseId(), QString(), passphrase.ok() ? AuditOutcome::Ok : AuditOutcome::Failed, details});
    return passphrase;
}

Result<AdminService::Verification> AdminService::verify(const Session* session)
{
    Actor actor = Actor::system();
    if (session) {
        auto authorized = m_access.authorize(*session, Operation::VerifyDatabase);
        if (!authorized.ok())
            return authorized.error();
        actor = *authorized;
    }
    Verification result;
    auto storage = m_vaults.verify(m_vault);
    if (!storage.ok())
        return storage.error();
    result.problems = storage->problems;
    result.notices = storage->notices;
    auto chain = m_audit.verify();
    if (!chain.ok())
        return chain.error();
    result.auditRows = chain->rowsChecked;
    if (!chain->ok())
        result.problems << tr("audit log: %1").arg(chain->problem);
    BV_TRY(m_audit.appendStandalone(actor,
        AuditEvent {QString::fromLatin1(audit::DatabaseVerify), QStringLiteral("database"), m_vault.databaseId(),
            QString(), result.ok() ? AuditOutcome::Ok : AuditOutcome::Failed,
            QJsonObject {{QStringLiteral("problems"), int(result.problems.size())},
                {QStringLiteral("auditRows"), result.auditRows}}}));
    return result;
}

Result<AdminService::Counts> AdminService::counts(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::ViewCounts);
    if (!actor.ok())
        return actor.error();
    Database& db = m_vault.database();
    Counts counts;
    const struct
    {
        qint64* target;
        QString sql;
    } queries[] = {
        {&counts.accounts, QStringLiteral("SELECT count(*) FROM users")},
        {&counts.activeAccounts, QStringLiteral("SELECT count(*) FROM users WHERE status = 'active'")},
        {&counts.auditRows, QStringLiteral("SELECT count(*) FROM audit_log")},
        {&counts.openRequests, QStringLiteral("SELECT count(*) FROM requests WHERE status = 'pending'")},
    };
    for (const auto& q : queries) {
        auto value = db.scalar(q.sql);
        if (!value.ok())
            return value.error();
        *q.target = value->toLongLong();
    }
    if (db.connection().tables().contains(QStringLiteral("customers"))) {
        auto value = db.scalar(QStringLiteral("SELECT count(*) FROM customers"));
        if (!value.ok())
            return value.error();
        counts.customers = value->toLongLong();
    }
    return counts;
}

} // namespace bv
