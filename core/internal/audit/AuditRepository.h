#pragma once

#include "core/internal/InternalOnly.h"

#include "core/audit/AuditRecords.h"
#include "core/common/Result.h"
#include "core/internal/audit/AuditChainSource.h"
#include "core/policy/Statuses.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QVariant>

#include <functional>
#include <optional>

namespace bv {

class Connection;
class RawRow;

// Every statement of the audit area (docs/ARCHITECTURE.md, "Storage seam"): the audit_log table, its anchor and
// purge gate rows, and the two reads of other areas' tables the auditor's screens need (staff names, stored masked
// customer names). No rules live here — AuditLog decides what a row holds, how the chain is hashed and what may be
// purged; AuditService decides who may read — and no transaction is opened here: the caller's Transaction
// decides. Internal to core.
class AuditRepository : public AuditChainSource
{
public:
    explicit AuditRepository(Connection& db);

    // Where the chain continues from: the newest row, or the anchor a complete purge left.
    using ChainPoint = AuditChainPoint;
    Result<std::optional<ChainPoint>> newest();
    // The anchor: the first kept row's sequence number and the hash it continues from (after a purge).
    Result<std::optional<ChainPoint>> anchor() override;
    Status insert(const AuditRow& row);
    Status insertMany(const QList<AuditRow>& rows); // in order, multi-row statements

    Result<QList<AuditRow>> rows(const AuditFilter& filter);

    // The columns of scanChain's rows, in the order of the canonical encoding (AuditLog's encoder).
    enum Column
    {
        Seq,
        At,
        Workstation,
        UserId,
        Login,
        Role,
        Action,
        ObjectType,
        ObjectId,
        CustomerNo,
        Outcome,
        Details,
        PrevHash,
        Hash
    };
    // Every stored row in sequence order, as stored (Connection::scan: no QVariant per field — the fast
    // verification path; the engine's reading of raw bytes is in core/db/). `visit` returns false to stop.
    Status scanChain(const std::function<bool(const RawRow&)>& visit) override;

    using Span = AuditChainSpan;
    Result<Span> span() override;
    // The rows with these sequence numbers (seq, at and hash filled; the others left empty).
    Result<QList<AuditRow>> ends(qint64 first, qint64 last) override;
    // The stored hash of row `seq`; nullopt when the row is not there.
    Result<std::optional<QByteArray>> hashOf(qint64 seq) override;
    Result<qint64> countBetween(qint64 from, qint64 through) override;

    // Purge (AuditLog::purgeOlderThan, inside its transaction).
    Result<std::optional<qint64>> firstSeqAtOrAfter(const QString& at);
    Result<std::optional<qint64>> lastSeqBefore(std::optional<qint64> seq); // nullopt seq: the newest row
    Result<qint64> firstSeq();
    Result<qint64> countThrough(qint64 through);
    // The newest stored purge row that records a range (details.purgedThrough); nullopt when none.
    Result<std::optional<qint64>> lastRangePurge(const QString& purgeAction);
    // Writes the gate row for exactly this purge, deletes the range and clears the gate again; returns the rows
    // deleted. The engine's gate must be open for `token` (core/db/AuditPurgeGate.h).
    Result<qint64> deleteThroughGate(const QByteArray& token, qint64 purgeSeq, qint64 from, qint64 through);
    Status setAnchor(qint64 firstSeq, const QByteArray& prevHash);

    // Staff accounts as the log names them (AuditService::people).
    struct Person
    {
        qint64 id = 0;
        QString login;
        QString displayName;
        QString role;
        StaffStatus status = StaffStatus::Active;
    };
    Result<QList<Person>> people();
    // The stored masked form of a customer's name (sealed_value.masked; the sealed value is never read); an empty
    // string when the customer or the masked form is not there.
    Result<QString> maskedName(const QString& customerNo, const QString& nameField);

private:
    Connection& m_db;
};

} // namespace bv
