#pragma once

#include "ui/manager/ManagerPage.h"

class QComboBox;
class QHeaderView;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

namespace models {
class CustomerListModel;
} // namespace models

// Every customer of the branch (CustomerListModel: paged, sortable by number / tier / manager / created)
// and the exact lookups of DESIGN §6: full name, ID number, mobile or account number — one exact value,
// never a pattern. A double-click or Enter on a row opens the customer.
class BranchCustomersPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit BranchCustomersPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    void reload() override;
    models::CustomerListModel* listModel() const { return m_model; }

private:
    void updateCount();
    void lookUp();
    void keepSortIndicator(QHeaderView* header, int column);
    void openFromList(const QModelIndex& index);
    void openFromResults(const QModelIndex& index);

    models::CustomerListModel* m_model = nullptr;
    models::CustomerListModel* m_results = nullptr; // the lookup's answer, held whole
    QLabel* m_countLabel = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_value = nullptr;
    QLabel* m_resultLabel = nullptr;
};

} // namespace bv::ui
