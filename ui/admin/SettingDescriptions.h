#pragma once

#include <QCoreApplication>
#include <QString>

namespace bv::ui {

// What each setting does, in a sentence the administrator can act on (shown under the settings table and
// in its tooltips). One entry per key of SettingsService::specs(); a test fails when a setting has none.
class SettingDescriptions
{
    Q_DECLARE_TR_FUNCTIONS(SettingDescriptions)
public:
    // The translated description of `key`, or an empty string for an unknown key.
    static QString description(const QString& key);
};

} // namespace bv::ui
