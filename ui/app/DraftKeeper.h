#pragma once

#include "core/auth/Session.h"
#include "core/drafts/DraftService.h"

#include <QObject>

namespace bv {
class Core;
}

namespace bv::ui {

class Dialogs;
class MainWindow;

// The front end of drafts (core/drafts): keeps what was typed into the workspace's forms (every DraftSource in
// it) as the session's drafts right before the session locks or signs out — while it can still seal them — and,
// after the same person unlocks or signs in, offers them in the window's banner: Restore opens the form the
// draft belongs in and fills it, Discard deletes it.
class DraftKeeper : public QObject
{
    Q_OBJECT
public:
    DraftKeeper(MainWindow& window, Dialogs& dialogs, QObject* parent = nullptr);

    // Saves every form of the shown workspace that holds typed content; returns how many drafts were kept.
    int keep(Core& core, const Session& session);
    // Lists the session's own drafts and offers them (nothing is shown when there are none).
    void offer(Core& core, const Session& session);
    // Forgets the session (sign-out, database closed).
    void clear();

    void restore(const DraftInfo& draft);
    void discard(const DraftInfo& draft);

signals:
    // A draft could not be read because the session is locked: the application locks.
    void lockRequested();

private:
    bool handled(const Error& error);

    MainWindow& m_window;
    Dialogs& m_dialogs;
    Core* m_core = nullptr;
    Session m_session;
};

} // namespace bv::ui
