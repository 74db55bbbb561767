// user add|freeze|unfreeze|reset|role|remove-totp|list|awaiting|confirm|decline, passwd, totp: accounts,
// their dual control and own credentials.
#include "app/cli/Cli.h"
#include "app/cli/CliInput.h"
#include "core/Core.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordRule.h"
#include "core/policy/SettingsService.h"
#include "core/policy/Statuses.h"

#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

class UserCommands
{
    Q_DECLARE_TR_FUNCTIONS(UserCommands)
public:
    static QJsonObject toJson(const Account& a)
    {
        return QJsonObject {{QStringLiteral("login"), a.login}, {QStringLiteral("name"), a.displayName},
            {QStringLiteral("staffNo"), a.staffNo}, {QStringLiteral("role"), Roles::key(a.role)},
            {QStringLiteral("branch"), a.branch},
            {QStringLiteral("status"), statusKey(a.frozen ? StaffStatus::Frozen : StaffStatus::Active)},
            {QStringLiteral("mustChangePassword"), a.mustChangePassword},
            {QStringLiteral("secondFactor"), a.secondFactor},
            {QStringLiteral("lastSignIn"), a.lastSignIn.toString(Qt::ISODate)},
            {QStringLiteral("awaiting"), a.awaiting},
            {QStringLiteral("awaitingRole"), a.awaitingRole ? Roles::key(*a.awaitingRole) : QString()}};
    }

    // Said after an administrator's change to an account that can see customer data (dual control).
    static QString awaitingNote(Role role)
    {
        if (!Roles::holdsKeys(role))
            return QString();
        return QLatin1Char(' ')
            + tr("The change takes effect when a branch manager other than the account holder confirms it "
                 "(branchvault-cli user confirm LOGIN --user MANAGER); until then the account cannot sign in.");
    }

    static int user(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(0);
        const QString login = ctx.arguments.value(1);
        Core* core = nullptr;
        if (sub.isEmpty())
            return Cli::usageError(ctx.out,
                tr("user needs a subcommand: add, freeze, unfreeze, reset, role, "
                   "remove-totp, list, awaiting, confirm or decline."));
        if (sub != QLatin1String("list") && sub != QLatin1String("awaiting") && login.isEmpty())
            return Cli::usageError(ctx.out, tr("user %1 needs the login of the account.").arg(sub));
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        AccountService& accounts = core->accounts();

        if (sub == QLatin1String("add")) {
            const auto role = Roles::fromKey(ctx.option(QStringLiteral("role")));
            if (!role)
                return Cli::usageError(
                    ctx.out, tr("user add needs --role admin|auditor|manager|customer_manager|clerk."));
            if (!ctx.isSet(QStringLiteral("name")))
                return Cli::usageError(ctx.out, tr("user add needs --name \"display name\"."));
            auto password = accounts.create(*session,
                NewAccount {login, ctx.option(QStringLiteral("name")), *role, ctx.option(QStringLiteral("staff")),
                    ctx.option(QStringLiteral("branch"))});
            if (!password.ok())
                return ctx.out.fail(password.error());
            const QString oneTime = QString::fromLatin1(password->view().toByteArray());
            ctx.out.result({{QStringLiteral("login"), login.toLower()}, {QStringLiteral("password"), oneTime},
                               {QStringLiteral("awaitingConfirmation"), Roles::holdsKeys(*role)}},
                tr("Created %1 (%2). One-time password: %3 — give it to the person in private; it must be "
                   "changed at the first sign-in.")
                        .arg(login.toLower(), Roles::label(*role), oneTime)
                    + awaitingNote(*role));
            return 0;
        }
        if (sub == QLatin1String("reset")) {
            auto password = accounts.resetPassword(*session, login);
            if (!password.ok())
                return ctx.out.fail(password.error());
            const QString oneTime = QString::fromLatin1(password->view().toByteArray());
            auto account = accounts.accountByLogin(login);
            const bool awaits = account.ok() && !account->awaiting.isEmpty();
            ctx.out.result({{QStringLiteral("login"), login}, {QStringLiteral("password"), oneTime},
                               {QStringLiteral("awaitingConfirmation"), awaits}},
                tr("New one-time password for %1: %2 (to be changed at the next sign-in; any lockout is "
                   "lifted).")
                        .arg(login, oneTime)
                    + (awaits ? awaitingNote(account->role) : QString()));
            return 0;
        }
        if (sub == QLatin1String("list") || sub == QLatin1String("awaiting")) {
            const bool awaiting = sub == QLatin1String("awaiting");
            auto list = awaiting ? accounts.awaitingConfirmation(*session) : accounts.list(*session);
            if (!list.ok())
                return ctx.out.fail(list.error());
            QJsonArray rows;
            QString text;
            for (const Account& a : *list) {
                rows.append(toJson(a));
                // list: login, role, status, staff number, name; awaiting: login, role after it, change, since, name
                text += QStringLiteral("%1  %2  %3  %4  %5\n")
                            .arg(a.login, -20)
                            .arg(Roles::key(awaiting ? a.awaitingRole.value_or(a.role) : a.role), -17)
                            .arg(awaiting ? a.awaiting
                                          : statusLabel(a.frozen ? StaffStatus::Frozen : StaffStatus::Active),
                                -9)
                            .arg(awaiting ? a.awaitingSince.toString(Qt::ISODate) : a.staffNo, -20)
                            .arg(a.displayName);
            }
            ctx.out.result({{QStringLiteral("accounts"), rows}}, text);
            return 0;
        }
        if (sub == QLatin1String("confirm")) {
            Result<AccountService::Confirmed> confirmed = makeError(ErrorCode::Internal, QString());
            if (ctx.isSet(QStringLiteral("recovery"))) {
                auto passphrase = CliInput::readSecret(tr("Recovery passphrase"));
                if (!passphrase.ok())
                    return ctx.out.fail(passphrase.error());
                confirmed = accounts.confirmWithRecovery(*session, login, *passphrase);
            } else {
                confirmed = accounts.confirm(*session, login);
            }
            if (!confirmed.ok())
                return ctx.out.fail(confirmed.error());
            const QString code = QString::fromLatin1(confirmed->confirmationCode.view().toByteArray());
            ctx.out.result({{QStringLiteral("login"), login}, {QStringLiteral("change"), confirmed->change},
                               {QStringLiteral("confirmationCode"), code}},
                code.isEmpty() ? tr("The change to %1 is confirmed and in effect.").arg(login)
                               : tr("The change to %1 is confirmed. Confirmation code: %2 — give it to the person in "
                                    "private, apart from the one-time password: it is typed once, with the first new "
                                    "password (branchvault-cli passwd asks for it).")
                                     .arg(login, code));
            return 0;
        }
        Status done;
        QString message;
        if (sub == QLatin1String("freeze")) {
            done = accounts.freeze(*session, login);
            message = tr("%1 is frozen; the account stays in the records.").arg(login);
        } else if (sub == QLatin1String("unfreeze")) {
            done = accounts.unfreeze(*session, login);
            auto account = accounts.accountByLogin(login);
            message = account.ok() && !account->awaiting.isEmpty()
                ? tr("The unfreezing of %1 is recorded.").arg(login) + awaitingNote(account->role)
                : tr("%1 is active again.").arg(login);
        } else if (sub == QLatin1String("role")) {
            const auto role = Roles::fromKey(ctx.option(QStringLiteral("role")));
            if (!role)
                return Cli::usageError(ctx.out, tr("user role needs --role manager|customer_manager|clerk."));
            done = accounts.changeRole(*session, login, *role);
            message = tr("The role %2 for %1 is recorded.").arg(login, Roles::label(*role)) + awaitingNote(*role);
        } else if (sub == QLatin1String("decline")) {
            done = accounts.decline(*session, login, ctx.option(QStringLiteral("reason")));
            message = tr("The waiting change to %1 is declined; a new or reset account is frozen.").arg(login);
        } else if (sub == QLatin1String("remove-totp")) {
            done = accounts.removeSecondFactor(*session, login);
            message
                = tr("The second factor of %1 was removed; the person can enrol a new authenticator app.").arg(login);
        } else {
            return Cli::usageError(ctx.out, tr("Unknown user subcommand \"%1\".").arg(sub));
        }
        if (!done.ok())
            return ctx.out.fail(done.error());
        ctx.out.result({{QStringLiteral("login"), login}}, message);
        return 0;
    }

    static int passwd(CliContext& ctx)
    {
        auto opened = ctx.openCore();
        if (!opened.ok())
            return ctx.out.fail(opened.error());
        const QString login = ctx.parser.values(QStringLiteral("user")).value(0);
        if (login.isEmpty())
            return Cli::usageError(ctx.out,
                tr("passwd needs --user LOGIN (stdin: current password, new, new; after a branch manager's "
                   "confirmation also the confirmation code)."));
        auto current = CliInput::readSecret(tr("Current password"));
        if (!current.ok())
            return ctx.out.fail(current.error());
        if (CliInput::isTerminal()) // the rule in force, before it is typed
            ctx.out.progress(PasswordRule::current((*opened)->settings()).description());
        auto next = CliInput::readSecret(tr("New password"));
        if (!next.ok())
            return ctx.out.fail(next.error());
        auto again = CliInput::readSecret(tr("New password again"));
        if (!again.ok())
            return ctx.out.fail(again.error());
        if (!next->equals(*again))
            return ctx.out.fail(makeError(ErrorCode::InvalidInput,
                tr("The two new passwords differ. Type the same new password twice."), QString(),
                QStringLiteral("password")));
        Core& core = **opened;
        auto session = core.auth().signIn(login, *current, ctx.option(QStringLiteral("totp")));
        if (!session.ok())
            return ctx.out.fail(session.error());
        SecureBytes code;
        if (core.auth().needsConfirmationCode(*session)) {
            auto typed = CliInput::readSecret(tr("Confirmation code from the branch manager"));
            if (!typed.ok())
                return ctx.out.fail(typed.error());
            code = std::move(typed).value();
        }
        BV_CLI_TRY(core.auth().changePassword(*session, *current, *next, code));
        ctx.out.result({{QStringLiteral("login"), login}}, tr("The password of %1 was changed.").arg(login));
        return 0;
    }

    static int adoptRecovery(CliContext& ctx)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto passphrase = CliInput::readSecret(tr("The new recovery passphrase"));
        if (!passphrase.ok())
            return ctx.out.fail(passphrase.error());
        BV_CLI_TRY(core->accounts().adoptRecoverySheet(*session, *passphrase));
        ctx.out.result({},
            tr("The customer keys' recovery slot is now sealed to the new recovery sheet. The earlier sheet no longer "
               "opens the customer keys; destroy it under supervision."));
        return 0;
    }

    static int totp(CliContext& ctx)
    {
        if (ctx.arguments.value(0) != QLatin1String("enrol") && ctx.arguments.value(0) != QLatin1String("enroll"))
            return Cli::usageError(ctx.out, tr("Use: totp enrol --user LOGIN (stdin: password, then the first code)."));
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto enrolment = core->auth().beginSecondFactor(*session);
        if (!enrolment.ok())
            return ctx.out.fail(enrolment.error());
        const QString secret = QString::fromLatin1(enrolment->secretBase32.view().toByteArray());
        const QString uri = QString::fromLatin1(enrolment->uri.view().toByteArray());
        if (!ctx.out.json())
            ctx.out.text(tr("Add this key to your authenticator app (or open the link), then type the code it "
                            "shows:\n    %1\n    %2")
                             .arg(secret, uri));
        auto code = CliInput::readSecret(tr("Code from the authenticator app"));
        if (!code.ok())
            return ctx.out.fail(code.error());
        BV_CLI_TRY(core->auth().confirmSecondFactor(*session, QString::fromLatin1(code->view().toByteArray())));
        ctx.out.result({{QStringLiteral("secret"), secret}, {QStringLiteral("uri"), uri}},
            tr("The second factor is enrolled: from now on sign-in needs a code (--totp CODE)."));
        return 0;
    }
};

} // namespace

void registerUserCommands(CommandTable& table)
{
    table.append({QStringLiteral("user"),
        QStringLiteral("user add LOGIN --role ROLE --name NAME [--staff NO] | freeze | unfreeze | reset | "
                       "role LOGIN --role ROLE | remove-totp LOGIN | list   (--user ADMIN)\n"
                       "  user awaiting | confirm LOGIN [--recovery] | decline LOGIN --reason TEXT   (--user MANAGER; "
                       "confirm --recovery also --user ADMIN, for the first or last branch manager)"),
        UserCommands::user});
    table.append({QStringLiteral("passwd"),
        QStringLiteral("passwd --user LOGIN         change the own password (stdin: current, new, new[, code])"),
        UserCommands::passwd});
    table.append({QStringLiteral("adopt-recovery"),
        QStringLiteral("adopt-recovery --user MANAGER  seal the customer keys' recovery slot to a repaired envelope's "
                       "new sheet (stdin: password, new passphrase)"),
        UserCommands::adoptRecovery});
    table.append({QStringLiteral("totp"),
        QStringLiteral("totp enrol --user LOGIN     enrol an authenticator app (stdin: password, code)"),
        UserCommands::totp});
}

} // namespace bv::cli
