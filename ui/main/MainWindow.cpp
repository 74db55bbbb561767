#include "MainWindow.h"

#include "LockPage.h"
#include "workspaces/Workspace.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace bv::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    m_stack = new QStackedWidget(this);
    m_lock = new LockPage(m_stack);
    m_stack->addWidget(m_lock);
    setCentralWidget(m_stack);
    buildMenus();
    resize(1200, 780);
    setWindowTitle(tr("BranchVault"));
#ifdef Q_OS_WIN
    // Ask Windows to leave this window out of screenshots and screen recordings.
    SetWindowDisplayAffinity(reinterpret_cast<HWND>(winId()), 0x00000011 /* WDA_EXCLUDEFROMCAPTURE */);
#endif
}

MainWindow::~MainWindow() = default;

QString MainWindow::titleFor(const Actor& who, const QString& branch)
{
    // The application's display name ("BranchVault") is appended by Qt to every window title
    // (QGuiApplication::applicationDisplayName): the title names only what is particular to this window.
    return tr("%1 (%2) — branch %3").arg(who.displayName, Roles::label(who.role), branch);
}

void MainWindow::buildMenus()
{
    QMenu* session = menuBar()->addMenu(tr("&Session"));
    QAction* lock = session->addAction(tr("&Lock"));
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lock, &QAction::triggered, this, &MainWindow::lockRequested);
    QAction* password = session->addAction(tr("Change &password…"));
    connect(password, &QAction::triggered, this, &MainWindow::changePasswordRequested);
    QAction* factor = session->addAction(tr("Second &factor…"));
    connect(factor, &QAction::triggered, this, &MainWindow::secondFactorRequested);
    session->addSeparator();
    QAction* signOut = session->addAction(tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    connect(signOut, &QAction::triggered, this, &MainWindow::signOutRequested);

    QMenu* language = menuBar()->addMenu(tr("&Language"));
    auto* group = new QActionGroup(language);
    const struct
    {
        QString key;
        QString label;
    } languages[] = {{QString(), tr("System language")}, {QStringLiteral("zh_CN"), QStringLiteral("中文（简体）")},
        {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto& entry : languages) {
        QAction* action = language->addAction(entry.label);
        action->setCheckable(true);
        group->addAction(action);
        const QString key = entry.key;
        connect(action, &QAction::triggered, this, [this, key] { emit languageRequested(key); });
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About BranchVault"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About BranchVault"),
            tr("BranchVault %1\nBranch customer information protection (网点客户信息保护管理系统).")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::clearWorkspace()
{
    if (m_workspace) {
        m_stack->removeWidget(m_workspace);
        delete m_workspace;
    }
}

void MainWindow::showWorkspace(Workspace* workspace, const Actor& who, const QString& branch)
{
    clearWorkspace();
    m_workspace = workspace;
    m_stack->addWidget(workspace);
    m_stack->setCurrentWidget(workspace);
    connect(workspace, &Workspace::lockRequested, this, &MainWindow::lockRequested);
    // queued: a restore closes the database and destroys the workspace that asked for it
    connect(workspace, &Workspace::restoreRequested, this, &MainWindow::restoreRequested, Qt::QueuedConnection);
    setWindowTitle(titleFor(who, branch));
    statusBar()->showMessage(tr("Signed in: %1 · %2 · branch %3").arg(who.displayName, Roles::label(who.role), branch));
}

void MainWindow::showLocked(const Actor& who)
{
    clearWorkspace();
    m_lock->setUser(who.displayName);
    m_stack->setCurrentWidget(m_lock);
    statusBar()->showMessage(tr("Locked"));
}

} // namespace bv::ui
