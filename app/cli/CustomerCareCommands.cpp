// complaint add|update|list|overdue, service add|list, consent add|withdraw|list: serving a customer
// (DESIGN §6). Contents and resolutions are grade 2: the own customer manager and the branch manager.
#include "app/cli/Cli.h"
#include "app/cli/CustomerCliSupport.h"
#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

class CustomerCareCommands
{
    Q_DECLARE_TR_FUNCTIONS(CustomerCareCommands)
public:
    static QJsonObject toJson(const Complaint& c)
    {
        return QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("customerNo"), c.customerNumber},
            {QStringLiteral("receivedAt"), CustomerCli::time(c.receivedAt)}, {QStringLiteral("channel"), c.channel},
            {QStringLiteral("content"), c.content}, {QStringLiteral("status"), statusKey(c.status)},
            {QStringLiteral("investigateBy"), CustomerCli::time(c.investigateBy)},
            {QStringLiteral("answerBy"), CustomerCli::time(c.answerBy)},
            {QStringLiteral("investigatedAt"), CustomerCli::time(c.investigatedAt)},
            {QStringLiteral("answeredAt"), CustomerCli::time(c.answeredAt)},
            {QStringLiteral("resolution"), c.resolution}, {QStringLiteral("recordedBy"), c.recordedBy},
            {QStringLiteral("overdue"), c.overdue}};
    }

    static QString line(const Complaint& c)
    {
        return QStringLiteral("%1  %2  %3  %4  %5  %6  %7  %8  %9")
            .arg(c.id, 5)
            .arg(c.customerNumber, -18)
            .arg(CustomerCli::timeText(c.receivedAt), -20)
            .arg(c.channel, -10)
            .arg(statusKey(c.status), -13)
            .arg(CustomerCli::timeText(c.investigateBy), -20)
            .arg(CustomerCli::timeText(c.answerBy), -20)
            .arg(c.overdue ? tr("OVERDUE") : QStringLiteral("-"), -7)
            .arg(CustomerCli::oneLine(c.content));
    }

    // --OPTION, required.
    static Result<QString> required(const CliContext& ctx, const QString& option, const QString& command)
    {
        const QString value = ctx.option(option);
        if (value.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                tr("%1 needs --%2. See branchvault-cli --help.").arg(command, option), QString(), option);
        return value;
    }

    static int complaint(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("add")) {
            auto number = CustomerCli::customerNumber(ctx, QStringLiteral("complaint add"));
            if (!number.ok())
                return ctx.out.fail(number.error());
            BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
            auto channel = required(ctx, QStringLiteral("channel"), QStringLiteral("complaint add"));
            if (!channel.ok())
                return ctx.out.fail(channel.error());
            auto typed = required(ctx, QStringLiteral("content"), QStringLiteral("complaint add"));
            if (!typed.ok())
                return ctx.out.fail(typed.error());
            auto content = Cli::freeText(ctx, QStringLiteral("content"), *typed);
            if (!content.ok())
                return ctx.out.fail(content.error());
            QDateTime received;
            if (ctx.isSet(QStringLiteral("received"))) {
                auto parsed
                    = CustomerCli::parseTime(QStringLiteral("received"), ctx.option(QStringLiteral("received")));
                if (!parsed.ok())
                    return ctx.out.fail(parsed.error());
                received = *parsed;
            }
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            if (!received.isValid())
                received = core->clock().nowUtc();
            auto added = core->customers().care().addComplaint(*session, *number, received, *channel, *content);
            if (!added.ok())
                return ctx.out.fail(added.error());
            QString text = tr("Complaint %1 of customer %2 is recorded: investigate by %3, answer by %4 (UTC).")
                               .arg(added->id)
                               .arg(added->customerNumber, CustomerCli::timeText(added->investigateBy),
                                   CustomerCli::timeText(added->answerBy));
            if (added->overdue)
                text += QLatin1Char(' ') + tr("It is overdue already.");
            ctx.out.result({{QStringLiteral("id"), added->id}, {QStringLiteral("complaint"), toJson(*added)}}, text);
            return 0;
        }
        if (sub == QLatin1String("update")) {
            auto id = CustomerCli::objectId(ctx, QStringLiteral("complaint update"), tr("complaint"));
            if (!id.ok())
                return ctx.out.fail(id.error());
            BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
            const QString status = ctx.option(QStringLiteral("status")).trimmed().toLower();
            const std::optional<ComplaintStatus> target = statusFromKey<ComplaintStatus>(status);
            if (!target || *target == ComplaintStatus::Open)
                return Cli::usageError(ctx.out,
                    tr("complaint update needs --status investigating|answered|closed (answered and closed with "
                       "--resolution TEXT)."));
            const QString resolution = ctx.option(QStringLiteral("resolution"));
            if (*target != ComplaintStatus::Investigating && resolution.trimmed().isEmpty())
                return Cli::usageError(ctx.out,
                    tr("complaint update --status %1 needs --resolution TEXT: what the customer was told and what "
                       "was done.")
                        .arg(status));
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto checked = Cli::freeText(ctx, QStringLiteral("resolution"), resolution);
            if (!checked.ok())
                return ctx.out.fail(checked.error());
            BV_CLI_TRY(core->customers().care().updateComplaint(*session, *id, *target, *checked));
            ctx.out.result({{QStringLiteral("id"), *id}, {QStringLiteral("status"), status}},
                tr("Complaint %1 is now %2.").arg(*id).arg(status));
            return 0;
        }
        if (sub == QLatin1String("list") || sub == QLatin1String("overdue")) {
            const bool overdue = sub == QLatin1String("overdue");
            QString number;
            if (!overdue) {
                auto given = CustomerCli::customerNumber(ctx, QStringLiteral("complaint list"));
                if (!given.ok())
                    return ctx.out.fail(given.error());
                number = *given;
            }
            BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, overdue ? 1 : 2));
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            CustomerCare& care = core->customers().care();
            auto complaints = overdue ? care.overdue(*session) : care.complaints(*session, number);
            if (!complaints.ok())
                return ctx.out.fail(complaints.error());
            QJsonArray rows;
            QString text;
            for (const Complaint& c : *complaints) {
                rows.append(toJson(c));
                text += line(c) + QLatin1Char('\n');
            }
            if (complaints->isEmpty())
                text = overdue ? tr("No complaints are overdue.") : tr("Customer %1 has no complaints.").arg(number);
            QJsonObject json {{QStringLiteral("complaints"), rows}};
            if (!overdue)
                json.insert(QStringLiteral("customerNo"), number);
            ctx.out.result(json, text);
            return 0;
        }
        return Cli::usageError(ctx.out,
            sub.isEmpty() ? tr("complaint needs a subcommand: add, update, list or overdue.")
                          : tr("Unknown complaint subcommand \"%1\".").arg(sub));
    }

    static int service(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub != QLatin1String("add") && sub != QLatin1String("list"))
            return Cli::usageError(ctx.out,
                sub.isEmpty() ? tr("service needs a subcommand: add or list.")
                              : tr("Unknown service subcommand \"%1\".").arg(sub));
        auto number = CustomerCli::customerNumber(ctx, QStringLiteral("service ") + sub);
        if (!number.ok())
            return ctx.out.fail(number.error());
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
        if (sub == QLatin1String("add")) {
            auto channel = required(ctx, QStringLiteral("channel"), QStringLiteral("service add"));
            if (!channel.ok())
                return ctx.out.fail(channel.error());
            auto typed = required(ctx, QStringLiteral("content"), QStringLiteral("service add"));
            if (!typed.ok())
                return ctx.out.fail(typed.error());
            auto content = Cli::freeText(ctx, QStringLiteral("content"), *typed);
            if (!content.ok())
                return ctx.out.fail(content.error());
            QDate servedOn;
            if (ctx.isSet(QStringLiteral("date"))) {
                auto parsed = CustomerCli::parseDate(QStringLiteral("date"), ctx.option(QStringLiteral("date")));
                if (!parsed.ok())
                    return ctx.out.fail(parsed.error());
                servedOn = *parsed;
            }
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            if (!servedOn.isValid())
                servedOn = CustomerCli::today(*core);
            auto id = core->customers().care().addService(*session, *number, servedOn, *channel, *content);
            if (!id.ok())
                return ctx.out.fail(id.error());
            ctx.out.result({{QStringLiteral("id"), *id}, {QStringLiteral("customerNo"), *number},
                               {QStringLiteral("servedOn"), CustomerCli::date(servedOn)}},
                tr("Service record %1 of customer %2 (%3) is saved.")
                    .arg(*id)
                    .arg(*number, servedOn.toString(Qt::ISODate)));
            return 0;
        }
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto records = core->customers().care().services(*session, *number);
        if (!records.ok())
            return ctx.out.fail(records.error());
        QJsonArray rows;
        QString text;
        for (const ServiceRecord& s : *records) {
            rows.append(QJsonObject {{QStringLiteral("id"), s.id},
                {QStringLiteral("servedOn"), CustomerCli::date(s.servedOn)}, {QStringLiteral("channel"), s.channel},
                {QStringLiteral("content"), s.content}, {QStringLiteral("byLogin"), s.byLogin},
                {QStringLiteral("createdAt"), CustomerCli::time(s.createdAt)}});
            text += QStringLiteral("%1  %2  %3  %4  %5\n")
                        .arg(s.id, 5)
                        .arg(CustomerCli::dateText(s.servedOn), -10)
                        .arg(s.channel, -10)
                        .arg(CustomerCli::dash(s.byLogin), -16)
                        .arg(CustomerCli::oneLine(s.content));
        }
        if (records->isEmpty())
            text = tr("Customer %1 has no service records.").arg(*number);
        ctx.out.result({{QStringLiteral("customerNo"), *number}, {QStringLiteral("services"), rows}}, text);
        return 0;
    }

    static int consent(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub != QLatin1String("add") && sub != QLatin1String("withdraw") && sub != QLatin1String("list"))
            return Cli::usageError(ctx.out,
                sub.isEmpty() ? tr("consent needs a subcommand: add, withdraw or list.")
                              : tr("Unknown consent subcommand \"%1\".").arg(sub));
        auto number = CustomerCli::customerNumber(ctx, QStringLiteral("consent ") + sub);
        if (!number.ok())
            return ctx.out.fail(number.error());
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
        if (sub == QLatin1String("list")) {
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto entries = core->customers().care().consents(*session, *number);
            if (!entries.ok())
                return ctx.out.fail(entries.error());
            QJsonArray rows;
            QString text;
            for (const ConsentEntry& e : *entries) {
                rows.append(QJsonObject {{QStringLiteral("id"), e.id}, {QStringLiteral("purpose"), e.purpose},
                    {QStringLiteral("action"), e.action}, {QStringLiteral("onDate"), CustomerCli::date(e.onDate)},
                    {QStringLiteral("channel"), e.channel}, {QStringLiteral("recordedBy"), e.recordedBy},
                    {QStringLiteral("recordedAt"), CustomerCli::time(e.recordedAt)}});
                text += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                            .arg(e.id, 5)
                            .arg(CustomerCli::dateText(e.onDate), -10)
                            .arg(e.purpose, -10)
                            .arg(e.action, -9)
                            .arg(e.channel, -10)
                            .arg(CustomerCli::dash(e.recordedBy));
            }
            if (entries->isEmpty())
                text = tr("Customer %1 has no consent entries.").arg(*number);
            ctx.out.result({{QStringLiteral("customerNo"), *number}, {QStringLiteral("consents"), rows}}, text);
            return 0;
        }
        const QString purpose = ctx.option(QStringLiteral("purpose")).trimmed().toLower();
        if (purpose != QLatin1String("processing") && purpose != QLatin1String("marketing"))
            return Cli::usageError(ctx.out, tr("consent %1 needs --purpose processing|marketing.").arg(sub));
        auto channel = required(ctx, QStringLiteral("channel"), QStringLiteral("consent ") + sub);
        if (!channel.ok())
            return ctx.out.fail(channel.error());
        QDate onDate;
        if (ctx.isSet(QStringLiteral("date"))) {
            auto parsed = CustomerCli::parseDate(QStringLiteral("date"), ctx.option(QStringLiteral("date")));
            if (!parsed.ok())
                return ctx.out.fail(parsed.error());
            onDate = *parsed;
        }
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        if (!onDate.isValid())
            onDate = CustomerCli::today(*core);
        const bool withdraw = sub == QLatin1String("withdraw");
        const QString action = withdraw ? QStringLiteral("withdrawn") : QStringLiteral("given");
        auto id = core->customers().care().recordConsent(*session, *number, purpose, action, onDate, *channel);
        if (!id.ok())
            return ctx.out.fail(id.error());
        QString text = withdraw ? tr("The withdrawal of consent to %1 by customer %2 is recorded (%3).")
                                      .arg(purpose, *number, onDate.toString(Qt::ISODate))
                                : tr("The consent of customer %2 to %1 is recorded (%3).")
                                      .arg(purpose, *number, onDate.toString(Qt::ISODate));
        if (withdraw && purpose == QLatin1String("processing"))
            text += QLatin1Char(' ') + tr("Any current consent to marketing is withdrawn with it.");
        ctx.out.result(
            {{QStringLiteral("id"), *id}, {QStringLiteral("customerNo"), *number}, {QStringLiteral("purpose"), purpose},
                {QStringLiteral("action"), action}, {QStringLiteral("onDate"), CustomerCli::date(onDate)}},
            text);
        return 0;
    }
};

} // namespace

void registerCustomerCareCommands(CommandTable& table)
{
    table.append({QStringLiteral("complaint"),
        QStringLiteral("complaint add NO --channel CH --content TEXT [--received TIME] | update ID --status "
                       "investigating|answered|closed [--resolution TEXT] | list NO | overdue   (--user LOGIN)"),
        CustomerCareCommands::complaint});
    table.append({QStringLiteral("service"),
        QStringLiteral("service add NO --channel CH --content TEXT [--date YYYY-MM-DD] | list NO   (--user LOGIN)"),
        CustomerCareCommands::service});
    table.append({QStringLiteral("consent"),
        QStringLiteral("consent add|withdraw NO --purpose processing|marketing --channel CH [--date YYYY-MM-DD] | list "
                       "NO   (--user LOGIN)"),
        CustomerCareCommands::consent});
}

} // namespace bv::cli
