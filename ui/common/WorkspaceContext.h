#pragma once

#include "core/auth/Session.h"

namespace bv {
class Core;
}

namespace bv::ui {

class ClipboardGuard;
class Dialogs;

// What every workspace widget needs: the core services, the signed-in session (every core call takes
// it; the core checks it), the dialog seam and the clipboard policy.
struct WorkspaceContext
{
    Core& core;
    Session session;
    Dialogs& dialogs;
    ClipboardGuard& clipboard;
};

} // namespace bv::ui
