#include "ui/customers/CustomerListModel.h"

namespace bv::ui {

CustomerListModel::Columns CustomerListModel::portfolioColumns()
{
    return {MaskedName, Number, Tier, AgeBand, Status, Manager, Created};
}

QList<int> CustomerListModel::gradeThreeColumns()
{
    QList<int> sections;
    const Columns columns = portfolioColumns();
    for (int section = 0; section < columns.size(); ++section) {
        if (isCopyable(columns.at(section)))
            sections << section;
    }
    return sections;
}

CustomerListModel::CustomerListModel(QObject* parent)
    : models::CustomerListModel(portfolioColumns(), parent)
{
}

} // namespace bv::ui
