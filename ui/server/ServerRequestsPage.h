#pragma once

#include "core/requests/RequestService.h"
#include "ui/server/ServerContext.h"

class QCheckBox;
class QPushButton;
class QTableWidget;

namespace bv::ui {

// Special requests on the branch server (DESIGN §5): the branch manager sees the branch's and approves or rejects a
// pending one with a reason (never the own: the server refuses it); everyone else sees his or her own. The
// requester of an approved, live reveal request shows its values (RevealDialog): the server records the reveal
// before it hands over the sealed values, and this workstation opens them for a limited time.
class ServerRequestsPage : public ServerPage
{
    Q_OBJECT
public:
    ServerRequestsPage(const ServerContext& context, bool decides, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QCheckBox* openOnlyCheckBox() const { return m_openOnly; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }
    QPushButton* showButton() const { return m_show; }
    const QList<Request>& requests() const { return m_requests; }
    // The row of request `id`; -1 when it is not listed.
    int rowOf(qint64 id) const;

public slots:
    bool reload();
    bool decide(int row, bool approve);
    // The values of the reveal request of `row` (the own, approved and live), shown in a RevealDialog.
    bool showValues(int row);

private:
    void updateButtons();
    QTableWidget* m_table = nullptr;
    QCheckBox* m_openOnly = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_show = nullptr;
    QList<Request> m_requests;
    bool m_decides = false;
};

} // namespace bv::ui
