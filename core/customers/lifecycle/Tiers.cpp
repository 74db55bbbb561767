#include "core/customers/lifecycle/Tiers.h"

#include "core/policy/SettingsService.h"

namespace bv {

QString Tiers::forAssets(qint64 aumCny, const SettingsService& settings)
{
    if (aumCny >= settings.integer(QString::fromLatin1(settings::TierDiamondCny)))
        return QStringLiteral("diamond");
    if (aumCny >= settings.integer(QString::fromLatin1(settings::TierPlatinumCny)))
        return QStringLiteral("platinum");
    if (aumCny >= settings.integer(QString::fromLatin1(settings::TierGoldCny)))
        return QStringLiteral("gold");
    return QStringLiteral("regular");
}

QString Tiers::label(const QString& key)
{
    if (key == QLatin1String("gold"))
        return tr("Gold");
    if (key == QLatin1String("platinum"))
        return tr("Platinum");
    if (key == QLatin1String("diamond"))
        return tr("Diamond");
    return tr("Regular");
}

} // namespace bv
