#pragma once

#include <QCoreApplication>
#include <QStringList>

namespace bv {

class SettingsService;

// Customer tiers (客户等级) from assets under management, thresholds in settings (CNY):
// regular < gold ≤ … < platinum ≤ … < diamond ≤ …
class Tiers
{
    Q_DECLARE_TR_FUNCTIONS(Tiers)
public:
    static QStringList keys()
    {
        return {
            QStringLiteral("regular"), QStringLiteral("gold"), QStringLiteral("platinum"), QStringLiteral("diamond")};
    }
    static QString forAssets(qint64 aumCny, const SettingsService& settings);
    static QString label(const QString& key);
};

} // namespace bv
