#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>

class QDateTimeEdit;

namespace bv::ui {

// One way to show dates and times everywhere in the interface, whatever the language: ISO dates
// (2026-12-05) and 24-hour branch times (14:03), never the locale's short formats (2026/12/5, 12/5/26).
// Times are branch time (WorkingCalendar::branchTimeZone()), as the core computes days and deadlines.
// File-name stamps (yyyyMMdd-HHmm) are not display and stay where they are made.
namespace Formats {

inline constexpr char kDate[] = "yyyy-MM-dd";
inline constexpr char kDateTime[] = "yyyy-MM-dd HH:mm";
inline constexpr char kDateTimeSeconds[] = "yyyy-MM-dd HH:mm:ss";
inline constexpr char kTime[] = "HH:mm";

QString date(const QDate& date); // empty for an invalid date
QString dateTime(const QDateTime& utc); // branch time; empty for an invalid time
QString dateTimeSeconds(const QDateTime& utc);
QString time(const QDateTime& utc); // HH:mm
QString timeSeconds(const QDateTime& utc); // HH:mm:ss
QDateTime toBranchTime(const QDateTime& utc);

// Date and date-time boxes show and take the same formats (a QDateEdit: the date only).
void applyTo(QDateTimeEdit* edit);

} // namespace Formats

} // namespace bv::ui
