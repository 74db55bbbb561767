#pragma once

#include "core/common/Error.h"
#include "core/customers/CustomerRecord.h"
#include "ui/common/WorkspaceContext.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

class GuardedTableView;
namespace models {
class CustomerListModel;
}

// Picks one customer of the branch for the branch manager: the branch list (CustomerFinder::branchList, the
// manager's own list operation: customer number, masked name, tier, manager) filtered as the manager types a
// part of the customer number or of the masked name. Nothing beyond what the branch list shows.
class CustomerPickerDialog : public QDialog
{
    Q_OBJECT
public:
    enum Column
    {
        Number,
        Name,
        Tier,
        Manager,
        Status,
        ColumnCount
    };
    static constexpr int kMaxShown = 200; // rows shown for one search; the count says how many match
    static constexpr int kMaxLoaded = 20000; // branch list rows read when the dialog opens

    explicit CustomerPickerDialog(const WorkspaceContext& context, QWidget* parent = nullptr);

    // The number of the customer chosen (the selected row), empty when none.
    QString chosenNumber() const;
    // The error of reading the branch list, if it failed.
    const std::optional<Error>& loadError() const { return m_error; }

    QLineEdit* searchEdit() const { return m_search; }
    GuardedTableView* table() const { return m_table; }

private:
    void load();
    void filter();

    WorkspaceContext m_context;
    QList<CustomerListRow> m_rows;
    std::optional<Error> m_error;
    QLineEdit* m_search = nullptr;
    QLabel* m_count = nullptr;
    models::CustomerListModel* m_model = nullptr; // the rows shown, in the columns of Column
    GuardedTableView* m_table = nullptr;
    QPushButton* m_choose = nullptr;
};

} // namespace bv::ui
