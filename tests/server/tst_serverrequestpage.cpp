// The audited list of special requests on the branch server (migration 13): staff read requests only through
// request_page, which applies migration 4's rule (the branch manager the branch's, a customer manager or a clerk his
// or her own) and writes local mode's request.list row. With psql and each staff member's own credentials: who sees
// which requests (not another branch's), the state of each (expired computed, used, withdrawn, rejected, revoked),
// the open filter, the logins and customer numbers, the columns the workstation reads, the audit row's details, the
// refusal of the administrator and the auditor, and that no staff role reads the two tables directly any more.
#include "tests/server/ServerRequestsFixture.h"

#include <QTest>

using namespace bv::test;

class TestServerRequestPage : public QObject, private ServerRequestsFixture
{
    Q_OBJECT
private:
    // the requests, filed in this order (ids ascending)
    qint64 m_pending = 0, m_approved = 0, m_expired = 0, m_rejected = 0, m_revoked = 0, m_withdrawn = 0, m_used = 0,
           m_clerk = 0, m_managers = 0, m_other = 0;

    static QString pageSql(bool onlyOpen, const QString& columns = QStringLiteral("id"))
    {
        return QStringLiteral("SELECT %1 FROM branchvault.request_page(%2, 'ws-page')")
            .arg(columns, onlyOpen ? QStringLiteral("true") : QStringLiteral("false"));
    }
    // The ids `login` lists, comma-separated, or the error in angle brackets.
    QString ids(const char* login, bool onlyOpen = false)
    {
        const Psql r = run(pageSql(onlyOpen), login);
        return r.ok() ? r.out.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts).join(QLatin1Char(','))
                      : QStringLiteral("<%1>").arg(r.err);
    }
    static QString list(std::initializer_list<qint64> items)
    {
        QStringList out;
        for (qint64 id : items)
            out << QString::number(id);
        return out.join(QLatin1Char(','));
    }
    // One request's row as `login` reads it: the chosen columns, '|'-separated.
    QString row(const char* login, qint64 id, const QString& columns)
    {
        const Psql r = run(QStringLiteral("SELECT %1 FROM branchvault.request_page(false, 'ws-page') WHERE id = %2")
                               .arg(columns)
                               .arg(id),
            login);
        return r.ok() ? r.out.trimmed() : QStringLiteral("<%1>").arg(r.err);
    }
    QString owner(const QString& sql)
    {
        const Psql r = run(sql);
        return r.ok() ? r.out.trimmed() : QStringLiteral("<failed: %1>").arg(r.err);
    }
    qint64 seqNow() { return owner(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong(); }
    // The audit rows after `seq`: "workstation|login|action|object_type|object_id|customer_no|outcome|details" per
    // line.
    QString rowsAfter(qint64 seq)
    {
        return owner(QStringLiteral("SELECT string_agg(workstation || '|' || login || '|' || action || '|' || "
                                    "object_type || '|' || object_id || '|' || coalesce(customer_no, '-') || '|' || "
                                    "outcome || '|' || details, E'\\n' ORDER BY seq) FROM branchvault.audit_log "
                                    "WHERE seq > %1")
                         .arg(seq));
    }
    static QString listRow(const char* login, bool onlyOpen, int rows, const char* scope)
    {
        return QStringLiteral("ws-page|%1|request.list|request||-|ok|{\"onlyOpen\":%2,\"rows\":%3,\"scope\":\"%4\"}")
            .arg(QLatin1String(login), onlyOpen ? QStringLiteral("true") : QStringLiteral("false"))
            .arg(rows)
            .arg(QLatin1String(scope));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        // the fixture's branch needs migration 4's short sealed values, which migration 12 refuses: its staff and
        // customers only, here
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("requestpage"));
        const QString problem = m_db->setUp(13);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString b1 = QStringLiteral("B001");
        const std::pair<const char*, const char*> staff[]
            = {{"m1", "manager"}, {"m2", "manager"}, {"cm1", "customer_manager"}, {"cm2", "customer_manager"},
                {"k1", "clerk"}, {"k2", "clerk"}, {"a1", "admin"}, {"au1", "auditor"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), b1) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        const qint64 cm9
            = m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002"));
        QVERIFY(cm9 > 0);
        // names that are not the logins: the list gives the logins
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.staff SET display_name = 'Name of ' || login")), QString());
        m_cm1 = owner(QStringLiteral("SELECT id FROM branchvault.staff WHERE login = 'cm1'")).toLongLong();
        m_cm2 = owner(QStringLiteral("SELECT id FROM branchvault.staff WHERE login = 'cm2'")).toLongLong();
        addCustomer(QStringLiteral("C001"), b1, m_cm1);
        addCustomer(QStringLiteral("C002"), b1, m_cm1, true); // restricted (重点保密)
        addCustomer(QStringLiteral("C003"), b1, m_cm1);
        addCustomer(QStringLiteral("C006"), b1, m_cm2);
        addCustomer(QStringLiteral("X001"), QStringLiteral("B002"), cm9);
        addCustomer(QStringLiteral("A001"), b1, m_cm1); // a later id with an earlier number

        const QStringList name {QStringLiteral("name")};
        // filed as typed, in this order: the list gives the numbers in order (neither as filed nor by customer id)
        m_pending = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C003"), QStringLiteral("a001")},
            {QStringLiteral("name"), QStringLiteral("mobile")});
        m_approved = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C001")}, name);
        m_expired = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C003")}, name);
        m_rejected = filed("cm2", QStringLiteral("reveal"), {QStringLiteral("C006")}, name);
        m_revoked = filed("cm2", QStringLiteral("reveal"), {QStringLiteral("C006")}, name);
        m_withdrawn = filed("cm1", QStringLiteral("reveal"), {QStringLiteral("C001")}, name);
        m_used = filed("cm1", QStringLiteral("export"), {QStringLiteral("C001")}, {}, QStringLiteral("data_subject"));
        m_clerk = filed("k1", QStringLiteral("restricted_access"), {QStringLiteral("C002")}, {});
        m_managers = filed("m2", QStringLiteral("export"), {}, {}, QStringLiteral("customer_list"));
        m_other = filed("cm9", QStringLiteral("reveal"), {QStringLiteral("X001")}, name);
        for (qint64 id : {m_pending, m_approved, m_expired, m_rejected, m_revoked, m_withdrawn, m_used, m_clerk,
                 m_managers, m_other})
            QVERIFY(id > 0);
        QVERIFY(decide("m1", m_approved, true).ok());
        QVERIFY(decide("m2", m_expired, true).ok());
        expire(m_expired);
        QVERIFY(decide("m1", m_rejected, false, QStringLiteral("用途不明")).ok());
        QVERIFY(decide("m1", m_revoked, true).ok());
        const Psql revoked
            = run(QStringLiteral("CALL branchvault.request_revoke(%1, '客户已办结', 'ws-m2')").arg(m_revoked), "m2");
        QVERIFY2(revoked.ok(), qPrintable(revoked.err));
        const Psql withdrawn
            = run(QStringLiteral("CALL branchvault.request_withdraw(%1, 'ws-cm1')").arg(m_withdrawn), "cm1");
        QVERIFY2(withdrawn.ok(), qPrintable(withdrawn.err));
        QVERIFY(decide("m1", m_used, true).ok());
        const Psql used = run(QStringLiteral("CALL branchvault.grant_use(%1, 'export', 'data_subject', 'C001', "
                                             "'S-0001', 'ws-cm1', NULL, NULL, NULL)")
                                  .arg(m_used),
            "cm1");
        QVERIFY2(used.ok(), qPrintable(used.err));
        QCOMPARE(status(m_used), QStringLiteral("used"));
    }

    void cleanupTestCase() { m_db.reset(); }

    // The columns, in the order the workstation (ServerCustomers::requests, the GUI) reads them.
    void theColumnsAreTheInterface()
    {
        QCOMPARE(owner(QStringLiteral("SELECT pg_get_function_result('branchvault.request_page(boolean, text)'"
                                      "::regprocedure)")),
            QStringLiteral("TABLE(id bigint, type text, state text, requester_login text, customer_nos text[], fields "
                           "text[], report text, purpose text, validity_hours integer, created_at timestamp with time "
                           "zone, decided_by_login text, decided_at timestamp with time zone, decision_reason text, "
                           "valid_from timestamp with time zone, valid_until timestamp with time zone, used_at "
                           "timestamp with time zone, revoked_by_login text, revoked_at timestamp with time zone, "
                           "revoke_reason text)"));
    }

    // The branch manager reads every request of the branch (the other manager's too), not another branch's; a
    // customer manager or a clerk his or her own; by id.
    void eachSeesWhatTheRuleAllows()
    {
        const QString branch
            = list({m_pending, m_approved, m_expired, m_rejected, m_revoked, m_withdrawn, m_used, m_clerk, m_managers});
        QCOMPARE(ids("m1"), branch);
        QCOMPARE(ids("m2"), branch);
        QCOMPARE(ids("cm1"), list({m_pending, m_approved, m_expired, m_withdrawn, m_used}));
        QCOMPARE(ids("cm2"), list({m_rejected, m_revoked}));
        QCOMPARE(ids("k1"), list({m_clerk}));
        QCOMPARE(ids("k2"), QString());
        QCOMPARE(ids("m9"), list({m_other}));
        QCOMPARE(ids("cm9"), list({m_other}));
    }

    // Each request's state now: expired computed for an approved grant past its validity.
    void theStateIsTheStateNow()
    {
        const std::pair<qint64, const char*> states[] = {{m_pending, "pending"}, {m_approved, "approved"},
            {m_expired, "expired"}, {m_rejected, "rejected"}, {m_revoked, "revoked"}, {m_withdrawn, "withdrawn"},
            {m_used, "used"}, {m_clerk, "pending"}, {m_managers, "pending"}};
        for (const auto& [id, state] : states)
            QCOMPARE(row("m1", id, QStringLiteral("type || '|' || state")).section(QLatin1Char('|'), 1),
                QLatin1String(state));
        QCOMPARE(row("m1", m_clerk, QStringLiteral("type")), QStringLiteral("restricted_access"));
    }

    // Open: pending, and approved while valid; not expired, rejected, revoked, withdrawn or used.
    void onlyOpenKeepsPendingAndLiveGrants()
    {
        QCOMPARE(ids("cm1", true), list({m_pending, m_approved}));
        QCOMPARE(ids("m1", true), list({m_pending, m_approved, m_clerk, m_managers}));
        QCOMPARE(ids("cm2", true), QString());
        QCOMPARE(ids("k1", true), list({m_clerk}));
        QCOMPARE(ids("m9", true), list({m_other}));
    }

    // The columns of a row: logins (not names, not login roles), the customer numbers in order, the scope, the
    // decision, the validity, the use and the revocation.
    void aRowSaysWhoAskedForWhatAndWhoDecided()
    {
        QCOMPARE(row("cm1", m_pending,
                     QStringLiteral("requester_login, customer_nos, fields, report, purpose, validity_hours, "
                                    "created_at <= now(), decided_by_login IS NULL, decided_at IS NULL, "
                                    "valid_from IS NULL, used_at IS NULL, revoked_by_login IS NULL")),
            QStringLiteral("cm1|{A001,C003}|{name,mobile}||核实客户身份|24|t|t|t|t|t|t"));
        QCOMPARE(row("m1", m_approved,
                     QStringLiteral("requester_login, decided_by_login, decision_reason, valid_from = decided_at, "
                                    "valid_until - valid_from, revoked_at IS NULL")),
            QStringLiteral("cm1|m1|已核对用途|t|1 day|t"));
        QCOMPARE(row("cm2", m_rejected,
                     QStringLiteral("decided_by_login, decision_reason, valid_from IS NULL, valid_until IS NULL")),
            QStringLiteral("m1|用途不明|t|t"));
        QCOMPARE(row("m2", m_revoked,
                     QStringLiteral("requester_login, decided_by_login, revoked_by_login, revoke_reason, "
                                    "revoked_at >= decided_at")),
            QStringLiteral("cm2|m1|m2|客户已办结|t"));
        QCOMPARE(row("cm1", m_used, QStringLiteral("type, report, customer_nos, fields, used_at >= decided_at")),
            QStringLiteral("export|data_subject|{C001}|{}|t"));
        QCOMPARE(row("m1", m_managers, QStringLiteral("requester_login, report, customer_nos")),
            QStringLiteral("m2|customer_list|{}"));
        QCOMPARE(row("k1", m_clerk, QStringLiteral("requester_login, customer_nos, fields")),
            QStringLiteral("k1|{C002}|{}"));
        QCOMPARE(row("m1", m_expired, QStringLiteral("decided_by_login, valid_until < now()")), QStringLiteral("m2|t"));
    }

    // One request.list row per call, with local mode's details (keys sorted, compact), also for an empty list.
    void everyListWritesOneRow()
    {
        qint64 seq = seqNow();
        QCOMPARE(ids("cm1"), list({m_pending, m_approved, m_expired, m_withdrawn, m_used}));
        QCOMPARE(rowsAfter(seq), listRow("cm1", false, 5, "own"));
        seq = seqNow();
        QCOMPARE(ids("m1", true), list({m_pending, m_approved, m_clerk, m_managers}));
        QCOMPARE(rowsAfter(seq), listRow("m1", true, 4, "all"));
        seq = seqNow();
        QCOMPARE(ids("k2", true), QString());
        QCOMPARE(rowsAfter(seq), listRow("k2", true, 0, "own"));
        seq = seqNow();
        QCOMPARE(ids("k1"), list({m_clerk}));
        QCOMPARE(rowsAfter(seq), listRow("k1", false, 1, "own"));
        // NULL counts as false
        seq = seqNow();
        const Psql r = run(QStringLiteral("SELECT count(*) FROM branchvault.request_page(NULL, 'ws-page')"), "m9");
        QCOMPARE(r.out.trimmed(), QStringLiteral("1"));
        QCOMPARE(rowsAfter(seq), listRow("m9", false, 1, "all"));
    }

    // The administrator and the auditor list nothing, and no row is written; only the three groups may execute it,
    // and a login left in the managers' group whose staff role is the auditor's is refused inside.
    void otherRolesAreRefused()
    {
        const qint64 seq = seqNow();
        for (const char* login : {"a1", "au1"}) {
            const Psql r = run(pageSql(false), login);
            QVERIFY2(refusedWith(r, "42501"), qPrintable(QLatin1String(login) + r.err));
        }
        QCOMPARE(rowsAfter(seq), QString());
        QCOMPARE(owner(QStringLiteral("SELECT string_agg(r.rolname, ',' ORDER BY r.rolname) FROM pg_roles r WHERE "
                                      "r.rolname IN ('bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin', "
                                      "'bv_auditor', 'bv_staff') AND has_function_privilege(r.oid, "
                                      "'branchvault.request_page(boolean, text)', 'EXECUTE')")),
            QStringLiteral("bv_clerk,bv_customer_manager,bv_manager"));
        QCOMPARE(owner(QStringLiteral("GRANT bv_manager TO %1").arg(as("au1"))), QString());
        const Psql r = run(pageSql(false), "au1");
        QCOMPARE(owner(QStringLiteral("REVOKE bv_manager FROM %1").arg(as("au1"))), QString());
        QVERIFY2(refusedWith(r, "42501",
                     "only an active branch manager, customer manager or clerk lists special "
                     "requests"),
            qPrintable(r.err));
        QCOMPARE(rowsAfter(seq), QString());
    }

    // No staff role reads the two tables directly any more.
    void theTablesAreNoLongerReadDirectly()
    {
        for (const char* login : {"m1", "m2", "cm1", "cm2", "k1", "m9", "cm9", "a1", "au1"}) {
            for (const QString& sql : {QStringLiteral("SELECT count(*) FROM branchvault.requests"),
                     QStringLiteral("SELECT count(*) FROM branchvault.request_customers")}) {
                const Psql r = run(sql, login);
                QVERIFY2(refusedWith(r, "42501", "permission denied"),
                    qPrintable(QStringLiteral("%1: %2: %3").arg(QLatin1String(login), sql, r.out + r.err)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestServerRequestPage)
#include "tst_serverrequestpage.moc"
