#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"

#include <QCoreApplication>

namespace bv {

class CustomerServiceInternals;

struct AssignmentEntry
{
    QDateTime at;
    QString kind; // "assign", "transfer", "custody", "return", "reclaim", "custody_end"
    QString fromLogin;
    QString toLogin;
    QDateTime until; // custody only
    QString byLogin;
    QString reason;
};

struct TierChange
{
    qint64 id = 0;
    QString customerNumber;
    QString fromTier;
    QString toTier;
    QDateTime computedAt;
    TierChangeStatus status = TierChangeStatus::Pending;
};

// Ownership (DESIGN §6): every active customer has exactly one customer manager. Assign, transfer,
// temporary custody (托管) with an end date after which the customer returns by itself, early return,
// and reclaim — all done by a branch manager and recorded. Customers of frozen staff appear on a
// reassignment list. Tier changes computed from assets wait here for the manager's confirmation.
class CustomerOwnership
{
    Q_DECLARE_TR_FUNCTIONS(CustomerOwnership)
public:
    explicit CustomerOwnership(CustomerServiceInternals& internals);

    Status assign(const Session& session, const QString& customerNo, const QString& managerLogin,
        const QString& reason = QString());
    Status transfer(
        const Session& session, const QString& customerNo, const QString& managerLogin, const QString& reason);
    Status custody(const Session& session, const QString& customerNo, const QString& managerLogin, const QDate& until,
        const QString& reason);
    Status endCustody(const Session& session, const QString& customerNo); // "return" before the end date
    Status reclaim(
        const Session& session, const QString& customerNo, const QString& managerLogin, const QString& reason);
    Result<QList<AssignmentEntry>> assignments(const Session& session, const QString& customerNo);
    Result<QList<CustomerListRow>> reassignmentList(const Session& session);

    Result<QList<TierChange>> pendingTiers(const Session& session);
    Status confirmTier(const Session& session, qint64 tierChangeId);
    Status rejectTier(const Session& session, qint64 tierChangeId, const QString& reason);

    // A custody lasts at most this many days (through the end of its last day, branch time).
    static constexpr int kMaxCustodyDays = 180;
    // A custody's last day checked against the branch's date `today`: today or later, at most kMaxCustodyDays ahead
    // (InvalidInput naming "until"). Local mode's and the branch server's custody both use it.
    static Status checkCustodyEnd(const QDate& until, const QDate& today);
    // The reason for a change of customer manager, trimmed: required for transfer, custody and reclaim (`required`),
    // at most 500 characters (InvalidInput naming "reason").
    static Status checkReason(const QString& reason, bool required);
    // The reason for a tier decision, trimmed: required to reject (the customer keeps the current tier), at most
    // 500 characters (InvalidInput naming "reason").
    static Status checkTierReason(const QString& reason, bool confirm);

private:
    // The one write path of assign / transfer / custody / return / reclaim: checks, the update of the
    // customer, its customer_assignments row and its audit row, in one transaction.
    Status move(const Session& session, const QString& kind, const QString& customerNo, const QString& managerLogin,
        const QDate& until, const QString& reason);
    Status decideTier(const Session& session, qint64 tierChangeId, bool confirm, const QString& reason);

    CustomerServiceInternals& m_internals;
};

} // namespace bv
