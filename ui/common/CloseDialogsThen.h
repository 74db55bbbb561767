#pragma once

#include <functional>

class QObject;

namespace bv::ui {

// Ending a session while a page may be waiting in a dialog's own event loop (QDialog::exec(): a reason, a
// reveal, a message box, a file dialog, an approval) or in a popup menu's (QMenu::exec()): destroying the page there
// would destroy it under its own stack frame. This closes every open dialog (rejected: the page's exec() returns
// "cancelled") and every popup now, and calls `then` through a deferred deletion, which Qt delivers only once
// control is back in an event loop no deeper than the caller's — after the page's code has returned. A dialog the
// page opens on its way out (a message about the cancelled step) runs a loop that may deliver it earlier: then that
// dialog is closed as well and `then` waits again. `then` is not called once `context` is destroyed. What must
// happen at once — the keys wiped, the workspace disabled and off the screen — the caller does before.
void closeDialogsThen(QObject* context, std::function<void()> then);

} // namespace bv::ui
