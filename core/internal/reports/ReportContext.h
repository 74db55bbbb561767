#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core/reports: what ReportService and PrintRegister work with. Not for ui/ or app/.

#include "core/common/Result.h"
#include "core/reports/ReportDocument.h"

#include <functional>

namespace bv {

struct Actor;
class AccessControl;
class AccountService;
class AuditLog;
class AuditService;
class AuthService;
class Clock;
class CustomerService;
class Database;
class FieldCipher;
class RequestService;
class SettingsService;
struct Grant;
struct ReportContext;
struct ReportInfo;
struct ReportRequest;

// Builds one report's document for an actor already authorized (PrintReport/RunReport) with `grant` (the
// live print/export grant found for it, or nullptr): the role, scope and grade-1 rules of the report are
// the builder's. The print flow (ReportPrinting.cpp) calls it through ReportContext::builder.
using ReportBuilder = std::function<Result<ReportDocument>(
    ReportContext& context, const Actor& actor, const ReportRequest& request, const Grant* grant)>;
// The catalogue entry of a report key, or nullptr.
using ReportInfoLookup = std::function<const ReportInfo*(const QString& key)>;

struct ReportContext
{
    Database& db;
    AuditLog& auditLog;
    AccessControl& access;
    SettingsService& settings;
    AuthService& auth;
    AccountService& accounts;
    AuditService& audit;
    CustomerService& customers;
    RequestService& requests;
    const FieldCipher& staffCipher; // the staff keys: the print key for page codes is derived from them
    const Clock& clock;
    // The report builders and the catalogue the print flow uses (Core sets them to the builders of
    // ReportBuilders; tests may put their own). Empty: print() and reprint() refuse (Internal).
    ReportBuilder builder = {};
    ReportInfoLookup reportInfo = {};
};

// The print register as a report (the borrowing and destruction record form, 《客户信息借阅、销毁记录表》),
// built by PrintRegister's side for ReportService (PrintRegisterReport.cpp).
Result<ReportDocument> buildPrintRegisterReport(
    ReportContext& context, const Actor& actor, const ReportRequest& request);

} // namespace bv
