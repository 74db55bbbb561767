#pragma once

#include "app/cli/CliOutput.h"
#include "core/common/Result.h"
#include "core/vault/VaultService.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QMap>
#include <QStringList>

#include <functional>
#include <memory>

namespace bv {
class Core;
class SecretStore;
class Session;
class Vault;
} // namespace bv

namespace bv::cli {

// What a command gets: the parsed command line, output, and the services.
struct CliContext
{
    QCommandLineParser& parser;
    QStringList arguments; // positional arguments after the command word
    CliOutput& out;
    SecretStore& store;
    VaultService& vaults;
    QString databasePath;

    QString option(const QString& name) const { return parser.value(name); }
    bool isSet(const QString& name) const { return parser.isSet(name); }
    // Opens the database with the key from this account's keychain.
    Result<std::unique_ptr<Vault>> openVault();
    // Opens the database and wires the core services (kept for the command's lifetime). `purpose` Repair
    // (verify, repair-envelope) opens a database whose key envelope is missing or damaged.
    Result<Core*> openCore(VaultService::OpenPurpose purpose = VaultService::OpenPurpose::Use);
    // Signs in with --user (password from stdin, --totp for the second factor).
    Result<Session> signIn(Core& core);
    // openCore + signIn: the usual start of a command that acts for a person.
    Result<Session> begin(Core** core, VaultService::OpenPurpose purpose = VaultService::OpenPurpose::Use);

    std::unique_ptr<Vault> vault;
    std::unique_ptr<Core> core;
};

struct Command
{
    QString name; // "init", "user", ...
    QString synopsis; // one line for --help
    std::function<int(CliContext&)> run;
};
using CommandTable = QList<Command>;

// The headless front end: parses the command line, runs the start-up self-checks, dispatches.
class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    Cli();
    int run(const QStringList& arguments);

    static int usageError(CliOutput& out, const QString& message);
    // Free text given with --`option` (a purpose, content, resolution): refused when it holds what looks like a
    // full ID, mobile or card number or a customer's secret, unless --mask-numbers is given, which saves the
    // masked form instead (the GUI's "Mask them" choice).
    static Result<QString> freeText(const CliContext& ctx, const QString& option, const QString& text);

private:
    QString helpText() const;
    CommandTable m_commands;
};

void registerVaultCommands(CommandTable& table);
void registerUserCommands(CommandTable& table);
void registerSettingsCommands(CommandTable& table);
void registerRequestCommands(CommandTable& table);
void registerAuditCommands(CommandTable& table);
void registerCustomerCommands(CommandTable& table);
void registerCustomerReviewCommands(CommandTable& table);
void registerCustomerCareCommands(CommandTable& table);
void registerReportCommands(CommandTable& table);
void registerPrintRegisterCommands(CommandTable& table);
void registerServerCommands(CommandTable& table);

} // namespace bv::cli
