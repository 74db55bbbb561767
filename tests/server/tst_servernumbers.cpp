// Reserved customer numbers on the branch server (migration 10): a workstation seals a new record's grade-1 values
// under associated data naming the customer number, so it reserves the number first (customer_number_reserve) and
// submits with it (customer_submit, which now takes the number). With psql and each staff member's own credentials:
// a reserved number submits once and the audit row names it; a number used twice, another staff member's, one never
// reserved and one reserved more than a day ago are refused; the 101st open reservation of one person is refused;
// only the branch manager and customer managers reserve and submit; migration 3's customer_submit is gone; the branch
// manager reads the branch's reservations, nobody else reads or writes them. Races are forced with held psql
// sessions: two reservations at once get different numbers, one person's two reservations at once at 99 open ones
// make 100, not 101, and the same person entered at two workstations is one record.
#include "tests/server/ServerValues.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace bv::test;

using namespace bv::test::server;

class TestServerNumbers : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    qint64 m_cm1 = 0, m_cm2 = 0, m_m1 = 0;
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    // One statement as `login` (the owner when empty), with the SQLSTATE in any error ("ERROR:  22023: ...").
    Psql run(const QString& sql, const char* login) { return m_db->verbose(sql, *login ? as(login) : QString()); }
    QString owner(const QString& sql)
    {
        const Psql r = run(sql, "");
        return r.ok() ? r.out.trimmed() : QStringLiteral("<failed: %1>").arg(r.err);
    }
    static bool refused(const Psql& r, const char* sqlState, const QStringList& words = {})
    {
        return ServerDatabase::refusedWith(r, sqlState, words);
    }

    static QString reserveSql() { return QStringLiteral("SELECT branchvault.customer_number_reserve('ws-1')"); }
    // A number reserved by `login`, or the error in angle brackets.
    QString reserve(const char* login)
    {
        const Psql r = run(reserveSql(), login);
        return r.ok() ? r.out.trimmed() : QStringLiteral("<%1>").arg(r.err);
    }
    static QString submitSql(const QString& number, const QStringList& values, const QStringList& accounts = {},
        const QString& manager = QStringLiteral("NULL"))
    {
        return QStringLiteral("SELECT * FROM branchvault.customer_submit('%1', '{\"occupation\": \"teacher\"}'::jsonb, "
                              "ARRAY[%2]::branchvault.sealed_input[], ARRAY[%3]::branchvault.account_input[], %4, "
                              "false, 'ws-1')")
            .arg(number, values.join(QStringLiteral(", ")), accounts.join(QStringLiteral(", ")), manager);
    }
    // customer_submit as `login` with `number`: "customer_no|change_id" or the error.
    Psql submit(const char* login, const QString& number, const QStringList& values, const QStringList& accounts = {},
        const QString& manager = QStringLiteral("NULL"))
    {
        return run(submitSql(number, values, accounts, manager), login);
    }
    // A person as a workstation masks one (migration 7's shapes); the blind indexes differ per tag.
    static QStringList person(const QString& tag)
    {
        return {sealed(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("name ") + tag),
            sealed(QStringLiteral("id_type"), QStringLiteral("mainland_id")),
            sealed(QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("id ") + tag),
            sealed(QStringLiteral("mobile"), QStringLiteral("139****0011"), QStringLiteral("mobile ") + tag)};
    }
    // The same number with its sequence one higher (a guess at the next number).
    static QString following(const QString& number)
    {
        const qint64 n = number.section(QLatin1Char('-'), 1).toLongLong();
        return number.section(QLatin1Char('-'), 0, 0) + QStringLiteral("-%1").arg(n + 1, 8, 10, QLatin1Char('0'));
    }
    QString customersNumbered(const QString& number)
    {
        return owner(QStringLiteral("SELECT count(*) FROM branchvault.customers WHERE customer_no = '%1'").arg(number));
    }
    QString customerCount() { return owner(QStringLiteral("SELECT count(*) FROM branchvault.customers")); }
    QString lastSeq() { return owner(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")); }
    QString reservation(const QString& number)
    {
        return owner(QStringLiteral("SELECT s.login || '|' || (r.used_at IS NOT NULL) FROM "
                                    "branchvault.customer_number_reservations r JOIN branchvault.staff s ON s.id = "
                                    "r.staff_id WHERE r.customer_no = '%1'")
                         .arg(number));
    }
    // A refusal of a number: 22023 naming the field and the next step, never the number itself.
    static bool numberRefused(const Psql& r, const QString& number)
    {
        return refused(r, "22023", {QStringLiteral("field \"customer_no\""), QStringLiteral("Reserve a number first")})
            && !r.err.contains(number);
    }

    QPair<Psql, Psql> race(const char* first, const QString& sql1, const char* second, const QString& sql2)
    {
        const auto [one, two] = m_db->race(as(first), sql1, as(second), sql2);
        return {one, two};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("numbers"));
        const QString problem = m_db->setUp(10);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString b1 = QStringLiteral("B001");
        m_m1 = m_db->addStaff(QStringLiteral("m1"), QStringLiteral("manager"), b1);
        m_cm1 = m_db->addStaff(QStringLiteral("cm1"), QStringLiteral("customer_manager"), b1);
        m_cm2 = m_db->addStaff(QStringLiteral("cm2"), QStringLiteral("customer_manager"), b1);
        QVERIFY(m_m1 > 0 && m_cm1 > 0 && m_cm2 > 0);
        const std::pair<const char*, const char*> staff[] = {{"m2", "manager"}, {"cm3", "customer_manager"},
            {"cm4", "customer_manager"}, {"k1", "clerk"}, {"a1", "admin"}, {"au1", "auditor"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), b1) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("cm0"), QStringLiteral("customer_manager")) > 0); // no branch
    }

    void cleanupTestCase() { m_db.reset(); }

    // Reserve, then submit with the number: the record and the audit row carry it; the reservation is used; the
    // reservation itself writes no audit row.
    void aReservedNumberSubmitsOnce()
    {
        const QString before = lastSeq();
        const QString number = reserve("cm1");
        QVERIFY2(QRegularExpression(QStringLiteral("^B001-[0-9]{8}$")).match(number).hasMatch(), qPrintable(number));
        QCOMPARE(lastSeq(), before);
        QCOMPARE(reservation(number), QStringLiteral("cm1|false"));

        // sent as typed: trimmed and in upper case
        const Psql made = submit("cm1", QStringLiteral("  %1 ").arg(number.toLower()), person(QStringLiteral("n01")),
            {account(QStringLiteral("6222****0001"), QStringLiteral("acct n01"))});
        QVERIFY2(made.ok(), qPrintable(made.err));
        QCOMPARE(made.out.trimmed().section(QLatin1Char('|'), 0, 0), number);
        const QString change = made.out.trimmed().section(QLatin1Char('|'), 1);
        QCOMPARE(owner(QStringLiteral("SELECT login || '|' || action || '|' || customer_no || '|' || details FROM "
                                      "branchvault.audit_log ORDER BY seq DESC LIMIT 1")),
            QStringLiteral("cm1|customer.create|%1|{\"change\" : %2, \"fields\" : [\"name\", \"id_type\", "
                           "\"id_number\", \"mobile\", \"occupation\", \"account_number\"]}")
                .arg(number, change));
        QCOMPARE(owner(QStringLiteral("SELECT c.status || '|' || s.login || '|' || c.occupation FROM "
                                      "branchvault.customers c JOIN branchvault.staff s ON s.id = c.manager_id "
                                      "WHERE c.customer_no = '%1'")
                           .arg(number)),
            QStringLiteral("pending|cm1|teacher"));
        QCOMPARE(reservation(number), QStringLiteral("cm1|true"));

        // a number is used once: a second record with it is refused, and not written
        const QString count = customerCount();
        const Psql again = submit("cm1", number, person(QStringLiteral("n02")));
        QVERIFY2(numberRefused(again, number), qPrintable(again.err));
        QCOMPARE(customerCount(), count);
        QCOMPARE(customersNumbered(number), QStringLiteral("1"));
    }

    // A reservation is its reserver's: another customer manager, the branch manager, and a staff member moved from
    // the branch where the number was reserved cannot use it; the branch manager entering for a customer manager
    // reserves the number himself or herself.
    void aReservationIsTheReserversInTheReserversBranch()
    {
        const QString number = reserve("cm1");
        QVERIFY2(number.startsWith(QLatin1String("B001-")), qPrintable(number));
        const Psql byCm2 = submit("cm2", number, person(QStringLiteral("n03")));
        QVERIFY2(numberRefused(byCm2, number), qPrintable(byCm2.err));
        const Psql byManager = submit("m1", number, person(QStringLiteral("n03")), {}, QString::number(m_cm1));
        QVERIFY2(numberRefused(byManager, number), qPrintable(byManager.err));
        QCOMPARE(customersNumbered(number), QStringLiteral("0"));
        QCOMPARE(reservation(number), QStringLiteral("cm1|false"));
        // still the reserver's to use
        const Psql own = submit("cm1", number, person(QStringLiteral("n03")));
        QVERIFY2(own.ok(), qPrintable(own.err));

        // the branch manager enters for cm2 with a number of his own
        const QString managers = reserve("m1");
        const Psql forCm2 = submit("m1", managers, person(QStringLiteral("n04")), {}, QString::number(m_cm2));
        QVERIFY2(forCm2.ok(), qPrintable(forCm2.err));
        QCOMPARE(reservation(managers), QStringLiteral("m1|true"));
        QCOMPARE(owner(QStringLiteral("SELECT s.login FROM branchvault.customers c JOIN branchvault.staff s ON s.id = "
                                      "c.manager_id WHERE c.customer_no = '%1'")
                           .arg(managers)),
            QStringLiteral("cm2"));
        // cm2 cannot use a number the branch manager reserved
        const QString another = reserve("m1");
        const Psql cm2WithManagers = submit("cm2", another, person(QStringLiteral("n05")));
        QVERIFY2(numberRefused(cm2WithManagers, another), qPrintable(cm2WithManagers.err));

        // a number of branch B002, reserved by cm9, who then moves to B001: not a number of the caller's branch
        const QString elsewhere = reserve("cm9");
        QVERIFY2(elsewhere.startsWith(QLatin1String("B002-")), qPrintable(elsewhere));
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.staff SET branch = 'B001' WHERE login = 'cm9'")), QString());
        const Psql moved = submit("cm9", elsewhere, person(QStringLiteral("n06")));
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.staff SET branch = 'B002' WHERE login = 'cm9'")), QString());
        QVERIFY2(numberRefused(moved, elsewhere), qPrintable(moved.err));
        QVERIFY(submit("cm9", elsewhere, person(QStringLiteral("n06"))).ok());
    }

    // A number nobody reserved (the next one, guessed; nothing; a made-up text) and a reservation older than a day are
    // refused; one just under a day old is still good.
    void aGuessedOrExpiredNumberIsRefused()
    {
        const QString number = reserve("cm1");
        QVERIFY2(number.startsWith(QLatin1String("B001-")), qPrintable(number));
        const QString count = customerCount();
        for (const QString& guess : {following(number), QString(), QStringLiteral("B001-ABC")}) {
            const Psql r = submit("cm1", guess, person(QStringLiteral("n07")));
            QVERIFY2(numberRefused(r, number), qPrintable(guess + r.err));
        }
        const Psql null = run(submitSql(QStringLiteral("x"), person(QStringLiteral("n07")))
                                  .replace(QLatin1String("customer_submit('x'"), QLatin1String("customer_submit(NULL")),
            "cm1");
        QVERIFY2(numberRefused(null, number), qPrintable(null.err));
        QCOMPARE(customerCount(), count);

        // a reservation expires after 24 hours (the owner sets it back)
        const QString setBack = QStringLiteral("UPDATE branchvault.customer_number_reservations SET reserved_at = "
                                               "now() - interval '%1' WHERE customer_no = '%2'");
        QCOMPARE(owner(setBack.arg(QStringLiteral("24 hours 1 minute"), number)), QString());
        const Psql expired = submit("cm1", number, person(QStringLiteral("n07")));
        QVERIFY2(numberRefused(expired, number), qPrintable(expired.err));
        QCOMPARE(customersNumbered(number), QStringLiteral("0"));
        const QString fresh = reserve("cm1");
        QCOMPARE(owner(setBack.arg(QStringLiteral("23 hours 59 minutes"), fresh)), QString());
        const Psql inTime = submit("cm1", fresh, person(QStringLiteral("n07")));
        QVERIFY2(inTime.ok(), qPrintable(inTime.err));
    }

    // One person holds at most 100 open reservations (unused, younger than 24 hours): the 101st is refused with
    // 54000 and takes no number; a used or expired reservation no longer counts; other staff are not held back.
    void theHundredAndFirstOpenReservationIsRefused()
    {
        const Psql hundred = run(QStringLiteral("SELECT count(DISTINCT branchvault.customer_number_reserve('ws-3')) "
                                                "FROM generate_series(1, 100)"),
            "cm3");
        QVERIFY2(hundred.ok(), qPrintable(hundred.err));
        QCOMPARE(hundred.out.trimmed(), QStringLiteral("100"));
        const Psql tooMany = run(reserveSql(), "cm3");
        QVERIFY2(refused(tooMany, "54000", {QStringLiteral("100 customer numbers"), QStringLiteral("submit")}),
            qPrintable(tooMany.err));
        // the refusal took no number: cm1's next one follows cm3's last
        const QString last
            = owner(QStringLiteral("SELECT max(customer_no) FROM branchvault.customer_number_reservations "
                                   "r JOIN branchvault.staff s ON s.id = r.staff_id WHERE s.login = 'cm3'"));
        QCOMPARE(reserve("cm1"), following(last));

        // one used: one more may be reserved, then again none
        const Psql used = submit("cm3", last, person(QStringLiteral("n08")));
        QVERIFY2(used.ok(), qPrintable(used.err));
        QVERIFY(reserve("cm3").startsWith(QLatin1String("B001-")));
        QVERIFY(refused(run(reserveSql(), "cm3"), "54000"));
        // older than a day, they no longer count
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.customer_number_reservations r SET reserved_at = now() - "
                                      "interval '25 hours' FROM branchvault.staff s WHERE s.id = r.staff_id AND "
                                      "s.login = 'cm3'")),
            QString());
        QVERIFY(reserve("cm3").startsWith(QLatin1String("B001-")));
    }

    // Only an active branch manager or customer manager of a branch reserves and submits; migration 3's
    // six-argument customer_submit is gone.
    void onlyManagersReserveAndSubmit()
    {
        const QString number = reserve("cm1");
        for (const char* login : {"k1", "a1", "au1"}) {
            const Psql r = run(reserveSql(), login);
            QVERIFY2(refused(r, "42501", {QStringLiteral("permission denied")}), qPrintable(r.err));
            const Psql s = submit(login, number, person(QStringLiteral("n09")));
            QVERIFY2(refused(s, "42501", {QStringLiteral("permission denied")}), qPrintable(s.err));
        }
        const Psql noBranch = run(reserveSql(), "cm0");
        QVERIFY2(refused(noBranch, "42501", {QStringLiteral("belongs to no branch")}), qPrintable(noBranch.err));
        // frozen, the account is nobody
        QCOMPARE(
            owner(QStringLiteral("UPDATE branchvault.staff SET status = 'frozen' WHERE login = 'cm2'")), QString());
        const Psql frozen = run(reserveSql(), "cm2");
        const Psql frozenSubmit = submit("cm2", number, person(QStringLiteral("n09")));
        QCOMPARE(
            owner(QStringLiteral("UPDATE branchvault.staff SET status = 'active' WHERE login = 'cm2'")), QString());
        QVERIFY2(refused(frozen, "42501", {QStringLiteral("only an active")}), qPrintable(frozen.err));
        QVERIFY2(refused(frozenSubmit, "42501", {QStringLiteral("only an active")}), qPrintable(frozenSubmit.err));

        QCOMPARE(owner(QStringLiteral("SELECT to_regprocedure('branchvault.customer_submit(jsonb, "
                                      "branchvault.sealed_input[], branchvault.account_input[], bigint, boolean, "
                                      "text)') IS NULL")),
            QStringLiteral("t"));
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM pg_proc WHERE proname = 'customer_submit'")),
            QStringLiteral("1"));
        const Psql old = run(QStringLiteral("SELECT * FROM branchvault.customer_submit('{}'::jsonb, "
                                            "ARRAY[%1]::branchvault.sealed_input[], NULL, NULL, false, 'ws')")
                                 .arg(person(QStringLiteral("n09")).join(QStringLiteral(", "))),
            "cm1");
        QVERIFY2(refused(old, "42883"), qPrintable(old.err));
        QCOMPARE(reservation(number), QStringLiteral("cm1|false"));
    }

    // The branch manager reads the branch's reservations (a gap in the numbering is explained); nobody else reads
    // them, nobody writes them.
    void theBranchManagerReadsTheReservations()
    {
        QVERIFY(reserve("cm1").startsWith(QLatin1String("B001-")));
        QVERIFY(reserve("cm9").startsWith(QLatin1String("B002-")));
        const QString list = QStringLiteral("SELECT count(*) || '|' || count(DISTINCT branch) || '|' || min(branch) "
                                            "FROM branchvault.customer_number_reservations");
        const QString b1 = owner(QStringLiteral("SELECT count(*) FROM branchvault.customer_number_reservations WHERE "
                                                "branch = 'B001'"));
        QVERIFY(b1.toInt() > 1);
        QCOMPARE(run(list, "m1").out.trimmed(), QStringLiteral("%1|1|B001").arg(b1));
        QCOMPARE(run(list, "m9").out.trimmed().section(QLatin1Char('|'), 1), QStringLiteral("1|B002"));
        for (const char* login : {"cm1", "cm9", "k1", "a1", "au1"}) {
            const Psql r = run(list, login);
            QVERIFY2(refused(r, "42501", {QStringLiteral("permission denied")}), qPrintable(r.err));
        }
        const QString number = reserve("cm1");
        for (const QString& sql :
            {QStringLiteral("INSERT INTO branchvault.customer_number_reservations (branch, customer_no, staff_id) "
                            "VALUES ('B001', 'B001-99999999', %1)")
                    .arg(m_m1),
                QStringLiteral("UPDATE branchvault.customer_number_reservations SET staff_id = %1, used_at = NULL")
                    .arg(m_m1),
                QStringLiteral("DELETE FROM branchvault.customer_number_reservations")}) {
            for (const char* login : {"m1", "cm1"}) {
                const Psql r = run(sql, login);
                QVERIFY2(refused(r, "42501"), qPrintable(sql + r.err));
            }
        }
        QCOMPARE(reservation(number), QStringLiteral("cm1|false"));
    }

    // Two customer managers reserving at once: the second waits on the branch's entry lock and gets the next number.
    void twoReservationsAtOnceGetDifferentNumbers()
    {
        const auto [first, second] = race("cm1", reserveSql(), "cm2", reserveSql());
        QVERIFY2(first.ok(), qPrintable(first.err));
        QVERIFY2(second.ok(), qPrintable(second.err));
        const QString one = first.out.trimmed(), two = second.out.trimmed();
        QVERIFY2(one.startsWith(QLatin1String("B001-")), qPrintable(one));
        QCOMPARE(two, following(one));
        QCOMPARE(reservation(one), QStringLiteral("cm1|false"));
        QCOMPARE(reservation(two), QStringLiteral("cm2|false"));
    }

    // One person reserving at two workstations at once with 99 open reservations: the second waits on the branch's
    // entry lock before it counts, and is refused (not a 101st).
    void theLimitHoldsForTwoReservationsAtOnce()
    {
        const Psql ninetyNine = run(QStringLiteral("SELECT count(branchvault.customer_number_reserve('ws-4')) FROM "
                                                   "generate_series(1, 99)"),
            "cm4");
        QVERIFY2(ninetyNine.ok(), qPrintable(ninetyNine.err));
        const auto [first, second] = race("cm4", reserveSql(), "cm4", reserveSql());
        QVERIFY2(first.ok(), qPrintable(first.err));
        QVERIFY2(refused(second, "54000"), qPrintable(second.err));
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM branchvault.customer_number_reservations r JOIN "
                                      "branchvault.staff s ON s.id = r.staff_id WHERE s.login = 'cm4'")),
            QStringLiteral("100"));
    }

    // The same person entered at two workstations at once (each with its own reserved number): the second waits on
    // the branch's entry lock, then finds the first record — one record; its number stays reserved for another entry.
    // And one number sent from two workstations at once is used once.
    void theSamePersonEnteredTwiceAtOnceIsOneRecord()
    {
        const QString one = reserve("cm1"), two = reserve("cm2");
        const auto [first, second] = race(
            "cm1", submitSql(one, person(QStringLiteral("n10"))), "cm2", submitSql(two, person(QStringLiteral("n10"))));
        QVERIFY2(first.ok(), qPrintable(first.err));
        QVERIFY2(refused(second, "23505", {one}), qPrintable(second.err));
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM branchvault.sealed_value WHERE field = 'id_number' AND "
                                      "blind = %1")
                           .arg(blind(QStringLiteral("id n10")))),
            QStringLiteral("1"));
        QCOMPARE(customersNumbered(two), QStringLiteral("0"));
        QCOMPARE(reservation(two), QStringLiteral("cm2|false"));
        QVERIFY(submit("cm2", two, person(QStringLiteral("n11"))).ok());

        const QString same = reserve("cm1");
        const auto [a, b] = race("cm1", submitSql(same, person(QStringLiteral("n12"))), "cm1",
            submitSql(same, person(QStringLiteral("n13"))));
        QVERIFY2(a.ok(), qPrintable(a.err));
        QVERIFY2(numberRefused(b, same), qPrintable(b.err));
        QCOMPARE(customersNumbered(same), QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestServerNumbers)
#include "tst_servernumbers.moc"
