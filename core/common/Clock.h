#pragma once

#include <QDateTime>

namespace bv {

// Time source for every rule that depends on time (lockouts, expiry, grants, due dates, retention),
// so tests can move time with a mock clock instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    static Clock& system();
};

} // namespace bv
