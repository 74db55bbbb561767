#pragma once

#include "core/reports/PrintRegister.h"

#include <QWidget>

class QLabel;

namespace bv::ui {

class ClipboardGuard;
class GuardedTableView;

namespace models {
class RecordTableModel;
}

// One printed copy as the register holds it: what was printed (report, parameters as masked by the core,
// serial and copy), who printed and who approved it, its period of use and state, and its history — every
// lifecycle event in order (printed, received, lent, returned, destroyed with its witness). Shown under the
// print register's table and in the trace dialog.
class PrintCopyView : public QWidget
{
    Q_OBJECT
public:
    // The history copies its time, event and recorder columns only (names typed by hand and notes stay).
    explicit PrintCopyView(ClipboardGuard& clipboard, QWidget* parent = nullptr);

    enum HistoryColumn
    {
        When,
        Event,
        RecordedBy,
        Person,
        Due,
        Note,
    };

    void setCopy(const PrintCopy& copy);
    void clear();

    QLabel* summaryLabel() const { return m_summary; }
    GuardedTableView* historyView() const { return m_view; }
    models::RecordTableModel* historyModel() const { return m_history; }

private:
    QLabel* m_summary = nullptr;
    GuardedTableView* m_view = nullptr;
    models::RecordTableModel* m_history = nullptr;
};

} // namespace bv::ui
