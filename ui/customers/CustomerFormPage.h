#pragma once

#include "core/customers/CustomerRecord.h"
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QWidget>

#include <functional>

class QFormLayout;
class QLabel;

namespace bv::ui {

// One page of the customer form (KeePassXC EditWidget style: one page widget per group of fields). A page
// owns its fields' editors and the message label under each; the form asks it to load a customer (or start
// empty), to add what was typed to a CustomerInput, and to show the core's error under the right field.
//
// On an edit, grade-1 editors start EMPTY with the masked value as placeholder text: typing a value means
// "change it"; the form never receives full values. Grade-2 and grade-3 editors start with the current value
// and are sent only when changed.
class CustomerFormPage : public QWidget
{
    Q_OBJECT
public:
    // What "today" is for the date checks (a birth date, an account's opening date): the branch's date by the
    // core's clock in local mode, by the workstation's clock in branch-server mode.
    using Today = std::function<QDate()>;
    CustomerFormPage(Today today, QWidget* parent = nullptr);

    virtual QString title() const = 0;
    // nullptr: a new customer.
    virtual void load(const CustomerView* view) = 0;
    virtual void collect(CustomerInput& input) const = 0;
    virtual void clear() = 0;
    // What the editors hold now, for a draft (CustomerFormWidget::draftContent), and back. The default covers the
    // editors registered with addRow (line edits, combo boxes, check boxes, text and date editors, spin boxes).
    virtual QJsonObject state() const;
    virtual void setState(const QJsonObject& state);

    bool owns(const QString& fieldKey) const { return m_editors.contains(fieldKey); }
    QWidget* editorFor(const QString& fieldKey) const { return m_editors.value(fieldKey); }
    void setFieldMessage(const QString& fieldKey, const QString& message);
    QString fieldMessage(const QString& fieldKey) const;
    void clearMessages();
    bool isEdit() const { return m_edit; }
    // "<label>:" with the field's mnemonic letter (Latin in every language: "姓名(&N)：").
    static QString fieldLabel(const QString& fieldKey, const QString& text);

protected:
    // Adds a labelled row with the editor and, under it, the field's message label ("<field>MessageLabel").
    void addRow(QFormLayout* form, const QString& fieldKey, QWidget* editor, const QString& labelText = QString());
    QDate today() const;
    static QJsonValue editorState(const QWidget* editor);
    static void setEditorState(QWidget* editor, const QJsonValue& value);

    Today m_today;
    bool m_edit = false;
    QHash<QString, QWidget*> m_editors;
    QHash<QString, QLabel*> m_messages;
};

} // namespace bv::ui
