#pragma once

#include "core/customers/CustomerRecord.h"

#include <QCoreApplication>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace bv::ui {

// Blind re-key (issue 13): one line per value the checker types from the customer's document (an ID number, a
// mobile, each new account number: PendingChange::rekeyFields). The core compares them with the record through
// the blind index; this widget never shows a stored value, only which field did not match. Used by the branch
// manager's approvals and by the on-the-spot dialog. Hidden when there is nothing to type.
class RekeyFieldsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RekeyFieldsWidget(QWidget* parent = nullptr);

    void setFields(const QStringList& fields);
    bool isEmpty() const { return m_edits.isEmpty(); }
    // What was typed, by field (empty lines left out).
    RekeyedValues values() const;
    // Marks the fields of a re-key refusal (Error::field: keys separated by commas); returns whether any was one
    // of this widget's fields.
    bool showMismatch(const QString& fieldList);
    // Clears the typed values (grade-1 values are not kept on screen) and the marks.
    void clearValues();
    QList<QLineEdit*> edits() const { return m_edits; }

private:
    QStringList m_fields;
    QList<QLineEdit*> m_edits;
    QList<QLabel*> m_marks;
    QFormLayout* m_form = nullptr;
};

} // namespace bv::ui
