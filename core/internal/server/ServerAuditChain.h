#pragma once

#include "core/internal/InternalOnly.h"

#include "core/audit/AuditRecords.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace bv {

class ServerConnection;

// The branch server's audit chain as the workstation reads and records it (ServerSession's auditor operations):
// the chain read by local mode's verifier, in one snapshot, and the record of a verification or a checkpoint.
namespace serveraudit {

// A verification or a checkpoint made at the workstation, as migration 18's audit_record_check takes it.
struct AuditCheckRecord
{
    QString action; // audit.verify, audit.checkpoint
    QString objectType = QStringLiteral("audit_log"); // or checkpoint
    std::optional<qint64> objectId;
    bool ok = true;
    QString result; // intact, broken, invalid checkpoint (audit.verify)
    std::optional<qint64> rows, headSeq, firstBroken, firstSeq;
    QByteArray hash;
    QString checkpointCreated;
};

// Records `check` in the branch's chain, in local mode's shape (AuditService::verify, verifyAgainst, checkpoint).
Status recordCheck(const ServerConnection& connection, const QString& workstation, const AuditCheckRecord& check);
// A time as the audit rows write it (UTC, milliseconds).
QString isoMsUtc(const QDateTime& at);
// The chain verified (against `checkpoint` when given) and its head, each read in one REPEATABLE READ, READ ONLY
// transaction: a retention purge committing in between cannot make an intact chain look broken.
Result<AuditVerification> verifyInOneSnapshot(const ServerConnection& connection, const QString& databaseId,
    const QDateTime& now, const std::optional<AuditCheckpoint>& checkpoint);
Result<AuditCheckpoint> headInOneSnapshot(
    const ServerConnection& connection, const QString& databaseId, const QDateTime& now);

} // namespace serveraudit
} // namespace bv
