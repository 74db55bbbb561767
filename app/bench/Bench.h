#pragma once

#include "app/bench/Stats.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

namespace bv::bench {

// branchvault-bench: builds a synthetic branch through the core services the GUI and CLI use — once in
// an encrypted database and once in the same engine without a key — and measures the operations of
// docs/PERFORMANCE.md. Timings are reported, never asserted.
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
        bool importOnly = false; // profiling: stop after the import of the encrypted run
    };

    struct Measure
    {
        QString key; // stable id for the JSON
        QString label; // the table's operation column
        bool isRate = false; // rows/s instead of milliseconds
        Samples encrypted;
        Samples plain;
        double encryptedRate = 0;
        double plainRate = 0;
    };

    explicit Bench(Options options);
    int run();
    QString table() const;
    QJsonObject json() const;

private:
    bool runOne(bool encrypted);
    Measure& measure(const QString& key, const QString& label, bool isRate = false);
    void log(const QString& line) const;

    Options m_options;
    QList<Measure> m_measures;
    double m_peakEncrypted = 0;
    double m_peakPlain = 0;
    double m_scrollPeakEncrypted = 0;
    double m_scrollPeakPlain = 0;
    qint64 m_auditRows = 0;
    double m_seconds = 0;
    QString m_failure;
};

} // namespace bv::bench
