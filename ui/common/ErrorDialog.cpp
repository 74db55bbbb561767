#include "ui/common/ErrorDialog.h"

#include <QMessageBox>

namespace bv::ui {

QString ErrorDialog::title(const Error& error)
{
    switch (error.code) {
    case ErrorCode::KeychainUnavailable:
        return tr("Keychain not available");
    case ErrorCode::KeyMissing:
        return tr("Database key not found");
    case ErrorCode::WrongKey:
        return tr("Wrong key");
    case ErrorCode::NotBranchVault:
        return tr("Not a BranchVault database");
    case ErrorCode::Damaged:
        return tr("Damaged file");
    case ErrorCode::InUse:
        return tr("Database in use");
    case ErrorCode::SchemaTooNew:
        return tr("Newer database");
    case ErrorCode::DiskFull:
        return tr("Disk full");
    case ErrorCode::ReadOnly:
        return tr("Read-only location");
    case ErrorCode::PermissionDenied:
        return tr("Not permitted");
    case ErrorCode::InvalidInput:
        return tr("Check the input");
    case ErrorCode::SelfCheckFailed:
        return tr("Start-up check failed");
    default:
        return tr("BranchVault");
    }
}

void ErrorDialog::show(QWidget* parent, const Error& error, bool warning)
{
    QMessageBox box(
        warning ? QMessageBox::Warning : QMessageBox::Critical, title(error), error.message, QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("errorMessageBox"));
    if (!error.detail.isEmpty())
        box.setDetailedText(error.detail);
    box.exec();
}

} // namespace bv::ui
