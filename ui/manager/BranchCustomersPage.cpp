#include "ui/manager/BranchCustomersPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/policy/FieldCatalogue.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/CustomerListModel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

BranchCustomersPage::BranchCustomersPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("branchCustomersPage"));

    // Exact lookup: one kind, one full value.
    auto* lookupBox = new QGroupBox(tr("Exact lookup"), this);
    lookupBox->setObjectName(QStringLiteral("lookupGroupBox"));
    auto* kindLabel = new QLabel(tr("&Look up by:"), lookupBox);
    m_kind = new QComboBox(lookupBox);
    m_kind->setObjectName(QStringLiteral("lookupKindComboBox"));
    m_kind->setAccessibleName(tr("Kind of lookup"));
    m_kind->addItem(FieldCatalogue::label(QString::fromLatin1(fields::Name)), int(LookupKind::Name));
    m_kind->addItem(FieldCatalogue::label(QString::fromLatin1(fields::IdNumber)), int(LookupKind::IdNumber));
    m_kind->addItem(FieldCatalogue::label(QString::fromLatin1(fields::Mobile)), int(LookupKind::Mobile));
    m_kind->addItem(FieldCatalogue::label(QString::fromLatin1(fields::AccountNumber)), int(LookupKind::Account));
    kindLabel->setBuddy(m_kind);
    auto* valueLabel = new QLabel(tr("Full &value:"), lookupBox);
    m_value = new QLineEdit(lookupBox);
    m_value->setObjectName(QStringLiteral("lookupValueLineEdit"));
    m_value->setAccessibleName(tr("Full value to look up"));
    m_value->setPlaceholderText(tr("The complete value (exact match only)"));
    m_value->setClearButtonEnabled(true);
    valueLabel->setBuddy(m_value);
    auto* lookupButton = new QPushButton(tr("L&ook up"), lookupBox);
    lookupButton->setObjectName(QStringLiteral("lookupButton"));
    m_resultLabel = new QLabel(lookupBox);
    m_resultLabel->setObjectName(QStringLiteral("lookupResultLabel"));
    m_results = new models::CustomerListModel(models::CustomerListModel::branchColumns(), this);
    GuardedTableView* results = createTable(QStringLiteral("lookupResultsTableView"), tr("Lookup results"));
    results->setModel(m_results);
    results->setCopyableColumns(m_results->copyableSections());
    results->setMaximumHeight(results->fontMetrics().height() * 8);
    results->hide(); // shown with the first answer

    auto* lookupRow = new QHBoxLayout;
    lookupRow->addWidget(kindLabel);
    lookupRow->addWidget(m_kind);
    lookupRow->addWidget(valueLabel);
    lookupRow->addWidget(m_value, 1);
    lookupRow->addWidget(lookupButton);
    auto* lookupLayout = new QVBoxLayout(lookupBox);
    lookupLayout->addLayout(lookupRow);
    lookupLayout->addWidget(m_resultLabel);
    lookupLayout->addWidget(results);

    // The branch list.
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("countLabel"));
    auto* refreshButton = new QPushButton(tr("&Refresh list"), this);
    refreshButton->setObjectName(QStringLiteral("refreshButton"));
    m_model = new models::CustomerListModel(m_context.core, m_context.session, this);
    GuardedTableView* table = createTable(QStringLiteral("customersTableView"), tr("Branch customers"));
    table->setModel(m_model);
    table->setCopyableColumns(m_model->copyableSections());
    table->horizontalHeader()->setSortIndicator(m_model->sortColumn(), Qt::AscendingOrder);
    table->setSortingEnabled(true);
    auto* listHeader = new QHBoxLayout;
    listHeader->addWidget(m_countLabel, 1);
    listHeader->addWidget(refreshButton);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(lookupBox);
    layout->addLayout(listHeader);
    layout->addWidget(table, 1);
    setTabOrder(m_kind, m_value);
    setTabOrder(m_value, lookupButton);
    setTabOrder(lookupButton, results);
    setTabOrder(results, refreshButton);
    setTabOrder(refreshButton, table);

    connect(lookupButton, &QPushButton::clicked, this, &BranchCustomersPage::lookUp);
    connect(m_value, &QLineEdit::returnPressed, this, &BranchCustomersPage::lookUp);
    connect(results, &GuardedTableView::openRequested, this, &BranchCustomersPage::openFromResults);
    connect(table, &GuardedTableView::openRequested, this, &BranchCustomersPage::openFromList);
    connect(refreshButton, &QPushButton::clicked, this, &BranchCustomersPage::reload);
    connect(table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
        [this, table](int column) { keepSortIndicator(table->horizontalHeader(), column); });
    connect(m_model, &models::CustomerListModel::stateChanged, this, &BranchCustomersPage::updateCount);
    connect(m_model, &models::CustomerListModel::countChanged, this, &BranchCustomersPage::updateCount);
    connect(m_model, &models::CustomerListModel::failed, this, &BranchCustomersPage::fail);
    updateCount();
}

void BranchCustomersPage::reload()
{
    m_model->refresh();
}

void BranchCustomersPage::updateCount()
{
    switch (m_model->state()) {
    case models::CustomerListModel::State::Idle:
    case models::CustomerListModel::State::Counting:
        m_countLabel->setText(tr("Counting the branch's customers…"));
        break;
    case models::CustomerListModel::State::Ready:
        m_countLabel->setText(tr("%n customers in the branch", nullptr, int(m_model->totalCount())));
        break;
    case models::CustomerListModel::State::Failed:
        m_countLabel->setText(tr("The list could not be read. Refresh it to try again."));
        break;
    }
}

void BranchCustomersPage::keepSortIndicator(QHeaderView* header, int column)
{
    if (m_model->isSortableSection(column))
        return;
    // Only number, tier, manager and creation time can be sorted: put the indicator back.
    header->setSortIndicator(m_model->sortColumn(), m_model->isDescending() ? Qt::DescendingOrder : Qt::AscendingOrder);
}

void BranchCustomersPage::lookUp()
{
    const auto kind = LookupKind(m_kind->currentData().toInt());
    auto rows = m_context.core.customers().finder().lookup(m_context.session, kind, m_value->text());
    if (!rows.ok()) {
        fail(rows.error());
        return;
    }
    // The full value typed stays on screen no longer than needed.
    m_value->clear();
    m_results->setRows(*rows);
    findChild<GuardedTableView*>(QStringLiteral("lookupResultsTableView"))->show();
    m_resultLabel->setText(rows->isEmpty() ? tr("No customer matches exactly.")
                                           : tr("%n customers match exactly.", nullptr, int(rows->size())));
}

void BranchCustomersPage::openFromList(const QModelIndex& index)
{
    const QString number = m_model->customerFromIndex(index);
    if (!number.isEmpty())
        emit openCustomerRequested(number);
}

void BranchCustomersPage::openFromResults(const QModelIndex& index)
{
    const QString number = m_results->customerFromIndex(index);
    if (!number.isEmpty())
        emit openCustomerRequested(number);
}

} // namespace bv::ui
