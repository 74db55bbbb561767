#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"

#include <QCoreApplication>

namespace bv {

class CustomerServiceInternals;

struct ServiceRecord
{
    qint64 id = 0;
    QDate servedOn;
    QString channel;
    QString content; // grade 2
    QString byLogin;
    QDateTime createdAt;
};

struct Complaint
{
    qint64 id = 0;
    QString customerNumber;
    QDateTime receivedAt;
    QString channel;
    QString content; // grade 2
    ComplaintStatus status = ComplaintStatus::Open;
    QDateTime investigateBy;
    QDateTime answerBy;
    QDateTime investigatedAt;
    QDateTime answeredAt;
    QString resolution;
    QString recordedBy;
    bool overdue = false;
};

struct ConsentEntry
{
    qint64 id = 0;
    QString purpose; // "processing", "marketing"
    QString action; // "given", "withdrawn"
    QDate onDate;
    QString channel;
    QString recordedBy;
    QDateTime recordedAt;
};

// Serving a customer (DESIGN §6): service records; complaints with due dates (investigation within 1
// working day, answer within 2; weekends and the configured holidays skipped) and overdue lists;
// consent to processing and to marketing, where a withdrawal is a new entry, never an overwrite.
// Contents are grade 2: the own customer manager and the branch manager only.
class CustomerCare
{
    Q_DECLARE_TR_FUNCTIONS(CustomerCare)
public:
    explicit CustomerCare(CustomerServiceInternals& internals);

    static QStringList channels(); // "counter", "phone", "online", "mobile_app", "letter", "other"
    // The one overdue rule: an open or investigating complaint past a deadline it has not met (investigation
    // or answer). Also used by core/reports.
    static bool isOverdue(const Complaint& complaint, const QDateTime& nowUtc);

    Result<qint64> addService(const Session& session, const QString& customerNo, const QDate& servedOn,
        const QString& channel, const QString& content);
    Result<QList<ServiceRecord>> services(const Session& session, const QString& customerNo);

    Result<Complaint> addComplaint(const Session& session, const QString& customerNo, const QDateTime& receivedAtUtc,
        const QString& channel, const QString& content);
    // Moves a complaint forward to Investigating, Answered or Closed; a resolution is required for the last two.
    Status updateComplaint(
        const Session& session, qint64 complaintId, ComplaintStatus status, const QString& resolution);
    Result<QList<Complaint>> complaints(const Session& session, const QString& customerNo);
    // The customer manager's own overdue complaints; the branch manager's whole branch.
    Result<QList<Complaint>> overdue(const Session& session);

    Result<qint64> recordConsent(const Session& session, const QString& customerNo, const QString& purpose,
        const QString& action, const QDate& onDate, const QString& channel);
    Result<QList<ConsentEntry>> consents(const Session& session, const QString& customerNo);

private:
    CustomerServiceInternals& m_internals;
};

} // namespace bv
