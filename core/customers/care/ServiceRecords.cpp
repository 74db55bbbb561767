#include "core/customers/care/CustomerCare.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CareChecks.h"
#include "core/internal/customers/CareRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"

#include <QJsonObject>

// CustomerCare, part 1 of 3: service records (the decisions are listed in CustomerCare.cpp).

namespace bv {

using namespace care;

Result<qint64> CustomerCare::addService(const Session& session, const QString& customerNo, const QDate& servedOn,
    const QString& channel, const QString& content)
{
    auto scope = m_internals.scoped(session, Operation::RecordService, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    BV_TRY(requireServable(ref));
    auto checkedChannel = checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    auto text = checkText(content, TextKind::Service);
    if (!text.ok())
        return text.error();
    CareRepository repo(m_internals.database());
    BV_TRY(checkDate(m_internals, repo, ref.id, servedOn, QStringLiteral("served_on")));

    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    // the scope and the customer's status decide, read again inside the transaction (BEGIN IMMEDIATE)
    auto current = m_internals.stillReachable(tx, actor, Operation::RecordService, ref);
    if (!current.ok())
        return current.error();
    BV_TRY(requireServable(*current));
    auto id = repo.insertService(ref.id, servedOn, *checkedChannel, *text, actor.userId, m_internals.store().now());
    if (!id.ok())
        return id.error();
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::ServiceRecord), kServiceRecord, QString::number(*id), ref.number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("action"), QStringLiteral("add")},
                {QStringLiteral("channel"), *checkedChannel}, {QStringLiteral("served_on"), isoDate(servedOn)}}}));
    BV_TRY(tx.commit());
    return *id;
}

Result<QList<ServiceRecord>> CustomerCare::services(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::RecordService, customerNo);
    if (!scope.ok())
        return scope.error();
    return CareRepository(m_internals.database()).services(scope->customer.id);
}

} // namespace bv
