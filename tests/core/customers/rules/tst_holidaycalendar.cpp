// The official holiday and make-up working-day calendar: the shipped file (2025 and 2026 from the State
// Council notices) read from the resource, complaint due dates around 春节 and 国庆 counted with it and with the
// local settings on top, a year without data reported as unknown, and the administrator's import of a newer
// year's file (validated line by line, stored in the database, audited, refused for anyone else).
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/customers/rules/HolidayCalendar.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestSupport.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

const QTimeZone kCst(8 * 3600);

QDateTime cst(QDate date, int h = 10)
{
    return QDateTime(date, QTime(h, 0), kCst).toUTC();
}

QDate localDay(const QDateTime& utc)
{
    return utc.toTimeZone(kCst).date();
}

const QByteArray k2027 = "# a test calendar for 2027 (not the official one)\n"
                         "date,kind,name\n"
                         "2027-01-01,holiday,元旦\n"
                         "2027-02-06,holiday,春节\n"
                         "2027-02-07,holiday,春节\n"
                         "2027-02-08,holiday,春节\n"
                         "2027-02-20,workday,春节\n";

} // namespace

class TestHolidayCalendar : public QObject
{
    Q_OBJECT
private slots:
    void shippedCalendarHasTheTwoPublishedYears()
    {
        const OfficialCalendar& shipped = HolidayCalendar::shipped();
        QCOMPARE(shipped.years, (QSet<int> {2025, 2026}));
        QVERIFY(shipped.holidays.contains(QDate(2025, 1, 28)));
        QVERIFY(shipped.workdays.contains(QDate(2025, 9, 28)));
        QVERIFY(shipped.holidays.contains(QDate(2026, 10, 7)));
        QVERIFY(shipped.workdays.contains(QDate(2026, 2, 28)));
        QCOMPARE(shipped.holidays.size() + shipped.workdays.size(), 72);
    }

    void dueDates_data()
    {
        QTest::addColumn<QDate>("received");
        QTest::addColumn<QDate>("investigateBy");
        QTest::addColumn<QDate>("answerBy");
        // 春节 2025: 01-28 to 02-04 off, Sunday 01-26 and Saturday 02-08 worked
        QTest::newRow("2025 春节: Friday before, the make-up Sunday counts")
            << QDate(2025, 1, 24) << QDate(2025, 1, 26) << QDate(2025, 1, 27);
        QTest::newRow("2025 春节: the last day before the holiday")
            << QDate(2025, 1, 27) << QDate(2025, 2, 5) << QDate(2025, 2, 6);
        QTest::newRow("2025 春节: received during the holiday")
            << QDate(2025, 1, 30) << QDate(2025, 2, 5) << QDate(2025, 2, 6);
        QTest::newRow("2025 春节: Friday after, the make-up Saturday counts")
            << QDate(2025, 2, 7) << QDate(2025, 2, 8) << QDate(2025, 2, 10);
        // 国庆 2025: 10-01 to 10-08 off, Sunday 09-28 and Saturday 10-11 worked
        QTest::newRow("2025 国庆: Friday before") << QDate(2025, 9, 26) << QDate(2025, 9, 28) << QDate(2025, 9, 29);
        QTest::newRow("2025 国庆: the eve") << QDate(2025, 9, 30) << QDate(2025, 10, 9) << QDate(2025, 10, 10);
        QTest::newRow("2025 国庆: Thursday after") << QDate(2025, 10, 9) << QDate(2025, 10, 10) << QDate(2025, 10, 11);
        // 春节 2026: 02-15 to 02-23 off, Saturdays 02-14 and 02-28 worked
        QTest::newRow("2026 春节: Friday before") << QDate(2026, 2, 13) << QDate(2026, 2, 14) << QDate(2026, 2, 24);
        QTest::newRow("2026 春节: during") << QDate(2026, 2, 18) << QDate(2026, 2, 24) << QDate(2026, 2, 25);
        // 中秋 and 国庆 2026: 09-25 to 09-27 and 10-01 to 10-07 off, Sunday 09-20 and Saturday 10-10 worked
        QTest::newRow("2026 中秋") << QDate(2026, 9, 24) << QDate(2026, 9, 28) << QDate(2026, 9, 29);
        QTest::newRow("2026 国庆: the eve") << QDate(2026, 9, 30) << QDate(2026, 10, 8) << QDate(2026, 10, 9);
        QTest::newRow("2026 国庆: Friday after") << QDate(2026, 10, 9) << QDate(2026, 10, 10) << QDate(2026, 10, 12);
        QTest::newRow("2026: an ordinary week") << QDate(2026, 11, 5) << QDate(2026, 11, 6) << QDate(2026, 11, 9);
    }
    void dueDates()
    {
        QFETCH(QDate, received);
        QFETCH(QDate, investigateBy);
        QFETCH(QDate, answerBy);
        const WorkingCalendar calendar = WorkingCalendar::combined(HolidayCalendar::shipped(), {}, {});
        const auto due = calendar.complaintDeadlines(cst(received));
        QCOMPARE(localDay(due.investigateByUtc), investigateBy);
        QCOMPARE(localDay(due.answerByUtc), answerBy);
        QVERIFY(calendar.unknownYears(received, answerBy).isEmpty());
    }

    void localSettingsOverrideTheOfficialCalendar()
    {
        // a local day off after 国庆 2026, and the official make-up Saturday 10-10 not worked at this branch
        const WorkingCalendar calendar = WorkingCalendar::combined(
            HolidayCalendar::shipped(), {QDate(2026, 10, 8), QDate(2026, 10, 10)}, {QDate(2026, 10, 4)});
        QVERIFY(!calendar.isWorkingDay(QDate(2026, 10, 8)));
        QVERIFY(!calendar.isWorkingDay(QDate(2026, 10, 10)));
        QVERIFY(calendar.isWorkingDay(QDate(2026, 10, 4))); // worked locally although an official holiday
        const auto due = calendar.complaintDeadlines(cst(QDate(2026, 10, 5)));
        QCOMPARE(localDay(due.investigateByUtc), QDate(2026, 10, 9));
        QCOMPARE(localDay(due.answerByUtc), QDate(2026, 10, 12));
    }

    void aYearWithoutDataIsUnknown()
    {
        const WorkingCalendar calendar = WorkingCalendar::combined(HolidayCalendar::shipped(), {}, {});
        QVERIFY(calendar.knowsYear(2025));
        QVERIFY(calendar.knowsYear(2026));
        QVERIFY(!calendar.knowsYear(2027));
        QVERIFY(!calendar.knowsYear(2024));
        // a complaint on the last day of 2026 is due in 2027: that year is reported
        const auto due = calendar.complaintDeadlines(cst(QDate(2026, 12, 31)));
        QCOMPARE(localDay(due.answerByUtc).year(), 2027);
        QCOMPARE(calendar.unknownYears(QDate(2026, 12, 31), localDay(due.answerByUtc)), QList<int> {2027});
        // a calendar of lists only (no official data) knows every year, as before
        QVERIFY(WorkingCalendar().knowsYear(2027));
    }

    void badLinesAreListedWithLineAndReason()
    {
        const QByteArray file = "# comment\n"
                                "date,kind,name\n"
                                "2027-01-01,holiday,元旦\n"
                                "2027-02-30,holiday,春节\n" // line 4: no such day
                                "2027-02-08,vacation,春节\n" // line 5: kind
                                "2027-02-10,workday,春节\n" // line 6: a Wednesday
                                "2027-01-01,holiday,元旦\n" // line 7: twice
                                "2027-02-11,holiday\n" // line 8: two fields
                                "\n"
                                "2027-02-12,holiday,\n"; // line 10: no name
        QList<HolidayCalendar::Problem> problems;
        auto parsed = HolidayCalendar::parse(file, &problems);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.code(), ErrorCode::InvalidInput);
        QList<int> lines;
        for (const auto& p : problems)
            lines << p.line;
        QCOMPARE(lines, (QList<int> {4, 5, 6, 7, 8, 10}));
        QVERIFY(problems.at(2).reason.contains(QStringLiteral("weekday")));
        QVERIFY(problems.at(3).reason.contains(QStringLiteral("twice")));
        QVERIFY2(parsed.error().message.contains(QStringLiteral("line 4:")), qPrintable(parsed.error().message));
        QVERIFY(parsed.error().message.contains(QStringLiteral("6 problems")));

        // no header, an empty file
        QVERIFY(!HolidayCalendar::parse("2027-01-01,holiday,元旦\n", &problems).ok());
        QCOMPARE(problems.constFirst().line, 1);
        QVERIFY(!HolidayCalendar::parse("# nothing\ndate,kind,name\n").ok());
        // a byte order mark and CRLF line ends are fine
        auto excel = HolidayCalendar::parse("\xEF\xBB\xBF"
                                            "date,kind,name\r\n2027-01-01,holiday,元旦\r\n");
        BV_VERIFY_OK(excel);
        QCOMPARE(excel->years, QSet<int> {2027});
    }

    void storedFormReadsBack()
    {
        OfficialCalendar both = HolidayCalendar::shipped();
        both.merge(*HolidayCalendar::parse(k2027));
        auto again = HolidayCalendar::parse(both.toCsv());
        BV_VERIFY_OK(again);
        QCOMPARE(again->years, (QSet<int> {2025, 2026, 2027}));
        QCOMPARE(again->holidays, both.holidays);
        QCOMPARE(again->workdays, both.workdays);
        QCOMPARE(again->names.value(QDate(2027, 2, 6)), QStringLiteral("春节"));
        OfficialCalendar replaced = both;
        replaced.merge(*HolidayCalendar::parse("date,kind,name\n2027-10-01,holiday,国庆节\n"));
        QVERIFY(!replaced.holidays.contains(QDate(2027, 2, 6))); // the year's rows were replaced
        QVERIFY(replaced.holidays.contains(QDate(2027, 10, 1)));
        QVERIFY(replaced.holidays.contains(QDate(2026, 10, 1))); // other years stay
    }

    void importedYearIsStoredAndAudited()
    {
        auto t = TestCore::create();
        QVERIFY(t);
        SettingsService& settings = t->core->settings();
        QCOMPARE(settings.calendarYears(), (QSet<int> {2025, 2026}));
        QVERIFY(!settings.workingCalendar().knowsYear(2027));

        // a manager may not import
        const Session m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        BV_COMPARE_CODE(settings.importCalendar(m1, k2027), ErrorCode::PermissionDenied);

        // a bad file: nothing stored, the refusal audited
        QList<HolidayCalendar::Problem> problems;
        BV_COMPARE_CODE(settings.importCalendar(t->admin, "date,kind,name\n2027-13-01,holiday,x\n", &problems),
            ErrorCode::InvalidInput);
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.constFirst().line, 2);
        QVERIFY(!settings.calendarYears().contains(2027));

        auto imported = settings.importCalendar(t->admin, k2027);
        BV_VERIFY_OK(imported);
        QCOMPARE(imported->years, QList<int> {2027});
        QCOMPARE(imported->holidays, 4);
        QCOMPARE(imported->workdays, 1);
        QCOMPARE(settings.calendarYears(), (QSet<int> {2025, 2026, 2027}));
        const WorkingCalendar calendar = settings.workingCalendar();
        QVERIFY(calendar.knowsYear(2027));
        QVERIFY(!calendar.isWorkingDay(QDate(2027, 2, 8))); // a Monday, imported holiday
        QVERIFY(calendar.isWorkingDay(QDate(2027, 2, 20))); // a Saturday, imported workday

        // kept in the database: a reload (as after a restart) reads it back
        BV_VERIFY_OK(settings.reload());
        QVERIFY(settings.calendarYears().contains(2027));
        QVERIFY(!settings.workingCalendar().isWorkingDay(QDate(2027, 2, 8)));
        // the shipped years are still there under the import
        QVERIFY(!settings.workingCalendar().isWorkingDay(QDate(2026, 10, 1)));

        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::CalendarImport);
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 2);
        QVERIFY(rows->at(0).outcome != rows->at(1).outcome); // refused, then done
        QCOMPARE(rows->at(1).login, QStringLiteral("admin"));
        QVERIFY2(rows->at(1).details.contains(QStringLiteral("2027")), qPrintable(rows->at(1).details));
    }
};

QTEST_GUILESS_MAIN(TestHolidayCalendar)
#include "tst_holidaycalendar.moc"
