#include "core/policy/ValueLabels.h"

#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/IdNumber.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Statuses.h"

#include <QLocale>
#include <QStringList>

namespace bv {

QString ValueLabels::none()
{
    return QStringLiteral("—");
}

QString ValueLabels::tier(const QString& key)
{
    return key.isEmpty() ? none() : Tiers::label(key);
}

QString ValueLabels::ageBand(const QString& key)
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

QString ValueLabels::sex(const QString& key)
{
    if (key == QLatin1String("M"))
        return tr("male");
    if (key == QLatin1String("F"))
        return tr("female");
    return key.isEmpty() ? none() : key;
}

QString ValueLabels::yesNo(bool value)
{
    return value ? tr("yes") : tr("no");
}

QString ValueLabels::idType(const QString& key)
{
    auto type = idTypeFromKey(key);
    return type.ok() ? IdNumber::typeName(*type) : (key.isEmpty() ? none() : key);
}

QString ValueLabels::channel(const QString& key)
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

QString ValueLabels::consentPurpose(const QString& key)
{
    if (key == QLatin1String("processing"))
        return tr("processing of personal information");
    if (key == QLatin1String("marketing"))
        return tr("marketing");
    return key.isEmpty() ? none() : key;
}

QString ValueLabels::consentAction(const QString& key)
{
    if (key == QLatin1String("given"))
        return tr("given");
    if (key == QLatin1String("withdrawn"))
        return tr("withdrawn");
    return key.isEmpty() ? none() : key;
}

QString ValueLabels::accountType(const QString& key)
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

QString ValueLabels::incomeBand(const QString& key)
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

QString ValueLabels::maritalStatus(const QString& key)
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

QString ValueLabels::value(const QString& fieldKey, const QString& value)
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
        return statusLabelOfKey<CustomerStatus>(value);
    if (fieldKey == QLatin1String(fields::IdType))
        return idType(value);
    if (fieldKey == QLatin1String(fields::AccountType))
        return accountType(value);
    if (fieldKey == QLatin1String(fields::AccountStatus))
        return statusLabelOfKey<AccountStatus>(value);
    if (fieldKey == QLatin1String(fields::AssetsUnderManagement)) {
        bool ok = false;
        const qlonglong amount = value.toLongLong(&ok);
        return ok ? QLocale().toString(amount) : value;
    }
    return value;
}

} // namespace bv
