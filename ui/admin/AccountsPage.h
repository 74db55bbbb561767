#pragma once

#include "core/common/Error.h"
#include "core/common/SecureBytes.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QPushButton;
class QTableView;

namespace bv::ui {

class AccountsModel;

// The administrator's staff accounts: the list, and create / freeze / unfreeze / reset password /
// change role / remove second factor on the selected account. One-time passwords are shown once, in a
// dialog that cannot be copied from.
class AccountsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AccountsPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    void refresh();
    void createAccount();
    void freeze();
    void unfreeze();
    void resetPassword();
    void changeRole();
    void removeSecondFactor();
    // The first (or the last) branch manager: confirmed with the recovery passphrase (dual control).
    void confirmWithRecovery();
    // On-the-spot authorisation: a branch manager confirms (a role change) or declines the selected account's
    // waiting change on this screen; a new, reset or unfrozen account is only declined here (OnTheSpot).
    void authoriseHere();

    AccountsModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

signals:
    void failed(const bv::Error& error);

private:
    void updateButtons();
    void select(const QString& login);
    QString selectedLogin() const;
    void tellIfAwaiting(const QString& login);
    void showOneTimePassword(const QString& login, const SecureBytes& password);

    WorkspaceContext m_context;
    AccountsModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_create = nullptr;
    QPushButton* m_freeze = nullptr;
    QPushButton* m_unfreeze = nullptr;
    QPushButton* m_reset = nullptr;
    QPushButton* m_changeRole = nullptr;
    QPushButton* m_removeSecondFactor = nullptr;
    QPushButton* m_confirmWithRecovery = nullptr;
    QPushButton* m_authoriseHere = nullptr;
    QPushButton* m_refresh = nullptr;
};

} // namespace bv::ui
