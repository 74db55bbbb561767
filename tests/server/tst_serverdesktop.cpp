// Issue 15, "done when": the desktop over the branch server. A workstation is connected from the first-run choice;
// the administrator sets up the accounts in the window (one-time passwords and the first branch manager's
// confirmation with the recovery passphrase); a branch manager and a customer manager, each in a window of their
// own, do the daily work of DESIGN §6 without signing in at each other's desk: entry, approval, the list, the masked
// card, a reveal request, its approval and the full values for a minute; a clerk looks a customer up and the
// auditor verifies the branch's chain. Everything runs against the suite's throwaway PostgreSQL cluster with TLS
// (testsupport/ServerTls) and this process's real keychain (the private one tools/dev.sh test starts); only
// `server init`, which the administrator runs once from a terminal, uses the command line.
#include "core/common/Translations.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Migration.h"
#include "core/internal/server/ServerCredentials.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/server/ServerCare.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerOutbox.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerWorkstation.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/ServerDatabase.h"
#include "tests/testsupport/ServerTls.h"
#include "tests/testsupport/TcpProxy.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/KeyboardAudit.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/admin/OneTimePasswordDialog.h"
#include "ui/admin/SettingsModel.h"
#include "ui/admin/SettingsPage.h"
#include "ui/app/IdleMonitor.h"
#include "ui/audit/AuditVerifyPage.h"
#include "ui/auth/ChangePasswordDialog.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/common/RekeyFieldsWidget.h"
#include "ui/customers/AccountsFormPage.h"
#include "ui/customers/ComplaintListModel.h"
#include "ui/customers/ComplaintsPage.h"
#include "ui/customers/CustomerFormPages.h"
#include "ui/customers/ServiceRecordsPage.h"
#include "ui/main/SessionBanners.h"
#include "ui/manager/RekeyApprovalDialog.h"
#include "ui/server/EntryFormPanel.h"
#include "ui/server/OfflineServicePanel.h"
#include "ui/server/OfflineWorkspace.h"
#include "ui/server/OutboxPage.h"
#include "ui/server/RevealDialog.h"
#include "ui/server/RevealRequestDialog.h"
#include "ui/server/ServerAccountsPage.h"
#include "ui/server/ServerAssignDialog.h"
#include "ui/server/ServerAuditPage.h"
#include "ui/server/ServerCareDialog.h"
#include "ui/server/ServerChangesPage.h"
#include "ui/server/ServerConnectDialog.h"
#include "ui/server/ServerController.h"
#include "ui/server/ServerCustomersPage.h"
#include "ui/server/ServerEditDialog.h"
#include "ui/server/ServerEntryPage.h"
#include "ui/server/ServerLookupPage.h"
#include "ui/server/ServerOverduePage.h"
#include "ui/server/ServerRequestsPage.h"
#include "ui/server/ServerSuspiciousPage.h"
#include "ui/server/ServerTiersPage.h"
#include "ui/server/ServerWindow.h"
#include "ui/server/ServerWorkspace.h"
#include "ui/startup/FirstRunChoiceDialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDirIterator>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestServerDesktop : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    ServerTls m_tls;
    QString m_database, m_owner, m_config;
    const QString m_ownerPassword = QStringLiteral("owner-pw-3Jd");
    QString m_recovery, m_adminOneTime, m1OneTime, m1Code, c1OneTime, c1Code, k1OneTime, u1OneTime;
    const QString m_adminPassword = QStringLiteral("admin-pw-9Qe");
    const QString m1Password = QStringLiteral("m1-pw-2Hs8");
    const QString c1Password = QStringLiteral("c1-pw-7Wn4");
    const QString k1Password = QStringLiteral("k1-pw-5Tb6");
    const QString u1Password = QStringLiteral("u1-pw-8Rc1");
    CliRunner m_cli;
    // the command line's keychain service, so that both find the workstation's passphrase
    KeychainSecretStore m_store {m_cli.keychainService()};
    const CustomerInput m_customer = customerInput(61);
    QSet<QString> m_walkedOffline; // the classes the keyboard walker went through in the offline window

    // The dialogs a window opens, answered in order by the steps a test queues; an unexpected one is refused and
    // recorded.
    struct Desk
    {
        ScriptedDialogs dialogs;
        QList<std::function<int(QDialog*)>> steps;
        QStringList unexpected;
        std::unique_ptr<ServerController> controller;
        Desk()
        {
            dialogs.onExec = [this](QDialog* dialog) {
                if (steps.isEmpty()) {
                    unexpected << dialog->objectName();
                    return int(QDialog::Rejected);
                }
                return steps.takeFirst()(dialog);
            };
        }
    };

    static std::function<int(QDialog*)> signIn(const QString& login, const QString& password)
    {
        return [login, password](QDialog* d) {
            auto* dialog = qobject_cast<SignInDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            dialog->loginEdit()->setText(login);
            dialog->passwordEdit()->setText(password);
            dialog->attempt();
            if (dialog->result() != QDialog::Accepted)
                qWarning("sign-in of %s refused: %s", qPrintable(login), qPrintable(dialog->messageLabel()->text()));
            return dialog->result();
        };
    }
    // The rule the last password dialog showed.
    static QString& lastPasswordRule()
    {
        static QString rule;
        return rule;
    }
    static std::function<int(QDialog*)> changePassword(
        const QString& current, const QString& next, const QString& code = QString())
    {
        return [current, next, code](QDialog* d) {
            auto* dialog = qobject_cast<ChangePasswordDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            lastPasswordRule() = dialog->findChild<QLabel*>(QStringLiteral("ruleLabel"))->text();
            dialog->currentEdit()->setText(current);
            dialog->newEdit()->setText(next);
            dialog->repeatEdit()->setText(next);
            if (!code.isEmpty())
                dialog->codeEdit()->setText(code);
            dialog->attempt();
            if (dialog->result() != QDialog::Accepted)
                qWarning("password change refused: %s", qPrintable(dialog->messageLabel()->text()));
            return dialog->result();
        };
    }
    // Keeps what a OneTimePasswordDialog showed.
    static std::function<int(QDialog*)> keepShown(QString* into)
    {
        return [into](QDialog* d) {
            auto* label = d->findChild<ProtectedLabel*>(QStringLiteral("oneTimePasswordLabel"));
            if (!qobject_cast<OneTimePasswordDialog*>(d) || !label)
                return int(QDialog::Rejected);
            *into = label->text();
            return int(QDialog::Accepted);
        };
    }
    // A window signed in as `login` (the first time with the password change the server asks for).
    bool open(Desk& desk, const QString& login, const QString& password, const QString& newPassword = QString(),
        const QString& code = QString())
    {
        desk.steps << signIn(login, password);
        if (!newPassword.isEmpty())
            desk.steps << changePassword(password, newPassword, code);
        desk.controller = std::make_unique<ServerController>(m_store, desk.dialogs);
        const bool started = desk.controller->start();
        if (!desk.unexpected.isEmpty() || !desk.steps.isEmpty()) {
            qWarning("dialogs not as expected: %s", qPrintable(desk.unexpected.join(QLatin1Char(','))));
            return false;
        }
        return started && desk.controller->workspace();
    }
    // One statement as the database's superuser: its output, trimmed.
    QString psql(const QString& statement) const
    {
        return ServerTls::exec(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-d"), m_database, QStringLiteral("-c"),
                statement})
            .out.trimmed();
    }
    // The rows of `action` by `login` in the branch's audit chain (as the database's superuser).
    QString auditRows(const QString& action, const QString& login) const
    {
        return psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = '%1' AND login = '%2'")
                        .arg(action, login));
    }
    CliRun cli(const QStringList& args, const QByteArray& input = {}) { return m_cli.run(args, input); }
    // The error's message, or nothing (QVERIFY2 evaluates its message whether or not it fails).
    template <typename R>
    static QString why(const R& result)
    {
        return result.ok() ? QString() : result.error().message;
    }
    // The workstation's connection to the server at `port` (a relay's, or the cluster's own); the outbox goes with
    // the old connection, so it must hold no entries.
    bool reconnect(int port)
    {
        auto settings = ServerWorkstation::configured();
        if (!settings.ok() || !ServerWorkstation::remove(m_store).ok())
            return false;
        ServerAddress address = settings->address;
        address.port = port;
        return ServerWorkstation::add(
            m_store, address, {m_tls.caFile(), m_tls.certFile(), m_tls.keyFile()}, secure(m_tls.passphrase()))
            .ok();
    }
    // After a slot through a relay, whatever happened in it: the cluster's own port again, the outbox gone.
    void backToTheCluster()
    {
        const int port = qEnvironmentVariableIntValue("PGPORT");
        if (ServerWorkstation::configured()->address.port == port)
            return;
        QFile::remove(ServerOutbox::path());
        (void)m_store.remove(ServerOutbox::keyEntry());
        QVERIFY(reconnect(port));
    }
    static SecureBytes secure(const QString& text) { return SecureBytes::copyOf(text.toUtf8()); }
    // The outbox's schema as this test opens the file the outbox made (version 1 is applied already: nothing runs)
    static const MigrationList& outboxTestSchema()
    {
        static const MigrationList schema {
            {1, QStringLiteral("the offline outbox"), [](Database&) { return Status(); }},
            {2, QStringLiteral("service records kept offline"), [](Database&) { return Status(); }}};
        return schema;
    }
    // The grade-1 values of the test customer, in full.
    QStringList fullValues() const
    {
        return {m_customer.values.value(QStringLiteral("name")), m_customer.values.value(QStringLiteral("id_number")),
            m_customer.values.value(QStringLiteral("mobile")), m_customer.values.value(QStringLiteral("address")),
            m_customer.accounts.constFirst().number};
    }
    QStringList leaks(QWidget* root) const
    {
        QStringList found;
        const QStringList texts = visibleTexts(root);
        for (const QString& value : fullValues())
            if (!value.isEmpty() && !containing(texts, value).isEmpty())
                found << QStringLiteral("a full value of %1 characters").arg(value.size());
        return found;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        QVERIFY2(CliRunner::environmentProblem().isEmpty(), qPrintable(CliRunner::environmentProblem()));
        QVERIFY(m_dir.isValid());
        // this process and the command line share one workstation configuration
        m_config = m_dir.filePath(QStringLiteral("config"));
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_config));
        m_cli.environment().insert(QStringLiteral("XDG_CONFIG_HOME"), m_config);
        QVERIFY2(ServerWorkstation::folder().startsWith(m_config), qPrintable(ServerWorkstation::folder()));
        const QString failed = m_tls.enable(m_dir.path());
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QString pid = QString::number(QCoreApplication::applicationPid());
        m_database = QStringLiteral("bv_desk_%1").arg(pid);
        m_owner = QStringLiteral("bv_desk_owner_%1").arg(pid);
        auto r = ServerTls::createOwner(m_owner, m_ownerPassword, m_database);
        QVERIFY2(r.status == 0, qPrintable(r.err));
    }

    void cleanupTestCase()
    {
        ServerTls::disable();
        if (m_database.isEmpty())
            return;
        ServerTls::superuser(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_database));
        ServerTls::superuser(QStringLiteral("DROP ROLE IF EXISTS %1").arg(m_owner));
        for (const char* login : {"a1", "m1", "c1", "k1", "u1"})
            ServerTls::superuser(QStringLiteral("DROP ROLE IF EXISTS %1")
                                     .arg(*ServerCredentials::roleOf(QLatin1String(login), m_database)));
    }

    // The first start of a workstation without a database: "this branch's server", then the connection; a wrong
    // passphrase is refused in the dialog and nothing is kept.
    void aWorkstationIsConnectedFromTheFirstRunChoice()
    {
        FirstRunChoiceDialog choice;
        QVERIFY(choice.localButton()->isChecked()); // the one-PC branch stays the default
        choice.serverButton()->setChecked(true);
        QCOMPARE(choice.choice(), FirstRunChoiceDialog::Choice::BranchServer);

        ScriptedDialogs dialogs;
        ServerConnectDialog connect(m_store, dialogs);
        connect.addressEdit()->setText(
            QStringLiteral("postgresql://127.0.0.1:%1/%2").arg(qEnvironmentVariable("PGPORT"), m_database));
        connect.caEdit()->setText(m_tls.caFile());
        connect.certificateEdit()->setText(m_tls.certFile());
        connect.keyEdit()->setText(m_tls.keyFile());
        QVERIFY(!connect.attempt());
        QVERIFY2(connect.messageLabel()->text().contains(QStringLiteral("passphrase")),
            qPrintable(connect.messageLabel()->text()));
        connect.passphraseEdit()->setText(QStringLiteral("not-the-passphrase"));
        QVERIFY(!connect.attempt());
        QVERIFY(!connect.messageLabel()->text().isEmpty());
        QCOMPARE(ServerWorkstation::configured().error().code, ErrorCode::NotFound);
        QVERIFY(connect.passphraseEdit()->text().isEmpty());
        connect.passphraseEdit()->setText(m_tls.passphrase());
        QVERIFY2(connect.attempt(), qPrintable(connect.messageLabel()->text()));
        QCOMPARE(connect.result(), int(QDialog::Accepted));
        auto configured = ServerWorkstation::configured();
        QVERIFY(configured.ok());
        QCOMPARE(configured->address.database, m_database);
        // the passphrase is in the keychain, not in any file of the configuration
        QDirIterator files(m_config, QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains(m_tls.passphrase().toUtf8()), qPrintable(file.fileName()));
        }

        // the administrator creates the schema once, from a terminal
        const CliRun init = cli({QStringLiteral("server"), QStringLiteral("init"), QStringLiteral("--owner"), m_owner,
                                    QStringLiteral("--admin"), QStringLiteral("a1"), QStringLiteral("--branch"),
                                    QStringLiteral("0101"), QStringLiteral("--json")},
            m_ownerPassword.toUtf8() + "\n");
        QVERIFY2(init.status == 0, init.err.constData());
        m_recovery = init.json().value(QStringLiteral("recoveryPassphrase")).toString();
        m_adminOneTime = init.json().value(QStringLiteral("adminPassword")).toString();
        QVERIFY(!m_recovery.isEmpty() && !m_adminOneTime.isEmpty());
    }

    // The administrator's first sign-in changes the one-time password; the accounts page creates the accounts with
    // one-time passwords shown once and confirms the first branch manager with the recovery passphrase.
    void theAdministratorSetsUpTheAccountsInTheWindow()
    {
        Desk admin;
        QVERIFY(open(admin, QStringLiteral("a1"), m_adminOneTime, m_adminPassword));
        ServerWorkspace* w = admin.controller->workspace();
        QCOMPARE(admin.controller->session()->identity().role, Role::Admin);
        // the first password was chosen under the branch server's rule (its settings; the history since migration 31)
        QVERIFY2(
            lastPasswordRule().contains(QStringLiteral("At least 8 characters with letters and digits; your last 5 "
                                                       "passwords cannot be used again.")),
            qPrintable(lastPasswordRule()));
        QVERIFY(w->accountsPage());
        QVERIFY(!w->entryPage() && !w->customersPage() && !w->changesPage() && !w->requestsPage());
        QVERIFY(admin.controller->window()->windowTitle().contains(QStringLiteral("a1")));
        QVERIFY(admin.controller->window()->statusLabel()->text().contains(QStringLiteral("TLSv1.")));
        ServerAccountsPage* page = w->accountsPage();
        const auto create = [&](const QString& login, const QString& role, QString* oneTime) {
            page->newLoginEdit()->setText(login);
            page->roleComboBox()->setCurrentIndex(page->roleComboBox()->findData(role));
            admin.steps << keepShown(oneTime);
            return page->createAccount();
        };
        QVERIFY2(create(QStringLiteral("m1"), QStringLiteral("manager"), &m1OneTime),
            qPrintable(page->messageLabel()->text()));
        QVERIFY(!m1OneTime.isEmpty());
        QVERIFY(page->newLoginEdit()->text().isEmpty());
        // a wrong recovery passphrase confirms nothing; the right one gives m1's confirmation code, shown once
        page->confirmLoginEdit()->setText(QStringLiteral("m1"));
        admin.dialogs.secrets << QByteArrayLiteral("abcd-efgh-ijkm-npqr-stuv-wxyz");
        QVERIFY(!page->confirmAccount());
        QVERIFY(!page->messageLabel()->text().isEmpty());
        admin.dialogs.secrets << m_recovery.toUtf8();
        admin.steps << keepShown(&m1Code);
        QVERIFY2(page->confirmAccount(), qPrintable(page->messageLabel()->text()));
        QVERIFY(!m1Code.isEmpty());
        QVERIFY(create(QStringLiteral("c1"), QStringLiteral("customer_manager"), &c1OneTime));
        QVERIFY(create(QStringLiteral("k1"), QStringLiteral("clerk"), &k1OneTime));
        QVERIFY(create(QStringLiteral("u1"), QStringLiteral("auditor"), &u1OneTime));
        QVERIFY(admin.unexpected.isEmpty());
        QVERIFY2(admin.dialogs.errors.isEmpty(), qPrintable(admin.dialogs.errors.value(0).message));

        // the branch's settings, kept on the server: a value outside its limits is refused naming the setting and
        // changes nothing; a valid one is saved there (and put back for the desks after this one)
        SettingsPage* settings = w->settingsPage();
        QVERIFY(settings);
        const QString key = QStringLiteral("audit.retention_days");
        const QString stored = QStringLiteral("SELECT coalesce((SELECT value FROM branchvault.settings WHERE key = "
                                              "'audit.retention_days'), 'default')");
        QTRY_COMPARE(
            settings->model()->entryFromIndex(settings->model()->indexOfKey(key)).current, QStringLiteral("180"));
        QVERIFY(settings->model()->setData(settings->model()->indexOfKey(key), QStringLiteral("30")));
        QVERIFY(!settings->save());
        QCOMPARE(admin.dialogs.errors.size(), 1);
        QCOMPARE(admin.dialogs.errors.constFirst().field, key);
        admin.dialogs.errors.clear();
        QCOMPARE(psql(stored), QStringLiteral("default"));
        QVERIFY(settings->model()->setData(settings->model()->indexOfKey(key), QStringLiteral("400")));
        QVERIFY(settings->save());
        QCOMPARE(psql(stored), QStringLiteral("400"));
        QCOMPARE(settings->model()->entryFromIndex(settings->model()->indexOfKey(key)).current, QStringLiteral("400"));
        QCOMPARE(psql(QStringLiteral("SELECT string_agg(outcome, ',' ORDER BY seq) FROM branchvault.audit_log WHERE "
                                     "action = 'settings.change' AND object_id = 'audit.retention_days'")),
            QStringLiteral("failed,ok"));
        QVERIFY2(admin.dialogs.errors.isEmpty(), qPrintable(admin.dialogs.errors.value(0).message));
        // a value typed but not saved: leaving the tab asks (as local mode's administration does); "stay" keeps the
        // tab and the value, and so does a sign-out that is answered "stay"; "leave" discards it
        w->tabs()->setCurrentWidget(settings);
        QVERIFY(settings->model()->setData(settings->model()->indexOfKey(key), QStringLiteral("500")));
        QCOMPARE(settings->model()->changedCount(), 1);
        admin.dialogs.confirms = {false};
        w->tabs()->setCurrentIndex(0);
        QCOMPARE(w->tabs()->currentWidget(), settings);
        QCOMPARE(settings->model()->changedCount(), 1);
        admin.dialogs.confirms = {false};
        admin.controller->signOut();
        QVERIFY(admin.controller->session());
        QCOMPARE(admin.controller->workspace(), w);
        QCOMPARE(settings->model()->changedCount(), 1);
        admin.dialogs.confirms = {true};
        w->tabs()->setCurrentIndex(0);
        QVERIFY(w->tabs()->currentWidget() != settings);
        QCOMPARE(settings->model()->changedCount(), 0);
        QCOMPARE(psql(stored), QStringLiteral("400"));

        // the Language menu while signed in: saved, said, and applied when the session ends (no form is rebuilt under
        // the person's hands: there are no drafts over the server)
        QMenuBar* bar = admin.controller->window()->menuBar();
        const QString languageTitle = bar->findChild<QMenu*>(QStringLiteral("languageMenu"))->title();
        bar->findChild<QAction*>(QStringLiteral("languageAction_zh_CN"))->trigger();
        QVERIFY2(admin.dialogs.infos.constLast().contains(QStringLiteral("next sign-in")),
            qPrintable(admin.dialogs.infos.constLast()));
        QCOMPARE(bar->findChild<QMenu*>(QStringLiteral("languageMenu"))->title(), languageTitle);
        QVERIFY(admin.controller->workspace());

        // signing out ends the session and asks for the next sign-in; cancelling it closes the window
        admin.controller->signOut();
        QTRY_VERIFY(!admin.controller->session());
        QMenu* chinese = admin.controller->window()->menuBar()->findChild<QMenu*>(QStringLiteral("languageMenu"));
        QVERIFY2(chinese && chinese->title().contains(QStringLiteral("语言")), qPrintable(chinese->title()));
        admin.controller->window()->menuBar()->findChild<QAction*>(QStringLiteral("languageAction_en"))->trigger();
        QCOMPARE(admin.controller->window()->menuBar()->findChild<QMenu*>(QStringLiteral("languageMenu"))->title(),
            languageTitle);
        QSettings().remove(QStringLiteral("ui/language"));
        QCOMPARE(auditRows(QStringLiteral("auth.sign_out"), QStringLiteral("a1")), QStringLiteral("1"));
        QVERIFY(!admin.controller->workspace());
        QVERIFY(!admin.controller->window()->isVisible());
    }

    // The branch manager's first sign-in takes the confirmation code with the new password (it opens the key slot);
    // then the manager confirms the accounts that see customers.
    void theBranchManagerConfirmsTheStaff()
    {
        Desk manager;
        QVERIFY(open(manager, QStringLiteral("m1"), m1OneTime, m1Password, m1Code));
        QCOMPARE(manager.controller->session()->identity().keys, ServerSession::Keys::Open);
        ServerAccountsPage* page = manager.controller->workspace()->accountsPage();
        QVERIFY(page);
        QVERIFY(!page->newLoginEdit()); // the administrator's part only
        page->confirmLoginEdit()->setText(QStringLiteral("c1"));
        manager.steps << keepShown(&c1Code);
        QVERIFY2(page->confirmAccount(), qPrintable(page->messageLabel()->text()));
        page->confirmLoginEdit()->setText(QStringLiteral("k1"));
        QString k1Code;
        manager.steps << keepShown(&k1Code);
        QVERIFY2(page->confirmAccount(), qPrintable(page->messageLabel()->text()));
        // the code goes with k1's first password; kept for the clerk's test
        k1OneTime += QLatin1Char('\n') + k1Code;
        QVERIFY(!c1Code.isEmpty());
        QVERIFY(manager.unexpected.isEmpty());
    }

    // DESIGN §6 at two desks: the customer manager's window and the branch manager's, each its own connection and
    // session, without either signing in at the other's.
    void aManagerAndACustomerManagerDoTheDailyWorkInTwoWindows()
    {
        Desk cm;
        QVERIFY(open(cm, QStringLiteral("c1"), c1OneTime, c1Password, c1Code));
        Desk manager;
        QVERIFY(open(manager, QStringLiteral("m1"), m1Password));
        ServerWorkspace* atCm = cm.controller->workspace();
        ServerWorkspace* atManager = manager.controller->workspace();
        QVERIFY(atCm->entryPage() && atCm->customersPage() && atCm->changesPage() && atCm->requestsPage());
        QVERIFY(atManager->changesPage() && atManager->requestsPage() && atManager->customersPage()
            && atManager->suspiciousPage());
        QVERIFY(!atCm->suspiciousPage());
        // the branch manager enters for a customer manager, chosen among the branch's active ones
        QVERIFY(atManager->entryPage());
        auto* responsible = atManager->entryPage()->form()->findChild<QComboBox*>(QStringLiteral("managerComboBox"));
        QVERIFY(responsible && responsible->findText(QStringLiteral("c1")) > 0);
        cm.controller->window()->show();
        manager.controller->window()->show();
        // the suspicious pairs and the tier changes are read, and recorded, only when their tab is first shown
        const auto listed = [this](const char* list) {
            return psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'customer.list' AND "
                                       "login = 'm1' AND object_type = '%1'")
                            .arg(QLatin1String(list)));
        };
        QCOMPARE(listed("suspicious"), QStringLiteral("0"));
        QCOMPARE(listed("tiers"), QStringLiteral("0"));
        atManager->tabs()->setCurrentWidget(atManager->suspiciousPage());
        QCOMPARE(listed("suspicious"), QStringLiteral("1"));
        atManager->tabs()->setCurrentWidget(atManager->tiersPage());
        QCOMPARE(listed("tiers"), QStringLiteral("1"));
        atManager->tabs()->setCurrentIndex(0);

        // entry: a mistake is shown under its field, nothing is sent
        ServerEntryPage* entry = atCm->entryPage();
        CustomerFormPages* form = entry->form();
        auto* name = form->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
        auto* id = form->findChild<QLineEdit*>(QStringLiteral("idNumberLineEdit"));
        name->setText(m_customer.values.value(QStringLiteral("name")));
        QString wrongId = m_customer.values.value(QStringLiteral("id_number"));
        wrongId[17] = wrongId[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        QTest::keyClicks(id, wrongId);
        form->findChild<QLineEdit*>(QStringLiteral("mobileLineEdit"))
            ->setText(m_customer.values.value(QStringLiteral("mobile")));
        QVERIFY(!entry->save());
        QVERIFY(!form->findChild<QLabel*>(QStringLiteral("idNumberMessageLabel"))->text().isEmpty());
        QVERIFY(cm.dialogs.infos.isEmpty());
        id->clear();
        QTest::keyClicks(id, m_customer.values.value(QStringLiteral("id_number")));
        form->findChild<QLineEdit*>(QStringLiteral("addressLineEdit"))
            ->setText(m_customer.values.value(QStringLiteral("address")));
        form->accountsPage()->numberEdit(0)->setText(m_customer.accounts.constFirst().number);
        QVERIFY2(entry->save(), qPrintable(entry->message()));
        QVERIFY(entry->lastReceipt());
        const QString number = entry->lastReceipt()->customerNumber;
        QVERIFY(number.startsWith(QLatin1String("0101-")));
        QVERIFY(cm.dialogs.infos.constLast().contains(number));
        QVERIFY(name->text().isEmpty() && id->text().isEmpty()); // nothing typed stays
        // ... not even in the fields' undo history
        QTest::keyClick(id, Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(name, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(name->text().isEmpty() && id->text().isEmpty());
        // the customer manager's lists follow at once
        QCOMPARE(atCm->changesPage()->changes().size(), 1);
        QCOMPARE(atCm->customersPage()->table()->rowCount(), 1);
        QVERIFY(!atCm->changesPage()->approveButton()->isVisibleTo(atCm->changesPage()));

        // the branch manager's window: the change, masked, approved with a reason
        ServerChangesPage* approvals = atManager->changesPage();
        QVERIFY(approvals->reload());
        QCOMPARE(approvals->changes().size(), 1);
        QCOMPARE(approvals->table()->item(0, 1)->text(), number);
        QCOMPARE(approvals->table()->item(0, 3)->text(), QStringLiteral("c1"));
        QVERIFY(approvals->diffTable()->rowCount() > 0);
        QVERIFY(!containing(visibleTexts(approvals), QStringLiteral("****")).isEmpty());
        QVERIFY2(
            leaks(manager.controller->window()).isEmpty(), qPrintable(leaks(manager.controller->window()).join(',')));
        // the approval asks for the ID number typed from the customer's document (blind re-key): a wrong one is
        // refused in the dialog, which stays open and names the field, and is recorded; the right one approves
        QCOMPARE(approvals->changes().constFirst().rekeyFields, QStringList {QStringLiteral("id_number")});
        QString refusal;
        int rekeyEdits = 0;
        manager.steps << [&](QDialog* d) {
            auto* dialog = qobject_cast<RekeyApprovalDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            rekeyEdits = int(dialog->rekeyWidget()->edits().size());
            if (rekeyEdits != 1)
                return int(QDialog::Rejected);
            dialog->reasonEdit()->setPlainText(QStringLiteral("checked against the ID card at the counter"));
            dialog->rekeyWidget()->edits().constFirst()->setText(wrongId);
            dialog->approveButton()->click();
            refusal = dialog->errorText();
            if (dialog->result() == QDialog::Accepted)
                return int(QDialog::Rejected);
            dialog->rekeyWidget()->edits().constFirst()->setText(m_customer.values.value(QStringLiteral("id_number")));
            dialog->approveButton()->click();
            return dialog->result();
        };
        QVERIFY(approvals->decide(0, true));
        QCOMPARE(rekeyEdits, 1);
        QVERIFY2(refusal.contains(QStringLiteral("does not match")), qPrintable(refusal));
        QVERIFY(!refusal.contains(wrongId));
        const auto mismatches = ServerTls::exec(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-d"), m_database, QStringLiteral("-c"),
                QStringLiteral(
                    "SELECT count(*) FROM branchvault.audit_log WHERE action = 'customer.rekey_mismatch' AND "
                    "login = 'm1' AND customer_no = '%1'")
                    .arg(number)});
        QCOMPARE(mismatches.out.trimmed(), QStringLiteral("1"));
        QVERIFY2(manager.dialogs.errors.isEmpty(), qPrintable(manager.dialogs.errors.value(0).message));
        QCOMPARE(approvals->changes().size(), 0);

        // the customer manager's list: active; the card masked, opened on the server's record
        ServerCustomersPage* mine = atCm->customersPage();
        QVERIFY(mine->reload());
        QCOMPARE(mine->table()->rowCount(), 1);
        QCOMPARE(mine->table()->item(0, 0)->text(), number);
        QCOMPARE(mine->table()->item(0, 2)->text(), statusLabel(CustomerStatus::Active));
        QVERIFY(mine->open(0));
        QVERIFY(mine->card());
        QVERIFY(mine->cardText().contains(QLatin1Char('*')));
        QVERIFY2(leaks(cm.controller->window()).isEmpty(), qPrintable(leaks(cm.controller->window()).join(',')));
        // the branch manager's list holds it too
        QVERIFY(atManager->customersPage()->reload());
        QCOMPARE(atManager->customersPage()->table()->rowCount(), 1);

        // the reveal round trip: requested at one desk, approved at the other, shown at the first
        cm.steps << [](QDialog* d) {
            auto* dialog = qobject_cast<RevealRequestDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            if (dialog->submit()) // no field chosen
                return int(QDialog::Rejected);
            dialog->setFieldChecked(QStringLiteral("id_number"), true);
            dialog->setFieldChecked(QStringLiteral("account_number"), true);
            dialog->purposeEdit()->setPlainText(QStringLiteral("the customer asks to confirm the card on file"));
            dialog->validitySpinBox()->setValue(2);
            return dialog->submit() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        };
        QVERIFY(mine->requestFullView());
        ServerRequestsPage* myRequests = atCm->requestsPage();
        QCOMPARE(myRequests->requests().size(), 1);
        const qint64 request = myRequests->requests().constFirst().id;
        QCOMPARE(myRequests->requests().constFirst().status, RequestStatus::Pending);
        myRequests->table()->setCurrentCell(0, 0);
        QVERIFY(!myRequests->showButton()->isEnabled());

        ServerRequestsPage* toDecide = atManager->requestsPage();
        QVERIFY(toDecide->reload());
        const int row = toDecide->rowOf(request);
        QVERIFY(row >= 0);
        QCOMPARE(toDecide->requests().at(row).requesterLogin, QStringLiteral("c1"));
        toDecide->table()->setCurrentCell(row, 0);
        QVERIFY(toDecide->approveButton()->isEnabled());
        QVERIFY(!toDecide->showButton()->isEnabled()); // another's request: its values are not the manager's to see
        manager.dialogs.texts << QStringLiteral("the customer is at the counter");
        QVERIFY(toDecide->decide(row, true));
        QVERIFY2(manager.dialogs.errors.isEmpty(), qPrintable(manager.dialogs.errors.value(0).message));

        QVERIFY(myRequests->reload());
        const int mineRow = myRequests->rowOf(request);
        QCOMPARE(myRequests->requests().at(mineRow).status, RequestStatus::Approved);
        myRequests->table()->setCurrentCell(mineRow, 0);
        QVERIFY(myRequests->showButton()->isEnabled());
        QHash<QString, QString> shown;
        int secondsLeft = -1;
        bool selectable = false;
        bool wiped = false;
        cm.steps << [&](QDialog* d) {
            auto* revealed = qobject_cast<RevealDialog*>(d);
            if (!revealed)
                return int(QDialog::Rejected);
            shown = revealed->shown();
            secondsLeft = revealed->secondsLeft();
            for (auto* label : revealed->findChildren<ProtectedLabel*>())
                selectable = selectable || label->textInteractionFlags() != Qt::NoTextInteraction;
            revealed->done(QDialog::Accepted);
            wiped = revealed->shown().isEmpty();
            return int(QDialog::Accepted);
        };
        QVERIFY(myRequests->showValues(mineRow));
        // shown for a limited time, in labels that cannot be selected or copied, wiped when the dialog closes
        QVERIFY(secondsLeft > 0 && secondsLeft <= RevealDialog::kShowSeconds);
        QVERIFY(!selectable);
        QVERIFY(wiped);
        QVERIFY2(cm.dialogs.errors.isEmpty(), qPrintable(cm.dialogs.errors.value(0).message));
        QCOMPARE(shown.size(), 2);
        QCOMPARE(shown.value(QStringLiteral("id_number")), m_customer.values.value(QStringLiteral("id_number")));
        QStringList accounts;
        for (auto it = shown.cbegin(); it != shown.cend(); ++it)
            if (it.key().startsWith(QLatin1String("account_number:")))
                accounts << it.value();
        QCOMPARE(accounts, QStringList {m_customer.accounts.constFirst().number});
        // an edit at the customer manager's desk: the protected fields empty with their masked values as placeholders;
        // a change of the sex without the ID number is refused in the dialog, which stays open and names the field; a
        // new mobile is sent; the card shows the change waiting and offers no second edit; the branch manager approves
        // it at the other desk, and the record can be edited again
        QVERIFY(mine->open(0));
        QVERIFY(mine->editButton()->isVisibleTo(mine) && mine->editButton()->isEnabled());
        QVERIFY(atManager->customersPage()->open(0));
        QVERIFY(atManager->customersPage()->editButton()->isEnabled());
        const QString newMobile = mobile(7701);
        QString editRefusal;
        bool maskedPlaceholders = false;
        cm.steps << [&](QDialog* d) {
            auto* dialog = qobject_cast<ServerEditDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            auto* mobileEdit = dialog->form()->findChild<QLineEdit*>(QStringLiteral("mobileLineEdit"));
            auto* idEdit = dialog->form()->findChild<QLineEdit*>(QStringLiteral("idNumberLineEdit"));
            auto* sex = dialog->form()->findChild<QComboBox*>(QStringLiteral("sexComboBox"));
            if (!mobileEdit || !idEdit || !sex)
                return int(QDialog::Rejected);
            maskedPlaceholders = mobileEdit->text().isEmpty() && idEdit->text().isEmpty()
                && mobileEdit->placeholderText().contains(QLatin1Char('*'))
                && idEdit->placeholderText().contains(QLatin1Char('*'));
            const int original = sex->currentIndex();
            sex->setCurrentIndex(sex->findData(sex->currentData().toString() == QLatin1String("M") ? "F" : "M"));
            dialog->saveButton()->click();
            editRefusal = dialog->message();
            if (dialog->result() == QDialog::Accepted)
                return int(QDialog::Rejected);
            sex->setCurrentIndex(original);
            QTest::keyClicks(mobileEdit, newMobile);
            dialog->saveButton()->click();
            return dialog->result();
        };
        QVERIFY(mine->edit());
        QVERIFY(maskedPlaceholders);
        QVERIFY2(editRefusal.contains(QStringLiteral("ID number again")), qPrintable(editRefusal));
        QVERIFY(mine->card()->pendingChangeId > 0);
        QVERIFY(!mine->editButton()->isEnabled());
        QVERIFY(cm.dialogs.infos.constLast().contains(number));
        QVERIFY2(cm.dialogs.errors.isEmpty(), qPrintable(cm.dialogs.errors.value(0).message));
        QVERIFY(!mine->cardText().contains(newMobile));
        QVERIFY(approvals->reload());
        QCOMPARE(approvals->changes().size(), 1);
        QCOMPARE(approvals->changes().constFirst().kind, QStringLiteral("edit"));
        QCOMPARE(approvals->changes().constFirst().makerLogin, QStringLiteral("c1"));
        QVERIFY(!containing(visibleTexts(approvals), newMobile).size());
        // the branch manager's card, opened before the edit, is at the old version: an edit from it is a conflict
        manager.steps << [&](QDialog* d) {
            auto* dialog = qobject_cast<ServerEditDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            dialog->form()
                ->findChild<QLineEdit*>(QStringLiteral("addressLineEdit"))
                ->setText(QStringLiteral("上海市黄浦区中山东一路1号"));
            dialog->saveButton()->click();
            editRefusal = dialog->message();
            return dialog->result();
        };
        QVERIFY(!atManager->customersPage()->edit());
        QVERIFY2(editRefusal.contains(QStringLiteral("still waiting")), qPrintable(editRefusal));
        manager.dialogs.texts << QStringLiteral("the customer signed the change form");
        QVERIFY(approvals->decide(0, true));
        QVERIFY2(manager.dialogs.errors.isEmpty(), qPrintable(manager.dialogs.errors.value(0).message));
        QVERIFY(mine->open(0));
        QCOMPARE(mine->card()->pendingChangeId, 0);
        QVERIFY(mine->editButton()->isEnabled());

        // the history at the customer manager's desk: the creation and the approved edit, masked (the new mobile never
        // in full), read only when asked for and recorded by the server (migration 22)
        QVERIFY(mine->historyButton()->isEnabled());
        const QString historyReads = psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = "
                                                         "'customer.open' AND details = '{\"part\":\"history\"}'"));
        QCOMPARE(historyReads, QStringLiteral("0"));
        QStringList kinds;
        QStringList historyTexts;
        cm.steps << [&](QDialog* d) {
            auto* table = d->findChild<QTableWidget*>(QStringLiteral("historyTableWidget"));
            if (!table)
                return int(QDialog::Rejected);
            historyTexts = visibleTexts(d);
            for (int row = 0; row < table->rowCount(); ++row)
                if (const QTableWidgetItem* item = table->item(row, 2); item && !kinds.contains(item->text()))
                    kinds << item->text();
            return int(QDialog::Rejected);
        };
        QVERIFY(mine->history());
        QCOMPARE(kinds.size(), 2); // created, edited
        QVERIFY(!containing(historyTexts, QStringLiteral("****")).isEmpty());
        QVERIFY(containing(historyTexts, newMobile).isEmpty());
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'customer.open' AND "
                                     "details = '{\"part\":\"history\"}' AND login = 'c1'")),
            QStringLiteral("1"));

        // care at the two desks: the customer manager, from the card, records a service and a complaint received a
        // week ago (overdue at once); the branch manager's overdue tab lists it and opens the customer at its
        // complaints, where it is marked as under investigation, then answered; the overdue list is empty after
        QVERIFY(mine->careButton()->isEnabled());
        int serviceRows = -1;
        int complaintRows = -1;
        cm.steps << [&](QDialog* d) {
            auto* dialog = qobject_cast<ServerCareDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            ServiceRecordsPage* services = dialog->servicesPage();
            services->findChild<QPlainTextEdit*>(QStringLiteral("serviceContentPlainTextEdit"))
                ->setPlainText(QStringLiteral("办理挂失补卡业务"));
            if (!services->addService())
                return int(QDialog::Rejected);
            serviceRows = services->findChild<QTableWidget*>(QStringLiteral("servicesTableWidget"))->rowCount();
            dialog->tabs()->setCurrentIndex(1);
            ComplaintsPage* complaints = dialog->complaintsPage();
            auto* received = complaints->findChild<QDateTimeEdit*>(QStringLiteral("receivedDateTimeEdit"));
            received->setDateTime(received->dateTime().addDays(-7));
            complaints->findChild<QPlainTextEdit*>(QStringLiteral("complaintContentPlainTextEdit"))
                ->setPlainText(QStringLiteral("柜台排队时间过长"));
            if (!complaints->addComplaint())
                return int(QDialog::Rejected);
            complaintRows = complaints->model()->rowCount();
            return int(QDialog::Rejected);
        };
        QVERIFY(mine->care());
        QVERIFY2(cm.dialogs.errors.isEmpty(), qPrintable(cm.dialogs.errors.value(0).message));
        QCOMPARE(serviceRows, 1);
        QCOMPARE(complaintRows, 1);
        QVERIFY2(cm.dialogs.infos.constLast().contains(QStringLiteral("was recorded")),
            qPrintable(cm.dialogs.infos.constLast()));
        ServerOverduePage* branchOverdue = atManager->overduePage();
        QVERIFY(branchOverdue);
        QVERIFY(branchOverdue->reload());
        QCOMPARE(branchOverdue->model()->rowCount(), 1);
        QCOMPARE(
            branchOverdue->model()->complaintFromIndex(branchOverdue->model()->index(0, 0))->customerNumber, number);
        // the due dates are the server's, from its own calendar: the page warns of a due date in a year that calendar
        // does not cover (here the year taken out of the server's calendar for a moment, as on a server a year
        // behind), and not once it covers it again
        {
            const int dueYear = branchOverdue->model()
                                    ->complaintFromIndex(branchOverdue->model()->index(0, 0))
                                    ->answerBy.toTimeZone(WorkingCalendar::branchTimeZone())
                                    .date()
                                    .year();
            const bool covered
                = psql(QStringLiteral("SELECT count(*) FROM branchvault.official_calendar_years WHERE year = %1")
                           .arg(dueYear))
                == QLatin1String("1");
            QCOMPARE(branchOverdue->calendarWarning()->isVisibleTo(branchOverdue), !covered);
            psql(QStringLiteral("UPDATE branchvault.official_calendar_years SET year = 2099 WHERE year = %1")
                     .arg(dueYear));
            const bool reloaded = branchOverdue->reload();
            const bool warned = branchOverdue->calendarWarning()->isVisibleTo(branchOverdue)
                && branchOverdue->calendarWarning()->text().contains(QString::number(dueYear));
            psql(QStringLiteral("UPDATE branchvault.official_calendar_years SET year = %1 WHERE year = 2099")
                     .arg(dueYear));
            QVERIFY(reloaded);
            QVERIFY(warned);
            QVERIFY(branchOverdue->reload());
            QCOMPARE(branchOverdue->calendarWarning()->isVisibleTo(branchOverdue), !covered);
        }
        QVERIFY(atCm->overduePage()->reload());
        QCOMPARE(atCm->overduePage()->model()->rowCount(), 1);
        QString afterInvestigation;
        manager.dialogs.texts << QStringLiteral("已向客户致歉并增开窗口");
        manager.steps << [&](QDialog* d) {
            auto* dialog = qobject_cast<ServerCareDialog*>(d);
            if (!dialog || dialog->tabs()->currentWidget() != dialog->complaintsPage())
                return int(QDialog::Rejected);
            ComplaintsPage* complaints = dialog->complaintsPage();
            auto* view = complaints->findChild<QTableView*>(QStringLiteral("complaintsTableView"));
            view->setCurrentIndex(complaints->model()->index(0, 0));
            if (!complaints->markInvestigating())
                return int(QDialog::Rejected);
            afterInvestigation
                = statusKey(complaints->model()->complaintFromIndex(complaints->model()->index(0, 0))->status);
            view->setCurrentIndex(complaints->model()->index(0, 0));
            if (!complaints->answer())
                return int(QDialog::Rejected);
            return int(QDialog::Rejected);
        };
        QVERIFY(branchOverdue->openCustomer(0));
        QVERIFY2(manager.dialogs.errors.isEmpty(), qPrintable(manager.dialogs.errors.value(0).message));
        QCOMPARE(afterInvestigation, QStringLiteral("investigating"));
        QCOMPARE(branchOverdue->model()->rowCount(), 0);
        QVERIFY(atCm->overduePage()->reload());
        QCOMPARE(atCm->overduePage()->model()->rowCount(), 0);

        // nothing of it stays in either window or on the clipboard
        QVERIFY(leaks(cm.controller->window()).isEmpty());
        QVERIFY(leaks(manager.controller->window()).isEmpty());
        const QString clipboard = QGuiApplication::clipboard()->text();
        for (const QString& value : fullValues())
            QVERIFY(!clipboard.contains(value));
        QVERIFY(cm.unexpected.isEmpty() && manager.unexpected.isEmpty());
    }

    // The clerk's exact lookup in the window: one masked card, or "no match"; the auditor verifies the branch's
    // chain, saves a checkpoint and verifies against it.
    void theClerkLooksUpAndTheAuditorVerifies()
    {
        const QString k1Code = k1OneTime.section(QLatin1Char('\n'), 1);
        Desk clerk;
        QVERIFY(open(clerk, QStringLiteral("k1"), k1OneTime.section(QLatin1Char('\n'), 0, 0), k1Password, k1Code));
        ServerLookupPage* lookup = clerk.controller->workspace()->lookupPage();
        QVERIFY(lookup);
        QVERIFY(!clerk.controller->workspace()->customersPage());
        lookup->nameEdit()->setText(m_customer.values.value(QStringLiteral("name")));
        lookup->idEdit()->setText(m_customer.values.value(QStringLiteral("id_number")));
        lookup->purposeEdit()->setPlainText(QStringLiteral("cash deposit at the counter"));
        QVERIFY2(lookup->lookup(), qPrintable(lookup->result()));
        QVERIFY2(lookup->result().contains(QStringLiteral("0101-")), qPrintable(lookup->result()));
        QVERIFY(lookup->nameEdit()->text().isEmpty() && lookup->idEdit()->text().isEmpty());
        QTest::keyClick(lookup->idEdit(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(lookup->idEdit()->text().isEmpty()); // not in the undo history either
        QVERIFY(lookup->purposeEdit()->toPlainText().isEmpty()); // each lookup gives its own purpose
        QVERIFY(leaks(clerk.controller->window()).isEmpty());
        lookup->nameEdit()->setText(m_customer.values.value(QStringLiteral("name")));
        lookup->idEdit()->setText(customerInput(62).values.value(QStringLiteral("id_number")));
        lookup->purposeEdit()->setPlainText(QStringLiteral("cash deposit at the counter"));
        QVERIFY(lookup->lookup());
        QVERIFY2(lookup->result().contains(QStringLiteral("No match")), qPrintable(lookup->result()));

        Desk auditor;
        QVERIFY(open(auditor, QStringLiteral("u1"), u1OneTime, u1Password));
        ServerAuditPage* audit = auditor.controller->workspace()->auditPage();
        QVERIFY(audit);
        QVERIFY(audit->verifyPage()->verifyChain());
        QVERIFY2(audit->verifyPage()->resultText().startsWith(QStringLiteral("Intact")),
            qPrintable(audit->verifyPage()->resultText()));
        const QString checkpoint = m_dir.filePath(QStringLiteral("branch.checkpoint"));
        QVERIFY(audit->saveCheckpoint(checkpoint));
        QVERIFY(!audit->saveCheckpoint(checkpoint)); // never overwritten
        auditor.dialogs.openNames << checkpoint;
        QVERIFY(audit->verifyPage()->verifyAgainstCheckpoint());
        QVERIFY2(auditor.dialogs.errors.size() == 1, "only the refused overwrite is an error");
    }

    // Offline record entry (deliverable 5) through the core: the server goes away (a TCP relay between the workstation
    // and the cluster stops), the customer manager signs in against the key slot kept at the last sign-in with the
    // server and enters customers into the outbox; the server comes back, the next sign-in sends them in order, each
    // a pending record under maker-checker; a duplicate is reported to the maker and kept; an upload interrupted
    // after the server took an entry finds it again by its reserved number; what happened offline is in the branch's
    // chain, which still verifies.
    void aCustomerManagerEntersOfflineAndTheOutboxIsSent()
    {
        TcpProxy relay(quint16(qEnvironmentVariableIntValue("PGPORT")));
        QVERIFY(relay.start());
        // the workstation reaches the server through the relay from now on
        QVERIFY2(reconnect(relay.port()), "the outbox holds no entries yet");
        auto direct = qScopeGuard([this] { backToTheCluster(); });
        const SecureBytes password = secure(c1Password);
        {
            auto online = ServerSession::signIn(m_store, QStringLiteral("c1"), password);
            QVERIFY2(online.ok(), qPrintable(why(online)));
            const Status kept = ServerOutbox::remember(m_store, **online);
            QVERIFY2(kept.ok(), qPrintable(why(kept)));
        }
        // only a customer manager is kept: the branch manager has no offline entry
        {
            auto manager = ServerSession::signIn(m_store, QStringLiteral("m1"), secure(m1Password));
            QVERIFY(manager.ok());
            QVERIFY(ServerOutbox::remember(m_store, **manager).ok());
        }
        // while the server answers there is no offline sign-in (a refused sign-in, a frozen account, stays refused)
        QCOMPARE(ServerOutbox::signIn(m_store, QStringLiteral("c1"), password).code(), ErrorCode::Conflict);
        relay.stop();
        QCOMPARE(ServerOutbox::signIn(m_store, QStringLiteral("m1"), secure(m1Password)).code(), ErrorCode::NotFound);
        relay.start();

        relay.stop();
        QCOMPARE(ServerSession::signIn(m_store, QStringLiteral("c1"), password).code(), ErrorCode::ServerUnavailable);
        QCOMPARE(ServerOutbox::signIn(m_store, QStringLiteral("c1"), secure(QStringLiteral("not-the-password"))).code(),
            ErrorCode::AuthenticationFailed);
        const CustomerInput first = customerInput(71);
        const CustomerInput interrupted = customerInput(72);
        // one of c1's customers on the server, for service records kept offline
        const QString served = psql(QStringLiteral(
            "SELECT c.customer_no FROM branchvault.customers c JOIN branchvault.staff s ON s.id = c.manager_id WHERE "
            "s.login = 'c1' AND c.status = 'active' ORDER BY c.id LIMIT 1"));
        QVERIFY2(served.contains(QLatin1Char('-')), qPrintable(served));
        {
            auto offline = ServerOutbox::signIn(m_store, QStringLiteral("c1"), password);
            QVERIFY2(offline.ok(), qPrintable(why(offline)));
            auto kept = (*offline)->keep(first);
            QVERIFY2(kept.ok(), qPrintable(why(kept)));
            // the same person twice in the outbox is refused at once, naming the field
            auto twice = (*offline)->keep(first);
            QCOMPARE(twice.code(), ErrorCode::Conflict);
            QCOMPARE(twice.error().field, QStringLiteral("id_number"));
            // a mistake is refused as at the counter
            CustomerInput wrong = customerInput(73);
            wrong.values.insert(QStringLiteral("mobile"), QStringLiteral("12345"));
            auto refused = (*offline)->keep(wrong);
            QCOMPARE(refused.code(), ErrorCode::InvalidInput);
            QCOMPARE(refused.error().field, QStringLiteral("mobile"));
            // the customer entered at the counter earlier: the outbox cannot know; the server will refuse it
            QVERIFY((*offline)->keep(m_customer).ok());
            QVERIFY((*offline)->keep(interrupted).ok());
            // service records: one of c1's customers (sent once, even after an interrupted upload), a customer the
            // branch does not have (refused at the upload, kept); a mobile number typed as the customer number and
            // an empty record are refused at once, naming the field
            const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
            auto service = (*offline)->keepService(served, today, QStringLiteral("phone"), QStringLiteral("电话回访"));
            QVERIFY2(service.ok(), qPrintable(why(service)));
            QVERIFY((*offline)
                        ->keepService(QStringLiteral("0101-99999999"), today, QStringLiteral("counter"),
                            QStringLiteral("办理挂失补卡业务"))
                        .ok());
            auto mobileTyped = (*offline)->keepService(
                first.values.value(QStringLiteral("mobile")), today, QStringLiteral("counter"), QStringLiteral("回访"));
            QCOMPARE(mobileTyped.error().field, QStringLiteral("customer"));
            QVERIFY(!mobileTyped.error().message.contains(first.values.value(QStringLiteral("mobile"))));
            QCOMPARE((*offline)->keepService(served, today, QStringLiteral("counter"), QString()).error().field,
                QStringLiteral("content"));
            auto listed = (*offline)->entries();
            QVERIFY(listed.ok());
            QCOMPARE(listed->size(), 5);
            for (const OutboxEntry& entry : *listed) {
                QCOMPARE(entry.state, OutboxEntry::State::Waiting);
                if (entry.kind == OutboxEntry::Kind::Service)
                    QVERIFY(entry.customerNumber.contains(QLatin1Char('-')) && entry.maskedName.isEmpty());
                else
                    QVERIFY(
                        entry.maskedName.contains(QLatin1Char('*')) && entry.maskedIdNumber.contains(QLatin1Char('*')));
            }
            QVERIFY((*offline)->recordEnd(false).ok());
        }
        // nothing readable in the outbox file without its key and a password
        QFile file(ServerOutbox::path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        for (const CustomerInput* input : {&first, &interrupted})
            for (const char* field : {"name", "id_number", "mobile"})
                QVERIFY2(!bytes.contains(input->values.value(QLatin1String(field)).toUtf8()), field);
        file.close();
        // the connection goes, so does the outbox: refused while it holds entries
        QCOMPARE(ServerWorkstation::remove(m_store).code(), ErrorCode::Conflict);

        // an upload that stopped after the server took the third entry: its number was kept, the entry was not
        // removed. Made here as the upload would have left it.
        relay.start();
        auto online = ServerSession::signIn(m_store, QStringLiteral("c1"), password);
        QVERIFY2(online.ok(), qPrintable(why(online)));
        ServerCustomers customers(**online);
        auto reserved = customers.reserveNumber();
        QVERIFY(reserved.ok());
        QVERIFY(customers.enter(interrupted, *reserved).ok());
        {
            auto key = m_store.read(ServerOutbox::keyEntry());
            QVERIFY(key.ok());
            auto outbox = Database::open(ServerOutbox::path(), *key, Database::Mode::OpenExisting,
                Database::Options {false, false, 4096, &outboxTestSchema()});
            QVERIFY2(outbox.ok(), qPrintable(why(outbox)));
            QVERIFY((*outbox)
                        ->exec(QStringLiteral("UPDATE outbox_entries SET reserved_no = ? WHERE id = (SELECT max(id) "
                                              "FROM outbox_entries WHERE kind = 'customer')"),
                            {*reserved})
                        .ok());
            // the service record too went to the server before the upload stopped (its token is the entry's)
            auto token = (*outbox)->scalar(QStringLiteral("SELECT token FROM outbox_entries WHERE kind = 'service' AND "
                                                          "customer_no = ?"),
                {served});
            QVERIFY(token.ok() && token->isValid());
            const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
            auto early = ServerCare(**online).addService(
                served, today, QStringLiteral("phone"), QStringLiteral("电话回访"), token->toString());
            QVERIFY2(early.ok(), qPrintable(why(early)));
        }
        const QString servicesBefore = psql(QStringLiteral(
            "SELECT count(*) FROM branchvault.service_records s JOIN branchvault.customers c ON c.id = s.customer_id "
            "WHERE c.customer_no = '%1'")
                                                .arg(served));
        const qint64 before = auditRows(QStringLiteral("customer.create"), QStringLiteral("c1")).toLongLong();
        auto sent = ServerOutbox::upload(m_store, **online);
        QVERIFY2(sent.ok(), qPrintable(why(sent)));
        QVERIFY2(!sent->stoppedBy, sent->stoppedBy ? qPrintable(sent->stoppedBy->message) : "");
        QCOMPARE(sent->sent.size(), 3);
        QVERIFY(sent->sent.at(0).changeId > 0); // the first entry: a new pending record
        QCOMPARE(sent->sent.at(1).customerNumber, *reserved); // the interrupted one: found, not entered twice
        QCOMPARE(sent->sent.at(1).changeId, 0);
        QCOMPARE(sent->sent.at(2).customerNumber, served); // the service record: found, not recorded twice
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.service_records s JOIN branchvault.customers c "
                                     "ON c.id = s.customer_id WHERE c.customer_no = '%1'")
                          .arg(served)),
            servicesBefore);
        QCOMPARE(sent->refused.size(), 2); // the duplicate of the counter's customer, the unknown customer's record
        QCOMPARE(sent->refused.constFirst().state, OutboxEntry::State::Refused);
        QVERIFY2(sent->refused.constFirst().refusal.contains(QStringLiteral("duplicate")),
            qPrintable(sent->refused.constFirst().refusal));
        QCOMPARE(sent->refused.at(1).kind, OutboxEntry::Kind::Service);
        QCOMPARE(sent->refused.at(1).customerNumber, QStringLiteral("0101-99999999"));
        QVERIFY2(
            sent->refused.at(1).refusal.contains(QStringLiteral("nothing")), qPrintable(sent->refused.at(1).refusal));
        QCOMPARE(sent->stillWaiting, 0);
        QCOMPARE(auditRows(QStringLiteral("customer.create"), QStringLiteral("c1")).toLongLong(), before + 1);
        // in order, each a pending record under maker-checker
        auto pending = customers.pending();
        QVERIFY(pending.ok());
        QStringList numbers;
        for (const PendingChange& change : *pending)
            numbers << change.customerNumber;
        QVERIFY(numbers.contains(sent->sent.at(0).customerNumber) && numbers.contains(*reserved));
        QVERIFY(sent->sent.at(0).customerNumber > *reserved); // reserved before it, as the lost upload did
        // the refused entry stays for its maker until he or she discards it (recorded)
        auto left = ServerOutbox::entries(m_store, **online);
        QVERIFY(left.ok());
        QCOMPARE(left->size(), 2);
        QVERIFY(ServerOutbox::discard(m_store, **online, left->constFirst().id).ok());
        QVERIFY(ServerOutbox::discard(m_store, **online, left->at(1).id).ok());
        QVERIFY(ServerOutbox::entries(m_store, **online)->isEmpty());
        // a second upload has nothing to send
        auto again = ServerOutbox::upload(m_store, **online);
        QVERIFY(again.ok() && again->sent.isEmpty() && again->refused.isEmpty());

        // what happened offline is in the branch's chain, by its maker, and the chain verifies
        QCOMPARE(auditRows(QStringLiteral("outbox.sign_in"), QStringLiteral("c1")), QStringLiteral("2"));
        QCOMPARE(auditRows(QStringLiteral("outbox.keep"), QStringLiteral("c1")), QStringLiteral("5"));
        QCOMPARE(auditRows(QStringLiteral("outbox.sign_out"), QStringLiteral("c1")), QStringLiteral("1"));
        QCOMPARE(auditRows(QStringLiteral("outbox.upload"), QStringLiteral("c1")), QStringLiteral("3"));
        QCOMPARE(auditRows(QStringLiteral("outbox.discard"), QStringLiteral("c1")), QStringLiteral("2"));
        auto auditor = ServerSession::signIn(m_store, QStringLiteral("u1"), secure(u1Password));
        QVERIFY(auditor.ok());
        auto verified = (*auditor)->verifyAudit();
        QVERIFY2(verified.ok() && verified->verification.ok(), qPrintable(why(verified)));

        // wrong passwords close the offline sign-in until the next sign-in with the server
        relay.stop();
        for (int i = 0; i < ServerOutbox::kMaxFailures; ++i)
            QCOMPARE(ServerOutbox::signIn(m_store, QStringLiteral("c1"), secure(QStringLiteral("wrong"))).code(),
                ErrorCode::AuthenticationFailed);
        QCOMPARE(ServerOutbox::signIn(m_store, QStringLiteral("c1"), password).code(), ErrorCode::AccountLocked);
        relay.start();
        online = ServerSession::signIn(m_store, QStringLiteral("c1"), password);
        QVERIFY(online.ok());
        QVERIFY(ServerOutbox::remember(m_store, **online).ok());
        relay.stop(); // (cuts the session's connection too)
        QVERIFY(ServerOutbox::signIn(m_store, QStringLiteral("c1"), password).ok());
        relay.start();
        online = ServerSession::signIn(m_store, QStringLiteral("c1"), password);
        QVERIFY(online.ok());
        // the failures were recorded too, at this upload (the refusal while closed as well)
        auto recorded = ServerOutbox::upload(m_store, **online);
        QVERIFY(recorded.ok() && !recorded->stoppedBy);
        QCOMPARE(auditRows(QStringLiteral("outbox.sign_in"), QStringLiteral("c1")),
            QStringLiteral("%1").arg(2 + ServerOutbox::kMaxFailures + 2));

        // back to the direct connection for the slots that follow; the outbox goes with it
        online->reset();
        auditor->reset();
        relay.stop();
        QVERIFY(reconnect(qEnvironmentVariableIntValue("PGPORT")));
        QVERIFY(!QFile::exists(ServerOutbox::path()));
    }

    // The same in the window: the sign-in finds the server gone and opens the offline workspace, which says so; a
    // new customer is kept there and listed masked; the next sign-in with the server reachable sends it and says
    // what became of it.
    void theWindowWorksOfflineAndSendsTheOutboxLater()
    {
        TcpProxy relay(quint16(qEnvironmentVariableIntValue("PGPORT")));
        QVERIFY(relay.start());
        QVERIFY(reconnect(relay.port()));
        auto direct = qScopeGuard([this] { backToTheCluster(); });
        {
            Desk online; // the sign-in with the server keeps what offline needs
            QVERIFY(open(online, QStringLiteral("c1"), c1Password));
        }
        relay.stop();
        // the keyboard walker over the offline window, in both languages
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            QCOMPARE(installTranslations(language), language);
            KeyboardAudit audit(language);
            Desk walked;
            QVERIFY(!open(walked, QStringLiteral("c1"), c1Password));
            QVERIFY(walked.controller->window()->offlineWorkspace());
            audit.walk(QStringLiteral("offline window (%1)").arg(language), walked.controller->window());
            installTranslations(QStringLiteral("en"));
            QVERIFY2(audit.problems().isEmpty(), qPrintable(audit.problems().join(QLatin1Char('\n'))));
            m_walkedOffline.unite(audit.walkedClasses());
        }
        Desk cm;
        QVERIFY(open(cm, QStringLiteral("c1"), c1Password) == false); // no online workspace ...
        QVERIFY(cm.controller->offlineSession()); // ... the offline one
        OfflineWorkspace* offline = cm.controller->window()->offlineWorkspace();
        QVERIFY(offline);
        QVERIFY(offline->banner()->text().contains(QStringLiteral("offline")));
        QVERIFY(!cm.controller->window()->findChild<QAction*>(QStringLiteral("changePasswordAction"))->isEnabled());
        QCOMPARE(offline->tabs()->count(), 3);
        cm.controller->window()->show();
        // offline the idle warning promises no draft: nothing typed is kept when the session ends
        cm.controller->idleMonitor().warnNow();
        const QString warned = cm.controller->window()->idleWarning()->textLabel()->text();
        QVERIFY2(warned.contains(QStringLiteral("a form not yet saved is lost"))
                && !warned.contains(QStringLiteral("draft")),
            qPrintable(warned));
        cm.controller->idleMonitor().poke();
        QVERIFY(!cm.controller->window()->idleWarning()->isVisibleTo(cm.controller->window()));

        const CustomerInput person = customerInput(75);
        CustomerFormPages* form = offline->entryPanel()->form();
        for (const auto& [field, edit] :
            {std::pair {"name", "nameLineEdit"}, std::pair {"id_number", "idNumberLineEdit"},
                std::pair {"mobile", "mobileLineEdit"}, std::pair {"address", "addressLineEdit"}})
            form->findChild<QLineEdit*>(QLatin1String(edit))->setText(person.values.value(QLatin1String(field)));
        form->accountsPage()->numberEdit(0)->setText(person.accounts.constFirst().number);
        QVERIFY2(offline->entryPanel()->save(), qPrintable(offline->entryPanel()->message()));
        QVERIFY(cm.dialogs.infos.constLast().contains(QStringLiteral("outbox")));
        QCOMPARE(offline->outboxPage()->table()->rowCount(), 1);
        QVERIFY(leaks(cm.controller->window()).isEmpty());
        QVERIFY(form->findChild<QLineEdit*>(QStringLiteral("idNumberLineEdit"))->text().isEmpty());
        // a service record for one of c1's customers, kept beside it; a mobile number typed as the customer's number is
        // refused in the form without being repeated
        const QString served = psql(QStringLiteral(
            "SELECT c.customer_no FROM branchvault.customers c JOIN branchvault.staff s ON s.id = c.manager_id WHERE "
            "s.login = 'c1' AND c.status = 'active' ORDER BY c.id LIMIT 1"));
        const QString servicesBefore = psql(QStringLiteral(
            "SELECT count(*) FROM branchvault.service_records s JOIN branchvault.customers c ON c.id = s.customer_id "
            "WHERE c.customer_no = '%1'")
                                                .arg(served));
        OfflineServicePanel* service = offline->servicePanel();
        service->customerEdit()->setText(person.values.value(QStringLiteral("mobile")));
        service->contentEdit()->setPlainText(QStringLiteral("电话回访，客户确认已收到新卡"));
        QVERIFY(!service->keep());
        QVERIFY(!service->message().isEmpty()
            && !service->message().contains(person.values.value(QStringLiteral("mobile"))));
        service->customerEdit()->setText(served);
        QVERIFY2(service->keep(), qPrintable(service->message()));
        QVERIFY(service->contentEdit()->toPlainText().isEmpty());
        QCOMPARE(offline->outboxPage()->table()->rowCount(), 2);

        // signed out, the server back: the next sign-in sends the entry and says where it went
        relay.start();
        cm.steps << signIn(QStringLiteral("c1"), c1Password);
        cm.controller->signOut();
        QTRY_VERIFY_WITH_TIMEOUT(cm.controller->session(), 10000);
        QVERIFY(!cm.controller->offlineSession());
        QVERIFY2(
            cm.dialogs.infos.constLast().contains(QStringLiteral("0101-")), qPrintable(cm.dialogs.infos.constLast()));
        QVERIFY2(cm.dialogs.infos.constLast().contains(served), qPrintable(cm.dialogs.infos.constLast()));
        QVERIFY(!cm.controller->workspace()->outboxPage()); // nothing left: no tab
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.service_records s JOIN branchvault.customers c "
                                     "ON c.id = s.customer_id WHERE c.customer_no = '%1'")
                          .arg(served))
                     .toInt(),
            servicesBefore.toInt() + 1);
        QCOMPARE(auditRows(QStringLiteral("outbox.keep"), QStringLiteral("c1")), QStringLiteral("7"));
        QCOMPARE(auditRows(QStringLiteral("outbox.sign_out"), QStringLiteral("c1")), QStringLiteral("2"));
        cm.controller.reset();
        relay.stop();
        QVERIFY(reconnect(qEnvironmentVariableIntValue("PGPORT")));
    }

    // The keyboard walker (tests/ui/KeyboardAudit.h) over every role's window in both languages: mnemonics unique
    // in each view, every field labelled, Tab in reading order. It walks what tst_keyboard cannot build without a
    // server session (classesWalkedWithAServer()).
    void everyWindowWorksFromTheKeyboard_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }
    void everyWindowWorksFromTheKeyboard()
    {
        QFETCH(QString, language);
        QCOMPARE(installTranslations(language), language);
        KeyboardAudit audit(language);
        const QList<std::pair<QString, QString>> staff {{QStringLiteral("a1"), m_adminPassword},
            {QStringLiteral("m1"), m1Password}, {QStringLiteral("c1"), c1Password}, {QStringLiteral("k1"), k1Password},
            {QStringLiteral("u1"), u1Password}};
        for (const auto& [login, password] : staff) {
            Desk desk;
            QVERIFY(open(desk, login, password));
            audit.walk(QStringLiteral("server window (%1)").arg(login), desk.controller->window());
            if (login == QLatin1String("c1")) {
                const ServerContext context {*desk.controller->session(), desk.dialogs, *new ClipboardGuard(this)};
                RevealRequestDialog dialog(context, QStringLiteral("0101-000001"),
                    {QStringLiteral("id_number"), QStringLiteral("mobile"), QStringLiteral("account_number")});
                audit.walk(QStringLiteral("reveal request dialog (server)"), &dialog);
                CustomerView card;
                card.number = QStringLiteral("0101-000001");
                card.status = CustomerStatus::Active;
                card.sex = QStringLiteral("F");
                card.gradeOne = {{QStringLiteral("name"), QStringLiteral("张*")},
                    {QStringLiteral("id_type"), QStringLiteral("mainland_id")},
                    {QStringLiteral("id_number"), QStringLiteral("1101**********1234")}};
                card.gradeTwoVisible = true;
                AccountView account;
                account.id = 1;
                account.number = QStringLiteral("6222********1234");
                account.type = QStringLiteral("debit_card");
                card.accounts << account;
                ServerEditDialog edit(context, card);
                audit.walk(QStringLiteral("edit dialog (server)"), &edit);
            }
            if (login == QLatin1String("m1")) {
                const ServerContext context {*desk.controller->session(), desk.dialogs, *new ClipboardGuard(this)};
                ServerAssignDialog dialog(context, QStringLiteral("0101-000001"));
                audit.walk(QStringLiteral("assign dialog (server)"), &dialog);
                for (const ServerCareDialog::Tab tab : {ServerCareDialog::Tab::Services,
                         ServerCareDialog::Tab::Complaints, ServerCareDialog::Tab::Consent}) {
                    ServerCareDialog care(context, QStringLiteral("0101-000001"), tab);
                    audit.walk(QStringLiteral("care dialog (server), tab %1").arg(int(tab)), &care);
                }
            }
        }
        installTranslations(QStringLiteral("en"));
        QVERIFY2(audit.problems().isEmpty(), qPrintable(audit.problems().join(QLatin1Char('\n'))));
        QStringList missing;
        for (const QString& name : classesWalkedWithAServer())
            if (!audit.walkedClasses().contains(name) && !m_walkedOffline.contains(name))
                missing << name;
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char(' '))));
    }

    // After the idle time the session ends on its own: the workspace goes, the keys with the session. The idle time
    // is the branch server's setting.
    void anIdleSessionEnds()
    {
        const auto set = ServerTls::exec(QStringLiteral("psql"),
            {QStringLiteral("-X"), QStringLiteral("-At"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                QStringLiteral("-d"), m_database, QStringLiteral("-c"),
                QStringLiteral("INSERT INTO branchvault.settings (branch, key, value) VALUES ('0101', "
                               "'auth.idle.minutes', '7')")});
        QVERIFY2(set.status == 0, qPrintable(set.err));
        Desk cm;
        QVERIFY(open(cm, QStringLiteral("c1"), c1Password));
        QVERIFY(cm.controller->session());
        QCOMPARE(cm.controller->idleMinutes(), 7);

        // 30 s before the end a countdown above the workspace says the session will end, that a new customer being
        // entered is kept as a draft and other unsaved forms are lost; any input, or "Stay signed in", keeps it
        ServerWindow* window = cm.controller->window();
        IdleWarningBanner* banner = window->idleWarning();
        QVERIFY(!banner->isVisibleTo(window));
        cm.controller->idleMonitor().warnNow(); // what the timer does 30 s before the end
        QVERIFY(banner->isVisibleTo(window));
        QVERIFY(banner->secondsLeft() <= IdleMonitor::kWarningSeconds && banner->secondsLeft() > 0);
        QVERIFY2(banner->textLabel()->text().contains(QStringLiteral("signed out in"))
                && banner->textLabel()->text().contains(QStringLiteral("new customer being entered is kept as a draft"))
                && banner->textLabel()->text().contains(QStringLiteral("lost")),
            qPrintable(banner->textLabel()->text()));
        QTest::keyClick(cm.controller->workspace(), Qt::Key_Shift);
        QVERIFY(!banner->isVisibleTo(window));
        QVERIFY(cm.controller->session());
        cm.controller->idleMonitor().warnNow();
        QVERIFY(banner->isVisibleTo(window));
        QTest::mouseClick(banner->stayButton(), Qt::LeftButton);
        QVERIFY(!banner->isVisibleTo(window));
        QVERIFY(cm.controller->session());
        // in Chinese too
        {
            const auto english = qScopeGuard([] { installTranslations(QStringLiteral("en")); });
            QCOMPARE(installTranslations(QStringLiteral("zh_CN")), QStringLiteral("zh_CN"));
            cm.controller->idleMonitor().warnNow();
            QVERIFY2(banner->textLabel()->text().contains(QStringLiteral("秒后退出登录"))
                    && banner->textLabel()->text().contains(QStringLiteral("草稿")),
                qPrintable(banner->textLabel()->text()));
        }
        // left alone, the warning comes and then the end, which takes the banner with the workspace
        QSignalSpy warned(&cm.controller->idleMonitor(), &IdleMonitor::warning);
        cm.controller->idleMonitor().startMilliseconds(400, 200);
        QTRY_VERIFY_WITH_TIMEOUT(!cm.controller->session(), 5000);
        QCOMPARE(warned.size(), 1);
        QVERIFY(!banner->isVisibleTo(window));
        QTRY_VERIFY_WITH_TIMEOUT(!cm.controller->session(), 5000);
        QVERIFY(!cm.controller->workspace());
        QCOMPARE(cm.dialogs.infos.size(), 1);
        QVERIFY(cm.dialogs.infos.constFirst().contains(QStringLiteral("Sign in again")));
        QCOMPARE(auditRows(QStringLiteral("auth.idle_lock"), QStringLiteral("c1")), QStringLiteral("1"));

        // a dialog left open at the idle time (here the reveal request, in its own event loop) is closed first; the
        // page that opened it is destroyed only after it has returned
        Desk open2;
        QVERIFY(open(open2, QStringLiteral("c1"), c1Password));
        ServerCustomersPage* mine = open2.controller->workspace()->customersPage();
        QVERIFY(mine->open(0));
        bool shown = false;
        open2.steps << [&](QDialog* d) {
            shown = true;
            open2.controller->idleMonitor().startMilliseconds(50);
            return d->exec();
        };
        QVERIFY(!mine->requestFullView());
        QVERIFY(shown);
        QTRY_VERIFY_WITH_TIMEOUT(!open2.controller->session(), 5000);
        QVERIFY(!open2.controller->workspace());
        QCOMPARE(open2.dialogs.infos.size(), 1);
    }

    // What a customer manager was typing into the new-customer form when the session ended is kept on the server for
    // him or her, sealed, and offered at the next sign-in: Restore fills the form again (the draft stays until the
    // form is saved or cleared), a sign-out keeps what is typed then, and Clear discards it.
    void aHalfTypedCustomerComesBackAfterTheSessionEnds()
    {
        QCOMPARE(psql(QStringLiteral("DELETE FROM branchvault.drafts")).left(6), QStringLiteral("DELETE"));
        const QString typedName = m_customer.values.value(QStringLiteral("name"));
        const QString typedId = m_customer.values.value(QStringLiteral("id_number"));
        const qint64 saves = auditRows(QStringLiteral("draft.save"), QStringLiteral("c1")).toLongLong();
        auto lineEdit = [](ServerEntryPage* entry, const char* name) {
            return entry->form()->findChild<QLineEdit*>(QLatin1String(name));
        };

        Desk cm;
        QVERIFY(open(cm, QStringLiteral("c1"), c1Password));
        QVERIFY(!cm.controller->window()->draftOffer()->isVisibleTo(cm.controller->window()));
        ServerEntryPage* entry = cm.controller->workspace()->entryPage();
        lineEdit(entry, "nameLineEdit")->setText(typedName);
        QTest::keyClicks(lineEdit(entry, "idNumberLineEdit"), typedId);
        // kept at the warning, while the server still takes it
        cm.controller->idleMonitor().warnNow();
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.drafts")), QStringLiteral("1"));
        QCOMPARE(auditRows(QStringLiteral("draft.save"), QStringLiteral("c1")).toLongLong(), saves + 1);
        // the end that follows does not keep it a second time
        cm.controller->idleMonitor().startMilliseconds(50);
        QTRY_VERIFY_WITH_TIMEOUT(!cm.controller->session(), 5000);
        QCOMPARE(auditRows(QStringLiteral("draft.save"), QStringLiteral("c1")).toLongLong(), saves + 1);
        // what the server holds does not read as what was typed
        const QString stored = psql(QStringLiteral("SELECT d::text FROM branchvault.drafts d"));
        QVERIFY(!stored.isEmpty() && !stored.contains(typedName) && !stored.contains(typedId));

        // the next sign-in offers it; Restore fills the form again and shows it
        Desk again;
        QVERIFY(open(again, QStringLiteral("c1"), c1Password));
        ServerWindow* window = again.controller->window();
        DraftOfferBanner* offer = window->draftOffer();
        QVERIFY(offer->isVisibleTo(window));
        QCOMPARE(offer->drafts().size(), 1);
        again.controller->workspace()->tabs()->setCurrentIndex(again.controller->workspace()->tabs()->count() - 1);
        QTest::mouseClick(offer->restoreButton(), Qt::LeftButton);
        QVERIFY(again.dialogs.errors.isEmpty());
        ServerEntryPage* restored = again.controller->workspace()->entryPage();
        QCOMPARE(again.controller->workspace()->tabs()->currentWidget(), restored);
        QVERIFY(lineEdit(restored, "nameLineEdit")->text() == typedName);
        QVERIFY(lineEdit(restored, "idNumberLineEdit")->text() == typedId);
        QVERIFY(!offer->isVisibleTo(window));
        QCOMPARE(auditRows(QStringLiteral("draft.restore"), QStringLiteral("c1")), QStringLiteral("1"));
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.drafts")), QStringLiteral("1"));
        // a sign-out keeps what is typed by then, in place of the earlier draft
        lineEdit(restored, "mobileLineEdit")->setText(m_customer.values.value(QStringLiteral("mobile")));
        again.controller->signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!again.controller->session(), 5000);
        QCOMPARE(auditRows(QStringLiteral("draft.save"), QStringLiteral("c1")).toLongLong(), saves + 2);
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.drafts")), QStringLiteral("1"));

        // restored again, then cleared: the draft goes, recorded as discarded
        Desk third;
        QVERIFY(open(third, QStringLiteral("c1"), c1Password));
        QTest::mouseClick(third.controller->window()->draftOffer()->restoreButton(), Qt::LeftButton);
        ServerEntryPage* last = third.controller->workspace()->entryPage();
        QVERIFY(lineEdit(last, "mobileLineEdit")->text() == m_customer.values.value(QStringLiteral("mobile")));
        last->clear();
        QVERIFY(lineEdit(last, "nameLineEdit")->text().isEmpty());
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.drafts")), QStringLiteral("0"));
        QCOMPARE(psql(QStringLiteral("SELECT details FROM branchvault.audit_log WHERE action = 'draft.discard' AND "
                                     "login = 'c1' ORDER BY seq DESC LIMIT 1")),
            QStringLiteral("{\"form\":\"customer_new\",\"reason\":\"discarded\"}"));
        // an empty form at the sign-out keeps nothing
        third.controller->signOut();
        QTRY_VERIFY_WITH_TIMEOUT(!third.controller->session(), 5000);
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.drafts")), QStringLiteral("0"));
        QCOMPARE(auditRows(QStringLiteral("draft.save"), QStringLiteral("c1")).toLongLong(), saves + 2);

        // closing the window with a form half typed keeps it too, and records the end once
        const qint64 ends = auditRows(QStringLiteral("auth.sign_out"), QStringLiteral("c1")).toLongLong();
        Desk closing;
        QVERIFY(open(closing, QStringLiteral("c1"), c1Password));
        closing.controller->window()->show();
        lineEdit(closing.controller->workspace()->entryPage(), "nameLineEdit")->setText(typedName);
        QVERIFY(closing.controller->window()->close());
        QCOMPARE(psql(QStringLiteral("SELECT count(*) FROM branchvault.drafts")), QStringLiteral("1"));
        QCOMPARE(auditRows(QStringLiteral("draft.save"), QStringLiteral("c1")).toLongLong(), saves + 3);
        QCOMPARE(auditRows(QStringLiteral("auth.sign_out"), QStringLiteral("c1")).toLongLong(), ends + 1);
        closing.controller.reset();
        QCOMPARE(auditRows(QStringLiteral("auth.sign_out"), QStringLiteral("c1")).toLongLong(), ends + 1);
        QCOMPARE(psql(QStringLiteral("DELETE FROM branchvault.drafts")).left(6), QStringLiteral("DELETE"));
    }
};

QTEST_MAIN(TestServerDesktop)
#include "tst_serverdesktop.moc"
