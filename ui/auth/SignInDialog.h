#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// Sign-in: login and password; the code of the authenticator app when the account has a second
// factor (the field appears when the core asks for it). Errors from the core — wrong password with the
// attempts left, lockout with the remaining time — are shown in the dialog, which stays open.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    using SignIn
        = std::function<Result<Session>(const QString& login, const SecureBytes& password, const QString& totp)>;

    SignInDialog(const QString& branchName, SignIn signIn, QWidget* parent = nullptr);
    // A sign-in whose result the caller keeps (the branch server's session): success closes the dialog, an error
    // is shown in it. `session()` stays invalid.
    using Attempt = std::function<Status(const QString& login, const SecureBytes& password, const QString& totp)>;
    SignInDialog(const QString& branchName, Attempt attempt, QWidget* parent = nullptr);

    Session session() const { return m_session; }
    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* totpEdit() const { return m_totp; }
    QPushButton* signInButton() const { return m_signIn; }
    QLabel* messageLabel() const { return m_message; }

    void attempt();

private:
    Attempt m_attemptFn;
    Session m_session;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_totp = nullptr;
    QLabel* m_totpLabel = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_signIn = nullptr;
};

} // namespace bv::ui
