#include "core/customers/lifecycle/CustomerOwnership.h"

#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"

#include <QJsonObject>

#include <optional>

namespace bv {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kAssign = QStringLiteral("assign");
const QString kTransfer = QStringLiteral("transfer");
const QString kCustody = QStringLiteral("custody");
const QString kReturn = QStringLiteral("return");
const QString kReclaim = QStringLiteral("reclaim");
const QString kCustodyEnd = QStringLiteral("custody_end"); // shown in the history; never written
constexpr int kMaxReasonLength = 500;

// Who holds a customer now.
struct Holding : CustomerQueryRepository::Holding
{
    bool custodyLive = false; // custodian set and custody_until still ahead

    qint64 effectiveId() const { return custodyLive ? custodianId : ownerId; }
};

} // namespace

Status CustomerOwnership::checkReason(const QString& reason, bool required)
{
    const QString why = reason.trimmed();
    if (why.isEmpty() && required)
        return makeError(ErrorCode::InvalidInput,
            tr("Give the reason for this change of customer manager (for example: staff change, leave, "
               "misconduct)."),
            QString(), QStringLiteral("reason"));
    if (charCount(why) > kMaxReasonLength)
        return makeError(ErrorCode::InvalidInput,
            tr("The reason is too long (at most %1 characters). Shorten it.").arg(kMaxReasonLength), QString(),
            QStringLiteral("reason"));
    return {};
}

Status CustomerOwnership::checkTierReason(const QString& reason, bool confirm)
{
    if (!confirm && reason.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Give the reason why the customer keeps the current tier."),
            QString(), QStringLiteral("reason"));
    if (charCount(reason) > kMaxReasonLength)
        return makeError(ErrorCode::InvalidInput,
            tr("The reason is too long (at most %1 characters). Shorten it.").arg(kMaxReasonLength), QString(),
            QStringLiteral("reason"));
    return {};
}

Status CustomerOwnership::checkCustodyEnd(const QDate& until, const QDate& today)
{
    if (!until.isValid() || until < today)
        return makeError(ErrorCode::InvalidInput,
            tr("The custody end date must be today or a later date. Choose the last day of the "
               "custody."),
            QString(), QStringLiteral("until"));
    if (until > today.addDays(kMaxCustodyDays))
        return makeError(ErrorCode::InvalidInput,
            tr("A custody lasts at most %n days. Choose an earlier end date, or transfer the "
               "customer permanently.",
                nullptr, kMaxCustodyDays),
            QString(), QStringLiteral("until"));
    return {};
}

CustomerOwnership::CustomerOwnership(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

Status CustomerOwnership::assign(
    const Session& session, const QString& customerNo, const QString& managerLogin, const QString& reason)
{
    return move(session, kAssign, customerNo, managerLogin, QDate(), reason);
}

Status CustomerOwnership::transfer(
    const Session& session, const QString& customerNo, const QString& managerLogin, const QString& reason)
{
    return move(session, kTransfer, customerNo, managerLogin, QDate(), reason);
}

Status CustomerOwnership::custody(const Session& session, const QString& customerNo, const QString& managerLogin,
    const QDate& until, const QString& reason)
{
    return move(session, kCustody, customerNo, managerLogin, until, reason);
}

Status CustomerOwnership::endCustody(const Session& session, const QString& customerNo)
{
    return move(session, kReturn, customerNo, QString(), QDate(), QString());
}

Status CustomerOwnership::reclaim(
    const Session& session, const QString& customerNo, const QString& managerLogin, const QString& reason)
{
    return move(session, kReclaim, customerNo, managerLogin, QDate(), reason);
}

Status CustomerOwnership::move(const Session& session, const QString& kind, const QString& customerNo,
    const QString& managerLogin, const QDate& until, const QString& reason)
{
    auto scope = m_internals.scoped(session, Operation::AssignCustomers, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;

    const QString why = reason.trimmed();
    BV_TRY(checkReason(why, kind == kTransfer || kind == kCustody || kind == kReclaim));

    // Everything that decides the outcome — the target account, the dates, who holds the customer now — is read
    // and checked inside the transaction that writes it.
    Database& db = m_internals.database();
    CustomerQueryRepository queries(db);
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();

    // The target: an active (not frozen) customer manager account.
    AccountService& accounts = m_internals.accounts();
    Account target;
    if (kind != kReturn) {
        if (managerLogin.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput, tr("Choose the customer manager who is to take the customer."),
                QString(), QString::fromLatin1(fields::Manager));
        auto account = accounts.accountByLogin(managerLogin);
        if (!account.ok())
            return makeError(
                account.error().code, account.error().message, QString(), QString::fromLatin1(fields::Manager));
        if (account->role != Role::CustomerManager)
            return makeError(ErrorCode::InvalidInput,
                tr("The account %1 is not a customer manager. Choose a customer manager account.").arg(account->login),
                QString(), QString::fromLatin1(fields::Manager));
        if (account->frozen)
            return makeError(ErrorCode::InvalidInput,
                tr("The account %1 is frozen and cannot take customers. Choose an active customer "
                   "manager.")
                    .arg(account->login),
                QString(), QString::fromLatin1(fields::Manager));
        target = *account;
    }

    CustomerStore& store = m_internals.store();
    const QDateTime now = store.now();
    QDateTime custodyEnd;
    if (kind == kCustody) {
        // Custody lasts through the whole of `until` (branch time) and returns by itself after it.
        BV_TRY(checkCustodyEnd(until, store.today()));
        custodyEnd = QDateTime(until.addDays(1), QTime(0, 0), WorkingCalendar::branchTimeZone()).toUTC();
    }

    auto held = queries.holding(ref.id);
    if (!held.ok())
        return held.error();
    if (!*held)
        return makeError(ErrorCode::NotFound, tr("The customer no longer exists."));
    Holding h {**held};
    h.custodyLive = h.custodianId > 0 && h.custodyUntil.isValid() && h.custodyUntil > now;

    if (h.status != CustomerStatus::Active && h.status != CustomerStatus::Pending)
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2; only active or pending customers can be given to a customer manager.")
                .arg(ref.number, statusLabel(h.status)));

    auto loginOf = [&accounts](qint64 id) -> QString {
        if (id <= 0)
            return QString();
        auto account = accounts.accountById(id);
        return account.ok() ? account->login : QString();
    };

    qint64 fromId = 0;
    qint64 toId = target.id;
    if (kind == kAssign) {
        const bool needsManager = h.ownerId <= 0 || h.ownerFrozen || (h.custodyLive && h.custodianFrozen);
        if (!needsManager)
            return makeError(ErrorCode::Conflict,
                tr("Customer %1 already has an active customer manager (%2). Use transfer to move it "
                   "permanently, or custody for a limited time.")
                    .arg(ref.number, loginOf(h.effectiveId())));
        fromId = h.ownerId;
    } else if (kind == kTransfer) {
        if (h.ownerId <= 0)
            return makeError(
                ErrorCode::Conflict, tr("Customer %1 has no customer manager yet. Assign it instead.").arg(ref.number));
        if (h.ownerId == target.id)
            return makeError(ErrorCode::Conflict,
                tr("Customer %1 already belongs to %2. Choose another customer manager.").arg(ref.number, target.login),
                QString(), QString::fromLatin1(fields::Manager));
        fromId = h.ownerId;
    } else if (kind == kCustody) {
        if (h.ownerId <= 0 || h.ownerFrozen)
            return makeError(ErrorCode::Conflict,
                tr("Customer %1 has no active customer manager, so there is nobody to return it to. "
                   "Assign it first.")
                    .arg(ref.number));
        if (h.ownerId == target.id)
            return makeError(ErrorCode::InvalidInput,
                tr("%1 is already the customer manager of customer %2. The custodian must be another "
                   "customer manager.")
                    .arg(target.login, ref.number),
                QString(), QString::fromLatin1(fields::Manager));
        fromId = h.ownerId;
    } else if (kind == kReturn) {
        if (!h.custodyLive)
            return makeError(ErrorCode::Conflict,
                tr("Customer %1 is not in custody, so there is nothing to return.").arg(ref.number));
        fromId = h.custodianId;
        toId = h.ownerId;
    } else if (kind == kReclaim) {
        const qint64 current = h.effectiveId();
        if (current <= 0)
            return makeError(ErrorCode::Conflict,
                tr("Customer %1 has no customer manager to take it from. Assign it instead.").arg(ref.number));
        if (current == target.id)
            return makeError(ErrorCode::Conflict,
                tr("%1 is already responsible for customer %2. Choose the customer manager who is to "
                   "take it.")
                    .arg(target.login, ref.number),
                QString(), QString::fromLatin1(fields::Manager));
        fromId = current;
    } else {
        return makeError(ErrorCode::Internal, tr("Unknown kind of assignment."));
    }

    if (kind == kCustody)
        BV_TRY(queries.setCustody(ref.id, target.id, custodyEnd, now));
    else if (kind == kReturn)
        BV_TRY(queries.endCustody(ref.id, now));
    else // assign, transfer, reclaim: a new owner; any custody ends
        BV_TRY(queries.setOwner(ref.id, target.id, now));
    BV_TRY(queries.addAssignment({ref.id, kind, fromId, toId, custodyEnd, now, actor.userId, why}));

    // Staff logins and dates only: never customer data, and not the free-text reason (it is kept in
    // customer_assignments, where it belongs to the customer's record).
    QJsonObject details {{QStringLiteral("kind"), kind}, {QStringLiteral("from"), loginOf(fromId)},
        {QStringLiteral("to"), loginOf(toId)}};
    if (custodyEnd.isValid())
        details.insert(QStringLiteral("until"), custodyEnd.toString(Qt::ISODateWithMs));
    if (kind != kCustody && kind != kReturn && h.custodyLive)
        details.insert(QStringLiteral("custody_ended"), loginOf(h.custodianId));
    if (kind == kCustody && h.custodyLive)
        details.insert(QStringLiteral("replaces_custody"), loginOf(h.custodianId));
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::CustomerAssign), kCustomer, QString::number(ref.id), ref.number,
            AuditOutcome::Ok, details}));
    return tx.commit();
}

Result<QList<AssignmentEntry>> CustomerOwnership::assignments(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::ViewCustomer, customerNo);
    if (!scope.ok())
        return scope.error();
    const CustomerRef& ref = scope->customer;
    auto stored = CustomerQueryRepository(m_internals.database()).assignments(ref.id);
    if (!stored.ok())
        return stored.error();
    const QDateTime now = m_internals.store().now();
    QList<AssignmentEntry> list;
    // A custody that ran to its end date returned by itself, without a row: show that return at
    // the moment it happened, so the history tells who was responsible when.
    std::optional<AssignmentEntry> openCustody;
    auto closeExpired = [&](const QDateTime& before) {
        if (openCustody && openCustody->until <= before) {
            list << AssignmentEntry {openCustody->until, kCustodyEnd, openCustody->toLogin, openCustody->fromLogin,
                QDateTime(), QString(), QString()};
            openCustody.reset();
        }
    };
    for (const AssignmentEntry& entry : std::as_const(*stored)) {
        closeExpired(entry.at);
        list << entry;
        if (entry.kind == kCustody)
            openCustody = entry; // replaces an earlier custody
        else
            openCustody.reset(); // return, transfer, assign and reclaim all end a custody
    }
    closeExpired(now);
    return list;
}

Result<QList<CustomerListRow>> CustomerOwnership::reassignmentList(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ViewReassignments);
    if (!actor.ok())
        return actor.error();
    // No owner, a frozen owner (a custody would return the customer to nobody), or a frozen
    // custodian during a custody.
    auto rows = CustomerQueryRepository(m_internals.database()).reassignmentList(m_internals.store().now());
    if (!rows.ok())
        return rows.error();
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("reassignments"), QString(), QString(),
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("rows"), int(rows->size())}}}));
    return rows;
}

Result<QList<TierChange>> CustomerOwnership::pendingTiers(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ConfirmTier);
    if (!actor.ok())
        return actor.error();
    auto list = CustomerQueryRepository(m_internals.database()).pendingTierChanges();
    if (!list.ok())
        return list.error();
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("tiers"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("list"), QStringLiteral("pending_tier_changes")},
                {QStringLiteral("rows"), int(list->size())}}}));
    return list;
}

Status CustomerOwnership::confirmTier(const Session& session, qint64 tierChangeId)
{
    return decideTier(session, tierChangeId, true, QString());
}

Status CustomerOwnership::rejectTier(const Session& session, qint64 tierChangeId, const QString& reason)
{
    return decideTier(session, tierChangeId, false, reason);
}

Status CustomerOwnership::decideTier(const Session& session, qint64 tierChangeId, bool confirm, const QString& reason)
{
    auto actor = m_internals.access().authorize(session, Operation::ConfirmTier);
    if (!actor.ok())
        return actor.error();
    const QString why = reason.trimmed();
    BV_TRY(checkTierReason(why, confirm));
    Database& db = m_internals.database();
    CustomerQueryRepository queries(db);
    const QDateTime now = m_internals.store().now();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto decision = queries.tierDecision(tierChangeId);
    if (!decision.ok())
        return decision.error();
    if (!*decision)
        return makeError(ErrorCode::NotFound, tr("There is no tier change %1.").arg(tierChangeId));
    const qint64 customerId = (*decision)->customerId;
    const QString fromTier = (*decision)->fromTier;
    const QString toTier = (*decision)->toTier;
    const TierChangeStatus status = (*decision)->status;
    const QString number = (*decision)->customerNumber;
    const QString currentTier = (*decision)->currentTier;
    const CustomerStatus customerStatus = (*decision)->customerStatus;
    const qint64 assets = (*decision)->assets;
    if (status != TierChangeStatus::Pending)
        return makeError(ErrorCode::Conflict,
            tr("Tier change %1 was already decided (%2).").arg(tierChangeId).arg(statusLabel(status)));
    if (confirm) {
        if (customerStatus != CustomerStatus::Active && customerStatus != CustomerStatus::Pending)
            return makeError(ErrorCode::Conflict,
                tr("Customer %1 is %2; its tier can no longer change. Reject the tier change.")
                    .arg(number, statusLabel(customerStatus)));
        if (currentTier != fromTier || Tiers::forAssets(assets, m_internals.settings()) != toTier)
            return makeError(ErrorCode::Conflict,
                tr("The assets or tier of customer %1 changed after this tier change was computed. Reject "
                   "it; a new change is computed at the next approved edit of the assets.")
                    .arg(number));
        BV_TRY(queries.setTier(customerId, toTier, now));
    }
    auto updated = queries.decideTierChange(
        tierChangeId, confirm ? TierChangeStatus::Confirmed : TierChangeStatus::Rejected, actor->userId, now, why);
    if (!updated.ok())
        return updated.error();
    if (*updated != 1)
        return makeError(ErrorCode::Conflict, tr("Tier change %1 was already decided.").arg(tierChangeId));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::TierConfirm), kCustomer, QString::number(customerId), number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("kind"), confirm ? QStringLiteral("confirm") : QStringLiteral("reject")},
                {QStringLiteral("change"), tierChangeId}, {QStringLiteral("from"), fromTier},
                {QStringLiteral("to"), toTier}}}));
    return tx.commit();
}

} // namespace bv
