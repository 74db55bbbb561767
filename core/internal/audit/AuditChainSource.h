#pragma once

#include "core/internal/InternalOnly.h"

#include "core/audit/AuditRecords.h"
#include "core/common/Result.h"

#include <QByteArray>
#include <QList>

#include <functional>
#include <optional>

namespace bv {

class RawRow;

// A point of the chain: a sequence number and a hash (the newest row; the anchor a purge left).
struct AuditChainPoint
{
    qint64 seq = 0;
    QByteArray hash;
};

// The stored rows' first and last sequence numbers and their count (0 when the log is empty).
struct AuditChainSpan
{
    qint64 first = 0;
    qint64 last = 0;
    qint64 count = 0;
};

// Where a chain's stored rows come from, for the one verifier and the checkpoints (AuditLog::verifyChain,
// chainHead, verifyChainAgainst): the workstation's own log (AuditRepository) or the branch server's (core/server).
// The rows' columns are AuditRepository::Column's, each as stored — the text the canonical encoding hashes.
class AuditChainSource
{
public:
    virtual ~AuditChainSource() = default;
    // The anchor: the first kept row's sequence number and the hash it continues from (after a purge).
    virtual Result<std::optional<AuditChainPoint>> anchor() = 0;
    // Every stored row in sequence order; `visit` returns false to stop. A read error is returned, never a short
    // chain.
    virtual Status scanChain(const std::function<bool(const RawRow&)>& visit) = 0;

    // What a checkpoint names and its comparison reads (AuditCheckpoint.cpp).
    virtual Result<AuditChainSpan> span() = 0;
    // The rows with these sequence numbers (seq, at and hash filled; the others left empty).
    virtual Result<QList<AuditRow>> ends(qint64 first, qint64 last) = 0;
    // The stored hash of row `seq`; nullopt when the row is not there.
    virtual Result<std::optional<QByteArray>> hashOf(qint64 seq) = 0;
    virtual Result<qint64> countBetween(qint64 from, qint64 through) = 0;
};

} // namespace bv
