#pragma once

#include "core/common/Error.h"

#include <QWidget>

namespace bv {
class ServerSession;
}

namespace bv::ui {

class ClipboardGuard;
class Dialogs;

// What every page of a branch-server workspace needs: the signed-in server session (the server decides what the
// account may read and do; the session holds the keys that seal and open grade-1 values here), the dialog seam and
// the clipboard policy.
struct ServerContext
{
    ServerSession& session;
    Dialogs& dialogs;
    ClipboardGuard& clipboard;
};

// A page of a branch-server workspace. A failed server call is shown through the dialog seam; when the connection
// to the server is gone, the workspace asks the application to end the session (sessionLost).
class ServerPage : public QWidget
{
    Q_OBJECT
public:
    explicit ServerPage(const ServerContext& context, QWidget* parent = nullptr);

signals:
    void sessionLost();

protected:
    // Shows `error`; returns false so callers can write `if (!r.ok()) return fail(r.error());`.
    bool fail(const Error& error);
    ServerContext m_context;
};

} // namespace bv::ui
