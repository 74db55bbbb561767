#pragma once

#include "core/customers/care/CustomerCare.h"
#include "ui/server/ServerContext.h"

class QLabel;
class QTableView;

namespace bv::ui {

class ComplaintListModel;

// The overdue complaints over the branch server (DESIGN §6): a customer manager's own customers', the branch
// manager's whole branch, as the server returns them (each load is recorded there, so the list is read when the page
// is first shown and on Refresh, not at sign-in). A complaint opens its customer's service, complaints and consent
// (ServerCareDialog) at the complaints.
class ServerOverduePage : public ServerPage
{
    Q_OBJECT
public:
    explicit ServerOverduePage(const ServerContext& context, QWidget* parent = nullptr);

    // Shown when a due date of the list lies in a year the server's holiday calendar does not cover.
    QLabel* calendarWarning() const { return m_calendarWarning; }

    ComplaintListModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }

public slots:
    bool reload();
    // Something changed complaints elsewhere: reloads now when shown, else the next time the page is shown.
    void invalidate();
    // Opens the customer of the complaint in `row` (the current row when -1).
    bool openCustomer(int row = -1);

protected:
    void showEvent(QShowEvent* event) override;

private:
    ComplaintListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_calendarWarning = nullptr;
    bool m_loaded = false;
};

} // namespace bv::ui
