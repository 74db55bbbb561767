#include "ui/workspaces/CustomerManagerWorkspace.h"

#include "ui/common/Icons.h"
#include "ui/customers/ContextWidget.h"
#include "ui/customers/CustomerDetailWidget.h"
#include "ui/customers/CustomerFormWidget.h"
#include "ui/customers/ImportPage.h"
#include "ui/customers/MyComplaintsPage.h"
#include "ui/customers/MyRequestsPage.h"
#include "ui/customers/PendingChangesPage.h"
#include "ui/customers/PortfolioPage.h"
#include "ui/home/HomePage.h"
#include "ui/reports/ReportsPage.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QShortcut>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>

namespace bv::ui {

CustomerManagerWorkspace::CustomerManagerWorkspace(const WorkspaceContext& context, QWidget* parent)
    : Workspace(context, parent)
{
    setObjectName(QStringLiteral("customerManagerWorkspace"));
    auto* layout = new QHBoxLayout(this);
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setContextMenuPolicy(Qt::NoContextMenu);
    m_navigation->setSpacing(3);
    m_navigation->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Preferred);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("pagesStackedWidget"));
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);

    auto connectLock = [this](ContextWidget* page) {
        connect(page, &ContextWidget::lockRequested, this, &Workspace::lockRequested);
    };

    m_home = new HomePage(m_context, Role::CustomerManager);
    connect(m_home, &HomePage::failed, this, [this](const Error& error) { fail(error); });
    connect(m_home, &HomePage::openRequested, this, &CustomerManagerWorkspace::openFromHome);

    // My customers: the portfolio, and the customers opened from it in tabs beside it
    m_customerTabs = new QTabWidget(this);
    m_customerTabs->setObjectName(QStringLiteral("customersTabWidget"));
    m_customerTabs->setTabsClosable(true);
    m_customerTabs->setDocumentMode(true);
    m_portfolio = new PortfolioPage(m_context);
    connectLock(m_portfolio);
    m_customerTabs->addTab(m_portfolio, tr("Customer list"));
    // the list itself cannot be closed
    m_customerTabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    m_customerTabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(m_customerTabs, &QTabWidget::tabCloseRequested, this, &CustomerManagerWorkspace::closeCustomerTab);
    connect(m_portfolio, &PortfolioPage::openRequested, this, &CustomerManagerWorkspace::openCustomer);

    m_newCustomer = new CustomerFormWidget(m_context, QString());
    connectLock(m_newCustomer);
    connect(m_newCustomer, &CustomerFormWidget::saved, m_portfolio, &PortfolioPage::reload);

    m_requests = new MyRequestsPage(m_context);
    connectLock(m_requests);
    m_complaints = new MyComplaintsPage(m_context);
    connect(m_complaints, &CarePage::lockRequested, this, &Workspace::lockRequested);
    m_pending = new PendingChangesPage(m_context);
    connectLock(m_pending);
    connect(m_pending, &PendingChangesPage::openRequested, this, &CustomerManagerWorkspace::openCustomer);
    m_import = new ImportPage(m_context);
    connectLock(m_import);
    connect(m_import, &ImportPage::imported, m_portfolio, &PortfolioPage::reload);
    m_reports = new ReportsPage(m_context);
    connectLock(m_reports);

    using Icons::Icon;
    const struct
    {
        QWidget* page;
        QString title;
        Icon icon;
    } pages[] = {{m_home, tr("Home"), Icon::Home}, {m_customerTabs, tr("My customers"), Icon::Customers},
        {m_newCustomer, tr("New customer"), Icon::NewCustomer}, {m_requests, tr("My requests"), Icon::Requests},
        {m_complaints, tr("My complaints"), Icon::Complaints}, {m_pending, tr("Pending changes"), Icon::PendingChanges},
        {m_import, tr("Import"), Icon::Import}, {m_reports, tr("Reports"), Icon::Reports}};
    m_navigation->setIconSize(QSize(22, 22));
    int index = 0;
    for (const auto& p : pages) {
        m_pages->addWidget(p.page);
        auto* item = new QListWidgetItem(Icons::icon(p.icon), p.title, m_navigation);
        const QKeySequence keys(QKeyCombination(Qt::CTRL, Qt::Key(Qt::Key_1 + index)));
        item->setToolTip(keys.toString(QKeySequence::NativeText));
        auto* shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        const Page page = Page(index);
        connect(shortcut, &QShortcut::activated, this, [this, page] { showPage(page); });
        ++index;
    }
    m_navigation->setMaximumWidth(m_navigation->sizeHintForColumn(0) + 4 * m_navigation->frameWidth() + 32);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &CustomerManagerWorkspace::pageActivated);
    auto* refresh = new QShortcut(QKeySequence::Refresh, this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, [this] { pageActivated(m_pages->currentIndex()); });
    auto* closeTab = new QShortcut(QKeySequence::Close, this);
    closeTab->setContext(Qt::WidgetWithChildrenShortcut);
    connect(closeTab, &QShortcut::activated, this, [this] {
        if (m_pages->currentWidget() == m_customerTabs)
            closeCustomerTab(m_customerTabs->currentIndex());
    });
    setTabOrder(m_navigation, m_pages);
    m_navigation->setCurrentRow(Home);
}

QString CustomerManagerWorkspace::title() const
{
    return tr("My customers");
}

DraftSource* CustomerManagerWorkspace::draftTarget(DraftForm form, const QString& subject)
{
    switch (form) {
    case DraftForm::NewCustomer:
        showPage(NewCustomerPage);
        return m_newCustomer;
    case DraftForm::EditCustomer: {
        CustomerFormWidget* edit = editCustomer(subject);
        return edit && edit->isLoaded() ? edit : nullptr;
    }
    case DraftForm::ServiceRecord:
    case DraftForm::Complaint: {
        CustomerDetailWidget* detail = openCustomer(subject);
        return detail ? detail->showDraftForm(form) : nullptr;
    }
    }
    return nullptr;
}

void CustomerManagerWorkspace::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

CustomerManagerWorkspace::Page CustomerManagerWorkspace::currentPage() const
{
    return Page(m_pages->currentIndex());
}

void CustomerManagerWorkspace::openFromHome(int entry)
{
    switch (WorkCount(entry)) {
    case WorkCount::OwnPendingChanges:
        showPage(PendingPage);
        return;
    case WorkCount::OwnPendingRequests:
    case WorkCount::OwnApprovedRequests:
        showPage(RequestsPage);
        return;
    case WorkCount::ComplaintsDueToday:
    case WorkCount::OwnOverdueComplaints:
        showPage(ComplaintsPage);
        return;
    default:
        return;
    }
}

void CustomerManagerWorkspace::pageActivated(int index)
{
    if (index < 0 || index >= PageCount)
        return;
    m_pages->setCurrentIndex(index);
    // lists that others change (decisions, approvals, deadlines) are read afresh when shown
    switch (Page(index)) {
    case Home:
        m_home->refresh(); // others decide, deadlines pass
        break;
    case RequestsPage:
        m_requests->reload();
        break;
    case ComplaintsPage:
        m_complaints->reload();
        break;
    case PendingPage:
        m_pending->reload();
        break;
    case ControlledReportsPage:
        m_reports->reload(); // grants approved meanwhile
        break;
    case CustomersPage:
    case NewCustomerPage:
    case ImportCustomersPage:
    case PageCount:
        break;
    }
}

CustomerDetailWidget* CustomerManagerWorkspace::detailOf(const QString& customerNo) const
{
    for (int i = 1; i < m_customerTabs->count(); ++i) {
        auto* detail = qobject_cast<CustomerDetailWidget*>(m_customerTabs->widget(i));
        if (detail && detail->customerNumber() == customerNo)
            return detail;
    }
    return nullptr;
}

CustomerDetailWidget* CustomerManagerWorkspace::openCustomer(const QString& customerNo)
{
    if (customerNo.isEmpty())
        return nullptr;
    showPage(CustomersPage);
    if (CustomerDetailWidget* open = detailOf(customerNo)) {
        m_customerTabs->setCurrentWidget(open);
        return open;
    }
    auto* detail = new CustomerDetailWidget(m_context, customerNo);
    connect(detail, &ContextWidget::lockRequested, this, &Workspace::lockRequested);
    connect(detail, &CustomerDetailWidget::editRequested, this, &CustomerManagerWorkspace::editCustomer);
    const int index = m_customerTabs->addTab(detail, detail->customerNumber());
    m_customerTabs->setTabToolTip(index, tr("Customer %1 (Ctrl+W closes the tab)").arg(detail->customerNumber()));
    m_customerTabs->setCurrentIndex(index);
    return detail;
}

CustomerFormWidget* CustomerManagerWorkspace::editCustomer(const QString& customerNo)
{
    showPage(CustomersPage);
    for (int i = 1; i < m_customerTabs->count(); ++i) {
        auto* form = qobject_cast<CustomerFormWidget*>(m_customerTabs->widget(i));
        if (form && form->customerNumber() == customerNo) {
            m_customerTabs->setCurrentWidget(form);
            return form;
        }
    }
    auto* form = new CustomerFormWidget(m_context, customerNo);
    connect(form, &ContextWidget::lockRequested, this, &Workspace::lockRequested);
    connect(form, &CustomerFormWidget::saved, this, [this, form](const QString& number) { editSaved(form, number); });
    connect(
        form, &CustomerFormWidget::cancelled, this, [this, form] { closeCustomerTab(m_customerTabs->indexOf(form)); });
    const int index = m_customerTabs->addTab(form, tr("Edit %1").arg(form->customerNumber()));
    m_customerTabs->setCurrentIndex(index);
    return form;
}

void CustomerManagerWorkspace::editSaved(CustomerFormWidget* form, const QString& customerNo)
{
    closeCustomerTab(m_customerTabs->indexOf(form));
    if (CustomerDetailWidget* detail = detailOf(customerNo)) {
        detail->reload();
        m_customerTabs->setCurrentWidget(detail);
    }
}

void CustomerManagerWorkspace::closeCustomerTab(int index)
{
    if (index <= 0 || index >= m_customerTabs->count())
        return; // the list stays
    QWidget* page = m_customerTabs->widget(index);
    m_customerTabs->removeTab(index);
    page->deleteLater();
}

} // namespace bv::ui
