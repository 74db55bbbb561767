// Issue 15, the administrator's side on the branch server (migration 5): staff accounts are PostgreSQL login roles
// under dual control, as in local mode (DESIGN §3). With psql and each member's own credentials: an account that can
// see customer data, created by the administrator, cannot connect until a branch manager — not the holder, not one of
// another branch — confirms it; administrator and auditor accounts take effect at once and are never the same person;
// a plaintext password never stands in for the SCRAM verifier; a frozen account cannot connect; a reset or a role
// change waits for confirmation again; the holder changes his or her own password; two managers confirming at once
// get one confirmation and one conflict. The administrator reads the staff list (four columns) and no other table.
// Every change leaves its audit row with the local action name. (The settings: tst_serversettings.)
#include "tests/testsupport/ServerDatabase.h"

#include <QProcess>
#include <QTest>

#include <memory>

using namespace bv::test;

class TestServerAccounts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    QStringList m_made; // login roles the functions created (dropped at the end)
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    // One statement as `login` (the owner when null), with the SQLSTATE in any error ("ERROR:  22023: ...").
    Psql call(const QString& sql, const char* login = nullptr)
    {
        return m_db->verbose(sql, login ? as(login) : QString());
    }

    // Whether psql connects as `login` with the password ServerDatabase gives it ("pw-<role>"); `why` gets the error.
    bool connects(const char* login, QString* why = nullptr)
    {
        const Psql r = m_db->psql(QStringLiteral("SELECT 1"), as(login));
        if (why)
            *why = r.err;
        return r.ok() && r.out.trimmed() == QLatin1String("1");
    }

    // A real SCRAM-SHA-256 verifier of `password`, as the workstation computes it: PostgreSQL computes it for a
    // scratch role, whose stored verifier is read back.
    QString verifierOf(const QString& password) { return m_db->scramVerifier(password); }
    // The verifier of the password ServerDatabase connects `login` with.
    QString verifierFor(const char* login) { return verifierOf(QStringLiteral("pw-") + as(login)); }

    // The administrator a1 creates an account through the function (staff number: the login).
    Psql create(const char* login, const char* role, const QString& verifier, const char* admin = "a1",
        const QString& staffNo = QString())
    {
        m_made << as(login);
        return call(QStringLiteral("SELECT branchvault.staff_create('%1', '%2', '%3', '%4', '%5', 'ws-admin')")
                        .arg(QLatin1String(login), as(login), QLatin1String(role), staffNo, verifier),
            admin);
    }

    Psql confirm(const char* login, const char* change, const char* manager)
    {
        return call(QStringLiteral("SELECT branchvault.staff_confirm('%1', '%2', 'ws-manager')")
                        .arg(QLatin1String(login), QLatin1String(change)),
            manager);
    }

    QString statusOf(const char* login)
    {
        return call(QStringLiteral("SELECT status || coalesce('/' || awaiting, '') FROM branchvault.staff WHERE login "
                                   "= '%1'")
                        .arg(QLatin1String(login)))
            .out.trimmed();
    }

    // The audit rows of one account (object user <id>), as "login|action|details", in order.
    QStringList auditOf(const char* login)
    {
        const Psql r = call(QStringLiteral("SELECT a.login || '|' || a.action || '|' || a.details FROM "
                                           "branchvault.audit_log a JOIN branchvault.staff s ON a.object_type = "
                                           "'user' AND a.object_id = s.id::text WHERE s.login = '%1' ORDER BY a.seq")
                                .arg(QLatin1String(login)));
        return r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    static bool refused(const Psql& r, const char* sqlState) { return ServerDatabase::refusedWith(r, sqlState); }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("accounts"));
        const QString problem = m_db->setUp(5);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString branch = QStringLiteral("B001");
        const std::pair<const char*, const char*> staff[] = {{"m1", "manager"}, {"m2", "manager"}, {"a1", "admin"},
            {"a2", "admin"}, {"au1", "auditor"}, {"cm1", "customer_manager"}, {"k1", "clerk"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), branch) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("a9"), QStringLiteral("admin"), QStringLiteral("B002")) > 0);
        // a customer manager whose login role was wrongly left in the administrators' and the managers' groups: the
        // functions ask the recorded role, not only the group
        QVERIFY(m_db->addStaff(QStringLiteral("cm3"), QStringLiteral("customer_manager"), branch) > 0);
        QVERIFY(m_db->psql(QStringLiteral("GRANT bv_admin, bv_manager TO %1").arg(as("cm3"))).ok());
    }

    void cleanupTestCase()
    {
        for (const QString& role : std::as_const(m_made))
            m_db->psql(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        m_db.reset();
    }

    void aNewCustomerManagerWaitsForAnotherBranchManager()
    {
        const Psql made = create("cmnew", "customer_manager", verifierFor("cmnew"));
        QVERIFY2(made.ok(), qPrintable(made.err));
        QCOMPARE(statusOf("cmnew"), QStringLiteral("awaiting/create"));
        QString why;
        QVERIFY(!connects("cmnew", &why));
        QVERIFY2(why.contains(QLatin1String("not permitted to log in")), qPrintable(why));

        // not the administrator, not a manager of another branch, not another role; not a change it does not wait for
        for (const char* who : {"a1", "cm1", "k1", "au1", "cm3"})
            QVERIFY2(refused(confirm("cmnew", "create", who), "42501"), who);
        QVERIFY(refused(confirm("cmnew", "create", "m9"), "42501"));
        QVERIFY(refused(confirm("cmnew", "reset", "m1"), "BV409"));
        QVERIFY(!connects("cmnew"));

        // the manager's queue shows it; m1 confirms; the account connects with its own role and branch
        const Psql queue = call(QStringLiteral("SELECT login, role, awaiting FROM branchvault.staff_awaiting()"), "m1");
        QVERIFY2(queue.out.contains(QLatin1String("cmnew|customer_manager|create")), qPrintable(queue.out + queue.err));
        QVERIFY(call(QStringLiteral("SELECT count(*) FROM branchvault.staff_awaiting()"), "m9").out.trimmed()
            == QLatin1String("0"));
        const Psql confirmed = confirm("cmnew", "create", "m1");
        QVERIFY2(confirmed.ok(), qPrintable(confirmed.err));
        QVERIFY2(connects("cmnew", &why), qPrintable(why));
        QCOMPARE(
            m_db->psql(QStringLiteral("SELECT branchvault.my_role() || '@' || branchvault.my_branch()"), as("cmnew"))
                .out.trimmed(),
            QStringLiteral("customer_manager@B001"));
        // a second confirmation is a conflict that names who decided
        const Psql again = confirm("cmnew", "create", "m2");
        QVERIFY(refused(again, "BV409"));
        QVERIFY2(again.err.contains(QLatin1String("decided by m1")), qPrintable(again.err));

        QCOMPARE(auditOf("cmnew"),
            QStringList({QStringLiteral("a1|user.create|{\"awaitingConfirmation\" : true, \"branch\" : \"B001\", "
                                        "\"login\" : \"cmnew\", \"role\" : \"customer_manager\", \"staffNo\" : "
                                        "\"cmnew\"}"),
                QStringLiteral("m1|user.confirm|{\"change\" : \"create\", \"keySlotWritten\" : false, \"login\" : "
                               "\"cmnew\", \"withRecoveryPassphrase\" : false}")}));
    }

    // The holder of a waiting account cannot confirm it, even from a connection opened before the change.
    void theHolderCannotConfirmHisOwnAccount()
    {
        QProcess* open = m_db->start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose")}, as("m2"));
        QVERIFY(open->waitForStarted());
        open->write("\\echo connected\n");
        QVERIFY(open->waitForReadyRead(60000));
        QCOMPARE(QString::fromUtf8(open->readAllStandardOutput()).trimmed(), QStringLiteral("connected"));
        const Psql reset = call(
            QStringLiteral("SELECT branchvault.staff_reset_password('m2', '%1', 'ws-admin')").arg(verifierFor("m2")),
            "a1");
        QVERIFY2(reset.ok(), qPrintable(reset.err));
        QCOMPARE(statusOf("m2"), QStringLiteral("awaiting/reset"));
        QVERIFY(!connects("m2"));
        open->write("SELECT branchvault.staff_confirm('m2', 'reset', 'ws-m2');\n");
        open->closeWriteChannel();
        const Psql own = ServerDatabase::finish(open);
        QVERIFY2(refused(own, "42501"), qPrintable(own.err));
        QCOMPARE(statusOf("m2"), QStringLiteral("awaiting/reset"));
        QVERIFY(confirm("m2", "reset", "m1").ok());
        QVERIFY(connects("m2"));
        QCOMPARE(auditOf("m2").value(0),
            QStringLiteral("a1|user.reset_password|{\"awaitingConfirmation\" : true, \"login\" : \"m2\"}"));
    }

    // Only a well-formed SCRAM-SHA-256 verifier is accepted: a plaintext password (which PostgreSQL would hash and
    // might log) is refused without being repeated, and nothing is created.
    void aPlaintextPasswordIsRefused()
    {
        const QString good = verifierFor("nope");
        QVERIFY(good.startsWith(QLatin1String("SCRAM-SHA-256$4096:")));
        QString shortKey = good;
        shortKey.chop(8);
        const QStringList bads = {QStringLiteral("Secret-2026-pw"), QStringLiteral("md5") + QString(32, u'a'), shortKey,
            QString(good).replace(QStringLiteral("$4096:"), QStringLiteral("$1:")), QString()};
        for (const QString& bad : bads) {
            const Psql r = create("nope", "clerk", bad);
            QVERIFY2(refused(r, "22023") && r.err.contains(QLatin1String("verifier")), qPrintable(r.err));
            QVERIFY(!r.err.contains(QLatin1String("Secret-2026-pw")));
        }
        QCOMPARE(
            call(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(as("nope"))).out.trimmed(),
            QStringLiteral("0"));
        QCOMPARE(statusOf("nope"), QString());
        // the same for a reset and for one's own password
        QVERIFY(
            refused(call(QStringLiteral("SELECT branchvault.staff_reset_password('k1', 'Secret-2026-pw', 'w')"), "a1"),
                "22023"));
        QVERIFY(refused(
            call(QStringLiteral("SELECT branchvault.staff_change_password('Secret-2026-pw', 'w')"), "k1"), "22023"));
        // a group or system role is never the new login role, nor one that exists
        for (const char* pgRole : {"bv_admin", "pg_monitor", "postgres"}) {
            const Psql r = call(QStringLiteral("SELECT branchvault.staff_create('x1', '%1', 'clerk', '', '%2', 'w')")
                                    .arg(QLatin1String(pgRole), good),
                "a1");
            QVERIFY2(!r.ok(), pgRole);
        }
    }

    void administratorAndAuditorTakeEffectAtOnceAndAreNeverOnePerson()
    {
        const Psql auditor = create("aunew", "auditor", verifierFor("aunew"));
        QVERIFY2(auditor.ok(), qPrintable(auditor.err));
        QCOMPARE(statusOf("aunew"), QStringLiteral("active"));
        QVERIFY(connects("aunew"));
        // a staff number that holds an auditor account never holds an administrator account, even once the auditor
        // account is frozen (one person, one active account, refuses it while it is active)
        QVERIFY(refused(create("adm2", "admin", verifierFor("adm2"), "a1", QStringLiteral("au1")), "23505"));
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_freeze('aunew', 'w')"), "a1").ok());
        QVERIFY(refused(create("adm3", "admin", verifierFor("adm3"), "a1", QStringLiteral("aunew")), "42501"));
        // no account moves into or out of admin / auditor
        const std::pair<const char*, const char*> moves[]
            = {{"au1", "admin"}, {"cm1", "admin"}, {"k1", "auditor"}, {"aunew", "clerk"}};
        for (const auto& [login, role] : moves)
            QVERIFY2(refused(call(QStringLiteral("SELECT branchvault.staff_change_role('%1', '%2', 'w')")
                                      .arg(QLatin1String(login), QLatin1String(role)),
                                 "a1"),
                         "42501"),
                login);
        QCOMPARE(statusOf("au1"), QStringLiteral("active"));
        // and not by writing the table as its owner either
        QVERIFY(!call(QStringLiteral("UPDATE branchvault.staff SET role = 'admin' WHERE login = 'au1'")).ok());
        QVERIFY(!call(QStringLiteral("DELETE FROM branchvault.staff WHERE login = 'k1'")).ok());
        // one person, one active account
        QVERIFY(refused(create("k1bis", "clerk", verifierFor("k1bis"), "a1", QStringLiteral("k1")), "23505"));
        QVERIFY(refused(create("k1", "clerk", verifierFor("k1x")), "23505"));
    }

    void aFrozenAccountCannotConnectAndItsUnfreezeWaits()
    {
        QVERIFY(connects("cm1"));
        QVERIFY(refused(call(QStringLiteral("SELECT branchvault.staff_freeze('a1', 'w')"), "a1"), "42501"));
        QVERIFY(refused(call(QStringLiteral("SELECT branchvault.staff_freeze('cm1', 'w')"), "a9"), "22023"));
        QVERIFY(refused(call(QStringLiteral("SELECT branchvault.staff_freeze('cm1', 'w')"), "m1"), "42501"));
        const Psql frozen = call(QStringLiteral("SELECT branchvault.staff_freeze('cm1', 'ws-admin')"), "a1");
        QVERIFY2(frozen.ok(), qPrintable(frozen.err));
        QCOMPARE(statusOf("cm1"), QStringLiteral("frozen"));
        QString why;
        QVERIFY(!connects("cm1", &why));
        QVERIFY2(why.contains(QLatin1String("not permitted to log in")), qPrintable(why));
        // the login role is kept (history stays attributable)
        QCOMPARE(
            call(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(as("cm1"))).out.trimmed(),
            QStringLiteral("1"));
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_unfreeze('cm1', 'ws-admin')"), "a1").ok());
        QCOMPARE(statusOf("cm1"), QStringLiteral("awaiting/unfreeze"));
        QVERIFY(!connects("cm1"));
        QVERIFY(confirm("cm1", "unfreeze", "m2").ok());
        QVERIFY(connects("cm1"));
        const QStringList rows = auditOf("cm1");
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0), QStringLiteral("a1|user.freeze|{\"login\" : \"cm1\"}"));
        QCOMPARE(rows.at(1), QStringLiteral("a1|user.unfreeze|{\"awaitingConfirmation\" : true, \"login\" : \"cm1\"}"));
        QVERIFY2(
            rows.at(2).startsWith(QLatin1String("m2|user.confirm|{\"change\" : \"unfreeze\"")), qPrintable(rows.at(2)));
    }

    void aRoleChangeWaitsAndMovesTheLoginRoleToItsNewGroup()
    {
        const Psql changed
            = call(QStringLiteral("SELECT branchvault.staff_change_role('k1', 'customer_manager', 'ws-admin')"), "a1");
        QVERIFY2(changed.ok(), qPrintable(changed.err));
        QCOMPARE(statusOf("k1"), QStringLiteral("awaiting/role"));
        QVERIFY(!connects("k1"));
        // a second change while one waits: a conflict
        QVERIFY(refused(
            call(QStringLiteral("SELECT branchvault.staff_reset_password('k1', '%1', 'w')").arg(verifierFor("k1")),
                "a1"),
            "BV409"));
        QVERIFY(confirm("k1", "role", "m1").ok());
        QCOMPARE(
            m_db->psql(QStringLiteral("SELECT branchvault.my_role(), pg_has_role('bv_customer_manager', 'MEMBER'), "
                                      "pg_has_role('bv_clerk', 'MEMBER')"),
                    as("k1"))
                .out.trimmed(),
            QStringLiteral("customer_manager|t|f"));
        QCOMPARE(auditOf("k1").value(0),
            QStringLiteral("a1|user.role_change|{\"awaitingConfirmation\" : true, \"login\" : \"k1\", \"new\" : "
                           "\"customer_manager\", \"old\" : \"clerk\"}"));
        QCOMPARE(auditOf("k1").value(1),
            QStringLiteral("m1|user.confirm|{\"change\" : \"role\", \"keySlotWritten\" : false, \"login\" : \"k1\", "
                           "\"role\" : \"customer_manager\", \"withRecoveryPassphrase\" : false}"));
    }

    // An administrator's or auditor's reset takes effect at once: the old password stops working.
    void passwordsChangeAsVerifiers()
    {
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_reset_password('a2', '%1', 'ws-admin')")
                         .arg(verifierOf(QStringLiteral("a one-time password"))),
            "a1")
                    .ok());
        QString why;
        QVERIFY(!connects("a2", &why));
        QVERIFY2(why.contains(QLatin1String("password authentication failed")), qPrintable(why));
        QVERIFY(call(
            QStringLiteral("SELECT branchvault.staff_reset_password('a2', '%1', 'w')").arg(verifierFor("a2")), "a1")
                    .ok());
        QVERIFY(connects("a2"));
        // the holder's own change: cm1 changes to another password and back
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_change_password('%1', 'ws-cm1')")
                         .arg(verifierOf(QStringLiteral("the new password of cm1"))),
            "cm1")
                    .ok());
        QVERIFY(!connects("cm1"));
        QVERIFY(call(QStringLiteral("ALTER ROLE %1 PASSWORD 'pw-%1'").arg(as("cm1"))).ok());
        QVERIFY(connects("cm1"));
        QCOMPARE(auditOf("cm1").constLast(), QStringLiteral("cm1|auth.password_change|{}"));
        QVERIFY(auditOf("a2").value(0).startsWith(
            QLatin1String("a1|user.reset_password|{\"awaitingConfirmation\" : false")));
    }

    void aDeclineFreezesANewAccount()
    {
        QVERIFY(create("k2", "clerk", verifierFor("k2")).ok());
        QVERIFY(
            refused(call(QStringLiteral("SELECT branchvault.staff_decline('k2', 'create', ' ', 'w')"), "m1"), "22023"));
        QVERIFY(
            call(QStringLiteral("SELECT branchvault.staff_decline('k2', 'create', '不认识此人', 'ws-manager')"), "m1")
                .ok());
        QCOMPARE(statusOf("k2"), QStringLiteral("frozen"));
        QVERIFY(!connects("k2"));
        QCOMPARE(auditOf("k2").constLast(),
            QStringLiteral("m1|user.decline|{\"change\" : \"create\", \"frozen\" : true, \"login\" : \"k2\", "
                           "\"reason\" : \"不认识此人\"}"));
    }

    // Two branch managers confirm the same account at once: the first wins, the second waits for its row lock and
    // then gets a conflict naming who decided — never a second confirmation.
    void twoManagersConfirmingAtOnceGetOneConflict()
    {
        QVERIFY(create("k3", "clerk", verifierFor("k3")).ok());
        QProcess* first = m_db->start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose")}, as("m1"));
        QVERIFY(first->waitForStarted());
        first->write("BEGIN;\nSELECT branchvault.staff_confirm('k3', 'create', 'ws-m1');\n\\echo first-done\n");
        QString firstOut;
        while (!firstOut.contains(QLatin1String("first-done")) && first->waitForReadyRead(60000))
            firstOut += QString::fromUtf8(first->readAllStandardOutput());
        QVERIFY2(firstOut.contains(QLatin1String("first-done")), qPrintable(first->readAllStandardError()));

        QProcess* second = m_db->start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose")}, as("m2"));
        QVERIFY(second->waitForStarted());
        second->write("SELECT branchvault.staff_confirm('k3', 'create', 'ws-m2');\n");
        second->closeWriteChannel();
        // the second session waits on the row lock the first holds
        bool waiting = false;
        for (int i = 0; i < 600 && !waiting; ++i) {
            waiting = call(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE usename = '%1' AND "
                                          "wait_event_type = 'Lock'")
                               .arg(as("m2")))
                          .out.trimmed()
                == QLatin1String("1");
            if (!waiting)
                QTest::qWait(100);
        }
        QVERIFY(waiting);
        first->write("COMMIT;\n");
        first->closeWriteChannel();
        const Psql one = ServerDatabase::finish(first);
        QVERIFY2(one.ok(), qPrintable(one.err));
        const Psql two = ServerDatabase::finish(second);
        QVERIFY2(refused(two, "BV409") && two.err.contains(QLatin1String("decided by m1")), qPrintable(two.err));
        QVERIFY(connects("k3"));
        const QStringList rows = auditOf("k3");
        QCOMPARE(rows.size(), 2);
        QVERIFY(rows.at(1).startsWith(QLatin1String("m1|user.confirm|")));
    }

    // The administrator reads the staff list of the branch — login, role, status, branch — and nothing else; no
    // customer table (nor any other table of the schema but the settings).
    void theAdministratorReadsTheStaffListOnly()
    {
        const Psql list = call(QStringLiteral("SELECT string_agg(login || ':' || role || ':' || status || ':' || "
                                              "branch, ',' ORDER BY login) FROM branchvault.staff"),
            "a1");
        QVERIFY2(list.ok(), qPrintable(list.err));
        QVERIFY(list.out.contains(QLatin1String("a1:admin:active:B001")));
        QVERIFY(list.out.contains(QLatin1String("cmnew:customer_manager:active:B001")));
        QVERIFY(list.out.contains(QLatin1String("k2:clerk:frozen:B001")));
        QVERIFY2(!list.out.contains(QLatin1String("B002")), qPrintable(list.out)); // another branch's staff
        for (const char* column : {"pg_role", "staff_no", "id", "awaiting", "*"})
            QVERIFY2(refused(call(QStringLiteral("SELECT %1 FROM branchvault.staff").arg(QLatin1String(column)), "a1"),
                         "42501"),
                column);
        for (const char* login : {"m1", "cm1", "au1"})
            QVERIFY2(refused(call(QStringLiteral("SELECT login FROM branchvault.staff"), login), "42501"), login);

        const Psql tables = call(QStringLiteral(
            "SELECT string_agg(tablename, ' ' ORDER BY tablename) FROM pg_tables WHERE schemaname = 'branchvault'"));
        const QStringList all = tables.out.trimmed().split(QLatin1Char(' '));
        QVERIFY(all.contains(QLatin1String("customers")) && all.contains(QLatin1String("sealed_value")));
        for (const QString& table : all) {
            if (table == QLatin1String("staff") || table == QLatin1String("settings")
                || table == QLatin1String("remask_pending"))
                continue;
            const Psql r = call(QStringLiteral("SELECT 1 FROM branchvault.%1 LIMIT 1").arg(table), "a1");
            QVERIFY2(refused(r, "42501") && r.err.contains(QLatin1String("permission denied")),
                qPrintable(table + QStringLiteral(": ") + r.err));
        }
        QVERIFY(
            refused(call(QStringLiteral("SELECT * FROM branchvault.clerk_lookup('\\x00', '\\x00', '核对', 'w')"), "a1"),
                "42501"));
    }

    // Only the administrator calls the account functions.
    void otherRolesManageNoAccount()
    {
        const QString verifier = verifierFor("x9");
        for (const char* login : {"m1", "cm1", "au1", "cmnew", "cm3"}) {
            for (const QString& sql :
                {QStringLiteral("SELECT branchvault.staff_create('x9', '%1', 'clerk', '', '%2', 'w')")
                        .arg(as("x9"), verifier),
                    QStringLiteral("SELECT branchvault.staff_freeze('k1', 'w')"),
                    QStringLiteral("SELECT branchvault.staff_unfreeze('k2', 'w')"),
                    QStringLiteral("SELECT branchvault.staff_change_role('k1', 'clerk', 'w')"),
                    QStringLiteral("SELECT branchvault.staff_reset_password('k1', '%1', 'w')").arg(verifier)})
                QVERIFY2(refused(call(sql, login), "42501"), qPrintable(QLatin1String(login) + sql));
        }
        QCOMPARE(statusOf("k2"), QStringLiteral("frozen"));
    }
};

QTEST_GUILESS_MAIN(TestServerAccounts)
#include "tst_serveraccounts.moc"
