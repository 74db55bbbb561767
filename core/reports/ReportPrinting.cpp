// ReportService: the print flow (DESIGN §8). print() and reprint() build the document, reserve the single-use
// grant of grade-1 content by using it, and register one print-register row per copy, all in one transaction;
// pageCodes() makes the QR payloads while the copies print; finishPrint() records the outcome (a failure gives
// the grant back); printCancelled() records a dialog cancelled before anything was registered.
#include "core/reports/ReportService.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/reports/PrintCodes.h"
#include "core/internal/reports/PrintRegisterRepository.h"
#include "core/internal/reports/ReportContext.h"
#include "core/internal/requests/RequestServiceInternal.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"
#include "core/requests/RequestService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <optional>

namespace bv {

namespace {

constexpr int kMaxCopies = 10;
constexpr int kMaxPages = 10000;
constexpr int kMaxFailureChars = 200;
const QString kReportObject = QStringLiteral("report");
const QString kPrintObject = QStringLiteral("print");

// What print() and reprint() register: the report, its request as it will be stored, the customer it is about.
struct PrintPlan
{
    const ReportInfo* info = nullptr;
    ReportRequest request; // only the report's own parameters
    QString requestJson;
    qint64 customerId = 0;
    QString customerNo;
    int copies = 1;
    PrintMedium medium = PrintMedium::Printer;
    QDate validUntil;
    QString reprintSerial; // empty: a new serial
};

QString mediumKey(PrintMedium medium)
{
    return PrintRegisterRepository::mediumKey(medium);
}

QString personText(const Actor& actor)
{
    return actor.displayName.isEmpty() || actor.displayName == actor.login
        ? actor.login
        : QStringLiteral("%1 (%2)").arg(actor.login, actor.displayName);
}

QString branchName(const SettingsService& settings)
{
    const QString name = settings.text(QString::fromLatin1(settings::BranchName)).trimmed();
    return name.isEmpty() ? settings.text(QString::fromLatin1(settings::BranchCode)) : name;
}

// What was asked, as the document shows it (masked): "label: value; label: value".
QString parametersLine(const ReportDocument& document)
{
    QStringList parts;
    for (const ReportParameter& parameter : document.parameters)
        parts << QStringLiteral("%1: %2").arg(parameter.label, parameter.value);
    return parts.join(QStringLiteral("; "));
}

QJsonObject auditedParameters(const QHash<QString, QString>& parameters)
{
    QJsonObject object;
    for (auto it = parameters.cbegin(); it != parameters.cend(); ++it)
        object.insert(it.key().left(40), FreeText::forAudit(it.value()));
    return object;
}

const ReportParameterSpec* customerParameter(const ReportInfo& info)
{
    for (const ReportParameterSpec& spec : info.parameters) {
        if (spec.kind == ReportParameterSpec::Kind::CustomerNumber)
            return &spec;
    }
    return nullptr;
}

Status wired(const ReportContext& context)
{
    if (context.builder && context.reportInfo)
        return {};
    return makeError(ErrorCode::Internal,
        ReportService::tr("The reports are not available in this program (no report builders). Report this to the "
                          "developers; nothing was printed."));
}

// The report, checked against the actor's role; its parameters, only those the report declares (customer
// numbers, dates, flags: never a grade-1 value); the customer it is about.
Result<PrintPlan> planFor(ReportContext& context, const Actor& actor, const ReportRequest& request)
{
    BV_TRY(wired(context));
    const QString key = request.report.trimmed();
    PrintPlan plan;
    plan.info = context.reportInfo(key);
    if (!plan.info)
        return makeError(ErrorCode::InvalidInput,
            ReportService::tr("There is no report \"%1\". Choose one from the list of reports.").arg(key.left(40)),
            QString(), QStringLiteral("report"));
    const ReportInfo& info = *plan.info;
    if (info.role != actor.role)
        return context.access.deny(actor, Operation::PrintReport, kReportObject, info.key, QString(),
            ReportService::tr("The report \"%1\" is printed by the %2 role, not by yours (%3). Ask a colleague in that "
                              "role if the report is needed.")
                .arg(info.title, Roles::label(info.role), Roles::label(actor.role)));
    plan.request.report = info.key;
    QJsonObject stored;
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it) {
        const ReportParameterSpec* spec = nullptr;
        for (const ReportParameterSpec& candidate : info.parameters) {
            if (candidate.key == it.key())
                spec = &candidate;
        }
        if (!spec)
            return makeError(ErrorCode::InvalidInput,
                ReportService::tr("The report \"%1\" has no parameter \"%2\". Leave it out.")
                    .arg(info.title, it.key().left(40)),
                QString(), it.key().left(40));
        const QString value = it.value().trimmed();
        if (spec->kind == ReportParameterSpec::Kind::Text) {
            const QList<FreeTextFinding> findings = FreeText::check(value);
            if (!findings.isEmpty())
                return FreeText::refusal(findings, spec->key, spec->label);
        }
        plan.request.parameters.insert(spec->key, value);
        stored.insert(spec->key, value);
    }
    plan.requestJson = QString::fromUtf8(
        QJsonDocument(QJsonObject {{QStringLiteral("report"), info.key}, {QStringLiteral("parameters"), stored}})
            .toJson(QJsonDocument::Compact));
    if (info.needsCustomer) {
        const ReportParameterSpec* spec = customerParameter(info);
        const QString number = spec ? plan.request.parameters.value(spec->key).toUpper() : QString();
        if (number.isEmpty())
            return makeError(ErrorCode::InvalidInput,
                ReportService::tr("The report \"%1\" is about one customer: give the customer number.").arg(info.title),
                QString(), spec ? spec->key : QStringLiteral("customer"));
        auto ref = CustomerServiceInternals::of(context.customers).customerByNumber(number);
        if (!ref.ok())
            return ref.error();
        plan.customerId = ref->id;
        plan.customerNo = ref->number;
    }
    return plan;
}

PrintMarks marksFor(const ReportContext& context, const ReportDocument& document, const Actor& actor,
    const QString& serial, int copy, const QDateTime& printedAt, const QDate& validUntil)
{
    PrintMarks marks;
    marks.serial = serial;
    marks.copy = copy;
    marks.copyLabel = copy == 1 ? ReportService::tr("Original") : ReportService::tr("Copy %1").arg(copy);
    marks.branch = document.branch.isEmpty() ? branchName(context.settings) : document.branch;
    marks.printedBy = personText(actor);
    marks.printedAtUtc = printedAt;
    marks.printedAtText = PrintRegisterRepository::branchTimeText(printedAt);
    marks.validUntil = validUntil;
    marks.validUntilText = validUntil.toString(Qt::ISODate);
    return marks;
}

// Builds the document, uses the grant of grade-1 content and registers the copies, in one transaction.
Result<PrintJob> registerPrint(ReportContext& context, const Actor& actor, const PrintPlan& plan)
{
    const ReportInfo& info = *plan.info;
    // The grant a grade-1 document would use: looked up now, used in the transaction below. A PDF is an export or
    // a print; paper only a print.
    std::optional<Grant> live;
    RequestType grantType = RequestType::Print;
    QString noGrant;
    if (info.mayHoldGrade1) {
        const QList<RequestType> types = plan.medium == PrintMedium::Pdf
            ? QList<RequestType> {RequestType::Export, RequestType::Print}
            : QList<RequestType> {RequestType::Print};
        for (RequestType type : types) {
            auto grant = RequestGrants(context.requests).liveReportGrant(actor, type, info.key, plan.customerId);
            if (grant.ok()) {
                live = *grant;
                grantType = type;
                break;
            }
            if (grant.code() != ErrorCode::NotFound)
                return grant.error();
            if (noGrant.isEmpty())
                noGrant = grant.error().message;
        }
    }
    auto built = context.builder(context, actor, plan.request, live ? &*live : nullptr);
    if (!built.ok())
        return built.error();
    PrintJob job;
    job.document = std::move(built).value();
    ReportDocument& document = job.document;
    const bool grade1 = document.highestGrade <= 1;
    if (grade1 && !live)
        return context.access.deny(actor, Operation::PrintReport, kReportObject, info.key, plan.customerNo,
            noGrant.isEmpty() ? ReportService::tr("This report holds grade-1 information and you have no live approval "
                                                  "to print it. File a special request and wait for the branch "
                                                  "manager's approval.")
                              : noGrant);

    const QDateTime now = context.clock.nowUtc();
    PrintRegisterRepository store(context.db, context.auditLog.databaseId());
    Transaction tx(context.db);
    if (!tx.ok())
        return tx.error();
    int firstCopy = 1;
    int jobNumber = 1;
    if (plan.reprintSerial.isEmpty()) {
        auto serial = store.nextSerial(PrintRegisterRepository::branchDate(now).year());
        if (!serial.ok())
            return serial.error();
        job.serial = *serial;
    } else {
        auto last = store.lastCopyAndJob(plan.reprintSerial);
        if (!last.ok())
            return last.error();
        job.serial = plan.reprintSerial;
        firstCopy = last->first + 1;
        jobNumber = last->second + 1;
    }
    std::optional<Grant> used;
    if (grade1) {
        auto consumed
            = RequestGrants(context.requests).consumeGrant(actor, grantType, info.key, plan.customerId, job.serial);
        if (!consumed.ok())
            return consumed.error();
        used = *consumed;
    }
    document.grantRequestId = used ? used->requestId : 0;
    for (int copy = firstCopy; copy < firstCopy + plan.copies; ++copy) {
        PrintRegisterRepository::NewCopy row;
        row.serial = job.serial;
        row.copy = copy;
        row.job = jobNumber;
        row.report = info.key;
        row.title = document.title.isEmpty() ? info.title : document.title;
        row.parameters = parametersLine(document);
        row.requestJson = plan.requestJson;
        row.holdsGrade1 = grade1;
        row.medium = plan.medium;
        row.printedBy = actor.userId;
        row.approvedBy = used ? used->approverId : 0;
        row.requestId = used ? used->requestId : 0;
        row.printedAtUtc = now;
        row.validUntil = plan.validUntil;
        BV_TRY(store.insertCopy(row));
    }
    QJsonObject details {{QStringLiteral("serial"), job.serial}, {QStringLiteral("report"), info.key},
        {QStringLiteral("copies"), plan.copies}, {QStringLiteral("firstCopy"), firstCopy},
        {QStringLiteral("medium"), mediumKey(plan.medium)}, {QStringLiteral("grade1"), grade1},
        {QStringLiteral("validUntil"), plan.validUntil.toString(Qt::ISODate)},
        {QStringLiteral("parameters"), FreeText::forAudit(parametersLine(document))}};
    if (used) {
        details.insert(QStringLiteral("request"), used->requestId);
        details.insert(QStringLiteral("grantType"), requestTypeKey(used->type));
    }
    if (!plan.reprintSerial.isEmpty())
        details.insert(QStringLiteral("reprint"), jobNumber);
    BV_TRY(context.auditLog.append(actor,
        AuditEvent {QString::fromLatin1(audit::ReportPrint), kPrintObject, job.serial, plan.customerNo,
            AuditOutcome::Ok, details}));
    BV_TRY(tx.commit());

    for (int copy = firstCopy; copy < firstCopy + plan.copies; ++copy)
        job.copies << marksFor(context, document, actor, job.serial, copy, now, plan.validUntil);
    return job;
}

Status checkCopies(int copies)
{
    if (copies >= 1 && copies <= kMaxCopies)
        return {};
    return makeError(ErrorCode::InvalidInput,
        ReportService::tr("Print 1 to %1 copies at a time; every copy is registered and accounted for.")
            .arg(kMaxCopies),
        QString(), QStringLiteral("copies"));
}

// The copies of the serial's latest print (its last job).
QList<RegisterCopy> lastJob(const QList<RegisterCopy>& copies)
{
    int job = 0;
    for (const RegisterCopy& row : copies)
        job = qMax(job, row.job);
    QList<RegisterCopy> last;
    for (const RegisterCopy& row : copies) {
        if (row.job == job)
            last << row;
    }
    return last;
}

Error unknownSerial(const QString& serial)
{
    return makeError(ErrorCode::NotFound,
        ReportService::tr("There is no print with the serial number %1 in the register. Check the number.")
            .arg(serial.left(40)));
}

} // namespace

Result<PrintJob> ReportService::print(
    const Session& session, const ReportRequest& request, int copies, PrintMedium medium, int periodDays)
{
    auto actor = m_context.access.authorize(session, Operation::PrintReport);
    if (!actor.ok())
        return actor.error();
    BV_TRY(checkCopies(copies));
    const int period = periodDays == 0
        ? int(m_context.settings.integer(QString::fromLatin1(settings::ReportPeriodDays)))
        : periodDays;
    if (period < 1 || period > 365)
        return makeError(ErrorCode::InvalidInput,
            tr("The period of use must be 1 to 365 days; %1 is not possible.").arg(periodDays), QString(),
            QStringLiteral("period"));
    auto plan = planFor(m_context, *actor, request);
    if (!plan.ok())
        return plan.error();
    plan->copies = copies;
    plan->medium = medium;
    plan->validUntil = PrintRegisterRepository::branchDate(m_context.clock.nowUtc()).addDays(period);
    return registerPrint(m_context, *actor, *plan);
}

Result<PrintJob> ReportService::reprint(const Session& session, const QString& serial, int copies, PrintMedium medium)
{
    auto actor = m_context.access.authorize(session, Operation::PrintReport);
    if (!actor.ok())
        return actor.error();
    BV_TRY(checkCopies(copies));
    BV_TRY(wired(m_context));
    const QString number = serial.trimmed().toUpper();
    const QDateTime now = m_context.clock.nowUtc();
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    auto registered = store.copies(number, 0, now);
    if (!registered.ok())
        return registered.error();
    if (registered->isEmpty())
        return unknownSerial(number);
    for (const RegisterCopy& row : lastJob(*registered)) {
        if (row.copy.state == PrintCopyState::Printing)
            return makeError(ErrorCode::Conflict,
                tr("Copy %1/%2 is still being printed. Record the outcome of that print first.")
                    .arg(number)
                    .arg(row.copy.copy));
    }
    const PrintCopy& original = registered->first().copy;
    if (PrintRegisterRepository::branchDate(now) > original.validUntil)
        return makeError(ErrorCode::Conflict,
            tr("Printout %1 was to be used until %2: no further copy of it can be made. Print the report anew.")
                .arg(number, original.validUntil.toString(Qt::ISODate)));
    const QJsonObject stored = QJsonDocument::fromJson(registered->first().requestJson.toUtf8()).object();
    ReportRequest request;
    request.report = stored.value(QStringLiteral("report")).toString();
    const QJsonObject parameters = stored.value(QStringLiteral("parameters")).toObject();
    for (auto it = parameters.constBegin(); it != parameters.constEnd(); ++it)
        request.parameters.insert(it.key(), it.value().toString());
    auto plan = planFor(m_context, *actor, request);
    if (!plan.ok())
        return plan.error();
    plan->copies = copies;
    plan->medium = medium;
    plan->validUntil = original.validUntil;
    plan->reprintSerial = number;
    return registerPrint(m_context, *actor, *plan);
}

Result<QStringList> ReportService::pageCodes(const Session& session, const QString& serial, int copy, int pages)
{
    auto actor = m_context.access.authorize(session, Operation::PrintReport);
    if (!actor.ok())
        return actor.error();
    if (pages < 1 || pages > kMaxPages)
        return makeError(ErrorCode::InvalidInput, tr("A printout has 1 to %1 pages.").arg(kMaxPages), QString(),
            QStringLiteral("pages"));
    const QString number = serial.trimmed().toUpper();
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    Transaction tx(m_context.db);
    if (!tx.ok())
        return tx.error();
    auto rows = store.copies(number, qMax(copy, 1), m_context.clock.nowUtc());
    if (!rows.ok())
        return rows.error();
    if (rows->isEmpty() || copy < 1)
        return unknownSerial(QStringLiteral("%1/%2").arg(number).arg(copy));
    const RegisterCopy& row = rows->first();
    if (row.printedById != actor->userId) {
        tx.rollback();
        return m_context.access.deny(*actor, Operation::PrintReport, kPrintObject, number, QString(),
            tr("Copy %1/%2 is printed by another account: only that account receives its page codes.")
                .arg(number)
                .arg(copy));
    }
    if (row.copy.state != PrintCopyState::Printing)
        return makeError(ErrorCode::Conflict,
            tr("Copy %1/%2 is no longer being printed (%3): page codes are made only while it prints. For a further "
               "copy, reprint it.")
                .arg(number)
                .arg(copy)
                .arg(PrintRegister::stateLabel(row.copy.state)));
    auto codes = PrintCodes::make(m_context.staffCipher, number, copy, pages);
    if (!codes.ok())
        return codes.error();
    BV_TRY(m_context.auditLog.append(*actor,
        AuditEvent {QString::fromLatin1(audit::ReportPageCodes), kPrintObject, number, QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("serial"), number}, {QStringLiteral("copy"), copy},
                {QStringLiteral("pages"), pages}}}));
    BV_TRY(tx.commit());
    return codes;
}

Status ReportService::finishPrint(
    const Session& session, const QString& serial, bool succeeded, int pages, const QString& failure)
{
    auto actor = m_context.access.authorize(session, Operation::PrintReport);
    if (!actor.ok())
        return actor.error();
    if (succeeded && (pages < 1 || pages > kMaxPages))
        return makeError(ErrorCode::InvalidInput, tr("A printout has 1 to %1 pages.").arg(kMaxPages), QString(),
            QStringLiteral("pages"));
    const QString number = serial.trimmed().toUpper();
    QString reason = FreeText::maskFindings(failure.simplified()).left(kMaxFailureChars);
    if (!succeeded && reason.isEmpty())
        reason = tr("The print did not finish.");
    const QDateTime now = m_context.clock.nowUtc();
    PrintRegisterRepository store(m_context.db, m_context.auditLog.databaseId());
    Transaction tx(m_context.db);
    if (!tx.ok())
        return tx.error();
    auto registered = store.copies(number, 0, now);
    if (!registered.ok())
        return registered.error();
    if (registered->isEmpty())
        return unknownSerial(number);
    const QList<RegisterCopy> job = lastJob(*registered);
    if (job.first().printedById != actor->userId) {
        tx.rollback();
        return m_context.access.deny(*actor, Operation::PrintReport, kPrintObject, number, QString(),
            tr("Printout %1 was printed by another account: only that account records how the print ended.")
                .arg(number));
    }
    QList<int> pending;
    QList<qint64> grants;
    for (const RegisterCopy& row : job) {
        if (row.copy.state != PrintCopyState::Printing)
            continue;
        pending << row.copy.copy;
        if (row.copy.holdsGrade1 && row.copy.requestId > 0 && !grants.contains(row.copy.requestId))
            grants << row.copy.requestId;
    }
    if (pending.isEmpty())
        return makeError(ErrorCode::Conflict,
            tr("The outcome of printout %1 is already recorded. For a further copy, reprint it.").arg(number));
    for (int copy : std::as_const(pending)) {
        PrintRegisterRepository::NewEvent event;
        event.serial = number;
        event.copy = copy;
        event.kind = succeeded ? PrintEventKind::Printed : PrintEventKind::Failed;
        event.atUtc = now;
        event.by = actor->userId;
        event.pages = succeeded ? pages : 0;
        event.note = succeeded ? QString() : reason;
        BV_TRY(store.insertEvent(event));
    }
    QJsonArray copies;
    for (int copy : std::as_const(pending))
        copies << copy;
    QJsonObject details {{QStringLiteral("serial"), number}, {QStringLiteral("copies"), copies}};
    if (succeeded) {
        details.insert(QStringLiteral("pages"), pages);
    } else {
        details.insert(QStringLiteral("failure"), FreeText::forAudit(reason));
        QJsonArray released;
        for (qint64 requestId : std::as_const(grants)) {
            auto given = RequestGrants(m_context.requests).releaseGrant(*actor, requestId, number);
            if (!given.ok())
                return given.error();
            if (*given)
                released << requestId;
        }
        details.insert(QStringLiteral("released"), released);
    }
    BV_TRY(m_context.auditLog.append(*actor,
        AuditEvent {QString::fromLatin1(succeeded ? audit::ReportPrintDone : audit::ReportPrintFailed), kPrintObject,
            number, QString(), AuditOutcome::Ok, details}));
    return tx.commit();
}

Status ReportService::printCancelled(const Session& session, const ReportRequest& request, PrintMedium medium)
{
    auto actor = m_context.access.authorize(session, Operation::PrintReport);
    if (!actor.ok())
        return actor.error();
    QString customerNo;
    const ReportInfo* info = m_context.reportInfo ? m_context.reportInfo(request.report.trimmed()) : nullptr;
    if (info && info->needsCustomer) {
        // Only a number that names a customer goes into the row: whatever was typed in the field (an ID
        // number by mistake) never does.
        if (const ReportParameterSpec* spec = customerParameter(*info)) {
            auto ref = CustomerServiceInternals::of(m_context.customers)
                           .customerByNumber(request.parameters.value(spec->key).trimmed().toUpper());
            if (ref.ok())
                customerNo = ref->number;
        }
    }
    return m_context.auditLog.appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::ReportPrintCancelled), kReportObject, request.report.trimmed().left(40),
            customerNo, AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("report"), request.report.trimmed().left(40)},
                {QStringLiteral("medium"), mediumKey(medium)},
                {QStringLiteral("parameters"), auditedParameters(request.parameters)}}});
}

} // namespace bv
