#pragma once

#include "core/common/SecureBytes.h"

#include <QDialog>

namespace bv::ui {

class ProtectedLabel;

// Shows a one-time password once, right after it was made (new account, reset): in a label that cannot
// be selected or copied, with the instruction to hand it over in private. Nothing keeps it afterwards:
// the label is emptied and the text wiped when the dialog closes.
class OneTimePasswordDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind
    {
        OneTimePassword, // the administrator's: new account, reset
        ConfirmationCode, // the branch manager's, when confirming such an account (dual control)
    };
    OneTimePasswordDialog(const QString& login, const SecureBytes& password, QWidget* parent = nullptr,
        Kind kind = Kind::OneTimePassword);
    ~OneTimePasswordDialog() override;

    void done(int result) override;

private:
    void forget();

    ProtectedLabel* m_password = nullptr;
    QString m_text;
};

} // namespace bv::ui
