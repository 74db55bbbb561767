#include "ui/server/ServerWindow.h"

#include "ui/common/LanguageMenu.h"
#include "ui/main/SessionBanners.h"
#include "ui/server/OfflineWorkspace.h"
#include "ui/server/ServerWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QVBoxLayout>

namespace bv::ui {

ServerWindow::ServerWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("serverWindow"));
    resize(1100, 720);
    buildMenus();
    auto* central = new QWidget(this);
    m_column = new QVBoxLayout(central);
    m_column->setContentsMargins(0, 0, 0, 0);
    m_column->setSpacing(0);
    m_idleWarning = new IdleWarningBanner(central, IdleWarningBanner::Ending::SignOut);
    m_column->addWidget(m_idleWarning);
    m_draftOffer = new DraftOfferBanner(central);
    m_column->addWidget(m_draftOffer);
    setCentralWidget(central);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sessionStatusLabel"));
    statusBar()->addPermanentWidget(m_status);
}

void ServerWindow::buildMenus()
{
    QMenu* session = menuBar()->addMenu(tr("Sess&ion"));
    session->setObjectName(QStringLiteral("sessionMenu"));
    m_changePassword = session->addAction(tr("Change &password…"));
    m_changePassword->setObjectName(QStringLiteral("changePasswordAction"));
    m_changePassword->setEnabled(m_online);
    connect(m_changePassword, &QAction::triggered, this, &ServerWindow::changePasswordRequested);
    QAction* signOut = session->addAction(tr("Sign &out"));
    signOut->setObjectName(QStringLiteral("signOutAction"));
    signOut->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    connect(signOut, &QAction::triggered, this, &ServerWindow::signOutRequested);
    // in the Session menu, not on the menu bar: the workspaces' tabs and forms use every letter the bar could take
    LanguageMenu::add(session, m_language, [this](const QString& key) { emit languageRequested(key); });
    session->addSeparator();
    QAction* quit = session->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);
}

void ServerWindow::setCurrentLanguage(const QString& language)
{
    m_language = language;
    LanguageMenu::check(menuBar(), language);
}

void ServerWindow::retranslate()
{
    setMenuBar(new QMenuBar(this)); // the old bar and its menus go with it
    buildMenus();
    if (!m_workspace)
        setWindowTitle(QStringLiteral("BranchVault"));
}

void ServerWindow::showWorkspace(QWidget* workspace, const QString& title, const QString& status)
{
    clearWorkspace();
    m_workspace = workspace;
    m_column->addWidget(workspace, 1);
    setWindowTitle(title);
    m_status->setText(status);
}

QWidget* ServerWindow::currentWorkspace() const
{
    return m_workspace.data();
}

ServerWorkspace* ServerWindow::workspace() const
{
    return qobject_cast<ServerWorkspace*>(m_workspace.data());
}

OfflineWorkspace* ServerWindow::offlineWorkspace() const
{
    return qobject_cast<OfflineWorkspace*>(m_workspace.data());
}

void ServerWindow::setOnline(bool online)
{
    m_online = online;
    m_changePassword->setEnabled(online);
    // online the new-customer form is kept as a draft on the server when the session ends; offline nothing is
    m_idleWarning->setEnding(
        online ? IdleWarningBanner::Ending::SignOutKeepingEntry : IdleWarningBanner::Ending::SignOut);
}

void ServerWindow::closeEvent(QCloseEvent* event)
{
    if (m_leaveCheck && !m_leaveCheck()) {
        event->ignore();
        return;
    }
    emit closing();
    QMainWindow::closeEvent(event);
}

void ServerWindow::clearWorkspace()
{
    m_idleWarning->dismiss();
    m_draftOffer->setDrafts({});
    delete m_workspace.data();
    m_workspace = nullptr;
    m_status->clear();
    setWindowTitle(QStringLiteral("BranchVault"));
}

} // namespace bv::ui
