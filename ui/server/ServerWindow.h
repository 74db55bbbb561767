#pragma once

#include <QMainWindow>
#include <QPointer>

class QLabel;

namespace bv::ui {

class ServerWorkspace;

// The main window in branch-server mode: the role's workspace, the Session menu (change password, sign out, quit),
// and who is signed in to which server in the title and the status bar.
class ServerWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit ServerWindow(QWidget* parent = nullptr);

    // Takes ownership; the previous workspace (if any) is destroyed.
    void showWorkspace(ServerWorkspace* workspace, const QString& title, const QString& status);
    // Destroys the workspace: no customer data stays in any widget.
    void clearWorkspace();
    ServerWorkspace* workspace() const;
    QLabel* statusLabel() const { return m_status; }

signals:
    void signOutRequested();
    void changePasswordRequested();

private:
    QPointer<ServerWorkspace> m_workspace;
    QLabel* m_status = nullptr;
};

} // namespace bv::ui
