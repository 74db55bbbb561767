#include "ui/server/ServerController.h"

#include "core/auth/Role.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerWorkstation.h"
#include "ui/app/IdleMonitor.h"
#include "ui/auth/ChangePasswordDialog.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/CloseDialogsThen.h"
#include "ui/common/Dialogs.h"
#include "ui/server/ServerWindow.h"
#include "ui/server/ServerWorkspace.h"

#include <QDialog>
#include <QPointer>

namespace bv::ui {

ServerController::ServerController(SecretStore& store, Dialogs& dialogs, QObject* parent)
    : QObject(parent)
    , m_store(store)
    , m_dialogs(dialogs)
    , m_window(std::make_unique<ServerWindow>())
    , m_clipboard(std::make_unique<ClipboardGuard>())
    , m_idle(std::make_unique<IdleMonitor>())
{
    connect(m_window.get(), &ServerWindow::signOutRequested, this, &ServerController::signOut);
    connect(m_window.get(), &ServerWindow::changePasswordRequested, this, &ServerController::changePassword);
    connect(m_idle.get(), &IdleMonitor::idle, this, [this] {
        endLater(
            tr("You were signed out after %n minutes without input. Sign in again to go on.", nullptr, m_idleMinutes),
            true);
    });
}

ServerController::~ServerController()
{
    endSession();
    m_window.reset();
}

ServerWorkspace* ServerController::workspace() const
{
    return m_window->workspace();
}

bool ServerController::start()
{
    return signInInteractively();
}

bool ServerController::signInInteractively()
{
    auto settings = ServerWorkstation::configured();
    const QString where = settings.ok() ? tr("branch server %1").arg(settings->address.host) : QString();
    std::unique_ptr<ServerSession> signedIn;
    SignInDialog dialog(
        where, SignInDialog::Attempt([&](const QString& login, const SecureBytes& password, const QString&) -> Status {
            auto session = ServerSession::signIn(m_store, login, password);
            if (!session.ok())
                return session.error();
            signedIn = std::move(session).value();
            return {};
        }));
    if (m_dialogs.exec(&dialog) != QDialog::Accepted || !signedIn)
        return false;
    return enter(std::move(signedIn));
}

bool ServerController::enter(std::unique_ptr<ServerSession> session)
{
    endSession();
    m_session = std::move(session);
    const ServerSession::Identity& who = m_session->identity();
    if (who.mustChangePassword) {
        ChangePasswordDialog dialog(
            true,
            [this](const SecureBytes& current, const SecureBytes& next, const SecureBytes& code) {
                return m_session->changePassword(current, next, code);
            },
            m_window.get(), who.keys == ServerSession::Keys::AwaitingPasswordChange);
        if (m_dialogs.exec(&dialog) != QDialog::Accepted) {
            endSession();
            return false;
        }
    }
    auto idle = m_session->idleMinutes();
    if (!idle.ok()) {
        m_dialogs.showError(m_window.get(), idle.error());
        endSession();
        return false;
    }
    m_idleMinutes = *idle;
    const ServerContext context {*m_session, m_dialogs, *m_clipboard};
    auto* workspace = new ServerWorkspace(context);
    // only the workspace on screen ends the session (a second error box of a page may report the loss again)
    connect(
        workspace, &ServerWorkspace::sessionLost, this,
        [this, shown = QPointer<ServerWorkspace>(workspace)] {
            if (shown && shown == m_window->workspace() && m_session)
                signOut();
        },
        Qt::QueuedConnection);
    m_window->showWorkspace(workspace,
        tr("BranchVault — %1 (%2) — branch %3").arg(who.login, Roles::label(who.role), who.branch),
        tr("Signed in to the branch server %1 (%2) as %3").arg(who.url, who.tlsVersion, who.login));
    m_window->show();
    m_idle->start(m_idleMinutes);
    return true;
}

void ServerController::endSession()
{
    m_idle->stop();
    m_clipboard->clear();
    if (m_window)
        m_window->clearWorkspace();
    m_session.reset(); // the keys are wiped and the connection closed
}

void ServerController::signOut()
{
    endLater(QString(), false);
}

void ServerController::endLater(const QString& why, bool idle)
{
    if (m_ending)
        return;
    m_ending = true;
    // the end in the branch's audit chain, as local mode records it (after a lost connection this fails: nothing
    // to record it on)
    if (m_session)
        (void)m_session->recordEnd(idle);
    m_idle->stop();
    m_clipboard->clear();
    m_window->hide();
    if (ServerWorkspace* workspace = m_window->workspace())
        workspace->setEnabled(false);
    // A page may be waiting in a dialog's own event loop (a reason, a reveal): the dialogs are closed now, and the
    // session and its workspace end once that page's code has returned, so no page is destroyed while it runs.
    closeDialogsThen(this, [this, why] {
        m_ending = false;
        endSession();
        if (!why.isEmpty())
            m_dialogs.showInfo(m_window.get(), tr("Signed out"), why);
        if (!signInInteractively())
            m_window->close();
    });
}

void ServerController::changePassword()
{
    if (!m_session)
        return;
    ChangePasswordDialog dialog(
        false,
        [this](const SecureBytes& current, const SecureBytes& next, const SecureBytes& code) {
            return m_session->changePassword(current, next, code);
        },
        m_window.get());
    if (m_dialogs.exec(&dialog) == QDialog::Accepted)
        m_dialogs.showInfo(m_window.get(), tr("Password changed"), tr("Your password was changed."));
}

} // namespace bv::ui
