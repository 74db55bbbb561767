#include "core/requests/RequestService.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/requests/CustomerDirectory.h"
#include "core/internal/requests/RequestRepository.h"
#include "core/internal/requests/RequestSupport.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"
#include "core/policy/Policy.h"
#include "core/policy/SettingsService.h"

#include <QJsonArray>
#include <QSet>

namespace bv {

using namespace requests_internal;

namespace {

// The reports of core/reports' catalogue that can hold grade-1 data (ReportInfo::mayHoldGrade1): only they need
// an approved request to print or export (DESIGN §5); tests/core/reports checks that the two lists agree. The
// customer roster is the branch manager's report; the data-subject report is also made by the branch manager
// (CustomerRetention::dataSubjectReport, the JSON form).
constexpr ReportSpec kReports[] = {
    {"data_subject", true, false},
    {"customer_list", false, true},
};

constexpr int kHardMaxValidityHours = 72; // DESIGN §5: at most 3 days, whatever the setting says
constexpr int kMaxCustomers = 20; // a request is for named customers, not bulk access (DESIGN §4)

std::optional<RequestStatus> storedStatusFromKey(const QString& key)
{
    const std::optional<RequestStatus> status = statusFromKey<RequestStatus>(key);
    if (status == RequestStatus::Expired)
        return std::nullopt; // computed, never stored
    return status;
}

// Trimmed, without blanks and repeats, in the order given.
QStringList cleanList(const QStringList& input, bool upper)
{
    QStringList out;
    for (const QString& item : input) {
        const QString clean = upper ? item.trimmed().toUpper() : item.trimmed();
        if (!clean.isEmpty() && !out.contains(clean))
            out << clean;
    }
    return out;
}

} // namespace

namespace requests_internal {

const ReportSpec* findReport(const QString& key)
{
    for (const ReportSpec& spec : kReports) {
        if (key == QLatin1String(spec.key))
            return &spec;
    }
    return nullptr;
}

Error invalid(const QString& field, const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message, QString(), field);
}

int maxValidityHours(const SettingsService& service)
{
    const qint64 configured = service.integer(QString::fromLatin1(settings::RequestMaxValidityHours));
    return int(qBound(qint64(1), configured, qint64(kHardMaxValidityHours)));
}

int chars(const QString& text)
{
    return int(bv::charCount(text));
}

QString auditCustomerNo(const Request& request)
{
    return request.customerNumbers.size() == 1 ? request.customerNumbers.first() : QString();
}

} // namespace requests_internal

QString requestTypeKey(RequestType type)
{
    switch (type) {
    case RequestType::Reveal:
        return QStringLiteral("reveal");
    case RequestType::Export:
        return QStringLiteral("export");
    case RequestType::Print:
        return QStringLiteral("print");
    case RequestType::RestrictedAccess:
        return QStringLiteral("restricted_access");
    }
    return QString();
}

std::optional<RequestType> requestTypeFromKey(const QString& key)
{
    for (RequestType type :
        {RequestType::Reveal, RequestType::Export, RequestType::Print, RequestType::RestrictedAccess}) {
        if (key == requestTypeKey(type))
            return type;
    }
    return std::nullopt;
}

QString requestTypeLabel(RequestType type)
{
    switch (type) {
    case RequestType::Reveal:
        return RequestService::tr("full view");
    case RequestType::Export:
        return RequestService::tr("export");
    case RequestType::Print:
        return RequestService::tr("print");
    case RequestType::RestrictedAccess:
        return RequestService::tr("restricted access");
    }
    return QString();
}

QString requestTypeLabelOfKey(const QString& key)
{
    if (key.isEmpty())
        return QStringLiteral("—");
    const std::optional<RequestType> type = requestTypeFromKey(key);
    return type ? requestTypeLabel(*type) : key;
}

RequestService::RequestService(Database& db, AuditLog& audit, AccessControl& access, SettingsService& settings,
    const CustomerDirectory& customers, const Clock& clock)
    : m_db(db)
    , m_audit(audit)
    , m_access(access)
    , m_settings(settings)
    , m_customers(customers)
    , m_clock(clock)
{
}

QStringList RequestService::reportKeys()
{
    QStringList keys;
    for (const ReportSpec& spec : kReports)
        keys << QString::fromLatin1(spec.key);
    return keys;
}

bool RequestService::reportNeedsCustomer(const QString& report)
{
    const ReportSpec* spec = findReport(report);
    return spec && spec->oneCustomer;
}

Result<Request> RequestService::create(const Session& session, const NewRequest& input)
{
    auto actor = m_access.authorize(session, Operation::CreateRequest);
    if (!actor.ok())
        return actor.error();
    const QString typeKey = requestTypeKey(input.type);
    const QString requestObject = QStringLiteral("request");

    // Who may ask for what, by role (scope by customer follows once the customers are known).
    if (actor->role == Role::Clerk && input.type != RequestType::RestrictedAccess)
        return m_access.deny(*actor, Operation::CreateRequest, requestObject, QString(), QString(),
            tr("Clerks may only ask for access to a restricted customer. A full value, an export or "
               "a print is asked for by the customer's own manager or the branch manager."));

    const QString purpose = input.purpose.trimmed();
    if (purpose.isEmpty())
        return invalid(QStringLiteral("purpose"),
            tr("State the purpose of the request: what the information is needed for (up to %1 "
               "characters).")
                .arg(kMaxTextChars));
    if (chars(purpose) > kMaxTextChars)
        return invalid(QStringLiteral("purpose"),
            tr("The purpose has %1 characters; at most %2 are allowed. Shorten it.")
                .arg(chars(purpose))
                .arg(kMaxTextChars));
    if (const QList<FreeTextFinding> findings = FreeText::check(purpose); !findings.isEmpty())
        return FreeText::refusal(findings, QStringLiteral("purpose"), tr("The purpose"));
    const int maxHours = maxValidityHours(m_settings);
    if (input.validityHours < 1 || input.validityHours > maxHours)
        return invalid(QStringLiteral("validity_hours"),
            tr("A request is valid for 1 to %1 hours. Ask for %1 hours or less, and file a new request "
               "when it runs out.")
                .arg(maxHours));

    const QStringList numbers = cleanList(input.customerNumbers, true);
    const QStringList fields = cleanList(input.fields, false);
    const QString report = input.report.trimmed();
    const ReportSpec* reportSpec = nullptr;
    switch (input.type) {
    case RequestType::Reveal:
        if (numbers.isEmpty())
            return invalid(QStringLiteral("customers"),
                tr("Name at least one customer number whose values you need to see in full."));
        if (fields.isEmpty())
            return invalid(QStringLiteral("fields"), tr("Choose at least one grade-1 field to see in full."));
        for (const QString& field : fields) {
            if (!FieldCatalogue::isGradeOne(field))
                return invalid(QStringLiteral("fields"),
                    FieldCatalogue::find(field)
                        ? tr("The field \"%1\" is not a grade-1 field; it is never masked, so it needs no "
                             "reveal request. Remove it from the request.")
                              .arg(field)
                        : tr("There is no field \"%1\". Choose grade-1 fields only (for example name, "
                             "id_number, mobile).")
                              .arg(field));
        }
        if (!report.isEmpty())
            return invalid(QStringLiteral("report"),
                tr("A reveal request names customers and fields, not a report. Remove the report, or "
                   "file an export or print request for it."));
        break;
    case RequestType::RestrictedAccess:
        if (numbers.isEmpty())
            return invalid(
                QStringLiteral("customers"), tr("Name at least one restricted customer you need access to."));
        if (!fields.isEmpty() || !report.isEmpty())
            return invalid(QStringLiteral("fields"),
                tr("A restricted-access request names customers only. To see a full value as well, file "
                   "a reveal request."));
        break;
    case RequestType::Export:
    case RequestType::Print:
        if (report.isEmpty())
            return invalid(QStringLiteral("report"),
                tr("Choose the report to export or print: one of %1.").arg(reportKeys().join(QStringLiteral(", "))));
        reportSpec = findReport(report);
        if (!reportSpec)
            return invalid(QStringLiteral("report"),
                tr("There is no report \"%1\". Choose one of %2.")
                    .arg(report, reportKeys().join(QStringLiteral(", "))));
        if (reportSpec->oneCustomer && numbers.size() != 1)
            return invalid(QStringLiteral("customers"),
                tr("The report \"%1\" covers exactly one customer. Name one customer number.").arg(report));
        if (!reportSpec->oneCustomer && !numbers.isEmpty())
            return invalid(QStringLiteral("customers"),
                tr("The report \"%1\" does not name customers. Remove the customer numbers.").arg(report));
        if (!fields.isEmpty())
            return invalid(QStringLiteral("fields"),
                tr("An export or print request names a report, not fields. Remove the fields."));
        if (reportSpec->managerOnly && actor->role != Role::Manager)
            return m_access.deny(*actor, Operation::CreateRequest, requestObject, QString(), QString(),
                tr("Only the branch manager may ask for the report \"%1\".").arg(report));
        break;
    }
    if (numbers.size() > kMaxCustomers)
        return invalid(QStringLiteral("customers"),
            tr("A request names at most %1 customers; full values are not given out in bulk. Split the "
               "work into several requests, each with its own purpose.")
                .arg(kMaxCustomers));

    // The customers are read, and their state checked, inside the transaction that files the request: a customer
    // anonymised or handed to another manager meanwhile is not filed.
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    QList<CustomerRef> refs;
    for (const QString& number : numbers) {
        auto ref = m_customers.customerByNumber(number);
        if (!ref.ok()) {
            if (ref.code() == ErrorCode::NotFound)
                return makeError(ErrorCode::NotFound,
                    tr("There is no customer %1. Check the customer number and try again.").arg(number), QString(),
                    QStringLiteral("customers"));
            return ref.error();
        }
        if (ref->status == CustomerStatus::Anonymised)
            return invalid(QStringLiteral("customers"),
                tr("Customer %1 has been anonymised; no personal information is left to request. Remove "
                   "the customer from the request.")
                    .arg(ref->number));
        if (input.type == RequestType::RestrictedAccess && !ref->restricted)
            return invalid(QStringLiteral("customers"),
                tr("Customer %1 is not restricted, so no request is needed for access. Open the customer "
                   "as usual.")
                    .arg(ref->number));
        refs << *ref;
    }
    // A customer manager asks for full values, exports and prints of the own customers only; and for access to
    // restricted customers of the own portfolio only: a grant never opens another manager's customer to a
    // customer manager (the portfolio scope still applies), so such a request could never grant anything.
    if (actor->role == Role::CustomerManager) {
        for (const CustomerRef& ref : refs) {
            if (ref.managerId == actor->userId)
                continue;
            tx.rollback(); // the refusal is audited in a row of its own, outside the transaction
            return m_access.deny(*actor, Operation::CreateRequest, QStringLiteral("customer"), QString::number(ref.id),
                ref.number,
                input.type == RequestType::RestrictedAccess
                    ? tr("Customer %1 is not your customer, and a restricted-access request cannot open another "
                         "manager's customer to you. Ask the customer's own manager or the branch manager.")
                          .arg(ref.number)
                    : tr("Customer %1 is not your customer. Only the customer's own manager or the "
                         "branch manager may ask for this.")
                          .arg(ref.number));
        }
    }

    const QDateTime now = m_clock.nowUtc();
    QStringList refNumbers;
    for (const CustomerRef& ref : refs)
        refNumbers << ref.number;
    RequestRepository repo = repository();
    auto id = repo.insert(actor->userId, typeKey, Scope {fields, report}, purpose, input.validityHours, now);
    if (!id.ok())
        return id.error();
    for (const CustomerRef& ref : refs)
        BV_TRY(repo.addCustomer(*id, ref.id));
    // The purpose is free text written by staff and may hold personal data: only its length is logged.
    QJsonObject details {{QStringLiteral("type"), typeKey},
        {QStringLiteral("customers"), QJsonArray::fromStringList(refNumbers)},
        {QStringLiteral("validityHours"), input.validityHours}, {QStringLiteral("purposeLength"), chars(purpose)}};
    if (!fields.isEmpty())
        details.insert(QStringLiteral("fields"), QJsonArray::fromStringList(fields));
    if (!report.isEmpty())
        details.insert(QStringLiteral("report"), report);
    BV_TRY(m_audit.append(*actor,
        AuditEvent {QString::fromLatin1(audit::RequestCreate), requestObject, QString::number(*id),
            refNumbers.size() == 1 ? refNumbers.first() : QString(), AuditOutcome::Ok, details}));
    BV_TRY(tx.commit());
    return load(*id);
}

RequestRepository RequestService::repository() const
{
    return RequestRepository(m_db);
}

namespace {

// The stored requests as Request records: their type and status decoded, Expired computed as of `now`.
Result<QList<Request>> decoded(const Result<QList<RequestRepository::Stored>>& stored, const QDateTime& now)
{
    if (!stored.ok())
        return stored.error();
    QList<Request> requests;
    requests.reserve(stored->size());
    for (const RequestRepository::Stored& row : *stored) {
        Request r = row.request;
        const auto type = requestTypeFromKey(row.type);
        const auto status = storedStatusFromKey(row.status);
        if (!type || !status)
            return makeError(ErrorCode::Damaged,
                RequestService::tr("Request %1 has an unknown type or status in the database. Run the database check "
                                   "(branchvault-cli verify).")
                    .arg(r.id));
        r.type = *type;
        r.status = *status;
        // Expiry needs nobody to act: an approved grant past its validity is expired.
        if (r.status == RequestStatus::Approved && (!r.validUntil.isValid() || r.validUntil <= now))
            r.status = RequestStatus::Expired;
        requests << r;
    }
    return requests;
}

} // namespace

Result<Request> RequestService::load(qint64 id) const
{
    auto found = decoded(repository().byId(id), m_clock.nowUtc());
    if (!found.ok())
        return found.error();
    if (found->isEmpty())
        return makeError(
            ErrorCode::NotFound, tr("There is no request %1. Refresh the list of requests and try again.").arg(id));
    return found->first();
}

Result<QList<Request>> RequestService::list(const Session& session, bool onlyOpen)
{
    auto actor = m_access.authorize(session, Operation::ListOwnRequests);
    if (!actor.ok())
        return actor.error();
    const bool all = Policy::allows(actor->role, Operation::ListAllRequests);
    auto found = decoded(repository().list(all ? std::nullopt : std::optional<qint64>(actor->userId),
                             onlyOpen ? m_clock.nowUtc() : QDateTime()),
        m_clock.nowUtc());
    if (!found.ok())
        return found.error();
    // one row per list view, with its filter
    BV_TRY(m_audit.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::RequestList), QStringLiteral("request"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("scope"), all ? QStringLiteral("all") : QStringLiteral("own")},
                {QStringLiteral("onlyOpen"), onlyOpen}, {QStringLiteral("rows"), int(found->size())}}}));
    return found;
}

Result<Request> RequestService::get(const Session& session, qint64 id)
{
    auto actor = m_access.authorize(session, Operation::ListOwnRequests);
    if (!actor.ok())
        return actor.error();
    auto request = load(id);
    if (!request.ok())
        return request.error();
    if (!Policy::allows(actor->role, Operation::ListAllRequests) && request->requesterId != actor->userId)
        return m_access.deny(*actor, Operation::ListOwnRequests, QStringLiteral("request"), QString::number(id),
            QString(), tr("Request %1 was filed by someone else. You can open only your own requests.").arg(id));
    return request;
}

} // namespace bv
