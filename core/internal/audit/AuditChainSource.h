#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QByteArray>

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

// Where a chain's stored rows come from, for the one verifier (AuditLog::verifyChain): the workstation's own log
// (AuditRepository) or the branch server's (core/server). The rows' columns are AuditRepository::Column's, each as
// stored — the text the canonical encoding hashes.
class AuditChainSource
{
public:
    virtual ~AuditChainSource() = default;
    // The anchor: the first kept row's sequence number and the hash it continues from (after a purge).
    virtual Result<std::optional<AuditChainPoint>> anchor() = 0;
    // Every stored row in sequence order; `visit` returns false to stop. A read error is returned, never a short
    // chain.
    virtual Status scanChain(const std::function<bool(const RawRow&)>& visit) = 0;
};

} // namespace bv
