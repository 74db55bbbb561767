#pragma once

#include "ManagerPage.h"

class QLabel;
class QPushButton;
class QStandardItemModel;

namespace bv::ui {

// Dual control of staff accounts (DESIGN §3): what the administrator did to an account that can see customer
// data — a new account, a reset, an unfreeze, a role change — waits here until a branch manager other than
// the account holder confirms or declines it. Confirming a new or reset account shows the confirmation code
// once, to be handed to the person.
class AccountConfirmationsPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit AccountConfirmationsPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;

    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* declineButton() const { return m_decline; }
    void confirmSelected();
    void declineSelected();

private:
    QString selectedLogin() const;
    void updateButtons();

    QStandardItemModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_decline = nullptr;
};

} // namespace bv::ui
