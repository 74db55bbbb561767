// server add-workstation | remove-workstation | init | status: connecting this workstation to the branch server and
// setting the server up (docs/SERVER.md).
#include "app/cli/Cli.h"
#include "app/cli/CliInput.h"
#include "core/keys/SecretStore.h"
#include "core/server/ServerAddress.h"
#include "core/server/ServerSetup.h"
#include "core/server/ServerWorkstation.h"

#include <QDir>

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
        if (word == QLatin1String("status"))
            return status(ctx);
        return Cli::usageError(ctx.out,
            tr("Use: server add-workstation --url postgresql://HOST/DB --ca CA.crt --cert NAME.crt --key NAME.key | "
               "remove-workstation | init --owner LOGIN | status --user LOGIN."));
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
        if (owner.isEmpty())
            return Cli::usageError(
                ctx.out, tr("server init needs --owner LOGIN: the database's owner, as the DBA created it."));
        auto password = CliInput::readSecret(tr("Password of %1 on the branch server").arg(owner));
        if (!password.ok())
            return ctx.out.fail(password.error());
        auto done = ServerSetup::init(ctx.store, owner, *password);
        if (!done.ok())
            return ctx.out.fail(done.error());
        ctx.out.result({{QStringLiteral("url"), done->url}, {QStringLiteral("schemaVersion"), done->schemaVersion},
                           {QStringLiteral("databaseId"), done->databaseId}},
            tr("The branch server %1 is set up (schema version %2, database %3).")
                .arg(done->url)
                .arg(done->schemaVersion)
                .arg(done->databaseId));
        return 0;
    }

    static int status(CliContext& ctx)
    {
        const QString login = ctx.option(QStringLiteral("user"));
        if (login.isEmpty())
            return Cli::usageError(ctx.out, tr("server status needs --user LOGIN."));
        auto password = CliInput::readSecret(tr("Password of %1 on the branch server").arg(login));
        if (!password.ok())
            return ctx.out.fail(password.error());
        auto state = ServerSetup::status(ctx.store, login, *password);
        if (!state.ok())
            return ctx.out.fail(state.error());
        ctx.out.result({{QStringLiteral("url"), state->url}, {QStringLiteral("tls"), state->tlsVersion},
                           {QStringLiteral("role"), state->role}},
            tr("Connected to the branch server %1 over %2 as %3 (%4).")
                .arg(state->url, state->tlsVersion, login, state->role));
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
            "  server init --owner LOGIN (stdin: its password) | status --user LOGIN   the branch server "
            "(docs/SERVER.md)"),
        ServerCommands::server});
}

} // namespace bv::cli
