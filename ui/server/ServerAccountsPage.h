#pragma once

#include "ui/server/ServerContext.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// Accounts on the branch server with dual control (docs/SERVER.md, "Accounts"): the administrator creates an account
// with a one-time password, shown once (OneTimePasswordDialog); an account that sees customers then waits until a
// branch manager confirms it, which writes its key slot under a confirmation code, also shown once, handed over
// apart from the password. The administrator confirms only the first (or the last) branch manager, with the branch's
// recovery passphrase. The administrator's page has both parts, the branch manager's the confirmation only.
class ServerAccountsPage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerAccountsPage(const ServerContext& context, QWidget* parent = nullptr);

    QLineEdit* newLoginEdit() const { return m_newLogin; }
    QComboBox* roleComboBox() const { return m_role; }
    QLineEdit* staffNoEdit() const { return m_staffNo; }
    QPushButton* createButton() const { return m_create; }
    QLineEdit* confirmLoginEdit() const { return m_confirmLogin; }
    QPushButton* confirmButton() const { return m_confirm; }
    QLabel* messageLabel() const { return m_message; }

public slots:
    bool createAccount();
    bool confirmAccount();

private:
    QLineEdit* m_newLogin = nullptr;
    QComboBox* m_role = nullptr;
    QLineEdit* m_staffNo = nullptr;
    QPushButton* m_create = nullptr;
    QLineEdit* m_confirmLogin = nullptr;
    QPushButton* m_confirm = nullptr;
    QLabel* m_message = nullptr;
};

} // namespace bv::ui
