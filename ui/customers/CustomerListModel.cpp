#include "ui/customers/CustomerListModel.h"

#include "core/policy/FieldCatalogue.h"
#include "ui/customers/CustomerLabels.h"

namespace bv::ui {

QList<int> CustomerListModel::gradeThreeColumns()
{
    return {NumberColumn, TierColumn, AgeBandColumn, StatusColumn, ManagerColumn, CreatedColumn};
}

CustomerListModel::CustomerListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void CustomerListModel::setRows(const QList<CustomerListRow>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void CustomerListModel::appendRows(const QList<CustomerListRow>& rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
    m_rows += rows;
    endInsertRows();
}

const CustomerListRow* CustomerListModel::customerFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(index.row());
}

int CustomerListModel::rowOf(const QString& customerNo) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).number == customerNo)
            return i;
    }
    return -1;
}

int CustomerListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CustomerListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CustomerListModel::data(const QModelIndex& index, int role) const
{
    const CustomerListRow* row = customerFromIndex(index);
    if (!row)
        return QVariant();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case NameColumn:
            return row->maskedName;
        case NumberColumn:
            return row->number;
        case TierColumn:
            return CustomerLabels::tier(row->tier);
        case AgeBandColumn:
            return CustomerLabels::ageBand(row->ageBand);
        case StatusColumn:
            return row->restricted ? tr("%1, restricted").arg(CustomerLabels::status(row->status))
                                   : CustomerLabels::status(row->status);
        case ManagerColumn:
            return row->managerName.isEmpty() ? CustomerLabels::none() : row->managerName;
        case CreatedColumn:
            return CustomerLabels::dateTime(row->createdAt);
        }
    } else if (role == KeyRole) {
        switch (index.column()) {
        case NumberColumn:
            return row->number;
        case TierColumn:
            return row->tier;
        case AgeBandColumn:
            return row->ageBand;
        case StatusColumn:
            return row->status;
        default:
            return QVariant();
        }
    } else if (role == Qt::ToolTipRole && index.column() == StatusColumn && row->restricted) {
        return tr("Restricted (重点保密): only its customer manager and the branch manager may see it.");
    }
    return QVariant();
}

QVariant CustomerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return FieldCatalogue::label(QString::fromLatin1(fields::Name));
    case NumberColumn:
        return FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo));
    case TierColumn:
        return FieldCatalogue::label(QString::fromLatin1(fields::Tier));
    case AgeBandColumn:
        return FieldCatalogue::label(QString::fromLatin1(fields::AgeBand));
    case StatusColumn:
        return FieldCatalogue::label(QString::fromLatin1(fields::Status));
    case ManagerColumn:
        return FieldCatalogue::label(QString::fromLatin1(fields::Manager));
    case CreatedColumn:
        return FieldCatalogue::label(QString::fromLatin1(fields::CreatedAt));
    }
    return QVariant();
}

} // namespace bv::ui
