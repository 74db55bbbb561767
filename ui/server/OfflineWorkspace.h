#pragma once

#include "core/server/ServerOutbox.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace bv::ui {

class ClipboardGuard;
class Dialogs;
class EntryFormPanel;
class OfflineServicePanel;
class OutboxPage;

// The customer manager's workspace while the branch server cannot be reached (ServerOutbox): a banner that says so,
// the new-customer form and the service-record form, whose records are kept in this workstation's outbox, and the
// outbox itself. Nothing else
// is offered: approvals, reveals, lookups and prints need the server.
class OfflineWorkspace : public QWidget
{
    Q_OBJECT
public:
    OfflineWorkspace(
        ServerOutbox::Session& session, Dialogs& dialogs, ClipboardGuard& clipboard, QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    QLabel* banner() const { return m_banner; }
    EntryFormPanel* entryPanel() const { return m_entry; }
    OfflineServicePanel* servicePanel() const { return m_service; }
    OutboxPage* outboxPage() const { return m_outbox; }

private:
    QLabel* m_banner = nullptr;
    QTabWidget* m_tabs = nullptr;
    EntryFormPanel* m_entry = nullptr;
    OfflineServicePanel* m_service = nullptr;
    OutboxPage* m_outbox = nullptr;
};

} // namespace bv::ui
