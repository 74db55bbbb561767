#include "ui/customers/PendingChangeModel.h"

#include "ui/customers/CustomerLabels.h"

namespace bv::ui {

PendingChangeModel::Columns PendingChangeModel::allColumns()
{
    return {IdColumn, CustomerColumn, KindColumn, MakerColumn, CreatedColumn, FieldsColumn};
}

QList<int> PendingChangeModel::copyableColumns()
{
    return {IdColumn, CustomerColumn, KindColumn, MakerColumn, CreatedColumn, FieldsColumn};
}

PendingChangeModel::PendingChangeModel(QObject* parent)
    : PendingChangeModel(allColumns(), parent)
{
}

PendingChangeModel::PendingChangeModel(const Columns& columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(columns)
{
}

PendingChangeModel::Column PendingChangeModel::columnAt(int section) const
{
    return section >= 0 && section < m_columns.size() ? m_columns.at(section) : ColumnCount;
}

int PendingChangeModel::rowOf(qint64 changeId) const
{
    for (int i = 0; i < m_changes.size(); ++i) {
        if (m_changes.at(i).id == changeId)
            return i;
    }
    return -1;
}

void PendingChangeModel::setChanges(const QList<PendingChange>& changes)
{
    beginResetModel();
    m_changes = changes;
    endResetModel();
}

const PendingChange* PendingChangeModel::changeFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_changes.size())
        return nullptr;
    return &m_changes.at(index.row());
}

int PendingChangeModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_changes.size());
}

int PendingChangeModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QVariant PendingChangeModel::data(const QModelIndex& index, int role) const
{
    const PendingChange* c = changeFromIndex(index);
    if (!c)
        return QVariant();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (columnAt(index.column())) {
        case IdColumn:
            return QString::number(c->id);
        case CustomerColumn:
            return c->customerNumber;
        case KindColumn:
            return CustomerLabels::changeKind(c->kind);
        case MakerColumn:
            return c->makerLogin;
        case CreatedColumn:
            return CustomerLabels::dateTime(c->createdAt);
        case FieldsColumn: {
            QStringList keys;
            for (const FieldDiff& d : c->diff)
                keys << d.field;
            return CustomerLabels::fieldList(keys);
        }
        case ColumnCount:
            break;
        }
    } else if (role == Qt::UserRole) {
        return c->id;
    }
    return QVariant();
}

QVariant PendingChangeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (columnAt(section)) {
    case IdColumn:
        return tr("Change");
    case CustomerColumn:
        return tr("Customer");
    case KindColumn:
        return tr("Kind");
    case MakerColumn:
        return tr("Made by");
    case CreatedColumn:
        return tr("Made on");
    case FieldsColumn:
        return tr("Fields");
    case ColumnCount:
        break;
    }
    return QVariant();
}

} // namespace bv::ui
