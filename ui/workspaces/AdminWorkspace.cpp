#include "ui/workspaces/AdminWorkspace.h"

#include "ui/admin/AccountsPage.h"
#include "ui/admin/OverviewPage.h"
#include "ui/admin/SettingsPage.h"
#include "ui/admin/StoragePage.h"
#include "ui/common/Icons.h"
#include "ui/home/HomePage.h"
#include "ui/reports/ReportsPage.h"

#include <QShortcut>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bv::ui {

AdminWorkspace::AdminWorkspace(const WorkspaceContext& context, QWidget* parent)
    : Workspace(context, parent)
{
    setObjectName(QStringLiteral("adminWorkspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("pagesTabWidget"));
    m_tabs->setAccessibleName(tr("Administration pages"));
    m_home = new HomePage(m_context, Role::Admin, m_tabs);
    m_overview = new OverviewPage(m_context, m_tabs);
    m_accounts = new AccountsPage(m_context, m_tabs);
    m_settings = new SettingsPage(m_context, m_tabs);
    m_storage = new StoragePage(m_context, m_tabs);
    using Icons::Icon;
    m_tabs->addTab(m_home, Icons::icon(Icon::Home), tr("Home"));
    m_tabs->addTab(m_overview, Icons::icon(Icon::Overview), tr("&Overview"));
    m_tabs->addTab(m_accounts, Icons::icon(Icon::Staff), tr("&Accounts"));
    m_tabs->addTab(m_settings, Icons::icon(Icon::Settings), tr("&Settings"));
    m_tabs->addTab(m_storage, Icons::icon(Icon::Storage), tr("S&torage"));
    m_reports = new ReportsPage(m_context, m_tabs);
    m_tabs->addTab(m_reports, Icons::icon(Icon::Reports), tr("Controlled re&ports"));
    layout->addWidget(m_tabs);

    auto failed = [this](const Error& error) { fail(error); };
    connect(m_home, &HomePage::failed, this, failed);
    connect(m_home, &HomePage::openRequested, this, &AdminWorkspace::openFromHome);
    auto* refresh = new QShortcut(QKeySequence::Refresh, this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &AdminWorkspace::reloadCurrent);
    connect(m_overview, &OverviewPage::failed, this, failed);
    connect(m_accounts, &AccountsPage::failed, this, failed);
    connect(m_settings, &SettingsPage::failed, this, failed);
    connect(m_storage, &StoragePage::failed, this, failed);
    connect(m_storage, &StoragePage::restoreRequested, this, &Workspace::restoreRequested);
    connect(m_reports, &ContextWidget::lockRequested, this, &Workspace::lockRequested);
    connect(m_tabs, &QTabWidget::currentChanged, this, &AdminWorkspace::pageChanged);
    m_current = m_tabs->currentIndex();
    pageShown(m_current);
}

void AdminWorkspace::pageChanged(int index)
{
    // Leaving the settings with unsaved values asks first; "stay" goes back to the settings page.
    if (m_current == int(Settings) && index != int(Settings) && !m_settings->confirmLeave()) {
        const QSignalBlocker blocker(m_tabs);
        m_tabs->setCurrentIndex(int(Settings));
        return;
    }
    m_current = index;
    pageShown(index);
}

bool AdminWorkspace::confirmLeave()
{
    if (m_settings->confirmLeave())
        return true;
    showPage(Settings);
    return false;
}

QString AdminWorkspace::title() const
{
    return tr("Administration");
}

void AdminWorkspace::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

void AdminWorkspace::openFromHome(int entry)
{
    switch (entry) {
    case int(WorkCount::AccountsAwaitingConfirmation):
    case int(WorkCount::AccountsLocked):
    case int(WorkCount::AccountsFrozen):
    case int(WorkCount::PasswordsExpiring):
        showPage(Accounts);
        return;
    case HomePage::DatabaseFile:
    case HomePage::AuditRows:
    case HomePage::LastBackup:
    case HomePage::LastDatabaseVerification:
        showPage(Storage);
        return;
    default:
        return;
    }
}

void AdminWorkspace::reloadCurrent()
{
    const int index = m_tabs->currentIndex();
    if (Page(index) == Settings)
        return; // would throw away edits not yet saved; the page has its own way to read again
    m_loaded.remove(index);
    pageShown(index);
}

void AdminWorkspace::pageShown(int index)
{
    if (Page(index) == Home) {
        m_home->refresh(); // accounts lock and passwords age while the administrator looks elsewhere
        return;
    }
    if (index < 0 || m_loaded.contains(index))
        return;
    m_loaded.insert(index);
    switch (Page(index)) {
    case Home:
        break;
    case Overview:
        m_overview->refresh();
        break;
    case Accounts:
        m_accounts->refresh();
        break;
    case Settings:
        m_settings->refresh();
        break;
    case Storage:
        m_storage->refresh();
        break;
    case Reports:
        m_reports->reload();
        break;
    }
}

} // namespace bv::ui
