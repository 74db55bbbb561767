#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: the SQL of reading across customer records, of ownership (managers, custody, tier changes)
// and of retention (closure, anonymisation, the data-subject report) — the statements of CustomerFinder,
// CustomerOwnership and CustomerRetention — and "who is responsible for a customer now", written once for every
// query that needs it. SQL and row mapping only: the services check the session, write the audit rows and open
// the transactions (docs/ARCHITECTURE.md, "Storage seam").

#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"
#include "core/customers/lifecycle/CustomerOwnership.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QVariantList>

#include <functional>
#include <optional>

class QSqlQuery;

namespace bv {

class Connection;

// "Who is responsible for a customer now". The manager responsible now is the custodian while a custody lasts,
// else the owner; a customer manager's own customers are those he or she is responsible for now whose record is
// still held (pending, active, closed) — the rule CustomerServiceInternals::reachable applies to one customer.
// All SQL is over the customers table aliased `c`. The other repositories that select customers by their
// manager build on these fragments.
namespace responsible {

// The manager responsible now, as an SQL expression; bind managerValues(now) where it appears.
QString managerSql();
QVariantList managerValues(const QDateTime& now);

// The condition "the manager responsible now is ?" written so that the indexes on manager_id and
// custody_manager_id can answer it (the expression above cannot); bind managedByValues(userId, now).
QString managedBySql();
QVariantList managedByValues(qint64 userId, const QDateTime& now);

// The condition "the record is still held" (pending, active or closed; not rejected, not anonymised), and the
// same test in C++.
QString heldSql();
bool isHeld(CustomerStatus status);

// A customer manager's own customers: managedBySql() and heldSql(); bind ownValues(userId, now).
QString ownSql();
QVariantList ownValues(qint64 userId, const QDateTime& now);

// The condition "a custody lasts now" (a custodian is set and its end is ahead); bind custodyValues(now).
QString custodySql();
QVariantList custodyValues(const QDateTime& now);

} // namespace responsible

// The customer list row as every list reads it: the SELECT (masked name, grade 3, the manager responsible now
// from users alias u, which the caller joins) and the reader of its nine columns.
namespace listrow {
QString select();
Result<CustomerListRow> from(const QSqlQuery& q);
} // namespace listrow

class CustomerQueryRepository
{
public:
    explicit CustomerQueryRepository(Connection& db);

    // --- reading and finding (CustomerFinder) ---

    // The detail view's columns of one customer (number, status, restricted, tier, branch, the manager
    // responsible now, custody, sex, nationality, age band, dates); nullopt if there is no such customer.
    Result<std::optional<CustomerView>> view(qint64 customerId, const QDateTime& now);
    // The id of the customer's pending change (0: none).
    Result<qint64> pendingChangeId(qint64 customerId);
    // The own portfolio of `userId` in customer-number order after `after`, through the manager indexes: each
    // list row with its sealed name, until `visit` returns false; at most `limit` rows (-1: no limit).
    Status portfolio(qint64 userId, const QDateTime& now, const QString& after, int limit,
        const std::function<bool(const CustomerListRow&, const QByteArray& sealedName)>& visit);
    // One page of the branch list (rejected records left out) in `sort` order, keyset-paged: after the position
    // (sortValue, number) when `from` is set; at most `limit` rows, each with its sort key for the next cursor.
    struct BranchPosition
    {
        QString sortValue;
        QString number;
    };
    struct BranchRow
    {
        CustomerListRow row;
        QString sortKey;
    };
    Result<QList<BranchRow>> branchPage(
        CustomerSort sort, bool descending, const std::optional<BranchPosition>& from, int limit, const QDateTime& now);
    // The number of the branch list's rows.
    Result<qint64> branchCount();
    // One customer's list row (nullopt: none).
    Result<std::optional<CustomerListRow>> listRow(qint64 customerId, const QDateTime& now);
    // The blind index of the customer's sealed name (empty: none).
    Result<QByteArray> nameBlind(qint64 customerId);
    // The clerk's card: sex, age band, nationality, tier and status filled in (nullopt: no such customer).
    Result<std::optional<ClerkCard>> clerkCard(qint64 customerId);

    // --- ownership and tiers (CustomerOwnership) ---

    // Who holds a customer now, as stored.
    struct Holding
    {
        CustomerStatus status = CustomerStatus::Pending;
        qint64 ownerId = 0;
        bool ownerFrozen = false;
        qint64 custodianId = 0;
        bool custodianFrozen = false;
        QDateTime custodyUntil; // invalid: none
    };
    Result<std::optional<Holding>> holding(qint64 customerId);
    // A custodian until `until`; the owner stays.
    Status setCustody(qint64 customerId, qint64 custodianId, const QDateTime& until, const QDateTime& now);
    // The custody ends; the owner is responsible again.
    Status endCustody(qint64 customerId, const QDateTime& now);
    // A new owner; any custody ends.
    Status setOwner(qint64 customerId, qint64 ownerId, const QDateTime& now);
    struct Assignment
    {
        qint64 customerId = 0;
        QString kind;
        qint64 fromId = 0; // 0: none
        qint64 toId = 0; // 0: none
        QDateTime until; // invalid: none
        QDateTime at;
        qint64 byId = 0;
        QString reason; // empty: none
    };
    Status addAssignment(const Assignment& assignment);
    // The customer's assignment rows as stored, oldest first, with staff logins.
    Result<QList<AssignmentEntry>> assignments(qint64 customerId);
    // The reassignment list (no owner, a frozen owner, or a frozen custodian during a custody) as list rows in
    // customer-number order, and its size for the home page.
    Result<QList<CustomerListRow>> reassignmentList(const QDateTime& now);
    Result<qint64> reassignmentCount(const QDateTime& now);

    // Pending tier changes, oldest first.
    Result<QList<TierChange>> pendingTierChanges();
    // A tier change with what its decision checks.
    struct TierDecision
    {
        qint64 customerId = 0;
        QString fromTier;
        QString toTier;
        TierChangeStatus status = TierChangeStatus::Pending;
        QString customerNumber;
        QString currentTier;
        CustomerStatus customerStatus = CustomerStatus::Pending;
        qint64 assets = 0;
    };
    Result<std::optional<TierDecision>> tierDecision(qint64 tierChangeId);
    Status setTier(qint64 customerId, const QString& tier, const QDateTime& now);
    // Decides a pending tier change (Confirmed or Rejected); the number of rows changed (0: decided already).
    Result<int> decideTierChange(
        qint64 tierChangeId, TierChangeStatus status, qint64 userId, const QDateTime& now, const QString& reason);

    // --- closure and anonymisation (CustomerRetention) ---

    // Active → closed with the retention period; the number of rows changed (0: it was no longer active).
    Result<int> close(qint64 customerId, const QDateTime& now, const QDateTime& retentionUntil);
    Result<QList<qint64>> pendingChangeIds(qint64 customerId);
    // A pending change ended by a closure: rejected with `reason`, its checker `userId` unless that is its maker.
    Status rejectChangeForClosure(qint64 changeId, qint64 userId, const QDateTime& now, const QString& reason);
    // Every pending tier change of the customer rejected; how many.
    Result<int> rejectPendingTierChanges(qint64 customerId, qint64 userId, const QDateTime& now, const QString& reason);
    Status addHistory(
        qint64 customerId, const QDateTime& at, const QString& kind, qint64 actorId, const QString& diffJson);
    // Closed customers whose retention ended by `now` (id, number), the longest due first.
    Result<QList<QPair<qint64, QString>>> dueForAnonymisation(const QDateTime& now);
    // Closed and due → anonymised; the number of rows changed (0: no longer due).
    Result<int> markAnonymised(qint64 customerId, const QDateTime& now);
    Result<QList<qint64>> accountIds(qint64 customerId);
    // (id, stored diff) of the customer's history entries and changes.
    Result<QList<QPair<qint64, QString>>> historyDiffs(qint64 customerId);
    Result<QList<QPair<qint64, QString>>> changeDiffs(qint64 customerId);
    Status setHistoryDiff(qint64 historyId, const QString& diffJson);
    // A change's staged values and reason erased, its diff replaced.
    Status eraseChange(qint64 changeId, const QString& diffJson);
    // Contents erased; how many rows.
    Result<int> eraseServiceContents(qint64 customerId);
    Result<int> eraseComplaintContents(qint64 customerId);
    // Staff reasons about the customer erased (tier changes, assignments, suspicious pairs and their values).
    Status eraseStaffReasons(qint64 customerId);
    // The customer's open suspicious pairs closed by the system (no clearer, no reason): the shared value is gone with
    // the customer's sealed values, so there is nothing left to review and no reason may be written about it later.
    // How many.
    Result<int> closeSuspiciousPairs(qint64 customerId, const QDateTime& now);

    // --- the data-subject report (CustomerRetention) ---

    struct SubjectRecord
    {
        QString number;
        CustomerStatus status = CustomerStatus::Pending;
        QString branch;
        bool restricted = false;
        QString tier;
        QString ageBand;
        QString createdAt; // as stored
        QString updatedAt;
        QJsonObject dates; // created_at, updated_at, approved_at, closed_at, retention_until, custody_until
    };
    Result<std::optional<SubjectRecord>> subjectRecord(qint64 customerId);
    // A history entry or a pending change as stored: when, what kind, by whom (login), the stored diff.
    struct StoredDiff
    {
        QString at;
        QString kind;
        QString by;
        QString diffJson;
    };
    Result<QList<StoredDiff>> historyOf(qint64 customerId);
    Result<QList<StoredDiff>> pendingChangesOf(qint64 customerId);
    // The report's sections as rows of JSON objects (the keys of the printed form).
    Result<QJsonArray> tierChangesOf(qint64 customerId);
    Result<QJsonArray> serviceRecordsOf(qint64 customerId);
    Result<QJsonArray> complaintsOf(qint64 customerId);
    Result<QJsonArray> consentsOf(qint64 customerId);
    Result<QJsonArray> assignmentsOf(qint64 customerId);
    // Special requests concerning the customer (not their purpose text); "expired" as of `now`.
    Result<QJsonArray> requestsOf(qint64 customerId, const QDateTime& now);
    // The audit log's rows about the customer: at, action, role, outcome.
    Result<QJsonArray> accessLogOf(const QString& customerNo);

private:
    Connection& m_db;
};

} // namespace bv
