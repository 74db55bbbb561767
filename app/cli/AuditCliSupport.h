// Helpers shared by the auditor's commands on the local log (AuditCommands.cpp) and on the branch server's
// (ServerCommands.cpp): the checkpoint file read back, and a checkpoint in --json.
#pragma once

#include "core/audit/AuditRecords.h"
#include "core/common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace bv::cli {

class AuditCli
{
    Q_DECLARE_TR_FUNCTIONS(AuditCli)
public:
    static constexpr qint64 kMaxCheckpointBytes = 64 * 1024;

    // The text of the checkpoint file `path` (--checkpoint), read before anyone signs in; not yet parsed.
    static Result<QString> readCheckpoint(const QString& path);
    // A checkpoint just written to `file`: {file, databaseId, firstSeq, seq, rows, hash, created}.
    static QJsonObject written(const AuditCheckpoint& checkpoint, const QString& file);
    // The checkpoint a verification was compared with: {file, format, firstSeq, seq, rows, hash, created}.
    static QJsonObject compared(const AuditCheckpoint& checkpoint, const QString& file);
    // A retention purge's result: {rows, retentionDays} and its sentence, for the local log and the server's.
    static QJsonObject purged(qint64 rows, qint64 retentionDays);
    static QString purgedText(qint64 rows, qint64 retentionDays);
};

} // namespace bv::cli
