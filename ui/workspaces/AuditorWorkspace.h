#pragma once

#include "ui/workspaces/Workspace.h"

#include <QSet>

class QTabWidget;

namespace bv::ui {

class AuditAlertsPage;
class AuditCheckpointPage;
class AuditExportPage;
class AuditLogPage;
class AuditVerifyPage;
class PrintRegisterPage;
class HomePage;
class ReportsPage;

// The security auditor's workspace: the audit log with filters, chain verification (also against a
// checkpoint), checkpoints, alerts, the CSV export, the auditor's controlled reports and the print register. The
// auditor sees customer numbers and masked details only; each page loads when it is first shown.
class AuditorWorkspace : public Workspace
{
    Q_OBJECT
public:
    explicit AuditorWorkspace(const WorkspaceContext& context, QWidget* parent = nullptr);
    QString title() const override;

    enum Page
    {
        Home, // what needs this person now (HomePage)
        Log,
        Verify,
        Checkpoint,
        Alerts,
        Export,
        Reports,
        Register
    };
    void showPage(Page page);
    // Reads the current page again (F5; the home page also whenever it is shown).
    void reloadCurrent();

    HomePage* homePage() const { return m_home; }
    QTabWidget* tabs() const { return m_tabs; }

    AuditLogPage* logPage() const { return m_log; }
    AuditVerifyPage* verifyPage() const { return m_verify; }
    AuditCheckpointPage* checkpointPage() const { return m_checkpoint; }
    AuditAlertsPage* alertsPage() const { return m_alerts; }
    AuditExportPage* exportPage() const { return m_export; }
    ReportsPage* reportsPage() const { return m_reports; }
    PrintRegisterPage* printRegisterPage() const { return m_register; }

private:
    void pageShown(int index);
    void openFromHome(int entry);

    QTabWidget* m_tabs = nullptr;
    HomePage* m_home = nullptr;
    AuditLogPage* m_log = nullptr;
    AuditVerifyPage* m_verify = nullptr;
    AuditCheckpointPage* m_checkpoint = nullptr;
    AuditAlertsPage* m_alerts = nullptr;
    AuditExportPage* m_export = nullptr;
    ReportsPage* m_reports = nullptr;
    PrintRegisterPage* m_register = nullptr;
    QSet<int> m_loaded;
};

} // namespace bv::ui
