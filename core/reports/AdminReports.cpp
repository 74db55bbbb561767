// The system administrator's report: the staff account roster. No customer data (DESIGN §3: the
// administrator sees counts only). Its one read is ReportRepository's (see ReportCatalogue.cpp).
#include "core/internal/reports/ReportSupport.h"

#include "core/auth/Role.h"
#include "core/internal/db/Database.h"
#include "core/internal/reports/ReportRepository.h"

#include <QMap>
#include <QSqlQuery>

namespace bv {

namespace {

ReportColumn column(const QString& title, int weight = 1, bool numeric = false)
{
    return ReportColumn {title, weight, numeric};
}

QString text(const QSqlQuery& q, int i)
{
    return q.value(i).toString();
}

} // namespace

Status buildAccountRoster(ReportJob& job)
{
    ReportTable accounts;
    accounts.title = ReportService::tr("Accounts");
    accounts.columns = {column(ReportService::tr("Login"), 2), column(ReportService::tr("Name"), 2),
        column(ReportService::tr("Role"), 2), column(ReportService::tr("Status"), 2),
        column(ReportService::tr("Second factor"), 1), column(ReportService::tr("Created"), 2),
        column(ReportService::tr("Last sign-in"), 2)};
    accounts.emptyText = ReportService::tr("No accounts.");
    struct Count
    {
        qint64 active = 0;
        qint64 frozen = 0;
    };
    QMap<int, Count> byRole;
    BV_TRY(ReportRepository(job.context.db).accounts([&](const QSqlQuery& q) {
        const std::optional<Role> role = Roles::fromKey(text(q, 2));
        const bool frozen = statusFromKey<StaffStatus>(text(q, 3)) == StaffStatus::Frozen;
        QString status = statusLabelOfKey<StaffStatus>(text(q, 3));
        if (!text(q, 7).isEmpty())
            status = ReportService::tr("awaiting a branch manager's confirmation");
        if (role) {
            Count& count = byRole[int(*role)];
            ++(frozen ? count.frozen : count.active);
        }
        accounts.rows << QStringList {text(q, 0), text(q, 1), role ? Roles::label(*role) : text(q, 2), status,
            q.value(4).toInt() != 0 ? ReportService::tr("on") : ReportService::tr("off"),
            reporttext::storedTime(q.value(5)), reporttext::storedTime(q.value(6))};
    }));
    accounts.totals = QStringList(accounts.columns.size());
    accounts.totals[0] = ReportService::tr("Total: %1 accounts").arg(reporttext::number(accounts.rows.size()));

    ReportTable roles;
    roles.title = ReportService::tr("By role");
    roles.columns = {column(ReportService::tr("Role"), 3), column(ReportService::tr("Active"), 1, true),
        column(ReportService::tr("Frozen"), 1, true)};
    Count total;
    for (Role role : Roles::all()) {
        const Count count = byRole.value(int(role));
        total.active += count.active;
        total.frozen += count.frozen;
        roles.rows << QStringList {
            Roles::label(role), reporttext::number(count.active), reporttext::number(count.frozen)};
    }
    roles.totals
        = QStringList {ReportService::tr("Total"), reporttext::number(total.active), reporttext::number(total.frozen)};

    job.document.tables << roles << accounts;
    job.document.paragraphs << ReportService::tr(
        "Staff accounts of this database. Accounts are frozen, never deleted, so that their history stays "
        "attributable. Times in branch time.");
    return {};
}

} // namespace bv
