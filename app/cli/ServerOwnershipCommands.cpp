// server customer assign|transfer|custody|return|reclaim NO and server customer reassignment-list: the branch
// manager's ownership work of DESIGN §6 against the branch server (docs/SERVER.md, "Customer work over the server"),
// with local mode's options and output (customer assign|transfer|custody|return|reclaim, CustomerRecordCommands.cpp).
#include "app/cli/CustomerCliSupport.h"
#include "app/cli/ServerCliSupport.h"
#include "core/policy/Statuses.h"
#include "core/server/ServerOwnership.h"
#include "core/server/ServerSession.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

class ServerOwnershipCommands
{
    Q_DECLARE_TR_FUNCTIONS(ServerOwnershipCommands)
public:
    // server customer KIND NO [--manager LOGIN] [--until-date DATE] [--reason TEXT] --user LOGIN
    static int move(CliContext& ctx, ServerOwnership::Kind kind)
    {
        const QString key = ServerOwnership::kindKey(kind);
        const QString number = ctx.arguments.value(2).trimmed().toUpper();
        const QString manager = ctx.option(QStringLiteral("manager")).trimmed();
        const QString reason = ctx.option(QStringLiteral("reason"));
        // --until-date as in local mode; --until is taken as the same
        const QString untilOption
            = ctx.isSet(QStringLiteral("until-date")) ? QStringLiteral("until-date") : QStringLiteral("until");
        const bool isReturn = kind == ServerOwnership::Kind::Return;
        const bool isCustody = kind == ServerOwnership::Kind::Custody;
        if (number.isEmpty())
            return Cli::usageError(
                ctx.out, tr("server customer %1 needs the customer number (server customer list shows it).").arg(key));
        if (isReturn
            && (ctx.isSet(QStringLiteral("manager")) || ctx.isSet(untilOption) || ctx.isSet(QStringLiteral("reason"))))
            return Cli::usageError(ctx.out,
                tr("server customer return ends a custody early; it takes only the customer number (no --manager, "
                   "--until-date or --reason)."));
        if (!isReturn && manager.isEmpty())
            return Cli::usageError(ctx.out,
                tr("server customer %1 needs --manager LOGIN (the customer manager who takes the customer).").arg(key));
        if (isCustody && !ctx.isSet(untilOption))
            return Cli::usageError(ctx.out,
                tr("server customer custody needs --until-date YYYY-MM-DD: the last day of the custody (branch "
                   "time)."));
        if (!isCustody && ctx.isSet(untilOption))
            return Cli::usageError(ctx.out, tr("--until-date is for server customer custody only."));
        if (ServerOwnership::needsReason(kind) && reason.trimmed().isEmpty())
            return Cli::usageError(
                ctx.out, tr("server customer %1 needs --reason TEXT (for example: staff change, leave).").arg(key));
        QDate until;
        if (isCustody) {
            auto parsed = CustomerCli::parseDate(untilOption, ctx.option(untilOption));
            if (!parsed.ok())
                return ctx.out.fail(parsed.error());
            until = *parsed;
        }
        auto session = serverSignIn(ctx, QStringLiteral("server customer %1").arg(key));
        if (!session.ok())
            return ctx.out.fail(session.error());
        BV_CLI_TRY(ServerOwnership(**session).move(kind, number, manager, until, reason));
        QString text;
        switch (kind) {
        case ServerOwnership::Kind::Assign:
            text = tr("Customer %1 is assigned to %2.").arg(number, manager);
            break;
        case ServerOwnership::Kind::Transfer:
            text = tr("Customer %1 was transferred to %2.").arg(number, manager);
            break;
        case ServerOwnership::Kind::Custody:
            text = tr("Customer %1 is in the custody of %2 until the end of %3 (branch time); then it returns to its "
                      "customer manager by itself.")
                       .arg(number, manager, until.toString(Qt::ISODate));
            break;
        case ServerOwnership::Kind::Return:
            text = tr("The custody of customer %1 ended; the customer is back with its customer manager.").arg(number);
            break;
        case ServerOwnership::Kind::Reclaim:
            text = tr("Customer %1 was reclaimed for %2.").arg(number, manager);
            break;
        }
        ctx.out.result({{QStringLiteral("customerNo"), number}, {QStringLiteral("action"), key},
                           {QStringLiteral("manager"), isReturn ? QJsonValue(QJsonValue::Null) : QJsonValue(manager)},
                           {QStringLiteral("untilDate"), CustomerCli::date(until)}},
            text);
        return 0;
    }

    // server customer reassignment-list --user LOGIN
    static int reassignmentList(CliContext& ctx)
    {
        auto session = serverSignIn(ctx, QStringLiteral("server customer reassignment-list"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto rows = ServerOwnership(**session).reassignmentList();
        if (!rows.ok())
            return ctx.out.fail(rows.error());
        QJsonArray json;
        QStringList lines;
        for (const CustomerListRow& row : std::as_const(*rows)) {
            json.append(QJsonObject {{QStringLiteral("customerNo"), row.number},
                {QStringLiteral("maskedName"), row.maskedName}, {QStringLiteral("status"), statusKey(row.status)},
                {QStringLiteral("restricted"), row.restricted}, {QStringLiteral("ageBand"), row.ageBand},
                {QStringLiteral("createdAt"), CustomerCli::time(row.createdAt)},
                {QStringLiteral("heldBy"), row.managerName}});
            lines << QStringLiteral("%1  %2  %3  %4")
                         .arg(row.number, row.maskedName, statusLabel(row.status),
                             row.managerName.isEmpty() ? tr("no customer manager")
                                                       : tr("held by %1 (frozen)").arg(row.managerName));
        }
        ctx.out.result({{QStringLiteral("customers"), json}},
            lines.isEmpty() ? tr("No customer needs a new customer manager.") : lines.join(QLatin1Char('\n')));
        return 0;
    }
};

} // namespace

bool isServerOwnershipCommand(const QString& sub)
{
    return sub == QLatin1String("reassignment-list") || ServerOwnership::kindFromKey(sub).has_value();
}

int runServerOwnershipCommand(CliContext& ctx, const QString& sub)
{
    if (const auto kind = ServerOwnership::kindFromKey(sub))
        return ServerOwnershipCommands::move(ctx, *kind);
    return ServerOwnershipCommands::reassignmentList(ctx);
}

} // namespace bv::cli
