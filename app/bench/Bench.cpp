#include "app/bench/Bench.h"

#include "app/bench/SyntheticData.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/lifecycle/CustomerEntry.h"
// Internal to core, on purpose: the benchmark times the blind-index lookup (CustomerStore::customersWith) on its
// own, finds the seeded customers by ID number without a session, and reads the import's stage clock. No front
// end includes these.
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/keys/BlindDomain.h"
#include "core/policy/SettingsService.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

// The run: both databases set up, then built in rounds (import, approval, service records) and measured in rounds,
// plaintext and encrypted taking turns (A B A B). The measuring round is BenchMeasure.cpp; the table and the JSON
// BenchReport.cpp.

namespace bv::bench {

SecureBytes secretOf(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    return SecureBytes::takeFrom(bytes);
}

QString passwordOf(const QString& login)
{
    return QStringLiteral("Bench-%1-pass1").arg(login);
}

Bench::Bench(Options options)
    : m_options(std::move(options))
{
}

void Bench::log(const QString& line) const
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    fflush(stderr);
}

bool Bench::fail(const Branch& branch, const QString& what, const Error& error)
{
    m_failure = QStringLiteral("%1 (%2): %3").arg(what, branch.tag, error.fullText());
    return false;
}

qint64 Bench::firstPortfolio() const
{
    return qMin<qint64>(m_options.portfolio, qMax<qint64>(1, m_options.customers / 2));
}

QString Bench::managerOf(qint64 seed) const
{
    for (int i = 0; i < m_ranges.size(); ++i) {
        if (seed >= m_ranges.at(i).first && seed < m_ranges.at(i).second)
            return m_managers.at(i);
    }
    return m_managers.constFirst();
}

QString Bench::numberOf(Branch& branch, qint64 seed)
{
    CustomerServiceInternals& internals = CustomerServiceInternals::of(branch.core->customers());
    auto ids = internals.store().customersWith(int(BlindDomain::IdNumber), SyntheticData::idNumber(seed));
    if (!ids.ok() || ids->isEmpty())
        return QString();
    auto ref = internals.customerById(ids->constFirst());
    return ref.ok() ? ref->number : QString();
}

int Bench::run()
{
    QElapsedTimer total;
    total.start();
    QDir().mkpath(m_options.folder);
    log(tr("branchvault-bench: %1 customers, folder %2").arg(m_options.customers).arg(m_options.folder));
    for (int i = 0; i < m_options.managers; ++i)
        m_managers << QStringLiteral("cm%1").arg(i, 2, 10, QLatin1Char('0'));
    const qint64 n = m_options.customers;
    const qint64 first = firstPortfolio();
    m_ranges << qMakePair(qint64(0), first);
    const qint64 rest = n - first;
    for (int i = 1; i < m_managers.size(); ++i)
        m_ranges << qMakePair(
            first + rest * (i - 1) / (m_managers.size() - 1), first + rest * i / (m_managers.size() - 1));

    m_plain.tag = QStringLiteral("plain");
    m_encrypted.encrypted = true;
    m_encrypted.tag = QStringLiteral("encrypted");
    // Plaintext first in every round: cipher_memory_security, measured at the very end of the encrypted
    // database's last round, cannot be turned off again in the same process.
    const QList<Branch*> order
        = m_options.importOnly ? QList<Branch*> {&m_encrypted} : QList<Branch*> {&m_plain, &m_encrypted};
    const auto stop = [&] {
        log(tr("branchvault-bench: %1").arg(m_failure));
        return 1;
    };
    for (Branch* branch : order) {
        if (!setUp(*branch) || !writeFiles(*branch))
            return stop();
    }
    for (int round = 0; round < kRounds; ++round) {
        for (Branch* branch : order) {
            if (!buildRound(*branch, round))
                return stop();
        }
    }
    m_clockReadNs = clockReadNs();
    if (m_options.importOnly) {
        log(stageTable());
        m_failure = QStringLiteral("stopped after the import (--import-only)");
        return stop();
    }
    for (int round = 0; round < kRounds; ++round) {
        for (Branch* branch : order) {
            if (!measureRound(*branch, round))
                return stop();
        }
    }
    if (!m_options.keep) {
        for (Branch* branch : order) {
            for (const char* suffix : {"", "-wal", "-shm", ".envelope", ".lock"})
                QFile::remove(branch->path + QLatin1String(suffix));
        }
    }
    m_seconds = double(total.elapsed()) / 1000.0;
    return 0;
}

// The database, its settings and the staff accounts, closed again at the end.
bool Bench::setUp(Branch& branch)
{
    log(tr("[%1] creating the database and the staff accounts").arg(branch.tag));
    branch.secrets = std::make_unique<MemorySecretStore>();
    branch.vaults = std::make_unique<VaultService>(*branch.secrets);
    branch.vaults->setRecoveryKdf(KdfParams::minimum()); // the recovery passphrase is not what is measured
    branch.databaseOptions.plaintext = !branch.encrypted;
    branch.vaults->setDatabaseOptions(branch.databaseOptions);
    branch.path = m_options.folder + QStringLiteral("/branch-%1.bvdb").arg(branch.tag);
    for (const char* suffix : {"", "-wal", "-shm", ".envelope", ".lock"})
        QFile::remove(branch.path + QLatin1String(suffix));
    auto created = branch.vaults->init(branch.path);
    if (!created.ok())
        return fail(branch, QStringLiteral("init"), created.error());
    branch.vault = std::move(created->vault);
    branch.core = std::make_unique<Core>(*branch.vault, *branch.vaults);
    Core& core = *branch.core;
    SettingsService& settings = core.settings();
    // Accounts are created with OWASP's minimum Argon2id cost to save time; sign-in is measured later
    // at the configured (default) cost. Approvals are timed without the blind re-key: a script has no document
    // to type from, and the check is one keyed hash per typed value.
    for (const auto& [key, value] :
        {std::pair {settings::Argon2MemLimitMiB, "19"}, std::pair {settings::Argon2OpsLimit, "2"},
            std::pair {settings::IdleMinutes, "30"}, std::pair {settings::RekeyFields, ""}}) {
        if (Status s
            = SettingsWriter::setAs(settings, Actor::system(), QString::fromLatin1(key), QString::fromLatin1(value));
            !s.ok())
            return fail(branch, QStringLiteral("settings"), s.error());
    }
    auto oneTime = core.accounts().createFirstAdministrator(
        NewAccount {QStringLiteral("admin"), QStringLiteral("Administrator"), Role::Admin, {}, {}});
    if (!oneTime.ok())
        return fail(branch, QStringLiteral("first administrator"), oneTime.error());
    auto adminSession = core.auth().signIn(QStringLiteral("admin"), *oneTime);
    if (!adminSession.ok()
        || !core.auth().changePassword(*adminSession, *oneTime, secretOf(passwordOf(QStringLiteral("admin")))).ok())
        return fail(
            branch, QStringLiteral("administrator sign-in"), adminSession.ok() ? Error() : adminSession.error());
    const Session admin = *adminSession;
    branch.sessions.clear();
    auto addUser = [&](const QString& login, Role role) -> bool {
        auto password = core.accounts().create(admin, NewAccount {login, login, role, {}, {}});
        if (!password.ok())
            return fail(branch, QStringLiteral("account ") + login, password.error());
        // dual control: the first branch manager with the recovery passphrase, the others by m1
        SecureBytes code;
        if (Roles::holdsKeys(role)) {
            auto confirmed = branch.sessions.isEmpty()
                ? core.accounts().confirmWithRecovery(admin, login, created->recoveryPassphrase)
                : core.accounts().confirm(fresh(branch, QStringLiteral("m1")), login);
            if (!confirmed.ok())
                return fail(branch, QStringLiteral("confirmation ") + login, confirmed.error());
            code = std::move(confirmed->confirmationCode);
        }
        auto session = core.auth().signIn(login, *password);
        if (!session.ok() || !core.auth().changePassword(*session, *password, secretOf(passwordOf(login)), code).ok())
            return fail(branch, QStringLiteral("sign-in ") + login, session.ok() ? Error() : session.error());
        branch.sessions.insert(login, *session);
        return true;
    };
    for (const QString& login : QStringList {QStringLiteral("m1"), QStringLiteral("m2")})
        if (!addUser(login, Role::Manager))
            return false;
    for (const QString& login : std::as_const(m_managers))
        if (!addUser(login, Role::CustomerManager))
            return false;
    if (!addUser(QStringLiteral("k1"), Role::Clerk) || !addUser(QStringLiteral("u1"), Role::Auditor))
        return false;
    close(branch);
    return true;
}

// One CSV file per customer manager and build round: each round imports half of every manager's customers.
bool Bench::writeFiles(Branch& branch)
{
    log(tr("[%1] writing %2 customers into %3 import files")
            .arg(branch.tag)
            .arg(m_options.customers)
            .arg(m_managers.size() * kRounds));
    branch.files.clear();
    for (int round = 0; round < kRounds; ++round) {
        QStringList files;
        for (int i = 0; i < m_managers.size(); ++i) {
            const auto [from, to] = m_ranges.at(i);
            const qint64 middle = from + (to - from) / 2;
            const qint64 begin = round == 0 ? from : middle;
            const qint64 end = round == 0 ? middle : to;
            const QString file = m_options.folder
                + QStringLiteral("/import-%1-%2-%3.csv").arg(branch.tag, m_managers.at(i)).arg(round + 1);
            QFile out(file);
            if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
                return fail(branch, QStringLiteral("import file"), makeError(ErrorCode::Io, out.errorString()));
            out.write(SyntheticData::csvHeader());
            for (qint64 seed = begin; seed < end; ++seed)
                out.write(SyntheticData::csvRow(seed, m_managers.at(i)));
            files << file;
        }
        branch.files << files;
    }
    return true;
}

// Opens the database again and signs in `logins` (a key holder first: the field keys come with its sign-in).
bool Bench::open(Branch& branch, const QStringList& logins)
{
    auto opened = branch.vaults->open(branch.path);
    if (!opened.ok())
        return fail(branch, QStringLiteral("open"), opened.error());
    branch.vault = std::move(opened).value();
    branch.core = std::make_unique<Core>(*branch.vault, *branch.vaults);
    branch.sessions.clear();
    for (const QString& login : logins) {
        if (!fresh(branch, login).isValid())
            return fail(branch, QStringLiteral("sign-in ") + login,
                makeError(ErrorCode::Internal, QStringLiteral("the sign-in failed")));
    }
    return true;
}

void Bench::close(Branch& branch)
{
    branch.sessions.clear();
    branch.core.reset();
    branch.vault.reset();
}

// The signed-in session of `login`, signed in now if need be; long phases leave sessions idle: unlocked with
// the password, as a user would.
Session Bench::fresh(Branch& branch, const QString& login)
{
    auto found = branch.sessions.constFind(login);
    if (found == branch.sessions.cend()) {
        auto session = branch.core->auth().signIn(login, secretOf(passwordOf(login)));
        if (!session.ok())
            return Session();
        found = branch.sessions.insert(login, *session);
    }
    if (branch.core->auth().isLocked(*found))
        (void)branch.core->auth().unlock(*found, secretOf(passwordOf(login)));
    return *found;
}

// Round `round` of building a branch: the import of this round's files (timed stage by stage), the approval of
// what it made pending, and the service records and complaints of its customers.
bool Bench::buildRound(Branch& branch, int round)
{
    resetPeakRss();
    QStringList logins {QStringLiteral("m1")};
    logins += m_managers;
    if (!open(branch, logins))
        return false;
    Core& core = *branch.core;
    log(tr("[%1] round %2: importing").arg(branch.tag).arg(round + 1));
    const QStringList& files = branch.files.at(round);
    StageClock clock;
    QElapsedTimer timer;
    timer.start();
    qint64 rows = 0;
    for (int i = 0; i < m_managers.size(); ++i) {
        auto report = core.customers().importer().importFile(fresh(branch, m_managers.at(i)), files.at(i));
        if (!report.ok())
            return fail(branch, QStringLiteral("import"), report.error());
        if (report->rejected > 0)
            return fail(branch, QStringLiteral("import"),
                makeError(ErrorCode::InvalidInput,
                    QStringLiteral("%1 rows rejected, first: line %2 %3")
                        .arg(report->rejected)
                        .arg(report->problems.value(0).line)
                        .arg(report->problems.value(0).message)));
        rows += report->rows;
        QFile::remove(files.at(i));
    }
    const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
    branch.stages += clock.times();
    branch.stageRounds << clock.times();
    rate(branch, round, QStringLiteral("import"), tr("bulk import (validated, sealed, indexed, audited), rows/s"),
        double(rows), importSeconds);
    log(tr("[%1] round %2: imported %3 in %4 s")
            .arg(branch.tag)
            .arg(round + 1)
            .arg(rows)
            .arg(importSeconds, 0, 'f', 1));
    if (m_options.importOnly) {
        close(branch);
        return true;
    }

    // --- the branch manager approves the reviewed imports, a page at a time ---
    timer.restart();
    qint64 approved = 0;
    for (;;) {
        auto page = core.customers().entry().pending(fresh(branch, QStringLiteral("m1")), 0, 1000);
        if (!page.ok())
            return fail(branch, QStringLiteral("pending"), page.error());
        if (page->isEmpty())
            break;
        QList<qint64> ids;
        for (const PendingChange& c : *page)
            ids << c.id;
        auto done
            = core.customers().entry().approveMany(branch.sessions[QStringLiteral("m1")], ids, QStringLiteral("bench"));
        if (!done.ok())
            return fail(branch, QStringLiteral("approve"), done.error());
        approved += *done;
    }
    const double approveSeconds = double(timer.nsecsElapsed()) / 1e9;
    rate(branch, round, QStringLiteral("approve_new"), tr("approval of imported records (pages of 1,000), rows/s"),
        double(approved), approveSeconds);
    log(tr("[%1] round %2: approved %3 in %4 s")
            .arg(branch.tag)
            .arg(round + 1)
            .arg(approved)
            .arg(approveSeconds, 0, 'f', 1));

    // --- service records and complaints (2 % and 0.5 % of the customers), of this round's customers ---
    log(tr("[%1] round %2: service records and complaints").arg(branch.tag).arg(round + 1));
    const auto inRound = [&](qint64 seed) {
        for (const auto& [from, to] : std::as_const(m_ranges)) {
            if (seed >= from && seed < to)
                return (seed < from + (to - from) / 2 ? 0 : 1) == round;
        }
        return false;
    };
    timer.restart();
    qint64 serviceCount = 0;
    for (qint64 seed = 0; seed < m_options.customers; seed += 50) {
        if (!inRound(seed))
            continue;
        const QString number = numberOf(branch, seed);
        const Session s = fresh(branch, managerOf(seed));
        if (!core.customers()
                 .care()
                 .addService(
                     s, number, QDate::currentDate(), QStringLiteral("counter"), QStringLiteral("wealth review"))
                 .ok())
            return fail(branch, QStringLiteral("service record"), Error());
        ++serviceCount;
        if (seed % 200 == 0
            && !core.customers()
                    .care()
                    .addComplaint(s, number, QDateTime::currentDateTimeUtc().addSecs(-3600), QStringLiteral("phone"),
                        QStringLiteral("long queue"))
                    .ok())
            return fail(branch, QStringLiteral("complaint"), Error());
    }
    rate(branch, round, QStringLiteral("service"), tr("service record entry (one commit each), rows/s"),
        double(serviceCount), double(timer.nsecsElapsed()) / 1e9);
    close(branch);
    branch.peakRss = qMax(branch.peakRss, peakRssMiB());
    return true;
}

} // namespace bv::bench
