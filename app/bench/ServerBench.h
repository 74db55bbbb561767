#pragma once

#include "app/bench/Stats.h"
#include "core/common/SecureBytes.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace bv::bench {

// branchvault-bench --server: the operations of the branch-server mode (docs/PERFORMANCE.md, "Branch server")
// measured against the real server this workstation is connected to (`branchvault-cli server add-workstation`),
// through the same ServerSession and ServerCustomers as the desktop and the CLI: every figure includes the TLS
// round trips to the server and the sealing and blind indexing on the workstation. The branch manager, a customer
// manager and a clerk sign in with the passwords read from standard input; the customer manager enters N synthetic
// customers, the branch manager approves them (typing the re-key values) and lists the branch in pages, the
// customer manager opens cards, the clerk looks customers up. The server keeps what the run entered (there is no
// delete): a test branch server only. Timings are reported, never asserted.
class ServerBench
{
    Q_DECLARE_TR_FUNCTIONS(ServerBench)
public:
    struct Options
    {
        qint64 customers = 2000;
        int samples = 200;
        bool allowExisting = false; // run against a branch that already has customers
    };
    struct Staff
    {
        QString login;
        SecureBytes password;
    };
    // The three sign-ins, in the order standard input gives them.
    struct Credentials
    {
        Staff manager; // the branch manager
        Staff customerManager;
        Staff clerk;
    };

    struct Measure
    {
        QString key;
        QString label;
        Samples samples;
    };

    explicit ServerBench(Options options);
    // 0 when every operation ran; otherwise the exit status, with the reason in failure().
    int run(Credentials credentials);
    const QString& failure() const { return m_failure; }
    QString table() const;
    QJsonObject json() const;

    // Exit statuses.
    static constexpr int kNotConnected = 4;
    static constexpr int kSignInFailed = 5;
    static constexpr int kBranchNotEmpty = 6;
    static constexpr int kOperationFailed = 7;

private:
    void log(const QString& line) const;
    void record(const QString& key, const QString& label, double ms);
    int fail(int status, const QString& message);

    Options m_options;
    QList<Measure> m_measures;
    QString m_failure;
    QString m_url;
    QString m_tls;
    qint64 m_firstSeed = 0;
    double m_seconds = 0;
};

} // namespace bv::bench
