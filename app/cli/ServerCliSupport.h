// What the server commands share (ServerCommands.cpp, ServerCustomerCommands.cpp, ServerOwnershipCommands.cpp).
#pragma once

#include "app/cli/Cli.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>

#include <memory>

namespace bv {
class ServerSession;
}

namespace bv::cli {

// The translation context of the shared server command texts.
class ServerCli
{
    Q_DECLARE_TR_FUNCTIONS(ServerCli)
};

// Signs in to the branch server as --user with the password on standard input's first line; `typed` receives the
// password when given (a password change proves it again).
Result<std::unique_ptr<ServerSession>> serverSignIn(
    CliContext& ctx, const QString& command, SecureBytes* typed = nullptr);

// server customer | change | request | reveal (ServerCustomerCommands.cpp).
bool isServerCustomerCommand(const QString& word);
int runServerCustomerCommand(CliContext& ctx, const QString& word);
// server customer assign|transfer|custody|return|reclaim|reassignment-list (ServerOwnershipCommands.cpp).
bool isServerOwnershipCommand(const QString& sub);
int runServerOwnershipCommand(CliContext& ctx, const QString& sub);

// server complaint|service|consent: the local care commands against the branch server (CustomerCareCommands.cpp).
bool isServerCareCommand(const QString& word);
int runServerCareCommand(CliContext& ctx, const QString& word);
// server tiers|suspicious: the branch manager's local review commands against the branch server
// (CustomerReviewCommands.cpp).
bool isServerReviewCommand(const QString& word);
int runServerReviewCommand(CliContext& ctx, const QString& word);
// server calendar import FILE (SettingsCommands.cpp, beside the local calendar import).
int runServerCalendarCommand(CliContext& ctx);
// server settings get [KEY] | set KEY VALUE (SettingsCommands.cpp).
int runServerSettingsCommand(CliContext& ctx);

} // namespace bv::cli
