#pragma once

#include "core/customers/CustomerRecord.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Changes waiting for a branch manager's decision (CustomerEntry::pending): own changes for a customer
// manager, every change for the branch manager. Lists field names; the masked old → new values are in
// the change's diff (see PendingChangesPage). The one model of pending changes: the customer manager's page shows
// every column in the order of Column, the branch manager's approvals pass their own column list.
class PendingChangeModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        IdColumn,
        CustomerColumn,
        KindColumn,
        MakerColumn,
        CreatedColumn,
        FieldsColumn,
        ColumnCount
    };
    using Columns = QList<Column>;
    // Every column, in the order of Column.
    static Columns allColumns();
    // Every position may be copied (numbers, logins, dates, field names).
    static QList<int> copyableColumns();

    explicit PendingChangeModel(QObject* parent = nullptr);
    // Shows the columns given, in that order.
    explicit PendingChangeModel(const Columns& columns, QObject* parent = nullptr);

    // What the column at a view position shows; ColumnCount for a position out of range.
    Column columnAt(int section) const;
    // The row of the change with this id, or -1.
    int rowOf(qint64 changeId) const;

    void setChanges(const QList<PendingChange>& changes);
    const QList<PendingChange>& changes() const { return m_changes; }
    const PendingChange* changeFromIndex(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Columns m_columns;
    QList<PendingChange> m_changes;
};

} // namespace bv::ui
