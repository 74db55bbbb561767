// Issue 15, grants on the branch server (migration 4): a reveal grant opens only its own fields of its own customers
// for its requester while the customer is still his or hers, stops working when it expires (its times moved into the
// past by the database's owner) or is revoked, and its audit rows are committed before a sealed value leaves. A
// single-use print grant used by two workstations at once is used once: the second gets BV409 (forced with two held
// psql sessions, the second waiting on the first's row lock). The clerk finds a restricted customer only with a
// restricted-access grant.
#include "tests/server/ServerRequestsFixture.h"

#include <QProcess>
#include <QTest>

using namespace bv::test;

class TestServerGrants : public QObject, private ServerRequestsFixture
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        setUpBranch(QStringLiteral("grants"));
        QVERIFY(!QTest::currentTestFailed());
    }

    void cleanupTestCase() { m_db.reset(); }

    // A live grant opens only its own fields of its own customers, for its requester only, while the customer is
    // still the requester's.
    void aGrantOpensOnlyItsScope()
    {
        const qint64 id = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C001")}, {QStringLiteral("name")});
        QVERIFY(id > 0);
        QVERIFY(decide("m2", id, true).ok());
        QVERIFY(reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("name")}).ok());
        const qint64 seq = lastSeq();
        // a field outside the grant, alone or with a granted one
        QVERIFY(refusedWith(reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("id_number")}), "42501",
            "no approved, unexpired request"));
        QVERIFY(refusedWith(
            reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("name"), QStringLiteral("id_number")}), "42501"));
        // a customer outside the grant, though the requester's own
        QVERIFY(refusedWith(reveal("cm1", id, QStringLiteral("C003"), {QStringLiteral("name")}), "42501"));
        // another customer manager with the grant's number: not his customer
        QVERIFY(refusedWith(
            reveal("cm2", id, QStringLiteral("C001"), {QStringLiteral("name")}), "42501", "not one of your customers"));
        // the branch manager reaches the customer but holds no grant of his own
        QVERIFY(refusedWith(reveal("m1", id, QStringLiteral("C001"), {QStringLiteral("name")}), "42501",
            "no approved, unexpired request"));
        // a restricted customer of someone else
        QVERIFY(
            refusedWith(reveal("cm2", id, QStringLiteral("C002"), {QStringLiteral("name")}), "42501", "restricted"));
        QStringList denied;
        for (const char* who : {"cm1", "cm1", "cm1", "cm2", "m1", "cm2"})
            denied << QStringLiteral("%1|access.denied|denied|").arg(QLatin1String(who));
        const QStringList rows = auditSince(seq);
        QCOMPARE(rows.size(), denied.size());
        for (int i = 0; i < rows.size(); ++i)
            QVERIFY2(rows.at(i).startsWith(denied.at(i)) && rows.at(i).endsWith(QLatin1String("reveal_field\"}")),
                qPrintable(rows.at(i)));
        // bad input, not audited: a field that is never masked, no field, an unknown customer
        QVERIFY(refusedWith(reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("occupation")}), "22023"));
        QVERIFY(refusedWith(reveal("cm1", id, QStringLiteral("C001"), {}), "22023"));
        QVERIFY(refusedWith(reveal("cm1", id, QStringLiteral("X001"), {QStringLiteral("name")}), "22023"));
        QCOMPARE(auditSince(seq).size(), denied.size());
        // the customer handed to cm2: the grant no longer opens it for cm1
        QVERIFY(run(
            QStringLiteral("UPDATE branchvault.customers SET manager_id = %1 WHERE customer_no = 'C001'").arg(m_cm2))
                    .ok());
        const Psql moved = reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("name")});
        QVERIFY(run(
            QStringLiteral("UPDATE branchvault.customers SET manager_id = %1 WHERE customer_no = 'C001'").arg(m_cm1))
                    .ok());
        QVERIFY2(refusedWith(moved, "42501", "not one of your customers"), qPrintable(moved.err));
        // the clerk and the auditor may not call it at all
        for (const char* login : {"k1", "au1"})
            QVERIFY(refusedWith(reveal(login, id, QStringLiteral("C001"), {QStringLiteral("name")}), "42501",
                "permission denied for procedure reveal"));
    }

    // A grant past its validity stops working by the server's clock, with nobody acting; it can no longer be
    // revoked either.
    void anExpiredGrantStopsWorking()
    {
        const qint64 id = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C001")}, {QStringLiteral("name")});
        QVERIFY(id > 0);
        QVERIFY(decide("m1", id, true).ok());
        QVERIFY(reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("name")}).ok());
        expire(id);
        QCOMPARE(status(id), QStringLiteral("approved")); // stored as it was: expiry is computed
        const Psql late = reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("name")});
        QVERIFY2(refusedWith(late, "42501", "no approved, unexpired request"), qPrintable(late.err));
        const Psql revoke
            = run(QStringLiteral("CALL branchvault.request_revoke(%1, '不再需要', 'ws-m2')").arg(id), "m2");
        QVERIFY2(refusedWith(revoke, "BV409", "is expired (decided by m1)"), qPrintable(revoke.err));
        // a grant that starts in the future does not work yet either
        const qint64 later = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C001")}, {QStringLiteral("name")});
        QVERIFY(decide("m1", later, true).ok());
        QVERIFY(run(QStringLiteral("UPDATE branchvault.requests SET valid_from = now() + interval '1 hour' WHERE id = "
                                   "%1")
                        .arg(later))
                    .ok());
        QVERIFY(refusedWith(reveal("cm1", later, QStringLiteral("C001"), {QStringLiteral("name")}), "42501"));
    }

    // A revoked grant stops working at once; revoking needs a branch manager and a reason.
    void aRevokedGrantStopsWorking()
    {
        const qint64 id = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C001")}, {QStringLiteral("mobile")});
        QVERIFY(id > 0);
        QVERIFY(decide("m1", id, true).ok());
        QVERIFY(reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("mobile")}).ok());
        const QString call = QStringLiteral("CALL branchvault.request_revoke(%1, '%2', 'ws')").arg(id);
        QVERIFY(refusedWith(run(call.arg(QStringLiteral(" ")), "m2"), "22023", "reason"));
        QVERIFY(refusedWith(run(call.arg(QStringLiteral("x")), "cm1"), "42501", "permission denied"));
        const qint64 seq = lastSeq();
        QVERIFY(run(call.arg(QStringLiteral("客户已办结")), "m2").ok());
        QCOMPARE(status(id), QStringLiteral("revoked"));
        QCOMPARE(auditSince(seq),
            QStringList({QStringLiteral("m2|request.revoke|ok|C001|{\"reasonLength\":5,\"requester\":\"cm1\","
                                        "\"type\":\"reveal\"}")}));
        const Psql late = reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("mobile")});
        QVERIFY2(refusedWith(late, "42501", "no approved, unexpired request"), qPrintable(late.err));
        QVERIFY(refusedWith(run(call.arg(QStringLiteral("再次")), "m1"), "BV409", "is revoked (revoked by m2)"));
    }
    // The rows recording a reveal are committed before any sealed byte leaves the server: a client that reads in
    // its own transaction and rolls it back gets nothing.
    void aRevealIsRecordedBeforeItsValuesLeave()
    {
        const qint64 id = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C001")}, {QStringLiteral("name")});
        QVERIFY(id > 0);
        QVERIFY(decide("m2", id, true).ok());
        const qint64 seq = lastSeq();
        const QString args = QStringLiteral("%1, 'C001', ARRAY['name'], 'ws-cm1'").arg(id);
        const Psql inBlock
            = run(QStringLiteral("BEGIN; CALL branchvault.reveal(%1, NULL, NULL, NULL); COMMIT;").arg(args), "cm1");
        QVERIFY2(refusedWith(inBlock, "2D000"), qPrintable(inBlock.err));
        QVERIFY2(!inBlock.out.contains(QLatin1String("xaa")), qPrintable(inBlock.out));
        const Psql direct = run(QStringLiteral("BEGIN; SELECT branchvault.reveal_attempt(%1); SELECT * FROM "
                                               "branchvault.reveal_release(); ROLLBACK;")
                                    .arg(args),
            "cm1");
        QVERIFY2(direct.ok(), qPrintable(direct.err));
        QVERIFY2(!direct.out.contains(QLatin1String("xaa")), qPrintable(direct.out));
        QCOMPARE(lastSeq(), seq);
        // the procedure on its own: the rows, then the value; nothing stays in the outbox
        const Psql shown = reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("name")});
        QVERIFY2(shown.ok(), qPrintable(shown.err));
        QVERIFY(shown.out.contains(sealedOf(QStringLiteral("C001"), 1)));
        QCOMPARE(auditSince(seq).size(), 2);
        QCOMPARE(
            run(QStringLiteral("SELECT count(*) FROM branchvault.reveal_outbox")).out.trimmed(), QStringLiteral("0"));
        QVERIFY(refusedWith(run(QStringLiteral("SELECT * FROM branchvault.reveal_outbox"), "cm1"), "42501"));
    }

    // A single-use print grant: its requester uses it once, for its report and customer only.
    void aSingleUseGrantIsUsedOnce()
    {
        const qint64 id
            = filed("cm1", QStringLiteral("print"), {QStringLiteral("C001")}, {}, QStringLiteral("data_subject"));
        QVERIFY(id > 0);
        const QString consume = QStringLiteral("SELECT request_id FROM branchvault.grant_consume(%1, '%2', '%3', "
                                               "'%4', 'P-0001', 'ws-1')");
        const auto use = [&](const char* login, const QString& type, const QString& report, const QString& customer) {
            return run(consume.arg(QString::number(id), type, report, customer), login);
        };
        // not approved yet
        QVERIFY(refusedWith(use("cm1", QStringLiteral("print"), QStringLiteral("data_subject"), QStringLiteral("C001")),
            "42501", "no live approval"));
        QVERIFY(decide("m1", id, true).ok());
        // another user, another type, report or customer: no grant
        QVERIFY(refusedWith(
            use("m1", QStringLiteral("print"), QStringLiteral("data_subject"), QStringLiteral("C001")), "42501"));
        QVERIFY(refusedWith(
            use("cm1", QStringLiteral("export"), QStringLiteral("data_subject"), QStringLiteral("C001")), "42501"));
        QVERIFY(refusedWith(use("cm1", QStringLiteral("print"), QStringLiteral("customer_list"), QString()), "42501"));
        QVERIFY(refusedWith(
            use("cm1", QStringLiteral("print"), QStringLiteral("data_subject"), QStringLiteral("C003")), "42501"));
        QVERIFY(refusedWith(use("k1", QStringLiteral("print"), QStringLiteral("data_subject"), QStringLiteral("C001")),
            "42501", "permission denied"));
        const qint64 seq = lastSeq();
        const Psql first = use("cm1", QStringLiteral("print"), QStringLiteral("data_subject"), QStringLiteral("c001"));
        QVERIFY2(first.ok(), qPrintable(first.err));
        QCOMPARE(first.out.trimmed(), QString::number(id));
        QCOMPARE(status(id), QStringLiteral("used"));
        QCOMPARE(auditSince(seq),
            QStringList({QStringLiteral("cm1|grant.use|ok|C001|{\"customer\":\"C001\",\"report\":\"data_subject\","
                                        "\"request\":%1,\"type\":\"print\",\"usedFor\":\"P-0001\"}")
                             .arg(id)}));
        const Psql second = use("cm1", QStringLiteral("print"), QStringLiteral("data_subject"), QStringLiteral("C001"));
        QVERIFY2(refusedWith(second, "BV409", "used up"), qPrintable(second.err));
        // an expired one is not used
        const qint64 old = filed("m1", QStringLiteral("export"), {}, {}, QStringLiteral("customer_list"));
        QVERIFY(decide("m2", old, true).ok());
        expire(old);
        const Psql expired = run(QStringLiteral("SELECT request_id FROM branchvault.grant_consume(%1, 'export', "
                                                "'customer_list', NULL, 'E-1', 'ws-1')")
                                     .arg(old),
            "m1");
        QVERIFY2(refusedWith(expired, "42501", "no live approval"), qPrintable(expired.err));
        QCOMPARE(status(old), QStringLiteral("approved"));
    }

    // Two workstations use the same single-use grant at once: the first holds the row lock (uncommitted), the
    // second waits for it, and when the first commits the second gets BV409. The grant is used exactly once.
    void twoWorkstationsRaceForASingleUseGrant()
    {
        const qint64 id = filed("m1", QStringLiteral("print"), {}, {}, QStringLiteral("customer_list"));
        QVERIFY(id > 0);
        QVERIFY(decide("m2", id, true).ok());
        const QString use = QStringLiteral("SELECT request_id FROM branchvault.grant_consume(%1, 'print', "
                                           "'customer_list', NULL, '%2', '%3');\n");
        const qint64 seq = lastSeq();
        const QStringList verbose {QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose")};
        QProcess* one = m_db->start(verbose, as("m1"));
        QProcess* two = m_db->start(verbose, as("m1"));
        QVERIFY(one->waitForStarted(60000) && two->waitForStarted(60000));
        one->write(QStringLiteral("BEGIN;\n").toUtf8()
            + use.arg(id).arg(QStringLiteral("P-A"), QStringLiteral("ws-A")).toUtf8());
        // the first session has used the grant (its row is locked, not committed) before the second starts
        QTRY_VERIFY_WITH_TIMEOUT(one->bytesAvailable() > 0 || one->state() != QProcess::Running, 60000);
        QCOMPARE(one->readAllStandardOutput().trimmed(), QByteArray::number(id));
        two->write(QStringLiteral("SET application_name = 'bv_race_two';\n").toUtf8()
            + use.arg(id).arg(QStringLiteral("P-B"), QStringLiteral("ws-B")).toUtf8());
        // the second waits on the first's lock
        const QString waiting = QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                                               "'bv_race_two' AND wait_event_type = 'Lock'");
        QTRY_COMPARE_WITH_TIMEOUT(run(waiting).out.trimmed(), QStringLiteral("1"), 60000);
        QCOMPARE(two->state(), QProcess::Running);
        one->write("COMMIT;\n");
        one->closeWriteChannel();
        two->closeWriteChannel();
        const Psql first = ServerDatabase::finish(one);
        const Psql second = ServerDatabase::finish(two);
        QVERIFY2(first.ok(), qPrintable(first.err));
        QVERIFY2(refusedWith(second, "BV409", "used up"), qPrintable(second.err));
        QVERIFY2(second.err.contains(QLatin1String("(for P-A)")), qPrintable(second.err));
        QCOMPARE(run(QStringLiteral("SELECT status, used_for FROM branchvault.requests WHERE id = %1").arg(id))
                     .out.trimmed(),
            QStringLiteral("used|P-A"));
        const QStringList rows = auditSince(seq);
        QCOMPARE(rows.size(), 1);
        QVERIFY2(rows.first().startsWith(QLatin1String("m1|grant.use|ok|-|"))
                && rows.first().contains(QLatin1String("\"usedFor\":\"P-A\"")),
            qPrintable(rows.first()));
    }
    // A restricted customer (重点保密) is found by the clerk only with a live restricted-access grant; without one
    // the lookup shows no card and leaves the refusal's row.
    void theClerkNeedsAGrantForARestrictedCustomer()
    {
        const QString lookup = QStringLiteral("SELECT customer_no, masked_name FROM branchvault.clerk_lookup("
                                              "convert_to('nameC002', 'UTF8'), convert_to('idC002', 'UTF8'), "
                                              "'柜面业务核对', 'counter-1')");
        qint64 seq = lastSeq();
        const Psql refused = run(lookup, "k1");
        QVERIFY2(refused.ok(), qPrintable(refused.err));
        QCOMPARE(refused.out.trimmed(), QString());
        QVERIFY2(refused.err.contains(QLatin1String("WARNING:  42501: Customer C002 is restricted")),
            qPrintable(refused.err));
        QCOMPARE(auditSince(seq),
            QStringList({QStringLiteral("k1|access.denied|denied|C002|{\"operation\":\"clerk_lookup\"}")}));

        const qint64 id = filed("k1", QStringLiteral("restricted_access"), {QStringLiteral("C002")}, {});
        QVERIFY(id > 0);
        QVERIFY(decide("m1", id, true).ok());
        seq = lastSeq();
        const Psql card = run(lookup, "k1");
        QVERIFY2(card.ok(), qPrintable(card.err));
        QCOMPARE(card.out.trimmed(), QStringLiteral("C002|钱*"));
        const QStringList rows = auditSince(seq);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0),
            QStringLiteral("k1|grant.use|ok|C002|{\"fields\":[],\"request\":%1,\"type\":\"restricted_access\"}")
                .arg(id));
        QVERIFY2(rows.at(1).startsWith(QLatin1String("k1|customer.lookup|ok|C002|"))
                && rows.at(1).contains(QLatin1String("\"result\" : \"match\"")),
            qPrintable(rows.at(1)));

        expire(id);
        const Psql late = run(lookup, "k1");
        QVERIFY2(late.ok() && late.out.trimmed().isEmpty() && late.err.contains(QLatin1String("42501")),
            qPrintable(late.out + late.err));
    }
};

QTEST_GUILESS_MAIN(TestServerGrants)
#include "tst_servergrants.moc"
