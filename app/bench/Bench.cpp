#include "app/bench/Bench.h"

#include "app/bench/MemorySecretStore.h"
#include "app/bench/SyntheticData.h"
#include "core/Core.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/audit/AuditLog.h"
// Internal to core, on purpose: the benchmark times the blind-index lookup (CustomerStore::customersWith) on its
// own and finds the seeded customers by ID number without a session. No front end includes these.
#include "core/internal/CoreInternal.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/requests/RequestService.h"
#include "core/vault/Vault.h"
#include "core/vault/VaultService.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSysInfo>

#include <cstdio>

namespace bv::bench {

namespace {

SecureBytes secretOf(const QString& text)
{
    QByteArray bytes = text.toUtf8();
    return SecureBytes::takeFrom(bytes);
}

QString passwordOf(const QString& login)
{
    return QStringLiteral("Bench-%1-pass1").arg(login);
}

} // namespace

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

int Bench::run()
{
    QElapsedTimer total;
    total.start();
    QDir().mkpath(m_options.folder);
    log(tr("branchvault-bench: %1 customers, folder %2").arg(m_options.customers).arg(m_options.folder));
    // The plaintext run goes first: cipher_memory_security, measured at the very end of the encrypted
    // run, cannot be turned off again in the same process.
    for (bool encrypted : {false, true}) {
        resetPeakRss();
        if (!runOne(encrypted)) {
            log(tr("branchvault-bench: %1").arg(m_failure));
            return 1;
        }
        (encrypted ? m_peakEncrypted : m_peakPlain) = peakRssMiB();
    }
    m_seconds = double(total.elapsed()) / 1000.0;
    return 0;
}

bool Bench::runOne(bool encrypted)
{
    const QString tag = encrypted ? QStringLiteral("encrypted") : QStringLiteral("plain");
    auto record = [&](const QString& key, const QString& label, double ms) {
        Measure& m = measure(key, label);
        (encrypted ? m.encrypted : m.plain).add(ms);
    };
    auto rate = [&](const QString& key, const QString& label, double perSecond) {
        Measure& m = measure(key, label, true);
        (encrypted ? m.encryptedRate : m.plainRate) = perSecond;
    };
    auto fail = [&](const QString& what, const Error& error) {
        m_failure = QStringLiteral("%1 (%2): %3").arg(what, tag, error.fullText());
        return false;
    };

    log(tr("[%1] creating the database and the staff accounts").arg(tag));
    MemorySecretStore store;
    VaultService vaults(store);
    vaults.setRecoveryKdf(KdfParams::minimum()); // the recovery passphrase is not what is measured
    Database::Options databaseOptions;
    databaseOptions.plaintext = !encrypted;
    vaults.setDatabaseOptions(databaseOptions);
    const QString path = m_options.folder + QStringLiteral("/branch-%1.bvdb").arg(tag);
    for (const char* suffix : {"", "-wal", "-shm", ".envelope", ".lock"})
        QFile::remove(path + QLatin1String(suffix));
    auto created = vaults.init(path);
    if (!created.ok())
        return fail(QStringLiteral("init"), created.error());
    std::unique_ptr<Vault> vault = std::move(created->vault);
    auto core = std::make_unique<Core>(*vault, vaults);
    SettingsService& settings = core->settings();
    // Accounts are created with OWASP's minimum Argon2id cost to save time; sign-in is measured later
    // at the configured (default) cost. Approvals are timed without the blind re-key: a script has no document
    // to type from, and the check is one keyed hash per typed value.
    for (const auto& [key, value] :
        {std::pair {settings::Argon2MemLimitMiB, "19"}, std::pair {settings::Argon2OpsLimit, "2"},
            std::pair {settings::IdleMinutes, "30"}, std::pair {settings::RekeyFields, ""}}) {
        if (Status s
            = SettingsWriter::setAs(settings, Actor::system(), QString::fromLatin1(key), QString::fromLatin1(value));
            !s.ok())
            return fail(QStringLiteral("settings"), s.error());
    }
    auto oneTime = core->accounts().createFirstAdministrator(
        NewAccount {QStringLiteral("admin"), QStringLiteral("Administrator"), Role::Admin, {}, {}});
    if (!oneTime.ok())
        return fail(QStringLiteral("first administrator"), oneTime.error());
    auto adminSession = core->auth().signIn(QStringLiteral("admin"), *oneTime);
    if (!adminSession.ok()
        || !core->auth().changePassword(*adminSession, *oneTime, secretOf(passwordOf(QStringLiteral("admin")))).ok())
        return fail(QStringLiteral("administrator sign-in"), adminSession.ok() ? Error() : adminSession.error());
    const Session admin = *adminSession;
    QMap<QString, Session> sessions;
    // Long phases leave sessions idle: unlock them with their password, as a user would.
    auto fresh = [&](const QString& login) -> Session {
        const Session& s = sessions[login];
        if (core->auth().isLocked(s))
            (void)core->auth().unlock(s, secretOf(passwordOf(login)));
        return s;
    };
    auto addUser = [&](const QString& login, Role role) -> bool {
        auto password = core->accounts().create(admin, NewAccount {login, login, role, {}, {}});
        if (!password.ok())
            return fail(QStringLiteral("account ") + login, password.error());
        // dual control: the first branch manager with the recovery passphrase, the others by m1
        SecureBytes code;
        if (Roles::holdsKeys(role)) {
            auto confirmed = sessions.isEmpty()
                ? core->accounts().confirmWithRecovery(admin, login, created->recoveryPassphrase)
                : core->accounts().confirm(fresh(QStringLiteral("m1")), login);
            if (!confirmed.ok())
                return fail(QStringLiteral("confirmation ") + login, confirmed.error());
            code = std::move(confirmed->confirmationCode);
        }
        auto session = core->auth().signIn(login, *password);
        if (!session.ok() || !core->auth().changePassword(*session, *password, secretOf(passwordOf(login)), code).ok())
            return fail(QStringLiteral("sign-in ") + login, session.ok() ? Error() : session.error());
        sessions.insert(login, *session);
        return true;
    };
    QStringList managers;
    for (int i = 0; i < m_options.managers; ++i)
        managers << QStringLiteral("cm%1").arg(i, 2, 10, QLatin1Char('0'));
    for (const QString& login : QStringList {QStringLiteral("m1"), QStringLiteral("m2")})
        if (!addUser(login, Role::Manager))
            return false;
    for (const QString& login : managers)
        if (!addUser(login, Role::CustomerManager))
            return false;
    if (!addUser(QStringLiteral("k1"), Role::Clerk) || !addUser(QStringLiteral("u1"), Role::Auditor))
        return false;

    // --- import: the same CSV batch entry the GUI and CLI use ---
    const qint64 n = m_options.customers;
    const qint64 first = qMin<qint64>(m_options.portfolio, qMax<qint64>(1, n / 2));
    QList<QPair<qint64, qint64>> ranges; // [from, to) per customer manager
    ranges << qMakePair(qint64(0), first);
    const qint64 rest = n - first;
    for (int i = 1; i < managers.size(); ++i)
        ranges << qMakePair(first + rest * (i - 1) / (managers.size() - 1), first + rest * i / (managers.size() - 1));
    log(tr("[%1] writing %2 customers into %3 import files").arg(tag).arg(n).arg(managers.size()));
    QStringList files;
    for (int i = 0; i < managers.size(); ++i) {
        const QString file = m_options.folder + QStringLiteral("/import-%1-%2.csv").arg(tag, managers.at(i));
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(QStringLiteral("import file"), makeError(ErrorCode::Io, out.errorString()));
        out.write(SyntheticData::csvHeader());
        for (qint64 seed = ranges.at(i).first; seed < ranges.at(i).second; ++seed)
            out.write(SyntheticData::csvRow(seed, managers.at(i)));
        files << file;
    }
    log(tr("[%1] importing").arg(tag));
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < managers.size(); ++i) {
        auto report = core->customers().importer().importFile(fresh(managers.at(i)), files.at(i));
        if (!report.ok())
            return fail(QStringLiteral("import"), report.error());
        if (report->rejected > 0)
            return fail(QStringLiteral("import"),
                makeError(ErrorCode::InvalidInput,
                    QStringLiteral("%1 rows rejected, first: line %2 %3")
                        .arg(report->rejected)
                        .arg(report->problems.value(0).line)
                        .arg(report->problems.value(0).message)));
        QFile::remove(files.at(i));
    }
    const double importSeconds = double(timer.nsecsElapsed()) / 1e9;
    rate(QStringLiteral("import"), tr("bulk import (validated, sealed, indexed, audited), rows/s"),
        double(n) / importSeconds);
    log(tr("[%1] imported in %2 s").arg(tag).arg(importSeconds, 0, 'f', 1));
    if (m_options.importOnly) {
        m_failure = QStringLiteral("stopped after the import (--import-only)");
        return false;
    }

    // --- the branch manager approves the reviewed imports, a page at a time ---
    timer.restart();
    qint64 approved = 0;
    for (;;) {
        auto page = core->customers().entry().pending(fresh(QStringLiteral("m1")), 0, 1000);
        if (!page.ok())
            return fail(QStringLiteral("pending"), page.error());
        if (page->isEmpty())
            break;
        QList<qint64> ids;
        for (const PendingChange& c : *page)
            ids << c.id;
        auto done = core->customers().entry().approveMany(sessions[QStringLiteral("m1")], ids, QStringLiteral("bench"));
        if (!done.ok())
            return fail(QStringLiteral("approve"), done.error());
        approved += *done;
    }
    const double approveSeconds = double(timer.nsecsElapsed()) / 1e9;
    rate(QStringLiteral("approve_new"), tr("approval of imported records (pages of 1,000), rows/s"),
        double(approved) / approveSeconds);
    log(tr("[%1] approved %2 in %3 s").arg(tag).arg(approved).arg(approveSeconds, 0, 'f', 1));

    auto managerOf = [&](qint64 seed) {
        for (int i = 0; i < ranges.size(); ++i) {
            if (seed >= ranges.at(i).first && seed < ranges.at(i).second)
                return managers.at(i);
        }
        return managers.constFirst();
    };
    auto numberOf = [&](qint64 seed) -> QString {
        auto ids = CustomerServiceInternals::of(core->customers())
                       .store()
                       .customersWith(int(BlindDomain::IdNumber), SyntheticData::idNumber(seed));
        if (!ids.ok() || ids->isEmpty())
            return QString();
        auto ref = CustomerServiceInternals::of(core->customers()).customerById(ids->constFirst());
        return ref.ok() ? ref->number : QString();
    };

    // --- service records and complaints (2 % and 0.5 % of the customers) ---
    log(tr("[%1] service records and complaints").arg(tag));
    timer.restart();
    qint64 serviceCount = 0;
    for (qint64 seed = 0; seed < n; seed += 50) {
        const QString number = numberOf(seed);
        const Session s = fresh(managerOf(seed));
        if (!core->customers()
                 .care()
                 .addService(
                     s, number, QDate::currentDate(), QStringLiteral("counter"), QStringLiteral("wealth review"))
                 .ok())
            return fail(QStringLiteral("service record"), Error());
        ++serviceCount;
        if (seed % 200 == 0
            && !core->customers()
                    .care()
                    .addComplaint(s, number, QDateTime::currentDateTimeUtc().addSecs(-3600), QStringLiteral("phone"),
                        QStringLiteral("long queue"))
                    .ok())
            return fail(QStringLiteral("complaint"), Error());
    }
    rate(QStringLiteral("service"), tr("service record entry (one commit each), rows/s"),
        double(serviceCount) / (double(timer.nsecsElapsed()) / 1e9));

    QRandomGenerator random(20261123);
    auto sampleSeed = [&]() { return qint64(random.bounded(quint64(n))); };
    const Session m1 = fresh(QStringLiteral("m1"));
    CustomerFinder& finder = core->customers().finder();

    // --- exact lookups (blind index) ---
    log(tr("[%1] lookups").arg(tag));
    struct LookupCase
    {
        QString key;
        QString label;
        LookupKind kind;
        BlindDomain domain;
        std::function<QString(qint64)> value;
    };
    const QList<LookupCase> lookups = {
        {QStringLiteral("lookup_id"), tr("exact lookup by ID"), LookupKind::IdNumber, BlindDomain::IdNumber,
            &SyntheticData::idNumber},
        {QStringLiteral("lookup_mobile"), tr("exact lookup by mobile"), LookupKind::Mobile, BlindDomain::Phone,
            &SyntheticData::mobile},
        {QStringLiteral("lookup_card"), tr("exact lookup by card"), LookupKind::Account, BlindDomain::Account,
            [](qint64 s) { return SyntheticData::card(s, 0); }},
    };
    for (const LookupCase& c : lookups) {
        for (int i = 0; i < m_options.samples; ++i) {
            const QString value = c.value(sampleSeed());
            bool found = false;
            record(c.key + QStringLiteral("_query"), c.label + tr(" (query, no commit)"), timeMs([&] {
                auto ids = CustomerServiceInternals::of(core->customers()).store().customersWith(int(c.domain), value);
                found = ids.ok() && !ids->isEmpty();
            }));
            if (!found)
                return fail(QStringLiteral("lookup"),
                    makeError(ErrorCode::Internal, QStringLiteral("a sampled customer was not found")));
            record(c.key, c.label + tr(" (with its audit commit)"),
                timeMs([&] { (void)finder.lookup(m1, c.kind, value); }));
        }
    }
    const Session clerk = fresh(QStringLiteral("k1"));
    for (int i = 0; i < m_options.samples; ++i) {
        const qint64 seed = sampleSeed();
        record(QStringLiteral("clerk_lookup"), tr("clerk lookup (name + ID), end to end"), timeMs([&] {
            (void)finder.clerkLookup(clerk, SyntheticData::name(seed), SyntheticData::idNumber(seed),
                QStringLiteral("counter verification"));
        }));
    }

    // --- the branch list: scrolled end to end, then first / deep / last page ---
    log(tr("[%1] scrolling the branch list end to end").arg(tag));
    resetPeakRss();
    QStringList cursors {QString()};
    qint64 scrolled = 0;
    for (;;) {
        CustomerPage page;
        const double ms = timeMs([&] {
            auto result = finder.branchList(m1, CustomerSort::Number, false, cursors.constLast(), 200);
            if (result.ok())
                page = std::move(result).value();
        });
        record(QStringLiteral("list_scroll"), tr("branch list page of 200 while scrolling"), ms);
        scrolled += page.rows.size();
        if (page.nextCursor.isEmpty())
            break;
        cursors << page.nextCursor;
    }
    (encrypted ? m_scrollPeakEncrypted : m_scrollPeakPlain) = peakRssMiB();
    log(tr("[%1] scrolled %2 rows").arg(tag).arg(scrolled));
    const QString deep = cursors.value(cursors.size() / 2);
    for (int i = 0; i < qMin(m_options.samples, 50); ++i) {
        record(QStringLiteral("list_first"), tr("branch list: first page"),
            timeMs([&] { (void)finder.branchList(m1, CustomerSort::Number, false, QString(), 200); }));
        record(QStringLiteral("list_deep"), tr("branch list: a page deep in the list (keyset)"),
            timeMs([&] { (void)finder.branchList(m1, CustomerSort::Number, false, deep, 200); }));
        record(QStringLiteral("list_last"), tr("branch list: last page"),
            timeMs([&] { (void)finder.branchList(m1, CustomerSort::Number, true, QString(), 200); }));
    }

    // --- the customer manager's portfolio filter ---
    const Session cm = fresh(managers.constFirst());
    static const QString families = QStringLiteral("王李张刘陈杨黄赵");
    for (int i = 0; i < qMin(m_options.samples, 50); ++i) {
        const QString filter = families.mid(i % families.size(), 1);
        record(QStringLiteral("portfolio_filter"), tr("portfolio name filter (%1 customers)").arg(first),
            timeMs([&] { (void)finder.portfolio(cm, filter, QString(), 5000); }));
    }

    // --- opening a customer, a reveal under a grant ---
    QStringList own;
    for (int i = 0; i < 50; ++i)
        own << numberOf(qint64(random.bounded(quint64(first))));
    for (int i = 0; i < m_options.samples; ++i)
        record(QStringLiteral("open"), tr("open one customer's detail (masked)"),
            timeMs([&] { (void)finder.open(cm, own.at(i % own.size())); }));
    {
        const QString number = own.constFirst();
        const QString field = QString::fromLatin1(fields::Mobile);
        auto request = core->requests().create(
            cm, NewRequest {RequestType::Reveal, {number}, {field}, QString(), QStringLiteral("bench"), 24});
        if (!request.ok() || !core->requests().approve(m1, request->id, QStringLiteral("bench")).ok())
            return fail(QStringLiteral("reveal request"), request.ok() ? Error() : request.error());
        for (int i = 0; i < m_options.samples; ++i)
            record(QStringLiteral("reveal"), tr("reveal under a grant"),
                timeMs([&] { (void)finder.reveal(cm, number, {field}); }));
    }

    // --- approval of a pending edit ---
    {
        QList<qint64> changes;
        for (int i = 0; i < qMin(m_options.samples, 100); ++i) {
            CustomerInput edit;
            edit.values.insert(QString::fromLatin1(fields::Mobile), SyntheticData::mobile(n + 1000 + i));
            auto receipt = core->customers().entry().edit(cm, own.at(i % own.size()), edit);
            if (receipt.ok())
                changes << receipt->changeId;
            if (receipt.ok()) {
                record(QStringLiteral("approve_edit"), tr("approval of a pending edit"), timeMs([&] {
                    (void)core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked"));
                }));
            }
        }
    }

    // --- audit append and verification ---
    AuditLog& audit = internalsOf(*core).auditLog();
    const Actor system = Actor::system();
    const AuditEvent event {QStringLiteral("bench.append"), QStringLiteral("bench"), QStringLiteral("1"), QString(),
        AuditOutcome::Ok, QJsonObject {{QStringLiteral("n"), 1}}};
    timer.restart();
    for (int i = 0; i < 1000; ++i)
        (void)audit.appendStandalone(system, event);
    rate(QStringLiteral("audit_append_commit"), tr("audit append, one commit each, rows/s"),
        1000.0 / (double(timer.nsecsElapsed()) / 1e9));
    timer.restart();
    {
        Transaction tx(vault->database());
        for (int i = 0; i < 20000; ++i)
            (void)audit.append(system, event);
        (void)tx.commit();
    }
    rate(QStringLiteral("audit_append_batch"), tr("audit append inside one transaction, rows/s"),
        20000.0 / (double(timer.nsecsElapsed()) / 1e9));
    timer.restart();
    auto verification = audit.verify();
    const double verifySeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!verification.ok() || !verification->ok())
        return fail(QStringLiteral("audit verify"),
            verification.ok() ? makeError(ErrorCode::Damaged, verification->problem) : verification.error());
    rate(QStringLiteral("audit_verify"),
        tr("audit chain verification, rows/s (%1 rows)").arg(verification->rowsChecked),
        double(verification->rowsChecked) / verifySeconds);
    if (encrypted)
        m_auditRows = verification->rowsChecked;

    // --- sign-in at the configured cost ---
    for (const auto& [key, value] :
        {std::pair {settings::Argon2MemLimitMiB, "256"}, std::pair {settings::Argon2OpsLimit, "3"}})
        (void)SettingsWriter::setAs(settings, Actor::system(), QString::fromLatin1(key), QString::fromLatin1(value));
    (void)core->auth().signIn(
        QStringLiteral("m2"), secretOf(passwordOf(QStringLiteral("m2")))); // re-hash at the new cost
    for (int i = 0; i < 5; ++i)
        record(QStringLiteral("sign_in"), tr("sign-in (Argon2id at the configured cost)"), timeMs([&] {
            (void)core->auth().signIn(QStringLiteral("m2"), secretOf(passwordOf(QStringLiteral("m2"))));
        }));

    // --- open + unlock with the raw key ---
    core.reset();
    vault.reset();
    for (int i = 0; i < 20; ++i) {
        std::unique_ptr<Vault> reopened;
        record(QStringLiteral("open_unlock"), tr("open + unlock (raw key)"), timeMs([&] {
            auto v = vaults.open(path);
            if (v.ok())
                reopened = std::move(v).value();
        }));
        if (!reopened)
            return fail(QStringLiteral("open"), makeError(ErrorCode::Internal, QStringLiteral("reopen failed")));
    }

    // --- lookups with cipher_memory_security on (encrypted database only) ---
    if (encrypted) {
        Database::Options secure = databaseOptions;
        secure.memorySecurity = true;
        vaults.setDatabaseOptions(secure);
        auto v = vaults.open(path);
        if (!v.ok())
            return fail(QStringLiteral("open with memory security"), v.error());
        Core secureCore(**v, vaults);
        // A key holder's sign-in installs the field keys the blind index needs; without it every lookup
        // would fail at once and the row would time nothing.
        auto holder = secureCore.auth().signIn(QStringLiteral("m2"), secretOf(passwordOf(QStringLiteral("m2"))));
        if (!holder.ok())
            return fail(QStringLiteral("sign-in with memory security"), holder.error());
        for (const LookupCase& c : lookups) {
            for (int i = 0; i < m_options.samples; ++i) {
                const QString value = c.value(sampleSeed());
                bool found = false;
                record(
                    c.key + QStringLiteral("_memsec"), c.label + tr(", cipher_memory_security ON (query)"), timeMs([&] {
                        auto ids = CustomerServiceInternals::of(secureCore.customers())
                                       .store()
                                       .customersWith(int(c.domain), value);
                        found = ids.ok() && !ids->isEmpty();
                    }));
                if (!found)
                    return fail(QStringLiteral("lookup with memory security"),
                        makeError(ErrorCode::Internal, QStringLiteral("a sampled customer was not found")));
            }
        }
    }
    if (!m_options.keep) {
        for (const char* suffix : {"", "-wal", "-shm", ".envelope", ".lock"})
            QFile::remove(path + QLatin1String(suffix));
    }
    return true;
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
                       .arg(m.encryptedRate, 0, 'f', 0)
                       .arg(m.plainRate, 0, 'f', 0)
                       .arg(m.encryptedRate > 0 ? m.plainRate / m.encryptedRate : 0.0, 0, 'f', 2);
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
    out += QStringLiteral(
        "\npeak RSS: encrypted run %1 MiB (while scrolling the branch list: %2 MiB); plaintext run %3 MiB "
        "(scrolling: %4 MiB)\n")
               .arg(m_peakEncrypted, 0, 'f', 0)
               .arg(m_scrollPeakEncrypted, 0, 'f', 0)
               .arg(m_peakPlain, 0, 'f', 0)
               .arg(m_scrollPeakPlain, 0, 'f', 0);
    out += QStringLiteral("customers: %1, audit rows (encrypted run): %2, total time: %3 s\n")
               .arg(m_options.customers)
               .arg(m_auditRows)
               .arg(m_seconds, 0, 'f', 0);
    return out;
}

QJsonObject Bench::json() const
{
    QJsonArray rows;
    for (const Measure& m : m_measures) {
        QJsonObject row {{QStringLiteral("key"), m.key}, {QStringLiteral("operation"), m.label}};
        if (m.isRate) {
            row.insert(QStringLiteral("encryptedRowsPerSecond"), m.encryptedRate);
            row.insert(QStringLiteral("plaintextRowsPerSecond"), m.plainRate);
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
        {QStringLiteral("peakRssMiB"),
            QJsonObject {{QStringLiteral("encrypted"), m_peakEncrypted}, {QStringLiteral("plaintext"), m_peakPlain},
                {QStringLiteral("encryptedScroll"), m_scrollPeakEncrypted},
                {QStringLiteral("plaintextScroll"), m_scrollPeakPlain}}},
        {QStringLiteral("auditRows"), m_auditRows}, {QStringLiteral("seconds"), m_seconds}};
}

} // namespace bv::bench
