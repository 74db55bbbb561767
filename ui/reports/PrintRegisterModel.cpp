#include "ui/reports/PrintRegisterModel.h"
#include "ui/common/Formats.h"

#include "core/customers/rules/WorkingCalendar.h"

#include <QBrush>

namespace bv::ui {

PrintRegisterModel::PrintRegisterModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void PrintRegisterModel::setCopies(const QList<PrintCopy>& copies)
{
    beginResetModel();
    m_copies = copies;
    endResetModel();
}

PrintCopy PrintRegisterModel::copyFromIndex(const QModelIndex& index) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_copies.size())
        return PrintCopy();
    return m_copies.at(index.row());
}

QModelIndex PrintRegisterModel::indexOf(const QString& serial, int copy, int column) const
{
    for (int row = 0; row < m_copies.size(); ++row) {
        if (m_copies.at(row).serial == serial && m_copies.at(row).copy == copy)
            return index(row, column);
    }
    return QModelIndex();
}

QString PrintRegisterModel::copyText(int copy)
{
    return copy <= 1 ? tr("Original") : tr("Copy %1").arg(copy);
}

QString PrintRegisterModel::stateText(const PrintCopy& copy)
{
    QString text = PrintRegister::stateLabel(copy.state);
    if (copy.overdue)
        text = tr("%1 — overdue").arg(text);
    else if (copy.pastPeriod)
        text = tr("%1 — past its period of use").arg(text);
    return text;
}

QString PrintRegisterModel::timeText(const QDateTime& utc)
{
    return Formats::dateTime(utc);
}

QString PrintRegisterModel::mediumText(PrintMedium medium)
{
    return medium == PrintMedium::Pdf ? tr("PDF") : tr("Paper");
}

int PrintRegisterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_copies.size());
}

int PrintRegisterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PrintRegisterModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const PrintCopy& copy = m_copies.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (Column(index.column())) {
        case Serial:
            return copy.serial;
        case Copy:
            return copyText(copy.copy);
        case Report:
            return copy.title.isEmpty() ? copy.report : copy.title;
        case PrintedBy:
            return copy.printedBy;
        case PrintedAt:
            return timeText(copy.printedAtUtc);
        case ValidUntil:
            return Formats::date(copy.validUntil);
        case State:
            return stateText(copy);
        case Holder:
            if (copy.state == PrintCopyState::Lent && copy.lentUntilUtc.isValid())
                return tr("%1 (until %2)").arg(copy.holder, timeText(copy.lentUntilUtc));
            return copy.holder;
        case ColumnCount:
            break;
        }
        return QVariant();
    }
    if (role == Qt::ToolTipRole) {
        if (index.column() == Report) {
            QStringList lines {copy.parameters, mediumText(copy.medium)};
            if (!copy.approvedBy.isEmpty())
                lines << tr("Approved by %1 (request %2)").arg(copy.approvedBy).arg(copy.requestId);
            lines.removeAll(QString());
            return lines.join(QLatin1Char('\n'));
        }
        if (index.column() == State && (copy.overdue || copy.pastPeriod))
            return copy.overdue ? tr("The lending is past its due time: get the copy back and record its return.")
                                : tr("The period of use is over: destroy the copy with a witness and record it.");
        return QVariant();
    }
    if (role == Qt::ForegroundRole && index.column() == State && (copy.overdue || copy.pastPeriod))
        return QBrush(Qt::darkRed);
    if (role == Qt::TextAlignmentRole && index.column() == Copy)
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    return QVariant();
}

QVariant PrintRegisterModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Serial:
        return tr("Serial");
    case Copy:
        return tr("Copy");
    case Report:
        return tr("Report");
    case PrintedBy:
        return tr("Printed by");
    case PrintedAt:
        return tr("Printed at");
    case ValidUntil:
        return tr("Valid until");
    case State:
        return tr("State");
    case Holder:
        return tr("Holder");
    case ColumnCount:
        break;
    }
    return QVariant();
}

} // namespace bv::ui
