#include "core/policy/MaskSettings.h"

#include <QMetaType>

#include <cmath>
#include <limits>

namespace bv {

namespace {

// One configurable width: its key, its user-facing name and the member that holds it.
struct Width
{
    QLatin1StringView key;
    int MaskSettings::*member;
    int maximum;
};

constexpr Width kWidths[] = {
    {MaskSettings::kPhoneKeepStartKey, &MaskSettings::phoneKeepStart, MaskSettings::kPhoneMaxKeepStart},
    {MaskSettings::kPhoneKeepEndKey, &MaskSettings::phoneKeepEnd, MaskSettings::kPhoneMaxKeepEnd},
    {MaskSettings::kMainlandIdKeepStartKey, &MaskSettings::mainlandIdKeepStart, MaskSettings::kMainlandIdMaxKeepStart},
    {MaskSettings::kOtherIdKeepStartKey, &MaskSettings::otherIdKeepStart, MaskSettings::kOtherIdMaxKeepStart},
    {MaskSettings::kAccountKeepStartKey, &MaskSettings::accountKeepStart, MaskSettings::kAccountMaxKeepStart},
    {MaskSettings::kAccountKeepEndKey, &MaskSettings::accountKeepEnd, MaskSettings::kAccountMaxKeepEnd},
    {MaskSettings::kAddressKeepStartKey, &MaskSettings::addressKeepStart, MaskSettings::kAddressMaxKeepStart},
    {MaskSettings::kEmailLocalKeepKey, &MaskSettings::emailLocalKeep, MaskSettings::kEmailMaxLocalKeep},
};

const Width* widthOf(QAnyStringView key)
{
    for (const Width& width : kWidths) {
        if (QAnyStringView::compare(width.key, key) == 0)
            return &width;
    }
    return nullptr;
}

// Reads a whole number from a settings value: an integer, an integral floating-point value or a
// string of digits (the settings store may keep text). Booleans and anything else are refused.
bool toWholeNumber(const QVariant& value, int* out)
{
    bool ok = false;
    qlonglong number = 0;
    switch (value.metaType().id()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::ULong:
    case QMetaType::LongLong:
    case QMetaType::Short:
    case QMetaType::UShort:
        number = value.toLongLong(&ok);
        break;
    case QMetaType::ULongLong: {
        const qulonglong u = value.toULongLong(&ok);
        ok = ok && u <= qulonglong(std::numeric_limits<int>::max());
        number = qlonglong(u);
        break;
    }
    case QMetaType::Double:
    case QMetaType::Float: {
        const double d = value.toDouble();
        ok = std::isfinite(d) && std::trunc(d) == d && std::abs(d) <= std::numeric_limits<int>::max();
        number = ok ? qlonglong(d) : 0;
        break;
    }
    case QMetaType::QString:
    case QMetaType::QByteArray:
        number = value.toString().trimmed().toLongLong(&ok, 10);
        break;
    default:
        return false;
    }
    if (!ok || number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max())
        return false;
    *out = int(number);
    return true;
}

// Each label names the setting as the settings page will show it.
QString settingLabel(QLatin1StringView key)
{
    if (key == MaskSettings::kPhoneKeepStartKey)
        return MaskSettings::tr("Phone numbers: digits shown at the start");
    if (key == MaskSettings::kPhoneKeepEndKey)
        return MaskSettings::tr("Phone numbers: digits shown at the end");
    if (key == MaskSettings::kMainlandIdKeepStartKey)
        return MaskSettings::tr("Mainland ID numbers: characters shown at the start");
    if (key == MaskSettings::kOtherIdKeepStartKey)
        return MaskSettings::tr("Other ID numbers: characters shown at the start");
    if (key == MaskSettings::kAccountKeepStartKey)
        return MaskSettings::tr("Account and card numbers: digits shown at the start");
    if (key == MaskSettings::kAccountKeepEndKey)
        return MaskSettings::tr("Account and card numbers: digits shown at the end");
    if (key == MaskSettings::kAddressKeepStartKey)
        return MaskSettings::tr("Addresses: characters shown at the start");
    if (key == MaskSettings::kEmailLocalKeepKey)
        return MaskSettings::tr("E-mail addresses: characters of the name shown");
    return QString(key);
}

Error floorError(QLatin1StringView key, int value, int maximum, const QString& floor)
{
    return makeError(ErrorCode::InvalidInput,
        MaskSettings::tr("\"%1\" (%2) is set to %3, but at most %4 may be shown (allowed: 0 to %4): %5 This is a "
                         "regulatory floor. Set it to %4 or less.")
            .arg(settingLabel(key), QString(key), QString::number(value), QString::number(maximum), floor),
        QStringLiteral("%1=%2, maximum %3").arg(QString(key)).arg(value).arg(maximum), QString(key));
}

} // namespace

Status MaskSettings::validate() const
{
    for (const Width& width : kWidths) {
        const int value = this->*width.member;
        if (value < 0) {
            return makeError(ErrorCode::InvalidInput,
                tr("\"%1\" (%2) is set to %3, but a mask width cannot be negative (allowed: 0 to %4). Set it "
                   "to 0 or more.")
                    .arg(settingLabel(width.key), QString(width.key), QString::number(value),
                        QString::number(width.maximum)),
                QStringLiteral("%1=%2").arg(QString(width.key)).arg(value), QString(width.key));
        }
    }

    const QString phoneFloor = tr("the middle 4 digits of an 11-digit mobile number must stay hidden.");
    if (phoneKeepStart > kPhoneMaxKeepStart)
        return floorError(kPhoneKeepStartKey, phoneKeepStart, kPhoneMaxKeepStart, phoneFloor);
    if (phoneKeepEnd > kPhoneMaxKeepEnd)
        return floorError(kPhoneKeepEndKey, phoneKeepEnd, kPhoneMaxKeepEnd, phoneFloor);

    if (mainlandIdKeepStart > kMainlandIdMaxKeepStart) {
        return floorError(kMainlandIdKeepStartKey, mainlandIdKeepStart, kMainlandIdMaxKeepStart,
            tr("the birth date (from the 7th character) and the last 4 characters of a mainland ID number "
               "must stay hidden."));
    }
    if (otherIdKeepStart > kOtherIdMaxKeepStart) {
        return floorError(kOtherIdKeepStartKey, otherIdKeepStart, kOtherIdMaxKeepStart,
            tr("the last 4 characters of an ID number must stay hidden, also on 8-character "
               "documents such as the Taiwan residents' permit."));
    }

    const QString accountFloor = tr("the middle 4 digits of a 16-digit card number must stay hidden.");
    if (accountKeepStart > kAccountMaxKeepStart)
        return floorError(kAccountKeepStartKey, accountKeepStart, kAccountMaxKeepStart, accountFloor);
    if (accountKeepEnd > kAccountMaxKeepEnd)
        return floorError(kAccountKeepEndKey, accountKeepEnd, kAccountMaxKeepEnd, accountFloor);

    if (addressKeepStart > kAddressMaxKeepStart) {
        return floorError(kAddressKeepStartKey, addressKeepStart, kAddressMaxKeepStart,
            tr("an address shows at most its first 6 characters (province, city and district)."));
    }
    if (emailLocalKeep > kEmailMaxLocalKeep) {
        return floorError(kEmailLocalKeepKey, emailLocalKeep, kEmailMaxLocalKeep,
            tr("an e-mail address shows at most the first character of its name."));
    }
    return {};
}

QList<QLatin1StringView> MaskSettings::keys()
{
    QList<QLatin1StringView> list;
    for (const Width& width : kWidths)
        list.append(width.key);
    return list;
}

int MaskSettings::maximum(QAnyStringView key)
{
    const Width* width = widthOf(key);
    return width ? width->maximum : -1;
}

int MaskSettings::width(QAnyStringView key) const
{
    const Width* width = widthOf(key);
    return width ? this->*width->member : 0;
}

MaskSettings MaskSettings::with(QAnyStringView key, int value) const
{
    MaskSettings copy = *this;
    if (const Width* width = widthOf(key))
        copy.*width->member = value;
    return copy;
}

bool MaskSettings::showsMoreThan(const MaskSettings& other) const
{
    for (const Width& width : kWidths) {
        if (this->*width.member > other.*width.member)
            return true;
    }
    return false;
}

bool MaskSettings::hidesMoreThan(const MaskSettings& other) const
{
    for (const Width& width : kWidths) {
        if (this->*width.member < other.*width.member)
            return true;
    }
    return false;
}

Result<MaskSettings> MaskSettings::fromMap(const QVariantMap& map)
{
    MaskSettings settings;
    for (const Width& width : kWidths) {
        const auto it = map.constFind(QString(width.key));
        if (it == map.constEnd())
            continue;
        int value = 0;
        if (!toWholeNumber(it.value(), &value)) {
            return makeError(ErrorCode::InvalidInput,
                tr("\"%1\" has the value \"%2\", which is not a whole number. Enter the number of "
                   "characters to show, for example %3.")
                    .arg(settingLabel(width.key), it.value().toString(), QString::number(MaskSettings().*width.member)),
                QString(width.key), QString(width.key));
        }
        settings.*width.member = value;
    }
    BV_TRY(settings.validate());
    return settings;
}

QVariantMap MaskSettings::toMap() const
{
    QVariantMap map;
    for (const Width& width : kWidths)
        map.insert(QString(width.key), this->*width.member);
    return map;
}

} // namespace bv
