#include "ui/customers/CustomerFormPage.h"

#include "core/policy/FieldCatalogue.h"
#include "ui/common/Mnemonics.h"
#include "ui/customers/CustomerWidgetSupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QJsonValue>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

namespace {

// The mnemonic of each field's label: unique on each page of the form together with the form's buttons
// (Undo changes or Clear: U/L, Cancel: C, Save: S, Add an account: A) and the menu bar (I, G, H). The
// same letter in every language: "&Name:" in English, "姓名(&N)：" in Chinese.
QChar letterFor(const QString& key)
{
    static const QHash<QString, char> letters {
        // identity
        {QString::fromLatin1(fields::Name), 'N'},
        {QString::fromLatin1(fields::IdType), 'T'},
        {QString::fromLatin1(fields::IdNumber), 'D'},
        {QString::fromLatin1(fields::BirthDate), 'B'},
        {QString::fromLatin1(fields::Sex), 'X'},
        {QString::fromLatin1(fields::Nationality), 'A'},
        {QString::fromLatin1(fields::Restricted), 'R'},
        {QString::fromLatin1(fields::Manager), 'M'},
        // contact
        {QString::fromLatin1(fields::Mobile), 'M'},
        {QString::fromLatin1(fields::OtherPhone), 'O'},
        {QString::fromLatin1(fields::Email), 'E'},
        {QString::fromLatin1(fields::Address), 'A'},
        // accounts (the column labels of the first row)
        {QString::fromLatin1(fields::AccountType), 'Y'},
        {QString::fromLatin1(fields::AccountNumber), 'N'},
        {QString::fromLatin1(fields::AccountOpenedOn), 'O'},
        {QString::fromLatin1(fields::AccountStatus), 'T'},
        // profile
        {QString::fromLatin1(fields::Occupation), 'O'},
        {QString::fromLatin1(fields::Employer), 'E'},
        {QString::fromLatin1(fields::IncomeBand), 'B'},
        {QString::fromLatin1(fields::MaritalStatus), 'M'},
        {QString::fromLatin1(fields::Family), 'F'},
        {QString::fromLatin1(fields::RiskRating), 'R'},
        {QString::fromLatin1(fields::AssetsUnderManagement), 'V'},
        {QString::fromLatin1(fields::ProductHoldings), 'P'},
    };
    const char letter = letters.value(key, 0);
    return letter ? QLatin1Char(letter) : QChar();
}

} // namespace

QString CustomerFormPage::fieldLabel(const QString& fieldKey, const QString& text)
{
    const QChar letter = letterFor(fieldKey);
    return tr("%1:").arg(letter.isNull() ? text : Mnemonics::withLetter(text, letter));
}

CustomerFormPage::CustomerFormPage(Today today, QWidget* parent)
    : QWidget(parent)
    , m_today(std::move(today))
{
}

void CustomerFormPage::addRow(QFormLayout* form, const QString& fieldKey, QWidget* editor, const QString& labelText)
{
    const QString text = labelText.isEmpty() ? FieldCatalogue::label(fieldKey) : labelText;
    auto* label = new QLabel(fieldLabel(fieldKey, text), this);
    label->setBuddy(editor);
    editor->setAccessibleName(text);
    auto* cell = new QWidget(this);
    auto* column = new QVBoxLayout(cell);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(2);
    column->addWidget(editor);
    QLabel* message = S::messageLabel(cell, S::camel(fieldKey) + QStringLiteral("MessageLabel"));
    column->addWidget(message);
    form->addRow(label, cell);
    m_editors.insert(fieldKey, editor);
    m_messages.insert(fieldKey, message);
}

void CustomerFormPage::setFieldMessage(const QString& fieldKey, const QString& message)
{
    if (QLabel* label = m_messages.value(fieldKey))
        S::setMessage(label, message);
}

QString CustomerFormPage::fieldMessage(const QString& fieldKey) const
{
    QLabel* label = m_messages.value(fieldKey);
    return label ? label->text() : QString();
}

void CustomerFormPage::clearMessages()
{
    for (QLabel* label : std::as_const(m_messages))
        S::setMessage(label, QString());
}

QJsonValue CustomerFormPage::editorState(const QWidget* editor)
{
    if (const auto* line = qobject_cast<const QLineEdit*>(editor))
        return line->text();
    if (const auto* combo = qobject_cast<const QComboBox*>(editor)) {
        const QVariant data = combo->currentData();
        return data.isValid() && !data.toString().isEmpty() ? QJsonValue(QStringLiteral("d:") + data.toString())
                                                            : QJsonValue(combo->currentIndex());
    }
    if (const auto* check = qobject_cast<const QCheckBox*>(editor))
        return check->isChecked();
    if (const auto* text = qobject_cast<const QPlainTextEdit*>(editor))
        return text->toPlainText();
    if (const auto* date = qobject_cast<const QDateEdit*>(editor))
        return date->date().toString(Qt::ISODate);
    if (const auto* spin = qobject_cast<const QSpinBox*>(editor))
        return spin->value();
    return QJsonValue();
}

void CustomerFormPage::setEditorState(QWidget* editor, const QJsonValue& value)
{
    if (value.isUndefined() || value.isNull())
        return;
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(value.toString());
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        const QString text = value.toString();
        const int index = value.isString() && text.startsWith(QStringLiteral("d:")) ? combo->findData(text.mid(2))
                                                                                    : value.toInt(-1);
        if (index >= 0 && index < combo->count())
            combo->setCurrentIndex(index);
    } else if (auto* check = qobject_cast<QCheckBox*>(editor)) {
        check->setChecked(value.toBool());
    } else if (auto* text = qobject_cast<QPlainTextEdit*>(editor)) {
        text->setPlainText(value.toString());
    } else if (auto* date = qobject_cast<QDateEdit*>(editor)) {
        const QDate day = QDate::fromString(value.toString(), Qt::ISODate);
        if (day.isValid())
            date->setDate(day);
    } else if (auto* spin = qobject_cast<QSpinBox*>(editor)) {
        spin->setValue(value.toInt());
    }
}

QJsonObject CustomerFormPage::state() const
{
    QJsonObject state;
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it) {
        const QJsonValue value = editorState(it.value());
        if (!value.isNull())
            state.insert(it.key(), value);
    }
    return state;
}

void CustomerFormPage::setState(const QJsonObject& state)
{
    for (auto it = m_editors.cbegin(); it != m_editors.cend(); ++it)
        setEditorState(it.value(), state.value(it.key()));
}

QDate CustomerFormPage::today() const
{
    return m_today();
}

} // namespace bv::ui
