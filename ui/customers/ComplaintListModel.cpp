#include "ui/customers/ComplaintListModel.h"
#include "core/policy/ValueLabels.h"

#include "ui/customers/CustomerLabels.h"

#include <QBrush>
#include <QPalette>

namespace bv::ui {

QList<int> ComplaintListModel::copyableColumns()
{
    return {CustomerColumn, ReceivedColumn, ChannelColumn, StatusColumn, InvestigateByColumn, AnswerByColumn};
}

ComplaintListModel::ComplaintListModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void ComplaintListModel::setComplaints(const QList<Complaint>& complaints)
{
    beginResetModel();
    m_complaints = complaints;
    endResetModel();
}

const Complaint* ComplaintListModel::complaintFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_complaints.size())
        return nullptr;
    return &m_complaints.at(index.row());
}

int ComplaintListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_complaints.size());
}

int ComplaintListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ComplaintListModel::data(const QModelIndex& index, int role) const
{
    const Complaint* c = complaintFromIndex(index);
    if (!c)
        return QVariant();
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case CustomerColumn:
            return c->customerNumber;
        case ReceivedColumn:
            return CustomerLabels::dateTime(c->receivedAt);
        case ChannelColumn:
            return ValueLabels::channel(c->channel);
        case StatusColumn:
            return c->overdue ? tr("%1, overdue").arg(statusLabel(c->status)) : statusLabel(c->status);
        case InvestigateByColumn:
            return c->investigatedAt.isValid() ? tr("done %1").arg(CustomerLabels::dateTime(c->investigatedAt))
                                               : CustomerLabels::dateTime(c->investigateBy);
        case AnswerByColumn:
            return c->answeredAt.isValid() ? tr("done %1").arg(CustomerLabels::dateTime(c->answeredAt))
                                           : CustomerLabels::dateTime(c->answerBy);
        case ContentColumn:
            return QString(c->content).replace(QLatin1Char('\n'), QLatin1Char(' '));
        }
    } else if (role == Qt::ToolTipRole) {
        if (index.column() == ContentColumn)
            return c->resolution.isEmpty() ? c->content : tr("%1\n\nResolution: %2").arg(c->content, c->resolution);
    } else if (role == Qt::ForegroundRole && c->overdue && index.column() == StatusColumn) {
        return QBrush(QColor(0xb0, 0x00, 0x20));
    } else if (role == Qt::UserRole) {
        return c->id;
    }
    return QVariant();
}

QVariant ComplaintListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CustomerColumn:
        return tr("Customer");
    case ReceivedColumn:
        return tr("Received");
    case ChannelColumn:
        return tr("Channel");
    case StatusColumn:
        return tr("Status");
    case InvestigateByColumn:
        return tr("Investigate by");
    case AnswerByColumn:
        return tr("Answer by");
    case ContentColumn:
        return tr("Complaint");
    }
    return QVariant();
}

} // namespace bv::ui
