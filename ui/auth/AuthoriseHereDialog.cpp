#include "ui/auth/AuthoriseHereDialog.h"

#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/common/SecureBytes.h"
#include "ui/common/RekeyFieldsWidget.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace bv::ui {

AuthoriseHereDialog::AuthoriseHereDialog(
    Core& core, const Session& operatorSession, Operation decision, Decide decideFn, QWidget* parent)
    : QDialog(parent)
    , m_core(core)
    , m_operator(operatorSession)
    , m_decision(decision)
    , m_decide(std::move(decideFn))
{
    setObjectName(QStringLiteral("authoriseHereDialog"));
    setWindowTitle(tr("Authorise here (on-the-spot authorisation)"));
    auto* layout = new QVBoxLayout(this);

    auto* what = new QGroupBox(tr("What is decided"), this);
    auto* whatLayout = new QVBoxLayout(what);
    m_heading = new QLabel(what);
    m_heading->setObjectName(QStringLiteral("headingLabel"));
    m_heading->setTextFormat(Qt::PlainText);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_subject = new QLabel(what);
    m_subject->setObjectName(QStringLiteral("subjectLabel"));
    m_subject->setTextFormat(Qt::PlainText);
    m_subject->setWordWrap(true);
    m_subject->setTextInteractionFlags(Qt::NoTextInteraction); // masked values are not copied from here
    whatLayout->addWidget(m_heading);
    whatLayout->addWidget(m_subject);
    layout->addWidget(what);

    auto* intro = new QLabel(tr("The authorising person (not %1) signs in here for this one decision and is signed "
                                "out right after it.")
                                 .arg(operatorSession.info().login),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(QStringLiteral("loginLineEdit"));
    m_login->setMaxLength(64);
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordLineEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_code = new QLineEdit(this);
    m_code->setObjectName(QStringLiteral("codeLineEdit"));
    m_code->setMaxLength(8);
    m_code->setPlaceholderText(tr("only when the person uses an authenticator app"));
    m_reason = new QPlainTextEdit(this);
    m_reason->setObjectName(QStringLiteral("reasonPlainTextEdit"));
    m_reason->setTabChangesFocus(true);
    m_reason->setFixedHeight(m_reason->fontMetrics().lineSpacing() * 4);
    auto* loginLabel = new QLabel(tr("Authorising person's &login:"), this);
    loginLabel->setBuddy(m_login);
    auto* passwordLabel = new QLabel(tr("&Password:"), this);
    passwordLabel->setBuddy(m_password);
    auto* codeLabel = new QLabel(tr("Authenticator &code:"), this);
    codeLabel->setBuddy(m_code);
    auto* reasonLabel = new QLabel(tr("&Reason:"), this);
    reasonLabel->setBuddy(m_reason);
    m_login->setAccessibleName(tr("Authorising person's login"));
    m_password->setAccessibleName(tr("Password"));
    m_code->setAccessibleName(tr("Authenticator code"));
    m_reason->setAccessibleName(tr("Reason"));
    form->addRow(loginLabel, m_login);
    form->addRow(passwordLabel, m_password);
    form->addRow(codeLabel, m_code);
    layout->addLayout(form);
    m_rekey = new RekeyFieldsWidget(this);
    layout->addWidget(m_rekey);
    auto* reasonForm = new QFormLayout;
    reasonForm->addRow(reasonLabel, m_reason);
    layout->addLayout(reasonForm);

    m_refusal = new QLabel(this);
    m_refusal->setObjectName(QStringLiteral("refusalLabel"));
    m_refusal->setWordWrap(true);
    m_refusal->setVisible(false);
    layout->addWidget(m_refusal);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setVisible(false);
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(this);
    m_approve = buttons->addButton(tr("&Approve"), QDialogButtonBox::AcceptRole);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = buttons->addButton(tr("Re&ject"), QDialogButtonBox::ActionRole);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_approve->setAutoDefault(false);
    m_reject->setAutoDefault(false);
    layout->addWidget(buttons);
    connect(m_approve, &QPushButton::clicked, this, [this] { decide(true); });
    connect(m_reject, &QPushButton::clicked, this, [this] { decide(false); });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);

    setTabOrder(m_login, m_password);
    setTabOrder(m_password, m_code);
    setTabOrder(m_code, m_reason);
    setTabOrder(m_reason, m_approve);
    setTabOrder(m_approve, m_reject);
    setTabOrder(m_reject, m_cancel);
    m_login->setFocus();
}

AuthoriseHereDialog::~AuthoriseHereDialog()
{
    m_password->clear();
    if (m_ownerPassword) {
        m_ownerPassword->clear();
        m_ownerRepeat->clear();
    }
    m_rekey->clearValues();
}

void AuthoriseHereDialog::setSubject(const QString& heading, const QStringList& lines)
{
    m_heading->setText(heading);
    m_subject->setText(lines.join(QLatin1Char('\n')));
}

void AuthoriseHereDialog::setRekeyFields(const QStringList& fields)
{
    m_rekey->setFields(fields);
    // the re-key lines follow the code field in the tab order
    QWidget* previous = m_code;
    for (QLineEdit* edit : m_rekey->edits()) {
        setTabOrder(previous, edit);
        previous = edit;
    }
    setTabOrder(previous, m_reason);
}

void AuthoriseHereDialog::setInPerson(const QString& ownerLogin, ConfirmInPerson confirm)
{
    m_inPerson = std::move(confirm);
    auto* box = new QGroupBox(tr("%1, in person").arg(ownerLogin), this);
    box->setObjectName(QStringLiteral("inPersonGroupBox"));
    auto* form = new QFormLayout(box);
    auto* intro = new QLabel(tr("%1 types their own new password here while the branch manager watches. No "
                                "confirmation code is shown; the one-time password stops working.")
                                 .arg(ownerLogin),
        box);
    intro->setWordWrap(true);
    form->addRow(intro);
    const auto passwordEdit = [this, box](const char* name, const QString& accessible) {
        auto* edit = new QLineEdit(box);
        edit->setObjectName(QString::fromLatin1(name));
        edit->setEchoMode(QLineEdit::Password);
        edit->setContextMenuPolicy(Qt::NoContextMenu);
        edit->setAccessibleName(accessible);
        return edit;
    };
    m_ownerPassword = passwordEdit("ownerPasswordLineEdit", tr("New password of %1").arg(ownerLogin));
    m_ownerRepeat = passwordEdit("ownerRepeatLineEdit", tr("New password again"));
    auto* passwordLabel = new QLabel(tr("&New password of %1:").arg(ownerLogin), box);
    passwordLabel->setBuddy(m_ownerPassword);
    auto* repeatLabel = new QLabel(tr("Repeat the ne&w password:"), box);
    repeatLabel->setBuddy(m_ownerRepeat);
    form->addRow(passwordLabel, m_ownerPassword);
    form->addRow(repeatLabel, m_ownerRepeat);
    auto* layout = qobject_cast<QVBoxLayout*>(this->layout());
    layout->insertWidget(layout->indexOf(m_rekey), box); // under the authorising person's credentials
    setTabOrder(m_code, m_ownerPassword);
    setTabOrder(m_ownerPassword, m_ownerRepeat);
    setTabOrder(m_ownerRepeat, m_reason);
}

bool AuthoriseHereDialog::confirmInPerson()
{
    const auto take = [](QLineEdit* edit) {
        QString typed = edit->text();
        QByteArray bytes = typed.toUtf8();
        wipe(typed);
        edit->clear();
        return SecureBytes::takeFrom(bytes);
    };
    const SecureBytes owner = take(m_ownerPassword);
    const SecureBytes repeated = take(m_ownerRepeat);
    const SecureBytes password = take(m_password);
    const QString code = m_code->text().remove(QLatin1Char(' '));
    m_code->clear();
    if (!owner.equals(repeated)) {
        showError(Error {ErrorCode::InvalidInput,
            tr("The two new passwords differ. The person types the new password twice, the same both times."),
            QString(), QStringLiteral("ownerPassword")});
        m_ownerPassword->setFocus();
        return false;
    }
    const Status confirmed = m_inPerson(m_login->text(), password, code, owner);
    if (!confirmed.ok()) {
        showError(confirmed.error());
        if (confirmed.error().field == QLatin1String("ownerPassword")
            || confirmed.error().field == QLatin1String("password"))
            m_ownerPassword->setFocus();
        else
            m_password->setFocus();
        return false;
    }
    return true;
}

void AuthoriseHereDialog::refuseApproval(const QString& message)
{
    m_refusal->setText(message);
    m_refusal->setVisible(true);
    m_approve->setEnabled(false);
}

void AuthoriseHereDialog::setButtonTexts(const QString& approve, const QString& reject)
{
    m_approve->setText(approve);
    m_reject->setText(reject);
}

QString AuthoriseHereDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void AuthoriseHereDialog::showError(const Error& error)
{
    m_error->setText(error.message);
    m_error->setVisible(true);
}

void AuthoriseHereDialog::decide(bool approve)
{
    if (approve && !m_approve->isEnabled())
        return;
    m_error->setVisible(false);
    const QString reason = m_reason->toPlainText().trimmed();
    if (reason.isEmpty() && (!approve || m_reasonToApprove)) {
        showError(Error {ErrorCode::InvalidInput,
            approve ? tr("Give the reason for the approval (for example what was checked against the documents).")
                    : tr("Give the reason for the rejection, so the maker can correct it."),
            QString(), QStringLiteral("reason")});
        m_reason->setFocus();
        return;
    }
    if (approve && m_inPerson) {
        if (!confirmInPerson())
            return;
        m_approved = true;
        accept();
        return;
    }
    QString typed = m_password->text();
    QByteArray bytes = typed.toUtf8();
    wipe(typed);
    m_password->clear();
    const SecureBytes password = SecureBytes::takeFrom(bytes);
    const QString code = m_code->text().remove(QLatin1Char(' '));
    m_code->clear();
    AuthService& auth = m_core.auth();
    auto checker = auth.signInOnTheSpot(m_operator, m_login->text(), password, code, m_decision);
    if (!checker.ok()) {
        showError(checker.error());
        m_password->setFocus();
        return;
    }
    const Status decided = m_decide(*checker, approve, reason, approve ? m_rekey->values() : RekeyedValues());
    (void)auth.signOut(*checker); // always: the session was for this one decision
    if (!decided.ok()) {
        showError(decided.error());
        if (!decided.error().field.isEmpty())
            m_rekey->showMismatch(decided.error().field);
        return;
    }
    m_rekey->clearValues();
    m_approved = approve;
    accept();
}

} // namespace bv::ui
