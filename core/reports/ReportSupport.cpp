#include "core/internal/reports/ReportSupport.h"

#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/IdNumber.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
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

QString ReportLabels::customerStatus(const QString& key)
{
    if (key == QLatin1String("pending"))
        return tr("pending approval");
    if (key == QLatin1String("active"))
        return tr("active");
    if (key == QLatin1String("closed"))
        return tr("closed");
    if (key == QLatin1String("rejected"))
        return tr("rejected");
    if (key == QLatin1String("anonymised"))
        return tr("anonymised");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::tier(const QString& key)
{
    return key.isEmpty() ? reporttext::none() : Tiers::label(key);
}

QString ReportLabels::ageBand(const QString& key)
{
    if (key.isEmpty())
        return reporttext::none();
    if (key == QLatin1String("under_20"))
        return tr("under 20");
    if (key == QLatin1String("70_plus"))
        return tr("70 and over");
    const QStringList parts = key.split(QLatin1Char('_'));
    if (parts.size() == 2)
        return tr("%1–%2").arg(parts.at(0), parts.at(1));
    return key;
}

QString ReportLabels::sex(const QString& key)
{
    if (key == QLatin1String("M"))
        return tr("male");
    if (key == QLatin1String("F"))
        return tr("female");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString ReportLabels::idType(const QString& key)
{
    auto type = idTypeFromKey(key);
    return type.ok() ? IdNumber::typeName(*type) : (key.isEmpty() ? reporttext::none() : key);
}

QString ReportLabels::channel(const QString& key)
{
    if (key == QLatin1String("counter"))
        return tr("at the counter");
    if (key == QLatin1String("phone"))
        return tr("by phone");
    if (key == QLatin1String("online"))
        return tr("online banking");
    if (key == QLatin1String("mobile_app"))
        return tr("mobile app");
    if (key == QLatin1String("letter"))
        return tr("by letter");
    if (key == QLatin1String("other"))
        return tr("other");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::complaintStatus(const QString& key)
{
    if (key == QLatin1String("open"))
        return tr("open");
    if (key == QLatin1String("investigating"))
        return tr("under investigation");
    if (key == QLatin1String("answered"))
        return tr("answered");
    if (key == QLatin1String("closed"))
        return tr("closed");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::consentPurpose(const QString& key)
{
    if (key == QLatin1String("processing"))
        return tr("processing of personal information");
    if (key == QLatin1String("marketing"))
        return tr("marketing");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::consentAction(const QString& key)
{
    if (key == QLatin1String("given"))
        return tr("given");
    if (key == QLatin1String("withdrawn"))
        return tr("withdrawn");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::accountType(const QString& key)
{
    if (key == QLatin1String("debit_card"))
        return tr("debit card");
    if (key == QLatin1String("credit_card"))
        return tr("credit card");
    if (key == QLatin1String("savings"))
        return tr("savings account");
    if (key == QLatin1String("current"))
        return tr("current account");
    if (key == QLatin1String("fixed_deposit"))
        return tr("fixed deposit");
    if (key == QLatin1String("other"))
        return tr("other");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::accountStatus(const QString& key)
{
    if (key == QLatin1String("active"))
        return tr("active");
    if (key == QLatin1String("dormant"))
        return tr("dormant");
    if (key == QLatin1String("frozen"))
        return tr("frozen");
    if (key == QLatin1String("closed"))
        return tr("closed");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::incomeBand(const QString& key)
{
    if (key == QLatin1String("under_50k"))
        return tr("under CNY 50,000");
    if (key == QLatin1String("50k_100k"))
        return tr("CNY 50,000–100,000");
    if (key == QLatin1String("100k_300k"))
        return tr("CNY 100,000–300,000");
    if (key == QLatin1String("300k_1m"))
        return tr("CNY 300,000–1,000,000");
    if (key == QLatin1String("over_1m"))
        return tr("over CNY 1,000,000");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::maritalStatus(const QString& key)
{
    if (key == QLatin1String("single"))
        return tr("single");
    if (key == QLatin1String("married"))
        return tr("married");
    if (key == QLatin1String("divorced"))
        return tr("divorced");
    if (key == QLatin1String("widowed"))
        return tr("widowed");
    if (key == QLatin1String("other"))
        return tr("other");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::requestType(const QString& key)
{
    if (key == QLatin1String("reveal"))
        return tr("full view");
    if (key == QLatin1String("export"))
        return tr("export");
    if (key == QLatin1String("print"))
        return tr("print");
    if (key == QLatin1String("restricted_access"))
        return tr("restricted access");
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::requestStatus(const QString& key)
{
    for (RequestStatus status : {RequestStatus::Pending, RequestStatus::Approved, RequestStatus::Rejected,
             RequestStatus::Revoked, RequestStatus::Used, RequestStatus::Withdrawn, RequestStatus::Expired}) {
        if (requestStatusKey(status) == key)
            return RequestService::statusLabel(status);
    }
    return key.isEmpty() ? reporttext::none() : key;
}

QString ReportLabels::fieldValue(const QString& fieldKey, const QString& value)
{
    if (value.isEmpty())
        return reporttext::none();
    if (fieldKey == QLatin1String(fields::Sex))
        return sex(value);
    if (fieldKey == QLatin1String(fields::IncomeBand))
        return incomeBand(value);
    if (fieldKey == QLatin1String(fields::MaritalStatus))
        return maritalStatus(value);
    if (fieldKey == QLatin1String(fields::Tier))
        return tier(value);
    if (fieldKey == QLatin1String(fields::AgeBand))
        return ageBand(value);
    if (fieldKey == QLatin1String(fields::Status))
        return customerStatus(value);
    if (fieldKey == QLatin1String(fields::IdType))
        return idType(value);
    if (fieldKey == QLatin1String(fields::AccountType))
        return accountType(value);
    if (fieldKey == QLatin1String(fields::AccountStatus))
        return accountStatus(value);
    if (fieldKey == QLatin1String(fields::Restricted))
        return yesNo(value == QLatin1String("1"));
    if (fieldKey == QLatin1String(fields::CreatedAt) || fieldKey == QLatin1String(fields::UpdatedAt))
        return reporttext::storedTime(value);
    if (fieldKey == QLatin1String(fields::AssetsUnderManagement)) {
        bool ok = false;
        const qlonglong amount = value.toLongLong(&ok);
        return ok ? reporttext::number(amount) : value;
    }
    return value;
}

} // namespace bv
