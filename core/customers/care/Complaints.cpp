#include "core/customers/care/CustomerCare.h"

#include "core/audit/AuditActions.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CareChecks.h"
#include "core/internal/customers/CareRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"

#include <QJsonObject>

// CustomerCare, part 2 of 3: complaints, their status moves and the overdue list (the decisions are listed in
// CustomerCare.cpp).

namespace bv {

using namespace care;

namespace {

// The order a complaint moves in: the enum's own order (Statuses.h).
int statusRank(ComplaintStatus status)
{
    return int(status);
}

} // namespace

Result<Complaint> CustomerCare::addComplaint(const Session& session, const QString& customerNo,
    const QDateTime& receivedAtUtc, const QString& channel, const QString& content)
{
    auto scope = m_internals.scoped(session, Operation::ManageComplaints, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    BV_TRY(requireServable(ref));
    const QString receivedField = QStringLiteral("received_at");
    if (!receivedAtUtc.isValid())
        return makeError(ErrorCode::InvalidInput, tr("Enter when the complaint was received (date and time)."),
            QString(), receivedField);
    const QDateTime received = receivedAtUtc.toUTC();
    const QDateTime now = m_internals.store().now();
    if (received > now)
        return makeError(ErrorCode::InvalidInput,
            tr("The complaint's receipt time lies in the future. Enter when it was actually received."), QString(),
            receivedField);
    CareRepository repo(m_internals.database());
    auto earliest = earliestDate(repo, ref.id);
    if (!earliest.ok())
        return earliest.error();
    if (received.toTimeZone(WorkingCalendar::branchTimeZone()).date() < *earliest)
        return makeError(ErrorCode::InvalidInput,
            tr("The receipt time is more than %1 years before the customer's record was created. Check "
               "the year.")
                .arg(kBackdateYears),
            QString(), receivedField);
    auto checkedChannel = checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    auto text = checkText(content, TextKind::Complaint);
    if (!text.ok())
        return text.error();
    auto calendar = calendarFrom(m_internals.settings());
    if (!calendar.ok())
        return calendar.error();
    const WorkingCalendar::ComplaintDeadlines due = calendar->complaintDeadlines(received);

    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    // the scope and the customer's status decide, read again inside the transaction (BEGIN IMMEDIATE)
    auto current = m_internals.stillReachable(tx, actor, Operation::ManageComplaints, ref);
    if (!current.ok())
        return current.error();
    BV_TRY(requireServable(*current));
    auto id = repo.insertComplaint(
        ref.id, received, *checkedChannel, *text, due.investigateByUtc, due.answerByUtc, actor.userId);
    if (!id.ok())
        return id.error();
    Complaint complaint;
    complaint.id = *id;
    complaint.customerNumber = ref.number;
    complaint.receivedAt = received;
    complaint.channel = *checkedChannel;
    complaint.content = *text;
    complaint.status = ComplaintStatus::Open;
    complaint.investigateBy = due.investigateByUtc;
    complaint.answerBy = due.answerByUtc;
    complaint.recordedBy = actor.login;
    complaint.overdue = isOverdue(complaint, now); // a complaint entered late can be overdue at once
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::Complaint), kComplaint, QString::number(complaint.id), ref.number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("action"), QStringLiteral("add")},
                {QStringLiteral("status"), statusKey(ComplaintStatus::Open)},
                {QStringLiteral("channel"), *checkedChannel}}}));
    BV_TRY(tx.commit());
    return complaint;
}

Status CustomerCare::updateComplaint(
    const Session& session, qint64 complaintId, ComplaintStatus status, const QString& resolution)
{
    auto actor = m_internals.access().authorize(session, Operation::ManageComplaints);
    if (!actor.ok())
        return actor.error();
    CareRepository repo(m_internals.database());
    auto found = repo.complaintCustomer(complaintId);
    if (!found.ok())
        return found.error();
    if (!*found)
        return makeError(ErrorCode::NotFound,
            tr("There is no complaint %1. Open the customer's complaints and choose one from the list.")
                .arg(complaintId));
    auto ref = m_internals.reachable(*actor, Operation::ManageComplaints, **found);
    if (!ref.ok())
        return ref.error();
    BV_TRY(requireComplaintsOpen(*ref));

    const ComplaintStatus target = status;
    if (target == ComplaintStatus::Open)
        return makeError(ErrorCode::InvalidInput, tr("A complaint can be set to: investigating, answered or closed."),
            QString(), QStringLiteral("status"));
    QString text;
    if (target == ComplaintStatus::Investigating) {
        if (!resolution.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                tr("A resolution is recorded when the complaint is answered, not when the investigation "
                   "starts. Leave it empty for now."),
                QString(), QStringLiteral("resolution"));
    } else {
        auto checked = checkText(resolution, TextKind::Resolution);
        if (!checked.ok())
            return checked.error();
        text = *checked;
    }

    const QDateTime now = m_internals.store().now();
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    // the scope, the customer's status and the complaint's status decide, all read inside the transaction
    // (BEGIN IMMEDIATE): nobody changes them in between
    auto customer = m_internals.stillReachable(tx, *actor, Operation::ManageComplaints, *ref);
    if (!customer.ok())
        return customer.error();
    BV_TRY(requireComplaintsOpen(*customer));
    auto current = repo.complaintStatus(complaintId);
    if (!current.ok())
        return current.error();
    const ComplaintStatus from = *current;
    if (statusRank(target) <= statusRank(from))
        return makeError(ErrorCode::Conflict,
            tr("Complaint %1 is already %2; a complaint only moves forward (open, under investigation, "
               "answered, closed).")
                .arg(complaintId)
                .arg(statusLabel(from)),
            QString(), QStringLiteral("status"));
    if (target == ComplaintStatus::Closed && from != ComplaintStatus::Answered)
        return makeError(ErrorCode::Conflict,
            tr("Complaint %1 was never answered. Record the answer given to the customer (status "
               "answered, with the resolution) before closing it.")
                .arg(complaintId),
            QString(), QStringLiteral("status"));
    Result<int> updated = target == ComplaintStatus::Investigating
        ? repo.markInvestigating(complaintId, from, now, actor->userId)
        : (target == ComplaintStatus::Answered ? repo.markAnswered(complaintId, from, now, text, actor->userId)
                                               : repo.markClosed(complaintId, from, text, actor->userId));
    if (!updated.ok())
        return updated.error();
    if (*updated != 1)
        return makeError(
            ErrorCode::Conflict, tr("Complaint %1 was changed meanwhile. Reopen it and try again.").arg(complaintId));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::Complaint), kComplaint, QString::number(complaintId), ref->number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("action"), QStringLiteral("update")},
                {QStringLiteral("status"), statusKey(target)}, {QStringLiteral("from"), statusKey(from)}}}));
    return tx.commit();
}

Result<QList<Complaint>> CustomerCare::complaints(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::ManageComplaints, customerNo);
    if (!scope.ok())
        return scope.error();
    auto list = CareRepository(m_internals.database()).complaints(scope->customer.id);
    if (!list.ok())
        return list.error();
    const QDateTime now = m_internals.store().now();
    for (Complaint& c : *list)
        c.overdue = isOverdue(c, now);
    return list;
}

Result<QList<Complaint>> CustomerCare::overdue(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ManageComplaints);
    if (!actor.ok())
        return actor.error();
    const bool branch = actor->role == Role::Manager;
    if (branch) {
        auto wide = m_internals.access().authorize(session, Operation::ViewBranchComplaints);
        if (!wide.ok())
            return wide.error();
    }
    const QDateTime now = m_internals.store().now();
    // Only open and investigating complaints can be overdue; the deadline test itself is isOverdue() (C++),
    // so the rule lives in one place. A customer manager's own customers: those he or she is responsible for now.
    auto open = CareRepository(m_internals.database())
                    .openComplaints(branch ? std::nullopt : std::optional<qint64>(actor->userId), now);
    if (!open.ok())
        return open.error();
    QList<Complaint> list;
    for (Complaint& c : *open) {
        c.overdue = isOverdue(c, now);
        if (c.overdue)
            list << c;
    }
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("complaints"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("list"), QStringLiteral("overdue_complaints")},
                {QStringLiteral("scope"), branch ? QStringLiteral("branch") : QStringLiteral("own")},
                {QStringLiteral("count"), int(list.size())}}}));
    return list;
}

} // namespace bv
