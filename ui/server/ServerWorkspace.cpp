#include "ui/server/ServerWorkspace.h"

#include "core/server/ServerSession.h"
#include "ui/admin/SettingsPage.h"
#include "ui/common/Dialogs.h"
#include "ui/server/OutboxPage.h"
#include "ui/server/ServerAccountsPage.h"
#include "ui/server/ServerAuditPage.h"
#include "ui/server/ServerChangesPage.h"
#include "ui/server/ServerCustomersPage.h"
#include "ui/server/ServerEntryPage.h"
#include "ui/server/ServerLookupPage.h"
#include "ui/server/ServerOverduePage.h"
#include "ui/server/ServerRequestsPage.h"
#include "ui/server/ServerSuspiciousPage.h"
#include "ui/server/ServerTiersPage.h"

#include <QSignalBlocker>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bv::ui {

ServerWorkspace::ServerWorkspace(const ServerContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("serverWorkspace"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("serverTabs"));
    layout->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &ServerWorkspace::tabChanged);
    switch (context.session.identity().role) {
    case Role::Manager:
        m_changes = new ServerChangesPage(context, true);
        add(m_changes, tr("Appro&vals"));
        m_requests = new ServerRequestsPage(context, true);
        add(m_requests, tr("Re&quests"));
        m_customers = new ServerCustomersPage(context);
        add(m_customers, tr("Branch c&ustomers"));
        m_entry = new ServerEntryPage(context);
        add(m_entry, tr("Ne&w customer"));
        m_suspicious = new ServerSuspiciousPage(context);
        add(m_suspicious, tr("Suspicious &pairs"));
        m_accounts = new ServerAccountsPage(context);
        add(m_accounts, tr("A&ccount confirmations"));
        m_overdue = new ServerOverduePage(context);
        add(m_overdue, tr("Complaints to c&hase"));
        m_tiers = new ServerTiersPage(context);
        add(m_tiers, tr("Tier chan&ges"));
        connect(m_changes, &ServerChangesPage::decided, m_customers, &ServerCustomersPage::reload);
        // an approved edit of a customer's assets may wait as a tier change; a confirmed one shows in the list
        connect(m_changes, &ServerChangesPage::decided, m_tiers, &ServerTiersPage::reload);
        connect(m_tiers, &ServerTiersPage::decided, m_customers, &ServerCustomersPage::reload);
        connect(m_entry, &ServerEntryPage::saved, m_changes, &ServerChangesPage::reload);
        connect(m_entry, &ServerEntryPage::saved, m_customers, &ServerCustomersPage::reload);
        // an approved record or edit may share a mobile or an account number with another customer
        connect(m_changes, &ServerChangesPage::decided, m_suspicious, &ServerSuspiciousPage::reload);
        connect(m_customers, &ServerCustomersPage::requestFiled, m_requests, &ServerRequestsPage::reload);
        connect(m_customers, &ServerCustomersPage::complaintsChanged, m_overdue, &ServerOverduePage::invalidate);
        break;
    case Role::CustomerManager:
        m_entry = new ServerEntryPage(context);
        add(m_entry, tr("Ne&w customer"));
        m_customers = new ServerCustomersPage(context);
        add(m_customers, tr("My c&ustomers"));
        m_changes = new ServerChangesPage(context, false);
        add(m_changes, tr("Waitin&g for approval"));
        m_requests = new ServerRequestsPage(context, false);
        add(m_requests, tr("My re&quests"));
        m_overdue = new ServerOverduePage(context);
        add(m_overdue, tr("Complaints to c&hase"));
        connect(m_entry, &ServerEntryPage::saved, m_customers, &ServerCustomersPage::reload);
        connect(m_entry, &ServerEntryPage::saved, m_changes, &ServerChangesPage::reload);
        connect(m_customers, &ServerCustomersPage::requestFiled, m_requests, &ServerRequestsPage::reload);
        connect(m_customers, &ServerCustomersPage::complaintsChanged, m_overdue, &ServerOverduePage::invalidate);
        break;
    case Role::Clerk:
        m_lookup = new ServerLookupPage(context);
        add(m_lookup, tr("Customer loo&kup"));
        break;
    case Role::Auditor:
        m_audit = new ServerAuditPage(context);
        add(m_audit, tr("&Audit log"));
        break;
    case Role::Admin: {
        m_accounts = new ServerAccountsPage(context);
        add(m_accounts, tr("&Accounts"));
        ServerSession& session = context.session;
        m_settings = new SettingsPage(context.dialogs,
            SettingsBackend {[&session] { return session.settings(); },
                [&session](const QString& key, const QString& value) { return session.setSetting(key, value); }},
            tr("Policy settings of this branch, kept on the branch server for every workstation. Edit a value and "
               "save: values below the floors the regulations set are refused. Every change, and every refused "
               "value, is recorded in the branch's audit log. A narrower mask width narrows the masked values "
               "already stored at once; a wider one shows more only of values entered from then on."),
            this);
        m_tabs->addTab(m_settings, tr("Se&ttings"));
        connect(m_settings, &SettingsPage::failed, this, &ServerWorkspace::showFailure);
        // read once the window is up (a server gone by then ends the session through sessionLost, connected by then)
        QMetaObject::invokeMethod(m_settings, &SettingsPage::refresh, Qt::QueuedConnection);
        break;
    }
    }
}

void ServerWorkspace::showFailure(const Error& error)
{
    m_context.dialogs.showError(this, error);
    if (error.code == ErrorCode::ServerUnavailable)
        emit sessionLost();
}

void ServerWorkspace::addOutbox(OutboxPage* page)
{
    m_outbox = page;
    m_tabs->addTab(page, tr("&Kept offline"));
    connect(page, &OutboxPage::failed, this, &ServerWorkspace::showFailure);
    if (m_entry)
        connect(m_entry, &ServerEntryPage::saved, page, &OutboxPage::reload);
}

bool ServerWorkspace::confirmLeave()
{
    if (!m_settings || m_settings->confirmLeave())
        return true;
    m_tabs->setCurrentWidget(m_settings);
    return false;
}

void ServerWorkspace::tabChanged(int index)
{
    QWidget* shown = m_tabs->widget(index);
    if (m_settings && m_current == m_settings && shown != m_settings && !m_settings->confirmLeave()) {
        const QSignalBlocker blocker(m_tabs);
        m_tabs->setCurrentWidget(m_settings);
        return;
    }
    m_current = shown;
}

DraftSource* ServerWorkspace::draftTarget(DraftForm form, const QString& subject)
{
    if (!m_entry || form != m_entry->draftForm() || !subject.isEmpty())
        return nullptr;
    m_tabs->setCurrentWidget(m_entry);
    return m_entry;
}

void ServerWorkspace::add(ServerPage* page, const QString& title)
{
    m_tabs->addTab(page, title);
    connect(page, &ServerPage::sessionLost, this, &ServerWorkspace::sessionLost);
}

} // namespace bv::ui
