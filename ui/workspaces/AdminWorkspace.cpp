#include "AdminWorkspace.h"

#include "admin/AccountsPage.h"
#include "admin/OverviewPage.h"
#include "admin/SettingsPage.h"
#include "admin/StoragePage.h"
#include "reports/ReportsPage.h"

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
    m_overview = new OverviewPage(m_context, m_tabs);
    m_accounts = new AccountsPage(m_context, m_tabs);
    m_settings = new SettingsPage(m_context, m_tabs);
    m_storage = new StoragePage(m_context, m_tabs);
    m_tabs->addTab(m_overview, tr("O&verview"));
    m_tabs->addTab(m_accounts, tr("&Accounts"));
    m_tabs->addTab(m_settings, tr("&Settings"));
    m_tabs->addTab(m_storage, tr("S&torage"));
    m_reports = new ReportsPage(m_context, m_tabs);
    m_tabs->addTab(m_reports, tr("Controlled re&ports"));
    layout->addWidget(m_tabs);

    auto failed = [this](const Error& error) { fail(error); };
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

QString AdminWorkspace::title() const
{
    return tr("Administration");
}

void AdminWorkspace::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

void AdminWorkspace::pageShown(int index)
{
    if (index < 0 || m_loaded.contains(index))
        return;
    m_loaded.insert(index);
    switch (Page(index)) {
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
