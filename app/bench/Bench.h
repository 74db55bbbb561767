#pragma once

#include "app/bench/MemorySecretStore.h"
#include "app/bench/Stats.h"
#include "core/Core.h"
#include "core/auth/Session.h"
#include "core/common/SecureBytes.h"
#include "core/db/DatabaseOptions.h"
#include "core/internal/common/StageClock.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

#include <memory>

namespace bv::bench {

// The staff accounts' passwords: known to the benchmark, which signs in again in every round.
SecureBytes secretOf(const QString& text);
QString passwordOf(const QString& login);

// branchvault-bench: builds a synthetic branch through the core services the GUI and CLI use — in an encrypted
// database and in the same engine without a key — and measures the operations of docs/PERFORMANCE.md. The two
// databases take turns, plaintext then encrypted, twice (A B A B: "How the benchmark measures" there), so that a
// drift of the machine weighs on both alike. Timings are reported, never asserted.
class Bench
{
    Q_DECLARE_TR_FUNCTIONS(Bench)
public:
    struct Options
    {
        qint64 customers = 1000000;
        QString folder;
        int managers = 20;
        int portfolio = 5000; // customers of the first customer manager (the portfolio-filter case)
        int samples = 200;
        bool keep = false; // keep the databases afterwards
        bool importOnly = false; // profiling: only the encrypted database is built, by its two imports, then stop
    };

    // Each mode runs two rounds; a rate is the rows of both rounds over their seconds, and each round is kept.
    static constexpr int kRounds = 2;

    struct Rate
    {
        double rows = 0;
        double seconds = 0;
        QList<double> rounds; // rows/s of each round (index: the round; -1: not measured in that round)
        double perSecond() const { return seconds > 0 ? rows / seconds : 0; }
    };

    struct Measure
    {
        QString key; // stable id for the JSON
        QString label; // the table's operation column
        bool isRate = false; // rows/s instead of milliseconds
        Samples encrypted;
        Samples plain;
        Rate encryptedRate;
        Rate plainRate;
    };

    // One database (plaintext or encrypted): its keychain and vault service for the whole run, and the vault,
    // core and sessions while one of its rounds runs.
    struct Branch
    {
        bool encrypted = false;
        QString tag;
        QString path;
        std::unique_ptr<MemorySecretStore> secrets;
        std::unique_ptr<VaultService> vaults;
        DatabaseOptions databaseOptions;
        QList<QStringList> files; // per build round: one import file per customer manager
        StageClock::Times stages; // both import rounds
        QList<StageClock::Times> stageRounds;
        double peakRss = 0;
        double scrollPeakRss = 0;
        // Carried from the first measuring round to the second.
        QString scrollCursor; // where the scroll of the branch list stopped
        qint64 scrolled = 0;
        QStringList own; // customer numbers of the first customer manager
        QSet<qint64> ownSeeds; // their seeds: edited, so not sampled by the lookups
        QString revealNumber;
        // While a round runs.
        std::unique_ptr<Vault> vault;
        std::unique_ptr<Core> core;
        QMap<QString, Session> sessions;
    };

    explicit Bench(Options options);
    int run();
    QString table() const;
    QJsonObject json() const;

private:
    bool setUp(Branch& branch);
    bool writeFiles(Branch& branch);
    bool open(Branch& branch, const QStringList& logins);
    void close(Branch& branch);
    Session fresh(Branch& branch, const QString& login);
    bool buildRound(Branch& branch, int round);
    bool measureRound(Branch& branch, int round);
    bool fail(const Branch& branch, const QString& what, const Error& error);

    Measure& measure(const QString& key, const QString& label, bool isRate = false);
    void record(const Branch& branch, const QString& key, const QString& label, double ms);
    void rate(const Branch& branch, int round, const QString& key, const QString& label, double rows, double seconds);
    void log(const QString& line) const;
    QString stageTable() const;
    // What one read of std::chrono::steady_clock costs on this machine, in nanoseconds.
    static double clockReadNs();
    QJsonObject stagesJson(const Branch& branch) const;

    // The customer managers' logins and the seeds each one imports ([from, to)).
    QString managerOf(qint64 seed) const;
    QString numberOf(Branch& branch, qint64 seed);
    qint64 firstPortfolio() const;

    Options m_options;
    QStringList m_managers;
    QList<QPair<qint64, qint64>> m_ranges;
    Branch m_plain;
    Branch m_encrypted;
    QList<Measure> m_measures;
    qint64 m_auditRows = 0;
    double m_clockReadNs = 0; // what one read of the stage clock costs here, measured after the run
    double m_seconds = 0;
    QString m_failure;
};

} // namespace bv::bench
