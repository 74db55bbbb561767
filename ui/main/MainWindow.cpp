#include "ui/main/MainWindow.h"

#include "ui/common/LanguageMenu.h"

#include "ui/common/CloseDialogsThen.h"
#include "ui/main/LockPage.h"
#include "ui/main/SessionBanners.h"
#include "ui/workspaces/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#ifdef Q_OS_WIN
#include <windows.h>
#endif

namespace bv::ui {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_idleWarning = new IdleWarningBanner(central);
    m_draftOffer = new DraftOfferBanner(central);
    m_stack = new QStackedWidget(central);
    m_lock = new LockPage(m_stack);
    m_stack->addWidget(m_lock);
    column->addWidget(m_idleWarning);
    column->addWidget(m_draftOffer);
    column->addWidget(m_stack, 1);
    setCentralWidget(central);
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
    QMenu* session = menuBar()->addMenu(tr("Sess&ion"));
    session->setObjectName(QStringLiteral("sessionMenu"));
    QAction* lock = session->addAction(tr("&Lock"));
    lock->setObjectName(QStringLiteral("lockAction"));
    lock->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(lock, &QAction::triggered, this, &MainWindow::lockRequested);
    m_changePassword = session->addAction(tr("Change &password…"));
    m_changePassword->setObjectName(QStringLiteral("changePasswordAction"));
    connect(m_changePassword, &QAction::triggered, this, &MainWindow::changePasswordRequested);
    m_secondFactor = session->addAction(tr("Second &factor…"));
    m_secondFactor->setObjectName(QStringLiteral("secondFactorAction"));
    connect(m_secondFactor, &QAction::triggered, this, &MainWindow::secondFactorRequested);
    session->addSeparator();
    QAction* signOut = session->addAction(tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    connect(signOut, &QAction::triggered, this, [this] {
        if (!m_workspace || m_workspace->confirmLeave())
            emit signOutRequested();
    });

    LanguageMenu::add(menuBar(), m_language, [this](const QString& key) { emit languageRequested(key); });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About BranchVault"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About BranchVault"),
            tr("BranchVault %1\nBranch customer information protection (网点客户信息保护管理系统).")
                .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::setCurrentLanguage(const QString& language)
{
    m_language = language;
    LanguageMenu::check(menuBar(), language);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_workspace && m_workspace->isVisible() && !m_workspace->confirmLeave()) {
        event->ignore();
        return;
    }
    emit closing();
    QMainWindow::closeEvent(event);
}

void MainWindow::retranslate()
{
    setMenuBar(new QMenuBar(this)); // the old bar and its menus go with it
    buildMenus();
    setWindowTitle(m_workspace ? titleFor(m_who, m_branch) : tr("BranchVault"));
}

void MainWindow::clearWorkspace()
{
    m_idleWarning->dismiss();
    m_draftOffer->setDrafts({});
    if (!m_workspace)
        return;
    // Off the screen and out of reach now; its widgets go once no page's code runs any more — a page may be
    // waiting in a dialog's own event loop, and destroying it there would destroy it under its own stack frame.
    const QPointer<Workspace> retired = m_workspace.data();
    m_workspace = nullptr;
    disconnect(retired.data(), nullptr, this, nullptr); // a page still running asks for nothing any more
    retired->setEnabled(false);
    m_stack->removeWidget(retired);
    retired->hide();
    closeDialogsThen(this, [retired] { delete retired.data(); });
}

void MainWindow::destroyWorkspaces()
{
    m_idleWarning->dismiss();
    m_draftOffer->setDrafts({});
    m_workspace = nullptr;
    // the shown one and any still waiting for its deferred end (they stay children of the stack)
    qDeleteAll(m_stack->findChildren<Workspace*>(Qt::FindDirectChildrenOnly));
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
    m_who = who;
    m_branch = branch;
    setWindowTitle(titleFor(who, branch));
    m_changePassword->setEnabled(true);
    m_secondFactor->setEnabled(true);
    statusBar()->showMessage(tr("Signed in: %1 · %2 · branch %3").arg(who.displayName, Roles::label(who.role), branch));
}

void MainWindow::showLocked(const Actor& who)
{
    clearWorkspace();
    m_idleWarning->dismiss();
    m_draftOffer->setDrafts({});
    // the core refuses both while the session is locked
    m_changePassword->setEnabled(false);
    m_secondFactor->setEnabled(false);
    m_lock->setUser(who.displayName);
    m_stack->setCurrentWidget(m_lock);
    statusBar()->showMessage(tr("Locked"));
}

} // namespace bv::ui
