// The front doors of core/setup and the password rule: first run, restore and the rule's wording, each written
// once in core for the set-up wizard and the command line (issue 14).
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/auth/PasswordRule.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/SettingsService.h"
#include "core/setup/DatabaseRestore.h"
#include "core/setup/FirstRun.h"
#include "core/vault/AdminService.h"
#include "tests/testsupport/TestCore.h"

#include <QFileInfo>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestSetup : public QObject
{
    Q_OBJECT
private:
    // What FirstRun hands over: the vault, the passphrase and the core the front end would keep.
    struct Adopted
    {
        std::unique_ptr<Vault> vault;
        std::unique_ptr<Core> core;
        QByteArray passphrase;
        int calls = 0;
    };

    static FirstRun::Adopt adoptInto(Adopted& adopted, VaultService& vaults)
    {
        return [&adopted, &vaults](std::unique_ptr<Vault> vault, SecureBytes passphrase) -> Core& {
            ++adopted.calls;
            adopted.vault = std::move(vault);
            adopted.passphrase = passphrase.view().toByteArray();
            adopted.core = std::make_unique<Core>(*adopted.vault, vaults);
            return *adopted.core;
        };
    }

    static FirstRun::Request request(const QString& path, const QString& password)
    {
        FirstRun::Request request;
        request.databasePath = path;
        request.branchCode = QStringLiteral("BJ01");
        request.branchName = QStringLiteral("北京朝阳支行");
        request.login = QStringLiteral("admin");
        request.password = secret(password);
        return request;
    }

    static QStringList actions(Core& core)
    {
        QStringList actions;
        auto rows = internalsOf(core).auditLog().rows(AuditFilter {});
        if (rows.ok()) {
            for (const AuditRow& row : *rows)
                actions << row.action;
        }
        return actions;
    }

    FakeSecretStore m_store;
    std::unique_ptr<VaultService> m_vaults;

private slots:
    void init()
    {
        m_store.clear();
        m_vaults = std::make_unique<VaultService>(m_store);
        m_vaults->setRecoveryKdf(KdfParams::minimum());
    }

    void firstRunWithAChosenPasswordSignsTheAdministratorIn()
    {
        TempDatabaseDir dir;
        Adopted adopted;
        auto done = FirstRun::run(
            *m_vaults, request(dir.databasePath(), QStringLiteral("Admin-pass-1")), adoptInto(adopted, *m_vaults));
        BV_VERIFY_OK(done);
        QCOMPARE(adopted.calls, 1);
        QCOMPARE(adopted.passphrase.size(), 29);
        QVERIFY(done->session.isValid());
        QCOMPARE(done->session.info().role, Role::Admin);
        QVERIFY(done->oneTimePassword.isEmpty());
        Core& core = *adopted.core;
        QCOMPARE(core.auth().restriction(done->session), AuthService::Restriction::None);
        QCOMPARE(core.settings().text(QString::fromLatin1(settings::BranchCode)), QStringLiteral("BJ01"));
        QCOMPARE(core.settings().text(QString::fromLatin1(settings::BranchName)), QStringLiteral("北京朝阳支行"));
        QCOMPARE(core.accounts().list(done->session)->first().displayName, FirstRun::tr("System administrator"));
        const QStringList recorded = actions(core);
        QVERIFY2(!recorded.isEmpty() && recorded.first() == QLatin1String(audit::DatabaseCreate),
            qPrintable(recorded.join(QLatin1Char(' '))));
        BV_VERIFY_OK(core.auth().signIn(QStringLiteral("admin"), secret(QStringLiteral("Admin-pass-1"))));
    }

    void firstRunWithoutAPasswordIssuesAOneTimePassword()
    {
        TempDatabaseDir dir;
        Adopted adopted;
        FirstRun::Request without = request(dir.databasePath(), QString());
        without.branchCode.reset();
        without.displayName = QStringLiteral("王管理");
        auto done = FirstRun::run(*m_vaults, without, adoptInto(adopted, *m_vaults));
        BV_VERIFY_OK(done);
        QVERIFY(!done->session.isValid());
        QVERIFY(!done->oneTimePassword.isEmpty());
        QCOMPARE(adopted.core->settings().text(QString::fromLatin1(settings::BranchCode)),
            SettingsService::spec(QString::fromLatin1(settings::BranchCode))->defaultValue.toString());
        auto session = adopted.core->auth().signIn(QStringLiteral("admin"), done->oneTimePassword);
        BV_VERIFY_OK(session);
        QCOMPARE(session->info().displayName, QStringLiteral("王管理"));
        QCOMPARE(adopted.core->auth().restriction(*session), AuthService::Restriction::MustChangePassword);
    }

    void firstRunRefusesBeforeCreatingAnything_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("branchCode");
        QTest::addColumn<QString>("password");
        QTest::newRow("login with a space")
            << QStringLiteral("the admin") << QStringLiteral("BJ01") << QStringLiteral("Admin-pass-1");
        QTest::newRow("branch code too long")
            << QStringLiteral("admin") << QStringLiteral("BRANCH-CODE-FAR-TOO-LONG") << QStringLiteral("Admin-pass-1");
        QTest::newRow("7 characters") << QStringLiteral("admin") << QStringLiteral("BJ01") << QStringLiteral("Adm-p-1");
        QTest::newRow("no digit") << QStringLiteral("admin") << QStringLiteral("BJ01") << QStringLiteral("Admin-pass");
    }
    void firstRunRefusesBeforeCreatingAnything()
    {
        QFETCH(QString, login);
        QFETCH(QString, branchCode);
        QFETCH(QString, password);
        TempDatabaseDir dir;
        FirstRun::Request refused = request(dir.databasePath(), password);
        refused.login = login;
        refused.branchCode = branchCode;
        QVERIFY(!FirstRun::check(refused).ok());
        Adopted adopted;
        auto done = FirstRun::run(*m_vaults, refused, adoptInto(adopted, *m_vaults));
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, ErrorCode::InvalidInput);
        QCOMPARE(adopted.calls, 0);
        QVERIFY(!QFileInfo::exists(dir.databasePath()));
    }

    void firstRunNeverTouchesAnExistingDatabase()
    {
        TempDatabaseDir dir;
        {
            Adopted first;
            BV_VERIFY_OK(FirstRun::run(
                *m_vaults, request(dir.databasePath(), QStringLiteral("Admin-pass-1")), adoptInto(first, *m_vaults)));
        }
        const QByteArray before = fileSha256(dir.databasePath());
        Adopted again;
        auto done = FirstRun::run(
            *m_vaults, request(dir.databasePath(), QStringLiteral("Admin-pass-1")), adoptInto(again, *m_vaults));
        QVERIFY(!done.ok());
        QCOMPARE(done.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(again.calls, 0);
        QCOMPARE(fileSha256(dir.databasePath()), before);
    }

    // The rule and its wording come from the settings in force (8–64 characters, 5–24 earlier passwords).
    void passwordRuleFollowsTheSettings()
    {
        const PasswordRule defaults = PasswordRule::defaults();
        QCOMPARE(defaults.minLength(), 8);
        QCOMPARE(defaults.history(), 5);
        QVERIFY2(
            defaults.description().contains(QLatin1String("8")) && defaults.description().contains(QLatin1String("5")),
            qPrintable(defaults.description()));

        auto t = TestCore::create();
        QVERIFY(t);
        BV_VERIFY_OK(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::PasswordMinLength), QStringLiteral("12")));
        BV_VERIFY_OK(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::PasswordHistory), QStringLiteral("10")));
        const PasswordRule rule = PasswordRule::current(t->core->settings());
        QCOMPARE(rule.minLength(), 12);
        QCOMPARE(rule.history(), 10);
        const QString text = rule.description();
        QVERIFY2(text.contains(QLatin1String("12")) && text.contains(QLatin1String("10")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String(" 8 ")));
        QVERIFY(!rule.check(PasswordHasher::normalize(secret(QStringLiteral("Eleven-ch-1")))).ok());
        BV_VERIFY_OK(rule.check(PasswordHasher::normalize(secret(QStringLiteral("Twelve-chr-12")))));
        // the account's own change is held to the same rule
        Status tooShort = t->core->auth().changePassword(
            t->admin, secret(t->passwordOf(QStringLiteral("admin"))), secret(QStringLiteral("Eleven-ch-1")));
        QVERIFY(!tooShort.ok());
        QVERIFY2(tooShort.error().message.contains(QLatin1String("12")), qPrintable(tooShort.error().message));
    }

    // The database being replaced: a session without RestoreDatabase is refused there, and nothing is closed.
    void restoreIsRefusedToASessionThatMayNotRestore()
    {
        auto t = TestCore::create();
        QVERIFY(t);
        const QString backup = t->dir.file(QStringLiteral("b.bvbackup"));
        BV_VERIFY_OK(t->core->admin().backup(t->admin, backup));
        const Session manager = t->addUser(QStringLiteral("mgr"), Role::Manager);
        QVERIFY(manager.isValid());
        bool closed = false;
        bool asked = false;
        const DatabaseRestore::Replacing replacing {*t->core, manager, [&] { closed = true; }};
        auto restored = DatabaseRestore::run(
            *t->vaults, t->dir.databasePath(), backup,
            [&](const DatabaseRestore::Authenticate&) -> Result<Session> {
                asked = true;
                return makeError(ErrorCode::Internal, QStringLiteral("not reached"));
            },
            {}, &replacing);
        QVERIFY(!restored.ok());
        QCOMPARE(restored.error().code, ErrorCode::PermissionDenied);
        QVERIFY(!closed);
        QVERIFY(!asked);
    }

    // The backup: its administrator signs in to the restored copy; a cancelled sign-in changes nothing, an
    // accepted one replaces the database and is recorded in the backup's own audit log.
    void restoreNeedsTheBackupsAdministrator()
    {
        auto t = TestCore::create();
        QVERIFY(t);
        const QString backup = t->dir.file(QStringLiteral("b.bvbackup"));
        BV_VERIFY_OK(t->core->admin().backup(t->admin, backup));
        const QString path = t->dir.databasePath();
        const QByteArray adminPassword = t->passwordOf(QStringLiteral("admin")).toUtf8();
        int closed = 0;
        const DatabaseRestore::Replacing replacing {*t->core, t->admin, [&] {
                                                        ++closed;
                                                        t->core.reset();
                                                        t->vault.reset();
                                                    }};
        auto cancelled = DatabaseRestore::run(
            *t->vaults, path, backup,
            [](const DatabaseRestore::Authenticate&) -> Result<Session> {
                return makeError(ErrorCode::AuthenticationFailed, QStringLiteral("cancelled"));
            },
            {}, &replacing);
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, ErrorCode::AuthenticationFailed);
        QCOMPARE(closed, 1);
        QVERIFY(QDir(t->dir.path()).entryList({QStringLiteral("*.before-restore-*")}).isEmpty());

        // the command line's way: the database being replaced is not open
        auto restored = DatabaseRestore::run(*m_vaults, path, backup,
            [&](const DatabaseRestore::Authenticate& authenticate) {
                return authenticate(QStringLiteral("admin"), secret(QString::fromUtf8(adminPassword)), QString());
            },
            {});
        QVERIFY(!restored.ok()); // m_vaults has another keychain: the backup's key is not in it
        QCOMPARE(restored.error().code, ErrorCode::KeyMissing);
        int askedForPassphrase = 0;
        restored = DatabaseRestore::run(
            *t->vaults, path, backup,
            [&](const DatabaseRestore::Authenticate& authenticate) {
                return authenticate(QStringLiteral("admin"), secret(QString::fromUtf8(adminPassword)), QString());
            },
            [&](const Error&) -> std::optional<SecureBytes> {
                ++askedForPassphrase;
                return std::nullopt;
            });
        BV_VERIFY_OK(restored);
        QCOMPARE(askedForPassphrase, 0); // the key is in this keychain
        QVERIFY(!restored->previousSavedAs.isEmpty());
        Core core(*restored->vault, *t->vaults, t->clock);
        QVERIFY(actions(core).contains(QLatin1String(audit::DatabaseRestore)));
    }
};

QTEST_GUILESS_MAIN(TestSetup)
#include "tst_setup.moc"
