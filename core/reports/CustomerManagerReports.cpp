// The customer manager's reports: the own portfolio (grade 3) and the data-subject report, the printed form
// handed to a customer on their access request. Its content comes from CustomerRetention::dataSubjectContent,
// the one builder the JSON report (branchvault-cli customer report) uses too; this file only lays it out.
#include "core/internal/reports/ReportSupport.h"

#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/reports/ReportRepository.h"
#include "core/policy/FieldCatalogue.h"
#include "core/requests/RequestService.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
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

QString orNone(const QString& value)
{
    return value.isEmpty() ? reporttext::none() : value;
}

// A field's label from the content (FieldCatalogue for catalogue fields, the content's own labels otherwise).
QString labelOf(const QJsonObject& field)
{
    const QString key = field.value(QStringLiteral("key")).toString().section(QLatin1Char(':'), 0, 0);
    if (FieldCatalogue::find(key))
        return FieldCatalogue::label(key);
    const bool chinese = QLocale().language() == QLocale::Chinese;
    const QString label = field.value(chinese ? QStringLiteral("chinese") : QStringLiteral("english")).toString();
    return label.isEmpty() ? key : label;
}

QString valueOf(const QJsonObject& field, const QString& which = QStringLiteral("value"))
{
    const QString key = field.value(QStringLiteral("key")).toString().section(QLatin1Char(':'), 0, 0);
    return reporttext::fieldValue(key, field.value(which).toString());
}

QString cell(const QJsonObject& row, const char* key)
{
    return row.value(QLatin1String(key)).toVariant().toString();
}

QString timeCell(const QJsonObject& row, const char* key)
{
    return reporttext::storedTime(row.value(QLatin1String(key)).toVariant());
}

ReportTable itemTable(const QString& title)
{
    ReportTable table;
    table.title = title;
    table.columns = {column(ReportService::tr("Item"), 2), column(ReportService::tr("Held about you"), 4)};
    table.emptyText = ReportService::tr("Nothing held.");
    return table;
}

QString historyEvent(const QString& kind)
{
    if (kind == QLatin1String("create"))
        return ReportService::tr("record created");
    if (kind == QLatin1String("edit"))
        return ReportService::tr("record changed");
    if (kind == QLatin1String("close"))
        return ReportService::tr("relationship closed");
    if (kind == QLatin1String("assign"))
        return ReportService::tr("customer manager assigned");
    if (kind == QLatin1String("transfer"))
        return ReportService::tr("moved to another customer manager");
    if (kind == QLatin1String("custody"))
        return ReportService::tr("temporary custody");
    if (kind == QLatin1String("return") || kind == QLatin1String("custody_end"))
        return ReportService::tr("custody ended");
    if (kind == QLatin1String("reclaim"))
        return ReportService::tr("taken back by the branch manager");
    return kind;
}

// "Mobile: 138****5678 → 139****1111; Occupation: engineer" — grade-1 values as the history stored them (masked).
QString changesText(const QJsonArray& changes)
{
    QStringList parts;
    for (const QJsonValue& v : changes) {
        const QJsonObject change = v.toObject();
        const QString before = change.value(QStringLiteral("old")).toString();
        const QString after = change.value(QStringLiteral("new")).toString();
        if (before.isEmpty() && after.isEmpty())
            parts << labelOf(change);
        else if (before.isEmpty())
            parts << QStringLiteral("%1: %2").arg(labelOf(change), valueOf(change, QStringLiteral("new")));
        else
            parts << QStringLiteral("%1: %2 → %3")
                         .arg(labelOf(change), valueOf(change, QStringLiteral("old")),
                             valueOf(change, QStringLiteral("new")));
    }
    return parts.isEmpty() ? reporttext::none() : parts.join(QStringLiteral("; "));
}

QString accessAction(const QString& action)
{
    static const struct
    {
        const char* action;
        const char* label;
    } labels[] = {
        {"customer.create", QT_TRANSLATE_NOOP("ReportService", "record entered")},
        {"customer.edit", QT_TRANSLATE_NOOP("ReportService", "record changed")},
        {"customer.approve", QT_TRANSLATE_NOOP("ReportService", "entry or change approved")},
        {"customer.reject", QT_TRANSLATE_NOOP("ReportService", "entry or change rejected")},
        {"customer.open", QT_TRANSLATE_NOOP("ReportService", "record viewed")},
        {"customer.search", QT_TRANSLATE_NOOP("ReportService", "found in a search")},
        {"customer.lookup", QT_TRANSLATE_NOOP("ReportService", "looked up at the counter")},
        {"customer.reveal", QT_TRANSLATE_NOOP("ReportService", "full value viewed under an approval")},
        {"customer.assign", QT_TRANSLATE_NOOP("ReportService", "customer manager changed")},
        {"customer.close", QT_TRANSLATE_NOOP("ReportService", "relationship closed")},
        {"customer.report", QT_TRANSLATE_NOOP("ReportService", "data-subject report produced")},
        {"customer.export", QT_TRANSLATE_NOOP("ReportService", "exported")},
        {"customer.print", QT_TRANSLATE_NOOP("ReportService", "printed")},
        {"customer.service", QT_TRANSLATE_NOOP("ReportService", "service recorded")},
        {"customer.complaint", QT_TRANSLATE_NOOP("ReportService", "complaint recorded or updated")},
        {"customer.consent", QT_TRANSLATE_NOOP("ReportService", "consent recorded")},
        {"customer.tier_confirm", QT_TRANSLATE_NOOP("ReportService", "tier change decided")},
        {"customer.suspicious_clear", QT_TRANSLATE_NOOP("ReportService", "shared phone or account reviewed")},
        {"access.denied", QT_TRANSLATE_NOOP("ReportService", "access refused")},
        {"grant.use", QT_TRANSLATE_NOOP("ReportService", "approval used")},
        {"request.create", QT_TRANSLATE_NOOP("ReportService", "special request filed")},
        {"request.approve", QT_TRANSLATE_NOOP("ReportService", "special request approved")},
        {"request.reject", QT_TRANSLATE_NOOP("ReportService", "special request rejected")},
        {"report.run", QT_TRANSLATE_NOOP("ReportService", "report produced")},
    };
    for (const auto& entry : labels) {
        if (action == QLatin1String(entry.action))
            return ReportService::tr(entry.label);
    }
    return action;
}

} // namespace

Status buildPortfolioSummary(ReportJob& job)
{
    // The own customers as CustomerServiceInternals::reachable counts them: responsible now (custody included), records
    // still held.
    QMap<QString, qint64> byTier;
    QMap<QString, qint64> byStatus;
    ReportTable list;
    list.title = ReportService::tr("Customers");
    list.columns = {column(FieldCatalogue::label(QString::fromLatin1(fields::CustomerNo)), 3),
        column(FieldCatalogue::label(QString::fromLatin1(fields::Tier)), 2),
        column(FieldCatalogue::label(QString::fromLatin1(fields::Status)), 2),
        column(FieldCatalogue::label(QString::fromLatin1(fields::AgeBand)), 2),
        column(ReportService::tr("Last service"), 2)};
    list.emptyText = ReportService::tr("You have no customers.");
    BV_TRY(ReportRepository(job.context.db).ownCustomers(job.actor.userId, job.now, [&](const QSqlQuery& q) {
        ++byTier[text(q, 1)];
        ++byStatus[text(q, 2)];
        list.rows << QStringList {text(q, 0), ValueLabels::tier(text(q, 1)),
            statusLabelOfKey<CustomerStatus>(text(q, 2)), ValueLabels::ageBand(text(q, 3)), orNone(text(q, 4))};
    }));
    const qint64 total = list.rows.size();

    ReportTable tiers;
    tiers.title = ReportService::tr("By tier");
    tiers.columns = {column(FieldCatalogue::label(QString::fromLatin1(fields::Tier)), 2),
        column(ReportService::tr("Customers"), 1, true), column(ReportService::tr("Share"), 1, true)};
    QStringList tierOrder = Tiers::keys();
    for (auto it = byTier.cbegin(); it != byTier.cend(); ++it)
        if (!tierOrder.contains(it.key()))
            tierOrder << it.key();
    for (const QString& key : std::as_const(tierOrder))
        tiers.rows << QStringList {ValueLabels::tier(key), reporttext::number(byTier.value(key)),
            reporttext::percent(byTier.value(key), total)};
    tiers.totals
        = QStringList {ReportService::tr("Total"), reporttext::number(total), reporttext::percent(total, total)};

    ReportTable statuses;
    statuses.title = ReportService::tr("By status");
    statuses.columns = {column(FieldCatalogue::label(QString::fromLatin1(fields::Status)), 2),
        column(ReportService::tr("Customers"), 1, true)};
    for (CustomerStatus status : {CustomerStatus::Active, CustomerStatus::Pending, CustomerStatus::Closed})
        statuses.rows << QStringList {statusLabel(status), reporttext::number(byStatus.value(statusKey(status)))};
    statuses.totals = QStringList {ReportService::tr("Total"), reporttext::number(total)};

    job.document.subtitle = reporttext::staff(job.actor.login, job.actor.displayName);
    job.document.tables << tiers << statuses << list;
    return {};
}

Status buildDataSubject(ReportJob& job)
{
    if (!job.grant)
        return makeError(ErrorCode::Internal, ReportService::tr("The data-subject report needs its grant."));
    CustomerServiceInternals& customers = CustomerServiceInternals::of(job.context.customers);
    auto ref = customers.customerById(job.plan.customerId);
    if (!ref.ok())
        return ref.error();
    auto content = customers.dataSubjectContent(job.actor, *ref, *job.grant);
    if (!content.ok())
        return content.error();
    const QJsonObject& c = *content;
    const QString number = c.value(QStringLiteral("customer_no")).toString();

    ReportDocument& doc = job.document;
    doc.title = ReportService::tr("Personal information held about you");
    doc.subtitle = ReportService::tr("Customer %1").arg(number);
    doc.highestGrade = 1;
    const QString approver = c.value(QStringLiteral("approved_by")).toString();
    doc.paragraphs << ReportService::tr(
        "This statement lists the personal information that %1 holds about you, customer %2, as it stood on %3. It "
        "was produced at your request (special request %4, approved by %5) and is for you alone: keep it safe.")
                          .arg(reportBranch(job.context), number, reporttext::dateTimeWithZone(job.now),
                              QString::number(job.grant->requestId), orNone(approver));
    doc.paragraphs << ReportService::tr(
        "Identity and contact details, account numbers and your birth date appear in full. In the history of "
        "changes, values are shown as they were recorded there, partly hidden.");

    // The customer's fields, grouped as the entry form groups them.
    ReportTable identity = itemTable(ReportService::tr("Identity"));
    ReportTable contact = itemTable(ReportService::tr("Contact"));
    ReportTable profile = itemTable(ReportService::tr("Profile"));
    ReportTable record = itemTable(ReportService::tr("Your record at the branch"));
    for (const QJsonValue& v : c.value(QStringLiteral("fields")).toArray()) {
        const QJsonObject field = v.toObject();
        const FieldSpec* spec = FieldCatalogue::find(field.value(QStringLiteral("key")).toString());
        const QStringList row {labelOf(field), valueOf(field)};
        switch (spec ? spec->group : FieldGroup::General) {
        case FieldGroup::Identity:
            identity.rows << row;
            break;
        case FieldGroup::Contact:
            contact.rows << row;
            break;
        case FieldGroup::Profile:
            profile.rows << row;
            break;
        case FieldGroup::Account:
        case FieldGroup::General:
            record.rows << row;
            break;
        }
    }
    const QJsonObject dates = c.value(QStringLiteral("dates")).toObject();
    const struct
    {
        const char* key;
        QString label;
    } extraDates[] = {{"approved_at", ReportService::tr("Approved")}, {"closed_at", ReportService::tr("Closed")},
        {"retention_until", ReportService::tr("Kept until")}, {"custody_until", ReportService::tr("Custody until")}};
    for (const auto& extra : extraDates) {
        if (!dates.value(QLatin1String(extra.key)).isNull())
            record.rows << QStringList {extra.label, timeCell(dates, extra.key)};
    }

    ReportTable accounts;
    accounts.title = ReportService::tr("Accounts and cards");
    accounts.columns = {column(FieldCatalogue::label(QString::fromLatin1(fields::AccountNumber)), 4),
        column(FieldCatalogue::label(QString::fromLatin1(fields::AccountType)), 2),
        column(FieldCatalogue::label(QString::fromLatin1(fields::AccountOpenedOn)), 2),
        column(FieldCatalogue::label(QString::fromLatin1(fields::AccountStatus)), 2)};
    accounts.emptyText = ReportService::tr("No accounts held.");
    for (const QJsonValue& v : c.value(QStringLiteral("accounts")).toArray()) {
        QStringList row;
        for (const QJsonValue& f : v.toObject().value(QStringLiteral("fields")).toArray())
            row << valueOf(f.toObject());
        while (row.size() < accounts.columns.size())
            row << reporttext::none();
        accounts.rows << row.mid(0, accounts.columns.size());
    }

    // One history: record changes, changes awaiting approval, tier changes and who was responsible when.
    struct Event
    {
        QString at;
        QStringList row;
    };
    QList<Event> events;
    for (const QJsonValue& v : c.value(QStringLiteral("history")).toArray()) {
        const QJsonObject h = v.toObject();
        events << Event {cell(h, "at"),
            {timeCell(h, "at"), historyEvent(cell(h, "kind")), orNone(cell(h, "by")),
                changesText(h.value(QStringLiteral("changes")).toArray())}};
    }
    for (const QJsonValue& v : c.value(QStringLiteral("pending_changes")).toArray()) {
        const QJsonObject h = v.toObject();
        events << Event {cell(h, "at"),
            {timeCell(h, "at"), ReportService::tr("change awaiting approval"), orNone(cell(h, "by")),
                changesText(h.value(QStringLiteral("changes")).toArray())}};
    }
    for (const QJsonValue& v : c.value(QStringLiteral("tier_changes")).toArray()) {
        const QJsonObject t = v.toObject();
        events << Event {cell(t, "computed_at"),
            {timeCell(t, "computed_at"), ReportService::tr("tier change"), reporttext::none(),
                ReportService::tr("%1 → %2 (%3)")
                    .arg(ValueLabels::tier(cell(t, "from")), ValueLabels::tier(cell(t, "to")), cell(t, "status"))}};
    }
    for (const QJsonValue& v : c.value(QStringLiteral("assignments")).toArray()) {
        const QJsonObject a = v.toObject();
        const QString from = cell(a, "from");
        const QString to = cell(a, "to");
        QString details = from.isEmpty() ? orNone(to) : QStringLiteral("%1 → %2").arg(from, orNone(to));
        if (!cell(a, "until").isEmpty())
            details += ReportService::tr(" (until %1)").arg(timeCell(a, "until"));
        events << Event {
            cell(a, "at"), {timeCell(a, "at"), historyEvent(cell(a, "kind")), orNone(cell(a, "by")), details}};
    }
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    ReportTable history;
    history.title = ReportService::tr("History of changes");
    history.columns = {column(ReportService::tr("Date"), 2), column(ReportService::tr("Event"), 2),
        column(ReportService::tr("By"), 1), column(ReportService::tr("Details"), 5)};
    history.emptyText = ReportService::tr("No changes recorded.");
    for (const Event& event : std::as_const(events))
        history.rows << event.row;

    ReportTable services;
    services.title = ReportService::tr("Service records");
    services.columns = {column(ReportService::tr("Date"), 2), column(ReportService::tr("Channel"), 2),
        column(ReportService::tr("What was done"), 5), column(ReportService::tr("By"), 1)};
    services.emptyText = ReportService::tr("No service records.");
    for (const QJsonValue& v : c.value(QStringLiteral("service_records")).toArray()) {
        const QJsonObject s = v.toObject();
        services.rows << QStringList {
            orNone(cell(s, "served_on")), ValueLabels::channel(cell(s, "channel")), cell(s, "content"), cell(s, "by")};
    }

    ReportTable complaints;
    complaints.title = ReportService::tr("Complaints");
    complaints.columns = {column(ReportService::tr("Received"), 2), column(ReportService::tr("Channel"), 2),
        column(ReportService::tr("Complaint"), 4), column(ReportService::tr("Status"), 2),
        column(ReportService::tr("Answered"), 2), column(ReportService::tr("Answer"), 4)};
    complaints.emptyText = ReportService::tr("No complaints.");
    for (const QJsonValue& v : c.value(QStringLiteral("complaints")).toArray()) {
        const QJsonObject p = v.toObject();
        complaints.rows << QStringList {timeCell(p, "received_at"), ValueLabels::channel(cell(p, "channel")),
            cell(p, "content"), statusLabelOfKey<ComplaintStatus>(cell(p, "status")), timeCell(p, "answered_at"),
            orNone(cell(p, "resolution"))};
    }

    ReportTable consents;
    consents.title = ReportService::tr("Consents");
    consents.columns = {column(ReportService::tr("For"), 3), column(ReportService::tr("Decision"), 2),
        column(ReportService::tr("Date"), 2), column(ReportService::tr("Channel"), 2),
        column(ReportService::tr("Recorded"), 2)};
    consents.emptyText = ReportService::tr("No consents recorded.");
    for (const QJsonValue& v : c.value(QStringLiteral("consents")).toArray()) {
        const QJsonObject k = v.toObject();
        consents.rows << QStringList {ValueLabels::consentPurpose(cell(k, "purpose")),
            ValueLabels::consentAction(cell(k, "action")), orNone(cell(k, "on_date")),
            ValueLabels::channel(cell(k, "channel")), timeCell(k, "recorded_at")};
    }

    ReportTable requests;
    requests.title = ReportService::tr("Special requests concerning you");
    requests.columns = {column(ReportService::tr("Request"), 1, true), column(ReportService::tr("Type"), 2),
        column(ReportService::tr("Status"), 2), column(ReportService::tr("Filed"), 2),
        column(ReportService::tr("Decided"), 2), column(ReportService::tr("Used"), 2)};
    requests.emptyText = ReportService::tr("No special requests.");
    for (const QJsonValue& v : c.value(QStringLiteral("requests")).toArray()) {
        const QJsonObject r = v.toObject();
        requests.rows << QStringList {cell(r, "id"), requestTypeLabelOfKey(cell(r, "type")),
            statusLabelOfKey<RequestStatus>(cell(r, "status")), timeCell(r, "created_at"), timeCell(r, "decided_at"),
            timeCell(r, "used_at")};
    }

    // The access log, summarised: what was done with the record, how often, first and last time.
    struct Access
    {
        int count = 0;
        QString first;
        QString last;
    };
    QMap<QString, Access> byAction;
    for (const QJsonValue& v : c.value(QStringLiteral("access_log")).toArray()) {
        const QJsonObject a = v.toObject();
        Access& access = byAction[cell(a, "action")];
        const QString at = cell(a, "at");
        ++access.count;
        if (access.first.isEmpty() || at < access.first)
            access.first = at;
        if (at > access.last)
            access.last = at;
    }
    ReportTable accessLog;
    accessLog.title = ReportService::tr("Who handled your record (summary of the access log)");
    accessLog.columns = {column(ReportService::tr("What was done"), 4), column(ReportService::tr("Times"), 1, true),
        column(ReportService::tr("First"), 2), column(ReportService::tr("Last"), 2)};
    accessLog.emptyText = ReportService::tr("No accesses recorded.");
    for (auto it = byAction.cbegin(); it != byAction.cend(); ++it)
        accessLog.rows << QStringList {accessAction(it.key()), reporttext::number(it->count),
            reporttext::storedTime(it->first), reporttext::storedTime(it->last)};

    doc.tables << identity << contact << accounts << profile << record << history << services << complaints << consents
               << requests << accessLog;
    doc.closingParagraphs << ReportService::tr(
        "If any of this information is wrong or incomplete, tell us: you may ask for it to be corrected or completed. "
        "Questions about how your information is used can be addressed to the branch manager.")
                          << ReportService::tr("Received by the customer: ______________________   Date: ____________")
                          << ReportService::tr(
                                 "Handed over by (member of staff): ______________________   Date: ____________");
    return {};
}

} // namespace bv
