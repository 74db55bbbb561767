#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QMap>

#include <optional>

namespace bv {

class Vault;
struct ReportContext;

// What waits for the signed-in person now, as counts: the first page of each role's workspace.
enum class WorkCount
{
    // branch manager
    ChangesToApprove, // new records and edits waiting for a checker
    TierChangesToConfirm,
    RequestsToDecide, // special requests filed by others
    BranchOverdueComplaints,
    SuspiciousPairs,
    OverdueLendings, // printouts lent and not given back in time
    PrintoutsPastUse, // printouts past their period of use and not destroyed
    UnfinishedPrints,
    CustomersToReassign,
    AccountsToConfirm,
    // customer manager
    OwnPendingChanges,
    OwnPendingRequests, // waiting for a branch manager's decision
    OwnApprovedRequests, // approved and still usable
    ComplaintsDueToday, // a deadline today, not yet overdue
    OwnOverdueComplaints,
    // security auditor
    OpenAlerts, // the alerts of the last AlertDays days, as the alerts page shows them
    // system administrator
    AccountsAwaitingConfirmation,
    AccountsLocked,
    AccountsFrozen,
    PasswordsExpiring, // active accounts whose password expires within PasswordWarningDays (or has expired)
};

struct WorkCheck
{
    QDateTime atUtc;
    bool ok = true;
};

struct Workload
{
    QDateTime readAtUtc;
    QMap<WorkCount, qint64> counts; // only those the role has
    // auditor: the last verification of the audit chain (none: never verified)
    std::optional<WorkCheck> lastAuditVerification;
    // administrator: storage health
    QString databasePath;
    qint64 databaseBytes = 0;
    qint64 auditRows = 0;
    std::optional<WorkCheck> lastBackup;
    std::optional<WorkCheck> lastDatabaseVerification;

    qint64 count(WorkCount which) const { return counts.value(which, 0); }
    bool has(WorkCount which) const { return counts.contains(which); }
};

// The counts behind the home pages (core/work). Each count is taken only when the role may list what it
// counts, and each is authorized with the operation of that list (a refusal is audited by AccessControl as
// always). Reading the counts writes no audit row: they are numbers without customer data, like
// AdminService::counts and CustomerFinder::branchCount, and the home page reads them at every unlock and on
// F5 — a row per count would bury the log. The lists behind them are audited when opened, as before.
class WorkloadService
{
    Q_DECLARE_TR_FUNCTIONS(WorkloadService)
public:
    static constexpr int AlertDays = 7;
    static constexpr int PasswordWarningDays = 14;

    WorkloadService(ReportContext& context, Vault& vault);

    // The counts of `role`'s home page. Refused (PermissionDenied, audited) when the session's role may not list
    // what they count — another role's home page is not a way around the lists' rules.
    Result<Workload> workload(const Session& session, Role role);

private:
    Status managerCounts(const Session& session, const Actor& actor, Workload* load);
    Status customerManagerCounts(const Session& session, const Actor& actor, Workload* load);
    Status auditorCounts(const Session& session, Workload* load);
    Status adminCounts(const Session& session, Workload* load);
    Status complaintCounts(const Actor& actor, bool branch, Workload* load);
    Status printCounts(Workload* load);
    Result<std::optional<WorkCheck>> lastCheck(const char* action);

    ReportContext& m_context;
    Vault& m_vault;
};

} // namespace bv
