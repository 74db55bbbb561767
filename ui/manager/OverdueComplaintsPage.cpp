#include "ui/manager/OverdueComplaintsPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "ui/common/CalendarWarning.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/RecordTableModel.h"

#include <QLabel>
#include <QVBoxLayout>

namespace bv::ui {

OverdueComplaintsPage::OverdueComplaintsPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("overdueComplaintsPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_model = new models::RecordTableModel(
        {FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo)), tr("Received"), tr("Channel"), tr("Status"),
            tr("Investigate by"), tr("Answer by"), tr("Complaint")},
        this);
    m_table = createTable(QStringLiteral("complaintsTableView"), tr("Overdue complaints"));
    m_table->setModel(m_model);
    m_table->setCopyableColumns({Customer, Received, Channel, State, InvestigateBy, AnswerBy});
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
    QList<models::RecordTableModel::Record> records;
    for (const Complaint& c : m_complaints)
        records << models::RecordTableModel::Record {c.id,
            {c.customerNumber, CustomerLabels::dateTime(c.receivedAt), CustomerLabels::channel(c.channel),
                CustomerLabels::complaintStatus(c.status), CustomerLabels::dateTime(c.investigateBy),
                CustomerLabels::dateTime(c.answerBy), c.content.simplified()},
            c.content};
    m_model->setRecords(records);
    m_summary->setText(m_complaints.isEmpty()
            ? tr("No complaint is overdue.")
            : tr("%n complaints past the investigation or answer date. Open the customer to "
                 "follow up.",
                nullptr, int(m_complaints.size())));
    CalendarWarning::show(m_calendarWarning, m_context.core.settings().calendarYears(), m_complaints);
}

qint64 OverdueComplaintsPage::complaintFromIndex(const QModelIndex& index) const
{
    return m_model->keyFromIndex(index).toLongLong();
}

} // namespace bv::ui
