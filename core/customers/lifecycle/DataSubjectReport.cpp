// CustomerRetention: the data-subject report — everything held about one customer, for the customer's own access
// request, under a live single-use grant. Closure and anonymisation are in CustomerRetention.cpp.

#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerQueryRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/requests/RequestService.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace bv {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kReport = QStringLiteral("data_subject");

// A field key with both labels, for the printed form (FieldCatalogue is their one source).
QJsonObject labelled(const QString& key)
{
    QJsonObject out {{QStringLiteral("key"), key}};
    if (const FieldSpec* spec = FieldCatalogue::find(key.section(QLatin1Char(':'), 0, 0))) {
        out.insert(QStringLiteral("english"), QString::fromUtf8(spec->english));
        out.insert(QStringLiteral("chinese"), QString::fromUtf8(spec->chinese));
        out.insert(QStringLiteral("grade"), spec->grade);
    } else if (key == CustomerRetention::kCloseReasonKey) {
        out.insert(QStringLiteral("english"), QStringLiteral("Reason for closing"));
        out.insert(QStringLiteral("chinese"), QStringLiteral("销户原因"));
        out.insert(QStringLiteral("grade"), 2);
    } else {
        out.insert(QStringLiteral("english"), key);
        out.insert(QStringLiteral("chinese"), key);
    }
    return out;
}

QJsonObject fieldValue(const QString& key, const QString& value)
{
    QJsonObject out = labelled(key);
    out.insert(QStringLiteral("value"), value);
    return out;
}

// A stored diff (masked grade-1 values, as kept) with labels.
QJsonArray labelledDiff(const QString& diffJson)
{
    QJsonArray out;
    for (const QJsonValue& v : QJsonDocument::fromJson(diffJson.toUtf8()).array()) {
        const QJsonObject d = v.toObject();
        QJsonObject entry = labelled(d.value(QStringLiteral("field")).toString());
        entry.insert(QStringLiteral("old"), d.value(QStringLiteral("old")).toString());
        entry.insert(QStringLiteral("new"), d.value(QStringLiteral("new")).toString());
        out.append(entry);
    }
    return out;
}

// History entries or pending changes: when, what kind, by whom, the labelled diff.
QJsonArray diffEntries(const QList<CustomerQueryRepository::StoredDiff>& stored)
{
    QJsonArray out;
    for (const CustomerQueryRepository::StoredDiff& d : stored)
        out.append(QJsonObject {{QStringLiteral("at"), d.at}, {QStringLiteral("kind"), d.kind},
            {QStringLiteral("by"), d.by}, {QStringLiteral("changes"), labelledDiff(d.diffJson)}});
    return out;
}

} // namespace

Status CustomerRetention::subjectReportPossible(const QString& customerNo, CustomerStatus status)
{
    if (status == CustomerStatus::Anonymised || status == CustomerStatus::Rejected)
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2: no personal information about the customer is held any more, so "
               "there is no data-subject report to produce.")
                .arg(customerNo, statusLabel(status)));
    return {};
}

Result<QJsonObject> CustomerRetention::dataSubjectReport(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::DataSubjectReport, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;

    Database& db = m_internals.database();
    {
        // The scope and the status that decide whether a report can be made are read inside the transaction that
        // uses the grant.
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        auto current = m_internals.stillReachable(tx, actor, Operation::DataSubjectReport, ref);
        if (!current.ok())
            return current.error();
        BV_TRY(subjectReportPossible(ref.number, current->status));
        RequestGrants* requests = m_internals.grants();
        if (!requests)
            return makeError(
                ErrorCode::Internal, tr("Special requests are not available, so the report cannot be made."));
        auto grant = requests->consumeGrant(actor, RequestType::Export, kReport, ref.id);
        if (!grant.ok() && grant.code() == ErrorCode::NotFound)
            grant = requests->consumeGrant(actor, RequestType::Print, kReport, ref.id);
        if (grant.ok()) {
            auto report = dataSubjectContent(actor, ref, *grant);
            if (!report.ok())
                return report.error();
            QJsonObject details {{QStringLiteral("request"), grant->requestId},
                {QStringLiteral("type"), requestTypeKey(grant->type)}, {QStringLiteral("report"), kReport}};
            for (const char* section : {"accounts", "history", "service_records", "complaints", "consents",
                     "assignments", "requests", "access_log"})
                details.insert(
                    QString::fromLatin1(section), report->value(QString::fromLatin1(section)).toArray().size());
            BV_TRY(m_internals.auditLog().append(actor,
                AuditEvent {QString::fromLatin1(audit::CustomerReport), kCustomer, QString::number(ref.id), ref.number,
                    AuditOutcome::Ok, details}));
            BV_TRY(tx.commit());
            return std::move(report).value();
        }
        if (grant.code() != ErrorCode::NotFound)
            return grant.error();
    } // rolled back: nothing was used
    return m_internals.access().deny(actor, Operation::DataSubjectReport, kCustomer, QString::number(ref.id),
        ref.number,
        tr("The data-subject report of customer %1 holds the customer's personal information in full. File a "
           "special request (type export, report \"data_subject\", customer %1) and wait for the branch "
           "manager's approval; each approval makes one report.")
            .arg(ref.number));
}

Result<QJsonObject> CustomerRetention::dataSubjectContent(
    const Actor& actor, const CustomerRef& ref, const Grant& grant)
{
    CustomerQueryRepository queries(m_internals.database());
    CustomerStore& store = m_internals.store();
    const qint64 id = ref.id;
    const QDateTime now = store.now();

    auto record = queries.subjectRecord(id);
    if (!record.ok())
        return record.error();
    if (!*record)
        return makeError(ErrorCode::NotFound, tr("There is no customer %1 any more.").arg(ref.number));
    const CustomerQueryRepository::SubjectRecord& row = **record;

    // Every customer field of the catalogue, grade 1 in full.
    auto gradeOne = store.open(kCustomer, id);
    if (!gradeOne.ok())
        return gradeOne.error();
    auto columns = store.columns(id);
    if (!columns.ok())
        return columns.error();
    QHash<QString, QString> values = *gradeOne;
    for (auto it = columns->cbegin(); it != columns->cend(); ++it)
        values.insert(it.key(), it.value());
    values.insert(QString::fromLatin1(fields::CustomerNo), row.number);
    values.insert(QString::fromLatin1(fields::Status), statusKey(row.status));
    values.insert(QString::fromLatin1(fields::Branch), row.branch);
    values.insert(QString::fromLatin1(fields::Restricted), row.restricted ? QStringLiteral("1") : QStringLiteral("0"));
    values.insert(QString::fromLatin1(fields::Tier), row.tier);
    values.insert(QString::fromLatin1(fields::AgeBand), row.ageBand);
    values.insert(QString::fromLatin1(fields::CreatedAt), row.createdAt);
    values.insert(QString::fromLatin1(fields::UpdatedAt), row.updatedAt);
    values.insert(QString::fromLatin1(fields::Manager), m_internals.staffName(ref.managerId));
    QJsonArray fieldList;
    for (const FieldSpec& spec : FieldCatalogue::all()) {
        if (spec.owner != FieldOwner::Customer)
            continue;
        const QString key = QString::fromLatin1(spec.key);
        fieldList.append(fieldValue(key, values.value(key)));
    }

    auto accountViews = store.accounts(id, true);
    if (!accountViews.ok())
        return accountViews.error();
    QJsonArray accounts;
    for (const AccountView& a : std::as_const(*accountViews))
        accounts.append(QJsonObject {{QStringLiteral("id"), a.id},
            {QStringLiteral("fields"),
                QJsonArray {fieldValue(QString::fromLatin1(fields::AccountNumber), a.number),
                    fieldValue(QString::fromLatin1(fields::AccountType), a.type),
                    fieldValue(QString::fromLatin1(fields::AccountOpenedOn), a.openedOn.toString(Qt::ISODate)),
                    fieldValue(QString::fromLatin1(fields::AccountStatus), statusKey(a.status))}}});

    // History and a pending change as stored: grade-1 values masked, grade 2 as entered.
    auto storedHistory = queries.historyOf(id);
    if (!storedHistory.ok())
        return storedHistory.error();
    auto storedPending = queries.pendingChangesOf(id);
    if (!storedPending.ok())
        return storedPending.error();
    const QJsonArray history = diffEntries(*storedHistory);
    const QJsonArray pendingChanges = diffEntries(*storedPending);

    auto tierChanges = queries.tierChangesOf(id);
    if (!tierChanges.ok())
        return tierChanges.error();
    auto services = queries.serviceRecordsOf(id);
    if (!services.ok())
        return services.error();
    auto complaints = queries.complaintsOf(id);
    if (!complaints.ok())
        return complaints.error();
    auto consents = queries.consentsOf(id);
    if (!consents.ok())
        return consents.error();
    // Who was responsible when, as staff logins (staff reasons are internal and not copied).
    auto assignments = queries.assignmentsOf(id);
    if (!assignments.ok())
        return assignments.error();
    // Special requests concerning the customer: type, status, dates, requester — not the purpose text.
    auto requestList = queries.requestsOf(id, now);
    if (!requestList.ok())
        return requestList.error();
    // Accesses to the customer as the audit log recorded them (read here directly: the auditor's
    // AuditService is not for this).
    auto accessLog = queries.accessLogOf(ref.number);
    if (!accessLog.ok())
        return accessLog.error();

    auto approver = m_internals.accounts().accountById(grant.approverId);
    return QJsonObject {
        {QStringLiteral("report"), kReport},
        {QStringLiteral("customer_no"), ref.number},
        {QStringLiteral("status"), values.value(QString::fromLatin1(fields::Status))},
        {QStringLiteral("generated_at"), now.toString(Qt::ISODateWithMs)},
        {QStringLiteral("generated_by"), actor.login},
        {QStringLiteral("request"), grant.requestId},
        {QStringLiteral("grant_type"), requestTypeKey(grant.type)},
        {QStringLiteral("approved_by"), approver.ok() ? approver->login : QString()},
        {QStringLiteral("dates"), row.dates},
        {QStringLiteral("fields"), fieldList},
        {QStringLiteral("accounts"), accounts},
        {QStringLiteral("history"), history},
        {QStringLiteral("pending_changes"), pendingChanges},
        {QStringLiteral("tier_changes"), *tierChanges},
        {QStringLiteral("service_records"), *services},
        {QStringLiteral("complaints"), *complaints},
        {QStringLiteral("consents"), *consents},
        {QStringLiteral("assignments"), *assignments},
        {QStringLiteral("requests"), *requestList},
        {QStringLiteral("access_log"), *accessLog},
    };
}

} // namespace bv
