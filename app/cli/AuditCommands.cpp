// audit verify|checkpoint|list|export|alerts|purge: the security auditor's commands (DESIGN §7).
#include "app/cli/AuditCliSupport.h"
#include "app/cli/Cli.h"
#include "app/cli/CustomerCliSupport.h"
#include "core/Core.h"
#include "core/audit/AuditRecords.h"
#include "core/audit/AuditService.h"
#include "core/audit/AuditWording.h"
#include "core/common/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv::cli {

namespace {

class AuditCommands
{
    Q_DECLARE_TR_FUNCTIONS(AuditCommands)
public:
    static constexpr int kDefaultAlertDays = 30;

    // The period options; a missing one stays invalid (no bound).
    static Status readPeriod(const CliContext& ctx, QDateTime* since, QDateTime* until)
    {
        for (const auto& [name, target] :
            {std::pair {QStringLiteral("since"), since}, std::pair {QStringLiteral("until"), until}}) {
            if (!ctx.isSet(name))
                continue;
            auto parsed = CustomerCli::parseTime(name, ctx.option(name));
            if (!parsed.ok())
                return parsed.error();
            *target = *parsed;
        }
        if (since->isValid() && until->isValid() && *since >= *until)
            return makeError(ErrorCode::InvalidInput,
                tr("--since must be before --until (--until is exclusive: --since 2026-03-01 --until "
                   "2026-03-02 covers 1 March, branch time)."),
                QString(), QStringLiteral("until"));
        return {};
    }

    // The filters of audit list and audit export. The user filter is --login, or a second --user (the
    // first --user is the auditor who signs in).
    static Result<AuditFilter> readFilter(const CliContext& ctx)
    {
        AuditFilter filter;
        BV_TRY(readPeriod(ctx, &filter.since, &filter.until));
        const QStringList users = ctx.parser.values(QStringLiteral("user"));
        if (users.size() > 2)
            return makeError(ErrorCode::InvalidInput,
                tr("Give --user at most twice: first the auditor who signs in, then the login to filter "
                   "by (or use --login LOGIN for the filter)."),
                QString(), QStringLiteral("user"));
        const QString login = ctx.option(QStringLiteral("login")).trimmed();
        const QString secondUser = users.value(1).trimmed();
        if (!login.isEmpty() && !secondUser.isEmpty() && login.compare(secondUser, Qt::CaseInsensitive) != 0)
            return makeError(ErrorCode::InvalidInput,
                tr("The login to filter by is given twice and differently (--login %1, second --user "
                   "%2). Give it once.")
                    .arg(login, secondUser),
                QString(), QStringLiteral("login"));
        filter.login = login.isEmpty() ? secondUser : login;
        filter.action = ctx.option(QStringLiteral("action")).trimmed();
        filter.customerNo = ctx.option(QStringLiteral("customer")).trimmed().toUpper();
        if (ctx.isSet(QStringLiteral("outcome"))) {
            filter.outcome = ctx.option(QStringLiteral("outcome")).trimmed().toLower();
            const QStringList outcomes {auditOutcomeKey(AuditOutcome::Ok), auditOutcomeKey(AuditOutcome::Denied),
                auditOutcomeKey(AuditOutcome::Failed)};
            if (!outcomes.contains(filter.outcome))
                return makeError(ErrorCode::InvalidInput,
                    tr("--outcome must be one of %1.").arg(outcomes.join(QStringLiteral(", "))), QString(),
                    QStringLiteral("outcome"));
        }
        if (ctx.isSet(QStringLiteral("after"))) {
            bool ok = false;
            filter.afterSeq = ctx.option(QStringLiteral("after")).toLongLong(&ok);
            if (!ok || filter.afterSeq < 0)
                return makeError(ErrorCode::InvalidInput,
                    tr("--after must be a row number (0 or more): the list continues after that row."), QString(),
                    QStringLiteral("after"));
        }
        if (ctx.isSet(QStringLiteral("limit"))) {
            bool ok = false;
            filter.limit = ctx.option(QStringLiteral("limit")).toInt(&ok);
            if (!ok || filter.limit < 1 || filter.limit > 100000)
                return makeError(ErrorCode::InvalidInput, tr("--limit must be a number of rows from 1 to 100000."),
                    QString(), QStringLiteral("limit"));
        }
        return filter;
    }

    // Refuses an output file that exists or whose folder does not, before anyone signs in.
    static Status checkNewFile(const QString& path, const QString& command)
    {
        if (path.trimmed().isEmpty())
            return makeError(
                ErrorCode::InvalidInput, tr("%1 needs --out FILE.").arg(command), QString(), QStringLiteral("out"));
        return AtomicFile::checkNew(path, QStringLiteral("out"));
    }

    static QJsonObject toJson(const AuditRow& row)
    {
        const QJsonDocument details = QJsonDocument::fromJson(row.details.toUtf8());
        return QJsonObject {{QStringLiteral("seq"), row.seq}, {QStringLiteral("at"), CustomerCli::iso(row.at)},
            {QStringLiteral("workstation"), row.workstation}, {QStringLiteral("userId"), row.userId},
            {QStringLiteral("login"), row.login}, {QStringLiteral("role"), row.role},
            {QStringLiteral("action"), row.action}, {QStringLiteral("objectType"), row.objectType},
            {QStringLiteral("objectId"), row.objectId}, {QStringLiteral("customerNo"), row.customerNo},
            {QStringLiteral("outcome"), row.outcome},
            {QStringLiteral("details"), details.isObject() ? QJsonValue(details.object()) : QJsonValue(row.details)},
            {QStringLiteral("prevHash"), QString::fromLatin1(row.prevHash.toHex())},
            {QStringLiteral("hash"), QString::fromLatin1(row.hash.toHex())}};
    }

    static QString line(const AuditRow& row)
    {
        QString object = row.objectType;
        if (!row.objectId.isEmpty())
            object += QLatin1Char(':') + row.objectId;
        return QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9")
            .arg(row.seq, 6)
            .arg(row.at.toUTC().toString(Qt::ISODate), -20)
            .arg(CustomerCli::dash(row.login), -16)
            .arg(CustomerCli::dash(row.role), -16)
            .arg(row.action, -24)
            .arg(CustomerCli::dash(object), -20)
            .arg(CustomerCli::dash(row.customerNo), -10)
            .arg(row.outcome, -6)
            .arg(row.details);
    }

    static QJsonObject toJson(const AuditAlert& alert)
    {
        QJsonArray seqs;
        for (qint64 seq : alert.seqs)
            seqs.append(seq);
        return QJsonObject {{QStringLiteral("kind"), alert.kind}, {QStringLiteral("login"), alert.login},
            {QStringLiteral("otherLogin"), alert.otherLogin}, {QStringLiteral("customerNo"), alert.customerNo},
            {QStringLiteral("from"), CustomerCli::iso(alert.from)}, {QStringLiteral("to"), CustomerCli::iso(alert.to)},
            {QStringLiteral("count"), alert.count}, {QStringLiteral("description"), alert.description},
            {QStringLiteral("seqs"), seqs}};
    }

    static QJsonObject toJson(const AuditVerification& v)
    {
        return QJsonObject {{QStringLiteral("intact"), v.ok()}, {QStringLiteral("rowsChecked"), v.rowsChecked},
            {QStringLiteral("firstBrokenSeq"), v.firstBrokenSeq}, {QStringLiteral("problem"), v.problem},
            {QStringLiteral("firstSeq"), v.firstSeq}, {QStringLiteral("headSeq"), v.headSeq},
            {QStringLiteral("headHash"), QString::fromLatin1(v.headHash.toHex())}};
    }

    static int verify(CliContext& ctx)
    {
        QString checkpointText;
        const bool withCheckpoint = ctx.isSet(QStringLiteral("checkpoint"));
        const QString checkpointPath = ctx.option(QStringLiteral("checkpoint"));
        if (withCheckpoint) {
            auto read = AuditCli::readCheckpoint(checkpointPath);
            if (!read.ok())
                return ctx.out.fail(read.error());
            checkpointText = *read;
        }
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto verification
            = withCheckpoint ? core->audit().verifyAgainst(*session, checkpointText) : core->audit().verify(*session);
        if (!verification.ok())
            return ctx.out.fail(verification.error());
        const AuditVerification& v = *verification;
        if (!v.ok()) {
            const QString message = v.firstBrokenSeq > 0
                ? tr("The audit log is broken at row %1: %2. Keep the database file as it is for the investigation "
                     "and report it to the information-security office.")
                      .arg(v.firstBrokenSeq)
                      .arg(v.problem)
                : tr("The audit log does not match the checkpoint: %1. Check that the checkpoint belongs to this "
                     "database, and report it to the information-security office.")
                      .arg(v.problem);
            return ctx.out.fail(makeError(ErrorCode::Damaged, message));
        }
        QJsonObject json = toJson(v);
        QString text = tr("The audit chain is intact: %n rows checked, up to row %1.", nullptr, int(v.rowsChecked))
                           .arg(v.headSeq);
        if (withCheckpoint) {
            auto parsed = AuditCheckpoint::parse(checkpointText);
            if (parsed.ok()) {
                json.insert(QStringLiteral("checkpoint"),
                    AuditCli::compared(*parsed, QDir::toNativeSeparators(checkpointPath)));
                text += QLatin1Char(' ')
                    + tr("It matches the checkpoint of row %1 taken %2 (UTC).")
                          .arg(parsed->seq)
                          .arg(parsed->created.toUTC().toString(Qt::ISODate));
            }
        }
        ctx.out.result(json, text);
        return 0;
    }

    static int checkpoint(CliContext& ctx)
    {
        if (!ctx.isSet(QStringLiteral("out")))
            return Cli::usageError(ctx.out, tr("audit checkpoint needs --out FILE."));
        const QString path = ctx.option(QStringLiteral("out"));
        BV_CLI_TRY(checkNewFile(path, QStringLiteral("audit checkpoint")));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto text = core->audit().checkpoint(*session);
        if (!text.ok())
            return ctx.out.fail(text.error());
        auto parsed = AuditCheckpoint::parse(*text);
        if (!parsed.ok())
            return ctx.out.fail(parsed.error());
        BV_CLI_TRY(AtomicFile::writeNew(path, QStringLiteral("out"), text->toUtf8()));
        const QString file = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
        ctx.out.result(AuditCli::written(*parsed, file),
            tr("Checkpoint of row %1 written to %2. Print it or keep a copy away from this computer; "
               "audit verify --checkpoint FILE later shows whether the log was rewritten since.")
                .arg(parsed->seq)
                .arg(file));
        return 0;
    }

    static int list(CliContext& ctx)
    {
        auto filter = readFilter(ctx);
        if (!filter.ok())
            return ctx.out.fail(filter.error());
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto rows = core->audit().list(*session, *filter);
        if (!rows.ok())
            return ctx.out.fail(rows.error());
        // Each row also as a sentence in the UI language (AuditWording, as the auditor's log page shows it):
        // people by name and role, customers by number and stored masked name.
        AuditDirectory directory;
        if (auto people = core->audit().people(*session); people.ok())
            directory.setPeople(*people);
        if (auto names = core->audit().maskedCustomerNames(*session, AuditWording::customerNumbersIn(*rows));
            names.ok())
            directory.maskedNames = *names;
        QJsonArray array;
        QString text;
        for (const AuditRow& row : *rows) {
            const QString sentence = AuditWording::sentence(row, directory);
            QJsonObject json = toJson(row);
            json.insert(QStringLiteral("sentence"), sentence);
            array.append(json);
            text += line(row) + QLatin1Char('\n') + QStringLiteral("        ") + sentence + QLatin1Char('\n');
        }
        QJsonObject json {{QStringLiteral("rows"), array}};
        // A full page may have more behind it: the next page starts after its last row.
        const bool full = !rows->isEmpty() && rows->size() >= filter->limit;
        if (full)
            json.insert(QStringLiteral("nextAfter"), rows->constLast().seq);
        if (rows->isEmpty())
            text = tr("No audit rows match.");
        ctx.out.result(json, text);
        if (full)
            ctx.out.progress(tr("More rows may follow: continue with --after %1.").arg(rows->constLast().seq));
        return 0;
    }

    static int exportCsv(CliContext& ctx)
    {
        if (!ctx.isSet(QStringLiteral("out")))
            return Cli::usageError(ctx.out, tr("audit export needs --out FILE.csv."));
        if (ctx.isSet(QStringLiteral("limit")))
            return Cli::usageError(ctx.out,
                tr("audit export writes every matching row; --limit applies to audit list "
                   "only (use --since, --until or --after to narrow the export)."));
        const QString path = ctx.option(QStringLiteral("out"));
        BV_CLI_TRY(checkNewFile(path, QStringLiteral("audit export")));
        auto filter = readFilter(ctx);
        if (!filter.ok())
            return ctx.out.fail(filter.error());
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto written = core->audit().exportCsv(*session, *filter, path);
        if (!written.ok())
            return ctx.out.fail(written.error());
        const QString file = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
        ctx.out.result({{QStringLiteral("file"), file}, {QStringLiteral("rows"), *written}},
            tr("%n audit rows exported to %1 (CSV, UTF-8 with byte order mark).", nullptr, int(*written)).arg(file));
        return 0;
    }

    static int alerts(CliContext& ctx)
    {
        QDateTime since;
        QDateTime until;
        BV_CLI_TRY(readPeriod(ctx, &since, &until));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        if (!until.isValid())
            until = core->clock().nowUtc();
        if (!since.isValid())
            since = until.addDays(-kDefaultAlertDays);
        auto found = core->audit().alerts(*session, since, until);
        if (!found.ok())
            return ctx.out.fail(found.error());
        QJsonArray array;
        QString text;
        for (const AuditAlert& alert : *found) {
            array.append(toJson(alert));
            text += QStringLiteral("%1  %2  %3\n")
                        .arg(alert.kind, -16)
                        .arg(alert.from.toUTC().toString(Qt::ISODate), -20)
                        .arg(alert.description);
        }
        if (found->isEmpty())
            text = tr("No alerts between %1 and %2 (UTC).")
                       .arg(since.toUTC().toString(Qt::ISODate), until.toUTC().toString(Qt::ISODate));
        ctx.out.result({{QStringLiteral("since"), CustomerCli::iso(since)},
                           {QStringLiteral("until"), CustomerCli::iso(until)}, {QStringLiteral("alerts"), array}},
            text);
        return 0;
    }

    static int purge(CliContext& ctx)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto purged = core->audit().purge(*session);
        if (!purged.ok())
            return ctx.out.fail(purged.error());
        const qint64 days = core->audit().retentionDays();
        ctx.out.result(AuditCli::purged(*purged, days), AuditCli::purgedText(*purged, days));
        return 0;
    }

    static int audit(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("verify"))
            return verify(ctx);
        if (sub == QLatin1String("checkpoint"))
            return checkpoint(ctx);
        if (sub == QLatin1String("list"))
            return list(ctx);
        if (sub == QLatin1String("export"))
            return exportCsv(ctx);
        if (sub == QLatin1String("alerts"))
            return alerts(ctx);
        if (sub == QLatin1String("purge"))
            return purge(ctx);
        return Cli::usageError(ctx.out,
            sub.isEmpty() ? tr("audit needs a subcommand: verify, checkpoint, list, "
                               "export, alerts or purge.")
                          : tr("Unknown audit subcommand \"%1\".").arg(sub));
    }
};

} // namespace

void registerAuditCommands(CommandTable& table)
{
    table.append({QStringLiteral("audit"),
        QStringLiteral("audit verify [--checkpoint FILE] | checkpoint --out FILE | list [FILTERS] | export "
                       "--out FILE.csv [FILTERS] | alerts [--since TIME] [--until TIME] | purge   (--user "
                       "AUDITOR; FILTERS: --since --until --login --action --customer --outcome --limit "
                       "--after)"),
        AuditCommands::audit});
}

} // namespace bv::cli
