#include "ui/customers/MyRequestsPage.h"

#include "core/Core.h"
#include "ui/auth/OnTheSpot.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/customers/RequestListModel.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

MyRequestsPage::MyRequestsPage(const WorkspaceContext& context, QWidget* parent)
    : ContextWidget(context, parent)
{
    setObjectName(QStringLiteral("myRequestsPage"));
    auto* layout = new QVBoxLayout(this);
    m_model = new RequestListModel(this);
    m_view = S::tableView(this, QStringLiteral("requestsTableView"), m_model, m_context.clipboard,
        RequestListModel::copyableColumns(), tr("My requests"));
    m_view->hideColumn(RequestListModel::RequesterColumn);
    layout->addWidget(m_view, 1);
    m_details = new QLabel(this);
    m_details->setObjectName(QStringLiteral("detailsLabel"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    layout->addWidget(m_details);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_withdraw = new QPushButton(tr("&Withdraw request"), this);
    m_withdraw->setObjectName(QStringLiteral("withdrawButton"));
    m_authoriseHere = new QPushButton(tr("&Authorise here…"), this);
    m_authoriseHere->setObjectName(QStringLiteral("authoriseHereButton"));
    m_authoriseHere->setEnabled(false);
    m_authoriseHere->setToolTip(tr("A branch manager approves or rejects the selected request on this screen "
                                   "(on-the-spot authorisation), without you signing out."));
    auto* refresh = new QPushButton(tr("Re&fresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    buttons->addWidget(m_authoriseHere);
    buttons->addWidget(m_withdraw);
    buttons->addWidget(refresh);
    layout->addLayout(buttons);
    connect(m_withdraw, &QPushButton::clicked, this, &MyRequestsPage::withdrawCurrent);
    connect(m_authoriseHere, &QPushButton::clicked, this, &MyRequestsPage::authoriseHere);
    connect(refresh, &QPushButton::clicked, this, &MyRequestsPage::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MyRequestsPage::updateDetails);
    setTabOrder(m_view, m_authoriseHere);
    setTabOrder(m_authoriseHere, m_withdraw);
    setTabOrder(m_withdraw, refresh);
}

void MyRequestsPage::reload()
{
    auto requests = m_context.core.requests().list(m_context.session);
    if (!requests.ok()) {
        m_model->setRequests({});
        updateDetails();
        fail(requests.error());
        return;
    }
    m_model->setRequests(*requests);
    m_view->resizeColumnsToContents();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(0, RequestListModel::IdColumn));
    updateDetails();
}

void MyRequestsPage::updateDetails()
{
    const Request* r = m_model->requestFromIndex(m_view->currentIndex());
    m_withdraw->setEnabled(r && r->status == RequestStatus::Pending);
    m_authoriseHere->setEnabled(r && r->status == RequestStatus::Pending);
    if (!r) {
        m_details->clear();
        return;
    }
    QStringList lines;
    lines << tr("Purpose: %1").arg(r->purpose);
    if (r->decidedAt.isValid())
        lines << tr("Decided by %1 on %2%3")
                     .arg(r->decidedByLogin, CustomerLabels::dateTime(r->decidedAt),
                         r->decisionReason.isEmpty() ? QString() : tr(": %1").arg(r->decisionReason));
    if (r->revokedAt.isValid())
        lines << tr("Revoked by %1 on %2: %3")
                     .arg(r->revokedByLogin, CustomerLabels::dateTime(r->revokedAt), r->revokeReason);
    m_details->setText(lines.join(QLatin1Char('\n')));
}

bool MyRequestsPage::withdrawCurrent()
{
    const Request* r = m_model->requestFromIndex(m_view->currentIndex());
    if (!r || r->status != RequestStatus::Pending)
        return false;
    const qint64 id = r->id;
    if (!m_context.dialogs.confirm(this, tr("Withdraw request"),
            tr("Withdraw request %1? A branch manager will no longer be asked to decide it.").arg(id)))
        return false;
    Status withdrawn = m_context.core.requests().withdraw(m_context.session, id);
    if (!withdrawn.ok())
        return fail(withdrawn.error());
    reload();
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, RequestListModel::IdColumn));
    return true;
}

std::optional<bool> MyRequestsPage::authoriseHere()
{
    const Request* r = m_model->requestFromIndex(m_view->currentIndex());
    if (!r || r->status != RequestStatus::Pending)
        return std::nullopt;
    const qint64 id = r->id;
    const Request request = *r;
    const std::optional<bool> decided = OnTheSpot::decideRequest(m_context, this, request);
    if (!decided)
        return std::nullopt;
    reload();
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->setCurrentIndex(m_model->index(row, RequestListModel::IdColumn));
    return decided;
}

} // namespace bv::ui
