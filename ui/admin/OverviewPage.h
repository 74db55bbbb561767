#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace bv::ui {

// Counts only — the administrator never sees customer data: accounts, active accounts, customers,
// audit rows and open special requests.
class OverviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit OverviewPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    void refresh();

signals:
    void failed(const bv::Error& error);

private:
    WorkspaceContext m_context;
    QLabel* m_accounts = nullptr;
    QLabel* m_activeAccounts = nullptr;
    QLabel* m_customers = nullptr;
    QLabel* m_auditRows = nullptr;
    QLabel* m_openRequests = nullptr;
    QLabel* m_database = nullptr;
    QPushButton* m_refresh = nullptr;
};

} // namespace bv::ui
