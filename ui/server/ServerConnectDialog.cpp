#include "ui/server/ServerConnectDialog.h"

#include "core/server/ServerAddress.h"
#include "core/server/ServerWorkstation.h"
#include "ui/common/Dialogs.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

ServerConnectDialog::ServerConnectDialog(SecretStore& store, Dialogs& dialogs, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_dialogs(dialogs)
{
    setWindowTitle(tr("Connect to the branch server"));
    setObjectName(QStringLiteral("serverConnectDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The branch's IT person gives you the server's address, the branch CA's certificate, "
                                "this workstation's certificate and key, and the key's passphrase. The passphrase is "
                                "kept in this computer account's keychain; staff passwords are typed at each "
                                "sign-in and never kept."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("addressLineEdit"));
    m_address->setPlaceholderText(QStringLiteral("postgresql://branch-db.example/branchvault"));
    m_address->setAccessibleName(tr("Server address"));
    form->addRow(tr("Server &address:"), m_address);
    const QString pem = tr("Certificates (*.crt *.pem);;All files (*)");
    m_ca = fileRow(form, tr("Branch &CA certificate:"), QStringLiteral("ca"), pem);
    m_certificate = fileRow(form, tr("This workstation's ce&rtificate:"), QStringLiteral("certificate"), pem);
    m_key
        = fileRow(form, tr("This workstation's &key:"), QStringLiteral("key"), tr("Keys (*.key *.pem);;All files (*)"));
    m_passphrase = new QLineEdit(this);
    m_passphrase->setObjectName(QStringLiteral("passphraseLineEdit"));
    m_passphrase->setEchoMode(QLineEdit::Password);
    m_passphrase->setAccessibleName(tr("Passphrase of the workstation's key"));
    form->addRow(tr("Key &passphrase:"), m_passphrase);
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020;"));
    layout->addWidget(m_message);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_connect = buttons->addButton(tr("C&onnect"), QDialogButtonBox::AcceptRole);
    m_connect->setObjectName(QStringLiteral("connectButton"));
    m_connect->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerConnectDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_address->setFocus();
}

QLineEdit* ServerConnectDialog::fileRow(
    QFormLayout* form, const QString& label, const QString& name, const QString& filter)
{
    auto* row = new QHBoxLayout;
    auto* edit = new QLineEdit(this);
    edit->setObjectName(name + QStringLiteral("LineEdit"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(name + QStringLiteral("BrowseButton"));
    row->addWidget(edit, 1);
    row->addWidget(browse);
    auto* text = new QLabel(label, this);
    text->setBuddy(edit);
    form->addRow(text, row);
    connect(browse, &QPushButton::clicked, this, [this, edit, label, filter] {
        const QString chosen = m_dialogs.openFileName(this, label, filter);
        if (!chosen.isEmpty())
            edit->setText(chosen);
    });
    return edit;
}

bool ServerConnectDialog::attempt()
{
    m_message->clear();
    const auto refuse = [this](const QString& text, QLineEdit* field) {
        m_message->setText(text);
        field->setFocus();
        return false;
    };
    auto address = ServerAddress::parse(m_address->text().trimmed());
    if (!address.ok())
        return refuse(address.error().message, m_address);
    const std::pair<QLineEdit*, QString> files[] = {{m_ca, tr("The branch CA's certificate")},
        {m_certificate, tr("This workstation's certificate")}, {m_key, tr("This workstation's key")}};
    for (const auto& [edit, what] : files)
        if (edit->text().trimmed().isEmpty())
            return refuse(tr("%1 is missing: choose the file the branch's IT person gave you.").arg(what), edit);
    if (m_passphrase->text().isEmpty())
        return refuse(tr("The key's passphrase is missing: type the passphrase that came with the key."), m_passphrase);
    QByteArray typed = m_passphrase->text().toUtf8();
    const SecureBytes passphrase = SecureBytes::takeFrom(typed);
    const ServerWorkstation::Files paths {
        m_ca->text().trimmed(), m_certificate->text().trimmed(), m_key->text().trimmed()};
    auto added = ServerWorkstation::add(m_store, *address, paths, passphrase);
    if (!added.ok()) {
        m_passphrase->clear();
        return refuse(added.error().message, m_passphrase);
    }
    m_passphrase->clear();
    accept();
    return true;
}

} // namespace bv::ui
