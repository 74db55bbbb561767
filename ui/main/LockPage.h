#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"

#include <QWidget>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// Shown while the session is locked: no customer data anywhere (the workspace is destroyed), only the
// password field to continue, and sign-out.
class LockPage : public QWidget
{
    Q_OBJECT
public:
    using Unlock = std::function<Status(const SecureBytes& password)>;
    LockPage(QWidget* parent = nullptr);

    void setUser(const QString& displayName);
    void setUnlock(Unlock unlock) { m_unlockFn = std::move(unlock); }
    QLineEdit* passwordEdit() const { return m_password; }
    QPushButton* unlockButton() const { return m_unlock; }
    QLabel* messageLabel() const { return m_message; }
    void attempt();

protected:
    void changeEvent(QEvent* event) override;

signals:
    void unlocked();
    void signOutRequested();

private:
    void retranslate();

    Unlock m_unlockFn;
    QString m_displayName;
    QLabel* m_title = nullptr;
    QPushButton* m_signOut = nullptr;
    QLabel* m_who = nullptr;
    QLineEdit* m_password = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_unlock = nullptr;
};

} // namespace bv::ui
