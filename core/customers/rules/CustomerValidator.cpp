#include "core/customers/rules/CustomerValidator.h"

#include "core/customers/rules/IdNumber.h"
#include "core/customers/rules/Validators.h"
#include "core/internal/common/TextLength.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"

namespace bv {

namespace {

Error fieldError(const QString& field, const QString& message)
{
    return makeError(ErrorCode::InvalidInput, message, QString(), field);
}

Error relabel(const Error& error, const QString& field)
{
    Error e = error;
    if (e.field.isEmpty())
        e.field = field;
    return e;
}

} // namespace

QStringList CustomerValidator::incomeBands()
{
    return {QStringLiteral("under_50k"), QStringLiteral("50k_100k"), QStringLiteral("100k_300k"),
        QStringLiteral("300k_1m"), QStringLiteral("over_1m")};
}

QStringList CustomerValidator::maritalStatuses()
{
    return {QStringLiteral("single"), QStringLiteral("married"), QStringLiteral("divorced"), QStringLiteral("widowed"),
        QStringLiteral("other")};
}

QStringList CustomerValidator::riskRatings()
{
    return {
        QStringLiteral("C1"), QStringLiteral("C2"), QStringLiteral("C3"), QStringLiteral("C4"), QStringLiteral("C5")};
}

QStringList CustomerValidator::accountTypes()
{
    return {QStringLiteral("debit_card"), QStringLiteral("credit_card"), QStringLiteral("savings"),
        QStringLiteral("current"), QStringLiteral("fixed_deposit"), QStringLiteral("other")};
}

QStringList CustomerValidator::accountStatuses()
{
    return statusKeys<AccountStatus>();
}

bool CustomerValidator::isCardType(const QString& accountType)
{
    return accountType == QLatin1String("debit_card") || accountType == QLatin1String("credit_card");
}

QString CustomerValidator::ageBand(const QDate& birthDate, const QDate& today)
{
    if (!birthDate.isValid())
        return QString();
    int age = today.year() - birthDate.year();
    if (QDate(today.year(), birthDate.month(),
            qMin(birthDate.day(), QDate(today.year(), birthDate.month(), 1).daysInMonth()))
        > today)
        --age;
    if (age < 20)
        return QStringLiteral("under_20");
    if (age >= 70)
        return QStringLiteral("70_plus");
    const int decade = age / 10 * 10;
    return QStringLiteral("%1_%2").arg(decade).arg(decade + 9);
}

ValidatedCustomer CustomerValidator::validate(
    const CustomerInput& input, const QDate& today, const QHash<QString, QString>* current)
{
    ValidatedCustomer out;
    out.restricted = input.restricted;
    // the record as it will be: current values overlaid with the input
    QHash<QString, QString> merged = current ? *current : QHash<QString, QString>();
    // Fields the system keeps itself (number, tier, status, manager, dates) are never entered.
    static const QStringList systemFields = {QString::fromLatin1(fields::CustomerNo), QString::fromLatin1(fields::Tier),
        QString::fromLatin1(fields::Branch), QString::fromLatin1(fields::Manager), QString::fromLatin1(fields::Status),
        QString::fromLatin1(fields::Restricted), QString::fromLatin1(fields::AgeBand),
        QString::fromLatin1(fields::CreatedAt), QString::fromLatin1(fields::UpdatedAt)};
    for (auto it = input.values.cbegin(); it != input.values.cend(); ++it) {
        if (!FieldCatalogue::find(it.key())) {
            out.errors << fieldError(it.key(), tr("There is no customer field \"%1\".").arg(it.key()));
            continue;
        }
        if (systemFields.contains(it.key())) {
            out.errors << fieldError(it.key(),
                tr("\"%1\" is kept by BranchVault and cannot be entered; use the "
                   "ownership or tier functions to change it.")
                    .arg(FieldCatalogue::label(it.key())));
            continue;
        }
        merged.insert(it.key(), it.value().trimmed());
    }
    auto take = [&](const char* key) { return merged.value(QString::fromLatin1(key)); };
    auto put = [&](const char* key, const QString& value) {
        const QString k = QString::fromLatin1(key);
        if (!current || current->value(k) != value || input.values.contains(k))
            out.values.insert(k, value);
    };

    // name
    if (auto name = Validators::name(take(fields::Name)); name.ok())
        put(fields::Name, *name);
    else
        out.errors << relabel(name.error(), QString::fromLatin1(fields::Name));

    // sex (may be derived from a mainland ID below)
    QChar sex;
    if (!take(fields::Sex).isEmpty()) {
        auto parsed = Validators::sex(take(fields::Sex));
        if (parsed.ok())
            sex = *parsed;
        else
            out.errors << relabel(parsed.error(), QString::fromLatin1(fields::Sex));
    }

    // ID type + number; a mainland ID gives birth date and sex when they are left empty
    QDate birthFromId;
    auto type = idTypeFromKey(take(fields::IdType).isEmpty() ? QStringLiteral("mainland_id") : take(fields::IdType));
    if (!type.ok()) {
        out.errors << relabel(type.error(), QString::fromLatin1(fields::IdType));
    } else {
        put(fields::IdType, idTypeKey(*type));
        if (take(fields::IdNumber).isEmpty()) {
            out.errors << fieldError(QString::fromLatin1(fields::IdNumber),
                tr("The ID number is required. Copy it from the customer's identity document."));
        } else {
            auto checked = IdNumber::validate(*type, take(fields::IdNumber), today, sex);
            if (!checked.ok()) {
                out.errors << relabel(checked.error(), QString::fromLatin1(fields::IdNumber));
            } else {
                put(fields::IdNumber, checked->normalized);
                birthFromId = checked->birthDate;
                if (sex.isNull() && !checked->sex.isNull())
                    sex = checked->sex;
                if (checked->upgradedFrom15)
                    out.warnings << tr("The 15-digit ID number was upgraded to its 18-digit form.");
            }
        }
    }
    if (sex.isNull())
        out.errors << fieldError(QString::fromLatin1(fields::Sex), tr("The sex is required (M or F)."));
    else
        put(fields::Sex, QString(sex));

    // birth date: given, or derived from the ID number
    const QString birthText = take(fields::BirthDate);
    QDate birth = birthText.isEmpty() ? QDate() : QDate::fromString(birthText, Qt::ISODate);
    if (!birthText.isEmpty() && !birth.isValid()) {
        out.errors << fieldError(
            QString::fromLatin1(fields::BirthDate), tr("The birth date must be a date written as YYYY-MM-DD."));
    } else if (birth.isValid() || birthFromId.isValid()) {
        auto checked = Validators::birthDate(birth.isValid() ? birth : birthFromId, today, birthFromId);
        if (checked.ok())
            put(fields::BirthDate, checked->toString(Qt::ISODate));
        else
            out.errors << relabel(checked.error(), QString::fromLatin1(fields::BirthDate));
    }

    // contact
    const struct
    {
        const char* key;
        Result<QString> (*check)(const QString&);
    } contacts[] = {{fields::Mobile, &Validators::mobile}, {fields::OtherPhone, &Validators::otherPhone},
        {fields::Email, &Validators::email}, {fields::Address, &Validators::address}};
    for (const auto& c : contacts) {
        const QString value = take(c.key);
        if (value.isEmpty()) {
            if (input.values.contains(QString::fromLatin1(c.key)))
                put(c.key, QString());
            continue;
        }
        auto checked = c.check(value);
        if (checked.ok())
            put(c.key, *checked);
        else
            out.errors << relabel(checked.error(), QString::fromLatin1(c.key));
    }
    if (Status reachable = Validators::mobileOrAddress(take(fields::Mobile), take(fields::Address)); !reachable.ok())
        out.errors << relabel(reachable.error(), QString::fromLatin1(fields::Mobile));

    // general and profile values
    if (!take(fields::Nationality).isEmpty() || input.values.contains(QString::fromLatin1(fields::Nationality))) {
        const QString nationality
            = take(fields::Nationality).isEmpty() ? QStringLiteral("CHN") : take(fields::Nationality);
        if (charCount(nationality) > 40)
            out.errors << fieldError(
                QString::fromLatin1(fields::Nationality), tr("The nationality has at most 40 characters."));
        else
            put(fields::Nationality, nationality);
    } else if (!current) {
        put(fields::Nationality, QStringLiteral("CHN"));
    }
    const struct
    {
        const char* key;
        QStringList choices;
    } choices[] = {{fields::IncomeBand, incomeBands()}, {fields::MaritalStatus, maritalStatuses()},
        {fields::RiskRating, riskRatings()}};
    for (const auto& c : choices) {
        const QString value = take(c.key);
        if (!value.isEmpty() && !c.choices.contains(value))
            out.errors << fieldError(QString::fromLatin1(c.key),
                tr("\"%1\" must be one of: %2.")
                    .arg(FieldCatalogue::label(QString::fromLatin1(c.key)), c.choices.join(QStringLiteral(", "))));
        else if (input.values.contains(QString::fromLatin1(c.key)))
            put(c.key, value);
    }
    for (const char* key : {fields::Occupation, fields::Employer, fields::Family, fields::ProductHoldings}) {
        const QString value = take(key);
        if (charCount(value) > 500)
            out.errors << fieldError(QString::fromLatin1(key),
                tr("\"%1\" has at most 500 characters.").arg(FieldCatalogue::label(QString::fromLatin1(key))));
        else if (input.values.contains(QString::fromLatin1(key)))
            put(key, value);
        if (Validators::looksLikeSecret(value))
            out.warnings << tr("\"%1\" looks as if it holds a PIN, CVV or password. BranchVault never stores "
                               "customers' authentication secrets: remove it.")
                                .arg(FieldCatalogue::label(QString::fromLatin1(key)));
        else if (!FreeText::check(value).isEmpty())
            out.warnings << tr("\"%1\" seems to hold a full ID, mobile or card number. Keep such numbers in "
                               "their own fields, or mask them here.")
                                .arg(FieldCatalogue::label(QString::fromLatin1(key)));
    }
    const QString aum = take(fields::AssetsUnderManagement);
    if (!aum.isEmpty()) {
        bool ok = false;
        const qlonglong amount = QString(aum).remove(QLatin1Char(',')).toLongLong(&ok);
        if (!ok || amount < 0 || amount > 1000000000000LL)
            out.errors << fieldError(QString::fromLatin1(fields::AssetsUnderManagement),
                tr("Assets under management must be a whole amount in CNY, 0 or more."));
        else
            put(fields::AssetsUnderManagement, QString::number(amount));
    } else if (input.values.contains(QString::fromLatin1(fields::AssetsUnderManagement))) {
        put(fields::AssetsUnderManagement, QString());
    }

    // accounts and cards
    for (const AccountInput& account : input.accounts) {
        AccountInput checked = account;
        if (account.remove) {
            out.accounts << checked;
            continue;
        }
        if (!accountTypes().contains(account.type)) {
            out.errors << fieldError(QString::fromLatin1(fields::AccountType),
                tr("The account type must be one of: %1.").arg(accountTypes().join(QStringLiteral(", "))));
            continue;
        }
        if (!accountStatuses().contains(account.status)) {
            out.errors << fieldError(QString::fromLatin1(fields::AccountStatus),
                tr("The account status must be one of: %1.").arg(accountStatuses().join(QStringLiteral(", "))));
            continue;
        }
        if (account.id == 0 || !account.number.isEmpty()) {
            auto number = Validators::accountNumber(account.number,
                isCardType(account.type) ? Validators::AccountKind::Card : Validators::AccountKind::Account);
            if (!number.ok()) {
                out.errors << relabel(number.error(), QString::fromLatin1(fields::AccountNumber));
                continue;
            }
            checked.number = *number;
        }
        if (account.openedOn.isValid() && account.openedOn > today) {
            out.errors << fieldError(
                QString::fromLatin1(fields::AccountOpenedOn), tr("An account cannot be opened in the future."));
            continue;
        }
        out.accounts << checked;
    }
    return out;
}

} // namespace bv
