#pragma once

#include "core/internal/InternalOnly.h"

// INTERNAL to core (docs/ARCHITECTURE.md): the audit log's plumbing — append inside a service's transaction, read
// without a session check, verify, purge. ui/ and app/ use AuditService (the auditor's front door) and the record
// types in AuditRecords.h; the other core services append through here.
#include "core/audit/AuditRecords.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"

#include <QCoreApplication>

#include <functional>
#include <memory>

namespace bv {

class AuditChainSource;
class AuditRepository;
class Database;

// The append-only, hash-chained audit log (DESIGN §7, docs/AUDIT.md). Every row carries the previous row's
// hash and its own: SHA-256 over a canonical encoding of the row and the previous hash (one encoder, for
// append and verify). Triggers refuse UPDATE and DELETE; the only rows that can be deleted are those a
// retention purge records in a chained audit.purge row, while purgeOlderThan holds the gate open. The
// verifier accepts missing rows only where such purge rows record exactly that range, past retention.
// This class has no notion of sessions; AuditService is the auditor's front door, and every service
// appends through here inside its own transaction, so an operation and its audit row commit or fail
// together.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    AuditLog(Database& db, QString databaseId, const Clock& clock);
    ~AuditLog();
    AuditLog(const AuditLog&) = delete;
    AuditLog& operator=(const AuditLog&) = delete;

    // DESIGN §7: audit rows are kept at least this long, whatever the setting says; the verifier and the
    // delete trigger hold every purge row to it.
    static constexpr int kMinimumRetentionDays = kAuditMinimumRetentionDays;

    // Appends one row. Call it inside the operation's transaction: if the row cannot be written,
    // the operation must fail.
    Status append(const Actor& actor, const AuditEvent& event);
    // Appends one row per event, in order, chained as if appended one by one, with multi-row statements (the
    // import's records of one batch). Inside the operation's transaction, like append().
    Status appendMany(const Actor& actor, const QList<AuditEvent>& events);
    // Appends one row in a transaction of its own (refusals, failed sign-ins: the operation did not
    // happen, but the attempt is recorded). Must not be called inside a transaction.
    Status appendStandalone(const Actor& actor, const AuditEvent& event);

    // Every row matching `filter`, with no session check and no audit row of its own: for core services and
    // tests. Readers outside core go through AuditService::list (ReadAudit, recorded).
    Result<QList<AuditRow>> rows(const AuditFilter& filter) const;
    // Walks the chain and names the first broken row. Rows may be missing only at the front, where the
    // chained purge rows record exactly that range, each past retention when it was purged; the anchor
    // must agree with them. Anything else is reported with the first missing sequence number.
    Result<AuditVerification> verify(const std::function<void(qint64)>& progress = {}) const;
    // The same verification of any stored chain (the branch server's, read by its auditor): `databaseId` gives
    // the genesis hash, `now` the retention the purge rows are held to.
    static Result<AuditVerification> verifyChain(AuditChainSource& source, const QString& databaseId,
        const QDateTime& now, const std::function<void(qint64)>& progress = {});
    // verify(), then the log compared with an earlier checkpoint: every row from its first to its head
    // must still be there unless a later, legal purge removed it; the head's hash must match.
    Result<AuditVerification> verifyAgainst(const AuditCheckpoint& checkpoint) const;
    // The same comparison for any stored chain (the branch server's): `databaseId` is the one the chain's genesis
    // hash names and the checkpoint must name, `now` the retention the purge rows are held to.
    static Result<AuditVerification> verifyChainAgainst(
        AuditChainSource& source, const QString& databaseId, const QDateTime& now, const AuditCheckpoint& checkpoint);
    // The checkpoint of the log as it is now (first row, head, row count).
    Result<AuditCheckpoint> head() const;
    // The checkpoint of any stored chain as it is now, taken at `now`.
    static Result<AuditCheckpoint> chainHead(AuditChainSource& source, const QString& databaseId, const QDateTime& now);

    // Deletes the rows older than `cutoff` (a prefix of the chain) inside the caller's transaction: it
    // first appends the audit.purge row that records the range (first and last purged row, the hash the
    // kept chain continues from, the cutoff), then opens the purge gate for exactly that range with a
    // token only this call knows, deletes, closes the gate and records where the chain now starts.
    // Refuses (InvalidInput) a cutoff later than kMinimumRetentionDays before now. Returns the number of
    // rows purged.
    Result<qint64> purgeOlderThan(const QDateTime& cutoff, const Actor& actor);

    QString databaseId() const { return m_databaseId; }
    static QString outcomeKey(AuditOutcome outcome) { return auditOutcomeKey(outcome); }
    static QByteArray genesisHash(const QString& databaseId);
    // The hash of `row` continuing from `prevHash`: the canonical encoding of the row's fields as append() stores
    // them, through the one encoder verify() uses too (rowDigest in AuditLog.cpp).
    static QByteArray rowHash(const QByteArray& prevHash, const AuditRow& row);

    // Tests: make the next `count` appends fail, as a full disk would.
    void failNextAppendsForTesting(int count) { m_failNext = count; }

private:
    struct Chain;
    // One pass over the stored rows (the ONE encoder, see rowDigest in AuditLog.cpp), then the front of the
    // log checked against the purge rows and the anchor.
    Result<Chain> walk(const std::function<void(qint64)>& progress) const;
    static Result<Chain> walk(AuditChainSource& source, const QString& databaseId, const QDateTime& now,
        const std::function<void(qint64)>& progress);

    Database& m_db; // transactions and the engine's purge gate (core/db/AuditPurgeGate.h)
    std::unique_ptr<AuditRepository> m_repo; // every statement (core/internal/audit/AuditRepository.h)
    QString m_databaseId;
    const Clock& m_clock;
    QString m_workstation;
    int m_failNext = 0;
};

} // namespace bv
