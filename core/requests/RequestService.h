#pragma once

#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/policy/Statuses.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace bv {

class AccessControl;
class AccountService;
class AuditLog;
class CustomerDirectory;
class Database;
class RequestRepository;
class SettingsService;
class Transaction;

enum class RequestType
{
    Reveal,
    Export,
    Print,
    RestrictedAccess
};

QString requestTypeKey(RequestType type); // "reveal", "export", "print", "restricted_access"
std::optional<RequestType> requestTypeFromKey(const QString& key);
QString requestTypeLabel(RequestType type); // translated: "full view", "export", "print", "restricted access"
QString requestTypeLabelOfKey(const QString& key); // the key itself when unknown, "—" when empty

struct NewRequest
{
    RequestType type = RequestType::Reveal;
    QStringList customerNumbers; // reveal, restricted access; also data-subject reports (export/print)
    QStringList fields; // reveal: grade-1 field keys from the FieldCatalogue
    QString report; // export / print: which report ("data_subject", "customer_list", ...)
    QString purpose; // required
    int validityHours = 24; // 1 .. request.max_validity_hours (≤ 72)
};

struct Request
{
    qint64 id = 0;
    qint64 requesterId = 0;
    QString requesterLogin;
    RequestType type = RequestType::Reveal;
    QList<qint64> customerIds;
    QStringList customerNumbers;
    QStringList fields;
    QString report;
    QString purpose;
    int validityHours = 0;
    RequestStatus status = RequestStatus::Pending; // effective status (Expired computed)
    QDateTime createdAt;
    qint64 decidedBy = 0;
    QString decidedByLogin;
    QDateTime decidedAt;
    QString decisionReason;
    QDateTime validFrom;
    QDateTime validUntil;
    QDateTime usedAt;
    qint64 revokedBy = 0;
    QString revokedByLogin;
    QDateTime revokedAt;
    QString revokeReason;
};

// A live grant found for an operation: which request allows it, until when.
struct Grant
{
    qint64 requestId = 0;
    RequestType type = RequestType::Reveal;
    QDateTime validUntil;
    qint64 approverId = 0;
};

// Special requests (专项事务申请, DESIGN §5): a requester asks for a full value (reveal), an export or
// a print containing grade-1 data, or access to a restricted customer; a branch manager who is not the
// requester approves or rejects it with a reason, and may revoke it. An approved request is a grant
// that works only within its scope and validity; export and print grants are single use; expiry needs
// nobody to act. Every decision and every use is audited.
class RequestService
{
    Q_DECLARE_TR_FUNCTIONS(RequestService)
public:
    RequestService(Database& db, AuditLog& audit, AccessControl& access, SettingsService& settings,
        const CustomerDirectory& customers, const Clock& clock);

    Result<Request> create(const Session& session, const NewRequest& request);
    // The manager sees every request; others their own.
    Result<QList<Request>> list(const Session& session, bool onlyOpen = false);
    Result<Request> get(const Session& session, qint64 id);
    Status approve(const Session& session, qint64 id, const QString& reason);
    Status reject(const Session& session, qint64 id, const QString& reason);
    Status revoke(const Session& session, qint64 id, const QString& reason);
    Status withdraw(const Session& session, qint64 id);

    // The reports an export or print request may name (the one list; "data_subject" needs exactly one
    // customer, the others none).
    static QStringList reportKeys();
    static bool reportNeedsCustomer(const QString& report);

private:
    // The grant functions of other core services, reached through RequestGrants (RequestServiceInternal.h):
    // they take an actor the caller already authorized, so front ends do not call them.
    friend class RequestGrants;
    Result<Grant> liveGrant(
        const Actor& actor, RequestType type, qint64 customerId, const QString& field = QString()) const;
    Result<Grant> consumeGrant(const Actor& actor, RequestType type, const QString& report, qint64 customerId = 0,
        const QString& usedFor = QString());
    Result<bool> releaseGrant(const Actor& actor, qint64 requestId, const QString& serial);
    Result<Grant> liveReportGrant(
        const Actor& actor, RequestType type, const QString& report, qint64 customerId = 0) const;
    Status recordUse(const Actor& actor, const Grant& grant, const QString& customerNo, const QStringList& fields);

    struct ReportGrant
    {
        Grant grant;
        QString noGrant; // the refusal when it is gone by the time it is used
        QString customerNo;
        QDateTime now;
    };
    Result<ReportGrant> findReportGrant(
        const Actor& actor, RequestType type, const QString& report, qint64 customerId) const;
    Result<Request> load(qint64 id) const;
    // A decision's reason, trimmed; refused when too long, or empty while `whenEmpty` (the message) is set.
    static Result<QString> checkedReason(const QString& reason, const QString& whenEmpty);
    // Request `id`, read inside the transaction `tx` that writes the decision, when it is pending and the actor
    // did not file it; otherwise the refusal (a decision on one's own request rolls `tx` back, then is audited as
    // a denial).
    Result<Request> pendingForDecision(Transaction& tx, const Actor& actor, qint64 id, bool approving);
    // The requests' statements (RequestRepository.h), over m_db.
    RequestRepository repository() const;
    // A decision (approve/reject/revoke/withdraw) on a request the actor may act on; checks done by the
    // callers inside their transaction, this writes the row change (`change`: whether exactly one row changed)
    // and its audit row in it.
    Status decide(const Actor& actor, const Request& request,
        const std::function<Result<bool>(RequestRepository&)>& change, const char* action, const QJsonObject& details);

    Database& m_db;
    AuditLog& m_audit;
    AccessControl& m_access;
    SettingsService& m_settings;
    const CustomerDirectory& m_customers;
    const Clock& m_clock;
};

} // namespace bv
