#include "core/customers/rules/WorkingCalendar.h"

#include "core/customers/rules/HolidayCalendar.h"

#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <utility>

namespace bv {

namespace {

constexpr int kMaxQuotedEntry = 24; // a pasted paragraph is not repeated in full in the message

bool isWeekend(QDate date)
{
    return date.dayOfWeek() == Qt::Saturday || date.dayOfWeek() == Qt::Sunday;
}

QList<QDate> sorted(const QSet<QDate>& dates)
{
    QList<QDate> list(dates.cbegin(), dates.cend());
    std::sort(list.begin(), list.end());
    return list;
}

QString quoted(const QString& entry)
{
    if (entry.size() <= kMaxQuotedEntry)
        return entry;
    return entry.left(kMaxQuotedEntry) + QStringLiteral("...");
}

} // namespace

QTimeZone WorkingCalendar::branchTimeZone()
{
    return QTimeZone(8 * 3600);
}

WorkingCalendar::WorkingCalendar(QSet<QDate> holidays, QSet<QDate> extraWorkingDays, QTimeZone zone)
    : m_holidays(std::move(holidays))
    , m_extraWorkingDays(std::move(extraWorkingDays))
    , m_zone(zone.isValid() ? std::move(zone) : branchTimeZone())
{
}

WorkingCalendar WorkingCalendar::combined(
    const OfficialCalendar& official, const QSet<QDate>& localHolidays, const QSet<QDate>& localExtraWorkingDays)
{
    QSet<QDate> holidays = official.holidays;
    holidays.subtract(localExtraWorkingDays);
    holidays.unite(localHolidays);
    QSet<QDate> extra = official.workdays;
    extra.subtract(localHolidays);
    extra.unite(localExtraWorkingDays);
    WorkingCalendar calendar(holidays, extra);
    calendar.m_knownYears = official.years;
    return calendar;
}

QList<int> WorkingCalendar::unknownYears(QDate from, QDate to) const
{
    QList<int> unknown;
    if (!from.isValid() || !to.isValid())
        return unknown;
    if (to < from)
        std::swap(from, to);
    for (int year = from.year(); year <= to.year(); ++year) {
        if (!knowsYear(year))
            unknown.append(year);
    }
    return unknown;
}

bool WorkingCalendar::isWorkingDay(QDate date) const
{
    if (!date.isValid())
        return false;
    if (m_extraWorkingDays.contains(date))
        return true;
    if (m_holidays.contains(date))
        return false;
    return !isWeekend(date);
}

QDate WorkingCalendar::addWorkingDays(QDate date, int days) const
{
    if (!date.isValid())
        return {};
    if (days <= 0) {
        while (!isWorkingDay(date))
            date = date.addDays(1);
        return date;
    }
    // Terminates: the holiday list is finite, so weekdays after its last date are working days.
    int counted = 0;
    while (counted < days) {
        date = date.addDays(1);
        if (isWorkingDay(date))
            ++counted;
    }
    return date;
}

QDate WorkingCalendar::localDate(const QDateTime& utc) const
{
    if (!utc.isValid())
        return {};
    return utc.toTimeZone(m_zone).date();
}

QDateTime WorkingCalendar::endOfLocalDayUtc(QDate date) const
{
    if (!date.isValid())
        return {};
    return QDateTime(date, QTime(23, 59, 59, 999), m_zone).toUTC();
}

QDateTime WorkingCalendar::dueUtc(const QDateTime& receivedUtc, int workingDays) const
{
    const QDate received = localDate(receivedUtc);
    if (!received.isValid())
        return {};
    return endOfLocalDayUtc(addWorkingDays(received, workingDays));
}

WorkingCalendar::ComplaintDeadlines WorkingCalendar::complaintDeadlines(const QDateTime& receivedUtc) const
{
    return {dueUtc(receivedUtc, kComplaintInvestigateDays), dueUtc(receivedUtc, kComplaintAnswerDays)};
}

bool WorkingCalendar::isOverdue(const QDateTime& deadlineUtc, const QDateTime& nowUtc)
{
    if (!deadlineUtc.isValid() || !nowUtc.isValid())
        return false;
    return nowUtc > deadlineUtc;
}

Result<QSet<QDate>> WorkingCalendar::parseDateList(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;\\x{3000}\\x{3001}\\x{FF0C}\\x{FF1B}]+"));
    static const QRegularExpression isoDate(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));

    QSet<QDate> dates;
    const QStringList entries = text.split(separators, Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString& entry = entries.at(i);
        const int position = int(i + 1);
        const QRegularExpressionMatch match = isoDate.match(entry);
        if (!match.hasMatch())
            return makeError(ErrorCode::InvalidInput,
                tr("Entry %1 of the date list, \"%2\", is not a date in the form YYYY-MM-DD (for example "
                   "2026-10-01). Correct it and save again.")
                    .arg(QString::number(position), quoted(entry)));
        const QDate date(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt());
        if (!date.isValid())
            return makeError(ErrorCode::InvalidInput,
                tr("Entry %1 of the date list, \"%2\", is not a day of the calendar (check the month "
                   "and the day). Correct it and save again.")
                    .arg(QString::number(position), entry));
        if (date.year() < kFirstYear || date.year() > kLastYear)
            return makeError(ErrorCode::InvalidInput,
                tr("Entry %1 of the date list, \"%2\", is outside the years %3 to %4. Check the year and "
                   "save again.")
                    .arg(QString::number(position), entry, QString::number(kFirstYear), QString::number(kLastYear)));
        dates.insert(date);
    }
    return dates;
}

QString WorkingCalendar::formatDateList(const QSet<QDate>& dates)
{
    QStringList lines;
    for (const QDate& date : sorted(dates))
        lines.append(date.toString(Qt::ISODate));
    return lines.join(QLatin1Char('\n'));
}

Status WorkingCalendar::checkSettings(const QSet<QDate>& holidays, const QSet<QDate>& extraWorkingDays)
{
    for (const QDate& date : sorted(extraWorkingDays)) {
        if (holidays.contains(date))
            return makeError(ErrorCode::InvalidInput,
                tr("%1 is listed both as a holiday and as a make-up working day. Remove it from one of "
                   "the two lists.")
                    .arg(date.toString(Qt::ISODate)));
        if (!isWeekend(date))
            return makeError(ErrorCode::InvalidInput,
                tr("%1 is a weekday, which is a working day anyway; make-up working days are Saturdays "
                   "or Sundays. Check whether the date belongs in the holiday list.")
                    .arg(date.toString(Qt::ISODate)));
    }
    return {};
}

} // namespace bv
