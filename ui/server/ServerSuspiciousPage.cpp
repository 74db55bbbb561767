#include "ui/server/ServerSuspiciousPage.h"

#include "core/server/ServerCustomers.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/manager/SuspiciousPage.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerSuspiciousPage::ServerSuspiciousPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverSuspiciousPage"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(tr("Two customers holding the same mobile or account number are listed here when the "
                               "second record is approved. Open both cards from the customer list, and clear a pair "
                               "that is in order with the reason (for example: husband and wife share the phone)."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    m_table = S::tableWidget(this, QStringLiteral("pairsTableWidget"),
        {tr("Pair"), tr("Kind"), tr("Customer A"), tr("Customer B"), tr("Found"), tr("Shared value")},
        m_context.clipboard, tr("Suspicious pairs"));
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    m_clear = new QPushButton(tr("C&lear pair…"), this);
    m_clear->setObjectName(QStringLiteral("clearButton"));
    m_clear->setEnabled(false);
    buttons->addWidget(refresh);
    buttons->addStretch(1);
    buttons->addWidget(m_clear);
    layout->addLayout(buttons);
    connect(refresh, &QPushButton::clicked, this, &ServerSuspiciousPage::reload);
    connect(m_table, &QTableWidget::currentCellChanged, this,
        [this](int row) { m_clear->setEnabled(row >= 0 && row < m_pairs.size()); });
    connect(m_clear, &QPushButton::clicked, this, [this] { clearPair(m_table->currentRow()); });
}

void ServerSuspiciousPage::showEvent(QShowEvent* event)
{
    ServerPage::showEvent(event);
    if (!m_loaded)
        reload();
}

bool ServerSuspiciousPage::reload()
{
    m_loaded = true;
    m_table->setRowCount(0);
    m_pairs.clear();
    m_clear->setEnabled(false);
    auto pairs = ServerCustomers(m_context.session).suspicious();
    if (!pairs.ok())
        return fail(pairs.error());
    m_pairs = *pairs;
    for (const SuspiciousPair& pair : std::as_const(m_pairs))
        S::appendRow(m_table,
            {QString::number(pair.id), SuspiciousPage::kindLabel(pair.kind), pair.numberA, pair.numberB,
                CustomerLabels::dateTime(pair.foundAt), pair.maskedValue});
    m_table->resizeColumnsToContents();
    if (!m_pairs.isEmpty())
        m_table->setCurrentCell(0, 0);
    return true;
}

bool ServerSuspiciousPage::clearPair(int row)
{
    if (row < 0 || row >= m_pairs.size())
        return false;
    const qint64 id = m_pairs.at(row).id;
    const auto reason = m_context.dialogs.askText(this, tr("Clear suspicious pair %1").arg(id),
        tr("Why the pair is in order (for example: husband and wife share the phone):"));
    if (!reason)
        return false;
    const Status cleared = ServerCustomers(m_context.session).clearSuspicious(id, *reason);
    if (!cleared.ok()) {
        fail(cleared.error());
        reload(); // a pair another branch manager cleared first is no longer listed
        return false;
    }
    m_context.dialogs.showInfo(this, tr("Pair cleared"), tr("Suspicious pair %1 was cleared.").arg(id));
    reload();
    return true;
}

} // namespace bv::ui
