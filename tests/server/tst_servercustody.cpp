// Issue 15, key custody on the branch server (migration 8): the branch's keys kept wrapped in key slots the server
// cannot open, as in local mode (KeySlots, AccountService, AuthService, FirstRun). With psql and each member's own
// credentials: only the database's owner sets a branch up, once (its settings, its recovery slot, the first
// administrator, audited by the system actor); a branch manager's confirmation stores the pending slot the
// workstation wrapped under the confirmation code, only when local mode writes one, and only well-formed and of the
// branch's generation; the first or the last branch manager is confirmed with the recovery passphrase's check value
// by an administrator or a branch manager; the holder's password change turns the pending slot into a password slot;
// freeze and reset take the slot away; sign-in, one's own slot and the recovery slot are read through functions only,
// and no staff role touches the two tables. The chain, system rows included, verifies with the workstation's encoder.
#include "core/audit/AuditRecords.h"
#include "core/internal/audit/AuditLog.h"
#include "tests/server/ServerAuditRows.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QDateTime>
#include <QProcess>
#include <QTest>

#include <functional>
#include <memory>

using namespace bv;
using namespace bv::test;

namespace {

// One slot as a workstation sends it (sizes and cost as KeySlots writes them), or a malformed one.
struct Slot
{
    int generation = 1;
    qint64 ops = 3; // migration 9: a server slot costs at least 3 passes and 64 MiB
    qint64 mem = 64;
    int salt = 16;
    int nonce = 24;
    int wrapped = 84;
    char fill = 'a';
    bool nullWrapped = false;

    QByteArray wrappedBytes() const { return QByteArray(wrapped, fill); }
    QString sql() const
    {
        const auto hex = [](int n, char c) {
            return QStringLiteral("'\\x%1'::bytea").arg(QString::fromLatin1(QByteArray(n, c).toHex()));
        };
        // migration 9: the SHA-256 of the proof a workstation derives from the confirmation code (kProof below)
        return QStringLiteral("ROW(%1, %2, %3, %4, %5, %6, sha256(%7))::branchvault.slot_input")
            .arg(generation)
            .arg(ops)
            .arg(mem)
            .arg(hex(salt, 's'), hex(nonce, 'n'), nullWrapped ? QStringLiteral("NULL::bytea") : hex(wrapped, fill),
                hex(32, 'P'));
    }
};

QString bytes(int n, char c)
{
    return QStringLiteral("'\\x%1'::bytea").arg(QString::fromLatin1(QByteArray(n, c).toHex()));
}

} // namespace

class TestServerCustody : public QObject
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
    QString owner(const QString& sql) { return call(sql).out.trimmed(); }

    static bool refused(const Psql& r, const char* sqlState, const char* words = nullptr)
    {
        return ServerDatabase::refusedWith(r, sqlState, words ? QStringList {QLatin1String(words)} : QStringList());
    }

    QString verifierOf(const QString& password) { return m_db->scramVerifier(password); }
    // The verifier of the password ServerDatabase connects `login` with ("pw-<login role>").
    QString verifierFor(const char* login) { return verifierOf(QStringLiteral("pw-") + as(login)); }

    struct Setup
    {
        QString branch = QStringLiteral("B001");
        QString name = QStringLiteral("第一网点");
        QString login = QStringLiteral("a1");
        QString pgRole;
        QString staffNo;
        QString verifier;
        QString generation = QStringLiteral("1");
        QString publicKey = bytes(32, 'P');
        QString salt = bytes(16, 'S');
        QString ops = QStringLiteral("3");
        QString mem = QStringLiteral("268435456");
        QString sealed = bytes(116, 'R');
        // migration 9: the server keeps the SHA-256 of the check value a confirmation sends ('C…' below)
        QString check = QStringLiteral("sha256(%1)").arg(bytes(32, 'C'));
    };
    Setup setupOf(const char* admin, const QString& branch, char check)
    {
        Setup s;
        s.branch = branch;
        s.login = QLatin1String(admin);
        s.pgRole = as(admin);
        s.verifier = verifierFor(admin);
        s.check = QStringLiteral("sha256(%1)").arg(bytes(32, check));
        return s;
    }
    Psql setUpBranch(const Setup& s, const char* who = nullptr)
    {
        return call(
            QStringLiteral("SELECT branchvault.setup_branch('%1', '%2', '%3', '%4', '%5', '%6', %7, %8, %9, "
                           "%10, %11, %12, %13, 'ws-setup')")
                .arg(s.branch, s.name, s.login, s.pgRole, s.staffNo, s.verifier, s.generation, s.publicKey, s.salt)
                .arg(s.ops, s.mem, s.sealed, s.check),
            who);
    }

    Psql create(const char* login, const char* role, const char* admin = "a1")
    {
        m_made << as(login);
        return call(QStringLiteral("SELECT branchvault.staff_create('%1', '%2', '%3', '', '%4', 'ws-admin')")
                        .arg(QLatin1String(login), as(login), QLatin1String(role), verifierFor(login)),
            admin);
    }
    Psql confirm(const char* login, const char* change, const char* manager, const QString& slot)
    {
        return call(QStringLiteral("SELECT branchvault.staff_confirm('%1', '%2', %3, 'ws-manager')")
                        .arg(QLatin1String(login), QLatin1String(change), slot),
            manager);
    }
    Psql confirmRecovery(
        const char* login, const char* change, const char* who, const QString& check, const QString& slot)
    {
        return call(QStringLiteral("SELECT branchvault.staff_confirm_recovery('%1', '%2', %3, %4, 'ws-recovery')")
                        .arg(QLatin1String(login), QLatin1String(change), check, slot),
            who);
    }
    // The holder's password change, to the same password (so the test keeps connecting with it), with the proof of
    // the confirmation code (migration 9; the one Slot's check was computed from unless `proof` says otherwise).
    Psql changePassword(const char* login, const QString& slot, const QString& proof = bytes(32, 'P'))
    {
        return call(QStringLiteral("SELECT branchvault.staff_change_password('%1', %2, %3, 'ws-holder')")
                        .arg(verifierFor(login), slot, proof),
            login);
    }
    Psql admin(const char* function, const char* login, const char* who = "a1", const QString& more = QString())
    {
        return call(QStringLiteral("SELECT branchvault.%1('%2'%3, 'ws-admin')")
                        .arg(QLatin1String(function), QLatin1String(login), more),
            who);
    }

    // "kind|generation|written by" of an account's slot, "" when it holds none (read as the owner).
    QString slotOf(const char* login)
    {
        return owner(QStringLiteral("SELECT k.kind || '|' || k.generation || '|' || w.login FROM branchvault.key_slots "
                                    "k JOIN branchvault.staff s ON s.id = k.staff_id JOIN branchvault.staff w ON w.id "
                                    "= k.written_by WHERE s.login = '%1'")
                         .arg(QLatin1String(login)));
    }
    QString statusOf(const char* login)
    {
        return owner(QStringLiteral("SELECT status || coalesce('/' || awaiting, '') || CASE WHEN must_change_password "
                                    "THEN '/must-change' ELSE '' END FROM branchvault.staff WHERE login = '%1'")
                         .arg(QLatin1String(login)));
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
    int rows(const QString& sql) { return owner(sql).toInt(); }

    // A customer-data account created by a1 and confirmed by m1 with a pending slot, then moved to a password slot by
    // its holder: an account as it is in daily work.
    void working(const char* login, const char* role)
    {
        QVERIFY2(create(login, role).ok(), login);
        const Psql confirmed = confirm(login, "create", "m1", Slot().sql());
        QVERIFY2(confirmed.ok(), qPrintable(confirmed.err));
        const Psql changed = changePassword(login, Slot {1, 3, 64, 16, 24, 84, 'w'}.sql());
        QVERIFY2(changed.ok(), qPrintable(changed.err));
        QCOMPARE(slotOf(login), QStringLiteral("password|1|") + QLatin1String(login));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("custody"));
        const QString problem = m_db->setUp(9);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // a branch-less staff member of an older set-up (added by the owner, as the other suites do): a customer
        // manager of B003, which therefore cannot be set up with setup_branch, and has no slot
        QVERIFY(m_db->addStaff(QStringLiteral("old"), QStringLiteral("customer_manager"), QStringLiteral("B003")) > 0);
    }

    void cleanupTestCase()
    {
        for (const QString& role : std::as_const(m_made))
            m_db->psql(QStringLiteral("DROP ROLE IF EXISTS %1").arg(role));
        m_db.reset();
    }

    // setup_branch: the owner only, each branch once, every input checked (nothing written when refused); the rows
    // local FirstRun writes, by the system actor.
    void theOwnerSetsABranchUpOnce()
    {
        // every input refused names its argument, and leaves nothing behind
        QList<std::pair<const char*, std::function<void(Setup&)>>> bad = {
            {"p_branch", [](Setup& s) { s.branch = QStringLiteral("B 01"); }},
            {"p_branch", [](Setup& s) { s.branch = QStringLiteral(" B001"); }},
            {"p_branch", [](Setup& s) { s.branch = QString(13, u'B'); }},
            {"p_branch_name", [](Setup& s) { s.name = QString(61, u'n'); }},
            {"p_admin_login", [](Setup& s) { s.login = QStringLiteral("A"); }},
            {"p_admin_pg_role", [](Setup& s) { s.pgRole = QStringLiteral("bv_admin"); }},
            {"p_admin_staff_no", [](Setup& s) { s.staffNo = QString(33, u'9'); }},
            {"verifier", [](Setup& s) { s.verifier = QStringLiteral("Secret-2026-pw"); }},
            {"p_generation", [](Setup& s) { s.generation = QStringLiteral("0"); }},
            {"p_recovery_public_key", [](Setup& s) { s.publicKey = bytes(31, 'P'); }},
            {"p_recovery_salt", [](Setup& s) { s.salt = bytes(17, 'S'); }},
            {"p_recovery_ops", [](Setup& s) { s.ops = QStringLiteral("1"); }},
            {"p_recovery_mem", [](Setup& s) { s.mem = QStringLiteral("8388608"); }},
            {"p_recovery_sealed", [](Setup& s) { s.sealed = bytes(115, 'R'); }},
            {"p_recovery_check", [](Setup& s) { s.check = QStringLiteral("NULL"); }},
        };
        for (const auto& [argument, spoil] : bad) {
            Setup s = setupOf("a1", QStringLiteral("B001"), 'C');
            spoil(s);
            const Psql r = setUpBranch(s);
            QVERIFY2(refused(r, "22023", argument), qPrintable(QLatin1String(argument) + QStringLiteral(": ") + r.err));
            QVERIFY(!r.err.contains(QLatin1String("Secret-2026-pw")));
        }
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM branchvault.custody")), 0);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM branchvault.audit_log")), 0);
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(as("a1"))), 0);

        // not a staff login (no EXECUTE), nor another superuser than the owner (the function asks who calls)
        const Psql byStaff = setUpBranch(setupOf("a1", QStringLiteral("B001"), 'C'), "old");
        QVERIFY2(refused(byStaff, "42501", "permission denied for function setup_branch"), qPrintable(byStaff.err));
        const QString other = as("su");
        QVERIFY(call(QStringLiteral("CREATE ROLE %1 LOGIN SUPERUSER PASSWORD 'pw-%1'").arg(other)).ok());
        m_made << other;
        const Psql bySuperuser = setUpBranch(setupOf("a1", QStringLiteral("B001"), 'C'), "su");
        QVERIFY2(refused(bySuperuser, "42501", "owner"), qPrintable(bySuperuser.err));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM branchvault.custody")), 0);

        // the owner sets B001 up
        m_made << as("a1");
        const Psql done = setUpBranch(setupOf("a1", QStringLiteral("B001"), 'C'));
        QVERIFY2(done.ok(), qPrintable(done.err));
        const QString adminId = done.out.trimmed();
        QCOMPARE(owner(QStringLiteral("SELECT id FROM branchvault.staff WHERE login = 'a1'")), adminId);
        QCOMPARE(statusOf("a1"), QStringLiteral("active/must-change"));
        QCOMPARE(owner(QStringLiteral("SELECT role || '|' || branch || '|' || staff_no FROM branchvault.staff WHERE "
                                      "login = 'a1'")),
            QStringLiteral("admin|B001|a1"));
        QCOMPARE(owner(QStringLiteral("SELECT r.rolcanlogin::text || '|' || pg_has_role(r.oid, 'bv_admin', 'MEMBER') "
                                      "FROM pg_roles r WHERE r.rolname = '%1'")
                           .arg(as("a1"))),
            QStringLiteral("true|true"));
        QCOMPARE(owner(QStringLiteral("SELECT string_agg(key || '=' || value, ',' ORDER BY key) FROM "
                                      "branchvault.settings WHERE branch = 'B001'")),
            QStringLiteral("branch.code=B001,branch.name=第一网点"));
        QCOMPARE(owner(QStringLiteral("SELECT generation || '|' || encode(recovery_public_key, 'hex') || '|' || "
                                      "recovery_mem || '|' || octet_length(recovery_sealed) FROM branchvault.custody "
                                      "WHERE branch = 'B001'")),
            QStringLiteral("1|%1|268435456|116").arg(QString::fromLatin1(QByteArray(32, 'P').toHex())));
        QCOMPARE(slotOf("a1"), QString()); // administrators hold no slot
        const QString databaseId
            = owner(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'"));
        QCOMPARE(owner(QStringLiteral("SELECT string_agg(coalesce(user_id::text, '-') || '|' || login || '|' || role "
                                      "|| '|' || workstation || '|' || action || '|' || object_type || '|' || "
                                      "object_id || '|' || outcome || '|' || details, E'\\n' ORDER BY seq) FROM "
                                      "branchvault.audit_log")),
            QStringList({QStringLiteral("-|system|system|ws-setup|db.create|database|%1|ok|{}").arg(databaseId),
                            QStringLiteral("-|system|system|ws-setup|settings.change|setting|branch.code|ok|{\"new\" : "
                                           "\"B001\", \"old\" : \"0001\"}"),
                            QStringLiteral("-|system|system|ws-setup|settings.change|setting|branch.name|ok|{\"new\" : "
                                           "\"第一网点\", \"old\" : \"\"}"),
                            QStringLiteral("-|system|system|ws-setup|user.create|user|%1|ok|{\"awaitingConfirmation\" "
                                           ": false, \"branch\" : \"B001\", \"login\" : \"a1\", \"role\" : \"admin\", "
                                           "\"staffNo\" : \"a1\"}")
                                .arg(adminId)})
                .join(QLatin1Char('\n')));

        // once: B001 again (another login), and B003, which has a staff account, are refused
        m_made << as("a8");
        QVERIFY(refused(setUpBranch(setupOf("a8", QStringLiteral("B001"), 'C')), "55000", "set up already"));
        QVERIFY(refused(setUpBranch(setupOf("a8", QStringLiteral("B003"), 'C')), "55000", "set up already"));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM branchvault.staff WHERE login = 'a8'")), 0);

        // a second branch in the same database: no second db.create, no name given: no branch.name row
        m_made << as("a9");
        Setup second = setupOf("a9", QStringLiteral("B002"), 'D');
        second.name.clear();
        second.sealed = bytes(116, 'T');
        const Psql b2 = setUpBranch(second);
        QVERIFY2(b2.ok(), qPrintable(b2.err));
        QCOMPARE(rows(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'db.create'")), 1);
        QCOMPARE(owner(QStringLiteral("SELECT string_agg(key, ',' ORDER BY key) FROM branchvault.settings WHERE branch "
                                      "= 'B002'")),
            QStringLiteral("branch.code"));
        // the login is taken (a third branch cannot reuse a1)
        m_made << as("a7");
        Setup taken = setupOf("a7", QStringLiteral("B004"), 'E');
        taken.login = QStringLiteral("a1");
        QVERIFY(refused(setUpBranch(taken), "23505", "p_admin_login"));
    }

    // The first administrator signs in (the server's auth.sign_in row), must change the one-time password first
    // (without a slot: administrators hold none) and then creates the first branch manager, whom only the recovery
    // passphrase can confirm.
    void theFirstBranchManagerIsConfirmedWithTheRecoveryPassphrase()
    {
        const Psql signedIn = call(QStringLiteral("SELECT * FROM branchvault.sign_in('ws-a1')"), "a1");
        QVERIFY2(signedIn.ok(), qPrintable(signedIn.err));
        QCOMPARE(signedIn.out.trimmed(),
            owner(QStringLiteral("SELECT id FROM branchvault.staff WHERE login = 'a1'"))
                + QStringLiteral("|a1|admin|B001||t|"));
        QCOMPARE(auditOf("a1").constLast(), QStringLiteral("a1|auth.sign_in|{\"secondFactor\" : false}"));
        // until the password is changed, the administrator calls nothing else
        QVERIFY(refused(create("m1", "manager"), "42501"));
        QVERIFY(refused(changePassword("a1", Slot().sql()), "22023", "key slot"));
        QVERIFY(changePassword("a1", QStringLiteral("NULL")).ok());
        QCOMPARE(statusOf("a1"), QStringLiteral("active"));
        QCOMPARE(slotOf("a1"), QString());
        QVERIFY(call(QStringLiteral("SELECT branchvault.sign_in('ws-a1')"), "a1").ok());

        QVERIFY(create("m1", "manager").ok());
        // a plain confirmation needs a branch manager, and there is none
        QVERIFY(refused(confirm("m1", "create", "a1", Slot().sql()), "42501"));
        // the passphrase's check value must be this branch's (B002's is not), and 32 bytes
        QVERIFY(refused(confirmRecovery("m1", "create", "a1", bytes(32, 'D'), Slot().sql()), "42501",
            "recovery passphrase is not this branch's"));
        QVERIFY(
            refused(confirmRecovery("m1", "create", "a1", bytes(31, 'C'), Slot().sql()), "22023", "p_recovery_check"));
        // the slot is required, well-formed, of the branch's generation
        QVERIFY(refused(
            confirmRecovery("m1", "create", "a1", bytes(32, 'C'), QStringLiteral("NULL")), "22023", "key slot"));
        QVERIFY(refused(confirmRecovery("m1", "create", "a1", bytes(32, 'C'), Slot {2}.sql()), "22023", "generation"));
        QCOMPARE(statusOf("m1"), QStringLiteral("awaiting/create/must-change"));
        QCOMPARE(slotOf("m1"), QString());

        const Psql confirmed = confirmRecovery("m1", "create", "a1", bytes(32, 'C'), Slot().sql());
        QVERIFY2(confirmed.ok(), qPrintable(confirmed.err));
        QCOMPARE(slotOf("m1"), QStringLiteral("pending|1|a1"));
        QCOMPARE(statusOf("m1"), QStringLiteral("active/must-change"));
        QCOMPARE(auditOf("m1").constLast(),
            QStringLiteral("a1|user.confirm|{\"change\" : \"create\", \"keySlotWritten\" : true, \"login\" : \"m1\", "
                           "\"withRecoveryPassphrase\" : true}"));

        // m1 signs in, reads the pending slot (exactly the bytes sent), and replaces it by a password slot
        QCOMPARE(call(QStringLiteral("SELECT slot_kind, must_change_password FROM branchvault.sign_in('ws-m1')"), "m1")
                     .out.trimmed(),
            QStringLiteral("pending|t"));
        QCOMPARE(call(QStringLiteral("SELECT kind || '|' || generation || '|' || kdf_ops || '|' || kdf_mem || '|' || "
                                     "encode(salt, 'hex') || '|' || encode(nonce, 'hex') || '|' || encode(wrapped, "
                                     "'hex') || '|' || staff_id FROM branchvault.key_slot_mine()"),
                     "m1")
                     .out.trimmed(),
            QStringLiteral("pending|1|3|64|%1|%2|%3|%4")
                .arg(QString::fromLatin1(QByteArray(16, 's').toHex()), QString::fromLatin1(QByteArray(24, 'n').toHex()),
                    QString::fromLatin1(QByteArray(84, 'a').toHex()),
                    owner(QStringLiteral("SELECT id FROM branchvault.staff WHERE login = 'm1'"))));
        QVERIFY(refused(changePassword("m1", QStringLiteral("NULL")), "22023", "key slot"));
        QCOMPARE(slotOf("m1"), QStringLiteral("pending|1|a1"));
        QVERIFY(changePassword("m1", Slot {1, 3, 64, 16, 24, 84, 'p'}.sql()).ok());
        QCOMPARE(slotOf("m1"), QStringLiteral("password|1|m1"));
        QCOMPARE(statusOf("m1"), QStringLiteral("active"));
        QCOMPARE(
            call(QStringLiteral("SELECT encode(wrapped, 'hex') FROM branchvault.key_slot_mine()"), "m1").out.trimmed(),
            QString::fromLatin1(QByteArray(84, 'p').toHex()));
        QCOMPARE(auditOf("m1").constLast(), QStringLiteral("m1|auth.password_change|{}"));

        // a second branch manager: m1 can confirm, so the recovery passphrase is refused for it, naming m1
        QVERIFY(create("m2", "manager").ok());
        const Psql notLast = confirmRecovery("m2", "create", "a1", bytes(32, 'C'), Slot().sql());
        QVERIFY2(refused(notLast, "BV409", "branch manager m1 can confirm"), qPrintable(notLast.err));
        QVERIFY(confirm("m2", "create", "m1", Slot().sql()).ok());
        QVERIFY(changePassword("m2", Slot().sql()).ok());
        QCOMPARE(slotOf("m2"), QStringLiteral("password|1|m2"));
    }

    // A branch manager's confirmation stores the pending slot when local mode writes one (a new, reset or unfrozen
    // account), refuses a missing or malformed one, and refuses one where none is written (a role change of an
    // account that keeps its slot).
    void aConfirmationStoresThePendingSlot()
    {
        QVERIFY(create("cm1", "customer_manager").ok());
        const QList<std::pair<const char*, Slot>> malformed = {{"salt", Slot {1, 3, 64, 15}},
            {"nonce", Slot {1, 3, 64, 16, 23}}, {"wrapped", Slot {1, 3, 64, 16, 24, 83}}, {"kdf_ops", Slot {1, 2}},
            {"kdf_ops", Slot {1, 65}}, {"kdf_mem", Slot {1, 3, 63}}, {"kdf_mem", Slot {1, 3, 4097}},
            {"generation", Slot {2}}, {"every field", Slot {1, 3, 64, 16, 24, 84, 'a', true}}};
        for (const auto& [field, slot] : malformed) {
            const Psql r = confirm("cm1", "create", "m1", slot.sql());
            QVERIFY2(refused(r, "22023", "key slot") && r.err.contains(QLatin1String(field)),
                qPrintable(QLatin1String(field) + QStringLiteral(": ") + r.err));
        }
        QVERIFY(refused(confirm("cm1", "create", "m1", QStringLiteral("NULL")), "22023", "key slot"));
        QCOMPARE(statusOf("cm1"), QStringLiteral("awaiting/create/must-change"));
        QCOMPARE(slotOf("cm1"), QString());
        // only a branch manager of the branch, not the holder: the others have no EXECUTE or are refused
        for (const char* who : {"a1", "old", "a9"})
            QVERIFY2(refused(confirm("cm1", "create", who, Slot().sql()), "42501"), who);
        // migration 5's confirmation without a slot is gone
        QVERIFY(
            refused(call(QStringLiteral("SELECT branchvault.staff_confirm('cm1', 'create', 'ws')"), "m1"), "42883"));

        QVERIFY(confirm("cm1", "create", "m2", Slot().sql()).ok());
        QCOMPARE(slotOf("cm1"), QStringLiteral("pending|1|m2"));
        QCOMPARE(auditOf("cm1").constLast(),
            QStringLiteral("m2|user.confirm|{\"change\" : \"create\", \"keySlotWritten\" : true, \"login\" : \"cm1\", "
                           "\"withRecoveryPassphrase\" : false}"));
        // until the holder changed the password (and moved the keys), the account reads and calls nothing else
        QCOMPARE(call(QStringLiteral("SELECT coalesce(branchvault.my_role(), '-')"), "cm1").out.trimmed(),
            QStringLiteral("-"));
        QVERIFY(refused(call(QStringLiteral("SELECT * FROM branchvault.custody_recovery()"), "cm1"), "42501"));
        // migration 9: without the code's proof, or with another, the pending slot stays (the one-time password alone,
        // which the administrator knows, does not take the account over); migration 8's function is closed to staff
        QVERIFY(refused(changePassword("cm1", Slot {1, 3, 64, 16, 24, 84, 'c'}.sql(), QStringLiteral("NULL")), "42501",
            "confirmation code"));
        QVERIFY(refused(changePassword("cm1", Slot {1, 3, 64, 16, 24, 84, 'c'}.sql(), bytes(32, 'Q')), "42501",
            "confirmation code"));
        QVERIFY(refused(call(QStringLiteral("SELECT branchvault.staff_change_password('%1', %2, 'ws')")
                                 .arg(verifierFor("cm1"), Slot().sql()),
                            "cm1"),
            "42501"));
        QCOMPARE(slotOf("cm1"), QStringLiteral("pending|1|m2"));
        QCOMPARE(owner(QStringLiteral("SELECT encode(k.proof_check, 'hex') = encode(sha256('\\x%1'::bytea), 'hex') "
                                      "FROM branchvault.key_slots k JOIN branchvault.staff s ON s.id = k.staff_id "
                                      "WHERE s.login = 'cm1'")
                           .arg(QString::fromLatin1(QByteArray(32, 'P').toHex()))),
            QStringLiteral("t"));
        QVERIFY(changePassword("cm1", Slot {1, 3, 64, 16, 24, 84, 'c'}.sql()).ok());
        QCOMPARE(slotOf("cm1"), QStringLiteral("password|1|cm1"));
        // a password slot keeps no proof check: the next change needs the password, not a code
        QCOMPARE(
            owner(QStringLiteral("SELECT k.proof_check IS NULL FROM branchvault.key_slots k JOIN branchvault.staff "
                                 "s ON s.id = k.staff_id WHERE s.login = 'cm1'")),
            QStringLiteral("t"));
        QVERIFY(changePassword("cm1", Slot {1, 3, 64, 16, 24, 84, 'c'}.sql(), QStringLiteral("NULL")).ok());
        QCOMPARE(call(QStringLiteral("SELECT branchvault.my_role()"), "cm1").out.trimmed(),
            QStringLiteral("customer_manager"));

        // a role change keeps the slot: confirmed without one (one sent is refused)
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_change_role('cm1', 'clerk', 'ws-admin')"), "a1").ok());
        QVERIFY(refused(confirm("cm1", "role", "m1", Slot().sql()), "22023", "writes no key slot"));
        QVERIFY(confirm("cm1", "role", "m1", QStringLiteral("NULL")).ok());
        QCOMPARE(slotOf("cm1"), QStringLiteral("password|1|cm1"));
        QCOMPARE(statusOf("cm1"), QStringLiteral("active"));
        QCOMPARE(auditOf("cm1").constLast(),
            QStringLiteral("m1|user.confirm|{\"change\" : \"role\", \"keySlotWritten\" : false, \"login\" : \"cm1\", "
                           "\"role\" : \"clerk\", \"withRecoveryPassphrase\" : false}"));
        // a role change declined lapses and leaves the slot
        QVERIFY(
            call(QStringLiteral("SELECT branchvault.staff_change_role('cm1', 'customer_manager', 'ws-admin')"), "a1")
                .ok());
        QVERIFY(
            call(QStringLiteral("SELECT branchvault.staff_decline('cm1', 'role', '不需要', 'ws-manager')"), "m1").ok());
        QCOMPARE(slotOf("cm1"), QStringLiteral("password|1|cm1"));
    }

    // Freeze and reset take the slot away (local mode: a former employee's password opens nothing; the one-time
    // password never opens the old slot); the unfreeze or the reset then waits for a confirmation that writes a
    // pending slot, and the holder must change the password again. A declined reset leaves the account frozen
    // without a slot.
    void freezeAndResetTakeTheSlotAway()
    {
        working("k1", "clerk");
        QVERIFY(admin("staff_freeze", "k1").ok());
        QCOMPARE(slotOf("k1"), QString());
        QVERIFY(admin("staff_unfreeze", "k1").ok());
        QCOMPARE(statusOf("k1"), QStringLiteral("awaiting/unfreeze"));
        QVERIFY(refused(confirm("k1", "unfreeze", "m1", QStringLiteral("NULL")), "22023", "key slot"));
        QVERIFY(confirm("k1", "unfreeze", "m1", Slot().sql()).ok());
        QCOMPARE(slotOf("k1"), QStringLiteral("pending|1|m1"));
        QCOMPARE(statusOf("k1"), QStringLiteral("active/must-change"));
        QVERIFY(changePassword("k1", Slot().sql()).ok());

        QVERIFY(admin("staff_reset_password", "k1", "a1", QStringLiteral(", '%1'").arg(verifierFor("k1"))).ok());
        QCOMPARE(slotOf("k1"), QString());
        QCOMPARE(statusOf("k1"), QStringLiteral("awaiting/reset/must-change"));
        QVERIFY(confirm("k1", "reset", "m2", Slot().sql()).ok());
        QCOMPARE(slotOf("k1"), QStringLiteral("pending|1|m2"));
        QCOMPARE(auditOf("k1").constLast(),
            QStringLiteral("m2|user.confirm|{\"change\" : \"reset\", \"keySlotWritten\" : true, \"login\" : \"k1\", "
                           "\"withRecoveryPassphrase\" : false}"));
        // reset again before the holder moved the keys: the pending slot goes too
        QVERIFY(admin("staff_reset_password", "k1", "a1", QStringLiteral(", '%1'").arg(verifierFor("k1"))).ok());
        QCOMPARE(slotOf("k1"), QString());
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_decline('k1', 'reset', '不是本人', 'ws-manager')"), "m1")
                    .ok());
        QCOMPARE(statusOf("k1"), QStringLiteral("frozen/must-change"));
        QCOMPARE(slotOf("k1"), QString());
    }

    // The holder's password change: a customer-data account sends its slot, an administrator or auditor none; an
    // account without any slot (one made before custody existed) is told to be confirmed first.
    void thePasswordChangeWritesThePasswordSlot()
    {
        QVERIFY(create("au1", "auditor").ok());
        QVERIFY(refused(changePassword("au1", Slot().sql()), "22023", "hold no key slot"));
        QVERIFY(changePassword("au1", QStringLiteral("NULL")).ok());
        QCOMPARE(slotOf("au1"), QString());
        // of another generation, malformed: refused, the old slot stays
        QVERIFY(refused(changePassword("m2", Slot {2}.sql()), "22023", "generation"));
        QVERIFY(refused(changePassword("m2", Slot {1, 3, 64, 16, 24, 85}.sql()), "22023", "wrapped"));
        QCOMPARE(slotOf("m2"), QStringLiteral("password|1|m2"));
        // a customer-data account that holds no slot
        QCOMPARE(
            call(QStringLiteral("SELECT slot_kind IS NULL FROM branchvault.sign_in('ws-old')"), "old").out.trimmed(),
            QStringLiteral("t"));
        QVERIFY(refused(changePassword("old", Slot().sql()), "55000", "holds no key"));
        // migration 7's password change without a slot is gone
        QVERIFY(refused(
            call(QStringLiteral("SELECT branchvault.staff_change_password('%1', 'ws')").arg(verifierFor("m2")), "m2"),
            "42883"));
    }

    // The last branch manager, in B002: m9, the only one, is confirmed with the recovery passphrase by a9; reset, it
    // is the last one again and a9 confirms it the same way; a role change into branch manager of an account that
    // keeps its slot writes none. A branch manager may use the passphrase as well; nobody else may.
    void theLastBranchManagerIsConfirmedWithTheRecoveryPassphrase()
    {
        QVERIFY(changePassword("a9", QStringLiteral("NULL")).ok());
        QVERIFY(create("m9", "manager", "a9").ok());
        // B001's check value and B001's administrator: not this branch
        QVERIFY(
            refused(confirmRecovery("m9", "create", "a9", bytes(32, 'C'), Slot().sql()), "42501", "not this branch's"));
        QVERIFY(refused(confirmRecovery("m9", "create", "a1", bytes(32, 'D'), Slot().sql()), "42501", "no account"));
        QVERIFY(confirmRecovery("m9", "create", "a9", bytes(32, 'D'), Slot().sql()).ok());
        QVERIFY(changePassword("m9", Slot().sql()).ok());
        QCOMPARE(slotOf("m9"), QStringLiteral("password|1|m9"));

        // only administrators and branch managers use the passphrase
        QVERIFY(create("cm9", "customer_manager", "a9").ok());
        QVERIFY(confirm("cm9", "create", "m9", Slot().sql()).ok());
        QVERIFY(changePassword("cm9", Slot().sql()).ok());
        QVERIFY(create("m8", "manager", "a9").ok());
        for (const char* who : {"cm9", "au1", "cm1", "m1"})
            QVERIFY2(refused(confirmRecovery("m8", "create", who, bytes(32, 'D'), Slot().sql()), "42501"), who);
        // m9 can confirm m8: not the last branch manager
        QVERIFY(refused(confirmRecovery("m8", "create", "a9", bytes(32, 'D'), Slot().sql()), "BV409", "m9"));
        // only a branch manager account is confirmed this way
        QVERIFY(admin("staff_reset_password", "cm9", "a9", QStringLiteral(", '%1'").arg(verifierFor("cm9"))).ok());
        QVERIFY(refused(confirmRecovery("cm9", "reset", "a9", bytes(32, 'D'), Slot().sql()), "BV409",
            "not a branch manager account"));
        QVERIFY(confirm("m8", "create", "m9", Slot().sql()).ok());
        QVERIFY(changePassword("m8", Slot().sql()).ok());
        QVERIFY(confirm("cm9", "reset", "m9", Slot().sql()).ok());
        QVERIFY(changePassword("cm9", Slot().sql()).ok());

        // both managers frozen: m9's reset is confirmed with the passphrase by a9, after which m9 (a branch manager
        // holding a pending slot) may use it too, once its password is changed
        QVERIFY(admin("staff_freeze", "m8", "a9").ok());
        QVERIFY(admin("staff_reset_password", "m9", "a9", QStringLiteral(", '%1'").arg(verifierFor("m9"))).ok());
        QVERIFY(confirmRecovery("m9", "reset", "a9", bytes(32, 'D'), Slot().sql()).ok());
        QCOMPARE(slotOf("m9"), QStringLiteral("pending|1|a9"));
        QCOMPARE(auditOf("m9").constLast(),
            QStringLiteral("a9|user.confirm|{\"change\" : \"reset\", \"keySlotWritten\" : true, \"login\" : \"m9\", "
                           "\"withRecoveryPassphrase\" : true}"));
        QVERIFY(changePassword("m9", Slot().sql()).ok());

        // a role change into branch manager, of an account that keeps its slot, while m9 is frozen: no slot written
        QVERIFY(admin("staff_freeze", "m9", "a9").ok());
        QVERIFY(call(QStringLiteral("SELECT branchvault.staff_change_role('cm9', 'manager', 'ws-admin')"), "a9").ok());
        QVERIFY(
            refused(confirmRecovery("cm9", "role", "a9", bytes(32, 'D'), Slot().sql()), "22023", "writes no key slot"));
        QVERIFY(confirmRecovery("cm9", "role", "a9", bytes(32, 'D'), QStringLiteral("NULL")).ok());
        QCOMPARE(slotOf("cm9"), QStringLiteral("password|1|cm9"));
        QCOMPARE(auditOf("cm9").constLast(),
            QStringLiteral("a9|user.confirm|{\"change\" : \"role\", \"keySlotWritten\" : false, \"login\" : \"cm9\", "
                           "\"role\" : \"manager\", \"withRecoveryPassphrase\" : true}"));
        // cm9, now B002's branch manager with a password slot, confirms m9's unfreeze: the passphrase is refused
        QVERIFY(admin("staff_unfreeze", "m9", "a9").ok());
        QVERIFY(refused(confirmRecovery("m9", "unfreeze", "a9", bytes(32, 'D'), Slot().sql()), "BV409", "cm9"));
        QVERIFY(confirm("m9", "unfreeze", "cm9", Slot().sql()).ok());
        QCOMPARE(slotOf("m9"), QStringLiteral("pending|1|cm9"));
    }

    // sign_in, key_slot_mine and custody_recovery: who gets what.
    void signInAndTheSlotsAreReadThroughFunctionsOnly()
    {
        // the recovery slot: administrators and branch managers of the branch, without the check value
        const QString b1 = QStringLiteral("1|%1|%2|3|268435456|%3")
                               .arg(QString::fromLatin1(QByteArray(32, 'P').toHex()),
                                   QString::fromLatin1(QByteArray(16, 'S').toHex()),
                                   QString::fromLatin1(QByteArray(116, 'R').toHex()));
        const QString query = QStringLiteral("SELECT generation || '|' || encode(public_key, 'hex') || '|' || "
                                             "encode(salt, 'hex') || '|' || ops || '|' || mem || '|' || encode(sealed, "
                                             "'hex') FROM branchvault.custody_recovery()");
        for (const char* who : {"a1", "m1", "m2"})
            QCOMPARE(call(query, who).out.trimmed(), b1);
        QVERIFY(call(query, "a9").out.contains(QString::fromLatin1(QByteArray(116, 'T').toHex())));
        QVERIFY(!call(query, "a9").out.contains(QString::fromLatin1(QByteArray(116, 'R').toHex())));
        for (const char* who : {"cm1", "au1", "old", "m9"}) // m9 must change its password first
            QVERIFY2(refused(call(query, who), "42501"), who);
        QCOMPARE(
            call(QStringLiteral("SELECT count(*) FROM branchvault.custody_recovery() r WHERE r::text LIKE '%%%1%%'")
                     .arg(QString::fromLatin1(QByteArray(32, 'C').toHex())),
                "a1")
                .out.trimmed(),
            QStringLiteral("0"));

        // one's own slot only; administrators and auditors have none
        QCOMPARE(call(QStringLiteral("SELECT count(*) FROM branchvault.key_slot_mine()"), "a1").out.trimmed(),
            QStringLiteral("0"));
        QCOMPARE(call(QStringLiteral("SELECT count(*) FROM branchvault.key_slot_mine()"), "au1").out.trimmed(),
            QStringLiteral("0"));
        QCOMPARE(call(QStringLiteral("SELECT kind || '|' || (staff_id = (SELECT s.staff_id FROM branchvault.sign_in("
                                     "'ws') s)) FROM branchvault.key_slot_mine()"),
                     "cm1")
                     .out.trimmed(),
            QStringLiteral("password|true"));
        const int signIns
            = rows(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'auth.sign_in'"));
        QVERIFY(call(QStringLiteral("SELECT * FROM branchvault.key_slot_mine()"), "m1").ok());
        QCOMPARE(
            rows(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE action = 'auth.sign_in'")), signIns);

        // an open connection of an account that is frozen, or waits for a confirmation, gets nothing
        for (const char* change : {"staff_freeze", "staff_reset_password"}) {
            const char* login = QByteArray(change) == "staff_freeze" ? "m2" : "cm1";
            QProcess* open = m_db->start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose")}, as(login));
            QVERIFY(open->waitForStarted());
            open->write("\\echo connected\n");
            QVERIFY(open->waitForReadyRead(60000));
            QCOMPARE(QString::fromUtf8(open->readAllStandardOutput()).trimmed(), QStringLiteral("connected"));
            const QString more
                = QByteArray(change) == "staff_freeze" ? QString() : QStringLiteral(", '%1'").arg(verifierFor(login));
            QVERIFY(admin(change, login, "a1", more).ok());
            open->write("\\set ON_ERROR_STOP 0\nSELECT * FROM branchvault.sign_in('ws');\nSELECT * FROM "
                        "branchvault.key_slot_mine();\n");
            open->closeWriteChannel();
            const Psql r = ServerDatabase::finish(open);
            QCOMPARE(r.err.count(QLatin1String("ERROR:  42501:")), 2);
            QVERIFY2(!r.out.contains(QLatin1String("password")), qPrintable(r.out));
        }
        QCOMPARE(slotOf("m2"), QString());
        QCOMPARE(slotOf("cm1"), QString());
    }

    // Nobody reads or writes the two tables, nor calls the internal functions, whatever the role.
    void noStaffRoleTouchesTheTables()
    {
        working("k2", "clerk");
        const QStringList statements = {QStringLiteral("SELECT count(*) FROM branchvault.%1"),
            QStringLiteral("INSERT INTO branchvault.%1 (generation) VALUES (1)"),
            QStringLiteral("UPDATE branchvault.%1 SET generation = 2"), QStringLiteral("DELETE FROM branchvault.%1")};
        for (const char* login : {"a1", "m1", "k2", "old", "au1", "m9"}) {
            for (const char* table : {"custody", "key_slots"}) {
                for (const QString& statement : statements) {
                    const Psql r = call(statement.arg(QLatin1String(table)), login);
                    QVERIFY2(refused(r, "42501", "permission denied for table"),
                        qPrintable(QLatin1String(login) + QStringLiteral(": ") + statement.arg(QLatin1String(table))
                            + QStringLiteral(" ") + r.err + r.out));
                }
            }
            for (const QString& function :
                {QStringLiteral("audit_write_system('w', 'db.create', 'database', 'x', '{}')"),
                    QStringLiteral("audit_chain_append(1, 'x', 'x', 'w', 'a.b', 't', 'i', NULL, 'ok', '{}')"),
                    QStringLiteral("put_slot(1, 'password', %1, 1)").arg(Slot().sql()),
                    QStringLiteral("checked_slot(%1, 'B001')").arg(Slot().sql()),
                    QStringLiteral("waiting_account('k1', 'reset')"), QStringLiteral("own_account(false)"),
                    QStringLiteral("setup_branch('B009', '', 'x9', 'x9', '', '', 1, NULL, NULL, 3, 3, NULL, NULL, "
                                   "'w')")}) {
                const Psql r = call(QStringLiteral("SELECT branchvault.") + function, login);
                QVERIFY2(refused(r, "42501", "permission denied for function"),
                    qPrintable(QLatin1String(login) + QStringLiteral(": ") + function + QStringLiteral(" ") + r.err));
            }
        }
        // a workstation appends neither db.create nor a successful sign-in; a failed one it does
        for (const char* action : {"db.create", "auth.sign_in", " AUTH.SIGN_IN"})
            QVERIFY2(refused(call(QStringLiteral("SELECT branchvault.audit_append('w', '%1', 'user', '1', NULL, 'ok', "
                                                 "'{}')")
                                      .arg(QLatin1String(action)),
                                 "m1"),
                         "42501"),
                action);
        QVERIFY(call(QStringLiteral("SELECT branchvault.audit_append('w', 'auth.sign_in', 'user', '1', NULL, 'failed', "
                                    "'{\"reason\":\"wrong password\"}')"),
            "m1")
                    .ok());
    }

    // The whole chain — the system actor's rows (user id NULL, hashed as 0) and the staff's — is the one the
    // workstation's encoder (AuditLog::rowHash) computes, from the genesis hash of the database's id.
    // Migration 9, what the workstation reads: the waiting changes with whether the confirmation writes a slot (for the
    // branch manager and the administrator, who confirms the first or the last branch manager with the recovery
    // passphrase), the database's id for the auditor's verification only, and the branch's settings also while the
    // first password change is due (the password rule and the slot's cost are the branch's, not the defaults).
    void theWorkstationReadsWhatCustodyNeeds()
    {
        QVERIFY(create("cm7", "customer_manager").ok());
        for (const char* who : {"a1", "m1"}) {
            const Psql r = call(QStringLiteral("SELECT login || '|' || awaiting || '|' || slot_due FROM "
                                               "branchvault.staff_awaiting() WHERE login = 'cm7'"),
                who);
            QVERIFY2(r.out.trimmed() == QLatin1String("cm7|create|true"), qPrintable(who + (r.out + r.err)));
        }
        QVERIFY(refused(call(QStringLiteral("SELECT * FROM branchvault.staff_awaiting()"), "au1"), "42501"));

        const QString id = owner(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'"));
        QVERIFY(!id.isEmpty());
        QCOMPARE(call(QStringLiteral("SELECT branchvault.database_id()"), "au1").out.trimmed(), id);
        for (const char* who : {"m1", "a1"})
            QVERIFY2(refused(call(QStringLiteral("SELECT branchvault.database_id()"), who), "42501"), who);

        QVERIFY(
            call(QStringLiteral("SELECT branchvault.settings_set('auth.password.min_length', '12', 'ws')"), "a1").ok());
        QVERIFY(create("au7", "auditor").ok());
        QCOMPARE(call(QStringLiteral("SELECT coalesce(branchvault.my_role(), '-') || '|' || "
                                     "branchvault.setting('auth.password.min_length')"),
                     "au7")
                     .out.trimmed(),
            QStringLiteral("-|12"));
    }

    void theChainVerifiesWithTheWorkstationsEncoder()
    {
        const QString databaseId
            = owner(QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'"));
        const Psql r
            = ServerDatabase::finish(m_db->start({QStringLiteral("-F"), QStringLiteral("\x1f"), QStringLiteral("-c"),
                QStringLiteral("SELECT seq, at, workstation, coalesce(user_id, 0), login, role, action, object_type, "
                               "object_id, coalesce(customer_no, ''), outcome, details, encode(prev_hash, 'hex'), "
                               "encode(hash, 'hex') FROM branchvault.audit_log ORDER BY seq")}));
        QVERIFY2(r.ok(), qPrintable(r.err));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 40);
        QByteArray previous = AuditLog::genesisHash(databaseId);
        int system = 0;
        for (const QString& line : lines) {
            const QStringList f = line.split(QChar(0x1f));
            QCOMPARE(f.size(), 14);
            const AuditRow row = server::auditRowOf(f);
            QCOMPARE(row.prevHash.toHex(), previous.toHex());
            QCOMPARE(row.hash.toHex(), AuditLog::rowHash(previous, row).toHex());
            if (row.login == QLatin1String("system"))
                ++system;
            previous = row.hash;
        }
        QCOMPARE(system, 6); // B001: db.create, two settings, user.create; B002: a setting, user.create
    }
};

QTEST_GUILESS_MAIN(TestServerCustody)
#include "tst_servercustody.moc"
