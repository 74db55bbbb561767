#include "ui/admin/OneTimePasswordDialog.h"

#include "ui/common/ProtectedLabel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

OneTimePasswordDialog::OneTimePasswordDialog(
    const QString& login, const SecureBytes& password, QWidget* parent, Kind kind)
    : QDialog(parent)
    , m_text(QString::fromUtf8(password.view()))
{
    setObjectName(QStringLiteral("oneTimePasswordDialog"));
    const bool code = kind == Kind::ConfirmationCode;
    setWindowTitle(code ? tr("Confirmation code") : tr("One-time password"));
    auto* layout = new QVBoxLayout(this);
    auto* heading = new QLabel(
        code ? tr("Confirmation code for %1:").arg(login) : tr("One-time password for %1:").arg(login), this);
    heading->setObjectName(QStringLiteral("headingLabel"));
    heading->setTextFormat(Qt::PlainText);
    layout->addWidget(heading);
    m_password = new ProtectedLabel(m_text, this);
    m_password->setObjectName(QStringLiteral("oneTimePasswordLabel"));
    m_password->setAccessibleName(code ? tr("Confirmation code") : tr("One-time password"));
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(font.pointSizeF() * 1.6);
    m_password->setFont(font);
    m_password->setAlignment(Qt::AlignCenter);
    layout->addWidget(m_password);
    auto* how
        = new QLabel(code ? tr("Hand it over in private, apart from the administrator's one-time password — in "
                               "person or in a sealed envelope, never by e-mail, chat or phone. The person types "
                               "it once, with the first new password; it opens their access to customer "
                               "information. It is shown only now; if it is lost, the administrator resets the "
                               "account and a branch manager confirms it again.")
                          : tr("Hand it over in private — in person or in a sealed envelope, never by e-mail, chat "
                               "or phone. It is shown only now and cannot be shown again; the user must choose a "
                               "new password at the first sign-in. If it is lost, reset the password again."),
            this);
    how->setWordWrap(true);
    layout->addWidget(how);
    auto* buttons = new QDialogButtonBox(this);
    QPushButton* done = buttons->addButton(tr("&Handed over"), QDialogButtonBox::AcceptRole);
    done->setObjectName(QStringLiteral("handedOverButton"));
    done->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
}

OneTimePasswordDialog::~OneTimePasswordDialog()
{
    forget();
}

void OneTimePasswordDialog::done(int result)
{
    forget();
    QDialog::done(result);
}

void OneTimePasswordDialog::forget()
{
    if (m_password)
        m_password->clear();
    wipe(m_text);
    m_text.clear();
}

} // namespace bv::ui
