#pragma once

#include "core/customers/CustomerRecord.h"

#include <QAbstractTableModel>

namespace bv::ui {

// Rows of a customer list as the core returned them (grade 3 and the masked name): the customer manager's
// portfolio and the branch manager's branch list.
class CustomerListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        NameColumn, // masked (grade 1, masked by the core)
        NumberColumn,
        TierColumn,
        AgeBandColumn,
        StatusColumn,
        ManagerColumn,
        CreatedColumn,
        ColumnCount
    };
    // The columns a "Copy row" may take (grade 3; never the masked name).
    static QList<int> gradeThreeColumns();
    static constexpr int KeyRole = Qt::UserRole + 1; // the stored key (tier, status, age band) or number

    explicit CustomerListModel(QObject* parent = nullptr);

    void setRows(const QList<CustomerListRow>& rows);
    void appendRows(const QList<CustomerListRow>& rows);
    const QList<CustomerListRow>& rows() const { return m_rows; }
    // The row behind an index of this model; nullptr for an invalid index.
    const CustomerListRow* customerFromIndex(const QModelIndex& index) const;
    // The row showing a customer number, or -1.
    int rowOf(const QString& customerNo) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<CustomerListRow> m_rows;
};

} // namespace bv::ui
