// Serving a customer over the branch server through the core (ServerCare; DESIGN §6, docs/SERVER.md "Care over the
// server"), on a real throwaway cluster with TLS: service records, complaints with their due dates (the branch's
// holiday setting on the server moving them), the status moves and the overdue list, consent given and withdrawn with
// its rules — each writing local mode's audit row on the server; the customer manager only for the customers he or
// she is responsible for, the branch manager for the branch, a clerk and the administrator refused; and the same
// refusals for psql with a staff member's credentials (no table readable, no function callable outside the rules,
// no care row forged through audit_append, no consent changed).
//
// Grade-1 values never reach the test's output.
#include "core/customers/rules/HolidayCalendar.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/server/ServerCare.h"
#include "core/server/ServerCustomers.h"
#include "tests/server/ServerBranch.h"
#include "tests/server/ServerResults.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

QDate branchToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

} // namespace

class TestServerCare : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<ServerBranch> m_branch;
    int m_seed = 500;
    QString m_x; // c1's approved customer
    QString m_y; // c2's approved customer

    QString sql(const QString& statement) const { return m_branch->sql(statement); }
    ServerCare care(const char* login) { return ServerCare(m_branch->session(QLatin1String(login))); }
    qint64 lastSeq() const { return sql(QStringLiteral("SELECT max(seq) FROM branchvault.audit_log")).toLongLong(); }
    // The audit rows of `action` after `seq`: "login|object_type|object_id|customer_no|details", one per line.
    QString auditAfter(qint64 seq, const QString& action) const
    {
        return sql(QStringLiteral("SELECT string_agg(login || '|' || object_type || '|' || object_id || '|' || "
                                  "coalesce(customer_no, '') || '|' || details, E'\\n' ORDER BY seq) FROM "
                                  "branchvault.audit_log WHERE seq > %1 AND action = '%2'")
                       .arg(seq)
                       .arg(action));
    }

    // A customer `login` enters; approved by m1 unless `approve` is false. Its number, "" when something failed.
    QString customer(const char* login, bool approve = true)
    {
        const CustomerInput input = customerInput(++m_seed);
        auto receipt = ServerCustomers(m_branch->session(QLatin1String(login))).enter(input);
        if (!receipt.ok()) {
            qWarning("enter: %s", qPrintable(why(receipt)));
            return QString();
        }
        if (!approve)
            return receipt->customerNumber;
        const RekeyedValues typed {{QStringLiteral("id_number"), {input.values.value(QStringLiteral("id_number"))}}};
        const Status decided = ServerCustomers(m_branch->session(QStringLiteral("m1")))
                                   .decide(receipt->changeId, true, QStringLiteral("核对证件一致"), typed);
        if (!decided.ok()) {
            qWarning("approve: %s", qPrintable(why(decided)));
            return QString();
        }
        return receipt->customerNumber;
    }

private slots:
    void initTestCase()
    {
        m_branch = std::make_unique<ServerBranch>(QStringLiteral("care"));
        const QString problem = m_branch->setUp();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        for (const auto& [login, role] :
            {std::pair {QStringLiteral("m1"), Role::Manager}, std::pair {QStringLiteral("m2"), Role::Manager},
                std::pair {QStringLiteral("c1"), Role::CustomerManager},
                std::pair {QStringLiteral("c2"), Role::CustomerManager},
                std::pair {QStringLiteral("k1"), Role::Clerk}}) {
            const QString added = m_branch->addStaff(login, role);
            QVERIFY2(added.isEmpty(), qPrintable(added));
        }
        m_x = customer("c1");
        m_y = customer("c2");
        QVERIFY(!m_x.isEmpty() && !m_y.isEmpty());
    }

    void cleanupTestCase() { m_branch.reset(); }

    // A service record by the customer's own customer manager and one by the branch manager; the list newest first;
    // each with its customer.service row (channel and date, never the text).
    void serviceRecordsAreKeptAndAudited()
    {
        const qint64 seq = lastSeq();
        const QDate yesterday = branchToday().addDays(-1);
        auto first
            = care("c1").addService(m_x, yesterday, QStringLiteral("counter"), QStringLiteral("办理挂失补卡业务"));
        QVERIFY2(first.ok(), qPrintable(why(first)));
        auto second
            = care("m1").addService(m_x, branchToday(), QStringLiteral("Phone"), QStringLiteral("回访确认补卡已领取"));
        QVERIFY2(second.ok(), qPrintable(why(second)));
        auto list = care("c1").services(m_x);
        QVERIFY2(list.ok(), qPrintable(why(list)));
        QCOMPARE(list->size(), 2);
        QCOMPARE(list->at(1).id, *second);
        QCOMPARE(list->at(1).channel, QStringLiteral("phone"));
        QCOMPARE(list->at(1).byLogin, QStringLiteral("m1"));
        QCOMPARE(list->at(0).content, QStringLiteral("办理挂失补卡业务"));
        QCOMPARE(list->at(0).servedOn, yesterday);
        QVERIFY(list->at(0).createdAt.isValid());
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.service")),
            QStringLiteral("c1|service_record|%1|%2|{\"action\":\"add\",\"channel\":\"counter\",\"served_on\":\"%3\"}\n"
                           "m1|service_record|%4|%2|{\"action\":\"add\",\"channel\":\"phone\",\"served_on\":\"%5\"}")
                .arg(*first)
                .arg(m_x, yesterday.toString(Qt::ISODate))
                .arg(*second)
                .arg(branchToday().toString(Qt::ISODate)));
        // the read is recorded too (the records can be read without opening the card)
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.open")),
            QStringLiteral("c1|customer|%1|%2|{\"part\":\"service_records\"}")
                .arg(sql(QStringLiteral("SELECT id FROM branchvault.customers WHERE customer_no = '%1'").arg(m_x)),
                    m_x));
    }

    // What the workstation refuses before sending, naming the field; nothing reaches the server.
    void badServiceRecordsAreRefusedNamingTheField()
    {
        const QString before = sql(QStringLiteral("SELECT count(*) FROM branchvault.service_records"));
        auto empty = care("c1").addService(m_x, branchToday(), QStringLiteral("counter"), QStringLiteral("  "));
        QCOMPARE(fieldOf(empty), QStringLiteral("content"));
        auto future
            = care("c1").addService(m_x, branchToday().addDays(1), QStringLiteral("counter"), QStringLiteral("x"));
        QCOMPARE(fieldOf(future), QStringLiteral("served_on"));
        auto channel = care("c1").addService(m_x, branchToday(), QStringLiteral("fax"), QStringLiteral("x"));
        QCOMPARE(fieldOf(channel), QStringLiteral("channel"));
        auto number = care("c1").addService(
            m_x, branchToday(), QStringLiteral("counter"), QStringLiteral("客户留了新手机 13912345678"));
        QCOMPARE(codeOf(number), ErrorCode::InvalidInput);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.service_records")), before);
        // the server refuses the same when a modified client sends it, naming the field
        for (const auto& [text, field] :
            {std::pair {QStringLiteral("'客户留了新手机 13912345678'"), QStringLiteral("content")},
                std::pair {QStringLiteral("E'a\\x01b'"), QStringLiteral("content")},
                std::pair {QStringLiteral("repeat('长', 2001)"), QStringLiteral("content")},
                std::pair {QStringLiteral("'客户告知取款密码 834621'"), QStringLiteral("content")},
                std::pair {QStringLiteral("'卡背面 CVV：123'"), QStringLiteral("content")}}) {
            const QString sent = m_branch->sqlAs(QStringLiteral("c1"),
                QStringLiteral("SELECT branchvault.service_add('%1', current_date, 'counter', %2, 'ws')")
                    .arg(m_x, text));
            QVERIFY2(sent.contains(QLatin1String("22023")) && sent.contains(QStringLiteral("field \"%1\"").arg(field)),
                qPrintable(sent.left(300)));
        }
        const QString future2 = m_branch->sqlAs(QStringLiteral("c1"),
            QStringLiteral("SELECT branchvault.service_add('%1', current_date + 3, 'counter', '回访', 'ws')").arg(m_x));
        QVERIFY2(future2.contains(QLatin1String("field \"served_on\"")), qPrintable(future2.left(300)));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.service_records")), before);
    }

    // Another customer manager's customer, a pending customer, a clerk and the administrator: refused, through the
    // core and with psql; no role reads the care tables directly or forges a care audit row.
    void onlyTheCustomersOwnCustomerManagerAndTheBranchManagerServe()
    {
        const QString before = sql(QStringLiteral("SELECT count(*) FROM branchvault.service_records"));
        auto other = care("c2").addService(m_x, branchToday(), QStringLiteral("counter"), QStringLiteral("回访"));
        QCOMPARE(codeOf(other), ErrorCode::PermissionDenied);
        QCOMPARE(codeOf(care("c2").services(m_x)), ErrorCode::PermissionDenied);
        QCOMPARE(codeOf(care("c2").complaints(m_x)), ErrorCode::PermissionDenied);
        QCOMPARE(codeOf(care("c2").consents(m_x)), ErrorCode::PermissionDenied);
        QCOMPARE(codeOf(care("k1").services(m_x)), ErrorCode::PermissionDenied);
        QCOMPARE(codeOf(care("a1").overdue()), ErrorCode::PermissionDenied);
        auto missing = care("m1").services(QStringLiteral("0101-99999999"));
        QCOMPARE(codeOf(missing), ErrorCode::NotFound);
        // what was typed is not repeated unless it is shaped like a customer number
        const QString typedMobile = customerInput(m_seed).values.value(QStringLiteral("mobile"));
        auto mistyped = care("m1").services(typedMobile);
        QCOMPARE(codeOf(mistyped), ErrorCode::InvalidInput);
        QVERIFY(!mistyped.error().detail.contains(typedMobile) && !mistyped.error().message.contains(typedMobile));
        const QString sentMobile = m_branch->sqlAs(QStringLiteral("m1"),
            ServerDatabase::readCall(
                QStringLiteral("service_page"), QStringLiteral("{\"customer_no\": \"%1\"}").arg(typedMobile)));
        QVERIFY2(sentMobile.contains(QLatin1String("P0002")) && !sentMobile.contains(typedMobile),
            "the server repeated a mobile number");
        const QString pending = customer("c1", false);
        QVERIFY(!pending.isEmpty());
        auto waiting = care("c1").addService(pending, branchToday(), QStringLiteral("counter"), QStringLiteral("回访"));
        QCOMPARE(codeOf(waiting), ErrorCode::Conflict);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.service_records")), before);

        for (const char* login : {"c2", "k1", "a1"}) {
            const QString sent = m_branch->sqlAs(QLatin1String(login),
                QStringLiteral("SELECT branchvault.service_add('%1', current_date, 'counter', '回访', 'ws')").arg(m_x));
            QVERIFY2(sent.contains(QLatin1String("42501")), qPrintable(QLatin1String(login) + sent.left(300)));
        }
        for (const char* login : {"m1", "c1", "k1", "a1"}) {
            for (const char* table : {"service_records", "complaints", "consents"}) {
                const QString read = m_branch->sqlAs(QLatin1String(login),
                    QStringLiteral("SELECT count(*) FROM branchvault.%1").arg(QLatin1String(table)));
                QVERIFY2(read.contains(QLatin1String("42501")), qPrintable(QLatin1String(login) + read.left(300)));
            }
            // no row the server writes itself can be appended by a workstation: the care rows, and those of the
            // earlier migrations (each migration that adds one redefines the whole list)
            for (const char* action :
                {"customer.service", "customer.complaint", "customer.consent", "db.create", "customer.rekey_mismatch",
                    "customer.create", "customer.edit", "customer.approve", "customer.reject", "customer.assign",
                    "customer.suspicious_clear", "customer.reveal", "customer.lookup", "auth.password_change",
                    "audit.purge", "grant.use", "user.create", "settings.change", "request.create"}) {
                const QString forged = m_branch->sqlAs(QLatin1String(login),
                    QStringLiteral("SELECT branchvault.audit_append('ws', '%1', 'customer', '1', '%2', 'ok', '{}')")
                        .arg(QLatin1String(action), m_x));
                QVERIFY2(forged.contains(QLatin1String("42501")),
                    qPrintable(QStringLiteral("%1 appended %2: %3")
                                   .arg(QLatin1String(login), QLatin1String(action), forged.left(200))));
            }
        }
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.service_records")), before);
    }

    // A complaint's due dates are the branch's working days (the server's holiday setting included); its status
    // moves forward only, the answer before the closing; each move is audited; the customer manager of another
    // customer finds no such complaint; two sessions moving it: the second is told what it found.
    void complaintsMoveForwardWithTheirDueDates()
    {
        // a Friday 10:00 branch time, three weeks ago: investigation due the next working day, the answer the one after
        QDate friday = branchToday().addDays(-21);
        while (friday.dayOfWeek() != Qt::Friday)
            friday = friday.addDays(-1);
        const QDateTime received = QDateTime(friday, QTime(10, 0), WorkingCalendar::branchTimeZone()).toUTC();
        const WorkingCalendar plain = WorkingCalendar::combined(HolidayCalendar::shipped(), {}, {});
        const auto expected = plain.complaintDeadlines(received);
        // the first working day after the Friday becomes a holiday on the server: both due dates move on
        QDate next = friday.addDays(1);
        while (!plain.isWorkingDay(next))
            next = next.addDays(1);
        const QString set = m_branch->sqlAs(QStringLiteral("a1"),
            QStringLiteral("SELECT branchvault.settings_set('complaint.holidays', '%1', 'ws')")
                .arg(next.toString(Qt::ISODate)));
        QVERIFY2(!set.startsWith(QLatin1String("<error")), qPrintable(set.left(300)));
        const auto moved
            = WorkingCalendar::combined(HolidayCalendar::shipped(), {next}, {}).complaintDeadlines(received);
        QVERIFY(moved.investigateByUtc > expected.investigateByUtc);
        QVERIFY(moved.answerByUtc > expected.answerByUtc);

        const qint64 seq = lastSeq();
        auto added
            = care("c1").addComplaint(m_x, received, QStringLiteral("counter"), QStringLiteral("柜台排队时间过长"));
        QVERIFY2(added.ok(), qPrintable(why(added)));
        QCOMPARE(added->status, ComplaintStatus::Open);
        QVERIFY(added->overdue);
        QCOMPARE(sql(QStringLiteral("SELECT to_char(investigate_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') || "
                                    "'|' || to_char(answer_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM "
                                    "branchvault.complaints WHERE id = %1")
                         .arg(added->id)),
            moved.investigateByUtc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QLatin1Char('|')
                + moved.answerByUtc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));

        QCOMPARE(added->investigateBy, moved.investigateByUtc);
        QCOMPARE(added->answerBy, moved.answerByUtc);

        // forward only; closing needs the answer; the resolution when answering, not when investigating
        QCOMPARE(
            fieldOf(care("c1").updateComplaint(added->id, ComplaintStatus::Investigating, QStringLiteral("已处理"))),
            QStringLiteral("resolution"));
        QCOMPARE(codeOf(care("c1").updateComplaint(added->id, ComplaintStatus::Closed, QStringLiteral("已结案"))),
            ErrorCode::Conflict);
        QCOMPARE(codeOf(care("c2").updateComplaint(added->id, ComplaintStatus::Investigating, QString())),
            ErrorCode::NotFound);
        QCOMPARE(codeOf(care("k1").updateComplaint(added->id, ComplaintStatus::Investigating, QString())),
            ErrorCode::PermissionDenied);
        const Status investigating = care("c1").updateComplaint(added->id, ComplaintStatus::Investigating, QString());
        QVERIFY2(investigating.ok(), qPrintable(why(investigating)));
        // the branch manager's session had the complaint open too: told it moved on
        const Status again = care("m1").updateComplaint(added->id, ComplaintStatus::Investigating, QString());
        QCOMPARE(codeOf(again), ErrorCode::Conflict);
        QVERIFY2(again.error().detail.contains(QLatin1String("already investigating")), qPrintable(why(again)));
        const Status answered = care("m1").updateComplaint(
            added->id, ComplaintStatus::Answered, QStringLiteral("已向客户致歉并增开窗口"));
        QVERIFY2(answered.ok(), qPrintable(why(answered)));
        QCOMPARE(codeOf(care("c1").updateComplaint(added->id, ComplaintStatus::Investigating, QString())),
            ErrorCode::Conflict);
        const Status closed
            = care("c1").updateComplaint(added->id, ComplaintStatus::Closed, QStringLiteral("客户表示满意，结案"));
        QVERIFY2(closed.ok(), qPrintable(why(closed)));

        auto list = care("c1").complaints(m_x);
        QVERIFY2(list.ok(), qPrintable(why(list)));
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->at(0).status, ComplaintStatus::Closed);
        QCOMPARE(list->at(0).resolution, QStringLiteral("客户表示满意，结案"));
        QVERIFY(list->at(0).investigatedAt.isValid() && list->at(0).answeredAt.isValid());
        QVERIFY(!list->at(0).overdue);
        QCOMPARE(list->at(0).recordedBy, QStringLiteral("c1"));
        const QString id = QString::number(added->id);
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.complaint")),
            QStringLiteral(
                "c1|complaint|%1|%2|{\"action\":\"add\",\"channel\":\"counter\",\"status\":\"open\"}\n"
                "c1|complaint|%1|%2|{\"action\":\"update\",\"from\":\"open\",\"status\":\"investigating\"}\n"
                "m1|complaint|%1|%2|{\"action\":\"update\",\"from\":\"investigating\",\"status\":\"answered\"}\n"
                "c1|complaint|%1|%2|{\"action\":\"update\",\"from\":\"answered\",\"status\":\"closed\"}")
                .arg(id, m_x));

        // a modified client cannot send due dates any more (migration 17's signature is gone); what it sends is dated
        // by the server
        const QString old = m_branch->sqlAs(QStringLiteral("c1"),
            QStringLiteral("SELECT branchvault.complaint_add('%1', now() - interval '1 day', 'counter', '投诉', "
                           "now() + interval '1 day', now() + interval '14 days', 'ws')")
                .arg(m_x));
        QVERIFY2(old.contains(QLatin1String("42883")), qPrintable(old.left(300)));
        const QString direct = m_branch->sqlAs(QStringLiteral("c1"),
            QStringLiteral("SELECT (answer_by - (SELECT answer_by FROM branchvault.complaint_due('%2'::timestamptz, "
                           "'0101')))::text FROM branchvault.complaint_add('%1', '%2'::timestamptz, 'counter', "
                           "'投诉', 'ws')")
                .arg(m_x, received.toString(Qt::ISODateWithMs)));
        QVERIFY2(direct.contains(QLatin1String("42501")), qPrintable(direct.left(300))); // complaint_due is not theirs
        const QString dated = m_branch->sqlAs(QStringLiteral("c1"),
            QStringLiteral("SELECT to_char(answer_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS') FROM "
                           "branchvault.complaint_add('%1', '%2'::timestamptz, 'counter', '投诉', 'ws')")
                .arg(m_x, received.toString(Qt::ISODateWithMs)));
        QCOMPARE(dated, moved.answerByUtc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        sql(QStringLiteral("DELETE FROM branchvault.complaints WHERE id > %1").arg(added->id)); // the lists below
        sql(QStringLiteral("DELETE FROM branchvault.settings WHERE key = 'complaint.holidays'"));
    }

    // The server's due dates are the workstation's (WorkingCalendar::complaintDeadlines with the shipped calendar and
    // the branch's two settings): every day from before the shipped years to after them, at three times of the day,
    // with a branch holiday on an official make-up working day and on a plain weekday, and a branch working day on an
    // official holiday's weekend — the four ways WorkingCalendar::combined lets the two calendars meet.
    void theServerDatesComplaintsAsTheWorkstationWould()
    {
        const OfficialCalendar& shipped = HolidayCalendar::shipped();
        QVERIFY(!shipped.isEmpty());
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(year || ':' || source, ',' ORDER BY year) FROM "
                                    "branchvault.official_calendar_years")),
            QStringLiteral("2025:shipped,2026:shipped"));
        QList<QDate> workdays(shipped.workdays.cbegin(), shipped.workdays.cend());
        QList<QDate> weekendHolidays;
        for (const QDate& day : shipped.holidays)
            if (day.dayOfWeek() >= Qt::Saturday)
                weekendHolidays << day;
        std::sort(workdays.begin(), workdays.end());
        std::sort(weekendHolidays.begin(), weekendHolidays.end());
        QVERIFY(!workdays.isEmpty() && !weekendHolidays.isEmpty());
        QDate weekday(2026, 3, 11); // a Wednesday no official list names
        QVERIFY(!shipped.holidays.contains(weekday) && weekday.dayOfWeek() == Qt::Wednesday);
        const QSet<QDate> holidays {workdays.constFirst(), weekday};
        const QSet<QDate> extra {weekendHolidays.constLast()};
        const auto setTo = [this](const char* key, const QSet<QDate>& days) {
            QStringList list;
            for (const QDate& day : days)
                list << day.toString(Qt::ISODate);
            return m_branch->sqlAs(QStringLiteral("a1"),
                QStringLiteral("SELECT branchvault.settings_set('%1', '%2', 'ws')")
                    .arg(QLatin1String(key), list.join(',')));
        };
        QString set = setTo("complaint.holidays", holidays);
        QVERIFY2(!set.startsWith(QLatin1String("<error")), qPrintable(set.left(300)));
        set = setTo("complaint.extra_working_days", extra);
        QVERIFY2(!set.startsWith(QLatin1String("<error")), qPrintable(set.left(300)));

        const WorkingCalendar expected = WorkingCalendar::combined(shipped, holidays, extra);
        QList<QDateTime> receipts;
        QStringList texts;
        for (QDate day(2024, 12, 20); day <= QDate(2027, 1, 10); day = day.addDays(1))
            for (const QTime& time : {QTime(0, 30), QTime(10, 0), QTime(23, 59, 59, 500)}) {
                receipts << QDateTime(day, time, WorkingCalendar::branchTimeZone()).toUTC();
                texts << receipts.constLast().toString(Qt::ISODateWithMs);
            }
        const QString due = sql(QStringLiteral(
            "SELECT string_agg(to_char(d.investigate_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') || '|' || "
            "to_char(d.answer_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS'), ' ' ORDER BY r.n) FROM "
            "unnest('{%1}'::timestamptz[]) WITH ORDINALITY AS r(at, n), branchvault.complaint_due(r.at, '0101') AS d")
                                    .arg(texts.join(QLatin1Char(','))));
        const QStringList server = due.split(QLatin1Char(' '));
        QCOMPARE(server.size(), receipts.size());
        int compared = 0;
        for (int i = 0; i < receipts.size(); ++i) {
            const auto local = expected.complaintDeadlines(receipts.at(i));
            const QString want = local.investigateByUtc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"))
                + QLatin1Char('|') + local.answerByUtc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz"));
            if (server.at(i) != want)
                QFAIL(qPrintable(QStringLiteral("received %1: the server says %2, the workstation %3")
                                     .arg(texts.at(i), server.at(i), want)));
            ++compared;
        }
        QVERIFY(compared > 2000);

        // a calendar that leaves no two working days within 30 days of the receipt is refused, naming the next step,
        // and nothing is stored: six weeks of holidays do not quietly move a complaint off the overdue list
        const QDate first = branchToday().addDays(-40);
        QSet<QDate> weeks;
        for (int i = 0; i < 42; ++i)
            weeks.insert(first.addDays(i));
        sql(QStringLiteral("DELETE FROM branchvault.settings WHERE key = 'complaint.extra_working_days'"));
        set = setTo("complaint.holidays", weeks);
        QVERIFY2(!set.startsWith(QLatin1String("<error")), qPrintable(set.left(300)));
        const QString count = sql(QStringLiteral("SELECT count(*) FROM branchvault.complaints"));
        auto refused = care("c1").addComplaint(m_x,
            QDateTime(first.addDays(-1), QTime(10, 0), WorkingCalendar::branchTimeZone()), QStringLiteral("counter"),
            QStringLiteral("柜台排队时间过长"));
        QCOMPARE(codeOf(refused), ErrorCode::InvalidInput);
        QVERIFY2(refused.error().detail.contains(QLatin1String("administrator")), qPrintable(why(refused)));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.complaints")), count);
        sql(QStringLiteral("DELETE FROM branchvault.settings WHERE key IN ('complaint.holidays', "
                           "'complaint.extra_working_days')"));
    }

    // The administrator imports a newer year (the years of the file replace those years; audited calendar.import as
    // locally), and the due dates follow it; a bad file is refused line by line and recorded with its count; nobody
    // else imports, seeds the calendar or forges the import's row.
    void theAdministratorImportsANewerYear()
    {
        const QByteArray csv = "date,kind,name\n2027-01-01,holiday,元旦\n2027-01-04,holiday,测试假日\n"
                               "2027-01-09,workday,测试调休\n";
        const qint64 seq = lastSeq();
        QList<HolidayCalendar::Problem> problems;
        auto imported = m_branch->session(QStringLiteral("a1")).importCalendar(csv, &problems);
        QVERIFY2(imported.ok(), qPrintable(why(imported)));
        QVERIFY(problems.isEmpty());
        QCOMPARE(imported->years, QList<int>({2027}));
        QCOMPARE(imported->knownYears, QList<int>({2025, 2026, 2027}));
        QCOMPARE(imported->holidays, 2);
        QCOMPARE(imported->workdays, 1);
        QCOMPARE(
            sql(QStringLiteral("SELECT login || '|' || object_type || '|' || object_id || '|' || outcome || '|' || "
                               "(details = '{\"holidays\":2,\"workdays\":1,\"years\":[2027]}')::text "
                               "FROM branchvault.audit_log WHERE seq > %1 AND action = 'calendar.import'")
                    .arg(seq)),
            QStringLiteral("a1|settings|calendar.official|ok|true"));
        QCOMPARE(sql(QStringLiteral("SELECT source FROM branchvault.official_calendar_years WHERE year = 2027")),
            QStringLiteral("import"));
        // the roles that record complaints read which years the server covers (migration 26), for the pages' warning
        // of a due date counted without its year's holidays; the clerk and the auditor do not
        for (const char* login : {"c1", "m1"}) {
            auto years = care(login).calendarYears();
            QVERIFY2(years.ok(), qPrintable(why(years)));
            QCOMPARE(*years, (QSet<int> {2025, 2026, 2027}));
        }
        QCOMPARE(m_branch->sqlAs(QStringLiteral("c1"), QStringLiteral("SELECT branchvault.calendar_years()")),
            QStringLiteral("{2025,2026,2027}"));
        QCOMPARE(codeOf(care("k1").calendarYears()), ErrorCode::PermissionDenied);

        // received on Thursday 2026-12-31: Friday the 1st and Monday the 4th are holidays now, Saturday the 9th a
        // working day, as the workstation's calendar with the file merged says
        OfficialCalendar merged = HolidayCalendar::shipped();
        auto parsed = HolidayCalendar::parse(csv);
        QVERIFY(parsed.ok());
        merged.merge(*parsed);
        const QDateTime received = QDateTime(QDate(2026, 12, 31), QTime(15, 0), WorkingCalendar::branchTimeZone());
        const auto want = WorkingCalendar::combined(merged, {}, {}).complaintDeadlines(received);
        QCOMPARE(want.investigateByUtc.toTimeZone(WorkingCalendar::branchTimeZone()).date(), QDate(2027, 1, 5));
        QCOMPARE(sql(QStringLiteral("SELECT to_char(investigate_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') "
                                    "|| '|' || to_char(answer_by AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') "
                                    "FROM branchvault.complaint_due('%1', '0101')")
                         .arg(received.toUTC().toString(Qt::ISODateWithMs))),
            want.investigateByUtc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) + QLatin1Char('|')
                + want.answerByUtc.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")));

        // a file with two bad lines: nothing stored, both named, the refusal recorded with its count
        const qint64 before = lastSeq();
        auto refused = m_branch->session(QStringLiteral("a1"))
                           .importCalendar("date,kind,name\n2027-02-30,holiday,x\n2027-03-03,workday,y\n", &problems);
        QCOMPARE(codeOf(refused), ErrorCode::InvalidInput);
        QCOMPARE(problems.size(), 2);
        QCOMPARE(sql(QStringLiteral("SELECT outcome || '|' || details FROM branchvault.audit_log WHERE seq > %1 AND "
                                    "action = 'calendar.import'")
                         .arg(before)),
            QStringLiteral("failed|{\"problems\":2}"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.official_calendar WHERE day >= '2027-01-01'")),
            QStringLiteral("3"));

        // a customer manager may not import; psql cannot seed, read the calendar's tables or forge the row
        QCOMPARE(codeOf(m_branch->session(QStringLiteral("c1")).importCalendar(csv)), ErrorCode::PermissionDenied);
        for (const QString& statement :
            {QStringLiteral("SELECT branchvault.calendar_seed('{2027}', '{2027-01-05}', '{holiday}')"),
                QStringLiteral("SELECT count(*) FROM branchvault.official_calendar"),
                QStringLiteral("SELECT branchvault.audit_append('ws', 'calendar.import', 'settings', "
                               "'calendar.official', NULL, 'ok', '{}')")}) {
            for (const QString& login : {QStringLiteral("a1"), QStringLiteral("c1")}) {
                const QString out = m_branch->sqlAs(login, statement);
                QVERIFY2(
                    out.contains(QLatin1String("42501")), qPrintable(login + QStringLiteral(": ") + out.left(300)));
            }
        }
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.official_calendar WHERE day >= '2027-01-01'")),
            QStringLiteral("3"));
    }

    // The overdue list: the customer manager's own customers, the branch manager's branch; each read audited.
    void theOverdueListsAreOwnOrTheBranchs()
    {
        const QDateTime weekAgo = QDateTime::currentDateTimeUtc().addDays(-7);
        auto late = care("c1").addComplaint(m_x, weekAgo, QStringLiteral("letter"), QStringLiteral("对账单寄送延迟"));
        QVERIFY2(late.ok(), qPrintable(why(late)));
        auto fresh = care("c2").addComplaint(
            m_y, QDateTime::currentDateTimeUtc(), QStringLiteral("phone"), QStringLiteral("网点电话无人接听"));
        QVERIFY2(fresh.ok(), qPrintable(why(fresh)));
        QVERIFY(!fresh->overdue);
        auto c2late = care("c2").addComplaint(m_y, weekAgo, QStringLiteral("online"), QStringLiteral("转账到账慢"));
        QVERIFY2(c2late.ok(), qPrintable(why(c2late)));

        const qint64 seq = lastSeq();
        auto own = care("c1").overdue();
        QVERIFY2(own.ok(), qPrintable(why(own)));
        QCOMPARE(own->size(), 1);
        QCOMPARE(own->at(0).id, late->id);
        QCOMPARE(own->at(0).customerNumber, m_x);
        QVERIFY(own->at(0).overdue);
        auto branch = care("m2").overdue();
        QVERIFY2(branch.ok(), qPrintable(why(branch)));
        QList<qint64> ids;
        for (const Complaint& c : *branch)
            ids << c.id;
        QVERIFY(ids.contains(late->id) && ids.contains(c2late->id) && !ids.contains(fresh->id));
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.list")),
            QStringLiteral("c1|complaints|||{\"count\":1,\"list\":\"overdue_complaints\",\"scope\":\"own\"}\n"
                           "m2|complaints|||{\"count\":%1,\"list\":\"overdue_complaints\",\"scope\":\"branch\"}")
                .arg(branch->size()));
        QCOMPARE(codeOf(care("k1").overdue()), ErrorCode::PermissionDenied);
        const QString sent = m_branch->sqlAs(
            QStringLiteral("k1"), QStringLiteral("SELECT * FROM branchvault.complaint_overdue('ws')"));
        QVERIFY2(sent.contains(QLatin1String("42501")), qPrintable(sent.left(300)));
    }

    // Consent: processing first, then marketing; a withdrawal of processing withdraws marketing too; entries in the
    // order they happened; nothing to withdraw is refused; an entry is never changed, not even by the database's owner.
    void consentIsRecordedNeverOverwritten()
    {
        const QDate today = branchToday();
        const qint64 seq = lastSeq();
        auto early = care("c1").recordConsent(
            m_x, QStringLiteral("marketing"), QStringLiteral("given"), today.addDays(-10), QStringLiteral("counter"));
        QCOMPARE(codeOf(early), ErrorCode::Conflict);
        QCOMPARE(fieldOf(early), QStringLiteral("purpose"));
        QCOMPARE(codeOf(care("c1").recordConsent(
                     m_x, QStringLiteral("processing"), QStringLiteral("withdrawn"), today, QStringLiteral("counter"))),
            ErrorCode::Conflict);
        auto processing = care("c1").recordConsent(
            m_x, QStringLiteral("processing"), QStringLiteral("given"), today.addDays(-10), QStringLiteral("counter"));
        QVERIFY2(processing.ok(), qPrintable(why(processing)));
        auto marketing = care("m1").recordConsent(
            m_x, QStringLiteral("Marketing"), QStringLiteral("given"), today.addDays(-5), QStringLiteral("online"));
        QVERIFY2(marketing.ok(), qPrintable(why(marketing)));
        auto backwards = care("c1").recordConsent(
            m_x, QStringLiteral("marketing"), QStringLiteral("withdrawn"), today.addDays(-6), QStringLiteral("phone"));
        QCOMPARE(codeOf(backwards), ErrorCode::Conflict);
        QCOMPARE(fieldOf(backwards), QStringLiteral("on_date"));
        QCOMPARE(fieldOf(care("c1").recordConsent(
                     m_x, QStringLiteral("sales"), QStringLiteral("given"), today, QStringLiteral("counter"))),
            QStringLiteral("purpose"));
        QCOMPARE(codeOf(care("c2").recordConsent(
                     m_x, QStringLiteral("processing"), QStringLiteral("withdrawn"), today, QStringLiteral("counter"))),
            ErrorCode::PermissionDenied);
        auto withdrawn = care("c1").recordConsent(
            m_x, QStringLiteral("processing"), QStringLiteral("withdrawn"), today, QStringLiteral("letter"));
        QVERIFY2(withdrawn.ok(), qPrintable(why(withdrawn)));

        auto history = care("c1").consents(m_x);
        QVERIFY2(history.ok(), qPrintable(why(history)));
        QStringList lines;
        for (const ConsentEntry& e : *history)
            lines << QStringLiteral("%1 %2 %3 %4 %5")
                         .arg(e.purpose, e.action, e.onDate.toString(Qt::ISODate), e.channel, e.recordedBy);
        QCOMPARE(lines,
            QStringList({QStringLiteral("processing given %1 counter c1").arg(today.addDays(-10).toString(Qt::ISODate)),
                QStringLiteral("marketing given %1 online m1").arg(today.addDays(-5).toString(Qt::ISODate)),
                QStringLiteral("processing withdrawn %1 letter c1").arg(today.toString(Qt::ISODate)),
                QStringLiteral("marketing withdrawn %1 letter c1").arg(today.toString(Qt::ISODate))}));
        QCOMPARE(auditAfter(seq, QStringLiteral("customer.consent")),
            QStringLiteral("c1|consent|%1|%5|{\"action\":\"given\",\"purpose\":\"processing\"}\n"
                           "m1|consent|%2|%5|{\"action\":\"given\",\"purpose\":\"marketing\"}\n"
                           "c1|consent|%3|%5|{\"action\":\"withdrawn\",\"purpose\":\"processing\"}\n"
                           "c1|consent|%4|%5|{\"action\":\"withdrawn\",\"cause\":\"processing_withdrawn\","
                           "\"purpose\":\"marketing\"}")
                .arg(*processing)
                .arg(*marketing)
                .arg(*withdrawn)
                .arg(history->at(3).id)
                .arg(m_x));
        QCOMPARE(codeOf(care("c1").recordConsent(
                     m_x, QStringLiteral("marketing"), QStringLiteral("withdrawn"), today, QStringLiteral("counter"))),
            ErrorCode::Conflict);
        // never changed, never deleted: the owner's own statements are refused by the table's triggers
        QVERIFY(sql(QStringLiteral("UPDATE branchvault.consents SET action = 'given'"))
                    .startsWith(QLatin1String("<error")));
        QVERIFY(sql(QStringLiteral("DELETE FROM branchvault.consents")).startsWith(QLatin1String("<error")));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM branchvault.consents")), QStringLiteral("4"));
    }
};

QTEST_GUILESS_MAIN(TestServerCare)
#include "tst_servercare.moc"
