#include "ui/auth/ChangePasswordDialog.h"

#include "core/auth/PasswordRule.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

ChangePasswordDialog::ChangePasswordDialog(
    bool forced, Change change, QWidget* parent, bool needsCode, const QString& rule)
    : QDialog(parent)
    , m_changeFn(std::move(change))
{
    setWindowTitle(tr("Change password"));
    setObjectName(QStringLiteral("changePasswordDialog"));
    auto* layout = new QVBoxLayout(this);
    const QString ruleText = rule.isEmpty() ? PasswordRule::defaults().description() : rule;
    auto* why = new QLabel(forced ? tr("Choose a new password before you continue: the current one is new, was "
                                       "reset by the administrator, or has expired.")
                + QLatin1Char(' ') + ruleText
                                  : ruleText,
        this);
    why->setObjectName(QStringLiteral("ruleLabel"));
    why->setTextFormat(Qt::PlainText);
    why->setWordWrap(true);
    layout->addWidget(why);
    auto* form = new QFormLayout;
    auto makeEdit = [this](const char* name, const QString& accessible) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setEchoMode(QLineEdit::Password);
        edit->setAccessibleName(accessible);
        return edit;
    };
    m_current = makeEdit("currentPasswordLineEdit", tr("Current password"));
    m_new = makeEdit("newPasswordLineEdit", tr("New password"));
    m_repeat = makeEdit("repeatPasswordLineEdit", tr("New password again"));
    form->addRow(tr("C&urrent password:"), m_current);
    form->addRow(tr("&New password:"), m_new);
    form->addRow(tr("New password &again:"), m_repeat);
    if (needsCode) {
        m_code = makeEdit("confirmationCodeLineEdit", tr("Confirmation code from the branch manager"));
        form->addRow(tr("Confirmation c&ode:"), m_code);
        auto* hint = new QLabel(tr("A branch manager confirmed your account and gave you a confirmation code. Type it "
                                   "once here: it opens your access to customer information."),
            this);
        hint->setWordWrap(true);
        form->addRow(hint);
    }
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    if (!forced)
        buttons->addButton(QDialogButtonBox::Cancel);
    m_change = buttons->addButton(tr("&Change password"), QDialogButtonBox::AcceptRole);
    m_change->setObjectName(QStringLiteral("changeButton"));
    m_change->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePasswordDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void ChangePasswordDialog::attempt()
{
    if (m_new->text() != m_repeat->text()) {
        m_message->setText(tr("The two new passwords differ. Type the same new password twice."));
        m_repeat->clear();
        m_repeat->setFocus();
        return;
    }
    QByteArray current = m_current->text().toUtf8();
    QByteArray next = m_new->text().toUtf8();
    QByteArray code = m_code ? m_code->text().toUtf8() : QByteArray();
    const Status changed
        = m_changeFn(SecureBytes::takeFrom(current), SecureBytes::takeFrom(next), SecureBytes::takeFrom(code));
    if (!changed.ok()) {
        m_message->setText(changed.error().message);
        return;
    }
    m_current->clear();
    m_new->clear();
    m_repeat->clear();
    if (m_code)
        m_code->clear();
    accept();
}

} // namespace bv::ui
