#include "ui/customers/ContextWidget.h"

#include "ui/common/Dialogs.h"

namespace bv::ui {

ContextWidget::ContextWidget(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
}

bool ContextWidget::locks(const Error& error)
{
    return error.code == ErrorCode::SessionLocked || error.code == ErrorCode::AuthenticationFailed;
}

bool ContextWidget::fail(const Error& error)
{
    if (locks(error)) {
        emit lockRequested();
        return false;
    }
    m_context.dialogs.showError(this, error);
    return false;
}

void ContextWidget::forwardLock(ContextWidget* child)
{
    connect(child, &ContextWidget::lockRequested, this, &ContextWidget::lockRequested);
}

} // namespace bv::ui
