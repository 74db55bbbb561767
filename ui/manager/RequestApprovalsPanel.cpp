#include "ui/manager/RequestApprovalsPanel.h"

#include "core/Core.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/RequestListModel.h"
#include "ui/manager/GuardedTableView.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

RequestApprovalsPanel::RequestApprovalsPanel(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("requestApprovalsPanel"));
    using M = RequestListModel;
    m_model = new M({M::IdColumn, M::TypeColumn, M::RequesterColumn, M::CustomersColumn, M::FieldsColumn,
                        M::PurposeColumn, M::ValidityColumn, M::StatusColumn, M::CreatedColumn},
        this); // in the order of Column
    m_table = createTable(QStringLiteral("requestsTableView"), tr("Open special requests"));
    m_table->setModel(m_model);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    // The purpose is the requester's free text: shown, never copied.
    m_table->setCopyableColumns(m_model->copyableSections());
    m_approve = new QPushButton(tr("A&pprove…"), this);
    m_approve->setObjectName(QStringLiteral("approveRequestButton"));
    m_reject = new QPushButton(tr("Re&ject…"), this);
    m_reject->setObjectName(QStringLiteral("rejectRequestButton"));
    m_revoke = new QPushButton(tr("Re&voke…"), this);
    m_revoke->setObjectName(QStringLiteral("revokeRequestButton"));

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(createFeedbackLabel(), 1);
    buttons->addWidget(m_revoke);
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    setTabOrder(m_table, m_revoke);
    setTabOrder(m_revoke, m_reject);
    setTabOrder(m_reject, m_approve);

    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RequestApprovalsPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RequestApprovalsPanel::updateButtons);
    connect(m_approve, &QPushButton::clicked, this, &RequestApprovalsPanel::approve);
    connect(m_reject, &QPushButton::clicked, this, &RequestApprovalsPanel::reject);
    connect(m_revoke, &QPushButton::clicked, this, &RequestApprovalsPanel::revoke);
    updateButtons();
}

void RequestApprovalsPanel::reload()
{
    auto requests = m_context.core.requests().list(m_context.session, true);
    if (!requests.ok()) {
        fail(requests.error());
        return;
    }
    const qint64 current = selected() ? selected()->id : 0;
    m_model->setRequests(*requests);
    const int row = m_model->rowOf(current);
    if (row >= 0)
        m_table->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    emit countChanged();
}

int RequestApprovalsPanel::pendingCount() const
{
    int pending = 0;
    for (const Request& r : m_model->requests())
        pending += r.status == RequestStatus::Pending ? 1 : 0;
    return pending;
}

qint64 RequestApprovalsPanel::requestFromIndex(const QModelIndex& index) const
{
    const Request* r = m_model->requestFromIndex(index);
    return r ? r->id : 0;
}

const Request* RequestApprovalsPanel::selected() const
{
    const int row = m_table->selectedRow();
    return row >= 0 ? m_model->requestFromIndex(m_model->index(row, 0)) : nullptr;
}

void RequestApprovalsPanel::updateButtons()
{
    const Request* r = selected();
    const bool pending = r && r->status == RequestStatus::Pending;
    m_approve->setEnabled(pending);
    m_reject->setEnabled(pending);
    m_revoke->setEnabled(r && r->status == RequestStatus::Approved);
}

bool RequestApprovalsPanel::decide(const QString& done, const Status& status, qint64 id)
{
    if (!status.ok()) {
        fail(status.error());
        reload();
        return false;
    }
    setFeedback(done.arg(id));
    reload();
    emit changed();
    return true;
}

void RequestApprovalsPanel::approve()
{
    const Request* r = selected();
    if (!r)
        return;
    const qint64 id = r->id;
    const auto reason = m_context.dialogs.askText(this, tr("Approve request %1").arg(id),
        tr("Reason for the approval (required; for example what you checked):"), true);
    if (!reason)
        return;
    decide(tr("Request %1 approved."), m_context.core.requests().approve(m_context.session, id, *reason), id);
}

void RequestApprovalsPanel::reject()
{
    const Request* r = selected();
    if (!r)
        return;
    const qint64 id = r->id;
    const auto reason = m_context.dialogs.askText(
        this, tr("Reject request %1").arg(id), tr("Reason for the rejection (the requester will see it):"), true);
    if (!reason)
        return;
    decide(tr("Request %1 rejected."), m_context.core.requests().reject(m_context.session, id, *reason), id);
}

void RequestApprovalsPanel::revoke()
{
    const Request* r = selected();
    if (!r)
        return;
    const qint64 id = r->id;
    const auto reason = m_context.dialogs.askText(
        this, tr("Revoke request %1").arg(id), tr("Reason for revoking the grant (the requester will see it):"), true);
    if (!reason)
        return;
    decide(tr("Request %1 revoked."), m_context.core.requests().revoke(m_context.session, id, *reason), id);
}

} // namespace bv::ui
