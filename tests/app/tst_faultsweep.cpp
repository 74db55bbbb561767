// Fault-injection sweep over rekey, restore, backup and import, through branchvault-cli under the bvfault
// LD_PRELOAD library (tests/faults/bvfault.c). For each operation a counting run finds how many writes,
// fsyncs and renames it makes under its folders; then the operation runs once per fault point (all of
// them, or an evenly spread sample that always holds the first and last few) in a fresh copy of a
// prepared database: failing with EIO (transient: only that call fails), with ENOSPC (sticky: that call
// and every later one of its kind fail, as on a full disk), and killed with SIGKILL at each fsync and
// rename. After every faulted run, without the fault library:
//   a. `verify` exits 0, twice (the first open may finish or undo an interrupted operation);
//   b. the post-fault state, copied aside, opens with the recovery passphrase under a keychain service
//      that has never seen the database (`unlock`, then `verify`);
//   c. every committed row is there (customer numbers, pending changes, sealed values, the audit chain
//      up to the last row before the operation), and an import is all or nothing;
//   d. no temporary file remains: d1, straight after a command that failed (not killed), none of its own
//      (.restoring-, .partial-, .copy-, .tmp-, .failed-restore-, with their -wal/-shm/-journal); d2, after
//      the reopening in (a), nothing but the database, its envelope, -wal/-shm, the lock and, after a
//      restore, `<db>.before-restore-<time>` with its envelope; d3, a backup's folder holds the complete
//      backup (it passes BackupArchive::inspect) after success and nothing after a failure (after a
//      crash, leftovers there are only noted: nothing can clean them);
//   e. the command exits 0, or non-zero with exactly one line on stderr (e-one-line), and never crashes
//      or hangs (e-no-crash, e-finishes).
//   e2. a failure from ENOSPC exits 17 (disk-full), one from EIO 19 (io) (kEnforceExitClassification).
// Prints one line per operation and fault kind: `faultsweep: OP OPKIND ERRNO covered X of Y points …`.
// The full list of failures goes to faultsweep-report.txt in the build folder (never a customer value:
// only operation, fault point, invariant, exit status and the CLI's one error line).
// Bounded: BV_FAULTSWEEP_POINTS (default below) caps the EIO/ENOSPC points per operation and kind;
// BV_FAULTSWEEP_FULL=1 runs every point (for a local or nightly run; about 20 minutes on 2 cores: raise
// Qt Test's per-function limit too, e.g. QTEST_FUNCTION_TIMEOUT=3600000).
#include "core/internal/keys/KeyEnvelope.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/vault/BackupArchive.h"
#include "core/vault/VaultService.h"
#include "tests/testsupport/CliRunner.h"
#include "tests/testsupport/TestData.h"
#include "tests/testsupport/TestSupport.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <optional>

using namespace bv;
using namespace bv::test;

namespace {

// A failure from ENOSPC must exit disk-full (17), one from EIO io (19), from every command.
constexpr bool kEnforceExitClassification = true;
// Fault points per operation and kind (EIO, ENOSPC) when a kind has more; the first and last three are
// always in. Crashes (KILL) run at every fsync and rename, up to kMaxKillPoints.
constexpr int kDefaultPointsPerKind = 10;
constexpr int kMaxKillPoints = 64;
constexpr int kAlwaysAtEachEnd = 3;
constexpr int kFaultedRunTimeoutMs = 60000;

const QString kDbName = QStringLiteral("branch.bvdb");
const QString kBackupName = QStringLiteral("b.bvbackup");
constexpr int kImportRows = 4;

enum class Op
{
    Rekey,
    Restore,
    Backup,
    Import
};
enum class Kind
{
    Write,
    Fsync,
    Rename
};
enum class Fault
{
    Eio,
    Enospc,
    Kill
};

QString opName(Op op)
{
    switch (op) {
    case Op::Rekey:
        return QStringLiteral("rekey");
    case Op::Restore:
        return QStringLiteral("restore");
    case Op::Backup:
        return QStringLiteral("backup");
    case Op::Import:
        return QStringLiteral("import");
    }
    return QString();
}

QString kindName(Kind kind)
{
    switch (kind) {
    case Kind::Write:
        return QStringLiteral("write");
    case Kind::Fsync:
        return QStringLiteral("fsync");
    case Kind::Rename:
        return QStringLiteral("rename");
    }
    return QString();
}

QString faultName(Fault fault)
{
    switch (fault) {
    case Fault::Eio:
        return QStringLiteral("EIO");
    case Fault::Enospc:
        return QStringLiteral("ENOSPC");
    case Fault::Kill:
        return QStringLiteral("KILL");
    }
    return QString();
}

// One run of the CLI, with what CliRun lacks: whether it was killed, and whether it hung.
struct Outcome
{
    int status = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;
    int errLines() const { return int(err.count('\n')); }
    // the CLI's error line (the last line of stderr), shortened
    QString errLine() const { return QString::fromUtf8(err.trimmed()).section(QLatin1Char('\n'), -1).left(300); }
};

Outcome runCli(const QStringList& arguments, const QByteArray& input, const QProcessEnvironment& env,
    int timeoutMs = kFaultedRunTimeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("BV_CLI"), arguments);
    Outcome outcome;
    if (!process.waitForStarted(10000)) {
        outcome.err = "could not start branchvault-cli\n";
        return outcome;
    }
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        outcome.timedOut = true;
    }
    outcome.crashed = process.exitStatus() == QProcess::CrashExit;
    outcome.status = process.exitCode();
    outcome.out = process.readAllStandardOutput();
    outcome.err = process.readAllStandardError();
    return outcome;
}

// What must survive: the committed rows of a database, as reads that show no customer value.
struct Rows
{
    QString customerNos; // every customer number, by id
    qint64 customers = 0;
    qint64 pendingChanges = 0;
    qint64 sealedValues = 0;
    qint64 users = 0;
    qint64 auditHead = 0; // the last audit row
    QByteArray auditHeadHash; // its hash: the chain up to it is checked by verify
    QMap<qint64, QByteArray> hashes; // of the audit rows asked for
};

struct Counts
{
    qint64 write = -1;
    qint64 fsync = -1;
    qint64 rename = -1;
    qint64 fired = 0;
    qint64 of(Kind kind) const { return kind == Kind::Write ? write : kind == Kind::Fsync ? fsync : rename; }
};

Counts readCounts(const QString& file)
{
    Counts counts;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return counts;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> parts = line.split(' ');
        // one block per process that loaded the library
        if (parts.size() == 2 && parts[0] == "write")
            counts.write = qMax<qint64>(counts.write, 0) + parts[1].toLongLong();
        else if (parts.size() == 2 && parts[0] == "fsync")
            counts.fsync = qMax<qint64>(counts.fsync, 0) + parts[1].toLongLong();
        else if (parts.size() == 2 && parts[0] == "rename")
            counts.rename = qMax<qint64>(counts.rename, 0) + parts[1].toLongLong();
        else if (parts.size() == 3 && parts[0] == "fired")
            counts.fired += parts[2].toLongLong();
    }
    return counts;
}

// 1..count, or `budget` points spread evenly over it with the first and last kAlwaysAtEachEnd always in.
QList<int> samplePoints(int count, int budget)
{
    QList<int> points;
    if (count <= 0)
        return points;
    if (count <= budget) {
        for (int n = 1; n <= count; ++n)
            points << n;
        return points;
    }
    const int ends = qMin(kAlwaysAtEachEnd, budget / 2);
    for (int n = 1; n <= ends; ++n)
        points << n;
    const int middle = budget - 2 * ends;
    const int from = ends + 1;
    const int to = count - ends;
    for (int i = 1; i <= middle; ++i)
        points << from + int(qint64(to - from) * i / (middle + 1));
    for (int n = count - ends + 1; n <= count; ++n)
        points << n;
    std::sort(points.begin(), points.end());
    points.erase(std::unique(points.begin(), points.end()), points.end());
    return points;
}

QStringList filesIn(const QString& folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// verify's "problem: …" lines (stdout; they name checks, never values)
QString verifyProblems(const Outcome& verified)
{
    QStringList problems;
    for (const QByteArray& line : verified.out.split('\n')) {
        if (line.startsWith("problem: "))
            problems << QString::fromUtf8(line.mid(9)).left(200);
    }
    return problems.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(problems.join(QStringLiteral("; ")));
}

bool copyFolderFiles(const QString& from, const QString& to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QString& name : filesIn(from)) {
        if (!QFile::copy(from + QLatin1Char('/') + name, to + QLatin1Char('/') + name))
            return false;
    }
    return true;
}

// The names of temporary files an operation makes; none may outlive the command that made them.
bool isOperationTemporary(const QString& name)
{
    static const QRegularExpression temporary(
        QStringLiteral("\\.(restoring|partial|copy|failed-restore)-|\\.tmp-|\\.tmp$|\\.rekey|\\.new$"));
    return temporary.match(name).hasMatch();
}

// What may be in the database folder once the database has been opened again.
bool isAllowedAfterReopen(const QString& name, Op op)
{
    static const QRegularExpression allowed(QStringLiteral("^branch\\.bvdb(\\.envelope|-wal|-shm|\\.lock)?$"));
    static const QRegularExpression keptByRestore(
        QStringLiteral("^branch\\.bvdb\\.before-restore-\\d{8}T\\d{6}Z(\\.envelope|-wal|-shm)?$"));
    return allowed.match(name).hasMatch() || (op == Op::Restore && keptByRestore.match(name).hasMatch());
}

} // namespace

class TestFaultSweep : public QObject
{
    Q_OBJECT
private:
    CliRunner m_cli;
    QTemporaryDir m_root;
    QString m_faultLib;
    QString m_prepared; // folder of the prepared database (closed: only the .bvdb and its envelope)
    QString m_passphrase;
    QString m_databaseId;
    SecureBytes m_material; // the prepared database's keychain entry
    QString m_oldBackup; // a backup of the prepared database from before its last import
    QString m_csv; // the import of the sweep: kImportRows new customers
    Rows m_rowsNow; // the prepared database
    Rows m_rowsOfBackup; // the backup's database
    QMap<Op, Counts> m_counts;
    QFile m_report;
    int m_runs = 0;
    bool m_enforceExitCodes
        = kEnforceExitClassification || qEnvironmentVariableIntValue("BV_FAULTSWEEP_EXIT_CODES") == 1;
    int m_pointsPerKind = qEnvironmentVariableIsSet("BV_FAULTSWEEP_POINTS")
        ? qMax(2, qEnvironmentVariableIntValue("BV_FAULTSWEEP_POINTS"))
        : kDefaultPointsPerKind;
    bool m_full = qEnvironmentVariableIntValue("BV_FAULTSWEEP_FULL") == 1;
    QMap<Op, QPair<int, qint64>> m_coverage; // covered, total points per operation

    QProcessEnvironment environmentFor(const QString& service) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("BV_KEYCHAIN_SERVICE"), service);
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        for (const char* name : {"LD_PRELOAD", "BV_FAULT_DIR", "BV_FAULT_OP", "BV_FAULT_AT", "BV_FAULT_ERRNO",
                 "BV_FAULT_STICKY", "BV_FAULT_KILL", "BV_FAULT_COUNT_FILE", "BV_FAULT_VERBOSE"})
            env.remove(QString::fromLatin1(name));
        return env;
    }

    static QString newServiceName()
    {
        return QStringLiteral("BranchVault-fault-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    void forgetService(const QString& service)
    {
        KeychainSecretStore store(service);
        (void)store.remove(VaultService::keychainName(m_databaseId));
        (void)store.remove(VaultService::pendingKeychainName(m_databaseId));
    }

    // The rows of the database at `path`, opened with the key in `service`'s keychain, and the hashes of
    // the audit rows `seqs` (empty when there is no such row).
    std::optional<Rows> readRows(
        const QString& path, const QString& service, QString* problem, const QList<qint64>& seqs = {})
    {
        KeychainSecretStore store(service);
        VaultService vaults(store);
        auto vault = vaults.open(path);
        if (!vault.ok()) {
            *problem = vault.error().fullText();
            return std::nullopt;
        }
        Database& db = (*vault)->database();
        Rows rows;
        struct
        {
            const char* sql;
            qint64* target;
        } counts[] = {{"SELECT count(*) FROM customers", &rows.customers},
            {"SELECT count(*) FROM customer_changes WHERE status = 'pending'", &rows.pendingChanges},
            {"SELECT count(*) FROM sealed_value", &rows.sealedValues}, {"SELECT count(*) FROM users", &rows.users},
            {"SELECT coalesce(max(seq), 0) FROM audit_log", &rows.auditHead}};
        for (const auto& c : counts) {
            auto value = db.scalar(QString::fromLatin1(c.sql));
            if (!value.ok()) {
                *problem = value.error().fullText();
                return std::nullopt;
            }
            *c.target = value->toLongLong();
        }
        auto numbers = db.scalar(QStringLiteral("SELECT coalesce(group_concat(customer_no, ','), '') FROM (SELECT "
                                                "customer_no FROM customers ORDER BY id)"));
        if (!numbers.ok()) {
            *problem = numbers.error().fullText();
            return std::nullopt;
        }
        rows.customerNos = numbers->toString();
        QList<qint64> wanted = seqs;
        wanted << rows.auditHead;
        for (qint64 seq : std::as_const(wanted)) {
            auto hash = db.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"), {seq});
            if (!hash.ok()) {
                *problem = hash.error().fullText();
                return std::nullopt;
            }
            rows.hashes.insert(seq, hash->toByteArray());
        }
        rows.auditHeadHash = rows.hashes.value(rows.auditHead);
        return rows;
    }

    // The command line and stdin of an operation on the database in `runDir`; with --json, so that stderr
    // holds nothing but the one error line (the text mode reports progress there).
    std::pair<QStringList, QByteArray> command(Op op, const QString& runDir) const
    {
        const QString db = runDir + QStringLiteral("/db/") + kDbName;
        switch (op) {
        case Op::Rekey:
            return {CliRunner::admin({QStringLiteral("rekey"), QStringLiteral("--db"), db, QStringLiteral("--json")}),
                CliRunner::adminPassword()};
        case Op::Restore:
            return {CliRunner::admin({QStringLiteral("restore"), QStringLiteral("--db"), db, QStringLiteral("--from"),
                        m_oldBackup, QStringLiteral("--json")}),
                CliRunner::adminPassword()};
        case Op::Backup:
            return {CliRunner::admin({QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--out"),
                        runDir + QStringLiteral("/out/") + kBackupName, QStringLiteral("--json")}),
                CliRunner::adminPassword()};
        case Op::Import:
            return {{QStringLiteral("customer"), QStringLiteral("import"), m_csv, QStringLiteral("--db"), db,
                        QStringLiteral("--user"), QStringLiteral("c1"), QStringLiteral("--json")},
                CliRunner::passwordOf(QStringLiteral("c1")).toUtf8() + "\n"};
        }
        return {};
    }

    // A fresh copy of the prepared database in a new folder, with a keychain service of its own holding
    // the prepared key (a rekey changes the keychain entry, so runs never share one).
    bool prepareRun(const QString& runDir, const QString& service)
    {
        if (!copyFolderFiles(m_prepared, runDir + QStringLiteral("/db"))
            || !QDir().mkpath(runDir + QStringLiteral("/out")))
            return false;
        KeychainSecretStore store(service);
        return store.write(VaultService::keychainName(m_databaseId), m_material.clone()).ok();
    }

    QProcessEnvironment faultEnvironment(const QString& service, const QString& runDir, const QString& countFile,
        std::optional<Kind> kind, int at, Fault fault) const
    {
        QProcessEnvironment env = environmentFor(service);
        env.insert(QStringLiteral("LD_PRELOAD"), m_faultLib);
        env.insert(QStringLiteral("BV_FAULT_DIR"), runDir);
        env.insert(QStringLiteral("BV_FAULT_COUNT_FILE"), countFile);
        if (kind) {
            env.insert(QStringLiteral("BV_FAULT_OP"), kindName(*kind));
            env.insert(QStringLiteral("BV_FAULT_AT"), QString::number(at));
            if (fault == Fault::Kill) {
                env.insert(QStringLiteral("BV_FAULT_KILL"), QStringLiteral("1"));
            } else {
                env.insert(QStringLiteral("BV_FAULT_ERRNO"), faultName(fault));
                // ENOSPC persists as on a full disk; EIO is transient
                if (fault == Fault::Enospc)
                    env.insert(QStringLiteral("BV_FAULT_STICKY"), QStringLiteral("1"));
            }
        }
        return env;
    }

    void report(const QString& line)
    {
        m_report.write(line.toUtf8() + '\n');
        m_report.flush();
    }

    struct PointResult
    {
        bool reached = false;
        QStringList failures; // "invariant: detail"
        QStringList notes; // recorded, not failing (exit-code classification unless switched on, …)
        bool exitMismatch = false;
        bool restored = false; // a restore: the backup's database is in place
    };

    // One faulted run and the invariant checks after it.
    PointResult runPoint(Op op, std::optional<Kind> kind, int at, Fault fault)
    {
        PointResult result;
        const QString runDir = m_root.filePath(QStringLiteral("run-%1").arg(++m_runs));
        const QString dbDir = runDir + QStringLiteral("/db");
        const QString db = dbDir + QLatin1Char('/') + kDbName;
        const QString outDir = runDir + QStringLiteral("/out");
        const QString rawDir = m_root.filePath(QStringLiteral("raw-%1").arg(m_runs));
        const QString countFile = m_root.filePath(QStringLiteral("counts-%1").arg(m_runs));
        const QString service = newServiceName();
        const QString freshService = newServiceName();
        if (!prepareRun(runDir, service)) {
            result.failures << QStringLiteral("setup: the run folder or its keychain entry could not be made");
            return result;
        }

        // the faulted command
        const auto [arguments, input] = command(op, runDir);
        const Outcome run = runCli(arguments, input, faultEnvironment(service, runDir, countFile, kind, at, fault));
        const Counts seen = readCounts(countFile);
        if (!kind) {
            result.reached = true;
            m_counts[op] = seen;
        } else if (fault == Fault::Kill) {
            result.reached = run.crashed && run.status == 9;
        } else {
            result.reached = seen.fired > 0;
        }
        if (run.timedOut)
            result.failures
                << QStringLiteral("e-finishes: the command hung (killed after %1 s)").arg(kFaultedRunTimeoutMs / 1000);
        const bool killed = fault == Fault::Kill && run.crashed;
        const bool succeeded = !run.crashed && !run.timedOut && run.status == 0;
        if (!killed && !run.timedOut) {
            if (run.crashed)
                result.failures << QStringLiteral("e-no-crash: the command crashed (signal %1)").arg(run.status);
            else if (run.status != 0 && run.errLines() != 1)
                result.failures << QStringLiteral("e-one-line: exit %1 with %2 lines on stderr: %3")
                                       .arg(run.status)
                                       .arg(run.errLines())
                                       .arg(run.errLine());
            if (!run.crashed && run.status != 0 && fault != Fault::Kill) {
                const int wanted = exitStatusFor(fault == Fault::Enospc ? ErrorCode::DiskFull : ErrorCode::Io);
                if (run.status != wanted) {
                    result.exitMismatch = true;
                    const QString text = QStringLiteral("e2-exit-code: exit %1, expected %2: %3")
                                             .arg(run.status)
                                             .arg(wanted)
                                             .arg(run.errLine());
                    (m_enforceExitCodes ? result.failures : result.notes) << text;
                }
            }
            if (!kind && run.status != 0)
                result.failures << QStringLiteral("counting run: exit %1: %2").arg(run.status).arg(run.errLine());
            if (succeeded && kind && *kind == Kind::Fsync && seen.fired > 0)
                result.notes << QStringLiteral("note: exit 0 although an fsync failed");
            // d1: the command's own temporary files. A restore whose swap could not be finished leaves the
            // swap recorded (the journal beside the database names its incoming file, finished at the next
            // open: d2 checks that); those files are its state, not leftovers.
            QStringList recorded;
            {
                QFile journal(dbDir + QLatin1Char('/') + kDbName + QStringLiteral(".restore-journal"));
                if (journal.open(QIODevice::ReadOnly)) {
                    const QString incoming = QJsonDocument::fromJson(journal.readAll())
                                                 .object()
                                                 .value(QStringLiteral("incoming"))
                                                 .toString();
                    if (!incoming.isEmpty())
                        recorded << incoming << incoming + QStringLiteral(".envelope");
                }
            }
            QStringList left;
            for (const QString& folder : {dbDir, outDir}) {
                for (const QString& name : filesIn(folder)) {
                    if (isOperationTemporary(name) && !recorded.contains(name))
                        left << name;
                }
            }
            if (!left.isEmpty())
                result.failures << QStringLiteral("d1-temp-after-command: %1").arg(left.join(QStringLiteral(", ")));
        }
        const QString status = killed
            ? QStringLiteral("killed")
            : QStringLiteral("exit %1%2")
                  .arg(run.status)
                  .arg(run.status != 0 ? QStringLiteral(" (%1)").arg(run.errLine()) : QString());

        // the state straight after the fault, for the passphrase check
        if (!copyFolderFiles(dbDir, rawDir))
            result.failures << QStringLiteral("setup: the post-fault state could not be copied");

        // a. verify with the keychain key, twice
        const QProcessEnvironment plain = environmentFor(service);
        bool opens = true;
        for (int i = 1; i <= 2; ++i) {
            const Outcome verified = runCli({QStringLiteral("verify"), QStringLiteral("--db"), db}, {}, plain);
            if (verified.status != 0 || verified.crashed) {
                result.failures << QStringLiteral("a-verify: verify #%1 exit %2: %3%4")
                                       .arg(i)
                                       .arg(verified.status)
                                       .arg(verified.errLine(), verifyProblems(verified));
                opens = false;
                break;
            }
        }

        // c. the committed rows
        if (opens) {
            QString problem;
            const std::optional<Rows> rows
                = readRows(db, service, &problem, {m_rowsNow.auditHead, m_rowsOfBackup.auditHead});
            if (!rows)
                result.failures << QStringLiteral("c-rows: the database does not open in the test: %1").arg(problem);
            else
                checkRows(op, *rows, succeeded, &result);
        } else if (!QFileInfo::exists(db)) {
            result.failures << QStringLiteral("c-rows: there is no database at its path any more");
        }

        // d. after reopening: only the database's own files
        {
            QStringList left;
            for (const QString& name : filesIn(dbDir)) {
                if (!isAllowedAfterReopen(name, op))
                    left << name;
            }
            if (!left.isEmpty())
                result.failures << QStringLiteral("d2-temp-after-reopen: %1").arg(left.join(QStringLiteral(", ")));
            if (op == Op::Backup)
                checkBackupFolder(outDir, succeeded, killed, &result);
        }
        if (result.restored)
            checkKeptCopy(dbDir, service, &result);

        // b. the post-fault state opens with the recovery passphrase on an account that never saw it
        if (QFileInfo::exists(rawDir + QLatin1Char('/') + kDbName)) {
            const QString rawDb = rawDir + QLatin1Char('/') + kDbName;
            const QProcessEnvironment fresh = environmentFor(freshService);
            const Outcome unlocked = runCli(
                {QStringLiteral("unlock"), QStringLiteral("--db"), rawDb}, m_passphrase.toLatin1() + "\n", fresh);
            if (unlocked.status != 0 || unlocked.crashed) {
                result.failures
                    << QStringLiteral("b-passphrase: unlock exit %1: %2").arg(unlocked.status).arg(unlocked.errLine());
            } else {
                const Outcome verified = runCli({QStringLiteral("verify"), QStringLiteral("--db"), rawDb}, {}, fresh);
                if (verified.status != 0 || verified.crashed)
                    result.failures << QStringLiteral("b-passphrase: verify after unlock exit %1: %2%3")
                                           .arg(verified.status)
                                           .arg(verified.errLine(), verifyProblems(verified));
            }
        } else {
            result.failures << QStringLiteral("b-passphrase: no database file after the fault");
        }

        forgetService(service);
        forgetService(freshService);
        QDir(runDir).removeRecursively();
        QDir(rawDir).removeRecursively();
        QFile::remove(countFile);

        const QString where = kind
            ? QStringLiteral("%1 %2 %3 #%4").arg(opName(op), kindName(*kind), faultName(fault)).arg(at)
            : QStringLiteral("%1 counting run").arg(opName(op));
        for (const QString& failure : std::as_const(result.failures))
            report(QStringLiteral("FAIL %1 [%2]: %3").arg(where, status, failure));
        for (const QString& note : std::as_const(result.notes))
            report(QStringLiteral("note %1 [%2]: %3").arg(where, status, note));
        if (kind && !result.reached)
            report(QStringLiteral("not reached %1 [%2]").arg(where, status));
        return result;
    }

    void checkRows(Op op, const Rows& after, bool succeeded, PointResult* result)
    {
        auto fail = [&](const QString& text) { result->failures << QStringLiteral("c-rows: %1").arg(text); };
        auto auditKept = [&](const Rows& before) {
            if (after.auditHead < before.auditHead) {
                fail(QStringLiteral("the audit log ends at row %1, it ended at %2 before")
                         .arg(after.auditHead)
                         .arg(before.auditHead));
                return;
            }
            const QByteArray hash = after.hashes.value(before.auditHead);
            if (hash != before.auditHeadHash)
                fail(QStringLiteral("audit row %1 is %2 (the log ends at %3)")
                         .arg(before.auditHead)
                         .arg(hash.isEmpty() ? QStringLiteral("missing")
                                             : QStringLiteral("not the one committed before"))
                         .arg(after.auditHead));
        };
        const Rows& before = m_rowsNow;
        switch (op) {
        case Op::Rekey:
        case Op::Backup:
            if (after.customerNos != before.customerNos)
                fail(QStringLiteral("%1 customers, %2 before (or other numbers)")
                         .arg(after.customers)
                         .arg(before.customers));
            if (after.pendingChanges != before.pendingChanges || after.sealedValues != before.sealedValues
                || after.users != before.users)
                fail(QStringLiteral("pending changes %1/%2, sealed values %3/%4, accounts %5/%6 (after/before)")
                         .arg(after.pendingChanges)
                         .arg(before.pendingChanges)
                         .arg(after.sealedValues)
                         .arg(before.sealedValues)
                         .arg(after.users)
                         .arg(before.users));
            auditKept(before);
            break;
        case Op::Import: {
            const qint64 added = after.customers - before.customers;
            const bool prefix = after.customerNos == before.customerNos
                || after.customerNos.startsWith(before.customerNos + QLatin1Char(','));
            if (!prefix || (added != 0 && added != kImportRows)
                || after.pendingChanges - before.pendingChanges != added)
                fail(QStringLiteral("not all or nothing: %1 customers and %2 pending changes added of %3")
                         .arg(added)
                         .arg(after.pendingChanges - before.pendingChanges)
                         .arg(kImportRows));
            if (succeeded && added != kImportRows)
                fail(QStringLiteral("import exited 0 but %1 of %2 rows are there").arg(added).arg(kImportRows));
            auditKept(before);
            break;
        }
        case Op::Restore: {
            const bool restored = after.customerNos == m_rowsOfBackup.customerNos;
            const bool previous = after.customerNos == before.customerNos;
            if (!restored && !previous) {
                fail(QStringLiteral("%1 customers: neither the previous database (%2) nor the backup's (%3)")
                         .arg(after.customers)
                         .arg(before.customers)
                         .arg(m_rowsOfBackup.customers));
                break;
            }
            if (succeeded && !restored)
                fail(QStringLiteral("restore exited 0 but the previous database is in place"));
            result->restored = restored;
            auditKept(restored ? m_rowsOfBackup : before);
            break;
        }
        }
    }

    // After a restore the previous database is kept beside it, whole: it opens with its key and holds every
    // row it had.
    void checkKeptCopy(const QString& dbDir, const QString& service, PointResult* result)
    {
        static const QRegularExpression kept(QStringLiteral("^branch\\.bvdb\\.before-restore-\\d{8}T\\d{6}Z$"));
        QStringList copies;
        for (const QString& name : filesIn(dbDir)) {
            if (kept.match(name).hasMatch())
                copies << name;
        }
        if (copies.size() != 1) {
            result->failures
                << QStringLiteral("c-rows: the restore kept %1 copies of the previous database").arg(copies.size());
            return;
        }
        QString problem;
        const std::optional<Rows> rows
            = readRows(dbDir + QLatin1Char('/') + copies.constFirst(), service, &problem, {m_rowsNow.auditHead});
        if (!rows)
            result->failures << QStringLiteral("c-rows: the kept previous database does not open: %1").arg(problem);
        else if (rows->customerNos != m_rowsNow.customerNos
            || rows->hashes.value(m_rowsNow.auditHead) != m_rowsNow.auditHeadHash)
            result->failures << QStringLiteral("c-rows: the kept previous database lacks rows it had");
    }

    void checkBackupFolder(const QString& outDir, bool succeeded, bool killed, PointResult* result)
    {
        const QStringList left = filesIn(outDir);
        const QString backup = outDir + QLatin1Char('/') + kBackupName;
        if (QFileInfo::exists(backup)) {
            auto inspected = BackupArchive::inspect(backup);
            if (!inspected.ok())
                result->failures << QStringLiteral(
                    "d3-backup-folder: a backup under its final name fails its check: %1")
                                        .arg(inspected.error().fullText());
        } else if (succeeded) {
            result->failures << QStringLiteral("d3-backup-folder: backup exited 0 but wrote no backup");
        }
        QStringList other = left;
        other.removeAll(kBackupName);
        if (!other.isEmpty()) {
            const QString text
                = QStringLiteral("d3-backup-folder: temporary files: %1").arg(other.join(QStringLiteral(", ")));
            // a crash cannot clean up the target folder; that is recorded, not failed
            (killed ? result->notes : result->failures) << text;
        }
        if (!succeeded && !killed && left.contains(kBackupName))
            result->failures << QStringLiteral("d3-backup-folder: a failed backup left a file under the final name");
    }

    bool runImport(const QString& login, const QString& csv)
    {
        const CliRun imported
            = m_cli.as(login, {QStringLiteral("customer"), QStringLiteral("import"), csv, QStringLiteral("--json")});
        if (imported.status != 0)
            qWarning("prepare: import exit %d: %s", imported.status, imported.err.trimmed().constData());
        return imported.status == 0;
    }

    QString writeCsv(const QString& name, int firstSeed, int rows)
    {
        QByteArray text = "Name,ID type,ID number,Sex,Mobile,Account / card number,Account type\r\n";
        for (int seed = firstSeed; seed < firstSeed + rows; ++seed)
            text += QStringLiteral("%1,mainland_id,%2,,%3,%4,debit_card\r\n")
                        .arg(chineseName(seed), mainlandId(seed), mobile(seed), cardNumber(seed))
                        .toUtf8();
        const QString path = m_root.filePath(name);
        return writeFile(path, text) ? path : QString();
    }

private slots:
    void initTestCase()
    {
        const QString problem = CliRunner::environmentProblem();
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_faultLib = qEnvironmentVariable("BV_FAULTLIB");
        QVERIFY2(QFileInfo(m_faultLib).isFile(), "BV_FAULTLIB must point to the bvfault library (run via ctest)");
        QVERIFY(m_root.isValid());

        const QString reportPath
            = QDir(qEnvironmentVariableIsEmpty("BV_BINARY_DIR") ? m_root.path() : qEnvironmentVariable("BV_BINARY_DIR"))
                  .filePath(QStringLiteral("faultsweep-report.txt"));
        m_report.setFileName(reportPath);
        QVERIFY(m_report.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text));
        report(QStringLiteral("# tst_faultsweep %1; up to %2 points per operation and kind; exit-code "
                              "classification %3")
                   .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
                   .arg(m_pointsPerKind)
                   .arg(m_enforceExitCodes ? QStringLiteral("enforced") : QStringLiteral("recorded only")));

        // the fault library works at all: a counting run of `verify` sees writes under the folder
        m_prepared = m_root.filePath(QStringLiteral("prepared"));
        QVERIFY(QDir().mkpath(m_prepared));
        const QString db = m_prepared + QLatin1Char('/') + kDbName;
        m_cli.setDatabase(db);
        m_passphrase = m_cli.initDatabase(db);
        QVERIFY(!m_passphrase.isEmpty());
        QVERIFY(m_cli.useCheapPasswordHashing());
        QVERIFY(m_cli.addUser(QStringLiteral("m1"), QStringLiteral("manager")));
        QVERIFY(m_cli.addUser(QStringLiteral("c1"), QStringLiteral("customer_manager")));

        // three customers entered and approved, one pending
        const QString first = writeCsv(QStringLiteral("first.csv"), 101, 3);
        QVERIFY(!first.isEmpty());
        QVERIFY(runImport(QStringLiteral("c1"), first));
        const CliRun pending = m_cli.as(
            QStringLiteral("m1"), {QStringLiteral("approvals"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(pending.status, 0);
        const QJsonArray changes = pending.json().value(QStringLiteral("changes")).toArray();
        QCOMPARE(changes.size(), 3);
        const CliRun approved = m_cli.as(QStringLiteral("m1"),
            {QStringLiteral("approvals"), QStringLiteral("approve"),
                QString::number(changes.at(0).toObject().value(QStringLiteral("id")).toInteger()),
                QString::number(changes.at(1).toObject().value(QStringLiteral("id")).toInteger()),
                QStringLiteral("--reason"), QStringLiteral("checked")},
            (mainlandId(101) + QLatin1Char('\n') + mainlandId(102) + QLatin1Char('\n')).toUtf8()); // blind re-key
        QVERIFY2(approved.status == 0, approved.err.constData());

        auto envelope = KeyEnvelope::load(KeyEnvelope::pathFor(db));
        BV_VERIFY_OK(envelope);
        m_databaseId = envelope->databaseId();
        {
            KeychainSecretStore store(m_cli.keychainService());
            auto material = store.read(VaultService::keychainName(m_databaseId));
            BV_VERIFY_OK(material);
            m_material = std::move(material).value();
        }

        // the backup that is restored: the state before one more import
        QString problem2;
        std::optional<Rows> rowsOfBackup = readRows(db, m_cli.keychainService(), &problem2);
        QVERIFY2(rowsOfBackup, qPrintable(problem2));
        m_oldBackup = m_root.filePath(QStringLiteral("old.bvbackup"));
        const CliRun backedUp = m_cli.run(CliRunner::admin({QStringLiteral("backup"), QStringLiteral("--db"), db,
                                              QStringLiteral("--out"), m_oldBackup}),
            CliRunner::adminPassword());
        QVERIFY2(backedUp.status == 0, backedUp.err.constData());
        m_rowsOfBackup = *rowsOfBackup;
        const QString second = writeCsv(QStringLiteral("second.csv"), 201, 1);
        QVERIFY(runImport(QStringLiteral("c1"), second));

        std::optional<Rows> rowsNow = readRows(db, m_cli.keychainService(), &problem2);
        QVERIFY2(rowsNow, qPrintable(problem2));
        m_rowsNow = *rowsNow;
        QVERIFY(m_rowsNow.customers == m_rowsOfBackup.customers + 1);
        QVERIFY(m_rowsNow.sealedValues > 0);
        // closed: nothing but the database and its envelope is copied into each run
        const QStringList files = filesIn(m_prepared);
        QVERIFY2(files == (QStringList {kDbName, kDbName + QStringLiteral(".envelope")}),
            qPrintable(files.join(QLatin1Char(' '))));

        m_csv = writeCsv(QStringLiteral("sweep.csv"), 301, kImportRows);
        QVERIFY(!m_csv.isEmpty());
    }

    void cleanupTestCase()
    {
        for (auto it = m_coverage.cbegin(); it != m_coverage.cend(); ++it) {
            const Counts counts = m_counts.value(it.key());
            const QString line = QStringLiteral("faultsweep: %1 covered %2 of %3 fault points (%4 writes, %5 fsyncs, "
                                                "%6 renames; EIO and ENOSPC at each, SIGKILL at each fsync and rename)")
                                     .arg(opName(it.key()))
                                     .arg(it.value().first)
                                     .arg(it.value().second)
                                     .arg(counts.write)
                                     .arg(counts.fsync)
                                     .arg(counts.rename);
            report(line);
            qInfo("%s", qPrintable(line));
        }
        if (!m_databaseId.isEmpty())
            forgetService(m_cli.keychainService());
    }

    // The counting run of each operation: it succeeds, passes every invariant, and the fault library
    // sees its writes, fsyncs and renames.
    void counting_data()
    {
        QTest::addColumn<int>("op");
        for (Op op : {Op::Rekey, Op::Restore, Op::Backup, Op::Import})
            QTest::newRow(qPrintable(opName(op))) << int(op);
    }

    void counting()
    {
        QFETCH(int, op);
        const PointResult result = runPoint(Op(op), std::nullopt, 0, Fault::Eio);
        const Counts counts = m_counts.value(Op(op));
        const QString line = QStringLiteral("faultsweep: %1 counting run: %2 writes, %3 fsyncs, %4 renames")
                                 .arg(opName(Op(op)))
                                 .arg(counts.write)
                                 .arg(counts.fsync)
                                 .arg(counts.rename);
        report(line);
        qInfo("%s", qPrintable(line));
        QVERIFY2(result.failures.isEmpty(), qPrintable(result.failures.join(QStringLiteral("; "))));
        QVERIFY2(counts.write > 0 && counts.fsync > 0, "the fault library counted no write or fsync");
        if (Op(op) != Op::Import)
            QVERIFY2(counts.rename > 0, "the fault library counted no rename");
    }

    void sweep_data()
    {
        QTest::addColumn<int>("op");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("fault");
        for (Op op : {Op::Rekey, Op::Restore, Op::Backup, Op::Import}) {
            for (Kind kind : {Kind::Write, Kind::Fsync, Kind::Rename}) {
                for (Fault fault : {Fault::Eio, Fault::Enospc, Fault::Kill}) {
                    if (fault == Fault::Kill && kind == Kind::Write)
                        continue; // crashes at the durable steps: fsyncs and renames
                    QTest::newRow(
                        qPrintable(QStringLiteral("%1 %2 %3").arg(opName(op), kindName(kind), faultName(fault))))
                        << int(op) << int(kind) << int(fault);
                }
            }
        }
    }

    void sweep()
    {
        QFETCH(int, op);
        QFETCH(int, kind);
        QFETCH(int, fault);
        if (!m_counts.contains(Op(op)))
            (void)runPoint(Op(op), std::nullopt, 0, Fault::Eio);
        const qint64 total = m_counts.value(Op(op)).of(Kind(kind));
        QVERIFY2(total >= 0, "the counting run left no counts");
        const int cap = m_full ? int(total) : Fault(fault) == Fault::Kill ? kMaxKillPoints : m_pointsPerKind;
        const QList<int> points = samplePoints(int(total), cap);
        int covered = 0;
        int failing = 0;
        int mismatches = 0;
        QMap<QString, int> byInvariant;
        QStringList examples;
        QElapsedTimer timer;
        timer.start();
        for (int at : points) {
            const PointResult result = runPoint(Op(op), Kind(kind), at, Fault(fault));
            if (result.reached)
                ++covered;
            if (result.exitMismatch)
                ++mismatches;
            if (!result.failures.isEmpty()) {
                ++failing;
                QSet<QString> invariants;
                for (const QString& f : result.failures)
                    invariants << f.section(QLatin1Char(':'), 0, 0);
                for (const QString& invariant : std::as_const(invariants))
                    ++byInvariant[invariant];
                if (examples.size() < 4)
                    examples << QStringLiteral("#%1 %2").arg(at).arg(result.failures.constFirst());
            }
        }
        QStringList summary;
        for (auto it = byInvariant.cbegin(); it != byInvariant.cend(); ++it)
            summary << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        const QString line
            = QStringLiteral("faultsweep: %1 %2 %3 covered %4 of %5 points; failing %6%7; exit-code "
                             "mismatches %8 (%9); %10 s")
                  .arg(opName(Op(op)), kindName(Kind(kind)), faultName(Fault(fault)))
                  .arg(covered)
                  .arg(total)
                  .arg(failing)
                  .arg(summary.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(summary.join(QStringLiteral(", "))))
                  .arg(mismatches)
                  .arg(m_enforceExitCodes ? QStringLiteral("enforced") : QStringLiteral("not enforced"))
                  .arg(timer.elapsed() / 1000);
        report(line);
        qInfo("%s", qPrintable(line));
        m_coverage[Op(op)].first += covered;
        m_coverage[Op(op)].second += total;
        QVERIFY2(failing == 0,
            qPrintable(QStringLiteral("%1 of %2 fault points break an invariant, e.g. %3 (all in %4)")
                           .arg(failing)
                           .arg(points.size())
                           .arg(examples.join(QStringLiteral(" | ")), m_report.fileName())));
    }
};

QTEST_GUILESS_MAIN(TestFaultSweep)

#include "tst_faultsweep.moc"
