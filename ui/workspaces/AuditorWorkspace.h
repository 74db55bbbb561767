#pragma once

#include "Workspace.h"

#include <QSet>

class QTabWidget;

namespace bv::ui {

class AuditAlertsPage;
class AuditCheckpointPage;
class AuditExportPage;
class AuditLogPage;
class AuditVerifyPage;

// The security auditor's workspace: the audit log with filters, chain verification (also against a
// checkpoint), checkpoints, alerts and the CSV export. The auditor sees customer numbers and masked
// details only; each page loads when it is first shown.
class AuditorWorkspace : public Workspace
{
    Q_OBJECT
public:
    explicit AuditorWorkspace(const WorkspaceContext& context, QWidget* parent = nullptr);
    QString title() const override;

    enum Page
    {
        Log,
        Verify,
        Checkpoint,
        Alerts,
        Export
    };
    void showPage(Page page);

    AuditLogPage* logPage() const { return m_log; }
    AuditVerifyPage* verifyPage() const { return m_verify; }
    AuditCheckpointPage* checkpointPage() const { return m_checkpoint; }
    AuditAlertsPage* alertsPage() const { return m_alerts; }
    AuditExportPage* exportPage() const { return m_export; }

private:
    void pageShown(int index);

    QTabWidget* m_tabs = nullptr;
    AuditLogPage* m_log = nullptr;
    AuditVerifyPage* m_verify = nullptr;
    AuditCheckpointPage* m_checkpoint = nullptr;
    AuditAlertsPage* m_alerts = nullptr;
    AuditExportPage* m_export = nullptr;
    QSet<int> m_loaded;
};

} // namespace bv::ui
