#include "ui/customers/ViewCopyGuard.h"

#include "ui/common/ClipboardGuard.h"
#include "ui/models/CustomerListModel.h"

#include <QAbstractItemView>
#include <QKeyEvent>
#include <QMenu>

#include <algorithm>

namespace bv::ui {

namespace {
const char kGuardProperty[] = "bvViewCopyGuard";
}

ViewCopyGuard::ViewCopyGuard(QAbstractItemView* view, ClipboardGuard& clipboard, const QList<int>& columns)
    : QObject(view)
    , m_view(view)
    , m_clipboard(clipboard)
    , m_columns(columns)
{
}

ViewCopyGuard* ViewCopyGuard::install(QAbstractItemView* view, ClipboardGuard& clipboard, const QList<int>& copyColumns)
{
    auto* guard = new ViewCopyGuard(view, clipboard, copyColumns);
    view->setProperty(kGuardProperty, QVariant::fromValue<QObject*>(guard));
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setDragEnabled(false);
    view->installEventFilter(guard);
    if (copyColumns.isEmpty()) {
        view->setContextMenuPolicy(Qt::NoContextMenu);
    } else {
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, guard, &ViewCopyGuard::showMenu);
    }
    return guard;
}

ViewCopyGuard* ViewCopyGuard::of(const QAbstractItemView* view)
{
    return qobject_cast<ViewCopyGuard*>(view->property(kGuardProperty).value<QObject*>());
}

QString ViewCopyGuard::rowsText(const QAbstractItemView* view, const QList<int>& columns)
{
    const QAbstractItemModel* model = view->model();
    if (!model || columns.isEmpty())
        return QString();
    // Rows from the selection's ranges (a selection of a whole long list is a few ranges, not one index
    // per cell), in order, each once.
    QList<int> rows;
    if (const QItemSelectionModel* selection = view->selectionModel()) {
        for (const QItemSelectionRange& range : selection->selection()) {
            for (int row = range.top(); row <= range.bottom(); ++row)
                rows << row;
        }
    }
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows << view->currentIndex().row();
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    QStringList lines;
    for (int row : std::as_const(rows)) {
        const QVariant loaded = model->index(row, 0).data(models::CustomerListModel::LoadedRole);
        if (loaded.isValid() && !loaded.toBool())
            continue; // a placeholder row of the branch list
        QStringList cells;
        for (int column : columns)
            cells << model->index(row, column).data(Qt::DisplayRole).toString();
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.join(QLatin1Char('\n'));
}

bool ViewCopyGuard::copySelectedRows()
{
    const QString text = selectedRowsText();
    if (text.isEmpty())
        return false;
    m_clipboard.setText(text);
    return true;
}

bool ViewCopyGuard::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
            // The view's own Ctrl+C would copy the current cell, whatever its grade.
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept();
                return true;
            }
            copySelectedRows();
            return true;
        }
    }
    return QObject::eventFilter(watched, event);
}

void ViewCopyGuard::showMenu(const QPoint& position)
{
    if (!m_view->indexAt(position).isValid())
        return;
    QMenu menu(m_view);
    QAction* copy = menu.addAction(tr("&Copy row (general information only)"));
    copy->setShortcut(QKeySequence::Copy);
    connect(copy, &QAction::triggered, this, &ViewCopyGuard::copySelectedRows);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

} // namespace bv::ui
