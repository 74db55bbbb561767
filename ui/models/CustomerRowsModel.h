#pragma once

#include "ui/models/CustomerListModel.h"

#include <QAbstractTableModel>

namespace bv::ui::models {

// A short list of customers the core returned in one piece (lookup results, the reassignment list):
// the same columns as CustomerListModel (grade 3 and the masked name only).
class CustomerRowsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    using Column = CustomerListModel::Column;

    explicit CustomerRowsModel(QObject* parent = nullptr);

    void setRows(const QList<CustomerListRow>& rows);
    void clear() { setRows({}); }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    QString customerFromIndex(const QModelIndex& index) const;

private:
    QList<CustomerListRow> m_rows;
};

} // namespace bv::ui::models
