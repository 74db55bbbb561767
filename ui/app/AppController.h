#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace bv {
class Core;
class Vault;
class VaultService;
} // namespace bv

namespace bv::ui {

class ClipboardGuard;
class Dialogs;
class DraftKeeper;
class IdleMonitor;
class MainWindow;

// The desktop application's flow: find or create the database (first-run wizard, recovery unlock),
// sign in (forced password change, second factor), show the role's workspace, lock after idle time
// (the session's keys are wiped, the clipboard cleared, the workspace taken off the screen and destroyed once no
// page's code runs any more — MainWindow::clearWorkspace), sign out. Runs the retention job at start and daily.
//
// Drafts: right before the session locks (idle, Ctrl+L) or signs out — and when the idle warning appears, 30 s
// before the idle lock, since the core may refuse the session once its own idle time is up — the open forms are
// kept as the person's drafts (DraftKeeper); after an unlock or sign-in they are offered again. Input in the
// window keeps the core's idle clock in step with the window's (at most one touch per kTouchSeconds).
class AppController : public QObject
{
    Q_OBJECT
public:
    AppController(VaultService& vaults, Dialogs& dialogs, QObject* parent = nullptr);
    ~AppController() override;

    // Interactive start. false when the user cancelled or the database could not be opened (the
    // reason was shown).
    bool start(const QString& databasePath);

    // The steps behind start(), public for tests.
    Core& adopt(std::unique_ptr<Vault> vault);
    bool signInInteractively();
    void enter(const Session& session); // after sign-in: restrictions, then the workspace

    MainWindow* window() const { return m_window.get(); }
    Core* core() const { return m_core.get(); }
    const Session& session() const { return m_session; }
    ClipboardGuard& clipboard() const { return *m_clipboard; }
    IdleMonitor& idleMonitor() const { return *m_idle; }
    DraftKeeper& drafts() const { return *m_drafts; }
    static constexpr int kTouchSeconds = 5;
    bool isLocked() const { return m_locked; }

public slots:
    // The session locks at once (keys wiped, clipboard cleared, lock page shown); the workspace's widgets are
    // destroyed once no page's code runs any more.
    void lock();
    // The session ends at once; the workspace is destroyed and the sign-in shown once no page's code runs any
    // more (the window closes when the sign-in is cancelled).
    void signOut();
    void changePassword();
    void enrolSecondFactor();
    void setLanguage(const QString& language);
    // The administrator's restore: authorised here, then the database is closed, the backup restored
    // (an administrator of the backup signs in to accept it), and whichever database is then in place
    // is opened again for sign-in. false when nothing was restored (the reason was shown).
    bool restoreBackup(const QString& backupFile);

private:
    void closeDatabase();
    bool reopen(const QString& databasePath);
    void showWorkspace();
    void runDailyJobs();
    void idleWarning(int secondsLeft);
    void touchSession();
    void keepDraftsAtClose();

    VaultService& m_vaults;
    Dialogs& m_dialogs;
    std::unique_ptr<Vault> m_vault;
    std::unique_ptr<Core> m_core;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ClipboardGuard> m_clipboard;
    std::unique_ptr<IdleMonitor> m_idle;
    std::unique_ptr<DraftKeeper> m_drafts;
    Session m_session;
    bool m_locked = false;
    bool m_signingOut = false; // the sign-in after a sign-out is still to come
    bool m_draftsKeptAtWarning = false; // and no input since: the lock need not keep them again
    QElapsedTimer m_lastTouch;
    QTimer m_daily;
};

} // namespace bv::ui
