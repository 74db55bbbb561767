#include "ui/app/AppController.h"

#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordRule.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/drafts/DraftService.h"
#include "core/policy/SettingsService.h"
#include "core/setup/DatabaseRestore.h"
#include "core/vault/AdminService.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"
#include "ui/app/DraftKeeper.h"
#include "ui/app/IdleMonitor.h"
#include "ui/auth/ChangePasswordDialog.h"
#include "ui/auth/SecondFactorDialog.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/CloseDialogsThen.h"
#include "ui/common/Dialogs.h"
#include "ui/main/LockPage.h"
#include "ui/main/MainWindow.h"
#include "ui/main/SessionBanners.h"
#include "ui/startup/FirstRunWizard.h"
#include "ui/startup/StartupController.h"
#include "ui/startup/UnlockDialog.h"
#include "ui/startup/WidgetStartupPrompts.h"
#include "ui/workspaces/Workspace.h"
#include "ui/workspaces/WorkspaceFactory.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>

namespace bv::ui {

AppController::AppController(VaultService& vaults, Dialogs& dialogs, QObject* parent)
    : QObject(parent)
    , m_vaults(vaults)
    , m_dialogs(dialogs)
    , m_window(std::make_unique<MainWindow>())
    , m_clipboard(std::make_unique<ClipboardGuard>())
    , m_idle(std::make_unique<IdleMonitor>())
{
    m_drafts = std::make_unique<DraftKeeper>(*m_window, m_dialogs);
    connect(m_drafts.get(), &DraftKeeper::lockRequested, this, &AppController::lock);
    connect(m_window.get(), &MainWindow::lockRequested, this, &AppController::lock);
    connect(m_window.get(), &MainWindow::signOutRequested, this, &AppController::signOut);
    connect(m_window.get(), &MainWindow::closing, this, &AppController::keepDraftsAtClose);
    connect(m_window.get(), &MainWindow::changePasswordRequested, this, &AppController::changePassword);
    connect(m_window.get(), &MainWindow::secondFactorRequested, this, &AppController::enrolSecondFactor);
    m_window->setCurrentLanguage(QSettings().value(QStringLiteral("ui/language")).toString());
    connect(m_window.get(), &MainWindow::languageRequested, this, &AppController::setLanguage);
    connect(m_window.get(), &MainWindow::restoreRequested, this, &AppController::restoreBackup);
    connect(m_idle.get(), &IdleMonitor::idle, this, &AppController::lock);
    connect(m_idle.get(), &IdleMonitor::warning, this, &AppController::idleWarning);
    connect(m_idle.get(), &IdleMonitor::warningCancelled, this, [this] {
        m_draftsKeptAtWarning = false;
        m_window->idleWarning()->dismiss();
    });
    connect(m_idle.get(), &IdleMonitor::activity, this, &AppController::touchSession);
    connect(m_window->idleWarning(), &IdleWarningBanner::stayRequested, m_idle.get(), &IdleMonitor::poke);
    connect(m_window->lockPage(), &LockPage::unlocked, this, [this] {
        m_locked = false;
        // the idle time starts again (after an idle lock its timer has run out)
        if (m_core)
            m_idle->start(int(m_core->settings().integer(QString::fromLatin1(settings::IdleMinutes))));
        showWorkspace();
    });
    connect(m_window->lockPage(), &LockPage::signOutRequested, this, &AppController::signOut);
    m_daily.setInterval(24 * 60 * 60 * 1000);
    connect(&m_daily, &QTimer::timeout, this, &AppController::runDailyJobs);
}

AppController::~AppController()
{
    if (m_core && m_session.isValid())
        (void)m_core->auth().signOut(m_session);
    m_clipboard->clear();
    m_drafts.reset();
    m_window.reset(); // widgets go before the services they use
    m_core.reset();
}

Core& AppController::adopt(std::unique_ptr<Vault> vault)
{
    m_core.reset();
    m_vault = std::move(vault);
    m_core = std::make_unique<Core>(*m_vault, m_vaults);
    runDailyJobs();
    m_daily.start();
    return *m_core;
}

void AppController::runDailyJobs()
{
    if (!m_core)
        return;
    auto anonymised = m_core->customers().retention().anonymiseDue();
    if (!anonymised.ok())
        m_dialogs.showError(m_window.get(), anonymised.error());
    // drafts past their lifetime go even when their author never signs in again
    auto expired = DraftService::forCore(*m_core).purgeExpired();
    if (!expired.ok())
        m_dialogs.showError(m_window.get(), expired.error());
}

bool AppController::start(const QString& databasePath)
{
    const QString path = QFileInfo(databasePath).absoluteFilePath();
    if (!QFileInfo::exists(path)) {
        FirstRunWizard wizard(
            m_vaults, path, [this](std::unique_ptr<Vault> vault) -> Core& { return adopt(std::move(vault)); });
        if (m_dialogs.exec(&wizard) != QDialog::Accepted && !wizard.created())
            return false;
        if (!wizard.session().isValid())
            return signInInteractively();
        m_window->show();
        enter(wizard.session());
        return true;
    }
    return reopen(path);
}

bool AppController::reopen(const QString& databasePath)
{
    WidgetStartupPrompts prompts(m_window.get());
    StartupController startup(m_vaults, prompts);
    auto vault = startup.run(databasePath);
    if (!vault)
        return false;
    adopt(std::move(vault));
    return signInInteractively();
}

void AppController::closeDatabase()
{
    m_clipboard->clear();
    m_idle->stop();
    m_drafts->clear();
    m_daily.stop();
    m_window->destroyWorkspaces(); // before the core their pages hold
    if (m_core && m_session.isValid())
        (void)m_core->auth().signOut(m_session);
    m_session = Session();
    m_locked = false;
    m_window->hide();
    m_core.reset();
    m_vault.reset(); // closes the connection and releases the lock file
}

bool AppController::restoreBackup(const QString& backupFile)
{
    if (!m_core || !m_session.isValid() || m_locked)
        return false;
    const QString databasePath = m_vault->path();
    bool closed = false;
    const DatabaseRestore::Replacing replacing {*m_core, m_session, [this, &closed] {
                                                    closeDatabase();
                                                    closed = true;
                                                }};
    // An administrator of the backup signs in to the restored copy, before anything is swapped; the restore is
    // recorded in the backup's own audit log. Cancelling leaves everything as it was.
    const auto signIn = [&](const DatabaseRestore::Authenticate& authenticate) -> Result<Session> {
        SignInDialog dialog(tr("restoring %1").arg(QFileInfo(backupFile).fileName()), authenticate);
        dialog.setWindowTitle(tr("Restore: an administrator of the backup signs in"));
        if (m_dialogs.exec(&dialog) != QDialog::Accepted)
            return makeError(ErrorCode::AuthenticationFailed,
                tr("No administrator of the backup signed in, so the restore was cancelled and nothing was changed. "
                   "Restore again and sign in with an administrator account of the backed-up database."));
        return dialog.session();
    };
    // the backup's key is not in this account's keychain: its recovery passphrase opens it
    const auto askPassphrase = [&](const Error& why) -> std::optional<SecureBytes> {
        UnlockDialog unlock(backupFile, why, m_window.get());
        if (m_dialogs.exec(&unlock) != QDialog::Accepted)
            return std::nullopt;
        QByteArray typed = unlock.passphrase();
        unlock.clearPassphrase();
        return SecureBytes::takeFrom(typed);
    };
    auto restored = DatabaseRestore::run(m_vaults, databasePath, backupFile, signIn, askPassphrase, &replacing);
    if (!restored.ok()) {
        m_dialogs.showError(m_window.get(), restored.error());
        // a refusal closed nothing; otherwise the untouched original opens again
        if (closed && !reopen(databasePath))
            m_window->close();
        return false;
    }
    QString text = tr("The backup %1 was restored.").arg(QFileInfo(backupFile).fileName());
    if (!restored->previousSavedAs.isEmpty())
        text += QLatin1Char(' ')
            + tr("The previous database was kept as %1.").arg(QDir::toNativeSeparators(restored->previousSavedAs));
    m_dialogs.showInfo(m_window.get(), tr("Restore"), text);
    if (!restored->keychainStatus.ok())
        m_dialogs.showError(m_window.get(), restored->keychainStatus.error());
    adopt(std::move(restored->vault));
    if (!signInInteractively())
        m_window->close();
    return true;
}

bool AppController::signInInteractively()
{
    SignInDialog dialog(m_core->settings().text(QString::fromLatin1(settings::BranchName)),
        [this](const QString& login, const SecureBytes& password, const QString& totp) {
            return m_core->auth().signIn(login, password, totp);
        });
    if (m_dialogs.exec(&dialog) != QDialog::Accepted)
        return false;
    m_window->show();
    enter(dialog.session());
    return true;
}

void AppController::enter(const Session& session)
{
    m_session = session;
    m_locked = false;
    AuthService& auth = m_core->auth();
    if (auth.restriction(session) == AuthService::Restriction::MustChangePassword) {
        ChangePasswordDialog dialog(
            true,
            [&](const SecureBytes& current, const SecureBytes& next, const SecureBytes& code) {
                return auth.changePassword(session, current, next, code);
            },
            m_window.get(), auth.needsConfirmationCode(session),
            PasswordRule::current(m_core->settings()).description());
        if (m_dialogs.exec(&dialog) != QDialog::Accepted) {
            signOut();
            return;
        }
    }
    if (auth.restriction(session) == AuthService::Restriction::MustEnrolSecondFactor) {
        enrolSecondFactor();
        if (auth.restriction(session) != AuthService::Restriction::None) {
            signOut();
            return;
        }
    }
    m_idle->start(int(m_core->settings().integer(QString::fromLatin1(settings::IdleMinutes))));
    showWorkspace();
}

void AppController::showWorkspace()
{
    if (!m_core || !m_session.isValid())
        return;
    const WorkspaceContext context {*m_core, m_session, m_dialogs, *m_clipboard};
    Workspace* workspace = WorkspaceFactory::create(context, m_session.info().role);
    if (!workspace)
        return;
    m_window->showWorkspace(
        workspace, m_session.info(), m_core->settings().text(QString::fromLatin1(settings::BranchCode)));
    m_idle->poke();
    m_lastTouch.start();
    m_drafts->offer(*m_core, m_session);
}

void AppController::idleWarning(int secondsLeft)
{
    if (!m_core || !m_session.isValid() || m_locked)
        return;
    // the session can still seal now; at the lock itself the core may already have locked it on its own
    m_drafts->keep(*m_core, m_session);
    m_draftsKeptAtWarning = true;
    m_window->idleWarning()->start(secondsLeft);
}

void AppController::touchSession()
{
    if (!m_core || !m_session.isValid() || m_locked)
        return;
    if (m_lastTouch.isValid() && m_lastTouch.elapsed() < kTouchSeconds * 1000)
        return;
    m_lastTouch.start();
    // the person is at the window: the core's idle clock starts again too. A session the core already locked
    // (its idle time passed without input here either) is locked in the window as well.
    auto state = m_core->auth().resolve(m_session);
    if (!state.ok() && state.error().code == ErrorCode::SessionLocked)
        lock();
}

void AppController::lock()
{
    if (!m_core || !m_session.isValid() || m_locked)
        return;
    // the forms go into drafts while the session can still seal them (after the idle warning they already did)
    if (!m_draftsKeptAtWarning)
        m_drafts->keep(*m_core, m_session);
    m_draftsKeptAtWarning = false;
    m_locked = true;
    m_clipboard->clear();
    // The session locks now: its keys are wiped and the core refuses it until the password is given again. The
    // workspace leaves the screen now as well; its widgets are destroyed once no page's code runs any more (a page
    // may be waiting in a dialog's own event loop: the idle time may end there, or the dialog itself asks for the
    // lock).
    (void)m_core->auth().lock(m_session);
    m_window->showLocked(m_session.info());
    m_window->lockPage()->setUnlock(
        [this](const SecureBytes& password) { return m_core->auth().unlock(m_session, password); });
}

void AppController::keepDraftsAtClose()
{
    // closing the window ends the session (the destructor signs out): the open forms are kept first, as at a
    // sign-out, and offered at the next sign-in
    if (m_core && m_session.isValid() && !m_locked && !m_draftsKeptAtWarning)
        m_drafts->keep(*m_core, m_session);
    m_draftsKeptAtWarning = true; // kept: a sign-out that follows does not keep them twice
}

void AppController::signOut()
{
    if (m_core && m_session.isValid() && !m_locked && !m_draftsKeptAtWarning)
        m_drafts->keep(*m_core, m_session);
    m_draftsKeptAtWarning = false;
    m_drafts->clear();
    m_clipboard->clear();
    m_idle->stop();
    m_window->clearWorkspace();
    if (m_core && m_session.isValid())
        (void)m_core->auth().signOut(m_session);
    m_session = Session();
    m_locked = false;
    m_window->hide();
    // The next sign-in once the workspace is gone: a page may still be waiting in a dialog's own event loop.
    if (m_signingOut)
        return;
    m_signingOut = true;
    closeDialogsThen(this, [this] {
        m_signingOut = false;
        if (m_core && !m_session.isValid() && !signInInteractively())
            m_window->close();
    });
}

void AppController::changePassword()
{
    if (!m_core || !m_session.isValid() || m_locked)
        return;
    ChangePasswordDialog dialog(
        false,
        [this](const SecureBytes& current, const SecureBytes& next, const SecureBytes& code) {
            return m_core->auth().changePassword(m_session, current, next, code);
        },
        m_window.get(), false, PasswordRule::current(m_core->settings()).description());
    if (m_dialogs.exec(&dialog) == QDialog::Accepted)
        m_dialogs.showInfo(m_window.get(), tr("Password changed"), tr("Your password was changed."));
}

void AppController::enrolSecondFactor()
{
    if (!m_core || !m_session.isValid() || m_locked)
        return;
    auto enrolment = m_core->auth().beginSecondFactor(m_session);
    if (!enrolment.ok()) {
        m_dialogs.showError(m_window.get(), enrolment.error());
        return;
    }
    const bool mandatory = m_core->auth().restriction(m_session) == AuthService::Restriction::MustEnrolSecondFactor;
    SecondFactorDialog dialog(
        QString::fromLatin1(enrolment->secretBase32.view().toByteArray()),
        QString::fromLatin1(enrolment->uri.view().toByteArray()), mandatory,
        [this](const QString& code) { return m_core->auth().confirmSecondFactor(m_session, code); }, m_window.get());
    m_dialogs.exec(&dialog);
}

void AppController::setLanguage(const QString& language)
{
    // The interface language is a preference, not a secret: QSettings is the right place for it.
    QSettings settings;
    settings.setValue(QStringLiteral("ui/language"), language);
    installTranslations(language);
    m_window->setCurrentLanguage(language);
    m_window->retranslate();
    if (!m_core || !m_session.isValid())
        return;
    if (m_locked) {
        m_window->showLocked(m_session.info()); // the lock page and the status bar in the new language
        return;
    }
    // The same path as after an unlock: the workspace is taken down as on lock — a form being filled in is kept
    // as a draft first and offered again in the rebuilt workspace — and built again in the new language.
    m_drafts->keep(*m_core, m_session);
    showWorkspace();
}

} // namespace bv::ui
