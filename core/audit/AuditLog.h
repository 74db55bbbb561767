#pragma once

#include "auth/Session.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>

namespace bv {

class Database;

enum class AuditOutcome
{
    Ok,
    Denied,
    Failed
};

struct AuditEvent
{
    QString action; // core/audit/AuditActions.h
    QString objectType; // "user", "customer", "request", "settings", "database", "operation", ...
    QString objectId;
    QString customerNo; // for filtering by customer number; never a grade-1 value
    AuditOutcome outcome = AuditOutcome::Ok;
    QJsonObject details; // field names and masked values only
};

struct AuditRow
{
    qint64 seq = 0;
    QDateTime at;
    QString workstation;
    qint64 userId = 0;
    QString login;
    QString role;
    QString action;
    QString objectType;
    QString objectId;
    QString customerNo;
    QString outcome;
    QString details;
    QByteArray prevHash;
    QByteArray hash;
};

struct AuditFilter
{
    QDateTime since;
    QDateTime until;
    QString login;
    QString action; // exact, or a prefix ending in '.' ("customer.")
    QString customerNo;
    QString outcome;
    qint64 afterSeq = 0; // keyset paging
    int limit = 500;
    // any of these actions, exactly (a group of actions); empty: no such condition. Last, so that the positional
    // initialisations above keep their meaning.
    QStringList actions;
};

// What the auditor exports or prints (docs/AUDIT.md): the first retained row, the head (sequence number,
// hash and time) and the row count in between. Verifying against an earlier checkpoint detects rows
// deleted since at the front, in the middle or at the end, and a rewritten chain. Format 1 (head only,
// written before issue 11) is still read: its firstSeq is 0 and its rowCount -1.
struct AuditCheckpoint
{
    QString databaseId;
    qint64 firstSeq = 0; // the first row in the log when the checkpoint was taken (1 for an empty log)
    QDateTime firstAt; // that row's time (invalid for an empty log)
    qint64 seq = 0; // the head: the last row (0 for an empty log)
    QDateTime headAt; // the head's time (invalid for an empty log)
    QByteArray hash; // the head's hash (the genesis hash for an empty log)
    qint64 rowCount = -1; // rows from firstSeq to seq
    QDateTime created;
    int format = 2;

    QString toText() const;
    static Result<AuditCheckpoint> parse(const QString& text);
};

struct AuditVerification
{
    qint64 rowsChecked = 0;
    qint64 firstBrokenSeq = 0; // 0 when the chain is intact
    QString problem; // what is wrong with the first broken row
    qint64 firstSeq = 0; // the first row in the log (after any purge); 0 when the log is empty
    qint64 headSeq = 0;
    QByteArray headHash;
    bool ok() const { return firstBrokenSeq == 0 && problem.isEmpty(); }
};

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
    static constexpr int kMinimumRetentionDays = 180;

    // Appends one row. Call it inside the operation's transaction: if the row cannot be written,
    // the operation must fail.
    Status append(const Actor& actor, const AuditEvent& event);
    // Appends one row in a transaction of its own (refusals, failed sign-ins: the operation did not
    // happen, but the attempt is recorded). Must not be called inside a transaction.
    Status appendStandalone(const Actor& actor, const AuditEvent& event);

    Result<QList<AuditRow>> rows(const AuditFilter& filter) const;
    // Walks the chain and names the first broken row. Rows may be missing only at the front, where the
    // chained purge rows record exactly that range, each past retention when it was purged; the anchor
    // must agree with them. Anything else is reported with the first missing sequence number.
    Result<AuditVerification> verify(const std::function<void(qint64)>& progress = {}) const;
    // verify(), then the log compared with an earlier checkpoint: every row from its first to its head
    // must still be there unless a later, legal purge removed it; the head's hash must match.
    Result<AuditVerification> verifyAgainst(const AuditCheckpoint& checkpoint) const;
    // The checkpoint of the log as it is now (first row, head, row count).
    Result<AuditCheckpoint> head() const;

    // Deletes the rows older than `cutoff` (a prefix of the chain) inside the caller's transaction: it
    // first appends the audit.purge row that records the range (first and last purged row, the hash the
    // kept chain continues from, the cutoff), then opens the purge gate for exactly that range with a
    // token only this call knows, deletes, closes the gate and records where the chain now starts.
    // Refuses (InvalidInput) a cutoff later than kMinimumRetentionDays before now. Returns the number of
    // rows purged.
    Result<qint64> purgeOlderThan(const QDateTime& cutoff, const Actor& actor);

    QString databaseId() const { return m_databaseId; }
    static QString outcomeKey(AuditOutcome outcome);
    static QByteArray genesisHash(const QString& databaseId);
    static QByteArray rowHash(const QByteArray& prevHash, const AuditRow& row);

    // Tests: make the next `count` appends fail, as a full disk would.
    void failNextAppendsForTesting(int count) { m_failNext = count; }

private:
    struct Chain;
    // One pass over the stored rows (the ONE encoder, see rowDigest in AuditLog.cpp), then the front of the
    // log checked against the purge rows and the anchor.
    Result<Chain> walk(const std::function<void(qint64)>& progress) const;

    Database& m_db;
    QString m_databaseId;
    const Clock& m_clock;
    QString m_workstation;
    int m_failNext = 0;
};

} // namespace bv
