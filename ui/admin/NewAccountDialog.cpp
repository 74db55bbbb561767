#include "ui/admin/NewAccountDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

NewAccountDialog::NewAccountDialog(Create create, QWidget* parent)
    : QDialog(parent)
    , m_create(std::move(create))
{
    setObjectName(QStringLiteral("newAccountDialog"));
    setWindowTitle(tr("New account"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("One person has one active account with one role. An administrator and an auditor "
                                "can never be the same person. The account gets a one-time password that you hand "
                                "over in private."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    auto makeEdit = [this](const char* name, const QString& accessible) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setAccessibleName(accessible);
        return edit;
    };
    m_loginEdit = makeEdit("loginLineEdit", tr("Login"));
    m_displayName = makeEdit("displayNameLineEdit", tr("Display name"));
    m_role = new QComboBox(this);
    m_role->setObjectName(QStringLiteral("roleComboBox"));
    m_role->setAccessibleName(tr("Role"));
    for (Role role : {Role::Clerk, Role::CustomerManager, Role::Manager, Role::Auditor, Role::Admin})
        m_role->addItem(Roles::label(role), int(role));
    m_staffNo = makeEdit("staffNumberLineEdit", tr("Staff number"));
    m_staffNo->setPlaceholderText(tr("default: the login"));
    m_branch = makeEdit("branchLineEdit", tr("Branch code"));
    m_branch->setPlaceholderText(tr("default: this branch"));
    auto addRow = [&](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    addRow(tr("&Login:"), m_loginEdit);
    addRow(tr("&Display name:"), m_displayName);
    addRow(tr("&Role:"), m_role);
    addRow(tr("&Staff number:"), m_staffNo);
    addRow(tr("&Branch:"), m_branch);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_createButton = buttons->addButton(tr("&Create account"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->setDefault(true);
    layout->addWidget(buttons);

    connect(m_loginEdit, &QLineEdit::textChanged, this, &NewAccountDialog::updateButton);
    connect(m_displayName, &QLineEdit::textChanged, this, &NewAccountDialog::updateButton);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewAccountDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateButton();
}

QString NewAccountDialog::login() const
{
    return m_login;
}

void NewAccountDialog::updateButton()
{
    m_createButton->setEnabled(!m_loginEdit->text().trimmed().isEmpty() && !m_displayName->text().trimmed().isEmpty());
}

void NewAccountDialog::attempt()
{
    if (!m_createButton->isEnabled())
        return;
    NewAccount account;
    account.login = m_loginEdit->text().trimmed();
    account.displayName = m_displayName->text().trimmed();
    account.role = Role(m_role->currentData().toInt());
    account.staffNo = m_staffNo->text().trimmed();
    account.branch = m_branch->text().trimmed();
    auto created = m_create(account);
    if (!created.ok()) {
        m_message->setText(created.error().message);
        const QString field = created.error().field;
        if (field == QLatin1String("login"))
            m_loginEdit->setFocus();
        else if (field == QLatin1String("display_name"))
            m_displayName->setFocus();
        else if (field == QLatin1String("staff_no"))
            m_staffNo->setFocus();
        return;
    }
    m_oneTime = std::move(*created);
    m_login = account.login.toLower();
    m_message->clear();
    accept();
}

} // namespace bv::ui
