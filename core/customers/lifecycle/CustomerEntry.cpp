// Maker-checker entry (DESIGN §6): a new record or an edit is written as a pending change, with the checks that
// refuse it (a duplicate ID number, a change still waiting) read inside the transaction that writes it; the
// pending list, the history and the suspicious pairs. The decisions on a change are CustomerApproval.cpp.

#include "core/customers/lifecycle/CustomerEntry.h"

#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/customers/rules/CustomerValidator.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/JsonText.h"
#include "core/internal/common/StageClock.h"
#include "core/internal/customers/CustomerRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kChange = QStringLiteral("change");

QList<FieldDiff> diffFrom(const QString& json)
{
    QList<FieldDiff> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject o = v.toObject();
        out << FieldDiff {o.value(QStringLiteral("field")).toString(), o.value(QStringLiteral("old")).toString(),
            o.value(QStringLiteral("new")).toString()};
    }
    return out;
}

QJsonArray keysOf(const QList<FieldDiff>& diff)
{
    QJsonArray out;
    for (const FieldDiff& d : diff)
        out.append(d.field);
    return out;
}

Error firstError(const ValidatedCustomer& validated)
{
    Error e = validated.errors.constFirst();
    if (validated.errors.size() > 1)
        e.detail = CustomerEntry::tr("%n more fields need attention", nullptr, int(validated.errors.size() - 1));
    return e;
}

} // namespace

CustomerEntry::CustomerEntry(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

Result<QString> CustomerEntry::duplicateOf(const QString& idNumber, qint64 exceptCustomer)
{
    auto ids = m_internals.store().customersWith(int(BlindDomain::IdNumber), idNumber, exceptCustomer);
    if (!ids.ok())
        return ids.error();
    if (ids->isEmpty())
        return QString();
    auto ref = m_internals.customerById(ids->constFirst());
    if (!ref.ok())
        return ref.error();
    return duplicateMessage(ref->number, ref->managerId);
}

QString CustomerEntry::duplicateMessage(const QString& number, qint64 managerId) const
{
    return tr("A customer with this ID number already exists: customer number %1, customer manager %2. Do not "
              "enter it again; ask that customer manager or the branch manager.")
        .arg(number, m_internals.maskedStaffName(managerId));
}

Result<qint64> CustomerEntry::responsibleFor(const Actor& actor, qint64 chosenManager)
{
    if (actor.role != Role::Manager)
        return actor.userId;
    auto manager = m_internals.accounts().accountById(chosenManager);
    if (chosenManager <= 0 || !manager.ok() || manager->role != Role::CustomerManager || manager->frozen)
        return makeError(ErrorCode::InvalidInput,
            tr("Choose the customer manager who will be responsible for this customer (an active "
               "customer manager account)."),
            QString(), QString::fromLatin1(fields::Manager));
    return chosenManager;
}

QList<FieldDiff> CustomerEntry::newRecordDiff(
    const ValidatedCustomer& validated, const QHash<QString, QString>& masked, const QStringList& maskedAccounts) const
{
    const CustomerStore& store = m_internals.store();
    QList<FieldDiff> diff;
    for (const FieldSpec& spec : FieldCatalogue::all()) {
        const QString key = QString::fromLatin1(spec.key);
        const QString value = validated.values.value(key);
        if (value.isEmpty())
            continue;
        if (spec.grade != 1)
            diff << FieldDiff {key, QString(), value};
        else
            diff << FieldDiff {key, QString(), masked.contains(key) ? masked.value(key) : store.mask(key, value)};
    }
    const QString accountField = QString::fromLatin1(fields::AccountNumber);
    const bool accountsMasked = maskedAccounts.size() == validated.accounts.size();
    for (qsizetype i = 0; i < validated.accounts.size(); ++i)
        diff << FieldDiff {accountField, QString(),
            accountsMasked ? maskedAccounts.at(i) : store.mask(accountField, validated.accounts.at(i).number)};
    return diff;
}

QString CustomerEntry::diffText(const QList<FieldDiff>& diff)
{
    // An array of {"field", "new", "old"} objects, as QJsonDocument::toJson(Compact) would write it (keys in its
    // order), written directly: building the objects cost about a tenth of an import (docs/PERFORMANCE.md).
    // tst_jsontext holds the text equal to Qt's.
    QByteArray out;
    out.reserve(48 * diff.size() + 2);
    out += '[';
    for (const FieldDiff& d : diff) {
        if (out.size() > 1)
            out += ',';
        out += "{\"field\":";
        jsontext::appendString(out, d.field);
        out += ",\"new\":";
        jsontext::appendString(out, d.newMasked);
        out += ",\"old\":";
        jsontext::appendString(out, d.oldMasked);
        out += '}';
    }
    out += ']';
    return QString::fromUtf8(out);
}

AuditEvent CustomerEntry::createdEvent(
    qint64 customerId, const QString& number, qint64 changeId, const QList<FieldDiff>& diff)
{
    return AuditEvent {QString::fromLatin1(audit::CustomerCreate), kCustomer, QString::number(customerId), number,
        AuditOutcome::Ok, QJsonObject {{QStringLiteral("change"), changeId}, {QStringLiteral("fields"), keysOf(diff)}}};
}

Result<EntryReceipt> CustomerEntry::create(const Session& session, const CustomerInput& input)
{
    auto actor = m_internals.access().authorize(session, Operation::CreateCustomer);
    if (!actor.ok())
        return actor.error();
    CustomerStore& store = m_internals.store();
    CustomerRepository& records = m_internals.records();
    const QDate today = store.today();
    ValidatedCustomer validated = CustomerValidator::validate(input, today);
    if (!validated.ok())
        return firstError(validated);

    // The checks that decide (the manager, a duplicate ID number) read inside the transaction that writes.
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    auto managerId = responsibleFor(*actor, input.managerId);
    if (!managerId.ok())
        return managerId.error();
    auto duplicate = duplicateOf(validated.values.value(QString::fromLatin1(fields::IdNumber)), 0);
    if (!duplicate.ok())
        return duplicate.error();
    if (!duplicate->isEmpty())
        return makeError(ErrorCode::Conflict, *duplicate, QString(), QString::fromLatin1(fields::IdNumber));

    // The import's stage clock (StageClock.h; nothing is read outside a timed import): the checks above are
    // validation, the statements below writing, the sealing and masking inside them sealing.
    StageClock::mark(StageClock::Stage::Write);
    const QDateTime now = store.now();
    const QString branch = m_internals.settings().text(QString::fromLatin1(settings::BranchCode));
    auto number = store.nextNumber(branch);
    if (!number.ok())
        return number.error();
    auto inserted = records.insertPending(CustomerRepository::NewCustomer {
        *number, branch, *managerId, validated.restricted.value_or(false), now, actor->userId});
    if (!inserted.ok())
        return inserted.error();
    const qint64 customerId = *inserted;
    BV_TRY(store.seal(kCustomer, customerId, validated.values));
    BV_TRY(store.writeColumns(customerId, validated.values));
    for (const AccountInput& account : std::as_const(validated.accounts)) {
        if (account.remove)
            continue;
        auto added = store.addAccount(customerId, account);
        if (!added.ok())
            return added.error();
    }
    StageClock::mark(StageClock::Stage::Seal);
    const QList<FieldDiff> diff = newRecordDiff(validated);
    StageClock::mark(StageClock::Stage::Write);
    auto change = records.insertCreateChange(customerId, actor->userId, now, diffText(diff));
    if (!change.ok())
        return change.error();
    const qint64 changeId = *change;
    StageClock::mark(StageClock::Stage::Audit);
    BV_TRY(m_internals.auditLog().append(*actor, createdEvent(customerId, *number, changeId, diff)));
    StageClock::mark(StageClock::Stage::Write); // releasing the savepoint
    BV_TRY(tx.commit());
    return EntryReceipt {*number, changeId, validated.warnings};
}

Result<EntryReceipt> CustomerEntry::edit(const Session& session, const QString& customerNo, const CustomerInput& input)
{
    auto scope = m_internals.scoped(session, Operation::EditCustomer, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    CustomerStore& store = m_internals.store();
    CustomerRepository& records = m_internals.records();
    // The checks that decide (the customer still in the actor's reach and active, no change waiting, the values, a
    // duplicate ID number, the version the change is based on) read inside the transaction that writes the change.
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    auto reached = m_internals.stillReachable(tx, actor, Operation::EditCustomer, scope->customer);
    if (!reached.ok())
        return reached.error();
    const CustomerRef& ref = *reached;
    if (ref.status != CustomerStatus::Active)
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2; only active customers can be edited.").arg(ref.number, statusLabel(ref.status)));
    auto waiting = records.pendingChangeOf(ref.id);
    if (!waiting.ok())
        return waiting.error();
    if (*waiting)
        return makeError(ErrorCode::Conflict,
            tr("An earlier change of customer %1 is still waiting for approval. Wait for the branch "
               "manager's decision, then edit again.")
                .arg(ref.number));

    auto sealed = store.open(kCustomer, ref.id);
    if (!sealed.ok())
        return sealed.error();
    auto columns = store.columns(ref.id);
    if (!columns.ok())
        return columns.error();
    QHash<QString, QString> current = *sealed;
    for (auto it = columns->cbegin(); it != columns->cend(); ++it)
        current.insert(it.key(), it.value());
    const QDate today = store.today();
    ValidatedCustomer validated = CustomerValidator::validate(input, today, &current);
    if (!validated.ok())
        return firstError(validated);

    QHash<QString, QString> changed;
    for (auto it = validated.values.cbegin(); it != validated.values.cend(); ++it) {
        if (current.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    auto masks = store.masked(kCustomer, ref.id);
    if (!masks.ok())
        return masks.error();
    bool restrictedChanged = false;
    auto restrictedNow = records.restricted(ref.id);
    if (validated.restricted && restrictedNow.ok() && (*restrictedNow != 0) != *validated.restricted)
        restrictedChanged = true;
    if (changed.isEmpty() && validated.accounts.isEmpty() && !restrictedChanged)
        return makeError(ErrorCode::InvalidInput, tr("Nothing was changed: every value is the same as in the record."));

    const QString newId = changed.value(QString::fromLatin1(fields::IdNumber));
    if (!newId.isEmpty()) {
        auto duplicate = duplicateOf(newId, ref.id);
        if (!duplicate.ok())
            return duplicate.error();
        if (!duplicate->isEmpty())
            return makeError(ErrorCode::Conflict, *duplicate, QString(), QString::fromLatin1(fields::IdNumber));
    }

    QList<FieldDiff> diff;
    QJsonObject values;
    QJsonArray sealedKeys;
    QHash<QString, QString> gradeOne;
    for (auto it = changed.cbegin(); it != changed.cend(); ++it) {
        const FieldSpec* spec = FieldCatalogue::find(it.key());
        if (!spec)
            continue;
        if (spec->grade == 1) {
            gradeOne.insert(it.key(), it.value());
            sealedKeys.append(it.key());
            diff << FieldDiff {it.key(), masks->value(it.key()), store.mask(it.key(), it.value())};
        } else {
            values.insert(it.key(), it.value());
            diff << FieldDiff {it.key(), current.value(it.key()), it.value()};
        }
    }
    auto version = records.version(ref.id);
    if (!version.ok())
        return version.error();
    const QDateTime now = store.now();
    auto change = records.insertEditChange(ref.id, actor.userId, now, *version);
    if (!change.ok())
        return change.error();
    const qint64 changeId = *change;
    BV_TRY(store.seal(kChange, changeId, gradeOne));
    QJsonArray accounts;
    int index = 0;
    for (const AccountInput& account : std::as_const(validated.accounts)) {
        QJsonObject a {{QStringLiteral("id"), account.id}, {QStringLiteral("type"), account.type},
            {QStringLiteral("openedOn"), account.openedOn.toString(Qt::ISODate)},
            {QStringLiteral("status"), account.status}, {QStringLiteral("remove"), account.remove}};
        // Diff entries are language-neutral: "#<account id>" names an existing account.
        const QString which = account.id > 0 ? QStringLiteral("#%1").arg(account.id) : QString();
        if (account.remove) {
            diff << FieldDiff {QString::fromLatin1(fields::AccountNumber), which, QString()};
        } else {
            if (!account.number.isEmpty()) {
                const QString key = QStringLiteral("account_number:%1").arg(index);
                BV_TRY(store.seal(kChange, changeId, {{key, account.number}}));
                a.insert(QStringLiteral("number"), key);
                diff << FieldDiff {QString::fromLatin1(fields::AccountNumber), which,
                    store.mask(QString::fromLatin1(fields::AccountNumber), account.number)};
            }
            if (account.id > 0) { // type, opening date and status of an existing account
                auto old = records.accountParts(account.id);
                if (!old.ok())
                    return old.error();
                if (*old) {
                    const struct
                    {
                        const char* field;
                        QString before;
                        QString after;
                    } parts[] = {{fields::AccountType, (*old)->type, account.type},
                        {fields::AccountOpenedOn, (*old)->openedOn, account.openedOn.toString(Qt::ISODate)},
                        {fields::AccountStatus, (*old)->status, account.status}};
                    for (const auto& part : parts) {
                        if (part.before != part.after)
                            diff << FieldDiff {QString::fromLatin1(part.field), which + QLatin1Char(' ') + part.before,
                                which + QLatin1Char(' ') + part.after};
                    }
                }
            }
        }
        accounts.append(a);
        ++index;
    }
    QJsonObject staged {{QStringLiteral("values"), values}, {QStringLiteral("sealed"), sealedKeys},
        {QStringLiteral("accounts"), accounts}};
    if (restrictedChanged) {
        staged.insert(QStringLiteral("restricted"), *validated.restricted);
        diff << FieldDiff {QString::fromLatin1(fields::Restricted), QString::number(*restrictedNow),
            QString::number(*validated.restricted ? 1 : 0)};
    }
    BV_TRY(records.stageChange(
        changeId, QString::fromUtf8(QJsonDocument(staged).toJson(QJsonDocument::Compact)), diffText(diff)));
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::CustomerEdit), kCustomer, QString::number(ref.id), ref.number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("change"), changeId}, {QStringLiteral("fields"), keysOf(diff)}}}));
    BV_TRY(tx.commit());
    return EntryReceipt {ref.number, changeId, validated.warnings};
}

Result<QList<PendingChange>> CustomerEntry::pending(const Session& session, qint64 afterId, int limit)
{
    auto actor = m_internals.access().authorize(session, Operation::ViewCustomer);
    if (!actor.ok())
        return actor.error();
    auto list = pendingRows(*actor, afterId, limit);
    if (!list.ok())
        return list.error();
    if (afterId == 0) // one row per list view (its first page)
        BV_TRY(m_internals.auditLog().appendStandalone(*actor,
            AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("changes"), QString(), QString(),
                AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("list"), QStringLiteral("pending_changes")},
                    {QStringLiteral("scope"),
                        actor->role == Role::Manager ? QStringLiteral("branch") : QStringLiteral("own")},
                    {QStringLiteral("rows"), int(list->size())}}}));
    return list;
}

Result<QList<PendingChange>> CustomerEntry::pendingRows(const Actor& actor, qint64 afterId, int limit)
{
    // the branch manager sees every pending change, a customer manager his or her own
    auto rows = m_internals.records().pendingChanges(afterId,
        actor.role != Role::Manager ? std::optional<qint64>(actor.userId) : std::nullopt, qBound(1, limit, 10000));
    if (!rows.ok())
        return rows.error();
    QList<PendingChange> list;
    for (CustomerRepository::ChangeRow& row : *rows) {
        row.change.diff = diffFrom(row.diffJson);
        row.change.rekeyFields = rekeyFieldsFor(row.change.diff);
        list << std::move(row.change);
    }
    return list;
}

Result<PendingChange> CustomerEntry::change(const Session& session, qint64 changeId)
{
    auto actor = m_internals.access().authorize(session, Operation::ViewCustomer);
    if (!actor.ok())
        return actor.error();
    auto one = pendingRows(*actor, changeId - 1, 1);
    if (!one.ok())
        return one.error();
    if (!one->isEmpty() && one->constFirst().id == changeId)
        return one->constFirst();
    return makeError(ErrorCode::NotFound, tr("There is no pending change %1 that you may see.").arg(changeId));
}

Result<QList<HistoryEntry>> CustomerEntry::history(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::ViewCustomer, customerNo);
    if (!scope.ok())
        return scope.error();
    const CustomerRef& ref = scope->customer;
    auto rows = m_internals.records().history(ref.id);
    if (!rows.ok())
        return rows.error();
    QList<HistoryEntry> list;
    for (CustomerRepository::HistoryRow& row : *rows) {
        row.entry.diff = diffFrom(row.diffJson);
        list << std::move(row.entry);
    }
    return list;
}

Result<QList<SuspiciousPair>> CustomerEntry::suspicious(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ReviewSuspicious);
    if (!actor.ok())
        return actor.error();
    auto pairs = m_internals.records().openSuspiciousPairs();
    if (!pairs.ok())
        return pairs.error();
    const QList<SuspiciousPair>& list = *pairs;
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("suspicious"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("list"), QStringLiteral("suspicious_pairs")},
                {QStringLiteral("status"), statusKey(PairStatus::Open)}, {QStringLiteral("rows"), int(list.size())}}}));
    return list;
}

Status CustomerEntry::clearSuspicious(const Session& session, qint64 pairId, const QString& reason)
{
    auto actor = m_internals.access().authorize(session, Operation::ReviewSuspicious);
    if (!actor.ok())
        return actor.error();
    if (reason.trimmed().isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("Give the reason why the pair is in order (for example: husband and wife share the "
               "phone)."),
            QString(), QStringLiteral("reason"));
    Transaction tx(m_internals.database());
    if (!tx.ok())
        return tx.error();
    auto updated
        = m_internals.records().clearSuspiciousPair(pairId, actor->userId, m_internals.store().now(), reason.trimmed());
    if (!updated.ok())
        return updated.error();
    if (*updated != 1)
        return makeError(ErrorCode::NotFound, tr("There is no open suspicious pair %1.").arg(pairId));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::SuspiciousClear), QStringLiteral("suspicious_pair"),
            QString::number(pairId), QString(), AuditOutcome::Ok, {}}));
    return tx.commit();
}

} // namespace bv
