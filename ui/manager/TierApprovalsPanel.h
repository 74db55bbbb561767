#pragma once

#include "core/customers/lifecycle/CustomerOwnership.h"
#include "ui/manager/ManagerPage.h"

class QPushButton;

namespace bv::ui {

class GuardedTableView;
namespace models {
class RecordTableModel;
}

// Tier changes computed from assets, waiting for the branch manager: Confirm, or Reject with a reason
// (the customer keeps the current tier).
class TierApprovalsPanel : public ManagerPage
{
    Q_OBJECT
public:
    enum Column
    {
        Customer,
        FromTier,
        ToTier,
        Computed,
        ColumnCount
    };

    explicit TierApprovalsPanel(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;
    int pendingCount() const { return int(m_changes.size()); }
    qint64 tierChangeFromIndex(const QModelIndex& index) const;

signals:
    void countChanged();

private:
    void updateButtons();
    void confirmTier();
    void rejectTier();
    const TierChange* selected() const;

    QList<TierChange> m_changes;
    models::RecordTableModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_reject = nullptr;
};

} // namespace bv::ui
