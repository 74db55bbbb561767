#pragma once

#include "core/customers/care/CustomerCare.h"
#include "ui/manager/ManagerPage.h"

class QLabel;

namespace bv::ui {

class ComplaintListModel;
class GuardedTableView;

// Complaints across the branch past their investigation or answer date (CustomerCare::overdue). The
// contents are grade 2 (the branch manager may read them); they are shown, never copied.
class OverdueComplaintsPage : public ManagerPage
{
    Q_OBJECT
public:
    enum Column
    {
        Customer,
        Received,
        Channel,
        State,
        InvestigateBy,
        AnswerBy,
        Content,
        ColumnCount
    };

    explicit OverdueComplaintsPage(const WorkspaceContext& context, QWidget* parent = nullptr);
    void reload() override;
    qint64 complaintFromIndex(const QModelIndex& index) const;

private:
    QList<Complaint> m_complaints;
    ComplaintListModel* m_model = nullptr;
    GuardedTableView* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_calendarWarning = nullptr;
};

} // namespace bv::ui
