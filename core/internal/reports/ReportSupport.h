#pragma once

#include "core/internal/InternalOnly.h"

#include "core/policy/Statuses.h"
#include "core/policy/ValueLabels.h"

// Internal to core/reports: what the report builders share (ManagerReports.cpp, ActivityReports.cpp,
// CustomerManagerReports.cpp, AuditorReports.cpp, AdminReports.cpp). Not for ui/ or app/.

#include "core/internal/db/QueryRows.h"
#include "core/internal/reports/ReportBuilders.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QVariantList>

#include <functional>

class QSqlQuery;

namespace bv {

// One build: what a builder reads and the document it fills (content only: the header fields are filled by
// buildPlannedReport).
struct ReportJob
{
    ReportContext& context;
    const Actor& actor;
    const ReportPlan& plan;
    const Grant* grant; // the grant that allows grade-1 content, or nullptr
    QDateTime now; // UTC
    QDate today; // branch time
    ReportDocument document;
};

using ReportJobBuilder = Status (*)(ReportJob& job);

// The builders, one per report (the catalogue in ReportCatalogue.cpp names which one a key uses).
Status buildCustomerList(ReportJob& job);
Status buildTierDistribution(ReportJob& job);
Status buildCustomerMovements(ReportJob& job);
Status buildSuspiciousPairs(ReportJob& job);
Status buildReassignments(ReportJob& job);
Status buildServiceActivity(ReportJob& job);
Status buildComplaints(ReportJob& job);
Status buildPortfolioSummary(ReportJob& job);
Status buildDataSubject(ReportJob& job);
Status buildAuditSummary(ReportJob& job);
Status buildAuditAlerts(ReportJob& job);
Status buildAuditCheckpoint(ReportJob& job);
Status buildPrintRegister(ReportJob& job);
Status buildAccountRoster(ReportJob& job);

// The branch's name as the reports print it (the setting branch.name, else the branch code).
QString reportBranch(ReportContext& context);

// Times and numbers as the reports print them. Branch time is WorkingCalendar::branchTimeZone() (UTC+08:00).
namespace reporttext {
QDateTime branchTime(const QDateTime& utc);
QDate branchDate(const QDateTime& utc);
QDateTime dayStartUtc(const QDate& branchDate); // 00:00 branch time, as UTC
QString dateTime(const QDateTime& utc); // "2026-03-02 10:00" (branch time), "—" when invalid
QString dateTimeWithZone(const QDateTime& utc); // "2026-03-02 10:00 (UTC+08:00)"
QString date(const QDate& date); // ISO, "—" when invalid
QString storedTime(const QVariant& value); // a stored ISO UTC timestamp in branch time
QString zoneModifier(); // the SQLite modifier that turns a stored UTC time into branch time ("+28800 seconds")
QString number(qint64 value); // with the locale's digit grouping
QString percent(qint64 part, qint64 whole); // "12.5%", "—" for a whole of 0
QString staff(const QString& login, const QString& displayName); // "张经理 (cm1)"
QString none(); // "—"
// A customer field's value for print: a choice's label, an amount with digit grouping, a time in branch time, a
// flag as yes/no, or the text itself (ValueLabels::value and the columns only a report prints).
QString fieldValue(const QString& fieldKey, const QString& value);
} // namespace reporttext

} // namespace bv
