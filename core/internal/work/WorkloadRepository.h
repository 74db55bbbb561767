#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: the SQL behind the home pages' counts (WorkloadService). Each count reads another area's
// tables (customer changes, tier changes, special requests, suspicious pairs, complaints, staff accounts, the
// audit log) without changing them; they are kept together here because they are read together, as numbers
// only. SQL and row mapping only: WorkloadService authorizes each count (docs/ARCHITECTURE.md, "Storage seam").
// The reassignment count is CustomerQueryRepository::reassignmentCount, beside the list it counts.

#include "core/common/Result.h"
#include "core/policy/Statuses.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace bv {

class Connection;

class WorkloadRepository
{
public:
    explicit WorkloadRepository(Connection& db);

    // Pending customer changes made by someone other than `userId` (the maker never checks), and by `userId`.
    Result<qint64> changesToApprove(qint64 userId);
    Result<qint64> ownPendingChanges(qint64 userId);
    Result<qint64> pendingTierChanges();
    // Pending special requests filed by someone other than `userId`; by `userId`; approved for `userId` and
    // usable at `now`.
    Result<qint64> requestsToDecide(qint64 userId);
    Result<qint64> ownPendingRequests(qint64 userId);
    Result<qint64> ownApprovedRequests(qint64 userId, const QDateTime& now);
    Result<qint64> openSuspiciousPairs();

    // The open and investigating complaints of held customers — of the whole branch, or (with `managerId`) of the
    // customers that manager is responsible for at `now` — with their deadlines (UTC).
    struct OpenComplaint
    {
        ComplaintStatus status = ComplaintStatus::Open;
        QDateTime investigateBy;
        QDateTime answerBy;
        QDateTime investigatedAt;
        QDateTime answeredAt;
    };
    Result<QList<OpenComplaint>> openComplaints(std::optional<qint64> managerId, const QDateTime& now);

    // Staff accounts: waiting for a confirmation (all, or except `userId`'s own), locked at `now`, frozen, and
    // active with a password changed at or before `changedBy`.
    Result<qint64> accountsAwaiting();
    Result<qint64> accountsAwaitingOthers(qint64 userId);
    Result<qint64> accountsLocked(const QDateTime& now);
    Result<qint64> accountsFrozen();
    Result<qint64> passwordsChangedBy(const QDateTime& changedBy);

    // The audit log: its number of rows, and the newest row of `action` (when, whether its outcome was ok).
    Result<qint64> auditRows();
    struct LastRow
    {
        QDateTime atUtc;
        bool ok = true;
    };
    Result<std::optional<LastRow>> lastOf(const QString& action);

private:
    Result<qint64> count(const QString& sql, const QVariantList& values = {});

    Connection& m_db;
};

} // namespace bv
