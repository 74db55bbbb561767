// CustomerEntry::createMany: the import's records of one batch written together (CustomerEntry.h). Each record ends
// up exactly as create() leaves it — the customer row with its columns, the sealed values with masks and blind
// indexes, the accounts, the pending change with its diff, one customer.create audit row — but each table is
// written once for the whole call (Connection::insertRows), and the ids and customer numbers are taken once for all
// of them.

#include "core/customers/lifecycle/CustomerEntry.h"

#include "core/audit/AuditRecords.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/StageClock.h"
#include "core/internal/customers/CustomerRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"

namespace bv {

Result<QList<Result<EntryReceipt>>> CustomerEntry::createMany(const Session& session, const QList<NewRecord>& records)
{
    auto authorized = m_internals.access().authorize(session, Operation::CreateCustomer);
    if (!authorized.ok())
        return authorized.error();
    const Actor& actor = *authorized;
    using Stage = StageClock::Stage;
    CustomerStore& store = m_internals.store();
    CustomerRepository& repository = m_internals.records();
    const QString customerKind = QStringLiteral("customer");
    const QString accountKind = QStringLiteral("account");
    const QString idField = QString::fromLatin1(fields::IdNumber);
    const QString accountField = QString::fromLatin1(fields::AccountNumber);

    StageClock::mark(Stage::ReadValidate);
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    BV_TRY(store.cipher().checkAvailable());
    auto last = repository.lastIds();
    if (!last.ok())
        return last.error();
    qint64 nextCustomer = last->customer;
    qint64 nextAccount = last->account;
    qint64 nextChange = last->change;

    // The checks create() makes, record by record, in order: the responsible manager, then a duplicate ID number
    // in the branch or in an earlier record of this call (which create() would find in the database).
    struct Accepted
    {
        qsizetype index = 0;
        qint64 customerId = 0;
        qint64 managerId = 0;
        QList<qint64> accountIds;
    };
    QList<Result<EntryReceipt>> outcomes;
    outcomes.reserve(records.size());
    QList<Accepted> accepted;
    accepted.reserve(records.size());
    QHash<QByteArray, qsizetype> earlier; // blind index of an ID number → index in `accepted`
    QHash<qint64, Result<qint64>> managers; // chosen → checked
    QList<std::pair<qsizetype, qsizetype>> repeated; // outcome index → index in `accepted` of the same ID number
    for (qsizetype i = 0; i < records.size(); ++i) {
        const ValidatedCustomer& validated = records.at(i).validated;
        if (!validated.ok()) {
            outcomes.append(validated.errors.constFirst());
            continue;
        }
        auto manager = managers.constFind(records.at(i).managerId);
        if (manager == managers.cend())
            manager = managers.insert(records.at(i).managerId, responsibleFor(actor, records.at(i).managerId));
        if (!manager->ok()) {
            outcomes.append(manager->error());
            continue;
        }
        const QByteArray blind = store.cipher().blindIndex(BlindDomain::IdNumber, validated.values.value(idField));
        if (!blind.isEmpty()) {
            if (const auto before = earlier.constFind(blind); before != earlier.cend()) {
                // its message names the earlier record's number, known once the numbers are taken below
                repeated.append({outcomes.size(), *before});
                outcomes.append(makeError(ErrorCode::Conflict, QString(), QString(), idField));
                continue;
            }
            auto found = repository.customersWithBlind(blindDomainKey(BlindDomain::IdNumber), blind, 0);
            if (!found.ok())
                return found.error();
            if (!found->isEmpty()) {
                auto message = duplicateOf(validated.values.value(idField), 0);
                if (!message.ok())
                    return message.error();
                outcomes.append(makeError(ErrorCode::Conflict, *message, QString(), idField));
                continue;
            }
            earlier.insert(blind, accepted.size());
        }
        Accepted record {i, ++nextCustomer, **manager, {}};
        for (const AccountInput& account : validated.accounts) {
            if (!account.remove)
                record.accountIds.append(++nextAccount);
        }
        accepted.append(record);
        outcomes.append(EntryReceipt {}); // filled in below
    }
    if (accepted.isEmpty()) {
        BV_TRY(tx.commit());
        return outcomes;
    }

    const QDateTime now = store.now();
    const QString branch = m_internals.settings().text(QString::fromLatin1(settings::BranchCode));
    StageClock::mark(Stage::Write);
    auto lastNumber = repository.takeNumbers(branch, accepted.size());
    if (!lastNumber.ok())
        return lastNumber.error();
    if (!*lastNumber)
        return makeError(ErrorCode::Internal, CustomerStore::tr("The customer number counter is missing."));
    const qint64 firstNumber = **lastNumber - accepted.size() + 1;
    const auto numberOf = [&](qsizetype acceptedIndex) {
        return QStringLiteral("%1-%2").arg(branch.toUpper()).arg(firstNumber + acceptedIndex, 8, 10, QLatin1Char('0'));
    };

    for (const auto& [outcome, before] : std::as_const(repeated))
        outcomes[outcome] = makeError(
            ErrorCode::Conflict, duplicateMessage(numberOf(before), accepted.at(before).managerId), QString(), idField);

    // Seal, mask and index every grade-1 value under its owner's id; the diffs and audit events.
    StageClock::mark(Stage::Seal);
    QList<CustomerRepository::NewCustomerRow> customers;
    QList<CustomerRepository::NewAccountRow> accounts;
    QList<CustomerRepository::NewChangeRow> changes;
    QList<SealedValues::Prepared> sealed;
    QList<AuditEvent> events;
    customers.reserve(accepted.size());
    changes.reserve(accepted.size());
    events.reserve(accepted.size());
    sealed.reserve(accepted.size() * 10);
    for (qsizetype a = 0; a < accepted.size(); ++a) {
        const Accepted& record = accepted.at(a);
        const ValidatedCustomer& validated = records.at(record.index).validated;
        const QString number = numberOf(a);
        // The masked forms made for the sealed values serve the diff as well (masking each value once).
        qsizetype first = sealed.size();
        BV_TRY(store.prepareSeal(customerKind, record.customerId, validated.values, &sealed));
        QHash<QString, QString> masked;
        for (qsizetype i = first; i < sealed.size(); ++i)
            masked.insert(sealed.at(i).key.field, sealed.at(i).masked);
        QStringList maskedAccounts;
        qsizetype accountIndex = 0;
        for (const AccountInput& account : validated.accounts) {
            if (account.remove) {
                maskedAccounts.append(store.mask(accountField, account.number));
                continue;
            }
            const qint64 accountId = record.accountIds.at(accountIndex++);
            accounts.append({accountId, record.customerId, account});
            first = sealed.size();
            BV_TRY(store.prepareSeal(accountKind, accountId, {{accountField, account.number}}, &sealed));
            maskedAccounts.append(
                sealed.size() > first ? sealed.constLast().masked : store.mask(accountField, account.number));
        }
        customers.append({record.customerId,
            CustomerRepository::NewCustomer {
                number, branch, record.managerId, validated.restricted.value_or(false), now, actor.userId},
            validated.values});
        const QList<FieldDiff> diff = newRecordDiff(validated, masked, maskedAccounts);
        const qint64 changeId = ++nextChange;
        changes.append({changeId, record.customerId, diffText(diff)});
        events.append(createdEvent(record.customerId, number, changeId, diff));
        outcomes[record.index] = EntryReceipt {number, changeId, validated.warnings};
    }

    StageClock::mark(Stage::Write);
    BV_TRY(repository.insertPendingMany(customers));
    BV_TRY(store.storeNew(sealed));
    BV_TRY(repository.insertAccounts(accounts, now));
    BV_TRY(repository.insertCreateChanges(changes, actor.userId, now));
    StageClock::mark(Stage::Audit);
    BV_TRY(m_internals.auditLog().appendMany(actor, events));
    StageClock::mark(Stage::Write); // releasing the savepoint
    BV_TRY(tx.commit());
    return outcomes;
}

} // namespace bv
