// RequestService: the decisions on a request — approve, reject, revoke, withdraw (DESIGN §5). Each reads the
// request and checks it (still pending or still live, not the decider's own) inside the transaction that writes
// the decision and its audit row.
#include "core/requests/RequestService.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/requests/RequestRepository.h"
#include "core/internal/requests/RequestSupport.h"

#include <QJsonObject>

namespace bv {

using namespace requests_internal;

Status RequestService::decide(const Actor& actor, const Request& request,
    const std::function<Result<bool>(RequestRepository&)>& change, const char* action, const QJsonObject& details)
{
    QJsonObject all = details;
    all.insert(QStringLiteral("type"), requestTypeKey(request.type));
    all.insert(QStringLiteral("requester"), request.requesterLogin);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    RequestRepository repo = repository();
    auto changed = change(repo);
    if (!changed.ok())
        return changed.error();
    if (!*changed)
        return makeError(ErrorCode::Conflict,
            tr("Request %1 was changed meanwhile (decided, withdrawn or expired). Refresh the list and "
               "look at it again.")
                .arg(request.id));
    BV_TRY(m_audit.append(actor,
        AuditEvent {QString::fromLatin1(action), QStringLiteral("request"), QString::number(request.id),
            auditCustomerNo(request), AuditOutcome::Ok, all}));
    return tx.commit();
}

Result<QString> RequestService::checkedReason(const QString& reason, const QString& whenEmpty)
{
    const QString why = reason.trimmed();
    if (why.isEmpty() && !whenEmpty.isEmpty())
        return invalid(QStringLiteral("reason"), whenEmpty);
    if (chars(why) > kMaxTextChars)
        return invalid(QStringLiteral("reason"),
            tr("The reason has %1 characters; at most %2 are allowed. Shorten it.").arg(chars(why)).arg(kMaxTextChars));
    return why;
}

Result<Request> RequestService::pendingForDecision(Transaction& tx, const Actor& actor, qint64 id, bool approving)
{
    auto request = load(id);
    if (!request.ok())
        return request.error();
    if (request->requesterId == actor.userId) {
        tx.rollback(); // the refusal is audited in a row of its own, outside the decision's transaction
        return m_access.deny(actor, Operation::DecideRequest, QStringLiteral("request"), QString::number(id),
            auditCustomerNo(*request),
            approving ? tr("You filed request %1 yourself, so you cannot approve it. Another branch manager "
                           "must decide it.")
                            .arg(id)
                      : tr("You filed request %1 yourself, so you cannot decide it. Withdraw it instead, or "
                           "ask another branch manager.")
                            .arg(id));
    }
    if (request->status != RequestStatus::Pending)
        return makeError(ErrorCode::Conflict,
            (approving ? tr("Request %1 is %2, not pending; only a pending request can be "
                            "approved.")
                       : tr("Request %1 is %2, not pending; only a pending request can be "
                            "rejected."))
                .arg(id)
                .arg(statusLabel(request->status)));
    return request;
}

Status RequestService::approve(const Session& session, qint64 id, const QString& reason)
{
    auto actor = m_access.authorize(session, Operation::DecideRequest);
    if (!actor.ok())
        return actor.error();
    auto reasonText = checkedReason(
        reason, tr("Give a reason for the approval (for example what you checked), so the decision can be traced."));
    if (!reasonText.ok())
        return reasonText.error();
    const QString why = *reasonText;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto request = pendingForDecision(tx, *actor, id, true);
    if (!request.ok())
        return request.error();
    // The validity asked for, but never beyond the current limit (it may have been lowered since).
    const int maxHours = maxValidityHours(m_settings);
    const int hours = qMin(request->validityHours, maxHours);
    const QDateTime now = m_clock.nowUtc();
    const QDateTime until = now.addSecs(qint64(hours) * 3600);
    BV_TRY(decide(
        *actor, *request, [&](RequestRepository& repo) { return repo.approve(id, actor->userId, now, why, until); },
        audit::RequestApprove,
        QJsonObject {{QStringLiteral("validityHours"), hours},
            {QStringLiteral("validUntil"), until.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("reasonLength"), chars(why)}}));
    return tx.commit();
}

Status RequestService::reject(const Session& session, qint64 id, const QString& reason)
{
    auto actor = m_access.authorize(session, Operation::DecideRequest);
    if (!actor.ok())
        return actor.error();
    auto reasonText
        = checkedReason(reason, tr("Give a reason for the rejection, so that the requester knows what to change."));
    if (!reasonText.ok())
        return reasonText.error();
    const QString why = *reasonText;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto request = pendingForDecision(tx, *actor, id, false);
    if (!request.ok())
        return request.error();
    const QDateTime now = m_clock.nowUtc();
    BV_TRY(decide(
        *actor, *request, [&](RequestRepository& repo) { return repo.reject(id, actor->userId, now, why); },
        audit::RequestReject, QJsonObject {{QStringLiteral("reasonLength"), chars(why)}}));
    return tx.commit();
}

Status RequestService::revoke(const Session& session, qint64 id, const QString& reason)
{
    auto actor = m_access.authorize(session, Operation::RevokeRequest);
    if (!actor.ok())
        return actor.error();
    auto reasonText = checkedReason(
        reason, tr("Give a reason for revoking the grant, so that the requester knows why it stopped."));
    if (!reasonText.ok())
        return reasonText.error();
    const QString why = *reasonText;
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto request = load(id);
    if (!request.ok())
        return request.error();
    if (request->status != RequestStatus::Approved)
        return makeError(ErrorCode::Conflict,
            tr("Request %1 is %2; only an approved grant that is still valid can "
               "be revoked.")
                .arg(id)
                .arg(statusLabel(request->status)));
    const QDateTime now = m_clock.nowUtc();
    BV_TRY(decide(
        *actor, *request, [&](RequestRepository& repo) { return repo.revoke(id, actor->userId, now, why); },
        audit::RequestRevoke, QJsonObject {{QStringLiteral("reasonLength"), chars(why)}}));
    return tx.commit();
}

Status RequestService::withdraw(const Session& session, qint64 id)
{
    auto actor = m_access.authorize(session, Operation::CreateRequest);
    if (!actor.ok())
        return actor.error();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto request = load(id);
    if (!request.ok())
        return request.error();
    if (request->requesterId != actor->userId) {
        tx.rollback(); // the refusal is audited in a row of its own, outside the transaction
        return m_access.deny(*actor, Operation::CreateRequest, QStringLiteral("request"), QString::number(id),
            auditCustomerNo(*request),
            tr("Request %1 was filed by someone else; only its requester can withdraw it. A branch "
               "manager rejects it instead.")
                .arg(id));
    }
    if (request->status != RequestStatus::Pending)
        return makeError(ErrorCode::Conflict,
            tr("Request %1 is %2, not pending; only a pending request can be "
               "withdrawn.")
                .arg(id)
                .arg(statusLabel(request->status)));
    BV_TRY(decide(
        *actor, *request, [&](RequestRepository& repo) { return repo.withdraw(id); }, audit::RequestWithdraw,
        QJsonObject()));
    return tx.commit();
}

} // namespace bv
