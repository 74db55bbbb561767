#pragma once

#include "reports/PrintRegister.h"

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace bv::ui {

// One printed copy as the register holds it: what was printed (report, parameters as masked by the core,
// serial and copy), who printed and who approved it, its period of use and state, and its history — every
// lifecycle event in order (printed, received, lent, returned, destroyed with its witness). Shown under the
// print register's table and in the trace dialog.
class PrintCopyView : public QWidget
{
    Q_OBJECT
public:
    explicit PrintCopyView(QWidget* parent = nullptr);

    void setCopy(const PrintCopy& copy);
    void clear();

    QLabel* summaryLabel() const { return m_summary; }
    QTreeWidget* historyTree() const { return m_history; }

private:
    QLabel* m_summary = nullptr;
    QTreeWidget* m_history = nullptr;
};

} // namespace bv::ui
