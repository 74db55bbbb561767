#include "ui/customers/MyComplaintsPage.h"

#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "ui/common/WorkspaceContext.h"
#include "ui/customers/ComplaintListModel.h"
#include "ui/customers/ComplaintsPage.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

MyComplaintsPage::MyComplaintsPage(const WorkspaceContext& context, QWidget* parent)
    : CarePage(CareContext::local(context), parent)
    , m_core(context.core)
    , m_session(context.session)
{
    setObjectName(QStringLiteral("myComplaintsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);

    auto* overdueBox = new QGroupBox(tr("Overdue complaints of my customers"), splitter);
    auto* overdueLayout = new QVBoxLayout(overdueBox);
    m_overdue = new ComplaintListModel(this);
    m_overdueView = S::tableView(overdueBox, QStringLiteral("overdueTableView"), m_overdue, m_care.clipboard,
        ComplaintListModel::copyableColumns(), tr("Overdue complaints"));
    overdueLayout->addWidget(m_overdueView, 1);
    auto* overdueButtons = new QHBoxLayout;
    m_overdueCount = new QLabel(overdueBox);
    m_overdueCount->setObjectName(QStringLiteral("overdueCountLabel"));
    overdueButtons->addWidget(m_overdueCount, 1);
    auto* show = new QPushButton(tr("Show the c&ustomer's complaints"), overdueBox);
    show->setObjectName(QStringLiteral("showCustomerButton"));
    auto* refresh = new QPushButton(tr("Re&fresh"), overdueBox);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    overdueButtons->addWidget(show);
    overdueButtons->addWidget(refresh);
    overdueLayout->addLayout(overdueButtons);

    auto* customerBox = new QGroupBox(tr("Complaints of one customer"), splitter);
    m_pageLayout = new QVBoxLayout(customerBox);
    auto* chooser = new QHBoxLayout;
    m_customer = new QComboBox(customerBox);
    m_customer->setObjectName(QStringLiteral("customerComboBox"));
    m_customer->setAccessibleName(tr("Customer"));
    m_customer->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* customerLabel = new QLabel(tr("&Customer:"), customerBox);
    customerLabel->setBuddy(m_customer);
    chooser->addWidget(customerLabel);
    chooser->addWidget(m_customer);
    chooser->addStretch(1);
    m_pageLayout->addLayout(chooser);
    layout->addWidget(splitter);

    connect(refresh, &QPushButton::clicked, this, &MyComplaintsPage::reload);
    connect(m_customer, &QComboBox::currentIndexChanged, this, &MyComplaintsPage::showCustomer);
    connect(show, &QPushButton::clicked, this, [this] {
        if (const Complaint* c = m_overdue->complaintFromIndex(m_overdueView->currentIndex()))
            chooseCustomer(c->customerNumber);
    });
    connect(m_overdueView, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (const Complaint* c = m_overdue->complaintFromIndex(index))
            chooseCustomer(c->customerNumber);
    });
    setTabOrder(m_overdueView, show);
    setTabOrder(show, refresh);
    setTabOrder(refresh, m_customer);
}

void MyComplaintsPage::reload()
{
    reloadOverdue();
    // the customers to choose from: the own portfolio, nothing else
    const QString chosen = m_customer->currentData().toString();
    QList<CustomerListRow> rows;
    QString after;
    for (int page = 0; page < 40; ++page) {
        auto result = m_core.customers().finder().portfolio(m_session, QString(), after, 500);
        if (!result.ok()) {
            fail(result.error());
            return;
        }
        rows += result->rows;
        after = result->nextCursor;
        if (after.isEmpty())
            break;
    }
    {
        const QSignalBlocker block(m_customer);
        m_customer->clear();
        m_customer->addItem(tr("(choose a customer)"), QString());
        for (const CustomerListRow& row : std::as_const(rows)) {
            if (row.status == CustomerStatus::Active || row.status == CustomerStatus::Closed)
                m_customer->addItem(tr("%1  %2").arg(row.number, row.maskedName), row.number);
        }
        m_customer->setCurrentIndex(qMax(0, m_customer->findData(chosen)));
    }
    showCustomer();
}

void MyComplaintsPage::reloadOverdue()
{
    auto overdue = m_care.source->overdue();
    if (!overdue.ok()) {
        m_overdue->setComplaints({});
        m_overdueCount->clear();
        fail(overdue.error());
        return;
    }
    m_overdue->setComplaints(*overdue);
    m_overdueView->resizeColumnsToContents();
    m_overdueCount->setText(tr("%n overdue complaints", nullptr, int(overdue->size())));
}

void MyComplaintsPage::chooseCustomer(const QString& customerNo)
{
    const int index = m_customer->findData(customerNo);
    if (index >= 0)
        m_customer->setCurrentIndex(index);
}

void MyComplaintsPage::showCustomer()
{
    const QString number = m_customer->currentData().toString();
    if (m_page && m_page->customerNumber() == number) {
        m_page->reload();
        return;
    }
    if (m_page) {
        m_page->hide();
        m_page->deleteLater();
        m_page = nullptr;
    }
    if (number.isEmpty())
        return;
    m_page = new ComplaintsPage(m_care, number, true, this);
    m_page->setObjectName(QStringLiteral("customerComplaintsPage"));
    connect(m_page, &CarePage::lockRequested, this, &CarePage::lockRequested);
    connect(m_page, &ComplaintsPage::complaintsChanged, this, &MyComplaintsPage::reloadOverdue);
    m_pageLayout->addWidget(m_page, 1);
}

} // namespace bv::ui
