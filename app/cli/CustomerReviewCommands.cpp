// approvals list|approve|reject (maker-checker of customer records), tiers list|confirm|reject (tier
// changes), suspicious list|clear (the same phone or account on two customers): the branch manager's
// review queues (DESIGN §6).
#include "app/cli/Cli.h"
#include "app/cli/CliInput.h"
#include "app/cli/CustomerCliSupport.h"
#include "app/cli/ServerCliSupport.h"
#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Policy.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerOwnership.h"
#include "core/server/ServerSession.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

// Where the branch manager's tier and suspicious-pair reviews run: the local database with the signed-in session, or
// the branch server (ServerOwnership, ServerCustomers).
class ReviewBackend
{
public:
    virtual ~ReviewBackend() = default;
    virtual Result<QList<TierChange>> pendingTiers() = 0;
    virtual Status decideTier(qint64 id, bool confirm, const QString& reason) = 0;
    virtual Result<QList<SuspiciousPair>> suspicious() = 0;
    virtual Status clearSuspicious(qint64 id, const QString& reason) = 0;
};

class LocalReview final : public ReviewBackend
{
public:
    LocalReview(Core& core, Session session)
        : m_core(core)
        , m_session(std::move(session))
    {
    }
    Result<QList<TierChange>> pendingTiers() override { return m_core.customers().ownership().pendingTiers(m_session); }
    Status decideTier(qint64 id, bool confirm, const QString& reason) override
    {
        CustomerOwnership& owners = m_core.customers().ownership();
        return confirm ? owners.confirmTier(m_session, id) : owners.rejectTier(m_session, id, reason);
    }
    Result<QList<SuspiciousPair>> suspicious() override { return m_core.customers().entry().suspicious(m_session); }
    Status clearSuspicious(qint64 id, const QString& reason) override
    {
        return m_core.customers().entry().clearSuspicious(m_session, id, reason);
    }

private:
    Core& m_core;
    Session m_session;
};

class ServerReview final : public ReviewBackend
{
public:
    explicit ServerReview(std::unique_ptr<ServerSession> session)
        : m_session(std::move(session))
    {
    }
    Result<QList<TierChange>> pendingTiers() override { return ServerOwnership(*m_session).pendingTiers(); }
    Status decideTier(qint64 id, bool confirm, const QString& reason) override
    {
        ServerOwnership owners(*m_session);
        return confirm ? owners.confirmTier(id) : owners.rejectTier(id, reason);
    }
    Result<QList<SuspiciousPair>> suspicious() override { return ServerCustomers(*m_session).suspicious(); }
    Status clearSuspicious(qint64 id, const QString& reason) override
    {
        return ServerCustomers(*m_session).clearSuspicious(id, reason);
    }

private:
    std::unique_ptr<ServerSession> m_session;
};

using OpenReview = Result<std::unique_ptr<ReviewBackend>> (*)(CliContext& ctx, const QString& command);

Result<std::unique_ptr<ReviewBackend>> openLocalReview(CliContext& ctx, const QString&)
{
    Core* core = nullptr;
    auto session = ctx.begin(&core);
    if (!session.ok())
        return session.error();
    return std::unique_ptr<ReviewBackend>(std::make_unique<LocalReview>(*core, std::move(*session)));
}

Result<std::unique_ptr<ReviewBackend>> openServerReview(CliContext& ctx, const QString& command)
{
    auto session = serverSignIn(ctx, QStringLiteral("server ") + command);
    if (!session.ok())
        return session.error();
    return std::unique_ptr<ReviewBackend>(std::make_unique<ServerReview>(std::move(*session)));
}

class CustomerReviewCommands
{
    Q_DECLARE_TR_FUNCTIONS(CustomerReviewCommands)
public:
    static QJsonObject toJson(const PendingChange& c)
    {
        return QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("customerNo"), c.customerNumber},
            {QStringLiteral("kind"), c.kind}, {QStringLiteral("status"), statusKey(c.status)},
            {QStringLiteral("makerLogin"), c.makerLogin}, {QStringLiteral("createdAt"), CustomerCli::time(c.createdAt)},
            {QStringLiteral("diff"), CustomerCli::diffJson(c.diff)}, {QStringLiteral("reason"), c.reason},
            {QStringLiteral("rekeyFields"), QJsonArray::fromStringList(c.rekeyFields)}};
    }

    // Blind re-key: one line of stdin per value of each change's rekeyFields, after the password line, in the
    // order of the changes on the command line and of their rekeyFields (approvals list shows them). Prompted
    // without echo on a terminal. Never from the command line: these are grade-1 values.
    static Result<QHash<qint64, RekeyedValues>> readRekeyed(
        CustomerEntry& entry, const Session& session, const QList<qint64>& ids)
    {
        QHash<qint64, RekeyedValues> out;
        for (qint64 id : ids) {
            auto change = entry.change(session, id);
            if (!change.ok())
                return change.error();
            // nothing to type when the core refuses anyway (not a checker's role, or the maker): its refusal first
            if (!Policy::allows(session.info().role, Operation::ApproveChanges)
                || change->makerLogin.compare(session.info().login, Qt::CaseInsensitive) == 0)
                continue;
            auto typed = CustomerCli::readRekeyed(id, change->rekeyFields);
            if (!typed.ok())
                return typed.error();
            out.insert(id, *typed);
        }
        return out;
    }

    static QString line(const PendingChange& c)
    {
        return QStringLiteral("%1  %2  %3  %4  %5  %6")
                   .arg(c.id, 5)
                   .arg(c.customerNumber, -18)
                   .arg(c.kind, -6)
                   .arg(c.makerLogin, -16)
                   .arg(CustomerCli::timeText(c.createdAt), -20)
                   .arg(CustomerCli::diffText(c.diff))
            + (c.rekeyFields.isEmpty()
                    ? QString()
                    : QStringLiteral("  ") + tr("[re-key: %1]").arg(c.rekeyFields.join(QStringLiteral(", "))));
    }

    static int approvals(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("list")) {
            BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 1));
            auto limit = CustomerCli::limitOption(ctx, 1000, 10000);
            if (!limit.ok())
                return ctx.out.fail(limit.error());
            qint64 after = 0;
            if (ctx.isSet(QStringLiteral("after"))) {
                const auto id = CustomerCli::positiveId(ctx.option(QStringLiteral("after")));
                if (!id)
                    return Cli::usageError(ctx.out,
                        tr("--after must be the number of a change: the list continues "
                           "after it."));
                after = *id;
            }
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto changes = core->customers().entry().pending(*session, after, *limit);
            if (!changes.ok())
                return ctx.out.fail(changes.error());
            QJsonArray rows;
            QString text;
            for (const PendingChange& c : *changes) {
                rows.append(toJson(c));
                text += line(c) + QLatin1Char('\n');
            }
            if (changes->isEmpty())
                text = tr("No changes are waiting for approval.");
            QJsonObject json {{QStringLiteral("changes"), rows}};
            const bool full = !changes->isEmpty() && changes->size() >= *limit;
            if (full)
                json.insert(QStringLiteral("nextAfter"), changes->constLast().id);
            ctx.out.result(json, text);
            if (full)
                ctx.out.progress(tr("More changes may follow: continue with --after %1.").arg(changes->constLast().id));
            return 0;
        }
        if (sub == QLatin1String("approve")) {
            // approve ID [ID …]: several at once are approved together, all or none
            QList<qint64> ids;
            for (qsizetype i = 1; i < ctx.arguments.size(); ++i) {
                const auto id = CustomerCli::positiveId(ctx.arguments.at(i));
                if (!id)
                    return Cli::usageError(ctx.out,
                        tr("approvals approve needs the numbers of the changes (approvals list shows them); \"%1\" is "
                           "not one.")
                            .arg(ctx.arguments.at(i)));
                ids << *id;
            }
            if (ids.isEmpty())
                return Cli::usageError(
                    ctx.out, tr("approvals approve needs the number of the change (approvals list shows it)."));
            if (ctx.option(QStringLiteral("reason")).trimmed().isEmpty())
                return Cli::usageError(
                    ctx.out, tr("approvals approve needs --reason TEXT: what you checked before approving."));
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            const QString reason = ctx.option(QStringLiteral("reason"));
            CustomerEntry& entry = core->customers().entry();
            auto rekeyed = readRekeyed(entry, *session, ids);
            if (!rekeyed.ok())
                return ctx.out.fail(rekeyed.error());
            if (ids.size() == 1) {
                BV_CLI_TRY(entry.approve(*session, ids.constFirst(), reason, rekeyed->value(ids.constFirst())));
            } else {
                auto approved = entry.approveMany(*session, ids, reason, *rekeyed);
                if (!approved.ok())
                    return ctx.out.fail(approved.error());
            }
            QJsonArray approved;
            QStringList numbers;
            for (qint64 id : std::as_const(ids)) {
                approved.append(id);
                numbers << QString::number(id);
            }
            ctx.out.result(
                {{QStringLiteral("approved"), approved}, {QStringLiteral("status"), statusKey(ChangeStatus::Approved)}},
                tr("Approved: change %1.", nullptr, int(ids.size())).arg(numbers.join(QStringLiteral(", "))));
            return 0;
        }
        if (sub == QLatin1String("reject")) {
            auto id = CustomerCli::objectId(ctx, QStringLiteral("approvals reject"), tr("change"));
            if (!id.ok())
                return ctx.out.fail(id.error());
            BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
            const QString reason = ctx.option(QStringLiteral("reason"));
            if (reason.trimmed().isEmpty())
                return Cli::usageError(
                    ctx.out, tr("approvals reject needs --reason TEXT: the maker is told what to correct."));
            Core* core = nullptr;
            auto session = ctx.begin(&core);
            if (!session.ok())
                return ctx.out.fail(session.error());
            BV_CLI_TRY(core->customers().entry().reject(*session, *id, reason));
            ctx.out.result({{QStringLiteral("id"), *id}, {QStringLiteral("status"), statusKey(ChangeStatus::Rejected)}},
                tr("Change %1 was rejected; the maker sees the reason.").arg(*id));
            return 0;
        }
        return Cli::usageError(ctx.out,
            sub.isEmpty() ? tr("approvals needs a subcommand: list, approve or reject.")
                          : tr("Unknown approvals subcommand \"%1\".").arg(sub));
    }

    static int tiers(CliContext& ctx, OpenReview open)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("list")) {
            BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 1));
            auto review = open(ctx, QStringLiteral("tiers list"));
            if (!review.ok())
                return ctx.out.fail(review.error());
            auto changes = (*review)->pendingTiers();
            if (!changes.ok())
                return ctx.out.fail(changes.error());
            QJsonArray rows;
            QString text;
            for (const TierChange& t : *changes) {
                rows.append(QJsonObject {{QStringLiteral("id"), t.id}, {QStringLiteral("customerNo"), t.customerNumber},
                    {QStringLiteral("fromTier"), t.fromTier}, {QStringLiteral("toTier"), t.toTier},
                    {QStringLiteral("computedAt"), CustomerCli::time(t.computedAt)},
                    {QStringLiteral("status"), statusKey(t.status)}});
                text += QStringLiteral("%1  %2  %3 -> %4  %5  %6\n")
                            .arg(t.id, 5)
                            .arg(t.customerNumber, -18)
                            .arg(CustomerCli::dash(t.fromTier))
                            .arg(CustomerCli::dash(t.toTier), -10)
                            .arg(CustomerCli::timeText(t.computedAt), -20)
                            .arg(statusKey(t.status));
            }
            if (changes->isEmpty())
                text = tr("No tier changes are waiting for confirmation.");
            ctx.out.result({{QStringLiteral("tierChanges"), rows}}, text);
            return 0;
        }
        if (sub != QLatin1String("confirm") && sub != QLatin1String("reject"))
            return Cli::usageError(ctx.out,
                sub.isEmpty() ? tr("tiers needs a subcommand: list, confirm or reject.")
                              : tr("Unknown tiers subcommand \"%1\".").arg(sub));
        auto id = CustomerCli::objectId(ctx, QStringLiteral("tiers ") + sub, tr("tier change"));
        if (!id.ok())
            return ctx.out.fail(id.error());
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
        const QString reason = ctx.option(QStringLiteral("reason"));
        const bool confirm = sub == QLatin1String("confirm");
        if (!confirm && reason.trimmed().isEmpty())
            return Cli::usageError(
                ctx.out, tr("tiers reject needs --reason TEXT: why the customer keeps the current tier."));
        if (confirm && ctx.isSet(QStringLiteral("reason")))
            return Cli::usageError(ctx.out, tr("tiers confirm takes no --reason."));
        auto review = open(ctx, QStringLiteral("tiers ") + sub);
        if (!review.ok())
            return ctx.out.fail(review.error());
        BV_CLI_TRY((*review)->decideTier(*id, confirm, reason));
        ctx.out.result({{QStringLiteral("id"), *id},
                           {QStringLiteral("status"),
                               statusKey(confirm ? TierChangeStatus::Confirmed : TierChangeStatus::Rejected)}},
            confirm ? tr("Tier change %1 was confirmed; the customer has the new tier.").arg(*id)
                    : tr("Tier change %1 was rejected; the customer keeps the current tier.").arg(*id));
        return 0;
    }

    static int suspicious(CliContext& ctx, OpenReview open)
    {
        const QString sub = ctx.arguments.value(0);
        if (sub == QLatin1String("list")) {
            BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 1));
            auto review = open(ctx, QStringLiteral("suspicious list"));
            if (!review.ok())
                return ctx.out.fail(review.error());
            auto pairs = (*review)->suspicious();
            if (!pairs.ok())
                return ctx.out.fail(pairs.error());
            QJsonArray rows;
            QString text;
            for (const SuspiciousPair& p : *pairs) {
                rows.append(QJsonObject {{QStringLiteral("id"), p.id}, {QStringLiteral("kind"), p.kind},
                    {QStringLiteral("customerA"), p.numberA}, {QStringLiteral("customerB"), p.numberB},
                    {QStringLiteral("maskedValue"), p.maskedValue},
                    {QStringLiteral("foundAt"), CustomerCli::time(p.foundAt)},
                    {QStringLiteral("status"), statusKey(p.status)}});
                text += QStringLiteral("%1  %2  %3  %4  %5  %6  %7\n")
                            .arg(p.id, 5)
                            .arg(p.kind, -8)
                            .arg(p.numberA, -18)
                            .arg(p.numberB, -18)
                            .arg(CustomerCli::dash(p.maskedValue), -22)
                            .arg(CustomerCli::timeText(p.foundAt), -20)
                            .arg(statusKey(p.status));
            }
            if (pairs->isEmpty())
                text = tr("No suspicious pairs.");
            ctx.out.result({{QStringLiteral("pairs"), rows}}, text);
            return 0;
        }
        if (sub != QLatin1String("clear"))
            return Cli::usageError(ctx.out,
                sub.isEmpty() ? tr("suspicious needs a subcommand: list or clear.")
                              : tr("Unknown suspicious subcommand \"%1\".").arg(sub));
        auto id = CustomerCli::objectId(ctx, QStringLiteral("suspicious clear"), tr("pair"));
        if (!id.ok())
            return ctx.out.fail(id.error());
        BV_CLI_TRY(CustomerCli::noExtraArguments(ctx, 2));
        const QString reason = ctx.option(QStringLiteral("reason"));
        if (reason.trimmed().isEmpty())
            return Cli::usageError(ctx.out,
                tr("suspicious clear needs --reason TEXT: what the review found (for example: spouses share a "
                   "phone)."));
        auto review = open(ctx, QStringLiteral("suspicious clear"));
        if (!review.ok())
            return ctx.out.fail(review.error());
        BV_CLI_TRY((*review)->clearSuspicious(*id, reason));
        ctx.out.result({{QStringLiteral("id"), *id}, {QStringLiteral("status"), statusKey(PairStatus::Cleared)}},
            tr("Suspicious pair %1 was cleared.").arg(*id));
        return 0;
    }
};

} // namespace

bool isServerReviewCommand(const QString& word)
{
    return word == QLatin1String("tiers") || word == QLatin1String("suspicious");
}

int runServerReviewCommand(CliContext& ctx, const QString& word)
{
    ctx.arguments.removeFirst(); // the command word: the arguments as the local command reads them
    return word == QLatin1String("tiers") ? CustomerReviewCommands::tiers(ctx, openServerReview)
                                          : CustomerReviewCommands::suspicious(ctx, openServerReview);
}

void registerCustomerReviewCommands(CommandTable& table)
{
    table.append({QStringLiteral("approvals"),
        QStringLiteral("approvals list [--limit N] [--after ID] | approve ID [ID…] --reason TEXT | reject ID "
                       "--reason TEXT   (--user LOGIN; customer changes)"),
        CustomerReviewCommands::approvals});
    table.append({QStringLiteral("tiers"),
        QStringLiteral("tiers list | confirm ID | reject ID --reason TEXT   (--user MANAGER)"),
        [](CliContext& ctx) { return CustomerReviewCommands::tiers(ctx, openLocalReview); }});
    table.append(
        {QStringLiteral("suspicious"), QStringLiteral("suspicious list | clear ID --reason TEXT   (--user MANAGER)"),
            [](CliContext& ctx) { return CustomerReviewCommands::suspicious(ctx, openLocalReview); }});
}

} // namespace bv::cli
