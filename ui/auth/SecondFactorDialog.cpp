#include "SecondFactorDialog.h"

#include "common/ProtectedLabel.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
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
    auto* intro = new QLabel(mandatory ? tr("Your role signs in with a second factor. Add this key to an authenticator "
                                            "app on your phone (any TOTP app works offline), then type the 6-digit "
                                            "code it shows.")
                                       : tr("Add this key to an authenticator app on your phone, then type the 6-digit "
                                            "code it shows."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
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
