#pragma once

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QAction;
class QLabel;
class QVBoxLayout;

namespace bv::ui {

class DraftOfferBanner;
class IdleWarningBanner;
class OfflineWorkspace;
class ServerWorkspace;

// The main window in branch-server mode: the role's workspace, the Session menu (change password, sign out, the
// Language submenu, quit), and who is signed in to which server in the title and the status bar. Above the workspace,
// the idle warning counts down the last 30 s before the idle time ends the session.
class ServerWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ServerWindow(QWidget* parent = nullptr);

    // Takes ownership of a ServerWorkspace (online) or an OfflineWorkspace; the previous one (if any) is destroyed.
    void showWorkspace(QWidget* workspace, const QString& title, const QString& status);
    // Destroys the workspace: no customer data stays in any widget.
    void clearWorkspace();
    // The workspace shown (online or offline), or null.
    QWidget* currentWorkspace() const;
    ServerWorkspace* workspace() const;
    OfflineWorkspace* offlineWorkspace() const;
    // Offline, what needs the server (the password change) is not offered, and the idle warning says that nothing
    // typed is kept.
    void setOnline(bool online);
    QLabel* statusLabel() const { return m_status; }
    IdleWarningBanner* idleWarning() const { return m_idleWarning; }
    // The signed-in person's drafts kept on the server, offered after the sign-in.
    DraftOfferBanner* draftOffer() const { return m_draftOffer; }
    // The Language menu's check mark; retranslate() builds the menus again in the language installed now.
    void setCurrentLanguage(const QString& language);
    // Asked before the window closes (unsaved settings); false keeps it open.
    void setLeaveCheck(std::function<bool()> check) { m_leaveCheck = std::move(check); }
    void retranslate();

signals:
    void signOutRequested();
    void changePasswordRequested();
    void languageRequested(const QString& language);
    // The window is closing: the application keeps the new-customer form as a draft and records the end.
    void closing();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    QPointer<QWidget> m_workspace;
    std::function<bool()> m_leaveCheck;
    QVBoxLayout* m_column = nullptr;
    IdleWarningBanner* m_idleWarning = nullptr;
    DraftOfferBanner* m_draftOffer = nullptr;
    QString m_language;
    bool m_online = true;
    QAction* m_changePassword = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace bv::ui
