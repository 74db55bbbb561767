#include "ui/common/Formats.h"

#include "core/customers/rules/WorkingCalendar.h"

#include <QDateEdit>
#include <QDateTimeEdit>

namespace bv::ui::Formats {

QDateTime toBranchTime(const QDateTime& utc)
{
    return utc.toTimeZone(WorkingCalendar::branchTimeZone());
}

QString date(const QDate& date)
{
    return date.isValid() ? date.toString(QLatin1String(kDate)) : QString();
}

QString dateTime(const QDateTime& utc)
{
    return utc.isValid() ? toBranchTime(utc).toString(QLatin1String(kDateTime)) : QString();
}

QString dateTimeSeconds(const QDateTime& utc)
{
    return utc.isValid() ? toBranchTime(utc).toString(QLatin1String(kDateTimeSeconds)) : QString();
}

QString time(const QDateTime& utc)
{
    return utc.isValid() ? toBranchTime(utc).toString(QLatin1String(kTime)) : QString();
}

QString timeSeconds(const QDateTime& utc)
{
    return utc.isValid() ? toBranchTime(utc).toString(QStringLiteral("HH:mm:ss")) : QString();
}

void applyTo(QDateTimeEdit* edit)
{
    if (!edit)
        return;
    const bool dateOnly
        = qobject_cast<QDateEdit*>(edit) != nullptr || !(edit->displayedSections() & QDateTimeEdit::TimeSections_Mask);
    edit->setDisplayFormat(QLatin1String(dateOnly ? kDate : kDateTime));
}

} // namespace bv::ui::Formats
