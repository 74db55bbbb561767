#include "ui/server/ServerAccountsPage.h"

#include "core/auth/Role.h"
#include "core/server/ServerSession.h"
#include "ui/admin/OneTimePasswordDialog.h"
#include "ui/common/Dialogs.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

ServerAccountsPage::ServerAccountsPage(const ServerContext& context, QWidget* parent)
    : ServerPage(context, parent)
{
    setObjectName(QStringLiteral("serverAccountsPage"));
    const bool admin = context.session.identity().role == Role::Admin;
    auto* layout = new QVBoxLayout(this);
    if (admin) {
        auto* box = new QGroupBox(tr("New account"), this);
        auto* form = new QFormLayout(box);
        m_newLogin = new QLineEdit(box);
        m_newLogin->setObjectName(QStringLiteral("newLoginLineEdit"));
        form->addRow(tr("&Login:"), m_newLogin);
        m_role = new QComboBox(box);
        m_role->setObjectName(QStringLiteral("roleComboBox"));
        for (Role role : {Role::CustomerManager, Role::Clerk, Role::Manager, Role::Auditor, Role::Admin})
            m_role->addItem(Roles::label(role), Roles::key(role));
        form->addRow(tr("&Role:"), m_role);
        m_staffNo = new QLineEdit(box);
        m_staffNo->setObjectName(QStringLiteral("staffNoLineEdit"));
        form->addRow(tr("Staff &no.:"), m_staffNo);
        m_create = new QPushButton(tr("&Create account"), box);
        m_create->setObjectName(QStringLiteral("createButton"));
        form->addRow(QString(), m_create);
        layout->addWidget(box);
        connect(m_create, &QPushButton::clicked, this, &ServerAccountsPage::createAccount);
    }
    auto* box = new QGroupBox(tr("Confirm an account"), this);
    auto* form = new QFormLayout(box);
    auto* note
        = new QLabel(admin ? tr("Only the first (or the last) branch manager is confirmed here, with the branch's "
                                "recovery passphrase; a branch manager confirms every other account.")
                           : tr("A new or reset account of someone who sees customers waits for your "
                                "confirmation. The confirmation code you get is given to the person in "
                                "private, apart from the one-time password."),
            box);
    note->setWordWrap(true);
    form->addRow(note);
    m_confirmLogin = new QLineEdit(box);
    m_confirmLogin->setObjectName(QStringLiteral("confirmLoginLineEdit"));
    form->addRow(tr("L&ogin to confirm:"), m_confirmLogin);
    m_confirm = new QPushButton(tr("Con&firm"), box);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    form->addRow(QString(), m_confirm);
    layout->addWidget(box);
    m_message = S::messageLabel(this, QStringLiteral("messageLabel"));
    layout->addWidget(m_message);
    layout->addStretch(1);
    connect(m_confirm, &QPushButton::clicked, this, &ServerAccountsPage::confirmAccount);
}

bool ServerAccountsPage::createAccount()
{
    S::setMessage(m_message, QString());
    const QString login = m_newLogin->text().trimmed();
    const auto role = Roles::fromKey(m_role->currentData().toString());
    if (!role)
        return false;
    auto oneTime = m_context.session.createAccount(login, *role, m_staffNo->text().trimmed());
    if (!oneTime.ok()) {
        S::setMessage(m_message, oneTime.error().message);
        return false;
    }
    OneTimePasswordDialog shown(login, *oneTime, this);
    m_context.dialogs.exec(&shown);
    S::setMessage(m_message,
        Roles::holdsKeys(*role) ? tr("Account %1 was created. It waits for a branch manager's confirmation before its "
                                     "first sign-in.")
                                      .arg(login)
                                : tr("Account %1 was created.").arg(login));
    m_newLogin->clear();
    m_staffNo->clear();
    return true;
}

bool ServerAccountsPage::confirmAccount()
{
    S::setMessage(m_message, QString());
    const QString login = m_confirmLogin->text().trimmed();
    SecureBytes recovery;
    if (m_context.session.identity().role == Role::Admin) {
        auto typed = m_context.dialogs.askPassword(
            this, tr("Recovery passphrase"), tr("The branch's recovery passphrase, from the sealed recovery sheet:"));
        if (!typed)
            return false;
        recovery = std::move(*typed);
    }
    auto confirmed = m_context.session.confirm(login, recovery);
    if (!confirmed.ok()) {
        S::setMessage(m_message, confirmed.error().message);
        return false;
    }
    if (!confirmed->confirmationCode.isEmpty()) {
        OneTimePasswordDialog shown(
            login, confirmed->confirmationCode, this, OneTimePasswordDialog::Kind::ConfirmationCode);
        m_context.dialogs.exec(&shown);
    }
    S::setMessage(m_message, tr("The change to %1 is confirmed.").arg(login));
    m_confirmLogin->clear();
    return true;
}

} // namespace bv::ui
