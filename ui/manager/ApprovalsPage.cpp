#include "ui/manager/ApprovalsPage.h"

#include "ui/manager/ChangeApprovalsPanel.h"
#include "ui/manager/RequestApprovalsPanel.h"
#include "ui/manager/TierApprovalsPanel.h"

#include <QTabWidget>
#include <QVBoxLayout>

namespace bv::ui {

ApprovalsPage::ApprovalsPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("approvalsPage"));
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("approvalsTabWidget"));
    m_changes = new ChangeApprovalsPanel(context, m_tabs);
    m_tiers = new TierApprovalsPanel(context, m_tabs);
    m_requests = new RequestApprovalsPanel(context, m_tabs);
    m_tabs->addTab(m_changes, QString());
    m_tabs->addTab(m_tiers, QString());
    m_tabs->addTab(m_requests, QString());
    adopt(m_changes);
    adopt(m_tiers);
    adopt(m_requests);
    connect(m_changes, &ChangeApprovalsPanel::countChanged, this, &ApprovalsPage::updateTitles);
    connect(m_tiers, &TierApprovalsPanel::countChanged, this, &ApprovalsPage::updateTitles);
    connect(m_requests, &RequestApprovalsPanel::countChanged, this, &ApprovalsPage::updateTitles);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    updateTitles();
}

void ApprovalsPage::adopt(ManagerPage* panel)
{
    forwardLock(panel);
    connect(panel, &ManagerPage::openCustomerRequested, this, &ManagerPage::openCustomerRequested);
    connect(panel, &ManagerPage::changed, this, &ManagerPage::changed);
}

void ApprovalsPage::reload()
{
    m_changes->reload();
    m_tiers->reload();
    m_requests->reload();
}

void ApprovalsPage::updateTitles()
{
    m_tabs->setTabText(0, tr("Customer &changes (%1)").arg(m_changes->pendingCount()));
    m_tabs->setTabText(1, tr("&Tier changes (%1)").arg(m_tiers->pendingCount()));
    m_tabs->setTabText(2, tr("Special re&quests (%1)").arg(m_requests->pendingCount()));
}

void ApprovalsPage::showPanel(ManagerPage* panel)
{
    if (m_tabs->indexOf(panel) >= 0)
        m_tabs->setCurrentWidget(panel);
}

} // namespace bv::ui
