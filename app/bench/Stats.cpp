#include "app/bench/Stats.h"

#include <QFile>

namespace bv::bench {

namespace {
double statusField(const char* name)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(name)) {
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2)
                return parts.at(1).toDouble() / 1024.0; // kB → MiB
        }
    }
    return 0;
}
} // namespace

double peakRssMiB()
{
    return statusField("VmHWM:");
}

double currentRssMiB()
{
    return statusField("VmRSS:");
}

void resetPeakRss()
{
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

} // namespace bv::bench
