#include "ui/models/CustomerRowsModel.h"

namespace bv::ui::models {

CustomerRowsModel::CustomerRowsModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CustomerRowsModel::setRows(const QList<CustomerListRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

int CustomerRowsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerRowsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : CustomerListModel::ColumnCount;
}

QVariant CustomerRowsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const CustomerListRow& row = m_rows.at(index.row());
    if (role == CustomerListModel::LoadedRole)
        return true;
    if (role == CustomerListModel::CustomerNumberRole)
        return row.number;
    return CustomerListModel::cellData(row, index.column(), role);
}

QVariant CustomerRowsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0
        && section < CustomerListModel::ColumnCount)
        return CustomerListModel::headerText(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags CustomerRowsModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QString CustomerRowsModel::customerFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return QString();
    return m_rows.at(index.row()).number;
}

} // namespace bv::ui::models
