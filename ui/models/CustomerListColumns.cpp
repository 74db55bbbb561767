// CustomerListModel's columns: what each shows, its header, its sort key, and which a "copy row" may take.
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/models/CustomerListModel.h"

namespace bv::ui::models {

CustomerListModel::Columns CustomerListModel::branchColumns()
{
    return {Number, MaskedName, Tier, AgeBand, Status, Manager, Created};
}

CustomerListModel::Column CustomerListModel::columnAt(int section) const
{
    return section >= 0 && section < m_columns.size() ? m_columns.at(section) : ColumnCount;
}

int CustomerListModel::sectionOf(Column column) const
{
    return int(m_columns.indexOf(column));
}

QList<int> CustomerListModel::copyableSections() const
{
    QList<int> sections;
    for (int section = 0; section < m_columns.size(); ++section) {
        if (isCopyable(m_columns.at(section)))
            sections << section;
    }
    return sections;
}

std::optional<CustomerSort> CustomerListModel::sortForColumn(int column)
{
    switch (column) {
    case Number:
        return CustomerSort::Number;
    case Tier:
        return CustomerSort::Tier;
    case Manager:
        return CustomerSort::Manager;
    case Created:
        return CustomerSort::Created;
    default:
        return std::nullopt;
    }
}

int CustomerListModel::columnForSort(CustomerSort sort)
{
    switch (sort) {
    case CustomerSort::Number:
        return Number;
    case CustomerSort::Tier:
        return Tier;
    case CustomerSort::Manager:
        return Manager;
    case CustomerSort::Created:
        return Created;
    }
    return Number;
}

QString CustomerListModel::headerText(int column)
{
    switch (column) {
    case Number:
        return FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo));
    case MaskedName:
        return FieldCatalogue::label(QString::fromLatin1(fields::Name));
    case Tier:
        return FieldCatalogue::label(QString::fromLatin1(fields::Tier));
    case AgeBand:
        return FieldCatalogue::label(QString::fromLatin1(fields::AgeBand));
    case Status:
        return FieldCatalogue::label(QString::fromLatin1(fields::Status));
    case Manager:
        return FieldCatalogue::label(QString::fromLatin1(fields::Manager));
    case Created:
        return FieldCatalogue::label(QString::fromLatin1(fields::CreatedAt));
    default:
        return QString();
    }
}

QVariant CustomerListModel::cellData(const CustomerListRow& row, int column, int role)
{
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole && role != Qt::ToolTipRole)
        return QVariant();
    if (role == Qt::ToolTipRole)
        return column == Status && row.restricted
            ? tr("Restricted (重点保密): only its customer manager and the branch manager may see it.")
            : QVariant();
    switch (column) {
    case Number:
        return row.number;
    case MaskedName:
        return row.maskedName;
    case Tier:
        return ValueLabels::tier(row.tier);
    case AgeBand:
        return ValueLabels::ageBand(row.ageBand);
    case Status:
        return row.restricted ? tr("%1, restricted").arg(statusLabel(row.status)) : statusLabel(row.status);
    case Manager:
        return row.managerName.isEmpty() ? CustomerLabels::none() : row.managerName;
    case Created:
        return CustomerLabels::dateTime(row.createdAt);
    default:
        return QVariant();
    }
}

} // namespace bv::ui::models
