#pragma once

#include "core/common/Result.h"
#include "ui/startup/StartupPrompts.h"

#include <QCoreApplication>

#include <memory>

namespace bv {
class Vault;
class VaultService;
} // namespace bv

namespace bv::ui {

// Finds or creates the database at start: opens it with the key from the keychain; if the key is
// missing, asks for the recovery passphrase; if there is no database, offers to create one and shows
// its recovery passphrase once. Never creates a database where one exists, and never modifies a file
// that failed to open.
class StartupController
{
    Q_DECLARE_TR_FUNCTIONS(StartupController)
public:
    StartupController(VaultService& vaults, StartupPrompts& prompts);

    // nullptr when the user cancelled or an error was shown.
    std::unique_ptr<Vault> run(const QString& databasePath);

private:
    VaultService& m_vaults;
    StartupPrompts& m_prompts;
};

} // namespace bv::ui
