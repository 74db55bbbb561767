#pragma once

#include "core/customers/care/CustomerCare.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Complaints as CustomerCare returned them (one customer's, or an overdue list). The content is grade 2:
// shown, never copied.
class ComplaintListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        CustomerColumn,
        ReceivedColumn,
        ChannelColumn,
        StatusColumn,
        InvestigateByColumn,
        AnswerByColumn,
        ContentColumn,
        ColumnCount
    };
    static QList<int> copyableColumns();

    explicit ComplaintListModel(QObject* parent = nullptr);

    void setComplaints(const QList<Complaint>& complaints);
    const QList<Complaint>& complaints() const { return m_complaints; }
    const Complaint* complaintFromIndex(const QModelIndex& index) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Complaint> m_complaints;
};

} // namespace bv::ui
