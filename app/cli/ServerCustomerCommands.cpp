// server customer add|edit|list, server change list|approve|reject, server request list|reveal|approve|reject, server
// reveal: the daily customer work of DESIGN §6 against the branch server (docs/SERVER.md, "Customer work over the
// server").
#include "app/cli/CliInput.h"
#include "app/cli/CustomerCliSupport.h"
#include "app/cli/ServerCliSupport.h"
#include "core/auth/Role.h"
#include "core/common/SecureBytes.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/Statuses.h"
#include "core/requests/RequestService.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerOwnership.h"
#include "core/server/ServerSession.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

Result<std::unique_ptr<ServerSession>> serverSignIn(CliContext& ctx, const QString& command, SecureBytes* typed)
{
    const QString login = ctx.option(QStringLiteral("user"));
    if (login.isEmpty())
        return Error {
            ErrorCode::InvalidInput, ServerCli::tr("%1 needs --user LOGIN.").arg(command), {}, QStringLiteral("user")};
    auto password = CliInput::readSecret(ServerCli::tr("Password of %1 on the branch server").arg(login));
    if (!password.ok())
        return password.error();
    auto session = ServerSession::signIn(ctx.store, login, *password);
    if (typed)
        *typed = std::move(password).value();
    return session;
}

namespace {

class ServerCustomerCommands
{
    Q_DECLARE_TR_FUNCTIONS(ServerCustomerCommands)
public:
    // A pending change's receipt (an entry or an edit): its number, the change, the validator's warnings.
    static int pending(CliContext& ctx, const EntryReceipt& receipt, const QString& text)
    {
        QString warnings;
        for (const QString& warning : receipt.warnings)
            warnings += QLatin1Char('\n') + tr("Warning: %1").arg(warning);
        ctx.out.result(
            {{QStringLiteral("customerNo"), receipt.customerNumber}, {QStringLiteral("changeId"), receipt.changeId},
                {QStringLiteral("status"), statusKey(ChangeStatus::Pending)},
                {QStringLiteral("warnings"), QJsonArray::fromStringList(receipt.warnings)}},
            text + warnings);
        return 0;
    }

    static int customer(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(1);
        if (isServerOwnershipCommand(sub))
            return runServerOwnershipCommand(ctx, sub);
        if (sub == QLatin1String("add")) {
            auto session = serverSignIn(ctx, QStringLiteral("server customer add"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            QString managerLogin;
            auto input = readCustomerDocument(ctx, false, &managerLogin);
            if (!input.ok())
                return ctx.out.fail(input.error());
            // the branch manager names the customer manager responsible by login; a customer manager enters for
            // himself or herself
            if ((*session)->identity().role == Role::Manager && !managerLogin.isEmpty()) {
                auto choices = ServerOwnership(**session).customerManagerChoices();
                if (!choices.ok())
                    return ctx.out.fail(choices.error());
                for (const auto& [id, login] : std::as_const(*choices))
                    if (login.compare(managerLogin.trimmed(), Qt::CaseInsensitive) == 0)
                        input->managerId = id;
                if (input->managerId <= 0)
                    return ctx.out.fail(Error {ErrorCode::InvalidInput,
                        tr("%1, given as \"manager\", is not an active customer manager of the branch. Give the login "
                           "of one.")
                            .arg(managerLogin.trimmed()),
                        {}, QStringLiteral("manager")});
            } else if (!managerLogin.isEmpty()
                && managerLogin.trimmed().compare((*session)->identity().login, Qt::CaseInsensitive) != 0) {
                return ctx.out.fail(Error {ErrorCode::InvalidInput,
                    tr("Only the branch manager names the responsible customer manager; the customers you enter are "
                       "your own. Leave \"manager\" out."),
                    {}, QStringLiteral("manager")});
            }
            ServerCustomers customers(**session);
            auto receipt = customers.enter(*input);
            if (!receipt.ok())
                return ctx.out.fail(receipt.error());
            return pending(ctx, *receipt,
                tr("Customer %1 was entered on the branch server. Change %2 is pending approval by a branch manager "
                   "(not you).")
                    .arg(receipt->customerNumber)
                    .arg(receipt->changeId));
        }
        if (sub == QLatin1String("list")) {
            auto session = serverSignIn(ctx, QStringLiteral("server customer list"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto rows = ServerCustomers(**session).list(ctx.option(QStringLiteral("after")).trimmed().toUpper());
            if (!rows.ok())
                return ctx.out.fail(rows.error());
            QJsonArray json;
            QStringList lines;
            for (const CustomerListRow& row : std::as_const(*rows)) {
                json.append(QJsonObject {{QStringLiteral("customerNo"), row.number},
                    {QStringLiteral("maskedName"), row.maskedName}, {QStringLiteral("status"), statusKey(row.status)},
                    {QStringLiteral("restricted"), row.restricted}, {QStringLiteral("ageBand"), row.ageBand},
                    {QStringLiteral("createdAt"), CustomerCli::time(row.createdAt)}});
                lines << QStringLiteral("%1  %2  %3").arg(row.number, row.maskedName, statusLabel(row.status));
            }
            ctx.out.result({{QStringLiteral("customers"), json}},
                lines.isEmpty() ? tr("No customers to show.") : lines.join(QLatin1Char('\n')));
            return 0;
        }
        if (sub == QLatin1String("edit")) {
            const QString number = ctx.arguments.value(2).trimmed().toUpper();
            if (number.isEmpty())
                return Cli::usageError(ctx.out, tr("server customer edit needs the customer number."));
            auto session = serverSignIn(ctx, QStringLiteral("server customer edit"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            QString managerLogin;
            auto input = readCustomerDocument(ctx, true, &managerLogin);
            if (!input.ok())
                return ctx.out.fail(input.error());
            if (!managerLogin.isEmpty())
                return ctx.out.fail(Error {ErrorCode::InvalidInput,
                    tr("An edit does not change the customer manager: the branch manager transfers the customer. "
                       "Leave \"manager\" out."),
                    {}, QStringLiteral("manager")});
            ServerCustomers customers(**session);
            auto present = customers.open(number);
            if (!present.ok())
                return ctx.out.fail(present.error());
            auto receipt = customers.edit(*present, *input);
            if (!receipt.ok())
                return ctx.out.fail(receipt.error());
            return pending(ctx, *receipt,
                tr("The edit of customer %1 was sent to the branch server. Change %2 is pending approval by a branch "
                   "manager (not you).")
                    .arg(receipt->customerNumber)
                    .arg(receipt->changeId));
        }
        if (sub == QLatin1String("show")) {
            const QString number = ctx.arguments.value(2).trimmed().toUpper();
            if (number.isEmpty())
                return Cli::usageError(ctx.out, tr("server customer show needs the customer number."));
            auto session = serverSignIn(ctx, QStringLiteral("server customer show"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto view = ServerCustomers(**session).open(number);
            if (!view.ok())
                return ctx.out.fail(view.error());
            CustomerCli::customerView(ctx, *view);
            return 0;
        }
        if (sub == QLatin1String("history")) {
            const QString number = ctx.arguments.value(2).trimmed().toUpper();
            if (number.isEmpty())
                return Cli::usageError(ctx.out, tr("server customer history needs the customer number."));
            auto session = serverSignIn(ctx, QStringLiteral("server customer history"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto entries = ServerCustomers(**session).history(number);
            if (!entries.ok())
                return ctx.out.fail(entries.error());
            CustomerCli::history(ctx, number, *entries);
            return 0;
        }
        if (sub == QLatin1String("close")) {
            const QString number = ctx.arguments.value(2).trimmed().toUpper();
            const QString reason = ctx.option(QStringLiteral("reason"));
            if (number.isEmpty() || reason.trimmed().isEmpty())
                return Cli::usageError(ctx.out,
                    tr("server customer close needs the customer number and --reason TEXT (for example: the customer "
                       "closed every account)."));
            auto session = serverSignIn(ctx, QStringLiteral("server customer close"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto until = ServerCustomers(**session).close(number, reason);
            if (!until.ok())
                return ctx.out.fail(until.error());
            const QString day = until->toTimeZone(WorkingCalendar::branchTimeZone()).date().toString(Qt::ISODate);
            ctx.out.result(
                {{QStringLiteral("customerNo"), number}, {QStringLiteral("status"), statusKey(CustomerStatus::Closed)},
                    {QStringLiteral("retentionUntil"), day}},
                tr("Customer %1 is closed on the branch server. Its record is kept until %2 (the retention period).")
                    .arg(number, day));
            return 0;
        }
        if (sub == QLatin1String("lookup")) {
            const QString name = ctx.option(QStringLiteral("name"));
            const QString id = ctx.option(QStringLiteral("id"));
            const QString purpose = ctx.option(QStringLiteral("purpose"));
            if (name.trimmed().isEmpty() || id.trimmed().isEmpty() || purpose.trimmed().isEmpty())
                return Cli::usageError(ctx.out,
                    tr("server customer lookup needs the full name (--name), the full ID number (--id) and the "
                       "purpose (--purpose TEXT)."));
            auto checked = Cli::freeText(ctx, QStringLiteral("purpose"), purpose);
            if (!checked.ok())
                return ctx.out.fail(checked.error());
            auto session = serverSignIn(ctx, QStringLiteral("server customer lookup"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto card = ServerCustomers(**session).clerkLookup(name, id, *checked);
            if (!card.ok())
                return ctx.out.fail(card.error());
            return CustomerCli::clerkCard(ctx, *card);
        }
        return Cli::usageError(ctx.out, usage());
    }

    static int change(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(1);
        if (sub == QLatin1String("list")) {
            auto session = serverSignIn(ctx, QStringLiteral("server change list"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto changes = ServerCustomers(**session).pending();
            if (!changes.ok())
                return ctx.out.fail(changes.error());
            QJsonArray json;
            QStringList lines;
            for (const PendingChange& c : std::as_const(*changes)) {
                json.append(QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("customerNo"), c.customerNumber},
                    {QStringLiteral("kind"), c.kind}, {QStringLiteral("createdAt"), CustomerCli::time(c.createdAt)},
                    {QStringLiteral("diff"), CustomerCli::diffJson(c.diff)},
                    {QStringLiteral("makerLogin"), c.makerLogin},
                    {QStringLiteral("rekeyFields"), QJsonArray::fromStringList(c.rekeyFields)}});
                lines << tr("Change %1 (%2) of customer %3: %4")
                             .arg(c.id)
                             .arg(c.kind, c.customerNumber, CustomerCli::diffText(c.diff))
                        + (c.rekeyFields.isEmpty() ? QString()
                                                   : QStringLiteral("  ")
                                    + tr("[re-key: %1]").arg(c.rekeyFields.join(QStringLiteral(", "))));
            }
            ctx.out.result({{QStringLiteral("changes"), json}},
                lines.isEmpty() ? tr("No change is waiting for approval.") : lines.join(QLatin1Char('\n')));
            return 0;
        }
        if (sub == QLatin1String("approve") || sub == QLatin1String("reject"))
            return decision(ctx, false);
        return Cli::usageError(ctx.out, usage());
    }

    // server change|request approve|reject ID --reason TEXT: the branch manager's decision, with its reason.
    static int decision(CliContext& ctx, bool onRequest)
    {
        const QString sub = ctx.arguments.value(1);
        const bool approve = sub == QLatin1String("approve");
        const auto id = CustomerCli::positiveId(ctx.arguments.value(2));
        if (!id)
            return Cli::usageError(ctx.out,
                onRequest ? tr("server request %1 needs the request's number and --reason TEXT.").arg(sub)
                          : tr("server change %1 needs the change's number (server change list shows it) and --reason "
                               "TEXT.")
                                .arg(sub));
        auto reason = Cli::freeText(ctx, QStringLiteral("reason"), ctx.option(QStringLiteral("reason")));
        if (!reason.ok())
            return ctx.out.fail(reason.error());
        if (reason->trimmed().isEmpty())
            return ctx.out.fail(Error {ErrorCode::InvalidInput,
                tr("Give the reason for the decision with --reason TEXT."), {}, QStringLiteral("reason")});
        auto session = serverSignIn(ctx,
            QStringLiteral("server %1 %2").arg(onRequest ? QStringLiteral("request") : QStringLiteral("change"), sub));
        if (!session.ok())
            return ctx.out.fail(session.error());
        ServerCustomers customers(**session);
        RekeyedValues rekeyed;
        if (!onRequest && approve) {
            auto typed = readRekeyed(**session, customers, *id);
            if (!typed.ok())
                return ctx.out.fail(typed.error());
            rekeyed = std::move(*typed);
        }
        const Status decided = onRequest ? customers.decideRequest(*id, approve, *reason)
                                         : customers.decide(*id, approve, *reason, rekeyed);
        for (QStringList& values : rekeyed) {
            for (QString& value : values)
                wipe(value);
        }
        BV_CLI_TRY(decided);
        const QString status = onRequest ? (approve ? QStringLiteral("approved") : QStringLiteral("rejected"))
                                         : statusKey(approve ? ChangeStatus::Approved : ChangeStatus::Rejected);
        QString text;
        if (onRequest)
            text = approve ? tr("Request %1 is approved.").arg(*id) : tr("Request %1 is rejected.").arg(*id);
        else
            text = approve ? tr("Change %1 is approved.").arg(*id) : tr("Change %1 is rejected.").arg(*id);
        ctx.out.result({{QStringLiteral("id"), *id}, {QStringLiteral("status"), status}}, text);
        return 0;
    }

    // Blind re-key, as approvals approve: the values of the change's rekeyFields (server change list shows them), one
    // line of standard input each after the password. Nothing to type when the server refuses anyway (not a branch
    // manager, the maker, a change that is not pending or not in reach): its refusal comes first. The change is
    // found on a later page of change_page (after the id before it), which the server does not record as a list.
    static Result<RekeyedValues> readRekeyed(const ServerSession& session, ServerCustomers& customers, qint64 id)
    {
        if (session.identity().role != Role::Manager)
            return RekeyedValues();
        auto changes = customers.pending(id - 1, 1);
        if (!changes.ok())
            return changes.error();
        if (changes->isEmpty() || changes->constFirst().id != id
            || changes->constFirst().makerLogin.compare(session.identity().login, Qt::CaseInsensitive) == 0)
            return RekeyedValues();
        return CustomerCli::readRekeyed(id, changes->constFirst().rekeyFields);
    }

    // server request list [--open]: the requests the account reads, as the server gives them (by id).
    static int requestList(CliContext& ctx)
    {
        const bool onlyOpen = ctx.isSet(QStringLiteral("open"));
        auto session = serverSignIn(ctx, QStringLiteral("server request list"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto requests = ServerCustomers(**session).requests(onlyOpen);
        if (!requests.ok())
            return ctx.out.fail(requests.error());
        QJsonArray json;
        QStringList lines;
        for (const Request& r : std::as_const(*requests)) {
            json.append(QJsonObject {{QStringLiteral("id"), r.id}, {QStringLiteral("type"), requestTypeKey(r.type)},
                {QStringLiteral("status"), statusKey(r.status)}, {QStringLiteral("requesterLogin"), r.requesterLogin},
                {QStringLiteral("customerNumbers"), QJsonArray::fromStringList(r.customerNumbers)},
                {QStringLiteral("fields"), QJsonArray::fromStringList(r.fields)}, {QStringLiteral("report"), r.report},
                {QStringLiteral("purpose"), r.purpose}, {QStringLiteral("validityHours"), r.validityHours},
                {QStringLiteral("createdAt"), CustomerCli::time(r.createdAt)},
                {QStringLiteral("decidedByLogin"), r.decidedByLogin},
                {QStringLiteral("decidedAt"), CustomerCli::time(r.decidedAt)},
                {QStringLiteral("decisionReason"), r.decisionReason},
                {QStringLiteral("validFrom"), CustomerCli::time(r.validFrom)},
                {QStringLiteral("validUntil"), CustomerCli::time(r.validUntil)},
                {QStringLiteral("usedAt"), CustomerCli::time(r.usedAt)},
                {QStringLiteral("revokedByLogin"), r.revokedByLogin},
                {QStringLiteral("revokedAt"), CustomerCli::time(r.revokedAt)},
                {QStringLiteral("revokeReason"), r.revokeReason}});
            QStringList scope {r.customerNumbers.join(QLatin1Char(',')), r.fields.join(QLatin1Char(',')), r.report};
            scope.removeAll(QString());
            QString line = tr("Request %1 (%2, %3) by %4: %5; purpose: %6")
                               .arg(r.id)
                               .arg(requestTypeLabel(r.type), statusLabel(r.status), r.requesterLogin,
                                   CustomerCli::dash(scope.join(QLatin1Char(' '))), CustomerCli::oneLine(r.purpose));
            if (r.status == RequestStatus::Approved)
                line += tr("; valid until %1").arg(CustomerCli::timeText(r.validUntil));
            lines << line;
        }
        QString text = lines.join(QLatin1Char('\n'));
        if (lines.isEmpty())
            text = onlyOpen ? tr("No open requests.") : tr("No requests.");
        ctx.out.result({{QStringLiteral("requests"), json}}, text);
        return 0;
    }

    static int request(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(1);
        if (sub == QLatin1String("list"))
            return requestList(ctx);
        if (sub == QLatin1String("reveal")) {
            const QString number = ctx.arguments.value(2).trimmed().toUpper();
            const QStringList fieldKeys = CustomerCli::listOption(ctx, QStringLiteral("fields"));
            if (number.isEmpty() || fieldKeys.isEmpty())
                return Cli::usageError(ctx.out,
                    tr("server request reveal needs the customer number, --fields F1,F2 (grade-1 fields) and "
                       "--purpose TEXT."));
            auto purpose = Cli::freeText(ctx, QStringLiteral("purpose"), ctx.option(QStringLiteral("purpose")));
            if (!purpose.ok())
                return ctx.out.fail(purpose.error());
            int hours = 8;
            if (ctx.isSet(QStringLiteral("hours"))) {
                bool ok = false;
                hours = ctx.option(QStringLiteral("hours")).toInt(&ok);
                if (!ok || hours < 1 || hours > 72)
                    return ctx.out.fail(Error {ErrorCode::InvalidInput,
                        tr("--hours is the validity asked for, a whole number of hours from 1 to 72."), {},
                        QStringLiteral("hours")});
            }
            auto session = serverSignIn(ctx, QStringLiteral("server request reveal"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto id = ServerCustomers(**session).requestReveal(number, fieldKeys, *purpose, hours);
            if (!id.ok())
                return ctx.out.fail(id.error());
            ctx.out.result({{QStringLiteral("id"), *id}, {QStringLiteral("customerNo"), number},
                               {QStringLiteral("fields"), QJsonArray::fromStringList(fieldKeys)},
                               {QStringLiteral("status"), QStringLiteral("pending")}},
                tr("Request %1 to see %2 of customer %3 in full is filed and waits for a branch manager's decision.")
                    .arg(*id)
                    .arg(fieldKeys.join(QStringLiteral(", ")), number));
            return 0;
        }
        if (sub == QLatin1String("approve") || sub == QLatin1String("reject"))
            return decision(ctx, true);
        return Cli::usageError(ctx.out, usage());
    }

    // server reveal REQUEST NO --fields F1,F2
    static int reveal(CliContext& ctx)
    {
        const auto id = CustomerCli::positiveId(ctx.arguments.value(1));
        const QString number = ctx.arguments.value(2).trimmed().toUpper();
        const QStringList fieldKeys = CustomerCli::listOption(ctx, QStringLiteral("fields"));
        if (!id || number.isEmpty() || fieldKeys.isEmpty())
            return Cli::usageError(ctx.out,
                tr("server reveal needs the number of your approved request, the customer number and --fields F1,F2."));
        auto session = serverSignIn(ctx, QStringLiteral("server reveal"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto values = ServerCustomers(**session).reveal(*id, number, fieldKeys);
        if (!values.ok())
            return ctx.out.fail(values.error());
        CustomerCli::revealed(ctx, number, fieldKeys, *values);
        return 0;
    }

    static QString usage()
    {
        return tr("Use: server customer add [--file F.json] | customer list [--after NO] | customer show NO | customer "
                  "history NO | customer edit NO [--file F.json] | customer close NO --reason TEXT | customer lookup "
                  "--name NAME --id ID "
                  "--purpose TEXT | change list | change approve|reject ID "
                  "--reason TEXT | request list [--open] | request reveal NO --fields F1,F2 --purpose TEXT [--hours N] "
                  "| request "
                  "approve|reject ID --reason TEXT | reveal REQUEST NO --fields F1,F2 (each with --user LOGIN, the "
                  "password on standard input).");
    }
};

} // namespace

bool isServerCustomerCommand(const QString& word)
{
    return word == QLatin1String("customer") || word == QLatin1String("change") || word == QLatin1String("request")
        || word == QLatin1String("reveal");
}

int runServerCustomerCommand(CliContext& ctx, const QString& word)
{
    if (word == QLatin1String("customer"))
        return ServerCustomerCommands::customer(ctx);
    if (word == QLatin1String("change"))
        return ServerCustomerCommands::change(ctx);
    if (word == QLatin1String("request"))
        return ServerCustomerCommands::request(ctx);
    return ServerCustomerCommands::reveal(ctx);
}

} // namespace bv::cli
