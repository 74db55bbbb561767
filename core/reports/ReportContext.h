#pragma once

// Internal to core/reports: what ReportService and PrintRegister work with. Not for ui/ or app/.

#include "ReportDocument.h"
#include "common/Result.h"

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
struct ReportRequest;

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
};

// The print register as a report (the borrowing and destruction record form, 《客户信息借阅、销毁记录表》),
// built by PrintRegister's side for ReportService (PrintRegisterReport.cpp).
Result<ReportDocument> buildPrintRegisterReport(
    ReportContext& context, const Actor& actor, const ReportRequest& request);

} // namespace bv
