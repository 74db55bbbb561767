// Staff accounts: creation rules, separation of duties down to the staff number, role changes,
// freezing, resets, the first administrator.
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/policy/AccessControl.h"
#include "tests/testsupport/TestCore.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {
AuditFilter byAction(const char* action)
{
    AuditFilter filter;
    filter.action = QString::fromLatin1(action);
    return filter;
}
} // namespace

class TestAccounts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    AccountService& accounts() { return t->core->accounts(); }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
    }
    void cleanup() { t.reset(); }

    void displayNameLengthCountsCharacters()
    {
        // 40 characters of CJK Extension B are 80 UTF-16 units: accepted; 41 are refused
        BV_VERIFY_OK(accounts().create(t->admin,
            NewAccount {
                QStringLiteral("ext.b"), QStringLiteral("𠀀").repeated(40), Role::Clerk, QString(), QString()}));
        auto tooLong = accounts().create(t->admin,
            NewAccount {QStringLiteral("ext.c"), QStringLiteral("𠀀").repeated(41), Role::Clerk, QString(), QString()});
        BV_COMPARE_CODE(tooLong, ErrorCode::InvalidInput);
        QCOMPARE(tooLong.error().field, QStringLiteral("display_name"));
    }

    void createsWithOneTimePassword()
    {
        auto oneTime = accounts().create(t->admin,
            NewAccount {QStringLiteral("Li.Na"), QStringLiteral("李娜"), Role::CustomerManager, QStringLiteral("E1001"),
                QString()});
        BV_VERIFY_OK(oneTime);
        QCOMPARE(oneTime->size(), std::size_t(19));
        auto account = accounts().accountByLogin(QStringLiteral("li.na")); // logins are lower-cased
        BV_VERIFY_OK(account);
        QCOMPARE(account->displayName, QStringLiteral("李娜"));
        QCOMPARE(account->role, Role::CustomerManager);
        QCOMPARE(account->branch, QStringLiteral("0001"));
        QVERIFY(account->mustChangePassword);
        // dual control: a customer manager's account waits for a branch manager's confirmation
        QCOMPARE(account->awaiting, QStringLiteral("create"));
        BV_COMPARE_CODE(t->core->auth().signIn(QStringLiteral("li.na"), *oneTime), ErrorCode::AuthenticationFailed);
        QVERIFY(t->addUser(QStringLiteral("m1"), Role::Manager).isValid());
        QVERIFY(!t->confirm(QStringLiteral("li.na")).isEmpty());
        auto session = t->core->auth().signIn(QStringLiteral("li.na"), *oneTime);
        BV_VERIFY_OK(session);
        QCOMPARE(t->core->auth().restriction(*session), AuthService::Restriction::MustChangePassword);
        // the hash is Argon2id in libsodium's encoded form; the one-time password is not stored
        auto hash
            = t->vault->database().scalar(QStringLiteral("SELECT password_hash FROM users WHERE login = 'li.na'"));
        QVERIFY(hash->toString().startsWith(QStringLiteral("$argon2id$v=19$")));
        QVERIFY(!hash->toString().contains(QString::fromLatin1(oneTime->view().toByteArray())));
    }

    void loginAndNameRules_data()
    {
        QTest::addColumn<QString>("login");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("fine") << QStringLiteral("wang.fang") << QStringLiteral("王芳") << true;
        QTest::newRow("digit first") << QStringLiteral("1abc") << QStringLiteral("x") << false;
        QTest::newRow("space") << QStringLiteral("wang fang") << QStringLiteral("x") << false;
        QTest::newRow("one char") << QStringLiteral("w") << QStringLiteral("x") << false;
        QTest::newRow("cjk login") << QStringLiteral("王芳") << QStringLiteral("x") << false;
        QTest::newRow("empty name") << QStringLiteral("wangf") << QStringLiteral("  ") << false;
        QTest::newRow("long name") << QStringLiteral("wangf") << QString(41, QLatin1Char('x')) << false;
    }
    void loginAndNameRules()
    {
        QFETCH(QString, login);
        QFETCH(QString, name);
        QFETCH(bool, ok);
        auto created = accounts().create(t->admin, NewAccount {login, name, Role::Clerk, QString(), QString()});
        QCOMPARE(created.ok(), ok);
        if (!ok)
            QCOMPARE(created.error().code, ErrorCode::InvalidInput);
    }

    void loginsAreUniqueForever()
    {
        t->addUser(QStringLiteral("zhao"), Role::Clerk);
        BV_VERIFY_OK(accounts().freeze(t->admin, QStringLiteral("zhao")));
        BV_COMPARE_CODE(accounts().create(t->admin,
                            NewAccount {QStringLiteral("ZHAO"), QStringLiteral("x"), Role::Clerk,
                                QStringLiteral("other"), QString()}),
            ErrorCode::AlreadyExists);
    }

    void administratorAndAuditorAreDifferentPeople()
    {
        // the same staff number cannot hold an auditor account after an administrator account
        BV_VERIFY_OK(accounts().create(t->admin,
            NewAccount {
                QStringLiteral("ops.admin"), QStringLiteral("Ops"), Role::Admin, QStringLiteral("E7"), QString()}));
        BV_VERIFY_OK(accounts().freeze(t->admin, QStringLiteral("ops.admin")));
        auto auditor = accounts().create(t->admin,
            NewAccount {
                QStringLiteral("ops.audit"), QStringLiteral("Ops"), Role::Auditor, QStringLiteral("E7"), QString()});
        BV_COMPARE_CODE(auditor, ErrorCode::Conflict);
        QVERIFY(auditor.error().message.contains(QStringLiteral("different people")));
        // the first administrator's staff number (its login) can never become an auditor either
        BV_COMPARE_CODE(accounts().create(t->admin,
                            NewAccount {QStringLiteral("admin.audit"), QStringLiteral("A"), Role::Auditor,
                                QStringLiteral("admin"), QString()}),
            ErrorCode::Conflict);
        // a different person may
        BV_VERIFY_OK(accounts().create(t->admin,
            NewAccount {
                QStringLiteral("real.audit"), QStringLiteral("R"), Role::Auditor, QStringLiteral("E8"), QString()}));
    }

    void onePersonOneActiveAccount()
    {
        BV_VERIFY_OK(accounts().create(t->admin,
            NewAccount {QStringLiteral("a1"), QStringLiteral("A"), Role::Clerk, QStringLiteral("E9"), QString()}));
        BV_COMPARE_CODE(accounts().create(t->admin,
                            NewAccount {QStringLiteral("a2"), QStringLiteral("A"), Role::CustomerManager,
                                QStringLiteral("E9"), QString()}),
            ErrorCode::Conflict);
        BV_VERIFY_OK(accounts().freeze(t->admin, QStringLiteral("a1")));
        BV_VERIFY_OK(accounts().create(t->admin,
            NewAccount {
                QStringLiteral("a2"), QStringLiteral("A"), Role::CustomerManager, QStringLiteral("E9"), QString()}));
        BV_COMPARE_CODE(accounts().unfreeze(t->admin, QStringLiteral("a1")), ErrorCode::Conflict);
    }

    void roleChanges()
    {
        Session clerk = t->addUser(QStringLiteral("k1"), Role::Clerk);
        BV_VERIFY_OK(accounts().changeRole(t->admin, QStringLiteral("k1"), Role::CustomerManager));
        // the old session ends with the role change
        BV_COMPARE_CODE(
            internalsOf(*t->core).access().authorize(clerk, Operation::ClerkLookup), ErrorCode::AuthenticationFailed);
        BV_COMPARE_CODE(accounts().changeRole(t->admin, QStringLiteral("k1"), Role::Admin), ErrorCode::Conflict);
        BV_COMPARE_CODE(accounts().changeRole(t->admin, QStringLiteral("k1"), Role::Auditor), ErrorCode::Conflict);
        t->addUser(QStringLiteral("u1"), Role::Auditor);
        BV_COMPARE_CODE(accounts().changeRole(t->admin, QStringLiteral("u1"), Role::Manager), ErrorCode::Conflict);
        // and the database refuses it even through raw SQL
        QVERIFY(!t->vault->database().query(QStringLiteral("UPDATE users SET role = 'admin' WHERE login = 'k1'")).ok());
        QVERIFY(!t->vault->database().query(QStringLiteral("UPDATE users SET role = 'clerk' WHERE login = 'u1'")).ok());
        auto changes = internalsOf(*t->core).auditLog().rows(byAction(audit::UserRoleChange));
        QCOMPARE(changes->size(), 1);
    }

    void administratorsDoNotManageTheirOwnAccount()
    {
        BV_COMPARE_CODE(accounts().freeze(t->admin, QStringLiteral("admin")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(accounts().resetPassword(t->admin, QStringLiteral("admin")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            accounts().changeRole(t->admin, QStringLiteral("admin"), Role::Clerk), ErrorCode::PermissionDenied);
    }

    void onlyAdministratorsManageAccounts()
    {
        Session manager = t->addUser(QStringLiteral("m1"), Role::Manager);
        BV_COMPARE_CODE(
            accounts().create(manager, NewAccount {QStringLiteral("x1"), QStringLiteral("X"), Role::Clerk, {}, {}}),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(accounts().list(manager), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(accounts().freeze(manager, QStringLiteral("admin")), ErrorCode::PermissionDenied);
    }

    void resetLiftsLockoutAndForcesChange()
    {
        t->addUser(QStringLiteral("lock"), Role::Clerk);
        for (int i = 0; i < 5; ++i)
            (void)t->signIn(QStringLiteral("lock"), QStringLiteral("Wrong-123"));
        BV_COMPARE_CODE(t->signIn(QStringLiteral("lock")), ErrorCode::AccountLocked);
        auto oneTime = accounts().resetPassword(t->admin, QStringLiteral("lock"));
        BV_VERIFY_OK(oneTime);
        // the reset of a clerk's account takes effect when a branch manager confirms it
        BV_COMPARE_CODE(t->core->auth().signIn(QStringLiteral("lock"), *oneTime), ErrorCode::AuthenticationFailed);
        QVERIFY(!t->confirm(QStringLiteral("lock")).isEmpty());
        auto session = t->core->auth().signIn(QStringLiteral("lock"), *oneTime);
        BV_VERIFY_OK(session);
        QCOMPARE(t->core->auth().restriction(*session), AuthService::Restriction::MustChangePassword);
        BV_COMPARE_CODE(t->signIn(QStringLiteral("lock")), ErrorCode::AuthenticationFailed); // the old password is gone
    }

    void firstAdministratorOnlyOnce()
    {
        BV_COMPARE_CODE(accounts().createFirstAdministrator(
                            NewAccount {QStringLiteral("sneaky"), QStringLiteral("S"), Role::Admin, {}, {}}),
            ErrorCode::Conflict);
    }

    void listHasNoSecrets()
    {
        t->addUser(QStringLiteral("c1"), Role::CustomerManager);
        auto list = accounts().list(t->admin);
        BV_VERIFY_OK(list);
        QCOMPARE(list->size(), 3); // with "keeper", the branch manager who confirmed c1
        QCOMPARE(list->at(0).login, QStringLiteral("admin"));
        QCOMPARE(list->at(1).login, QStringLiteral("c1"));
        QCOMPARE(list->at(2).login, QStringLiteral("keeper"));
        QVERIFY(!list->at(1).mustChangePassword);
        auto rows = internalsOf(*t->core).auditLog().rows(byAction(audit::UserCreate));
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 3);
        for (const AuditRow& row : *rows)
            QVERIFY(!row.details.contains(QStringLiteral("$argon2")));
    }
};

QTEST_GUILESS_MAIN(TestAccounts)
#include "tst_accounts.moc"
