#pragma once

#include "core/drafts/DraftService.h"

#include "ui/server/ServerContext.h"

class QTabWidget;

namespace bv::ui {

class DraftSource;

class OutboxPage;
class ServerAccountsPage;
class ServerAuditPage;
class ServerChangesPage;
class ServerCustomersPage;
class ServerEntryPage;
class ServerLookupPage;
class ServerOverduePage;
class ServerRequestsPage;
class ServerSuspiciousPage;
class ServerTiersPage;
class SettingsPage;

// A role's workspace over the branch server, in tabs; every page shows only what the server returned for the
// signed-in account (docs/SERVER.md, "The desktop over the server"):
// - branch manager: changes to approve, requests to decide, the branch's customers (with their service, complaints
//   and consent), new customers, suspicious pairs, account confirmations, the branch's overdue complaints;
// - customer manager: new customer, own customers (with their service, complaints and consent), own changes waiting,
//   own requests (and their full values), own overdue complaints;
// - clerk: the exact lookup;
// - security auditor: the branch's audit chain;
// - administrator: new accounts, the branch's settings.
class ServerWorkspace : public QWidget
{
    Q_OBJECT
public:
    explicit ServerWorkspace(const ServerContext& context, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    // The role's pages (nullptr where the role has none).
    ServerEntryPage* entryPage() const { return m_entry; }
    ServerCustomersPage* customersPage() const { return m_customers; }
    ServerChangesPage* changesPage() const { return m_changes; }
    ServerSuspiciousPage* suspiciousPage() const { return m_suspicious; }
    ServerTiersPage* tiersPage() const { return m_tiers; }
    ServerRequestsPage* requestsPage() const { return m_requests; }
    ServerLookupPage* lookupPage() const { return m_lookup; }
    ServerAuditPage* auditPage() const { return m_audit; }
    ServerAccountsPage* accountsPage() const { return m_accounts; }
    ServerOverduePage* overduePage() const { return m_overdue; }
    OutboxPage* outboxPage() const { return m_outbox; }
    SettingsPage* settingsPage() const { return m_settings; }
    // The customer manager's entries kept offline at this workstation, in a tab of their own (only while there are
    // some). Takes ownership.
    void addOutbox(OutboxPage* page);
    // Asked before the person leaves the workspace (sign-out, closing the window): true when nothing is unsaved or
    // the unsaved settings were discarded; false to stay (the settings page is shown).
    bool confirmLeave();
    // The form a draft belongs in, shown (nullptr when this workspace has none for it).
    DraftSource* draftTarget(DraftForm form, const QString& subject);

signals:
    // The server cannot be reached any more: the application ends the session.
    void sessionLost();

private:
    void add(ServerPage* page, const QString& title);
    // A failure a page outside ServerPage reports: shown, and the session ended when the server is gone.
    void showFailure(const Error& error);
    // Leaving the settings tab with unsaved values asks first, as local mode's administration does.
    void tabChanged(int index);
    ServerContext m_context;
    QTabWidget* m_tabs = nullptr;
    QWidget* m_current = nullptr;
    ServerEntryPage* m_entry = nullptr;
    ServerCustomersPage* m_customers = nullptr;
    ServerChangesPage* m_changes = nullptr;
    ServerSuspiciousPage* m_suspicious = nullptr;
    ServerTiersPage* m_tiers = nullptr;
    ServerRequestsPage* m_requests = nullptr;
    ServerLookupPage* m_lookup = nullptr;
    ServerAuditPage* m_audit = nullptr;
    ServerAccountsPage* m_accounts = nullptr;
    ServerOverduePage* m_overdue = nullptr;
    OutboxPage* m_outbox = nullptr;
    SettingsPage* m_settings = nullptr;
};

} // namespace bv::ui
