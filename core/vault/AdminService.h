#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/vault/BackupArchive.h"
#include "core/vault/VaultService.h"

#include <QCoreApplication>

namespace bv {

class AccessControl;
class AuditLog;
class Vault;

// The administrator's storage operations on an open database, behind the session check and with an
// audit row each: backup, key rotation, verification (integrity, page authentication, keys and the
// audit chain), and counts.
class AdminService
{
    Q_DECLARE_TR_FUNCTIONS(AdminService)
public:
    AdminService(Vault& vault, VaultService& vaults, AccessControl& access, AuditLog& audit);

    Result<BackupArchive::Written> backup(const Session& session, const QString& outFile);
    Status rekey(const Session& session, const VaultService::Progress& progress = {});
    // The generation of the field keys in use now (as the CLI reports it after a rotation); RotateKeys.
    Result<int> fieldKeyGeneration(const Session& session);
    // A new key envelope with a new recovery passphrase, for a database whose envelope is missing or damaged
    // while this computer's keychain still opens it (see VaultService::repairEnvelope). Audited.
    Result<SecureBytes> repairEnvelope(const Session& session);
    // Called on a restored database (through BackupArchive's acceptance, before anything is swapped)
    // with a session of that database: the restore must be allowed there, and it is recorded there.
    Status acceptRestore(const Session& session, const QString& backupFile);

    struct Verification
    {
        QStringList problems;
        QStringList notices; // worth knowing, not a fault
        qint64 auditRows = 0;
        bool ok() const { return problems.isEmpty(); }
    };
    // With a session: VerifyDatabase is checked. Without one (a monitoring script with keychain access),
    // the check runs as "system": it reveals no data, and it is audited all the same.
    Result<Verification> verify(const Session* session);

    struct Counts
    {
        qint64 accounts = 0;
        qint64 activeAccounts = 0;
        qint64 customers = 0;
        qint64 auditRows = 0;
        qint64 openRequests = 0;
    };
    Result<Counts> counts(const Session& session);

private:
    Vault& m_vault;
    VaultService& m_vaults;
    AccessControl& m_access;
    AuditLog& m_audit;
};

} // namespace bv
