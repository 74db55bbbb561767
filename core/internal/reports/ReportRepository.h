#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <functional>

class QSqlQuery;

namespace bv {

class Connection;

// Every statement of the report builders (docs/ARCHITECTURE.md, "Storage seam"): read-only reads over the
// customers, care, accounts and audit tables, each the rows one report table is made from. The builders
// (ManagerReports.cpp, ActivityReports.cpp, AuditorReports.cpp, CustomerManagerReports.cpp, AdminReports.cpp)
// keep the layout, the labels and the counting; the print register's rows are PrintRegisterRepository's. Each read
// streams its rows to `row` in the column order its comment names and ends with the rowsFinished() check. Grade-1
// values appear only as the stored masked forms. Internal to core.
class ReportRepository
{
public:
    using Row = std::function<void(const QSqlQuery&)>;

    explicit ReportRepository(Connection& db);

    // The branch manager's customer base (ManagerReports.cpp).
    // The roster: customer_no, sex, age band, tier, manager's display name (responsible now), status, opened
    // (approved, else entered), then the stored masked name, ID number and mobile (NULL without `identities`).
    // `allStatuses`: pending, active, closed and anonymised records; else the active ones. By customer number.
    Status roster(bool identities, bool allStatuses, const QDateTime& now, const Row& row);
    // Active customers per tier: tier, customers, sum of aum_cny.
    Status tierTotals(const Row& row);
    // New customers per month in [start, end): month ("yyyy-MM" in the `zone` modifier's time), count.
    Status newByMonth(const QString& zone, const QDateTime& start, const QDateTime& end, const Row& row);
    // Closures per month in [start, end): month, count.
    Status closedByMonth(const QString& zone, const QDateTime& start, const QDateTime& end, const Row& row);
    // Suspicious pairs (`all`, else only the open ones) by when found: customer_no a, customer_no b, kind, found_at,
    // status, cleared_at.
    Status suspiciousPairs(bool all, const Row& row);
    // Held customers that wait for a new manager: customer_no, tier, status, owner's login, display name, status,
    // frozen_at, custodian's login, display name, status, frozen_at.
    Status reassignments(const QDateTime& now, const Row& row);

    // Work with customers by member of staff (ActivityReports.cpp).
    // Active customer managers: id, login, display name.
    Status activeCustomerManagers(const Row& row);
    // One account: login, display name, status.
    Status staffMember(qint64 id, const Row& row);
    // Service records served on a branch date in [from, to], by who served: by_id, records, customers.
    Status serviceCounts(const QDate& from, const QDate& to, const Row& row);
    // Complaints received in [start, end), by the manager responsible now: manager id, count.
    Status complaintCounts(const QDateTime& now, const QDateTime& start, const QDateTime& end, const Row& row);
    // Complaints open now (customers still held) or answered in [start, end), by when received: manager id,
    // customer_no, received_at, channel, status, investigate_by, answer_by, investigated_at, answered_at, manager's
    // login, display name.
    Status complaints(const QDateTime& now, const QDateTime& start, const QDateTime& end, const Row& row);

    // The audit log over [start, end) (AuditorReports.cpp).
    // By action: action, rows, refused, failed.
    Status auditByAction(const QDateTime& start, const QDateTime& end, const Row& row);
    // By user: login, role, rows, refused.
    Status auditByUser(const QDateTime& start, const QDateTime& end, const Row& row);
    // By day in the `zone` modifier's time: day, rows, refused.
    Status auditByDay(const QString& zone, const QDateTime& start, const QDateTime& end, const Row& row);
    // The first `limit` refusals: seq, at, login, role, action, refused operation, object type, object id,
    // customer_no.
    Status auditRefusals(const QDateTime& start, const QDateTime& end, int limit, const Row& row);

    // A customer manager's own customers (CustomerManagerReports.cpp): customer_no, tier, status, age band, last
    // service date.
    Status ownCustomers(qint64 managerId, const QDateTime& now, const Row& row);

    // Every account (AdminReports.cpp): login, display name, role, status, totp_enrolled, created_at,
    // last_sign_in_at, awaiting.
    Status accounts(const Row& row);

private:
    Connection& m_db;
};

} // namespace bv
