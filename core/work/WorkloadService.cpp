#include "core/work/WorkloadService.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditAlerts.h"
#include "core/audit/AuditLog.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/internal/reports/PrintRegisterRepository.h"
#include "core/internal/reports/ReportContext.h"
#include "core/policy/AccessControl.h"
#include "core/policy/Policy.h"
#include "core/policy/SettingsService.h"
#include "core/vault/Vault.h"

#include <QFileInfo>
#include <QSqlQuery>

namespace bv {

namespace {

QDateTime utcFrom(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty())
        return QDateTime();
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : at;
}

} // namespace

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

Result<qint64> WorkloadService::count(const QString& sql, const QVariantList& values)
{
    auto value = m_context.db.scalar(sql, values);
    if (!value.ok())
        return value.error();
    return value->toLongLong();
}

Status WorkloadService::managerCounts(const Session& session, const Actor& actor, Workload* load)
{
    auto set = [load](WorkCount which, const Result<qint64>& value) -> Status {
        if (!value.ok())
            return value.error();
        load->counts.insert(which, *value);
        return {};
    };
    // the maker never checks: the manager's own changes wait for another branch manager
    BV_TRY(set(WorkCount::ChangesToApprove,
        count(QStringLiteral("SELECT count(*) FROM customer_changes WHERE status = 'pending' AND maker_id <> ?"),
            {actor.userId})));
    BV_TRY(m_context.access.authorize(session, Operation::ConfirmTier));
    BV_TRY(set(WorkCount::TierChangesToConfirm,
        count(QStringLiteral("SELECT count(*) FROM tier_changes WHERE status = 'pending'"))));
    BV_TRY(m_context.access.authorize(session, Operation::DecideRequest));
    BV_TRY(set(WorkCount::RequestsToDecide,
        count(QStringLiteral("SELECT count(*) FROM requests WHERE status = 'pending' AND requester_id <> ?"),
            {actor.userId})));
    BV_TRY(m_context.access.authorize(session, Operation::ViewBranchComplaints));
    BV_TRY(complaintCounts(actor, true, load));
    BV_TRY(m_context.access.authorize(session, Operation::ReviewSuspicious));
    BV_TRY(set(WorkCount::SuspiciousPairs,
        count(QStringLiteral("SELECT count(*) FROM suspicious_pairs WHERE status = 'open'"))));
    BV_TRY(m_context.access.authorize(session, Operation::ViewPrintRegister));
    BV_TRY(printCounts(load));
    BV_TRY(m_context.access.authorize(session, Operation::ViewReassignments));
    BV_TRY(set(WorkCount::CustomersToReassign,
        count(QStringLiteral("SELECT count(*) FROM customers c WHERE ") + CustomerOwnership::reassignmentCondition(),
            {m_context.clock.nowUtc()})));
    BV_TRY(m_context.access.authorize(session, Operation::ConfirmAccounts));
    BV_TRY(set(WorkCount::AccountsToConfirm,
        count(QStringLiteral("SELECT count(*) FROM users WHERE awaiting IS NOT NULL AND id <> ?"), {actor.userId})));
    return {};
}

Status WorkloadService::customerManagerCounts(const Session& session, const Actor& actor, Workload* load)
{
    auto pending
        = count(QStringLiteral("SELECT count(*) FROM customer_changes WHERE status = 'pending' AND maker_id = ?"),
            {actor.userId});
    if (!pending.ok())
        return pending.error();
    load->counts.insert(WorkCount::OwnPendingChanges, *pending);
    BV_TRY(m_context.access.authorize(session, Operation::ListOwnRequests));
    const QDateTime now = m_context.clock.nowUtc();
    auto waiting = count(
        QStringLiteral("SELECT count(*) FROM requests WHERE status = 'pending' AND requester_id = ?"), {actor.userId});
    if (!waiting.ok())
        return waiting.error();
    load->counts.insert(WorkCount::OwnPendingRequests, *waiting);
    auto approved = count(QStringLiteral("SELECT count(*) FROM requests WHERE status = 'approved' AND valid_until > ? "
                                         "AND requester_id = ?"),
        {now, actor.userId});
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
    QString sql
        = QStringLiteral("SELECT cp.status, cp.investigate_by, cp.answer_by, cp.investigated_at, cp.answered_at FROM "
                         "complaints cp "
                         "JOIN customers c ON c.id = cp.customer_id WHERE cp.status IN ('open', 'investigating') AND ")
        + responsible::heldSql();
    QVariantList values;
    if (!branch) {
        sql += QStringLiteral(" AND ") + responsible::managedBySql();
        values = responsible::managedByValues(actor.userId, now);
    }
    auto q = m_context.db.query(sql, values);
    if (!q.ok())
        return q.error();
    const WorkingCalendar calendar;
    const QDate today = calendar.localDate(now);
    qint64 overdue = 0;
    qint64 dueToday = 0;
    while (q->next()) {
        Complaint c;
        c.status = q->value(0).toString();
        c.investigateBy = utcFrom(q->value(1));
        c.answerBy = utcFrom(q->value(2));
        c.investigatedAt = utcFrom(q->value(3));
        c.answeredAt = utcFrom(q->value(4));
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
    BV_TRY(rowsFinished(*q, Reading::Customers));
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
    auto q = m_context.db.query(
        QStringLiteral("SELECT at, outcome FROM audit_log WHERE action = ? ORDER BY at DESC, seq DESC LIMIT 1"),
        {QString::fromLatin1(action)});
    if (!q.ok())
        return q.error();
    std::optional<WorkCheck> check;
    if (q->next())
        check = WorkCheck {utcFrom(q->value(0)), q->value(1).toString() == QLatin1String("ok")};
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
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
    const struct
    {
        WorkCount which;
        QString sql;
        QVariantList values;
    } queries[] = {
        {WorkCount::AccountsAwaitingConfirmation,
            QStringLiteral("SELECT count(*) FROM users WHERE awaiting IS NOT NULL"), {}},
        {WorkCount::AccountsLocked,
            QStringLiteral("SELECT count(*) FROM users WHERE status = 'active' AND locked_until > ?"), {now}},
        {WorkCount::AccountsFrozen, QStringLiteral("SELECT count(*) FROM users WHERE status = 'frozen'"), {}},
    };
    for (const auto& query : queries) {
        auto value = count(query.sql, query.values);
        if (!value.ok())
            return value.error();
        load->counts.insert(query.which, *value);
    }
    // the expiry rule of AuthService: changed at + expiry days <= now is expired
    const qint64 expiryDays = m_context.settings.integer(QString::fromLatin1(settings::PasswordExpiryDays));
    auto expiring = count(QStringLiteral("SELECT count(*) FROM users WHERE status = 'active' "
                                         "AND password_changed_at <= ?"),
        {now.addDays(PasswordWarningDays - expiryDays)});
    if (!expiring.ok())
        return expiring.error();
    load->counts.insert(WorkCount::PasswordsExpiring, *expiring);

    BV_TRY(m_context.access.authorize(session, Operation::ViewCounts));
    auto rows = count(QStringLiteral("SELECT count(*) FROM audit_log"));
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
