#pragma once

#include "core/customers/CustomerRecord.h"
#include "ui/manager/ManagerPage.h"

class QPushButton;

namespace bv::ui {

class GuardedTableView;
class PendingChangeModel;
namespace models {
class RecordTableModel;
}

// Pending customer changes (new records and edits) waiting for a checker: the change list, the selected
// change's field differences (grade-1 values masked, as the core returns them), Approve (optional
// reason) and Reject (reason required). The maker-checker rule is the core's: a manager's own change is
// refused there and the refusal is shown.
class ChangeApprovalsPanel : public ManagerPage
{
    Q_OBJECT
public:
    // The change list's view positions (PendingChangeModel with the columns in this order).
    enum Column
    {
        ChangeNo,
        Customer,
        Kind,
        Maker,
        Submitted,
        ColumnCount
    };
    enum DiffColumn
    {
        Field,
        OldValue,
        NewValue,
        DiffColumnCount
    };

    explicit ChangeApprovalsPanel(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;
    int pendingCount() const;
    // The selected change's id, 0 when none.
    qint64 changeFromIndex(const QModelIndex& index) const;

signals:
    void countChanged();

private:
    void showDiff();
    // Approves or rejects the selected change, after asking for the reason.
    void decide(bool approving);
    void openCustomer();
    const PendingChange* selected() const;

    PendingChangeModel* m_model = nullptr;
    models::RecordTableModel* m_diff = nullptr;
    GuardedTableView* m_table = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_open = nullptr;
};

} // namespace bv::ui
