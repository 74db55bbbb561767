#include "ui/startup/UnlockDialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

UnlockDialog::UnlockDialog(const QString& databasePath, const Error& why, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Unlock with the recovery passphrase"));
    auto* layout = new QVBoxLayout(this);
    auto* reason = new QLabel(why.message, this);
    reason->setObjectName(QStringLiteral("reasonLabel"));
    reason->setWordWrap(true);
    layout->addWidget(reason);
    auto* where = new QLabel(tr("Database: %1").arg(QDir::toNativeSeparators(databasePath)), this);
    where->setWordWrap(true);
    layout->addWidget(where);

    auto* form = new QFormLayout;
    m_edit = new QLineEdit(this);
    m_edit->setObjectName(QStringLiteral("passphraseLineEdit"));
    m_edit->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_edit->setPlaceholderText(QStringLiteral("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX"));
    m_edit->setAccessibleName(tr("Recovery passphrase"));
    form->addRow(tr("&Recovery passphrase:"), m_edit);
    layout->addLayout(form);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_unlock = buttons->addButton(tr("&Unlock"), QDialogButtonBox::AcceptRole);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setEnabled(false);
    m_unlock->setDefault(true);
    layout->addWidget(buttons);
    connect(m_edit, &QLineEdit::textChanged, this,
        [this](const QString& text) { m_unlock->setEnabled(!text.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QByteArray UnlockDialog::passphrase() const
{
    return m_edit->text().toUtf8();
}

void UnlockDialog::clearPassphrase()
{
    m_edit->clear();
}

} // namespace bv::ui
