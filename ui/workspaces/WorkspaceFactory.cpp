#include "ui/workspaces/WorkspaceFactory.h"

#include "ui/workspaces/AdminWorkspace.h"
#include "ui/workspaces/AuditorWorkspace.h"
#include "ui/workspaces/ClerkWorkspace.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"
#include "ui/workspaces/ManagerWorkspace.h"

namespace bv::ui {

Workspace* WorkspaceFactory::create(const WorkspaceContext& context, Role role, QWidget* parent)
{
    switch (role) {
    case Role::Admin:
        return new AdminWorkspace(context, parent);
    case Role::Auditor:
        return new AuditorWorkspace(context, parent);
    case Role::Manager:
        return new ManagerWorkspace(context, parent);
    case Role::CustomerManager:
        return new CustomerManagerWorkspace(context, parent);
    case Role::Clerk:
        return new ClerkWorkspace(context, parent);
    }
    return nullptr;
}

} // namespace bv::ui
