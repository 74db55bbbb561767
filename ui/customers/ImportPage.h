#pragma once

#include "ui/manager/ManagerPage.h"

class QLabel;
class QProgressBar;
class QPushButton;

namespace bv::ui {

class GuardedTableView;
namespace models {
class RecordTableModel;
}

// Batch entry from a CSV file (docs/IMPORT.md), for customer managers and the branch manager: save the
// template, import a file with a progress bar, then the counts and every refused row with its line,
// column and reason. The rows' values are never shown here — the imported records wait for a branch
// manager's approval like any other entry. The import runs on this thread (the database connection
// belongs to it); the bar is repainted directly while it runs.
// (A ManagerPage, so that the branch manager's workspace can show it among its pages.)
class ImportPage : public ManagerPage
{
    Q_OBJECT
public:
    explicit ImportPage(const WorkspaceContext& context, QWidget* parent = nullptr);

    bool saveTemplate();
    // Asks for the CSV file, then for a report file (cancel: no report file), and imports.
    bool importFile();

    QLabel* summaryLabel() const { return m_summary; }
    GuardedTableView* problemsTable() const { return m_problems; }
    models::RecordTableModel* problemsModel() const { return m_problemsModel; }

signals:
    void imported(); // new pending records exist

private:
    QPushButton* m_template = nullptr;
    QPushButton* m_import = nullptr;
    QProgressBar* m_progress = nullptr;
    QLabel* m_summary = nullptr;
    GuardedTableView* m_problems = nullptr;
    models::RecordTableModel* m_problemsModel = nullptr;
};

} // namespace bv::ui
