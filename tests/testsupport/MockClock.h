#pragma once

#include "core/common/Clock.h"

namespace bv::test {

// A clock the test moves by hand: lockouts, expiry, grants, due dates and retention are tested
// without sleeping.
class MockClock final : public Clock
{
public:
    explicit MockClock(QDateTime start = QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC))
        : m_now(std::move(start))
    {
    }
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime& now) { m_now = now.toUTC(); }
    void advanceSecs(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void advanceDays(qint64 days) { m_now = m_now.addDays(days); }

private:
    QDateTime m_now;
};

} // namespace bv::test
