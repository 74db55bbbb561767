// The branch manager's reports on the customer base: the roster, tiers and assets, new and closed customers,
// suspicious pairs and the reassignment list. Their reads are ReportRepository's; grade-1
// values only as the stored masked forms, and only in the roster with identities (under a live grant).
#include "core/internal/reports/ReportSupport.h"

#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/internal/db/Database.h"
#include "core/internal/reports/ReportRepository.h"
#include "core/policy/FieldCatalogue.h"
#include "core/requests/RequestService.h"

#include <QMap>
#include <QSqlQuery>

namespace bv {

namespace {

ReportColumn column(const QString& title, int weight = 1, bool numeric = false)
{
    return ReportColumn {title, weight, numeric};
}

QString fieldLabel(const char* key)
{
    return FieldCatalogue::label(QString::fromLatin1(key));
}

QString text(const QSqlQuery& q, int i)
{
    return q.value(i).toString();
}

// "Total: 12 customers" in the first cell, the rest empty.
QStringList countRow(int columns, const QString& first)
{
    QStringList cells(columns);
    cells[0] = first;
    return cells;
}

} // namespace

Status buildCustomerList(ReportJob& job)
{
    const bool identities = job.plan.flag(QStringLiteral("with_identities"));
    const bool all = job.plan.values.value(QStringLiteral("status")) == QLatin1String("all");

    ReportTable table;
    table.columns = {column(fieldLabel(fields::CustomerNo), 3)};
    if (identities)
        table.columns << column(ReportService::tr("Name (masked)"), 2)
                      << column(ReportService::tr("ID number (masked)"), 4)
                      << column(ReportService::tr("Mobile (masked)"), 3);
    // "female" and the age band fit their columns in landscape without a break
    table.columns << column(fieldLabel(fields::Sex), 2) << column(fieldLabel(fields::AgeBand), 2)
                  << column(fieldLabel(fields::Tier), 2) << column(fieldLabel(fields::Manager), 3)
                  << column(fieldLabel(fields::Status), 2) << column(ReportService::tr("Opened"), 2);
    table.emptyText = ReportService::tr("No customers.");
    auto none = [](const QVariant& value) {
        return value.isNull() || value.toString().isEmpty() ? reporttext::none() : value.toString();
    };
    ReportRepository reports(job.context.db);
    BV_TRY(reports.roster(identities, all, job.now, [&](const QSqlQuery& q) {
        QStringList row {text(q, 0)};
        if (identities)
            row << none(q.value(7)) << none(q.value(8)) << none(q.value(9));
        row << ValueLabels::sex(text(q, 1)) << ValueLabels::ageBand(text(q, 2)) << ValueLabels::tier(text(q, 3))
            << (text(q, 4).isEmpty() ? reporttext::none() : text(q, 4)) << statusLabelOfKey<CustomerStatus>(text(q, 5))
            << reporttext::date(reporttext::branchDate(QDateTime::fromString(text(q, 6), Qt::ISODateWithMs)));
        table.rows << row;
    }));
    table.totals = countRow(
        int(table.columns.size()), ReportService::tr("Total: %1 customers").arg(reporttext::number(table.rows.size())));
    job.document.tables << table;
    job.document.highestGrade = identities ? 1 : 3;
    if (identities)
        job.document.paragraphs << ReportService::tr(
            "Names, ID numbers and mobiles are masked. This roster holds grade-1 information: it was approved by "
            "special request %1 and is handled as a controlled document.")
                                       .arg(job.grant ? job.grant->requestId : 0);
    return {};
}

Status buildTierDistribution(ReportJob& job)
{
    struct Tier
    {
        qint64 customers = 0;
        qint64 assets = 0;
    };
    QMap<QString, Tier> byTier;
    BV_TRY(ReportRepository(job.context.db).tierTotals([&](const QSqlQuery& q) {
        byTier.insert(text(q, 0), Tier {q.value(1).toLongLong(), q.value(2).toLongLong()});
    }));
    QStringList order = Tiers::keys();
    for (auto it = byTier.cbegin(); it != byTier.cend(); ++it) {
        if (!order.contains(it.key()))
            order << it.key();
    }
    Tier total;
    for (const Tier& tier : std::as_const(byTier)) {
        total.customers += tier.customers;
        total.assets += tier.assets;
    }

    ReportTable table;
    table.columns = {column(fieldLabel(fields::Tier), 2), column(ReportService::tr("Customers"), 1, true),
        column(ReportService::tr("Share of customers"), 1, true),
        column(ReportService::tr("Assets under management (CNY)"), 2, true),
        column(ReportService::tr("Share of assets"), 1, true),
        column(ReportService::tr("Average per customer (CNY)"), 2, true)};
    for (const QString& key : std::as_const(order)) {
        const Tier tier = byTier.value(key);
        table.rows << QStringList {ValueLabels::tier(key), reporttext::number(tier.customers),
            reporttext::percent(tier.customers, total.customers), reporttext::number(tier.assets),
            reporttext::percent(tier.assets, total.assets),
            tier.customers > 0 ? reporttext::number(tier.assets / tier.customers) : reporttext::none()};
    }
    table.totals = QStringList {ReportService::tr("Total"), reporttext::number(total.customers),
        reporttext::percent(total.customers, total.customers), reporttext::number(total.assets),
        reporttext::percent(total.assets, total.assets),
        total.customers > 0 ? reporttext::number(total.assets / total.customers) : reporttext::none()};
    job.document.tables << table;
    job.document.paragraphs << ReportService::tr(
        "Active customers only. Assets under management are grade-2 information, shown here as sums per tier.");
    job.document.highestGrade = 2;
    return {};
}

Status buildCustomerMovements(ReportJob& job)
{
    const QDate first = job.plan.month(QStringLiteral("from"));
    const QDate last = job.plan.month(QStringLiteral("to"));
    const QDateTime start = reporttext::dayStartUtc(first);
    const QDateTime end = reporttext::dayStartUtc(last.addMonths(1));
    const QString zone = reporttext::zoneModifier();

    QMap<QString, QPair<qint64, qint64>> byMonth; // month → (new, closed)
    for (QDate month = first; month <= last; month = month.addMonths(1))
        byMonth.insert(month.toString(QStringLiteral("yyyy-MM")), {0, 0});
    // New: the day the customer was approved (records entered before approvals existed: the day entered);
    // pending and rejected records are not customers yet. Closed: the closure, also of records anonymised since.
    ReportRepository reports(job.context.db);
    BV_TRY(reports.newByMonth(
        zone, start, end, [&](const QSqlQuery& q) { byMonth[text(q, 0)].first = q.value(1).toLongLong(); }));
    BV_TRY(reports.closedByMonth(
        zone, start, end, [&](const QSqlQuery& q) { byMonth[text(q, 0)].second = q.value(1).toLongLong(); }));

    ReportTable table;
    table.columns = {column(ReportService::tr("Month"), 2), column(ReportService::tr("New customers"), 1, true),
        column(ReportService::tr("Closed"), 1, true), column(ReportService::tr("Net change"), 1, true)};
    qint64 opened = 0;
    qint64 closed = 0;
    auto signedNumber = [](qint64 value) {
        return value > 0 ? QLatin1Char('+') + reporttext::number(value) : reporttext::number(value);
    };
    for (auto it = byMonth.cbegin(); it != byMonth.cend(); ++it) {
        opened += it->first;
        closed += it->second;
        table.rows << QStringList {it.key(), reporttext::number(it->first), reporttext::number(it->second),
            signedNumber(it->first - it->second)};
    }
    table.totals = QStringList {ReportService::tr("Total"), reporttext::number(opened), reporttext::number(closed),
        signedNumber(opened - closed)};
    job.document.tables << table;
    return {};
}

Status buildSuspiciousPairs(ReportJob& job)
{
    const bool all = job.plan.values.value(QStringLiteral("status")) == QLatin1String("all");
    // The shared value itself (masked_value) stays out: the customer numbers are enough to review the pair in
    // the application, and the list holds no grade-1 information that way.
    ReportTable table;
    table.columns = {column(ReportService::tr("Customer"), 3), column(ReportService::tr("Other customer"), 3),
        column(ReportService::tr("They share"), 3), column(ReportService::tr("Found"), 3),
        column(fieldLabel(fields::Status), 2), column(ReportService::tr("Cleared"), 3)};
    table.emptyText = all ? ReportService::tr("No suspicious pairs.") : ReportService::tr("No pairs to review.");
    BV_TRY(ReportRepository(job.context.db).suspiciousPairs(all, [&](const QSqlQuery& q) {
        table.rows << QStringList {text(q, 0), text(q, 1),
            text(q, 2) == QLatin1String("phone") ? ReportService::tr("a phone number")
                                                 : ReportService::tr("an account number"),
            reporttext::storedTime(q.value(3)), statusLabelOfKey<PairStatus>(text(q, 4)),
            reporttext::storedTime(q.value(5))};
    }));
    table.totals = countRow(
        int(table.columns.size()), ReportService::tr("Total: %1 pairs").arg(reporttext::number(table.rows.size())));
    job.document.tables << table;
    return {};
}

Status buildReassignments(ReportJob& job)
{
    // The reassignment list's rule (CustomerOwnership::reassignmentList): no owner, a frozen owner, or a frozen
    // custodian while the custody lasts.
    ReportTable table;
    table.columns = {column(fieldLabel(fields::CustomerNo), 3), column(fieldLabel(fields::Tier), 2),
        column(fieldLabel(fields::Status), 2), column(ReportService::tr("Former manager"), 3),
        column(ReportService::tr("Frozen since"), 3), column(ReportService::tr("Why"), 3)};
    table.emptyText = ReportService::tr("No customers await reassignment.");
    BV_TRY(ReportRepository(job.context.db).reassignments(job.now, [&](const QSqlQuery& q) {
        QString former = reporttext::none();
        QString since = reporttext::none();
        QString why = ReportService::tr("no customer manager");
        if (statusFromKey<StaffStatus>(text(q, 9)) == StaffStatus::Frozen) {
            former = reporttext::staff(text(q, 7), text(q, 8));
            since = reporttext::storedTime(q.value(10));
            why = ReportService::tr("custodian frozen");
        } else if (statusFromKey<StaffStatus>(text(q, 5)) == StaffStatus::Frozen) {
            former = reporttext::staff(text(q, 3), text(q, 4));
            since = reporttext::storedTime(q.value(6));
            why = ReportService::tr("customer manager frozen");
        }
        table.rows << QStringList {text(q, 0), ValueLabels::tier(text(q, 1)),
            statusLabelOfKey<CustomerStatus>(text(q, 2)), former, since, why};
    }));
    table.totals = countRow(
        int(table.columns.size()), ReportService::tr("Total: %1 customers").arg(reporttext::number(table.rows.size())));
    job.document.tables << table;
    return {};
}

} // namespace bv
