#include "ui/manager/ManagerPage.h"

#include "ui/manager/GuardedTableView.h"

#include <QLabel>

namespace bv::ui {

ManagerPage::ManagerPage(const WorkspaceContext& context, QWidget* parent)
    : ContextWidget(context, parent)
{
}

GuardedTableView* ManagerPage::createTable(const QString& objectName, const QString& accessibleName)
{
    auto* table = new GuardedTableView(m_context.clipboard, this);
    table->setObjectName(objectName);
    table->setAccessibleName(accessibleName);
    return table;
}

QLabel* ManagerPage::createFeedbackLabel()
{
    m_feedback = new QLabel(this);
    m_feedback->setObjectName(QStringLiteral("feedbackLabel"));
    m_feedback->setWordWrap(true);
    m_feedback->setTextFormat(Qt::PlainText);
    return m_feedback;
}

void ManagerPage::setFeedback(const QString& text)
{
    if (m_feedback)
        m_feedback->setText(text);
}

} // namespace bv::ui
