// Issue 15, entry and maker-checker on the branch server (migration 3): with psql and each staff member's own
// credentials, no role reads a grade-1 ciphertext or blind index (the masked forms still read); a customer manager
// submits a new record (the server numbers it per branch, refuses an ID number already held in the branch naming
// the existing number and its customer manager masked, marks shared phones and accounts as suspicious pairs); a
// branch manager who is not the maker approves or rejects it with a reason; edits carry the version they were made
// on; the branch manager reassigns customers. The races of deliverable 6 are forced with two held psql sessions: two
// managers approving the same change (one wins, the other gets BV409 naming who decided) and a reassignment racing an
// edit (the edit waits on the customer's row lock, then is refused). Every step checks its audit row.
#include "tests/server/ServerValues.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <memory>

using namespace bv::test;

using namespace bv::test::server;

class TestServerEntries : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    qint64 m_cm1 = 0, m_cm2 = 0;
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    // psql as a staff member (or the owner for ""), errors with their SQLSTATE ("ERROR:  BV409: ...").
    Psql run(const QString& sql, const char* login)
    {
        return ServerDatabase::finish(
            m_db->start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose"), QStringLiteral("-c"), sql},
                *login ? as(login) : QString()));
    }
    QString owner(const QString& sql)
    {
        const Psql r = run(sql, "");
        return r.ok() ? r.out.trimmed() : QStringLiteral("<failed: %1>").arg(r.err);
    }

    // customer_submit as `login`; returns "customer_no|change_id" or the error.
    Psql submit(const char* login, const QStringList& values, const QStringList& accounts = {},
        const QString& values2 = QStringLiteral("{\"occupation\": \"teacher\", \"sex\": \"F\"}"),
        const QString& manager = QStringLiteral("NULL"))
    {
        return run(QStringLiteral("SELECT * FROM branchvault.customer_submit('%1'::jsonb, "
                                  "ARRAY[%2]::branchvault.sealed_input[], ARRAY[%3]::branchvault.account_input[], %4, "
                                  "false, 'ws-1')")
                       .arg(values2, values.join(QStringLiteral(", ")), accounts.join(QStringLiteral(", ")), manager),
            login);
    }
    static QStringList person(const QString& tag)
    {
        return {sealed(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("name ") + tag),
            sealed(QStringLiteral("id_number"), QStringLiteral("1101**********00%1").arg(tag.right(2)),
                QStringLiteral("id ") + tag),
            sealed(QStringLiteral("mobile"), QStringLiteral("139****00%1").arg(tag.right(2)),
                QStringLiteral("mobile ") + tag)};
    }
    Psql decide(const char* login, qint64 change, bool approve, const QString& reason = QStringLiteral("checked"))
    {
        return run(QStringLiteral("SELECT branchvault.change_decide(%1, %2, '%3', 'ws-2')")
                       .arg(change)
                       .arg(approve ? QStringLiteral("true") : QStringLiteral("false"), reason),
            login);
    }
    // The last audit row: "login|action|customer_no|details".
    QString lastAudit()
    {
        return owner(QStringLiteral("SELECT login || '|' || action || '|' || coalesce(customer_no, '-') || '|' || "
                                    "details FROM branchvault.audit_log ORDER BY seq DESC LIMIT 1"));
    }
    qint64 changeOf(const Psql& submitted) { return submitted.out.trimmed().section(QLatin1Char('|'), 1).toLongLong(); }
    // A new active customer of cm1's, made and approved; returns its number.
    QString activeCustomer(const QString& tag)
    {
        const Psql made = submit("cm1", person(tag));
        if (!made.ok())
            return QStringLiteral("<%1>").arg(made.err);
        const Psql approved = decide("m2", changeOf(made), true);
        return approved.ok() ? made.out.trimmed().section(QLatin1Char('|'), 0, 0) : approved.err;
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
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("entries"));
        const QString problem = m_db->setUp(3);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString b1 = QStringLiteral("B001");
        QVERIFY(m_db->addStaff(QStringLiteral("m1"), QStringLiteral("manager"), b1) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m2"), QStringLiteral("manager"), b1) > 0);
        m_cm1 = m_db->addStaff(QStringLiteral("cm1"), QStringLiteral("customer_manager"), b1);
        m_cm2 = m_db->addStaff(QStringLiteral("cm2"), QStringLiteral("customer_manager"), b1);
        QVERIFY(m_cm1 > 0 && m_cm2 > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("k1"), QStringLiteral("clerk"), b1) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("a1"), QStringLiteral("admin"), b1) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("au1"), QStringLiteral("auditor"), b1) > 0);
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.staff SET display_name = '张大伟' WHERE login = 'cm1'")),
            QString());
    }

    void cleanupTestCase() { m_db.reset(); }

    // Part 1: the ciphertexts and blind indexes are the server's functions' alone; the masked forms still read.
    void noRoleReadsCiphertextsOrBlindIndexes()
    {
        const QString number = activeCustomer(QStringLiteral("p01"));
        QVERIFY2(number.startsWith(QLatin1String("B001-")), qPrintable(number));
        for (const char* login : {"m1", "m2", "cm1", "cm2", "cm9", "m9", "k1", "a1", "au1"}) {
            for (const QString& sql : {QStringLiteral("SELECT sealed FROM branchvault.sealed_value"),
                     QStringLiteral("SELECT blind FROM branchvault.sealed_value"),
                     QStringLiteral("SELECT blind_domain FROM branchvault.sealed_value"),
                     QStringLiteral("SELECT * FROM branchvault.sealed_value"),
                     // a blind index used as an oracle in a condition is refused too
                     QStringLiteral("SELECT count(*) FROM branchvault.sealed_value WHERE blind = %1")
                         .arg(blind(QStringLiteral("id p01")))}) {
                const Psql r = run(sql, login);
                QVERIFY2(!r.ok() && r.err.contains(QLatin1String("42501")),
                    qPrintable(QStringLiteral("%1: %2: %3").arg(QLatin1String(login), sql, r.out + r.err)));
            }
        }
        const QString masked = QStringLiteral("SELECT string_agg(field || '=' || masked, ',' ORDER BY field) FROM "
                                              "branchvault.sealed_value WHERE owner_kind = 'customer'");
        const QString expected = QStringLiteral("id_number=1101**********0001,mobile=139****0001,name=王*");
        for (const char* login : {"m1", "cm1"}) {
            const Psql r = run(masked, login);
            QVERIFY2(r.ok(), qPrintable(r.err));
            QCOMPARE(r.out.trimmed(), expected);
        }
        QCOMPARE(run(masked, "cm2").out.trimmed(), QString()); // not cm2's customer
    }

    // Part 2: entry by a customer manager, approval by a manager who is not the maker, with the audit rows.
    void aCustomerManagerEntersAndAManagerApproves()
    {
        const Psql made = submit("cm1", person(QStringLiteral("p02")),
            {account(QStringLiteral("6222****0002"), QStringLiteral("account p02"))});
        QVERIFY2(made.ok(), qPrintable(made.err));
        const QString number = made.out.trimmed().section(QLatin1Char('|'), 0, 0);
        const qint64 change = changeOf(made);
        QVERIFY2(QRegularExpression(QStringLiteral("^B001-[0-9]{8}$")).match(number).hasMatch(), qPrintable(number));
        QCOMPARE(lastAudit(),
            QStringLiteral("cm1|customer.create|%1|{\"change\" : %2, \"fields\" : "
                           "[\"name\", \"id_number\", \"mobile\", \"occupation\", \"sex\", \"account_number\"]}")
                .arg(number)
                .arg(change));
        // the maker's own pending change; not another customer manager's; the branch manager's inbox
        const QString inbox = QStringLiteral("SELECT coalesce(string_agg(id::text, ','), '') FROM "
                                             "branchvault.customer_changes WHERE status = 'pending'");
        QCOMPARE(run(inbox, "cm1").out.trimmed(), QString::number(change));
        QCOMPARE(run(inbox, "cm2").out.trimmed(), QString());
        QCOMPARE(run(inbox, "m1").out.trimmed(), QString::number(change));
        QCOMPARE(run(inbox, "m9").out.trimmed(), QString());
        // nobody writes the tables directly; only a manager calls the decision
        for (const QString& sql : {QStringLiteral("UPDATE branchvault.customer_changes SET status = 'approved'"),
                 QStringLiteral("DELETE FROM branchvault.customer_history"),
                 QStringLiteral("INSERT INTO branchvault.customer_numbers VALUES ('B001', 99)")}) {
            const Psql r = run(sql, "m1");
            QVERIFY2(!r.ok() && r.err.contains(QLatin1String("42501")), qPrintable(sql + r.err));
        }
        for (const char* login : {"cm1", "cm2", "k1", "a1", "au1"}) {
            const Psql r = decide(login, change, true);
            QVERIFY2(!r.ok() && r.err.contains(QLatin1String("permission denied")), qPrintable(r.err));
        }
        // another branch's manager does not find it; a reason is needed
        QVERIFY(decide("m9", change, true).err.contains(QLatin1String("P0002")));
        const Psql noReason = decide("m1", change, true, QStringLiteral("  "));
        QVERIFY2(refused(noReason, {"22023", "reason"}), qPrintable(noReason.err));

        const Psql approved = decide("m1", change, true);
        QVERIFY2(approved.ok(), qPrintable(approved.err));
        QCOMPARE(approved.out.trimmed(), QStringLiteral("approved"));
        QCOMPARE(lastAudit(),
            QStringLiteral("m1|customer.approve|%1|{\"change\" : %2, \"kind\" : \"create\"}").arg(number).arg(change));
        QCOMPARE(
            owner(QStringLiteral("SELECT status || '|' || occupation || '|' || version || '|' || "
                                 "(SELECT count(*) FROM branchvault.customer_history h WHERE h.customer_id = c.id) "
                                 "FROM branchvault.customers c WHERE customer_no = '%1'")
                      .arg(number)),
            QStringLiteral("active|teacher|1|1"));
    }

    void theMakerNeverApprovesAndARejectionErasesTheRecord()
    {
        // the branch manager enters a customer for cm2: m1 may not decide it, m2 may
        const Psql made = submit("m1", person(QStringLiteral("p03")), {}, QStringLiteral("{}"), QString::number(m_cm2));
        QVERIFY2(made.ok(), qPrintable(made.err));
        const Psql own = decide("m1", changeOf(made), true);
        QVERIFY2(refused(own, {"42501", "You made this change"}), qPrintable(own.err));
        QVERIFY(decide("m2", changeOf(made), true).ok());
        // a manager's entry names an active customer manager of the branch
        for (const QString& manager : {QStringLiteral("NULL"), QString::number(m_cm1 + 1000)}) {
            const Psql r = submit("m1", person(QStringLiteral("p04")), {}, QStringLiteral("{}"), manager);
            QVERIFY2(
                r.err.contains(QLatin1String("22023")) && r.err.contains(QLatin1String("manager")), qPrintable(r.err));
        }
        // a rejection needs its reason and leaves only the number and the status
        const Psql second = submit("cm1", person(QStringLiteral("p05")));
        QVERIFY2(second.ok(), qPrintable(second.err));
        const QString number = second.out.trimmed().section(QLatin1Char('|'), 0, 0);
        QVERIFY(decide("m2", changeOf(second), false, QString()).err.contains(QLatin1String("reason")));
        const Psql rejected = decide("m2", changeOf(second), false, QStringLiteral("ID copy unreadable"));
        QVERIFY2(rejected.ok(), qPrintable(rejected.err));
        QCOMPARE(lastAudit(),
            QStringLiteral("m2|customer.reject|%1|{\"change\" : %2, \"kind\" : \"create\"}")
                .arg(number)
                .arg(changeOf(second)));
        QCOMPARE(owner(QStringLiteral("SELECT c.status || '|' || coalesce(c.occupation, '-') || '|' || "
                                      "(SELECT count(*) FROM branchvault.sealed_value v WHERE v.customer_id = c.id) "
                                      "FROM branchvault.customers c WHERE customer_no = '%1'")
                           .arg(number)),
            QStringLiteral("rejected|-|0"));
        // the rejected ID number may be entered again
        QVERIFY(submit("cm1", person(QStringLiteral("p05"))).ok());
    }

    void aDuplicateIdNumberIsRefusedNamingTheRecordMaskedAndPairsAreMarked()
    {
        const QString first = activeCustomer(QStringLiteral("p06"));
        QVERIFY2(first.startsWith(QLatin1String("B001-")), qPrintable(first));
        const Psql again = submit("cm2", person(QStringLiteral("p06")));
        QVERIFY2(!again.ok() && again.err.contains(QLatin1String("23505")), qPrintable(again.err));
        QVERIFY2(again.err.contains(first) && again.err.contains(QStringLiteral("张*伟"))
                && !again.err.contains(QStringLiteral("王*")) && !again.err.contains(QLatin1String("1101")),
            qPrintable(again.err));
        // another branch holds its own customers
        const Psql elsewhere = submit("cm9", person(QStringLiteral("p06")));
        QVERIFY2(elsewhere.ok(), qPrintable(elsewhere.err));
        QVERIFY(elsewhere.out.startsWith(QLatin1String("B002-00000001|")));

        // the same mobile and the same account on another customer: two suspicious pairs for the branch manager
        QStringList shared = person(QStringLiteral("p07"));
        shared[2] = sealed(QStringLiteral("mobile"), QStringLiteral("139****0006"), QStringLiteral("mobile p06"));
        const QString withAccount = activeCustomer(QStringLiteral("p08"));
        QVERIFY(withAccount.startsWith(QLatin1String("B001-")));
        const Psql made = submit("cm2", shared, {account(QStringLiteral("6222****0008"), QStringLiteral("acct p08"))});
        QVERIFY2(made.ok(), qPrintable(made.err));
        // p08 got its account through an owner insert mirroring an approved record's account
        QCOMPARE(
            owner(QStringLiteral(
                "WITH a AS (INSERT INTO branchvault.accounts (customer_id, type) SELECT id, 'debit' FROM "
                "branchvault.customers WHERE customer_no = '%1' RETURNING id, customer_id) INSERT INTO "
                "branchvault.sealed_value SELECT 'account', a.id, a.customer_id, 'account_number', 1, '\\x01'::bytea, "
                "'6222****0008', 'account', %2 FROM a")
                      .arg(withAccount, blind(QStringLiteral("acct p08")))),
            QString());
        QVERIFY(decide("m1", changeOf(made), true).ok());
        const QString pairs = QStringLiteral("SELECT string_agg(p.kind || ':' || p.masked_value, ',' ORDER BY p.kind) "
                                             "FROM branchvault.suspicious_pairs p");
        QCOMPARE(run(pairs, "m1").out.trimmed(), QStringLiteral("account:6222****0008,phone:139****0006"));
        QCOMPARE(run(pairs, "m9").out.trimmed(), QString());
        QVERIFY(run(pairs, "cm2").err.contains(QLatin1String("42501")));
        // the branch manager clears a pair in order, with a reason; a second manager clearing it too is told who did
        const QString clear = QStringLiteral("SELECT branchvault.suspicious_clear((SELECT min(id) FROM "
                                             "branchvault.suspicious_pairs), '%1', 'ws')");
        QVERIFY(refused(run(clear.arg(QStringLiteral("x")), "cm2"), {"permission denied"}));
        const Psql noReason = run(clear.arg(QStringLiteral(" ")), "m1");
        QVERIFY2(refused(noReason, {"22023", "reason"}), qPrintable(noReason.err));
        QVERIFY(run(clear.arg(QStringLiteral("spouses")), "m1").ok());
        QCOMPARE(lastAudit(), QStringLiteral("m1|customer.suspicious_clear|-|{}"));
        const Psql again2 = run(clear.arg(QStringLiteral("spouses")), "m2");
        QVERIFY2(refused(again2, {"BV409", "already cleared by m1"}), qPrintable(again2.err));
    }

    // What a workstation must not send: a grade-1 value in the clear, an unmasked masked form, a wrong blind domain.
    void aSubmissionCarriesSealedMaskedValuesOnly()
    {
        const QStringList p = person(QStringLiteral("p09"));
        const struct
        {
            QStringList sealed;
            QString values;
            const char* field;
        } bad[] = {
            {p, QStringLiteral("{\"mobile\": \"x\"}"), "mobile"},
            {p, QStringLiteral("{\"password\": \"x\"}"), "password"},
            {{p[0], p[1], sealed(QStringLiteral("mobile"), QStringLiteral("13900000009"))}, QStringLiteral("{}"),
                "mobile"},
            {{p[0], p[1],
                 QStringLiteral("ROW('email', 1, '\\x01'::bytea, 'a***', 'phone', %1)::branchvault.sealed_input")
                     .arg(blind(QStringLiteral("e")))},
                QStringLiteral("{}"), "email"},
            {{p[0]}, QStringLiteral("{}"), "id_number"},
        };
        for (const auto& b : bad) {
            const Psql r = submit("cm1", b.sealed, {}, b.values);
            QVERIFY2(!r.ok() && r.err.contains(QLatin1String("22023")) && r.err.contains(QLatin1String(b.field)),
                qPrintable(r.err));
        }
        for (const char* login : {"k1", "a1", "au1"})
            QVERIFY(submit(login, p).err.contains(QLatin1String("permission denied")));
    }

    // Part 3 (issue 15, deliverable 6): two managers approve the same change at once; one wins.
    void twoManagersApprovingAtOnceOneWins()
    {
        const Psql made = submit("cm1", person(QStringLiteral("p10")));
        QVERIFY2(made.ok(), qPrintable(made.err));
        const qint64 change = changeOf(made);
        const auto [won, lost]
            = race("m1", QStringLiteral("SELECT branchvault.change_decide(%1, true, 'checked', 'ws-1')").arg(change),
                "m2", QStringLiteral("SELECT branchvault.change_decide(%1, true, 'also checked', 'ws-2')").arg(change));
        QVERIFY2(won.ok(), qPrintable(won.err));
        QCOMPARE(won.out.trimmed(), QStringLiteral("approved"));
        QVERIFY2(!lost.ok() && lost.err.contains(QLatin1String("BV409"))
                && lost.err.contains(QStringLiteral("Change %1 was already approved by m1").arg(change))
                && lost.err.contains(QLatin1String("Reload")),
            qPrintable(lost.err));
        QCOMPARE(owner(QStringLiteral("SELECT string_agg(login, ',') FROM branchvault.audit_log WHERE action = "
                                      "'customer.approve' AND details LIKE '{\"change\" : %1,%%'")
                           .arg(change)),
            QStringLiteral("m1"));
    }

    // Part 4: an edit carries the version it was made on; approval applies it and re-checks the version.
    void editsCarryTheirVersion()
    {
        const QString number = activeCustomer(QStringLiteral("p11"));
        QVERIFY(number.startsWith(QLatin1String("B001-")));
        const QString edit = QStringLiteral("SELECT branchvault.customer_edit('%1', %2, '%3'::jsonb, "
                                            "ARRAY[%4]::branchvault.sealed_input[], NULL, NULL, 'ws-1')");
        const QString newMobile = sealed(QStringLiteral("mobile"), QStringLiteral("137****0011"));
        const Psql made = run(
            edit.arg(number, QStringLiteral("1"), QStringLiteral("{\"occupation\": \"nurse\"}"), newMobile), "cm1");
        QVERIFY2(made.ok(), qPrintable(made.err));
        const qint64 change = made.out.trimmed().toLongLong();
        QCOMPARE(lastAudit(),
            QStringLiteral("cm1|customer.edit|%1|{\"change\" : %2, \"fields\" : [\"mobile\", \"occupation\"]}")
                .arg(number)
                .arg(change));
        // a second edit while one waits, and nothing changed, are refused
        const Psql waiting
            = run(edit.arg(number, QStringLiteral("1"), QStringLiteral("{\"family\": \"x\"}"), QString()), "cm1");
        QVERIFY2(refused(waiting, {"BV409", "still waiting"}), qPrintable(waiting.err));
        QVERIFY(decide("m1", change, true).ok());
        QCOMPARE(
            owner(QStringLiteral("SELECT c.version || '|' || c.occupation || '|' || (SELECT string_agg(v.owner_kind "
                                 "|| ':' || v.masked, ',' ORDER BY v.owner_kind) FROM branchvault.sealed_value v "
                                 "WHERE v.customer_id = c.id AND v.field = 'mobile') FROM branchvault.customers c "
                                 "WHERE customer_no = '%1'")
                      .arg(number)),
            QStringLiteral("2|nurse|customer:137****0011,history:139****0011"));
        // an edit made on version 1 is stale now: the conflict names the current version
        const Psql stale
            = run(edit.arg(number, QStringLiteral("1"), QStringLiteral("{\"family\": \"x\"}"), QString()), "cm1");
        QVERIFY2(refused(stale, {"BV409", "version 2 now"}), qPrintable(stale.err));
        const Psql same = run(
            edit.arg(number, QStringLiteral("2"), QStringLiteral("{\"occupation\": \"nurse\"}"), QString()), "cm1");
        QVERIFY2(refused(same, {"22023", "Nothing was changed"}), qPrintable(same.err));
        // someone else's customer: refused
        const Psql notMine
            = run(edit.arg(number, QStringLiteral("2"), QStringLiteral("{\"family\": \"x\"}"), QString()), "cm2");
        QVERIFY2(notMine.err.contains(QLatin1String("42501")), qPrintable(notMine.err));

        // Part 5: a reassignment moves the version on, so the pending edit of the customer manager who held the
        // customer before is a conflict to approve (it can still be rejected)
        const Psql pending
            = run(edit.arg(number, QStringLiteral("2"), QStringLiteral("{\"family\": \"x\"}"), QString()), "cm1");
        QVERIFY2(pending.ok(), qPrintable(pending.err));
        const Psql moved
            = run(QStringLiteral("SELECT branchvault.customer_assign('%1', 'transfer', 'cm2', NULL, 'staff "
                                 "change', 'ws-2')")
                      .arg(number),
                "m2");
        QVERIFY2(moved.ok(), qPrintable(moved.err));
        QCOMPARE(lastAudit(),
            QStringLiteral("m2|customer.assign|%1|{\"to\": \"cm2\", \"from\": \"cm1\", \"kind\": "
                           "\"transfer\"}")
                .arg(number));
        const Psql late = decide("m1", pending.out.trimmed().toLongLong(), true);
        QVERIFY2(late.err.contains(QLatin1String("BV409")) && late.err.contains(QLatin1String("version 2"))
                && late.err.contains(QLatin1String("version 3")),
            qPrintable(late.err));
        QVERIFY(decide("m1", pending.out.trimmed().toLongLong(), false, QStringLiteral("customer moved")).ok());
    }

    // Accounts are edited through the change too: a number replaced, a status changed, an account added, one removed;
    // the replaced numbers go to the history, still sealed.
    void accountsAreEditedThroughTheChange()
    {
        const Psql made = submit("cm1", person(QStringLiteral("p16")),
            {account(QStringLiteral("6222****0016"), QStringLiteral("acct p16"))});
        QVERIFY2(made.ok() && decide("m2", changeOf(made), true).ok(), qPrintable(made.err));
        const QString number = made.out.trimmed().section(QLatin1Char('|'), 0, 0);
        const QString accountId = owner(QStringLiteral("SELECT a.id FROM branchvault.accounts a JOIN "
                                                       "branchvault.customers c ON c.id = a.customer_id WHERE "
                                                       "c.customer_no = '%1'")
                                            .arg(number));
        const QString edit = QStringLiteral("SELECT branchvault.customer_edit('%1', %2, '{}', NULL, "
                                            "ARRAY[%3]::branchvault.account_change[], NULL, 'ws')");
        const QString change = QStringLiteral("ROW(%1, %2, NULL, %3, %4, 1, %5, %6, %7)::branchvault.account_change");
        const QString replaced = change.arg(accountId, QStringLiteral("'debit'"), QStringLiteral("'closed'"),
            QStringLiteral("false"), QStringLiteral("'\\x0b'::bytea"), QStringLiteral("'6222****1016'"),
            blind(QStringLiteral("acct p16 new")));
        const QString added = change.arg(QStringLiteral("NULL"), QStringLiteral("'credit'"), QStringLiteral("NULL"),
            QStringLiteral("false"), QStringLiteral("'\\x0c'::bytea"), QStringLiteral("'6225****0016'"),
            blind(QStringLiteral("acct p16 b")));
        // another customer's account is refused
        const Psql foreign = run(
            edit.arg(number, QStringLiteral("1"),
                change.arg(QStringLiteral("1"), QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("true"),
                    QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("NULL"))),
            "cm1");
        QVERIFY2(refused(foreign, {"22023", "account_number"}), qPrintable(foreign.err));
        const Psql first = run(edit.arg(number, QStringLiteral("1"), replaced + QStringLiteral(", ") + added), "cm1");
        QVERIFY2(first.ok(), qPrintable(first.err));
        QVERIFY2(lastAudit().endsWith(
                     QLatin1String("\"fields\" : [\"account_number\", \"account_status\", \"account_number\"]}")),
            qPrintable(lastAudit()));
        QVERIFY(decide("m1", first.out.trimmed().toLongLong(), true).ok());
        const QString accounts = QStringLiteral(
            "SELECT string_agg(v.owner_kind || ':' || v.masked || coalesce(':' || a.status, ''), ',' ORDER BY "
            "v.owner_kind, v.masked) FROM branchvault.sealed_value v LEFT JOIN branchvault.accounts a ON "
            "v.owner_kind = 'account' AND a.id = v.owner_id JOIN branchvault.customers c ON c.id = v.customer_id "
            "WHERE c.customer_no = '%1' AND v.field LIKE 'account_number%%'")
                                     .arg(number);
        QCOMPARE(run(accounts, "cm1").out.trimmed(),
            QStringLiteral("account:6222****1016:closed,account:6225****0016:active,history:6222****0016"));
        // the added account is removed again
        const QString addedId = owner(QStringLiteral("SELECT max(a.id) FROM branchvault.accounts a JOIN "
                                                     "branchvault.customers c ON c.id = a.customer_id WHERE "
                                                     "c.customer_no = '%1'")
                                          .arg(number));
        const Psql second
            = run(edit.arg(number, QStringLiteral("2"),
                      change.arg(addedId, QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("true"),
                          QStringLiteral("NULL"), QStringLiteral("NULL"), QStringLiteral("NULL"))),
                "cm1");
        QVERIFY2(second.ok(), qPrintable(second.err));
        QVERIFY(decide("m1", second.out.trimmed().toLongLong(), true).ok());
        QCOMPARE(run(accounts, "cm1").out.trimmed(),
            QStringLiteral("account:6222****1016:closed,history:6222****0016,history:6225****0016"));
    }

    // Part 5: a reassignment racing an edit: the edit waits on the customer's row lock and is then refused.
    void aReassignmentRacingAnEditWins()
    {
        const QString number = activeCustomer(QStringLiteral("p12"));
        QVERIFY(number.startsWith(QLatin1String("B001-")));
        const auto [moved, edited] = race("m1",
            QStringLiteral("SELECT branchvault.customer_assign('%1', 'transfer', 'cm2', NULL, 'leave', 'ws-1')")
                .arg(number),
            "cm1",
            QStringLiteral("SELECT branchvault.customer_edit('%1', 1, '{\"family\": \"y\"}', "
                           "ARRAY[]::branchvault.sealed_input[], NULL, NULL, 'ws-2')")
                .arg(number));
        QVERIFY2(moved.ok(), qPrintable(moved.err));
        QVERIFY2(refused(edited, {"42501", "not one of your customers"}), qPrintable(edited.err));
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM branchvault.customer_changes ch JOIN branchvault.customers "
                                      "c ON c.id = ch.customer_id WHERE c.customer_no = '%1' AND ch.kind = 'edit'")
                           .arg(number)),
            QStringLiteral("0"));
    }

    // Two workstations enter the same person at once: the second waits on the branch's entry lock, then finds the
    // first record (one record, not two).
    void theSamePersonEnteredTwiceAtOnceIsOneRecord()
    {
        const QString sql = QStringLiteral("SELECT * FROM branchvault.customer_submit('{}'::jsonb, "
                                           "ARRAY[%1]::branchvault.sealed_input[], NULL, NULL, false, 'ws')")
                                .arg(person(QStringLiteral("p14")).join(QStringLiteral(", ")));
        const auto [first, second] = race("cm1", sql, "cm2", sql);
        QVERIFY2(first.ok(), qPrintable(first.err));
        QVERIFY2(!second.ok() && second.err.contains(QLatin1String("23505"))
                && second.err.contains(first.out.trimmed().section(QLatin1Char('|'), 0, 0)),
            qPrintable(second.err));
    }

    // Two edits of one customer at once: the second waits on the customer's row lock, then finds the first waiting.
    void twoEditsAtOnceOneWaitsForTheOther()
    {
        const QString number = activeCustomer(QStringLiteral("p15"));
        QVERIFY(number.startsWith(QLatin1String("B001-")));
        const QString edit = QStringLiteral("SELECT branchvault.customer_edit('%1', 1, '{\"family\": \"%2\"}', "
                                            "ARRAY[]::branchvault.sealed_input[], NULL, NULL, 'ws')");
        const auto [first, second]
            = race("cm1", edit.arg(number, QStringLiteral("a")), "m1", edit.arg(number, QStringLiteral("b")));
        QVERIFY2(first.ok(), qPrintable(first.err));
        QVERIFY2(refused(second, {"BV409", "still waiting"}), qPrintable(second.err));
    }

    // Custody for a limited time and its return; the branch manager's alone; the end date is bounded.
    void custodyAndReturn()
    {
        const QString number = activeCustomer(QStringLiteral("p13"));
        const QString assign = QStringLiteral("SELECT branchvault.customer_assign('%1', '%2', %3, %4, %5, 'ws-1')");
        const QString seen
            = QStringLiteral("SELECT count(*) FROM branchvault.customers WHERE customer_no = '%1'").arg(number);
        QVERIFY(run(assign.arg(number, QStringLiteral("custody"), QStringLiteral("'cm2'"),
                        QStringLiteral("current_date + 7"), QStringLiteral("'leave'")),
            "cm1")
                    .err.contains(QLatin1String("permission denied")));
        const Psql tooLong = run(assign.arg(number, QStringLiteral("custody"), QStringLiteral("'cm2'"),
                                     QStringLiteral("current_date + 200"), QStringLiteral("'leave'")),
            "m1");
        QVERIFY2(refused(tooLong, {"22023", "until"}), qPrintable(tooLong.err));
        // a customer manager of another branch cannot be given the customer
        const Psql elsewhere = run(assign.arg(number, QStringLiteral("transfer"), QStringLiteral("'cm9'"),
                                       QStringLiteral("NULL"), QStringLiteral("'move'")),
            "m1");
        QVERIFY2(refused(elsewhere, {"22023", "manager"}), qPrintable(elsewhere.err));
        const Psql custody = run(assign.arg(number, QStringLiteral("custody"), QStringLiteral("'cm2'"),
                                     QStringLiteral("current_date + 7"), QStringLiteral("'leave'")),
            "m1");
        QVERIFY2(custody.ok(), qPrintable(custody.err));
        QVERIFY2(lastAudit().contains(QLatin1String("\"kind\": \"custody\""))
                && lastAudit().contains(QLatin1String("\"until\"")),
            qPrintable(lastAudit()));
        QCOMPARE(run(seen, "cm2").out.trimmed(), QStringLiteral("1"));
        QCOMPARE(run(seen, "cm1").out.trimmed(), QStringLiteral("0"));
        QVERIFY(run(assign.arg(number, QStringLiteral("return"), QStringLiteral("NULL"), QStringLiteral("NULL"),
                        QStringLiteral("NULL")),
            "m1")
                    .ok());
        QCOMPARE(run(seen, "cm1").out.trimmed(), QStringLiteral("1"));
        QCOMPARE(run(seen, "cm2").out.trimmed(), QStringLiteral("0"));
        QCOMPARE(
            owner(QStringLiteral("SELECT string_agg(a.kind, ',' ORDER BY a.id) FROM branchvault.customer_assignments a "
                                 "JOIN branchvault.customers c ON c.id = a.customer_id WHERE c.customer_no = '%1'")
                      .arg(number)),
            QStringLiteral("custody,return"));
    }
};

QTEST_GUILESS_MAIN(TestServerEntries)
#include "tst_serverentries.moc"
