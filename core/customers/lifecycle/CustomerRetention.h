#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/policy/Statuses.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>

namespace bv {

class CustomerServiceInternals;
struct CustomerRef;
struct Grant;

// Closure, retention and the data-subject report (DESIGN §6). Closure and anonymisation are in
// CustomerRetention.cpp, the data-subject report in DataSubjectReport.cpp; their SQL is in CustomerQueryRepository.
// - Closing a customer (branch manager, with a reason) starts the retention period
//   (customer.retention_years, default and floor 5): status "closed", closed_at, retention_until. A
//   pending edit is rejected ("customer closed") and its staged values erased; pending tier changes are
//   rejected; open suspicious pairs stay for the manager. The reason is kept in the customer's history
//   (kind "close"), where it is erased with the rest at anonymisation; the audit row has its length only.
// - When the period ends the record is anonymised by anonymiseDue(): grade 1 and 2 erased — every sealed
//   value of the customer, of its accounts, of its history and of its changes; the grade-2 columns; service
//   and complaint contents and resolutions; values in the stored diffs (reduced to field names); staff
//   reasons written about the customer (changes, tier changes, assignments, suspicious pairs). Grade 3 is
//   kept for statistics: tier, sex, age band, nationality, branch, manager, dates; the account rows stay
//   with type, opening date and status but without their numbers. Consents (no free text), the print
//   register and the audit log (masked values only) stay as they are.
//   anonymiseDue() runs as the system, not in a session: the front ends call it at start-up and daily
//   (the GUI with a timer, the CLI at every start). It is idempotent; each customer is anonymised in its
//   own transaction with its audit row (customer.anonymise, actor "system").
// - The data-subject report: everything held about one customer, for the customer's own access
//   request, as structured data (grade-1 values in full) — only under a live single-use grant (export,
//   or else print, report "data_subject") for that customer. The grant is used up, the report built and
//   its audit row written in one transaction: if anything fails, nothing is used up.
class CustomerRetention
{
    Q_DECLARE_TR_FUNCTIONS(CustomerRetention)
public:
    explicit CustomerRetention(CustomerServiceInternals& internals);

    Status close(const Session& session, const QString& customerNo, const QString& reason);
    // The reason a closure needs (given, at most 500 characters), worded for the user; the branch server's closure
    // (ServerCustomers::close) checks it the same way.
    static Status checkCloseReason(const QString& reason);
    // Anonymises every closed customer whose retention has ended; returns how many. Runs as the system.
    Result<int> anonymiseDue();

    Result<QJsonObject> dataSubjectReport(const Session& session, const QString& customerNo);
    // The one rule of both data-subject reports (this one and the printed one in core/reports): a rejected or
    // anonymised record holds no personal information, so there is no report to produce (Conflict).
    static Status subjectReportPossible(const QString& customerNo, CustomerStatus status);

    // The history entry of a closure holds its reason under this key (not a customer field of the catalogue); the
    // data-subject report labels it.
    static constexpr QLatin1String kCloseReasonKey {"close_reason"};

private:
    // The content of the data-subject report, for core/reports through CustomerServiceInternals.
    friend class CustomerServiceInternals;
    Result<QJsonObject> dataSubjectContent(const Actor& actor, const CustomerRef& ref, const Grant& grant);
    // Anonymises one customer in its own transaction; false if it was no longer due (already done).
    Result<bool> anonymise(qint64 customerId, const QString& customerNo, const QDateTime& now);

    CustomerServiceInternals& m_internals;
};

} // namespace bv
