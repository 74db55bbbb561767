#include "core/internal/reports/ReportSupport.h"

#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/IdNumber.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/policy/ValueLabels.h"
#include "core/requests/RequestService.h"

#include <QLocale>
#include <QSqlQuery>

namespace bv {

QString reportBranch(ReportContext& context)
{
    const QString name = context.settings.text(QString::fromLatin1(settings::BranchName)).trimmed();
    return name.isEmpty() ? context.settings.text(QString::fromLatin1(settings::BranchCode)) : name;
}

namespace reporttext {

QDateTime branchTime(const QDateTime& utc)
{
    return utc.toTimeZone(WorkingCalendar::branchTimeZone());
}

QDate branchDate(const QDateTime& utc)
{
    return branchTime(utc).date();
}

QDateTime dayStartUtc(const QDate& branchDate)
{
    return QDateTime(branchDate, QTime(0, 0), WorkingCalendar::branchTimeZone()).toUTC();
}

QString none()
{
    return QStringLiteral("—");
}

QString dateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return none();
    return branchTime(utc).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString dateTimeWithZone(const QDateTime& utc)
{
    if (!utc.isValid())
        return none();
    const int offset = WorkingCalendar::branchTimeZone().offsetFromUtc(utc);
    const int minutes = qAbs(offset) / 60;
    const QString zone = QStringLiteral("UTC%1%2:%3")
                             .arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+'))
                             .arg(minutes / 60, 2, 10, QLatin1Char('0'))
                             .arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 (%2)").arg(dateTime(utc), zone);
}

QString date(const QDate& date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : none();
}

QString storedTime(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty())
        return none();
    return dateTime(QDateTime::fromString(value.toString(), Qt::ISODateWithMs));
}

QString zoneModifier()
{
    // fixed offset (China has no daylight saving time): the offset of any instant will do
    const int offset = WorkingCalendar::branchTimeZone().offsetFromUtc(QDateTime::currentDateTimeUtc());
    return QStringLiteral("%1%2 seconds").arg(offset < 0 ? QLatin1Char('-') : QLatin1Char('+')).arg(qAbs(offset));
}

QString number(qint64 value)
{
    return QLocale().toString(value);
}

QString percent(qint64 part, qint64 whole)
{
    if (whole <= 0)
        return none();
    return QLocale().toString(100.0 * double(part) / double(whole), 'f', 1) + QLatin1Char('%');
}

QString staff(const QString& login, const QString& displayName)
{
    if (login.isEmpty())
        return displayName.isEmpty() ? none() : displayName;
    if (displayName.isEmpty() || displayName == login)
        return login;
    return QStringLiteral("%1 (%2)").arg(displayName, login);
}

} // namespace reporttext

namespace reporttext {

QString fieldValue(const QString& fieldKey, const QString& value)
{
    if (value.isEmpty())
        return none();
    if (fieldKey == QLatin1String(fields::Restricted))
        return ValueLabels::yesNo(value == QLatin1String("1"));
    if (fieldKey == QLatin1String(fields::CreatedAt) || fieldKey == QLatin1String(fields::UpdatedAt))
        return storedTime(value);
    return ValueLabels::value(fieldKey, value);
}

} // namespace reporttext

} // namespace bv
