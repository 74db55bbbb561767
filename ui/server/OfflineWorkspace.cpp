#include "ui/server/OfflineWorkspace.h"

#include "ui/common/Dialogs.h"
#include "ui/server/EntryFormPanel.h"
#include "ui/server/OfflineServicePanel.h"
#include "ui/server/OutboxPage.h"

#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace bv::ui {

OfflineWorkspace::OfflineWorkspace(
    ServerOutbox::Session& session, Dialogs& dialogs, ClipboardGuard& clipboard, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("offlineWorkspace"));
    auto* layout = new QVBoxLayout(this);
    m_banner = new QLabel(tr("<b>The branch server cannot be reached: you are working offline.</b> New customers and "
                             "service records are kept on this workstation, encrypted, and sent to the branch server "
                             "when you next sign in with the server reachable; each new customer then waits for a "
                             "branch manager's approval. Approvals, full views, lookups and prints need the server."),
        this);
    m_banner->setObjectName(QStringLiteral("offlineBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::RichText);
    layout->addWidget(m_banner);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("offlineTabs"));
    layout->addWidget(m_tabs, 1);

    auto showError = [this, &dialogs](const Error& error) { dialogs.showError(this, error); };
    m_entry = new EntryFormPanel(
        dialogs,
        tr("The new record is kept in this workstation's outbox until the branch server can be reached. Protected "
           "values are sealed with your keys."),
        [&session](const CustomerInput& in) -> Result<std::pair<QString, QString>> {
            auto kept = session.keep(in);
            if (!kept.ok())
                return kept.error();
            return std::make_pair(tr("Customer kept offline"),
                EntryFormPanel::withWarnings(
                    tr("The new customer was kept in this workstation's outbox as entry %1. It is sent to the branch "
                       "server when you next sign in with the server reachable, and then waits for a branch "
                       "manager's approval.")
                        .arg(kept->first),
                    kept->second));
        },
        showError);
    m_tabs->addTab(m_entry, tr("Ne&w customer"));
    m_service = new OfflineServicePanel(session, dialogs);
    m_tabs->addTab(m_service, tr("Servi&ce record"));
    m_outbox = new OutboxPage(
        dialogs, clipboard,
        tr("The new customers and service records you kept on this workstation while the branch server could not be "
           "reached."),
        [&session] { return session.entries(); }, [&session](qint64 id) { return session.discard(id); });
    m_tabs->addTab(m_outbox, tr("&Kept offline"));
    connect(m_outbox, &OutboxPage::failed, this, showError);
    connect(m_entry, &EntryFormPanel::saved, m_outbox, &OutboxPage::reload);
    connect(m_service, &OfflineServicePanel::kept, m_outbox, &OutboxPage::reload);
}

} // namespace bv::ui
