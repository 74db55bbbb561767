// Working days and complaint due dates: weekends, holidays, make-up working days (调休), the branch's
// local day versus UTC, year boundaries, overdue, and the settings value parser.
#include "core/customers/rules/WorkingCalendar.h"
#include "tests/testsupport/MockClock.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

#include <algorithm>

using namespace bv;
using namespace bv::test;

namespace {

const QTimeZone kCst(8 * 3600);

// A branch-local (UTC+8) wall-clock time, as the UTC instant the core works with.
QDateTime cst(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), kCst).toUTC();
}

QDateTime utc(int y, int m, int d, int h, int min, int s = 0)
{
    return QDateTime(QDate(y, m, d), QTime(h, min, s), Qt::UTC);
}

QDateTime endOfCstDay(QDate date)
{
    return QDateTime(date, QTime(23, 59, 59, 999), kCst).toUTC();
}

QSet<QDate> range(QDate first, QDate last)
{
    QSet<QDate> dates;
    for (QDate d = first; d <= last; d = d.addDays(1))
        dates.insert(d);
    return dates;
}

// The State Council's schedule for 2026 (国办发明电〔2025〕7号, published 2025-11-04).
QSet<QDate> holidays2026()
{
    return range(QDate(2026, 1, 1), QDate(2026, 1, 3)) + range(QDate(2026, 2, 15), QDate(2026, 2, 23))
        + range(QDate(2026, 4, 4), QDate(2026, 4, 6)) + range(QDate(2026, 5, 1), QDate(2026, 5, 5))
        + range(QDate(2026, 6, 19), QDate(2026, 6, 21)) + range(QDate(2026, 9, 25), QDate(2026, 9, 27))
        + range(QDate(2026, 10, 1), QDate(2026, 10, 7));
}

QSet<QDate> makeUpDays2026()
{
    return {QDate(2026, 1, 4), QDate(2026, 2, 14), QDate(2026, 2, 28), QDate(2026, 5, 9), QDate(2026, 9, 20),
        QDate(2026, 10, 10)};
}

WorkingCalendar calendarNamed(const QString& name)
{
    if (name == QLatin1String("cn2026"))
        return WorkingCalendar(holidays2026(), makeUpDays2026());
    if (name == QLatin1String("newyear2027"))
        return WorkingCalendar({QDate(2027, 1, 1)});
    Q_ASSERT(name == QLatin1String("plain"));
    return WorkingCalendar();
}

} // namespace

class TestWorkingCalendar : public QObject
{
    Q_OBJECT

private slots:
    void isWorkingDay_data()
    {
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QDate>("date");
        QTest::addColumn<bool>("working");
        QTest::newRow("plain Monday") << "plain" << QDate(2026, 3, 2) << true;
        QTest::newRow("plain Friday") << "plain" << QDate(2026, 3, 6) << true;
        QTest::newRow("plain Saturday") << "plain" << QDate(2026, 3, 7) << false;
        QTest::newRow("plain Sunday") << "plain" << QDate(2026, 3, 8) << false;
        QTest::newRow("plain National Day (no list)") << "plain" << QDate(2026, 10, 1) << true;
        QTest::newRow("New Year's Day, Thursday") << "cn2026" << QDate(2026, 1, 1) << false;
        QTest::newRow("make-up Sunday 01-04") << "cn2026" << QDate(2026, 1, 4) << true;
        QTest::newRow("ordinary Saturday 01-10") << "cn2026" << QDate(2026, 1, 10) << false;
        QTest::newRow("make-up Saturday 02-14") << "cn2026" << QDate(2026, 2, 14) << true;
        QTest::newRow("Spring Festival Monday 02-23") << "cn2026" << QDate(2026, 2, 23) << false;
        QTest::newRow("Tuesday after Spring Festival") << "cn2026" << QDate(2026, 2, 24) << true;
        QTest::newRow("make-up Saturday 02-28") << "cn2026" << QDate(2026, 2, 28) << true;
        QTest::newRow("Qingming Monday 04-06") << "cn2026" << QDate(2026, 4, 6) << false;
        QTest::newRow("make-up Saturday 05-09") << "cn2026" << QDate(2026, 5, 9) << true;
        QTest::newRow("Dragon Boat Friday 06-19") << "cn2026" << QDate(2026, 6, 19) << false;
        QTest::newRow("make-up Sunday 09-20") << "cn2026" << QDate(2026, 9, 20) << true;
        QTest::newRow("National Day Thursday 10-01") << "cn2026" << QDate(2026, 10, 1) << false;
        QTest::newRow("National Day Saturday 10-03") << "cn2026" << QDate(2026, 10, 3) << false;
        QTest::newRow("National Day Wednesday 10-07") << "cn2026" << QDate(2026, 10, 7) << false;
        QTest::newRow("first day back 10-08") << "cn2026" << QDate(2026, 10, 8) << true;
        QTest::newRow("make-up Saturday 10-10") << "cn2026" << QDate(2026, 10, 10) << true;
        QTest::newRow("ordinary Sunday 10-11") << "cn2026" << QDate(2026, 10, 11) << false;
        QTest::newRow("invalid date") << "plain" << QDate() << false;
    }
    void isWorkingDay()
    {
        QFETCH(QString, calendar);
        QFETCH(QDate, date);
        QFETCH(bool, working);
        QCOMPARE(calendarNamed(calendar).isWorkingDay(date), working);
    }

    void complaintDeadlines_data()
    {
        QTest::addColumn<QString>("calendar");
        QTest::addColumn<QDateTime>("receivedUtc");
        QTest::addColumn<QDate>("investigateBy"); // the local day whose end is the deadline
        QTest::addColumn<QDate>("answerBy");

        // Weeks without holidays (2026-03-02 is a Monday).
        QTest::newRow("Monday morning") << "plain" << cst(2026, 3, 2, 9, 0) << QDate(2026, 3, 3) << QDate(2026, 3, 4);
        QTest::newRow("Monday 00:00:30 local, still Sunday in UTC")
            << "plain" << utc(2026, 3, 1, 16, 0, 30) << QDate(2026, 3, 3) << QDate(2026, 3, 4);
        QTest::newRow("Sunday 23:59:59 local")
            << "plain" << cst(2026, 3, 1, 23, 59, 59) << QDate(2026, 3, 2) << QDate(2026, 3, 3);
        QTest::newRow("Wednesday") << "plain" << cst(2026, 3, 4, 11, 0) << QDate(2026, 3, 5) << QDate(2026, 3, 6);
        QTest::newRow("Thursday") << "plain" << cst(2026, 3, 5, 11, 0) << QDate(2026, 3, 6) << QDate(2026, 3, 9);
        QTest::newRow("Friday 00:30 local, still Thursday in UTC")
            << "plain" << utc(2026, 3, 5, 16, 30) << QDate(2026, 3, 9) << QDate(2026, 3, 10);
        QTest::newRow("Friday afternoon")
            << "plain" << cst(2026, 3, 6, 16, 30) << QDate(2026, 3, 9) << QDate(2026, 3, 10);
        QTest::newRow("Friday 23:59 local")
            << "plain" << cst(2026, 3, 6, 23, 59) << QDate(2026, 3, 9) << QDate(2026, 3, 10);
        QTest::newRow("Saturday") << "plain" << cst(2026, 3, 7, 10, 0) << QDate(2026, 3, 9) << QDate(2026, 3, 10);
        QTest::newRow("Sunday") << "plain" << cst(2026, 3, 8, 15, 0) << QDate(2026, 3, 9) << QDate(2026, 3, 10);

        // 2026 official schedule: holidays in between, runs of holidays, make-up working days.
        QTest::newRow("Qingming: Thursday before")
            << "cn2026" << cst(2026, 4, 2, 10, 0) << QDate(2026, 4, 3) << QDate(2026, 4, 7);
        QTest::newRow("Qingming: Friday before holiday Monday")
            << "cn2026" << cst(2026, 4, 3, 10, 0) << QDate(2026, 4, 7) << QDate(2026, 4, 8);
        QTest::newRow("Qingming: on holiday Monday")
            << "cn2026" << cst(2026, 4, 6, 10, 0) << QDate(2026, 4, 7) << QDate(2026, 4, 8);
        QTest::newRow("Labour Day: Thursday before the 5 days")
            << "cn2026" << cst(2026, 4, 30, 17, 0) << QDate(2026, 5, 6) << QDate(2026, 5, 7);
        QTest::newRow("Labour Day: Friday before make-up Saturday")
            << "cn2026" << cst(2026, 5, 8, 16, 0) << QDate(2026, 5, 9) << QDate(2026, 5, 11);
        QTest::newRow("received on make-up Saturday")
            << "cn2026" << cst(2026, 5, 9, 10, 0) << QDate(2026, 5, 11) << QDate(2026, 5, 12);
        QTest::newRow("Friday before make-up Sunday 09-20")
            << "cn2026" << cst(2026, 9, 18, 16, 0) << QDate(2026, 9, 20) << QDate(2026, 9, 21);
        QTest::newRow("Mid-Autumn: Thursday before")
            << "cn2026" << cst(2026, 9, 24, 10, 0) << QDate(2026, 9, 28) << QDate(2026, 9, 29);
        QTest::newRow("National Day: the day before the week")
            << "cn2026" << cst(2026, 9, 30, 10, 0) << QDate(2026, 10, 8) << QDate(2026, 10, 9);
        QTest::newRow("National Day: during the week")
            << "cn2026" << cst(2026, 10, 3, 10, 0) << QDate(2026, 10, 8) << QDate(2026, 10, 9);
        QTest::newRow("National Day: last evening")
            << "cn2026" << cst(2026, 10, 7, 22, 0) << QDate(2026, 10, 8) << QDate(2026, 10, 9);
        QTest::newRow("National Day: first day back, answer on make-up Saturday")
            << "cn2026" << cst(2026, 10, 8, 9, 0) << QDate(2026, 10, 9) << QDate(2026, 10, 10);
        QTest::newRow("National Day: Friday before make-up Saturday")
            << "cn2026" << cst(2026, 10, 9, 15, 0) << QDate(2026, 10, 10) << QDate(2026, 10, 12);
        QTest::newRow("Spring Festival: Friday before make-up Saturday")
            << "cn2026" << cst(2026, 2, 13, 16, 0) << QDate(2026, 2, 14) << QDate(2026, 2, 24);
        QTest::newRow("Spring Festival: received on make-up Saturday")
            << "cn2026" << cst(2026, 2, 14, 10, 0) << QDate(2026, 2, 24) << QDate(2026, 2, 25);
        QTest::newRow("Spring Festival: Friday before make-up Saturday 02-28")
            << "cn2026" << cst(2026, 2, 27, 10, 0) << QDate(2026, 2, 28) << QDate(2026, 3, 2);

        // Year boundaries.
        QTest::newRow("into 2026: New Year holidays and make-up Sunday")
            << "cn2026" << cst(2025, 12, 31, 16, 0) << QDate(2026, 1, 4) << QDate(2026, 1, 5);
        QTest::newRow("into 2026 without a holiday list")
            << "plain" << cst(2025, 12, 31, 16, 0) << QDate(2026, 1, 1) << QDate(2026, 1, 2);
        QTest::newRow("into 2027 over New Year's Day and a weekend")
            << "newyear2027" << cst(2026, 12, 31, 15, 0) << QDate(2027, 1, 4) << QDate(2027, 1, 5);
        QTest::newRow("into 2028 from a Friday")
            << "plain" << cst(2027, 12, 31, 10, 0) << QDate(2028, 1, 3) << QDate(2028, 1, 4);
        QTest::newRow("leap day 2028") << "plain" << cst(2028, 2, 28, 10, 0) << QDate(2028, 2, 29) << QDate(2028, 3, 1);
    }
    void complaintDeadlines()
    {
        QFETCH(QString, calendar);
        QFETCH(QDateTime, receivedUtc);
        QFETCH(QDate, investigateBy);
        QFETCH(QDate, answerBy);

        const WorkingCalendar cal = calendarNamed(calendar);
        const WorkingCalendar::ComplaintDeadlines due = cal.complaintDeadlines(receivedUtc);
        QCOMPARE(due.investigateByUtc, endOfCstDay(investigateBy));
        QCOMPARE(due.answerByUtc, endOfCstDay(answerBy));
        QCOMPARE(due.investigateByUtc.timeSpec(), Qt::UTC);
        QCOMPARE(cal.dueUtc(receivedUtc, 1), due.investigateByUtc);
        QCOMPARE(cal.dueUtc(receivedUtc, 2), due.answerByUtc);
        QVERIFY(cal.isWorkingDay(investigateBy));
        QVERIFY(cal.isWorkingDay(answerBy));
    }

    void deadlineIsTheEndOfTheLocalDayInUtc()
    {
        const WorkingCalendar cal;
        const QDateTime due = cal.dueUtc(cst(2026, 3, 2, 9, 0), 1);
        QCOMPARE(due, QDateTime(QDate(2026, 3, 3), QTime(15, 59, 59, 999), Qt::UTC));
        QCOMPARE(due.toTimeZone(kCst).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
            QStringLiteral("2026-03-03 23:59:59"));
    }

    void timeZoneDecidesTheDayOfReceipt()
    {
        // 2026-03-08 16:30 UTC is Sunday in UTC but Monday 00:30 at the branch.
        const QDateTime received = utc(2026, 3, 8, 16, 30);
        const WorkingCalendar branch;
        QCOMPARE(branch.localDate(received), QDate(2026, 3, 9));
        QCOMPARE(branch.dueUtc(received, 1), endOfCstDay(QDate(2026, 3, 10)));

        const WorkingCalendar inUtc({}, {}, QTimeZone::utc());
        QCOMPARE(inUtc.localDate(received), QDate(2026, 3, 8));
        QCOMPARE(inUtc.dueUtc(received, 1), QDateTime(QDate(2026, 3, 9), QTime(23, 59, 59, 999), Qt::UTC));
    }

    void addWorkingDays_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<int>("days");
        QTest::addColumn<QDate>("expected");
        QTest::newRow("0 from a working day is that day") << QDate(2026, 3, 2) << 0 << QDate(2026, 3, 2);
        QTest::newRow("0 from Saturday is Monday") << QDate(2026, 3, 7) << 0 << QDate(2026, 3, 7).addDays(2);
        QTest::newRow("0 from a holiday is the day back") << QDate(2026, 10, 1) << 0 << QDate(2026, 10, 8);
        QTest::newRow("negative is 0") << QDate(2026, 10, 1) << -3 << QDate(2026, 10, 8);
        QTest::newRow("5 from Monday is next Monday") << QDate(2026, 3, 2) << 5 << QDate(2026, 3, 9);
        QTest::newRow("10 across National Day") << QDate(2026, 9, 28) << 10 << QDate(2026, 10, 16);
    }
    void addWorkingDays()
    {
        QFETCH(QDate, from);
        QFETCH(int, days);
        QFETCH(QDate, expected);
        QCOMPARE(calendarNamed(QStringLiteral("cn2026")).addWorkingDays(from, days), expected);
    }

    void invalidInputGivesInvalidDeadline()
    {
        const WorkingCalendar cal;
        QVERIFY(!cal.addWorkingDays(QDate(), 1).isValid());
        QVERIFY(!cal.dueUtc(QDateTime(), 1).isValid());
        QVERIFY(!cal.complaintDeadlines(QDateTime()).answerByUtc.isValid());
    }

    void dateInBothListsCountsAsWorking()
    {
        const QDate saturday(2026, 3, 7);
        const WorkingCalendar cal({saturday}, {saturday});
        QVERIFY(cal.isWorkingDay(saturday));
        QCOMPARE(cal.dueUtc(cst(2026, 3, 6, 10, 0), 1), endOfCstDay(saturday));
    }

    void overdue()
    {
        const WorkingCalendar cal;
        MockClock clock(cst(2026, 3, 2, 9, 0)); // Monday 09:00 at the branch
        const QDateTime deadline = cal.complaintDeadlines(clock.nowUtc()).investigateByUtc;

        QVERIFY(!WorkingCalendar::isOverdue(deadline, clock.nowUtc()));
        clock.set(cst(2026, 3, 3, 23, 59, 59)); // Tuesday, last second
        QVERIFY(!WorkingCalendar::isOverdue(deadline, clock.nowUtc()));
        clock.set(deadline);
        QVERIFY(!WorkingCalendar::isOverdue(deadline, clock.nowUtc()));
        clock.set(deadline.addMSecs(1));
        QVERIFY(WorkingCalendar::isOverdue(deadline, clock.nowUtc()));
        clock.set(cst(2026, 3, 4, 0, 0)); // Wednesday 00:00
        QVERIFY(WorkingCalendar::isOverdue(deadline, clock.nowUtc()));
        clock.advanceDays(30);
        QVERIFY(WorkingCalendar::isOverdue(deadline, clock.nowUtc()));

        QVERIFY(!WorkingCalendar::isOverdue(QDateTime(), clock.nowUtc()));
        QVERIFY(!WorkingCalendar::isOverdue(deadline, QDateTime()));
    }

    void parseDateList_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<QDate>>("expected");
        QTest::newRow("empty") << QString() << QList<QDate> {};
        QTest::newRow("blank lines") << QStringLiteral(" \n\t\n ") << QList<QDate> {};
        QTest::newRow("one") << QStringLiteral("2026-10-01") << QList<QDate> {QDate(2026, 10, 1)};
        QTest::newRow("commas and spaces") << QStringLiteral("2026-10-01, 2026-10-02 ,2026-10-03")
                                           << QList<QDate> {QDate(2026, 10, 1), QDate(2026, 10, 2), QDate(2026, 10, 3)};
        QTest::newRow("lines, semicolons, full-width separators")
            << QStringLiteral("2026-10-01\r\n2026-10-02;2026-10-03\uFF0C2026-10-04\u30012026-10-05\u3000,\n")
            << QList<QDate> {
                   QDate(2026, 10, 1), QDate(2026, 10, 2), QDate(2026, 10, 3), QDate(2026, 10, 4), QDate(2026, 10, 5)};
        QTest::newRow("duplicates and empty entries") << QStringLiteral("2026-05-09,,2026-05-09, ,2026-02-28")
                                                      << QList<QDate> {QDate(2026, 2, 28), QDate(2026, 5, 9)};
        QTest::newRow("leap day") << QStringLiteral("2028-02-29") << QList<QDate> {QDate(2028, 2, 29)};
    }
    void parseDateList()
    {
        QFETCH(QString, text);
        QFETCH(QList<QDate>, expected);
        const Result<QSet<QDate>> dates = WorkingCalendar::parseDateList(text);
        BV_VERIFY_OK(dates);
        QList<QDate> got(dates->cbegin(), dates->cend());
        std::sort(got.begin(), got.end());
        QCOMPARE(got, expected);
    }

    void parseDateListErrors_data()
    {
        // The message names the bad entry's 1-based position (empty entries not counted) and its text.
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("entry");
        QTest::newRow("slashes") << QStringLiteral("2026-10-01 2026/10/02") << 2 << QStringLiteral("2026/10/02");
        QTest::newRow("no dashes") << QStringLiteral("20261001") << 1 << QStringLiteral("20261001");
        QTest::newRow("one-digit month") << QStringLiteral("2026-1-1") << 1 << QStringLiteral("2026-1-1");
        QTest::newRow("month 13") << QStringLiteral("2026-10-01,2026-10-02,2026-13-01") << 3
                                  << QStringLiteral("2026-13-01");
        QTest::newRow("30 February") << QStringLiteral("2026-02-30") << 1 << QStringLiteral("2026-02-30");
        QTest::newRow("29 February, not leap")
            << QStringLiteral("2026-02-28\n2026-02-29") << 2 << QStringLiteral("2026-02-29");
        QTest::newRow("year typo") << QStringLiteral("2206-10-01") << 1 << QStringLiteral("2206-10-01");
        QTest::newRow("old year") << QStringLiteral("1999-10-01") << 1 << QStringLiteral("1999-10-01");
        QTest::newRow("empty entries are not counted")
            << QStringLiteral(",, 2026-10-01,,\n,National Day") << 2 << QStringLiteral("National");
        QTest::newRow("full-width digits") << QStringLiteral("\uFF12\uFF10\uFF12\uFF16-10-01") << 1
                                           << QStringLiteral("\uFF12\uFF10\uFF12\uFF16-10-01");
        QTest::newRow("placeholder-like entry kept literally")
            << QStringLiteral("%3-%1") << 1 << QStringLiteral("%3-%1");
        QTest::newRow("long entry shortened") << QStringLiteral("2026-10-01-2026-10-07-National-Day") << 1
                                              << QStringLiteral("2026-10-01-2026-10-07-Na...");
    }
    void parseDateListErrors()
    {
        QFETCH(QString, text);
        QFETCH(int, position);
        QFETCH(QString, entry);
        const Result<QSet<QDate>> dates = WorkingCalendar::parseDateList(text);
        BV_COMPARE_CODE(dates, ErrorCode::InvalidInput);
        const QString message = dates.error().message;
        QVERIFY2(message.startsWith(QStringLiteral("Entry %1 ").arg(position)), qPrintable(message));
        QVERIFY2(message.contains(QLatin1Char('"') + entry + QLatin1Char('"')), qPrintable(message));
    }

    void formatDateListRoundTrip()
    {
        const QSet<QDate> dates = holidays2026();
        const QString text = WorkingCalendar::formatDateList(dates);
        QVERIFY(text.startsWith(QStringLiteral("2026-01-01\n2026-01-02\n2026-01-03\n2026-02-15\n")));
        QVERIFY(text.endsWith(QStringLiteral("\n2026-10-07")));
        const Result<QSet<QDate>> parsed = WorkingCalendar::parseDateList(text);
        BV_VERIFY_OK(parsed);
        QCOMPARE(*parsed, dates);
        QCOMPARE(WorkingCalendar::formatDateList({}), QString());
    }

    void checkSettings()
    {
        BV_VERIFY_OK(WorkingCalendar::checkSettings(holidays2026(), makeUpDays2026()));
        BV_VERIFY_OK(WorkingCalendar::checkSettings({}, {}));

        const Status both
            = WorkingCalendar::checkSettings(holidays2026(), makeUpDays2026() + QSet<QDate> {QDate(2026, 10, 3)});
        BV_COMPARE_CODE(both, ErrorCode::InvalidInput);
        QVERIFY2(both.error().message.contains(QStringLiteral("2026-10-03")), qPrintable(both.error().message));
        QVERIFY(both.error().message.contains(QStringLiteral("both")));

        const Status weekday = WorkingCalendar::checkSettings(holidays2026(), {QDate(2026, 10, 8)});
        BV_COMPARE_CODE(weekday, ErrorCode::InvalidInput);
        QVERIFY2(weekday.error().message.contains(QStringLiteral("2026-10-08")), qPrintable(weekday.error().message));
        QVERIFY(weekday.error().message.contains(QStringLiteral("weekday")));
    }
};

QTEST_GUILESS_MAIN(TestWorkingCalendar)
#include "tst_workingcalendar.moc"
