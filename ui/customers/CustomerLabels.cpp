#include "ui/customers/CustomerLabels.h"
#include "ui/common/Formats.h"

#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/IdNumber.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/FieldCatalogue.h"

#include <QLocale>

namespace bv::ui {

QString CustomerLabels::none()
{
    return QStringLiteral("—");
}

QString CustomerLabels::tier(const QString& key)
{
    return key.isEmpty() ? none() : Tiers::label(key);
}

QString CustomerLabels::status(const QString& key)
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
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::ageBand(const QString& key)
{
    if (key.isEmpty())
        return none();
    if (key == QLatin1String("under_20"))
        return tr("under 20");
    if (key == QLatin1String("70_plus"))
        return tr("70 and over");
    const QStringList parts = key.split(QLatin1Char('_'));
    if (parts.size() == 2)
        return tr("%1–%2").arg(parts.at(0), parts.at(1));
    return key;
}

QString CustomerLabels::sex(const QString& key)
{
    if (key == QLatin1String("M"))
        return tr("male");
    if (key == QLatin1String("F"))
        return tr("female");
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString CustomerLabels::idType(const QString& key)
{
    auto type = idTypeFromKey(key);
    return type.ok() ? IdNumber::typeName(*type) : (key.isEmpty() ? none() : key);
}

QString CustomerLabels::channel(const QString& key)
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
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::complaintStatus(const QString& key)
{
    if (key == QLatin1String("open"))
        return tr("open");
    if (key == QLatin1String("investigating"))
        return tr("under investigation");
    if (key == QLatin1String("answered"))
        return tr("answered");
    if (key == QLatin1String("closed"))
        return tr("closed");
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::consentPurpose(const QString& key)
{
    if (key == QLatin1String("processing"))
        return tr("processing of personal information");
    if (key == QLatin1String("marketing"))
        return tr("marketing");
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::consentAction(const QString& key)
{
    if (key == QLatin1String("given"))
        return tr("given");
    if (key == QLatin1String("withdrawn"))
        return tr("withdrawn");
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::accountType(const QString& key)
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
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::accountStatus(const QString& key)
{
    if (key == QLatin1String("active"))
        return tr("active");
    if (key == QLatin1String("dormant"))
        return tr("dormant");
    if (key == QLatin1String("frozen"))
        return tr("frozen");
    if (key == QLatin1String("closed"))
        return tr("closed");
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::incomeBand(const QString& key)
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
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::maritalStatus(const QString& key)
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
    return key.isEmpty() ? none() : key;
}

QString CustomerLabels::changeKind(const QString& key)
{
    if (key == QLatin1String("create"))
        return tr("new record");
    if (key == QLatin1String("edit"))
        return tr("edit");
    return key;
}

QString CustomerLabels::requestType(RequestType type)
{
    switch (type) {
    case RequestType::Reveal:
        return tr("full view");
    case RequestType::Export:
        return tr("export");
    case RequestType::Print:
        return tr("print");
    case RequestType::RestrictedAccess:
        return tr("restricted access");
    }
    return QString();
}

QString CustomerLabels::changed(const QString& fieldKey, const QString& value)
{
    const QString field = fieldKey.section(QLatin1Char(':'), 0, 0);
    if (value.isEmpty())
        return none();
    if (field != QLatin1String(fields::IdType) && FieldCatalogue::isGradeOne(field))
        return value; // masked by the core
    return CustomerLabels::value(field, value);
}

QString CustomerLabels::value(const QString& fieldKey, const QString& value)
{
    if (value.isEmpty())
        return none();
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
        return status(value);
    if (fieldKey == QLatin1String(fields::IdType))
        return idType(value);
    if (fieldKey == QLatin1String(fields::AccountType))
        return accountType(value);
    if (fieldKey == QLatin1String(fields::AccountStatus))
        return accountStatus(value);
    if (fieldKey == QLatin1String(fields::AssetsUnderManagement)) {
        bool ok = false;
        const qlonglong amount = value.toLongLong(&ok);
        return ok ? QLocale().toString(amount) : value;
    }
    return value;
}

QString CustomerLabels::fieldList(const QStringList& keys)
{
    QStringList labels;
    for (const QString& key : keys) {
        const QString label = FieldCatalogue::label(key.section(QLatin1Char(':'), 0, 0));
        if (!labels.contains(label))
            labels << label;
    }
    return labels.join(tr(", "));
}

QDateTime CustomerLabels::toBranchTime(const QDateTime& utc)
{
    return Formats::toBranchTime(utc);
}

QString CustomerLabels::dateTime(const QDateTime& utc)
{
    if (!utc.isValid())
        return none();
    return Formats::dateTime(utc);
}

QString CustomerLabels::time(const QDateTime& utc)
{
    if (!utc.isValid())
        return none();
    return Formats::timeSeconds(utc);
}

QString CustomerLabels::date(const QDate& date)
{
    return date.isValid() ? Formats::date(date) : none();
}

QString CustomerLabels::remaining(qint64 seconds)
{
    seconds = qMax<qint64>(0, seconds);
    const qint64 days = seconds / 86400;
    const QString clock = QStringLiteral("%1:%2:%3")
                              .arg((seconds % 86400) / 3600)
                              .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'))
                              .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? tr("%n d %1", nullptr, int(days)).arg(clock) : clock;
}

} // namespace bv::ui
