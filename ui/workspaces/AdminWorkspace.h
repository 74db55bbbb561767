#pragma once

#include "ui/workspaces/Workspace.h"

#include <QSet>

class QTabWidget;

namespace bv::ui {

class AccountsPage;
class OverviewPage;
class HomePage;
class ReportsPage;
class SettingsPage;
class StoragePage;

// The system administrator's workspace: overview (counts only), staff accounts, settings, storage and the
// administrator's controlled reports (the account roster).
// The administrator never sees customer data; each page loads when it is first shown.
class AdminWorkspace : public Workspace
{
    Q_OBJECT
public:
    explicit AdminWorkspace(const WorkspaceContext& context, QWidget* parent = nullptr);
    QString title() const override;
    // Unsaved settings ask before a sign-out or close ("stay" shows the settings page).
    bool confirmLeave() override;

    enum Page
    {
        Home, // what needs this person now (HomePage)
        Overview,
        Accounts,
        Settings,
        Storage,
        Reports
    };
    void showPage(Page page);
    // Reads the current page again (F5; the home page also whenever it is shown).
    void reloadCurrent();

    HomePage* homePage() const { return m_home; }
    QTabWidget* tabs() const { return m_tabs; }

    OverviewPage* overviewPage() const { return m_overview; }
    AccountsPage* accountsPage() const { return m_accounts; }
    SettingsPage* settingsPage() const { return m_settings; }
    StoragePage* storagePage() const { return m_storage; }
    ReportsPage* reportsPage() const { return m_reports; }

private:
    void pageShown(int index);
    void openFromHome(int entry);
    void pageChanged(int index);

    QTabWidget* m_tabs = nullptr;
    HomePage* m_home = nullptr;
    OverviewPage* m_overview = nullptr;
    AccountsPage* m_accounts = nullptr;
    SettingsPage* m_settings = nullptr;
    StoragePage* m_storage = nullptr;
    ReportsPage* m_reports = nullptr;
    QSet<int> m_loaded;
    int m_current = -1;
};

} // namespace bv::ui
