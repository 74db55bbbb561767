// The branch manager's reports on the work with customers: service activity and complaints by customer manager.
// Their reads are ReportRepository's. Service and complaint contents are grade 2 and stay
// off paper: these reports count and list, they never quote.
#include "core/internal/reports/ReportSupport.h"

#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/StoredStatus.h"
#include "core/internal/reports/ReportRepository.h"
#include "core/policy/FieldCatalogue.h"

#include <QMap>
#include <QSqlQuery>

#include <algorithm>

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

QDateTime utc(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty())
        return QDateTime();
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs).toUTC();
}

// The staff members a report counts by: every customer manager who is not frozen, and anyone else who appears.
struct StaffRows
{
    struct Person
    {
        QString name;
        QList<qint64> counts;
    };
    QMap<qint64, Person> byId; // 0: no customer manager
    int width = 0;

    Status load(ReportRepository& reports, int columns)
    {
        width = columns;
        return reports.activeCustomerManagers([&](const QSqlQuery& q) {
            byId.insert(
                q.value(0).toLongLong(), Person {reporttext::staff(text(q, 1), text(q, 2)), QList<qint64>(width, 0)});
        });
    }
    // Somebody not loaded yet (a branch manager who recorded a service, a frozen manager): named once, below.
    Person& at(qint64 id)
    {
        auto it = byId.find(id);
        if (it == byId.end())
            it = byId.insert(id, Person {QString(), QList<qint64>(width, 0)});
        return *it;
    }
    Status nameTheRest(ReportRepository& reports)
    {
        for (auto it = byId.begin(); it != byId.end(); ++it) {
            if (!it->name.isEmpty())
                continue;
            if (it.key() <= 0) {
                it->name = ReportService::tr("(no customer manager)");
                continue;
            }
            BV_TRY(reports.staffMember(it.key(), [&](const QSqlQuery& q) {
                it->name = reporttext::staff(text(q, 0), text(q, 1));
                if (statusFromKey<StaffStatus>(text(q, 2)) == StaffStatus::Frozen)
                    it->name += ReportService::tr(" (frozen)");
            }));
        }
        return {};
    }
    // One row per person, by name, then the totals.
    void fill(ReportTable& table) const
    {
        QList<Person> people = byId.values();
        std::stable_sort(
            people.begin(), people.end(), [](const Person& a, const Person& b) { return a.name < b.name; });
        QList<qint64> totals(width, 0);
        for (const Person& person : std::as_const(people)) {
            QStringList row {person.name};
            for (int i = 0; i < width; ++i) {
                row << reporttext::number(person.counts.at(i));
                totals[i] += person.counts.at(i);
            }
            table.rows << row;
        }
        table.totals = QStringList {ReportService::tr("Total")};
        for (qint64 total : std::as_const(totals))
            table.totals << reporttext::number(total);
    }
};

} // namespace

Status buildServiceActivity(ReportJob& job)
{
    const QDate from = job.plan.date(QStringLiteral("from"));
    const QDate to = job.plan.date(QStringLiteral("to"));
    ReportRepository reports(job.context.db);
    StaffRows staff;
    BV_TRY(staff.load(reports, 3));
    // Service records by the member of staff who served (served_on is a branch date).
    BV_TRY(reports.serviceCounts(from, to, [&](const QSqlQuery& q) {
        StaffRows::Person& person = staff.at(q.value(0).toLongLong());
        person.counts[0] = q.value(1).toLongLong();
        person.counts[1] = q.value(2).toLongLong();
    }));
    // Complaints received, by the customer manager responsible for the customer now (as the overdue lists).
    BV_TRY(reports.complaintCounts(job.now, reporttext::dayStartUtc(from), reporttext::dayStartUtc(to.addDays(1)),
        [&](const QSqlQuery& q) { staff.at(q.value(0).toLongLong()).counts[2] = q.value(1).toLongLong(); }));
    BV_TRY(staff.nameTheRest(reports));

    ReportTable table;
    table.columns = {column(ReportService::tr("Member of staff"), 3),
        column(ReportService::tr("Service records"), 1, true), column(ReportService::tr("Customers served"), 1, true),
        column(ReportService::tr("Complaints received"), 1, true)};
    table.emptyText = ReportService::tr("No customer managers and no activity in the period.");
    staff.fill(table);
    job.document.tables << table;
    job.document.paragraphs << ReportService::tr(
        "Service records count under the member of staff who served the customer; complaints under the customer "
        "manager responsible for the customer now. Contents are not printed.");
    return {};
}

Status buildComplaints(ReportJob& job)
{
    const QDate from = job.plan.date(QStringLiteral("from"));
    const QDate to = job.plan.date(QStringLiteral("to"));
    const QDateTime start = reporttext::dayStartUtc(from);
    const QDateTime end = reporttext::dayStartUtc(to.addDays(1));
    ReportRepository reports(job.context.db);
    StaffRows staff;
    BV_TRY(staff.load(reports, 4)); // open, overdue, answered in time, answered late

    struct Open
    {
        Complaint complaint;
        qint64 managerId = 0;
        QString manager;
    };
    QList<Open> open;
    std::optional<Error> damaged; // an unknown stored status: the report is refused, never printed without it
    // Open complaints now (of customers still held, as the overdue lists), and those answered in the period.
    BV_TRY(reports.complaints(job.now, start, end, [&](const QSqlQuery& q) {
        if (damaged)
            return;
        Complaint c;
        c.customerNumber = text(q, 1);
        c.receivedAt = utc(q.value(2));
        c.channel = text(q, 3);
        auto status = storedStatus<ComplaintStatus>(q.value(4));
        if (!status.ok()) {
            damaged = status.error();
            return;
        }
        c.status = *status;
        c.investigateBy = utc(q.value(5));
        c.answerBy = utc(q.value(6));
        c.investigatedAt = utc(q.value(7));
        c.answeredAt = utc(q.value(8));
        c.overdue = CustomerCare::isOverdue(c, job.now);
        const qint64 managerId = q.value(0).toLongLong();
        StaffRows::Person& person = staff.at(managerId);
        const bool isOpen = c.status == ComplaintStatus::Open || c.status == ComplaintStatus::Investigating;
        if (isOpen) {
            ++person.counts[0];
            if (c.overdue)
                ++person.counts[1];
            open << Open {c, managerId, reporttext::staff(text(q, 9), text(q, 10))};
        }
        if (c.answeredAt.isValid() && c.answeredAt >= start && c.answeredAt < end)
            ++person.counts[c.answeredAt <= c.answerBy ? 2 : 3];
    }));
    if (damaged)
        return *damaged;
    BV_TRY(staff.nameTheRest(reports));

    ReportTable summary;
    summary.title = ReportService::tr("By customer manager");
    summary.columns = {column(ReportService::tr("Customer manager"), 3), column(ReportService::tr("Open"), 1, true),
        column(ReportService::tr("Overdue"), 1, true), column(ReportService::tr("Answered in time"), 1, true),
        column(ReportService::tr("Answered late"), 1, true)};
    summary.emptyText = ReportService::tr("No customer managers and no complaints.");
    staff.fill(summary);
    job.document.tables << summary;

    // Overdue first, then by the answer deadline.
    std::stable_sort(open.begin(), open.end(), [](const Open& a, const Open& b) {
        if (a.complaint.overdue != b.complaint.overdue)
            return a.complaint.overdue;
        return a.complaint.answerBy < b.complaint.answerBy;
    });
    ReportTable list;
    list.title = ReportService::tr("Open complaints");
    list.columns = {column(FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo)), 3),
        column(ReportService::tr("Customer manager"), 3), column(ReportService::tr("Received"), 3),
        column(ReportService::tr("Channel"), 2), column(ReportService::tr("Investigate by"), 3),
        column(ReportService::tr("Answer by"), 3), column(ReportService::tr("Status"), 2),
        column(ReportService::tr("Overdue"), 1)};
    list.emptyText = ReportService::tr("No open complaints.");
    for (const Open& entry : std::as_const(open)) {
        const Complaint& c = entry.complaint;
        list.rows << QStringList {c.customerNumber,
            entry.managerId > 0 ? entry.manager : ReportService::tr("(no customer manager)"),
            reporttext::dateTime(c.receivedAt), ValueLabels::channel(c.channel),
            c.investigatedAt.isValid() ? ReportService::tr("done %1").arg(reporttext::dateTime(c.investigatedAt))
                                       : reporttext::dateTime(c.investigateBy),
            reporttext::dateTime(c.answerBy), statusLabel(c.status), ValueLabels::yesNo(c.overdue)};
    }
    job.document.tables << list;
    job.document.paragraphs << ReportService::tr(
        "Open and overdue: the complaints open now. Answered in time or late: the complaints answered in the "
        "period, against their answer deadline (2 working days). Complaints count under the customer manager "
        "responsible for the customer now. The complaints' contents are grade-2 information and are not printed.");
    return {};
}

} // namespace bv
