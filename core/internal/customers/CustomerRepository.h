#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/requests/CustomerDirectory.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

namespace bv {

class Connection;

// Every statement of the customer record and its changes (docs/ARCHITECTURE.md, "Storage seam"): the customers
// table as entry, approval and the store write it, customer_numbers, accounts, customer_changes,
// customer_history, suspicious_pairs, tier_changes, and the reads of sealed_value that come with a record (the
// sealed and masked forms of an owner's values, blind indexes). Values are sealed and opened by the callers
// (CustomerStore, SealedValues); the diff and staged-values JSON is encoded and decoded by CustomerEntry, and
// stored here as text. No rules live here, no audit row is written and no transaction is opened: the caller's
// Transaction decides. Statuses are read as their enums (StoredStatus.h). Internal to core.
class CustomerRepository
{
public:
    explicit CustomerRepository(Connection& db);

    // ---- the record ----

    // A customer by number (as stored: trimmed, upper case) or by id, with the manager responsible at `now`;
    // nullopt when there is none.
    Result<std::optional<CustomerRef>> refByNumber(const QString& number, const QDateTime& now);
    Result<std::optional<CustomerRef>> refById(qint64 id, const QDateTime& now);

    // Next value of the branch's customer number counter (inserted at 1, else incremented); nullopt if the
    // counter row cannot be read back.
    Result<std::optional<qint64>> nextNumber(const QString& branch);

    struct NewCustomer
    {
        QString number;
        QString branch;
        qint64 managerId = 0;
        bool restricted = false;
        QDateTime at;
        qint64 createdBy = 0;
    };
    // A new record in status 'pending'; returns its id.
    Result<qint64> insertPending(const NewCustomer& customer);

    // ---- many new records at once (the import: CustomerEntry::createMany), inside the caller's transaction ----
    // The last ids used in customers, accounts and customer_changes: the new rows take the ids after them (the
    // connection is the database's only writer while its transaction is open).
    struct LastIds
    {
        qint64 customer = 0;
        qint64 account = 0;
        qint64 change = 0;
    };
    Result<LastIds> lastIds();
    // Takes `count` numbers of the branch's counter at once; returns the last of them (the first is last - count
    // + 1), nullopt if the counter row cannot be read back.
    Result<std::optional<qint64>> takeNumbers(const QString& branch, qint64 count);
    struct NewCustomerRow
    {
        qint64 id = 0;
        NewCustomer customer;
        QHash<QString, QString> values; // the grade 2/3 columns by field key, as writeColumns takes them
    };
    Status insertPendingMany(const QList<NewCustomerRow>& rows);
    struct NewAccountRow
    {
        qint64 id = 0;
        qint64 customerId = 0;
        AccountInput account;
    };
    Status insertAccounts(const QList<NewAccountRow>& rows, const QDateTime& at);
    struct NewChangeRow
    {
        qint64 id = 0;
        qint64 customerId = 0;
        QString diffJson;
    };
    Status insertCreateChanges(const QList<NewChangeRow>& rows, qint64 makerId, const QDateTime& at);

    // The restricted flag (0 or 1) and the version of a record.
    Result<int> restricted(qint64 customerId);
    Result<qint64> version(qint64 customerId);

    Status activate(qint64 customerId, const QDateTime& at); // 'pending' → 'active'
    Status markRejected(qint64 customerId, const QDateTime& at); // a rejected new record
    Status setApproved(qint64 customerId, qint64 checkerId, const QDateTime& at);
    Status setRestricted(qint64 customerId, bool restricted);
    // version + 1 and updated_at: an edit was applied.
    Status bumpVersion(qint64 customerId, const QDateTime& at);
    // An empty band is stored as NULL.
    Status setAgeBand(qint64 customerId, const QString& band);
    Status setTier(qint64 customerId, const QString& tier);
    struct AssetsAndTier
    {
        qint64 assets = 0; // aum_cny, 0 when not given
        QString tier;
    };
    Result<std::optional<AssetsAndTier>> assetsAndTier(qint64 customerId);

    // The grade 2/3 columns of the customers table, by field key (FieldCatalogue); the keys in column order.
    static QStringList columnFields();
    // The columns that are not NULL; nullopt when there is no such customer.
    Result<std::optional<QHash<QString, QString>>> columns(qint64 customerId);
    // One UPDATE of the columns present in `values` (an empty value is stored as NULL, assets as an integer).
    Status writeColumns(qint64 customerId, const QHash<QString, QString>& values);

    // ---- sealed values of an owner ("customer", "change", "history", "account") ----

    // field → sealed bytes, to be opened by the caller.
    Result<QList<QPair<QString, QByteArray>>> sealedOf(const QString& ownerKind, qint64 ownerId);
    // field → masked form.
    Result<QHash<QString, QString>> maskedOf(const QString& ownerKind, qint64 ownerId);
    // The stored blind index of one value (its domain key and the index); nullopt when there is no value or it
    // has no index.
    struct StoredBlind
    {
        QString domainKey;
        QByteArray blind;
    };
    Result<std::optional<StoredBlind>> blindOf(const QString& ownerKind, qint64 ownerId, const QString& field);
    // Every held customer (other than `exceptCustomer`) owning, directly or through an account, a value with
    // this blind index; by id.
    Result<QList<qint64>> customersWithBlind(const QString& domainKey, const QByteArray& blind, qint64 exceptCustomer);

    // ---- accounts ----

    // A customer's accounts by id; `sealed` holds the sealed number when there is one, `view.number` its mask.
    struct StoredAccount
    {
        AccountView view;
        std::optional<QByteArray> sealed;
    };
    Result<QList<StoredAccount>> accounts(qint64 customerId);
    Result<QList<qint64>> accountIds(qint64 customerId);
    // The customer an account belongs to (0 when there is no such account).
    Result<qint64> accountOwner(qint64 accountId);
    // Type, opening date ("" when none) and status of one account; nullopt when there is none.
    struct AccountParts
    {
        QString type;
        QString openedOn;
        QString status;
    };
    Result<std::optional<AccountParts>> accountParts(qint64 accountId);
    Result<qint64> insertAccount(qint64 customerId, const AccountInput& account, const QDateTime& at);
    Status updateAccount(const AccountInput& account);
    Status deleteAccount(qint64 accountId);
    Status deleteAccountsOf(qint64 customerId);

    // ---- changes (maker-checker) ----

    // A new record's change ('create', pending, base version 1, the diff as JSON text); returns its id.
    Result<qint64> insertCreateChange(qint64 customerId, qint64 makerId, const QDateTime& at, const QString& diffJson);
    // An edit's change ('edit', pending), staged afterwards with stageChange; returns its id.
    Result<qint64> insertEditChange(qint64 customerId, qint64 makerId, const QDateTime& at, qint64 baseVersion);
    Status stageChange(qint64 changeId, const QString& valuesJson, const QString& diffJson);
    // The change of a customer still waiting for a decision, if any.
    Result<std::optional<qint64>> pendingChangeOf(qint64 customerId);
    // Pending changes after `afterId` by id (of one maker when `makerId` is given), at most `limit`; `diff` and
    // `rekeyFields` left empty, the diff's JSON text beside it.
    struct ChangeRow
    {
        PendingChange change;
        QString diffJson;
    };
    Result<QList<ChangeRow>> pendingChanges(qint64 afterId, std::optional<qint64> makerId, int limit);
    struct ChangeHead
    {
        qint64 customerId = 0;
        QString kind;
        ChangeStatus status = ChangeStatus::Pending;
        qint64 makerId = 0;
        QString customerNumber;
    };
    Result<std::optional<ChangeHead>> changeHead(qint64 changeId);
    // What approving an edit needs: the version it was based on, the record's version now, the staged values and
    // the diff (JSON text), its maker.
    struct EditToApply
    {
        qint64 baseVersion = 0;
        qint64 currentVersion = 0;
        QString valuesJson;
        QString diffJson;
        qint64 makerId = 0;
    };
    Result<std::optional<EditToApply>> editToApply(qint64 changeId);
    // The staged values (JSON text) of a change.
    Result<QString> stagedValues(qint64 changeId);
    Status approveChange(qint64 changeId, qint64 checkerId, const QDateTime& at, const QString& reason);
    Status rejectChange(qint64 changeId, qint64 checkerId, const QDateTime& at, const QString& reason);

    // ---- history ----

    // The history row of an approved new record, copied from its change.
    Status insertCreateHistory(qint64 changeId, const QDateTime& at);
    // The history row of an approved edit; returns its id (the owner of the old sealed values).
    Result<qint64> insertEditHistory(
        qint64 customerId, qint64 changeId, const QDateTime& at, qint64 makerId, const QString& diffJson);
    // A customer's history by time; `diff` left empty, the diff's JSON text beside it.
    struct HistoryRow
    {
        HistoryEntry entry;
        QString diffJson;
    };
    Result<QList<HistoryRow>> history(qint64 customerId);

    // ---- suspicious pairs and tier changes ----

    // Records a pair once (customerA < customerB); an existing pair is left as it is.
    Status insertSuspiciousPair(
        const QString& kind, qint64 customerA, qint64 customerB, const QDateTime& at, const QString& maskedValue);
    Result<QList<SuspiciousPair>> openSuspiciousPairs();
    // Clears an open pair; returns how many rows changed (0: no open pair with this id).
    Result<int> clearSuspiciousPair(qint64 pairId, qint64 userId, const QDateTime& at, const QString& reason);
    Status dropPendingTierChange(qint64 customerId);
    Status insertTierChange(qint64 customerId, const QString& fromTier, const QString& toTier, const QDateTime& at);

private:
    Result<std::optional<CustomerRef>> ref(const QString& column, const QVariant& value, const QDateTime& now);

    Connection& m_db;
};

} // namespace bv
