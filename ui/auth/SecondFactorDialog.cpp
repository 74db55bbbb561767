#include "ui/auth/SecondFactorDialog.h"

#include "render/PageCodes.h"
#include "ui/common/ProtectedLabel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

SecondFactorDialog::SecondFactorDialog(
    const QString& secretBase32, const QString& uri, bool mandatory, Confirm confirm, QWidget* parent)
    : QDialog(parent)
    , m_confirmFn(std::move(confirm))
{
    setWindowTitle(tr("Second factor"));
    auto* layout = new QVBoxLayout(this);
    auto* intro
        = new QLabel(mandatory ? tr("Your role signs in with a second factor. Scan this QR code with an "
                                    "authenticator app on your phone (any TOTP app works offline), or type "
                                    "the key below into it, then type the 6-digit code it shows.")
                               : tr("Scan this QR code with an authenticator app on your phone, or type the key "
                                    "below into it, then type the 6-digit code it shows."),
            this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    // The otpauth link as a QR code for the app's camera (the same libqrencode function as the printed pages);
    // the key below is for typing it in. The image lives only in this dialog: never saved, never logged.
    auto* qr = new QLabel(this);
    qr->setObjectName(QStringLiteral("qrCodeLabel"));
    qr->setAccessibleName(tr("QR code for the authenticator app"));
    qr->setPixmap(QPixmap::fromImage(qrCodeImage(uri, 5)));
    qr->setAlignment(Qt::AlignCenter);
    layout->addWidget(qr);
    auto* key = new ProtectedLabel(secretBase32, this);
    key->setObjectName(QStringLiteral("secretLabel"));
    key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    key->setAccessibleName(tr("Key for the authenticator app"));
    layout->addWidget(key);
    auto* link = new ProtectedLabel(uri, this);
    link->setWordWrap(true);
    layout->addWidget(link);
    auto* form = new QFormLayout;
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("codeLineEdit"));
    m_code->setAccessibleName(tr("Code from the authenticator app"));
    form->addRow(tr("&Code:"), m_code);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(this);
    if (!mandatory)
        buttons->addButton(QDialogButtonBox::Cancel);
    m_confirm = buttons->addButton(tr("C&onfirm"), QDialogButtonBox::AcceptRole);
    m_confirm->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &SecondFactorDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void SecondFactorDialog::attempt()
{
    const Status confirmed = m_confirmFn(m_code->text());
    if (!confirmed.ok()) {
        m_message->setText(confirmed.error().message);
        m_code->clear();
        return;
    }
    accept();
}

} // namespace bv::ui
