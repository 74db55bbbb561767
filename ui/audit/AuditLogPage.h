#pragma once

#include "core/common/Error.h"
#include "ui/common/WorkspaceContext.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;

namespace bv::ui {

class AuditFilterForm;
class AuditLogModel;
class ProtectedLabel;

// The audit log: filters (period, person, action, customer number, outcome), the rows as sentences (paged
// as the view scrolls), and the selected row in a details pane: its sentence, its details in words and the
// row as stored (every column, the JSON details, the hashes). Details hold masked values only; the pane
// cannot be copied, and Ctrl+C on the table copies the selected row without its sentence.
class AuditLogPage : public QWidget
{
    Q_OBJECT
public:
    explicit AuditLogPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    // Applies the filter in the form and reads the first page.
    void refresh();
    void clearFilter();
    void loadMore();

    AuditLogModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    AuditFilterForm* filterForm() const { return m_filter; }

signals:
    void failed(const bv::Error& error);

private:
    void showCurrent();
    void loadPeople();
    void updateCount();

    WorkspaceContext m_context;
    AuditFilterForm* m_filter = nullptr;
    AuditLogModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QPushButton* m_apply = nullptr;
    QPushButton* m_clear = nullptr;
    QPushButton* m_more = nullptr;
    QLabel* m_count = nullptr;
    ProtectedLabel* m_details = nullptr;
};

} // namespace bv::ui
