#include "core/customers/lifecycle/CustomerRetention.h"

#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace bv {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kAccount = QStringLiteral("account");
const QString kHistory = QStringLiteral("history");
const QString kChange = QStringLiteral("change");
// Stored as the decision reason of what a closure ends (a pending edit, pending tier changes).
const QString kClosedReason = QStringLiteral("customer closed");

constexpr qint64 kRetentionFloorYears = 5; // DESIGN §6; SettingsService enforces it too
constexpr int kMaxReasonChars = 500;

QString compact(const QJsonValue& value)
{
    return QString::fromUtf8(value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
}

// A stored diff reduced to the names of the fields it touched, each once, in order.
QString fieldNamesOnly(const QString& diffJson)
{
    QJsonArray out;
    QSet<QString> seen;
    for (const QJsonValue& v : QJsonDocument::fromJson(diffJson.toUtf8()).array()) {
        const QString field = v.toObject().value(QStringLiteral("field")).toString();
        if (field.isEmpty() || seen.contains(field))
            continue;
        seen.insert(field);
        out.append(QJsonObject {{QStringLiteral("field"), field}});
    }
    return compact(out);
}

} // namespace

CustomerRetention::CustomerRetention(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

Status CustomerRetention::close(const Session& session, const QString& customerNo, const QString& reason)
{
    auto scope = m_internals.scoped(session, Operation::CloseCustomer, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;

    // The scope and the status that decide whether the customer can be closed are read inside the transaction
    // that closes it.
    Database& db = m_internals.database();
    CustomerQueryRepository queries(db);
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto current = m_internals.stillReachable(tx, actor, Operation::CloseCustomer, ref);
    if (!current.ok())
        return current.error();
    if (current->status != CustomerStatus::Active)
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2; only an active customer can be closed.")
                .arg(ref.number, statusLabel(current->status)));
    const QString why = reason.trimmed();
    BV_TRY(checkCloseReason(why));
    const qsizetype chars = charCount(why);

    const qint64 years = qMax(
        kRetentionFloorYears, m_internals.settings().integer(QString::fromLatin1(settings::CustomerRetentionYears)));
    const QDateTime now = m_internals.store().now();
    const QDateTime until = now.addYears(int(years));

    auto closed = queries.close(ref.id, now, until);
    if (!closed.ok())
        return closed.error();
    if (*closed != 1)
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 changed while it was being closed. Open it again and retry.").arg(ref.number));

    // A pending edit ends with the customer: rejected, its staged grade-1 values erased.
    auto pending = queries.pendingChangeIds(ref.id);
    if (!pending.ok())
        return pending.error();
    for (qint64 changeId : std::as_const(*pending)) {
        BV_TRY(SealedValues::removeOwner(db, kChange, changeId));
        BV_TRY(queries.rejectChangeForClosure(changeId, actor.userId, now, kClosedReason));
    }
    auto endedTiers = queries.rejectPendingTierChanges(ref.id, actor.userId, now, kClosedReason);
    if (!endedTiers.ok())
        return endedTiers.error();

    // The reason is kept with the customer's own history (visible to the same people as grade 2, erased at
    // anonymisation); the audit row gets its length only, as it is free staff text.
    const QJsonArray diff {QJsonObject {{QStringLiteral("field"), QString::fromLatin1(fields::Status)},
                               {QStringLiteral("old"), statusKey(CustomerStatus::Active)},
                               {QStringLiteral("new"), statusKey(CustomerStatus::Closed)}},
        QJsonObject {{QStringLiteral("field"), QString(kCloseReasonKey)}, {QStringLiteral("old"), QString()},
            {QStringLiteral("new"), why}}};
    BV_TRY(queries.addHistory(ref.id, now, QStringLiteral("close"), actor.userId, compact(diff)));

    QJsonObject details {{QStringLiteral("retention_until"),
                             until.toTimeZone(WorkingCalendar::branchTimeZone()).date().toString(Qt::ISODate)},
        {QStringLiteral("reason_chars"), qint64(chars)}, {QStringLiteral("ended_tier_changes"), *endedTiers}};
    if (!pending->isEmpty())
        details.insert(QStringLiteral("ended_change"), pending->constFirst());
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::CustomerClose), kCustomer, QString::number(ref.id), ref.number,
            AuditOutcome::Ok, details}));
    return tx.commit();
}

Status CustomerRetention::checkCloseReason(const QString& reason)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("Give the reason for closing the customer (for example: the customer closed every "
               "account and ended the relationship)."),
            QString(), QStringLiteral("reason"));
    const qsizetype chars = charCount(why);
    if (chars > kMaxReasonChars)
        return makeError(ErrorCode::InvalidInput,
            tr("The reason has %1 characters; at most %2 are allowed. Shorten it.").arg(chars).arg(kMaxReasonChars),
            QString(), QStringLiteral("reason"));
    return {};
}

Result<int> CustomerRetention::anonymiseDue()
{
    const QDateTime now = m_internals.store().now();
    // candidates only: anonymise() checks again, inside its transaction, that each is still closed and due
    auto due = CustomerQueryRepository(m_internals.database()).dueForAnonymisation(now);
    if (!due.ok())
        return due.error();
    int count = 0;
    for (const auto& [id, number] : std::as_const(*due)) {
        auto done = anonymise(id, number, now);
        if (!done.ok())
            return done.error();
        if (*done)
            ++count;
    }
    return count;
}

Result<bool> CustomerRetention::anonymise(qint64 customerId, const QString& customerNo, const QDateTime& now)
{
    Database& db = m_internals.database();
    CustomerQueryRepository queries(db);
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    // the status check that decides: still closed and due, in this transaction
    auto marked = queries.markAnonymised(customerId, now);
    if (!marked.ok())
        return marked.error();
    if (*marked != 1)
        return false; // no longer due: done by an earlier run

    // Grade 1: every sealed value of the customer, its accounts, its history and its changes.
    BV_TRY(SealedValues::removeOwner(db, kCustomer, customerId));
    auto accounts = queries.accountIds(customerId);
    if (!accounts.ok())
        return accounts.error();
    // The account rows stay (type, opening date, status: grade 3, for statistics) without their numbers.
    for (qint64 id : std::as_const(*accounts))
        BV_TRY(SealedValues::removeOwner(db, kAccount, id));
    auto history = queries.historyDiffs(customerId);
    if (!history.ok())
        return history.error();
    for (const auto& [id, diff] : std::as_const(*history)) {
        BV_TRY(SealedValues::removeOwner(db, kHistory, id));
        BV_TRY(queries.setHistoryDiff(id, fieldNamesOnly(diff)));
    }
    auto changes = queries.changeDiffs(customerId);
    if (!changes.ok())
        return changes.error();
    for (const auto& [id, diff] : std::as_const(*changes)) {
        BV_TRY(SealedValues::removeOwner(db, kChange, id));
        BV_TRY(queries.eraseChange(id, fieldNamesOnly(diff)));
    }

    // Grade 2: the profile columns, service and complaint contents, staff reasons written about the customer.
    QHash<QString, QString> cleared;
    for (const QString& field : CustomerStore::columnFields()) {
        const FieldSpec* spec = FieldCatalogue::find(field);
        if (spec && spec->grade == 2)
            cleared.insert(field, QString());
    }
    BV_TRY(m_internals.store().writeColumns(customerId, cleared));
    auto serviceCount = queries.eraseServiceContents(customerId);
    if (!serviceCount.ok())
        return serviceCount.error();
    auto complaintCount = queries.eraseComplaintContents(customerId);
    if (!complaintCount.ok())
        return complaintCount.error();
    BV_TRY(queries.eraseStaffReasons(customerId));
    auto pairsClosed = queries.closeSuspiciousPairs(customerId, now);
    if (!pairsClosed.ok())
        return pairsClosed.error();

    BV_TRY(m_internals.auditLog().append(Actor::system(),
        AuditEvent {QString::fromLatin1(audit::CustomerAnonymise), kCustomer, QString::number(customerId), customerNo,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("accounts"), int(accounts->size())},
                {QStringLiteral("history"), int(history->size())}, {QStringLiteral("changes"), int(changes->size())},
                {QStringLiteral("service_records"), *serviceCount}, {QStringLiteral("complaints"), *complaintCount},
                {QStringLiteral("pairs_closed"), *pairsClosed}}}));
    BV_TRY(tx.commit());
    return true;
}

} // namespace bv
