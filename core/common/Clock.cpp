#include "core/common/Clock.h"

namespace bv {

namespace {
class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override { return QDateTime::currentDateTimeUtc(); }
};
} // namespace

Clock& Clock::system()
{
    static SystemClock clock;
    return clock;
}

} // namespace bv
