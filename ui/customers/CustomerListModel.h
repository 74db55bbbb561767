#pragma once

#include "ui/models/CustomerListModel.h"

namespace bv::ui {

// The customer manager's portfolio as a model: the one customer list model (ui/models/CustomerListModel.h)
// holding the rows whole, with the portfolio's column order — the masked name first. It has no data, storage
// or display text of its own; the enumerators below are the portfolio's view positions.
class CustomerListModel : public models::CustomerListModel
{
    Q_OBJECT
public:
    enum PortfolioColumn
    {
        NameColumn, // masked (grade 1, masked by the core)
        NumberColumn,
        TierColumn,
        AgeBandColumn,
        StatusColumn,
        ManagerColumn,
        CreatedColumn
    };
    // The portfolio's columns, in the order of PortfolioColumn.
    static Columns portfolioColumns();
    // The view positions a "Copy row" may take (grade 3; never the masked name).
    static QList<int> gradeThreeColumns();

    explicit CustomerListModel(QObject* parent = nullptr);

    // The row behind an index of this model; nullptr for an invalid index.
    const CustomerListRow* customerFromIndex(const QModelIndex& index) const { return rowFromIndex(index); }
};

} // namespace bv::ui
