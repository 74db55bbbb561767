#pragma once

#include "ui/workspaces/Workspace.h"

#include <QSet>

class QIcon;
class QListWidget;
class QStackedWidget;

namespace bv::ui {

class AccountConfirmationsPage;
class ApprovalsPage;
class AssignmentPage;
class BranchCustomersPage;
class CustomerHostPage;
class HomePage;
class ImportPage;
class ManagerPage;
class OverdueComplaintsPage;
class PrintRegisterPage;
class ReassignmentPage;
class ReportsPage;
class SuspiciousPage;

// The branch manager's workspace (网点负责人): a navigation list with icons and one page per task — first what
// needs the manager now (the home page, read whenever it is shown), then the branch's
// customers (paged list and exact lookups), the approvals inbox (customer changes, tier changes, special
// requests), assignment of customers to customer managers, suspicious pairs, the reassignment list and
// the branch's overdue complaints, staff accounts, controlled reports and the print register — plus the open
// customer. Pages read from the core when first shown
// and again after another page changed something; F5 reads the current page again.
class ManagerWorkspace : public Workspace
{
    Q_OBJECT
public:
    enum Page
    {
        Home, // what needs the manager now (HomePage)
        CustomersPage,
        ApprovalsInboxPage,
        AssignmentsPage,
        SuspiciousPairsPage,
        ReassignmentsPage,
        OverduePage,
        ImportCustomersPage,
        StaffConfirmationsPage,
        ControlledReportsPage,
        PrintRegisterListPage,
        PageCount
    };

    explicit ManagerWorkspace(const WorkspaceContext& context, QWidget* parent = nullptr);
    QString title() const override;
    DraftSource* draftTarget(DraftForm form, const QString& subject) override;

    void showPage(Page page);
    void openCustomer(const QString& customerNo);
    void reloadCurrent();

    HomePage* homePage() const { return m_home; }
    QListWidget* navigation() const { return m_navigation; }
    BranchCustomersPage* customersPage() const { return m_customers; }
    ApprovalsPage* approvalsPage() const { return m_approvals; }
    AssignmentPage* assignmentPage() const { return m_assignment; }
    SuspiciousPage* suspiciousPage() const { return m_suspicious; }
    ReassignmentPage* reassignmentPage() const { return m_reassignment; }
    OverdueComplaintsPage* overduePage() const { return m_overdue; }
    ImportPage* importPage() const { return m_import; }
    AccountConfirmationsPage* confirmationsPage() const { return m_confirmations; }
    ReportsPage* reportsPage() const { return m_reports; }
    PrintRegisterPage* printRegisterPage() const { return m_register; }
    CustomerHostPage* customerPage() const { return m_customer; }

private:
    void add(ManagerPage* page, const QString& label, const QIcon& icon);
    void openFromHome(int entry);
    void navigate(int row);
    void markOthersStale();

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_stack = nullptr;
    QList<ManagerPage*> m_pages; // in navigation order
    QSet<ManagerPage*> m_stale; // to read again when shown
    HomePage* m_home = nullptr;
    ManagerPage* m_homeHost = nullptr;
    BranchCustomersPage* m_customers = nullptr;
    AccountConfirmationsPage* m_confirmations = nullptr;
    ApprovalsPage* m_approvals = nullptr;
    AssignmentPage* m_assignment = nullptr;
    SuspiciousPage* m_suspicious = nullptr;
    ReassignmentPage* m_reassignment = nullptr;
    OverdueComplaintsPage* m_overdue = nullptr;
    ImportPage* m_import = nullptr;
    ReportsPage* m_reports = nullptr;
    PrintRegisterPage* m_register = nullptr;
    CustomerHostPage* m_customer = nullptr;
    int m_returnRow = 0; // the page a closed customer goes back to
};

} // namespace bv::ui
