// Issue 15, special requests on the branch server (migration 4): with psql and each staff member's own credentials,
// a customer manager files a reveal request, a branch manager who is not the requester approves it, and the customer
// manager gets the sealed bytes of exactly the granted fields of the granted customer, with the audit rows local mode
// writes. A grant stops working when it expires (its times moved into the past by the database's owner), when it is
// revoked, outside its fields and customers, and for anyone but its requester; refusals leave their access.denied
// row. A single-use print grant used by two workstations at once is used once: the second gets BV409 (forced with
// two held psql sessions, the second waiting on the first's row lock).
#include "tests/testsupport/ServerDatabase.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace bv::test;

class TestServerRequests : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    qint64 m_cm1 = 0, m_cm2 = 0;
    QHash<QString, qint64> m_customerIds;
    using Psql = ServerDatabase::Psql;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }

    // One statement as `login` (the owner when null), errors with their SQLSTATE ("ERROR:  42501: ...").
    Psql run(const QString& sql, const char* login = nullptr)
    {
        return ServerDatabase::finish(
            m_db->start({QStringLiteral("-v"), QStringLiteral("VERBOSITY=verbose"), QStringLiteral("-c"), sql},
                login ? as(login) : QString()));
    }

    static QString sqlArray(const QStringList& items)
    {
        QStringList quoted;
        for (const QString& item : items)
            quoted << QStringLiteral("'%1'").arg(item);
        return QStringLiteral("ARRAY[%1]::text[]").arg(quoted.join(QLatin1Char(',')));
    }

    Psql submit(const char* login, const QString& type, const QStringList& customers, const QStringList& fields,
        const QString& report = QString(), const QString& purpose = QStringLiteral("核实客户身份"), int hours = 24)
    {
        return run(QStringLiteral("CALL branchvault.request_submit('%1', %2, %3, '%4', '%5', %6, 'ws-%7', NULL)")
                       .arg(type, sqlArray(customers), sqlArray(fields), report, purpose)
                       .arg(hours)
                       .arg(QLatin1String(login)),
            login);
    }

    // A request filed by `login`; its id (fails the test when refused).
    qint64 filed(const char* login, const QString& type, const QStringList& customers, const QStringList& fields,
        const QString& report = QString())
    {
        const Psql r = submit(login, type, customers, fields, report);
        if (!r.ok())
            qWarning("%s", qPrintable(r.err));
        return r.ok() ? r.out.trimmed().toLongLong() : -1;
    }

    Psql decide(const char* login, qint64 id, bool approve, const QString& reason = QStringLiteral("已核对用途"))
    {
        return run(QStringLiteral("CALL branchvault.request_decide(%1, %2, '%3', 'ws-%4')")
                       .arg(id)
                       .arg(approve ? QStringLiteral("true") : QStringLiteral("false"), reason, QLatin1String(login)),
            login);
    }

    Psql reveal(const char* login, qint64 id, const QString& customer, const QStringList& fields)
    {
        return run(QStringLiteral("CALL branchvault.reveal(%1, '%2', %3, 'ws-%4', NULL, NULL, NULL)")
                       .arg(id)
                       .arg(customer, sqlArray(fields), QLatin1String(login)),
            login);
    }

    qint64 lastSeq()
    {
        return run(QStringLiteral("SELECT last_seq FROM branchvault.audit_head")).out.trimmed().toLongLong();
    }

    // The audit rows after `seq`, read by the auditor: "login|action|outcome|customer|details".
    QStringList auditSince(qint64 seq)
    {
        const Psql r = run(QStringLiteral("SELECT login || '|' || action || '|' || outcome || '|' || "
                                          "coalesce(customer_no, '-') || '|' || details FROM branchvault.audit_log "
                                          "WHERE seq > %1 ORDER BY seq")
                               .arg(seq),
            "au1");
        return r.ok() ? r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList {r.err};
    }

    static bool refusedWith(const Psql& r, const char* sqlState, const char* text = nullptr)
    {
        return !r.ok() && r.err.contains(QStringLiteral("ERROR:  %1:").arg(QLatin1String(sqlState)))
            && (!text || r.err.contains(QString::fromUtf8(text)));
    }

    // Moves a grant's validity into the past (as the database's owner): it ended an hour ago.
    void expire(qint64 id)
    {
        const Psql r = run(QStringLiteral("UPDATE branchvault.requests SET valid_from = valid_from - interval "
                                          "'4 days', valid_until = now() - interval '1 hour' WHERE id = %1")
                               .arg(id));
        QVERIFY2(r.ok(), qPrintable(r.err));
    }

    void addCustomer(const QString& number, const QString& branch, qint64 manager, bool restricted = false)
    {
        const Psql r = run(QStringLiteral("INSERT INTO branchvault.customers (customer_no, branch, status, manager_id, "
                                          "restricted) VALUES ('%1', '%2', 'active', %3, %4) RETURNING id")
                               .arg(number, branch)
                               .arg(manager)
                               .arg(restricted ? QStringLiteral("true") : QStringLiteral("false")));
        QVERIFY2(r.ok(), qPrintable(r.err));
        m_customerIds.insert(number, r.out.trimmed().toLongLong());
    }

    // A sealed value: its bytes are 0xaa, the customer's id and a tag, so that each field's bytes differ.
    void addSealed(const QString& number, const char* kind, qint64 owner, const char* field, int tag)
    {
        const qint64 customer = m_customerIds.value(number);
        const Psql r = run(QStringLiteral("INSERT INTO branchvault.sealed_value (owner_kind, owner_id, customer_id, "
                                          "field, generation, sealed, masked) VALUES ('%1', %2, %3, '%4', 2, "
                                          "'\\xaa%5%6'::bytea, '***')")
                               .arg(QLatin1String(kind))
                               .arg(owner > 0 ? owner : customer)
                               .arg(customer)
                               .arg(QLatin1String(field))
                               .arg(customer, 2, 16, QLatin1Char('0'))
                               .arg(tag, 2, 16, QLatin1Char('0')));
        QVERIFY2(r.ok(), qPrintable(r.err));
    }

    QString sealedOf(const QString& number, int tag) const
    {
        return QStringLiteral("\\\\xaa%1%2")
            .arg(m_customerIds.value(number), 2, 16, QLatin1Char('0'))
            .arg(tag, 2, 16, QLatin1Char('0'));
    }

    QString status(qint64 id)
    {
        return run(QStringLiteral("SELECT status FROM branchvault.requests WHERE id = %1").arg(id)).out.trimmed();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("requests"));
        const QString problem = m_db->setUp(4);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString branch = QStringLiteral("B001");
        QVERIFY(m_db->addStaff(QStringLiteral("m1"), QStringLiteral("manager"), branch) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m2"), QStringLiteral("manager"), branch) > 0);
        m_cm1 = m_db->addStaff(QStringLiteral("cm1"), QStringLiteral("customer_manager"), branch);
        m_cm2 = m_db->addStaff(QStringLiteral("cm2"), QStringLiteral("customer_manager"), branch);
        QVERIFY(m_db->addStaff(QStringLiteral("k1"), QStringLiteral("clerk"), branch) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("au1"), QStringLiteral("auditor"), branch) > 0);
        const qint64 cm9
            = m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002"));
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_cm1 > 0 && m_cm2 > 0 && cm9 > 0);

        addCustomer(QStringLiteral("C001"), branch, m_cm1);
        addCustomer(QStringLiteral("C002"), branch, m_cm1, true); // restricted (重点保密)
        addCustomer(QStringLiteral("C003"), branch, m_cm1);
        addCustomer(QStringLiteral("C006"), branch, m_cm2);
        addCustomer(QStringLiteral("X001"), QStringLiteral("B002"), cm9);
        addSealed(QStringLiteral("C001"), "customer", 0, "name", 1);
        addSealed(QStringLiteral("C001"), "customer", 0, "id_number", 2);
        addSealed(QStringLiteral("C001"), "customer", 0, "mobile", 3);
        addSealed(QStringLiteral("C001"), "account", 901, "account_number", 4);
        addSealed(QStringLiteral("C003"), "customer", 0, "name", 1);
        addSealed(QStringLiteral("C006"), "customer", 0, "name", 1);
        // the restricted customer's name and ID number with their blind indexes, for the clerk's lookup
        const Psql blinds = run(QStringLiteral(
            "INSERT INTO branchvault.sealed_value (owner_kind, owner_id, customer_id, field, generation, sealed, "
            "masked, blind_domain, blind) SELECT 'customer', id, id, f, 1, '\\x00'::bytea, m, d, convert_to(d || "
            "customer_no, 'UTF8') FROM branchvault.customers, (VALUES ('name', '钱*', 'name'), ('id_number', "
            "'1101**********4321', 'id')) AS v (f, m, d) WHERE customer_no = 'C002'"));
        QVERIFY2(blinds.ok(), qPrintable(blinds.err));
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

QTEST_GUILESS_MAIN(TestServerRequests)
#include "tst_serverrequests.moc"
