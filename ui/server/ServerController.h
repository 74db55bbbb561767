#pragma once

#include "core/drafts/DraftService.h"

#include "core/server/ServerOutbox.h"

#include <QObject>

#include <memory>
#include <optional>

namespace bv {
class SecretStore;
class ServerSession;
} // namespace bv

namespace bv::ui {

class ClipboardGuard;
class Dialogs;
class IdleMonitor;
class ServerWindow;
class ServerWorkspace;

// The desktop application's flow in branch-server mode (docs/SERVER.md, "The desktop over the server"): sign in to
// the branch server (the password opens the account's key slot there), change the password first where the server
// asks for it (with the branch manager's confirmation code on the first one), then the role's workspace. There is
// no lock page: after the idle time, and when the server can no longer be reached, the session ends — the keys are
// wiped, the workspace destroyed, the clipboard cleared — and the sign-in is shown again. The idle time is the
// branch's (the server's setting auth.idle.minutes). When the server cannot be reached at the sign-in, a customer
// manager signs in offline (ServerOutbox) to a workspace that keeps new customers on this workstation; they are
// sent at his or her next sign-in with the server reachable, and the result is shown.
//
// Drafts (ServerDrafts): at the idle warning and at a sign-out, a branch manager's or customer manager's half-typed
// new customer is kept on the server, sealed, for its author; after the next sign-in the window offers it (Restore,
// Discard). A session the connection ended keeps nothing (there is nothing to keep it on).
class ServerController : public QObject
{
    Q_OBJECT
public:
    ServerController(SecretStore& store, Dialogs& dialogs, QObject* parent = nullptr);
    ~ServerController() override;

    // Interactive start: the sign-in dialog until someone signs in (true) or it is cancelled (false).
    bool start();
    bool signInInteractively();
    // After a sign-in: the forced password change, then the workspace. false when the person did not change the
    // password the server asks for (then signed out).
    bool enter(std::unique_ptr<ServerSession> session);
    // When the server could not be reached: the customer manager's offline workspace (ServerOutbox).
    bool enterOffline(std::unique_ptr<ServerOutbox::Session> session);
    // What an upload of the outbox did, in words; empty when it did nothing.
    static QString uploadSummary(const OutboxUpload& upload);

    ServerWindow* window() const { return m_window.get(); }
    ServerSession* session() const { return m_session.get(); }
    ServerOutbox::Session* offlineSession() const { return m_offline.get(); }
    ServerWorkspace* workspace() const;
    IdleMonitor& idleMonitor() const { return *m_idle; }
    // The idle time after which the session ends: the branch server's setting auth.idle.minutes, read at sign-in.
    int idleMinutes() const { return m_idleMinutes; }

public slots:
    // Ends the session (keys wiped, workspace destroyed) and shows the sign-in again; the window closes when that
    // is cancelled. Open dialogs are closed at once; the rest happens when control is back in the main event loop.
    void signOut();
    void changePassword();
    // The Language menu: saved at once; applied at once when nobody is signed in, otherwise when the session ends
    // (a workspace rebuilt now would lose what is typed in its forms; only the new-customer form becomes a draft, and
    // only at the end of a session).
    void setLanguage(const QString& language);

private:
    void endSession();
    // The branch server's password rule in words for the password dialogs (empty when it cannot be read).
    QString serverPasswordRule() const;
    // Installs the language chosen during the session, if any, and translates the window's menus again.
    void applyLanguage();
    // Keeps (or refreshes) what an offline sign-in of this account needs; says so when it cannot.
    void rememberForOffline();
    // Sends the outbox (the refused entries too when `retryRefused`) and says what happened.
    void sendOutbox(bool retryRefused);
    // signOut(), with `why` shown once the session has ended; `idle`: the idle time ended it (audited as such).
    void endLater(const QString& why, bool idle);
    // Keeps every form of the online workspace holding typed content as its author's draft on the server; false when
    // one could not be kept (it is tried again at the end of the session).
    bool keepDrafts();
    // The window is closing with a session open: the drafts are kept and the end recorded, as at a sign-out.
    void closing();
    // Lists the signed-in person's drafts and offers them in the window.
    void offerDrafts();
    void restoreDraft(const DraftInfo& draft);
    void discardDraft(const DraftInfo& draft);
    SecretStore& m_store;
    Dialogs& m_dialogs;
    std::unique_ptr<ServerSession> m_session;
    std::unique_ptr<ServerOutbox::Session> m_offline;
    std::unique_ptr<ServerWindow> m_window;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<IdleMonitor> m_idle;
    int m_idleMinutes = 0;
    bool m_ending = false;
    bool m_draftsKeptAtWarning = false;
    bool m_endRecorded = false; // the window closed: the end is in the chain already
    std::optional<QString> m_language; // chosen, not yet applied
};

} // namespace bv::ui
