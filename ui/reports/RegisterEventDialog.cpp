#include "ui/reports/RegisterEventDialog.h"
#include "ui/common/Formats.h"

#include "core/customers/rules/WorkingCalendar.h"
#include "ui/common/FreeTextWarning.h"
#include "ui/reports/ControlledOutput.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bv::ui {

RegisterEventDialog::RegisterEventDialog(Dialogs& dialogs, const QString& title, const QString& intro, Fields fields,
    const QString& personLabel, QWidget* parent)
    : QDialog(parent)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("registerEventDialog"));
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* introLabel = new QLabel(intro, this);
    introLabel->setObjectName(QStringLiteral("introLabel"));
    introLabel->setWordWrap(true);
    introLabel->setTextFormat(Qt::PlainText);
    layout->addWidget(introLabel);
    auto* form = new QFormLayout;
    auto addRow = [&](const QString& label, QWidget* editor) {
        auto* buddy = new QLabel(label, this);
        buddy->setBuddy(editor);
        form->addRow(buddy, editor);
    };
    if (fields & Method) {
        m_method = new QComboBox(this);
        m_method->setObjectName(QStringLiteral("methodComboBox"));
        m_method->setAccessibleName(tr("Method of destruction"));
        m_method->setEditable(true);
        m_method->addItems({tr("Shredded"), tr("Burned"), tr("Pulped"), tr("File deleted and overwritten")});
        addRow(tr("&Method:"), m_method);
    }
    if (fields & Person) {
        m_person = new QLineEdit(this);
        m_person->setObjectName(QStringLiteral("personLineEdit"));
        m_person->setAccessibleName(personLabel);
        m_person->setContextMenuPolicy(Qt::NoContextMenu);
        addRow(personLabel, m_person);
    }
    if (fields & Password) {
        m_password = new QLineEdit(this);
        m_password->setObjectName(QStringLiteral("passwordLineEdit"));
        m_password->setAccessibleName(tr("Their own password"));
        m_password->setEchoMode(QLineEdit::Password);
        m_password->setContextMenuPolicy(Qt::NoContextMenu);
        addRow(tr("Their own &password:"), m_password);
        // the code of their authenticator app, when they have enrolled one (checked as at sign-in)
        m_code = new QLineEdit(this);
        m_code->setObjectName(QStringLiteral("codeLineEdit"));
        m_code->setAccessibleName(tr("Their authenticator code"));
        m_code->setMaxLength(8);
        m_code->setPlaceholderText(tr("only when the person uses an authenticator app"));
        m_code->setContextMenuPolicy(Qt::NoContextMenu);
        addRow(tr("Their authenticator c&ode:"), m_code);
    }
    if (fields & Due) {
        m_due = new QDateTimeEdit(this);
        m_due->setObjectName(QStringLiteral("dueDateTimeEdit"));
        m_due->setAccessibleName(tr("Due back"));
        Formats::applyTo(m_due);
        m_due->setCalendarPopup(true); // branch time, as a wall-clock time (see setDueRange)
        addRow(tr("&Due back (at most 3 days):"), m_due);
    }
    if (fields & Copies) {
        m_copies = new QSpinBox(this);
        m_copies->setObjectName(QStringLiteral("copiesSpinBox"));
        m_copies->setAccessibleName(tr("Copies"));
        m_copies->setRange(1, ControlledOutput::kMaxCopies);
        addRow(tr("&Copies:"), m_copies);
    }
    if (fields & Medium) {
        m_medium = new QComboBox(this);
        m_medium->setObjectName(QStringLiteral("mediumComboBox"));
        m_medium->setAccessibleName(tr("Print to"));
        m_medium->addItem(tr("Printer"), int(PrintMedium::Printer));
        m_medium->addItem(tr("PDF file"), int(PrintMedium::Pdf));
        addRow(tr("Print &to:"), m_medium);
    }
    if (fields & Note) {
        m_note = new QLineEdit(this);
        m_note->setObjectName(QStringLiteral("noteLineEdit"));
        m_note->setAccessibleName(tr("Note"));
        m_note->setPlaceholderText(tr("Optional; no customer identifiers"));
        addRow(tr("&Note:"), m_note);
    }
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(QStringLiteral("okButton"));
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &RegisterEventDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, [this] {
        if (m_password)
            m_password->clear();
        reject();
    });
}

void RegisterEventDialog::setDueRange(const QDateTime& nowUtc, const QDateTime& latestUtc, const QDateTime& initialUtc)
{
    if (!m_due)
        return;
    // The edit shows the branch's wall-clock time whatever the workstation's time zone is.
    const QTimeZone zone = WorkingCalendar::branchTimeZone();
    auto wall = [&](const QDateTime& utc) {
        const QDateTime branch = utc.toTimeZone(zone);
        return QDateTime(branch.date(), QTime(branch.time().hour(), branch.time().minute()));
    };
    // whole minutes, the latest rounded down: the time shown is never beyond the limit
    m_due->setDateTimeRange(wall(nowUtc), wall(latestUtc));
    m_due->setDateTime(wall(initialUtc));
}

QString RegisterEventDialog::person() const
{
    return m_person ? m_person->text().trimmed() : QString();
}

QString RegisterEventDialog::takeCode()
{
    if (!m_code)
        return QString();
    const QString code = m_code->text().remove(QLatin1Char(' '));
    m_code->clear();
    return code;
}

SecureBytes RegisterEventDialog::takePassword()
{
    if (!m_password)
        return SecureBytes();
    QString text = m_password->text();
    QByteArray bytes = text.toUtf8();
    wipe(text);
    m_password->clear();
    return SecureBytes::takeFrom(bytes);
}

QDateTime RegisterEventDialog::dueUtc() const
{
    if (!m_due)
        return QDateTime();
    return QDateTime(m_due->date(), m_due->time(), WorkingCalendar::branchTimeZone()).toUTC();
}

QString RegisterEventDialog::method() const
{
    return m_method ? m_method->currentText().trimmed() : QString();
}

int RegisterEventDialog::copies() const
{
    return m_copies ? m_copies->value() : 1;
}

PrintMedium RegisterEventDialog::medium() const
{
    return m_medium ? PrintMedium(m_medium->currentData().toInt()) : PrintMedium::Printer;
}

QString RegisterEventDialog::message() const
{
    return m_message->text();
}

void RegisterEventDialog::setMessage(const QString& text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

bool RegisterEventDialog::submit()
{
    setMessage(QString());
    // Typed names and notes stay in the register for years: no customer identifiers in them.
    for (QLineEdit* edit : {m_person, m_note}) {
        if (!edit || edit->text().trimmed().isEmpty())
            continue;
        QString why;
        const auto reviewed = FreeTextWarning::review(m_dialogs, this, edit->text().trimmed(), &why);
        if (!reviewed) {
            if (m_password)
                m_password->clear();
            if (m_code)
                m_code->clear();
            setMessage(why);
            edit->setFocus();
            return false;
        }
        edit->setText(*reviewed);
    }
    m_reviewedNote = m_note ? m_note->text().trimmed() : QString();
    if (!m_action) {
        accept();
        return true;
    }
    Status done = m_action(*this);
    if (m_password)
        m_password->clear(); // whatever the action did with it, it is not typed twice by accident
    if (m_code)
        m_code->clear(); // a code is used once
    if (done.ok()) {
        accept();
        return true;
    }
    const Error& error = done.error();
    if (error.code == ErrorCode::SessionLocked) {
        emit lockRequested();
        reject();
        return false;
    }
    setMessage(error.message);
    if (m_password && error.code == ErrorCode::AuthenticationFailed)
        m_password->setFocus();
    return false;
}

} // namespace bv::ui
