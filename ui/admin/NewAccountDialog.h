#pragma once

#include "core/auth/AccountService.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// The form for a new staff account. "Create" hands the entries to `create` (the core's
// AccountService::create for the signed-in administrator); a refusal is shown inside the form, so the
// administrator corrects the entry, and the dialog closes only once the account exists. The one-time
// password it returned is taken with takeOneTimePassword() and shown once by OneTimePasswordDialog.
class NewAccountDialog : public QDialog
{
    Q_OBJECT
public:
    using Create = std::function<Result<SecureBytes>(const NewAccount&)>;
    explicit NewAccountDialog(Create create, QWidget* parent = nullptr);

    QString login() const;
    SecureBytes takeOneTimePassword() { return std::move(m_oneTime); }

    void attempt();

private:
    void updateButton();

    Create m_create;
    SecureBytes m_oneTime;
    QString m_login;
    QLineEdit* m_loginEdit = nullptr;
    QLineEdit* m_displayName = nullptr;
    QComboBox* m_role = nullptr;
    QLineEdit* m_staffNo = nullptr;
    QLineEdit* m_branch = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_createButton = nullptr;
};

} // namespace bv::ui
