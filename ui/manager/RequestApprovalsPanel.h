#pragma once

#include "core/requests/RequestService.h"
#include "ui/manager/ManagerPage.h"

class QPushButton;

namespace bv::ui {

class GuardedTableView;
class RequestListModel;

// Open special requests (专项事务申请): pending ones to approve (optional reason) or reject (reason), and
// approved grants still valid, to revoke (reason). The core refuses a decision on one's own request.
class RequestApprovalsPanel : public ManagerPage
{
    Q_OBJECT
public:
    // The panel's view positions (RequestListModel with the columns in this order).
    enum Column
    {
        RequestNo,
        Type,
        Requester,
        Customers,
        Scope,
        Purpose,
        Validity,
        State,
        Filed,
        ColumnCount
    };

    explicit RequestApprovalsPanel(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;
    int pendingCount() const;
    qint64 requestFromIndex(const QModelIndex& index) const;

signals:
    void countChanged();

private:
    void updateButtons();
    void approve();
    void reject();
    void revoke();
    bool decide(const QString& verb, const Status& status, qint64 id);
    const Request* selected() const;

    RequestListModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_revoke = nullptr;
};

} // namespace bv::ui
