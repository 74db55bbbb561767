#pragma once

#include "core/auth/Session.h"
#include "ui/customers/CareSource.h"

class QComboBox;
class QLabel;
class QTableView;
class QVBoxLayout;

namespace bv {
class Core;
}

namespace bv::ui {

class ComplaintListModel;
class ComplaintsPage;

// The customer manager's complaints: the own overdue complaints (CustomerCare::overdue) and, for a customer
// chosen from the own portfolio, that customer's complaints with the form for a new one.
class MyComplaintsPage : public CarePage
{
    Q_OBJECT
public:
    explicit MyComplaintsPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    ComplaintListModel* overdueModel() const { return m_overdue; }
    QComboBox* customerComboBox() const { return m_customer; }
    ComplaintsPage* complaintsPage() const { return m_page; }

public slots:
    void reload();
    void reloadOverdue();
    void chooseCustomer(const QString& customerNo);

private:
    void showCustomer();

    ComplaintListModel* m_overdue = nullptr;
    QTableView* m_overdueView = nullptr;
    QLabel* m_overdueCount = nullptr;
    QComboBox* m_customer = nullptr;
    QVBoxLayout* m_pageLayout = nullptr;
    ComplaintsPage* m_page = nullptr;
    Core& m_core; // the portfolio to choose from
    Session m_session;
};

} // namespace bv::ui
