#include "ui/manager/SuspiciousPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
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

QString SuspiciousPage::kindLabel(const QString& key)
{
    if (key == QLatin1String("phone"))
        return tr("Same phone number");
    if (key == QLatin1String("account"))
        return tr("Same account number");
    return key;
}

SuspiciousPage::SuspiciousPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("suspiciousPage"));
    auto* intro = new QLabel(tr("Different customers with the same mobile or account number. Check both records; "
                                "clear the pair with a reason when it is in order (for example: husband and wife "
                                "share the phone)."),
        this);
    intro->setWordWrap(true);
    m_model = new models::RecordTableModel(
        {tr("Pair"), tr("Kind"), tr("Customer A"), tr("Customer B"), tr("Found"), tr("Shared number (masked)")}, this);
    m_table = createTable(QStringLiteral("suspiciousTableView"), tr("Suspicious pairs"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setCopyableColumns({Pair, Kind, CustomerA, CustomerB, Found});
    m_openA = new QPushButton(tr("Open customer &A"), this);
    m_openA->setObjectName(QStringLiteral("openAButton"));
    m_openB = new QPushButton(tr("Open customer &B"), this);
    m_openB->setObjectName(QStringLiteral("openBButton"));
    m_clear = new QPushButton(tr("&Clear pair…"), this);
    m_clear->setObjectName(QStringLiteral("clearButton"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(createFeedbackLabel(), 1);
    buttons->addWidget(m_openA);
    buttons->addWidget(m_openB);
    buttons->addWidget(m_clear);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setTabOrder(m_table, m_openA);
    setTabOrder(m_openA, m_openB);
    setTabOrder(m_openB, m_clear);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SuspiciousPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SuspiciousPage::updateButtons);
    connect(m_clear, &QPushButton::clicked, this, &SuspiciousPage::clearPair);
    connect(m_openA, &QPushButton::clicked, this, [this] {
        if (const SuspiciousPair* pair = selected())
            emit openCustomerRequested(pair->numberA);
    });
    connect(m_openB, &QPushButton::clicked, this, [this] {
        if (const SuspiciousPair* pair = selected())
            emit openCustomerRequested(pair->numberB);
    });
    connect(m_table, &GuardedTableView::openRequested, this, [this](const QModelIndex& index) {
        const SuspiciousPair* pair = selected();
        if (pair)
            emit openCustomerRequested(index.column() == CustomerB ? pair->numberB : pair->numberA);
    });
    updateButtons();
}

void SuspiciousPage::reload()
{
    auto pairs = m_context.core.customers().entry().suspicious(m_context.session);
    if (!pairs.ok()) {
        fail(pairs.error());
        return;
    }
    m_pairs = *pairs;
    QList<models::RecordTableModel::Record> records;
    for (const SuspiciousPair& p : m_pairs)
        records << models::RecordTableModel::Record {p.id,
            {QString::number(p.id), kindLabel(p.kind), p.numberA, p.numberB, CustomerLabels::dateTime(p.foundAt),
                p.maskedValue},
            p.maskedValue};
    m_model->setRecords(records);
    if (!records.isEmpty())
        m_table->selectRow(0);
}

qint64 SuspiciousPage::pairFromIndex(const QModelIndex& index) const
{
    return m_model->keyFromIndex(index).toLongLong();
}

const SuspiciousPair* SuspiciousPage::selected() const
{
    const int row = m_table->selectedRow();
    return row >= 0 && row < m_pairs.size() ? &m_pairs.at(row) : nullptr;
}

void SuspiciousPage::updateButtons()
{
    const bool any = selected() != nullptr;
    m_clear->setEnabled(any);
    m_openA->setEnabled(any);
    m_openB->setEnabled(any);
}

void SuspiciousPage::clearPair()
{
    const SuspiciousPair* pair = selected();
    if (!pair)
        return;
    const qint64 id = pair->id;
    const auto reason = m_context.dialogs.askText(this, tr("Clear suspicious pair %1").arg(id),
        tr("Why are customers %1 and %2 in order?").arg(pair->numberA, pair->numberB), true);
    if (!reason)
        return;
    const Status status = m_context.core.customers().entry().clearSuspicious(m_context.session, id, *reason);
    if (!status.ok()) {
        fail(status.error());
        reload();
        return;
    }
    setFeedback(tr("Pair %1 cleared.").arg(id));
    reload();
    emit changed();
}

} // namespace bv::ui
