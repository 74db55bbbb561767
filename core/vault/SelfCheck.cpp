#include "core/vault/SelfCheck.h"

#include "core/internal/db/QueryRows.h"

#include "core/internal/common/Sodium.h"

#include <QVersionNumber>

#include <sodium.h>
#include <sqlite3.h>

#ifdef Q_OS_LINUX
#include <sys/prctl.h>
#include <sys/stat.h>
#endif
#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace bv {

namespace {

const QVersionNumber kMinimumSqlCipher(4, 4, 2);

Error failed(const QString& what, const QString& detail = QString())
{
    return makeError(ErrorCode::SelfCheckFailed,
        SelfCheck::tr("BranchVault stopped because a start-up check failed: %1. Reinstall BranchVault "
                      "with its dependencies (tools/dev.sh setup) or tell the system administrator.")
            .arg(what),
        detail);
}

QStringList pragmaRows(sqlite3* db, const char* sql)
{
    QStringList rows;
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return rows;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        const unsigned char* text = sqlite3_column_text(stmt, 0);
        rows << (text ? QString::fromUtf8(reinterpret_cast<const char*>(text)) : QString());
    }
    // a check that cannot read its answer fails (the caller treats no rows as a failed check)
    if (!rowsFinished(stmt, rc, QString()).ok())
        rows.clear();
    sqlite3_finalize(stmt);
    return rows;
}

} // namespace

Status SelfCheck::hardenProcess()
{
#ifdef Q_OS_UNIX
    // Everything BranchVault creates — database, WAL, journal, envelope, backups, exports, folders — is
    // the owner's only (0600 / 0700).
    ::umask(077);
    struct rlimit none = {0, 0};
    if (setrlimit(RLIMIT_CORE, &none) != 0)
        return failed(tr("core dumps could not be switched off"));
#endif
#ifdef Q_OS_LINUX
    if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0)
        return failed(tr("the process could not be made non-dumpable"));
#endif
    return {};
}

bool SelfCheck::coreDumpsDisabled()
{
#ifdef Q_OS_UNIX
    struct rlimit current = {};
    if (getrlimit(RLIMIT_CORE, &current) != 0 || current.rlim_cur != 0 || current.rlim_max != 0)
        return false;
#endif
#ifdef Q_OS_LINUX
    if (prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0)
        return false;
#endif
    return true;
}

Result<SelfCheck::Report> SelfCheck::run()
{
    Report report;
    BV_TRY(hardenProcess());
    report.passed << tr("core dumps off");

    if (!ensureSodium())
        return failed(tr("libsodium could not be initialised"));
    report.sodiumVersion = QString::fromLatin1(sodium_version_string());
    report.passed << tr("libsodium %1 initialised").arg(report.sodiumVersion);

    sqlite3* db = nullptr;
    if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return failed(tr("the database engine does not start"));
    }
    const QStringList version = pragmaRows(db, "PRAGMA cipher_version");
    if (version.isEmpty() || version.constFirst().isEmpty()) {
        sqlite3_close(db);
        return failed(tr("the database library is plain SQLite, not SQLCipher"));
    }
    report.sqlcipherVersion = version.constFirst().section(QLatin1Char(' '), 0, 0);
    const QVersionNumber parsed = QVersionNumber::fromString(report.sqlcipherVersion);
    if (parsed < kMinimumSqlCipher) {
        sqlite3_close(db);
        return failed(tr("SQLCipher %1 is older than %2").arg(report.sqlcipherVersion, kMinimumSqlCipher.toString()));
    }
    // the crypto provider is initialised when a key is set
    static const char probeKey[] = "self-check";
    sqlite3_key(db, probeKey, int(sizeof(probeKey) - 1));
    const QStringList provider = pragmaRows(db, "PRAGMA cipher_provider");
    const QStringList providerVersion = pragmaRows(db, "PRAGMA cipher_provider_version");
    if (provider.isEmpty() || provider.constFirst().isEmpty()) {
        sqlite3_close(db);
        return failed(tr("SQLCipher has no crypto provider"));
    }
    report.cryptoProvider = provider.constFirst();
    report.cryptoProviderVersion = providerVersion.value(0);
    report.passed << tr("SQLCipher %1 with %2").arg(report.sqlcipherVersion, report.cryptoProviderVersion);

    // Temporary tables and indices must stay in memory: TEMP_STORE=0 would force them to disk.
    const QStringList options = pragmaRows(db, "PRAGMA compile_options");
    const bool forcedToDisk = options.contains(QStringLiteral("TEMP_STORE=0"));
    sqlite3_exec(db, "PRAGMA temp_store = MEMORY", nullptr, nullptr, nullptr);
    const QStringList tempStore = pragmaRows(db, "PRAGMA temp_store");
    sqlite3_close(db);
    if (forcedToDisk || tempStore.value(0) != QLatin1String("2"))
        return failed(tr("temporary storage cannot be kept in memory"));
    report.passed << tr("temporary storage in memory");
    return report;
}

} // namespace bv
