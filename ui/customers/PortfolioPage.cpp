#include "ui/customers/PortfolioPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "ui/customers/CustomerListModel.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/customers/ViewCopyGuard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

namespace {
constexpr int kPageSize = 500;
constexpr int kMaxPages = 40; // 20,000 customers: far beyond one manager's portfolio
} // namespace

PortfolioPage::PortfolioPage(const WorkspaceContext& context, QWidget* parent)
    : ContextWidget(context, parent)
{
    setObjectName(QStringLiteral("portfolioPage"));
    auto* layout = new QVBoxLayout(this);
    auto* filterRow = new QHBoxLayout;
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("nameFilterLineEdit"));
    m_filter->setAccessibleName(tr("Name contains"));
    m_filter->setPlaceholderText(tr("Part of the name, within your own customers; press Enter"));
    m_filter->setClearButtonEnabled(true);
    auto* filterLabel = new QLabel(tr("&Name contains:"), this);
    filterLabel->setBuddy(m_filter);
    auto* filterButton = new QPushButton(tr("Fil&ter"), this);
    filterButton->setObjectName(QStringLiteral("filterButton"));
    filterRow->addWidget(filterLabel);
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(filterButton);
    layout->addLayout(filterRow);

    m_model = new CustomerListModel(this);
    m_view = S::tableView(this, QStringLiteral("customersTableView"), m_model, m_context.clipboard,
        {CustomerListModel::NumberColumn, CustomerListModel::TierColumn, CustomerListModel::AgeBandColumn,
            CustomerListModel::StatusColumn},
        tr("My customers"));
    m_view->hideColumn(CustomerListModel::ManagerColumn);
    m_view->hideColumn(CustomerListModel::CreatedColumn);
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);

    auto* buttons = new QHBoxLayout;
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));
    buttons->addWidget(m_count, 1);
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(QStringLiteral("openButton"));
    m_copy = new QPushButton(tr("Cop&y row"), this);
    m_copy->setObjectName(QStringLiteral("copyRowButton"));
    m_copy->setToolTip(tr("Copies the customer number, tier, age band and status — never protected values."));
    auto* refresh = new QPushButton(tr("Re&fresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    buttons->addWidget(m_open);
    buttons->addWidget(m_copy);
    buttons->addWidget(refresh);
    layout->addLayout(buttons);

    connect(m_filter, &QLineEdit::returnPressed, this, &PortfolioPage::reload);
    connect(filterButton, &QPushButton::clicked, this, &PortfolioPage::reload);
    // the clear button empties the filter: show the whole portfolio again
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            reload();
    });
    connect(refresh, &QPushButton::clicked, this, &PortfolioPage::reload);
    connect(m_open, &QPushButton::clicked, this, &PortfolioPage::openCurrent);
    connect(m_copy, &QPushButton::clicked, this, &PortfolioPage::copyRow);
    connect(m_view, &QTableView::doubleClicked, this, &PortfolioPage::openCurrent);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PortfolioPage::updateButtons);
    setTabOrder(m_filter, filterButton);
    setTabOrder(filterButton, m_view);
    setTabOrder(m_view, m_open);
    setTabOrder(m_open, m_copy);
    setTabOrder(m_copy, refresh);
    reload();
}

void PortfolioPage::reload()
{
    const QString filter = m_filter->text().trimmed();
    QList<CustomerListRow> rows;
    QString after;
    for (int page = 0; page < kMaxPages; ++page) {
        auto result = m_context.core.customers().finder().portfolio(m_context.session, filter, after, kPageSize);
        if (!result.ok()) {
            m_model->setRows({});
            m_count->clear();
            updateButtons();
            fail(result.error());
            return;
        }
        rows += result->rows;
        after = result->nextCursor;
        if (after.isEmpty())
            break;
    }
    m_model->setRows(rows);
    m_view->resizeColumnsToContents();
    m_count->setText(filter.isEmpty() ? tr("%n customers", nullptr, int(rows.size()))
                                      : tr("%n customers match", nullptr, int(rows.size())));
    if (!rows.isEmpty())
        m_view->setCurrentIndex(m_model->index(0, CustomerListModel::NumberColumn));
    updateButtons();
}

QString PortfolioPage::currentNumber() const
{
    const CustomerListRow* row = m_model->rowFromIndex(m_view->currentIndex());
    return row ? row->number : QString();
}

void PortfolioPage::openCurrent()
{
    const QString number = currentNumber();
    if (!number.isEmpty())
        emit openRequested(number);
}

bool PortfolioPage::copyRow()
{
    ViewCopyGuard* guard = ViewCopyGuard::of(m_view);
    return guard && guard->copySelectedRows();
}

void PortfolioPage::updateButtons()
{
    const bool any = m_view->currentIndex().isValid();
    m_open->setEnabled(any);
    m_copy->setEnabled(any);
}

bool PortfolioPage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            openCurrent();
            return true;
        }
    }
    return ContextWidget::eventFilter(watched, event);
}

} // namespace bv::ui
