#include "ui/manager/ReassignmentPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/CustomerListModel.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

ReassignmentPage::ReassignmentPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("reassignmentPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_model = new models::CustomerListModel(models::CustomerListModel::branchColumns(), this);
    m_table = createTable(QStringLiteral("reassignmentTableView"), tr("Customers to reassign"));
    m_table->setModel(m_model);
    m_table->setCopyableColumns(m_model->copyableSections());
    m_open = new QPushButton(tr("&Open customer"), this);
    m_open->setObjectName(QStringLiteral("openCustomerButton"));
    m_reassign = new QPushButton(tr("&Reassign…"), this);
    m_reassign->setObjectName(QStringLiteral("reassignButton"));

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_reassign);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setTabOrder(m_table, m_open);
    setTabOrder(m_open, m_reassign);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ReassignmentPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ReassignmentPage::updateButtons);
    connect(m_table, &GuardedTableView::openRequested, this, [this](const QModelIndex& index) {
        const QString number = m_model->customerFromIndex(index);
        if (!number.isEmpty())
            emit openCustomerRequested(number);
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString number = m_model->customerFromIndex(m_model->index(m_table->selectedRow(), 0));
        if (!number.isEmpty())
            emit openCustomerRequested(number);
    });
    connect(m_reassign, &QPushButton::clicked, this, [this] {
        const QString number = m_model->customerFromIndex(m_model->index(m_table->selectedRow(), 0));
        if (!number.isEmpty())
            emit reassignRequested(number);
    });
    updateButtons();
}

void ReassignmentPage::reload()
{
    auto rows = m_context.core.customers().ownership().reassignmentList(m_context.session);
    if (!rows.ok()) {
        fail(rows.error());
        return;
    }
    m_model->setRows(*rows);
    m_summary->setText(rows->isEmpty()
            ? tr("Every active customer has an active customer manager.")
            : tr("%n customers have no active customer manager (no manager, or the manager's account "
                 "is frozen). Reassign them.",
                nullptr, int(rows->size())));
    if (!rows->isEmpty())
        m_table->selectRow(0);
}

QString ReassignmentPage::customerFromIndex(const QModelIndex& index) const
{
    return m_model->customerFromIndex(index);
}

void ReassignmentPage::updateButtons()
{
    const bool any = m_table->selectedRow() >= 0 && m_model->rowCount() > 0;
    m_open->setEnabled(any);
    m_reassign->setEnabled(any);
}

} // namespace bv::ui
