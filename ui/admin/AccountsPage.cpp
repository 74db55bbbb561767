#include "ui/admin/AccountsPage.h"

#include "ui/admin/AccountsModel.h"
#include "ui/admin/ChangeRoleDialog.h"
#include "ui/admin/NewAccountDialog.h"
#include "ui/admin/OneTimePasswordDialog.h"

#include "core/Core.h"
#include "core/auth/AccountService.h"
#include "ui/auth/OnTheSpot.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/ViewCopyGuard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace bv::ui {

AccountsPage::AccountsPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("accountsPage"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Staff accounts of this branch. An account is frozen, never deleted, when someone "
                                "leaves, so its history stays attributable."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    m_model = new AccountsModel(this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("accountsTableView"));
    m_view->setAccessibleName(tr("Staff accounts"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    ViewCopyGuard::install(m_view, m_context.clipboard,
        {AccountsModel::Login, AccountsModel::DisplayName, AccountsModel::RoleColumn, AccountsModel::StaffNo,
            AccountsModel::Status});
    layout->addWidget(m_view, 1);

    auto* buttons = new QHBoxLayout;
    auto makeButton = [&](const QString& text, const char* name) {
        auto* button = new QPushButton(text, this);
        button->setObjectName(QString::fromLatin1(name));
        buttons->addWidget(button);
        return button;
    };
    m_create = makeButton(tr("&New account…"), "createAccountButton");
    m_freeze = makeButton(tr("Free&ze"), "freezeButton");
    m_unfreeze = makeButton(tr("&Unfreeze"), "unfreezeButton");
    m_reset = makeButton(tr("&Reset password…"), "resetPasswordButton");
    m_changeRole = makeButton(tr("Change ro&le…"), "changeRoleButton");
    m_removeSecondFactor = makeButton(tr("Remove second fa&ctor"), "removeSecondFactorButton");
    m_confirmWithRecovery = makeButton(tr("Confirm &with recovery passphrase…"), "confirmWithRecoveryButton");
    m_authoriseHere = makeButton(tr("Authoris&e here…"), "authoriseHereButton");
    m_authoriseHere->setToolTip(tr("A branch manager confirms or declines the waiting change on this screen "
                                   "(on-the-spot authorisation), without you signing out."));
    m_confirmWithRecovery->setToolTip(tr("For the first branch manager, or the last one: no other branch manager "
                                         "can confirm the account, so the recovery passphrase does."));
    buttons->addStretch();
    m_refresh = makeButton(tr("Re&fresh"), "refreshAccountsButton");
    layout->addLayout(buttons);

    connect(m_create, &QPushButton::clicked, this, &AccountsPage::createAccount);
    connect(m_freeze, &QPushButton::clicked, this, &AccountsPage::freeze);
    connect(m_unfreeze, &QPushButton::clicked, this, &AccountsPage::unfreeze);
    connect(m_reset, &QPushButton::clicked, this, &AccountsPage::resetPassword);
    connect(m_changeRole, &QPushButton::clicked, this, &AccountsPage::changeRole);
    connect(m_removeSecondFactor, &QPushButton::clicked, this, &AccountsPage::removeSecondFactor);
    connect(m_confirmWithRecovery, &QPushButton::clicked, this, &AccountsPage::confirmWithRecovery);
    connect(m_authoriseHere, &QPushButton::clicked, this, &AccountsPage::authoriseHere);
    connect(m_refresh, &QPushButton::clicked, this, &AccountsPage::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccountsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AccountsPage::updateButtons);
    updateButtons();
}

void AccountsPage::refresh()
{
    const QString keep = selectedLogin();
    auto accounts = m_context.core.accounts().list(m_context.session);
    if (!accounts.ok()) {
        emit failed(accounts.error());
        return;
    }
    m_model->setAccounts(*accounts, m_context.core.clock().nowUtc());
    m_view->resizeColumnsToContents();
    if (!keep.isEmpty())
        select(keep);
}

QString AccountsPage::selectedLogin() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_model->accountFromIndex(rows.constFirst()).login;
}

void AccountsPage::select(const QString& login)
{
    const QModelIndex index = m_model->indexOfLogin(login);
    if (index.isValid()) {
        m_view->selectRow(index.row());
        m_view->scrollTo(index);
    }
}

void AccountsPage::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const bool any = !rows.isEmpty();
    const Account account = any ? m_model->accountFromIndex(rows.constFirst()) : Account();
    const bool self = any && account.id == m_context.session.info().userId;
    m_freeze->setEnabled(any && !account.frozen && !self);
    m_unfreeze->setEnabled(any && account.frozen);
    m_reset->setEnabled(any && !account.frozen);
    m_changeRole->setEnabled(any && !Roles::isPrivileged(account.role));
    m_removeSecondFactor->setEnabled(any && account.secondFactor);
    m_confirmWithRecovery->setEnabled(
        any && !account.awaiting.isEmpty() && account.awaitingRole.value_or(account.role) == Role::Manager);
    m_authoriseHere->setEnabled(any && !account.awaiting.isEmpty() && !self);
}

void AccountsPage::authoriseHere()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const Account account = m_model->accountFromIndex(rows.constFirst());
    if (account.awaiting.isEmpty())
        return;
    const std::optional<bool> decided = OnTheSpot::decideAccount(m_context, this, account);
    if (!decided)
        return;
    refresh();
    m_context.dialogs.showInfo(this, tr("Authorised here"),
        *decided ? tr("The change of %1 was confirmed by a branch manager on this screen.").arg(account.login)
                 : tr("The change of %1 was declined by a branch manager on this screen.").arg(account.login));
}

void AccountsPage::showOneTimePassword(const QString& login, const SecureBytes& password)
{
    OneTimePasswordDialog dialog(login, password, this);
    m_context.dialogs.exec(&dialog);
    tellIfAwaiting(login);
}

void AccountsPage::tellIfAwaiting(const QString& login)
{
    auto account = m_context.core.accounts().accountByLogin(login);
    if (account.ok() && !account->awaiting.isEmpty())
        m_context.dialogs.showInfo(this, tr("Waiting for confirmation"),
            tr("%1 can see customer data, so the change takes effect when a branch manager other than the account "
               "holder confirms it (dual control). Until then the account cannot sign in. The branch manager "
               "confirms it on the \"Staff accounts\" page and hands over a confirmation code.")
                .arg(login));
}

void AccountsPage::createAccount()
{
    Core& core = m_context.core;
    const Session session = m_context.session;
    NewAccountDialog dialog(
        [&core, session](const NewAccount& account) { return core.accounts().create(session, account); }, this);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted)
        return;
    const QString login = dialog.login();
    SecureBytes oneTime = dialog.takeOneTimePassword();
    refresh();
    select(login);
    if (!oneTime.isEmpty())
        showOneTimePassword(login, oneTime);
}

void AccountsPage::freeze()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    if (!m_context.dialogs.confirm(this, tr("Freeze account"),
            tr("Freeze the account %1? The person can no longer sign in and open sessions end. "
               "The account and its history stay; it can be unfrozen later.")
                .arg(login)))
        return;
    Status frozen = m_context.core.accounts().freeze(m_context.session, login);
    if (!frozen.ok()) {
        emit failed(frozen.error());
        return;
    }
    refresh();
}

void AccountsPage::unfreeze()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    Status unfrozen = m_context.core.accounts().unfreeze(m_context.session, login);
    if (!unfrozen.ok()) {
        emit failed(unfrozen.error());
        return;
    }
    refresh();
    tellIfAwaiting(login);
}

void AccountsPage::resetPassword()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    if (!m_context.dialogs.confirm(this, tr("Reset password"),
            tr("Give %1 a new one-time password? The current password stops working and a "
               "lockout is lifted; the user chooses a new password at the next sign-in.")
                .arg(login)))
        return;
    auto oneTime = m_context.core.accounts().resetPassword(m_context.session, login);
    if (!oneTime.ok()) {
        emit failed(oneTime.error());
        return;
    }
    refresh();
    showOneTimePassword(login, *oneTime);
}

void AccountsPage::changeRole()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    const Account account = m_model->accountFromIndex(rows.constFirst());
    ChangeRoleDialog dialog(account.login, account.role, this);
    if (m_context.dialogs.exec(&dialog) != QDialog::Accepted || dialog.role() == account.role)
        return;
    Status changed = m_context.core.accounts().changeRole(m_context.session, account.login, dialog.role());
    if (!changed.ok()) {
        emit failed(changed.error());
        return;
    }
    refresh();
    tellIfAwaiting(account.login);
}

void AccountsPage::confirmWithRecovery()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    const auto passphrase = m_context.dialogs.askPassword(this, tr("Confirm with the recovery passphrase"),
        tr("The recovery passphrase of this database (from the sealed recovery sheet), to confirm branch manager "
           "%1:")
            .arg(login));
    if (!passphrase)
        return;
    auto confirmed = m_context.core.accounts().confirmWithRecovery(m_context.session, login, *passphrase);
    if (!confirmed.ok()) {
        emit failed(confirmed.error());
        return;
    }
    refresh();
    if (!confirmed->confirmationCode.isEmpty()) {
        OneTimePasswordDialog dialog(
            login, confirmed->confirmationCode, this, OneTimePasswordDialog::Kind::ConfirmationCode);
        m_context.dialogs.exec(&dialog);
    }
}

void AccountsPage::removeSecondFactor()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    if (!m_context.dialogs.confirm(this, tr("Remove second factor"),
            tr("Remove the second factor of %1? Do this only when the person lost the "
               "authenticator and you have checked who is asking. The user enrols a new one "
               "after signing in.")
                .arg(login)))
        return;
    Status removed = m_context.core.accounts().removeSecondFactor(m_context.session, login);
    if (!removed.ok()) {
        emit failed(removed.error());
        return;
    }
    refresh();
}

} // namespace bv::ui
