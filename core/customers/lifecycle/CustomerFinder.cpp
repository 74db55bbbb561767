#include "core/customers/lifecycle/CustomerFinder.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditLog.h"
#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/db/Transaction.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/internal/keys/SealedValues.h"
#include "core/keys/FieldCipher.h"
#include "core/policy/AccessControl.h"
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

const QString kRowSelect = QStringLiteral(
    "SELECT c.id, c.customer_no, coalesce(s.masked, ''), c.tier, coalesce(c.age_band, ''), c.status, "
    "coalesce(u.display_name, ''), c.created_at, c.restricted FROM customers c "
    "LEFT JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id AND s.field = 'name' ");

// kRowSelect's columns, then the sealed name (column 9).
const QString kRowSelectSealedName = QStringLiteral(
    "SELECT c.id, c.customer_no, coalesce(s.masked, ''), c.tier, coalesce(c.age_band, ''), c.status, "
    "coalesce(u.display_name, ''), c.created_at, c.restricted, s.sealed FROM customers c "
    "LEFT JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id AND s.field = 'name' ");

CustomerListRow listRow(const QSqlQuery& q)
{
    return CustomerListRow {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
        q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toString(),
        QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs), q.value(8).toInt() != 0};
}

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
    Database& db = m_internals.database();
    CustomerStore& store = m_internals.store();
    auto q = db.query(QStringLiteral("SELECT c.customer_no, c.status, c.restricted, c.tier, c.branch, ")
            + responsible::managerSql()
            + QStringLiteral(", c.custody_manager_id, c.custody_until, c.sex, c.nationality, c.age_band, "
                             "c.created_at, c.updated_at FROM customers c WHERE c.id = ?"),
        {store.now(), ref.id});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("The customer no longer exists."));
    }
    CustomerView view;
    view.id = ref.id;
    view.number = q->value(0).toString();
    view.status = q->value(1).toString();
    view.restricted = q->value(2).toInt() != 0;
    view.tier = q->value(3).toString();
    view.branch = q->value(4).toString();
    view.managerId = q->value(5).toLongLong();
    view.managerName = m_internals.staffName(view.managerId);
    view.custodyUntil = QDateTime::fromString(q->value(7).toString(), Qt::ISODateWithMs);
    view.inCustody = !q->isNull(6) && view.custodyUntil > store.now();
    view.sex = q->value(8).toString();
    view.nationality = q->value(9).toString();
    view.ageBand = q->value(10).toString();
    view.createdAt = QDateTime::fromString(q->value(11).toString(), Qt::ISODateWithMs);
    view.updatedAt = QDateTime::fromString(q->value(12).toString(), Qt::ISODateWithMs);
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
    auto pending = db.scalar(
        QStringLiteral("SELECT id FROM customer_changes WHERE customer_id = ? AND status = 'pending'"), {ref.id});
    if (pending.ok() && !pending->isNull())
        view.pendingChangeId = pending->toLongLong();
    // what this session may do with the customer: the same answer for every role's detail view
    const Role role = actor.role;
    view.actions.edit = Policy::allows(role, Operation::EditCustomer);
    view.actions.editNow = view.actions.edit && view.status == QLatin1String("active") && view.pendingChangeId == 0;
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
    const CustomerRef& ref = scope->customer;
    RequestGrants* requests = m_internals.grants();
    if (!requests)
        return makeError(ErrorCode::Internal, tr("Special requests are not available."));
    if (fieldKeys.isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Name the fields to show in full."), QString(), QStringLiteral("fields"));
    QList<Grant> grants;
    for (const QString& field : fieldKeys) {
        if (!FieldCatalogue::isGradeOne(field))
            return makeError(ErrorCode::InvalidInput,
                tr("\"%1\" is not a protected (grade 1) field; it is shown without a request.").arg(field), QString(),
                QStringLiteral("fields"));
        auto grant = requests->liveGrant(actor, RequestType::Reveal, ref.id, field);
        if (!grant.ok())
            return m_internals.access().deny(actor, Operation::RevealField, QStringLiteral("customer"),
                QString::number(ref.id), ref.number,
                tr("There is no approved, unexpired request to see %1 of customer %2 in full. "
                   "File a special request (request full view) and wait for the branch "
                   "manager's approval.")
                    .arg(FieldCatalogue::label(field), ref.number));
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
    Database& db = m_internals.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
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
    Database& db = m_internals.database();
    CustomerStore& store = m_internals.store();
    limit = qBound(1, limit, 5000);
    const QString filter = FieldCipher::normalize(BlindDomain::Name, nameFilter).toCaseFolded();
    CustomerPage page;
    // the own portfolio through the manager indexes: the list columns, and the sealed name for a filter
    const QString sql = kRowSelectSealedName + QStringLiteral("LEFT JOIN users u ON u.id = ")
        + responsible::managerSql() + QStringLiteral(" WHERE ") + responsible::ownSql()
        + QStringLiteral(" AND c.customer_no > ? "
                         "ORDER BY c.customer_no LIMIT ?");
    QVariantList values {store.now()};
    values << responsible::ownValues(actor->userId, store.now()) << after << (filter.isEmpty() ? limit + 1 : -1);
    auto q = db.cached(sql, values);
    if (!q.ok())
        return q.error();
    if (filter.isEmpty()) {
        while ((*q)->next())
            page.rows << listRow(**q);
        BV_TRY(rowsFinished(**q, Reading::Customers));
        (*q)->finish();
        if (after.isEmpty()) // the list view (its first page), unfiltered
            BV_TRY(m_internals.auditLog().appendStandalone(*actor,
                AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("portfolio"), QString(), QString(),
                    AuditOutcome::Ok,
                    QJsonObject {{QStringLiteral("list"), QStringLiteral("portfolio")},
                        {QStringLiteral("rows"), int(qMin<qsizetype>(page.rows.size(), limit))}}}));
    } else {
        // Decrypt the names of the own portfolio only, in memory; nothing outside it is touched.
        while ((*q)->next() && page.rows.size() <= limit) {
            const qint64 id = (*q)->value(0).toLongLong();
            auto name = store.cipher().open(
                (*q)->value(9).toByteArray(), FieldCipher::associatedData(kCustomer, id, u"name"));
            if (!name.ok())
                return name.error();
            QString plain = FieldCipher::normalize(BlindDomain::Name, *name).toCaseFolded();
            if (plain.contains(filter))
                page.rows << listRow(**q);
            wipe(plain);
        }
        BV_TRY(rowsFinished(**q, Reading::Customers));
        (*q)->finish();
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
    Database& db = m_internals.database();
    CustomerStore& store = m_internals.store();
    limit = qBound(1, limit, 5000);
    // Every order is backed by an index that ends in customer_no, so a page is an index range scan
    // (keyset paging), whatever its depth.
    QString key;
    bool numeric = false;
    switch (sort) {
    case CustomerSort::Number:
        break; // the unique index on customer_no
    case CustomerSort::Tier:
        key = QStringLiteral("c.tier_rank");
        numeric = true;
        break;
    case CustomerSort::Manager:
        // the owner (unassigned first); a custodian is shown, not sorted by
        key = QStringLiteral("coalesce(c.manager_id, 0)");
        numeric = true;
        break;
    case CustomerSort::Created:
        key = QStringLiteral("c.created_at");
        break;
    }
    const QString op = descending ? QStringLiteral("<") : QStringLiteral(">");
    const QString dir = descending ? QStringLiteral(" DESC") : QString();
    // the columns of kRowSelect, then the sort key (for the cursor)
    QString sql
        = QStringLiteral("SELECT c.id, c.customer_no, coalesce(s.masked, ''), c.tier, coalesce(c.age_band, ''), "
                         "c.status, coalesce(u.display_name, ''), c.created_at, c.restricted, ")
        + (key.isEmpty() ? QStringLiteral("''") : key)
        + QStringLiteral(
            " FROM customers c LEFT JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id "
            "AND s.field = 'name' LEFT JOIN users u ON u.id = ")
        + responsible::managerSql() + QStringLiteral(" WHERE c.status <> 'rejected'");
    QVariantList values {store.now()};
    QString sortValue;
    QString number;
    if (!after.isEmpty()) {
        if (!decodeCursor(after, &sortValue, &number))
            return makeError(ErrorCode::InvalidInput, tr("The list position is not valid; start from the first page."));
        if (key.isEmpty()) {
            sql += QStringLiteral(" AND c.customer_no ") + op + QStringLiteral(" ?");
            values << number;
        } else {
            sql += QStringLiteral(" AND (") + key + QStringLiteral(", c.customer_no) ") + op
                + QStringLiteral(" (?, ?)");
            values << (numeric ? QVariant(sortValue.toLongLong()) : QVariant(sortValue)) << number;
        }
    }
    sql += QStringLiteral(" ORDER BY ") + (key.isEmpty() ? QString() : key + dir + QStringLiteral(", "))
        + QStringLiteral("c.customer_no") + dir + QStringLiteral(" LIMIT ?");
    values << limit + 1;
    auto q = db.cached(sql, values); // a handful of shapes: kept prepared
    if (!q.ok())
        return q.error();
    CustomerPage page;
    QList<QString> keys;
    while ((*q)->next()) {
        page.rows << listRow(**q);
        keys << (*q)->value(9).toString();
    }
    BV_TRY(rowsFinished(**q, Reading::Customers));
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
    auto count
        = m_internals.database().scalar(QStringLiteral("SELECT count(*) FROM customers WHERE status <> 'rejected'"));
    if (!count.ok())
        return count.error();
    return count->toLongLong();
}

Result<QList<CustomerListRow>> CustomerFinder::rowsFor(const QList<qint64>& ids)
{
    QList<CustomerListRow> rows;
    CustomerStore& store = m_internals.store();
    for (qint64 id : ids) {
        auto q = m_internals.database().cached(kRowSelect + QStringLiteral("LEFT JOIN users u ON u.id = ")
                + responsible::managerSql() + QStringLiteral(" WHERE c.id = ?"),
            {store.now(), id});
        if (!q.ok())
            return q.error();
        if ((*q)->next())
            rows << listRow(**q);
        BV_TRY(rowsFinished(**q, Reading::Customers));
        (*q)->finish();
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
    BV_TRY(store.cipher().checkAvailable());
    auto ids = store.customersWith(int(BlindDomain::IdNumber), idNumber);
    if (!ids.ok())
        return ids.error();
    const QByteArray nameBlind = store.cipher().blindIndex(BlindDomain::Name, fullName);
    std::optional<CustomerRef> found;
    for (qint64 id : *ids) {
        auto blind
            = db.scalar(QStringLiteral("SELECT blind FROM sealed_value WHERE owner_kind = 'customer' AND owner_id = ? "
                                       "AND field = 'name'"),
                {id});
        if (!blind.ok())
            return blind.error();
        auto ref = m_internals.customerById(id);
        if (!ref.ok())
            return ref.error();
        if (blind->toByteArray() == nameBlind && ref->status == QLatin1String("active")) {
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
    auto q = db.query(QStringLiteral("SELECT c.sex, coalesce(c.age_band, ''), coalesce(c.nationality, ''), c.tier, "
                                     "c.status FROM customers c WHERE c.id = ?"),
        {found->id});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return std::optional<ClerkCard>();
    }
    auto masked = store.masked(kCustomer, found->id);
    if (!masked.ok())
        return masked.error();
    ClerkCard card {found->number, masked->value(QString::fromLatin1(fields::Name)), q->value(0).toString(),
        q->value(1).toString(), q->value(2).toString(), q->value(3).toString(), q->value(4).toString(),
        masked->value(QString::fromLatin1(fields::IdNumber)), masked->value(QString::fromLatin1(fields::Mobile)),
        m_internals.staffName(found->managerId)};
    details.insert(QStringLiteral("result"), QStringLiteral("match"));
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerLookup), kCustomer, QString::number(found->id), found->number,
            AuditOutcome::Ok, details}));
    return std::optional<ClerkCard>(card);
}

} // namespace bv
