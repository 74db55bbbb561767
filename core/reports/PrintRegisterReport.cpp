// The print register as a controlled report: the borrowing and destruction record form (《客户信息借阅、销毁记录表》),
// one row per physical copy, from its print to its destruction.
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/reports/PrintRegisterRepository.h"
#include "core/internal/reports/ReportContext.h"
#include "core/policy/SettingsService.h"
#include "core/reports/PrintRegister.h"
#include "core/reports/ReportService.h"

namespace bv {

namespace {

// The translation context of this form's texts.
struct PrintRegisterReport
{
    Q_DECLARE_TR_FUNCTIONS(PrintRegisterReport)
};

// Parameters (all optional): "from" / "to" (yyyy-MM-dd, branch date of the print), "open_only" ("true": copies not
// destroyed).
struct Filter
{
    QDate from;
    QDate to;
    bool openOnly = false;
};

Result<Filter> filterOf(const ReportRequest& request)
{
    Filter filter;
    const QString from = request.parameters.value(QStringLiteral("from")).trimmed();
    const QString to = request.parameters.value(QStringLiteral("to")).trimmed();
    const QString open = request.parameters.value(QStringLiteral("open_only")).trimmed().toLower();
    if (!from.isEmpty()) {
        filter.from = QDate::fromString(from, Qt::ISODate);
        if (!filter.from.isValid())
            return makeError(ErrorCode::InvalidInput, PrintRegisterReport::tr("Give the first day as YYYY-MM-DD."),
                QString(), QStringLiteral("from"));
    }
    if (!to.isEmpty()) {
        filter.to = QDate::fromString(to, Qt::ISODate);
        if (!filter.to.isValid())
            return makeError(ErrorCode::InvalidInput, PrintRegisterReport::tr("Give the last day as YYYY-MM-DD."),
                QString(), QStringLiteral("to"));
    }
    if (filter.from.isValid() && filter.to.isValid() && filter.from > filter.to)
        return makeError(ErrorCode::InvalidInput,
            PrintRegisterReport::tr("The first day comes after the last day. Swap them."), QString(),
            QStringLiteral("from"));
    if (!open.isEmpty() && open != QLatin1String("true") && open != QLatin1String("false"))
        return makeError(ErrorCode::InvalidInput, PrintRegisterReport::tr("\"Open copies only\" is true or false."),
            QString(), QStringLiteral("open_only"));
    filter.openOnly = open == QLatin1String("true");
    return filter;
}

QString timeText(const QDateTime& utc)
{
    return utc.isValid() ? PrintRegisterRepository::branchTimeText(utc) : QString();
}

} // namespace

Result<ReportDocument> buildPrintRegisterReport(
    ReportContext& context, const Actor& actor, const ReportRequest& request)
{
    if (actor.role != Role::Auditor && actor.role != Role::Manager)
        return makeError(ErrorCode::PermissionDenied,
            PrintRegisterReport::tr("The print register is printed by the auditor or the branch manager."));
    auto filter = filterOf(request);
    if (!filter.ok())
        return filter.error();
    const QDateTime now = context.clock.nowUtc();
    PrintRegisterRepository store(context.db, context.auditLog.databaseId());
    auto copies = store.copies(QString(), 0, now);
    if (!copies.ok())
        return copies.error();

    ReportDocument document;
    document.reportKey = QStringLiteral("print_register");
    document.title = PrintRegisterReport::tr("Customer information borrowing and destruction record");
    document.subtitle = PrintRegisterReport::tr(
        "Print register: every copy of a controlled printout, from its print to its destruction");
    document.orientation = ReportOrientation::Landscape;
    document.highestGrade = 3;
    const QString branchName = context.settings.text(QString::fromLatin1(settings::BranchName)).trimmed();
    document.branch
        = branchName.isEmpty() ? context.settings.text(QString::fromLatin1(settings::BranchCode)) : branchName;
    document.builtBy = actor.displayName.isEmpty() || actor.displayName == actor.login
        ? actor.login
        : QStringLiteral("%1 (%2)").arg(actor.login, actor.displayName);
    document.builtAtUtc = now;
    document.builtAtText = PrintRegisterRepository::branchTimeText(now);
    document.parameters << ReportParameter {PrintRegisterReport::tr("Printed from"),
        filter->from.isValid() ? filter->from.toString(Qt::ISODate) : PrintRegisterReport::tr("the first print")};
    document.parameters << ReportParameter {PrintRegisterReport::tr("Printed until"),
        filter->to.isValid() ? filter->to.toString(Qt::ISODate) : PrintRegisterReport::tr("today")};
    document.parameters << ReportParameter {PrintRegisterReport::tr("Copies"),
        filter->openOnly ? PrintRegisterReport::tr("not destroyed only")
                         : PrintRegisterReport::tr("all, destroyed ones included")};

    ReportTable table;
    table.columns = {{PrintRegisterReport::tr("Serial / copy"), 3, false},
        {PrintRegisterReport::tr("Report"), 4, false}, {PrintRegisterReport::tr("Printed by, at"), 4, false},
        {PrintRegisterReport::tr("Period of use until"), 2, false}, {PrintRegisterReport::tr("Approved by"), 2, false},
        {PrintRegisterReport::tr("Received by"), 3, false},
        {PrintRegisterReport::tr("Lent to / due / returned"), 5, false},
        {PrintRegisterReport::tr("Destroyed at / by / witness"), 5, false},
        {PrintRegisterReport::tr("State"), 2, false}};
    table.emptyText = PrintRegisterReport::tr("No copy is registered for this period.");
    int destroyed = 0;
    for (const RegisterCopy& row : std::as_const(*copies)) {
        const PrintCopy& c = row.copy;
        const QDate printed = PrintRegisterRepository::branchDate(c.printedAtUtc);
        if ((filter->from.isValid() && printed < filter->from) || (filter->to.isValid() && printed > filter->to))
            continue;
        if (filter->openOnly && c.state == PrintCopyState::Destroyed)
            continue;
        QStringList received;
        QStringList lendings;
        QString destruction;
        for (const PrintEvent& event : c.events) {
            switch (event.kind) {
            case PrintEventKind::Received:
                received << QStringLiteral("%1, %2").arg(event.person, timeText(event.atUtc));
                break;
            case PrintEventKind::HandedOver:
                received << PrintRegisterReport::tr("handed to the customer, %1").arg(timeText(event.atUtc));
                break;
            case PrintEventKind::Lent:
                lendings << PrintRegisterReport::tr("%1, due %2").arg(event.person, timeText(event.dueUtc));
                break;
            case PrintEventKind::Returned:
                if (!lendings.isEmpty())
                    lendings.last() += PrintRegisterReport::tr("; returned %1").arg(timeText(event.atUtc));
                break;
            case PrintEventKind::Destroyed:
                destruction = PrintRegisterReport::tr("%1, by %2, witness %3 (%4)")
                                  .arg(timeText(event.atUtc), event.by, event.person, event.note);
                break;
            case PrintEventKind::Printed:
            case PrintEventKind::Failed:
                break;
            }
        }
        if (c.state == PrintCopyState::Destroyed)
            ++destroyed;
        QString copyText = QStringLiteral("%1/%2").arg(c.serial).arg(c.copy);
        if (c.copy > 1)
            copyText += QStringLiteral(" (") + PrintRegisterReport::tr("copy %1").arg(c.copy) + QLatin1Char(')');
        QString reportText = c.title;
        if (!c.parameters.isEmpty())
            reportText += QStringLiteral("\n") + c.parameters;
        table.rows << QStringList {copyText, reportText,
            QStringLiteral("%1, %2").arg(c.printedBy, timeText(c.printedAtUtc)), c.validUntil.toString(Qt::ISODate),
            c.approvedBy.isEmpty() ? PrintRegisterReport::tr("no approval needed") : c.approvedBy,
            received.join(QLatin1Char('\n')), lendings.join(QLatin1Char('\n')), destruction,
            PrintRegister::stateLabel(c.state)};
    }
    if (!table.rows.isEmpty()) {
        table.totals = QStringList(table.columns.size(), QString());
        table.totals[0] = PrintRegisterReport::tr("%n copies", nullptr, int(table.rows.size()));
        table.totals[7] = PrintRegisterReport::tr("%n destroyed", nullptr, destroyed);
    }
    document.tables << table;
    document.closingParagraphs << PrintRegisterReport::tr(
        "Lendings last at most three days. A copy past its period of use is destroyed under the supervision of "
        "a branch manager or an auditor.")
                               << PrintRegisterReport::tr(
                                      "Checked by (signature): ____________________    Date: ____________");
    return document;
}

} // namespace bv
