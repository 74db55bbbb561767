#pragma once

#include "core/customers/CustomerRecord.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Changes waiting for a branch manager's decision (CustomerEntry::pending): own changes for a customer
// manager, every change for the branch manager. Lists field names; the masked old → new values are in
// the change's diff (see PendingChangesPage).
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
    static QList<int> copyableColumns();

    explicit PendingChangeModel(QObject* parent = nullptr);

    void setChanges(const QList<PendingChange>& changes);
    const QList<PendingChange>& changes() const { return m_changes; }
    const PendingChange* changeFromIndex(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<PendingChange> m_changes;
};

} // namespace bv::ui
