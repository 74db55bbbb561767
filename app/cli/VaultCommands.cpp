// init, unlock, verify, backup, restore, rekey: the storage commands.
#include "app/cli/Cli.h"
#include "app/cli/CliInput.h"
#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/setup/DatabaseRestore.h"
#include "core/setup/FirstRun.h"
#include "core/vault/AdminService.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"

#include <QFileInfo>

#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace bv::cli {

namespace {

class VaultCommands
{
    Q_DECLARE_TR_FUNCTIONS(VaultCommands)
public:
    static int init(CliContext& ctx)
    {
        FirstRun::Request request;
        request.databasePath = ctx.databasePath;
        request.login = ctx.parser.values(QStringLiteral("user")).value(0, QStringLiteral("admin"));
        if (const QString branch = ctx.option(QStringLiteral("branch")); !branch.isEmpty())
            request.branchCode = branch;
        request.displayName = ctx.option(QStringLiteral("name"));
        request.staffNo = ctx.option(QStringLiteral("staff"));
        std::unique_ptr<Vault> vault;
        std::unique_ptr<Core> core;
        SecureBytes recovery;
        auto done
            = FirstRun::run(ctx.vaults, request, [&](std::unique_ptr<Vault> created, SecureBytes passphrase) -> Core& {
                  vault = std::move(created);
                  recovery = std::move(passphrase);
                  core = std::make_unique<Core>(*vault, ctx.vaults);
                  return *core;
              });
        if (!done.ok())
            return ctx.out.fail(done.error());
        const QString login = request.login;
        const QString passphrase = QString::fromLatin1(recovery.view().toByteArray());
        const QString password = QString::fromLatin1(done->oneTimePassword.view().toByteArray());
        const QString path = QDir::toNativeSeparators(vault->path());
        ctx.out.result({{QStringLiteral("database"), path}, {QStringLiteral("databaseId"), vault->databaseId()},
                           {QStringLiteral("recoveryPassphrase"), passphrase}, {QStringLiteral("login"), login},
                           {QStringLiteral("password"), password}},
            tr("Created the BranchVault database %1.\n"
               "Its key is in this account's keychain.\n\n"
               "Recovery passphrase — shown only now. Print or write it down, seal it, and keep it away "
               "from this computer; with the key envelope beside the database it unlocks the database on "
               "a new machine:\n\n    %2\n\n"
               "First administrator: %3, one-time password %4 (to be changed at the first sign-in: "
               "branchvault-cli passwd --user %3).")
                .arg(path, passphrase, login, password));
        return 0;
    }

    static int unlock(CliContext& ctx)
    {
        auto passphrase = CliInput::readSecret(tr("Recovery passphrase"));
        if (!passphrase.ok())
            return ctx.out.fail(passphrase.error());
        auto unlocked = ctx.vaults.unlock(ctx.databasePath, *passphrase);
        if (!unlocked.ok())
            return ctx.out.fail(unlocked.error());
        if (!unlocked->keychainStatus.ok())
            return ctx.out.fail(unlocked->keychainStatus.error());
        ctx.out.result({{QStringLiteral("database"), QDir::toNativeSeparators(ctx.databasePath)},
                           {QStringLiteral("keychain"), true}},
            tr("The database opened with the recovery passphrase, and its key is now in this account's "
               "keychain."));
        return 0;
    }

    static int verify(CliContext& ctx)
    {
        auto core = ctx.openCore(VaultService::OpenPurpose::Repair);
        if (!core.ok())
            return ctx.out.fail(core.error());
        // Verification reveals no data; with --user it is done (and audited) as that person.
        Session session;
        if (ctx.isSet(QStringLiteral("user"))) {
            auto signedIn = ctx.signIn(**core);
            if (!signedIn.ok())
                return ctx.out.fail(signedIn.error());
            session = *signedIn;
        }
        auto report = (*core)->admin().verify(session.isValid() ? &session : nullptr);
        if (!report.ok())
            return ctx.out.fail(report.error());
        QJsonArray problems;
        for (const QString& p : report->problems)
            problems.append(p);
        QJsonArray notices;
        for (const QString& n : report->notices) {
            notices.append(n);
            if (!ctx.out.json())
                ctx.out.text(tr("notice: %1").arg(n));
        }
        if (report->ok()) {
            ctx.out.result({{QStringLiteral("problems"), problems}, {QStringLiteral("notices"), notices},
                               {QStringLiteral("auditRows"), report->auditRows}},
                tr("All checks passed: database integrity, page authentication (cipher_integrity_check), "
                   "key envelope, field keys and the audit chain (%n rows).",
                    nullptr, int(report->auditRows)));
            return 0;
        }
        for (const QString& p : report->problems)
            ctx.out.text(tr("problem: %1").arg(p));
        return ctx.out.fail(makeError(ErrorCode::Damaged,
                                tr("Verification found %n problems. Restore the latest backup if the database "
                                   "is damaged, or follow the advice on each line.",
                                    nullptr, int(report->problems.size()))),
            {{QStringLiteral("problems"), problems}, {QStringLiteral("auditRows"), report->auditRows}});
    }

    static int backup(CliContext& ctx)
    {
        if (!ctx.isSet(QStringLiteral("out")))
            return Cli::usageError(ctx.out, tr("backup needs --out FILE."));
        Core* core = nullptr;
        // a database that met a damaged page may still be backed up (the copy is checked page by page)
        auto session = ctx.begin(&core, VaultService::OpenPurpose::Repair);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto written = core->admin().backup(*session, ctx.option(QStringLiteral("out")));
        if (!written.ok())
            return ctx.out.fail(written.error());
        ctx.out.result(
            {{QStringLiteral("backup"), QDir::toNativeSeparators(written->path)},
                {QStringLiteral("bytes"), written->bytes}, {QStringLiteral("databaseId"), written->databaseId}},
            tr("Backup written to %1 (%2 bytes). It is encrypted; the recovery passphrase opens it on "
               "another machine.")
                .arg(QDir::toNativeSeparators(written->path))
                .arg(written->bytes));
        return 0;
    }

    static int restore(CliContext& ctx)
    {
        if (!ctx.isSet(QStringLiteral("from")))
            return Cli::usageError(ctx.out, tr("restore needs --from FILE."));
        const QString login = ctx.parser.values(QStringLiteral("user")).value(0);
        if (login.isEmpty())
            return Cli::usageError(ctx.out,
                tr("restore needs --user LOGIN: an administrator of the backed-up database "
                   "(the password is read from standard input)."));
        const QString from = ctx.option(QStringLiteral("from"));
        // stdin: the password, then (only if the backup's key is not in the keychain) the passphrase
        auto password = CliInput::readSecret(tr("Password for %1").arg(login));
        if (!password.ok())
            return ctx.out.fail(password.error());
        const QString totp = ctx.option(QStringLiteral("totp"));
        // the database being replaced is not opened (it may be damaged): the backup's administrator decides
        const auto signIn
            = [&](const DatabaseRestore::Authenticate& authenticate) { return authenticate(login, *password, totp); };
        const auto askPassphrase = [](const Error&) -> std::optional<SecureBytes> {
            auto passphrase = CliInput::readSecret(tr("Recovery passphrase of the backed-up database"));
            if (!passphrase.ok())
                return std::nullopt; // the restore's own error (key missing) is the one to report
            return std::move(passphrase).value();
        };
        auto restored = DatabaseRestore::run(ctx.vaults, ctx.databasePath, from, signIn, askPassphrase);
        if (!restored.ok())
            return ctx.out.fail(restored.error());
        QString text = tr("Restored %1 from %2.")
                           .arg(QDir::toNativeSeparators(ctx.databasePath), QDir::toNativeSeparators(from));
        if (!restored->previousSavedAs.isEmpty())
            text += QLatin1Char(' ')
                + tr("The previous database was kept as %1.").arg(QDir::toNativeSeparators(restored->previousSavedAs));
        ctx.out.result({{QStringLiteral("database"), QDir::toNativeSeparators(ctx.databasePath)},
                           {QStringLiteral("previous"), QDir::toNativeSeparators(restored->previousSavedAs)},
                           {QStringLiteral("keychain"), restored->keychainStatus.ok()}},
            text);
        if (!restored->keychainStatus.ok())
            return ctx.out.fail(restored->keychainStatus.error());
        return 0;
    }

    static int repairEnvelope(CliContext& ctx)
    {
        auto core = ctx.openCore(VaultService::OpenPurpose::Repair);
        if (!core.ok())
            return ctx.out.fail(core.error());
        auto session = ctx.signIn(**core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        auto passphrase = (*core)->admin().repairEnvelope(*session);
        if (!passphrase.ok())
            return ctx.out.fail(passphrase.error());
        const QString text = QString::fromLatin1(passphrase->view().toByteArray());
        // The old envelope (kept aside, and inside every earlier backup) still seals the current key: the keys
        // are rotated at once, so that only the new recovery passphrase opens the database from now on.
        Status rotated = (*core)->admin().rekey(*session);
        const QJsonObject json {{QStringLiteral("database"), QDir::toNativeSeparators(ctx.databasePath)},
            {QStringLiteral("recoveryPassphrase"), text}, {QStringLiteral("keysRotated"), rotated.ok()}};
        const QString sheet
            = tr("New recovery passphrase — shown only now. Print or write it down, seal it, and keep it "
                 "away from this computer:\n\n    %1")
                  .arg(text);
        if (!rotated.ok()) {
            ctx.out.text(tr("A new key envelope was written beside the database.") + QStringLiteral("\n\n") + sheet);
            return ctx.out.fail(makeError(rotated.error().code,
                                    tr("The new recovery passphrase above is valid, but the keys could not be rotated: "
                                       "%1 Until \"branchvault-cli rekey\" succeeds, the old recovery sheet also still "
                                       "opens the database.")
                                        .arg(rotated.error().message),
                                    rotated.error().detail),
                json);
        }
        ctx.out.result(json,
            tr("A new key envelope was written beside the database and the keys were rotated: the old recovery "
               "passphrase, the old envelope and earlier backups' envelopes no longer open it. Destroy the old "
               "recovery sheet.")
                + QStringLiteral("\n\n") + sheet);
        return 0;
    }

    static int rekey(CliContext& ctx)
    {
        Core* core = nullptr;
        auto session = ctx.begin(&core);
        if (!session.ok())
            return ctx.out.fail(session.error());
        qint64 lastReported = -1;
        Status rotated = core->admin().rekey(*session, [&](qint64 done, qint64 total) {
            const qint64 percent = total > 0 ? done * 100 / total : 100;
            if (percent / 10 != lastReported / 10) {
                ctx.out.progress(tr("re-encrypting protected values: %1%").arg(percent));
                lastReported = percent;
            }
        });
        if (!rotated.ok())
            return ctx.out.fail(rotated.error());
        auto generation = core->admin().fieldKeyGeneration(*session);
        if (!generation.ok())
            return ctx.out.fail(generation.error());
        ctx.out.result({{QStringLiteral("database"), QDir::toNativeSeparators(ctx.databasePath)},
                           {QStringLiteral("keyGeneration"), *generation}},
            tr("All keys were rotated: the database key, the wrapping key and the field keys. The old key "
               "no longer opens the database; the recovery passphrase still does."));
        return 0;
    }
};

} // namespace

void registerVaultCommands(CommandTable& table)
{
    table.append({QStringLiteral("init"),
        QStringLiteral("init --db PATH [--user LOGIN] [--name NAME] [--branch CODE]  create a database and its first "
                       "administrator"),
        VaultCommands::init});
    table.append({QStringLiteral("unlock"),
        QStringLiteral("unlock --db PATH            unlock with the recovery passphrase (stdin)"),
        VaultCommands::unlock});
    table.append({QStringLiteral("verify"),
        QStringLiteral("verify --db PATH [--user LOGIN]  integrity, page authentication, keys, audit chain"),
        VaultCommands::verify});
    table.append({QStringLiteral("backup"),
        QStringLiteral("backup --user ADMIN --out FILE  write an encrypted, checked backup"), VaultCommands::backup});
    table.append({QStringLiteral("restore"),
        QStringLiteral("restore --user ADMIN --from FILE  restore a backup (stdin: password; passphrase if needed)"),
        VaultCommands::restore});
    table.append({QStringLiteral("repair-envelope"),
        QStringLiteral("repair-envelope --user ADMIN  new key envelope and recovery passphrase for a lost envelope"),
        VaultCommands::repairEnvelope});
    table.append({QStringLiteral("rekey"), QStringLiteral("rekey --user ADMIN          rotate every key"),
        VaultCommands::rekey});
}

} // namespace bv::cli
