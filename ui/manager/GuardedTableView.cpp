#include "ui/manager/GuardedTableView.h"

#include "ui/common/ClipboardGuard.h"
#include "ui/customers/ViewCopyGuard.h"
#include "ui/models/CustomerListModel.h"

#include <QContextMenuEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QMenu>
#include <QTimer>

namespace bv::ui {

GuardedTableView::GuardedTableView(ClipboardGuard& clipboard, QWidget* parent)
    : QTableView(parent)
    , m_clipboard(clipboard)
{
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setDragEnabled(false);
    setDragDropMode(QAbstractItemView::NoDragDrop);
    setContextMenuPolicy(Qt::DefaultContextMenu); // our own menu (contextMenuEvent)
    setWordWrap(false);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    // uniform rows from the font (no per-row size queries over a long list)
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() * 3 / 2);
    horizontalHeader()->setStretchLastSection(true);
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setResizeContentsPrecision(100);
    connect(this, &QAbstractItemView::doubleClicked, this, &GuardedTableView::openRequested);
}

void GuardedTableView::setModel(QAbstractItemModel* model)
{
    if (QAbstractItemModel* old = this->model())
        disconnect(old, nullptr, this, nullptr);
    QTableView::setModel(model);
    m_fitted = false;
    if (!model)
        return;
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_fitted = false;
        scheduleFit();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &GuardedTableView::scheduleFit);
    connect(model, &QAbstractItemModel::dataChanged, this, &GuardedTableView::scheduleFit);
    scheduleFit();
}

void GuardedTableView::scheduleFit()
{
    if (m_fitted || m_fitScheduled || !model())
        return;
    m_fitScheduled = true;
    QTimer::singleShot(0, this, &GuardedTableView::fitColumns);
}

void GuardedTableView::fitColumns()
{
    m_fitScheduled = false;
    if (m_fitted || !model())
        return;
    // Without rows the headers decide; a row still loading (the branch list) would fit the columns to "…":
    // fit again when its page arrives.
    const bool rows = model()->rowCount() > 0;
    const QVariant loaded = rows ? model()->index(0, 0).data(models::CustomerListModel::LoadedRole) : QVariant();
    m_fitted = rows && (!loaded.isValid() || loaded.toBool());
    const int widest = fontMetrics().averageCharWidth() * 40;
    for (int column = 0; column + 1 < model()->columnCount(); ++column) { // the last one stretches
        resizeColumnToContents(column);
        if (columnWidth(column) > widest)
            setColumnWidth(column, widest);
    }
}

int GuardedTableView::selectedRow() const
{
    if (!model() || !selectionModel())
        return -1;
    const QModelIndexList rows = selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.constFirst().row();
    return currentIndex().isValid() ? currentIndex().row() : -1;
}

QString GuardedTableView::copyText() const
{
    return ViewCopyGuard::rowsText(this, m_copyable);
}

void GuardedTableView::copyRows()
{
    const QString text = copyText();
    if (!text.isEmpty())
        m_clipboard.setText(text);
}

bool GuardedTableView::event(QEvent* event)
{
    // Claim the Copy key before any window shortcut, so it always lands in keyPressEvent below.
    if (event->type() == QEvent::ShortcutOverride && static_cast<QKeyEvent*>(event)->matches(QKeySequence::Copy)) {
        event->accept();
        return true;
    }
    return QTableView::event(event);
}

void GuardedTableView::keyPressEvent(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Copy)) {
        copyRows(); // never QAbstractItemView's copy of the current cell (it could be a masked name)
        event->accept();
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        emit openRequested(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void GuardedTableView::contextMenuEvent(QContextMenuEvent* event)
{
    QMenu menu(this);
    for (QAction* action : actions())
        menu.addAction(action);
    if (!m_copyable.isEmpty()) {
        if (!menu.isEmpty())
            menu.addSeparator();
        QAction* copy = menu.addAction(tr("&Copy row"));
        copy->setShortcut(QKeySequence::Copy);
        copy->setEnabled(!copyText().isEmpty());
        connect(copy, &QAction::triggered, this, &GuardedTableView::copyRows);
    }
    if (!menu.isEmpty())
        menu.exec(event->globalPos());
    event->accept();
}

} // namespace bv::ui
