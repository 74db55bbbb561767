#pragma once

#include "core/internal/InternalOnly.h"

#include "core/policy/SettingsService.h"

namespace bv {

// A setting stored without a session, audited as `actor` (Actor::system() for the first run's branch code and
// name, the benchmark's and the tests' set-up). Internal to core: front ends use SettingsService::set.
class SettingsWriter
{
public:
    static Status setAs(SettingsService& settings, const Actor& actor, const QString& key, const QString& value)
    {
        return settings.setAs(actor, key, value);
    }
};

} // namespace bv
