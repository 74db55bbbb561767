#include "core/work/WorkloadService.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditAlerts.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/db/Database.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/reports/PrintRegisterRepository.h"
#include "core/internal/reports/ReportContext.h"
#include "core/internal/work/WorkloadRepository.h"
#include "core/policy/Policy.h"
#include "core/policy/SettingsService.h"
#include "core/vault/Vault.h"

#include <QFileInfo>

namespace bv {

WorkloadService::WorkloadService(ReportContext& context, Vault& vault)
    : m_context(context)
    , m_vault(vault)
{
}

Result<Workload> WorkloadService::workload(const Session& session, Role role)
{
    Workload load;
    load.readAtUtc = m_context.clock.nowUtc();
    // The role picks the counts; each count is then authorized with its list's operation.
    switch (role) {
    case Role::Manager: {
        auto actor = m_context.access.authorize(session, Operation::ApproveChanges);
        if (!actor.ok())
            return actor.error();
        BV_TRY(managerCounts(session, *actor, &load));
        break;
    }
    case Role::CustomerManager: {
        auto actor = m_context.access.authorize(session, Operation::ViewCustomer);
        if (!actor.ok())
            return actor.error();
        BV_TRY(customerManagerCounts(session, *actor, &load));
        break;
    }
    case Role::Auditor:
        BV_TRY(auditorCounts(session, &load));
        break;
    case Role::Admin:
        BV_TRY(adminCounts(session, &load));
        break;
    case Role::Clerk:
        break; // the clerk's work starts at the counter: nothing waits
    }
    return load;
}

Status WorkloadService::managerCounts(const Session& session, const Actor& actor, Workload* load)
{
    auto set = [load](WorkCount which, const Result<qint64>& value) -> Status {
        if (!value.ok())
            return value.error();
        load->counts.insert(which, *value);
        return {};
    };
    WorkloadRepository counts(m_context.db);
    // the maker never checks: the manager's own changes wait for another branch manager
    BV_TRY(set(WorkCount::ChangesToApprove, counts.changesToApprove(actor.userId)));
    BV_TRY(m_context.access.authorize(session, Operation::ConfirmTier));
    BV_TRY(set(WorkCount::TierChangesToConfirm, counts.pendingTierChanges()));
    BV_TRY(m_context.access.authorize(session, Operation::DecideRequest));
    BV_TRY(set(WorkCount::RequestsToDecide, counts.requestsToDecide(actor.userId)));
    BV_TRY(m_context.access.authorize(session, Operation::ViewBranchComplaints));
    BV_TRY(complaintCounts(actor, true, load));
    BV_TRY(m_context.access.authorize(session, Operation::ReviewSuspicious));
    BV_TRY(set(WorkCount::SuspiciousPairs, counts.openSuspiciousPairs()));
    BV_TRY(m_context.access.authorize(session, Operation::ViewPrintRegister));
    BV_TRY(printCounts(load));
    BV_TRY(m_context.access.authorize(session, Operation::ViewReassignments));
    BV_TRY(set(WorkCount::CustomersToReassign,
        CustomerQueryRepository(m_context.db).reassignmentCount(m_context.clock.nowUtc())));
    BV_TRY(m_context.access.authorize(session, Operation::ConfirmAccounts));
    BV_TRY(set(WorkCount::AccountsToConfirm, counts.accountsAwaitingOthers(actor.userId)));
    return {};
}

Status WorkloadService::customerManagerCounts(const Session& session, const Actor& actor, Workload* load)
{
    WorkloadRepository counts(m_context.db);
    auto pending = counts.ownPendingChanges(actor.userId);
    if (!pending.ok())
        return pending.error();
    load->counts.insert(WorkCount::OwnPendingChanges, *pending);
    BV_TRY(m_context.access.authorize(session, Operation::ListOwnRequests));
    const QDateTime now = m_context.clock.nowUtc();
    auto waiting = counts.ownPendingRequests(actor.userId);
    if (!waiting.ok())
        return waiting.error();
    load->counts.insert(WorkCount::OwnPendingRequests, *waiting);
    auto approved = counts.ownApprovedRequests(actor.userId, now);
    if (!approved.ok())
        return approved.error();
    load->counts.insert(WorkCount::OwnApprovedRequests, *approved);
    BV_TRY(m_context.access.authorize(session, Operation::ManageComplaints));
    return complaintCounts(actor, false, load);
}

Status WorkloadService::complaintCounts(const Actor& actor, bool branch, Workload* load)
{
    const QDateTime now = m_context.clock.nowUtc();
    // The same selection as CustomerCare::overdue(); the deadline test is CustomerCare::isOverdue().
    auto open = WorkloadRepository(m_context.db)
                    .openComplaints(branch ? std::nullopt : std::optional<qint64>(actor.userId), now);
    if (!open.ok())
        return open.error();
    const WorkingCalendar calendar;
    const QDate today = calendar.localDate(now);
    qint64 overdue = 0;
    qint64 dueToday = 0;
    for (const WorkloadRepository::OpenComplaint& row : std::as_const(*open)) {
        Complaint c;
        c.status = row.status;
        c.investigateBy = row.investigateBy;
        c.answerBy = row.answerBy;
        c.investigatedAt = row.investigatedAt;
        c.answeredAt = row.answeredAt;
        if (CustomerCare::isOverdue(c, now)) {
            ++overdue;
            continue;
        }
        const bool investigateToday
            = !c.investigatedAt.isValid() && c.investigateBy.isValid() && calendar.localDate(c.investigateBy) == today;
        const bool answerToday
            = !c.answeredAt.isValid() && c.answerBy.isValid() && calendar.localDate(c.answerBy) == today;
        if (investigateToday || answerToday)
            ++dueToday;
    }
    if (branch) {
        load->counts.insert(WorkCount::BranchOverdueComplaints, overdue);
    } else {
        load->counts.insert(WorkCount::OwnOverdueComplaints, overdue);
        load->counts.insert(WorkCount::ComplaintsDueToday, dueToday);
    }
    return {};
}

Status WorkloadService::printCounts(Workload* load)
{
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    auto alerts = store.alerts(m_context.clock.nowUtc());
    if (!alerts.ok())
        return alerts.error();
    qint64 lendings = 0;
    qint64 pastUse = 0;
    qint64 unfinished = 0;
    for (const PrintAlert& alert : std::as_const(*alerts)) {
        switch (alert.kind) {
        case PrintAlert::Kind::OverdueLending:
            ++lendings;
            break;
        case PrintAlert::Kind::PastPeriodOfUse:
            ++pastUse;
            break;
        case PrintAlert::Kind::UnfinishedPrint:
            ++unfinished;
            break;
        }
    }
    load->counts.insert(WorkCount::OverdueLendings, lendings);
    load->counts.insert(WorkCount::PrintoutsPastUse, pastUse);
    load->counts.insert(WorkCount::UnfinishedPrints, unfinished);
    return {};
}

Result<std::optional<WorkCheck>> WorkloadService::lastCheck(const char* action)
{
    auto last = WorkloadRepository(m_context.db).lastOf(QString::fromLatin1(action));
    if (!last.ok())
        return last.error();
    std::optional<WorkCheck> check;
    if (*last)
        check = WorkCheck {(*last)->atUtc, (*last)->ok};
    return check;
}

Status WorkloadService::auditorCounts(const Session& session, Workload* load)
{
    BV_TRY(m_context.access.authorize(session, Operation::ViewAlerts));
    const QDateTime now = m_context.clock.nowUtc();
    // the alerts page's default period
    auto alerts = collectAuditAlerts(m_context.audit, now.addDays(-AlertDays), now.addSecs(60));
    if (!alerts.ok())
        return alerts.error();
    load->counts.insert(WorkCount::OpenAlerts, alerts->size());
    BV_TRY(m_context.access.authorize(session, Operation::VerifyAudit));
    auto verified = lastCheck(audit::AuditVerify);
    if (!verified.ok())
        return verified.error();
    load->lastAuditVerification = *verified;
    return {};
}

Status WorkloadService::adminCounts(const Session& session, Workload* load)
{
    BV_TRY(m_context.access.authorize(session, Operation::ListAccounts));
    const QDateTime now = m_context.clock.nowUtc();
    WorkloadRepository counts(m_context.db);
    auto set = [load](WorkCount which, const Result<qint64>& value) -> Status {
        if (!value.ok())
            return value.error();
        load->counts.insert(which, *value);
        return {};
    };
    BV_TRY(set(WorkCount::AccountsAwaitingConfirmation, counts.accountsAwaiting()));
    BV_TRY(set(WorkCount::AccountsLocked, counts.accountsLocked(now)));
    BV_TRY(set(WorkCount::AccountsFrozen, counts.accountsFrozen()));
    // the expiry rule of AuthService: changed at + expiry days <= now is expired
    const qint64 expiryDays = m_context.settings.integer(QString::fromLatin1(settings::PasswordExpiryDays));
    auto expiring = counts.passwordsChangedBy(now.addDays(PasswordWarningDays - expiryDays));
    if (!expiring.ok())
        return expiring.error();
    load->counts.insert(WorkCount::PasswordsExpiring, *expiring);

    BV_TRY(m_context.access.authorize(session, Operation::ViewCounts));
    auto rows = counts.auditRows();
    if (!rows.ok())
        return rows.error();
    load->auditRows = *rows;
    load->databasePath = m_vault.path();
    load->databaseBytes = QFileInfo(m_vault.path()).size();
    auto backup = lastCheck(audit::DatabaseBackup);
    if (!backup.ok())
        return backup.error();
    load->lastBackup = *backup;
    auto verified = lastCheck(audit::DatabaseVerify);
    if (!verified.ok())
        return verified.error();
    load->lastDatabaseVerification = *verified;
    return {};
}

} // namespace bv
