// The report catalogue (which reports exist, who runs each, what they ask for) and the checks and the build
// every run and every print go through (ReportBuilders.h).
//
// The reports read the database with read-only queries of their own (ReportRepository, for the builder files of
// core/reports): the
// services' list operations each write an audit row of their own and would refuse inside the print's
// transaction, and a report's one audit row (report.run, or the print's rows) records the read instead. They
// read stored masked forms (sealed_value.masked) and never open a sealed value, except the data-subject
// report, which goes through CustomerRetention::dataSubjectContent.
#include "core/internal/reports/ReportSupport.h"

#include "core/auth/Role.h"
#include "core/common/Clock.h"
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/requests/RequestServiceInternal.h"
#include "core/policy/SettingsService.h"

#include <QRegularExpression>

#include <map>
#include <memory>

namespace bv {

namespace {

using Kind = ReportParameterSpec::Kind;

constexpr int kMaxPeriodYears = 5; // a longer period is a typo, or an export of the whole history
constexpr int kMaxMonths = 120;
constexpr int kMaxTextChars = 100;

const QString kFrom = QStringLiteral("from");
const QString kTo = QStringLiteral("to");

ReportParameterSpec parameter(
    const QString& key, const QString& label, Kind kind, const QString& defaultValue = {}, bool required = false)
{
    ReportParameterSpec spec;
    spec.key = key;
    spec.label = label;
    spec.kind = kind;
    spec.defaultValue = defaultValue;
    spec.required = required;
    return spec;
}

ReportParameterSpec choice(const QString& key, const QString& label, const QStringList& choices,
    const QStringList& labels, const QString& defaultValue)
{
    ReportParameterSpec spec = parameter(key, label, Kind::Text, defaultValue);
    spec.choices = choices;
    spec.choiceLabels = labels;
    return spec;
}

QString isoOrEmpty(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString();
}

QString monthOrEmpty(const QDate& date)
{
    return date.isValid() ? date.toString(QStringLiteral("yyyy-MM")) : QString();
}

QList<ReportParameterSpec> period(const QDate& from, const QDate& to)
{
    return {parameter(kFrom, ReportService::tr("From (first day)"), Kind::Date, isoOrEmpty(from)),
        parameter(kTo, ReportService::tr("To (last day)"), Kind::Date, isoOrEmpty(to))};
}

ReportInfo info(const char* key, Role role, const QString& title, const QString& description,
    QList<ReportParameterSpec> parameters = {}, bool mayHoldGrade1 = false, bool needsCustomer = false,
    ReportOrientation orientation = ReportOrientation::Portrait)
{
    ReportInfo report;
    report.key = QString::fromLatin1(key);
    report.title = title;
    report.description = description;
    report.role = role;
    report.mayHoldGrade1 = mayHoldGrade1;
    report.needsCustomer = needsCustomer;
    report.orientation = orientation;
    report.parameters = std::move(parameters);
    return report;
}

struct BuilderEntry
{
    const char* key;
    ReportJobBuilder build;
};

// The builder of each catalogue key, in catalogue order.
constexpr BuilderEntry kBuilders[] = {
    {"customer_list", buildCustomerList},
    {"tier_distribution", buildTierDistribution},
    {"customer_movements", buildCustomerMovements},
    {"service_activity", buildServiceActivity},
    {"complaints", buildComplaints},
    {"suspicious_pairs", buildSuspiciousPairs},
    {"reassignments", buildReassignments},
    {"portfolio_summary", buildPortfolioSummary},
    {"data_subject", buildDataSubject},
    {"audit_summary", buildAuditSummary},
    {"audit_alerts", buildAuditAlerts},
    {"audit_checkpoint", buildAuditCheckpoint},
    {"print_register", buildPrintRegister},
    {"account_roster", buildAccountRoster},
};

ReportJobBuilder builderOf(const QString& key)
{
    for (const BuilderEntry& entry : kBuilders) {
        if (key == QLatin1String(entry.key))
            return entry.build;
    }
    return nullptr;
}

QString yes()
{
    return QStringLiteral("true");
}
QString no()
{
    return QStringLiteral("false");
}

Error invalidParameter(const QString& key, const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message, QString(), key);
}

// One parameter's value checked and normalised ("True" → "true", " c0001 " → "C0001").
Result<QString> checkValue(const ReportParameterSpec& spec, const QString& raw)
{
    const QString value = raw.trimmed();
    switch (spec.kind) {
    case Kind::Date: {
        const QDate date = QDate::fromString(value, Qt::ISODate);
        if (value.size() != 10 || !date.isValid())
            return invalidParameter(
                spec.key, ReportService::tr("%1: not a date (yyyy-MM-dd). Enter it like 2026-03-01.").arg(spec.key));
        return date.toString(Qt::ISODate);
    }
    case Kind::Month: {
        static const QRegularExpression shape(QStringLiteral("^(\\d{4})-(\\d{2})$"));
        const QRegularExpressionMatch m = shape.match(value);
        const QDate first = m.hasMatch() ? QDate(m.captured(1).toInt(), m.captured(2).toInt(), 1) : QDate();
        if (!first.isValid())
            return invalidParameter(
                spec.key, ReportService::tr("%1: not a month (yyyy-MM). Enter it like 2026-03.").arg(spec.key));
        return first.toString(QStringLiteral("yyyy-MM"));
    }
    case Kind::Integer: {
        bool ok = false;
        const qlonglong number = value.toLongLong(&ok);
        if (!ok)
            return invalidParameter(
                spec.key, ReportService::tr("%1: not a whole number. Enter digits only.").arg(spec.key));
        return QString::number(number);
    }
    case Kind::Boolean: {
        const QString lower = value.toLower();
        if (lower == QLatin1String("true") || lower == QLatin1String("yes") || lower == QLatin1String("1"))
            return yes();
        if (lower == QLatin1String("false") || lower == QLatin1String("no") || lower == QLatin1String("0"))
            return no();
        return invalidParameter(
            spec.key, ReportService::tr("%1: not true or false. Enter true or false.").arg(spec.key));
    }
    case Kind::CustomerNumber:
        if (value.isEmpty())
            return invalidParameter(spec.key,
                ReportService::tr("%1: required. Enter the customer number of the customer the report is about.")
                    .arg(spec.key));
        return value.toUpper();
    case Kind::Login:
    case Kind::Text:
        if (!spec.choices.isEmpty()) {
            const QString lower = value.toLower();
            if (!spec.choices.contains(lower))
                return invalidParameter(spec.key,
                    ReportService::tr("%1: \"%2\" is not one of %3. Choose one of them.")
                        .arg(spec.key, value.left(kMaxTextChars), spec.choices.join(QStringLiteral(", "))));
            return lower;
        }
        if (value.size() > kMaxTextChars)
            return invalidParameter(spec.key,
                ReportService::tr("%1: longer than %2 characters. Shorten it.").arg(spec.key).arg(kMaxTextChars));
        return value;
    }
    return value;
}

// A value as the document shows it.
QString shownValue(const ReportParameterSpec& spec, const QString& value)
{
    if (spec.kind == Kind::Boolean)
        return ValueLabels::yesNo(value == yes());
    const qsizetype at = spec.choices.indexOf(value);
    if (at >= 0 && at < spec.choiceLabels.size())
        return spec.choiceLabels.at(at);
    return value.isEmpty() ? reporttext::none() : value;
}

// Both ends of a from/to pair, in order and within bounds.
Status checkPeriod(const ReportPlan& plan, const QDate& today)
{
    const ReportParameterSpec* from = nullptr;
    const ReportParameterSpec* to = nullptr;
    for (const ReportParameterSpec& spec : plan.info.parameters) {
        if (spec.key == kFrom)
            from = &spec;
        else if (spec.key == kTo)
            to = &spec;
    }
    if (!from || !to || from->kind != to->kind)
        return {};
    // an open end (the print register's period is optional) is not compared
    if (plan.values.value(kFrom).isEmpty() || plan.values.value(kTo).isEmpty())
        return {};
    if (from->kind == Kind::Date) {
        const QDate first = plan.date(kFrom);
        const QDate last = plan.date(kTo);
        if (first > last)
            return invalidParameter(kFrom,
                ReportService::tr("from: %1 is after to (%2). The period starts on or before its last day.")
                    .arg(isoOrEmpty(first), isoOrEmpty(last)));
        if (last > today)
            return invalidParameter(kTo,
                ReportService::tr("to: %1 is in the future (today is %2). End the period today or earlier.")
                    .arg(isoOrEmpty(last), isoOrEmpty(today)));
        if (first.addYears(kMaxPeriodYears) <= last)
            return invalidParameter(kFrom,
                ReportService::tr("from: the period is longer than %1 years. Choose a shorter period.")
                    .arg(kMaxPeriodYears));
    } else if (from->kind == Kind::Month) {
        const QDate first = plan.month(kFrom);
        const QDate last = plan.month(kTo);
        if (first > last)
            return invalidParameter(kFrom,
                ReportService::tr("from: %1 is after to (%2). The period starts on or before its last month.")
                    .arg(monthOrEmpty(first), monthOrEmpty(last)));
        if (last > today)
            return invalidParameter(kTo,
                ReportService::tr("to: %1 is in the future (this month is %2). End the period this month or earlier.")
                    .arg(monthOrEmpty(last), monthOrEmpty(today)));
        if (first.addMonths(kMaxMonths) <= last)
            return invalidParameter(kFrom,
                ReportService::tr("from: the period is longer than %1 months. Choose a shorter period.")
                    .arg(kMaxMonths));
    }
    return {};
}

QStringList keysFor(Role role)
{
    QStringList keys;
    for (const ReportInfo& report : reportCatalogue())
        if (report.role == role)
            keys << report.key;
    return keys;
}

} // namespace

QList<ReportInfo> reportCatalogue(const QDate& today)
{
    const QDate lastMonth = today.isValid() ? QDate(today.year(), today.month(), 1) : QDate();
    const QDate quarterAgo = today.isValid() ? today.addMonths(-3).addDays(1) : QDate();
    const QDate monthAgo = today.isValid() ? today.addDays(-29) : QDate();
    const QStringList statusChoices {statusKey(CustomerStatus::Active), QStringLiteral("all")};
    const QStringList pairChoices {statusKey(PairStatus::Open), QStringLiteral("all")};
    const QString lastTwelveMonths = ReportService::tr("Period: months (yyyy-MM); default the last 12 months.");

    return {
        // branch manager
        info("customer_list", Role::Manager, ReportService::tr("Customer roster"),
            ReportService::tr(
                "The branch's customers: number, sex, age band, tier, customer manager, status and opening date "
                "(grade 3). With identities it adds the masked name, ID number and mobile, and then needs an "
                "approved print or export request for \"customer_list\"."),
            {choice(QStringLiteral("status"), ReportService::tr("Customers"), statusChoices,
                 {ReportService::tr("active customers"), ReportService::tr("all customers")}, statusChoices.first()),
                parameter(QStringLiteral("with_identities"), ReportService::tr("With identities (masked)"),
                    Kind::Boolean, no())},
            true, false, ReportOrientation::Landscape),
        info("tier_distribution", Role::Manager, ReportService::tr("Tiers and assets"),
            ReportService::tr(
                "Active customers and their assets under management by tier: counts, sums and shares, with totals.")),
        info("customer_movements", Role::Manager, ReportService::tr("New and closed customers"),
            ReportService::tr("New and closed customers by month.") + QLatin1Char(' ') + lastTwelveMonths,
            {parameter(kFrom, ReportService::tr("From (month)"), Kind::Month,
                 monthOrEmpty(lastMonth.isValid() ? lastMonth.addMonths(-11) : QDate())),
                parameter(kTo, ReportService::tr("To (month)"), Kind::Month, monthOrEmpty(lastMonth))}),
        info("service_activity", Role::Manager, ReportService::tr("Service activity"),
            ReportService::tr(
                "Service records and complaints received in a period, by customer manager (default: the last "
                "three months)."),
            period(quarterAgo, today)),
        info("complaints", Role::Manager, ReportService::tr("Complaints"),
            ReportService::tr(
                "Open and overdue complaints now, and complaints answered in time or late in a period, by customer "
                "manager; then the open complaints (without their contents)."),
            period(quarterAgo, today)),
        info("suspicious_pairs", Role::Manager, ReportService::tr("Suspicious pairs"),
            ReportService::tr(
                "Pairs of customers who share a phone or an account number, by customer number (never the value)."),
            {choice(QStringLiteral("status"), ReportService::tr("Pairs"), pairChoices,
                {ReportService::tr("to review"), ReportService::tr("all pairs")}, pairChoices.first())}),
        info("reassignments", Role::Manager, ReportService::tr("Customers awaiting reassignment"),
            ReportService::tr(
                "Customers without a customer manager, or whose manager or custodian is frozen or has left.")),
        // customer manager
        info("portfolio_summary", Role::CustomerManager, ReportService::tr("My portfolio"),
            ReportService::tr(
                "Your own customers: counts by tier and status, and a list with the date of the last service "
                "(grade 3).")),
        info("data_subject", Role::CustomerManager, ReportService::tr("Personal information held about a customer"),
            ReportService::tr(
                "Everything held about one of your customers, grade 1 in full, as the form handed to the customer "
                "on their access request. Needs an approved print or export request for \"data_subject\" and that "
                "customer."),
            {parameter(QStringLiteral("customer"), ReportService::tr("Customer number"), Kind::CustomerNumber,
                QString(), true)},
            true, true),
        // security auditor
        info("audit_summary", Role::Auditor, ReportService::tr("Audit summary"),
            ReportService::tr(
                "Audit log rows in a period by action, user and day; refusals and alerts (default: the last 30 "
                "days)."),
            period(monthAgo, today)),
        info("audit_alerts", Role::Auditor, ReportService::tr("Audit alerts"),
            ReportService::tr("The alerts of a period (default: the last 30 days)."), period(monthAgo, today), false,
            false, ReportOrientation::Landscape),
        info("audit_checkpoint", Role::Auditor, ReportService::tr("Audit checkpoint sheet"),
            ReportService::tr(
                "The audit log's checkpoint now (first row, head row and hash, row count), to keep on paper and "
                "verify the log against later.")),
        info("print_register", Role::Auditor, ReportService::tr("Print register"),
            ReportService::tr("The borrowing and destruction record of every controlled printout (optionally only "
                              "those printed in a period, or only those not yet destroyed)."),
            period(QDate(), QDate()) << parameter(
                QStringLiteral("open_only"), ReportService::tr("Only copies not yet destroyed"), Kind::Boolean, no()),
            false, false, ReportOrientation::Landscape),
        // system administrator
        info("account_roster", Role::Admin, ReportService::tr("Staff accounts"),
            ReportService::tr(
                "Every staff account: login, name, role, status, second factor, created and last sign-in. No "
                "customer data.")),
    };
}

std::optional<ReportInfo> findReportInfo(const QString& key, const QDate& today)
{
    if (!builderOf(key))
        return std::nullopt;
    for (ReportInfo& report : reportCatalogue(today)) {
        if (report.key == key)
            return std::move(report);
    }
    return std::nullopt;
}

QDate ReportPlan::date(const QString& key) const
{
    return QDate::fromString(values.value(key), Qt::ISODate);
}

QDate ReportPlan::month(const QString& key) const
{
    return QDate::fromString(values.value(key) + QStringLiteral("-01"), Qt::ISODate);
}

bool ReportPlan::flag(const QString& key) const
{
    return values.value(key) == yes();
}

QJsonObject ReportPlan::auditParameters() const
{
    QJsonObject out;
    for (const ReportParameterSpec& spec : info.parameters)
        out.insert(spec.key, values.value(spec.key));
    return out;
}

Result<ReportPlan> planReport(
    ReportContext& context, const Actor& actor, const ReportRequest& request, Operation operation)
{
    const QDate today = reporttext::branchDate(context.clock.nowUtc());
    const QString key = request.report.trimmed();
    auto found = findReportInfo(key, today);
    if (!found) {
        const QStringList keys = keysFor(actor.role);
        return makeError(ErrorCode::InvalidInput,
            keys.isEmpty() ? ReportService::tr("There is no report \"%1\", and your role runs no report.").arg(key)
                           : ReportService::tr("There is no report \"%1\". Choose one of: %2.")
                                 .arg(key, keys.join(QStringLiteral(", "))),
            QString(), QStringLiteral("report"));
    }
    ReportPlan plan;
    plan.info = std::move(*found);
    if (plan.info.role != actor.role)
        return context.access.deny(actor, operation, QStringLiteral("report"), plan.info.key, QString(),
            ReportService::tr(
                "The report \"%1\" is run by the %2 only; your role (%3) may not run it. Ask the %2 for it.")
                .arg(plan.info.title, Roles::label(plan.info.role), Roles::label(actor.role)));

    QStringList known;
    for (const ReportParameterSpec& spec : plan.info.parameters)
        known << spec.key;
    for (auto it = request.parameters.cbegin(); it != request.parameters.cend(); ++it) {
        if (!known.contains(it.key()))
            return invalidParameter(it.key(),
                known.isEmpty()
                    ? ReportService::tr("%1: the report \"%2\" takes no parameters. Remove it.")
                          .arg(it.key().left(kMaxTextChars), plan.info.key)
                    : ReportService::tr("%1: not a parameter of the report \"%2\" (it takes %3). Remove it.")
                          .arg(it.key().left(kMaxTextChars), plan.info.key, known.join(QStringLiteral(", "))));
    }
    for (const ReportParameterSpec& spec : plan.info.parameters) {
        const QString given = request.parameters.value(spec.key);
        const QString raw = given.trimmed().isEmpty() ? spec.defaultValue : given;
        if (raw.trimmed().isEmpty() && !spec.required) {
            plan.values.insert(spec.key, QString());
            continue;
        }
        auto value = checkValue(spec, raw);
        if (!value.ok())
            return value.error();
        plan.values.insert(spec.key, *value);
    }
    BV_TRY(checkPeriod(plan, today));

    if (plan.info.key == QLatin1String("customer_list") && plan.flag(QStringLiteral("with_identities"))) {
        plan.holdsGrade1 = true;
        plan.grantHint = ReportService::tr(
            "The customer roster with identities holds grade-1 information (masked). File a special "
            "request (print or export, report \"customer_list\"), have another branch manager "
            "approve it, then run the report again. Without identities it needs no approval.");
    }
    if (plan.info.needsCustomer) {
        const QString number = plan.values.value(QStringLiteral("customer"));
        CustomerServiceInternals& customers = CustomerServiceInternals::of(context.customers);
        auto exists = customers.customerByNumber(number);
        if (!exists.ok()) {
            if (exists.code() == ErrorCode::NotFound)
                return invalidParameter(QStringLiteral("customer"),
                    ReportService::tr("customer: there is no customer %1. Check the customer number.").arg(number));
            return exists.error();
        }
        auto ref = customers.reachable(actor, operation, number);
        if (!ref.ok())
            return ref.error();
        BV_TRY(CustomerRetention::subjectReportPossible(ref->number, ref->status));
        plan.customerId = ref->id;
        plan.customerNo = ref->number;
        plan.holdsGrade1 = true;
        plan.fullGrade1 = true;
        plan.grantHint
            = ReportService::tr("The data-subject report of customer %1 holds the customer's personal information in "
                                "full. File a special request (print or export, report \"data_subject\", customer %1) "
                                "and wait for the branch manager's approval; then run the report again.")
                  .arg(ref->number);
    }
    for (const ReportParameterSpec& spec : plan.info.parameters)
        plan.shown << ReportParameter {spec.label, shownValue(spec, plan.values.value(spec.key))};
    return plan;
}

Result<Grant> liveGrantFor(ReportContext& context, const Actor& actor, const ReportPlan& plan)
{
    auto grant
        = RequestGrants(context.requests).liveReportGrant(actor, RequestType::Print, plan.info.key, plan.customerId);
    if (!grant.ok() && grant.code() == ErrorCode::NotFound)
        grant = RequestGrants(context.requests)
                    .liveReportGrant(actor, RequestType::Export, plan.info.key, plan.customerId);
    return grant;
}

Result<ReportDocument> buildPlannedReport(
    ReportContext& context, const Actor& actor, const ReportPlan& plan, const Grant* grant)
{
    const ReportJobBuilder build = builderOf(plan.info.key);
    if (!build)
        return makeError(
            ErrorCode::Internal, ReportService::tr("The report \"%1\" has no builder.").arg(plan.info.key));
    if (plan.holdsGrade1 && !grant)
        return makeError(ErrorCode::Internal,
            ReportService::tr("The report \"%1\" holds grade-1 information and was built without a grant.")
                .arg(plan.info.key));
    const QDateTime now = context.clock.nowUtc();
    ReportJob job {context, actor, plan, grant, now, reporttext::branchDate(now), {}};
    BV_TRY(build(job));

    ReportDocument& document = job.document;
    document.reportKey = plan.info.key;
    if (document.title.isEmpty())
        document.title = plan.info.title;
    if (document.parameters.isEmpty()) // a builder may show its parameters in its own words (the print register)
        document.parameters = plan.shown;
    document.orientation = plan.info.orientation;
    if (plan.holdsGrade1)
        document.highestGrade = 1;
    document.fullGrade1 = plan.fullGrade1;
    document.branch = reportBranch(context);
    document.builtBy = reporttext::staff(actor.login, actor.displayName);
    document.builtAtUtc = now;
    document.builtAtText = reporttext::dateTimeWithZone(now);
    document.grantRequestId = plan.holdsGrade1 && grant ? grant->requestId : 0;
    return std::move(job.document);
}

Result<ReportDocument> buildReport(
    ReportContext& context, const Actor& actor, const ReportRequest& request, const Grant* grant, Operation operation)
{
    auto plan = planReport(context, actor, request, operation);
    if (!plan.ok())
        return plan.error();
    if (plan->holdsGrade1 && !grant)
        return context.access.deny(
            actor, operation, QStringLiteral("report"), plan->info.key, plan->customerNo, plan->grantHint);
    return buildPlannedReport(context, actor, *plan, grant);
}

void installReportBuilders(ReportContext& context)
{
    context.builder = [](ReportContext& ctx, const Actor& actor, const ReportRequest& request, const Grant* grant) {
        return buildReport(ctx, actor, request, grant, Operation::PrintReport);
    };
    // The print flow holds the entry by pointer while it prints: each key keeps one slot (std::map nodes do not
    // move), refreshed at every lookup so that its texts follow the language and its defaults the date.
    auto entries = std::make_shared<std::map<QString, ReportInfo>>();
    const Clock* clock = &context.clock;
    context.reportInfo = [entries, clock](const QString& key) -> const ReportInfo* {
        auto info = findReportInfo(key, reporttext::branchDate(clock->nowUtc()));
        if (!info)
            return nullptr;
        ReportInfo& slot = (*entries)[info->key];
        slot = std::move(*info);
        return &slot;
    };
}

} // namespace bv
