#include "ui/customers/CustomerHistoryPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

CustomerHistoryPage::CustomerHistoryPage(const WorkspaceContext& context, const QString& customerNo, QWidget* parent)
    : ContextWidget(context, parent)
    , m_number(customerNo)
{
    auto* layout = new QVBoxLayout(this);
    m_table = historyTable(this, m_context.clipboard, customerNo);
    layout->addWidget(m_table);
    reload();
}

QTableWidget* CustomerHistoryPage::historyTable(QWidget* parent, ClipboardGuard& clipboard, const QString& customerNo)
{
    return S::tableWidget(parent, QStringLiteral("historyTableWidget"),
        {tr("When"), tr("Who"), tr("Change"), tr("Field"), tr("Before"), tr("After")}, clipboard,
        tr("History of customer %1").arg(customerNo));
}

void CustomerHistoryPage::fill(QTableWidget* table, const QList<HistoryEntry>& history)
{
    table->setRowCount(0);
    for (const HistoryEntry& h : history)
        S::appendDiffRows(
            table, {CustomerLabels::dateTime(h.at), h.actorLogin, CustomerLabels::changeKind(h.kind)}, h.diff);
    table->resizeColumnsToContents();
}

void CustomerHistoryPage::reload()
{
    m_table->setRowCount(0);
    auto history = m_context.core.customers().entry().history(m_context.session, m_number);
    if (!history.ok()) {
        fail(history.error());
        return;
    }
    fill(m_table, *history);
}

} // namespace bv::ui
