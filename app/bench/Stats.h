#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QString>

#include <algorithm>

namespace bv::bench {

// Samples of one operation, in milliseconds.
struct Samples
{
    QList<double> ms;
    void add(double value) { ms << value; }
    double percentile(double p) const
    {
        if (ms.isEmpty())
            return 0;
        QList<double> sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const qsizetype index
            = qBound<qsizetype>(0, qsizetype(p / 100.0 * double(sorted.size() - 1) + 0.5), sorted.size() - 1);
        return sorted.at(index);
    }
    double p50() const { return percentile(50); }
    double p95() const { return percentile(95); }
    double max() const { return ms.isEmpty() ? 0 : *std::max_element(ms.cbegin(), ms.cend()); }
};

// Times a callable in milliseconds.
template <typename F>
double timeMs(F&& f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    return double(timer.nsecsElapsed()) / 1e6;
}

// Peak resident set size of this process (VmHWM) in MiB, and a way to reset it (Linux).
double peakRssMiB();
void resetPeakRss();
double currentRssMiB();

} // namespace bv::bench
