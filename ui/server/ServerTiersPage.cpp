#include "ui/server/ServerTiersPage.h"

#include "core/policy/FieldCatalogue.h"
#include "core/policy/ValueLabels.h"
#include "core/server/ServerOwnership.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerTiersPage::ServerTiersPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverTiersPage"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("A customer's tier follows the assets under management and the branch's thresholds. "
                               "When an approved edit changes the assets, the new tier waits here for a branch "
                               "manager: confirm it, or keep the current tier with the reason."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_table = S::tableWidget(this, QStringLiteral("tiersTableWidget"),
        {FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo)), tr("Current tier"), tr("New tier"),
            tr("Computed")},
        m_context.clipboard, tr("Tier changes waiting for confirmation"));
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    m_keep = new QPushButton(tr("&Keep current tier…"), this);
    m_keep->setObjectName(QStringLiteral("keepTierButton"));
    m_confirm = new QPushButton(tr("Con&firm tier…"), this);
    m_confirm->setObjectName(QStringLiteral("confirmTierButton"));
    buttons->addWidget(refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_keep);
    buttons->addWidget(m_confirm);
    layout->addLayout(buttons);
    connect(refresh, &QPushButton::clicked, this, &ServerTiersPage::reload);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        const bool any = row >= 0 && row < m_changes.size();
        m_confirm->setEnabled(any);
        m_keep->setEnabled(any);
    });
    connect(m_confirm, &QPushButton::clicked, this, [this] { confirmChange(m_table->currentRow()); });
    connect(m_keep, &QPushButton::clicked, this, [this] { keepCurrent(m_table->currentRow()); });
}

void ServerTiersPage::showEvent(QShowEvent* event)
{
    ServerPage::showEvent(event);
    if (!m_loaded)
        reload();
}

bool ServerTiersPage::reload()
{
    m_loaded = true;
    m_table->setRowCount(0);
    m_changes.clear();
    m_confirm->setEnabled(false);
    m_keep->setEnabled(false);
    auto changes = ServerOwnership(m_context.session).pendingTiers();
    if (!changes.ok())
        return fail(changes.error());
    m_changes = *changes;
    for (const TierChange& change : std::as_const(m_changes))
        S::appendRow(m_table,
            {change.customerNumber, ValueLabels::tier(change.fromTier), ValueLabels::tier(change.toTier),
                CustomerLabels::dateTime(change.computedAt)});
    m_table->resizeColumnsToContents();
    if (!m_changes.isEmpty())
        m_table->setCurrentCell(0, 0);
    return true;
}

bool ServerTiersPage::confirmChange(int row)
{
    if (row < 0 || row >= m_changes.size())
        return false;
    const TierChange change = m_changes.at(row);
    if (!m_context.dialogs.confirm(this, tr("Confirm tier"),
            tr("Change the tier of customer %1 from %2 to %3?")
                .arg(change.customerNumber, ValueLabels::tier(change.fromTier), ValueLabels::tier(change.toTier))))
        return false;
    const Status confirmed = ServerOwnership(m_context.session).confirmTier(change.id);
    if (!confirmed.ok()) {
        fail(confirmed.error());
        reload(); // a change another branch manager decided first is no longer listed
        return false;
    }
    m_context.dialogs.showInfo(
        this, tr("Tier changed"), tr("The tier of customer %1 was changed.").arg(change.customerNumber));
    reload();
    emit decided();
    return true;
}

bool ServerTiersPage::keepCurrent(int row)
{
    if (row < 0 || row >= m_changes.size())
        return false;
    const TierChange change = m_changes.at(row);
    const auto reason = m_context.dialogs.askText(this, tr("Keep the current tier"),
        tr("Reason why customer %1 keeps the current tier:").arg(change.customerNumber), true);
    if (!reason)
        return false;
    const Status kept = ServerOwnership(m_context.session).rejectTier(change.id, *reason);
    if (!kept.ok()) {
        fail(kept.error());
        reload();
        return false;
    }
    m_context.dialogs.showInfo(
        this, tr("Tier kept"), tr("Customer %1 keeps the current tier.").arg(change.customerNumber));
    reload();
    emit decided();
    return true;
}

} // namespace bv::ui
