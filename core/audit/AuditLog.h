#pragma once

#include "auth/Session.h"
#include "common/Clock.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>

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
};

// A head (sequence number and hash) exported by the auditor. Verifying against an earlier
// checkpoint detects a chain that was truncated or rewritten since.
struct AuditCheckpoint
{
    QString databaseId;
    qint64 seq = 0;
    QByteArray hash;
    QDateTime created;

    QString toText() const;
    static Result<AuditCheckpoint> parse(const QString& text);
};

struct AuditVerification
{
    qint64 rowsChecked = 0;
    qint64 firstBrokenSeq = 0; // 0 when the chain is intact
    QString problem; // what is wrong with the first broken row
    qint64 headSeq = 0;
    QByteArray headHash;
    bool ok() const { return firstBrokenSeq == 0 && problem.isEmpty(); }
};

// The append-only, hash-chained audit log (DESIGN §7). Every row carries the previous row's hash and
// its own: SHA-256 over a canonical encoding of the row and the previous hash. Triggers refuse UPDATE
// and DELETE (except a retention purge of rows older than the cutoff). This class has no notion of
// sessions; AuditService is the auditor's front door, and every service appends through here inside
// its own transaction, so an operation and its audit row commit or fail together.
class AuditLog
{
    Q_DECLARE_TR_FUNCTIONS(AuditLog)
public:
    AuditLog(Database& db, QString databaseId, const Clock& clock);

    // Appends one row. Call it inside the operation's transaction: if the row cannot be written,
    // the operation must fail.
    Status append(const Actor& actor, const AuditEvent& event);
    // Appends one row in a transaction of its own (refusals, failed sign-ins: the operation did not
    // happen, but the attempt is recorded). Must not be called inside a transaction.
    Status appendStandalone(const Actor& actor, const AuditEvent& event);

    Result<QList<AuditRow>> rows(const AuditFilter& filter) const;
    Result<AuditVerification> verify(const std::function<void(qint64)>& progress = {}) const;
    Result<AuditVerification> verifyAgainst(const AuditCheckpoint& checkpoint) const;
    Result<AuditCheckpoint> head() const;

    // Deletes the rows older than `cutoff` (a prefix of the chain), records where the chain now
    // starts, and appends a purge row that names the hash it continues from. Runs inside the
    // caller's transaction. Returns the number of rows purged.
    Result<qint64> purgeOlderThan(const QDateTime& cutoff, const Actor& actor);

    QString databaseId() const { return m_databaseId; }
    static QString outcomeKey(AuditOutcome outcome);
    static QByteArray genesisHash(const QString& databaseId);
    static QByteArray rowHash(const QByteArray& prevHash, const AuditRow& row);

    // Tests: make the next `count` appends fail, as a full disk would.
    void failNextAppendsForTesting(int count) { m_failNext = count; }

private:
    Database& m_db;
    QString m_databaseId;
    const Clock& m_clock;
    QString m_workstation;
    int m_failNext = 0;
};

} // namespace bv
