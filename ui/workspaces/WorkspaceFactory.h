#pragma once

#include "core/auth/Role.h"
#include "ui/common/WorkspaceContext.h"

class QWidget;

namespace bv::ui {

class Workspace;

// One workspace per role (DESIGN §3): the factory is the only place that maps a role to its widgets.
class WorkspaceFactory
{
public:
    static Workspace* create(const WorkspaceContext& context, Role role, QWidget* parent = nullptr);
};

} // namespace bv::ui
