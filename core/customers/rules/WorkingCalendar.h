#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QSet>
#include <QString>
#include <QTimeZone>

namespace bv {

struct OfficialCalendar;

// Working days of the branch and the due dates that depend on them (complaints: investigate within
// 1 working day, answer within 2; DESIGN.md section 6).
//
// A working day is Monday to Friday, minus the configured holidays, plus the configured make-up
// working days (调休: a Saturday or Sunday worked in exchange for a longer public holiday, as in
// the State Council's yearly schedule). A date in both lists counts as a working day (the earlier,
// stricter deadline); checkSettings() refuses such a configuration before it is saved.
//
// The due-date rule ("within N working days"), in the branch's local time:
//   the deadline is the end (23:59:59.999 local) of the N-th working day after the local calendar day
//   on which the item was received. The day of receipt itself is never counted, whatever the hour;
//   counting starts on the first working day after it. So an item received on a non-working day
//   (weekend, holiday) counts from the next working day, which is working day 1.
//   Examples for N = 1 (no holidays): received Monday 09:00 -> due Tuesday 23:59:59;
//   Friday 17:00 -> Monday; Saturday or Sunday -> Monday. For N = 2: Monday -> Wednesday,
//   Friday -> Tuesday, Saturday -> Tuesday.
//   N = 0 means "the same working day": the day of receipt if it is a working day, else the next one.
// An item is overdue when the current time is strictly later than its deadline.
//
// The core works in UTC; the conversion to the branch's local day happens here, explicitly, in the
// calendar's time zone (China Standard Time, a fixed UTC+08:00 without daylight saving, by default).
class WorkingCalendar
{
    Q_DECLARE_TR_FUNCTIONS(WorkingCalendar)
public:
    static constexpr int kComplaintInvestigateDays = 1;
    static constexpr int kComplaintAnswerDays = 2;
    static constexpr int kFirstYear = 2000; // parseDateList refuses years outside [kFirstYear, kLastYear]:
    static constexpr int kLastYear = 2099; // "2206-10-01" is a typo, not a holiday

    struct ComplaintDeadlines
    {
        QDateTime investigateByUtc;
        QDateTime answerByUtc;
    };

    // UTC+08:00, fixed (China has no daylight saving time; no dependency on the system's tz database).
    static QTimeZone branchTimeZone();

    explicit WorkingCalendar(
        QSet<QDate> holidays = {}, QSet<QDate> extraWorkingDays = {}, QTimeZone zone = branchTimeZone());

    bool isWorkingDay(QDate date) const;
    // The `days`-th working day after `date` (date itself not counted); for days == 0, `date` if it is
    // a working day, else the next working day. Negative `days` are treated as 0. Invalid in, invalid out.
    QDate addWorkingDays(QDate date, int days) const;

    // The branch-local calendar day of a UTC instant.
    QDate localDate(const QDateTime& utc) const;
    // The end of a local day (23:59:59.999 local) as UTC.
    QDateTime endOfLocalDayUtc(QDate date) const;

    // Deadline (UTC) of something received at receivedUtc that must be done within `workingDays`
    // working days, by the rule above. An invalid receivedUtc gives an invalid deadline.
    QDateTime dueUtc(const QDateTime& receivedUtc, int workingDays) const;
    ComplaintDeadlines complaintDeadlines(const QDateTime& receivedUtc) const;
    // True when nowUtc is strictly later than deadlineUtc; false if either is invalid (no deadline).
    static bool isOverdue(const QDateTime& deadlineUtc, const QDateTime& nowUtc);

    // The official calendar (HolidayCalendar: shipped and imported years) with the local settings on top:
    // a local holiday is a day off even where the official calendar has a make-up working day, and a local
    // make-up working day is worked even on an official holiday. The years of `official` are the known years.
    static WorkingCalendar combined(
        const OfficialCalendar& official, const QSet<QDate>& localHolidays, const QSet<QDate>& localExtraWorkingDays);

    // Whether the official holidays of `year` are known. An empty set of known years (a calendar built from
    // lists only) knows every year, as before the official calendar existed.
    bool knowsYear(int year) const { return m_knownYears.isEmpty() || m_knownYears.contains(year); }
    // The years from `from` to `to` (inclusive, any order) whose holidays are unknown, ascending.
    QList<int> unknownYears(QDate from, QDate to) const;
    const QSet<int>& knownYears() const { return m_knownYears; }

    const QSet<QDate>& holidays() const { return m_holidays; }
    const QSet<QDate>& extraWorkingDays() const { return m_extraWorkingDays; }
    const QTimeZone& timeZone() const { return m_zone; }

    // Reads a settings value: ISO dates (YYYY-MM-DD) separated by commas (also full-width '，' and
    // '、'), semicolons, spaces or newlines; empty entries and duplicates are ignored. An empty text is
    // an empty list. A bad entry is refused with its 1-based position and text (ErrorCode::InvalidInput).
    static Result<QSet<QDate>> parseDateList(const QString& text);
    // The settings form of a list: sorted ISO dates, one per line (parseDateList reads it back).
    static QString formatDateList(const QSet<QDate>& dates);
    // Refuses a date listed both as holiday and as make-up working day, and a make-up working day that
    // is not a Saturday or Sunday (a weekday is a working day anyway: the date is in the wrong list).
    static Status checkSettings(const QSet<QDate>& holidays, const QSet<QDate>& extraWorkingDays);

private:
    QSet<QDate> m_holidays;
    QSet<QDate> m_extraWorkingDays;
    QSet<int> m_knownYears;
    QTimeZone m_zone;
};

} // namespace bv
