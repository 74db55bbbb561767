#pragma once

#include "core/common/Result.h"
#include "core/customers/care/CustomerCare.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QSet>

namespace bv {

class ServerSession;

// Serving a customer over the branch server (DESIGN §6; docs/SERVER.md, "Care over the server"): service records,
// complaints with their due dates and the overdue list, consent given and withdrawn — local mode's CustomerCare, with
// its checks and its wording, for the branch manager (every customer of the branch) and the customer manager
// responsible now (own customers, custody included). Everything is checked here first, as locally, and nothing is
// sent when a check fails; the server (migration 17) checks again, decides against the customer's and the
// complaint's state under a lock, and writes local mode's audit rows itself. Its refusals come back worded with the
// next step: another's customer or a clerk is PermissionDenied, a state that moved on (the customer no longer served,
// a complaint moved by someone else first, consent entries out of order) Conflict, a bad value InvalidInput naming
// its field.
class ServerCare
{
    Q_DECLARE_TR_FUNCTIONS(ServerCare)
public:
    explicit ServerCare(ServerSession& session);

    // `clientToken`: the offline outbox entry's token (ServerOutbox::upload), so that an upload interrupted after the
    // server took the record finds it again instead of recording it twice; empty at the counter.
    Result<qint64> addService(const QString& customerNo, const QDate& servedOn, const QString& channel,
        const QString& content, const QString& clientToken = QString());
    Result<QList<ServiceRecord>> services(const QString& customerNo);

    // The server computes the due dates (migration 21's complaint_due: its official calendar and the branch's holiday
    // settings, as WorkingCalendar::complaintDeadlines does locally); the complaint returned carries them.
    Result<Complaint> addComplaint(
        const QString& customerNo, const QDateTime& receivedAtUtc, const QString& channel, const QString& content);
    Status updateComplaint(qint64 complaintId, ComplaintStatus status, const QString& resolution);
    Result<QList<Complaint>> complaints(const QString& customerNo);
    // The customer manager's own overdue complaints, the branch manager's whole branch; the server records the read.
    Result<QList<Complaint>> overdue();
    // The years the server's official calendar covers (migration 26's calendar_years), from which it computes the
    // due dates: a due date in another year counted its weekends only, which the complaint pages warn of.
    Result<QSet<int>> calendarYears();

    Result<qint64> recordConsent(const QString& customerNo, const QString& purpose, const QString& action,
        const QDate& onDate, const QString& channel);
    Result<QList<ConsentEntry>> consents(const QString& customerNo);

    // A service record as checked before it is sent, or kept offline (ServerOutbox::Session::keepService): the
    // customer number's shape, the channel, the text (local mode's CareChecks) and the date (valid, not after the
    // branch's today). Whether the customer takes it, and is the caller's, is the server's to decide.
    struct CheckedService
    {
        QString customerNo;
        QDate servedOn;
        QString channel;
        QString content;
    };
    static Result<CheckedService> checkedService(
        const QString& customerNo, const QDate& servedOn, const QString& channel, const QString& content);

    // `typed` as a customer number (trimmed, upper case), or InvalidInput naming the field "customer" when it is not
    // shaped like one (the branch code, '-', the number): a mistyped ID or mobile number is neither sent nor repeated.
    static Result<QString> customerNumber(const QString& typed);

private:
    Status mayServe() const;
    Result<QString> checkedNumber(const QString& customerNo) const;
    // The server's refusal of `what` worded with the next step; the field named when the server names one.
    static Error refusal(const Error& error, const QString& what);
    ServerSession& m_session;
};

} // namespace bv
