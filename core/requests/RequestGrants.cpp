// RequestService: looking up, using up and recording the use of grants (DESIGN §5).
#include "core/requests/RequestService.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/requests/CustomerDirectory.h"
#include "core/internal/requests/RequestRepository.h"
#include "core/internal/requests/RequestSupport.h"
#include "core/policy/FieldCatalogue.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bv {

using namespace requests_internal;

Result<Grant> RequestService::liveGrant(
    const Actor& actor, RequestType type, qint64 customerId, const QString& field) const
{
    const bool perCustomer = type == RequestType::Reveal || type == RequestType::RestrictedAccess;
    if ((perCustomer && customerId <= 0) || (type == RequestType::Reveal && field.isEmpty()))
        return makeError(
            ErrorCode::Internal, tr("A grant was looked up without its customer or field."), requestTypeKey(type));
    auto noGrant = [&]() {
        switch (type) {
        case RequestType::Reveal:
            return makeError(ErrorCode::NotFound,
                tr("You have no live approval to see the %1 of this customer in full. File a special "
                   "request and wait for the branch manager's approval.")
                    .arg(FieldCatalogue::label(field)));
        case RequestType::RestrictedAccess:
            return makeError(ErrorCode::NotFound,
                tr("This customer is restricted and you have no live approval for access. File a special "
                   "request and wait for the branch manager's approval."));
        case RequestType::Export:
        case RequestType::Print:
            break;
        }
        return makeError(ErrorCode::NotFound,
            type == RequestType::Export ? tr("You have no live approval for this export. File a special request and "
                                             "wait for the branch manager's approval.")
                                        : tr("You have no live approval for this print. File a special request and "
                                             "wait for the branch manager's approval."));
    };
    if (!actor.isSignedIn())
        return noGrant();
    auto candidates = repository().live(actor.userId, requestTypeKey(type), customerId, m_clock.nowUtc(), true);
    if (!candidates.ok())
        return candidates.error();
    for (const RequestRepository::Live& candidate : *candidates) {
        if (type != RequestType::Reveal || candidate.scope.fields.contains(field))
            return Grant {candidate.id, type, candidate.validUntil, candidate.decidedBy};
    }
    return noGrant();
}

Result<RequestService::ReportGrant> RequestService::findReportGrant(
    const Actor& actor, RequestType type, const QString& report, qint64 customerId) const
{
    if (type != RequestType::Export && type != RequestType::Print)
        return makeError(ErrorCode::Internal, tr("Only export and print grants are used up; other grants are reused."),
            requestTypeKey(type));
    const ReportSpec* spec = findReport(report);
    if (!spec)
        return invalid(QStringLiteral("report"),
            tr("There is no report \"%1\". Choose one of %2.").arg(report, reportKeys().join(QStringLiteral(", "))));
    QString noGrant;
    if (type == RequestType::Export)
        noGrant = customerId > 0 ? tr("You have no live approval to export the report \"%1\" for this customer. File "
                                      "a special request and wait for the branch manager's approval.")
                                 : tr("You have no live approval to export the report \"%1\". File a special "
                                      "request and wait for the branch manager's approval.");
    else
        noGrant = customerId > 0 ? tr("You have no live approval to print the report \"%1\" for this customer. File "
                                      "a special request and wait for the branch manager's approval.")
                                 : tr("You have no live approval to print the report \"%1\". File a special request "
                                      "and wait for the branch manager's approval.");
    noGrant = noGrant.arg(report);
    if (!actor.isSignedIn())
        return makeError(ErrorCode::NotFound, noGrant);
    QString customerNo;
    if (customerId > 0) {
        auto ref = m_customers.customerById(customerId);
        if (!ref.ok())
            return ref.error();
        customerNo = ref->number;
    }
    const QDateTime now = m_clock.nowUtc();
    // The grant that runs out first is used first.
    auto candidates = repository().live(actor.userId, requestTypeKey(type), customerId, now, false);
    if (!candidates.ok())
        return candidates.error();
    std::optional<Grant> grant;
    for (const RequestRepository::Live& candidate : *candidates) {
        if (candidate.scope.report == report) {
            grant = Grant {candidate.id, type, candidate.validUntil, candidate.decidedBy};
            break;
        }
    }
    if (!grant)
        return makeError(ErrorCode::NotFound, noGrant);
    return ReportGrant {*grant, noGrant, customerNo, now};
}

Result<Grant> RequestService::liveReportGrant(
    const Actor& actor, RequestType type, const QString& report, qint64 customerId) const
{
    auto found = findReportGrant(actor, type, report, customerId);
    if (!found.ok())
        return found.error();
    return found->grant;
}

Result<Grant> RequestService::consumeGrant(
    const Actor& actor, RequestType type, const QString& report, qint64 customerId, const QString& usedFor)
{
    // The grant is found, and used up, inside one transaction: no other use can take it in between.
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto found = findReportGrant(actor, type, report, customerId);
    if (!found.ok())
        return found.error();
    const Grant* grant = &found->grant;
    const QString& noGrant = found->noGrant;
    const QString& customerNo = found->customerNo;
    const QDateTime now = found->now;
    const QString typeKey = requestTypeKey(type);

    auto used = repository().markUsed(grant->requestId, now, usedFor);
    if (!used.ok())
        return used.error();
    if (!*used)
        return makeError(ErrorCode::NotFound, noGrant);
    QJsonObject details {{QStringLiteral("request"), grant->requestId}, {QStringLiteral("type"), typeKey},
        {QStringLiteral("report"), report}};
    if (!customerNo.isEmpty())
        details.insert(QStringLiteral("customer"), customerNo);
    if (!usedFor.isEmpty())
        details.insert(QStringLiteral("usedFor"), usedFor);
    BV_TRY(m_audit.append(actor,
        AuditEvent {QString::fromLatin1(audit::GrantUse), QStringLiteral("request"), QString::number(grant->requestId),
            customerNo, AuditOutcome::Ok, details}));
    BV_TRY(tx.commit());
    return *grant;
}

Result<bool> RequestService::releaseGrant(const Actor& actor, qint64 requestId, const QString& serial)
{
    if (!actor.isSignedIn() || requestId <= 0 || serial.isEmpty())
        return false;
    const QDateTime now = m_clock.nowUtc();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto released = repository().release(requestId, actor.userId, serial, now);
    if (!released.ok())
        return released.error();
    if (!*released)
        return false;
    BV_TRY(m_audit.append(actor,
        AuditEvent {QString::fromLatin1(audit::GrantRelease), QStringLiteral("request"), QString::number(requestId),
            QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("request"), requestId}, {QStringLiteral("serial"), serial}}}));
    BV_TRY(tx.commit());
    return true;
}

Status RequestService::recordUse(
    const Actor& actor, const Grant& grant, const QString& customerNo, const QStringList& fields)
{
    if (grant.type != RequestType::Reveal && grant.type != RequestType::RestrictedAccess)
        return makeError(ErrorCode::Internal, tr("Export and print grants are single use; use them up instead."),
            requestTypeKey(grant.type));
    const QString number = customerNo.trimmed().toUpper();
    const QString stopped = tr("The approval for this is no longer live (it expired, was revoked, or does not cover "
                               "this customer or field). File a special request and wait for the branch manager's "
                               "approval.");
    if (!actor.isSignedIn() || number.isEmpty() || (grant.type == RequestType::Reveal && fields.isEmpty()))
        return makeError(ErrorCode::NotFound, stopped);
    // The grant is checked again at the moment of use, inside the transaction that records the use: a grant
    // revoked or expired since it was looked up must not be used.
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    auto ref = m_customers.customerByNumber(number);
    if (!ref.ok())
        return ref.error();
    const QDateTime now = m_clock.nowUtc();
    auto scope = repository().liveScope(grant.requestId, actor.userId, requestTypeKey(grant.type), ref->id, now);
    if (!scope.ok())
        return scope.error();
    if (!*scope)
        return makeError(ErrorCode::NotFound, stopped);
    const QStringList allowed = (*scope)->fields;
    if (grant.type == RequestType::Reveal) {
        for (const QString& field : fields) {
            if (!allowed.contains(field))
                return makeError(ErrorCode::NotFound, stopped);
        }
    }
    BV_TRY(m_audit.append(actor,
        AuditEvent {QString::fromLatin1(audit::GrantUse), QStringLiteral("request"), QString::number(grant.requestId),
            ref->number, AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("request"), grant.requestId},
                {QStringLiteral("type"), requestTypeKey(grant.type)},
                {QStringLiteral("fields"), QJsonArray::fromStringList(fields)}}}));
    return tx.commit();
}

} // namespace bv
