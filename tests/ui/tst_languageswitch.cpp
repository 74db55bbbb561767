// The language changes at once (issue 13 item 6): the Language menu installs the translation, rebuilds the
// menus and the workspace through the same path as an unlock, checks the chosen entry — no restart, the session
// untouched; while locked the lock page follows and the workspace comes back in the new language.
#include "core/Core.h"
#include "core/common/Translations.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/FakeSecretStore.h"
#include "tests/testsupport/TestSupport.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/app/AppController.h"
#include "ui/main/LockPage.h"
#include "ui/main/MainWindow.h"
#include "ui/server/ServerController.h"
#include "ui/server/ServerWindow.h"
#include "ui/startup/FirstRunWizard.h"
#include "ui/workspaces/AdminWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestLanguageSwitch : public QObject
{
    Q_OBJECT
private:
    FakeSecretStore m_store;
    std::unique_ptr<VaultService> m_vaults;
    ScriptedDialogs m_dialogs;
    TempDatabaseDir m_dir;
    std::unique_ptr<AppController> m_app;

    bool firstRun()
    {
        m_dialogs.onExec = [](QDialog* dialog) {
            auto* wizard = qobject_cast<FirstRunWizard*>(dialog);
            if (!wizard)
                return int(QDialog::Rejected);
            wizard->branchCodeEdit()->setText(QStringLiteral("BJ01"));
            wizard->branchNameEdit()->setText(QStringLiteral("北京朝阳支行"));
            wizard->loginEdit()->setText(QStringLiteral("admin"));
            wizard->nameEdit()->setText(QStringLiteral("王管理"));
            wizard->passwordEdit()->setText(QStringLiteral("Admin-pass-1"));
            wizard->repeatEdit()->setText(QStringLiteral("Admin-pass-1"));
            if (!wizard->createDatabase())
                return int(QDialog::Rejected);
            wizard->storedCheckBox()->setChecked(true);
            return int(QDialog::Accepted);
        };
        return m_app->start(m_dir.databasePath());
    }

    QMenu* menu(const char* name) const { return m_app->window()->menuBar()->findChild<QMenu*>(QLatin1String(name)); }
    QAction* languageAction(const char* key) const
    {
        return m_app->window()->menuBar()->findChild<QAction*>(
            QStringLiteral("languageAction_%1").arg(QLatin1String(key)));
    }
    QString overviewTab() const
    {
        auto* admin = qobject_cast<AdminWorkspace*>(m_app->window()->workspace());
        return admin ? admin->tabs()->tabText(AdminWorkspace::Overview) : QString();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BranchVaultTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_languageswitch"));
    }

    void init()
    {
        QSettings().remove(QStringLiteral("ui/language"));
        installTranslations(QStringLiteral("en"));
        m_store.clear();
        m_vaults = std::make_unique<VaultService>(m_store);
        m_vaults->setRecoveryKdf(KdfParams::minimum());
        m_app = std::make_unique<AppController>(*m_vaults, m_dialogs);
    }

    void cleanup()
    {
        m_app.reset();
        QSettings().remove(QStringLiteral("ui/language"));
        installTranslations(QStringLiteral("en"));
        QDir dir(m_dir.path());
        for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden))
            dir.remove(name);
    }

    void switchesWithoutRestart()
    {
        QVERIFY(firstRun());
        QVERIFY(languageAction("system")->isChecked());
        const QString sessionTitle = menu("sessionMenu")->title();
        const QString languageTitle = menu("languageMenu")->title();
        const QString overview = overviewTab();
        QVERIFY(!overview.isEmpty());
        const QString englishTitle = m_app->window()->windowTitle();
        const Session session = m_app->session();
        QPointer<Workspace> before = m_app->window()->workspace();

        languageAction("zh_CN")->trigger();
        QCoreApplication::processEvents(); // the old menu bar goes

        // the same session, a new workspace, every text in Chinese
        QVERIFY(m_app->session().isValid());
        QCOMPARE(m_app->session().info().userId, session.info().userId);
        QVERIFY(!m_app->isLocked());
        QTRY_VERIFY(before.isNull()); // once control is back in the event loop
        QVERIFY(m_app->window()->workspace());
        const QString zhSession = QCoreApplication::translate("bv::ui::MainWindow", sessionTitle.toUtf8().constData());
        QVERIFY(zhSession != sessionTitle); // the translation exists
        QCOMPARE(menu("sessionMenu")->title(), zhSession);
        QCOMPARE(menu("languageMenu")->title(),
            QCoreApplication::translate("LanguageMenu", languageTitle.toUtf8().constData()));
        QCOMPARE(overviewTab(), QCoreApplication::translate("bv::ui::AdminWorkspace", overview.toUtf8().constData()));
        QVERIFY(overviewTab() != overview);
        QVERIFY(m_app->window()->windowTitle() != englishTitle);
        QVERIFY(m_app->window()->windowTitle().contains(QStringLiteral("网点")));
        // the check mark follows the choice, which is kept for the next start
        QVERIFY(languageAction("zh_CN")->isChecked());
        QVERIFY(!languageAction("en")->isChecked() && !languageAction("system")->isChecked());
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
        QVERIFY(m_dialogs.infos.isEmpty()); // no "next time it starts"

        languageAction("en")->trigger();
        QCoreApplication::processEvents();
        QCOMPARE(menu("sessionMenu")->title(), sessionTitle);
        QCOMPARE(overviewTab(), overview);
        QCOMPARE(m_app->window()->windowTitle(), englishTitle);
        QVERIFY(languageAction("en")->isChecked());
    }

    void whileLockedTheLockPageFollows()
    {
        QVERIFY(firstRun());
        const QString overview = overviewTab();
        m_app->lock();
        LockPage* lock = m_app->window()->lockPage();
        const QString unlockText = lock->unlockButton()->text();
        m_app->setLanguage(QStringLiteral("zh_CN"));
        QCoreApplication::processEvents();
        QVERIFY(m_app->isLocked());
        QVERIFY(!m_app->window()->workspace()); // still nothing behind the lock
        QCOMPARE(lock->unlockButton()->text(),
            QCoreApplication::translate("bv::ui::LockPage", unlockText.toUtf8().constData()));
        QVERIFY(lock->unlockButton()->text() != unlockText);
        lock->passwordEdit()->setText(QStringLiteral("Admin-pass-1"));
        lock->attempt();
        QVERIFY(!m_app->isLocked());
        QCOMPARE(overviewTab(), QCoreApplication::translate("bv::ui::AdminWorkspace", overview.toUtf8().constData()));
    }

    // Branch-server mode has the same Language menu. Nobody signed in: the language applies at once (the menus are
    // built again in it) and is kept for the next start. (Signed in, it waits for the end of the session, so that no
    // typed form is lost: tst_serverdesktop.)
    void theServerWindowHasTheLanguageMenu()
    {
        ServerController controller(m_store, m_dialogs);
        QMenuBar* bar = controller.window()->menuBar();
        QAction* chinese = bar->findChild<QAction*>(QStringLiteral("languageAction_zh_CN"));
        QVERIFY(chinese);
        QVERIFY(bar->findChild<QAction*>(QStringLiteral("languageAction_system"))->isChecked());
        const QString english = bar->findChild<QMenu*>(QStringLiteral("languageMenu"))->title();
        const qsizetype infos = m_dialogs.infos.size();
        chinese->trigger();
        QCOMPARE(QSettings().value(QStringLiteral("ui/language")).toString(), QStringLiteral("zh_CN"));
        bar = controller.window()->menuBar(); // built again
        QMenu* language = bar->findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY(language);
        QVERIFY2(language->title() != english && language->title().contains(QStringLiteral("语言")),
            qPrintable(language->title()));
        QVERIFY(bar->findChild<QAction*>(QStringLiteral("languageAction_zh_CN"))->isChecked());
        QVERIFY(bar->findChild<QAction*>(QStringLiteral("signOutAction")));
        QCOMPARE(m_dialogs.infos.size(), infos); // nothing to wait for, nothing said
    }
};

QTEST_MAIN(TestLanguageSwitch)
#include "tst_languageswitch.moc"
