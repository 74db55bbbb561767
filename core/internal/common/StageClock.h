#pragma once

#include "core/internal/InternalOnly.h"

#include <array>
#include <chrono>
#include <cstdint>

namespace bv {

// Internal to core: where the time of a CSV import goes, stage by stage, for the benchmark (docs/PERFORMANCE.md,
// "How the benchmark measures") and its test. The import marks its stage boundaries with mark(); nothing is read
// from the clock unless a StageClock is installed on the importing thread (the benchmark and the test construct
// one) and an import is running (Run). Without one, a mark is one thread-local load. The import's result, its
// audit rows and its savepoints are the same with or without a clock; front ends never see it.
//
// A mark charges the time since the previous mark to the stage that was running and starts the next one, so one
// clock read separates two stages (a dozen per imported row, about 1 µs against the row's 250–300 µs). Time
// outside every stage (the report file, sorting the problems) is charged to none: the stages sum to at most the
// run's total.
class StageClock
{
public:
    enum class Stage
    {
        None = -1,
        ReadValidate = 0, // CSV decoding, normalising, validation, the manager and duplicate checks
        Seal, // field encryption, masks, blind indexes
        Write, // the SQL statements of the record (rows, sealed values, accounts, the pending change)
        Audit, // the audit rows
        Commit, // BEGIN and COMMIT of the batch transactions
    };
    static constexpr int kStages = 5;

    // Stable names, for the benchmark's JSON.
    static const char* key(Stage stage)
    {
        switch (stage) {
        case Stage::ReadValidate:
            return "read_validate";
        case Stage::Seal:
            return "seal";
        case Stage::Write:
            return "write";
        case Stage::Audit:
            return "audit";
        case Stage::Commit:
            return "commit";
        case Stage::None:
            break;
        }
        return "none";
    }

    struct Times
    {
        std::array<std::int64_t, kStages> ns {}; // per stage, nanoseconds
        std::int64_t totalNs = 0; // the timed runs from start to end
        std::int64_t clockReads = 0;
        std::int64_t runs = 0;

        std::int64_t at(Stage stage) const { return stage == Stage::None ? 0 : ns[std::size_t(stage)]; }
        std::int64_t stagesNs() const
        {
            std::int64_t sum = 0;
            for (std::int64_t v : ns)
                sum += v;
            return sum;
        }
        Times& operator+=(const Times& other)
        {
            for (std::size_t i = 0; i < ns.size(); ++i)
                ns[i] += other.ns[i];
            totalNs += other.totalNs;
            clockReads += other.clockReads;
            runs += other.runs;
            return *this;
        }
    };

    // Installs this clock on the calling thread until it is destroyed (the one installed before comes back).
    StageClock()
        : m_previous(t_current)
    {
        t_current = this;
    }
    ~StageClock() { t_current = m_previous; }
    StageClock(const StageClock&) = delete;
    StageClock& operator=(const StageClock&) = delete;

    const Times& times() const { return m_times; }
    void reset() { m_times = Times(); }

    // The import's side. Starts `stage` (Stage::None: no stage) and returns the one that was running, so that a
    // helper can give the time back to its caller's stage. Free when no run is being timed on this thread.
    static Stage mark(Stage stage)
    {
        StageClock* clock = t_current;
        if (!clock || !clock->m_running || clock->m_stage == stage)
            return clock && clock->m_running ? clock->m_stage : Stage::None;
        return clock->switchTo(stage);
    }

    // One timed run (CustomerImport::importFile from start to end); a run inside a run counts as the outer one.
    class Run
    {
    public:
        Run()
            : m_clock(t_current && !t_current->m_running ? t_current : nullptr)
        {
            if (!m_clock)
                return;
            m_clock->m_running = true;
            m_clock->m_stage = Stage::None;
            m_clock->m_since = m_clock->m_start = Clock::now();
            ++m_clock->m_times.clockReads;
        }
        ~Run()
        {
            if (!m_clock)
                return;
            m_clock->switchTo(Stage::None);
            m_clock->m_times.totalNs += nanoseconds(m_clock->m_since - m_clock->m_start);
            ++m_clock->m_times.runs;
            m_clock->m_running = false;
        }
        Run(const Run&) = delete;
        Run& operator=(const Run&) = delete;

    private:
        StageClock* m_clock;
    };

private:
    using Clock = std::chrono::steady_clock;

    static std::int64_t nanoseconds(Clock::duration d)
    {
        return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
    }

    Stage switchTo(Stage stage)
    {
        const Clock::time_point now = Clock::now();
        ++m_times.clockReads;
        const Stage previous = m_stage;
        if (previous != Stage::None)
            m_times.ns[std::size_t(previous)] += nanoseconds(now - m_since);
        m_since = now;
        m_stage = stage;
        return previous;
    }

    static inline thread_local StageClock* t_current = nullptr;

    StageClock* m_previous;
    Times m_times;
    bool m_running = false;
    Stage m_stage = Stage::None;
    Clock::time_point m_since;
    Clock::time_point m_start;
};

} // namespace bv
