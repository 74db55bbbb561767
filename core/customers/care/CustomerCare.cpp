#include "core/customers/care/CustomerCare.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditLog.h"
#include "core/customers/rules/Validators.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/db/Transaction.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/policy/AccessControl.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"

#include <QJsonObject>
#include <QSqlQuery>

// Decisions where DESIGN §6 is silent (documented here, relied on by tests/core/customers/tst_care.cpp):
//
// - Free text (service contents, complaint contents, resolutions): trimmed, CR/LF folded to LF, 1 to 2000
//   characters (code points, not bytes), no control characters other than line feed and tab. Text that
//   Validators::looksLikeSecret() flags is refused, not merely warned about: this API has no warnings channel,
//   and a PIN or CVV written into a service note would be stored for years.
// - Dates: a service date, a complaint's receipt and a consent date may not be in the future (branch time for
//   dates, UTC instants for the receipt) and may lie at most kBackdateYears before the customer's record was
//   created: staff do back-enter paper files of long-standing customers, but a date decades earlier is a typo.
// - Customer status: service records and complaints are written for active and closed customers (a former
//   customer may still complain; the retention period is when that happens). A pending record is not yet a
//   customer (if it is rejected its personal data is erased, and grade-2 notes must not outlive it).
//   Consent may be recorded while the record is pending (it is usually collected at onboarding), and only
//   withdrawn once the customer is closed. Anonymised and rejected records take no new entries.
// - Complaint status moves forward only: open → investigating → answered → closed. Skipping "investigating"
//   (open → answered, a complaint answered at once) is allowed and marks the complaint investigated at the
//   same moment. Closing needs an answer first. "investigating" takes no resolution; "answered" and "closed"
//   need one; the resolution given when closing replaces the one given when answering (the final outcome).
// - Complaint deadlines are computed once, when the complaint is recorded, with the holiday settings of that
//   moment: the due dates told to the customer do not move when the holiday list is edited later.
// - Consent: entries for one purpose are recorded in the order they happened (a date earlier than the last
//   entry of that purpose is refused), so the list ordered by date is the history and its last entry per
//   purpose is the current state. Giving again while given is accepted (a renewed form is a fact worth
//   keeping). Withdrawing needs a current "given". Marketing needs a current processing consent (given on or
//   before the marketing date): marketing presupposes that the bank processes the data at all. Withdrawing
//   processing therefore also withdraws a current marketing consent, as a second row in the same transaction,
//   rather than refusing the customer's withdrawal.
// - Reading a customer's lists (services, complaints, consents) writes no audit row of its own: the customer
//   was opened (audited) to get there, and the scope rule still applies (refusals are audited). The overdue
//   list is different: it spans customers (the whole branch for the manager) and carries complaint contents,
//   so it is recorded like the branch list (customer.list, with the scope and the count, no contents).
// - Audit rows name the row (service_record / complaint / consent and its id) and the customer number, with
//   channel, status or purpose/action as details — never the contents or the resolution.

namespace bv {

namespace {

constexpr int kMaxTextLength = 2000;
constexpr int kBackdateYears = 10;

const QString kServiceRecord = QStringLiteral("service_record");
const QString kComplaint = QStringLiteral("complaint");
const QString kConsent = QStringLiteral("consent");

const QString kOpen = QStringLiteral("open");
const QString kInvestigating = QStringLiteral("investigating");
const QString kAnswered = QStringLiteral("answered");
const QString kClosed = QStringLiteral("closed");

const QString kProcessing = QStringLiteral("processing");
const QString kMarketing = QStringLiteral("marketing");
const QString kGiven = QStringLiteral("given");
const QString kWithdrawn = QStringLiteral("withdrawn");

const QString kComplaintSelect = QStringLiteral(
    "SELECT cp.id, c.customer_no, cp.received_at, cp.channel, cp.content, cp.status, cp.investigate_by, "
    "cp.answer_by, cp.investigated_at, cp.answered_at, coalesce(cp.resolution, ''), coalesce(u.login, '') "
    "FROM complaints cp JOIN customers c ON c.id = cp.customer_id LEFT JOIN users u ON u.id = cp.recorded_by ");

enum class TextKind
{
    Service,
    Complaint,
    Resolution
};

int statusRank(const QString& status)
{
    if (status == kOpen)
        return 0;
    if (status == kInvestigating)
        return 1;
    if (status == kAnswered)
        return 2;
    if (status == kClosed)
        return 3;
    return -1;
}

QString statusLabel(const QString& status)
{
    if (status == kOpen)
        return CustomerCare::tr("open");
    if (status == kInvestigating)
        return CustomerCare::tr("under investigation");
    if (status == kAnswered)
        return CustomerCare::tr("answered");
    if (status == kClosed)
        return CustomerCare::tr("closed");
    return status;
}

QDateTime utcFrom(const QVariant& value)
{
    if (value.isNull() || value.toString().isEmpty())
        return QDateTime();
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : at;
}

QDate dateFrom(const QVariant& value)
{
    return QDate::fromString(value.toString(), Qt::ISODate);
}

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

// Free text of a service record, complaint or resolution, normalised; refused when empty, too long, holding
// control characters, or looking like an authentication secret. The text itself never appears in a message.
Result<QString> checkText(const QString& input, TextKind kind)
{
    const QString field = kind == TextKind::Resolution ? QStringLiteral("resolution") : QStringLiteral("content");
    QString text = input;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text = text.trimmed();
    if (text.isEmpty()) {
        switch (kind) {
        case TextKind::Service:
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("Describe the service given to the customer; the record cannot be empty."), QString(),
                field);
        case TextKind::Complaint:
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("Describe what the customer complains about; the complaint cannot be "
                                 "empty."),
                QString(), field);
        case TextKind::Resolution:
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("Enter the resolution: what the customer was told and what was done."), QString(),
                field);
        }
    }
    for (const QChar c : std::as_const(text)) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("The text contains control characters (often pasted from another "
                                 "program). Retype it or paste it as plain text."),
                QString(), field);
    }
    const qsizetype length = charCount(text);
    if (length > kMaxTextLength)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The text is %1 characters long; at most %2 are kept. Shorten it and save "
                             "again.")
                .arg(length)
                .arg(kMaxTextLength),
            QString(), field);
    if (Validators::looksLikeSecret(text))
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The text looks like a PIN, CVV or password; BranchVault never stores "
                             "customers' authentication secrets. Remove the secret (describe the matter "
                             "without it) and save again."),
            QString(), field);
    if (const QList<FreeTextFinding> findings = FreeText::check(text); !findings.isEmpty()) {
        const QString label = kind == TextKind::Service
            ? CustomerCare::tr("The service record")
            : (kind == TextKind::Complaint ? CustomerCare::tr("The complaint") : CustomerCare::tr("The resolution"));
        return FreeText::refusal(findings, field, label);
    }
    return text;
}

Result<QString> checkChannel(const QString& input)
{
    const QString channel = input.trimmed().toLower();
    if (!CustomerCare::channels().contains(channel))
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The channel is not one BranchVault records. Choose one of: %1.")
                .arg(CustomerCare::channels().join(QStringLiteral(", "))),
            QString(), QStringLiteral("channel"));
    return channel;
}

// The earliest date accepted for entries about a customer: kBackdateYears before its record was created.
Result<QDate> earliestDate(CustomerServiceInternals& internals, qint64 customerId)
{
    auto created
        = internals.database().scalar(QStringLiteral("SELECT created_at FROM customers WHERE id = ?"), {customerId});
    if (!created.ok())
        return created.error();
    const QDateTime at = utcFrom(*created);
    if (!at.isValid())
        return makeError(ErrorCode::Internal, CustomerCare::tr("The customer's record has no creation time."));
    return at.toTimeZone(WorkingCalendar::branchTimeZone()).date().addYears(-kBackdateYears);
}

Status checkDate(CustomerServiceInternals& internals, qint64 customerId, const QDate& date, const QString& field)
{
    if (!date.isValid())
        return makeError(
            ErrorCode::InvalidInput, CustomerCare::tr("Enter a valid date (YYYY-MM-DD)."), QString(), field);
    const QDate today = internals.store().today();
    if (date > today)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The date %1 is in the future (today is %2). Enter the day it happened.")
                .arg(isoDate(date), isoDate(today)),
            QString(), field);
    auto earliest = earliestDate(internals, customerId);
    if (!earliest.ok())
        return earliest.error();
    if (date < *earliest)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The date %1 is more than %2 years before the customer's record was "
                             "created. Check the year.")
                .arg(isoDate(date))
                .arg(kBackdateYears),
            QString(), field);
    return {};
}

// The customer statuses that take new service records and complaints.
Status requireServable(const CustomerRef& ref)
{
    if (ref.status == QLatin1String("active") || ref.status == QLatin1String("closed"))
        return {};
    if (ref.status == QLatin1String("pending"))
        return makeError(ErrorCode::Conflict,
            CustomerCare::tr("Customer %1 is still waiting for the branch manager's approval. Record "
                             "services and complaints once the record is approved.")
                .arg(ref.number));
    return makeError(ErrorCode::Conflict,
        CustomerCare::tr("Customer %1 is %2; nothing more is recorded for it.").arg(ref.number, ref.status));
}

Result<WorkingCalendar> calendarFrom(SettingsService& settings)
{
    auto holidays = WorkingCalendar::parseDateList(settings.text(QString::fromLatin1(settings::Holidays)));
    if (!holidays.ok())
        return holidays.error();
    auto extra = WorkingCalendar::parseDateList(settings.text(QString::fromLatin1(settings::ExtraWorkingDays)));
    if (!extra.ok())
        return extra.error();
    // the official calendar (shipped and imported years) with the local lists on top
    return settings.workingCalendar();
}

bool complaintOverdue(const Complaint& c, const QDateTime& now)
{
    if (c.status != kOpen && c.status != kInvestigating)
        return false;
    return (!c.investigatedAt.isValid() && WorkingCalendar::isOverdue(c.investigateBy, now))
        || (!c.answeredAt.isValid() && WorkingCalendar::isOverdue(c.answerBy, now));
}

Complaint complaintFrom(const QSqlQuery& q, const QDateTime& now)
{
    Complaint c;
    c.id = q.value(0).toLongLong();
    c.customerNumber = q.value(1).toString();
    c.receivedAt = utcFrom(q.value(2));
    c.channel = q.value(3).toString();
    c.content = q.value(4).toString();
    c.status = q.value(5).toString();
    c.investigateBy = utcFrom(q.value(6));
    c.answerBy = utcFrom(q.value(7));
    c.investigatedAt = utcFrom(q.value(8));
    c.answeredAt = utcFrom(q.value(9));
    c.resolution = q.value(10).toString();
    c.recordedBy = q.value(11).toString();
    c.overdue = complaintOverdue(c, now);
    return c;
}

struct ConsentState
{
    bool present = false;
    QString action;
    QDate onDate;
};

Result<ConsentState> lastConsent(Database& db, qint64 customerId, const QString& purpose)
{
    auto q = db.query(QStringLiteral("SELECT action, on_date FROM consents WHERE customer_id = ? AND purpose = ? "
                                     "ORDER BY on_date DESC, id DESC LIMIT 1"),
        {customerId, purpose});
    if (!q.ok())
        return q.error();
    ConsentState state;
    if (q->next()) {
        state.present = true;
        state.action = q->value(0).toString();
        state.onDate = dateFrom(q->value(1));
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return state;
}

} // namespace

CustomerCare::CustomerCare(CustomerServiceInternals& internals)
    : m_internals(internals)
{
}

bool CustomerCare::isOverdue(const Complaint& complaint, const QDateTime& nowUtc)
{
    return complaintOverdue(complaint, nowUtc);
}

QStringList CustomerCare::channels()
{
    static const QStringList list = {QStringLiteral("counter"), QStringLiteral("phone"), QStringLiteral("online"),
        QStringLiteral("mobile_app"), QStringLiteral("letter"), QStringLiteral("other")};
    return list;
}

// ---- service records ----

Result<qint64> CustomerCare::addService(const Session& session, const QString& customerNo, const QDate& servedOn,
    const QString& channel, const QString& content)
{
    auto scope = m_internals.scoped(session, Operation::RecordService, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    BV_TRY(requireServable(ref));
    auto checkedChannel = checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    auto text = checkText(content, TextKind::Service);
    if (!text.ok())
        return text.error();
    BV_TRY(checkDate(m_internals, ref.id, servedOn, QStringLiteral("served_on")));

    Database& db = m_internals.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto inserted = db.query(QStringLiteral("INSERT INTO service_records (customer_id, served_on, channel, content, "
                                            "by_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
        {ref.id, isoDate(servedOn), *checkedChannel, *text, actor.userId, m_internals.store().now()});
    if (!inserted.ok())
        return inserted.error();
    const qint64 id = inserted->lastInsertId().toLongLong();
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::ServiceRecord), kServiceRecord, QString::number(id), ref.number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("action"), QStringLiteral("add")},
                {QStringLiteral("channel"), *checkedChannel}, {QStringLiteral("served_on"), isoDate(servedOn)}}}));
    BV_TRY(tx.commit());
    return id;
}

Result<QList<ServiceRecord>> CustomerCare::services(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::RecordService, customerNo);
    if (!scope.ok())
        return scope.error();
    const CustomerRef& ref = scope->customer;
    auto q = m_internals.database().query(
        QStringLiteral("SELECT s.id, s.served_on, s.channel, s.content, coalesce(u.login, ''), s.created_at "
                       "FROM service_records s LEFT JOIN users u ON u.id = s.by_id WHERE s.customer_id = ? "
                       "ORDER BY s.served_on, s.id"),
        {ref.id});
    if (!q.ok())
        return q.error();
    QList<ServiceRecord> list;
    while (q->next())
        list << ServiceRecord {q->value(0).toLongLong(), dateFrom(q->value(1)), q->value(2).toString(),
            q->value(3).toString(), q->value(4).toString(), utcFrom(q->value(5))};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

// ---- complaints ----

Result<Complaint> CustomerCare::addComplaint(const Session& session, const QString& customerNo,
    const QDateTime& receivedAtUtc, const QString& channel, const QString& content)
{
    auto scope = m_internals.scoped(session, Operation::ManageComplaints, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    BV_TRY(requireServable(ref));
    const QString receivedField = QStringLiteral("received_at");
    if (!receivedAtUtc.isValid())
        return makeError(ErrorCode::InvalidInput, tr("Enter when the complaint was received (date and time)."),
            QString(), receivedField);
    const QDateTime received = receivedAtUtc.toUTC();
    const QDateTime now = m_internals.store().now();
    if (received > now)
        return makeError(ErrorCode::InvalidInput,
            tr("The complaint's receipt time lies in the future. Enter when it was actually received."), QString(),
            receivedField);
    auto earliest = earliestDate(m_internals, ref.id);
    if (!earliest.ok())
        return earliest.error();
    if (received.toTimeZone(WorkingCalendar::branchTimeZone()).date() < *earliest)
        return makeError(ErrorCode::InvalidInput,
            tr("The receipt time is more than %1 years before the customer's record was created. Check "
               "the year.")
                .arg(kBackdateYears),
            QString(), receivedField);
    auto checkedChannel = checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    auto text = checkText(content, TextKind::Complaint);
    if (!text.ok())
        return text.error();
    auto calendar = calendarFrom(m_internals.settings());
    if (!calendar.ok())
        return calendar.error();
    const WorkingCalendar::ComplaintDeadlines due = calendar->complaintDeadlines(received);

    Database& db = m_internals.database();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto inserted
        = db.query(QStringLiteral("INSERT INTO complaints (customer_id, received_at, channel, content, status, "
                                  "investigate_by, answer_by, recorded_by) VALUES (?, ?, ?, ?, 'open', ?, ?, ?)"),
            {ref.id, received, *checkedChannel, *text, due.investigateByUtc, due.answerByUtc, actor.userId});
    if (!inserted.ok())
        return inserted.error();
    Complaint complaint;
    complaint.id = inserted->lastInsertId().toLongLong();
    complaint.customerNumber = ref.number;
    complaint.receivedAt = received;
    complaint.channel = *checkedChannel;
    complaint.content = *text;
    complaint.status = kOpen;
    complaint.investigateBy = due.investigateByUtc;
    complaint.answerBy = due.answerByUtc;
    complaint.recordedBy = actor.login;
    complaint.overdue = complaintOverdue(complaint, now); // a complaint entered late can be overdue at once
    BV_TRY(m_internals.auditLog().append(actor,
        AuditEvent {QString::fromLatin1(audit::Complaint), kComplaint, QString::number(complaint.id), ref.number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("action"), QStringLiteral("add")}, {QStringLiteral("status"), kOpen},
                {QStringLiteral("channel"), *checkedChannel}}}));
    BV_TRY(tx.commit());
    return complaint;
}

Status CustomerCare::updateComplaint(
    const Session& session, qint64 complaintId, const QString& status, const QString& resolution)
{
    auto actor = m_internals.access().authorize(session, Operation::ManageComplaints);
    if (!actor.ok())
        return actor.error();
    Database& db = m_internals.database();
    auto found = db.query(QStringLiteral("SELECT c.customer_no FROM complaints cp JOIN customers c ON c.id = "
                                         "cp.customer_id WHERE cp.id = ?"),
        {complaintId});
    if (!found.ok())
        return found.error();
    if (!found->next()) {
        BV_TRY(rowsFinished(*found, Reading::Customers));
        return makeError(ErrorCode::NotFound,
            tr("There is no complaint %1. Open the customer's complaints and choose one from the list.")
                .arg(complaintId));
    }
    const QString customerNo = found->value(0).toString();
    found->finish();
    auto ref = m_internals.reachable(*actor, Operation::ManageComplaints, customerNo);
    if (!ref.ok())
        return ref.error();
    if (ref->status != QLatin1String("active") && ref->status != QLatin1String("closed"))
        return makeError(ErrorCode::Conflict,
            tr("Customer %1 is %2; its complaints can no longer be changed.").arg(ref->number, ref->status));

    const QString target = status.trimmed().toLower();
    if (target != kInvestigating && target != kAnswered && target != kClosed)
        return makeError(ErrorCode::InvalidInput, tr("A complaint can be set to: investigating, answered or closed."),
            QString(), QStringLiteral("status"));
    QString text;
    if (target == kInvestigating) {
        if (!resolution.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                tr("A resolution is recorded when the complaint is answered, not when the investigation "
                   "starts. Leave it empty for now."),
                QString(), QStringLiteral("resolution"));
    } else {
        auto checked = checkText(resolution, TextKind::Resolution);
        if (!checked.ok())
            return checked.error();
        text = *checked;
    }

    const QDateTime now = m_internals.store().now();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    // read the current status inside the transaction (BEGIN IMMEDIATE): nobody changes it in between
    auto current = db.scalar(QStringLiteral("SELECT status FROM complaints WHERE id = ?"), {complaintId});
    if (!current.ok())
        return current.error();
    const QString from = current->toString();
    if (statusRank(target) <= statusRank(from))
        return makeError(ErrorCode::Conflict,
            tr("Complaint %1 is already %2; a complaint only moves forward (open, under investigation, "
               "answered, closed).")
                .arg(complaintId)
                .arg(statusLabel(from)),
            QString(), QStringLiteral("status"));
    if (target == kClosed && from != kAnswered)
        return makeError(ErrorCode::Conflict,
            tr("Complaint %1 was never answered. Record the answer given to the customer (status "
               "answered, with the resolution) before closing it.")
                .arg(complaintId),
            QString(), QStringLiteral("status"));
    QString sql;
    QVariantList values;
    if (target == kInvestigating) {
        sql = QStringLiteral("UPDATE complaints SET status = ?, investigated_at = ?, handled_by = ? "
                             "WHERE id = ? AND status = ?");
        values = {target, now, actor->userId, complaintId, from};
    } else if (target == kAnswered) {
        sql = QStringLiteral("UPDATE complaints SET status = ?, investigated_at = coalesce(investigated_at, ?), "
                             "answered_at = ?, resolution = ?, handled_by = ? WHERE id = ? AND status = ?");
        values = {target, now, now, text, actor->userId, complaintId, from};
    } else {
        sql = QStringLiteral(
            "UPDATE complaints SET status = ?, resolution = ?, handled_by = ? WHERE id = ? AND status = ?");
        values = {target, text, actor->userId, complaintId, from};
    }
    auto updated = db.query(sql, values);
    if (!updated.ok())
        return updated.error();
    if (updated->numRowsAffected() != 1)
        return makeError(
            ErrorCode::Conflict, tr("Complaint %1 was changed meanwhile. Reopen it and try again.").arg(complaintId));
    BV_TRY(m_internals.auditLog().append(*actor,
        AuditEvent {QString::fromLatin1(audit::Complaint), kComplaint, QString::number(complaintId), ref->number,
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("action"), QStringLiteral("update")}, {QStringLiteral("status"), target},
                {QStringLiteral("from"), from}}}));
    return tx.commit();
}

Result<QList<Complaint>> CustomerCare::complaints(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::ManageComplaints, customerNo);
    if (!scope.ok())
        return scope.error();
    const CustomerRef& ref = scope->customer;
    auto q = m_internals.database().query(
        kComplaintSelect + QStringLiteral("WHERE cp.customer_id = ? ORDER BY cp.received_at, cp.id"), {ref.id});
    if (!q.ok())
        return q.error();
    const QDateTime now = m_internals.store().now();
    QList<Complaint> list;
    while (q->next())
        list << complaintFrom(*q, now);
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

Result<QList<Complaint>> CustomerCare::overdue(const Session& session)
{
    auto actor = m_internals.access().authorize(session, Operation::ManageComplaints);
    if (!actor.ok())
        return actor.error();
    const bool branch = actor->role == Role::Manager;
    if (branch) {
        auto wide = m_internals.access().authorize(session, Operation::ViewBranchComplaints);
        if (!wide.ok())
            return wide.error();
    }
    CustomerStore& store = m_internals.store();
    const QDateTime now = store.now();
    // Only open and investigating complaints can be overdue; the deadline test itself is isOverdue() (C++),
    // so the rule lives in one place.
    QString sql = kComplaintSelect + QStringLiteral("WHERE cp.status IN ('open', 'investigating') AND ")
        + responsible::heldSql();
    QVariantList values;
    if (!branch) {
        // own customers: those the customer manager is responsible for now (custody included), as reachable()
        sql += QStringLiteral(" AND ") + responsible::managedBySql();
        values = responsible::managedByValues(actor->userId, now);
    }
    sql += QStringLiteral(" ORDER BY cp.investigate_by, cp.id");
    auto q = m_internals.database().query(sql, values);
    if (!q.ok())
        return q.error();
    QList<Complaint> list;
    while (q->next()) {
        Complaint c = complaintFrom(*q, now);
        if (c.overdue)
            list << c;
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    q->finish();
    BV_TRY(m_internals.auditLog().appendStandalone(*actor,
        AuditEvent {QString::fromLatin1(audit::CustomerList), QStringLiteral("complaints"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("list"), QStringLiteral("overdue_complaints")},
                {QStringLiteral("scope"), branch ? QStringLiteral("branch") : QStringLiteral("own")},
                {QStringLiteral("count"), int(list.size())}}}));
    return list;
}

// ---- consent ----

Result<qint64> CustomerCare::recordConsent(const Session& session, const QString& customerNo, const QString& purpose,
    const QString& action, const QDate& onDate, const QString& channel)
{
    auto scope = m_internals.scoped(session, Operation::RecordConsent, customerNo);
    if (!scope.ok())
        return scope.error();
    const Actor& actor = scope->actor;
    const CustomerRef& ref = scope->customer;
    const QString what = purpose.trimmed().toLower();
    if (what != kProcessing && what != kMarketing)
        return makeError(ErrorCode::InvalidInput,
            tr("Consent is recorded for processing or for marketing; choose one of the two."), QString(),
            QStringLiteral("purpose"));
    const QString act = action.trimmed().toLower();
    if (act != kGiven && act != kWithdrawn)
        return makeError(ErrorCode::InvalidInput,
            tr("Record whether the customer gave consent or withdrew it (given or withdrawn)."), QString(),
            QStringLiteral("action"));
    const bool live = ref.status == QLatin1String("pending") || ref.status == QLatin1String("active");
    if (!live && !(ref.status == QLatin1String("closed") && act == kWithdrawn))
        return makeError(ErrorCode::Conflict,
            ref.status == QLatin1String("closed")
                ? tr("Customer %1 is closed: a withdrawal can still be recorded, a new consent cannot.").arg(ref.number)
                : tr("Customer %1 is %2; nothing more is recorded for it.").arg(ref.number, ref.status));
    auto checkedChannel = checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    BV_TRY(checkDate(m_internals, ref.id, onDate, QStringLiteral("on_date")));

    Database& db = m_internals.database();
    const QDateTime now = m_internals.store().now();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    // the state checks run inside the transaction (BEGIN IMMEDIATE), so two entries cannot race
    auto last = lastConsent(db, ref.id, what);
    if (!last.ok())
        return last.error();
    if (last->present && onDate < last->onDate)
        return makeError(ErrorCode::Conflict,
            tr("The last %1 consent entry of customer %2 is dated %3; entries are recorded in the order "
               "they happened. Check the date.")
                .arg(what == kProcessing ? tr("processing") : tr("marketing"), ref.number, isoDate(last->onDate)),
            QString(), QStringLiteral("on_date"));
    if (act == kWithdrawn && !(last->present && last->action == kGiven))
        return makeError(ErrorCode::Conflict,
            what == kProcessing ? tr("Customer %1 has no consent to processing on record, so there is nothing to "
                                     "withdraw. Check the customer and the purpose.")
                                      .arg(ref.number)
                                : tr("Customer %1 has no consent to marketing on record, so there is nothing to "
                                     "withdraw. Check the customer and the purpose.")
                                      .arg(ref.number),
            QString(), QStringLiteral("action"));
    ConsentState marketing;
    if (what == kMarketing && act == kGiven) {
        auto processing = lastConsent(db, ref.id, kProcessing);
        if (!processing.ok())
            return processing.error();
        if (!processing->present || processing->action != kGiven || processing->onDate > onDate)
            return makeError(ErrorCode::Conflict,
                tr("Consent to marketing needs the customer's consent to processing first (given on or "
                   "before the same date). Record the processing consent, then the marketing consent."),
                QString(), QStringLiteral("purpose"));
    }
    if (what == kProcessing && act == kWithdrawn) {
        auto current = lastConsent(db, ref.id, kMarketing);
        if (!current.ok())
            return current.error();
        marketing = *current;
        if (marketing.present && marketing.action == kGiven && marketing.onDate > onDate)
            return makeError(ErrorCode::Conflict,
                tr("The customer's consent to marketing is dated %1, after this withdrawal of consent to "
                   "processing. Check the date.")
                    .arg(isoDate(marketing.onDate)),
                QString(), QStringLiteral("on_date"));
    }

    auto insert = [&](const QString& entryPurpose, const QString& entryAction, const QString& cause) -> Result<qint64> {
        auto inserted = db.query(QStringLiteral("INSERT INTO consents (customer_id, purpose, action, on_date, channel, "
                                                "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
            {ref.id, entryPurpose, entryAction, isoDate(onDate), *checkedChannel, actor.userId, now});
        if (!inserted.ok())
            return inserted.error();
        const qint64 id = inserted->lastInsertId().toLongLong();
        QJsonObject details {{QStringLiteral("purpose"), entryPurpose}, {QStringLiteral("action"), entryAction}};
        if (!cause.isEmpty())
            details.insert(QStringLiteral("cause"), cause);
        BV_TRY(m_internals.auditLog().append(actor,
            AuditEvent {QString::fromLatin1(audit::Consent), kConsent, QString::number(id), ref.number,
                AuditOutcome::Ok, details}));
        return id;
    };
    auto id = insert(what, act, QString());
    if (!id.ok())
        return id.error();
    if (what == kProcessing && act == kWithdrawn && marketing.present && marketing.action == kGiven) {
        // marketing without processing is meaningless: the customer's withdrawal covers it too
        auto cascaded = insert(kMarketing, kWithdrawn, QStringLiteral("processing_withdrawn"));
        if (!cascaded.ok())
            return cascaded.error();
    }
    BV_TRY(tx.commit());
    return *id;
}

Result<QList<ConsentEntry>> CustomerCare::consents(const Session& session, const QString& customerNo)
{
    auto scope = m_internals.scoped(session, Operation::RecordConsent, customerNo);
    if (!scope.ok())
        return scope.error();
    const CustomerRef& ref = scope->customer;
    auto q = m_internals.database().query(
        QStringLiteral("SELECT k.id, k.purpose, k.action, k.on_date, k.channel, coalesce(u.login, ''), k.recorded_at "
                       "FROM consents k LEFT JOIN users u ON u.id = k.recorded_by WHERE k.customer_id = ? "
                       "ORDER BY k.on_date, k.id"),
        {ref.id});
    if (!q.ok())
        return q.error();
    QList<ConsentEntry> list;
    while (q->next())
        list << ConsentEntry {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(),
            dateFrom(q->value(3)), q->value(4).toString(), q->value(5).toString(), utcFrom(q->value(6))};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

} // namespace bv
