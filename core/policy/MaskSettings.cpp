#include "MaskSettings.h"

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
};

constexpr Width kWidths[] = {
    {MaskSettings::kPhoneKeepStartKey, &MaskSettings::phoneKeepStart},
    {MaskSettings::kPhoneKeepEndKey, &MaskSettings::phoneKeepEnd},
    {MaskSettings::kMainlandIdKeepStartKey, &MaskSettings::mainlandIdKeepStart},
    {MaskSettings::kOtherIdKeepStartKey, &MaskSettings::otherIdKeepStart},
    {MaskSettings::kAccountKeepStartKey, &MaskSettings::accountKeepStart},
    {MaskSettings::kAccountKeepEndKey, &MaskSettings::accountKeepEnd},
    {MaskSettings::kAddressKeepStartKey, &MaskSettings::addressKeepStart},
    {MaskSettings::kEmailLocalKeepKey, &MaskSettings::emailLocalKeep},
};

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
        MaskSettings::tr("\"%1\" is set to %2, but at most %3 may be shown: %4 This is a regulatory "
                         "floor. Set it to %3 or less.")
            .arg(settingLabel(key), QString::number(value), QString::number(maximum), floor),
        QStringLiteral("%1=%2, maximum %3").arg(QString(key)).arg(value).arg(maximum), QString(key));
}

} // namespace

Status MaskSettings::validate() const
{
    for (const Width& width : kWidths) {
        const int value = this->*width.member;
        if (value < 0) {
            return makeError(ErrorCode::InvalidInput,
                tr("\"%1\" is set to %2, but a mask width cannot be negative. Set it to 0 or more.")
                    .arg(settingLabel(width.key), QString::number(value)),
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
            tr("the last 4 characters of an 18-character ID number must stay hidden."));
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

    return {};
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
