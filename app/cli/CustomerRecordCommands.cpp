// customer import|history|close|report and the ownership subcommands assign|transfer|custody|return|
// reclaim|assignments (DESIGN §6), dispatched from the customer command (CustomerCommands.cpp).
#include "app/cli/Cli.h"
#include "app/cli/CustomerCliSupport.h"
#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/customers/lifecycle/CustomerRetention.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv::cli {

namespace {

const QStringList kOwnership {QStringLiteral("assign"), QStringLiteral("transfer"), QStringLiteral("custody"),
    QStringLiteral("return"), QStringLiteral("reclaim")};

class CustomerRecordCommands
{
    Q_DECLARE_TR_FUNCTIONS(CustomerRecordCommands)
public:
    static int import(CliContext& ctx)
    {
        const QString path = ctx.arguments.value(1);
        if (path.trimmed().isEmpty())
            return Cli::usageError(ctx.out, tr("customer import needs the CSV file: customer import FILE.csv."));
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
        const QString reportPath = ctx.option(QStringLiteral("report"));
        if (ctx.isSet(QStringLiteral("report")) && reportPath.trimmed().isEmpty())
            return Cli::usageError(ctx.out, tr("--report needs the name of a new file for the import report."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        // Progress on stderr for large files, in steps of 10 %.
        int lastStep = 0;
        const auto progress = [&](qint64 done, qint64 total) {
            if (total < 4 * 1024 * 1024 || total <= 0)
                return;
            const int step = int(done * 10 / total);
            if (step > lastStep && step < 10) {
                lastStep = step;
                ctx.out.progress(tr("Read %1 %").arg(step * 10));
            }
        };
        auto imported = core->customers().importer().importFile(*session, path, reportPath, progress);
        if (!imported.ok())
            return ctx.out.fail(imported.error());
        const ImportReport& r = *imported;
        const QString file = QFileInfo(path).fileName();

        QJsonArray problems;
        QString text = tr("%1: %n rows read", nullptr, int(r.rows)).arg(file) + QStringLiteral(", ")
            + tr("%n accepted (pending review)", nullptr, int(r.accepted)) + QStringLiteral(", ")
            + tr("%n rejected.", nullptr, int(r.rejected));
        for (const ImportProblem& p : r.problems) {
            problems.append(QJsonObject {{QStringLiteral("line"), p.line}, {QStringLiteral("column"), p.column},
                {QStringLiteral("field"), p.field}, {QStringLiteral("message"), p.message}});
            text += QLatin1Char('\n')
                + (p.column.isEmpty() ? tr("Line %1: %2").arg(p.line).arg(CustomerCli::oneLine(p.message))
                                      : tr("Line %1, column %2 (%3): %4")
                                            .arg(p.line)
                                            .arg(p.column, p.field, CustomerCli::oneLine(p.message)));
        }
        for (const QString& warning : r.warnings)
            text += QLatin1Char('\n') + tr("Warning: %1").arg(CustomerCli::oneLine(warning));
        if (!r.createdNumbers.isEmpty())
            text += QLatin1Char('\n') + tr("Pending records: %1").arg(r.createdNumbers.join(QStringLiteral(", ")));
        const bool reportWritten = !reportPath.isEmpty() && QFileInfo::exists(reportPath);
        if (reportWritten)
            text += QLatin1Char('\n')
                + tr("Report written to %1.").arg(QDir::toNativeSeparators(QFileInfo(reportPath).absoluteFilePath()));
        QJsonObject json {{QStringLiteral("file"), file}, {QStringLiteral("rows"), r.rows},
            {QStringLiteral("accepted"), r.accepted}, {QStringLiteral("rejected"), r.rejected},
            {QStringLiteral("problems"), problems},
            {QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings)},
            {QStringLiteral("created"), QJsonArray::fromStringList(r.createdNumbers)},
            {QStringLiteral("report"),
                reportWritten ? QJsonValue(QDir::toNativeSeparators(QFileInfo(reportPath).absoluteFilePath()))
                              : QJsonValue(QJsonValue::Null)}};
        if (r.stoppedBy.isError()) {
            // the disk or the file failed, not the rows: the status says which (disk-full 17, io 19, ...)
            ctx.out.text(text);
            return ctx.out.fail(
                makeError(r.stoppedBy.code,
                    tr("The import of %1 stopped: %2 The rows before it are pending records; import the "
                       "file again when this is fixed (rows already saved are refused as duplicates).")
                        .arg(file, CustomerCli::oneLine(r.stoppedBy.message)),
                    r.stoppedBy.detail),
                json);
        }
        if (r.rejected == 0 && r.problems.isEmpty()) {
            ctx.out.result(json, text);
            return 0;
        }
        // Some rows were refused: the good ones are pending records, the status tells the script to look.
        ctx.out.text(text);
        const int refused = int(std::max<qint64>(r.rejected, 1));
        const QString message = r.accepted > 0
            ? tr("%n rows of %1 were not imported; correct them as listed (or in the report) and import those rows "
                 "again. The other rows are pending records.",
                nullptr, refused)
                  .arg(file)
            : tr("No row of %1 was imported; correct the rows as listed (or in the report) and import the file again.")
                  .arg(file);
        return ctx.out.fail(makeError(ErrorCode::InvalidInput, message), json);
    }

    static int history(CliContext& ctx, const QString& number)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto entries = core->customers().entry().history(*session, number);
        if (!entries.ok())
            return ctx.out.fail(entries.error());
        CustomerCli::history(ctx, number, *entries);
        return 0;
    }

    static int close(CliContext& ctx, const QString& number)
    {
        const QString reason = ctx.option(QStringLiteral("reason"));
        if (reason.trimmed().isEmpty())
            return Cli::usageError(
                ctx.out, tr("customer close needs --reason TEXT (for example: the customer closed every account)."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        BV_CLI_TRY(core->customers().retention().close(*session, number, reason));
        ctx.out.result(
            {{QStringLiteral("customerNo"), number}, {QStringLiteral("status"), statusKey(CustomerStatus::Closed)}},
            tr("Customer %1 is closed. Its record is kept for the retention period, then anonymised.").arg(number));
        return 0;
    }

    // The data-subject report: the customer's data in full, as JSON on stdout (and nowhere else).
    static int report(CliContext& ctx, const QString& number)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto report = core->customers().retention().dataSubjectReport(*session, number);
        if (!report.ok())
            return ctx.out.fail(report.error());
        ctx.out.result({{QStringLiteral("customerNo"), number}, {QStringLiteral("report"), *report}},
            QString::fromUtf8(QJsonDocument(*report).toJson(QJsonDocument::Indented)));
        return 0;
    }

    static int ownership(CliContext& ctx, const QString& kind, const QString& number)
    {
        const QString manager = ctx.option(QStringLiteral("manager")).trimmed();
        const QString reason = ctx.option(QStringLiteral("reason"));
        const bool isReturn = kind == QLatin1String("return");
        const bool isCustody = kind == QLatin1String("custody");
        if (isReturn
            && (ctx.isSet(QStringLiteral("manager")) || ctx.isSet(QStringLiteral("until-date"))
                || ctx.isSet(QStringLiteral("reason"))))
            return Cli::usageError(ctx.out,
                tr("customer return ends a custody early; it takes only the customer number (no --manager, "
                   "--until-date or --reason)."));
        if (!isReturn && manager.isEmpty())
            return Cli::usageError(ctx.out,
                tr("customer %1 needs --manager LOGIN (the customer manager who takes the customer).").arg(kind));
        if (isCustody && !ctx.isSet(QStringLiteral("until-date")))
            return Cli::usageError(ctx.out,
                tr("customer custody needs --until-date YYYY-MM-DD: the last day of the custody (branch time)."));
        if (!isCustody && ctx.isSet(QStringLiteral("until-date")))
            return Cli::usageError(ctx.out, tr("--until-date is for customer custody only."));
        if ((kind == QLatin1String("transfer") || isCustody || kind == QLatin1String("reclaim"))
            && reason.trimmed().isEmpty())
            return Cli::usageError(
                ctx.out, tr("customer %1 needs --reason TEXT (for example: staff change, leave).").arg(kind));
        QDate until;
        if (isCustody) {
            auto parsed
                = CustomerCli::parseDate(QStringLiteral("until-date"), ctx.option(QStringLiteral("until-date")));
            if (!parsed.ok())
                return ctx.out.fail(parsed.error());
            until = *parsed;
        }
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        CustomerOwnership& owners = core->customers().ownership();
        Status done;
        QString text;
        if (kind == QLatin1String("assign")) {
            done = owners.assign(*session, number, manager, reason);
            text = tr("Customer %1 is assigned to %2.").arg(number, manager);
        } else if (kind == QLatin1String("transfer")) {
            done = owners.transfer(*session, number, manager, reason);
            text = tr("Customer %1 was transferred to %2.").arg(number, manager);
        } else if (isCustody) {
            done = owners.custody(*session, number, manager, until, reason);
            text = tr("Customer %1 is in the custody of %2 until the end of %3 (branch time); then it returns to its "
                      "customer manager by itself.")
                       .arg(number, manager, until.toString(Qt::ISODate));
        } else if (isReturn) {
            done = owners.endCustody(*session, number);
            text = tr("The custody of customer %1 ended; the customer is back with its customer manager.").arg(number);
        } else {
            done = owners.reclaim(*session, number, manager, reason);
            text = tr("Customer %1 was reclaimed for %2.").arg(number, manager);
        }
        if (!done.ok())
            return ctx.out.fail(done.error());
        ctx.out.result({{QStringLiteral("customerNo"), number}, {QStringLiteral("action"), kind},
                           {QStringLiteral("manager"), isReturn ? QJsonValue(QJsonValue::Null) : QJsonValue(manager)},
                           {QStringLiteral("untilDate"), CustomerCli::date(until)}},
            text);
        return 0;
    }

    static int assignments(CliContext& ctx, const QString& number)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto entries = core->customers().ownership().assignments(*session, number);
        if (!entries.ok())
            return ctx.out.fail(entries.error());
        QJsonArray rows;
        QString text;
        for (const AssignmentEntry& a : *entries) {
            rows.append(QJsonObject {{QStringLiteral("at"), CustomerCli::time(a.at)}, {QStringLiteral("kind"), a.kind},
                {QStringLiteral("fromLogin"), a.fromLogin}, {QStringLiteral("toLogin"), a.toLogin},
                {QStringLiteral("until"), CustomerCli::time(a.until)}, {QStringLiteral("byLogin"), a.byLogin},
                {QStringLiteral("reason"), a.reason}});
            text += QStringLiteral("%1  %2  %3 -> %4  %5  %6  %7\n")
                        .arg(CustomerCli::timeText(a.at), -20)
                        .arg(a.kind, -11)
                        .arg(CustomerCli::dash(a.fromLogin))
                        .arg(CustomerCli::dash(a.toLogin), -16)
                        .arg(a.until.isValid() ? tr("until %1").arg(CustomerCli::timeText(a.until)) : QString(), -26)
                        .arg(CustomerCli::dash(a.byLogin), -16)
                        .arg(CustomerCli::oneLine(a.reason));
        }
        if (entries->isEmpty())
            text = tr("Customer %1 has no assignments on record.").arg(number);
        ctx.out.result({{QStringLiteral("customerNo"), number}, {QStringLiteral("assignments"), rows}}, text);
        return 0;
    }
};

} // namespace

bool isCustomerRecordCommand(const QString& sub)
{
    static const QStringList others {QStringLiteral("import"), QStringLiteral("history"), QStringLiteral("close"),
        QStringLiteral("report"), QStringLiteral("assignments")};
    return others.contains(sub) || kOwnership.contains(sub);
}

int runCustomerRecordCommand(CliContext& ctx, const QString& sub)
{
    if (sub == QLatin1String("import"))
        return CustomerRecordCommands::import(ctx);
    auto number = CustomerCli::customerNumber(ctx, QStringLiteral("customer ") + sub);
    if (!number.ok())
        return ctx.out.fail(number.error());
    BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
    if (sub == QLatin1String("history"))
        return CustomerRecordCommands::history(ctx, *number);
    if (sub == QLatin1String("close"))
        return CustomerRecordCommands::close(ctx, *number);
    if (sub == QLatin1String("report"))
        return CustomerRecordCommands::report(ctx, *number);
    if (sub == QLatin1String("assignments"))
        return CustomerRecordCommands::assignments(ctx, *number);
    return CustomerRecordCommands::ownership(ctx, sub, *number);
}

} // namespace bv::cli
