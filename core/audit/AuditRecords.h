#pragma once

// The audit area's record types: what the auditor's front door (AuditService) takes and returns, and what every
// service's audit row holds. Public: ui/ and app/ include this, never AuditLog.h (the append/read plumbing).
#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace bv {

// DESIGN §7: audit rows are kept at least this long, whatever the setting says; the verifier and the delete
// trigger hold every purge row to it. AuditService::retentionDays() is the period in force.
inline constexpr int kAuditMinimumRetentionDays = 180;

enum class AuditOutcome
{
    Ok,
    Denied,
    Failed
};

// The stored text of an outcome ("ok", "denied", "failed"): the one mapping, for filters and the stored rows.
QString auditOutcomeKey(AuditOutcome outcome);

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

} // namespace bv
