#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core/reports: the report catalogue and the builders behind ReportService::run (ReportService.cpp)
// and the print flow (ReportPrinting.cpp). Not for ui/ or app/: they go through ReportService.
//
// The one sequence both follow:
//     auto plan = planReport(context, actor, request, operation);   // role, parameters, customer scope
//     if (plan->holdsGrade1) { a live grant (liveGrantFor) or one reserved/used by the caller }
//     auto document = buildPlannedReport(context, actor, *plan, grant);  // reads only, uses nothing
//     ... the caller's audit row (report.run / the print rows) in its transaction
// buildReport() does the first and the last step in one call (and refuses grade-1 content without a grant).

#include "core/auth/Session.h"
#include "core/internal/reports/ReportContext.h"
#include "core/policy/Operation.h"
#include "core/reports/ReportService.h"

#include <QDate>
#include <QJsonObject>

#include <optional>

namespace bv {

struct Grant;

// The catalogue entry of `key`, translated now, or nullopt for an unknown key. `today` (branch date) gives
// the date and month parameters their concrete defaults; without it those defaults stay empty and
// planReport computes them from the clock.
std::optional<ReportInfo> findReportInfo(const QString& key, const QDate& today = QDate());
// Every report, in catalogue order (manager, customer manager, auditor, administrator).
QList<ReportInfo> reportCatalogue(const QDate& today = QDate());

// A request checked against the catalogue for one actor.
struct ReportPlan
{
    ReportInfo info; // defaults filled for today
    QHash<QString, QString> values; // every parameter of the report: validated, normalised, defaults filled
    QList<ReportParameter> shown; // the parameters as the document shows them (no grade-1 value)
    bool holdsGrade1 = false; // this run holds grade-1 values (masked or in full): it needs a live grant
    bool fullGrade1 = false; // grade-1 values in full (the data-subject report)
    qint64 customerId = 0; // the one customer of a data-subject report (the grant must name it)
    QString customerNo;
    QString grantHint; // translated: what to request when no grant is live (holdsGrade1 only)

    QDate date(const QString& key) const; // a Date parameter
    QDate month(const QString& key) const; // a Month parameter: its first day
    bool flag(const QString& key) const; // a Boolean parameter
    // The parameters for an audit row: keys and values as validated (none of them is a grade-1 value).
    QJsonObject auditParameters() const;
};

// Checks `request` for `actor` (already authorized for `operation`, RunReport or PrintReport): the report
// exists (InvalidInput, field "report"), its role is the actor's (PermissionDenied naming the role that runs
// it), every parameter is known and valid (InvalidInput, Error::field = the parameter's key, message
// "from: not a date (yyyy-MM-dd) ..."), and for a data-subject report the customer is the actor's own
// (CustomerService::reachable) and still holds personal data (Conflict for anonymised / rejected records).
// Role and scope refusals are audited through AccessControl::deny as `operation`: call it outside a
// transaction.
Result<ReportPlan> planReport(
    ReportContext& context, const Actor& actor, const ReportRequest& request, Operation operation);

// The live grant a plan that holds grade-1 content needs: a print grant for the report (and its customer),
// else an export grant (RequestService::liveReportGrant). Nothing is used up. NotFound when none is live:
// the caller refuses with plan.grantHint through AccessControl::deny (outside a transaction).
Result<Grant> liveGrantFor(ReportContext& context, const Actor& actor, const ReportPlan& plan);

// Builds the document of a plan: content, title, parameters as shown, branch, builtBy, builtAt (UTC and branch
// time), grade marks, orientation and the grant's request id. `grant` is the grant that allows grade-1
// content (checked live or reserved by the caller), or nullptr; a plan that holds grade 1 without one is an
// Internal error (the caller skipped the check). Reads only, writes nothing, uses no grant: it may run inside
// the caller's transaction.
Result<ReportDocument> buildPlannedReport(
    ReportContext& context, const Actor& actor, const ReportPlan& plan, const Grant* grant);

// planReport + buildPlannedReport. A plan that holds grade-1 content without `grant` is refused here
// (PermissionDenied with the request hint, audited through AccessControl::deny). The caller handles the grant
// (pass the one that allows grade-1 content, or nullptr) and the audit row of the run or print. Call it
// outside a transaction (refusals are recorded as standalone audit rows).
Result<ReportDocument> buildReport(ReportContext& context, const Actor& actor, const ReportRequest& request,
    const Grant* grant, Operation operation = Operation::RunReport);

// Sets context.builder (buildReport as a print: refusals audited as PrintReport) and context.reportInfo (the
// catalogue entry of a key, translated at each lookup, kept at a stable address for the context's lifetime) for
// the print flow (ReportPrinting.cpp). Core calls it once.
void installReportBuilders(ReportContext& context);

} // namespace bv
