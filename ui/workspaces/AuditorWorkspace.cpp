#include "ui/workspaces/AuditorWorkspace.h"

#include "ui/audit/AuditAlertsPage.h"
#include "ui/audit/AuditCheckpointPage.h"
#include "ui/audit/AuditExportPage.h"
#include "ui/audit/AuditLogPage.h"
#include "ui/audit/AuditVerifyPage.h"
#include "ui/common/Icons.h"
#include "ui/home/HomePage.h"
#include "ui/reports/PrintRegisterPage.h"
#include "ui/reports/ReportsPage.h"

#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bv::ui {

AuditorWorkspace::AuditorWorkspace(const WorkspaceContext& context, QWidget* parent)
    : Workspace(context, parent)
{
    setObjectName(QStringLiteral("auditorWorkspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("pagesTabWidget"));
    m_tabs->setAccessibleName(tr("Audit pages"));
    m_home = new HomePage(m_context, Role::Auditor, m_tabs);
    m_log = new AuditLogPage(m_context, m_tabs);
    m_verify = new AuditVerifyPage(m_context, m_tabs);
    m_checkpoint = new AuditCheckpointPage(m_context, m_tabs);
    m_alerts = new AuditAlertsPage(m_context, m_tabs);
    m_export = new AuditExportPage(m_context, m_tabs);
    using Icons::Icon;
    m_tabs->addTab(m_home, Icons::icon(Icon::Home), tr("Home"));
    m_tabs->addTab(m_log, Icons::icon(Icon::AuditLog), tr("Audit &log"));
    m_tabs->addTab(m_verify, Icons::icon(Icon::Verify), tr("&Verify"));
    m_tabs->addTab(m_checkpoint, Icons::icon(Icon::Checkpoint), tr("Chec&kpoint"));
    m_tabs->addTab(m_alerts, Icons::icon(Icon::Alerts), tr("&Alerts"));
    m_tabs->addTab(m_export, Icons::icon(Icon::Export), tr("E&xport"));
    m_reports = new ReportsPage(m_context, m_tabs);
    m_register = new PrintRegisterPage(m_context, m_tabs);
    m_tabs->addTab(m_reports, Icons::icon(Icon::Reports), tr("Controlle&d reports"));
    m_tabs->addTab(m_register, Icons::icon(Icon::PrintRegister), tr("Print &register"));
    layout->addWidget(m_tabs);

    auto failed = [this](const Error& error) { fail(error); };
    connect(m_home, &HomePage::failed, this, failed);
    connect(m_home, &HomePage::openRequested, this, &AuditorWorkspace::openFromHome);
    auto* refresh = new QShortcut(QKeySequence::Refresh, this);
    refresh->setContext(Qt::WidgetWithChildrenShortcut);
    connect(refresh, &QShortcut::activated, this, &AuditorWorkspace::reloadCurrent);
    connect(m_log, &AuditLogPage::failed, this, failed);
    connect(m_verify, &AuditVerifyPage::failed, this, failed);
    connect(m_checkpoint, &AuditCheckpointPage::failed, this, failed);
    connect(m_alerts, &AuditAlertsPage::failed, this, failed);
    connect(m_export, &AuditExportPage::failed, this, failed);
    connect(m_reports, &ContextWidget::lockRequested, this, &Workspace::lockRequested);
    connect(m_register, &ContextWidget::lockRequested, this, &Workspace::lockRequested);
    connect(m_tabs, &QTabWidget::currentChanged, this, &AuditorWorkspace::pageShown);
    pageShown(m_tabs->currentIndex());
}

QString AuditorWorkspace::title() const
{
    return tr("Audit");
}

void AuditorWorkspace::showPage(Page page)
{
    m_tabs->setCurrentIndex(int(page));
}

void AuditorWorkspace::openFromHome(int entry)
{
    if (entry == int(WorkCount::OpenAlerts)) {
        showPage(Alerts);
        m_alerts->refresh(); // the list behind the count (its default period is the home page's)
    } else if (entry == HomePage::LastAuditVerification)
        showPage(Verify);
}

void AuditorWorkspace::reloadCurrent()
{
    switch (Page(m_tabs->currentIndex())) {
    case Home:
        m_home->refresh();
        break;
    case Log:
        m_log->refresh();
        break;
    case Reports:
        m_reports->reload();
        break;
    case Register:
        m_register->reload();
        break;
    case Verify:
    case Checkpoint:
    case Alerts:
    case Export:
        break; // they run when asked
    }
}

void AuditorWorkspace::pageShown(int index)
{
    if (Page(index) == Home) {
        m_home->refresh(); // alerts arrive and verifications are run while the auditor looks elsewhere
        return;
    }
    if (Page(index) == Register) {
        m_register->reload(); // lendings fall due and copies are destroyed while the auditor looks elsewhere
        return;
    }
    if (index < 0 || m_loaded.contains(index))
        return;
    m_loaded.insert(index);
    // Only the log reads on its own; verification, checkpoints, alerts and exports run when asked.
    if (Page(index) == Log)
        m_log->refresh();
    else if (Page(index) == Reports)
        m_reports->reload();
}

} // namespace bv::ui
