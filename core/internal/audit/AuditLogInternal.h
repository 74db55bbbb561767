#pragma once

#include "core/internal/InternalOnly.h"

// Shared by AuditLog.cpp (append, walk, purge) and AuditCheckpoint.cpp (checkpoints), and isoMs by AuditService.cpp
// and AuditAlerts.cpp; not part of the API.
#include "core/internal/audit/AuditLog.h"

#include <QDateTime>
#include <QList>

namespace bv {

inline QString isoMs(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// What a chained audit.purge row records. Rows written before issue 11 (legacy) name only the last purged
// row and the count; their first row is derived from the two.
struct PurgeRecord
{
    qint64 seq = 0; // the purge row itself
    QDateTime at; // when the purge ran
    qint64 from = 0; // first purged row
    qint64 through = 0; // last purged row
    qint64 rows = -1;
    qint64 previous = -1; // the purge row before this one (0: none; -1: not recorded)
    QDateTime cutoff;
    QByteArray continuesFrom; // the hash of row `through`, which the kept chain continues from
    bool legacy = false;
};

// The state of one pass over the log (see walk()).
struct AuditLog::Chain
{
    AuditVerification result;
    qint64 firstSeq = 0; // first stored row
    QByteArray firstPrevHash; // the previous hash that row names
    QDateTime firstAt;
    QList<PurgeRecord> purges; // stored purge rows that record a range, in sequence order
};

} // namespace bv
