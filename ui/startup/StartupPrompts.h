#pragma once

#include "core/common/Error.h"
#include "core/common/SecureBytes.h"

#include <optional>

namespace bv::ui {

// The questions the start-up sequence asks the user. The real implementation shows dialogs
// (WidgetStartupPrompts); tests script the answers.
class StartupPrompts
{
public:
    virtual ~StartupPrompts() = default;
    // No database at `path`: create one?
    virtual bool confirmCreate(const QString& path) = 0;
    // Shows the recovery passphrase once; returns only after the user confirmed it is stored.
    virtual void showRecoverySheet(const QString& path, const SecureBytes& passphrase) = 0;
    // The key is not in the keychain (`why`): ask for the recovery passphrase; nullopt = cancelled.
    virtual std::optional<SecureBytes> askRecoveryPassphrase(const QString& path, const Error& why) = 0;
    // Shows an error that ends the start-up.
    virtual void showError(const Error& error) = 0;
    // Shows a warning and continues.
    virtual void showWarning(const Error& error) = 0;
};

} // namespace bv::ui
