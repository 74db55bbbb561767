#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// Changing the own password: forced after the first sign-in, an administrator's reset or expiry
// (the dialog then cannot be skipped), or by choice from the Session menu.
class ChangePasswordDialog : public QDialog
{
    Q_OBJECT
public:
    // `code`: the branch manager's confirmation code (empty unless `needsCode`).
    using Change = std::function<Status(const SecureBytes& current, const SecureBytes& next, const SecureBytes& code)>;

    // `needsCode`: the first password of an account a branch manager has just confirmed (dual control) also
    // needs the confirmation code that manager handed over. `rule`: the password rule in force
    // (PasswordRule::description of the database's settings); empty: the rule of the default settings.
    ChangePasswordDialog(
        bool forced, Change change, QWidget* parent = nullptr, bool needsCode = false, const QString& rule = QString());

    QLineEdit* currentEdit() const { return m_current; }
    QLineEdit* newEdit() const { return m_new; }
    QLineEdit* repeatEdit() const { return m_repeat; }
    QLineEdit* codeEdit() const { return m_code; }
    QPushButton* changeButton() const { return m_change; }
    QLabel* messageLabel() const { return m_message; }
    void attempt();

private:
    Change m_changeFn;
    QLineEdit* m_current = nullptr;
    QLineEdit* m_new = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLineEdit* m_code = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_change = nullptr;
};

} // namespace bv::ui
