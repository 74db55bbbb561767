#include "app/bench/Bench.h"

#include "app/bench/SyntheticData.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/requests/RequestService.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <functional>

// One measuring round of a branch (Bench.cpp runs them A B A B): each round takes its share of every sample count,
// so both rounds of both databases together make the counts of docs/PERFORMANCE.md.

namespace bv::bench {

bool Bench::measureRound(Branch& branch, int round)
{
    const bool last = round == kRounds - 1;
    // This round's share of `total` samples: the first round takes the odd one.
    const auto share = [&](int total) { return round == 0 ? (total + 1) / 2 : total / 2; };
    const qint64 n = m_options.customers;
    const qint64 first = firstPortfolio();
    resetPeakRss();
    if (!open(branch, {QStringLiteral("m1"), QStringLiteral("k1"), m_managers.constFirst()}))
        return false;
    Core& core = *branch.core;
    // Customers of the first customer manager, opened and edited below. Their mobiles change (the edit
    // approvals), so the lookups of both rounds sample the other customers.
    if (branch.own.isEmpty()) {
        QRandomGenerator pick(20261123);
        for (int i = 0; i < 50; ++i) {
            const qint64 seed = qint64(pick.bounded(quint64(first)));
            branch.ownSeeds.insert(seed);
            branch.own << numberOf(branch, seed);
        }
    }
    // The same seeds for both databases in a round, other seeds in the other round.
    QRandomGenerator random(20261123 + round);
    auto sampleSeed = [&]() {
        for (;;) {
            const qint64 seed = qint64(random.bounded(quint64(n)));
            if (!branch.ownSeeds.contains(seed))
                return seed;
        }
    };
    const Session m1 = fresh(branch, QStringLiteral("m1"));
    CustomerFinder& finder = core.customers().finder();
    CustomerStore& store = CustomerServiceInternals::of(core.customers()).store();

    // --- exact lookups (blind index) ---
    log(tr("[%1] round %2: lookups").arg(branch.tag).arg(round + 1));
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
        for (int i = 0; i < share(m_options.samples); ++i) {
            const QString value = c.value(sampleSeed());
            bool found = false;
            record(branch, c.key + QStringLiteral("_query"), c.label + tr(" (query, no commit)"), timeMs([&] {
                auto ids = store.customersWith(int(c.domain), value);
                found = ids.ok() && !ids->isEmpty();
            }));
            if (!found)
                return fail(branch, QStringLiteral("lookup"),
                    makeError(ErrorCode::Internal, QStringLiteral("a sampled customer was not found")));
            record(branch, c.key, c.label + tr(" (with its audit commit)"),
                timeMs([&] { (void)finder.lookup(m1, c.kind, value); }));
        }
    }
    const Session clerk = fresh(branch, QStringLiteral("k1"));
    for (int i = 0; i < share(m_options.samples); ++i) {
        const qint64 seed = sampleSeed();
        record(branch, QStringLiteral("clerk_lookup"), tr("clerk lookup (name + ID), end to end"), timeMs([&] {
            (void)finder.clerkLookup(clerk, SyntheticData::name(seed), SyntheticData::idNumber(seed),
                QStringLiteral("counter verification"));
        }));
    }

    // --- the branch list: the first round scrolls the first half, the second the rest; first / deep / last ---
    log(tr("[%1] round %2: scrolling the branch list").arg(branch.tag).arg(round + 1));
    const bool scrolledToTheEnd = round > 0 && branch.scrollCursor.isEmpty();
    if (!scrolledToTheEnd) {
        resetPeakRss();
        QString cursor = round == 0 ? QString() : branch.scrollCursor;
        qint64 scrolled = 0;
        for (;;) {
            CustomerPage page;
            const double ms = timeMs([&] {
                auto result = finder.branchList(m1, CustomerSort::Number, false, cursor, 200);
                if (result.ok())
                    page = std::move(result).value();
            });
            record(branch, QStringLiteral("list_scroll"), tr("branch list page of 200 while scrolling"), ms);
            scrolled += page.rows.size();
            cursor = page.nextCursor;
            if (cursor.isEmpty() || (round == 0 && scrolled >= n / 2))
                break;
        }
        if (round == 0)
            branch.scrollCursor = cursor; // a page deep in the list, and where the second round goes on
        branch.scrolled += scrolled;
        branch.scrollPeakRss = qMax(branch.scrollPeakRss, peakRssMiB());
        log(tr("[%1] round %2: scrolled %3 rows").arg(branch.tag).arg(round + 1).arg(scrolled));
    }
    const QString deep = branch.scrollCursor;
    for (int i = 0; i < share(qMin(m_options.samples, 50)); ++i) {
        record(branch, QStringLiteral("list_first"), tr("branch list: first page"),
            timeMs([&] { (void)finder.branchList(m1, CustomerSort::Number, false, QString(), 200); }));
        record(branch, QStringLiteral("list_deep"), tr("branch list: a page deep in the list (keyset)"),
            timeMs([&] { (void)finder.branchList(m1, CustomerSort::Number, false, deep, 200); }));
        record(branch, QStringLiteral("list_last"), tr("branch list: last page"),
            timeMs([&] { (void)finder.branchList(m1, CustomerSort::Number, true, QString(), 200); }));
    }

    // --- the customer manager's portfolio filter ---
    const Session cm = fresh(branch, m_managers.constFirst());
    static const QString families = QStringLiteral("王李张刘陈杨黄赵");
    const int filters = share(qMin(m_options.samples, 50));
    for (int i = 0; i < filters; ++i) {
        const QString filter = families.mid((i + round * filters) % families.size(), 1);
        record(branch, QStringLiteral("portfolio_filter"), tr("portfolio name filter (%1 customers)").arg(first),
            timeMs([&] { (void)finder.portfolio(cm, filter, QString(), 5000); }));
    }

    // --- opening a customer, a reveal under a grant (asked for and approved in the first round) ---
    const QStringList& own = branch.own;
    for (int i = 0; i < share(m_options.samples); ++i)
        record(branch, QStringLiteral("open"), tr("open one customer's detail (masked)"),
            timeMs([&] { (void)finder.open(cm, own.at(i % own.size())); }));
    const QString field = QString::fromLatin1(fields::Mobile);
    if (branch.revealNumber.isEmpty()) {
        branch.revealNumber = own.constFirst();
        auto request = core.requests().create(cm,
            NewRequest {RequestType::Reveal, {branch.revealNumber}, {field}, QString(), QStringLiteral("bench"), 24});
        if (!request.ok() || !core.requests().approve(m1, request->id, QStringLiteral("bench")).ok())
            return fail(branch, QStringLiteral("reveal request"), request.ok() ? Error() : request.error());
    }
    for (int i = 0; i < share(m_options.samples); ++i)
        record(branch, QStringLiteral("reveal"), tr("reveal under a grant"),
            timeMs([&] { (void)finder.reveal(cm, branch.revealNumber, {field}); }));

    // --- approval of a pending edit ---
    const int edits = share(qMin(m_options.samples, 100));
    for (int i = 0; i < edits; ++i) {
        const int index = i + round * ((qMin(m_options.samples, 100) + 1) / 2);
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::Mobile), SyntheticData::mobile(n + 1000 + index));
        auto receipt = core.customers().entry().edit(cm, own.at(index % own.size()), edit);
        if (receipt.ok()) {
            record(branch, QStringLiteral("approve_edit"), tr("approval of a pending edit"), timeMs([&] {
                (void)core.customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked"));
            }));
        }
    }

    // --- audit append (half in each round); the whole chain verified in the last round ---
    AuditLog& audit = internalsOf(core).auditLog();
    const Actor system = Actor::system();
    const AuditEvent event {QStringLiteral("bench.append"), QStringLiteral("bench"), QStringLiteral("1"), QString(),
        AuditOutcome::Ok, QJsonObject {{QStringLiteral("n"), 1}}};
    QElapsedTimer timer;
    timer.start();
    const int commits = share(1000);
    for (int i = 0; i < commits; ++i)
        (void)audit.appendStandalone(system, event);
    rate(branch, round, QStringLiteral("audit_append_commit"), tr("audit append, one commit each, rows/s"), commits,
        double(timer.nsecsElapsed()) / 1e9);
    const int inOne = share(20000);
    timer.restart();
    {
        Transaction tx(branch.vault->database());
        for (int i = 0; i < inOne; ++i)
            (void)audit.append(system, event);
        (void)tx.commit();
    }
    rate(branch, round, QStringLiteral("audit_append_batch"), tr("audit append inside one transaction, rows/s"), inOne,
        double(timer.nsecsElapsed()) / 1e9);
    if (last) {
        timer.restart();
        auto verification = audit.verify();
        const double verifySeconds = double(timer.nsecsElapsed()) / 1e9;
        if (!verification.ok() || !verification->ok())
            return fail(branch, QStringLiteral("audit verify"),
                verification.ok() ? makeError(ErrorCode::Damaged, verification->problem) : verification.error());
        rate(branch, round, QStringLiteral("audit_verify"),
            tr("audit chain verification, rows/s (%1 rows)").arg(verification->rowsChecked),
            double(verification->rowsChecked), verifySeconds);
        if (branch.encrypted)
            m_auditRows = verification->rowsChecked;

        // --- sign-in at the configured cost (it stays the cost of this database: the last round only) ---
        SettingsService& settings = core.settings();
        for (const auto& [key, value] :
            {std::pair {settings::Argon2MemLimitMiB, "256"}, std::pair {settings::Argon2OpsLimit, "3"}})
            (void)SettingsWriter::setAs(
                settings, Actor::system(), QString::fromLatin1(key), QString::fromLatin1(value));
        (void)core.auth().signIn(
            QStringLiteral("m2"), secretOf(passwordOf(QStringLiteral("m2")))); // re-hash at the new cost
        for (int i = 0; i < 5; ++i)
            record(branch, QStringLiteral("sign_in"), tr("sign-in (Argon2id at the configured cost)"), timeMs([&] {
                (void)core.auth().signIn(QStringLiteral("m2"), secretOf(passwordOf(QStringLiteral("m2"))));
            }));
    }

    // --- open + unlock with the raw key ---
    close(branch);
    for (int i = 0; i < share(20); ++i) {
        std::unique_ptr<Vault> reopened;
        record(branch, QStringLiteral("open_unlock"), tr("open + unlock (raw key)"), timeMs([&] {
            auto v = branch.vaults->open(branch.path);
            if (v.ok())
                reopened = std::move(v).value();
        }));
        if (!reopened)
            return fail(
                branch, QStringLiteral("open"), makeError(ErrorCode::Internal, QStringLiteral("reopen failed")));
    }
    branch.peakRss = qMax(branch.peakRss, peakRssMiB());

    // --- lookups with cipher_memory_security on (the encrypted database, at the very end: it stays on) ---
    if (branch.encrypted && last) {
        DatabaseOptions secure = branch.databaseOptions;
        secure.memorySecurity = true;
        branch.vaults->setDatabaseOptions(secure);
        auto v = branch.vaults->open(branch.path);
        if (!v.ok())
            return fail(branch, QStringLiteral("open with memory security"), v.error());
        Core secureCore(**v, *branch.vaults);
        // A key holder's sign-in installs the field keys the blind index needs; without it every lookup
        // would fail at once and the row would time nothing.
        auto holder = secureCore.auth().signIn(QStringLiteral("m2"), secretOf(passwordOf(QStringLiteral("m2"))));
        if (!holder.ok())
            return fail(branch, QStringLiteral("sign-in with memory security"), holder.error());
        CustomerStore& secureStore = CustomerServiceInternals::of(secureCore.customers()).store();
        for (const LookupCase& c : lookups) {
            for (int i = 0; i < m_options.samples; ++i) {
                const QString value = c.value(sampleSeed());
                bool found = false;
                record(branch, c.key + QStringLiteral("_memsec"), c.label + tr(", cipher_memory_security ON (query)"),
                    timeMs([&] {
                        auto ids = secureStore.customersWith(int(c.domain), value);
                        found = ids.ok() && !ids->isEmpty();
                    }));
                if (!found)
                    return fail(branch, QStringLiteral("lookup with memory security"),
                        makeError(ErrorCode::Internal, QStringLiteral("a sampled customer was not found")));
            }
        }
    }
    return true;
}

} // namespace bv::bench
