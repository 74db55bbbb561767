#include "ui/startup/WidgetStartupPrompts.h"

#include "ui/common/ErrorDialog.h"
#include "ui/startup/RecoverySheetDialog.h"
#include "ui/startup/UnlockDialog.h"

#include <QDir>
#include <QMessageBox>

namespace bv::ui {

bool WidgetStartupPrompts::confirmCreate(const QString& path)
{
    QMessageBox box(QMessageBox::Question, tr("Create a new database?"),
        tr("There is no BranchVault database at\n%1\n\nCreate a new, encrypted database there? Choose "
           "Cancel if this workstation should use an existing database; restore it from a backup with "
           "branchvault-cli restore instead.")
            .arg(QDir::toNativeSeparators(path)),
        QMessageBox::Cancel, m_parent);
    QPushButton* create = box.addButton(tr("&Create"), QMessageBox::AcceptRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == reinterpret_cast<QAbstractButton*>(create);
}

void WidgetStartupPrompts::showRecoverySheet(const QString& path, const SecureBytes& passphrase)
{
    RecoverySheetDialog dialog(path, passphrase, m_parent);
    // The dialog cannot be dismissed before the user confirms the passphrase is stored.
    while (dialog.exec() != QDialog::Accepted) { }
}

std::optional<SecureBytes> WidgetStartupPrompts::askRecoveryPassphrase(const QString& path, const Error& why)
{
    UnlockDialog dialog(path, why, m_parent);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    QByteArray typed = dialog.passphrase();
    dialog.clearPassphrase();
    return SecureBytes::takeFrom(typed);
}

void WidgetStartupPrompts::showError(const Error& error)
{
    ErrorDialog::show(m_parent, error);
}

void WidgetStartupPrompts::showWarning(const Error& error)
{
    ErrorDialog::show(m_parent, error, true);
}

} // namespace bv::ui
