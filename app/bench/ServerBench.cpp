#include "app/bench/ServerBench.h"

#include "app/bench/SyntheticData.h"
#include "core/auth/Role.h"
#include "core/customers/CustomerRecord.h"
#include "core/keys/KeychainSecretStore.h"
#include "core/policy/FieldCatalogue.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerWorkstation.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSysInfo>

#include <cstdio>
#include <memory>

// The branch-server run of the benchmark (ServerBench.h). Only the core's public server classes are used, as the
// desktop and the CLI use them: no bench-only SQL, nothing read from the server's tables directly.

namespace bv::bench {

namespace {

// The ID numbers, mobiles and cards of SyntheticData are unique for seeds below this (8 regions × 20,000,000).
constexpr qint64 kSeedSpace = 160000000;

CustomerInput customerOf(qint64 seed)
{
    static const char* occupations[] = {"engineer", "teacher", "doctor", "merchant", "civil servant", "retired"};
    static const char* bands[] = {"under_50k", "50k_100k", "100k_300k", "300k_1m", "over_1m"};
    CustomerInput input;
    input.values = {
        {QString::fromLatin1(fields::Name), SyntheticData::name(seed)},
        {QString::fromLatin1(fields::IdType), QStringLiteral("mainland_id")},
        {QString::fromLatin1(fields::IdNumber), SyntheticData::idNumber(seed)},
        {QString::fromLatin1(fields::Mobile), SyntheticData::mobile(seed)},
        {QString::fromLatin1(fields::Address),
            QStringLiteral("上海市浦东新区世纪大道%1号, %2室").arg(seed % 2000 + 1).arg(seed % 30 + 1)},
        {QString::fromLatin1(fields::Occupation), QString::fromLatin1(occupations[seed % 6])},
        {QString::fromLatin1(fields::IncomeBand), QString::fromLatin1(bands[seed % 5])},
        {QString::fromLatin1(fields::AssetsUnderManagement), QString::number((seed * 37) % 20000000)},
    };
    AccountInput card;
    card.number = SyntheticData::card(seed, 0);
    card.type = QStringLiteral("debit_card");
    card.openedOn = QDate(2010, 1, 1).addDays(seed % 4000);
    input.accounts << card;
    return input;
}

// What the branch manager types from the customer's document to approve the entry of `seed` (blind re-key): one
// value per entry of the change's rekeyFields.
RekeyedValues rekeyedOf(qint64 seed, const QStringList& rekeyFields)
{
    RekeyedValues typed;
    for (const QString& field : rekeyFields) {
        QStringList& values = typed[field];
        if (field == QLatin1String(fields::IdNumber))
            values << SyntheticData::idNumber(seed);
        else if (field == QLatin1String(fields::Mobile))
            values << SyntheticData::mobile(seed);
        else
            values << SyntheticData::card(seed, int(values.size()));
    }
    return typed;
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Manager:
        return ServerBench::tr("branch manager");
    case Role::CustomerManager:
        return ServerBench::tr("customer manager");
    case Role::Clerk:
        return ServerBench::tr("clerk");
    case Role::Admin:
        return ServerBench::tr("administrator");
    case Role::Auditor:
        return ServerBench::tr("auditor");
    }
    return QString();
}

} // namespace

ServerBench::ServerBench(Options options)
    : m_options(options)
{
}

void ServerBench::log(const QString& line) const
{
    const QByteArray bytes = (line + QLatin1Char('\n')).toUtf8();
    fwrite(bytes.constData(), 1, size_t(bytes.size()), stderr);
    fflush(stderr);
}

void ServerBench::record(const QString& key, const QString& label, double ms)
{
    for (Measure& m : m_measures) {
        if (m.key == key) {
            m.samples.add(ms);
            return;
        }
    }
    Measure m;
    m.key = key;
    m.label = label;
    m.samples.add(ms);
    m_measures << m;
}

int ServerBench::fail(int status, const QString& message)
{
    m_failure = message;
    return status;
}

int ServerBench::run(Credentials credentials)
{
    QElapsedTimer total;
    total.start();
    auto settings = ServerWorkstation::configured();
    if (!settings.ok())
        return fail(kNotConnected, settings.error().fullText()); // names `server add-workstation`
    KeychainSecretStore store(qEnvironmentVariableIsEmpty("BV_KEYCHAIN_SERVICE")
            ? QStringLiteral("BranchVault")
            : qEnvironmentVariable("BV_KEYCHAIN_SERVICE"));

    // --- the three sign-ins, all before anything is entered ---
    struct Who
    {
        Staff* staff;
        Role role;
        std::unique_ptr<ServerSession> session;
    };
    Who who[] = {{&credentials.manager, Role::Manager, nullptr},
        {&credentials.customerManager, Role::CustomerManager, nullptr}, {&credentials.clerk, Role::Clerk, nullptr}};
    for (Who& w : who) {
        log(tr("branchvault-bench: signing in %1 (%2)").arg(w.staff->login, roleName(w.role)));
        Result<std::unique_ptr<ServerSession>> signedIn = Error();
        record(QStringLiteral("sign_in"), tr("sign-in (server password derived, TLS connection, key slot opened)"),
            timeMs([&] { signedIn = ServerSession::signIn(store, w.staff->login, w.staff->password); }));
        w.staff->password = SecureBytes();
        if (!signedIn.ok())
            return fail(kSignInFailed,
                tr("the sign-in of %1 (%2) failed: %3")
                    .arg(w.staff->login, roleName(w.role), signedIn.error().fullText()));
        w.session = std::move(signedIn).value();
        const ServerSession::Identity& me = w.session->identity();
        if (me.role != w.role)
            return fail(kSignInFailed,
                tr("%1 is a %2 on the branch server; standard input gives the branch manager, a customer manager "
                   "and a clerk, in that order")
                    .arg(me.login, roleName(me.role)));
        if (me.mustChangePassword || me.keys == ServerSession::Keys::AwaitingPasswordChange)
            return fail(kSignInFailed,
                tr("%1 must change the one-time password first (branchvault-cli server passwd)").arg(me.login));
        if (Roles::holdsKeys(me.role) && me.keys != ServerSession::Keys::Open)
            return fail(kSignInFailed,
                tr("%1 holds no key slot yet: a branch manager confirms the account first").arg(me.login));
        m_url = me.url;
        m_tls = me.tlsVersion;
    }
    ServerCustomers manager(*who[0].session);
    ServerCustomers customerManager(*who[1].session);
    ServerCustomers clerk(*who[2].session);

    // The server keeps every customer the run enters: by default only a branch without customers is used.
    auto existing = manager.list(QString(), 1);
    if (!existing.ok())
        return fail(kOperationFailed, tr("listing the branch failed: %1").arg(existing.error().fullText()));
    if (!existing->isEmpty() && !m_options.allowExisting)
        return fail(kBranchNotEmpty,
            tr("the branch on this server has customers already; the benchmark adds %1 customers that cannot be "
               "deleted, so it runs against a test branch server only. Give --allow-existing to run on this one "
               "anyway.")
                .arg(m_options.customers));
    // A fresh range of synthetic customers for every run: a second run on the same server enters no duplicates.
    m_firstSeed = qint64(QRandomGenerator::system()->bounded(quint64(kSeedSpace - m_options.customers - 1000)));
    const qint64 n = m_options.customers;

    // --- entry: the customer manager enters N customers, one at a time ---
    log(tr("branchvault-bench: entering %1 customers as %2").arg(n).arg(credentials.customerManager.login));
    QHash<QString, qint64> seedOf; // customer number → seed
    QList<QString> numbers;
    for (qint64 i = 0; i < n; ++i) {
        const qint64 seed = m_firstSeed + i;
        const CustomerInput input = customerOf(seed);
        Result<EntryReceipt> receipt = Error();
        record(QStringLiteral("enter"), tr("enter one customer (validated, sealed, pending)"),
            timeMs([&] { receipt = customerManager.enter(input); }));
        if (!receipt.ok())
            return fail(kOperationFailed,
                tr("entering customer %1 of %2 failed: %3").arg(i + 1).arg(n).arg(receipt.error().fullText()));
        seedOf.insert(receipt->customerNumber, seed);
        numbers << receipt->customerNumber;
    }

    // --- approval: the branch manager reads the pending changes and approves the run's, typing the re-key values ---
    log(tr("branchvault-bench: approving them as %1").arg(credentials.manager.login));
    qint64 approved = 0;
    qint64 afterId = 0;
    for (;;) {
        Result<QList<PendingChange>> page = Error();
        record(QStringLiteral("pending_page"), tr("pending changes: a page of up to 1,000"),
            timeMs([&] { page = manager.pending(afterId, 1000); }));
        if (!page.ok())
            return fail(kOperationFailed, tr("reading the pending changes failed: %1").arg(page.error().fullText()));
        if (page->isEmpty())
            break;
        for (const PendingChange& change : std::as_const(*page)) {
            afterId = qMax(afterId, change.id);
            const auto seed = seedOf.constFind(change.customerNumber);
            if (seed == seedOf.cend() || change.kind != QLatin1String("create"))
                continue; // not this run's: left for the branch's own staff
            const RekeyedValues typed = rekeyedOf(*seed, change.rekeyFields);
            Status decided = Error();
            record(QStringLiteral("approve"), tr("approval of an entry (with the blind re-key)"),
                timeMs([&] { decided = manager.decide(change.id, true, QStringLiteral("benchmark"), typed); }));
            if (!decided.ok())
                return fail(kOperationFailed,
                    tr("approving change %1 failed: %2").arg(change.id).arg(decided.error().fullText()));
            ++approved;
        }
    }
    if (approved != n)
        return fail(kOperationFailed,
            tr("%1 of the %2 entered customers were found pending and approved").arg(approved).arg(n));

    // --- the branch list in pages of 200: the first page, and the pages after it (keyset) ---
    log(tr("branchvault-bench: listing the branch in pages of 200"));
    const int listSamples = qMax(1, m_options.samples / 5);
    QString cursor;
    for (int i = 0; i < listSamples; ++i) {
        Result<QList<CustomerListRow>> page = Error();
        record(QStringLiteral("list_first"), tr("branch list: first page of 200"),
            timeMs([&] { page = manager.list(QString(), 200); }));
        if (!page.ok())
            return fail(kOperationFailed, tr("listing the branch failed: %1").arg(page.error().fullText()));
        if (page->size() == 200)
            cursor = page->constLast().number;
    }
    // the later pages: the list scrolled to its end, and again from the second page, until the samples are taken
    int later = 0;
    QString after = cursor;
    while (!cursor.isEmpty() && later < listSamples) {
        Result<QList<CustomerListRow>> page = Error();
        const double ms = timeMs([&] { page = manager.list(after, 200); });
        if (!page.ok())
            return fail(kOperationFailed, tr("listing the branch failed: %1").arg(page.error().fullText()));
        if (page->isEmpty()) {
            if (after == cursor)
                break; // nothing after the first page
            after = cursor;
            continue;
        }
        record(QStringLiteral("list_later"), tr("branch list: a later page of 200 (keyset)"), ms);
        ++later;
        after = page->size() == 200 ? page->constLast().number : cursor;
    }

    // --- the customer manager opens cards of the customers entered ---
    log(tr("branchvault-bench: opening customers as %1").arg(credentials.customerManager.login));
    QRandomGenerator random(20261206);
    for (int i = 0; i < m_options.samples; ++i) {
        const QString number = numbers.at(qsizetype(random.bounded(quint64(numbers.size()))));
        Result<CustomerView> view = Error();
        record(QStringLiteral("open"), tr("open one customer's card (masked)"),
            timeMs([&] { view = customerManager.open(number); }));
        if (!view.ok())
            return fail(kOperationFailed, tr("opening a customer failed: %1").arg(view.error().fullText()));
    }

    // --- the clerk's exact lookups: a customer of the run, and a miss ---
    log(tr("branchvault-bench: clerk lookups as %1").arg(credentials.clerk.login));
    const QString purpose = QStringLiteral("benchmark: verifying the customer at the counter");
    for (int i = 0; i < m_options.samples; ++i) {
        const qint64 seed = m_firstSeed + qint64(random.bounded(quint64(n)));
        Result<std::optional<ClerkCard>> found = Error();
        record(QStringLiteral("clerk_lookup"), tr("clerk lookup (name + ID), a match"), timeMs([&] {
            found = clerk.clerkLookup(SyntheticData::name(seed), SyntheticData::idNumber(seed), purpose);
        }));
        if (!found.ok() || !found->has_value())
            return fail(kOperationFailed,
                tr("the clerk's lookup of an entered customer found nothing: %1")
                    .arg(found.ok() ? QString() : found.error().fullText()));
        // the name of a customer with an ID number no customer of the run has
        const qint64 other = m_firstSeed + n + qint64(random.bounded(quint64(1000)));
        record(QStringLiteral("clerk_lookup_miss"), tr("clerk lookup (name + ID), no match"), timeMs([&] {
            found = clerk.clerkLookup(SyntheticData::name(seed), SyntheticData::idNumber(other), purpose);
        }));
        if (!found.ok())
            return fail(kOperationFailed, tr("the clerk's lookup failed: %1").arg(found.error().fullText()));
    }
    m_seconds = double(total.elapsed()) / 1000.0;
    return 0;
}

QString ServerBench::table() const
{
    QString out = tr("\nbranch server (%1, %2): each figure includes the TLS round trips to the server and the "
                     "sealing, blind indexing and opening on this workstation\n")
                      .arg(m_url, m_tls);
    out += QStringLiteral("| operation | branch server p50 | branch server p95 | branch server max | samples |\n");
    out += QStringLiteral("|---|---:|---:|---:|---:|\n");
    for (const Measure& m : m_measures) {
        out += QStringLiteral("| %1 | %2 ms | %3 ms | %4 ms | %5 |\n")
                   .arg(m.label)
                   .arg(m.samples.p50(), 0, 'f', 1)
                   .arg(m.samples.p95(), 0, 'f', 1)
                   .arg(m.samples.max(), 0, 'f', 1)
                   .arg(m.samples.ms.size());
    }
    out += tr("customers entered: %1, total time: %2 s\n").arg(m_options.customers).arg(m_seconds, 0, 'f', 0);
    return out;
}

QJsonObject ServerBench::json() const
{
    QJsonArray rows;
    for (const Measure& m : m_measures)
        rows.append(QJsonObject {{QStringLiteral("key"), m.key}, {QStringLiteral("operation"), m.label},
            {QStringLiteral("p50Ms"), m.samples.p50()}, {QStringLiteral("p95Ms"), m.samples.p95()},
            {QStringLiteral("maxMs"), m.samples.max()}, {QStringLiteral("samples"), int(m.samples.ms.size())}});
    return QJsonObject {{QStringLiteral("mode"), QStringLiteral("server")},
        {QStringLiteral("customers"), m_options.customers},
        {QStringLiteral("machine"),
            QString(QSysInfo::prettyProductName() + QStringLiteral(", ") + QSysInfo::currentCpuArchitecture())},
        {QStringLiteral("server"),
            QJsonObject {{QStringLiteral("url"), m_url}, {QStringLiteral("tls"), m_tls},
                {QStringLiteral("includes"),
                    QStringLiteral("TLS round trips to the server; sealing, blind indexing and opening on the "
                                   "workstation")},
                {QStringLiteral("measurements"), rows}}},
        {QStringLiteral("seconds"), m_seconds}};
}

} // namespace bv::bench
