#include "core/customers/lifecycle/CustomerFinder.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"
#include "core/policy/Masking.h"
#include "core/policy/Policy.h"
#include "core/requests/RequestService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace bv {

namespace {

const QString kCustomer = QStringLiteral("customer");

QString encodeCursor(const QString& sortValue, const QString& number)
{
    return QString::fromLatin1(QJsonDocument(QJsonArray {sortValue, number})
                                   .toJson(QJsonDocument::Compact)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool decodeCursor(const QString& cursor, QString* sortValue, QString* number)
{
    const QJsonArray a
        = QJsonDocument::fromJson(QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding)).array();
    if (a.size() != 2)
        return false;
    *sortValue = a.at(0).toString();
    *number = a.at(1).toString();
    return true;
}

BlindDomain domainOf(LookupKind kind)
{
    switch (kind) {
    case LookupKind::Name:
        return BlindDomain::Name;
    case LookupKind::IdNumber:
        return BlindDomain::IdNumber;
    case LookupKind::Mobile:
        return BlindDomain::Phone;
    case LookupKind::Account:
        return BlindDomain::Account;
    }
    return BlindDomain::None;
}

QString kindKey(LookupKind kind)
{
    switch (kind) {
    case LookupKind::Name:
        return QStringLiteral("name");
    case LookupKind::IdNumber:
        return QStringLiteral("id_number");
    case LookupKind::Mobile:
        return QStringLiteral("mobile");
    case LookupKind::Account:
        return QStringLiteral("account_number");
    }
    return QString();
}

} // namespace

CustomerFinder::CustomerFinder(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

QString CustomerFinder::scrub(const QString& freeText)
{
    return FreeText::forAudit(freeText);
}

Result<CustomerView> CustomerFinder::open(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::ViewCustomer, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    CustomerStore& store = m_internals.store();
    CustomerQueryRepository queries(m_internals.database());
    auto found = queries.view(ref.id, store.now());
    if (!found.ok())
        return found.error();
    if (!*found)
        return makeError(ErrorCode::NotFound, tr("The customer no longer exists."));
    CustomerView view = std::move(**found);
    view.managerName = m_internals.staffName(view.managerId);
    auto masked = store.masked(kCustomer, ref.id);
    if (!masked.ok())
        return masked.error();
    view.gradeOne = *masked;
    // grade 2: the own customer manager and the branch manager — which is who reaches this point
    view.gradeTwoVisible = actor.role == Role::Manager || ref.managerId == actor.userId;
    if (view.gradeTwoVisible) {
        auto columns = store.columns(ref.id);
        if (!columns.ok())
            return columns.error();
        for (auto it = columns->cbegin(); it != columns->cend(); ++it) {
            const FieldSpec* spec = FieldCatalogue::find(it.key());
            if (spec && spec->grade == 2)
                view.gradeTwo.insert(it.key(), it.value());
        }
    }
    auto accounts = store.accounts(ref.id, false);
    if (!accounts.ok())
        return accounts.error();
    view.accounts = *accounts;
    auto pending = queries.pendingChangeId(ref.id);
    if (pending.ok())
        view.pendingChangeId = *pending;
    // what this session may do with the customer: the same answer for every role's detail view
    const Role role = actor.role;
    view.actions.edit = Policy::allows(role, Operation::EditCustomer);
    view.actions.editNow = view.actions.edit && view.status == CustomerStatus::Active && view.pendingChangeId == 0;
    view.actions.requestReveal = Policy::allows(role, Operation::CreateRequest);
    view.actions.reveal = Policy::allows(role, Operation::RevealField);
    view.actions.recordService = Policy::allows(role, Operation::RecordService);
    view.actions.manageComplaints = Policy::allows(role, Operation::ManageComplaints);
    view.actions.recordConsent = Policy::allows(role, Operation::RecordConsent);
    BV_TRY(m_internals.auditLog().appendStandalone(actor,
        AuditEvent {QString::fromLatin1(audit::CustomerOpen), kCustomer, QString::number(ref.id), ref.number,
            AuditOutcome::Ok, {}}));
    return view;
}

Result<QHash<QString, QString>> CustomerFinder::reveal(
    const Session& session, const QString& customerNo, const QStringList& fieldKeys)
{
    auto scope = m_internals.scoped(session, Operation::RevealField, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    RequestGrants* requests = m_internals.grants();
    if (!requests)
        return makeError(ErrorCode::Internal, tr("Special requests are not available."));
    if (fieldKeys.isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Name the fields to show in full."), QString(), QStringLiteral("fields"));
    for (const QString& field : fieldKeys) {
        if (!FieldCatalogue::isGradeOne(field))
            return makeError(ErrorCode::InvalidInput,
                tr("\"%1\" is not a protected (grade 1) field; it is shown without a request.").arg(field), QString(),
                QStringLiteral("fields"));
    }
    // The scope and the grants that decide are read inside the transaction that records the use, before any
    // value is opened: a customer reassigned or a grant revoked in between shows nothing.
    Database& db = m_internals.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto reached = m_internals.stillReachable(tx, actor, Operation::RevealField, scope->customer);
    if (!reached.ok())
        return reached.error();
    const CustomerRef& ref = *reached;
    QList<Grant> grants;
    for (const QString& field : fieldKeys) {
        auto grant = requests->liveGrant(actor, RequestType::Reveal, ref.id, field);
        if (!grant.ok()) {
            tx.rollback(); // the refusal is audited in a row of its own
            return m_internals.access().deny(actor, Operation::RevealField, QStringLiteral("customer"),
                QString::number(ref.id), ref.number,
                tr("There is no approved, unexpired request to see %1 of customer %2 in full. "
                   "File a special request (request full view) and wait for the branch "
                   "manager's approval.")
                    .arg(FieldCatalogue::label(field), ref.number));
        }
        grants << *grant;
    }
    CustomerStore& store = m_internals.store();
    QHash<QString, QString> values;
    for (const QString& field : fieldKeys) {
        if (field == QLatin1String(fields::AccountNumber)) {
            auto accounts = store.accounts(ref.id, true);
            if (!accounts.ok())
                return accounts.error();
            for (const AccountView& a : *accounts)
                values.insert(QStringLiteral("account_number:%1").arg(a.id), a.number);
            continue;
        }
        auto value = SealedValues::open(m_internals.database(), store.cipher(), {kCustomer, ref.id, field});
        if (value.ok())
            values.insert(field, *value);
        else if (value.error().code != ErrorCode::NotFound)
            return value.error();
    }
    QJsonArray shown;
    for (const QString& f : fieldKeys)
        shown.append(f);
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::CustomerReveal), kCustomer, QString::number(ref.id), ref.number,
            AuditOutcome::Ok, QJsonObject {{QStringLiteral("fields"), shown}}}));
    QSet<qint64> recorded;
    for (int i = 0; i < grants.size(); ++i) {
        if (recorded.contains(grants.at(i).requestId))
            continue;
        recorded.insert(grants.at(i).requestId);
        BV_TRY(requests->recordUse(actor, grants.at(i), ref.number, fieldKeys));
    }
    BV_TRY(tx.commit());
    return values;
}

Result<CustomerPage> CustomerFinder::portfolio(
    const Session& session, const QString& nameFilter, const QString& after, int limit)
{
    auto actor = m_internals.access().authorize(session, Operation::ListPortfolio);
    if (!actor.ok())
        return actor.error();
    CustomerStore& store = m_internals.store();
    CustomerQueryRepository queries(m_internals.database());
    limit = qBound(1, limit, 5000);
    const QString filter = FieldCipher::normalize(BlindDomain::Name, nameFilter).toCaseFolded();
    CustomerPage page;
    const QDateTime now = store.now();
    if (filter.isEmpty()) {
        BV_TRY(queries.portfolio(
            actor->userId, now, after, limit + 1, [&page](const CustomerListRow& row, const QByteArray&) {
                page.rows << row;
                return true;
            }));
        if (after.isEmpty()) // the list view (its first page), unfiltered
            BV_TRY(m_internals.auditLog().appendStandalone(*actor,
                AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("portfolio"), QString(), QString(),
                    AuditOutcome::Ok,
                    QJsonObject {{QStringLiteral("list"), QStringLiteral("portfolio")},
                        {QStringLiteral("rows"), int(qMin<qsizetype>(page.rows.size(), limit))}}}));
    } else {
        // Decrypt the names of the own portfolio only, in memory; nothing outside it is touched.
        Status opened;
        BV_TRY(queries.portfolio(
            actor->userId, now, after, -1, [&](const CustomerListRow& row, const QByteArray& sealedName) {
                auto name = store.cipher().open(sealedName, FieldCipher::associatedData(kCustomer, row.id, u"name"));
                if (!name.ok()) {
                    opened = name.error();
                    return false;
                }
                QString plain = FieldCipher::normalize(BlindDomain::Name, *name).toCaseFolded();
                if (plain.contains(filter))
                    page.rows << row;
                wipe(plain);
                return page.rows.size() <= limit;
            }));
        BV_TRY(opened);
        const int matches = int(qMin<qsizetype>(page.rows.size(), limit));
        if (after.isEmpty())
            BV_TRY(m_internals.auditLog().appendStandalone(*actor,
                AuditEvent {QString::fromLatin1(audit::CustomerSearch), QStringLiteral("portfolio"), QString(),
                    QString(), AuditOutcome::Ok,
                    QJsonObject {{QStringLiteral("by"), QStringLiteral("name_filter")},
                        {QStringLiteral("term"), Masking::mask(MaskKind::Name, nameFilter)},
                        {QStringLiteral("matches"), matches}}}));
    }
    if (page.rows.size() > limit) {
        page.rows.removeLast();
        page.nextCursor = page.rows.constLast().number;
    }
    return page;
}

Result<CustomerPage> CustomerFinder::branchList(
    const Session& session, CustomerSort sort, bool descending, const QString& after, int limit)
{
    auto actor = m_internals.access().authorize(session, Operation::ListBranch);
    if (!actor.ok())
        return actor.error();
    limit = qBound(1, limit, 5000);
    std::optional<CustomerQueryRepository::BranchPosition> from;
    if (!after.isEmpty()) {
        CustomerQueryRepository::BranchPosition position;
        if (!decodeCursor(after, &position.sortValue, &position.number))
            return makeError(ErrorCode::InvalidInput, tr("The list position is not valid; start from the first page."));
        from = position;
    }
    CustomerQueryRepository queries(m_internals.database());
    auto rows = queries.branchPage(sort, descending, from, limit + 1, m_internals.store().now());
    if (!rows.ok())
        return rows.error();
    CustomerPage page;
    QList<QString> keys;
    for (const CustomerQueryRepository::BranchRow& row : std::as_const(*rows)) {
        page.rows << row.row;
        keys << row.sortKey;
    }
    if (page.rows.size() > limit) {
        page.rows.removeLast();
        keys.removeLast();
        page.nextCursor = encodeCursor(keys.constLast(), page.rows.constLast().number);
    }
    if (after.isEmpty())
        BV_TRY(m_internals.auditLog().appendStandalone(*actor,
            AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("branch"), QString(), QString(),
                AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("sort"), int(sort)}, {QStringLiteral("descending"), descending}}}));
    return page;
}

Result<qint64> CustomerFinder::branchCount(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ListBranch);
    if (!actor.ok())
        return actor.error();
    return CustomerQueryRepository(m_internals.database()).branchCount();
}

Result<QList<CustomerListRow>> CustomerFinder::rowsFor(const QList<qint64>& ids)
{
    QList<CustomerListRow> rows;
    CustomerStore& store = m_internals.store();
    CustomerQueryRepository queries(m_internals.database());
    for (qint64 id : ids) {
        auto row = queries.listRow(id, store.now());
        if (!row.ok())
            return row.error();
        if (*row)
            rows << **row;
    }
    return rows;
}

Result<QList<CustomerListRow>> CustomerFinder::lookup(const Session& session, LookupKind kind, const QString& value)
{
    auto actor = m_internals.access().authorize(session, Operation::LookupCustomer);
    if (!actor.ok())
        return actor.error();
    if (value.trimmed().isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Type the full value to look up (exact match)."), QString(), kindKey(kind));
    auto ids = m_internals.store().customersWith(int(domainOf(kind)), value);
    if (!ids.ok())
        return ids.error();
    auto rows = rowsFor(*ids);
    if (!rows.ok())
        return rows.error();
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerSearch), QStringLiteral("branch"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("by"), kindKey(kind)},
                {QStringLiteral("term"), m_internals.store().mask(kindKey(kind), value.trimmed())},
                {QStringLiteral("matches"), int(rows->size())}}}));
    return rows;
}

Result<QList<ExistenceAnswer>> CustomerFinder::checkExists(
    const Session& session, LookupKind kind, const QString& value)
{
    auto actor = m_internals.access().authorize(session, Operation::CheckCustomerExists);
    if (!actor.ok())
        return actor.error();
    if (kind == LookupKind::Name)
        return makeError(ErrorCode::InvalidInput,
            tr("The existence check works with the exact ID number, mobile or account number, not with "
               "names."),
            QString(), QStringLiteral("name"));
    if (value.trimmed().isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Type the full value to check (exact match)."), QString(), kindKey(kind));
    auto ids = m_internals.store().customersWith(int(domainOf(kind)), value);
    if (!ids.ok())
        return ids.error();
    QList<ExistenceAnswer> answers;
    for (qint64 id : *ids) {
        auto ref = m_internals.customerById(id);
        if (!ref.ok())
            return ref.error();
        answers << ExistenceAnswer {ref->number, m_internals.maskedStaffName(ref->managerId), ref->restricted};
    }
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerSearch), QStringLiteral("existence"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("by"), kindKey(kind)},
                {QStringLiteral("term"), m_internals.store().mask(kindKey(kind), value.trimmed())},
                {QStringLiteral("matches"), int(answers.size())}}}));
    return answers;
}

Result<std::optional<ClerkCard>> CustomerFinder::clerkLookup(
    const Session& session, const QString& fullName, const QString& idNumber, const QString& purpose)
{
    auto actor = m_internals.access().authorize(session, Operation::ClerkLookup);
    if (!actor.ok())
        return actor.error();
    if (fullName.trimmed().isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Type the customer's full name."), QString(), QStringLiteral("name"));
    if (idNumber.trimmed().isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Type the customer's full ID number."), QString(), QStringLiteral("id_number"));
    if (charCount(purpose.trimmed()) < 2)
        return makeError(ErrorCode::InvalidInput,
            tr("State the purpose of the lookup (for example: verifying the customer "
               "at the counter)."),
            QString(), QStringLiteral("purpose"));
    CustomerStore& store = m_internals.store();
    Database& db = m_internals.database();
    CustomerQueryRepository queries(db);
    BV_TRY(store.cipher().checkAvailable());
    auto ids = store.customersWith(int(BlindDomain::IdNumber), idNumber);
    if (!ids.ok())
        return ids.error();
    const QByteArray nameBlind = store.cipher().blindIndex(BlindDomain::Name, fullName);
    std::optional<CustomerRef> found;
    for (qint64 id : *ids) {
        auto blind = queries.nameBlind(id);
        if (!blind.ok())
            return blind.error();
        auto ref = m_internals.customerById(id);
        if (!ref.ok())
            return ref.error();
        if (*blind == nameBlind && ref->status == CustomerStatus::Active) {
            found = *ref;
            break;
        }
    }
    // the purpose as typed may repeat the customer's name or numbers: only its masked form is kept
    QJsonObject details {{QStringLiteral("purpose"), FreeText::forAudit(purpose, {fullName})},
        {QStringLiteral("name"), Masking::mask(MaskKind::Name, fullName.trimmed())},
        {QStringLiteral("id"), store.mask(QString::fromLatin1(fields::IdNumber), idNumber.trimmed().toUpper())}};
    if (!found) {
        details.insert(QStringLiteral("result"), QStringLiteral("no match"));
        BV_TRY(m_internals.auditLog().appendStandalone(*actor,
            AuditEvent {QString::fromLatin1(audit::CustomerLookup), kCustomer, QString(), QString(), AuditOutcome::Ok,
                details}));
        return std::optional<ClerkCard>();
    }
    if (found->restricted) {
        RequestGrants* requests = m_internals.grants();
        auto grant = requests ? requests->liveGrant(*actor, RequestType::RestrictedAccess, found->id)
                              : Result<Grant>(makeError(ErrorCode::NotFound, QString()));
        if (!grant.ok())
            return m_internals.access().deny(*actor, Operation::ClerkLookup, kCustomer, QString::number(found->id),
                found->number,
                tr("Customer %1 is restricted (重点保密). File a restricted-access request and "
                   "wait for the branch manager's approval.")
                    .arg(found->number));
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(requests->recordUse(*actor, *grant, found->number, {}));
        BV_TRY(tx.commit());
    }
    auto stored = queries.clerkCard(found->id);
    if (!stored.ok())
        return stored.error();
    if (!*stored)
        return std::optional<ClerkCard>();
    auto masked = store.masked(kCustomer, found->id);
    if (!masked.ok())
        return masked.error();
    ClerkCard card = std::move(**stored);
    card.number = found->number;
    card.maskedName = masked->value(QString::fromLatin1(fields::Name));
    card.maskedIdNumber = masked->value(QString::fromLatin1(fields::IdNumber));
    card.maskedMobile = masked->value(QString::fromLatin1(fields::Mobile));
    card.managerName = m_internals.staffName(found->managerId);
    details.insert(QStringLiteral("result"), QStringLiteral("match"));
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerLookup), kCustomer, QString::number(found->id), found->number,
            AuditOutcome::Ok, details}));
    return std::optional<ClerkCard>(card);
}

} // namespace bv
