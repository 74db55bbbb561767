#pragma once

#include "ui/manager/ManagerPage.h"

class QTabWidget;

namespace bv::ui {

class ChangeApprovalsPanel;
class RequestApprovalsPanel;
class TierApprovalsPanel;

// The branch manager's inbox: pending customer changes, tier changes and special requests, one tab each
// with the number waiting in its title.
class ApprovalsPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit ApprovalsPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;

    ChangeApprovalsPanel* changes() const { return m_changes; }
    TierApprovalsPanel* tiers() const { return m_tiers; }
    RequestApprovalsPanel* requests() const { return m_requests; }
    // Brings one of the three panels to the front (from the home page).
    void showPanel(ManagerPage* panel);

private:
    void updateTitles();
    void adopt(ManagerPage* panel);

    QTabWidget* m_tabs = nullptr;
    ChangeApprovalsPanel* m_changes = nullptr;
    TierApprovalsPanel* m_tiers = nullptr;
    RequestApprovalsPanel* m_requests = nullptr;
};

} // namespace bv::ui
