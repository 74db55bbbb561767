// The security auditor's reports: the audit summary, the alert report, the audit checkpoint sheet, and the
// print register (built by PrintRegisterReport.cpp). The audit log is read directly (ReportRepository's
// read-only reads, see ReportCatalogue.cpp): the report's own report.run row records the read. Audit rows hold masked
// values only; these reports print no details column at all.
#include "core/internal/reports/ReportSupport.h"

#include "core/audit/AuditAlerts.h"
#include "core/auth/Role.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/reports/ReportRepository.h"

#include <QMap>
#include <QSqlQuery>

namespace bv {

namespace {

constexpr int kMaxListedRefusals = 500;

ReportColumn column(const QString& title, int weight = 1, bool numeric = false)
{
    return ReportColumn {title, weight, numeric};
}

QString text(const QSqlQuery& q, int i)
{
    return q.value(i).toString();
}

QString roleLabel(const QString& key)
{
    const std::optional<Role> role = Roles::fromKey(key);
    return role ? Roles::label(*role) : (key.isEmpty() ? reporttext::none() : key);
}

QString alertKind(const QString& kind)
{
    if (kind == QLatin1String("clerk_lookups"))
        return ReportService::tr("Many lookups by a clerk");
    if (kind == QLatin1String("same_customer"))
        return ReportService::tr("Same customer opened often");
    if (kind == QLatin1String("after_hours"))
        return ReportService::tr("Access outside working hours");
    if (kind == QLatin1String("failed_sign_ins"))
        return ReportService::tr("Repeated failed sign-ins");
    if (kind == QLatin1String("quick_grant"))
        return ReportService::tr("Approval used quickly by the same pair");
    if (kind == QLatin1String("print_overdue"))
        return ReportService::tr("Printout lent past its due time");
    if (kind == QLatin1String("print_past_period"))
        return ReportService::tr("Printout past its period of use");
    if (kind == QLatin1String("print_unfinished"))
        return ReportService::tr("Print never finished");
    return kind;
}

struct Period
{
    QDateTime start; // UTC, inclusive
    QDateTime end; // UTC, exclusive
};

Period periodOf(const ReportJob& job)
{
    return Period {reporttext::dayStartUtc(job.plan.date(QStringLiteral("from"))),
        reporttext::dayStartUtc(job.plan.date(QStringLiteral("to")).addDays(1))};
}

} // namespace

Status buildAuditSummary(ReportJob& job)
{
    const Period period = periodOf(job);
    ReportRepository reports(job.context.db);

    qint64 rows = 0;
    qint64 refused = 0;
    qint64 failed = 0;
    ReportTable byAction;
    byAction.title = ReportService::tr("By action");
    byAction.columns = {column(ReportService::tr("Action"), 3), column(ReportService::tr("Rows"), 1, true),
        column(ReportService::tr("Refused"), 1, true), column(ReportService::tr("Failed"), 1, true)};
    byAction.emptyText = ReportService::tr("No audit rows in the period.");
    BV_TRY(reports.auditByAction(period.start, period.end, [&](const QSqlQuery& q) {
        rows += q.value(1).toLongLong();
        refused += q.value(2).toLongLong();
        failed += q.value(3).toLongLong();
        byAction.rows << QStringList {text(q, 0), reporttext::number(q.value(1).toLongLong()),
            reporttext::number(q.value(2).toLongLong()), reporttext::number(q.value(3).toLongLong())};
    }));
    byAction.totals = QStringList {
        ReportService::tr("Total"), reporttext::number(rows), reporttext::number(refused), reporttext::number(failed)};

    ReportTable byUser;
    byUser.title = ReportService::tr("By user");
    byUser.columns = {column(ReportService::tr("User"), 2), column(ReportService::tr("Role"), 2),
        column(ReportService::tr("Rows"), 1, true), column(ReportService::tr("Refused"), 1, true)};
    byUser.emptyText = byAction.emptyText;
    BV_TRY(reports.auditByUser(period.start, period.end, [&](const QSqlQuery& q) {
        byUser.rows << QStringList {text(q, 0), roleLabel(text(q, 1)), reporttext::number(q.value(2).toLongLong()),
            reporttext::number(q.value(3).toLongLong())};
    }));

    ReportTable byDay;
    byDay.title = ReportService::tr("By day (branch time)");
    byDay.columns = {column(ReportService::tr("Day"), 2), column(ReportService::tr("Rows"), 1, true),
        column(ReportService::tr("Refused"), 1, true)};
    byDay.emptyText = byAction.emptyText;
    BV_TRY(reports.auditByDay(reporttext::zoneModifier(), period.start, period.end, [&](const QSqlQuery& q) {
        byDay.rows << QStringList {
            text(q, 0), reporttext::number(q.value(1).toLongLong()), reporttext::number(q.value(2).toLongLong())};
    }));

    ReportTable refusals;
    refusals.title = refused > kMaxListedRefusals
        ? ReportService::tr("Refusals (the first %1 of %2; the audit log export holds all)")
              .arg(kMaxListedRefusals)
              .arg(refused)
        : ReportService::tr("Refusals");
    refusals.columns = {column(ReportService::tr("Row"), 1, true), column(ReportService::tr("Time"), 2),
        column(ReportService::tr("User"), 2), column(ReportService::tr("Role"), 2),
        column(ReportService::tr("Action"), 2), column(ReportService::tr("Refused operation"), 2),
        column(ReportService::tr("Object"), 2), column(ReportService::tr("Customer"), 2)};
    refusals.emptyText = ReportService::tr("No refusals in the period.");
    BV_TRY(reports.auditRefusals(period.start, period.end, kMaxListedRefusals, [&](const QSqlQuery& q) {
        const QString object = text(q, 7).isEmpty() ? text(q, 6) : QStringLiteral("%1 %2").arg(text(q, 6), text(q, 7));
        refusals.rows << QStringList {text(q, 0), reporttext::storedTime(q.value(1)), text(q, 2), roleLabel(text(q, 3)),
            text(q, 4), text(q, 5), object, text(q, 8).isEmpty() ? reporttext::none() : text(q, 8)};
    }));

    auto alerts = collectAuditAlerts(job.context.audit, period.start, period.end);
    if (!alerts.ok())
        return alerts.error();
    QMap<QString, int> alertKinds;
    for (const AuditAlert& alert : std::as_const(*alerts))
        ++alertKinds[alert.kind];
    ReportTable alertTable;
    alertTable.title = ReportService::tr("Alerts by kind");
    alertTable.columns = {column(ReportService::tr("Alert"), 3), column(ReportService::tr("Alerts"), 1, true)};
    alertTable.emptyText = ReportService::tr("No alerts in the period.");
    for (auto it = alertKinds.cbegin(); it != alertKinds.cend(); ++it)
        alertTable.rows << QStringList {alertKind(it.key()), reporttext::number(it.value())};
    alertTable.totals = QStringList {ReportService::tr("Total"), reporttext::number(alerts->size())};

    ReportTable summary;
    summary.title = ReportService::tr("Summary");
    summary.columns = {column(ReportService::tr("Item"), 3), column(ReportService::tr("Count"), 1, true)};
    summary.rows = {{ReportService::tr("Audit rows in the period"), reporttext::number(rows)},
        {ReportService::tr("Refusals"), reporttext::number(refused)},
        {ReportService::tr("Failed operations"), reporttext::number(failed)},
        {ReportService::tr("Alerts"), reporttext::number(alerts->size())}};

    job.document.tables << summary << byAction << byUser << byDay << refusals << alertTable;
    job.document.paragraphs << ReportService::tr("Audit rows from %1 to %2 (branch time). The rows' details are not "
                                                 "printed; the audit log itself holds them, masked.")
                                   .arg(reporttext::dateTime(period.start), reporttext::dateTime(period.end));
    return {};
}

Status buildAuditAlerts(ReportJob& job)
{
    const Period period = periodOf(job);
    auto alerts = collectAuditAlerts(job.context.audit, period.start, period.end);
    if (!alerts.ok())
        return alerts.error();
    ReportTable table;
    table.columns = {column(ReportService::tr("Alert"), 3), column(ReportService::tr("User"), 2),
        column(ReportService::tr("Approver"), 2), column(ReportService::tr("Customer"), 2),
        column(ReportService::tr("From"), 2), column(ReportService::tr("To"), 2),
        column(ReportService::tr("Rows"), 1, true), column(ReportService::tr("What happened"), 6)};
    table.emptyText = ReportService::tr("No alerts in the period.");
    for (const AuditAlert& alert : std::as_const(*alerts)) {
        auto orNone = [](const QString& value) { return value.isEmpty() ? reporttext::none() : value; };
        table.rows << QStringList {alertKind(alert.kind), orNone(alert.login), orNone(alert.otherLogin),
            orNone(alert.customerNo), reporttext::dateTime(alert.from), reporttext::dateTime(alert.to),
            reporttext::number(alert.count), alert.description};
    }
    table.totals = QStringList(table.columns.size());
    table.totals[0] = ReportService::tr("Total: %1 alerts").arg(reporttext::number(alerts->size()));
    job.document.tables << table;
    job.document.paragraphs << ReportService::tr(
        "Alerts from %1 to %2 (branch time), by the thresholds in the settings (alert.*). Each alert names the audit "
        "rows behind it in the application (Audit log page, or branchvault-cli audit alerts).")
                                   .arg(reporttext::dateTime(period.start), reporttext::dateTime(period.end));
    return {};
}

Status buildAuditCheckpoint(ReportJob& job)
{
    auto head = job.context.auditLog.head();
    if (!head.ok())
        return head.error();
    const AuditCheckpoint& checkpoint = *head;

    ReportTable table;
    table.title = ReportService::tr("Checkpoint");
    table.columns = {column(ReportService::tr("Item"), 2), column(ReportService::tr("Value"), 5)};
    table.rows = {{ReportService::tr("Database"), checkpoint.databaseId},
        {ReportService::tr("First retained row"), QString::number(checkpoint.firstSeq)},
        {ReportService::tr("First row written"), reporttext::dateTimeWithZone(checkpoint.firstAt)},
        {ReportService::tr("Head row"), QString::number(checkpoint.seq)},
        {ReportService::tr("Head row written"), reporttext::dateTimeWithZone(checkpoint.headAt)},
        {ReportService::tr("Head hash"), QString::fromLatin1(checkpoint.hash.toHex())},
        {ReportService::tr("Rows"), QString::number(checkpoint.rowCount)},
        {ReportService::tr("Taken"), reporttext::dateTimeWithZone(checkpoint.created)}};

    // The text form, line by line: what `audit verify --checkpoint FILE` reads back.
    ReportTable lines;
    lines.title = ReportService::tr("Checkpoint text (type it into a file exactly as printed, one line per row)");
    lines.columns = {column(ReportService::tr("Line"), 1, true), column(ReportService::tr("Text"), 9)};
    int n = 0;
    for (const QString& line : checkpoint.toText().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        lines.rows << QStringList {QString::number(++n), line};

    job.document.paragraphs << ReportService::tr(
        "This sheet records the state of the audit log when it was printed: its first retained row, its last row "
        "(the head) with that row's hash, and the number of rows between them. Keep it away from this computer: "
        "someone who can change the database cannot change this paper.");
    job.document.tables << table << lines;
    job.document.closingParagraphs
        << ReportService::tr("To verify the audit log against this sheet later: type the checkpoint text above into "
                             "a plain text file exactly as printed (the last line is a check over the others, so a "
                             "typing error is reported as such), or use the file that branchvault-cli audit "
                             "checkpoint --out FILE wrote at the same time. Then run:")
        << QStringLiteral("branchvault-cli audit verify --checkpoint FILE")
        << ReportService::tr("The verification names the first row deleted or rewritten since this sheet was "
                             "taken. Rows removed later by a lawful retention purge are accepted; anything else is "
                             "reported. The run of this report is itself audited after the head row it names.")
        << ReportService::tr("Printed and kept by: ______________________   Date: ____________");
    return {};
}

Status buildPrintRegister(ReportJob& job)
{
    ReportRequest request;
    request.report = job.plan.info.key;
    request.parameters = job.plan.values;
    auto document = buildPrintRegisterReport(job.context, job.actor, request);
    if (!document.ok())
        return document.error();
    job.document = std::move(document).value();
    return {};
}

} // namespace bv
