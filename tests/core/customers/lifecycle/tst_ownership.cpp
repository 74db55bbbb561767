// Customer ownership (DESIGN §6): assign, transfer, custody that ends by itself, early return,
// reclaim, the reassignment list of frozen staff's customers, and tier changes that wait for the
// branch manager's confirmation.
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestOwnership : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1, cm2, cm3, k1;
    CustomerEntry& entry() { return t->core->customers().entry(); }
    CustomerFinder& finder() { return t->core->customers().finder(); }
    CustomerOwnership& ownership() { return t->core->customers().ownership(); }
    Database& db() { return t->vault->database(); }

    QString createApproved(const Session& maker, int seed)
    {
        auto receipt = entry().create(maker, customerInput(seed));
        if (!receipt.ok()) {
            qWarning("create: %s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        auto approved = entry().approve(m1, receipt->changeId, QStringLiteral("checked"));
        if (!approved.ok()) {
            qWarning("approve: %s", qPrintable(approved.error().fullText()));
            return QString();
        }
        return receipt->customerNumber;
    }

    QDate today() const { return t->clock.nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date(); }

    // Moves the clock and unlocks the sessions the idle lock closed meanwhile.
    bool advance(qint64 seconds)
    {
        t->clock.advanceSecs(seconds);
        const QList<QPair<Session*, QString>> sessions {{&m1, QStringLiteral("m1")}, {&cm1, QStringLiteral("cm1")},
            {&cm2, QStringLiteral("cm2")}, {&cm3, QStringLiteral("cm3")}};
        for (const auto& [session, login] : sessions) {
            if (!t->core->auth().unlock(*session, secret(t->passwordOf(login))).ok())
                return false;
        }
        return true;
    }

    QList<AuditRow> assignRows(const QString& number)
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::CustomerAssign);
        filter.customerNo = number;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }

    static QJsonObject detailsOf(const AuditRow& row) { return QJsonDocument::fromJson(row.details.toUtf8()).object(); }

    QStringList kindsOf(const QString& number)
    {
        QStringList kinds;
        auto list = ownership().assignments(m1, number);
        if (list.ok()) {
            for (const AssignmentEntry& e : *list)
                kinds << e.kind;
        }
        return kinds;
    }

    QStringList numbersOf(const QList<CustomerListRow>& rows)
    {
        QStringList numbers;
        for (const CustomerListRow& row : rows)
            numbers << row.number;
        return numbers;
    }

    QStringList secretsOf(int seed)
    {
        const CustomerInput input = customerInput(seed);
        return {input.values.value(QString::fromLatin1(fields::IdNumber)),
            input.values.value(QString::fromLatin1(fields::Mobile)), input.accounts.constFirst().number,
            input.values.value(QString::fromLatin1(fields::Name))};
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager, QStringLiteral("李经理"));
        cm3 = t->addUser(QStringLiteral("cm3"), Role::CustomerManager, QStringLiteral("王经理"));
        k1 = t->addUser(QStringLiteral("k1"), Role::Clerk);
        QVERIFY(m1.isValid() && cm1.isValid() && cm2.isValid() && cm3.isValid() && k1.isValid());
    }
    void cleanup() { t.reset(); }

    void transferMovesTheCustomerPermanently()
    {
        const QString number = createApproved(cm1, 1);
        QVERIFY(!number.isEmpty());
        BV_COMPARE_CODE(
            ownership().transfer(m1, number, QStringLiteral("cm2"), QStringLiteral("  ")), ErrorCode::InvalidInput);
        BV_VERIFY_OK(ownership().transfer(m1, number, QStringLiteral("cm2"), QStringLiteral("staff change")));
        BV_COMPARE_CODE(finder().open(cm1, number), ErrorCode::PermissionDenied);
        auto view = finder().open(cm2, number);
        BV_VERIFY_OK(view);
        QCOMPARE(view->managerId, t->userId(QStringLiteral("cm2")));
        QCOMPARE(view->managerName, QStringLiteral("李经理"));
        QVERIFY(view->gradeTwoVisible);
        // the new owner's portfolio has it, the old one's not
        QCOMPARE(numbersOf(finder().portfolio(cm2, QString(), QString(), 50)->rows), QStringList {number});
        QVERIFY(finder().portfolio(cm1, QString(), QString(), 50)->rows.isEmpty());
        // already cm2's: nothing to transfer
        BV_COMPARE_CODE(
            ownership().transfer(m1, number, QStringLiteral("cm2"), QStringLiteral("again")), ErrorCode::Conflict);
        // not an assign: the customer has an active manager
        BV_COMPARE_CODE(ownership().assign(m1, number, QStringLiteral("cm3")), ErrorCode::Conflict);
    }

    void custodyEndsByItself()
    {
        const QString number = createApproved(cm1, 2);
        QVERIFY(!number.isEmpty());
        const QDate last = today().addDays(3);
        BV_VERIFY_OK(ownership().custody(m1, number, QStringLiteral("cm3"), last, QStringLiteral("annual leave")));
        auto during = finder().open(cm3, number);
        BV_VERIFY_OK(during);
        QVERIFY(during->inCustody);
        QCOMPARE(during->managerId, t->userId(QStringLiteral("cm3")));
        // the custody lasts through the whole last day, branch time
        const QDateTime end = QDateTime(last.addDays(1), QTime(0, 0), WorkingCalendar::branchTimeZone()).toUTC();
        QCOMPARE(during->custodyUntil, end);
        BV_COMPARE_CODE(finder().open(cm1, number), ErrorCode::PermissionDenied);
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::Occupation), QStringLiteral("教师"));
        BV_COMPARE_CODE(entry().edit(cm1, number, edit), ErrorCode::PermissionDenied);

        // one minute before the end: still the custodian's
        QVERIFY(advance(t->clock.nowUtc().secsTo(end) - 60));
        BV_VERIFY_OK(finder().open(cm3, number));
        BV_COMPARE_CODE(finder().open(cm1, number), ErrorCode::PermissionDenied);
        // two minutes later, without anyone acting: back with the owner
        QVERIFY(advance(120));
        auto after = finder().open(cm1, number);
        BV_VERIFY_OK(after);
        QVERIFY(!after->inCustody);
        QCOMPARE(after->managerId, t->userId(QStringLiteral("cm1")));
        BV_COMPARE_CODE(finder().open(cm3, number), ErrorCode::PermissionDenied);
        QVERIFY(finder().portfolio(cm3, QString(), QString(), 50)->rows.isEmpty());
        // nothing was written: the row still names the custodian, only the time passed
        auto custodian
            = db().scalar(QStringLiteral("SELECT custody_manager_id FROM customers WHERE customer_no = ?"), {number});
        QCOMPARE(custodian->toLongLong(), t->userId(QStringLiteral("cm3")));
        QCOMPARE(assignRows(number).size(), 1);
        // the history shows the return at the end of the custody
        auto history = ownership().assignments(cm1, number);
        BV_VERIFY_OK(history);
        QCOMPARE(history->size(), 2);
        QCOMPARE(history->at(1).kind, QStringLiteral("custody_end"));
        QCOMPARE(history->at(1).at, end);
        QCOMPARE(history->at(1).fromLogin, QStringLiteral("cm3"));
        QCOMPARE(history->at(1).toLogin, QStringLiteral("cm1"));
        // an expired custody cannot be returned again
        BV_COMPARE_CODE(ownership().endCustody(m1, number), ErrorCode::Conflict);
    }

    void endCustodyReturnsEarly()
    {
        const QString number = createApproved(cm1, 3);
        QVERIFY(!number.isEmpty());
        BV_COMPARE_CODE(ownership().endCustody(m1, number), ErrorCode::Conflict); // not in custody
        BV_VERIFY_OK(ownership().custody(
            m1, number, QStringLiteral("cm3"), today().addDays(10), QStringLiteral("business trip")));
        BV_VERIFY_OK(finder().open(cm3, number));
        BV_VERIFY_OK(ownership().endCustody(m1, number));
        BV_VERIFY_OK(finder().open(cm1, number));
        BV_COMPARE_CODE(finder().open(cm3, number), ErrorCode::PermissionDenied);
        auto row = db().query(QStringLiteral("SELECT custody_manager_id, custody_until FROM customers WHERE "
                                             "customer_no = ?"),
            {number});
        QVERIFY(row.ok() && row->next());
        QVERIFY(row->isNull(0));
        QVERIFY(row->isNull(1));
        QCOMPARE(kindsOf(number), (QStringList {QStringLiteral("custody"), QStringLiteral("return")}));
        BV_COMPARE_CODE(ownership().endCustody(m1, number), ErrorCode::Conflict);
    }

    void custodyReplacesAnEarlierCustody()
    {
        const QString number = createApproved(cm1, 4);
        BV_VERIFY_OK(
            ownership().custody(m1, number, QStringLiteral("cm3"), today().addDays(5), QStringLiteral("leave")));
        BV_VERIFY_OK(
            ownership().custody(m1, number, QStringLiteral("cm2"), today().addDays(2), QStringLiteral("cm3 ill")));
        BV_VERIFY_OK(finder().open(cm2, number));
        BV_COMPARE_CODE(finder().open(cm3, number), ErrorCode::PermissionDenied);
        const QList<AuditRow> rows = assignRows(number);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(detailsOf(rows.at(1)).value(QStringLiteral("replaces_custody")).toString(), QStringLiteral("cm3"));
        // a transfer ends the custody
        BV_VERIFY_OK(ownership().transfer(m1, number, QStringLiteral("cm3"), QStringLiteral("cm1 moves branch")));
        BV_VERIFY_OK(finder().open(cm3, number));
        BV_COMPARE_CODE(finder().open(cm2, number), ErrorCode::PermissionDenied);
        auto custodian
            = db().scalar(QStringLiteral("SELECT custody_manager_id FROM customers WHERE customer_no = ?"), {number});
        QVERIFY(custodian->isNull());
        QCOMPARE(detailsOf(assignRows(number).at(2)).value(QStringLiteral("custody_ended")).toString(),
            QStringLiteral("cm2"));
    }

    void reclaimTakesTheCustomerAtOnce()
    {
        const QString number = createApproved(cm1, 5);
        QVERIFY(!number.isEmpty());
        BV_COMPARE_CODE(ownership().reclaim(m1, number, QStringLiteral("cm2"), QString()), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(ownership().reclaim(m1, number, QStringLiteral("cm1"), QStringLiteral("x")),
            ErrorCode::Conflict); // cm1 already holds it
        BV_VERIFY_OK(ownership().reclaim(m1, number, QStringLiteral("cm2"), QStringLiteral("misconduct")));
        BV_COMPARE_CODE(finder().open(cm1, number), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(finder().open(cm2, number));
        // during a custody, reclaim takes it from the custodian; here back to the owner
        BV_VERIFY_OK(
            ownership().custody(m1, number, QStringLiteral("cm3"), today().addDays(7), QStringLiteral("leave")));
        BV_VERIFY_OK(ownership().reclaim(m1, number, QStringLiteral("cm2"), QStringLiteral("custodian misconduct")));
        BV_COMPARE_CODE(finder().open(cm3, number), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(finder().open(cm2, number));
        auto history = ownership().assignments(m1, number);
        BV_VERIFY_OK(history);
        QCOMPARE(history->size(), 3);
        QCOMPARE(history->at(0).kind, QStringLiteral("reclaim"));
        QCOMPARE(history->at(0).fromLogin, QStringLiteral("cm1"));
        QCOMPARE(history->at(0).toLogin, QStringLiteral("cm2"));
        QCOMPARE(history->at(2).kind, QStringLiteral("reclaim"));
        QCOMPARE(history->at(2).fromLogin, QStringLiteral("cm3"));
        QCOMPARE(history->at(2).toLogin, QStringLiteral("cm2"));
        QCOMPARE(history->at(2).reason, QStringLiteral("custodian misconduct"));
        QCOMPARE(
            detailsOf(assignRows(number).at(0)).value(QStringLiteral("kind")).toString(), QStringLiteral("reclaim"));
    }

    void custodyIsRefusedWhenItMakesNoSense()
    {
        const QString number = createApproved(cm1, 6);
        QVERIFY(!number.isEmpty());
        const QString leave = QStringLiteral("leave");
        BV_COMPARE_CODE(ownership().custody(m1, number, QStringLiteral("cm3"), today().addDays(-1), leave),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(
            ownership().custody(m1, number, QStringLiteral("cm3"), QDate(), leave), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(ownership().custody(m1, number, QStringLiteral("cm3"),
                            today().addDays(CustomerOwnership::kMaxCustodyDays + 1), leave),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(ownership().custody(m1, number, QStringLiteral("cm3"), today().addDays(3), QString()),
            ErrorCode::InvalidInput);
        auto self = ownership().custody(m1, number, QStringLiteral("cm1"), today().addDays(3), leave);
        BV_COMPARE_CODE(self, ErrorCode::InvalidInput);
        QVERIFY(self.error().message.contains(QStringLiteral("cm1")));
        QCOMPARE(assignRows(number).size(), 0);
        // the limits themselves are accepted
        BV_VERIFY_OK(ownership().custody(
            m1, number, QStringLiteral("cm3"), today().addDays(CustomerOwnership::kMaxCustodyDays), leave));
        BV_VERIFY_OK(ownership().custody(m1, number, QStringLiteral("cm3"), today(), leave));
        BV_VERIFY_OK(finder().open(cm3, number));
    }

    void theTargetMustBeAnActiveCustomerManager()
    {
        const QString number = createApproved(cm1, 7);
        QVERIFY(!number.isEmpty());
        const QString why = QStringLiteral("staff change");
        for (const QString& login : {QStringLiteral("k1"), QStringLiteral("m1")}) {
            auto refused = ownership().transfer(m1, number, login, why);
            BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
            QVERIFY(refused.error().message.contains(login));
        }
        BV_COMPARE_CODE(ownership().transfer(m1, number, QStringLiteral("nobody"), why), ErrorCode::NotFound);
        BV_VERIFY_OK(t->core->accounts().freeze(t->admin, QStringLiteral("cm3")));
        auto frozen = ownership().custody(m1, number, QStringLiteral("cm3"), today().addDays(2), why);
        BV_COMPARE_CODE(frozen, ErrorCode::InvalidInput);
        QVERIFY(frozen.error().message.contains(QStringLiteral("cm3")));
        BV_COMPARE_CODE(ownership().reclaim(m1, number, QStringLiteral("cm3"), why), ErrorCode::InvalidInput);
        QCOMPARE(assignRows(number).size(), 0);
        BV_VERIFY_OK(finder().open(cm1, number));
    }

    void onlyTheBranchManagerAssigns()
    {
        const QString number = createApproved(cm1, 8);
        QVERIFY(!number.isEmpty());
        const QString why = QStringLiteral("x");
        for (const Session* s : {&cm1, &cm2, &k1}) {
            BV_COMPARE_CODE(ownership().transfer(*s, number, QStringLiteral("cm2"), why), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(ownership().assign(*s, number, QStringLiteral("cm2")), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(ownership().custody(*s, number, QStringLiteral("cm2"), today().addDays(1), why),
                ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(ownership().endCustody(*s, number), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(ownership().reclaim(*s, number, QStringLiteral("cm2"), why), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(ownership().reassignmentList(*s), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(ownership().pendingTiers(*s), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(ownership().confirmTier(*s, 1), ErrorCode::PermissionDenied);
        }
        BV_COMPARE_CODE(ownership().assignments(k1, number), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(ownership().assignments(cm2, number), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(ownership().assignments(cm1, number));
        QCOMPARE(assignRows(number).size(), 0);
        AuditFilter denied;
        denied.action = QString::fromLatin1(audit::AccessDenied);
        denied.login = QStringLiteral("cm2");
        QVERIFY(internalsOf(*t->core).auditLog().rows(denied)->size() >= 8);
        BV_VERIFY_OK(finder().open(cm1, number));
    }

    void onlyLiveCustomersCanBeAssigned()
    {
        const qint64 cm1Id = t->userId(QStringLiteral("cm1"));
        const QStringList statuses {QStringLiteral("closed"), QStringLiteral("anonymised"), QStringLiteral("rejected")};
        int n = 0;
        for (const QString& status : statuses) {
            const QString number = QStringLiteral("0001-9000000%1").arg(++n);
            QVERIFY(t->insertCustomer(number, cm1Id, false, status) > 0);
            BV_COMPARE_CODE(
                ownership().transfer(m1, number, QStringLiteral("cm2"), QStringLiteral("x")), ErrorCode::Conflict);
            BV_COMPARE_CODE(
                ownership().reclaim(m1, number, QStringLiteral("cm2"), QStringLiteral("x")), ErrorCode::Conflict);
            BV_COMPARE_CODE(
                ownership().custody(m1, number, QStringLiteral("cm2"), today().addDays(1), QStringLiteral("x")),
                ErrorCode::Conflict);
        }
        // a pending (not yet approved) record can be given to another manager
        auto receipt = entry().create(cm1, customerInput(9));
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(ownership().transfer(m1, receipt->customerNumber, QStringLiteral("cm2"), QStringLiteral("x")));
        BV_VERIFY_OK(finder().open(cm2, receipt->customerNumber));
        BV_COMPARE_CODE(
            ownership().transfer(m1, QStringLiteral("0001-99999999"), QStringLiteral("cm2"), QStringLiteral("x")),
            ErrorCode::NotFound);
    }

    void frozenStaffsCustomersAreReassigned()
    {
        const QString a = createApproved(cm2, 10);
        const QString b = createApproved(cm2, 11);
        const QString c = createApproved(cm1, 12);
        const QString d = createApproved(cm1, 13); // in cm2's custody when cm2 is frozen
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty() && !d.isEmpty());
        BV_VERIFY_OK(ownership().custody(m1, d, QStringLiteral("cm2"), today().addDays(5), QStringLiteral("leave")));
        auto before = ownership().reassignmentList(m1);
        BV_VERIFY_OK(before);
        QVERIFY(before->isEmpty());

        BV_VERIFY_OK(t->core->accounts().freeze(t->admin, QStringLiteral("cm2")));
        auto list = ownership().reassignmentList(m1);
        BV_VERIFY_OK(list);
        QCOMPARE(numbersOf(*list), (QStringList {a, b, d}));
        for (const CustomerListRow& row : *list) {
            QCOMPARE(row.managerName, QStringLiteral("李经理"));
            QCOMPARE(statusKey(row.status), QStringLiteral("active"));
            QVERIFY(!row.maskedName.isEmpty());
            QVERIFY(row.maskedName.contains(QLatin1Char('*')));
        }
        const QList<int> seeds {10, 11, 13}; // in customer-number order, as a, b, d
        for (int i = 0; i < seeds.size(); ++i) {
            const QString name = customerInput(seeds.at(i)).values.value(QString::fromLatin1(fields::Name));
            QCOMPARE(list->at(i).maskedName.size(), name.size());
            QCOMPARE(list->at(i).maskedName.front(), name.front());
            QVERIFY(list->at(i).maskedName != name);
        }

        // assign moves them off the list; the assignee may open them at once
        BV_VERIFY_OK(ownership().assign(m1, a, QStringLiteral("cm1")));
        BV_VERIFY_OK(ownership().assign(m1, d, QStringLiteral("cm1"), QStringLiteral("custodian left")));
        QCOMPARE(numbersOf(*ownership().reassignmentList(m1)), QStringList {b});
        BV_VERIFY_OK(finder().open(cm1, a));
        BV_VERIFY_OK(finder().open(cm1, d));
        auto custodian
            = db().scalar(QStringLiteral("SELECT custody_manager_id FROM customers WHERE customer_no = ?"), {d});
        QVERIFY(custodian->isNull());
        auto history = ownership().assignments(m1, a);
        BV_VERIFY_OK(history);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->at(0).kind, QStringLiteral("assign"));
        QCOMPARE(history->at(0).fromLogin, QStringLiteral("cm2"));
        QCOMPARE(history->at(0).toLogin, QStringLiteral("cm1"));
        QCOMPARE(history->at(0).byLogin, QStringLiteral("m1"));
        // c is cm1's and cm1 is active: assign refuses, the list never had it
        BV_COMPARE_CODE(ownership().assign(m1, c, QStringLiteral("cm3")), ErrorCode::Conflict);
        // a frozen owner cannot be a custody's owner
        BV_COMPARE_CODE(ownership().custody(m1, b, QStringLiteral("cm3"), today().addDays(2), QStringLiteral("x")),
            ErrorCode::Conflict);
        BV_VERIFY_OK(ownership().transfer(m1, b, QStringLiteral("cm3"), QStringLiteral("cm2 left")));
        QVERIFY(ownership().reassignmentList(m1)->isEmpty());
    }

    void customersWithoutManagerAreOnTheList()
    {
        const QString number = createApproved(cm1, 14);
        QVERIFY(!number.isEmpty());
        QVERIFY(
            db().query(QStringLiteral("UPDATE customers SET manager_id = NULL WHERE customer_no = ?"), {number}).ok());
        QCOMPARE(numbersOf(*ownership().reassignmentList(m1)), QStringList {number});
        QCOMPARE(ownership().reassignmentList(m1)->constFirst().managerName, QString());
        BV_COMPARE_CODE(
            ownership().transfer(m1, number, QStringLiteral("cm2"), QStringLiteral("x")), ErrorCode::Conflict);
        BV_COMPARE_CODE(ownership().endCustody(m1, number), ErrorCode::Conflict);
        BV_VERIFY_OK(ownership().assign(m1, number, QStringLiteral("cm2")));
        QVERIFY(ownership().reassignmentList(m1)->isEmpty());
        BV_VERIFY_OK(finder().open(cm2, number));
        auto history = ownership().assignments(cm2, number);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->at(0).fromLogin, QString());
        QCOMPARE(history->at(0).toLogin, QStringLiteral("cm2"));
        QCOMPARE(history->at(0).reason, QString());
        // the list read is audited, without customer numbers
        AuditFilter lists;
        lists.action = QString::fromLatin1(audit::CustomerList);
        lists.login = QStringLiteral("m1");
        auto rows = internalsOf(*t->core).auditLog().rows(lists);
        QCOMPARE(rows->size(), 3);
        QCOMPARE(rows->at(0).objectType, QStringLiteral("reassignments"));
        QCOMPARE(detailsOf(rows->at(0)).value(QStringLiteral("rows")).toInt(), 1);
    }

    void historyAndAuditRowsOfEveryOperation()
    {
        const QString number = createApproved(cm1, 15);
        QVERIFY(!number.isEmpty());
        BV_VERIFY_OK(ownership().transfer(m1, number, QStringLiteral("cm2"), QStringLiteral("staff change")));
        QVERIFY(advance(60));
        const QDate last = today().addDays(4);
        BV_VERIFY_OK(ownership().custody(m1, number, QStringLiteral("cm3"), last, QStringLiteral("leave")));
        QVERIFY(advance(60));
        BV_VERIFY_OK(ownership().endCustody(m1, number));
        QVERIFY(advance(60));
        BV_VERIFY_OK(ownership().reclaim(m1, number, QStringLiteral("cm1"), QStringLiteral("misconduct")));

        auto history = ownership().assignments(cm1, number);
        BV_VERIFY_OK(history);
        QCOMPARE(kindsOf(number),
            (QStringList {QStringLiteral("transfer"), QStringLiteral("custody"), QStringLiteral("return"),
                QStringLiteral("reclaim")}));
        const QList<QPair<QString, QString>> moves {{QStringLiteral("cm1"), QStringLiteral("cm2")},
            {QStringLiteral("cm2"), QStringLiteral("cm3")}, {QStringLiteral("cm3"), QStringLiteral("cm2")},
            {QStringLiteral("cm2"), QStringLiteral("cm1")}};
        for (int i = 0; i < moves.size(); ++i) {
            QCOMPARE(history->at(i).fromLogin, moves.at(i).first);
            QCOMPARE(history->at(i).toLogin, moves.at(i).second);
            QCOMPARE(history->at(i).byLogin, QStringLiteral("m1"));
            if (i > 0)
                QVERIFY(history->at(i).at > history->at(i - 1).at);
        }
        const QDateTime end = QDateTime(last.addDays(1), QTime(0, 0), WorkingCalendar::branchTimeZone()).toUTC();
        QCOMPARE(history->at(1).until, end);
        QVERIFY(!history->at(0).until.isValid());
        QCOMPARE(history->at(0).reason, QStringLiteral("staff change"));
        QCOMPARE(history->at(2).reason, QString());
        // cm2 held it once; not any more
        BV_COMPARE_CODE(ownership().assignments(cm2, number), ErrorCode::PermissionDenied);

        const QList<AuditRow> rows = assignRows(number);
        QCOMPARE(rows.size(), 4);
        const QStringList kinds {
            QStringLiteral("transfer"), QStringLiteral("custody"), QStringLiteral("return"), QStringLiteral("reclaim")};
        const QStringList secrets = secretsOf(15);
        for (int i = 0; i < rows.size(); ++i) {
            const AuditRow& row = rows.at(i);
            QCOMPARE(row.login, QStringLiteral("m1"));
            QCOMPARE(row.objectType, QStringLiteral("customer"));
            QCOMPARE(row.customerNo, number);
            QCOMPARE(row.outcome, QStringLiteral("ok"));
            const QJsonObject details = detailsOf(row);
            QCOMPARE(details.value(QStringLiteral("kind")).toString(), kinds.at(i));
            QCOMPARE(details.value(QStringLiteral("from")).toString(), moves.at(i).first);
            QCOMPARE(details.value(QStringLiteral("to")).toString(), moves.at(i).second);
            QVERIFY(!row.details.contains(QStringLiteral("misconduct"))); // free text stays out of the log
            for (const QString& secret : secrets)
                QVERIFY2(!row.details.contains(secret), "an audit row holds a grade-1 value");
        }
        QCOMPARE(detailsOf(rows.at(1)).value(QStringLiteral("until")).toString(), end.toString(Qt::ISODateWithMs));
        // and one customer_assignments row per operation
        auto count = db().scalar(QStringLiteral("SELECT count(*) FROM customer_assignments a JOIN customers c ON "
                                                "c.id = a.customer_id WHERE c.customer_no = ?"),
            {number});
        QCOMPARE(count->toInt(), 4);
    }

    void tierChangeWaitsForConfirmation()
    {
        const QString number = createApproved(cm1, 16); // 1,600,000 CNY → gold
        QVERIFY(!number.isEmpty());
        QCOMPARE(finder().open(m1, number)->tier, QStringLiteral("gold"));
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::AssetsUnderManagement), QStringLiteral("3500000"));
        auto receipt = entry().edit(cm1, number, edit);
        BV_VERIFY_OK(receipt);
        QVERIFY(ownership().pendingTiers(m1)->isEmpty()); // nothing before the edit is approved
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));

        auto pending = ownership().pendingTiers(m1);
        BV_VERIFY_OK(pending);
        QCOMPARE(pending->size(), 1);
        const TierChange change = pending->constFirst();
        QCOMPARE(change.customerNumber, number);
        QCOMPARE(change.fromTier, QStringLiteral("gold"));
        QCOMPARE(change.toTier, QStringLiteral("platinum"));
        QCOMPARE(statusKey(change.status), QStringLiteral("pending"));
        QCOMPARE(change.computedAt, t->clock.nowUtc());
        // not in force until confirmed
        QCOMPARE(finder().open(m1, number)->tier, QStringLiteral("gold"));

        BV_VERIFY_OK(ownership().confirmTier(m1, change.id));
        QCOMPARE(finder().open(m1, number)->tier, QStringLiteral("platinum"));
        QCOMPARE(finder().open(cm1, number)->tier, QStringLiteral("platinum"));
        QVERIFY(ownership().pendingTiers(m1)->isEmpty());
        BV_COMPARE_CODE(ownership().confirmTier(m1, change.id), ErrorCode::Conflict);
        BV_COMPARE_CODE(ownership().rejectTier(m1, change.id, QStringLiteral("late")), ErrorCode::Conflict);
        BV_COMPARE_CODE(ownership().confirmTier(m1, 9999), ErrorCode::NotFound);

        // each view of the tier-change list left one row (three views above)
        AuditFilter listed;
        listed.action = QString::fromLatin1(audit::CustomerList);
        int tierViews = 0;
        const auto listRows = internalsOf(*t->core).auditLog().rows(listed);
        BV_VERIFY_OK(listRows);
        for (const AuditRow& row : *listRows)
            tierViews += row.objectType == QLatin1String("tiers") ? 1 : 0;
        QCOMPARE(tierViews, 3);

        AuditFilter tiers;
        tiers.action = QString::fromLatin1(audit::TierConfirm);
        tiers.customerNo = number;
        auto rows = internalsOf(*t->core).auditLog().rows(tiers);
        QCOMPARE(rows->size(), 1);
        const QJsonObject details = detailsOf(rows->constFirst());
        QCOMPARE(details.value(QStringLiteral("kind")).toString(), QStringLiteral("confirm"));
        QCOMPARE(details.value(QStringLiteral("from")).toString(), QStringLiteral("gold"));
        QCOMPARE(details.value(QStringLiteral("to")).toString(), QStringLiteral("platinum"));
        QCOMPARE(rows->constFirst().login, QStringLiteral("m1"));
    }

    void rejectedTierKeepsTheOldOne()
    {
        const QString number = createApproved(cm1, 17); // 1,700,000 CNY → gold
        QVERIFY(!number.isEmpty());
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::AssetsUnderManagement), QStringLiteral("3500000"));
        auto receipt = entry().edit(cm1, number, edit);
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        auto pending = ownership().pendingTiers(m1);
        QCOMPARE(pending->size(), 1);
        const qint64 id = pending->constFirst().id;
        BV_COMPARE_CODE(ownership().rejectTier(m1, id, QStringLiteral("   ")), ErrorCode::InvalidInput);
        QCOMPARE(ownership().pendingTiers(m1)->size(), 1);
        BV_VERIFY_OK(ownership().rejectTier(m1, id, QStringLiteral("assets are a one-off deposit")));
        QCOMPARE(finder().open(m1, number)->tier, QStringLiteral("gold"));
        QVERIFY(ownership().pendingTiers(m1)->isEmpty());
        auto row = db().query(QStringLiteral("SELECT status, reason, decided_by FROM tier_changes WHERE id = ?"), {id});
        QVERIFY(row.ok() && row->next());
        QCOMPARE(row->value(0).toString(), QStringLiteral("rejected"));
        QCOMPARE(row->value(1).toString(), QStringLiteral("assets are a one-off deposit"));
        QCOMPARE(row->value(2).toLongLong(), t->userId(QStringLiteral("m1")));
        AuditFilter tiers;
        tiers.action = QString::fromLatin1(audit::TierConfirm);
        tiers.customerNo = number;
        auto rows = internalsOf(*t->core).auditLog().rows(tiers);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(detailsOf(rows->constFirst()).value(QStringLiteral("kind")).toString(), QStringLiteral("reject"));
        QVERIFY(!rows->constFirst().details.contains(QStringLiteral("one-off")));
    }

    void aNewerComputedTierReplacesThePendingOne()
    {
        const QString number = createApproved(cm1, 1); // 100,000 CNY → regular
        QVERIFY(!number.isEmpty());
        QCOMPARE(finder().open(m1, number)->tier, QStringLiteral("regular"));
        for (const QString& assets : {QStringLiteral("3500000"), QStringLiteral("12000000")}) {
            CustomerInput edit;
            edit.values.insert(QString::fromLatin1(fields::AssetsUnderManagement), assets);
            auto receipt = entry().edit(cm1, number, edit);
            BV_VERIFY_OK(receipt);
            BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        }
        auto pending = ownership().pendingTiers(m1);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->constFirst().fromTier, QStringLiteral("regular"));
        QCOMPARE(pending->constFirst().toTier, QStringLiteral("diamond"));
        BV_VERIFY_OK(ownership().confirmTier(m1, pending->constFirst().id));
        QCOMPARE(finder().open(m1, number)->tier, QStringLiteral("diamond"));
    }
};

QTEST_GUILESS_MAIN(TestOwnership)
#include "tst_ownership.moc"
