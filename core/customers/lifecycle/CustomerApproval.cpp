// Maker-checker decisions (DESIGN §6): a branch manager who is not the maker approves a pending change — a new
// record becomes active, an edit is applied with the old grade-1 values moved to the history, sealed — or rejects
// it with a reason. The checks that decide (still pending, not one's own change, the blind re-key of
// CustomerRekey.cpp) read inside the transaction that writes the decision. Entry itself is CustomerEntry.cpp.

#include "core/audit/AuditActions.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/HeapRelease.h"
#include "core/internal/customers/CustomerRepository.h"
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
#include <QJsonObject>

namespace bv {

namespace {

// An approval (one change or a batch) names what the checker compared.
Status approvalReasonGiven(const QString& reason)
{
    if (!reason.trimmed().isEmpty())
        return {};
    return makeError(ErrorCode::InvalidInput,
        QCoreApplication::translate("CustomerEntry",
            "Give a reason for the approval (for example what you checked against the documents), so the "
            "decision can be traced."),
        QString(), QStringLiteral("reason"));
}

const QString kCustomer = QStringLiteral("customer");
const QString kChange = QStringLiteral("change");
const QString kHistory = QStringLiteral("history");
const QString kAccount = QStringLiteral("account");

} // namespace

Status CustomerEntry::markSuspicious(
    qint64 customerId, const QHash<QString, QString>& phones, const QStringList& accountNumbers)
{
    CustomerStore& store = m_internals.store();
    CustomerRepository& records = m_internals.records();
    auto record = [&](const QString& kind, const QList<qint64>& others, const QString& masked) -> Status {
        for (qint64 other : others)
            BV_TRY(records.insertSuspiciousPair(
                kind, qMin(customerId, other), qMax(customerId, other), store.now(), masked));
        return {};
    };
    for (auto it = phones.cbegin(); it != phones.cend(); ++it) {
        auto others = store.customersWith(int(BlindDomain::Phone), it.value(), customerId);
        if (!others.ok())
            return others.error();
        BV_TRY(record(QStringLiteral("phone"), *others, store.mask(it.key(), it.value())));
    }
    for (const QString& number : accountNumbers) {
        auto others = store.customersWith(int(BlindDomain::Account), number, customerId);
        if (!others.ok())
            return others.error();
        BV_TRY(
            record(QStringLiteral("account"), *others, store.mask(QString::fromLatin1(fields::AccountNumber), number)));
    }
    return {};
}

Status CustomerEntry::refreshDerived(qint64 customerId, bool assetsChanged, bool initial)
{
    CustomerStore& store = m_internals.store();
    CustomerRepository& records = m_internals.records();
    auto birth = SealedValues::open(
        m_internals.database(), store.cipher(), {kCustomer, customerId, QString::fromLatin1(fields::BirthDate)});
    QString band;
    if (birth.ok())
        band = CustomerValidator::ageBand(QDate::fromString(*birth, Qt::ISODate), store.today());
    BV_TRY(records.setAgeBand(customerId, band));
    if (!assetsChanged && !initial)
        return {};
    auto row = records.assetsAndTier(customerId);
    if (!row.ok())
        return row.error();
    if (!*row)
        return {};
    const QString computed = Tiers::forAssets((*row)->assets, m_internals.settings());
    const QString tier = (*row)->tier;
    if (initial) { // the manager approving the new record confirms its first tier
        BV_TRY(records.setTier(customerId, computed));
        return {};
    }
    // a newer computation replaces a change still waiting for confirmation
    BV_TRY(records.dropPendingTierChange(customerId));
    if (computed == tier)
        return {};
    BV_TRY(records.insertTierChange(customerId, tier, computed, store.now()));
    return {};
}

Status CustomerEntry::applyCreate(qint64 changeId, qint64 customerId)
{
    CustomerStore& store = m_internals.store();
    CustomerRepository& records = m_internals.records();
    BV_TRY(records.activate(customerId, store.now()));
    BV_TRY(refreshDerived(customerId, true, true));
    auto values = store.open(kCustomer, customerId);
    if (!values.ok())
        return values.error();
    QHash<QString, QString> phones;
    for (const char* key : {fields::Mobile, fields::OtherPhone}) {
        if (!values->value(QString::fromLatin1(key)).isEmpty())
            phones.insert(QString::fromLatin1(key), values->value(QString::fromLatin1(key)));
    }
    QStringList numbers;
    auto accounts = store.accounts(customerId, true);
    if (!accounts.ok())
        return accounts.error();
    for (const AccountView& a : *accounts)
        numbers << a.number;
    BV_TRY(markSuspicious(customerId, phones, numbers));
    return records.insertCreateHistory(changeId, store.now());
}

Status CustomerEntry::applyEdit(qint64 changeId, qint64 customerId, const Actor& checker)
{
    CustomerStore& store = m_internals.store();
    CustomerRepository& records = m_internals.records();
    Database& db = m_internals.database();
    auto row = records.editToApply(changeId);
    if (!row.ok())
        return row.error();
    if (!*row)
        return makeError(ErrorCode::NotFound, tr("The change no longer exists."));
    if ((*row)->baseVersion != (*row)->currentVersion)
        return makeError(ErrorCode::Conflict,
            tr("The customer record changed after this edit was made. Reject it; the maker can edit again "
               "from the current record."));
    const QJsonObject staged = QJsonDocument::fromJson((*row)->valuesJson.toUtf8()).object();
    const QDateTime now = store.now();

    auto history = records.insertEditHistory(customerId, changeId, now, (*row)->makerId, (*row)->diffJson);
    if (!history.ok())
        return history.error();
    const qint64 historyId = *history;
    auto existing = store.masked(kCustomer, customerId);
    if (!existing.ok())
        return existing.error();

    QHash<QString, QString> phones;
    for (const QJsonValue& key : staged.value(QStringLiteral("sealed")).toArray()) {
        const QString field = key.toString();
        if (existing->contains(field)) // the old value goes to the history, still sealed
            BV_TRY(store.moveSealed(kCustomer, customerId, kHistory, historyId, field, field));
        auto newValue = SealedValues::open(db, store.cipher(), {kChange, changeId, field});
        if (newValue.ok()) {
            BV_TRY(store.moveSealed(kChange, changeId, kCustomer, customerId, field, field));
            if (field == QLatin1String(fields::Mobile) || field == QLatin1String(fields::OtherPhone))
                phones.insert(field, *newValue);
        } else if (newValue.error().code != ErrorCode::NotFound) {
            return newValue.error();
        }
    }
    QHash<QString, QString> columns;
    const QJsonObject values = staged.value(QStringLiteral("values")).toObject();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        columns.insert(it.key(), it.value().toString());
    BV_TRY(store.writeColumns(customerId, columns));
    if (staged.contains(QStringLiteral("restricted")))
        BV_TRY(records.setRestricted(customerId, staged.value(QStringLiteral("restricted")).toBool()));

    QStringList newNumbers;
    for (const QJsonValue& v : staged.value(QStringLiteral("accounts")).toArray()) {
        const QJsonObject a = v.toObject();
        AccountInput account;
        account.id = a.value(QStringLiteral("id")).toInteger();
        account.type = a.value(QStringLiteral("type")).toString();
        account.openedOn = QDate::fromString(a.value(QStringLiteral("openedOn")).toString(), Qt::ISODate);
        account.status = a.value(QStringLiteral("status")).toString();
        const QString numberKey = a.value(QStringLiteral("number")).toString();
        if (!numberKey.isEmpty()) {
            auto number = SealedValues::open(db, store.cipher(), {kChange, changeId, numberKey});
            if (!number.ok())
                return number.error();
            account.number = *number;
            newNumbers << *number;
            BV_TRY(SealedValues::remove(db, {kChange, changeId, numberKey}));
        }
        if (account.id > 0) {
            auto owner = records.accountOwner(account.id);
            if (!owner.ok() || *owner != customerId)
                return makeError(ErrorCode::Conflict, tr("An account in this change does not belong to the customer."));
            const QString oldKey = QStringLiteral("account_number:%1").arg(account.id);
            if (a.value(QStringLiteral("remove")).toBool()) {
                BV_TRY(store.moveSealed(
                    kAccount, account.id, kHistory, historyId, QString::fromLatin1(fields::AccountNumber), oldKey));
                BV_TRY(records.deleteAccount(account.id));
                continue;
            }
            if (!account.number.isEmpty())
                BV_TRY(store.moveSealed(
                    kAccount, account.id, kHistory, historyId, QString::fromLatin1(fields::AccountNumber), oldKey));
            BV_TRY(store.updateAccount(account));
        } else {
            auto added = store.addAccount(customerId, account);
            if (!added.ok())
                return added.error();
        }
    }
    BV_TRY(SealedValues::removeOwner(db, kChange, changeId));
    BV_TRY(records.bumpVersion(customerId, now));
    BV_TRY(refreshDerived(customerId, values.contains(QString::fromLatin1(fields::AssetsUnderManagement)), false));
    Q_UNUSED(checker);
    return markSuspicious(customerId, phones, newNumbers);
}

Result<CustomerEntry::ChangeHead> CustomerEntry::decidable(
    Transaction& tx, const Actor& actor, qint64 changeId, bool approving, const RekeyedValues& rekeyed)
{
    auto head = m_internals.records().changeHead(changeId);
    if (!head.ok())
        return head.error();
    if (!*head)
        return makeError(ErrorCode::NotFound, tr("There is no change %1.").arg(changeId));
    const ChangeHead change {(*head)->customerId, (*head)->kind, (*head)->customerNumber};
    const ChangeStatus status = (*head)->status;
    const qint64 makerId = (*head)->makerId;
    if (status != ChangeStatus::Pending)
        return makeError(
            ErrorCode::Conflict, tr("Change %1 was already decided (%2).").arg(changeId).arg(statusLabel(status)));
    if (makerId == actor.userId) {
        tx.rollback(); // the refusal is audited in a row of its own, outside the decision's transaction
        return m_internals.access().deny(actor, Operation::ApproveChanges, QStringLiteral("change"),
            QString::number(changeId), change.customerNumber,
            approving ? tr("You made this change, so you cannot approve it: another branch manager must "
                           "check it.")
                      : tr("You made this change, so another branch manager must decide on it."));
    }
    if (approving)
        BV_TRY(checkRekey(tx, actor, changeId, change, rekeyed));
    return change;
}

Status CustomerEntry::approve(
    const Session& session, qint64 changeId, const QString& reason, const RekeyedValues& rekeyed)
{
    auto actor = m_internals.access().authorize(session, Operation::ApproveChanges);
    if (!actor.ok())
        return actor.error();
    BV_TRY(approvalReasonGiven(reason));
    CustomerRepository& records = m_internals.records();
    // Decided inside the transaction that writes the decision: decidable() reads the change in it.
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    auto change = decidable(tx, *actor, changeId, true, rekeyed);
    if (!change.ok())
        return change.error();
    const qint64 customerId = change->customerId;
    const QString kind = change->kind;
    const QString number = change->customerNumber;
    BV_TRY(
        kind == QLatin1String("create") ? applyCreate(changeId, customerId) : applyEdit(changeId, customerId, *actor));
    BV_TRY(records.setApproved(customerId, actor->userId, m_internals.store().now()));
    BV_TRY(records.approveChange(changeId, actor->userId, m_internals.store().now(), reason.trimmed()));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerApprove), kCustomer, QString::number(customerId), number,
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("change"), changeId}, {QStringLiteral("kind"), kind}}}));
    return tx.commit();
}

Result<int> CustomerEntry::approveMany(const Session& session, const QList<qint64>& changeIds, const QString& reason,
    const QHash<qint64, RekeyedValues>& rekeyed)
{
    const HeapRelease released; // what the page of approvals freed goes back to the system when this returns
    auto actor = m_internals.access().authorize(session, Operation::ApproveChanges);
    if (!actor.ok())
        return actor.error();
    BV_TRY(approvalReasonGiven(reason));
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    // Every change is decidable and its re-keyed values match before anything is written, read in the batch's
    // transaction: a refusal or a mismatch rolls it back and is audited in a row of its own.
    for (qint64 id : changeIds) {
        auto change = decidable(tx, *actor, id, true, rekeyed.value(id));
        if (!change.ok())
            return change.error();
    }
    int approved = 0;
    for (qint64 id : changeIds) {
        BV_TRY(approve(session, id, reason, rekeyed.value(id))); // each one nests as a savepoint with its own audit row
        ++approved;
    }
    BV_TRY(tx.commit());
    return approved;
}

Status CustomerEntry::reject(const Session& session, qint64 changeId, const QString& reason)
{
    auto actor = m_internals.access().authorize(session, Operation::ApproveChanges);
    if (!actor.ok())
        return actor.error();
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("Give the reason for the rejection, so the maker can correct it."),
            QString(), QStringLiteral("reason"));
    Database& db = m_internals.database();
    CustomerRepository& records = m_internals.records();
    // Decided inside the transaction that writes the decision: decidable() reads the change in it.
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto change = decidable(tx, *actor, changeId, false);
    if (!change.ok())
        return change.error();
    const qint64 customerId = change->customerId;
    const QString kind = change->kind;
    const QString number = change->customerNumber;
    if (kind == QLatin1String("create")) {
        // A rejected new record keeps only its number and status: its personal data is erased.
        BV_TRY(SealedValues::removeOwner(db, kCustomer, customerId));
        auto accounts = records.accountIds(customerId);
        if (!accounts.ok())
            return accounts.error();
        for (qint64 id : std::as_const(*accounts))
            BV_TRY(SealedValues::removeOwner(db, kAccount, id));
        BV_TRY(records.deleteAccountsOf(customerId));
        QHash<QString, QString> cleared;
        for (const QString& field : CustomerStore::columnFields())
            cleared.insert(field, QString());
        BV_TRY(m_internals.store().writeColumns(customerId, cleared));
        BV_TRY(records.markRejected(customerId, m_internals.store().now()));
    } else {
        BV_TRY(SealedValues::removeOwner(db, kChange, changeId));
    }
    BV_TRY(records.rejectChange(changeId, actor->userId, m_internals.store().now(), reason.trimmed()));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerReject), kCustomer, QString::number(customerId), number,
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("change"), changeId}, {QStringLiteral("kind"), kind}}}));
    return tx.commit();
}

} // namespace bv
