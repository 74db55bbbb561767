#include "core/customers/rules/HolidayCalendar.h"

#include "core/customers/rules/WorkingCalendar.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>

namespace bv {

namespace {

constexpr int kMaxName = 40;
constexpr int kMaxListedProblems = 5; // in the error message; the caller gets them all
constexpr qsizetype kMaxFileBytes = 256 * 1024;

} // namespace

void OfficialCalendar::merge(const OfficialCalendar& newer)
{
    auto drop
        = [&](QSet<QDate>& dates) { dates.removeIf([&](const QDate& d) { return newer.years.contains(d.year()); }); };
    drop(holidays);
    drop(workdays);
    names.removeIf([&](const QHash<QDate, QString>::iterator& it) { return newer.years.contains(it.key().year()); });
    names.insert(newer.names);
    holidays.unite(newer.holidays);
    workdays.unite(newer.workdays);
    years.unite(newer.years);
}

QByteArray OfficialCalendar::toCsv() const
{
    QList<std::pair<QDate, bool>> rows;
    for (const QDate& d : holidays)
        rows.append({d, true});
    for (const QDate& d : workdays)
        rows.append({d, false});
    std::sort(rows.begin(), rows.end());
    QByteArray out("date,kind,name\n");
    for (const auto& [date, holiday] : rows)
        out += date.toString(Qt::ISODate).toLatin1() + (holiday ? ",holiday," : ",workday,")
            + names.value(date, holiday ? QStringLiteral("holiday") : QStringLiteral("workday")).toUtf8() + '\n';
    return out;
}

Result<OfficialCalendar> HolidayCalendar::parse(const QByteArray& csv, QList<Problem>* problemsOut)
{
    QList<Problem> problems;
    OfficialCalendar calendar;
    if (csv.size() > kMaxFileBytes)
        return makeError(ErrorCode::InvalidInput,
            tr("The calendar file is larger than %1 KiB; a year's calendar has about 40 lines. Check that this is "
               "the right file.")
                .arg(kMaxFileBytes / 1024));
    QString text = QString::fromUtf8(csv);
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    if (text.contains(QChar::ReplacementCharacter))
        return makeError(ErrorCode::InvalidInput,
            tr("The calendar file is not UTF-8 text. Save it as UTF-8 (CSV) and import it again."));
    static const QRegularExpression isoDate(QStringLiteral("^([0-9]{4})-([0-9]{2})-([0-9]{2})$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    bool header = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int number = int(i + 1);
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.trimmed().isEmpty() || line.trimmed().startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char(','));
        if (!header) {
            if (fields.size() != 3 || fields.at(0).trimmed() != QLatin1String("date")
                || fields.at(1).trimmed() != QLatin1String("kind") || fields.at(2).trimmed() != QLatin1String("name")) {
                problems.append({number,
                    tr("the first line that is not a comment must be the header "
                       "\"date,kind,name\"")});
                break; // the lines below cannot be read without it
            }
            header = true;
            continue;
        }
        if (fields.size() != 3) {
            problems.append({number, tr("%1 fields instead of 3 (date,kind,name)").arg(fields.size())});
            continue;
        }
        const QString dateText = fields.at(0).trimmed();
        const QString kind = fields.at(1).trimmed();
        const QString name = fields.at(2).trimmed();
        const QRegularExpressionMatch match = isoDate.match(dateText);
        const QDate date = match.hasMatch()
            ? QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt())
            : QDate();
        if (!date.isValid()) {
            problems.append({number, tr("\"%1\" is not a date in the form YYYY-MM-DD").arg(dateText.left(24))});
            continue;
        }
        if (date.year() < WorkingCalendar::kFirstYear || date.year() > WorkingCalendar::kLastYear) {
            problems.append({number,
                tr("%1 is outside the years %2 to %3")
                    .arg(dateText)
                    .arg(WorkingCalendar::kFirstYear)
                    .arg(WorkingCalendar::kLastYear)});
            continue;
        }
        const bool holiday = kind == QLatin1String("holiday");
        if (!holiday && kind != QLatin1String("workday")) {
            problems.append({number, tr("the kind \"%1\" is neither holiday nor workday").arg(kind.left(24))});
            continue;
        }
        if (name.isEmpty() || name.size() > kMaxName) {
            problems.append(
                {number, tr("the name of the holiday is missing or longer than %1 characters").arg(kMaxName)});
            continue;
        }
        if (calendar.holidays.contains(date) || calendar.workdays.contains(date)) {
            problems.append({number, tr("%1 is listed twice").arg(dateText)});
            continue;
        }
        const bool weekend = date.dayOfWeek() == Qt::Saturday || date.dayOfWeek() == Qt::Sunday;
        if (!holiday && !weekend) {
            problems.append(
                {number, tr("%1 is a weekday: a make-up working day (workday) is a Saturday or Sunday").arg(dateText)});
            continue;
        }
        (holiday ? calendar.holidays : calendar.workdays).insert(date);
        calendar.names.insert(date, name);
        calendar.years.insert(date.year());
    }
    if (problems.isEmpty() && !header)
        problems.append({1, tr("there is no header line \"date,kind,name\"")});
    if (problems.isEmpty() && calendar.isEmpty())
        problems.append({int(lines.size()), tr("the file has no dates")});
    if (problemsOut)
        *problemsOut = problems;
    if (!problems.isEmpty()) {
        QStringList listed;
        for (const Problem& p : problems.mid(0, kMaxListedProblems))
            listed << tr("line %1: %2").arg(p.line).arg(p.reason);
        return makeError(ErrorCode::InvalidInput,
            tr("The calendar file has %n problems; nothing was imported. Correct the file and import it again.",
                nullptr, int(problems.size()))
                + QLatin1Char('\n') + listed.join(QLatin1Char('\n')));
    }
    return calendar;
}

const OfficialCalendar& HolidayCalendar::shipped()
{
    static const OfficialCalendar calendar = [] {
        QFile file(QStringLiteral(":/calendar/cn-holidays.csv"));
        if (!file.open(QIODevice::ReadOnly))
            return OfficialCalendar();
        auto parsed = parse(file.readAll());
        return parsed.ok() ? *parsed : OfficialCalendar();
    }();
    return calendar;
}

} // namespace bv
