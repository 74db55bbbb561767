#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/customers/care/CustomerCare.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bv {

class Connection;

// Every statement of customer care (docs/ARCHITECTURE.md, "Storage seam"): the service_records, complaints and
// consents tables, and the one read of the customers row care needs (its creation time).
// CustomerCare keeps the rules (texts, dates, channels, the complaint status order, the consent state), the audit
// rows and the transaction boundaries. Internal to core.
class CareRepository
{
public:
    explicit CareRepository(Connection& db);

    // ---- the customer ----

    // When the customer's record was created (invalid if the row has none or does not exist).
    Result<QDateTime> customerCreatedAt(qint64 customerId);

    // ---- service records ----

    Result<qint64> insertService(qint64 customerId, const QDate& servedOn, const QString& channel,
        const QString& content, qint64 byUserId, const QDateTime& createdAt);
    // A customer's service records, by date served.
    Result<QList<ServiceRecord>> services(qint64 customerId);

    // ---- complaints ----

    // A new complaint, status "open".
    Result<qint64> insertComplaint(qint64 customerId, const QDateTime& receivedAt, const QString& channel,
        const QString& content, const QDateTime& investigateBy, const QDateTime& answerBy, qint64 recordedBy);
    // The number of the customer a complaint is about (nullopt: no such complaint).
    Result<std::optional<QString>> complaintCustomer(qint64 complaintId);
    // The complaint's status as stored now.
    Result<ComplaintStatus> complaintStatus(qint64 complaintId);
    // The moves of a complaint's status, each only while the status is still `from`; the number of rows changed
    // (0 when it was changed meanwhile).
    Result<int> markInvestigating(qint64 complaintId, ComplaintStatus from, const QDateTime& at, qint64 byUserId);
    // Answered: also investigated at `at` if it was not yet.
    Result<int> markAnswered(
        qint64 complaintId, ComplaintStatus from, const QDateTime& at, const QString& resolution, qint64 byUserId);
    Result<int> markClosed(qint64 complaintId, ComplaintStatus from, const QString& resolution, qint64 byUserId);
    // A customer's complaints, by time received. `overdue` is left false (the rule is CustomerCare::isOverdue).
    Result<QList<Complaint>> complaints(qint64 customerId);
    // Open and investigating complaints of held customers, by investigation deadline: the whole branch, or
    // (with `managerId`) those of the customers that manager is responsible for at `now`. `overdue` is left false.
    Result<QList<Complaint>> openComplaints(std::optional<qint64> managerId, const QDateTime& now);

    // ---- consent ----

    // The last entry of one purpose (by date, then by entry), if there is one.
    struct LastConsent
    {
        bool present = false;
        QString action;
        QDate onDate;
    };
    Result<LastConsent> lastConsent(qint64 customerId, const QString& purpose);
    Result<qint64> insertConsent(qint64 customerId, const QString& purpose, const QString& action, const QDate& onDate,
        const QString& channel, qint64 recordedBy, const QDateTime& recordedAt);
    // A customer's consent entries, by date.
    Result<QList<ConsentEntry>> consents(qint64 customerId);

private:
    Connection& m_db;
};

} // namespace bv
