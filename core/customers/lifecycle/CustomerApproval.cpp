// Maker-checker decisions (DESIGN §6): a branch manager who is not the maker approves a pending change — a new
// record becomes active, an edit is applied with the old grade-1 values moved to the history, sealed — or rejects
// it with a reason. The checks that decide (still pending, not one's own change, the blind re-key of
// CustomerRekey.cpp) read inside the transaction that writes the decision. Entry itself is CustomerEntry.cpp.

#include "core/audit/AuditActions.h"
#include "core/audit/AuditLog.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/db/Transaction.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/keys/SealedValues.h"
#include "core/policy/AccessControl.h"
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
    Database& db = m_internals.database();
    auto record = [&](const QString& kind, const QList<qint64>& others, const QString& masked) -> Status {
        for (qint64 other : others) {
            BV_TRY(db.exec(QStringLiteral("INSERT INTO suspicious_pairs (kind, customer_a, customer_b, found_at, "
                                          "masked_value) VALUES (?, ?, ?, ?, ?) "
                                          "ON CONFLICT (kind, customer_a, customer_b) DO NOTHING"),
                {kind, qMin(customerId, other), qMax(customerId, other), store.now(), masked}));
        }
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
    Database& db = m_internals.database();
    auto birth
        = SealedValues::open(db, store.cipher(), {kCustomer, customerId, QString::fromLatin1(fields::BirthDate)});
    QString band;
    if (birth.ok())
        band = CustomerValidator::ageBand(QDate::fromString(*birth, Qt::ISODate), store.today());
    BV_TRY(db.exec(QStringLiteral("UPDATE customers SET age_band = ? WHERE id = ?"),
        {band.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(band), customerId}));
    if (!assetsChanged && !initial)
        return {};
    auto row = db.query(QStringLiteral("SELECT coalesce(aum_cny, 0), tier FROM customers WHERE id = ?"), {customerId});
    if (!row.ok())
        return row.error();
    if (!row->next())
        return rowsFinished(*row, Reading::Customers);
    const QString computed = Tiers::forAssets(row->value(0).toLongLong(), m_internals.settings());
    const QString tier = row->value(1).toString();
    if (initial) { // the manager approving the new record confirms its first tier
        BV_TRY(db.exec(QStringLiteral("UPDATE customers SET tier = ? WHERE id = ?"), {computed, customerId}));
        return {};
    }
    // a newer computation replaces a change still waiting for confirmation
    BV_TRY(
        db.exec(QStringLiteral("DELETE FROM tier_changes WHERE customer_id = ? AND status = 'pending'"), {customerId}));
    if (computed == tier)
        return {};
    BV_TRY(db.exec(QStringLiteral("INSERT INTO tier_changes (customer_id, from_tier, to_tier, computed_at) "
                                  "VALUES (?, ?, ?, ?)"),
        {customerId, tier, computed, store.now()}));
    return {};
}

Status CustomerEntry::applyCreate(qint64 changeId, qint64 customerId)
{
    CustomerStore& store = m_internals.store();
    Database& db = m_internals.database();
    BV_TRY(db.exec(QStringLiteral("UPDATE customers SET status = 'active', updated_at = ? WHERE id = ?"),
        {store.now(), customerId}));
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
    BV_TRY(db.exec(
        QStringLiteral("INSERT INTO customer_history (customer_id, change_id, at, kind, actor_id, diff_json) "
                       "SELECT customer_id, id, ?, 'create', maker_id, diff_json FROM customer_changes WHERE id = ?"),
        {store.now(), changeId}));
    return {};
}

Status CustomerEntry::applyEdit(qint64 changeId, qint64 customerId, const Actor& checker)
{
    CustomerStore& store = m_internals.store();
    Database& db = m_internals.database();
    auto row
        = db.query(QStringLiteral("SELECT ch.base_version, c.version, ch.values_json, ch.diff_json, ch.maker_id "
                                  "FROM customer_changes ch JOIN customers c ON c.id = ch.customer_id WHERE ch.id = ?"),
            {changeId});
    if (!row.ok())
        return row.error();
    if (!row->next()) {
        BV_TRY(rowsFinished(*row, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("The change no longer exists."));
    }
    if (row->value(0).toLongLong() != row->value(1).toLongLong())
        return makeError(ErrorCode::Conflict,
            tr("The customer record changed after this edit was made. Reject it; the maker can edit again "
               "from the current record."));
    const QJsonObject staged = QJsonDocument::fromJson(row->value(2).toString().toUtf8()).object();
    const QString diffText = row->value(3).toString();
    const qint64 makerId = row->value(4).toLongLong();
    const QDateTime now = store.now();

    auto history = db.query(QStringLiteral("INSERT INTO customer_history (customer_id, change_id, at, kind, actor_id, "
                                           "diff_json) VALUES (?, ?, ?, 'edit', ?, ?)"),
        {customerId, changeId, now, makerId, diffText});
    if (!history.ok())
        return history.error();
    const qint64 historyId = history->lastInsertId().toLongLong();
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
        BV_TRY(db.exec(QStringLiteral("UPDATE customers SET restricted = ? WHERE id = ?"),
            {staged.value(QStringLiteral("restricted")).toBool() ? 1 : 0, customerId}));

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
            auto owner = db.scalar(QStringLiteral("SELECT customer_id FROM accounts WHERE id = ?"), {account.id});
            if (!owner.ok() || owner->toLongLong() != customerId)
                return makeError(ErrorCode::Conflict, tr("An account in this change does not belong to the customer."));
            const QString oldKey = QStringLiteral("account_number:%1").arg(account.id);
            if (a.value(QStringLiteral("remove")).toBool()) {
                BV_TRY(store.moveSealed(
                    kAccount, account.id, kHistory, historyId, QString::fromLatin1(fields::AccountNumber), oldKey));
                BV_TRY(db.exec(QStringLiteral("DELETE FROM accounts WHERE id = ?"), {account.id}));
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
    BV_TRY(db.exec(
        QStringLiteral("UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?"), {now, customerId}));
    BV_TRY(refreshDerived(customerId, values.contains(QString::fromLatin1(fields::AssetsUnderManagement)), false));
    Q_UNUSED(checker);
    return markSuspicious(customerId, phones, newNumbers);
}

Result<CustomerEntry::ChangeHead> CustomerEntry::decidable(
    Transaction& tx, const Actor& actor, qint64 changeId, bool approving, const RekeyedValues& rekeyed)
{
    auto q = m_internals.database().query(
        QStringLiteral("SELECT ch.customer_id, ch.kind, ch.status, ch.maker_id, c.customer_no "
                       "FROM customer_changes ch JOIN customers c ON c.id = ch.customer_id WHERE ch.id = ?"),
        {changeId});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("There is no change %1.").arg(changeId));
    }
    const ChangeHead change {q->value(0).toLongLong(), q->value(1).toString(), q->value(4).toString()};
    const QString status = q->value(2).toString();
    const qint64 makerId = q->value(3).toLongLong();
    q->finish();
    if (status != QLatin1String("pending"))
        return makeError(ErrorCode::Conflict, tr("Change %1 was already decided (%2).").arg(changeId).arg(status));
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
    Database& db = m_internals.database();
    Transaction tx(db);
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
    BV_TRY(db.exec(QStringLiteral("UPDATE customers SET approved_by = ?, approved_at = ? WHERE id = ?"),
        {actor->userId, m_internals.store().now(), customerId}));
    BV_TRY(db.exec(QStringLiteral("UPDATE customer_changes SET status = 'approved', checker_id = ?, decided_at = ?, "
                                  "reason = ? WHERE id = ?"),
        {actor->userId, m_internals.store().now(), reason.trimmed(), changeId}));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerApprove), kCustomer, QString::number(customerId), number,
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("change"), changeId}, {QStringLiteral("kind"), kind}}}));
    return tx.commit();
}

Result<int> CustomerEntry::approveMany(const Session& session, const QList<qint64>& changeIds, const QString& reason,
    const QHash<qint64, RekeyedValues>& rekeyed)
{
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
        auto accounts = db.query(QStringLiteral("SELECT id FROM accounts WHERE customer_id = ?"), {customerId});
        if (!accounts.ok())
            return accounts.error();
        QList<qint64> ids;
        while (accounts->next())
            ids << accounts->value(0).toLongLong();
        BV_TRY(rowsFinished(*accounts, Reading::Customers));
        for (qint64 id : ids)
            BV_TRY(SealedValues::removeOwner(db, kAccount, id));
        BV_TRY(db.exec(QStringLiteral("DELETE FROM accounts WHERE customer_id = ?"), {customerId}));
        QHash<QString, QString> cleared;
        for (const QString& field : CustomerStore::columnFields())
            cleared.insert(field, QString());
        BV_TRY(m_internals.store().writeColumns(customerId, cleared));
        BV_TRY(db.exec(QStringLiteral("UPDATE customers SET status = 'rejected', updated_at = ? WHERE id = ?"),
            {m_internals.store().now(), customerId}));
    } else {
        BV_TRY(SealedValues::removeOwner(db, kChange, changeId));
    }
    BV_TRY(db.exec(QStringLiteral("UPDATE customer_changes SET status = 'rejected', checker_id = ?, decided_at = ?, "
                                  "reason = ? WHERE id = ?"),
        {actor->userId, m_internals.store().now(), reason.trimmed(), changeId}));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerReject), kCustomer, QString::number(customerId), number,
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("change"), changeId}, {QStringLiteral("kind"), kind}}}));
    return tx.commit();
}

} // namespace bv
