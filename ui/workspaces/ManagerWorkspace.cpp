#include "ui/workspaces/ManagerWorkspace.h"

#include "ui/common/Icons.h"
#include "ui/customers/CustomerDetailWidget.h"
#include "ui/customers/CustomerFormWidget.h"
#include "ui/customers/ImportPage.h"
#include "ui/home/HomePage.h"
#include "ui/manager/AccountConfirmationsPage.h"
#include "ui/manager/ApprovalsPage.h"
#include "ui/manager/AssignmentPage.h"
#include "ui/manager/BranchCustomersPage.h"
#include "ui/manager/ChangeApprovalsPanel.h"
#include "ui/manager/CustomerHostPage.h"
#include "ui/manager/OverdueComplaintsPage.h"
#include "ui/manager/ReassignmentPage.h"
#include "ui/manager/RequestApprovalsPanel.h"
#include "ui/manager/SuspiciousPage.h"
#include "ui/manager/TierApprovalsPanel.h"
#include "ui/reports/PrintRegisterPage.h"
#include "ui/reports/ReportsPage.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QShortcut>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace bv::ui {

using Icons::Icon;

namespace {
constexpr int kShortcutPages = 9; // Ctrl+1 … Ctrl+9

// The home page as one of the workspace's pages: read again every time it is shown.
class HomeHost : public ManagerPage
{
public:
    HomeHost(const WorkspaceContext& context, HomePage* home, QWidget* parent)
        : ManagerPage(context, parent)
        , m_home(home)
    {
        auto* layout = new QVBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(home);
    }
    void reload() override { m_home->refresh(); }

private:
    HomePage* m_home;
};
} // namespace

ManagerWorkspace::ManagerWorkspace(const WorkspaceContext& context, QWidget* parent)
    : Workspace(context, parent)
{
    setObjectName(QStringLiteral("managerWorkspace"));
    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setAccessibleName(tr("Branch manager's pages"));
    m_navigation->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("pagesStackedWidget"));

    m_home = new HomePage(m_context, Role::Manager);
    m_homeHost = new HomeHost(m_context, m_home, m_stack);
    m_home->setParent(m_homeHost);
    connect(m_home, &HomePage::failed, m_homeHost, [this](const Error& error) { fail(error); });
    connect(m_home, &HomePage::openRequested, this, &ManagerWorkspace::openFromHome);
    add(m_homeHost, tr("Home"), Icons::icon(Icon::Home));
    m_customers = new BranchCustomersPage(m_context, m_stack);
    m_approvals = new ApprovalsPage(m_context, m_stack);
    m_assignment = new AssignmentPage(m_context, m_stack);
    m_suspicious = new SuspiciousPage(m_context, m_stack);
    m_reassignment = new ReassignmentPage(m_context, m_stack);
    m_overdue = new OverdueComplaintsPage(m_context, m_stack);
    add(m_customers, tr("Branch customers"), Icons::icon(Icon::Customers));
    add(m_approvals, tr("Approvals"), Icons::icon(Icon::Approvals));
    add(m_assignment, tr("Assignment"), Icons::icon(Icon::Assignment));
    add(m_suspicious, tr("Suspicious pairs"), Icons::icon(Icon::Suspicious));
    add(m_reassignment, tr("Reassignment"), Icons::icon(Icon::Reassignment));
    add(m_overdue, tr("Overdue complaints"), Icons::icon(Icon::Overdue));
    m_import = new ImportPage(m_context, m_stack);
    add(m_import, tr("Import"), Icons::icon(Icon::Import));
    m_confirmations = new AccountConfirmationsPage(m_context, m_stack);
    add(m_confirmations, tr("Staff accounts"), Icons::icon(Icon::Staff));
    m_reports = new ReportsPage(m_context, m_stack);
    add(m_reports, tr("Reports"), Icons::icon(Icon::Reports));
    m_register = new PrintRegisterPage(m_context, m_stack);
    add(m_register, tr("Print register"), Icons::icon(Icon::PrintRegister));
    m_customer = new CustomerHostPage(m_context, m_stack);
    m_stack->addWidget(m_customer);
    connect(m_customer, &ManagerPage::lockRequested, this, &Workspace::lockRequested);
    connect(m_customer, &CustomerHostPage::backRequested, this, [this] { navigate(m_returnRow); });
    connect(m_reassignment, &ReassignmentPage::reassignRequested, this, [this](const QString& number) {
        showPage(AssignmentsPage);
        m_assignment->setCustomer(number);
    });
    // The branch list counts and reads by itself; the home page reads whenever it is shown; the other pages
    // read when first shown.
    for (ManagerPage* page : std::as_const(m_pages)) {
        if (page != m_customers && page != m_homeHost)
            m_stale.insert(page);
    }
    // as wide as the longest page name with its icon (in the current language), no wider
    m_navigation->setIconSize(QSize(22, 22));
    const int width = m_navigation->sizeHintForColumn(0) + 2 * m_navigation->frameWidth()
        + m_navigation->fontMetrics().averageCharWidth() * 4;
    m_navigation->setMinimumWidth(width);
    m_navigation->setMaximumWidth(width);

    auto* layout = new QHBoxLayout(this);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);

    for (int i = 0; i < qMin(int(PageCount), kShortcutPages); ++i) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)), this);
        connect(shortcut, &QShortcut::activated, this, [this, i] { showPage(Page(i)); });
    }
    auto* refresh = new QShortcut(QKeySequence::Refresh, this);
    connect(refresh, &QShortcut::activated, this, &ManagerWorkspace::reloadCurrent);
    connect(m_navigation, &QListWidget::currentRowChanged, this, &ManagerWorkspace::navigate);
    connect(m_navigation, &QListWidget::itemClicked, this,
        [this](QListWidgetItem* item) { navigate(m_navigation->row(item)); });
    m_navigation->setCurrentRow(Home);
}

QString ManagerWorkspace::title() const
{
    return tr("Branch");
}

void ManagerWorkspace::add(ManagerPage* page, const QString& label, const QIcon& icon)
{
    m_pages << page;
    m_stack->addWidget(page);
    auto* item = new QListWidgetItem(icon, label, m_navigation);
    if (m_pages.size() <= kShortcutPages)
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(label).arg(m_pages.size()));
    else
        item->setToolTip(label);
    connect(page, &ManagerPage::lockRequested, this, &Workspace::lockRequested);
    connect(page, &ManagerPage::openCustomerRequested, this, &ManagerWorkspace::openCustomer);
    connect(page, &ManagerPage::changed, this, &ManagerWorkspace::markOthersStale);
}

void ManagerWorkspace::showPage(Page page)
{
    if (m_navigation->currentRow() == page)
        navigate(page); // back from an open customer
    else
        m_navigation->setCurrentRow(page);
}

void ManagerWorkspace::navigate(int row)
{
    if (row < 0 || row >= m_pages.size())
        return;
    if (m_navigation->currentRow() != row) {
        m_navigation->setCurrentRow(row); // comes back here
        return;
    }
    m_customer->close(); // no customer stays open behind another page
    ManagerPage* page = m_pages.at(row);
    m_stack->setCurrentWidget(page);
    if (m_stale.remove(page) || page == m_homeHost)
        page->reload();
}

void ManagerWorkspace::openFromHome(int entry)
{
    switch (WorkCount(entry)) {
    case WorkCount::ChangesToApprove:
        showPage(ApprovalsInboxPage);
        m_approvals->showPanel(m_approvals->changes());
        return;
    case WorkCount::TierChangesToConfirm:
        showPage(ApprovalsInboxPage);
        m_approvals->showPanel(m_approvals->tiers());
        return;
    case WorkCount::RequestsToDecide:
        showPage(ApprovalsInboxPage);
        m_approvals->showPanel(m_approvals->requests());
        return;
    case WorkCount::BranchOverdueComplaints:
        showPage(OverduePage);
        return;
    case WorkCount::SuspiciousPairs:
        showPage(SuspiciousPairsPage);
        return;
    case WorkCount::OverdueLendings:
    case WorkCount::PrintoutsPastUse:
    case WorkCount::UnfinishedPrints:
        showPage(PrintRegisterListPage);
        return;
    case WorkCount::CustomersToReassign:
        showPage(ReassignmentsPage);
        return;
    case WorkCount::AccountsToConfirm:
        showPage(StaffConfirmationsPage);
        return;
    default:
        return;
    }
}

void ManagerWorkspace::openCustomer(const QString& customerNo)
{
    if (customerNo.isEmpty())
        return;
    m_returnRow = qMax(0, m_navigation->currentRow());
    m_customer->open(customerNo);
    m_stack->setCurrentWidget(m_customer);
}

DraftSource* ManagerWorkspace::draftTarget(DraftForm form, const QString& subject)
{
    if (form == DraftForm::NewCustomer || subject.isEmpty())
        return nullptr;
    openCustomer(subject);
    if (form != DraftForm::EditCustomer)
        return m_customer->detail() ? m_customer->detail()->showDraftForm(form) : nullptr;
    m_customer->edit(subject);
    CustomerFormWidget* edit = m_customer->form();
    return edit && edit->isLoaded() ? edit : nullptr;
}

void ManagerWorkspace::reloadCurrent()
{
    if (auto* page = qobject_cast<ManagerPage*>(m_stack->currentWidget())) {
        m_stale.remove(page);
        page->reload();
    }
}

void ManagerWorkspace::markOthersStale()
{
    auto* source = qobject_cast<ManagerPage*>(sender());
    for (ManagerPage* page : std::as_const(m_pages)) {
        if (page != source)
            m_stale.insert(page);
    }
}

} // namespace bv::ui
