// Audited reads of customer data on the branch server (migration 11): the branch manager and customer managers read
// customers, their masked grade-1 values, their accounts and the pending changes only through customer_page,
// customer_open and change_page, which apply the policies' rules and write local mode's audit rows (customer.list on
// a list's first page, customer.open for a card). With psql and each staff member's own credentials: who reads which
// customers (the custodian during a custody, the owner after it), who is refused, the audit rows and their details,
// the card's masked content, paging, and that no staff role reads the four tables directly any more while the history
// and the assignments still read through their policies. No returned column carries a ciphertext or a blind index.
#include "tests/server/ServerValues.h"
#include "tests/testsupport/ServerDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace bv::test;

using namespace bv::test::server;

class TestServerReads : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerDatabase> m_db;
    using Psql = ServerDatabase::Psql;
    // the customers: cm1's active one (with an account), cm1's pending one (its create change waits), cm2's active one
    // (given to cm1 in custody by some tests), cm2's restricted pending one
    QString m_a, m_b, m_c, m_d;
    qint64 m_changeB = 0, m_changeD = 0;

    QString as(const char* login) const { return m_db->roleOf(QLatin1String(login)); }
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

    // A record submitted by `login` with a number it reserved: "customer_no|change_id", or "" on failure.
    QString submit(const char* login, const QString& tag, bool restricted, const QStringList& accounts = {})
    {
        const Psql number = run(QStringLiteral("SELECT branchvault.customer_number_reserve('ws-1')"), login);
        if (!number.ok())
            return QString();
        const QStringList values {sealed(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("name ") + tag),
            sealed(QStringLiteral("id_type"), QStringLiteral("mainland_id")),
            sealed(QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("id ") + tag),
            sealed(QStringLiteral("mobile"), QStringLiteral("139****0011"), QStringLiteral("mobile ") + tag)};
        const Psql made
            = run(QStringLiteral("SELECT customer_no || '|' || change_id FROM branchvault.customer_submit('%1', "
                                 "'{\"occupation\": \"teacher\"}'::jsonb, ARRAY[%2]::branchvault.sealed_input[], "
                                 "ARRAY[%3]::branchvault.account_input[], NULL, %4, 'ws-1')")
                      .arg(number.out.trimmed(), values.join(QStringLiteral(", ")), accounts.join(QStringLiteral(", ")),
                          restricted ? QStringLiteral("true") : QStringLiteral("false")),
                login);
        return made.ok() ? made.out.trimmed() : QString();
    }
    bool approve(qint64 change)
    {
        return run(
            QStringLiteral("SELECT branchvault.change_decide(%1, true, 'documents checked', 'ws-1')").arg(change), "m1")
            .ok();
    }
    QString idOf(const QString& number)
    {
        return owner(QStringLiteral("SELECT id FROM branchvault.customers WHERE customer_no = '%1'").arg(number));
    }
    // cm1 holds m_c in custody (until tomorrow), or the custody has lapsed (it ended a minute ago).
    void custody(bool lasting)
    {
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.customers SET custody_manager_id = (SELECT id FROM "
                                      "branchvault.staff WHERE login = 'cm1'), custody_until = now() + "
                                      "interval '%1' WHERE customer_no = '%2'")
                           .arg(lasting ? QStringLiteral("1 day") : QStringLiteral("-1 minute"), m_c)),
            QString());
    }

    QString lastSeq() { return owner(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")); }
    // The audit rows after `seq`: "login|action|object_type|object_id|customer_no|outcome|details" per line.
    QString rowsAfter(const QString& seq)
    {
        return owner(QStringLiteral("SELECT string_agg(login || '|' || action || '|' || object_type || '|' || "
                                    "object_id || '|' || coalesce(customer_no, '') || '|' || outcome || '|' || "
                                    "details, E'\\n' ORDER BY seq) FROM branchvault.audit_log WHERE seq > %1")
                         .arg(seq));
    }

    static QString pageSql(const QString& after, int limit)
    {
        return QStringLiteral("SELECT customer_no FROM branchvault.customer_page(%1, %2, 'ws-1')")
            .arg(after.isNull() ? QStringLiteral("NULL") : QStringLiteral("'%1'").arg(after))
            .arg(limit);
    }
    // The customer numbers on `login`'s page, comma-separated, or the error in angle brackets.
    QString page(const char* login, const QString& after = QString(), int limit = 100)
    {
        const Psql r = run(pageSql(after, limit), login);
        return r.ok() ? r.out.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts).join(QLatin1Char(','))
                      : QStringLiteral("<%1>").arg(r.err);
    }
    QString changes(const char* login, const QString& after = QStringLiteral("NULL"), int limit = 100)
    {
        const Psql r = run(
            QStringLiteral("SELECT id FROM branchvault.change_page(%1, %2, 'ws-1')").arg(after).arg(limit), login);
        return r.ok() ? r.out.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts).join(QLatin1Char(','))
                      : QStringLiteral("<%1>").arg(r.err);
    }
    static QString openSql(const QString& number)
    {
        return QStringLiteral("SELECT row_to_json(o) FROM branchvault.customer_open('%1', 'ws-1') o").arg(number);
    }
    QJsonObject card(const char* login, const QString& number)
    {
        const Psql r = run(openSql(number), login);
        return r.ok() ? QJsonDocument::fromJson(r.out.trimmed().toUtf8()).object() : QJsonObject();
    }
    // Every sealed value's bytes and blind index the server holds, in hex, and the bytes' text form: none may appear
    // in what a read returns.
    QStringList secrets()
    {
        QStringList out
            = owner(QStringLiteral("SELECT string_agg(DISTINCT encode(sealed, 'hex'), ',') || ',' || "
                                   "string_agg(DISTINCT encode(blind, 'hex'), ',') FROM branchvault.sealed_value"))
                  .split(QLatin1Char(','), Qt::SkipEmptyParts);
        out << QStringLiteral("\\x");
        return out;
    }
    bool carriesNoSecret(const QString& text)
    {
        const QStringList all = secrets();
        return all.size() > 2
            && std::none_of(all.cbegin(), all.cend(), [&](const QString& s) { return text.contains(s); });
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(ServerDatabase::environmentProblem().isEmpty(), qPrintable(ServerDatabase::environmentProblem()));
        m_db = std::make_unique<ServerDatabase>(QStringLiteral("reads"));
        const QString problem = m_db->setUp(11);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString b1 = QStringLiteral("B001");
        const std::pair<const char*, const char*> staff[] = {{"m1", "manager"}, {"cm1", "customer_manager"},
            {"cm2", "customer_manager"}, {"k1", "clerk"}, {"a1", "admin"}, {"au1", "auditor"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), b1) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002")) > 0);

        const QString a = submit(
            "cm1", QStringLiteral("r01"), false, {account(QStringLiteral("6222****0001"), QStringLiteral("acct r01"))});
        const QString b = submit("cm1", QStringLiteral("r02"), false);
        const QString c = submit("cm2", QStringLiteral("r03"), false);
        const QString d = submit("cm2", QStringLiteral("r04"), true);
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty() && !d.isEmpty());
        m_a = a.section(QLatin1Char('|'), 0, 0);
        m_b = b.section(QLatin1Char('|'), 0, 0);
        m_c = c.section(QLatin1Char('|'), 0, 0);
        m_d = d.section(QLatin1Char('|'), 0, 0);
        m_changeB = b.section(QLatin1Char('|'), 1).toLongLong();
        m_changeD = d.section(QLatin1Char('|'), 1).toLongLong();
        QVERIFY(approve(a.section(QLatin1Char('|'), 1).toLongLong()));
        QVERIFY(approve(c.section(QLatin1Char('|'), 1).toLongLong()));
        QVERIFY(m_a < m_b && m_b < m_c && m_c < m_d);
    }

    void cleanupTestCase() { m_db.reset(); }

    void init() { custody(false); }

    // Who reads which customers: a customer manager his or her own, and the custodian (not the owner) while a custody
    // lasts; the branch manager the branch's; another branch's staff nothing.
    void eachReadsTheCustomersThePoliciesAllowed()
    {
        QCOMPARE(page("cm1"), QStringList({m_a, m_b}).join(QLatin1Char(',')));
        QCOMPARE(page("cm2"), QStringList({m_c, m_d}).join(QLatin1Char(',')));
        QCOMPARE(page("m1"), QStringList({m_a, m_b, m_c, m_d}).join(QLatin1Char(',')));
        QCOMPARE(page("m9"), QString());
        QCOMPARE(page("cm9"), QString());
        custody(true);
        QCOMPARE(page("cm1"), QStringList({m_a, m_b, m_c}).join(QLatin1Char(',')));
        QCOMPARE(page("cm2"), m_d);
        QCOMPARE(page("m1"), QStringList({m_a, m_b, m_c, m_d}).join(QLatin1Char(',')));
        custody(false);
        QCOMPARE(page("cm1"), QStringList({m_a, m_b}).join(QLatin1Char(',')));
        // a rejected record is no longer held: its customer manager reads it no more, the branch manager does
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.customers SET status = 'rejected' WHERE customer_no = '%1'")
                           .arg(m_b)),
            QString());
        QCOMPARE(page("cm1"), m_a);
        QCOMPARE(page("m1"), QStringList({m_a, m_b, m_c, m_d}).join(QLatin1Char(',')));
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.customers SET status = 'pending' WHERE customer_no = '%1'")
                           .arg(m_b)),
            QString());
    }

    // Paging by customer number, the limit clamped; customer.list on the first page only, with local mode's object
    // type and details for each role.
    void theFirstPageWritesOneListRow()
    {
        QString seq = lastSeq();
        QCOMPARE(page("cm1", QString(), 1), m_a);
        QCOMPARE(
            rowsAfter(seq), QStringLiteral("cm1|customer.list|portfolio|||ok|{\"list\":\"portfolio\",\"rows\":1}"));
        seq = lastSeq();
        QCOMPARE(page("cm1", m_a, 1), m_b);
        QCOMPARE(page("cm1", m_b, 1), QString());
        QCOMPARE(rowsAfter(seq), QString());
        // '' is the first page too; the limit is at least 1 and at most 500
        seq = lastSeq();
        QCOMPARE(page("cm1", QStringLiteral(""), 0), m_a);
        QCOMPARE(
            rowsAfter(seq), QStringLiteral("cm1|customer.list|portfolio|||ok|{\"list\":\"portfolio\",\"rows\":1}"));
        seq = lastSeq();
        QCOMPARE(page("m1", QString(), 100000), QStringList({m_a, m_b, m_c, m_d}).join(QLatin1Char(',')));
        QCOMPARE(rowsAfter(seq), QStringLiteral("m1|customer.list|branch|||ok|{\"descending\":false,\"sort\":0}"));
        seq = lastSeq();
        QCOMPARE(page("m1", m_b, 2), QStringList({m_c, m_d}).join(QLatin1Char(',')));
        QCOMPARE(rowsAfter(seq), QString());
        // another branch's manager reads nothing, and the empty list is recorded
        seq = lastSeq();
        QCOMPARE(page("m9"), QString());
        QCOMPARE(rowsAfter(seq), QStringLiteral("m9|customer.list|branch|||ok|{\"descending\":false,\"sort\":0}"));
    }

    // The page's columns: the masked name, grade 3 columns; no ciphertext or blind index.
    void thePageHoldsMaskedFormsOnly()
    {
        const Psql r = run(QStringLiteral("SELECT * FROM branchvault.customer_page(NULL, 10, 'ws-1')"), "m1");
        QVERIFY2(r.ok(), qPrintable(r.err));
        const QStringList lines = r.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 4);
        const QStringList first = lines.constFirst().split(QLatin1Char('|'));
        QCOMPARE(first.size(), 7);
        QCOMPARE(first.mid(0, 5),
            QStringList({m_a, QStringLiteral("王*"), QStringLiteral("active"), QStringLiteral("f"),
                QStringLiteral("regular")}));
        QVERIFY(lines.at(3).startsWith(m_d + QStringLiteral("|王*|pending|t|")));
        QVERIFY2(carriesNoSecret(r.out), qPrintable(r.out));
    }

    // The card: grade 3 columns, the masked grade-1 values, the grade 2 values held, the accounts with the masked
    // number, the pending change; customer.open with the customer's id and number, details {}.
    void aCardIsMaskedAndRecorded()
    {
        const QString seq = lastSeq();
        const Psql raw = run(openSql(QStringLiteral(" %1 ").arg(m_a.toLower())), "cm1"); // as typed
        QVERIFY2(raw.ok(), qPrintable(raw.err));
        QVERIFY2(carriesNoSecret(raw.out), qPrintable(raw.out));
        const QJsonObject o = QJsonDocument::fromJson(raw.out.trimmed().toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("customer_no")).toString(), m_a);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(o.value(QStringLiteral("branch")).toString(), QStringLiteral("B001"));
        QCOMPARE(o.value(QStringLiteral("restricted")).toBool(), false);
        QCOMPARE(o.value(QStringLiteral("in_custody")).toBool(), false);
        QVERIFY(o.value(QStringLiteral("custody_until")).isNull());
        QCOMPARE(o.value(QStringLiteral("grade_one")).toObject(),
            QJsonObject({{QStringLiteral("name"), QStringLiteral("王*")},
                {QStringLiteral("id_type"), QStringLiteral("mainland_id")},
                {QStringLiteral("id_number"), QStringLiteral("110101************")},
                {QStringLiteral("mobile"), QStringLiteral("139****0011")}}));
        QCOMPARE(o.value(QStringLiteral("grade_two")).toObject(),
            QJsonObject({{QStringLiteral("occupation"), QStringLiteral("teacher")}}));
        const QJsonArray accounts = o.value(QStringLiteral("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        const QJsonObject account = accounts.at(0).toObject();
        QCOMPARE(account.value(QStringLiteral("masked")).toString(), QStringLiteral("6222****0001"));
        QCOMPARE(account.value(QStringLiteral("opened_on")).toString(), QStringLiteral("2020-01-01"));
        QCOMPARE(account.value(QStringLiteral("type")).toString(), QStringLiteral("debit"));
        QCOMPARE(account.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QVERIFY(account.value(QStringLiteral("id")).toInteger() > 0);
        QVERIFY(o.value(QStringLiteral("pending_change_id")).isNull());
        QCOMPARE(rowsAfter(seq), QStringLiteral("cm1|customer.open|customer|%1|%2|ok|{}").arg(idOf(m_a), m_a));

        // the pending record names its change; the branch manager opens it too; a custodian opens the customer in
        // custody and sees until when
        QCOMPARE(card("cm1", m_b).value(QStringLiteral("pending_change_id")).toInteger(), m_changeB);
        QCOMPARE(card("m1", m_d).value(QStringLiteral("restricted")).toBool(), true);
        custody(true);
        const QJsonObject held = card("cm1", m_c);
        QCOMPARE(held.value(QStringLiteral("in_custody")).toBool(), true);
        QVERIFY(!held.value(QStringLiteral("custody_until")).isNull());
    }

    // Out of reach: another customer manager's customer (restricted or not), the owner's during a custody, another
    // branch's (no such customer there), a number that does not exist. Refused, and no row is written (the refusal
    // rolls back: see the migration's head).
    void aCardOutOfReachIsRefused()
    {
        const QString seq = lastSeq();
        QVERIFY(refused(run(openSql(m_c), "cm1"), "42501", {QStringLiteral("is not one of your customers"), m_c}));
        QVERIFY(refused(run(openSql(m_d), "cm1"), "42501", {QStringLiteral("is restricted"), m_d}));
        QVERIFY(refused(run(openSql(m_a), "m9"), "P0002", {QStringLiteral("no customer"), m_a}));
        QVERIFY(refused(run(openSql(m_a), "cm9"), "P0002"));
        QVERIFY(refused(run(openSql(QStringLiteral("B001-99999999")), "m1"), "P0002"));
        custody(true);
        QVERIFY(refused(run(openSql(m_c), "cm2"), "42501", {QStringLiteral("is not one of your customers")}));
        QCOMPARE(rowsAfter(seq), QString());
    }

    // The pending changes: the branch manager the branch's, a customer manager those of his or her customers now;
    // customer.list 'changes' with local mode's details on the first page only.
    void thePendingChangesFollowTheirCustomers()
    {
        const QString both = QStringLiteral("%1,%2").arg(m_changeB).arg(m_changeD);
        QString seq = lastSeq();
        QCOMPARE(changes("m1"), both);
        QCOMPARE(rowsAfter(seq),
            QStringLiteral("m1|customer.list|changes|||ok|{\"list\":\"pending_changes\",\"rows\":2,\"scope\":"
                           "\"branch\"}"));
        seq = lastSeq();
        QCOMPARE(changes("cm1"), QString::number(m_changeB));
        QCOMPARE(rowsAfter(seq),
            QStringLiteral("cm1|customer.list|changes|||ok|{\"list\":\"pending_changes\",\"rows\":1,\"scope\":"
                           "\"own\"}"));
        QCOMPARE(changes("cm2"), QString::number(m_changeD));
        QCOMPARE(changes("m9"), QString());
        QCOMPARE(changes("cm9"), QString());
        // paging by id: a later page writes nothing
        seq = lastSeq();
        QCOMPARE(changes("m1", QString::number(m_changeB), 1), QString::number(m_changeD));
        QCOMPARE(changes("m1", QString::number(m_changeD), 1), QString());
        QCOMPARE(rowsAfter(seq), QString());
        // the columns: the number, the kind, the maker's login, the masked diff
        const Psql r = run(QStringLiteral("SELECT customer_no, kind, maker_login, diff_json FROM "
                                          "branchvault.change_page(NULL, 1, 'ws-1')"),
            "cm1");
        QVERIFY2(r.ok(), qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("%1|create|cm1|").arg(m_b)), qPrintable(r.out));
        QVERIFY2(carriesNoSecret(r.out), qPrintable(r.out));
        // a customer manager whose customer went into custody elsewhere no longer reads its change
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.customers SET custody_manager_id = (SELECT id FROM "
                                      "branchvault.staff WHERE login = 'cm2'), custody_until = now() + "
                                      "interval '1 day' WHERE customer_no = '%1'")
                           .arg(m_b)),
            QString());
        QCOMPARE(changes("cm1"), QString());
        QCOMPARE(changes("cm2"), both);
        QCOMPARE(owner(QStringLiteral("UPDATE branchvault.customers SET custody_manager_id = NULL, custody_until = "
                                      "NULL WHERE customer_no = '%1'")
                           .arg(m_b)),
            QString());
    }

    // The clerk, the administrator and the auditor call none of the three; nothing is written.
    void otherRolesAreRefused()
    {
        const QString seq = lastSeq();
        for (const char* login : {"k1", "a1", "au1"}) {
            for (const QString& sql : {pageSql(QString(), 10), openSql(m_a),
                     QStringLiteral("SELECT * FROM branchvault.change_page(NULL, 10, 'ws-1')")}) {
                const Psql r = run(sql, login);
                QVERIFY2(refused(r, "42501"), qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(login), r.err)));
            }
        }
        QCOMPARE(rowsAfter(seq), QString());
        // only bv_manager and bv_customer_manager may execute them
        QCOMPARE(owner(QStringLiteral("SELECT string_agg(r.rolname, ',' ORDER BY r.rolname) FROM pg_roles r WHERE "
                                      "r.rolname IN ('bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin', "
                                      "'bv_auditor', 'bv_staff') AND has_function_privilege(r.oid, "
                                      "'branchvault.customer_open(text, text)', 'EXECUTE') AND "
                                      "has_function_privilege(r.oid, 'branchvault.customer_page(text, integer, text)', "
                                      "'EXECUTE') AND has_function_privilege(r.oid, "
                                      "'branchvault.change_page(bigint, integer, text)', 'EXECUTE')")),
            QStringLiteral("bv_customer_manager,bv_manager"));
        // a login left in the manager group whose staff role is now a clerk's reads nothing
        QCOMPARE(owner(QStringLiteral("GRANT bv_manager TO %1").arg(as("k1"))), QString());
        const Psql r = run(pageSql(QString(), 10), "k1");
        QCOMPARE(owner(QStringLiteral("REVOKE bv_manager FROM %1").arg(as("k1"))), QString());
        QVERIFY2(refused(r, "42501", {QStringLiteral("only an active branch manager or customer manager")}),
            qPrintable(r.err));
    }

    // No staff role reads the four tables directly any more (a masked column of sealed_value included); the history
    // and the assignments, still read directly, follow their customer as before.
    void theTablesAreNoLongerReadDirectly()
    {
        for (const char* login : {"m1", "cm1", "cm2", "m9", "cm9", "k1", "a1", "au1"}) {
            for (const QString& sql : {QStringLiteral("SELECT count(*) FROM branchvault.customers"),
                     QStringLiteral("SELECT masked FROM branchvault.sealed_value"),
                     QStringLiteral("SELECT count(*) FROM branchvault.accounts"),
                     QStringLiteral("SELECT count(*) FROM branchvault.customer_changes")}) {
                const Psql r = run(sql, login);
                QVERIFY2(refused(r, "42501", {QStringLiteral("permission denied")}),
                    qPrintable(QStringLiteral("%1: %2: %3").arg(QLatin1String(login), sql, r.out + r.err)));
            }
        }
        const QString history = QStringLiteral("SELECT coalesce(string_agg(DISTINCT customer_id::text, ','), '') FROM "
                                               "branchvault.customer_history");
        const QString assignments = QStringLiteral("SELECT coalesce(string_agg(DISTINCT customer_id::text, ','), '') "
                                                   "FROM branchvault.customer_assignments");
        for (const QString& sql : {history, assignments}) {
            const QString all = owner(sql);
            const Psql m1 = run(sql, "m1");
            const Psql cm1 = run(sql, "cm1");
            const Psql m9 = run(sql, "m9");
            QVERIFY2(m1.ok() && cm1.ok() && m9.ok(), qPrintable(m1.err + cm1.err + m9.err));
            QCOMPARE(m1.out.trimmed(), all);
            QCOMPARE(m9.out.trimmed(), QString());
            // cm1 reads rows of his or her own customers only
            for (const QString& id : cm1.out.trimmed().split(QLatin1Char(','), Qt::SkipEmptyParts))
                QVERIFY2(id == idOf(m_a) || id == idOf(m_b), qPrintable(sql + QLatin1Char(' ') + id));
        }
        QVERIFY(!owner(history).isEmpty()); // the approvals wrote history, so the check above read something
    }
};

QTEST_GUILESS_MAIN(TestServerReads)
#include "tst_serverreads.moc"
