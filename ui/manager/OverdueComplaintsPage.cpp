#include "ui/manager/OverdueComplaintsPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/policy/SettingsService.h"
#include "ui/common/CalendarWarning.h"
#include "ui/customers/ComplaintListModel.h"
#include "ui/manager/GuardedTableView.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bv::ui {

static_assert(int(OverdueComplaintsPage::ColumnCount) == int(ComplaintListModel::ColumnCount)
    && int(OverdueComplaintsPage::Content) == int(ComplaintListModel::ContentColumn));

OverdueComplaintsPage::OverdueComplaintsPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("overdueComplaintsPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_model = new ComplaintListModel(this); // its columns are the page's Column
    m_table = createTable(QStringLiteral("complaintsTableView"), tr("Overdue complaints"));
    m_table->setModel(m_model);
    m_table->setCopyableColumns(ComplaintListModel::copyableColumns());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    m_calendarWarning = CalendarWarning::createLabel(this);
    layout->addWidget(m_calendarWarning);
    layout->addWidget(m_table, 1);
    connect(m_table, &GuardedTableView::openRequested, this, [this](const QModelIndex& index) {
        if (index.isValid() && index.row() < m_complaints.size())
            emit openCustomerRequested(m_complaints.at(index.row()).customerNumber);
    });
}

void OverdueComplaintsPage::reload()
{
    auto complaints = m_context.core.customers().care().overdue(m_context.session);
    if (!complaints.ok()) {
        fail(complaints.error());
        return;
    }
    m_complaints = *complaints;
    m_model->setComplaints(m_complaints);
    m_summary->setText(m_complaints.isEmpty()
            ? tr("No complaint is overdue.")
            : tr("%n complaints past the investigation or answer date. Open the customer to "
                 "follow up.",
                nullptr, int(m_complaints.size())));
    CalendarWarning::show(m_calendarWarning, m_context.core.settings().calendarYears(), m_complaints);
}

qint64 OverdueComplaintsPage::complaintFromIndex(const QModelIndex& index) const
{
    const Complaint* c = m_model->complaintFromIndex(index);
    return c ? c->id : 0;
}

} // namespace bv::ui
