#include "app/bench/Bench.h"

#include <QJsonArray>
#include <QSysInfo>

#include <chrono>

// What the benchmark prints: the table of docs/PERFORMANCE.md, the import stage by stage, the rounds one by one,
// and the same as JSON.

namespace bv::bench {

namespace {

using Stage = StageClock::Stage;
const Stage kStages[] = {Stage::ReadValidate, Stage::Seal, Stage::Write, Stage::Audit, Stage::Commit};

QString stageLabel(Stage stage)
{
    switch (stage) {
    case Stage::ReadValidate:
        return QStringLiteral("read + validate (CSV, checks, duplicates)");
    case Stage::Seal:
        return QStringLiteral("seal (encryption, masks, blind indexes)");
    case Stage::Write:
        return QStringLiteral("write (SQL statements, savepoints)");
    case Stage::Audit:
        return QStringLiteral("audit (audit rows)");
    case Stage::Commit:
        return QStringLiteral("commit (batch BEGIN and COMMIT)");
    case Stage::None:
        break;
    }
    return QString();
}

double seconds(std::int64_t ns)
{
    return double(ns) / 1e9;
}

double share(std::int64_t part, std::int64_t whole)
{
    return whole > 0 ? 100.0 * double(part) / double(whole) : 0.0;
}

QString ratio(double a, double b)
{
    return a > 0 && b > 0 ? QString::number(a / b, 'f', 2) : QStringLiteral("–");
}

} // namespace

double Bench::clockReadNs()
{
    using Clock = std::chrono::steady_clock;
    constexpr int kReads = 1000000;
    volatile std::int64_t sink = 0; // keeps the reads
    const Clock::time_point start = Clock::now();
    for (int i = 0; i < kReads; ++i)
        sink = sink + (Clock::now().time_since_epoch().count() & 1);
    const double ns = double(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
    return ns / kReads;
}

Bench::Measure& Bench::measure(const QString& key, const QString& label, bool isRate)
{
    for (Measure& m : m_measures) {
        if (m.key == key)
            return m;
    }
    Measure m;
    m.key = key;
    m.label = label;
    m.isRate = isRate;
    m_measures << m;
    return m_measures.last();
}

void Bench::record(const Branch& branch, const QString& key, const QString& label, double ms)
{
    Measure& m = measure(key, label);
    (branch.encrypted ? m.encrypted : m.plain).add(ms);
}

void Bench::rate(const Branch& branch, int round, const QString& key, const QString& label, double rows, double seconds)
{
    Rate& r = branch.encrypted ? measure(key, label, true).encryptedRate : measure(key, label, true).plainRate;
    r.rows += rows;
    r.seconds += seconds;
    while (r.rounds.size() <= round)
        r.rounds << -1.0;
    r.rounds[round] = seconds > 0 ? rows / seconds : 0.0;
}

// The import stage by stage, both databases side by side.
QString Bench::stageTable() const
{
    const StageClock::Times& e = m_encrypted.stages;
    const StageClock::Times& p = m_plain.stages;
    double encryptedRate = 0;
    double plainRate = 0;
    for (const Measure& m : m_measures) {
        if (m.key == QStringLiteral("import")) {
            encryptedRate = m.encryptedRate.perSecond();
            plainRate = m.plainRate.perSecond();
        }
    }
    QString out = QStringLiteral("\nimport by stage (all rounds; seconds and share of the import's total):\n");
    out += QStringLiteral(
        "| stage | encrypted s | encrypted share | plaintext s | plaintext share | ratio (encrypted/plaintext) |\n");
    out += QStringLiteral("|---|---:|---:|---:|---:|---:|\n");
    const auto row = [&](const QString& label, std::int64_t encryptedNs, std::int64_t plainNs) {
        out += QStringLiteral("| %1 | %2 | %3 % | %4 | %5 % | %6 |\n")
                   .arg(label)
                   .arg(seconds(encryptedNs), 0, 'f', 2)
                   .arg(share(encryptedNs, e.totalNs), 0, 'f', 1)
                   .arg(seconds(plainNs), 0, 'f', 2)
                   .arg(share(plainNs, p.totalNs), 0, 'f', 1)
                   .arg(ratio(double(encryptedNs), double(plainNs)));
    };
    for (Stage stage : kStages)
        row(stageLabel(stage), e.at(stage), p.at(stage));
    row(QStringLiteral("outside the stages (opening the file, the report)"), e.totalNs - e.stagesNs(),
        p.totalNs - p.stagesNs());
    row(QStringLiteral("import total"), e.totalNs, p.totalNs);
    out += QStringLiteral("| customers/s | %1 | | %2 | | %3 |\n")
               .arg(encryptedRate, 0, 'f', 0)
               .arg(plainRate, 0, 'f', 0)
               .arg(ratio(plainRate, encryptedRate));
    const std::int64_t reads = e.clockReads + p.clockReads;
    const std::int64_t totalNs = e.totalNs + p.totalNs;
    if (m_clockReadNs > 0 && totalNs > 0)
        out += QStringLiteral("stage clock: %1 reads at %2 ns each, about %3 % of the import time\n")
                   .arg(reads)
                   .arg(m_clockReadNs, 0, 'f', 0)
                   .arg(100.0 * double(reads) * m_clockReadNs / double(totalNs), 0, 'f', 2);
    return out;
}

QString Bench::table() const
{
    QString out;
    out += QStringLiteral(
        "| operation | encrypted p50 | encrypted p95 | plaintext p50 | plaintext p95 | ratio (p50) |\n");
    out += QStringLiteral("|---|---:|---:|---:|---:|---:|\n");
    for (const Measure& m : m_measures) {
        if (m.isRate) {
            out += QStringLiteral("| %1 | %2 | | %3 | | %4 |\n")
                       .arg(m.label)
                       .arg(m.encryptedRate.perSecond(), 0, 'f', 0)
                       .arg(m.plainRate.perSecond(), 0, 'f', 0)
                       .arg(m.encryptedRate.perSecond() > 0 ? m.plainRate.perSecond() / m.encryptedRate.perSecond()
                                                            : 0.0,
                           0, 'f', 2);
            continue;
        }
        const double e50 = m.encrypted.p50();
        const double p50 = m.plain.p50();
        out += QStringLiteral("| %1 | %2 ms | %3 ms | %4 | %5 | %6 |\n")
                   .arg(m.label)
                   .arg(e50, 0, 'f', 3)
                   .arg(m.encrypted.p95(), 0, 'f', 3)
                   .arg(m.plain.ms.isEmpty() ? QStringLiteral("–") : QStringLiteral("%1 ms").arg(p50, 0, 'f', 3))
                   .arg(m.plain.ms.isEmpty() ? QStringLiteral("–")
                                             : QStringLiteral("%1 ms").arg(m.plain.p95(), 0, 'f', 3))
                   .arg(p50 > 0 ? QString::number(e50 / p50, 'f', 2) : QStringLiteral("–"));
    }
    out += stageTable();

    // The rates of each round, in the order they ran.
    out += QStringLiteral("\nrounds, in the order they ran (A B A B), rows/s:\n");
    out += QStringLiteral("| operation | plaintext 1 | encrypted 1 | plaintext 2 | encrypted 2 |\n");
    out += QStringLiteral("|---|---:|---:|---:|---:|\n");
    for (const Measure& m : m_measures) {
        if (!m.isRate)
            continue;
        QString cells;
        for (int round = 0; round < kRounds; ++round) {
            for (const Rate* r : {&m.plainRate, &m.encryptedRate})
                cells += round < r->rounds.size() && r->rounds.at(round) >= 0
                    ? QStringLiteral(" %1 |").arg(r->rounds.at(round), 0, 'f', 0)
                    : QStringLiteral(" – |");
        }
        out += QStringLiteral("| %1 |%2\n").arg(m.label, cells);
    }

    out += QStringLiteral(
        "\npeak RSS: encrypted run %1 MiB (while scrolling the branch list: %2 MiB); plaintext run %3 MiB "
        "(scrolling: %4 MiB)\n")
               .arg(m_encrypted.peakRss, 0, 'f', 0)
               .arg(m_encrypted.scrollPeakRss, 0, 'f', 0)
               .arg(m_plain.peakRss, 0, 'f', 0)
               .arg(m_plain.scrollPeakRss, 0, 'f', 0);
    out += QStringLiteral("customers: %1, audit rows (encrypted run): %2, total time: %3 s\n")
               .arg(m_options.customers)
               .arg(m_auditRows)
               .arg(m_seconds, 0, 'f', 0);
    return out;
}

QJsonObject Bench::stagesJson(const Branch& branch) const
{
    const auto stagesOf = [](const StageClock::Times& times) {
        QJsonObject stages;
        for (Stage stage : kStages)
            stages.insert(QString::fromLatin1(StageClock::key(stage)),
                QJsonObject {{QStringLiteral("seconds"), seconds(times.at(stage))},
                    {QStringLiteral("share"), share(times.at(stage), times.totalNs) / 100.0}});
        return QJsonObject {{QStringLiteral("stages"), stages},
            {QStringLiteral("outsideStagesSeconds"), seconds(times.totalNs - times.stagesNs())},
            {QStringLiteral("totalSeconds"), seconds(times.totalNs)}, {QStringLiteral("imports"), qint64(times.runs)},
            {QStringLiteral("clockReads"), qint64(times.clockReads)}};
    };
    QJsonObject out = stagesOf(branch.stages);
    const Rate* importRate = nullptr;
    for (const Measure& m : m_measures) {
        if (m.key == QStringLiteral("import"))
            importRate = branch.encrypted ? &m.encryptedRate : &m.plainRate;
    }
    out.insert(QStringLiteral("customersPerSecond"), importRate ? importRate->perSecond() : 0.0);
    QJsonArray rounds;
    for (qsizetype i = 0; i < branch.stageRounds.size(); ++i) {
        QJsonObject round = stagesOf(branch.stageRounds.at(i));
        round.insert(QStringLiteral("round"), int(i + 1));
        round.insert(QStringLiteral("customersPerSecond"),
            importRate && i < importRate->rounds.size() ? importRate->rounds.at(i) : 0.0);
        rounds.append(round);
    }
    out.insert(QStringLiteral("rounds"), rounds);
    return out;
}

QJsonObject Bench::json() const
{
    QJsonArray rows;
    for (const Measure& m : m_measures) {
        QJsonObject row {{QStringLiteral("key"), m.key}, {QStringLiteral("operation"), m.label}};
        if (m.isRate) {
            row.insert(QStringLiteral("encryptedRowsPerSecond"), m.encryptedRate.perSecond());
            row.insert(QStringLiteral("plaintextRowsPerSecond"), m.plainRate.perSecond());
            row.insert(QStringLiteral("encryptedRounds"), QJsonArray::fromVariantList([&] {
                QVariantList l;
                for (double v : m.encryptedRate.rounds)
                    l << (v >= 0 ? QVariant(v) : QVariant());
                return l;
            }()));
            row.insert(QStringLiteral("plaintextRounds"), QJsonArray::fromVariantList([&] {
                QVariantList l;
                for (double v : m.plainRate.rounds)
                    l << (v >= 0 ? QVariant(v) : QVariant());
                return l;
            }()));
        } else {
            row.insert(QStringLiteral("encryptedP50Ms"), m.encrypted.p50());
            row.insert(QStringLiteral("encryptedP95Ms"), m.encrypted.p95());
            row.insert(QStringLiteral("plaintextP50Ms"), m.plain.p50());
            row.insert(QStringLiteral("plaintextP95Ms"), m.plain.p95());
            row.insert(QStringLiteral("samples"), int(m.encrypted.ms.size()));
        }
        rows.append(row);
    }
    return QJsonObject {{QStringLiteral("customers"), m_options.customers},
        {QStringLiteral("machine"),
            QString(QSysInfo::prettyProductName() + QStringLiteral(", ") + QSysInfo::currentCpuArchitecture())},
        {QStringLiteral("measurements"), rows},
        {QStringLiteral("importStages"),
            QJsonObject {{QStringLiteral("encrypted"), stagesJson(m_encrypted)},
                {QStringLiteral("plaintext"), stagesJson(m_plain)}, {QStringLiteral("clockReadNs"), m_clockReadNs}}},
        {QStringLiteral("interleaving"),
            QJsonObject {{QStringLiteral("rounds"), kRounds},
                {QStringLiteral("order"),
                    QJsonArray {QStringLiteral("plaintext"), QStringLiteral("encrypted"), QStringLiteral("plaintext"),
                        QStringLiteral("encrypted")}}}},
        {QStringLiteral("peakRssMiB"),
            QJsonObject {{QStringLiteral("encrypted"), m_encrypted.peakRss},
                {QStringLiteral("plaintext"), m_plain.peakRss},
                {QStringLiteral("encryptedScroll"), m_encrypted.scrollPeakRss},
                {QStringLiteral("plaintextScroll"), m_plain.scrollPeakRss}}},
        {QStringLiteral("auditRows"), m_auditRows}, {QStringLiteral("seconds"), m_seconds}};
}

} // namespace bv::bench
