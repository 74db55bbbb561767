#include "ui/server/ServerRequestsPage.h"

#include "core/common/SecureBytes.h"
#include "core/policy/Statuses.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/server/RevealDialog.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerRequestsPage::ServerRequestsPage(const ServerContext& context, bool decides, QWidget* parent)
    : ServerPage(context, parent)
    , m_decides(decides)
{
    setObjectName(QStringLiteral("serverRequestsPage"));
    auto* layout = new QVBoxLayout(this);
    m_openOnly = new QCheckBox(tr("Only &open requests (waiting, or approved and still valid)"), this);
    m_openOnly->setObjectName(QStringLiteral("openOnlyCheckBox"));
    m_openOnly->setChecked(true);
    layout->addWidget(m_openOnly);
    m_table = S::tableWidget(this, QStringLiteral("requestsTableWidget"),
        {tr("Request"), tr("Type"), tr("Customer no."), tr("Fields"), tr("Requester"), tr("Status"), tr("Valid until"),
            tr("Purpose")},
        m_context.clipboard, tr("Requests"));
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    buttons->addWidget(refresh);
    buttons->addStretch(1);
    m_show = new QPushButton(tr("&Show full values"), this);
    m_show->setObjectName(QStringLiteral("showValuesButton"));
    m_reject = new QPushButton(tr("Re&ject…"), this);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_approve = new QPushButton(tr("&Approve…"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    buttons->addWidget(m_show);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    m_reject->setVisible(decides);
    m_approve->setVisible(decides);
    layout->addLayout(buttons);
    connect(refresh, &QPushButton::clicked, this, &ServerRequestsPage::reload);
    connect(m_openOnly, &QCheckBox::toggled, this, &ServerRequestsPage::reload);
    connect(m_table, &QTableWidget::currentCellChanged, this, &ServerRequestsPage::updateButtons);
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(m_table->currentRow(), true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(m_table->currentRow(), false); });
    connect(m_show, &QPushButton::clicked, this, [this] { showValues(m_table->currentRow()); });
    reload();
}

bool ServerRequestsPage::reload()
{
    m_table->setRowCount(0);
    m_requests.clear();
    auto requests = ServerCustomers(m_context.session).requests(m_openOnly->isChecked());
    if (!requests.ok()) {
        updateButtons();
        return fail(requests.error());
    }
    m_requests = *requests;
    for (const Request& r : std::as_const(m_requests))
        S::appendRow(m_table,
            {QString::number(r.id), requestTypeLabel(r.type), r.customerNumbers.join(QStringLiteral(", ")),
                CustomerLabels::fieldList(r.fields), r.requesterLogin, statusLabel(r.status),
                r.validUntil.isValid() ? CustomerLabels::dateTime(r.validUntil) : CustomerLabels::none(), r.purpose});
    m_table->resizeColumnsToContents();
    if (!m_requests.isEmpty())
        m_table->setCurrentCell(0, 0);
    updateButtons();
    return true;
}

int ServerRequestsPage::rowOf(qint64 id) const
{
    for (int i = 0; i < m_requests.size(); ++i)
        if (m_requests.at(i).id == id)
            return i;
    return -1;
}

void ServerRequestsPage::updateButtons()
{
    const int row = m_table->currentRow();
    const Request* r = row >= 0 && row < m_requests.size() ? &m_requests.at(row) : nullptr;
    const bool mine = r && r->requesterLogin == m_context.session.identity().login;
    const bool pending = r && r->status == RequestStatus::Pending;
    m_approve->setEnabled(m_decides && pending && !mine);
    m_reject->setEnabled(m_decides && pending && !mine);
    m_show->setEnabled(mine && r->type == RequestType::Reveal && r->status == RequestStatus::Approved);
}

bool ServerRequestsPage::decide(int row, bool approve)
{
    if (row < 0 || row >= m_requests.size())
        return false;
    const qint64 id = m_requests.at(row).id;
    const auto reason
        = m_context.dialogs.askText(this, approve ? tr("Approve request %1").arg(id) : tr("Reject request %1").arg(id),
            approve ? tr("Why it can be approved (for example: the customer is at the counter):")
                    : tr("Why it is rejected (the requester reads this):"));
    if (!reason)
        return false;
    auto done = ServerCustomers(m_context.session).decideRequest(id, approve, *reason);
    if (!done.ok()) {
        fail(done.error());
        reload();
        return false;
    }
    m_context.dialogs.showInfo(this, approve ? tr("Approved") : tr("Rejected"),
        approve ? tr("Request %1 was approved.").arg(id) : tr("Request %1 was rejected.").arg(id));
    reload();
    return true;
}

bool ServerRequestsPage::showValues(int row)
{
    if (row < 0 || row >= m_requests.size())
        return false;
    const Request r = m_requests.at(row);
    if (r.type != RequestType::Reveal || r.customerNumbers.size() != 1)
        return false;
    auto values = ServerCustomers(m_context.session).reveal(r.id, r.customerNumbers.constFirst(), r.fields);
    if (!values.ok()) {
        fail(values.error());
        reload(); // revoked or expired meanwhile
        return false;
    }
    RevealDialog dialog(r.customerNumbers.constFirst(), *values, r.validUntil, this);
    for (auto it = values->begin(); it != values->end(); ++it)
        wipe(it.value());
    m_context.dialogs.exec(&dialog);
    return true;
}

} // namespace bv::ui
