#include "ui/auth/SignInDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace bv::ui {

SignInDialog::SignInDialog(const QString& branchName, SignIn signIn, QWidget* parent)
    : SignInDialog(branchName,
        Attempt([this, signIn = std::move(signIn)](
                    const QString& login, const SecureBytes& password, const QString& totp) -> Status {
            auto result = signIn(login, password, totp);
            if (!result.ok())
                return result.error();
            m_session = *result;
            return {};
        }),
        parent)
{
}

SignInDialog::SignInDialog(const QString& branchName, Attempt attempt, QWidget* parent)
    : QDialog(parent)
    , m_attemptFn(std::move(attempt))
{
    setWindowTitle(tr("Sign in to BranchVault"));
    setObjectName(QStringLiteral("signInDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(branchName.isEmpty() ? tr("BranchVault") : tr("BranchVault — %1").arg(branchName), this);
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    heading->setFont(font);
    layout->addWidget(heading);

    auto* form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginLineEdit"));
    m_login->setAccessibleName(tr("Login"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    m_totp = new QLineEdit(this);
    m_totp->setObjectName(QStringLiteral("totpLineEdit"));
    m_totp->setAccessibleName(tr("Code from the authenticator app"));
    m_totp->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,7}")), m_totp));
    m_totp->setInputMethodHints(Qt::ImhDigitsOnly);
    form->addRow(tr("&Login:"), m_login);
    form->addRow(tr("&Password:"), m_password);
    m_totpLabel = new QLabel(tr("&Code:"), this);
    m_totpLabel->setBuddy(m_totp);
    form->addRow(m_totpLabel, m_totp);
    m_totpLabel->hide();
    m_totp->hide();
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_message->setAccessibleName(tr("Sign-in message"));
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_totp);
    setTabOrder(m_totp, m_signIn);
    m_login->setFocus();
}

void SignInDialog::attempt()
{
    QByteArray bytes = m_password->text().toUtf8();
    const SecureBytes password = SecureBytes::takeFrom(bytes);
    auto result = m_attemptFn(m_login->text().trimmed(), password, m_totp->text().remove(QLatin1Char(' ')));
    if (result.ok()) {
        m_password->clear();
        m_totp->clear();
        m_message->clear();
        accept();
        return;
    }
    m_message->setText(result.error().message);
    if (result.error().code == ErrorCode::SecondFactorRequired) {
        m_totpLabel->show();
        m_totp->show();
        m_totp->setFocus();
        return;
    }
    m_totp->clear();
    m_password->clear();
    m_password->setFocus();
}

} // namespace bv::ui
