#include "core/server/ServerCare.h"

#include "core/auth/Role.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/customers/CareChecks.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSealing.h"
#include "core/internal/server/ServerSessionInternals.h"
#include "core/policy/Statuses.h"
#include "core/server/ServerSession.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace bv {

namespace {

using serverentry::serverTime;
using serverentry::storedStatus;

QDate branchToday()
{
    return QDateTime::currentDateTimeUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

QString iso(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

QString isoUtc(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

// A date of an entry as local mode checks it before its transaction (care::checkDate without the customer's
// creation date, which the server checks): valid and not after the branch's today.
Status checkedDate(const QDate& date, const QString& field)
{
    if (!date.isValid())
        return makeError(
            ErrorCode::InvalidInput, CustomerCare::tr("Enter a valid date (YYYY-MM-DD)."), QString(), field);
    const QDate today = branchToday();
    if (date > today)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The date %1 is in the future (today is %2). Enter the day it happened.")
                .arg(iso(date), iso(today)),
            QString(), field);
    return {};
}

} // namespace

ServerCare::ServerCare(ServerSession& session)
    : m_session(session)
{
}

Status ServerCare::mayServe() const
{
    const Role role = m_session.identity().role;
    if (role == Role::Manager || role == Role::CustomerManager)
        return {};
    return Error {ErrorCode::PermissionDenied,
        tr("%1 accounts do not serve customers: service records, complaints and consent are recorded by the "
           "customer's own customer manager or the branch manager.")
            .arg(Roles::label(role)),
        {}, {}};
}

Result<QString> ServerCare::checkedNumber(const QString& customerNo) const
{
    BV_TRY(mayServe());
    return customerNumber(customerNo);
}

Result<QString> ServerCare::customerNumber(const QString& typed)
{
    const QString number = typed.trimmed().toUpper();
    if (number.isEmpty())
        return makeError(
            ErrorCode::InvalidInput, tr("Give the customer number."), QString(), QStringLiteral("customer"));
    // the server's shape of a customer number (branch code, '-', the number): anything else — a mistyped ID or
    // mobile number — is neither sent nor repeated in a message
    static const QRegularExpression shape(QStringLiteral("^[0-9A-Z_]{1,16}-[0-9]{8,12}$"));
    if (!shape.match(number).hasMatch())
        return makeError(ErrorCode::InvalidInput,
            tr("That is not a customer number (a customer number is the branch code and eight digits, for example "
               "0101-00000001). Copy it from the customer's card or list."),
            QString(), QStringLiteral("customer"));
    return number;
}

Error ServerCare::refusal(const Error& error, const QString& what)
{
    Error worded = error;
    switch (error.code) {
    case ErrorCode::PermissionDenied:
        worded.message = tr("The branch server refused %1: the customer is not one of yours (any more) or is "
                            "restricted (the server's reason follows). Ask the customer's own customer manager or "
                            "the branch manager.")
                             .arg(what);
        break;
    case ErrorCode::InvalidInput: {
        static const QRegularExpression named(QStringLiteral("field \"([a-z_]+)\""));
        worded.field = named.match(error.detail).captured(1);
        worded.message = tr("The branch server refused %1: a value is not acceptable (the server's reason follows). "
                            "Correct it and save again.")
                             .arg(what);
        break;
    }
    case ErrorCode::Conflict: {
        static const QRegularExpression named(QStringLiteral("field \"([a-z_]+)\""));
        worded.field = named.match(error.detail).captured(1);
        worded.message = tr("The branch server refused %1: it no longer fits the customer's or the complaint's "
                            "state, which someone may have changed meanwhile (the server's reason follows). Reload "
                            "and try again.")
                             .arg(what);
        break;
    }
    default:
        break;
    }
    return worded;
}

Result<ServerCare::CheckedService> ServerCare::checkedService(
    const QString& customerNo, const QDate& servedOn, const QString& channel, const QString& content)
{
    auto number = customerNumber(customerNo);
    if (!number.ok())
        return number.error();
    auto checkedChannel = care::checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    auto text = care::checkText(content, care::TextKind::Service);
    if (!text.ok())
        return text.error();
    BV_TRY(checkedDate(servedOn, QStringLiteral("served_on")));
    return CheckedService {*number, servedOn, *checkedChannel, *text};
}

Result<qint64> ServerCare::addService(const QString& customerNo, const QDate& servedOn, const QString& channel,
    const QString& content, const QString& clientToken)
{
    BV_TRY(mayServe());
    auto service = checkedService(customerNo, servedOn, channel, content);
    if (!service.ok())
        return service.error();
    const QString what = tr("the service record for customer %1").arg(service->customerNo);
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT branchvault.service_add($1, $2::date, $3, $4, $5, $6)"),
        {ServerValue::text(service->customerNo), ServerValue::text(iso(servedOn)), ServerValue::text(service->channel),
            ServerValue::text(service->content), ServerValue::text(ServerSessionInternals::workstation(m_session)),
            clientToken.isEmpty() ? ServerValue::none() : ServerValue::text(clientToken)},
        what);
    if (!rows.ok())
        return refusal(rows.error(), what);
    if (rows->count() != 1)
        return Error {ErrorCode::Damaged, tr("The branch server did not confirm %1.").arg(what), {}, {}};
    return rows->text(0, 0).toLongLong();
}

Result<QList<ServiceRecord>> ServerCare::services(const QString& customerNo)
{
    auto number = checkedNumber(customerNo);
    if (!number.ok())
        return number.error();
    const QString what = tr("reading the service records of customer %1").arg(*number);
    auto rows = ServerSessionInternals::connection(m_session).readCommitted("service_page",
        {{QStringLiteral("customer_no"), *number}}, ServerSessionInternals::workstation(m_session),
        QStringLiteral("id, served_on, channel, content, by_login, created_at"), what);
    if (!rows.ok())
        return refusal(rows.error(), what);
    QList<ServiceRecord> list;
    for (int row = 0; row < rows->count(); ++row) {
        ServiceRecord record;
        record.id = rows->text(row, 0).toLongLong();
        record.servedOn = QDate::fromString(rows->text(row, 1), Qt::ISODate);
        record.channel = rows->text(row, 2);
        record.content = rows->text(row, 3);
        record.byLogin = rows->text(row, 4);
        record.createdAt = serverTime(rows->text(row, 5));
        list << record;
    }
    return list;
}

namespace {

// The columns of branchvault.complaint_row, in order.
const QString kComplaintColumns = QStringLiteral(
    "id, customer_no, received_at, channel, content, status, investigate_by, answer_by, investigated_at, "
    "answered_at, resolution, recorded_by");

Result<QList<Complaint>> complaintsFrom(const ServerRows& rows, const QString& what)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<Complaint> list;
    for (int row = 0; row < rows.count(); ++row) {
        Complaint c;
        c.id = rows.text(row, 0).toLongLong();
        c.customerNumber = rows.text(row, 1);
        c.receivedAt = serverTime(rows.text(row, 2));
        c.channel = rows.text(row, 3);
        c.content = rows.text(row, 4);
        auto status = storedStatus<ComplaintStatus>(rows.text(row, 5), what);
        if (!status.ok())
            return status.error();
        c.status = *status;
        c.investigateBy = serverTime(rows.text(row, 6));
        c.answerBy = serverTime(rows.text(row, 7));
        if (!rows.isNull(row, 8))
            c.investigatedAt = serverTime(rows.text(row, 8));
        if (!rows.isNull(row, 9))
            c.answeredAt = serverTime(rows.text(row, 9));
        c.resolution = rows.text(row, 10);
        c.recordedBy = rows.text(row, 11);
        c.overdue = CustomerCare::isOverdue(c, now);
        list << c;
    }
    return list;
}

} // namespace

Result<Complaint> ServerCare::addComplaint(
    const QString& customerNo, const QDateTime& receivedAtUtc, const QString& channel, const QString& content)
{
    auto number = checkedNumber(customerNo);
    if (!number.ok())
        return number.error();
    const QString receivedField = QStringLiteral("received_at");
    if (!receivedAtUtc.isValid())
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("Enter when the complaint was received (date and time)."), QString(), receivedField);
    const QDateTime received = receivedAtUtc.toUTC();
    if (received > QDateTime::currentDateTimeUtc())
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The complaint's receipt time lies in the future. Enter when it was actually received."),
            QString(), receivedField);
    auto checkedChannel = care::checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    auto text = care::checkText(content, care::TextKind::Complaint);
    if (!text.ok())
        return text.error();
    const QString what = tr("the complaint of customer %1").arg(*number);
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT id, investigate_by, answer_by FROM branchvault.complaint_add($1, $2::timestamptz, $3, "
                       "$4, $5)"),
        {ServerValue::text(*number), ServerValue::text(isoUtc(received)), ServerValue::text(*checkedChannel),
            ServerValue::text(*text), ServerValue::text(ServerSessionInternals::workstation(m_session))},
        what);
    if (!rows.ok())
        return refusal(rows.error(), what);
    Complaint complaint;
    if (rows->count() == 1) {
        complaint.id = rows->text(0, 0).toLongLong();
        complaint.investigateBy = serverTime(rows->text(0, 1));
        complaint.answerBy = serverTime(rows->text(0, 2));
    }
    if (complaint.id <= 0 || !complaint.investigateBy.isValid() || !complaint.answerBy.isValid())
        return Error {ErrorCode::Damaged, tr("The branch server did not confirm %1.").arg(what), {}, {}};
    complaint.customerNumber = *number;
    complaint.receivedAt = received;
    complaint.channel = *checkedChannel;
    complaint.content = *text;
    complaint.status = ComplaintStatus::Open;
    complaint.recordedBy = m_session.identity().login;
    complaint.overdue = CustomerCare::isOverdue(complaint, QDateTime::currentDateTimeUtc());
    return complaint;
}

Result<QSet<int>> ServerCare::calendarYears()
{
    const QString what = tr("reading which years the branch server's holiday calendar covers");
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT array_to_string(branchvault.calendar_years(), ',')"), {}, what);
    if (!rows.ok())
        return refusal(rows.error(), what);
    if (rows->count() != 1 || rows->isNull(0, 0))
        return Error {ErrorCode::PermissionDenied,
            tr("The branch server refused %1: this account does not record complaints.").arg(what), {}, {}};
    QSet<int> years;
    for (const QString& year : rows->text(0, 0).split(QLatin1Char(','), Qt::SkipEmptyParts))
        years.insert(year.toInt());
    return years;
}

Status ServerCare::updateComplaint(qint64 complaintId, ComplaintStatus status, const QString& resolution)
{
    BV_TRY(mayServe());
    if (status == ComplaintStatus::Open)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("A complaint can be set to: investigating, answered or closed."), QString(),
            QStringLiteral("status"));
    QString text;
    if (status == ComplaintStatus::Investigating) {
        if (!resolution.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("A resolution is recorded when the complaint is answered, not when the "
                                 "investigation starts. Leave it empty for now."),
                QString(), QStringLiteral("resolution"));
    } else {
        auto checked = care::checkText(resolution, care::TextKind::Resolution);
        if (!checked.ok())
            return checked.error();
        text = *checked;
    }
    const QString what = tr("the change of complaint %1").arg(complaintId);
    auto done = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT branchvault.complaint_update($1, $2, $3, $4)"),
        {ServerValue::number(complaintId), ServerValue::text(statusKey(status)),
            text.isEmpty() ? ServerValue::none() : ServerValue::text(text),
            ServerValue::text(ServerSessionInternals::workstation(m_session))},
        what);
    if (!done.ok()) {
        if (done.error().code == ErrorCode::NotFound) {
            Error worded = done.error();
            worded.message = CustomerCare::tr("There is no complaint %1. Open the customer's complaints and choose "
                                              "one from the list.")
                                 .arg(complaintId);
            return worded;
        }
        return refusal(done.error(), what);
    }
    return {};
}

Result<QList<Complaint>> ServerCare::complaints(const QString& customerNo)
{
    auto number = checkedNumber(customerNo);
    if (!number.ok())
        return number.error();
    const QString what = tr("reading the complaints of customer %1").arg(*number);
    auto rows = ServerSessionInternals::connection(m_session).readCommitted("complaint_page",
        {{QStringLiteral("customer_no"), *number}}, ServerSessionInternals::workstation(m_session), kComplaintColumns,
        what);
    if (!rows.ok())
        return refusal(rows.error(), what);
    return complaintsFrom(*rows, what);
}

Result<QList<Complaint>> ServerCare::overdue()
{
    BV_TRY(mayServe());
    const QString what = tr("reading the overdue complaints");
    auto rows = ServerSessionInternals::connection(m_session).readCommitted(
        "complaint_overdue", {}, ServerSessionInternals::workstation(m_session), kComplaintColumns, what);
    if (!rows.ok())
        return refusal(rows.error(), what);
    auto list = complaintsFrom(*rows, what);
    if (!list.ok())
        return list.error();
    // the server's rule and CustomerCare::isOverdue are the same; a complaint that was only just due by the server's
    // clock is kept (it is on the server's list and in its audit row's count)
    return list;
}

Result<qint64> ServerCare::recordConsent(const QString& customerNo, const QString& purpose, const QString& action,
    const QDate& onDate, const QString& channel)
{
    auto number = checkedNumber(customerNo);
    if (!number.ok())
        return number.error();
    const QString what = purpose.trimmed().toLower();
    if (what != care::kProcessing && what != care::kMarketing)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("Consent is recorded for processing or for marketing; choose one of the two."), QString(),
            QStringLiteral("purpose"));
    const QString act = action.trimmed().toLower();
    if (act != care::kGiven && act != care::kWithdrawn)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("Record whether the customer gave consent or withdrew it (given or withdrawn)."),
            QString(), QStringLiteral("action"));
    auto checkedChannel = care::checkChannel(channel);
    if (!checkedChannel.ok())
        return checkedChannel.error();
    BV_TRY(checkedDate(onDate, QStringLiteral("on_date")));
    const QString operation = tr("the consent entry for customer %1").arg(*number);
    auto rows = ServerSessionInternals::connection(m_session).run(
        QStringLiteral("SELECT branchvault.consent_record($1, $2, $3, $4::date, $5, $6)"),
        {ServerValue::text(*number), ServerValue::text(what), ServerValue::text(act), ServerValue::text(iso(onDate)),
            ServerValue::text(*checkedChannel), ServerValue::text(ServerSessionInternals::workstation(m_session))},
        operation);
    if (!rows.ok())
        return refusal(rows.error(), operation);
    if (rows->count() != 1)
        return Error {ErrorCode::Damaged, tr("The branch server did not confirm %1.").arg(operation), {}, {}};
    return rows->text(0, 0).toLongLong();
}

Result<QList<ConsentEntry>> ServerCare::consents(const QString& customerNo)
{
    auto number = checkedNumber(customerNo);
    if (!number.ok())
        return number.error();
    const QString what = tr("reading the consent entries of customer %1").arg(*number);
    auto rows = ServerSessionInternals::connection(m_session).readCommitted("consent_page",
        {{QStringLiteral("customer_no"), *number}}, ServerSessionInternals::workstation(m_session),
        QStringLiteral("id, purpose, action, on_date, channel, recorded_by, recorded_at"), what);
    if (!rows.ok())
        return refusal(rows.error(), what);
    QList<ConsentEntry> list;
    for (int row = 0; row < rows->count(); ++row) {
        ConsentEntry entry;
        entry.id = rows->text(row, 0).toLongLong();
        entry.purpose = rows->text(row, 1);
        entry.action = rows->text(row, 2);
        entry.onDate = QDate::fromString(rows->text(row, 3), Qt::ISODate);
        entry.channel = rows->text(row, 4);
        entry.recordedBy = rows->text(row, 5);
        entry.recordedAt = serverTime(rows->text(row, 6));
        list << entry;
    }
    return list;
}

} // namespace bv
