#pragma once

#include "core/common/Result.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace bv::ui {

// Enrolling an authenticator app (TOTP): shows the key and the otpauth link, and confirms with the
// first code the app shows.
class SecondFactorDialog : public QDialog
{
    Q_OBJECT
public:
    using Confirm = std::function<Status(const QString& code)>;

    SecondFactorDialog(
        const QString& secretBase32, const QString& uri, bool mandatory, Confirm confirm, QWidget* parent = nullptr);

    QLineEdit* codeEdit() const { return m_code; }
    QPushButton* confirmButton() const { return m_confirm; }
    void attempt();

private:
    Confirm m_confirmFn;
    QLineEdit* m_code = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_confirm = nullptr;
};

} // namespace bv::ui
