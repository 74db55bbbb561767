#include "core/customers/lifecycle/CustomerOwnership.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditLog.h"
#include "core/auth/AccountService.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/db/Transaction.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/policy/AccessControl.h"
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

// The masked-name list row, as CustomerFinder's kRowSelect; the users join (alias u) is the
// effective manager.
const QString kRowSelect = QStringLiteral(
    "SELECT c.id, c.customer_no, coalesce(s.masked, ''), c.tier, coalesce(c.age_band, ''), c.status, "
    "coalesce(u.display_name, ''), c.created_at, c.restricted FROM customers c "
    "LEFT JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id AND s.field = 'name' ");

QDateTime timeFrom(const QVariant& value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

// Who holds a customer now.
struct Holding
{
    QString status;
    qint64 ownerId = 0;
    bool ownerFrozen = false;
    qint64 custodianId = 0;
    bool custodianFrozen = false;
    QDateTime custodyUntil;
    bool custodyLive = false; // custodian set and custody_until still ahead

    qint64 effectiveId() const { return custodyLive ? custodianId : ownerId; }
};

} // namespace

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
    if (why.isEmpty() && (kind == kTransfer || kind == kCustody || kind == kReclaim))
        return makeError(ErrorCode::InvalidInput,
            tr("Give the reason for this change of customer manager (for example: staff change, leave, "
               "misconduct)."),
            QString(), QStringLiteral("reason"));
    if (charCount(why) > kMaxReasonLength)
        return makeError(ErrorCode::InvalidInput,
            tr("The reason is too long (at most %1 characters). Shorten it.").arg(kMaxReasonLength), QString(),
            QStringLiteral("reason"));

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
        const QDate today = store.today();
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
        custodyEnd = QDateTime(until.addDays(1), QTime(0, 0), WorkingCalendar::branchTimeZone()).toUTC();
    }

    Database& db = m_internals.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto row = db.query(QStringLiteral("SELECT c.status, c.manager_id, coalesce(uo.status, ''), c.custody_manager_id, "
                                       "coalesce(uc.status, ''), c.custody_until FROM customers c "
                                       "LEFT JOIN users uo ON uo.id = c.manager_id "
                                       "LEFT JOIN users uc ON uc.id = c.custody_manager_id WHERE c.id = ?"),
        {ref.id});
    if (!row.ok())
        return row.error();
    if (!row->next()) {
        BV_TRY(rowsFinished(*row, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("The customer no longer exists."));
    }
    Holding h;
    h.status = row->value(0).toString();
    h.ownerId = row->value(1).toLongLong();
    h.ownerFrozen = row->value(2).toString() == QLatin1String("frozen");
    h.custodianId = row->value(3).toLongLong();
    h.custodianFrozen = row->value(4).toString() == QLatin1String("frozen");
    h.custodyUntil = timeFrom(row->value(5));
    h.custodyLive = h.custodianId > 0 && h.custodyUntil.isValid() && h.custodyUntil > now;
    row->finish();

    if (h.status != QLatin1String("active") && h.status != QLatin1String("pending"))
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2; only active or pending customers can be given to a customer manager.")
                .arg(ref.number, h.status));

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

    if (kind == kCustody) {
        BV_TRY(db.exec(QStringLiteral("UPDATE customers SET custody_manager_id = ?, custody_until = ?, updated_at = ? "
                                      "WHERE id = ?"),
            {target.id, custodyEnd, now, ref.id}));
    } else if (kind == kReturn) {
        BV_TRY(db.exec(QStringLiteral("UPDATE customers SET custody_manager_id = NULL, custody_until = NULL, "
                                      "updated_at = ? WHERE id = ?"),
            {now, ref.id}));
    } else { // assign, transfer, reclaim: a new owner; any custody ends
        BV_TRY(db.exec(QStringLiteral("UPDATE customers SET manager_id = ?, custody_manager_id = NULL, "
                                      "custody_until = NULL, updated_at = ? WHERE id = ?"),
            {target.id, now, ref.id}));
    }
    BV_TRY(db.exec(QStringLiteral("INSERT INTO customer_assignments (customer_id, kind, from_id, to_id, until, at, "
                                  "by_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
        {ref.id, kind, idOrNull(fromId), idOrNull(toId),
            custodyEnd.isValid() ? QVariant(custodyEnd) : QVariant(QMetaType::fromType<QString>()), now, actor.userId,
            why.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(why)}));

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
    auto q = m_internals.database().query(
        QStringLiteral("SELECT a.at, a.kind, coalesce(uf.login, ''), coalesce(ut.login, ''), a.until, "
                       "coalesce(ub.login, ''), coalesce(a.reason, '') FROM customer_assignments a "
                       "LEFT JOIN users uf ON uf.id = a.from_id LEFT JOIN users ut ON ut.id = a.to_id "
                       "LEFT JOIN users ub ON ub.id = a.by_id WHERE a.customer_id = ? ORDER BY a.at, a.id"),
        {ref.id});
    if (!q.ok())
        return q.error();
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
    while (q->next()) {
        AssignmentEntry entry {timeFrom(q->value(0)), q->value(1).toString(), q->value(2).toString(),
            q->value(3).toString(), timeFrom(q->value(4)), q->value(5).toString(), q->value(6).toString()};
        closeExpired(entry.at);
        list << entry;
        if (entry.kind == kCustody)
            openCustody = entry; // replaces an earlier custody
        else
            openCustody.reset(); // return, transfer, assign and reclaim all end a custody
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    closeExpired(now);
    return list;
}

QString CustomerOwnership::reassignmentCondition()
{
    return QStringLiteral("+c.status IN ('active', 'pending') AND (c.manager_id IS NULL "
                          "OR c.manager_id IN (SELECT id FROM users WHERE status = 'frozen') "
                          "OR (c.custody_manager_id IN (SELECT id FROM users WHERE status = 'frozen') "
                          "AND c.custody_until > ?))");
}

Result<QList<CustomerListRow>> CustomerOwnership::reassignmentList(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ViewReassignments);
    if (!actor.ok())
        return actor.error();
    CustomerStore& store = m_internals.store();
    // No owner, a frozen owner (a custody would return the customer to nobody), or a frozen
    // custodian during a custody. Written so that the manager indexes answer it (the frozen staff are
    // few; a scan of every customer of a large branch is not needed): "+c.status" keeps the planner
    // off the status index, which would visit every active customer.
    const QDateTime now = store.now();
    auto q = m_internals.database().query(kRowSelect + QStringLiteral("LEFT JOIN users u ON u.id = ")
            + responsible::managerSql() + QStringLiteral(" WHERE ") + reassignmentCondition()
            + QStringLiteral(" ORDER BY c.customer_no"),
        {now, now});
    if (!q.ok())
        return q.error();
    QList<CustomerListRow> rows;
    while (q->next())
        rows << CustomerListRow {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
            q->value(3).toString(), q->value(4).toString(), q->value(5).toString(), q->value(6).toString(),
            timeFrom(q->value(7)), q->value(8).toInt() != 0};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("reassignments"), QString(), QString(),
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("rows"), int(rows.size())}}}));
    return rows;
}

Result<QList<TierChange>> CustomerOwnership::pendingTiers(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ConfirmTier);
    if (!actor.ok())
        return actor.error();
    auto q = m_internals.database().query(QStringLiteral(
        "SELECT t.id, c.customer_no, t.from_tier, t.to_tier, t.computed_at, t.status FROM tier_changes t "
        "JOIN customers c ON c.id = t.customer_id WHERE t.status = 'pending' "
        "ORDER BY t.computed_at, t.id"));
    if (!q.ok())
        return q.error();
    QList<TierChange> list;
    while (q->next())
        list << TierChange {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
            q->value(3).toString(), timeFrom(q->value(4)), q->value(5).toString()};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("tiers"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("list"), QStringLiteral("pending_tier_changes")},
                {QStringLiteral("rows"), int(list.size())}}}));
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
    if (!confirm && why.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Give the reason why the customer keeps the current tier."),
            QString(), QStringLiteral("reason"));
    if (charCount(why) > kMaxReasonLength)
        return makeError(ErrorCode::InvalidInput,
            tr("The reason is too long (at most %1 characters). Shorten it.").arg(kMaxReasonLength), QString(),
            QStringLiteral("reason"));
    Database& db = m_internals.database();
    CustomerStore& store = m_internals.store();
    const QDateTime now = store.now();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto q = db.query(QStringLiteral("SELECT t.customer_id, t.from_tier, t.to_tier, t.status, c.customer_no, c.tier, "
                                     "c.status, coalesce(c.aum_cny, 0) FROM tier_changes t "
                                     "JOIN customers c ON c.id = t.customer_id WHERE t.id = ?"),
        {tierChangeId});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("There is no tier change %1.").arg(tierChangeId));
    }
    const qint64 customerId = q->value(0).toLongLong();
    const QString fromTier = q->value(1).toString();
    const QString toTier = q->value(2).toString();
    const QString status = q->value(3).toString();
    const QString number = q->value(4).toString();
    const QString currentTier = q->value(5).toString();
    const QString customerStatus = q->value(6).toString();
    const qint64 assets = q->value(7).toLongLong();
    q->finish();
    if (status != QLatin1String("pending"))
        return makeError(
            ErrorCode::Conflict, tr("Tier change %1 was already decided (%2).").arg(tierChangeId).arg(status));
    if (confirm) {
        if (customerStatus != QLatin1String("active") && customerStatus != QLatin1String("pending"))
            return makeError(ErrorCode::Conflict,
                tr("Customer %1 is %2; its tier can no longer change. Reject the tier change.")
                    .arg(number, customerStatus));
        if (currentTier != fromTier || Tiers::forAssets(assets, m_internals.settings()) != toTier)
            return makeError(ErrorCode::Conflict,
                tr("The assets or tier of customer %1 changed after this tier change was computed. Reject "
                   "it; a new change is computed at the next approved edit of the assets.")
                    .arg(number));
        BV_TRY(db.exec(
            QStringLiteral("UPDATE customers SET tier = ?, updated_at = ? WHERE id = ?"), {toTier, now, customerId}));
    }
    auto updated = db.query(QStringLiteral("UPDATE tier_changes SET status = ?, decided_by = ?, decided_at = ?, "
                                           "reason = ? WHERE id = ? AND status = 'pending'"),
        {confirm ? QStringLiteral("confirmed") : QStringLiteral("rejected"), actor->userId, now,
            why.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(why), tierChangeId});
    if (!updated.ok())
        return updated.error();
    if (updated->numRowsAffected() != 1)
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
