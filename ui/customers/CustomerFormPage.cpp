#include "CustomerFormPage.h"

#include "CustomerWidgetSupport.h"
#include "common/Mnemonics.h"
#include "policy/FieldCatalogue.h"

#include <QFormLayout>
#include <QLabel>
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

CustomerFormPage::CustomerFormPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
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

QDate CustomerFormPage::today() const
{
    return S::today(m_context);
}

} // namespace bv::ui
