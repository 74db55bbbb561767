#pragma once

#include "core/common/Result.h"

#include <QCoreApplication>
#include <QStringList>

namespace bv {

// Start-up checks and process hardening, run by every front end before it touches a database.
// BranchVault refuses to run when one fails.
class SelfCheck
{
    Q_DECLARE_TR_FUNCTIONS(SelfCheck)
public:
    struct Report
    {
        QString sqlcipherVersion;
        QString cryptoProvider;
        QString cryptoProviderVersion;
        QString sodiumVersion;
        QStringList passed;
    };

    // Switches core dumps off for this process (RLIMIT_CORE = 0, PR_SET_DUMPABLE = 0 on Linux), then
    // checks: libsodium initialised; SQLCipher >= 4.4.2 with a crypto provider; temporary storage held
    // in memory. The error names the failed check.
    static Result<Report> run();

    static Status hardenProcess();
    static bool coreDumpsDisabled();
};

} // namespace bv
