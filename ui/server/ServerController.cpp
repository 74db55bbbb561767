#include "ui/server/ServerController.h"

#include "core/auth/Role.h"
#include "core/common/Translations.h"
#include "core/server/ServerDrafts.h"
#include "core/server/ServerOutbox.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerWorkstation.h"
#include "ui/app/IdleMonitor.h"
#include "ui/auth/ChangePasswordDialog.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/CloseDialogsThen.h"
#include "ui/common/Dialogs.h"
#include "ui/common/DraftSource.h"
#include "ui/main/SessionBanners.h"
#include "ui/server/OfflineWorkspace.h"
#include "ui/server/OutboxPage.h"
#include "ui/server/ServerWindow.h"
#include "ui/server/ServerWorkspace.h"

#include <QDialog>
#include <QPointer>
#include <QSettings>

#include <algorithm>

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
    connect(m_window.get(), &ServerWindow::languageRequested, this, &ServerController::setLanguage);
    m_window->setCurrentLanguage(QSettings().value(QStringLiteral("ui/language")).toString());
    connect(m_idle.get(), &IdleMonitor::idle, this, [this] {
        endLater(
            tr("You were signed out after %n minutes without input. Sign in again to go on.", nullptr, m_idleMinutes),
            true);
    });
    // the last 30 s: a countdown above the workspace; any input (or "Stay signed in") keeps the session
    connect(m_idle.get(), &IdleMonitor::warning, this, [this](int secondsLeft) {
        if ((!m_session && !m_offline) || m_ending)
            return;
        // kept now, while the server still takes them: at the end itself the connection may be gone
        m_draftsKeptAtWarning = keepDrafts();
        m_window->idleWarning()->start(secondsLeft);
    });
    connect(m_idle.get(), &IdleMonitor::warningCancelled, this, [this] {
        m_draftsKeptAtWarning = false;
        m_window->idleWarning()->dismiss();
    });
    connect(m_window.get(), &ServerWindow::closing, this, &ServerController::closing);
    m_window->setLeaveCheck([this] {
        ServerWorkspace* shown = m_window->workspace();
        return !shown || m_ending || shown->confirmLeave();
    });
    connect(m_window->draftOffer(), &DraftOfferBanner::restoreRequested, this, &ServerController::restoreDraft);
    connect(m_window->draftOffer(), &DraftOfferBanner::discardRequested, this, &ServerController::discardDraft);
    connect(m_window->idleWarning(), &IdleWarningBanner::stayRequested, m_idle.get(), &IdleMonitor::poke);
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
    std::unique_ptr<ServerOutbox::Session> offline;
    SignInDialog dialog(
        where, SignInDialog::Attempt([&](const QString& login, const SecureBytes& password, const QString&) -> Status {
            auto session = ServerSession::signIn(m_store, login, password);
            if (session.ok()) {
                signedIn = std::move(session).value();
                return {};
            }
            if (session.code() != ErrorCode::ServerUnavailable)
                return session.error();
            // the server cannot be reached: a customer manager goes on offline, against the key slot this
            // workstation kept at his or her last sign-in with the server
            auto kept = ServerOutbox::signIn(m_store, login, password);
            if (kept.ok()) {
                offline = std::move(kept).value();
                return {};
            }
            Error both = session.error();
            both.message += QStringLiteral("\n\n") + kept.error().message;
            return both;
        }));
    if (m_dialogs.exec(&dialog) != QDialog::Accepted)
        return false;
    if (offline)
        return enterOffline(std::move(offline));
    if (!signedIn)
        return false;
    return enter(std::move(signedIn));
}

bool ServerController::enterOffline(std::unique_ptr<ServerOutbox::Session> session)
{
    endSession();
    m_offline = std::move(session);
    const ServerOutbox::Identity& who = m_offline->identity();
    m_idleMinutes = std::clamp(who.idleMinutes, 1, 30);
    m_window->showWorkspace(new OfflineWorkspace(*m_offline, m_dialogs, *m_clipboard),
        tr("BranchVault — %1 (%2) — branch %3 — offline").arg(who.login, Roles::label(who.role), who.branch),
        tr("Offline: the branch server cannot be reached. New customers and service records are kept on this "
           "workstation."));
    m_window->setOnline(false);
    m_window->show();
    m_idle->start(m_idleMinutes);
    return true;
}

QString ServerController::uploadSummary(const OutboxUpload& upload)
{
    QStringList parts;
    if (!upload.sent.isEmpty()) {
        QStringList numbers;
        QStringList served;
        for (const OutboxUpload::Sent& sent : upload.sent)
            (sent.kind == OutboxEntry::Kind::Service ? served : numbers) << sent.customerNumber;
        if (!numbers.isEmpty())
            parts << tr("%n new customers kept offline at this workstation went to the branch server: %1. Each waits "
                        "for a branch manager's approval.",
                nullptr, int(numbers.size()))
                         .arg(numbers.join(QStringLiteral(", ")));
        if (!served.isEmpty())
            parts << tr("%n service records kept offline at this workstation are recorded on the branch server, for "
                        "customers %1.",
                nullptr, int(served.size()))
                         .arg(served.join(QStringLiteral(", ")));
    }
    if (!upload.refused.isEmpty()) {
        QStringList reasons;
        for (const OutboxEntry& entry : upload.refused)
            reasons << tr("Entry %1 (%2): %3")
                           .arg(entry.id)
                           .arg(entry.kind == OutboxEntry::Kind::Service
                                   ? tr("a service record for customer %1").arg(entry.customerNumber)
                                   : entry.maskedName,
                               entry.refusal);
        parts << tr("%n entries were refused and stay under \"Kept offline\" until you discard them:", nullptr,
                     int(upload.refused.size()))
                + QStringLiteral("\n• ") + reasons.join(QStringLiteral("\n• "));
    }
    if (upload.stoppedBy)
        parts << tr("Sending stopped: %1 %n entries still wait and are sent at your next sign-in.", nullptr,
            upload.stillWaiting)
                     .arg(upload.stoppedBy->message);
    return parts.join(QStringLiteral("\n\n"));
}

void ServerController::rememberForOffline()
{
    if (Status kept = ServerOutbox::remember(m_store, *m_session); !kept.ok())
        m_dialogs.showInfo(m_window.get(), tr("Offline entry not available"),
            tr("If the branch server cannot be reached later, this workstation cannot offer offline entry: %1")
                .arg(kept.error().message));
}

void ServerController::sendOutbox(bool retryRefused)
{
    auto sent = ServerOutbox::upload(m_store, *m_session, retryRefused);
    if (!sent.ok()) {
        m_dialogs.showError(m_window.get(), sent.error());
        return;
    }
    if (const QString summary = uploadSummary(*sent); !summary.isEmpty())
        m_dialogs.showInfo(m_window.get(), tr("Kept offline"), summary);
}

QString ServerController::serverPasswordRule() const
{
    // the branch server's rule; when it cannot be read, the dialog says the default rule and the change itself
    // reports what the server refused
    if (!m_session)
        return QString();
    auto rule = m_session->passwordRule();
    return rule.ok() ? *rule : QString();
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
            m_window.get(), who.keys == ServerSession::Keys::AwaitingPasswordChange, serverPasswordRule());
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
    // what an offline sign-in needs next time (a customer manager's), then what was kept offline is sent
    rememberForOffline();
    sendOutbox(false);
    const ServerContext context {*m_session, m_dialogs, *m_clipboard};
    auto* workspace = new ServerWorkspace(context);
    if (auto left = ServerOutbox::entries(m_store, *m_session); left.ok() && !left->isEmpty())
        workspace->addOutbox(new OutboxPage(
            m_dialogs, *m_clipboard,
            tr("New customers you kept on this workstation while the branch server could not be reached, and that "
               "were not sent. A refused entry stays here, with the reason, until you discard it."),
            [this] { return ServerOutbox::entries(m_store, *m_session); },
            [this](qint64 id) { return ServerOutbox::discard(m_store, *m_session, id); },
            [this] { sendOutbox(true); }));
    // only the workspace on screen ends the session (a second error box of a page may report the loss again)
    connect(
        workspace, &ServerWorkspace::sessionLost, this,
        [this, shown = QPointer<ServerWorkspace>(workspace)] {
            if (shown && shown == m_window->workspace() && m_session)
                endLater(QString(), false);
        },
        Qt::QueuedConnection);
    m_window->showWorkspace(workspace,
        tr("BranchVault — %1 (%2) — branch %3").arg(who.login, Roles::label(who.role), who.branch),
        tr("Signed in to the branch server %1 (%2) as %3").arg(who.url, who.tlsVersion, who.login));
    m_window->setOnline(true);
    m_window->show();
    m_idle->start(m_idleMinutes);
    m_draftsKeptAtWarning = false;
    m_endRecorded = false;
    offerDrafts();
    return true;
}

bool ServerController::keepDrafts()
{
    ServerWorkspace* workspace = m_window->workspace();
    if (!m_session || !workspace)
        return true;
    bool kept = true;
    const QList<QWidget*> widgets = workspace->findChildren<QWidget*>();
    for (QWidget* widget : widgets) {
        auto* source = dynamic_cast<DraftSource*>(widget);
        if (!source || !ServerDrafts::keeps(source->draftForm(), source->draftSubject()))
            continue;
        const QString content = source->draftContent();
        if (content.isEmpty())
            continue;
        // nothing to tell the person now (the session is ending); a form that could not be kept at the warning is
        // tried again at the end, and after that it is lost, as in local mode
        if (!ServerDrafts(*m_session).save(source->draftForm(), source->draftSubject(), content).ok())
            kept = false;
    }
    return kept;
}

void ServerController::closing()
{
    if (!m_session || m_ending)
        return;
    // closing the window ends the session (the controller goes with the application): the form is kept and the
    // end recorded first, as at a sign-out
    if (!m_draftsKeptAtWarning)
        keepDrafts();
    m_draftsKeptAtWarning = true; // kept: an end that follows does not keep it twice
    (void)m_session->recordEnd(false);
    m_endRecorded = true;
    m_idle->stop();
}

void ServerController::offerDrafts()
{
    const Role role = m_session ? m_session->identity().role : Role::Clerk;
    if (!m_session || (role != Role::Manager && role != Role::CustomerManager)
        || m_session->identity().keys != ServerSession::Keys::Open) {
        m_window->draftOffer()->setDrafts({});
        return;
    }
    auto drafts = ServerDrafts(*m_session).list();
    if (!drafts.ok()) {
        m_dialogs.showError(m_window.get(), drafts.error());
        m_window->draftOffer()->setDrafts({});
        return;
    }
    m_window->draftOffer()->setDrafts(*drafts);
}

void ServerController::restoreDraft(const DraftInfo& draft)
{
    ServerWorkspace* workspace = m_window->workspace();
    if (!m_session || !workspace)
        return;
    DraftSource* target = workspace->draftTarget(draft.form, draft.subject);
    if (!target) {
        m_dialogs.showError(m_window.get(),
            makeError(ErrorCode::NotFound,
                tr("The form of this draft cannot be opened in this workspace. Discard the draft, or fill in the "
                   "form at a workstation of the branch server.")));
        return;
    }
    auto content = ServerDrafts(*m_session).restore(draft.id);
    if (!content.ok()) {
        if (content.error().code == ErrorCode::NotFound)
            m_window->draftOffer()->remove(draft.id);
        m_dialogs.showError(m_window.get(), content.error());
        return;
    }
    if (!target->restoreDraft(*content)) {
        m_dialogs.showError(m_window.get(),
            makeError(ErrorCode::Damaged,
                tr("The draft was kept by another version of BranchVault and does not fit this form. Fill in the "
                   "form again and discard the draft.")));
        return;
    }
    m_window->draftOffer()->remove(draft.id);
}

void ServerController::discardDraft(const DraftInfo& draft)
{
    if (!m_session)
        return;
    Status discarded = ServerDrafts(*m_session).discard(draft.id);
    if (!discarded.ok() && discarded.error().code != ErrorCode::NotFound) {
        m_dialogs.showError(m_window.get(), discarded.error());
        return;
    }
    m_window->draftOffer()->remove(draft.id);
}

void ServerController::endSession()
{
    m_idle->stop();
    m_clipboard->clear();
    if (m_window)
        m_window->clearWorkspace();
    m_session.reset(); // the keys are wiped and the connection closed
    m_offline.reset();
    applyLanguage();
}

void ServerController::setLanguage(const QString& language)
{
    // The interface language is a preference, not a secret: QSettings is the right place for it.
    QSettings().setValue(QStringLiteral("ui/language"), language);
    m_window->setCurrentLanguage(language);
    m_language = language;
    if (!m_session && !m_offline) {
        applyLanguage();
        return;
    }
    // Rebuilding the workspace now would lose what is typed in its forms (only the new-customer form is kept as a
    // draft over the server, at the end of a session). The new language comes with the next sign-in.
    m_dialogs.showInfo(m_window.get(), tr("Language"),
        tr("The language is saved. It applies from the next sign-in; the work open now stays as it is."));
}

void ServerController::applyLanguage()
{
    if (!m_language)
        return;
    installTranslations(*m_language);
    m_language.reset();
    if (m_window)
        m_window->retranslate();
}

void ServerController::signOut()
{
    // unsaved settings are asked about first; "stay" keeps the session (the idle time and a lost connection do not ask)
    if (ServerWorkspace* shown = m_window->workspace(); shown && !m_ending && !shown->confirmLeave())
        return;
    endLater(QString(), false);
}

void ServerController::endLater(const QString& why, bool idle)
{
    if (m_ending)
        return;
    m_ending = true;
    // the forms go into drafts while the session can still seal and send them (after the idle warning they already
    // did; after a lost connection nothing can)
    if (!m_draftsKeptAtWarning)
        keepDrafts();
    m_draftsKeptAtWarning = false;
    // the end in the branch's audit chain, as local mode records it (after a lost connection this fails: nothing
    // to record it on)
    if (m_session && !m_endRecorded)
        (void)m_session->recordEnd(idle);
    if (m_offline)
        (void)m_offline->recordEnd(idle);
    m_idle->stop();
    m_window->idleWarning()->dismiss();
    m_clipboard->clear();
    m_window->hide();
    if (QWidget* workspace = m_window->currentWorkspace())
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
        m_window.get(), false, serverPasswordRule());
    if (m_dialogs.exec(&dialog) != QDialog::Accepted)
        return;
    // the copy of the key slot kept for offline sign-in follows the new password (the old one no longer opens it)
    rememberForOffline();
    m_dialogs.showInfo(m_window.get(), tr("Password changed"), tr("Your password was changed."));
}

} // namespace bv::ui
