#include "ui/manager/ChangeApprovalsPanel.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/policy/FieldCatalogue.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/PendingChangeModel.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/manager/RekeyApprovalDialog.h"
#include "ui/models/RecordTableModel.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace bv::ui {

ChangeApprovalsPanel::ChangeApprovalsPanel(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("changeApprovalsPanel"));
    using M = PendingChangeModel;
    m_model = new M({M::IdColumn, M::CustomerColumn, M::KindColumn, M::MakerColumn, M::CreatedColumn},
        this); // in the order of Column
    m_table = createTable(QStringLiteral("changesTableView"), tr("Pending customer changes"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setCopyableColumns({ChangeNo, Customer, Kind, Maker, Submitted});

    m_diff = new models::RecordTableModel({tr("Field"), tr("Old value"), tr("New value")}, this);
    GuardedTableView* diff = createTable(QStringLiteral("diffTableView"), tr("Changed fields of the selected change"));
    diff->setModel(m_diff);
    diff->setCopyableColumns({}); // masked grade-1 values: never copied

    m_approve = new QPushButton(tr("&Approve…"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = new QPushButton(tr("&Reject…"), this);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_open = new QPushButton(tr("&Open customer"), this);
    m_open->setObjectName(QStringLiteral("openCustomerButton"));

    auto* diffLabel = new QLabel(tr("Changed &fields (protected values masked):"), this);
    diffLabel->setBuddy(diff);
    auto* diffBox = new QWidget(this);
    auto* diffLayout = new QVBoxLayout(diffBox);
    diffLayout->setContentsMargins(0, 0, 0, 0);
    diffLayout->addWidget(diffLabel);
    diffLayout->addWidget(diff);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(diffBox);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(createFeedbackLabel(), 1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addLayout(buttons);
    setTabOrder(m_table, diff);
    setTabOrder(diff, m_open);
    setTabOrder(m_open, m_reject);
    setTabOrder(m_reject, m_approve);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ChangeApprovalsPanel::showDiff);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ChangeApprovalsPanel::showDiff);
    connect(m_table, &GuardedTableView::openRequested, this, &ChangeApprovalsPanel::openCustomer);
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_open, &QPushButton::clicked, this, &ChangeApprovalsPanel::openCustomer);
    showDiff();
}

void ChangeApprovalsPanel::reload()
{
    auto changes = m_context.core.customers().entry().pending(m_context.session);
    if (!changes.ok()) {
        fail(changes.error());
        return;
    }
    const qint64 current = selected() ? selected()->id : 0;
    m_model->setChanges(*changes);
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_table->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    emit countChanged();
}

int ChangeApprovalsPanel::pendingCount() const
{
    return m_model->rowCount();
}

qint64 ChangeApprovalsPanel::changeFromIndex(const QModelIndex& index) const
{
    const PendingChange* change = m_model->changeFromIndex(index);
    return change ? change->id : 0;
}

const PendingChange* ChangeApprovalsPanel::selected() const
{
    const int row = m_table->selectedRow();
    return row >= 0 ? m_model->changeFromIndex(m_model->index(row, 0)) : nullptr;
}

void ChangeApprovalsPanel::showDiff()
{
    const PendingChange* change = selected();
    QList<models::RecordTableModel::Record> rows;
    if (change) {
        for (const FieldDiff& d : change->diff) {
            rows << models::RecordTableModel::Record {d.field,
                {FieldCatalogue::label(d.field), CustomerLabels::changed(d.field, d.oldMasked),
                    CustomerLabels::changed(d.field, d.newMasked)},
                QString()};
        }
    }
    m_diff->setRecords(rows);
    m_approve->setEnabled(change != nullptr);
    m_reject->setEnabled(change != nullptr);
    m_open->setEnabled(change != nullptr);
}

void ChangeApprovalsPanel::decide(bool approving)
{
    const PendingChange* change = selected();
    if (!change)
        return;
    const qint64 id = change->id;
    const QString number = change->customerNumber;
    CustomerEntry& entry = m_context.core.customers().entry();
    if (approving && !change->rekeyFields.isEmpty()) {
        // blind re-key: the values typed from the customer's document, compared by the core
        RekeyApprovalDialog dialog(
            *change,
            [&](const QString& reason, const RekeyedValues& values) {
                return entry.approve(m_context.session, id, reason, values);
            },
            this);
        if (m_context.dialogs.exec(&dialog) != QDialog::Accepted) {
            reload(); // a mismatch is on record; the list may have moved on
            return;
        }
        setFeedback(tr("Change %1 of customer %2 approved.").arg(id).arg(number));
        reload();
        emit changed();
        return;
    }
    const auto reason = approving ? m_context.dialogs.askText(this, tr("Approve change %1").arg(id),
                            tr("Reason for the approval (required; for example what you checked):"), true)
                                  : m_context.dialogs.askText(this, tr("Reject change %1").arg(id),
                                      tr("Reason for the rejection (the maker will see it):"), true);
    if (!reason)
        return;
    const Status status
        = approving ? entry.approve(m_context.session, id, *reason) : entry.reject(m_context.session, id, *reason);
    if (!status.ok()) {
        fail(status.error());
        reload();
        return;
    }
    setFeedback(approving ? tr("Change %1 of customer %2 approved.").arg(id).arg(number)
                          : tr("Change %1 of customer %2 rejected.").arg(id).arg(number));
    reload();
    emit changed();
}

void ChangeApprovalsPanel::openCustomer()
{
    if (const PendingChange* change = selected())
        emit openCustomerRequested(change->customerNumber);
}

} // namespace bv::ui
