#include "ui/manager/AccountConfirmationsPage.h"
#include "ui/common/Formats.h"

#include "core/Core.h"
#include "core/auth/AccountService.h"
#include "ui/admin/OneTimePasswordDialog.h"
#include "ui/common/Dialogs.h"
#include "ui/manager/GuardedTableView.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace bv::ui {

QString AccountConfirmationsPage::changeLabel(const QString& change)
{
    if (change == QLatin1String("create"))
        return tr("new account");
    if (change == QLatin1String("reset"))
        return tr("password reset");
    if (change == QLatin1String("unfreeze"))
        return tr("unfreeze");
    if (change == QLatin1String("role"))
        return tr("role change");
    if (change == QLatin1String("custody"))
        return tr("key slot after the upgrade");
    return change;
}

AccountConfirmationsPage::AccountConfirmationsPage(const WorkspaceContext& context, QWidget* parent)
    : ManagerPage(context, parent)
{
    setObjectName(QStringLiteral("accountConfirmationsPage"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    m_summary->setWordWrap(true);
    m_model = new QStandardItemModel(0, 5, this);
    m_model->setHorizontalHeaderLabels(
        {tr("Login"), tr("Name"), tr("Waiting change"), tr("Role after it"), tr("Since")});
    m_table = createTable(QStringLiteral("accountConfirmationsTableView"), tr("Account changes to confirm"));
    m_table->setModel(m_model);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_confirm = new QPushButton(tr("Con&firm"), this);
    m_confirm->setObjectName(QStringLiteral("confirmAccountButton"));
    m_decline = new QPushButton(tr("&Decline…"), this);
    m_decline->setObjectName(QStringLiteral("declineAccountButton"));
    m_adopt = new QPushButton(tr("Adopt a new recovery &sheet…"), this);
    m_adopt->setObjectName(QStringLiteral("adoptRecoverySheetButton"));
    m_adopt->setToolTip(tr("After the administrator repaired the key envelope: type the new sheet's passphrase so "
                           "that it, and no longer the earlier sheet, recovers the customer keys."));
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_adopt);
    buttons->addStretch(1);
    buttons->addWidget(m_decline);
    buttons->addWidget(m_confirm);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(createFeedbackLabel());
    layout->addLayout(buttons);
    setTabOrder(m_table, m_decline);
    setTabOrder(m_decline, m_confirm);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &AccountConfirmationsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AccountConfirmationsPage::updateButtons);
    connect(m_confirm, &QPushButton::clicked, this, &AccountConfirmationsPage::confirmSelected);
    connect(m_decline, &QPushButton::clicked, this, &AccountConfirmationsPage::declineSelected);
    connect(m_adopt, &QPushButton::clicked, this, &AccountConfirmationsPage::adoptRecoverySheet);
    updateButtons();
}

void AccountConfirmationsPage::reload()
{
    auto accounts = m_context.core.accounts().awaitingConfirmation(m_context.session);
    if (!accounts.ok()) {
        fail(accounts.error());
        return;
    }
    m_model->removeRows(0, m_model->rowCount());
    for (const Account& a : *accounts) {
        QList<QStandardItem*> row {new QStandardItem(a.login), new QStandardItem(a.displayName),
            new QStandardItem(changeLabel(a.awaiting)),
            new QStandardItem(Roles::label(a.awaitingRole.value_or(a.role))),
            new QStandardItem(Formats::dateTime(a.awaitingSince))};
        for (QStandardItem* item : row)
            item->setEditable(false);
        m_model->appendRow(row);
    }
    m_summary->setText(accounts->isEmpty()
            ? tr("No account change waits for your confirmation.")
            : tr("%n account changes wait for a branch manager's confirmation. Check each with the administrator's "
                 "request form before you confirm it; you cannot confirm a change to your own account.",
                nullptr, int(accounts->size())));
    if (!accounts->isEmpty())
        m_table->selectRow(0);
    updateButtons();
}

QString AccountConfirmationsPage::selectedLogin() const
{
    const int row = m_table->selectedRow();
    return row >= 0 && row < m_model->rowCount() ? m_model->item(row, 0)->text() : QString();
}

void AccountConfirmationsPage::confirmSelected()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    auto confirmed = m_context.core.accounts().confirm(m_context.session, login);
    if (!confirmed.ok()) {
        fail(confirmed.error());
        return;
    }
    if (!confirmed->confirmationCode.isEmpty()) {
        OneTimePasswordDialog dialog(
            login, confirmed->confirmationCode, this, OneTimePasswordDialog::Kind::ConfirmationCode);
        m_context.dialogs.exec(&dialog);
    }
    setFeedback(tr("The change to %1 is confirmed.").arg(login));
    reload();
    emit changed();
}

void AccountConfirmationsPage::declineSelected()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    const auto reason = m_context.dialogs.askText(this, tr("Decline the change"),
        tr("Why is the change to %1 declined? (A new or reset account is frozen.)").arg(login), true);
    if (!reason)
        return;
    if (Status declined = m_context.core.accounts().decline(m_context.session, login, *reason); !declined.ok()) {
        fail(declined.error());
        return;
    }
    setFeedback(tr("The change to %1 is declined.").arg(login));
    reload();
    emit changed();
}

void AccountConfirmationsPage::adoptRecoverySheet()
{
    const auto passphrase = m_context.dialogs.askPassword(this, tr("Adopt a new recovery sheet"),
        tr("The recovery passphrase printed on the new sheet (after the key envelope was repaired):"));
    if (!passphrase)
        return;
    if (Status adopted = m_context.core.accounts().adoptRecoverySheet(m_context.session, *passphrase); !adopted.ok()) {
        fail(adopted.error());
        return;
    }
    setFeedback(tr("The new recovery sheet now recovers the customer keys; destroy the earlier sheet under "
                   "supervision."));
}

void AccountConfirmationsPage::updateButtons()
{
    const bool any = !selectedLogin().isEmpty();
    m_confirm->setEnabled(any);
    m_decline->setEnabled(any);
}

} // namespace bv::ui
