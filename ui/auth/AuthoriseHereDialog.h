#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/customers/CustomerRecord.h"
#include "core/policy/Operation.h"

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace bv {
class Core;
}

namespace bv::ui {

class RekeyFieldsWidget;

// On-the-spot authorisation (现场授权): a second person approves or rejects one decision on the operator's screen.
// The dialog shows what is decided (masked, with the maker's purpose, as the operator sees it), takes the second
// person's login, password, authenticator code (when they use one), reason and — for a customer change — the
// values re-keyed from the customer's document. Approve / Reject: AuthService::signInOnTheSpot for `decision`, the
// decision under that session, sign-out (always); the password field is wiped after every attempt. Errors stay in
// the dialog. The operator's session is never used for the decision and never touched.
class AuthoriseHereDialog : public QDialog
{
    Q_OBJECT
public:
    // The decision with the second person's session: approve (true) or reject, with the reason and re-keyed values.
    using Decide = std::function<Status(const Session&, bool, const QString&, const RekeyedValues&)>;
    // A confirmation in person: the second person's login, password and code, and the owner's new password.
    using ConfirmInPerson
        = std::function<Status(const QString&, const SecureBytes&, const QString&, const SecureBytes&)>;

    AuthoriseHereDialog(
        Core& core, const Session& operatorSession, Operation decision, Decide decide, QWidget* parent = nullptr);
    ~AuthoriseHereDialog() override;

    // What is decided: a heading and its lines (masked values, the maker's purpose or reason).
    void setSubject(const QString& heading, const QStringList& lines);
    void setRekeyFields(const QStringList& fields);
    // Approving is not offered here, for this reason (shown); rejecting still is.
    void refuseApproval(const QString& message);
    void setButtonTexts(const QString& approve, const QString& reject);
    void setReasonRequiredToApprove(bool required) { m_reasonToApprove = required; }
    // Approving is done in person: `ownerLogin`, present, types their own new password twice below the second
    // person's credentials, and Approve calls `confirm` (no on-the-spot session; the core checks everything).
    void setInPerson(const QString& ownerLogin, ConfirmInPerson confirm);

    // After an accepted dialog: whether it approved.
    bool approved() const { return m_approved; }
    QString errorText() const;

    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* codeEdit() const { return m_code; }
    QLineEdit* ownerPasswordEdit() const { return m_ownerPassword; }
    QLineEdit* ownerRepeatEdit() const { return m_ownerRepeat; }
    QPlainTextEdit* reasonEdit() const { return m_reason; }
    RekeyFieldsWidget* rekeyWidget() const { return m_rekey; }
    QPushButton* approveButton() const { return m_approve; }
    QPushButton* rejectButton() const { return m_reject; }

private:
    void decide(bool approve);
    void showError(const Error& error);
    bool confirmInPerson();

    Core& m_core;
    Session m_operator;
    Operation m_decision;
    Decide m_decide;
    bool m_approved = false;
    bool m_reasonToApprove = true;
    QLabel* m_heading = nullptr;
    QLabel* m_subject = nullptr;
    QLabel* m_refusal = nullptr;
    QLabel* m_error = nullptr;
    QLineEdit* m_login = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_code = nullptr;
    QPlainTextEdit* m_reason = nullptr;
    RekeyFieldsWidget* m_rekey = nullptr;
    ConfirmInPerson m_inPerson;
    QLineEdit* m_ownerPassword = nullptr;
    QLineEdit* m_ownerRepeat = nullptr;
    QPushButton* m_approve = nullptr;
    QPushButton* m_reject = nullptr;
    QPushButton* m_cancel = nullptr;
};

} // namespace bv::ui
