// The desktop flow: first-run wizard, sign-in (wrong password, second factor, forced change), the
// role's workspace with user/role/branch in the title, idle lock that destroys the workspace and clears
// the clipboard, unlock, sign-out.
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordRule.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/policy/SettingsService.h"
#include "core/vault/AdminService.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/FakeSecretStore.h"
#include "tests/testsupport/TestSupport.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/app/AppController.h"
#include "ui/app/IdleMonitor.h"
#include "ui/auth/ChangePasswordDialog.h"
#include "ui/auth/SignInDialog.h"
#include "ui/main/LockPage.h"
#include "ui/main/MainWindow.h"
#include "ui/startup/FirstRunWizard.h"
#include "ui/workspaces/AdminWorkspace.h"
#include "ui/workspaces/Workspace.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestAppController : public QObject
{
    Q_OBJECT
private:
    FakeSecretStore m_store;
    std::unique_ptr<VaultService> m_vaults;
    ScriptedDialogs m_dialogs;
    TempDatabaseDir m_dir;
    std::unique_ptr<AppController> m_app;

    // Runs the first-run wizard through its pages as a user would.
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
            if (wizard->passphraseLabel()->text().size() != 29)
                return int(QDialog::Rejected);
            wizard->storedCheckBox()->setChecked(true);
            return int(QDialog::Accepted);
        };
        return m_app->start(m_dir.databasePath());
    }

    bool hasAccount(const QString& login)
    {
        auto accounts = m_app->core()->accounts().list(m_app->session());
        if (!accounts.ok())
            return false;
        return std::any_of(accounts->cbegin(), accounts->cend(), [&](const auto& a) { return a.login == login; });
    }

private slots:
    void init()
    {
        m_store.clear();
        m_vaults = std::make_unique<VaultService>(m_store);
        m_vaults->setRecoveryKdf(KdfParams::minimum());
        m_app = std::make_unique<AppController>(*m_vaults, m_dialogs);
    }
    void cleanup()
    {
        m_app.reset();
        QDir dir(m_dir.path());
        for (const QString& name : dir.entryList(QDir::Files | QDir::Hidden))
            dir.remove(name);
    }

    void firstRunCreatesTheAdministratorAndSignsIn()
    {
        QVERIFY(firstRun());
        QVERIFY(m_app->core());
        QVERIFY(m_app->session().isValid());
        QCOMPARE(m_app->session().info().role, Role::Admin);
        QVERIFY(qobject_cast<AdminWorkspace*>(m_app->window()->workspace()));
        const QString title = m_app->window()->windowTitle();
        QVERIFY2(title.contains(QStringLiteral("王管理")) && title.contains(QStringLiteral("BJ01"))
                && title.contains(Roles::label(Role::Admin)),
            qPrintable(title));
        QCOMPARE(m_app->core()->settings().text(QStringLiteral("branch.name")), QStringLiteral("北京朝阳支行"));
    }

    void wizardRefusesMismatchedPasswordsAndCreatesNothing()
    {
        m_dialogs.onExec = [](QDialog* dialog) {
            auto* wizard = qobject_cast<FirstRunWizard*>(dialog);
            wizard->passwordEdit()->setText(QStringLiteral("Admin-pass-1"));
            wizard->repeatEdit()->setText(QStringLiteral("Admin-pass-2"));
            const bool created = wizard->createDatabase();
            return created ? int(QDialog::Accepted) : int(QDialog::Rejected);
        };
        QVERIFY(!m_app->start(m_dir.databasePath()));
        QVERIFY(!QFileInfo::exists(m_dir.databasePath()));
    }

    void lockHidesEverythingAndClearsTheClipboard()
    {
        QVERIFY(firstRun());
        QApplication::clipboard()->setText(QStringLiteral("something copied"));
        QPointer<Workspace> before = m_app->window()->workspace();
        m_app->lock();
        QVERIFY(m_app->isLocked());
        // at once: the workspace is off the screen and takes no input, the lock page is shown, the keys are wiped
        QVERIFY(!m_app->window()->workspace());
        QVERIFY(before && !before->isVisible() && !before->isEnabled());
        QVERIFY(m_app->window()->lockPage()->isVisible());
        QVERIFY(QApplication::clipboard()->text().isEmpty());
        QVERIFY(m_app->core()->auth().isLocked(m_app->session()));
        // and once control is back in the event loop, the workspace and every widget in it are gone
        QTRY_VERIFY(before.isNull());
        LockPage* page = m_app->window()->lockPage();
        page->passwordEdit()->setText(QStringLiteral("wrong-1"));
        page->attempt();
        QVERIFY(m_app->isLocked());
        QVERIFY(!page->messageLabel()->text().isEmpty());
        page->passwordEdit()->setText(QStringLiteral("Admin-pass-1"));
        page->attempt();
        QVERIFY(!m_app->isLocked());
        QVERIFY(m_app->window()->workspace());
    }

    void idleTimeLocksTheWindow()
    {
        QVERIFY(firstRun());
        m_app->idleMonitor().startMilliseconds(50);
        QTRY_VERIFY_WITH_TIMEOUT(m_app->isLocked(), 3000);
        QVERIFY(!m_app->window()->workspace());
    }

    // The forced change shows the password rule as the settings have it now, not a fixed "8 … 5".
    void forcedPasswordChangeShowsTheRuleInForce()
    {
        QVERIFY(firstRun());
        Core& core = *m_app->core();
        BV_VERIFY_OK(core.settings().set(
            m_app->session(), QString::fromLatin1(settings::PasswordMinLength), QStringLiteral("14")));
        BV_VERIFY_OK(
            core.settings().set(m_app->session(), QString::fromLatin1(settings::PasswordHistory), QStringLiteral("9")));
        auto oneTime = core.accounts().create(
            m_app->session(), NewAccount {QStringLiteral("zhang"), QStringLiteral("张三"), Role::Auditor, {}, {}});
        BV_VERIFY_OK(oneTime);
        bool signedIn = false;
        QString rule;
        m_dialogs.onExec = [&](QDialog* dialog) {
            if (auto* signIn = qobject_cast<SignInDialog*>(dialog)) {
                if (signedIn)
                    return int(QDialog::Rejected);
                signedIn = true;
                signIn->loginEdit()->setText(QStringLiteral("zhang"));
                signIn->passwordEdit()->setText(QString::fromLatin1(oneTime->view().toByteArray()));
                signIn->attempt();
                return signIn->result();
            }
            if (auto* change = qobject_cast<ChangePasswordDialog*>(dialog)) {
                if (auto* label = change->findChild<QLabel*>(QStringLiteral("ruleLabel")))
                    rule = label->text();
            }
            return int(QDialog::Rejected);
        };
        m_app->signOut();
        QTRY_VERIFY(signedIn); // once the workspace is gone
        QVERIFY2(rule.contains(QStringLiteral("14")) && rule.contains(QStringLiteral("9")), qPrintable(rule));
        QVERIFY2(!rule.contains(QStringLiteral(" 8 ")), qPrintable(rule));
        QCOMPARE(rule.right(PasswordRule::current(core.settings()).description().size()),
            PasswordRule::current(core.settings()).description());
    }

    void signInDialogShowsCoreMessages()
    {
        QVERIFY(firstRun());
        Core& core = *m_app->core();
        auto oneTime = core.accounts().create(
            m_app->session(), NewAccount {QStringLiteral("zhang"), QStringLiteral("张三"), Role::Auditor, {}, {}});
        BV_VERIFY_OK(oneTime);
        SignInDialog dialog(QString(), [&](const QString& login, const SecureBytes& password, const QString& totp) {
            return core.auth().signIn(login, password, totp);
        });
        dialog.loginEdit()->setText(QStringLiteral("zhang"));
        dialog.passwordEdit()->setText(QStringLiteral("not-it-1"));
        dialog.attempt();
        QVERIFY(dialog.result() != QDialog::Accepted);
        // the core's one message for a wrong login or password, with no count that would reveal the account
        QVERIFY2(dialog.messageLabel()->text().contains(QStringLiteral("login or the password")),
            qPrintable(dialog.messageLabel()->text()));
        QVERIFY(!dialog.messageLabel()->text().contains(QStringLiteral("4")));
        QVERIFY(dialog.passwordEdit()->text().isEmpty());
        dialog.passwordEdit()->setText(QString::fromLatin1(oneTime->view().toByteArray()));
        dialog.attempt();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(dialog.session().isValid());
        // the forced change
        ChangePasswordDialog change(true, [&](const SecureBytes& current, const SecureBytes& next, const SecureBytes&) {
            return core.auth().changePassword(dialog.session(), current, next);
        });
        QVERIFY(!change.codeEdit()); // an auditor holds no key slot: no confirmation code
        change.currentEdit()->setText(QString::fromLatin1(oneTime->view().toByteArray()));
        change.newEdit()->setText(QStringLiteral("short"));
        change.repeatEdit()->setText(QStringLiteral("short"));
        change.attempt();
        QVERIFY(change.messageLabel()->text().contains(QStringLiteral("8")));
        change.newEdit()->setText(QStringLiteral("Zhang-pass-7"));
        change.repeatEdit()->setText(QStringLiteral("Zhang-pass-8"));
        change.attempt();
        QVERIFY(change.messageLabel()->text().contains(QStringLiteral("differ")));
        change.currentEdit()->setText(QString::fromLatin1(oneTime->view().toByteArray()));
        change.newEdit()->setText(QStringLiteral("Zhang-pass-7"));
        change.repeatEdit()->setText(QStringLiteral("Zhang-pass-7"));
        change.attempt();
        QCOMPARE(change.result(), int(QDialog::Accepted));
        QCOMPARE(core.auth().restriction(dialog.session()), AuthService::Restriction::None);
    }

    // Restore from the administrator's workspace: the database is closed, an administrator of the backup
    // accepts it, the restored database opens for sign-in, and the previous one is kept beside it.
    void restoreReplacesTheDatabaseAfterTheBackupsAdministratorSignsIn()
    {
        QVERIFY(firstRun());
        const QString backup = m_dir.file(QStringLiteral("monday.bvbackup"));
        BV_VERIFY_OK(m_app->core()->admin().backup(m_app->session(), backup));
        // made after the backup: gone once it is restored
        BV_VERIFY_OK(m_app->core()->accounts().create(
            m_app->session(), NewAccount {QStringLiteral("later"), QStringLiteral("后来"), Role::Clerk, {}, {}}));

        QStringList titles;
        bool acceptRestore = false;
        m_dialogs.onExec = [&](QDialog* dialog) {
            auto* signIn = qobject_cast<SignInDialog*>(dialog);
            if (!signIn)
                return int(QDialog::Rejected);
            titles << signIn->windowTitle();
            if (titles.size() == 1 && !acceptRestore)
                return int(QDialog::Rejected); // the backup's administrator does not sign in
            signIn->loginEdit()->setText(QStringLiteral("admin"));
            signIn->passwordEdit()->setText(QStringLiteral("Admin-pass-1"));
            signIn->attempt();
            return signIn->result();
        };

        // cancelled at the backup's sign-in: nothing changed, the same database opens again
        QVERIFY(!m_app->restoreBackup(backup));
        QCOMPARE(titles.size(), 2); // the restore's sign-in, then the ordinary one
        QVERIFY(titles.first().contains(QStringLiteral("Restore")));
        QCOMPARE(m_dialogs.errors.size(), 1);
        QVERIFY(m_app->session().isValid());
        QVERIFY(hasAccount(QStringLiteral("later")));
        QVERIFY(QDir(m_dir.path()).entryList({QStringLiteral("*.before-restore-*")}).isEmpty());

        titles.clear();
        acceptRestore = true;
        QVERIFY(m_app->restoreBackup(backup));
        QCOMPARE(titles.size(), 2);
        QCOMPARE(m_dialogs.errors.size(), 1); // no new error
        QVERIFY(m_app->session().isValid());
        QCOMPARE(m_app->session().info().role, Role::Admin);
        QVERIFY(qobject_cast<AdminWorkspace*>(m_app->window()->workspace()));
        QVERIFY(!hasAccount(QStringLiteral("later")));
        QCOMPARE(QDir(m_dir.path()).entryList({QStringLiteral("*.before-restore-*Z")}).size(), 1); // and its envelope
        QVERIFY(m_dialogs.infos.constLast().contains(QStringLiteral("monday.bvbackup")));
        // recorded in the restored database's own audit log
        auto rows = internalsOf(*m_app->core())
                        .database()
                        .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = ?"),
                            {QString::fromLatin1(audit::DatabaseRestore)});
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->toInt(), 1);
    }

    void titleShowsUserRoleAndBranch()
    {
        Actor who {1, QStringLiteral("li"), QStringLiteral("李四"), Role::Clerk, QStringLiteral("0001"), QString()};
        const QString title = MainWindow::titleFor(who, QStringLiteral("SH02"));
        QVERIFY(title.contains(QStringLiteral("李四")));
        QVERIFY(title.contains(Roles::label(Role::Clerk)));
        QVERIFY(title.contains(QStringLiteral("SH02")));
        // Qt appends the application's display name to the window title: the title does not say it again
        QVERIFY2(!title.contains(QStringLiteral("BranchVault")), qPrintable(title));
    }
};

QTEST_MAIN(TestAppController)
#include "tst_appcontroller.moc"
