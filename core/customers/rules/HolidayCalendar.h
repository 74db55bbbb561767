#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QSet>

namespace bv {

// The official holidays and make-up working days (调休) of mainland China, as the State Council publishes
// them each year. BranchVault ships them as a resource (:/calendar/cn-holidays.csv, from
// resources/calendar/); the administrator imports a newer year's file (SettingsService::importCalendar),
// kept in the database. The local settings complaint.holidays / complaint.extra_working_days stay as
// overrides on top (WorkingCalendar::combined).
//
// The file: UTF-8 text, lines starting with # are comments, a header line `date,kind,name`, then one line
// per date: `YYYY-MM-DD,holiday|workday,name` (a make-up working day is a Saturday or Sunday). A year is
// "known" when the file has at least one row for it; a year without rows is unknown, never "no holidays".
struct OfficialCalendar
{
    QSet<QDate> holidays;
    QSet<QDate> workdays;
    QSet<int> years;
    QHash<QDate, QString> names; // 春节, 国庆节 … as the file names them

    bool isEmpty() const { return years.isEmpty(); }
    // The rows of `newer` replace every year it covers; the other years stay.
    void merge(const OfficialCalendar& newer);
    // The stored form: the header and one sorted line per date (parse() reads it back).
    QByteArray toCsv() const;
};

class HolidayCalendar
{
    Q_DECLARE_TR_FUNCTIONS(HolidayCalendar)
public:
    struct Problem
    {
        int line = 0; // 1-based line of the file
        QString reason;
    };

    // Reads a calendar file line by line. Every bad line is listed in `problems` with its line number and
    // reason; the result is an error (InvalidInput, naming the first problems) when there is any problem
    // or no row at all: a file is taken whole or not at all.
    static Result<OfficialCalendar> parse(const QByteArray& csv, QList<Problem>* problems = nullptr);
    // The calendar shipped with this program (the resource).
    static const OfficialCalendar& shipped();
};

} // namespace bv
