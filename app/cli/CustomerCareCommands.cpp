// complaint add|update|list|overdue, service add|list, consent add|withdraw|list: serving a customer
// (DESIGN §6). Contents and resolutions are grade 2: the own customer manager and the branch manager. The same
// commands after `server` run against the branch server (ServerCare; docs/SERVER.md "Care over the server").
#include "app/cli/Cli.h"
#include "app/cli/CustomerCliSupport.h"
#include "app/cli/ServerCliSupport.h"
#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/server/ServerCare.h"
#include "core/server/ServerSession.h"

#include <QJsonArray>
#include <QJsonObject>

#include <memory>

namespace bv::cli {

namespace {

// Where a care command runs: the local database with the signed-in session, or the branch server.
class CareBackend
{
public:
    virtual ~CareBackend() = default;
    virtual QDateTime now() const = 0;
    virtual QDate today() const = 0;
    virtual Result<Complaint> addComplaint(
        const QString& number, const QDateTime& received, const QString& channel, const QString& content)
        = 0;
    virtual Status updateComplaint(qint64 id, ComplaintStatus status, const QString& resolution) = 0;
    virtual Result<QList<Complaint>> complaints(const QString& number) = 0;
    virtual Result<QList<Complaint>> overdue() = 0;
    virtual Result<qint64> addService(
        const QString& number, const QDate& servedOn, const QString& channel, const QString& content)
        = 0;
    virtual Result<QList<ServiceRecord>> services(const QString& number) = 0;
    virtual Result<qint64> recordConsent(const QString& number, const QString& purpose, const QString& action,
        const QDate& onDate, const QString& channel)
        = 0;
    virtual Result<QList<ConsentEntry>> consents(const QString& number) = 0;
};

class LocalCare final : public CareBackend
{
public:
    LocalCare(Core& core, Session session)
        : m_core(core)
        , m_session(std::move(session))
    {
    }
    QDateTime now() const override { return m_core.clock().nowUtc(); }
    QDate today() const override { return CustomerCli::today(m_core); }
    Result<Complaint> addComplaint(
        const QString& number, const QDateTime& received, const QString& channel, const QString& content) override
    {
        return care().addComplaint(m_session, number, received, channel, content);
    }
    Status updateComplaint(qint64 id, ComplaintStatus status, const QString& resolution) override
    {
        return care().updateComplaint(m_session, id, status, resolution);
    }
    Result<QList<Complaint>> complaints(const QString& number) override { return care().complaints(m_session, number); }
    Result<QList<Complaint>> overdue() override { return care().overdue(m_session); }
    Result<qint64> addService(
        const QString& number, const QDate& servedOn, const QString& channel, const QString& content) override
    {
        return care().addService(m_session, number, servedOn, channel, content);
    }
    Result<QList<ServiceRecord>> services(const QString& number) override { return care().services(m_session, number); }
    Result<qint64> recordConsent(const QString& number, const QString& purpose, const QString& action,
        const QDate& onDate, const QString& channel) override
    {
        return care().recordConsent(m_session, number, purpose, action, onDate, channel);
    }
    Result<QList<ConsentEntry>> consents(const QString& number) override { return care().consents(m_session, number); }

private:
    CustomerCare& care() { return m_core.customers().care(); }
    Core& m_core;
    Session m_session;
};

// The branch server decides whose customers the account serves and computes the complaints' due dates.
class ServerCareBackend final : public CareBackend
{
public:
    explicit ServerCareBackend(std::unique_ptr<ServerSession> session)
        : m_session(std::move(session))
        , m_care(*m_session)
    {
    }
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    QDate today() const override
    {
        return QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
    }
    Result<Complaint> addComplaint(
        const QString& number, const QDateTime& received, const QString& channel, const QString& content) override
    {
        return m_care.addComplaint(number, received, channel, content);
    }
    Status updateComplaint(qint64 id, ComplaintStatus status, const QString& resolution) override
    {
        return m_care.updateComplaint(id, status, resolution);
    }
    Result<QList<Complaint>> complaints(const QString& number) override { return m_care.complaints(number); }
    Result<QList<Complaint>> overdue() override { return m_care.overdue(); }
    Result<qint64> addService(
        const QString& number, const QDate& servedOn, const QString& channel, const QString& content) override
    {
        return m_care.addService(number, servedOn, channel, content);
    }
    Result<QList<ServiceRecord>> services(const QString& number) override { return m_care.services(number); }
    Result<qint64> recordConsent(const QString& number, const QString& purpose, const QString& action,
        const QDate& onDate, const QString& channel) override
    {
        return m_care.recordConsent(number, purpose, action, onDate, channel);
    }
    Result<QList<ConsentEntry>> consents(const QString& number) override { return m_care.consents(number); }

private:
    std::unique_ptr<ServerSession> m_session;
    ServerCare m_care;
};

// Opens the backend for `command` (signing in): the local database, or with `server` before it the branch server.
using OpenCare = Result<std::unique_ptr<CareBackend>> (*)(CliContext& ctx, const QString& command);

Result<std::unique_ptr<CareBackend>> openLocal(CliContext& ctx, const QString&)
{
    Core* core = nullptr;
    auto session = ctx.begin(&core);
    if (!session.ok())
        return session.error();
    return std::unique_ptr<CareBackend>(std::make_unique<LocalCare>(*core, std::move(*session)));
}

Result<std::unique_ptr<CareBackend>> openServer(CliContext& ctx, const QString& command)
{
    auto session = serverSignIn(ctx, QStringLiteral("server ") + command);
    if (!session.ok())
        return session.error();
    return std::unique_ptr<CareBackend>(std::make_unique<ServerCareBackend>(std::move(*session)));
}

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

    static int complaint(CliContext& ctx, OpenCare open)
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
            auto care = open(ctx, QStringLiteral("complaint add"));
            if (!care.ok())
                return ctx.out.fail(care.error());
            if (!received.isValid())
                received = (*care)->now();
            auto added = (*care)->addComplaint(*number, received, *channel, *content);
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
            auto checked = Cli::freeText(ctx, QStringLiteral("resolution"), resolution);
            if (!checked.ok())
                return ctx.out.fail(checked.error());
            auto care = open(ctx, QStringLiteral("complaint update"));
            if (!care.ok())
                return ctx.out.fail(care.error());
            BV_CLI_TRY((*care)->updateComplaint(*id, *target, *checked));
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
            auto care = open(ctx, QStringLiteral("complaint ") + sub);
            if (!care.ok())
                return ctx.out.fail(care.error());
            auto complaints = overdue ? (*care)->overdue() : (*care)->complaints(number);
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

    static int service(CliContext& ctx, OpenCare open)
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
            auto care = open(ctx, QStringLiteral("service add"));
            if (!care.ok())
                return ctx.out.fail(care.error());
            if (!servedOn.isValid())
                servedOn = (*care)->today();
            auto id = (*care)->addService(*number, servedOn, *channel, *content);
            if (!id.ok())
                return ctx.out.fail(id.error());
            ctx.out.result({{QStringLiteral("id"), *id}, {QStringLiteral("customerNo"), *number},
                               {QStringLiteral("servedOn"), CustomerCli::date(servedOn)}},
                tr("Service record %1 of customer %2 (%3) is saved.")
                    .arg(*id)
                    .arg(*number, servedOn.toString(Qt::ISODate)));
            return 0;
        }
        auto care = open(ctx, QStringLiteral("service list"));
        if (!care.ok())
            return ctx.out.fail(care.error());
        auto records = (*care)->services(*number);
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

    static int consent(CliContext& ctx, OpenCare open)
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
            auto care = open(ctx, QStringLiteral("consent list"));
            if (!care.ok())
                return ctx.out.fail(care.error());
            auto entries = (*care)->consents(*number);
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
        auto care = open(ctx, QStringLiteral("consent ") + sub);
        if (!care.ok())
            return ctx.out.fail(care.error());
        if (!onDate.isValid())
            onDate = (*care)->today();
        const bool withdraw = sub == QLatin1String("withdraw");
        const QString action = withdraw ? QStringLiteral("withdrawn") : QStringLiteral("given");
        auto id = (*care)->recordConsent(*number, purpose, action, onDate, *channel);
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

bool isServerCareCommand(const QString& word)
{
    return word == QLatin1String("complaint") || word == QLatin1String("service") || word == QLatin1String("consent");
}

int runServerCareCommand(CliContext& ctx, const QString& word)
{
    ctx.arguments.removeFirst(); // the command word: the arguments as the local command reads them
    if (word == QLatin1String("complaint"))
        return CustomerCareCommands::complaint(ctx, openServer);
    if (word == QLatin1String("service"))
        return CustomerCareCommands::service(ctx, openServer);
    return CustomerCareCommands::consent(ctx, openServer);
}

void registerCustomerCareCommands(CommandTable& table)
{
    table.append({QStringLiteral("complaint"),
        QStringLiteral("complaint add NO --channel CH --content TEXT [--received TIME] | update ID --status "
                       "investigating|answered|closed [--resolution TEXT] | list NO | overdue   (--user LOGIN)"),
        [](CliContext& ctx) { return CustomerCareCommands::complaint(ctx, openLocal); }});
    table.append({QStringLiteral("service"),
        QStringLiteral("service add NO --channel CH --content TEXT [--date YYYY-MM-DD] | list NO   (--user LOGIN)"),
        [](CliContext& ctx) { return CustomerCareCommands::service(ctx, openLocal); }});
    table.append({QStringLiteral("consent"),
        QStringLiteral("consent add|withdraw NO --purpose processing|marketing --channel CH [--date YYYY-MM-DD] | list "
                       "NO   (--user LOGIN)"),
        [](CliContext& ctx) { return CustomerCareCommands::consent(ctx, openLocal); }});
}

} // namespace bv::cli
