#pragma once

// Internal to core/reports: what ReportService and PrintRegister work with. Not for ui/ or app/.

namespace bv {

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

} // namespace bv
