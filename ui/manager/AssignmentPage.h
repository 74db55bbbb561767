#pragma once

#include "ui/manager/ManagerPage.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

class GuardedTableView;
namespace models {
class RecordTableModel;
}

// Who serves a customer (DESIGN §6): for one customer number, the manager responsible now and the
// assignment history; assign, transfer, temporary custody until a date, early end of custody, reclaim —
// with the customer manager's login and a reason. The core checks that the target is an active customer
// manager account; there is no session-checked list of customer managers for the branch manager in the
// core, so the login is typed (the box offers the logins seen in this customer's history and those used
// here before).
class AssignmentPage : public ManagerPage
{
    Q_OBJECT
public:
    enum HistoryColumn
    {
        When,
        Kind,
        From,
        To,
        Until,
        By,
        Reason,
        ColumnCount
    };
    enum class Action
    {
        Assign,
        Transfer,
        Custody,
        EndCustody,
        Reclaim
    };

    explicit AssignmentPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;
    // Shows `customerNo` (from the reassignment list or another page).
    void setCustomer(const QString& customerNo);
    // Opens the customer picker (CustomerPickerDialog); shows the chosen customer. False when none was chosen.
    bool chooseCustomer();
    QString customer() const { return m_number; }
    // "assign", "transfer", "custody", "return", "custody_end", "reclaim" as shown in the history.
    static QString kindLabel(const QString& key);

private:
    void showCustomer();
    void clearCustomer();
    void apply(Action action);
    void rememberLogin(const QString& login);
    void resetUntil();

    QString m_number;
    QLineEdit* m_numberEdit = nullptr;
    QLabel* m_holder = nullptr;
    models::RecordTableModel* m_history = nullptr;
    GuardedTableView* m_historyTable = nullptr;
    QComboBox* m_manager = nullptr;
    QDateEdit* m_until = nullptr;
    QLineEdit* m_reason = nullptr;
    QList<QPushButton*> m_actions;
};

} // namespace bv::ui
