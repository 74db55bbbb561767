#pragma once

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace bv {
class SecretStore;
}

namespace bv::ui {

class Dialogs;

// Connects this workstation to its branch server (docs/SERVER.md, "Connecting a workstation"; the GUI's
// `branchvault-cli server add-workstation`): the server's address, the branch CA's certificate, this workstation's
// certificate and key from the branch's IT person, and the key's passphrase. ServerWorkstation::add makes one TLS
// connection to prove them before anything is kept: the files are copied beside the configuration and the
// passphrase goes into this OS account's keychain, never into a file. A refusal is shown in the dialog, which stays
// open.
class ServerConnectDialog : public QDialog
{
    Q_OBJECT
public:
    ServerConnectDialog(SecretStore& store, Dialogs& dialogs, QWidget* parent = nullptr);

    QLineEdit* addressEdit() const { return m_address; }
    QLineEdit* caEdit() const { return m_ca; }
    QLineEdit* certificateEdit() const { return m_certificate; }
    QLineEdit* keyEdit() const { return m_key; }
    QLineEdit* passphraseEdit() const { return m_passphrase; }
    QPushButton* connectButton() const { return m_connect; }
    QLabel* messageLabel() const { return m_message; }

public slots:
    // Connects; accepts the dialog on success.
    bool attempt();

private:
    QLineEdit* fileRow(QFormLayout* form, const QString& label, const QString& name, const QString& filter);
    SecretStore& m_store;
    Dialogs& m_dialogs;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_ca = nullptr;
    QLineEdit* m_certificate = nullptr;
    QLineEdit* m_key = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_connect = nullptr;
};

} // namespace bv::ui
