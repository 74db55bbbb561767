// report list|run|reprint: controlled reports (DESIGN §8). A report holding grade-1 values is only ever
// written as a controlled PDF (registered, marked, audited); other reports can also be shown as text or
// JSON on stdout.
#include "app/cli/Cli.h"
#include "core/Core.h"
#include "core/auth/Session.h"
#include "core/reports/ReportService.h"
#include "render/ControlledPrint.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

class ReportCommands
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommands)
public:
    static QString kindKey(ReportParameterSpec::Kind kind)
    {
        switch (kind) {
        case ReportParameterSpec::Kind::Text:
            return QStringLiteral("text");
        case ReportParameterSpec::Kind::Date:
            return QStringLiteral("date");
        case ReportParameterSpec::Kind::Month:
            return QStringLiteral("month");
        case ReportParameterSpec::Kind::Integer:
            return QStringLiteral("integer");
        case ReportParameterSpec::Kind::Boolean:
            return QStringLiteral("boolean");
        case ReportParameterSpec::Kind::CustomerNumber:
            return QStringLiteral("customer");
        case ReportParameterSpec::Kind::Login:
            return QStringLiteral("login");
        }
        return QString();
    }

    static int list(CliContext& ctx)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto reports = core->reports().catalogue(*session);
        if (!reports.ok())
            return ctx.out.fail(reports.error());
        QJsonArray rows;
        QString text;
        for (const ReportInfo& info : *reports) {
            QJsonArray parameters;
            QStringList parameterText;
            for (const ReportParameterSpec& p : info.parameters) {
                parameters.append(QJsonObject {{QStringLiteral("key"), p.key}, {QStringLiteral("label"), p.label},
                    {QStringLiteral("kind"), kindKey(p.kind)}, {QStringLiteral("default"), p.defaultValue},
                    {QStringLiteral("required"), p.required}});
                parameterText << (p.required ? QStringLiteral("%1=%2") : QStringLiteral("[%1=%2]"))
                                     .arg(p.key, p.defaultValue.isEmpty() ? kindKey(p.kind) : p.defaultValue);
            }
            rows.append(QJsonObject {{QStringLiteral("key"), info.key}, {QStringLiteral("title"), info.title},
                {QStringLiteral("description"), info.description},
                {QStringLiteral("mayHoldGrade1"), info.mayHoldGrade1},
                {QStringLiteral("needsCustomer"), info.needsCustomer}, {QStringLiteral("parameters"), parameters}});
            text += QStringLiteral("%1  %2%3\n    %4\n")
                        .arg(info.key, -20)
                        .arg(info.title,
                            parameterText.isEmpty() ? QString() : QStringLiteral("  ") + parameterText.join(u' '),
                            info.description);
        }
        if (reports->isEmpty())
            text = tr("Your role runs no reports.");
        ctx.out.result({{QStringLiteral("reports"), rows}}, text);
        return 0;
    }

    // --param key=value, repeated.
    static Result<ReportRequest> request(const CliContext& ctx, const QString& report)
    {
        ReportRequest request;
        request.report = report;
        for (const QString& item : ctx.parser.values(QStringLiteral("param"))) {
            const qsizetype eq = item.indexOf(u'=');
            if (eq <= 0)
                return makeError(ErrorCode::InvalidInput,
                    tr("--param takes KEY=VALUE (for example --param from=2026-01-01); \"%1\" has no \"=\".")
                        .arg(item.left(40)),
                    QString(), QStringLiteral("param"));
            request.parameters.insert(item.left(eq).trimmed(), item.mid(eq + 1).trimmed());
        }
        return request;
    }

    static QJsonObject toJson(const ReportDocument& d)
    {
        QJsonArray parameters;
        for (const ReportParameter& p : d.parameters)
            parameters.append(QJsonObject {{QStringLiteral("label"), p.label}, {QStringLiteral("value"), p.value}});
        QJsonArray tables;
        for (const ReportTable& t : d.tables) {
            QJsonArray columns;
            for (const ReportColumn& c : t.columns)
                columns.append(c.title);
            QJsonArray rows;
            for (const QStringList& row : t.rows)
                rows.append(QJsonArray::fromStringList(row));
            tables.append(QJsonObject {{QStringLiteral("title"), t.title}, {QStringLiteral("columns"), columns},
                {QStringLiteral("rows"), rows}, {QStringLiteral("totals"), QJsonArray::fromStringList(t.totals)}});
        }
        return QJsonObject {{QStringLiteral("report"), d.reportKey}, {QStringLiteral("title"), d.title},
            {QStringLiteral("subtitle"), d.subtitle}, {QStringLiteral("branch"), d.branch},
            {QStringLiteral("builtBy"), d.builtBy}, {QStringLiteral("builtAt"), d.builtAtText},
            {QStringLiteral("parameters"), parameters},
            {QStringLiteral("paragraphs"), QJsonArray::fromStringList(d.paragraphs)},
            {QStringLiteral("tables"), tables},
            {QStringLiteral("closing"), QJsonArray::fromStringList(d.closingParagraphs)}};
    }

    // The document as plain text: aligned columns, one table after another.
    static QString toText(const ReportDocument& d)
    {
        QString text = d.title + QLatin1Char('\n');
        if (!d.subtitle.isEmpty())
            text += d.subtitle + QLatin1Char('\n');
        text += tr("%1 · %2 · %3").arg(d.branch, d.builtBy, d.builtAtText) + QLatin1Char('\n');
        for (const ReportParameter& p : d.parameters)
            text += QStringLiteral("  %1: %2\n").arg(p.label, p.value);
        for (const QString& paragraph : d.paragraphs)
            text += QLatin1Char('\n') + paragraph + QLatin1Char('\n');
        for (const ReportTable& t : d.tables) {
            text += QLatin1Char('\n');
            if (!t.title.isEmpty())
                text += t.title + QLatin1Char('\n');
            QList<QStringList> lines;
            QStringList header;
            for (const ReportColumn& c : t.columns)
                header << c.title;
            lines << header << t.rows;
            if (!t.totals.isEmpty())
                lines << t.totals;
            QList<int> widths(t.columns.size(), 0);
            for (const QStringList& line : lines) {
                for (int i = 0; i < widths.size(); ++i)
                    widths[i] = std::max(widths[i], displayWidth(line.value(i)));
            }
            for (const QStringList& line : lines) {
                QStringList cells;
                for (int i = 0; i < widths.size(); ++i) {
                    const QString cell = line.value(i);
                    const QString pad(widths[i] - displayWidth(cell), u' ');
                    cells << (t.columns.at(i).numeric ? pad + cell : cell + pad);
                }
                text += QStringLiteral("  ") + cells.join(QStringLiteral("  ")).trimmed() + QLatin1Char('\n');
            }
            if (t.rows.isEmpty() && !t.emptyText.isEmpty())
                text += QStringLiteral("  ") + t.emptyText + QLatin1Char('\n');
        }
        for (const QString& paragraph : d.closingParagraphs)
            text += QLatin1Char('\n') + paragraph + QLatin1Char('\n');
        return text;
    }

    // Columns in a terminal: CJK characters take two.
    static int displayWidth(const QString& text)
    {
        int width = 0;
        for (const QChar c : text)
            width += c.unicode() >= 0x1100
                    && (c.unicode() < 0x1160 || (c.unicode() >= 0x2e80 && c.unicode() < 0xa4d0)
                        || (c.unicode() >= 0xac00 && c.unicode() < 0xd7a4)
                        || (c.unicode() >= 0xf900 && c.unicode() < 0xfb00)
                        || (c.unicode() >= 0xff00 && c.unicode() < 0xff61))
                ? 2
                : 1;
        return width;
    }

    static Result<int> positiveOption(const CliContext& ctx, const QString& name, int fallback, int max)
    {
        if (!ctx.isSet(name))
            return fallback;
        bool ok = false;
        const int value = ctx.option(name).toInt(&ok);
        if (!ok || value < 1 || value > max)
            return makeError(ErrorCode::InvalidInput,
                tr("--%1 must be a whole number from 1 to %2.").arg(name).arg(max), QString(), name);
        return value;
    }

    // The result of a controlled print into a PDF: the serial and the copies.
    static int printed(CliContext& ctx, const QString& path, const Status& status, const PrintJob& job)
    {
        if (!status.ok())
            return ctx.out.fail(status.error());
        QJsonArray copies;
        for (const PrintMarks& marks : job.copies)
            copies.append(QJsonObject {{QStringLiteral("copy"), marks.copy}, {QStringLiteral("label"), marks.copyLabel},
                {QStringLiteral("pages"), int(marks.pageCodes.size())},
                {QStringLiteral("validUntil"), marks.validUntil.toString(Qt::ISODate)}});
        const int pages = job.copies.isEmpty() ? 0 : int(job.copies.constFirst().pageCodes.size());
        ctx.out.result({{QStringLiteral("serial"), job.serial}, {QStringLiteral("file"), path},
                           {QStringLiteral("report"), job.document.reportKey}, {QStringLiteral("copies"), copies}},
            tr("Printed %1 as controlled document %2 (%n pages per copy, %3 copies) to %4. Record in the print "
               "register who receives it (branchvault-cli print-register receive %2).",
                nullptr, pages)
                .arg(job.document.title, job.serial)
                .arg(job.copies.size())
                .arg(path));
        return 0;
    }

    static int run(CliContext& ctx)
    {
        const QString report = ctx.arguments.value(1);
        if (report.isEmpty())
            return Cli::usageError(ctx.out, tr("report run needs the report's key (report list shows them)."));
        auto input = request(ctx, report);
        if (!input.ok())
            return ctx.out.fail(input.error());
        auto copies = positiveOption(ctx, QStringLiteral("copies"), 1, 10);
        if (!copies.ok())
            return ctx.out.fail(copies.error());
        auto period = positiveOption(ctx, QStringLiteral("period-days"), 0, 365);
        if (!period.ok())
            return ctx.out.fail(period.error());
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        ReportService& reports = core->reports();
        const QString pdf = ctx.option(QStringLiteral("pdf"));
        if (!pdf.isEmpty()) {
            const QString path = QFileInfo(pdf).absoluteFilePath();
            PrintJob job;
            const Status status = printControlledPdf(reports, *session, *input, *copies, path, *period, &job);
            return printed(ctx, path, status, job);
        }
        if (ctx.isSet(QStringLiteral("copies")) || ctx.isSet(QStringLiteral("period-days")))
            return Cli::usageError(ctx.out, tr("--copies and --period-days apply to a print: add --pdf FILE."));
        auto document = reports.run(*session, *input);
        if (!document.ok())
            return ctx.out.fail(document.error());
        if (document->highestGrade == 1)
            return ctx.out.fail(makeError(ErrorCode::PermissionDenied,
                tr("The report \"%1\" as asked holds grade-1 values, which are never written to the terminal: "
                   "print it as a controlled PDF with --pdf FILE (it is registered and uses the approval up).")
                    .arg(report)));
        ctx.out.result({{QStringLiteral("document"), toJson(*document)}}, toText(*document));
        return 0;
    }

    static int reprint(CliContext& ctx)
    {
        const QString serial = ctx.arguments.value(1).trimmed().toUpper();
        const QString pdf = ctx.option(QStringLiteral("pdf"));
        if (serial.isEmpty() || pdf.isEmpty())
            return Cli::usageError(ctx.out, tr("report reprint needs the serial of the printout and --pdf FILE."));
        auto copies = positiveOption(ctx, QStringLiteral("copies"), 1, 10);
        if (!copies.ok())
            return ctx.out.fail(copies.error());
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        ReportService& reports = core->reports();
        const QString path = QFileInfo(pdf).absoluteFilePath();
        PrintJob job;
        const Status status = reprintControlledPdf(reports, *session, serial, *copies, path, &job);
        return printed(ctx, path, status, job);
    }

    static int report(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("list"))
            return list(ctx);
        if (sub == QLatin1String("run"))
            return run(ctx);
        if (sub == QLatin1String("reprint"))
            return reprint(ctx);
        return Cli::usageError(ctx.out,
            sub.isEmpty() ? tr("report needs a subcommand: list, run or reprint.")
                          : tr("Unknown report subcommand \"%1\".").arg(sub));
    }
};

} // namespace

void registerReportCommands(CommandTable& table)
{
    table.append({QStringLiteral("report"),
        QStringLiteral("report list | run KEY [--param KEY=VALUE …] [--pdf FILE [--copies N] [--period-days N]] | "
                       "reprint SERIAL --pdf FILE [--copies N]   (--user LOGIN)"),
        ReportCommands::report});
}

} // namespace bv::cli
