#pragma once

#include <QTableView>

namespace bv::ui {

class ClipboardGuard;

// A table whose copy is grade 3 only. Ctrl+C (and every platform's Copy key) and the context menu's
// "Copy row" copy the copyable columns of the selected rows — tab-separated, one line per row, rows not
// loaded yet skipped — through the ClipboardGuard; nothing else of the table reaches the clipboard (the
// default copy of the current cell is replaced, drag is off). Rows are selected whole; Enter and
// double-click emit openRequested().
class GuardedTableView : public QTableView
{
    Q_OBJECT
public:
    explicit GuardedTableView(ClipboardGuard& clipboard, QWidget* parent = nullptr);

    // Also fits the columns to their contents once after every reset, when the first row is loaded.
    void setModel(QAbstractItemModel* model) override;

    // Columns a copy may contain (grade 3 only); empty: the table copies nothing.
    void setCopyableColumns(const QList<int>& columns) { m_copyable = columns; }
    const QList<int>& copyableColumns() const { return m_copyable; }
    // What "Copy row" puts on the clipboard for the current selection.
    QString copyText() const;
    // The selected row (the current row when nothing is selected); -1 when none.
    int selectedRow() const;

public slots:
    void copyRows();

signals:
    void openRequested(const QModelIndex& index);

protected:
    bool event(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void scheduleFit();
    void fitColumns();

    ClipboardGuard& m_clipboard;
    QList<int> m_copyable;
    bool m_fitted = false;
    bool m_fitScheduled = false;
};

} // namespace bv::ui
