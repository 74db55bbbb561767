// Audited reads of customer data on the branch server (migrations 11, 20 and 22): the branch manager and customer
// managers read customers, their masked grade-1 values, their accounts and the pending changes only through
// customer_page, customer_open and change_page, which apply the policies' rules and write local mode's audit rows
// (customer.list on a list's first page, customer.open for a card), and only by CALLing read_committed, which commits
// the read's row — or a refusal's access.denied row — before the rows leave. With psql and each staff member's own
// credentials: who reads which customers (the custodian during a custody, the owner after it), who is refused and what
// is recorded, the card's masked content, paging; that a read inside a transaction block, or an attempt released in its
// own transaction, gives nothing and leaves no row; that no staff role calls a read function directly or reads any
// customer table (migration 22 closed the history, the assignments, the pairs and the reservations, and reads a
// customer's history through read_committed). No returned column carries a ciphertext or a blind index.
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
        const QStringList values {
            shapedSealed(QStringLiteral("name"), QStringLiteral("王*"), QStringLiteral("name ") + tag),
            shapedSealed(QStringLiteral("id_type"), QStringLiteral("mainland_id"), QStringLiteral("type ") + tag),
            shapedSealed(
                QStringLiteral("id_number"), QStringLiteral("110101************"), QStringLiteral("id ") + tag),
            shapedSealed(QStringLiteral("mobile"), QStringLiteral("139****0011"), QStringLiteral("mobile ") + tag)};
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
        return run(QStringLiteral("CALL branchvault.change_decide(%1, true, 'documents checked', "
                                  "NULL::branchvault.rekey_input[], 'ws-1', NULL)")
                       .arg(change),
            "m1")
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
        return ServerDatabase::readCall(QStringLiteral("customer_page"),
            QStringLiteral("{\"after\": %1, \"limit\": %2}")
                .arg(after.isNull() ? QStringLiteral("null") : QStringLiteral("\"%1\"").arg(after))
                .arg(limit),
            QStringLiteral("ws-1"));
    }
    static QString changesSql(const QString& after, int limit)
    {
        return ServerDatabase::readCall(QStringLiteral("change_page"),
            QStringLiteral("{\"after\": %1, \"limit\": %2}").arg(after).arg(limit), QStringLiteral("ws-1"));
    }
    // The rows a read returned (its OUT column as psql prints it).
    static QJsonArray rowsOf(const Psql& r) { return QJsonDocument::fromJson(r.out.trimmed().toUtf8()).array(); }
    // One column of a read's rows, comma-separated, or the error in angle brackets.
    static QString columnOf(const Psql& r, const char* column)
    {
        if (!r.ok())
            return QStringLiteral("<%1>").arg(r.err);
        QStringList values;
        for (const QJsonValue& row : rowsOf(r)) {
            const QJsonValue value = row.toObject().value(QLatin1String(column));
            values << (value.isString() ? value.toString() : QString::number(value.toInteger()));
        }
        return values.join(QLatin1Char(','));
    }
    // The customer numbers on `login`'s page, comma-separated, or the error in angle brackets.
    QString page(const char* login, const QString& after = QString(), int limit = 100)
    {
        return columnOf(run(pageSql(after, limit), login), "customer_no");
    }
    QString changes(const char* login, const QString& after = QStringLiteral("null"), int limit = 100)
    {
        return columnOf(run(changesSql(after, limit), login), "id");
    }
    static QString openSql(const QString& number)
    {
        return ServerDatabase::readCall(QStringLiteral("customer_open"),
            QStringLiteral("{\"customer_no\": \"%1\"}").arg(number), QStringLiteral("ws-1"));
    }
    QJsonObject card(const char* login, const QString& number)
    {
        const Psql r = run(openSql(number), login);
        return r.ok() ? rowsOf(r).at(0).toObject() : QJsonObject();
    }
    // An access.denied row as rowsAfter() shows it.
    QString deniedRow(const char* login, const QString& operation, const QString& customer = QString())
    {
        return customer.isEmpty() ? QStringLiteral("%1|access.denied|operation|%2||denied|{\"operation\":\"%2\"}")
                                        .arg(QLatin1String(login), operation)
                                  : QStringLiteral("%1|access.denied|customer|%2|%3|denied|{\"operation\":\"%4\"}")
                                        .arg(QLatin1String(login), idOf(customer), customer, operation);
    }
    static QStringList readFunctions()
    {
        return {QStringLiteral("customer_page(text, integer, text)"), QStringLiteral("customer_open(text, text)"),
            QStringLiteral("change_page(bigint, integer, text)"), QStringLiteral("request_page(boolean, text)"),
            QStringLiteral("reassignment_page(text)"), QStringLiteral("suspicious_page(text)"),
            QStringLiteral("service_page(text, text)"), QStringLiteral("complaint_page(text, text)"),
            QStringLiteral("complaint_overdue(text)"), QStringLiteral("consent_page(text, text)"),
            QStringLiteral("tier_page(text)"), QStringLiteral("customer_history_page(text, text)")};
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
        const QString problem = m_db->setUp(22);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QString b1 = QStringLiteral("B001");
        const std::pair<const char*, const char*> staff[] = {{"m1", "manager"}, {"cm1", "customer_manager"},
            {"cm2", "customer_manager"}, {"k1", "clerk"}, {"a1", "admin"}, {"au1", "auditor"}};
        for (const auto& [login, role] : staff)
            QVERIFY(m_db->addStaff(QLatin1String(login), QLatin1String(role), b1) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("m9"), QStringLiteral("manager"), QStringLiteral("B002")) > 0);
        QVERIFY(m_db->addStaff(QStringLiteral("cm9"), QStringLiteral("customer_manager"), QStringLiteral("B002")) > 0);

        const QString a = submit("cm1", QStringLiteral("r01"), false,
            {shapedAccount(QStringLiteral("6222****0001"), QStringLiteral("acct r01"))});
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
        // the approvals here check no typed values (migration 14's, tested by tst_serverrekey)
        const Psql noRekey
            = run(QStringLiteral("SELECT branchvault.settings_set('approval.rekey_fields', '', 'ws-1')"), "a1");
        QVERIFY2(noRekey.ok(), qPrintable(noRekey.err));
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

    // Paging by customer number, the limit clamped; customer.list on the first page with local mode's object type and
    // details for each role; a later page writes a row of its own (the caller says which page is the first: a cursor
    // before the first customer reads the whole branch).
    void theFirstPageWritesOneListRow()
    {
        const QString next = QStringLiteral("cm1|customer.list|portfolio|||ok|{\"page\":\"next\",\"rows\":%1}");
        QString seq = lastSeq();
        QCOMPARE(page("cm1", QString(), 1), m_a);
        QCOMPARE(
            rowsAfter(seq), QStringLiteral("cm1|customer.list|portfolio|||ok|{\"list\":\"portfolio\",\"rows\":1}"));
        seq = lastSeq();
        QCOMPARE(page("cm1", m_a, 1), m_b);
        QCOMPARE(page("cm1", m_b, 1), QString());
        QCOMPARE(rowsAfter(seq), next.arg(1) + QLatin1Char('\n') + next.arg(0));
        seq = lastSeq();
        QCOMPARE(page("m1", QStringLiteral("0"), 500), QStringList({m_a, m_b, m_c, m_d}).join(QLatin1Char(',')));
        QCOMPARE(rowsAfter(seq), QStringLiteral("m1|customer.list|branch|||ok|{\"page\":\"next\",\"rows\":4}"));
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
        QCOMPARE(rowsAfter(seq), QStringLiteral("m1|customer.list|branch|||ok|{\"page\":\"next\",\"rows\":2}"));
        // another branch's manager reads nothing, and the empty list is recorded
        seq = lastSeq();
        QCOMPARE(page("m9"), QString());
        QCOMPARE(rowsAfter(seq), QStringLiteral("m9|customer.list|branch|||ok|{\"descending\":false,\"sort\":0}"));
    }

    // The page's columns: the masked name, grade 3 columns; no ciphertext or blind index.
    void thePageHoldsMaskedFormsOnly()
    {
        const Psql r = run(pageSql(QString(), 10), "m1");
        QVERIFY2(r.ok(), qPrintable(r.err));
        const QJsonArray rows = rowsOf(r);
        QCOMPARE(rows.size(), 4);
        const QJsonObject first = rows.at(0).toObject();
        QCOMPARE(first.keys(),
            QStringList({QStringLiteral("age_band"), QStringLiteral("created_at"), QStringLiteral("customer_no"),
                QStringLiteral("masked_name"), QStringLiteral("restricted"), QStringLiteral("status"),
                QStringLiteral("tier")}));
        QCOMPARE(first.value(QStringLiteral("customer_no")).toString(), m_a);
        QCOMPARE(first.value(QStringLiteral("masked_name")).toString(), QStringLiteral("王*"));
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(first.value(QStringLiteral("restricted")).toBool(), false);
        QCOMPARE(first.value(QStringLiteral("tier")).toString(), QStringLiteral("regular"));
        const QJsonObject last = rows.at(3).toObject();
        QCOMPARE(last.value(QStringLiteral("customer_no")).toString(), m_d);
        QCOMPARE(last.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(last.value(QStringLiteral("restricted")).toBool(), true);
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
        QCOMPARE(rowsOf(raw).size(), 1);
        const QJsonObject o = rowsOf(raw).at(0).toObject();
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
    // branch's (no such customer there), a number that does not exist. Refused; a customer of the branch out of reach
    // is recorded as local mode records it (access.denied naming the customer, operation view_customer), committed
    // before the refusal reaches the caller; a customer the branch does not have writes nothing.
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
        QCOMPARE(rowsAfter(seq),
            QStringList({deniedRow("cm1", QStringLiteral("view_customer"), m_c),
                            deniedRow("cm1", QStringLiteral("view_customer"), m_d),
                            deniedRow("cm2", QStringLiteral("view_customer"), m_c)})
                .join(QLatin1Char('\n')));
    }

    // A read inside a transaction block fails (the procedure cannot commit there) and gives nothing; its row is rolled
    // back with the block, which is harmless because nothing left. read_attempt gives nothing by itself: its rows are
    // released only to a later transaction of the same session (not its own, not another session's).
    void aReadLeavesOnlyAfterItsRowIsCommitted()
    {
        const QString seq = lastSeq();
        const Psql inBlock = run(QStringLiteral("BEGIN; %1; ROLLBACK").arg(pageSql(QString(), 10)), "m1");
        QVERIFY2(refused(inBlock, "2D000"), qPrintable(inBlock.err));
        QVERIFY2(!inBlock.out.contains(m_a), qPrintable(inBlock.out));
        const Psql sameTransaction
            = run(QStringLiteral("BEGIN; SELECT branchvault.read_attempt('customer_page', '{\"limit\": 10}', 'ws-1'); "
                                 "SELECT count(*) FROM branchvault.read_release(); ROLLBACK"),
                "m1");
        QVERIFY2(sameTransaction.ok(), qPrintable(sameTransaction.err));
        QCOMPARE(sameTransaction.out.trimmed(), QStringLiteral("0"));
        QCOMPARE(rowsAfter(seq), QString());
        // committed by one session, it is not released to the next one (the rows stay parked until cleared)
        const Psql attempt
            = run(QStringLiteral("SELECT branchvault.read_attempt('customer_page', '{\"limit\": 10}', 'ws-1')"), "m1");
        QVERIFY2(attempt.ok(), qPrintable(attempt.err));
        QCOMPARE(rowsAfter(seq), QStringLiteral("m1|customer.list|branch|||ok|{\"descending\":false,\"sort\":0}"));
        const Psql release = run(QStringLiteral("SELECT count(*) FROM branchvault.read_release()"), "m1");
        QVERIFY2(release.ok(), qPrintable(release.err));
        QCOMPARE(release.out.trimmed(), QStringLiteral("0"));
        // no staff role reads the outbox or the table of reads
        for (const QString& table : {QStringLiteral("read_outbox"), QStringLiteral("committed_reads")})
            QVERIFY(refused(run(QStringLiteral("SELECT count(*) FROM branchvault.%1").arg(table), "m1"), "42501"));
        // the next read of any session clears what an ended session left (once the session is gone)
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM branchvault.read_outbox")), QStringLiteral("1"));
        QVERIFY(m_db->waitFor(QStringLiteral("SELECT count(*) FROM branchvault.read_outbox o JOIN pg_stat_activity a "
                                             "ON a.pid = o.backend"),
            QStringLiteral("0")));
        QCOMPARE(page("cm1"), QStringList({m_a, m_b}).join(QLatin1Char(',')));
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM branchvault.read_outbox")), QStringLiteral("0"));
        // a read this server does not have, or arguments that are not an object
        QVERIFY(refused(run(ServerDatabase::readCall(QStringLiteral("audit_log")), "m1"), "22023"));
        QVERIFY(refused(
            run(ServerDatabase::readCall(QStringLiteral("customer_page"), QStringLiteral("[]")), "m1"), "22023"));
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
        // paging by id: a later page writes a row of its own, from any cursor
        seq = lastSeq();
        QCOMPARE(changes("m1", QString::number(m_changeB), 1), QString::number(m_changeD));
        QCOMPARE(changes("m1", QString::number(m_changeD), 1), QString());
        QCOMPARE(changes("m1", QStringLiteral("0")), both);
        const QString next = QStringLiteral("m1|customer.list|changes|||ok|{\"page\":\"next\",\"rows\":%1}");
        QCOMPARE(rowsAfter(seq), QStringList({next.arg(1), next.arg(0), next.arg(2)}).join(QLatin1Char('\n')));
        // the columns: the number, the kind, the maker's login, the masked diff
        const Psql r = run(changesSql(QStringLiteral("null"), 1), "cm1");
        QVERIFY2(r.ok(), qPrintable(r.err));
        QCOMPARE(rowsOf(r).size(), 1);
        const QJsonObject change = rowsOf(r).at(0).toObject();
        QCOMPARE(change.value(QStringLiteral("customer_no")).toString(), m_b);
        QCOMPARE(change.value(QStringLiteral("kind")).toString(), QStringLiteral("create"));
        QCOMPARE(change.value(QStringLiteral("maker_login")).toString(), QStringLiteral("cm1"));
        QVERIFY(change.contains(QStringLiteral("diff_json")) && change.contains(QStringLiteral("rekey_fields")));
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

    // The clerk, the administrator and the auditor read none of the three; each refusal is recorded as local mode
    // records it (access.denied, the operation's key; the customer when the refusal is about one).
    void otherRolesAreRefused()
    {
        const QString seq = lastSeq();
        QStringList expected;
        for (const char* login : {"k1", "a1", "au1"}) {
            for (const QString& sql : {pageSql(QString(), 10), openSql(m_a), changesSql(QStringLiteral("null"), 10)}) {
                const Psql r = run(sql, login);
                QVERIFY2(refused(r, "42501", {QStringLiteral("only an active branch manager or customer manager")}),
                    qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(login), r.err)));
            }
            // refused by their role, as AccessControl::authorize refuses them: the operation only, never the customer
            // (whose existence the row would tell an auditor)
            expected << deniedRow(login, QStringLiteral("list_branch"))
                     << deniedRow(login, QStringLiteral("view_customer"))
                     << deniedRow(login, QStringLiteral("approve_changes"));
        }
        QCOMPARE(rowsAfter(seq), expected.join(QLatin1Char('\n')));
        // no staff role executes a read function itself: every read goes through read_committed, which all may call
        for (const QString& function : readFunctions())
            QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM pg_roles r WHERE r.rolname IN ('bv_manager', "
                                          "'bv_customer_manager', 'bv_clerk', 'bv_admin', 'bv_auditor', 'bv_staff', "
                                          "'%1', '%2') AND has_function_privilege(r.oid, 'branchvault.%3', 'EXECUTE')")
                               .arg(as("m1"), as("cm1"), function)),
                QStringLiteral("0"));
        const QString refusedDirectly
            = m_db->verbose(
                      QStringLiteral("SELECT count(*) FROM branchvault.customer_page(NULL, 10, 'ws-1')"), as("m1"))
                  .err;
        QVERIFY2(refusedDirectly.contains(QLatin1String("42501")), qPrintable(refusedDirectly));
        QCOMPARE(owner(QStringLiteral("SELECT string_agg(r.rolname, ',' ORDER BY r.rolname) FROM pg_roles r WHERE "
                                      "r.rolname IN ('bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin', "
                                      "'bv_auditor', 'bv_staff') AND has_function_privilege(r.oid, "
                                      "'branchvault.read_committed(text, jsonb, text)', 'EXECUTE')")),
            QStringLiteral("bv_admin,bv_auditor,bv_clerk,bv_customer_manager,bv_manager"));
        // a login left in the manager group whose staff role is now a clerk's reads nothing
        QCOMPARE(owner(QStringLiteral("GRANT bv_manager TO %1").arg(as("k1"))), QString());
        const Psql r = run(pageSql(QString(), 10), "k1");
        QCOMPARE(owner(QStringLiteral("REVOKE bv_manager FROM %1").arg(as("k1"))), QString());
        QVERIFY2(refused(r, "42501", {QStringLiteral("only an active branch manager or customer manager")}),
            qPrintable(r.err));
    }

    // No staff role reads a customer table directly (a masked column of sealed_value included): since migration 22
    // neither the history, the assignments, the suspicious pairs nor the number reservations, which were read through
    // their policies without a row.
    void theTablesAreNoLongerReadDirectly()
    {
        QVERIFY(!owner(QStringLiteral("SELECT count(*) FROM branchvault.customer_history WHERE kind = 'create'"))
                     .startsWith(QLatin1Char('0'))); // the approvals wrote history: there is something to refuse
        for (const char* login : {"m1", "cm1", "cm2", "m9", "cm9", "k1", "a1", "au1"}) {
            for (const QString& sql : {QStringLiteral("SELECT count(*) FROM branchvault.customers"),
                     QStringLiteral("SELECT masked FROM branchvault.sealed_value"),
                     QStringLiteral("SELECT count(*) FROM branchvault.accounts"),
                     QStringLiteral("SELECT count(*) FROM branchvault.customer_changes"),
                     QStringLiteral("SELECT count(*) FROM branchvault.customer_history"),
                     QStringLiteral("SELECT count(*) FROM branchvault.customer_assignments"),
                     QStringLiteral("SELECT count(*) FROM branchvault.suspicious_pairs"),
                     QStringLiteral("SELECT count(*) FROM branchvault.customer_number_reservations")}) {
                const Psql r = run(sql, login);
                QVERIFY2(refused(r, "42501", {QStringLiteral("permission denied")}),
                    qPrintable(QStringLiteral("%1: %2: %3").arg(QLatin1String(login), sql, r.out + r.err)));
            }
        }
        QCOMPARE(owner(QStringLiteral("SELECT count(*) FROM information_schema.role_table_grants WHERE table_schema = "
                                      "'branchvault' AND grantee IN ('bv_manager', 'bv_customer_manager', 'bv_clerk', "
                                      "'bv_admin', 'bv_staff') AND table_name NOT IN ('settings', 'remask_pending')")),
            QStringLiteral("0"));
    }

    // A customer's history (migration 22): through read_committed only, for whoever opens the card, oldest first with
    // the masked diff; recorded customer.open {"part":"history"}; out of reach refused with local mode's access.denied
    // row (the customer for a customer manager, the operation for a clerk), another branch's number not found and
    // not recorded.
    void aCustomersHistoryIsReadAndRecorded()
    {
        const auto historySql = [](const QString& number) {
            return ServerDatabase::readCall(QStringLiteral("customer_history"),
                QStringLiteral("{\"customer_no\": \"%1\"}").arg(number), QStringLiteral("ws-1"));
        };
        const QString seq = lastSeq();
        const Psql own = run(historySql(m_a.toLower()), "cm1");
        QVERIFY2(own.ok(), qPrintable(own.err));
        QVERIFY2(carriesNoSecret(own.out), qPrintable(own.out));
        QCOMPARE(rowsOf(own).size(), 1);
        const QJsonObject created = rowsOf(own).at(0).toObject();
        QCOMPARE(created.value(QStringLiteral("kind")).toString(), QStringLiteral("create"));
        QCOMPARE(created.value(QStringLiteral("actor_login")).toString(), QStringLiteral("cm1"));
        QVERIFY(!created.value(QStringLiteral("at")).toString().isEmpty());
        QVERIFY(created.value(QStringLiteral("diff_json")).isArray());
        QCOMPARE(rowsAfter(seq),
            QStringLiteral("cm1|customer.open|customer|%1|%2|ok|{\"part\":\"history\"}").arg(idOf(m_a), m_a));

        const QString before = lastSeq();
        QVERIFY(run(historySql(m_c), "m1").ok());
        QVERIFY(refused(run(historySql(m_c), "cm1"), "42501", {QStringLiteral("is not one of your customers"), m_c}));
        QVERIFY(refused(run(historySql(m_a), "m9"), "P0002", {QStringLiteral("no customer"), m_a}));
        QVERIFY(refused(run(historySql(m_a), "k1"), "42501"));
        QCOMPARE(rowsAfter(before),
            QStringList(
                {QStringLiteral("m1|customer.open|customer|%1|%2|ok|{\"part\":\"history\"}").arg(idOf(m_c), m_c),
                    deniedRow("cm1", QStringLiteral("view_customer"), m_c),
                    deniedRow("k1", QStringLiteral("view_customer"))})
                .join(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestServerReads)
#include "tst_serverreads.moc"
