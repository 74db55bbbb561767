#include "ui/models/RecordTableModel.h"

namespace bv::ui::models {

RecordTableModel::RecordTableModel(const QStringList& headers, QObject* parent)
    : QAbstractTableModel(parent)
    , m_headers(headers)
{
}

void RecordTableModel::setRecords(const QList<Record>& records)
{
    beginResetModel();
    m_records = records;
    endResetModel();
}

int RecordTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int RecordTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_headers.size());
}

QVariant RecordTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const Record& record = m_records.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return record.cells.value(index.column());
    case Qt::ToolTipRole:
        return record.toolTip.isEmpty() ? QVariant() : QVariant(record.toolTip);
    default:
        return QVariant();
    }
}

QVariant RecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::DisplayRole && section >= 0 && section < m_headers.size())
        return m_headers.at(section);
    return QAbstractTableModel::headerData(section, orientation, role);
}

Qt::ItemFlags RecordTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QVariant RecordTableModel::keyFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_records.size())
        return QVariant();
    return m_records.at(index.row()).key;
}

int RecordTableModel::rowOf(const QVariant& key) const
{
    for (int i = 0; i < m_records.size(); ++i) {
        if (m_records.at(i).key == key)
            return i;
    }
    return -1;
}

} // namespace bv::ui::models
