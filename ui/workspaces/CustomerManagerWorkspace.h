#pragma once

#include "ui/workspaces/Workspace.h"

class QListWidget;
class QStackedWidget;
class QTabWidget;

namespace bv::ui {

class CustomerDetailWidget;
class CustomerFormWidget;
class HomePage;
class ImportPage;
class MyComplaintsPage;
class MyRequestsPage;
class PendingChangesPage;
class PortfolioPage;
class ReportsPage;

// The customer manager's workspace (客户经理): navigation with icons on the left, pages on the right —
// Home (what needs the customer manager now, read whenever shown), My customers (the own portfolio; customers open in
// tabs beside the list, edits too), New customer, My requests, My complaints, Pending changes, Import, Reports (the
// portfolio summary and the data-subject report). Only the own customers can be reached: every way to open a customer
// starts from a list the core built for this session.
class CustomerManagerWorkspace : public Workspace
{
    Q_OBJECT
public:
    enum Page
    {
        Home, // what needs the customer manager now (HomePage)
        CustomersPage,
        NewCustomerPage,
        RequestsPage,
        ComplaintsPage,
        PendingPage,
        ImportCustomersPage,
        ControlledReportsPage,
        PageCount
    };

    explicit CustomerManagerWorkspace(const WorkspaceContext& context, QWidget* parent = nullptr);
    QString title() const override;
    DraftSource* draftTarget(DraftForm form, const QString& subject) override;

    void showPage(Page page);
    Page currentPage() const;
    HomePage* homePage() const { return m_home; }
    QListWidget* navigation() const { return m_navigation; }
    PortfolioPage* portfolioPage() const { return m_portfolio; }
    CustomerFormWidget* newCustomerForm() const { return m_newCustomer; }
    MyRequestsPage* requestsPage() const { return m_requests; }
    MyComplaintsPage* complaintsPage() const { return m_complaints; }
    PendingChangesPage* pendingPage() const { return m_pending; }
    ImportPage* importPage() const { return m_import; }
    ReportsPage* reportsPage() const { return m_reports; }
    QTabWidget* customerTabs() const { return m_customerTabs; }
    // The open detail tab of a customer, or nullptr.
    CustomerDetailWidget* detailOf(const QString& customerNo) const;

public slots:
    // Opens the customer in a tab of "My customers" (or switches to its tab).
    CustomerDetailWidget* openCustomer(const QString& customerNo);
    CustomerFormWidget* editCustomer(const QString& customerNo);
    void closeCustomerTab(int index);

private:
    void pageActivated(int index);
    void editSaved(CustomerFormWidget* form, const QString& customerNo);
    void openFromHome(int entry);

    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_pages = nullptr;
    QTabWidget* m_customerTabs = nullptr;
    HomePage* m_home = nullptr;
    PortfolioPage* m_portfolio = nullptr;
    CustomerFormWidget* m_newCustomer = nullptr;
    MyRequestsPage* m_requests = nullptr;
    MyComplaintsPage* m_complaints = nullptr;
    PendingChangesPage* m_pending = nullptr;
    ImportPage* m_import = nullptr;
    ReportsPage* m_reports = nullptr;
};

} // namespace bv::ui
