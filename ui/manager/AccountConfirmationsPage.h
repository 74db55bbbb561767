#pragma once

#include "ui/manager/ManagerPage.h"

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
    // What a waiting change is called ("create" → "new account", …).
    static QString changeLabel(const QString& change);

    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* declineButton() const { return m_decline; }
    QPushButton* adoptButton() const { return m_adopt; }
    void confirmSelected();
    void declineSelected();
    // After an envelope repair: seal the customer keys' recovery slot to the new sheet (its passphrase typed).
    void adoptRecoverySheet();

private:
    QString selectedLogin() const;
    void updateButtons();

    QStandardItemModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_decline = nullptr;
    QPushButton* m_adopt = nullptr;
};

} // namespace bv::ui
