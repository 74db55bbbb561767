#include "app/cli/Cli.h"

#include "app/cli/CliInput.h"
#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/policy/FreeText.h"
#include "core/vault/SelfCheck.h"
#include "core/vault/VaultService.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace bv::cli {

Result<std::unique_ptr<Vault>> CliContext::openVault()
{
    return vaults.open(databasePath);
}

Result<Core*> CliContext::openCore(VaultService::OpenPurpose purpose)
{
    if (core)
        return core.get();
    auto opened = vaults.open(databasePath, purpose);
    if (!opened.ok())
        return opened.error();
    vault = std::move(opened).value();
    core = std::make_unique<Core>(*vault, vaults);
    // The retention job runs whenever a front end opens the database for use (the GUI also daily); not
    // for verification, backup or repair, which must work on a database that cannot be written as usual.
    if (purpose != VaultService::OpenPurpose::Use)
        return core.get();
    auto anonymised = core->customers().retention().anonymiseDue();
    if (!anonymised.ok())
        return anonymised.error();
    return core.get();
}

Result<Session> CliContext::signIn(Core& target)
{
    const QString login = parser.values(QStringLiteral("user")).value(0);
    if (login.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            Cli::tr("This command acts for a person: give --user LOGIN (the password is read from "
                    "standard input)."),
            QString(), QStringLiteral("user"));
    auto password = CliInput::readSecret(Cli::tr("Password for %1").arg(login));
    if (!password.ok())
        return password.error();
    return target.auth().signIn(login, *password, option(QStringLiteral("totp")));
}

Result<Session> CliContext::begin(Core** out, VaultService::OpenPurpose purpose)
{
    auto opened = openCore(purpose);
    if (!opened.ok())
        return opened.error();
    *out = *opened;
    return signIn(**opened);
}

Cli::Cli()
{
    registerVaultCommands(m_commands);
    registerUserCommands(m_commands);
    registerSettingsCommands(m_commands);
    registerRequestCommands(m_commands);
    registerAuditCommands(m_commands);
    registerCustomerCommands(m_commands);
    registerCustomerReviewCommands(m_commands);
    registerCustomerCareCommands(m_commands);
    registerReportCommands(m_commands);
    registerPrintRegisterCommands(m_commands);
    registerServerCommands(m_commands);
}

int Cli::usageError(CliOutput& out, const QString& message)
{
    return out.fail(makeError(ErrorCode::InvalidInput, message + QLatin1Char(' ') + tr("See branchvault-cli --help.")));
}

Result<QString> Cli::freeText(const CliContext& ctx, const QString& option, const QString& text)
{
    const QList<FreeTextFinding> findings = FreeText::check(text);
    if (findings.isEmpty())
        return text;
    if (ctx.isSet(QStringLiteral("mask-numbers")))
        return FreeText::maskFindings(text);
    Error refused = FreeText::refusal(findings, option, QStringLiteral("--") + option);
    refused.message += QLatin1Char(' ') + tr("Or run the command again with --mask-numbers to save them masked.");
    return refused;
}

QString Cli::helpText() const
{
    QString text = tr("Usage: branchvault-cli [--db PATH] [--json] COMMAND [ARGUMENTS]\n\n"
                      "BranchVault's headless front end for administrators and scripts. Secrets (passwords, the "
                      "recovery passphrase) are read from standard input, never from the command line.\n\n"
                      "Commands:\n");
    for (const Command& command : m_commands)
        text += QStringLiteral("  %1\n").arg(command.synopsis);
    text += tr("\nOptions:\n"
               "  --db PATH      the database (default: %1)\n"
               "  --json         structured output on stdout\n"
               "  --mask-numbers save ID, mobile and card numbers found in free text (purposes, contents, "
               "resolutions) masked instead of refusing the text\n"
               "  --lang LANG    zh_CN or en (default: the system language)\n"
               "  --version      program and library versions\n"
               "  --help         this text\n\n"
               "Exit status 0 means success; any other status comes with one line on stderr naming the cause.")
                .arg(QDir::toNativeSeparators(VaultService::defaultDatabasePath()));
    return text;
}

int Cli::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    // One parser for every command: options with a value, then flags. Each command checks what it needs.
    static const char* const valueOptions[] = {"db", "lang", "out", "from", "user", "totp", "role", "name", "branch",
        "type", "customer", "customers", "fields", "purpose", "days", "hours", "reason", "since", "until", "action",
        "checkpoint", "file", "report", "id", "mobile", "account", "manager", "until-date", "limit", "login", "staff",
        "after", "sort", "channel", "content", "scope", "customers-count", "copies", "outcome", "status", "resolution",
        "received", "date", "param", "pdf", "period-days", "serial", "to", "witness", "method", "image", "person-totp",
        "url", "ca", "cert", "key", "owner", "admin"};
    static const char* const flagOptions[] = {"json", "help", "version", "all", "quick", "enable", "disable",
        "marketing", "open", "recovery", "mask-numbers"};
    for (const char* name : valueOptions)
        parser.addOption(QCommandLineOption(QString::fromLatin1(name), QString(), QStringLiteral("value")));
    for (const char* name : flagOptions)
        parser.addOption(QCommandLineOption(QString::fromLatin1(name)));

    const bool jsonRequested = arguments.contains(QStringLiteral("--json"));
    CliOutput out(jsonRequested);
    if (!parser.parse(arguments))
        return usageError(out, parser.errorText());
    installTranslations(parser.value(QStringLiteral("lang")));

    if (parser.isSet(QStringLiteral("version"))) {
        auto checks = SelfCheck::run();
        const QString sqlcipher = checks.ok() ? checks->sqlcipherVersion : tr("unavailable");
        const QString provider = checks.ok() ? checks->cryptoProviderVersion : QString();
        const QString sodium = checks.ok() ? checks->sodiumVersion : QString();
        out.result({{QStringLiteral("version"), QStringLiteral(BV_VERSION)}, {QStringLiteral("sqlcipher"), sqlcipher},
                       {QStringLiteral("cryptoProvider"), provider}, {QStringLiteral("libsodium"), sodium},
                       {QStringLiteral("qt"), QString::fromLatin1(qVersion())}},
            tr("branchvault-cli %1 (SQLCipher %2 with %3, libsodium %4, Qt %5)")
                .arg(QStringLiteral(BV_VERSION), sqlcipher, provider, sodium, QString::fromLatin1(qVersion())));
        return 0;
    }
    QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("help")) || positional.isEmpty()
        || positional.constFirst() == QLatin1String("help")) {
        out.result({{QStringLiteral("help"), helpText()}}, helpText());
        return positional.isEmpty() && !parser.isSet(QStringLiteral("help")) ? exitStatusFor(ErrorCode::InvalidInput)
                                                                             : 0;
    }

    const QString word = positional.takeFirst();
    auto command
        = std::find_if(m_commands.cbegin(), m_commands.cend(), [&](const Command& c) { return c.name == word; });
    if (command == m_commands.cend())
        return usageError(out, tr("Unknown command \"%1\".").arg(word));

    auto checks = SelfCheck::run();
    if (!checks.ok())
        return out.fail(checks.error());

    KeychainSecretStore store(qEnvironmentVariableIsEmpty("BV_KEYCHAIN_SERVICE")
            ? QStringLiteral("BranchVault")
            : qEnvironmentVariable("BV_KEYCHAIN_SERVICE"));
    VaultService vaults(store);
    const QString path
        = parser.isSet(QStringLiteral("db")) ? parser.value(QStringLiteral("db")) : VaultService::defaultDatabasePath();
    CliContext context {parser, positional, out, store, vaults, QFileInfo(path).absoluteFilePath(), {}, {}};
    return command->run(context);
}

} // namespace bv::cli
