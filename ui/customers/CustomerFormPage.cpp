#include "CustomerFormPage.h"

#include "CustomerWidgetSupport.h"
#include "policy/FieldCatalogue.h"

#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace bv::ui {

using S = CustomerWidgetSupport;

CustomerFormPage::CustomerFormPage(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
}

void CustomerFormPage::addRow(QFormLayout* form, const QString& fieldKey, QWidget* editor, const QString& labelText)
{
    const QString text = labelText.isEmpty() ? FieldCatalogue::label(fieldKey) : labelText;
    auto* label = new QLabel(tr("&%1:").arg(text), this);
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
