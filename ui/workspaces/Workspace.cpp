#include "ui/workspaces/Workspace.h"

#include "ui/common/Dialogs.h"

namespace bv::ui {

Workspace::Workspace(const WorkspaceContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
}

DraftSource* Workspace::draftTarget(DraftForm, const QString&)
{
    return nullptr;
}

bool Workspace::fail(const Error& error)
{
    if (error.code == ErrorCode::SessionLocked || error.code == ErrorCode::AuthenticationFailed) {
        emit lockRequested();
        return false;
    }
    m_context.dialogs.showError(this, error);
    return false;
}

} // namespace bv::ui
