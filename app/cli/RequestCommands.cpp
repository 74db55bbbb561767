// request create|list|show|approve|reject|revoke|withdraw: special requests (专项事务申请, DESIGN §5).
#include "app/cli/Cli.h"
#include "core/Core.h"
#include "core/requests/RequestService.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

class RequestCommands
{
    Q_DECLARE_TR_FUNCTIONS(RequestCommands)
public:
    static QJsonValue time(const QDateTime& at)
    {
        return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
    }

    static QJsonObject toJson(const Request& r)
    {
        QJsonArray customerIds;
        for (qint64 id : r.customerIds)
            customerIds.append(id);
        return QJsonObject {{QStringLiteral("id"), r.id}, {QStringLiteral("requesterId"), r.requesterId},
            {QStringLiteral("requesterLogin"), r.requesterLogin}, {QStringLiteral("type"), requestTypeKey(r.type)},
            {QStringLiteral("customerIds"), customerIds},
            {QStringLiteral("customerNumbers"), QJsonArray::fromStringList(r.customerNumbers)},
            {QStringLiteral("fields"), QJsonArray::fromStringList(r.fields)}, {QStringLiteral("report"), r.report},
            {QStringLiteral("purpose"), r.purpose}, {QStringLiteral("validityHours"), r.validityHours},
            {QStringLiteral("status"), statusKey(r.status)}, {QStringLiteral("createdAt"), time(r.createdAt)},
            {QStringLiteral("decidedBy"), r.decidedBy}, {QStringLiteral("decidedByLogin"), r.decidedByLogin},
            {QStringLiteral("decidedAt"), time(r.decidedAt)}, {QStringLiteral("decisionReason"), r.decisionReason},
            {QStringLiteral("validFrom"), time(r.validFrom)}, {QStringLiteral("validUntil"), time(r.validUntil)},
            {QStringLiteral("usedAt"), time(r.usedAt)}, {QStringLiteral("revokedBy"), r.revokedBy},
            {QStringLiteral("revokedByLogin"), r.revokedByLogin}, {QStringLiteral("revokedAt"), time(r.revokedAt)},
            {QStringLiteral("revokeReason"), r.revokeReason}};
    }

    // What the request covers, for one line of text: customers and fields, or the report.
    static QString scopeText(const Request& r)
    {
        QStringList parts;
        if (!r.customerNumbers.isEmpty())
            parts << r.customerNumbers.join(QLatin1Char(','));
        if (!r.fields.isEmpty())
            parts << r.fields.join(QLatin1Char(','));
        if (!r.report.isEmpty())
            parts << r.report;
        return parts.isEmpty() ? QStringLiteral("-") : parts.join(QLatin1Char(' '));
    }

    static QString line(const Request& r)
    {
        return QStringLiteral("%1  %2  %3  %4  %5  %6  %7")
            .arg(r.id, 5)
            .arg(requestTypeKey(r.type), -17)
            .arg(statusKey(r.status), -9)
            .arg(r.requesterLogin, -16)
            .arg(r.validUntil.isValid() ? r.validUntil.toUTC().toString(Qt::ISODate) : QStringLiteral("-"), -20)
            .arg(scopeText(r), r.purpose.simplified());
    }

    // Comma-separated values of every occurrence of an option, trimmed, without blanks.
    static QStringList listOption(const CliContext& ctx, const QString& name)
    {
        QStringList out;
        for (const QString& value : ctx.parser.values(name)) {
            for (const QString& item : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (!item.trimmed().isEmpty())
                    out << item.trimmed();
            }
        }
        return out;
    }

    static std::optional<qint64> requestId(const QString& text)
    {
        bool ok = false;
        const qint64 id = text.toLongLong(&ok);
        if (!ok || id <= 0)
            return std::nullopt;
        return id;
    }

    static int create(CliContext& ctx)
    {
        const auto type = requestTypeFromKey(ctx.option(QStringLiteral("type")));
        if (!type)
            return Cli::usageError(ctx.out, tr("request create needs --type reveal|export|print|restricted_access."));
        const bool days = ctx.isSet(QStringLiteral("days"));
        const bool hours = ctx.isSet(QStringLiteral("hours"));
        if (days == hours)
            return Cli::usageError(ctx.out,
                tr("request create needs the validity: either --days N (1 to 3) or "
                   "--hours N."));
        bool ok = false;
        const int number = ctx.option(days ? QStringLiteral("days") : QStringLiteral("hours")).toInt(&ok);
        if (days && (!ok || number < 1 || number > 3))
            return Cli::usageError(ctx.out, tr("--days must be a whole number of days from 1 to 3."));
        if (hours && (!ok || number < 1))
            return Cli::usageError(ctx.out, tr("--hours must be a whole number of hours, at least 1 (at most 72)."));
        NewRequest input;
        input.type = *type;
        input.customerNumbers = listOption(ctx, QStringLiteral("customer"));
        input.fields = listOption(ctx, QStringLiteral("fields"));
        input.report = ctx.option(QStringLiteral("report"));
        auto purpose = Cli::freeText(ctx, QStringLiteral("purpose"), ctx.option(QStringLiteral("purpose")));
        if (!purpose.ok())
            return ctx.out.fail(purpose.error());
        input.purpose = *purpose;
        input.validityHours = days ? number * 24 : number;

        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto created = core->requests().create(*session, input);
        if (!created.ok())
            return ctx.out.fail(created.error());
        ctx.out.result({{QStringLiteral("id"), created->id}, {QStringLiteral("request"), toJson(*created)}},
            tr("Request %1 was filed (%2: %3, valid for %n hours once approved). It is pending until "
               "a branch manager decides it.",
                nullptr, created->validityHours)
                .arg(created->id)
                .arg(requestTypeKey(created->type), scopeText(*created)));
        return 0;
    }

    static int list(CliContext& ctx)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto requests = core->requests().list(*session, ctx.isSet(QStringLiteral("open")));
        if (!requests.ok())
            return ctx.out.fail(requests.error());
        QJsonArray rows;
        QString text;
        for (const Request& r : *requests) {
            rows.append(toJson(r));
            text += line(r) + QLatin1Char('\n');
        }
        if (requests->isEmpty())
            text = ctx.isSet(QStringLiteral("open")) ? tr("No open requests.") : tr("No requests.");
        ctx.out.result({{QStringLiteral("requests"), rows}}, text);
        return 0;
    }

    static int show(CliContext& ctx, qint64 id)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto request = core->requests().get(*session, id);
        if (!request.ok())
            return ctx.out.fail(request.error());
        ctx.out.result({{QStringLiteral("request"), toJson(*request)}}, line(*request));
        return 0;
    }

    // approve, reject, revoke, withdraw: one decision on one request.
    static int decide(CliContext& ctx, const QString& sub, qint64 id)
    {
        const QString reason = ctx.option(QStringLiteral("reason"));
        if (sub == QLatin1String("approve") && reason.trimmed().isEmpty())
            return Cli::usageError(
                ctx.out, tr("request approve needs --reason TEXT: what you checked before approving."));
        if ((sub == QLatin1String("reject") || sub == QLatin1String("revoke")) && reason.trimmed().isEmpty())
            return Cli::usageError(ctx.out, tr("request %1 needs --reason TEXT: the requester is told why.").arg(sub));
        if (sub == QLatin1String("withdraw") && ctx.isSet(QStringLiteral("reason")))
            return Cli::usageError(ctx.out, tr("request withdraw takes no --reason."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        RequestService& requests = core->requests();
        Status done;
        if (sub == QLatin1String("approve"))
            done = requests.approve(*session, id, reason);
        else if (sub == QLatin1String("reject"))
            done = requests.reject(*session, id, reason);
        else if (sub == QLatin1String("revoke"))
            done = requests.revoke(*session, id, reason);
        else
            done = requests.withdraw(*session, id);
        if (!done.ok())
            return ctx.out.fail(done.error());
        // The request as it is now (the decider may read it: the manager reads every request, the
        // requester the own ones).
        auto now = requests.get(*session, id);
        if (!now.ok())
            return ctx.out.fail(now.error());
        QString text;
        if (now->status == RequestStatus::Approved)
            text = tr("Request %1 was approved; the grant is valid until %2 (UTC).")
                       .arg(id)
                       .arg(now->validUntil.toUTC().toString(Qt::ISODate));
        else if (now->status == RequestStatus::Rejected)
            text = tr("Request %1 was rejected.").arg(id);
        else if (now->status == RequestStatus::Revoked)
            text = tr("Request %1 was revoked; the grant no longer works.").arg(id);
        else
            text = tr("Request %1 was withdrawn.").arg(id);
        ctx.out.result({{QStringLiteral("id"), id}, {QStringLiteral("status"), statusKey(now->status)},
                           {QStringLiteral("request"), toJson(*now)}},
            text);
        return 0;
    }

    static int request(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("create"))
            return create(ctx);
        if (sub == QLatin1String("list"))
            return list(ctx);
        const QStringList withId {QStringLiteral("show"), QStringLiteral("approve"), QStringLiteral("reject"),
            QStringLiteral("revoke"), QStringLiteral("withdraw")};
        if (!withId.contains(sub))
            return Cli::usageError(ctx.out,
                sub.isEmpty() ? tr("request needs a subcommand: create, list, show, approve, "
                                   "reject, revoke or withdraw.")
                              : tr("Unknown request subcommand \"%1\".").arg(sub));
        const auto id = requestId(ctx.arguments.value(1));
        if (!id)
            return Cli::usageError(
                ctx.out, tr("request %1 needs the number of the request (request list shows it).").arg(sub));
        if (sub == QLatin1String("show"))
            return show(ctx, *id);
        return decide(ctx, sub, *id);
    }
};

} // namespace

void registerRequestCommands(CommandTable& table)
{
    table.append({QStringLiteral("request"),
        QStringLiteral("request create --type TYPE [--customer NO,…] [--fields F,…] [--report KEY] --purpose "
                       "TEXT --days N | list [--open] | show ID | approve ID --reason TEXT | reject ID "
                       "--reason TEXT | revoke ID --reason TEXT | withdraw ID   (--user LOGIN)"),
        RequestCommands::request});
}

} // namespace bv::cli
