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

// CustomerCare, part 3 of 3: consent to processing and to marketing (the decisions are listed in
// CustomerCare.cpp).

namespace bv {

using namespace care;

Result<qint64> CustomerCare::recordConsent(const Session& session, const QString& customerNo, const QString& purpose,
    const QString& action, const QDate& onDate, const QString& channel)
{
    auto scope = m_internals.scoped(session, Operation::RecordConsent, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    const QString what = purpose.trimmed().toLower();
    if (what != kProcessing && what != kMarketing)
        return makeError(ErrorCode::InvalidInput,
            tr("Consent is recorded for processing or for marketing; choose one of the two."), QString(),
            QStringLiteral("purpose"));
    const QString act = action.trimmed().toLower();
    if (act != kGiven && act != kWithdrawn)
        return makeError(ErrorCode::InvalidInput,
            tr("Record whether the customer gave consent or withdrew it (given or withdrawn)."), QString(),
            QStringLiteral("action"));
    BV_TRY(requireConsentable(ref, act));
    auto checkedChannel = checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    CareRepository repo(m_internals.database());
    BV_TRY(checkDate(m_internals, repo, ref.id, onDate, QStringLiteral("on_date")));

    const QDateTime now = m_internals.store().now();
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    // the state checks run inside the transaction (BEGIN IMMEDIATE), so two entries cannot race: the scope and
    // the customer's status, then the consent history of the purpose
    auto customer = m_internals.stillReachable(tx, actor, Operation::RecordConsent, ref);
    if (!customer.ok())
        return customer.error();
    BV_TRY(requireConsentable(*customer, act));
    auto last = repo.lastConsent(ref.id, what);
    if (!last.ok())
        return last.error();
    if (last->present && onDate < last->onDate)
        return makeError(ErrorCode::Conflict,
            tr("The last %1 consent entry of customer %2 is dated %3; entries are recorded in the order "
               "they happened. Check the date.")
                .arg(what == kProcessing ? tr("processing") : tr("marketing"), ref.number, isoDate(last->onDate)),
            QString(), QStringLiteral("on_date"));
    if (act == kWithdrawn && !(last->present && last->action == kGiven))
        return makeError(ErrorCode::Conflict,
            what == kProcessing ? tr("Customer %1 has no consent to processing on record, so there is nothing to "
                                     "withdraw. Check the customer and the purpose.")
                                      .arg(ref.number)
                                : tr("Customer %1 has no consent to marketing on record, so there is nothing to "
                                     "withdraw. Check the customer and the purpose.")
                                      .arg(ref.number),
            QString(), QStringLiteral("action"));
    CareRepository::LastConsent marketing;
    if (what == kMarketing && act == kGiven) {
        auto processing = repo.lastConsent(ref.id, kProcessing);
        if (!processing.ok())
            return processing.error();
        if (!processing->present || processing->action != kGiven || processing->onDate > onDate)
            return makeError(ErrorCode::Conflict,
                tr("Consent to marketing needs the customer's consent to processing first (given on or "
                   "before the same date). Record the processing consent, then the marketing consent."),
                QString(), QStringLiteral("purpose"));
    }
    if (what == kProcessing && act == kWithdrawn) {
        auto current = repo.lastConsent(ref.id, kMarketing);
        if (!current.ok())
            return current.error();
        marketing = *current;
        if (marketing.present && marketing.action == kGiven && marketing.onDate > onDate)
            return makeError(ErrorCode::Conflict,
                tr("The customer's consent to marketing is dated %1, after this withdrawal of consent to "
                   "processing. Check the date.")
                    .arg(isoDate(marketing.onDate)),
                QString(), QStringLiteral("on_date"));
    }

    auto insert = [&](const QString& entryPurpose, const QString& entryAction, const QString& cause) -> Result<qint64> {
        auto id = repo.insertConsent(ref.id, entryPurpose, entryAction, onDate, *checkedChannel, actor.userId, now);
        if (!id.ok())
            return id.error();
        QJsonObject details {{QStringLiteral("purpose"), entryPurpose}, {QStringLiteral("action"), entryAction}};
        if (!cause.isEmpty())
            details.insert(QStringLiteral("cause"), cause);
        BV_TRY(m_internals.auditLog().append(actor,
            AuditEvent {QString::fromLatin1(audit::Consent), kConsent, QString::number(*id), ref.number,
                AuditOutcome::Ok, details}));
        return *id;
    };
    auto id = insert(what, act, QString());
    if (!id.ok())
        return id.error();
    if (what == kProcessing && act == kWithdrawn && marketing.present && marketing.action == kGiven) {
        // marketing without processing is meaningless: the customer's withdrawal covers it too
        auto cascaded = insert(kMarketing, kWithdrawn, QStringLiteral("processing_withdrawn"));
        if (!cascaded.ok())
            return cascaded.error();
    }
    BV_TRY(tx.commit());
    return *id;
}

Result<QList<ConsentEntry>> CustomerCare::consents(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::RecordConsent, customerNo);
    if (!scope.ok())
        return scope.error();
    return CareRepository(m_internals.database()).consents(scope->customer.id);
}

} // namespace bv
