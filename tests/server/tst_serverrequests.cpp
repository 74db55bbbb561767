// Issue 15, special requests on the branch server (migration 4): with psql and each staff member's own credentials,
// a customer manager files a reveal request, a branch manager who is not the requester approves it, and the customer
// manager gets the sealed bytes of exactly the granted fields of the granted customer, with the audit rows local mode
// writes. Who may file what, who reads which requests, who decides (never the requester; a second decision is a
// conflict naming the first), and withdrawal; refusals local mode audits leave their access.denied row.
#include "tests/server/ServerRequestsFixture.h"

#include <QProcess>
#include <QTest>

using namespace bv::test;

class TestServerRequests : public QObject, private ServerRequestsFixture
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        setUpBranch(QStringLiteral("requests"));
        QVERIFY(!QTest::currentTestFailed());
    }

    void cleanupTestCase() { m_db.reset(); }

    // A customer manager files a reveal request, sees nothing before the approval, a branch manager approves it,
    // and the customer manager gets the sealed bytes of the granted fields; each step leaves local mode's row.
    void roundTripAcrossTwoRoles()
    {
        const qint64 seq = lastSeq();
        const qint64 id = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("c001 ")},
            {QStringLiteral("name"), QStringLiteral("mobile"), QStringLiteral("account_number")});
        QVERIFY(id > 0);
        QCOMPARE(status(id), QStringLiteral("pending"));
        const Psql early = reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("name")});
        QVERIFY2(refusedWith(early, "42501", "no approved, unexpired request"), qPrintable(early.err));
        QVERIFY2(decide("m1", id, true).ok(), "approval");
        QCOMPARE(status(id), QStringLiteral("approved"));

        const Psql shown = reveal("cm1", id, QStringLiteral("C001"),
            {QStringLiteral("name"), QStringLiteral("mobile"), QStringLiteral("account_number")});
        QVERIFY2(shown.ok(), qPrintable(shown.err));
        QCOMPARE(shown.out.trimmed(),
            QStringLiteral("{account_number:901,mobile,name}|{2,2,2}|{\"%1\",\"%2\",\"%3\"}")
                .arg(sealedOf(QStringLiteral("C001"), 4), sealedOf(QStringLiteral("C001"), 3),
                    sealedOf(QStringLiteral("C001"), 1)));
        // a subset of the granted fields is fine too
        const Psql one = reveal("cm1", id, QStringLiteral("C001"), {QStringLiteral("mobile")});
        QVERIFY2(one.ok(), qPrintable(one.err));
        QCOMPARE(one.out.trimmed(), QStringLiteral("{mobile}|{2}|{\"%1\"}").arg(sealedOf(QStringLiteral("C001"), 3)));

        const QStringList rows = auditSince(seq);
        const QString request = QString::number(id);
        const QStringList expected {
            QStringLiteral("cm1|request.create|ok|C001|{\"customers\":[\"C001\"],\"fields\":[\"name\",\"mobile\","
                           "\"account_number\"],\"purposeLength\":6,\"type\":\"reveal\",\"validityHours\":24}"),
            QStringLiteral("cm1|access.denied|denied|C001|{\"operation\":\"reveal_field\"}"),
            QStringLiteral("m1|request.approve|ok|C001|{\"reasonLength\":5,\"requester\":\"cm1\",\"type\":\"reveal\","
                           "\"validUntil\":\"*\",\"validityHours\":24}"),
            QStringLiteral("cm1|customer.reveal|ok|C001|{\"fields\":[\"name\",\"mobile\",\"account_number\"]}"),
            QStringLiteral("cm1|grant.use|ok|C001|{\"fields\":[\"name\",\"mobile\",\"account_number\"],\"request\":%1,"
                           "\"type\":\"reveal\"}")
                .arg(request),
            QStringLiteral("cm1|customer.reveal|ok|C001|{\"fields\":[\"mobile\"]}"),
            QStringLiteral("cm1|grant.use|ok|C001|{\"fields\":[\"mobile\"],\"request\":%1,\"type\":\"reveal\"}")
                .arg(request),
        };
        QCOMPARE(rows.size(), expected.size());
        for (int i = 0; i < rows.size(); ++i) {
            const QRegularExpression pattern(QRegularExpression::anchoredPattern(
                QRegularExpression::escape(expected.at(i)).replace(QStringLiteral("\\*"), QStringLiteral("[^\"]+"))));
            QVERIFY2(pattern.match(rows.at(i)).hasMatch(), qPrintable(rows.at(i)));
        }
        // the validity: 24 hours from the approval, by the server's clock
        const Psql validity
            = run(QStringLiteral("SELECT valid_until - valid_from, valid_from = decided_at, valid_from <= now() FROM "
                                 "branchvault.requests WHERE id = %1")
                      .arg(id));
        QCOMPARE(validity.out.trimmed(), QStringLiteral("1 day|t|t"));
        // no sealed byte in any audit row
        const Psql leaked
            = run(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE details LIKE '%\\\\x%' "
                                 "OR details LIKE '%aa0%'"));
        QCOMPARE(leaked.out.trimmed(), QStringLiteral("0"));
    }

    // The requester reads his or her own requests, a branch manager the branch's; nobody else any.
    void eachReadsOwnRequestsTheManagerTheBranchs()
    {
        const qint64 mine = filed("cm2", QStringLiteral("reveal"), {QStringLiteral("C006")}, {QStringLiteral("name")});
        const qint64 clerks = filed("k1", QStringLiteral("restricted_access"), {QStringLiteral("C002")}, {});
        QVERIFY(mine > 0 && clerks > 0);
        const auto seen = [&](const char* login) {
            const Psql r = run(QStringLiteral("SELECT count(*), count(*) FILTER (WHERE id = %1), "
                                              "count(*) FILTER (WHERE id = %2), (SELECT count(*) FROM "
                                              "branchvault.request_customers) FROM branchvault.requests")
                                   .arg(mine)
                                   .arg(clerks),
                login);
            return r.ok() ? r.out.trimmed() : QStringLiteral("<refused>");
        };
        const QString all = run(QStringLiteral("SELECT count(*) FROM branchvault.requests")).out.trimmed();
        const QString allCustomers
            = run(QStringLiteral("SELECT count(*) FROM branchvault.request_customers")).out.trimmed();
        QCOMPARE(seen("m1"), QStringLiteral("%1|1|1|%2").arg(all, allCustomers));
        QCOMPARE(seen("cm2"), QStringLiteral("1|1|0|1"));
        QCOMPARE(seen("k1"), QStringLiteral("1|0|1|1"));
        QVERIFY(seen("cm1").endsWith(QLatin1String("|0|0|1")));
        QCOMPARE(seen("m9"), QStringLiteral("0|0|0|0")); // another branch's manager
        QCOMPARE(seen("cm9"), QStringLiteral("0|0|0|0"));
        QCOMPARE(seen("au1"), QStringLiteral("<refused>"));
        // and nobody writes them directly
        for (const char* login : {"m1", "cm1", "k1"}) {
            for (const QString& sql :
                {QStringLiteral("UPDATE branchvault.requests SET status = 'approved', valid_from = now(), "
                                "valid_until = now() + interval '1 day'"),
                    QStringLiteral("DELETE FROM branchvault.request_customers"),
                    QStringLiteral("INSERT INTO branchvault.request_customers VALUES ('B001', %1, %2, 'C001')")
                        .arg(mine)
                        .arg(m_customerIds.value(QStringLiteral("C001")))}) {
                const Psql r = run(sql, login);
                QVERIFY2(refusedWith(r, "42501", "permission denied"), qPrintable(r.err));
            }
        }
        QCOMPARE(status(mine), QStringLiteral("pending"));
    }

    // Who may ask for what, and what a request must say.
    void filingFollowsTheLocalRules()
    {
        const qint64 seq = lastSeq();
        // audited refusals: a clerk's reveal, another manager's customer, the roster by a customer manager
        const Psql clerk = submit("k1", QStringLiteral("reveal"), {QStringLiteral("C001")}, {QStringLiteral("name")});
        QVERIFY2(refusedWith(clerk, "42501", "Clerks may only ask for access to a restricted customer"),
            qPrintable(clerk.err));
        const Psql other = submit("cm1", QStringLiteral("reveal"), {QStringLiteral("C006")}, {QStringLiteral("name")});
        QVERIFY2(refusedWith(other, "42501", "C006 is not your customer"), qPrintable(other.err));
        const Psql roster = submit("cm1", QStringLiteral("print"), {}, {}, QStringLiteral("customer_list"));
        QVERIFY2(refusedWith(roster, "42501", "Only the branch manager"), qPrintable(roster.err));
        QCOMPARE(auditSince(seq),
            QStringList({QStringLiteral("k1|access.denied|denied|-|{\"operation\":\"create_request\"}"),
                QStringLiteral("cm1|access.denied|denied|C006|{\"operation\":\"create_request\"}"),
                QStringLiteral("cm1|access.denied|denied|-|{\"operation\":\"create_request\"}")}));
        // bad input: refused, nothing written
        const qint64 before = lastSeq();
        const QStringList c001 {QStringLiteral("C001")};
        const QStringList name {QStringLiteral("name")};
        struct Bad
        {
            Psql result;
            const char* field;
        };
        const QList<Bad> bad {
            {submit("cm1", QStringLiteral("reveal"), c001, name, QString(), QStringLiteral("  ")), "purpose"},
            {submit("cm1", QStringLiteral("reveal"), c001, name, QString(), QStringLiteral("客户 13812345678")),
                "purpose"},
            {submit("cm1", QStringLiteral("reveal"), c001, name, QString(), QStringLiteral("核实"), 73),
                "validity_hours"},
            {submit("cm1", QStringLiteral("reveal"), c001, name, QString(), QStringLiteral("核实"), 0),
                "validity_hours"},
            {submit("cm1", QStringLiteral("reveal"), c001, {QStringLiteral("occupation")}), "fields"},
            {submit("cm1", QStringLiteral("reveal"), c001, {}), "fields"},
            {submit("cm1", QStringLiteral("reveal"), {}, name), "customers"},
            {submit("cm1", QStringLiteral("reveal"), {QStringLiteral("X001")}, name), "customers"},
            {submit("cm1", QStringLiteral("restricted_access"), c001, {}), "customers"},
            {submit("m1", QStringLiteral("print"), {}, {}, QStringLiteral("data_subject")), "customers"},
            {submit("m1", QStringLiteral("export"), c001, {}, QStringLiteral("everything")), "report"},
            {submit("m1", QStringLiteral("everything"), c001, {}), "type"},
        };
        for (const Bad& b : bad)
            QVERIFY2(refusedWith(b.result, "22023", b.field), qPrintable(b.result.err));
        QCOMPARE(lastSeq(), before);
        // at most 20 customers
        QStringList many;
        for (int i = 0; i < 21; ++i)
            many << QStringLiteral("C%1").arg(100 + i);
        QVERIFY(refusedWith(submit("m1", QStringLiteral("reveal"), many, name), "22023", "at most 20"));
        // allowed: the clerk's restricted access, the branch manager's reveal of any customer of the branch
        QVERIFY(filed("k1", QStringLiteral("restricted_access"), {QStringLiteral("C002")}, {}) > 0);
        QVERIFY(filed("m1", QStringLiteral("reveal"), {QStringLiteral("C006"), QStringLiteral("C001")}, name) > 0);
        // roles that file nothing: no EXECUTE at all
        const Psql auditor = submit("au1", QStringLiteral("reveal"), c001, name);
        QVERIFY2(
            refusedWith(auditor, "42501", "permission denied for procedure request_submit"), qPrintable(auditor.err));
    }

    // Nobody decides his or her own request; of two decisions the second is a conflict naming the first decider;
    // only branch managers decide, with a reason.
    void theRequesterDoesNotDecide()
    {
        const qint64 id = filed("m1", QStringLiteral("reveal"), {QStringLiteral("C006")}, {QStringLiteral("name")});
        QVERIFY(id > 0);
        const qint64 seq = lastSeq();
        const Psql own = decide("m1", id, true);
        QVERIFY2(refusedWith(own, "42501", "filed request"), qPrintable(own.err));
        const Psql ownReject = decide("m1", id, false);
        QVERIFY2(refusedWith(ownReject, "42501", "Withdraw it instead"), qPrintable(ownReject.err));
        QCOMPARE(auditSince(seq),
            QStringList({QStringLiteral("m1|access.denied|denied|C006|{\"operation\":\"decide_request\"}"),
                QStringLiteral("m1|access.denied|denied|C006|{\"operation\":\"decide_request\"}")}));
        QCOMPARE(status(id), QStringLiteral("pending"));
        const Psql cm = decide("cm1", id, true);
        QVERIFY2(refusedWith(cm, "42501", "permission denied for procedure request_decide"), qPrintable(cm.err));
        const Psql otherBranch = decide("m9", id, true);
        QVERIFY2(refusedWith(otherBranch, "22023", "no request"), qPrintable(otherBranch.err));
        const Psql noReason = decide("m2", id, false, QStringLiteral(" "));
        QVERIFY2(refusedWith(noReason, "22023", "reason"), qPrintable(noReason.err));
        QCOMPARE(status(id), QStringLiteral("pending"));

        const qint64 before = lastSeq();
        QVERIFY(decide("m2", id, false, QStringLiteral("用途不明确")).ok());
        QCOMPARE(status(id), QStringLiteral("rejected"));
        QCOMPARE(auditSince(before),
            QStringList({QStringLiteral("m2|request.reject|ok|C006|{\"reasonLength\":5,\"requester\":\"m1\","
                                        "\"type\":\"reveal\"}")}));
        const Psql late = decide("m2", id, true);
        QVERIFY2(refusedWith(late, "BV409", "is rejected (decided by m2)"), qPrintable(late.err));
    }

    // The requester withdraws a pending request; nobody else can, and a withdrawn request is not decided.
    void theRequesterWithdraws()
    {
        const qint64 id = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C003")}, {QStringLiteral("name")});
        QVERIFY(id > 0);
        const qint64 seq = lastSeq();
        const Psql other = run(QStringLiteral("CALL branchvault.request_withdraw(%1, 'ws-cm2')").arg(id), "cm2");
        QVERIFY2(refusedWith(other, "42501", "filed by someone else"), qPrintable(other.err));
        QVERIFY(run(QStringLiteral("CALL branchvault.request_withdraw(%1, 'ws-cm1')").arg(id), "cm1").ok());
        QCOMPARE(status(id), QStringLiteral("withdrawn"));
        QCOMPARE(auditSince(seq),
            QStringList({QStringLiteral("cm2|access.denied|denied|C003|{\"operation\":\"create_request\"}"),
                QStringLiteral("cm1|request.withdraw|ok|C003|{\"requester\":\"cm1\",\"type\":\"reveal\"}")}));
        const Psql approve = decide("m1", id, true);
        QVERIFY2(refusedWith(approve, "BV409", "is withdrawn"), qPrintable(approve.err));
        const Psql again = run(QStringLiteral("CALL branchvault.request_withdraw(%1, 'ws-cm1')").arg(id), "cm1");
        QVERIFY2(refusedWith(again, "BV409"), qPrintable(again.err));
    }
};

QTEST_GUILESS_MAIN(TestServerRequests)
#include "tst_serverrequests.moc"
