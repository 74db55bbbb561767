// Ownership over the branch server through the core (ServerOwnership; DESIGN §6 "Ownership", docs/SERVER.md "Customer
// work over the server"): on a branch server set up through the core (ServerBranch), the branch manager assigns,
// transfers, gives into custody until a date, takes back from custody and reclaims customers a customer manager
// entered, each with its assignment row and its customer.assign audit row (staff logins, never the reason); a customer
// manager and a clerk are refused; the customers of a frozen customer manager appear on the reassignment list, whose
// read is recorded; and a reassignment racing another session's change of the same customer leaves the loser a
// Conflict.
//
// Grade-1 values never reach the test's output.
#include "core/customers/rules/WorkingCalendar.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerOwnership.h"
#include "tests/server/ServerBranch.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/server/ServerAssignDialog.h"
#include "ui/server/ServerCustomersPage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>

#include <QElapsedTimer>
#include <QTest>
#include <QThread>

#include <thread>

using namespace bv;
using namespace bv::test;

class TestServerOwnership : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerBranch> m_branch;
    int m_seed = 40;

    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    ServerOwnership as(const char* login) { return ServerOwnership(m_branch->session(QLatin1String(login))); }

    // A customer `login` enters, approved by m1: its number ("" and a failed test when something failed).
    QString approvedCustomer(const char* login)
    {
        const CustomerInput input = customerInput(++m_seed);
        auto receipt = ServerCustomers(m_branch->session(QLatin1String(login))).enter(input);
        if (!receipt.ok()) {
            qWarning("enter: %s", qPrintable(receipt.error().message));
            return QString();
        }
        const RekeyedValues typed {{QStringLiteral("id_number"), {input.values.value(QStringLiteral("id_number"))}}};
        const Status decided = ServerCustomers(m_branch->session(QStringLiteral("m1")))
                                   .decide(receipt->changeId, true, QStringLiteral("核对证件一致"), typed);
        if (!decided.ok()) {
            qWarning("approve: %s", qPrintable(decided.error().message));
            return QString();
        }
        return receipt->customerNumber;
    }

    // Who holds the customer now: "owner|custodian" (the custodian empty when none).
    QString holders(const QString& number) const
    {
        return sql(QStringLiteral("SELECT coalesce(o.login, '') || '|' || coalesce(k.login, '') FROM "
                                  "branchvault.customers c LEFT JOIN branchvault.staff o ON o.id = c.manager_id "
                                  "LEFT JOIN branchvault.staff k ON k.id = c.custody_manager_id WHERE c.customer_no = "
                                  "'%1'")
                       .arg(number));
    }
    // The customer's assignment rows, oldest first: "kind:from>to:by:reason[:until]".
    QString assignments(const QString& number) const
    {
        return sql(QStringLiteral(
            "SELECT string_agg(a.kind || ':' || coalesce(f.login, '') || '>' || coalesce(t.login, '') || ':' || "
            "b.login || ':' || coalesce(a.reason, '') || CASE WHEN a.until IS NULL THEN '' ELSE ':' || "
            "to_char(a.until AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') END, ',' ORDER BY a.id) FROM "
            "branchvault.customer_assignments a JOIN branchvault.customers c ON c.id = a.customer_id LEFT JOIN "
            "branchvault.staff f ON f.id = a.from_id LEFT JOIN branchvault.staff t ON t.id = a.to_id JOIN "
            "branchvault.staff b ON b.id = a.by_id WHERE c.customer_no = '%1'")
                       .arg(number));
    }
    // The customer.assign audit rows of the customer after `seq`: "login|outcome|details".
    QString assignAudit(const QString& number, qint64 seq) const
    {
        return sql(QStringLiteral("SELECT string_agg(login || '|' || outcome || '|' || details, E'\\n' ORDER BY seq) "
                                  "FROM branchvault.audit_log WHERE action = 'customer.assign' AND customer_no = '%1' "
                                  "AND seq > %2")
                       .arg(number)
                       .arg(seq));
    }
    qint64 lastSeq() const { return sql(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong(); }

    // Runs `statement` as `login` (psql with the account's own credentials) in a transaction that holds on for
    // `seconds` after it, on another thread; returns once the transaction holds its locks. join() the thread.
    std::thread holding(const char* login, const QString& statement, int seconds, QString* output)
    {
        // derives the server password here, on the test's thread
        m_branch->sqlAs(QLatin1String(login), QStringLiteral("SELECT 1"));
        const QString marker = QStringLiteral("pg_sleep(%1.25)").arg(seconds);
        std::thread thread([this, login, statement, marker, output] {
            *output = m_branch->sqlAs(
                QLatin1String(login), QStringLiteral("BEGIN; %1; SELECT %2; COMMIT").arg(statement, marker));
        });
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 10000
            && sql(QStringLiteral("SELECT count(*) FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid WHERE "
                                  "a.query LIKE '%%%1%%' AND l.locktype = 'transactionid' AND a.pid <> "
                                  "pg_backend_pid()")
                       .arg(marker))
                == QLatin1String("0"))
            QThread::msleep(50);
        return thread;
    }

private slots:
    void initTestCase()
    {
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("ownership"));
        const QString failed = m_branch->setUp();
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const QList<std::pair<QString, Role>> staff {{QStringLiteral("m1"), Role::Manager},
            {QStringLiteral("m2"), Role::Manager}, {QStringLiteral("c1"), Role::CustomerManager},
            {QStringLiteral("c2"), Role::CustomerManager}, {QStringLiteral("c3"), Role::CustomerManager},
            {QStringLiteral("k1"), Role::Clerk}};
        for (const auto& [login, role] : staff) {
            const QString added = m_branch->addStaff(login, role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
    }

    void cleanupTestCase() { m_branch.reset(); }

    // The branch manager's choice of customer managers: the active ones of the branch; nobody else reads it.
    void theBranchManagerListsTheActiveCustomerManagers()
    {
        auto logins = as("m1").customerManagers();
        BV_VERIFY_OK(logins);
        QVERIFY2(logins->contains(QStringLiteral("c1")) && logins->contains(QStringLiteral("c2"))
                && !logins->contains(QStringLiteral("m1")) && !logins->contains(QStringLiteral("k1")),
            qPrintable(logins->join(QLatin1Char(','))));
        BV_COMPARE_CODE(as("c1").customerManagers(), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(as("k1").customerManagers(), ErrorCode::PermissionDenied);
    }

    // Transfer, custody with an end date, its early return and a reclaim, each recorded twice: the assignment row
    // (with the reason) and the audit row (logins only).
    void theBranchManagerMovesACustomerAndEachMoveIsRecorded()
    {
        const QString number = approvedCustomer("c1");
        QVERIFY(!number.isEmpty());
        QCOMPARE(holders(number), QStringLiteral("c1|"));
        const qint64 seq = lastSeq();
        ServerOwnership m1 = as("m1");

        BV_VERIFY_OK(m1.transfer(number, QStringLiteral("c2"), QStringLiteral("staff change")));
        QCOMPARE(holders(number), QStringLiteral("c2|"));

        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
        const QDate until = today.addDays(7);
        BV_VERIFY_OK(m1.custody(number, QStringLiteral("c3"), until, QStringLiteral("leave")));
        QCOMPARE(holders(number), QStringLiteral("c2|c3"));
        // the custody lasts through the end of its last day, branch time (UTC+8): 16:00 UTC that day
        QCOMPARE(sql(QStringLiteral("SELECT to_char(custody_until AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') FROM "
                                    "branchvault.customers WHERE customer_no = '%1'")
                         .arg(number)),
            until.toString(Qt::ISODate) + QStringLiteral(" 16:00"));
        // the custodian reads the customer now, the owner does not
        BV_VERIFY_OK(ServerCustomers(m_branch->session(QStringLiteral("c3"))).open(number));
        BV_COMPARE_CODE(
            ServerCustomers(m_branch->session(QStringLiteral("c2"))).open(number), ErrorCode::PermissionDenied);

        BV_VERIFY_OK(m1.endCustody(number));
        QCOMPARE(holders(number), QStringLiteral("c2|"));
        // returning again: nothing in custody
        BV_COMPARE_CODE(m1.endCustody(number), ErrorCode::Conflict);

        BV_VERIFY_OK(m1.reclaim(number, QStringLiteral("c1"), QStringLiteral("customer's wish")));
        QCOMPARE(holders(number), QStringLiteral("c1|"));

        QCOMPARE(assignments(number),
            QStringLiteral("transfer:c1>c2:m1:staff change,custody:c2>c3:m1:leave:%1 16:00,return:c3>c2:m1:,"
                           "reclaim:c2>c1:m1:customer's wish")
                .arg(until.toString(Qt::ISODate)));
        const QStringList audit = assignAudit(number, seq).split(QLatin1Char('\n'));
        QCOMPARE(audit.size(), 4);
        QVERIFY2(audit.at(0).startsWith(QLatin1String("m1|ok|"))
                && audit.at(0).contains(QLatin1String("\"kind\": \"transfer\""))
                && audit.at(0).contains(QLatin1String("\"from\": \"c1\""))
                && audit.at(0).contains(QLatin1String("\"to\": \"c2\"")),
            qPrintable(audit.at(0)));
        QVERIFY2(audit.at(1).contains(QLatin1String("\"kind\": \"custody\""))
                && audit.at(1).contains(
                    QStringLiteral("\"until\": \"%1T16:00:00.000Z\"").arg(until.toString(Qt::ISODate))),
            qPrintable(audit.at(1)));
        QVERIFY2(audit.at(2).contains(QLatin1String("\"kind\": \"return\"")), qPrintable(audit.at(2)));
        QVERIFY2(audit.at(3).contains(QLatin1String("\"kind\": \"reclaim\"")), qPrintable(audit.at(3)));
        // the reasons stay in the assignment rows, out of the audit log
        for (const QString& row : audit)
            QVERIFY2(!row.contains(QLatin1String("staff change")) && !row.contains(QLatin1String("leave"))
                    && !row.contains(QLatin1String("wish")),
                qPrintable(row));
    }

    // What the workstation checks before sending, and the server's refusals as the user reads them.
    void badValuesAreRefusedNamingTheField()
    {
        const QString number = approvedCustomer("c1");
        QVERIFY(!number.isEmpty());
        ServerOwnership m1 = as("m1");
        const qint64 seq = lastSeq();
        auto expectField = [](const Status& status, const char* field) {
            return !status.ok() && status.error().code == ErrorCode::InvalidInput
                && status.error().field == QLatin1String(field);
        };
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
        // before sending
        QVERIFY(expectField(m1.transfer(number, QStringLiteral("c2"), QStringLiteral("  ")), "reason"));
        QVERIFY(expectField(m1.transfer(number, QString(), QStringLiteral("move")), "manager"));
        QVERIFY(expectField(
            m1.custody(number, QStringLiteral("c2"), today.addDays(181), QStringLiteral("leave")), "until"));
        QVERIFY(
            expectField(m1.custody(number, QStringLiteral("c2"), today.addDays(-1), QStringLiteral("leave")), "until"));
        // by the server, its field named: a login that is no customer manager, the owner as custodian
        const Status notACustomerManager = m1.transfer(number, QStringLiteral("k1"), QStringLiteral("move"));
        QVERIFY2(expectField(notACustomerManager, "manager"), qPrintable(notACustomerManager.error().fullText()));
        QVERIFY(expectField(
            m1.custody(number, QStringLiteral("c1"), today.addDays(3), QStringLiteral("leave")), "manager"));
        // by the server, as a conflict with the customer's state: assigning a customer that has an active manager
        const Status held = m1.assign(number, QStringLiteral("c2"));
        BV_COMPARE_CODE(held, ErrorCode::Conflict);
        QVERIFY2(held.error().detail.contains(QLatin1String("BV409")), qPrintable(held.error().detail));
        BV_COMPARE_CODE(m1.transfer(number, QStringLiteral("c1"), QStringLiteral("move")), ErrorCode::Conflict);
        BV_COMPARE_CODE(m1.transfer(QStringLiteral("0101-999999"), QStringLiteral("c2"), QStringLiteral("move")),
            ErrorCode::NotFound);
        QCOMPARE(holders(number), QStringLiteral("c1|"));
        QCOMPARE(assignAudit(number, seq), QString());
    }

    // Only the branch manager: a customer manager (even the customer's own) and a clerk are refused by the server,
    // and nothing changes.
    void customerManagersAndClerksAreRefused()
    {
        const QString number = approvedCustomer("c1");
        QVERIFY(!number.isEmpty());
        const qint64 seq = lastSeq();
        for (const char* login : {"c1", "c2", "k1"}) {
            const Status refused = as(login).transfer(number, QStringLiteral("c2"), QStringLiteral("move"));
            BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
            QVERIFY2(refused.error().detail.startsWith(QLatin1String("42501")), qPrintable(refused.error().detail));
            BV_COMPARE_CODE(as(login).reassignmentList(), ErrorCode::PermissionDenied);
        }
        QCOMPARE(holders(number), QStringLiteral("c1|"));
        QCOMPARE(assignments(number), QString());
        QCOMPARE(assignAudit(number, seq), QString());
    }

    // A frozen customer manager's customers (owned, or held in custody) are on the reassignment list with the frozen
    // login; once assigned to an active customer manager they are off it. The list's read is recorded.
    void aFrozenCustomerManagersCustomersAreOnTheReassignmentList()
    {
        const QString owned = approvedCustomer("c3");
        const QString other = approvedCustomer("c2");
        const QString inCustody = approvedCustomer("c2");
        QVERIFY(!owned.isEmpty() && !other.isEmpty() && !inCustody.isEmpty());
        ServerOwnership m1 = as("m1");
        const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
        BV_VERIFY_OK(m1.custody(inCustody, QStringLiteral("c3"), today.addDays(10), QStringLiteral("leave")));

        auto before = m1.reassignmentList();
        BV_VERIFY_OK(before);
        for (const CustomerListRow& row : *before)
            QVERIFY2(row.number != owned && row.number != inCustody && row.number != other, qPrintable(row.number));

        const QString frozen
            = m_branch->sqlAs(QStringLiteral("a1"), QStringLiteral("SELECT branchvault.staff_freeze('c3', 'ws-test')"));
        QVERIFY2(!frozen.startsWith(QLatin1String("<error")), qPrintable(frozen));
        // the frozen account is no longer offered
        auto logins = m1.customerManagers();
        BV_VERIFY_OK(logins);
        QVERIFY(!logins->contains(QStringLiteral("c3")));

        const qint64 seq = lastSeq();
        auto listed = m1.reassignmentList();
        BV_VERIFY_OK(listed);
        QHash<QString, CustomerListRow> byNumber;
        for (const CustomerListRow& row : *listed)
            byNumber.insert(row.number, row);
        QVERIFY(byNumber.contains(owned));
        QVERIFY(byNumber.contains(inCustody));
        QVERIFY(!byNumber.contains(other));
        QCOMPARE(byNumber.value(owned).managerName, QStringLiteral("c3"));
        QCOMPARE(byNumber.value(inCustody).managerName, QStringLiteral("c3"));
        QCOMPARE(byNumber.value(owned).status, CustomerStatus::Active);
        QVERIFY2(byNumber.value(owned).maskedName.contains(QLatin1Char('*')), "the name is not masked");
        QCOMPARE(sql(QStringLiteral("SELECT login || '|' || object_type || '|' || details FROM branchvault.audit_log "
                                    "WHERE seq > %1 AND action = 'customer.list'")
                         .arg(seq)),
            QStringLiteral("m1|reassignments|{\"rows\":%1}").arg(listed->size()));

        // the frozen account cannot take customers; assigning to an active one takes them off the list
        const Status toFrozen = m1.transfer(other, QStringLiteral("c3"), QStringLiteral("move"));
        QVERIFY2(!toFrozen.ok() && toFrozen.error().field == QLatin1String("manager"),
            qPrintable(toFrozen.ok() ? QString() : toFrozen.error().fullText()));
        BV_VERIFY_OK(m1.assign(owned, QStringLiteral("c1")));
        BV_VERIFY_OK(m1.assign(inCustody, QStringLiteral("c1"), QStringLiteral("custodian frozen")));
        QCOMPARE(holders(owned), QStringLiteral("c1|"));
        QCOMPARE(holders(inCustody), QStringLiteral("c1|"));
        auto after = m1.reassignmentList();
        BV_VERIFY_OK(after);
        for (const CustomerListRow& row : *after)
            QVERIFY2(row.number != owned && row.number != inCustody, qPrintable(row.number));
        // the assign that ended the frozen custodian's custody says so
        QVERIFY2(assignAudit(inCustody, seq).contains(QLatin1String("\"custody_ended\": \"c3\"")),
            qPrintable(assignAudit(inCustody, seq)));
    }

    // A customer manager's edit holds the customer while the branch manager transfers it: the transfer waits and
    // then wins, and the edit made for the customer manager who held it before can no longer be approved (Conflict).
    void aTransferRacingAnEditLeavesTheEditAConflict()
    {
        const QString number = approvedCustomer("c1");
        QVERIFY(!number.isEmpty());
        const QString version
            = sql(QStringLiteral("SELECT version FROM branchvault.customers WHERE customer_no = '%1'").arg(number));
        QString edited;
        std::thread edit = holding("c1",
            QStringLiteral("SELECT branchvault.customer_edit('%1', %2, '{\"family\": \"two children\"}', "
                           "ARRAY[]::branchvault.sealed_input[], NULL, NULL, 'ws-2')")
                .arg(number, version),
            2, &edited);
        QElapsedTimer waited;
        waited.start();
        const Status moved = as("m1").transfer(number, QStringLiteral("c2"), QStringLiteral("staff change"));
        const qint64 waitedMs = waited.elapsed();
        edit.join();
        QVERIFY2(!edited.startsWith(QLatin1String("<error")), qPrintable(edited));
        BV_VERIFY_OK(moved);
        QVERIFY2(waitedMs > 500, "the transfer did not wait for the edit's lock");
        QCOMPARE(holders(number), QStringLiteral("c2|"));
        const QString change = sql(QStringLiteral("SELECT ch.id FROM branchvault.customer_changes ch JOIN "
                                                  "branchvault.customers c ON c.id = ch.customer_id WHERE "
                                                  "c.customer_no = '%1' AND ch.kind = 'edit' AND ch.status = 'pending'")
                                       .arg(number));
        QVERIFY2(change.toLongLong() > 0, qPrintable(change));
        BV_COMPARE_CODE(ServerCustomers(m_branch->session(QStringLiteral("m1")))
                            .decide(change.toLongLong(), true, QStringLiteral("核对一致")),
            ErrorCode::Conflict);
    }

    // Two branch managers move the same customer at once: the second waits for the first, then finds the customer
    // already with that customer manager (Conflict) and records nothing.
    void twoBranchManagersAtOnceTheSecondGetsAConflict()
    {
        const QString number = approvedCustomer("c1");
        QVERIFY(!number.isEmpty());
        QString first;
        std::thread other = holding("m2",
            QStringLiteral("SELECT branchvault.customer_assign('%1', 'transfer', 'c2', NULL, 'staff change', 'ws-2')")
                .arg(number),
            2, &first);
        const qint64 seq = lastSeq();
        const Status second = as("m1").transfer(number, QStringLiteral("c2"), QStringLiteral("staff change"));
        other.join();
        QVERIFY2(!first.startsWith(QLatin1String("<error")), qPrintable(first));
        BV_COMPARE_CODE(second, ErrorCode::Conflict);
        QCOMPARE(assignments(number), QStringLiteral("transfer:c1>c2:m2:staff change"));
        QVERIFY2(!assignAudit(number, seq).contains(QLatin1String("m1|")), qPrintable(assignAudit(number, seq)));
    }

    // The desktop: a branch manager's Customers page has the Assign… button (a customer manager's has none); the
    // dialog offers the active customer managers, keeps a refusal under the form, moves the customer shown, and
    // fills the number from the reassignment list.
    void theBranchManagerMovesACustomerInTheDialog()
    {
        const QString number = approvedCustomer("c1");
        QVERIFY(!number.isEmpty());
        ScriptedDialogs dialogs;
        ui::ClipboardGuard clipboard;
        {
            const ui::ServerContext cm {m_branch->session(QStringLiteral("c1")), dialogs, clipboard};
            ui::ServerCustomersPage page(cm);
            QVERIFY(!page.findChild<QPushButton*>(QStringLiteral("assignButton")));
        }
        const ui::ServerContext context {m_branch->session(QStringLiteral("m1")), dialogs, clipboard};
        ui::ServerCustomersPage page(context);
        auto* assign = page.findChild<QPushButton*>(QStringLiteral("assignButton"));
        QVERIFY(assign);
        int row = -1;
        for (int r = 0; r < page.table()->rowCount(); ++r)
            if (page.table()->item(r, 0)->text() == number)
                row = r;
        QVERIFY(row >= 0);
        QVERIFY(page.open(row));
        QStringList offered;
        QString refusal;
        dialogs.onExec = [&](QDialog* shown) {
            auto* dialog = qobject_cast<ui::ServerAssignDialog*>(shown);
            if (!dialog)
                return int(QDialog::Rejected);
            for (int i = 0; i < dialog->managerComboBox()->count(); ++i)
                offered << dialog->managerComboBox()->itemText(i);
            if (dialog->numberEdit()->text() != number)
                return int(QDialog::Rejected);
            dialog->setKind(ServerOwnership::Kind::Transfer);
            dialog->managerComboBox()->setCurrentText(QStringLiteral("c2"));
            // no reason: refused before sending, the form stays
            if (dialog->apply())
                return int(QDialog::Accepted);
            refusal = dialog->message();
            dialog->reasonEdit()->setText(QStringLiteral("staff change"));
            dialog->applyButton()->click();
            return dialog->result();
        };
        assign->click();
        QVERIFY2(offered.contains(QStringLiteral("c1")) && offered.contains(QStringLiteral("c2")),
            qPrintable(offered.join(QLatin1Char(','))));
        QVERIFY2(refusal.contains(QLatin1String("reason")), qPrintable(refusal));
        QCOMPARE(dialogs.infos.size(), 1);
        QVERIFY2(dialogs.infos.constFirst().contains(QStringLiteral("%1 was transferred to c2").arg(number)),
            qPrintable(dialogs.infos.constFirst()));
        QCOMPARE(holders(number), QStringLiteral("c2|"));

        // the reassignment list, read on demand, fills in a number; custody's date only for custody
        ui::ServerAssignDialog dialog(context, QString());
        QVERIFY(!dialog.untilDateEdit()->isEnabled());
        dialog.setKind(ServerOwnership::Kind::Custody);
        QVERIFY(dialog.untilDateEdit()->isEnabled());
        dialog.setKind(ServerOwnership::Kind::Return);
        QVERIFY(!dialog.managerComboBox()->isEnabled());
        QVERIFY(dialog.showReassignmentList());
        const QString orphan = sql(QStringLiteral("INSERT INTO branchvault.customers (customer_no, branch, status) "
                                                  "VALUES ('0101-990001', '0101', 'active') RETURNING customer_no"));
        QCOMPARE(orphan, QStringLiteral("0101-990001"));
        QVERIFY(dialog.showReassignmentList());
        int orphanRow = -1;
        for (int r = 0; r < dialog.reassignmentTable()->rowCount(); ++r)
            if (dialog.reassignmentTable()->item(r, 0)->text() == orphan)
                orphanRow = r;
        QVERIFY(orphanRow >= 0);
        emit dialog.reassignmentTable()->cellActivated(orphanRow, 0);
        QCOMPARE(dialog.numberEdit()->text(), orphan);
        dialog.setKind(ServerOwnership::Kind::Assign);
        dialog.managerComboBox()->setCurrentText(QStringLiteral("c1"));
        QVERIFY2(dialog.apply(), qPrintable(dialog.message()));
        QCOMPARE(holders(orphan), QStringLiteral("c1|"));
    }
};

QTEST_MAIN(TestServerOwnership)
#include "tst_serverownership.moc"
