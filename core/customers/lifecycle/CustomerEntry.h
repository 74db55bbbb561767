#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/customers/rules/CustomerValidator.h"

#include <QCoreApplication>

namespace bv {

class CustomerServiceInternals;
class Transaction;
struct AuditEvent;
namespace importrun {
class Run;
}

struct EntryReceipt
{
    QString customerNumber;
    qint64 changeId = 0;
    QStringList warnings;
};

struct HistoryEntry
{
    QDateTime at;
    QString kind; // "create", "edit"
    QString actorLogin;
    QList<FieldDiff> diff; // masked
};

// Maker-checker entry (DESIGN §6): a new record or an edit waits until a branch manager who is not
// its maker approves it, or rejects it with a reason. New grade-1 values of an edit are held sealed
// under the change; on approval the old values move to the history, sealed, visible only through a
// grant. Duplicate ID numbers are refused; the same phone or account number on two customers becomes
// a suspicious pair for the manager.
class CustomerEntry
{
    Q_DECLARE_TR_FUNCTIONS(CustomerEntry)
public:
    explicit CustomerEntry(CustomerServiceInternals& internals);

    Result<EntryReceipt> create(const Session& session, const CustomerInput& input);
    Result<EntryReceipt> edit(const Session& session, const QString& customerNo, const CustomerInput& input);

    // The branch manager sees every pending change; a customer manager his or her own. Keyset paging by
    // change id: pass the last id seen as `afterId`.
    Result<QList<PendingChange>> pending(const Session& session, qint64 afterId = 0, int limit = 1000);
    Result<PendingChange> change(const Session& session, qint64 changeId);
    // The reason is required (DESIGN §5: decided "with a reason"); blank is refused. Blind re-key: `rekeyed` holds
    // the values of the change's rekeyFields as the checker typed them from the customer's document; they are
    // compared with the stored values through the blind index (nothing is decrypted for the checker). A missing
    // value is refused (InvalidInput); a mismatch is refused and audited (customer.rekey_mismatch, field names
    // only), the error's `field` listing the mismatched keys separated by commas — never a stored value.
    Status approve(const Session& session, qint64 changeId, const QString& reason, const RekeyedValues& rekeyed = {});
    // Approves several reviewed changes in one transaction (e.g. the records of one import file); all or
    // nothing. Every change that needs a re-key needs its values in `rekeyed` (keyed by change id), exactly as
    // one by one: a batch is no way around the document check. Returns how many were approved.
    Result<int> approveMany(const Session& session, const QList<qint64>& changeIds, const QString& reason,
        const QHash<qint64, RekeyedValues>& rekeyed = {});
    Status reject(const Session& session, qint64 changeId, const QString& reason);

    Result<QList<HistoryEntry>> history(const Session& session, const QString& customerNo);

    Result<QList<SuspiciousPair>> suspicious(const Session& session);
    Status clearSuspicious(const Session& session, qint64 pairId, const QString& reason);

private:
    // The rows of pending(), without its audit row (change() reads one of them).
    Result<QList<PendingChange>> pendingRows(const Actor& actor, qint64 afterId, int limit);
    struct ChangeHead
    {
        qint64 customerId = 0;
        QString kind; // "create" or "edit"
        QString customerNumber;
    };
    // Change `changeId`, read inside the transaction `tx` that writes the decision, when it is pending, the actor
    // did not make it and (approving) `rekeyed` matches the stored values; otherwise the refusal. A refusal that
    // is audited (deciding one's own change, a re-key mismatch) rolls `tx` back first, so that its audit row is
    // kept.
    Result<ChangeHead> decidable(
        Transaction& tx, const Actor& actor, qint64 changeId, bool approving, const RekeyedValues& rekeyed = {});
    // Blind re-key (CustomerRekey.cpp): the fields to type for a change's diff, and the check of typed values
    // against the stored blind indexes, inside `tx` (a mismatch rolls `tx` back, then is audited).
    QStringList rekeyFieldsFor(const QList<FieldDiff>& diff) const;
    Status checkRekey(
        Transaction& tx, const Actor& actor, qint64 changeId, const ChangeHead& change, const RekeyedValues& typed);
    Result<QString> duplicateOf(const QString& idNumber, qint64 exceptCustomer);
    QString duplicateMessage(const QString& number, qint64 managerId) const;
    // The customer manager responsible for a new record: the actor, or (for the branch manager) the active
    // customer manager chosen; InvalidInput naming the manager field otherwise.
    Result<qint64> responsibleFor(const Actor& actor, qint64 chosenManager);
    // A new record's diff (every value, grade-1 values masked), its text, and its customer.create audit event.
    // `masked` and `maskedAccounts` (one per account of `validated`, in order) are masked forms already made for
    // the sealed values; what they lack is masked here.
    QList<FieldDiff> newRecordDiff(const ValidatedCustomer& validated, const QHash<QString, QString>& masked = {},
        const QStringList& maskedAccounts = {}) const;
    static QString diffText(const QList<FieldDiff>& diff);
    static AuditEvent createdEvent(
        qint64 customerId, const QString& number, qint64 changeId, const QList<FieldDiff>& diff);

    // The import's way of writing (core/customers/import: importrun::Run, a friend): several new records, each
    // validated by the caller with CustomerValidator::validate, for a session allowed to create records, written as by
    // create() — the same rows, seals, diff and customer.create audit row each — but together in one savepoint of
    // the caller's transaction with multi-row statements. A record refused (its manager, a duplicate ID number in
    // the branch or earlier in `records`) gets its error in the list, in order, and is not written; an error of
    // the whole call (a statement failed) rolls every record of the call back.
    friend class importrun::Run;
    struct NewRecord
    {
        ValidatedCustomer validated;
        qint64 managerId = 0; // the branch manager's choice; ignored for a customer manager
    };
    Result<QList<Result<EntryReceipt>>> createMany(const Session& session, const QList<NewRecord>& records);
    Status markSuspicious(qint64 customerId, const QHash<QString, QString>& phones, const QStringList& accountNumbers);
    Status applyCreate(qint64 changeId, qint64 customerId);
    Status applyEdit(qint64 changeId, qint64 customerId, const Actor& checker);
    Status refreshDerived(qint64 customerId, bool assetsChanged, bool initial);

    CustomerServiceInternals& m_internals;
};

} // namespace bv
