// Serving a customer (DESIGN §6): service records, complaints with working-day deadlines and overdue lists,
// consent as an append-only history. Contents are grade 2: the own customer manager and the branch manager
// only; refusals and writes are audited, and audit rows never carry the contents.
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

using namespace bv;
using namespace bv::test;

namespace {

QDateTime utc(const char* iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toUTC();
}

// the end of a branch-local day (China Standard Time, UTC+08:00) as UTC
QDateTime endOfBranchDay(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(23, 59, 59, 999), QTimeZone(8 * 3600)).toUTC();
}

QJsonObject detailsOf(const AuditRow& row)
{
    return QJsonDocument::fromJson(row.details.toUtf8()).object();
}

} // namespace

class TestCare : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1, cm2, clerk;
    QString c1, c2; // customers of cm1, approved by m1

    CustomerCare& care() { return t->core->customers().care(); }
    Database& db() { return t->vault->database(); }

    QString createApproved(const Session& maker, int seed)
    {
        auto receipt = t->core->customers().entry().create(maker, customerInput(seed));
        if (!receipt.ok()) {
            qWarning("create: %s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (!t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }

    // Moving the mock clock past the idle time locks every session; unlock them again.
    void unlockAll()
    {
        const QList<QPair<QString, Session*>> sessions
            = {{QStringLiteral("admin"), &t->admin}, {QStringLiteral("m1"), &m1}, {QStringLiteral("cm1"), &cm1},
                {QStringLiteral("cm2"), &cm2}, {QStringLiteral("clerk"), &clerk}};
        for (const auto& [login, session] : sessions)
            QVERIFY(t->core->auth().unlock(*session, secret(t->passwordOf(login))).ok());
    }
    void setClock(const QDateTime& now)
    {
        t->clock.set(now);
        unlockAll();
    }

    QList<AuditRow> auditRows(const char* action, const QString& login = QString())
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.login = login;
        filter.limit = 5000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }

    int count(const QString& sql)
    {
        auto value = db().scalar(sql);
        return value.ok() ? value->toInt() : -1;
    }

    // Every grade-1 value of the test customers, to prove none of them leaks into the audit log.
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
        clerk = t->addUser(QStringLiteral("clerk"), Role::Clerk);
        c1 = createApproved(cm1, 1);
        c2 = createApproved(cm1, 2);
        QVERIFY(!c1.isEmpty());
        QVERIFY(!c2.isEmpty());
    }
    void cleanup() { t.reset(); }

    void channelsAreTheFixedList()
    {
        QCOMPARE(CustomerCare::channels(),
            (QStringList {QStringLiteral("counter"), QStringLiteral("phone"), QStringLiteral("online"),
                QStringLiteral("mobile_app"), QStringLiteral("letter"), QStringLiteral("other")}));
    }

    // ---- service records ----

    void serviceRecordsAreAddedAndListed()
    {
        // the mock clock starts on Monday 2026-03-02, 17:00 branch time
        const QDate today(2026, 3, 2);
        auto first = care().addService(cm1, c1, today, QStringLiteral("counter"), QStringLiteral("办理定期存款续存"));
        BV_VERIFY_OK(first);
        auto second = care().addService(
            m1, c1, today.addDays(-3), QStringLiteral("Phone"), QStringLiteral("  电话回访理财到期安排\r\n客户满意  "));
        BV_VERIFY_OK(second);
        QVERIFY(*second > *first);

        auto list = care().services(cm1, c1);
        BV_VERIFY_OK(list);
        QCOMPARE(list->size(), 2);
        // ordered by service date: the earlier phone call first
        QCOMPARE(list->at(0).id, *second);
        QCOMPARE(list->at(0).servedOn, today.addDays(-3));
        QCOMPARE(list->at(0).channel, QStringLiteral("phone"));
        QCOMPARE(list->at(0).content, QStringLiteral("电话回访理财到期安排\n客户满意"));
        QCOMPARE(list->at(0).byLogin, QStringLiteral("m1"));
        QCOMPARE(list->at(1).id, *first);
        QCOMPARE(list->at(1).servedOn, today);
        QCOMPARE(list->at(1).channel, QStringLiteral("counter"));
        QCOMPARE(list->at(1).content, QStringLiteral("办理定期存款续存"));
        QCOMPARE(list->at(1).byLogin, QStringLiteral("cm1"));
        QCOMPARE(list->at(1).createdAt, t->clock.nowUtc());
        // the branch manager reads the same list; the other customer has none
        QCOMPARE(care().services(m1, c1)->size(), 2);
        QCOMPARE(care().services(cm1, c2)->size(), 0);

        const QList<AuditRow> rows = auditRows(audit::ServiceRecord);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).login, QStringLiteral("cm1"));
        QCOMPARE(rows.at(0).customerNo, c1);
        QCOMPARE(rows.at(0).objectType, QStringLiteral("service_record"));
        QCOMPARE(rows.at(0).objectId, QString::number(*first));
        QCOMPARE(detailsOf(rows.at(0)).value(QStringLiteral("channel")).toString(), QStringLiteral("counter"));
        QCOMPARE(detailsOf(rows.at(0)).value(QStringLiteral("served_on")).toString(), QStringLiteral("2026-03-02"));
        for (const AuditRow& row : rows) {
            QVERIFY(!row.details.contains(QStringLiteral("定期存款")));
            QVERIFY(!row.details.contains(QStringLiteral("回访")));
        }
    }

    void serviceRecordInputIsChecked()
    {
        const QDate today(2026, 3, 2);
        auto future = care().addService(cm1, c1, today.addDays(1), QStringLiteral("counter"), QStringLiteral("咨询"));
        BV_COMPARE_CODE(future, ErrorCode::InvalidInput);
        QCOMPARE(future.error().field, QStringLiteral("served_on"));
        BV_COMPARE_CODE(care().addService(cm1, c1, QDate(), QStringLiteral("counter"), QStringLiteral("咨询")),
            ErrorCode::InvalidInput);
        // at most 10 years before the customer's record was created (2026-03-02)
        BV_COMPARE_CODE(
            care().addService(cm1, c1, QDate(2016, 3, 1), QStringLiteral("counter"), QStringLiteral("补录")),
            ErrorCode::InvalidInput);
        BV_VERIFY_OK(care().addService(cm1, c1, QDate(2016, 3, 2), QStringLiteral("counter"), QStringLiteral("补录")));

        auto channel = care().addService(cm1, c1, today, QStringLiteral("wechat"), QStringLiteral("咨询"));
        BV_COMPARE_CODE(channel, ErrorCode::InvalidInput);
        QCOMPARE(channel.error().field, QStringLiteral("channel"));
        QVERIFY(channel.error().message.contains(QStringLiteral("counter, phone, online, mobile_app, letter, other")));

        BV_COMPARE_CODE(care().addService(cm1, c1, today, QStringLiteral("counter"), QStringLiteral("   ")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().addService(cm1, c1, today, QStringLiteral("counter"),
                            QStringLiteral("a") + QChar(0x01) + QStringLiteral("b")),
            ErrorCode::InvalidInput);
        // 2000 characters (not bytes) are kept, 2001 are refused
        BV_VERIFY_OK(care().addService(cm1, c1, today, QStringLiteral("counter"), QString(2000, QChar(0x670D))));
        auto tooLong = care().addService(cm1, c1, today, QStringLiteral("counter"), QString(2001, QChar(0x670D)));
        BV_COMPARE_CODE(tooLong, ErrorCode::InvalidInput);
        QCOMPARE(tooLong.error().field, QStringLiteral("content"));

        // customers' authentication secrets are never stored
        for (const QString& text : {QStringLiteral("客户告知取款密码123456，已提醒勿外泄"),
                 QStringLiteral("card CVV 123 verified"), QStringLiteral("password: abc123")}) {
            auto secret = care().addService(cm1, c1, today, QStringLiteral("counter"), text);
            BV_COMPARE_CODE(secret, ErrorCode::InvalidInput);
            QCOMPARE(secret.error().field, QStringLiteral("content"));
            QVERIFY(secret.error().message.contains(QStringLiteral("looks like a PIN, CVV or password")));
            QVERIFY(secret.error().message.contains(
                QStringLiteral("BranchVault never stores customers' authentication secrets")));
            QVERIFY(!secret.error().fullText().contains(QStringLiteral("123")));
        }
        // words alone are fine
        BV_VERIFY_OK(
            care().addService(cm1, c1, today, QStringLiteral("counter"), QStringLiteral("客户要求重置网银密码")));
        // 2000 characters outside the BMP (4000 UTF-16 units) are kept too
        BV_VERIFY_OK(care().addService(cm1, c1, today, QStringLiteral("counter"), QStringLiteral("𠀀").repeated(2000)));
        BV_COMPARE_CODE(
            care().addService(cm1, c1, today, QStringLiteral("counter"), QStringLiteral("𠀀").repeated(2001)),
            ErrorCode::InvalidInput);

        // full ID, mobile and card numbers are refused with what was found where; masked they are kept
        const QString withNumbers = QStringLiteral("客户来电13812345678，卡号6222021234567894挂失");
        auto numbers = care().addService(cm1, c1, today, QStringLiteral("counter"), withNumbers);
        BV_COMPARE_CODE(numbers, ErrorCode::InvalidInput);
        QCOMPARE(numbers.error().field, QStringLiteral("content"));
        QVERIFY2(numbers.error().message.contains(QStringLiteral("mobile number at character 5")),
            qPrintable(numbers.error().message));
        QVERIFY(numbers.error().message.contains(QStringLiteral("card number at character 19")));
        QVERIFY(!numbers.error().fullText().contains(QStringLiteral("13812345678")));
        auto complaintNumbers = care().addComplaint(
            cm1, c1, t->clock.nowUtc(), QStringLiteral("counter"), QStringLiteral("身份证110105199003071239被冒用"));
        BV_COMPARE_CODE(complaintNumbers, ErrorCode::InvalidInput);
        QVERIFY(complaintNumbers.error().message.contains(QStringLiteral("ID number")));
        BV_VERIFY_OK(care().addService(cm1, c1, today, QStringLiteral("counter"), FreeText::maskFindings(withNumbers)));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM service_records")), 5);
        QCOMPARE(auditRows(audit::ServiceRecord).size(), 5);
    }

    void serviceRecordsBelongToTheOwnManagerAndTheBranchManager()
    {
        const QDate today(2026, 3, 2);
        BV_VERIFY_OK(care().addService(cm1, c1, today, QStringLiteral("counter"), QStringLiteral("开户后回访")));
        const int deniedBefore = auditRows(audit::AccessDenied).size();
        BV_COMPARE_CODE(care().addService(cm2, c1, today, QStringLiteral("counter"), QStringLiteral("x")),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().services(cm2, c1), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().addService(clerk, c1, today, QStringLiteral("counter"), QStringLiteral("x")),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().services(clerk, c1), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().services(t->admin, c1), ErrorCode::PermissionDenied);
        const QList<AuditRow> denied = auditRows(audit::AccessDenied);
        QCOMPARE(denied.size(), deniedBefore + 5);
        QCOMPARE(denied.at(deniedBefore).login, QStringLiteral("cm2"));
        QCOMPARE(denied.at(deniedBefore).customerNo, c1);
        QCOMPARE(denied.at(deniedBefore).outcome, QStringLiteral("denied"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM service_records")), 1);
        // unknown customer
        BV_COMPARE_CODE(care().services(cm1, QStringLiteral("0001-99999999")), ErrorCode::NotFound);
        // a pending record takes no service records yet
        auto pending = t->core->customers().entry().create(cm1, customerInput(3));
        BV_VERIFY_OK(pending);
        BV_COMPARE_CODE(care().addService(
                            cm1, pending->customerNumber, today, QStringLiteral("counter"), QStringLiteral("开户咨询")),
            ErrorCode::Conflict);
    }

    // ---- complaints ----

    void complaintDeadlinesCountWorkingDays()
    {
        setClock(utc("2026-03-06T09:00:00Z"));
        // Friday 16:00 branch time: investigate by the end of Monday, answer by the end of Tuesday
        auto complaint = care().addComplaint(
            cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("counter"), QStringLiteral("柜台排队时间过长"));
        BV_VERIFY_OK(complaint);
        QVERIFY(complaint->id > 0);
        QCOMPARE(complaint->customerNumber, c1);
        QCOMPARE(statusKey(complaint->status), QStringLiteral("open"));
        QCOMPARE(complaint->receivedAt, utc("2026-03-06T08:00:00Z"));
        QCOMPARE(complaint->investigateBy, endOfBranchDay(2026, 3, 9));
        QCOMPARE(complaint->investigateBy, utc("2026-03-09T15:59:59.999Z"));
        QCOMPARE(complaint->answerBy, endOfBranchDay(2026, 3, 10));
        QCOMPARE(complaint->recordedBy, QStringLiteral("cm1"));
        QVERIFY(!complaint->overdue);
        QVERIFY(!complaint->investigatedAt.isValid());

        // what was stored reads back the same
        auto list = care().complaints(cm1, c1);
        BV_VERIFY_OK(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).investigateBy, complaint->investigateBy);
        QCOMPARE(list->at(0).answerBy, complaint->answerBy);
        QCOMPARE(list->at(0).receivedAt, complaint->receivedAt);
        QCOMPARE(list->at(0).content, QStringLiteral("柜台排队时间过长"));
        QCOMPARE(list->at(0).channel, QStringLiteral("counter"));

        // a receipt in the future is refused; so is a bad channel and a secret in the text
        BV_COMPARE_CODE(
            care().addComplaint(cm1, c1, utc("2026-03-06T10:00:00Z"), QStringLiteral("counter"), QStringLiteral("x")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().addComplaint(cm1, c1, QDateTime(), QStringLiteral("counter"), QStringLiteral("x")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(
            care().addComplaint(cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("fax"), QStringLiteral("x")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().addComplaint(cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("phone"),
                            QStringLiteral("客户称验证码是837261，被冒用")),
            ErrorCode::InvalidInput);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM complaints")), 1);

        const QList<AuditRow> rows = auditRows(audit::Complaint);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).objectId, QString::number(complaint->id));
        QCOMPARE(rows.at(0).customerNo, c1);
        QCOMPARE(detailsOf(rows.at(0)).value(QStringLiteral("action")).toString(), QStringLiteral("add"));
        QCOMPARE(detailsOf(rows.at(0)).value(QStringLiteral("status")).toString(), QStringLiteral("open"));
        QVERIFY(!rows.at(0).details.contains(QStringLiteral("排队")));
    }

    void holidaysAndMakeUpDaysMoveDeadlines()
    {
        setClock(utc("2026-03-12T02:00:00Z"));
        BV_VERIFY_OK(
            t->core->settings().set(t->admin, QStringLiteral("complaint.holidays"), QStringLiteral("2026-03-09")));
        // Friday 16:00 before a Monday holiday: investigate by Tuesday, answer by Wednesday
        auto friday = care().addComplaint(
            cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("letter"), QStringLiteral("对账单寄送错误"));
        BV_VERIFY_OK(friday);
        QCOMPARE(friday->investigateBy, endOfBranchDay(2026, 3, 10));
        QCOMPARE(friday->answerBy, endOfBranchDay(2026, 3, 11));
        // received on the holiday itself: counting starts on the next working day (Tuesday)
        auto onHoliday = care().addComplaint(
            cm1, c1, utc("2026-03-09T02:00:00Z"), QStringLiteral("phone"), QStringLiteral("节假日网点未营业"));
        BV_VERIFY_OK(onHoliday);
        QCOMPARE(onHoliday->investigateBy, endOfBranchDay(2026, 3, 10));
        QCOMPARE(onHoliday->answerBy, endOfBranchDay(2026, 3, 11));
        // a two-day holiday (Monday and Tuesday) pushes a Monday receipt to Wednesday and Thursday
        BV_VERIFY_OK(t->core->settings().set(
            t->admin, QStringLiteral("complaint.holidays"), QStringLiteral("2026-03-09, 2026-03-10")));
        auto longer = care().addComplaint(
            cm1, c1, utc("2026-03-09T02:00:00Z"), QStringLiteral("phone"), QStringLiteral("假期无法办理业务"));
        BV_VERIFY_OK(longer);
        QCOMPARE(longer->investigateBy, endOfBranchDay(2026, 3, 11));
        QCOMPARE(longer->answerBy, endOfBranchDay(2026, 3, 12));
        // a make-up working Saturday counts
        BV_VERIFY_OK(t->core->settings().set(t->admin, QStringLiteral("complaint.holidays"), QString()));
        BV_VERIFY_OK(t->core->settings().set(
            t->admin, QStringLiteral("complaint.extra_working_days"), QStringLiteral("2026-03-07")));
        auto makeUp = care().addComplaint(
            cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("counter"), QStringLiteral("调休日投诉"));
        BV_VERIFY_OK(makeUp);
        QCOMPARE(makeUp->investigateBy, endOfBranchDay(2026, 3, 7));
        QCOMPARE(makeUp->answerBy, endOfBranchDay(2026, 3, 9));

        // deadlines are fixed when the complaint is recorded: later settings do not move them
        auto list = care().complaints(cm1, c1);
        BV_VERIFY_OK(list);
        QCOMPARE(list->size(), 4);
        for (const Complaint& c : *list) {
            if (c.id == friday->id) {
                QCOMPARE(c.investigateBy, endOfBranchDay(2026, 3, 10));
                QCOMPARE(c.answerBy, endOfBranchDay(2026, 3, 11));
            }
        }
    }

    void complaintStatusMovesForwardWithResolutions()
    {
        setClock(utc("2026-03-06T09:00:00Z"));
        auto complaint = care().addComplaint(
            cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("phone"), QStringLiteral("理财产品风险未充分揭示"));
        BV_VERIFY_OK(complaint);
        const qint64 id = complaint->id;
        auto current = [&]() -> Complaint {
            auto list = care().complaints(m1, c1);
            return list.ok() && !list->isEmpty() ? list->constFirst() : Complaint();
        };

        BV_COMPARE_CODE(care().updateComplaint(cm1, id, ComplaintStatus::Closed, QStringLiteral("已处理")),
            ErrorCode::Conflict); // never answered
        BV_COMPARE_CODE(care().updateComplaint(cm1, id, ComplaintStatus::Answered, QString()), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().updateComplaint(cm1, id, ComplaintStatus::Investigating, QStringLiteral("已答复")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().updateComplaint(cm1, id, ComplaintStatus::Open, QString()), ErrorCode::InvalidInput);
        BV_COMPARE_CODE(
            care().updateComplaint(cm1, id + 1000, ComplaintStatus::Investigating, QString()), ErrorCode::NotFound);
        BV_COMPARE_CODE(
            care().updateComplaint(cm2, id, ComplaintStatus::Investigating, QString()), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            care().updateComplaint(clerk, id, ComplaintStatus::Investigating, QString()), ErrorCode::PermissionDenied);
        QCOMPARE(statusKey(current().status), QStringLiteral("open"));

        t->clock.advanceSecs(60);
        BV_VERIFY_OK(care().updateComplaint(cm1, id, ComplaintStatus::Investigating, QString()));
        Complaint now = current();
        QCOMPARE(statusKey(now.status), QStringLiteral("investigating"));
        QCOMPARE(now.investigatedAt, utc("2026-03-06T09:01:00Z"));
        QVERIFY(!now.answeredAt.isValid());
        BV_COMPARE_CODE(
            care().updateComplaint(cm1, id, ComplaintStatus::Investigating, QString()), ErrorCode::Conflict);

        t->clock.advanceSecs(60);
        BV_COMPARE_CODE(care().updateComplaint(cm1, id, ComplaintStatus::Answered, QStringLiteral("密码: 778899a")),
            ErrorCode::InvalidInput);
        BV_VERIFY_OK(
            care().updateComplaint(m1, id, ComplaintStatus::Answered, QStringLiteral("已向客户补充说明产品风险")));
        now = current();
        QCOMPARE(statusKey(now.status), QStringLiteral("answered"));
        QCOMPARE(now.investigatedAt, utc("2026-03-06T09:01:00Z"));
        QCOMPARE(now.answeredAt, utc("2026-03-06T09:02:00Z"));
        QCOMPARE(now.resolution, QStringLiteral("已向客户补充说明产品风险"));
        // no going back
        BV_COMPARE_CODE(
            care().updateComplaint(cm1, id, ComplaintStatus::Investigating, QString()), ErrorCode::Conflict);
        BV_COMPARE_CODE(care().updateComplaint(cm1, id, ComplaintStatus::Answered, QStringLiteral("再次答复")),
            ErrorCode::Conflict);
        BV_COMPARE_CODE(care().updateComplaint(cm1, id, ComplaintStatus::Closed, QString()), ErrorCode::InvalidInput);
        BV_VERIFY_OK(care().updateComplaint(cm1, id, ComplaintStatus::Closed, QStringLiteral("客户接受答复，结案")));
        now = current();
        QCOMPARE(statusKey(now.status), QStringLiteral("closed"));
        QCOMPARE(now.resolution, QStringLiteral("客户接受答复，结案"));
        QCOMPARE(now.answeredAt, utc("2026-03-06T09:02:00Z"));
        BV_COMPARE_CODE(
            care().updateComplaint(cm1, id, ComplaintStatus::Closed, QStringLiteral("x")), ErrorCode::Conflict);

        // answered straight away: investigated at the same moment
        auto quick = care().addComplaint(
            cm1, c2, utc("2026-03-06T08:30:00Z"), QStringLiteral("counter"), QStringLiteral("点钞机故障"));
        BV_VERIFY_OK(quick);
        BV_VERIFY_OK(care().updateComplaint(cm1, quick->id, ComplaintStatus::Answered, QStringLiteral("当场更换设备")));
        auto quickList = care().complaints(cm1, c2);
        BV_VERIFY_OK(quickList);
        QCOMPARE(quickList->constFirst().investigatedAt, t->clock.nowUtc());
        QCOMPARE(quickList->constFirst().answeredAt, t->clock.nowUtc());

        // audit: one add per complaint, one update per change, status without contents
        QList<AuditRow> updates;
        for (const AuditRow& row : auditRows(audit::Complaint)) {
            QVERIFY(!row.details.contains(QStringLiteral("风险")));
            QVERIFY(!row.details.contains(QStringLiteral("结案")));
            QVERIFY(!row.details.contains(QStringLiteral("更换")));
            if (detailsOf(row).value(QStringLiteral("action")).toString() == QLatin1String("update"))
                updates << row;
        }
        QCOMPARE(updates.size(), 4);
        QCOMPARE(detailsOf(updates.at(0)).value(QStringLiteral("status")).toString(), QStringLiteral("investigating"));
        QCOMPARE(detailsOf(updates.at(1)).value(QStringLiteral("status")).toString(), QStringLiteral("answered"));
        QCOMPARE(updates.at(1).login, QStringLiteral("m1"));
        QCOMPARE(detailsOf(updates.at(2)).value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
        QCOMPARE(detailsOf(updates.at(2)).value(QStringLiteral("from")).toString(), QStringLiteral("answered"));
        QCOMPARE(updates.at(2).objectId, QString::number(id));
    }

    void overdueComplaintsAreListedForTheirManagers()
    {
        setClock(utc("2026-03-06T09:00:00Z"));
        auto late = care().addComplaint(
            cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("counter"), QStringLiteral("转账到账延迟"));
        BV_VERIFY_OK(late);
        auto answered = care().addComplaint(
            m1, c2, utc("2026-03-06T08:00:00Z"), QStringLiteral("phone"), QStringLiteral("短信通知重复发送"));
        BV_VERIFY_OK(answered);
        BV_VERIFY_OK(
            care().updateComplaint(cm1, answered->id, ComplaintStatus::Answered, QStringLiteral("已修复通知设置")));
        QCOMPARE(care().overdue(cm1)->size(), 0);
        QCOMPARE(care().overdue(m1)->size(), 0);

        // Tuesday 00:30 branch time: Monday's investigation deadline has passed
        setClock(utc("2026-03-09T16:30:00Z"));
        auto own = care().overdue(cm1);
        BV_VERIFY_OK(own);
        QCOMPARE(own->size(), 1);
        QCOMPARE(own->at(0).id, late->id);
        QCOMPARE(own->at(0).customerNumber, c1);
        QVERIFY(own->at(0).overdue);
        QCOMPARE(own->at(0).content, QStringLiteral("转账到账延迟"));
        auto branch = care().overdue(m1);
        BV_VERIFY_OK(branch);
        QCOMPARE(branch->size(), 1);
        QCOMPARE(branch->at(0).id, late->id);
        auto other = care().overdue(cm2);
        BV_VERIFY_OK(other);
        QCOMPARE(other->size(), 0);
        BV_COMPARE_CODE(care().overdue(clerk), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().overdue(t->admin), ErrorCode::PermissionDenied);
        // the per-customer list marks it too; the answered one is not overdue
        auto listed = care().complaints(cm1, c1);
        BV_VERIFY_OK(listed);
        QVERIFY(listed->at(0).overdue);
        QVERIFY(!care().complaints(cm1, c2)->at(0).overdue);

        // investigating meets the first deadline; the answer is due by the end of Tuesday
        BV_VERIFY_OK(care().updateComplaint(cm1, late->id, ComplaintStatus::Investigating, QString()));
        QCOMPARE(care().overdue(cm1)->size(), 0);
        setClock(utc("2026-03-10T16:00:00Z"));
        QCOMPARE(care().overdue(cm1)->size(), 1);
        QCOMPARE(care().overdue(m1)->size(), 1);
        QCOMPARE(care().overdue(cm2)->size(), 0);
        BV_VERIFY_OK(care().updateComplaint(cm1, late->id, ComplaintStatus::Answered, QStringLiteral("已协调到账")));
        QCOMPARE(care().overdue(cm1)->size(), 0);
        QCOMPARE(care().overdue(m1)->size(), 0);

        // the overdue list is recorded like a list, with its scope and count and no contents
        const QList<AuditRow> cm1Lists = auditRows(audit::CustomerList, QStringLiteral("cm1"));
        QVERIFY(cm1Lists.size() >= 4);
        bool sawOne = false;
        for (const AuditRow& row : cm1Lists) {
            const QJsonObject d = detailsOf(row);
            QCOMPARE(d.value(QStringLiteral("list")).toString(), QStringLiteral("overdue_complaints"));
            QCOMPARE(d.value(QStringLiteral("scope")).toString(), QStringLiteral("own"));
            sawOne = sawOne || d.value(QStringLiteral("count")).toInt() == 1;
            QVERIFY(!row.details.contains(QStringLiteral("到账")));
        }
        QVERIFY(sawOne);
        const QList<AuditRow> m1Lists = auditRows(audit::CustomerList, QStringLiteral("m1"));
        QVERIFY(!m1Lists.isEmpty());
        QCOMPARE(detailsOf(m1Lists.constFirst()).value(QStringLiteral("scope")).toString(), QStringLiteral("branch"));
    }

    void complaintsBelongToTheOwnManagerAndTheBranchManager()
    {
        setClock(utc("2026-03-06T09:00:00Z"));
        BV_VERIFY_OK(care().addComplaint(
            cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("online"), QStringLiteral("网银登录异常")));
        BV_COMPARE_CODE(
            care().addComplaint(cm2, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("online"), QStringLiteral("x")),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().complaints(cm2, c1), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().complaints(clerk, c1), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().complaints(t->admin, c1), ErrorCode::PermissionDenied);
        auto branch = care().complaints(m1, c1);
        BV_VERIFY_OK(branch);
        QCOMPARE(branch->size(), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM complaints")), 1);
    }

    // ---- consent ----

    void consentIsAnAppendOnlyHistory()
    {
        BV_VERIFY_OK(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("given"),
            QDate(2026, 2, 20), QStringLiteral("counter")));
        BV_VERIFY_OK(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("withdrawn"),
            QDate(2026, 2, 25), QStringLiteral("letter")));
        auto again = care().recordConsent(m1, c1, QStringLiteral("processing"), QStringLiteral("given"),
            QDate(2026, 3, 1), QStringLiteral("mobile_app"));
        BV_VERIFY_OK(again);

        auto list = care().consents(cm1, c1);
        BV_VERIFY_OK(list);
        QCOMPARE(list->size(), 3);
        QCOMPARE(list->at(0).action, QStringLiteral("given"));
        QCOMPARE(list->at(0).onDate, QDate(2026, 2, 20));
        QCOMPARE(list->at(0).channel, QStringLiteral("counter"));
        QCOMPARE(list->at(0).recordedBy, QStringLiteral("cm1"));
        QCOMPARE(list->at(1).action, QStringLiteral("withdrawn"));
        QCOMPARE(list->at(1).onDate, QDate(2026, 2, 25));
        QCOMPARE(list->at(2).id, *again);
        QCOMPARE(list->at(2).action, QStringLiteral("given"));
        QCOMPARE(list->at(2).recordedBy, QStringLiteral("m1"));
        QCOMPARE(list->at(2).recordedAt, t->clock.nowUtc());
        for (const ConsentEntry& e : *list)
            QCOMPARE(e.purpose, QStringLiteral("processing"));
        // the current state is the last entry of the purpose
        QCOMPARE(list->constLast().action, QStringLiteral("given"));

        // entries are never changed, not even through SQL
        auto update = db().query(QStringLiteral("UPDATE consents SET action = 'withdrawn' WHERE id = ?"), {*again});
        QVERIFY(!update.ok());
        QCOMPARE(care().consents(cm1, c1)->constLast().action, QStringLiteral("given"));

        // audit rows name purpose and action
        const QList<AuditRow> rows = auditRows(audit::Consent);
        QCOMPARE(rows.size(), 3);
        QCOMPARE(detailsOf(rows.at(1)).value(QStringLiteral("purpose")).toString(), QStringLiteral("processing"));
        QCOMPARE(detailsOf(rows.at(1)).value(QStringLiteral("action")).toString(), QStringLiteral("withdrawn"));
        QCOMPARE(rows.at(2).login, QStringLiteral("m1"));
        QCOMPARE(rows.at(2).customerNo, c1);
        QCOMPARE(rows.at(2).objectId, QString::number(*again));
    }

    void consentRulesAreChecked()
    {
        const QDate today(2026, 3, 2);
        // nothing to withdraw
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("withdrawn"), today,
                            QStringLiteral("counter")),
            ErrorCode::Conflict);
        // marketing needs processing first
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("marketing"), QStringLiteral("given"), today,
                            QStringLiteral("counter")),
            ErrorCode::Conflict);
        // input checks
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("profiling"), QStringLiteral("given"), today,
                            QStringLiteral("counter")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("maybe"), today,
                            QStringLiteral("counter")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("given"),
                            today.addDays(1), QStringLiteral("counter")),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("given"), today,
                            QStringLiteral("carrier pigeon")),
            ErrorCode::InvalidInput);
        // scope
        BV_COMPARE_CODE(care().recordConsent(cm2, c1, QStringLiteral("processing"), QStringLiteral("given"), today,
                            QStringLiteral("counter")),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().consents(cm2, c1), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(care().consents(clerk, c1), ErrorCode::PermissionDenied);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM consents")), 0);
        QCOMPARE(auditRows(audit::Consent).size(), 0);

        BV_VERIFY_OK(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("given"),
            QDate(2026, 2, 27), QStringLiteral("counter")));
        // marketing dated before the processing consent is refused; on the same day it is fine
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("marketing"), QStringLiteral("given"),
                            QDate(2026, 2, 26), QStringLiteral("counter")),
            ErrorCode::Conflict);
        BV_VERIFY_OK(care().recordConsent(cm1, c1, QStringLiteral("marketing"), QStringLiteral("given"),
            QDate(2026, 2, 27), QStringLiteral("counter")));
        // an entry dated before the last one of its purpose is refused
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("withdrawn"),
                            QDate(2026, 2, 26), QStringLiteral("letter")),
            ErrorCode::Conflict);
        // withdrawing processing withdraws marketing too, in two rows
        auto withdrawn = care().recordConsent(
            cm1, c1, QStringLiteral("processing"), QStringLiteral("withdrawn"), today, QStringLiteral("letter"));
        BV_VERIFY_OK(withdrawn);
        auto list = care().consents(cm1, c1);
        BV_VERIFY_OK(list);
        QCOMPARE(list->size(), 4);
        QCOMPARE(list->at(2).id, *withdrawn);
        QCOMPARE(list->at(2).purpose, QStringLiteral("processing"));
        QCOMPARE(list->at(2).action, QStringLiteral("withdrawn"));
        QCOMPARE(list->at(3).purpose, QStringLiteral("marketing"));
        QCOMPARE(list->at(3).action, QStringLiteral("withdrawn"));
        QCOMPARE(list->at(3).onDate, today);
        QCOMPARE(list->at(3).channel, QStringLiteral("letter"));
        const QList<AuditRow> rows = auditRows(audit::Consent);
        QCOMPARE(rows.size(), 4);
        QCOMPARE(detailsOf(rows.at(3)).value(QStringLiteral("purpose")).toString(), QStringLiteral("marketing"));
        QCOMPARE(
            detailsOf(rows.at(3)).value(QStringLiteral("cause")).toString(), QStringLiteral("processing_withdrawn"));
        // and marketing cannot be withdrawn twice
        BV_COMPARE_CODE(care().recordConsent(cm1, c1, QStringLiteral("marketing"), QStringLiteral("withdrawn"), today,
                            QStringLiteral("letter")),
            ErrorCode::Conflict);
    }

    void auditRowsCarryNoContentsOrPersonalData()
    {
        setClock(utc("2026-03-06T09:00:00Z"));
        const QString serviceText = QStringLiteral("客户咨询大额存单利率");
        const QString complaintText = QStringLiteral("对理财经理服务态度不满");
        const QString resolutionText = QStringLiteral("已致歉并调整服务人员");
        BV_VERIFY_OK(care().addService(cm1, c1, QDate(2026, 3, 6), QStringLiteral("counter"), serviceText));
        auto complaint
            = care().addComplaint(cm1, c1, utc("2026-03-06T08:00:00Z"), QStringLiteral("phone"), complaintText);
        BV_VERIFY_OK(complaint);
        BV_VERIFY_OK(care().updateComplaint(cm1, complaint->id, ComplaintStatus::Answered, resolutionText));
        BV_VERIFY_OK(care().recordConsent(cm1, c1, QStringLiteral("processing"), QStringLiteral("given"),
            QDate(2026, 3, 6), QStringLiteral("counter")));
        BV_VERIFY_OK(care().overdue(m1));
        BV_COMPARE_CODE(care().services(cm2, c1), ErrorCode::PermissionDenied);

        AuditFilter filter;
        filter.limit = 5000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        BV_VERIFY_OK(rows);
        QStringList forbidden = {serviceText, complaintText, resolutionText, QStringLiteral("大额存单"),
            QStringLiteral("服务态度"), QStringLiteral("致歉")};
        forbidden << secretsOf(1) << secretsOf(2);
        int careRows = 0;
        for (const AuditRow& row : *rows) {
            if (row.action == QLatin1String(audit::ServiceRecord) || row.action == QLatin1String(audit::Complaint)
                || row.action == QLatin1String(audit::Consent))
                ++careRows;
            for (const QString& value : std::as_const(forbidden)) {
                QVERIFY2(!row.details.contains(value), qPrintable(row.action));
                QVERIFY2(!row.objectId.contains(value), qPrintable(row.action));
                QVERIFY2(!row.customerNo.contains(value), qPrintable(row.action));
            }
        }
        QCOMPARE(careRows, 4);
        // and the chain is intact
        auto verified = internalsOf(*t->core).auditLog().verify();
        BV_VERIFY_OK(verified);
        QVERIFY(verified->ok());
    }
};

QTEST_GUILESS_MAIN(TestCare)
#include "tst_care.moc"
