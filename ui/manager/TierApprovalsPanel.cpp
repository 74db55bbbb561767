#include "ui/manager/TierApprovalsPanel.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/RecordTableModel.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

TierApprovalsPanel::TierApprovalsPanel(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("tierApprovalsPanel"));
    m_model = new models::RecordTableModel({FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo)),
                                               tr("Current tier"), tr("New tier"), tr("Computed")},
        this);
    m_table = createTable(QStringLiteral("tiersTableView"), tr("Tier changes waiting for confirmation"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setCopyableColumns({Customer, FromTier, ToTier, Computed});
    m_confirm = new QPushButton(tr("Con&firm tier…"), this);
    m_confirm->setObjectName(QStringLiteral("confirmTierButton"));
    m_reject = new QPushButton(tr("&Keep current tier…"), this);
    m_reject->setObjectName(QStringLiteral("rejectTierButton"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(createFeedbackLabel(), 1);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setTabOrder(m_table, m_reject);
    setTabOrder(m_reject, m_confirm);

    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TierApprovalsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TierApprovalsPanel::updateButtons);
    connect(m_table, &GuardedTableView::openRequested, this, [this] {
        if (const TierChange* change = selected())
            emit openCustomerRequested(change->customerNumber);
    });
    connect(m_confirm, &QPushButton::clicked, this, &TierApprovalsPanel::confirmTier);
    connect(m_reject, &QPushButton::clicked, this, &TierApprovalsPanel::rejectTier);
    updateButtons();
}

void TierApprovalsPanel::reload()
{
    auto changes = m_context.core.customers().ownership().pendingTiers(m_context.session);
    if (!changes.ok()) {
        fail(changes.error());
        return;
    }
    m_changes = *changes;
    QList<models::RecordTableModel::Record> records;
    for (const TierChange& change : m_changes)
        records << models::RecordTableModel::Record {change.id,
            {change.customerNumber, ValueLabels::tier(change.fromTier), ValueLabels::tier(change.toTier),
                CustomerLabels::dateTime(change.computedAt)},
            QString()};
    m_model->setRecords(records);
    if (!records.isEmpty())
        m_table->selectRow(0);
    emit countChanged();
}

qint64 TierApprovalsPanel::tierChangeFromIndex(const QModelIndex& index) const
{
    return m_model->keyFromIndex(index).toLongLong();
}

const TierChange* TierApprovalsPanel::selected() const
{
    const int row = m_table->selectedRow();
    return row >= 0 && row < m_changes.size() ? &m_changes.at(row) : nullptr;
}

void TierApprovalsPanel::updateButtons()
{
    const bool any = selected() != nullptr;
    m_confirm->setEnabled(any);
    m_reject->setEnabled(any);
}

void TierApprovalsPanel::confirmTier()
{
    const TierChange* change = selected();
    if (!change)
        return;
    const qint64 id = change->id;
    const QString number = change->customerNumber;
    if (!m_context.dialogs.confirm(this, tr("Confirm tier"),
            tr("Change the tier of customer %1 from %2 to %3?")
                .arg(number, ValueLabels::tier(change->fromTier), ValueLabels::tier(change->toTier))))
        return;
    const Status status = m_context.core.customers().ownership().confirmTier(m_context.session, id);
    if (!status.ok()) {
        fail(status.error());
        reload();
        return;
    }
    setFeedback(tr("The tier of customer %1 was changed.").arg(number));
    reload();
    emit changed();
}

void TierApprovalsPanel::rejectTier()
{
    const TierChange* change = selected();
    if (!change)
        return;
    const qint64 id = change->id;
    const QString number = change->customerNumber;
    const auto reason = m_context.dialogs.askText(
        this, tr("Keep the current tier"), tr("Reason why customer %1 keeps the current tier:").arg(number), true);
    if (!reason)
        return;
    const Status status = m_context.core.customers().ownership().rejectTier(m_context.session, id, *reason);
    if (!status.ok()) {
        fail(status.error());
        reload();
        return;
    }
    setFeedback(tr("Customer %1 keeps the current tier.").arg(number));
    reload();
    emit changed();
}

} // namespace bv::ui
