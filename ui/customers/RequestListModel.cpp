#include "ui/customers/RequestListModel.h"

#include "ui/customers/CustomerLabels.h"

namespace bv::ui {

RequestListModel::Columns RequestListModel::allColumns()
{
    return {IdColumn, TypeColumn, CustomersColumn, FieldsColumn, StatusColumn, ValidityColumn, RequesterColumn,
        CreatedColumn, PurposeColumn};
}

QList<int> RequestListModel::copyable(const Columns& columns)
{
    QList<int> sections;
    for (int section = 0; section < columns.size(); ++section) {
        if (columns.at(section) != PurposeColumn)
            sections << section;
    }
    return sections;
}

QList<int> RequestListModel::copyableColumns()
{
    return copyable(allColumns());
}

RequestListModel::RequestListModel(QObject* parent)
    : RequestListModel(allColumns(), parent)
{
}

RequestListModel::RequestListModel(const Columns& columns, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columns(columns)
{
}

RequestListModel::Column RequestListModel::columnAt(int section) const
{
    return section >= 0 && section < m_columns.size() ? m_columns.at(section) : ColumnCount;
}

QList<int> RequestListModel::copyableSections() const
{
    return copyable(m_columns);
}

void RequestListModel::setRequests(const QList<Request>& requests)
{
    beginResetModel();
    m_requests = requests;
    endResetModel();
}

const Request* RequestListModel::requestFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_requests.size())
        return nullptr;
    return &m_requests.at(index.row());
}

int RequestListModel::rowOf(qint64 requestId) const
{
    for (int i = 0; i < m_requests.size(); ++i) {
        if (m_requests.at(i).id == requestId)
            return i;
    }
    return -1;
}

int RequestListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_requests.size());
}

int RequestListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size());
}

QString RequestListModel::validityText(const Request& r)
{
    switch (r.status) {
    case RequestStatus::Pending:
        return tr("%n hours asked", nullptr, r.validityHours);
    case RequestStatus::Approved:
        return tr("until %1").arg(CustomerLabels::dateTime(r.validUntil));
    case RequestStatus::Expired:
        return tr("ended %1").arg(CustomerLabels::dateTime(r.validUntil));
    case RequestStatus::Used:
        return tr("used %1").arg(CustomerLabels::dateTime(r.usedAt));
    case RequestStatus::Revoked:
        return tr("revoked %1").arg(CustomerLabels::dateTime(r.revokedAt));
    case RequestStatus::Rejected:
    case RequestStatus::Withdrawn:
        return CustomerLabels::none();
    }
    return QString();
}

QVariant RequestListModel::data(const QModelIndex& index, int role) const
{
    const Request* r = requestFromIndex(index);
    if (!r)
        return QVariant();
    const Column column = columnAt(index.column());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (column) {
        case IdColumn:
            return QString::number(r->id);
        case TypeColumn:
            return requestTypeLabel(r->type);
        case CustomersColumn:
            return r->customerNumbers.isEmpty() ? CustomerLabels::none() : r->customerNumbers.join(tr(", "));
        case FieldsColumn:
            return r->fields.isEmpty() ? (r->report.isEmpty() ? CustomerLabels::none() : r->report)
                                       : CustomerLabels::fieldList(r->fields);
        case StatusColumn:
            return statusLabel(r->status);
        case ValidityColumn:
            return validityText(*r);
        case RequesterColumn:
            return r->requesterLogin;
        case CreatedColumn:
            return CustomerLabels::dateTime(r->createdAt);
        case PurposeColumn:
            return r->purpose;
        case ColumnCount:
            break;
        }
    } else if (role == Qt::ToolTipRole && column == StatusColumn && !r->decisionReason.isEmpty()) {
        return tr("Decision: %1").arg(r->decisionReason);
    } else if (role == Qt::UserRole) {
        return r->id;
    }
    return QVariant();
}

QVariant RequestListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (columnAt(section)) {
    case IdColumn:
        return tr("No.");
    case TypeColumn:
        return tr("Type");
    case CustomersColumn:
        return tr("Customers");
    case FieldsColumn:
        return tr("Fields");
    case StatusColumn:
        return tr("Status");
    case ValidityColumn:
        return tr("Validity");
    case RequesterColumn:
        return tr("Requester");
    case CreatedColumn:
        return tr("Filed");
    case PurposeColumn:
        return tr("Purpose");
    case ColumnCount:
        break;
    }
    return QVariant();
}

} // namespace bv::ui
