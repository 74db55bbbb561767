#pragma once

#include "core/customers/CustomerRecord.h"
#include "ui/server/ServerContext.h"

class QPushButton;
class QTableWidget;

namespace bv::ui {

// The changes waiting for a branch manager's decision, as the branch server returns them (the branch manager: the
// branch's; a customer manager: those of his or her customers), oldest first, with the selected change's fields
// (grade 1 masked). The branch manager approves or rejects the selected change with a reason; the server refuses
// the maker's own change and a change another manager decided first (which the list then no longer shows).
class ServerChangesPage : public ServerPage
{
    Q_OBJECT
public:
    // `decides`: the branch manager's page (Approve and Reject); otherwise the list only.
    ServerChangesPage(const ServerContext& context, bool decides, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QTableWidget* diffTable() const { return m_diff; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }
    const QList<PendingChange>& changes() const { return m_changes; }

public slots:
    bool reload();
    // The decision on the change of `row`, with a reason asked through the dialog seam.
    bool decide(int row, bool approve);

signals:
    void decided(qint64 changeId, bool approved);

private:
    void showDiff(int row);
    QTableWidget* m_table = nullptr;
    QTableWidget* m_diff = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QList<PendingChange> m_changes;
};

} // namespace bv::ui
