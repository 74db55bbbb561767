#include "ui/server/ServerOverduePage.h"

#include "core/auth/Role.h"
#include "core/customers/rules/HolidayCalendar.h"
#include "core/server/ServerCare.h"
#include "core/server/ServerSession.h"
#include "ui/common/CalendarWarning.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/ComplaintListModel.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/server/ServerCareDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerOverduePage::ServerOverduePage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverOverduePage"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    m_calendarWarning = CalendarWarning::createLabel(this);
    layout->addWidget(m_calendarWarning);
    m_model = new ComplaintListModel(this);
    m_view = S::tableView(this, QStringLiteral("overdueTableView"), m_model, m_context.clipboard,
        ComplaintListModel::copyableColumns(), tr("Overdue complaints"));
    layout->addWidget(m_view, 1);
    auto* buttons = new QHBoxLayout;
    auto* open = new QPushButton(tr("Show the customer's complai&nts…"), this);
    open->setObjectName(QStringLiteral("openCustomerButton"));
    auto* refresh = new QPushButton(tr("Re&fresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    buttons->addWidget(open);
    buttons->addStretch(1);
    buttons->addWidget(refresh);
    layout->addLayout(buttons);
    connect(open, &QPushButton::clicked, this, [this] { openCustomer(); });
    connect(refresh, &QPushButton::clicked, this, &ServerOverduePage::reload);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex& index) { openCustomer(index.row()); });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex& index) { openCustomer(index.row()); });
}

void ServerOverduePage::showEvent(QShowEvent* event)
{
    ServerPage::showEvent(event);
    if (!m_loaded)
        reload();
}

bool ServerOverduePage::reload()
{
    m_loaded = true;
    auto overdue = ServerCare(m_context.session).overdue();
    if (!overdue.ok()) {
        m_model->setComplaints({});
        m_summary->clear();
        return fail(overdue.error());
    }
    m_model->setComplaints(*overdue);
    m_view->resizeColumnsToContents();
    // the due dates the server computed for a year its calendar does not cover counted weekends only
    auto years = ServerCare(m_context.session).calendarYears();
    CalendarWarning::show(m_calendarWarning, years.ok() ? *years : HolidayCalendar::shipped().years, *overdue);
    const bool branch = m_context.session.identity().role == Role::Manager;
    m_summary->setText(overdue->isEmpty()
            ? (branch ? tr("No complaint of the branch is overdue.") : tr("No complaint of your customers is overdue."))
            : tr("%n complaints past the investigation or answer date. Open the customer to follow up.", nullptr,
                int(overdue->size())));
    return true;
}

void ServerOverduePage::invalidate()
{
    if (isVisible())
        reload();
    else
        m_loaded = false;
}

bool ServerOverduePage::openCustomer(int row)
{
    const QModelIndex index = row < 0 ? m_view->currentIndex() : m_model->index(row, 0);
    const Complaint* complaint = m_model->complaintFromIndex(index);
    if (!complaint)
        return false;
    ServerCareDialog dialog(m_context, complaint->customerNumber, ServerCareDialog::Tab::Complaints, this);
    bool lost = false;
    bool changed = false;
    connect(&dialog, &ServerCareDialog::sessionLost, this, [&lost] { lost = true; });
    connect(&dialog, &ServerCareDialog::complaintsChanged, this, [&changed] { changed = true; });
    m_context.dialogs.exec(&dialog);
    if (lost) {
        emit sessionLost();
        return false;
    }
    // a complaint recorded or moved there may have ended an overdue one; nothing else is read again (a dialog closed
    // because the session ended must not read once more after the sign-out)
    return !changed || reload();
}

} // namespace bv::ui
