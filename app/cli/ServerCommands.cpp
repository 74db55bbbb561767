// server add-workstation | remove-workstation | init | status | user | passwd | audit verify|checkpoint: connecting
// this workstation to the branch server, setting the server up, and its accounts and audit chain (docs/SERVER.md).
#include "app/cli/AuditCliSupport.h"
#include "app/cli/Cli.h"
#include "app/cli/CliInput.h"
#include "app/cli/ServerCliSupport.h"
#include "core/auth/Role.h"
#include "core/common/AtomicFile.h"
#include "core/keys/SecretStore.h"
#include "core/server/ServerAddress.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerSetup.h"
#include "core/server/ServerWorkstation.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace bv::cli {

namespace {

class ServerCommands
{
    Q_DECLARE_TR_FUNCTIONS(ServerCommands)
public:
    static int server(CliContext& ctx)
    {
        const QString word = ctx.arguments.value(0);
        if (word == QLatin1String("add-workstation"))
            return addWorkstation(ctx);
        if (word == QLatin1String("remove-workstation"))
            return removeWorkstation(ctx);
        if (word == QLatin1String("init"))
            return init(ctx);
        if (word == QLatin1String("upgrade"))
            return upgrade(ctx);
        if (word == QLatin1String("status"))
            return status(ctx);
        if (word == QLatin1String("user"))
            return user(ctx);
        if (word == QLatin1String("passwd"))
            return passwd(ctx);
        if (word == QLatin1String("audit") && ctx.arguments.value(1) == QLatin1String("verify"))
            return verifyAudit(ctx);
        if (word == QLatin1String("audit") && ctx.arguments.value(1) == QLatin1String("checkpoint"))
            return checkpointAudit(ctx);
        if (word == QLatin1String("audit") && ctx.arguments.value(1) == QLatin1String("purge"))
            return purgeAudit(ctx);
        if (word == QLatin1String("calendar"))
            return runServerCalendarCommand(ctx);
        if (word == QLatin1String("settings"))
            return runServerSettingsCommand(ctx);
        if (isServerCareCommand(word))
            return runServerCareCommand(ctx, word);
        if (isServerReviewCommand(word))
            return runServerReviewCommand(ctx, word);
        if (isServerCustomerCommand(word))
            return runServerCustomerCommand(ctx, word);
        return Cli::usageError(ctx.out,
            tr("Use: server add-workstation --url postgresql://HOST/DB --ca CA.crt --cert NAME.crt --key NAME.key | "
               "remove-workstation | init --owner LOGIN --admin LOGIN --branch CODE | upgrade --owner LOGIN | status "
               "--user LOGIN | "
               "user add|confirm LOGIN --user LOGIN | passwd --user LOGIN | audit verify [--checkpoint FILE] | audit "
               "checkpoint --out FILE | audit purge (--user AUDITOR) | calendar import FILE (--user ADMIN) | settings "
               "get [KEY] | settings set KEY VALUE (--user ADMIN) | "
               "complaint|service|consent|tiers|suspicious (as without server, --user LOGIN) | customer "
               "add|edit|list|close "
               "| "
               "change "
               "list|approve|reject | request "
               "list|reveal|approve|reject | reveal (--user LOGIN)."));
    }

private:
    static int addWorkstation(CliContext& ctx)
    {
        for (const char* option : {"url", "ca", "cert", "key"}) {
            if (ctx.option(QString::fromLatin1(option)).isEmpty())
                return Cli::usageError(ctx.out,
                    tr("server add-workstation needs --%1 (--url postgresql://HOST[:PORT]/DATABASE, --ca for the "
                       "branch CA's certificate, --cert and --key for this workstation's certificate and key).")
                        .arg(QString::fromLatin1(option)));
        }
        auto address = ServerAddress::parse(ctx.option(QStringLiteral("url")));
        if (!address.ok())
            return ctx.out.fail(address.error());
        auto passphrase = CliInput::readSecret(tr("Passphrase of the workstation's key"));
        if (!passphrase.ok())
            return ctx.out.fail(passphrase.error());
        const ServerWorkstation::Files files {
            ctx.option(QStringLiteral("ca")), ctx.option(QStringLiteral("cert")), ctx.option(QStringLiteral("key"))};
        auto added = ServerWorkstation::add(ctx.store, *address, files, *passphrase);
        if (!added.ok())
            return ctx.out.fail(added.error());
        ctx.out.result({{QStringLiteral("url"), added->address.url()},
                           {QStringLiteral("folder"), QDir::toNativeSeparators(ServerWorkstation::folder())}},
            tr("This workstation is connected to the branch server %1: the server proved its identity with the "
               "branch CA's certificate, and the workstation's key opens. Copies of the certificates and the key are "
               "in %2; the key's passphrase is in %3. Delete the key file you were given.")
                .arg(
                    added->address.url(), QDir::toNativeSeparators(ServerWorkstation::folder()), ctx.store.describe()));
        return 0;
    }

    static int removeWorkstation(CliContext& ctx)
    {
        auto existing = ServerWorkstation::configured();
        if (!existing.ok())
            return ctx.out.fail(existing.error());
        BV_CLI_TRY(ServerWorkstation::remove(ctx.store));
        ctx.out.result({{QStringLiteral("url"), existing->address.url()}},
            tr("This workstation is no longer connected to the branch server %1.").arg(existing->address.url()));
        return 0;
    }

    static int init(CliContext& ctx)
    {
        const QString owner = ctx.option(QStringLiteral("owner"));
        ServerSetup::Branch branch {ctx.option(QStringLiteral("branch")), ctx.option(QStringLiteral("name")),
            ctx.option(QStringLiteral("admin")), ctx.option(QStringLiteral("staff"))};
        if (owner.isEmpty() || branch.adminLogin.isEmpty() || branch.code.isEmpty())
            return Cli::usageError(ctx.out,
                tr("server init needs --owner LOGIN (the database's owner, as the DBA created it), --admin LOGIN (the "
                   "branch's first administrator) and --branch CODE (the branch code); --name TEXT and --staff NO "
                   "are optional."));
        auto password = CliInput::readSecret(tr("Password of %1 on the branch server").arg(owner));
        if (!password.ok())
            return ctx.out.fail(password.error());
        auto done = ServerSetup::init(ctx.store, owner, *password, branch);
        if (!done.ok())
            return ctx.out.fail(done.error());
        const QString recovery = QString::fromLatin1(done->recoveryPassphrase.view().toByteArray());
        const QString admin = QString::fromLatin1(done->adminPassword.view().toByteArray());
        ctx.out.result(
            {{QStringLiteral("url"), done->url}, {QStringLiteral("schemaVersion"), done->schemaVersion},
                {QStringLiteral("databaseId"), done->databaseId}, {QStringLiteral("recoveryPassphrase"), recovery},
                {QStringLiteral("adminLogin"), branch.adminLogin.trimmed().toLower()},
                {QStringLiteral("adminPassword"), admin}},
            tr("The branch server %1 is set up (schema version %2, database %3).\n"
               "Recovery passphrase (shown once; print it, seal it and keep it in the branch safe — it is the only "
               "way to give the first branch manager access to customer information): %4\n"
               "One-time password of the administrator %5 (to be changed at the first sign-in: server passwd): %6")
                .arg(done->url)
                .arg(done->schemaVersion)
                .arg(done->databaseId, recovery, branch.adminLogin.trimmed().toLower(), admin));
        return 0;
    }

    static int upgrade(CliContext& ctx)
    {
        const QString owner = ctx.option(QStringLiteral("owner"));
        if (owner.isEmpty())
            return Cli::usageError(ctx.out,
                tr("server upgrade needs --owner LOGIN (the database's owner, as the DBA created it); the owner's "
                   "password is read from stdin."));
        auto password = CliInput::readSecret(tr("Password of %1 on the branch server").arg(owner));
        if (!password.ok())
            return ctx.out.fail(password.error());
        auto done = ServerSetup::upgrade(ctx.store, owner, *password);
        if (!done.ok())
            return ctx.out.fail(done.error());
        QJsonArray applied, years;
        QStringList yearTexts;
        for (const QString& file : std::as_const(done->applied))
            applied.append(file);
        for (int year : std::as_const(done->calendarYears)) {
            years.append(year);
            yearTexts << QString::number(year);
        }
        const QJsonObject json {{QStringLiteral("url"), done->url}, {QStringLiteral("databaseId"), done->databaseId},
            {QStringLiteral("from"), done->from}, {QStringLiteral("to"), done->to},
            {QStringLiteral("applied"), applied}, {QStringLiteral("calendarYears"), years}};
        if (done->applied.isEmpty()) {
            ctx.out.result(json,
                tr("The branch server %1 holds every migration of this program already (schema version %2); nothing "
                   "was changed.")
                    .arg(done->url)
                    .arg(done->to));
            return 0;
        }
        ctx.out.result(json,
            tr("The branch server %1 is upgraded from schema version %2 to %3: %4. %5 Recorded in the branch's audit "
               "chain (db.upgrade).")
                .arg(done->url)
                .arg(done->from)
                .arg(done->to)
                .arg(done->applied.join(QStringLiteral(", ")),
                    yearTexts.isEmpty() ? tr("The holiday calendar is as it was.")
                                        : tr("Holiday calendar years added from this program: %1.")
                                              .arg(yearTexts.join(QStringLiteral(", ")))));
        return 0;
    }

    // Signs in as --user with the password on stdin's first line.
    static Result<std::unique_ptr<ServerSession>> signIn(
        CliContext& ctx, const QString& command, SecureBytes* typed = nullptr)
    {
        return serverSignIn(ctx, command, typed);
    }

    static QString keysLabel(ServerSession::Keys keys)
    {
        switch (keys) {
        case ServerSession::Keys::Open:
            return QStringLiteral("open");
        case ServerSession::Keys::AwaitingPasswordChange:
            return QStringLiteral("awaiting-password-change");
        case ServerSession::Keys::None:
            break;
        }
        return QStringLiteral("none");
    }

    static int status(CliContext& ctx)
    {
        auto session = signIn(ctx, QStringLiteral("server status"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        const ServerSession::Identity& me = (*session)->identity();
        QString keys;
        switch (me.keys) {
        case ServerSession::Keys::Open:
            keys = tr("The customer-information keys are open.");
            break;
        case ServerSession::Keys::AwaitingPasswordChange:
            keys = tr("Change the one-time password first (server passwd, with the confirmation code): it opens the "
                      "customer-information keys.");
            break;
        case ServerSession::Keys::None:
            keys = Roles::holdsKeys(me.role) ? tr("This account holds no key slot yet: a branch manager confirms it.")
                                             : tr("This role holds no customer-information keys.");
            break;
        }
        ctx.out.result(
            {{QStringLiteral("url"), me.url}, {QStringLiteral("tls"), me.tlsVersion},
                {QStringLiteral("login"), me.login}, {QStringLiteral("role"), Roles::key(me.role)},
                {QStringLiteral("branch"), me.branch}, {QStringLiteral("mustChangePassword"), me.mustChangePassword},
                {QStringLiteral("keys"), keysLabel(me.keys)}},
            tr("Connected to the branch server %1 over %2 as %3 (%4, branch %5). %6")
                .arg(me.url, me.tlsVersion, me.login, Roles::label(me.role), me.branch, keys));
        return 0;
    }

    static int user(CliContext& ctx)
    {
        const QString sub = ctx.arguments.value(1);
        const QString login = ctx.arguments.value(2);
        if ((sub != QLatin1String("add") && sub != QLatin1String("confirm")) || login.isEmpty())
            return Cli::usageError(ctx.out,
                tr("Use: server user add LOGIN --role ROLE [--staff NO] --user ADMIN | server user confirm LOGIN "
                   "[--recovery] --user LOGIN."));
        if (sub == QLatin1String("add")) {
            const auto role = Roles::fromKey(ctx.option(QStringLiteral("role")));
            if (!role)
                return Cli::usageError(ctx.out, tr("--role: one of manager, customer_manager, clerk, admin, auditor."));
            auto session = signIn(ctx, QStringLiteral("server user add"));
            if (!session.ok())
                return ctx.out.fail(session.error());
            auto oneTime = (*session)->createAccount(login, *role, ctx.option(QStringLiteral("staff")));
            if (!oneTime.ok())
                return ctx.out.fail(oneTime.error());
            const QString password = QString::fromLatin1(oneTime->view().toByteArray());
            ctx.out.result({{QStringLiteral("login"), login}, {QStringLiteral("role"), Roles::key(*role)},
                               {QStringLiteral("oneTimePassword"), password},
                               {QStringLiteral("awaitingConfirmation"), Roles::holdsKeys(*role)}},
                (Roles::holdsKeys(*role) ? tr("Account %1 (%2) is created on the branch server and waits for a branch "
                                              "manager's confirmation. One-time password: %3 — give it to the person "
                                              "in private.")
                                         : tr("Account %1 (%2) is created on the branch server. One-time password: %3 "
                                              "— give it to the person in private."))
                    .arg(login, Roles::label(*role), password));
            return 0;
        }
        auto session = signIn(ctx, QStringLiteral("server user confirm"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        SecureBytes recovery;
        if (ctx.isSet(QStringLiteral("recovery"))) {
            auto typed = CliInput::readSecret(tr("Recovery passphrase"));
            if (!typed.ok())
                return ctx.out.fail(typed.error());
            recovery = std::move(typed).value();
        }
        auto confirmed = (*session)->confirm(login, recovery);
        if (!confirmed.ok())
            return ctx.out.fail(confirmed.error());
        const QString code = QString::fromLatin1(confirmed->confirmationCode.view().toByteArray());
        ctx.out.result({{QStringLiteral("login"), login}, {QStringLiteral("change"), confirmed->change},
                           {QStringLiteral("confirmationCode"), code}},
            code.isEmpty() ? tr("The change to %1 is confirmed and in effect.").arg(login)
                           : tr("The change to %1 is confirmed. Confirmation code: %2 — give it to the person in "
                                "private, apart from the one-time password: it is typed once, with the first new "
                                "password (branchvault-cli server passwd asks for it).")
                                 .arg(login, code));
        return 0;
    }

    // Said once, when this run pinned the server's database id on this workstation (trust on first use).
    static QString pinnedSentence(bool pinnedNow, const QString& databaseId)
    {
        return pinnedNow ? QLatin1Char(' ')
                + tr("This workstation now keeps the branch server's database id (%1…) and refuses a server that "
                     "reports another one from now on.")
                      .arg(databaseId.left(8))
                         : QString();
    }

    static int verifyAudit(CliContext& ctx)
    {
        std::optional<QString> checkpointText;
        const QString checkpointPath = ctx.option(QStringLiteral("checkpoint"));
        if (ctx.isSet(QStringLiteral("checkpoint"))) {
            auto text = AuditCli::readCheckpoint(checkpointPath);
            if (!text.ok())
                return ctx.out.fail(text.error());
            checkpointText = *text;
        }
        auto session = signIn(ctx, QStringLiteral("server audit verify"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        // a checkpoint that does not parse is refused after the sign-in, so that the attempt is recorded
        auto check = checkpointText ? (*session)->verifyAuditAgainst(*checkpointText) : (*session)->verifyAudit();
        if (!check.ok())
            return ctx.out.fail(check.error());
        const std::optional<AuditCheckpoint>& checkpoint = check->checkpoint;
        const AuditVerification& v = check->verification;
        if (!v.ok())
            return ctx.out.fail(Error {ErrorCode::Damaged,
                v.firstBrokenSeq > 0 || !checkpoint
                    ? tr("The branch server's audit log is broken at row %1: %2. Leave the server as it is for the "
                         "investigation and report it to the information-security office.")
                          .arg(v.firstBrokenSeq)
                          .arg(v.problem)
                    : tr("The branch server's audit log does not match the checkpoint: %1. Check that the checkpoint "
                         "was taken of this branch server, and report it to the information-security office.")
                          .arg(v.problem),
                {}, {}});
        QJsonObject json {{QStringLiteral("intact"), true}, {QStringLiteral("rowsChecked"), v.rowsChecked},
            {QStringLiteral("firstSeq"), v.firstSeq}, {QStringLiteral("headSeq"), v.headSeq},
            {QStringLiteral("headHash"), QString::fromLatin1(v.headHash.toHex())},
            {QStringLiteral("databaseId"), check->databaseId}, {QStringLiteral("pinnedNow"), check->pinnedNow}};
        QString text = tr(
            "The branch server's audit chain is intact: %n rows checked, up to row %1.", nullptr, int(v.rowsChecked))
                           .arg(v.headSeq);
        if (checkpoint) {
            json.insert(QStringLiteral("checkpoint"),
                AuditCli::compared(*checkpoint, QDir::toNativeSeparators(checkpointPath)));
            text += QLatin1Char(' ')
                + tr("It matches the checkpoint of row %1 taken %2 (UTC).")
                      .arg(checkpoint->seq)
                      .arg(checkpoint->created.toUTC().toString(Qt::ISODate));
        }
        ctx.out.result(json, text + pinnedSentence(check->pinnedNow, check->databaseId));
        return 0;
    }

    static int checkpointAudit(CliContext& ctx)
    {
        if (!ctx.isSet(QStringLiteral("out")) || ctx.option(QStringLiteral("out")).trimmed().isEmpty())
            return Cli::usageError(ctx.out, tr("server audit checkpoint needs --out FILE."));
        const QString path = ctx.option(QStringLiteral("out"));
        BV_CLI_TRY(AtomicFile::checkNew(path, QStringLiteral("out")));
        auto session = signIn(ctx, QStringLiteral("server audit checkpoint"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto head = (*session)->checkpointAudit();
        if (!head.ok())
            return ctx.out.fail(head.error());
        BV_CLI_TRY(AtomicFile::writeNew(path, QStringLiteral("out"), head->checkpoint.toText().toUtf8()));
        const QString file = QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath());
        QJsonObject json = AuditCli::written(head->checkpoint, file);
        json.insert(QStringLiteral("pinnedNow"), head->pinnedNow);
        ctx.out.result(json,
            tr("Checkpoint of the branch server's audit log at row %1 written to %2. Keep a copy away from this "
               "computer and from the server; server audit verify --checkpoint FILE later shows whether the "
               "server's log was rewritten since.")
                    .arg(head->checkpoint.seq)
                    .arg(file)
                + pinnedSentence(head->pinnedNow, head->checkpoint.databaseId));
        return 0;
    }

    static int purgeAudit(CliContext& ctx)
    {
        auto session = signIn(ctx, QStringLiteral("server audit purge"));
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto purged = (*session)->purgeAudit();
        if (!purged.ok())
            return ctx.out.fail(purged.error());
        ctx.out.result(AuditCli::purged(purged->rows, purged->retentionDays),
            AuditCli::purgedText(purged->rows, purged->retentionDays));
        return 0;
    }

    // stdin: the current password, the new one, the new one again, and — the first time after a branch manager's
    // confirmation — the confirmation code.
    static int passwd(CliContext& ctx)
    {
        SecureBytes current;
        auto session = signIn(ctx, QStringLiteral("server passwd"), &current);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto next = CliInput::readSecret(tr("New password"));
        if (!next.ok())
            return ctx.out.fail(next.error());
        auto again = CliInput::readSecret(tr("New password again"));
        if (!again.ok())
            return ctx.out.fail(again.error());
        if (next->view() != again->view())
            return ctx.out.fail(Error {ErrorCode::InvalidInput, tr("The two new passwords differ. Type them again."),
                {}, QStringLiteral("password")});
        SecureBytes code;
        if ((*session)->identity().keys == ServerSession::Keys::AwaitingPasswordChange) {
            auto typed = CliInput::readSecret(tr("Confirmation code from the branch manager"));
            if (!typed.ok())
                return ctx.out.fail(typed.error());
            code = std::move(typed).value();
        }
        BV_CLI_TRY((*session)->changePassword(current, *next, code));
        ctx.out.result({{QStringLiteral("login"), (*session)->identity().login},
                           {QStringLiteral("keys"), keysLabel((*session)->identity().keys)}},
            tr("The password of %1 on the branch server is changed.").arg((*session)->identity().login));
        return 0;
    }
};

} // namespace

void registerServerCommands(CommandTable& table)
{
    table.append({QStringLiteral("server"),
        QStringLiteral(
            "server add-workstation --url postgresql://HOST[:PORT]/DB --ca CA.crt --cert WS.crt --key WS.key "
            "(stdin: the key's passphrase) | remove-workstation\n"
            "  server init --owner LOGIN --admin LOGIN --branch CODE [--name TEXT] (stdin: the owner's password) | "
            "server upgrade --owner LOGIN (stdin: the owner's password) | "
            "status --user LOGIN\n"
            "  server user add LOGIN --role ROLE [--staff NO] | user confirm LOGIN [--recovery] | passwd   "
            "(--user LOGIN, stdin: the password)\n"
            "  server audit verify [--checkpoint FILE] | audit checkpoint --out FILE   (--user AUDITOR)\n"
            "  server calendar import FILE   (--user ADMIN)\n"
            "  server complaint ... | service ... | consent ... | tiers ... | suspicious ...   the commands above, on "
            "the "
            "branch server (--user LOGIN)\n"
            "  server customer add [--file F.json] | customer list [--after NO] | customer show NO | customer history "
            "NO | customer close NO --reason TEXT | customer lookup "
            "--name NAME --id ID --purpose "
            "TEXT | change list | change approve|reject ID --reason "
            "TEXT | request list [--open] | request reveal NO --fields F1,F2 --purpose TEXT [--hours N] | request "
            "approve|reject ID --reason "
            "TEXT | reveal REQUEST NO --fields F1,F2   (--user LOGIN)   the branch server (docs/SERVER.md)\n"
            "  server customer assign|transfer|custody|return|reclaim NO [--manager LOGIN] [--until-date DATE] "
            "[--reason TEXT] | customer reassignment-list   (--user LOGIN, a branch manager)"),
        ServerCommands::server});
}

} // namespace bv::cli
