#pragma once

#include "ui/manager/ManagerPage.h"

class QLabel;
class QPushButton;

namespace bv::ui {

namespace models {
class CustomerListModel;
}
class GuardedTableView;

// Customers without an active customer manager: no owner, a frozen owner, or a frozen custodian during a
// custody (CustomerOwnership::reassignmentList). "Reassign…" takes the customer to the assignment page.
class ReassignmentPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit ReassignmentPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;
    QString customerFromIndex(const QModelIndex& index) const;

signals:
    void reassignRequested(const QString& customerNo);

private:
    void updateButtons();

    models::CustomerListModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QPushButton* m_reassign = nullptr;
    QPushButton* m_open = nullptr;
};

} // namespace bv::ui
