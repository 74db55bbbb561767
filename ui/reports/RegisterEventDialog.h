#pragma once

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/reports/ReportService.h"

#include <QDateTime>
#include <QDialog>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace bv::ui {

class Dialogs;

// The form of one print-register action (record receipt, hand over, lend, return, destroy, reprint): only
// the fields the action needs — a person (recipient, borrower or witness), that person's own password (and
// authenticator code), a due time, a destruction method, a note, copies and the medium of a reprint. OK runs the action
// given to setAction(): on success the dialog accepts, otherwise the core's message stays under the form (a locked
// session rejects the dialog and emits lockRequested). A typed password is wiped after every attempt.
// Notes and typed names go through the free-text check (no customer identifiers in the register).
class RegisterEventDialog : public QDialog
{
    Q_OBJECT
public:
    enum Field
    {
        Person = 0x01,
        Password = 0x02,
        Due = 0x04,
        Method = 0x08,
        Note = 0x10,
        Copies = 0x20,
        Medium = 0x40,
    };
    Q_DECLARE_FLAGS(Fields, Field)

    RegisterEventDialog(Dialogs& dialogs, const QString& title, const QString& intro, Fields fields,
        const QString& personLabel = QString(), QWidget* parent = nullptr);

    // Latest and initial due time (the earliest is `now`), in UTC; shown in branch time.
    void setDueRange(const QDateTime& nowUtc, const QDateTime& latestUtc, const QDateTime& initialUtc);
    void setAction(std::function<Status(RegisterEventDialog&)> action) { m_action = std::move(action); }

    QString person() const;
    // The typed password; the field is cleared.
    SecureBytes takePassword();
    // The typed authenticator code (spaces removed), empty when none was typed; the field is cleared.
    QString takeCode();
    QDateTime dueUtc() const;
    QString method() const;
    QString note() const { return m_reviewedNote; }
    int copies() const;
    PrintMedium medium() const;
    QString message() const;

    QLineEdit* personEdit() const { return m_person; }
    QLineEdit* passwordEdit() const { return m_password; }
    QLineEdit* codeEdit() const { return m_code; }
    QDateTimeEdit* dueEdit() const { return m_due; }
    QComboBox* methodComboBox() const { return m_method; }
    QLineEdit* noteEdit() const { return m_note; }
    QSpinBox* copiesSpinBox() const { return m_copies; }
    QComboBox* mediumComboBox() const { return m_medium; }
    QPushButton* okButton() const { return m_ok; }

public slots:
    bool submit();

signals:
    void lockRequested();

private:
    void setMessage(const QString& text);

    Dialogs& m_dialogs;
    std::function<Status(RegisterEventDialog&)> m_action;
    QString m_reviewedNote;
    QLineEdit* m_person = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_code = nullptr;
    QDateTimeEdit* m_due = nullptr;
    QComboBox* m_method = nullptr;
    QLineEdit* m_note = nullptr;
    QSpinBox* m_copies = nullptr;
    QComboBox* m_medium = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_ok = nullptr;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(RegisterEventDialog::Fields)

} // namespace bv::ui
