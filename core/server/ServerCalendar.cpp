#include "core/internal/server/ServerCalendar.h"

#include "core/customers/rules/HolidayCalendar.h"

#include <algorithm>

namespace bv::servercalendar {

QString arguments(int first)
{
    return QStringLiteral("$%1::text[]::integer[], $%2::text[]::date[], $%3::text[]")
        .arg(first)
        .arg(first + 1)
        .arg(first + 2);
}

QList<ServerValue> values(const OfficialCalendar& calendar)
{
    QList<int> years(calendar.years.cbegin(), calendar.years.cend());
    std::sort(years.begin(), years.end());
    QStringList yearTexts;
    for (int year : std::as_const(years))
        yearTexts << QString::number(year);
    QList<QDate> days(calendar.holidays.cbegin(), calendar.holidays.cend());
    days.append(QList<QDate>(calendar.workdays.cbegin(), calendar.workdays.cend()));
    std::sort(days.begin(), days.end());
    QStringList dayTexts;
    QStringList kinds;
    for (const QDate& day : std::as_const(days)) {
        dayTexts << day.toString(Qt::ISODate);
        kinds << (calendar.workdays.contains(day) ? QStringLiteral("workday") : QStringLiteral("holiday"));
    }
    return {ServerValue::textArray(yearTexts), ServerValue::textArray(dayTexts), ServerValue::textArray(kinds)};
}

} // namespace bv::servercalendar
