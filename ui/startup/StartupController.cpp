#include "ui/startup/StartupController.h"

#include "core/vault/VaultService.h"

#include <QFileInfo>

namespace bv::ui {

StartupController::StartupController(VaultService& vaults, StartupPrompts& prompts)
    : m_vaults(vaults)
    , m_prompts(prompts)
{
}

std::unique_ptr<Vault> StartupController::run(const QString& databasePath)
{
    const QString path = QFileInfo(databasePath).absoluteFilePath();
    if (!QFileInfo::exists(path)) {
        if (!m_prompts.confirmCreate(path))
            return nullptr;
        auto created = m_vaults.init(path);
        if (!created.ok()) {
            m_prompts.showError(created.error());
            return nullptr;
        }
        m_prompts.showRecoverySheet(path, created->recoveryPassphrase);
        return std::move(created->vault);
    }

    auto opened = m_vaults.open(path);
    if (opened.ok())
        return std::move(opened).value();

    Error why = opened.error();
    // Only a missing key (or no keychain at all) can be solved with the recovery passphrase here;
    // every other failure names its own next step.
    while (why.code == ErrorCode::KeyMissing || why.code == ErrorCode::KeychainUnavailable
        || why.code == ErrorCode::WrongKey || why.code == ErrorCode::InvalidInput) {
        std::optional<SecureBytes> passphrase = m_prompts.askRecoveryPassphrase(path, why);
        if (!passphrase)
            return nullptr;
        auto unlocked = m_vaults.unlock(path, *passphrase);
        if (unlocked.ok()) {
            if (!unlocked->keychainStatus.ok())
                m_prompts.showWarning(unlocked->keychainStatus.error());
            return std::move(unlocked->vault);
        }
        why = unlocked.error();
    }
    m_prompts.showError(why);
    return nullptr;
}

} // namespace bv::ui
