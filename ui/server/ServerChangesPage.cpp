#include "ui/server/ServerChangesPage.h"

#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/CustomerWidgetSupport.h"
#include "ui/manager/RekeyApprovalDialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerChangesPage::ServerChangesPage(const ServerContext& context, bool decides, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverChangesPage"));
    auto* layout = new QVBoxLayout(this);
    auto* note = new QLabel(decides ? tr("New records and edits wait here for a branch manager who is not their maker. "
                                         "Check them against the customer's documents, then approve or reject them "
                                         "with a reason.")
                                    : tr("Your new records and edits wait here until a branch manager decides them."),
        this);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    m_table = S::tableWidget(splitter, QStringLiteral("changesTableWidget"),
        {tr("Change"), tr("Customer no."), tr("Kind"), tr("Maker"), tr("Entered")}, m_context.clipboard,
        tr("Changes waiting for a decision"));
    m_diff = S::tableWidget(splitter, QStringLiteral("diffTableWidget"), {tr("Field"), tr("Before"), tr("After")},
        m_context.clipboard, tr("The change's fields"));
    layout->addWidget(splitter, 1);
    auto* buttons = new QHBoxLayout;
    auto* refresh = new QPushButton(tr("&Refresh"), this);
    refresh->setObjectName(QStringLiteral("refreshButton"));
    buttons->addWidget(refresh);
    buttons->addStretch(1);
    m_reject = new QPushButton(tr("Re&ject…"), this);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_approve = new QPushButton(tr("&Approve…"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    buttons->addWidget(m_reject);
    buttons->addWidget(m_approve);
    m_reject->setVisible(decides);
    m_approve->setVisible(decides);
    layout->addLayout(buttons);
    connect(refresh, &QPushButton::clicked, this, &ServerChangesPage::reload);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this](int row) {
        showDiff(row);
        // the maker never decides (the server refuses it too)
        const bool other
            = row >= 0 && row < m_changes.size() && m_changes.at(row).makerLogin != m_context.session.identity().login;
        m_approve->setEnabled(other);
        m_reject->setEnabled(other);
    });
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(m_table->currentRow(), true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(m_table->currentRow(), false); });
    reload();
}

bool ServerChangesPage::reload()
{
    m_table->setRowCount(0);
    m_diff->setRowCount(0);
    m_changes.clear();
    auto changes = ServerCustomers(m_context.session).pending();
    if (!changes.ok()) {
        m_approve->setEnabled(false);
        m_reject->setEnabled(false);
        return fail(changes.error());
    }
    m_changes = *changes;
    for (const PendingChange& change : std::as_const(m_changes))
        S::appendRow(m_table,
            {QString::number(change.id), change.customerNumber, CustomerLabels::changeKind(change.kind),
                change.makerLogin, CustomerLabels::dateTime(change.createdAt)});
    m_table->resizeColumnsToContents();
    m_approve->setEnabled(false);
    m_reject->setEnabled(false);
    if (!m_changes.isEmpty())
        m_table->setCurrentCell(0, 0);
    return true;
}

void ServerChangesPage::showDiff(int row)
{
    m_diff->setRowCount(0);
    if (row >= 0 && row < m_changes.size())
        S::appendDiffRows(m_diff, {}, m_changes.at(row).diff);
    m_diff->resizeColumnsToContents();
}

bool ServerChangesPage::decide(int row, bool approve)
{
    if (row < 0 || row >= m_changes.size())
        return false;
    const PendingChange change = m_changes.at(row);
    const qint64 id = change.id;
    ServerCustomers customers(m_context.session);
    if (approve && !change.rekeyFields.isEmpty()) {
        // blind re-key: the values typed from the customer's document, compared by the server through their blind
        // indexes (a mismatch is refused and recorded there)
        RekeyApprovalDialog dialog(
            change,
            [&](const QString& reason, const RekeyedValues& values) {
                return customers.decide(id, true, reason, values);
            },
            this);
        const bool approved = m_context.dialogs.exec(&dialog) == QDialog::Accepted;
        reload(); // a mismatch is on record; the list may have moved on
        if (!approved)
            return false;
        m_context.dialogs.showInfo(this, tr("Approved"), tr("Change %1 was approved.").arg(id));
        emit decided(id, true);
        return true;
    }
    const auto reason
        = m_context.dialogs.askText(this, approve ? tr("Approve change %1").arg(id) : tr("Reject change %1").arg(id),
            approve ? tr("Why it can be approved (for example: checked against the ID card at the counter):")
                    : tr("Why it is rejected (the maker reads this):"));
    if (!reason)
        return false;
    auto done = customers.decide(id, approve, *reason);
    if (!done.ok()) {
        fail(done.error());
        reload(); // a change another manager decided first is no longer listed
        return false;
    }
    m_context.dialogs.showInfo(this, approve ? tr("Approved") : tr("Rejected"),
        approve ? tr("Change %1 was approved.").arg(id) : tr("Change %1 was rejected.").arg(id));
    emit decided(id, approve);
    reload();
    return true;
}

} // namespace bv::ui
