#pragma once

#include "core/auth/Session.h"

#include <QMainWindow>
#include <QPointer>

class QStackedWidget;

namespace bv::ui {

class DraftOfferBanner;
class IdleWarningBanner;
class LockPage;
class Workspace;

// The main window: a role's workspace, or the lock page. The title shows user, role and branch. It
// wires pages together; the application controller decides what is shown.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Takes ownership; the previous workspace (if any) is cleared (clearWorkspace()).
    void showWorkspace(Workspace* workspace, const Actor& who, const QString& branch);
    // Clears the workspace (no customer data stays in any widget) and shows the lock page. While locked, the
    // Session menu's actions the core refuses (change password, second factor) are disabled.
    void showLocked(const Actor& who);
    // The workspace leaves the screen at once — hidden, disabled, disconnected, workspace() is null — and is
    // destroyed once no page's code runs any more: every open dialog and popup is closed first, since a page may be
    // waiting in one (closeDialogsThen). Whatever must not wait (the session locked, its keys wiped) the caller does
    // before.
    void clearWorkspace();
    // Destroys the workspace now, with any cleared one still waiting for its end: the database closes, and the pages
    // must not outlive the core they hold. Only where no page's code can be running (the restore, queued to the
    // event loop).
    void destroyWorkspaces();

    Workspace* workspace() const { return m_workspace; }
    LockPage* lockPage() const { return m_lock; }
    // Above the workspace: the countdown before the idle lock, and the offer of the person's own drafts.
    IdleWarningBanner* idleWarning() const { return m_idleWarning; }
    DraftOfferBanner* draftOffer() const { return m_draftOffer; }
    QAction* changePasswordAction() const { return m_changePassword; }
    QAction* secondFactorAction() const { return m_secondFactor; }
    static QString titleFor(const Actor& who, const QString& branch);
    // The language chosen in the Language menu ("" for the system language, "zh_CN", "en"): its entry is checked.
    void setCurrentLanguage(const QString& language);
    QString currentLanguage() const { return m_language; }
    // After the translators changed: the menus are built again in the new language, the title follows.
    void retranslate();

signals:
    // The window is closing (after the workspace agreed): the application keeps the open forms as drafts.
    void closing();
    void lockRequested();
    void signOutRequested();
    void changePasswordRequested();
    void secondFactorRequested();
    void languageRequested(const QString& language);
    void restoreRequested(const QString& backupFile);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();

    QStackedWidget* m_stack = nullptr;
    QPointer<Workspace> m_workspace;
    QString m_language;
    Actor m_who;
    QString m_branch;
    LockPage* m_lock = nullptr;
    IdleWarningBanner* m_idleWarning = nullptr;
    DraftOfferBanner* m_draftOffer = nullptr;
    QAction* m_changePassword = nullptr;
    QAction* m_secondFactor = nullptr;
};

} // namespace bv::ui
