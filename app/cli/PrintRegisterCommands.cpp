// print-register list|alerts|verify|receive|handover|lend|return|destroy|trace: the register of controlled
// printouts (DESIGN §8), from print to destruction. Passwords of the second person (who signs for a copy, the
// witness of a destruction) are read from standard input after the signed-in user's own.
#include "app/cli/Cli.h"
#include "app/cli/CliInput.h"
#include "core/Core.h"
#include "core/auth/Session.h"
#include "core/reports/PrintRegister.h"
#include "render/PageCodes.h"

#include <QImage>
#include <QImageReader>
#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

class PrintRegisterCommands
{
    Q_DECLARE_TR_FUNCTIONS(PrintRegisterCommands)
public:
    static QJsonValue time(const QDateTime& at)
    {
        return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
    }

    static QString stateKey(PrintCopyState state)
    {
        switch (state) {
        case PrintCopyState::Printing:
            return QStringLiteral("printing");
        case PrintCopyState::Failed:
            return QStringLiteral("failed");
        case PrintCopyState::Printed:
            return QStringLiteral("printed");
        case PrintCopyState::Received:
            return QStringLiteral("received");
        case PrintCopyState::HandedOver:
            return QStringLiteral("handed_over");
        case PrintCopyState::Lent:
            return QStringLiteral("lent");
        case PrintCopyState::Destroyed:
            return QStringLiteral("destroyed");
        }
        return QString();
    }

    static QJsonObject toJson(const PrintCopy& c)
    {
        QJsonArray events;
        for (const PrintEvent& e : c.events)
            events.append(QJsonObject {{QStringLiteral("kind"), PrintRegister::eventKey(e.kind)},
                {QStringLiteral("at"), time(e.atUtc)}, {QStringLiteral("by"), e.by},
                {QStringLiteral("person"), e.person}, {QStringLiteral("due"), time(e.dueUtc)},
                {QStringLiteral("note"), e.note}});
        return QJsonObject {{QStringLiteral("serial"), c.serial}, {QStringLiteral("copy"), c.copy},
            {QStringLiteral("report"), c.report}, {QStringLiteral("title"), c.title},
            {QStringLiteral("parameters"), c.parameters}, {QStringLiteral("holdsGrade1"), c.holdsGrade1},
            {QStringLiteral("medium"),
                c.medium == PrintMedium::Pdf ? QStringLiteral("pdf") : QStringLiteral("printer")},
            {QStringLiteral("printedBy"), c.printedBy}, {QStringLiteral("approvedBy"), c.approvedBy},
            {QStringLiteral("request"), c.requestId}, {QStringLiteral("printedAt"), time(c.printedAtUtc)},
            {QStringLiteral("validUntil"), c.validUntil.toString(Qt::ISODate)}, {QStringLiteral("pages"), c.pages},
            {QStringLiteral("state"), stateKey(c.state)}, {QStringLiteral("holder"), c.holder},
            {QStringLiteral("lentUntil"), time(c.lentUntilUtc)}, {QStringLiteral("overdue"), c.overdue},
            {QStringLiteral("pastPeriod"), c.pastPeriod}, {QStringLiteral("events"), events}};
    }

    static QString line(const PrintCopy& c)
    {
        QString flags;
        if (c.overdue)
            flags += QLatin1Char(' ') + tr("[lending overdue]");
        if (c.pastPeriod)
            flags += QLatin1Char(' ') + tr("[past its period of use]");
        return QStringLiteral("%1/%2  %3  %4  %5  %6  %7%8")
            .arg(c.serial)
            .arg(c.copy)
            .arg(c.report, -18)
            .arg(c.printedBy, -12)
            .arg(c.validUntil.toString(Qt::ISODate), -10)
            .arg(PrintRegister::stateLabel(c.state), c.holder, flags);
    }

    // "PR-2026-000001/2" or "PR-2026-000001" (copy 1).
    static bool serialAndCopy(const QString& text, QString* serial, int* copy)
    {
        const QString trimmed = text.trimmed().toUpper();
        const qsizetype slash = trimmed.indexOf(u'/');
        *serial = slash < 0 ? trimmed : trimmed.left(slash);
        *copy = 1;
        if (slash >= 0) {
            bool ok = false;
            *copy = trimmed.mid(slash + 1).toInt(&ok);
            if (!ok || *copy < 1)
                return false;
        }
        return !serial->isEmpty();
    }

    static int list(CliContext& ctx, bool alertsOnly)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        PrintRegister& reg = core->printRegister();
        if (alertsOnly) {
            auto alerts = reg.alerts(*session);
            if (!alerts.ok())
                return ctx.out.fail(alerts.error());
            QJsonArray rows;
            QString text;
            for (const PrintAlert& a : *alerts) {
                const char* kind = a.kind == PrintAlert::Kind::OverdueLending ? "overdue_lending"
                    : a.kind == PrintAlert::Kind::PastPeriodOfUse             ? "past_period_of_use"
                                                                              : "unfinished_print";
                rows.append(QJsonObject {{QStringLiteral("kind"), QString::fromLatin1(kind)},
                    {QStringLiteral("serial"), a.serial}, {QStringLiteral("copy"), a.copy},
                    {QStringLiteral("since"), time(a.sinceUtc)}, {QStringLiteral("message"), a.message}});
                text += QStringLiteral("%1/%2  %3\n").arg(a.serial).arg(a.copy).arg(a.message);
            }
            if (alerts->isEmpty())
                text = tr("No print register alerts.");
            ctx.out.result({{QStringLiteral("alerts"), rows}}, text);
            return 0;
        }
        PrintRegisterFilter filter;
        filter.openOnly = !ctx.isSet(QStringLiteral("all"));
        filter.serial = ctx.option(QStringLiteral("serial")).trimmed().toUpper();
        auto copies = reg.list(*session, filter);
        if (!copies.ok())
            return ctx.out.fail(copies.error());
        QJsonArray rows;
        QString text;
        for (const PrintCopy& c : *copies) {
            rows.append(toJson(c));
            text += line(c) + QLatin1Char('\n');
        }
        if (copies->isEmpty())
            text = filter.openOnly ? tr("No printouts in circulation (--all lists destroyed ones too).")
                                   : tr("The print register is empty.");
        ctx.out.result({{QStringLiteral("copies"), rows}}, text);
        return 0;
    }

    static int verify(CliContext& ctx)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        BV_CLI_TRY(core->printRegister().verify(*session));
        ctx.out.result(
            {{QStringLiteral("intact"), true}}, tr("The print register is intact: every row matches its hash chain."));
        return 0;
    }

    // receive, handover, lend, return, destroy: one lifecycle event on one copy.
    static int event(CliContext& ctx, const QString& sub)
    {
        QString serial;
        int copy = 1;
        if (!serialAndCopy(ctx.arguments.value(1), &serial, &copy))
            return Cli::usageError(ctx.out,
                tr("print-register %1 needs the printout's serial, with /N for copy N (PR-2026-000001/2).").arg(sub));
        const QString login = ctx.option(QStringLiteral("login")).trimmed();
        const QString witness = ctx.option(QStringLiteral("witness")).trimmed();
        const QString borrower = ctx.option(QStringLiteral("to")).trimmed();
        if (sub == QLatin1String("receive") && login.isEmpty())
            return Cli::usageError(ctx.out,
                tr("print-register receive needs --login LOGIN: the staff member who receives the printout "
                   "(their password is read from standard input after yours)."));
        if (sub == QLatin1String("destroy")
            && (witness.isEmpty() || ctx.option(QStringLiteral("method")).trimmed().isEmpty()))
            return Cli::usageError(ctx.out,
                tr("print-register destroy needs --witness LOGIN (a branch manager or auditor who watches; their "
                   "password is read from standard input after yours) and --method TEXT (shredded, ...)."));
        int days = 0;
        if (sub == QLatin1String("lend")) {
            bool ok = false;
            days = ctx.option(QStringLiteral("days")).toInt(&ok);
            if (borrower.isEmpty() || !ok || days < 1)
                return Cli::usageError(
                    ctx.out, tr("print-register lend needs --to NAME (who borrows it) and --days N (at most 3)."));
        }
        auto note = Cli::freeText(ctx, QStringLiteral("reason"), ctx.option(QStringLiteral("reason")));
        if (!note.ok())
            return ctx.out.fail(note.error());
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        PrintRegister& reg = core->printRegister();
        const QDateTime due = core->clock().nowUtc().addDays(days);
        Status done;
        QString text;
        if (sub == QLatin1String("receive")) {
            auto password = CliInput::readSecret(tr("Password of %1, who receives the printout").arg(login));
            if (!password.ok())
                return ctx.out.fail(password.error());
            done = reg.receive(*session, serial, copy, login, *password, ctx.option(QStringLiteral("person-totp")));
            text = tr("Copy %1 of %2 was signed for by %3.").arg(copy).arg(serial, login);
        } else if (sub == QLatin1String("handover")) {
            done = reg.handOver(*session, serial, copy, *note);
            text = tr("Copy %1 of %2 was recorded as handed to the customer it is about.").arg(copy).arg(serial);
        } else if (sub == QLatin1String("lend")) {
            done = reg.lend(*session, serial, copy, borrower, due, *note);
            text = tr("Copy %1 of %2 was lent to %3 until %4 (UTC).")
                       .arg(copy)
                       .arg(serial, borrower, due.toString(Qt::ISODate));
        } else if (sub == QLatin1String("return")) {
            done = reg.giveBack(*session, serial, copy, *note);
            text = tr("Copy %1 of %2 was returned.").arg(copy).arg(serial);
        } else {
            auto password = CliInput::readSecret(tr("Password of %1, the witness").arg(witness));
            if (!password.ok())
                return ctx.out.fail(password.error());
            done = reg.destroy(*session, serial, copy, witness, *password, ctx.option(QStringLiteral("method")),
                ctx.option(QStringLiteral("person-totp")));
            text = tr("Copy %1 of %2 was recorded as destroyed, witnessed by %3.").arg(copy).arg(serial, witness);
        }
        if (!done.ok())
            return ctx.out.fail(done.error());
        auto now = reg.copy(*session, serial, copy);
        QJsonObject result {{QStringLiteral("serial"), serial}, {QStringLiteral("copy"), copy}};
        if (now.ok())
            result.insert(QStringLiteral("entry"), toJson(*now));
        ctx.out.result(result, text);
        return 0;
    }

    static QString verdictKey(PrintTrace::Verdict verdict)
    {
        switch (verdict) {
        case PrintTrace::Verdict::Genuine:
            return QStringLiteral("genuine");
        case PrintTrace::Verdict::UnknownSerial:
            return QStringLiteral("unknown_serial");
        case PrintTrace::Verdict::MacMismatch:
            return QStringLiteral("mac_mismatch");
        case PrintTrace::Verdict::NotBranchVault:
            return QStringLiteral("not_branchvault");
        }
        return QString();
    }

    static int trace(CliContext& ctx)
    {
        QStringList inputs;
        const QString image = ctx.option(QStringLiteral("image"));
        if (!image.isEmpty()) {
            QImageReader reader(image);
            reader.setAutoTransform(true);
            const QImage picture = reader.read();
            if (picture.isNull())
                return ctx.out.fail(makeError(ErrorCode::InvalidInput,
                    tr("The image could not be read (%1). Give a PNG or JPEG scan or photo of one page.")
                        .arg(reader.errorString()),
                    QString(), QStringLiteral("image")));
            inputs = decodeQrCodes(picture);
            if (inputs.isEmpty())
                return ctx.out.fail(makeError(ErrorCode::NotFound,
                    tr("No QR code was found in the image. Scan or photograph the page's corner with the code "
                       "again, straight on and in focus, or type the serial printed on the page.")));
        } else {
            inputs << ctx.arguments.mid(1).join(u' ');
            if (inputs.constFirst().trimmed().isEmpty())
                return Cli::usageError(
                    ctx.out, tr("print-register trace needs a serial (PR-2026-000001), a page code, or --image FILE."));
        }
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        QJsonArray traces;
        QString text;
        for (const QString& input : inputs) {
            auto found = core->printRegister().trace(*session, input);
            if (!found.ok())
                return ctx.out.fail(found.error());
            QJsonObject entry {{QStringLiteral("verdict"), verdictKey(found->verdict)},
                {QStringLiteral("page"), found->page}, {QStringLiteral("message"), found->message}};
            if (!found->copy.serial.isEmpty())
                entry.insert(QStringLiteral("entry"), toJson(found->copy));
            traces.append(entry);
            text += found->message + QLatin1Char('\n');
            if (!found->copy.serial.isEmpty()) {
                text += QStringLiteral("  ") + line(found->copy) + QLatin1Char('\n');
                for (const PrintEvent& e : found->copy.events)
                    text += QStringLiteral("    %1  %2  %3  %4 %5\n")
                                .arg(e.atUtc.toUTC().toString(Qt::ISODate), PrintRegister::eventLabel(e.kind), e.by,
                                    e.person, e.note);
            }
        }
        ctx.out.result({{QStringLiteral("traces"), traces}}, text.trimmed());
        return 0;
    }

    static int dispatch(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("list"))
            return list(ctx, false);
        if (sub == QLatin1String("alerts"))
            return list(ctx, true);
        if (sub == QLatin1String("verify"))
            return verify(ctx);
        if (sub == QLatin1String("trace"))
            return trace(ctx);
        const QStringList events {QStringLiteral("receive"), QStringLiteral("handover"), QStringLiteral("lend"),
            QStringLiteral("return"), QStringLiteral("destroy")};
        if (events.contains(sub))
            return event(ctx, sub);
        return Cli::usageError(ctx.out,
            sub.isEmpty() ? tr("print-register needs a subcommand: list, alerts, verify, receive, handover, lend, "
                               "return, destroy or trace.")
                          : tr("Unknown print-register subcommand \"%1\".").arg(sub));
    }
};

} // namespace

void registerPrintRegisterCommands(CommandTable& table)
{
    table.append({QStringLiteral("print-register"),
        QStringLiteral("print-register list [--all] [--serial S] | alerts | verify | receive SERIAL[/N] --login L "
                       "[--person-totp CODE] | "
                       "handover SERIAL[/N] | lend SERIAL[/N] --to NAME --days N | return SERIAL[/N] | destroy "
                       "SERIAL[/N] --witness L --method TEXT [--person-totp CODE] | trace SERIAL|CODE | trace --image "
                       "FILE   (--user LOGIN)"),
        PrintRegisterCommands::dispatch});
}

} // namespace bv::cli
