#pragma once

#include "core/common/Error.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// Asks for the recovery passphrase when this OS account's keychain does not hold the key.
class UnlockDialog : public QDialog
{
    Q_OBJECT
public:
    UnlockDialog(const QString& databasePath, const Error& why, QWidget* parent = nullptr);

    QByteArray passphrase() const;
    void clearPassphrase();
    QLineEdit* passphraseEdit() const { return m_edit; }
    QPushButton* unlockButton() const { return m_unlock; }

private:
    QLineEdit* m_edit = nullptr;
    QPushButton* m_unlock = nullptr;
};

} // namespace bv::ui
