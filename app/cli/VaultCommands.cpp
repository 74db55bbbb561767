// init, unlock, verify, backup, restore, rekey: the storage commands.
#include "Cli.h"
#include "CliInput.h"
#include "vault/VaultService.h"

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
        auto created = ctx.vaults.init(ctx.databasePath);
        if (!created.ok())
            return ctx.out.fail(created.error());
        const QString passphrase = QString::fromLatin1(created->recoveryPassphrase.view().toByteArray());
        const QString path = QDir::toNativeSeparators(created->vault->path());
        ctx.out.result(
            {{QStringLiteral("database"), path}, {QStringLiteral("databaseId"), created->vault->databaseId()},
                {QStringLiteral("recoveryPassphrase"), passphrase}},
            tr("Created the BranchVault database %1.\n"
               "Its key is in this account's keychain.\n\n"
               "Recovery passphrase — shown only now. Print or write it down, seal it, and keep it away "
               "from this computer; with the key envelope beside the database it unlocks the database on "
               "a new machine:\n\n    %2\n")
                .arg(path, passphrase));
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
        auto vault = ctx.openVault();
        if (!vault.ok())
            return ctx.out.fail(vault.error());
        auto report = ctx.vaults.verify(**vault);
        if (!report.ok())
            return ctx.out.fail(report.error());
        QJsonArray problems;
        for (const QString& p : report->problems)
            problems.append(p);
        if (report->ok()) {
            ctx.out.result({{QStringLiteral("problems"), problems}},
                tr("All checks passed: database integrity, page authentication (cipher_integrity_check), "
                   "key envelope and field keys."));
            return 0;
        }
        if (ctx.out.json()) {
            ctx.out.result({{QStringLiteral("problems"), problems}}, QString());
        } else {
            for (const QString& p : report->problems)
                ctx.out.text(tr("problem: %1").arg(p));
        }
        return ctx.out.fail(makeError(ErrorCode::Damaged,
            tr("Verification found %n problem(s). Restore the latest backup if the database "
               "is damaged, or follow the advice on each line.",
                nullptr, int(report->problems.size()))));
    }

    static int backup(CliContext& ctx)
    {
        if (!ctx.isSet(QStringLiteral("out")))
            return Cli::usageError(ctx.out, tr("backup needs --out FILE."));
        auto vault = ctx.openVault();
        if (!vault.ok())
            return ctx.out.fail(vault.error());
        auto written = ctx.vaults.backup(**vault, ctx.option(QStringLiteral("out")));
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
        const QString from = ctx.option(QStringLiteral("from"));
        auto restored = ctx.vaults.restore(ctx.databasePath, from, nullptr);
        if (!restored.ok() && restored.error().code == ErrorCode::KeyMissing) {
            auto passphrase = CliInput::readSecret(tr("Recovery passphrase of the backed-up database"));
            if (!passphrase.ok())
                return ctx.out.fail(restored.error());
            restored = ctx.vaults.restore(ctx.databasePath, from, &*passphrase);
        }
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

    static int rekey(CliContext& ctx)
    {
        auto vault = ctx.openVault();
        if (!vault.ok())
            return ctx.out.fail(vault.error());
        qint64 lastReported = -1;
        Status rotated = ctx.vaults.rekey(**vault, [&](qint64 done, qint64 total) {
            const qint64 percent = total > 0 ? done * 100 / total : 100;
            if (percent / 10 != lastReported / 10) {
                ctx.out.progress(tr("re-encrypting protected values: %1%").arg(percent));
                lastReported = percent;
            }
        });
        if (!rotated.ok())
            return ctx.out.fail(rotated.error());
        ctx.out.result({{QStringLiteral("database"), QDir::toNativeSeparators(ctx.databasePath)},
                           {QStringLiteral("keyGeneration"), (*vault)->cipher().generation()}},
            tr("All keys were rotated: the database key, the wrapping key and the field keys. The old key "
               "no longer opens the database; the recovery passphrase still does."));
        return 0;
    }
};

} // namespace

void registerVaultCommands(CommandTable& table)
{
    table.append({QStringLiteral("init"), QStringLiteral("init --db PATH              create a new database"),
        VaultCommands::init});
    table.append({QStringLiteral("unlock"),
        QStringLiteral("unlock --db PATH            unlock with the recovery passphrase (stdin)"),
        VaultCommands::unlock});
    table.append({QStringLiteral("verify"),
        QStringLiteral("verify --db PATH            integrity, page authentication, keys"), VaultCommands::verify});
    table.append({QStringLiteral("backup"),
        QStringLiteral("backup --db PATH --out FILE write an encrypted, checked backup"), VaultCommands::backup});
    table.append({QStringLiteral("restore"),
        QStringLiteral("restore --db PATH --from FILE  restore a backup (passphrase on stdin if needed)"),
        VaultCommands::restore});
    table.append({QStringLiteral("rekey"), QStringLiteral("rekey --db PATH             rotate every key"),
        VaultCommands::rekey});
}

} // namespace bv::cli
