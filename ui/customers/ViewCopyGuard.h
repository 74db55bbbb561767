#pragma once

#include <QList>
#include <QObject>

class QAbstractItemView;
class QPoint;

namespace bv::ui {

class ClipboardGuard;

// The copy policy of an item view (CONVENTIONS / issue 5): Ctrl+C and the context menu's "Copy row"
// copy the selected rows' grade-3 columns only, through the ClipboardGuard. A view whose rows have no
// grade-3 column to offer gets no context menu, and Ctrl+C copies nothing. In-place editors (which
// would let a cell's text be selected and copied) are switched off. Owned by the view.
class ViewCopyGuard : public QObject
{
    Q_OBJECT
public:
    static ViewCopyGuard* install(
        QAbstractItemView* view, ClipboardGuard& clipboard, const QList<int>& copyColumns = {});
    // The guard installed on a view, or nullptr.
    static ViewCopyGuard* of(const QAbstractItemView* view);

    QList<int> copyColumns() const { return m_columns; }
    // The selected rows (or the current row), copyable columns only, tab-separated; empty when the view
    // offers nothing to copy.
    QString selectedRowsText() const { return rowsText(m_view, m_columns); }
    // The same for any view: the selected rows (or the current row) of `view`, `columns` only; a placeholder
    // row still loading (models::CustomerListModel::LoadedRole false) is left out.
    static QString rowsText(const QAbstractItemView* view, const QList<int>& columns);
    // Puts selectedRowsText() on the clipboard; false when there was nothing to copy.
    bool copySelectedRows();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ViewCopyGuard(QAbstractItemView* view, ClipboardGuard& clipboard, const QList<int>& columns);
    void showMenu(const QPoint& position);

    QAbstractItemView* m_view;
    ClipboardGuard& m_clipboard;
    QList<int> m_columns;
};

} // namespace bv::ui
