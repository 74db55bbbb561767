#pragma once

#include "core/common/Clock.h"

#include <memory>

namespace bv {

class AccessControl;
class AccountService;
class AdminService;
class AuditLog;
class AuditService;
class AuthService;
class CustomerService;
class Database;
class PrintRegister;
struct ReportContext;
class ReportService;
class RequestService;
class SettingsService;
class Vault;
class VaultService;
class WorkloadService;

// All core services of one open database, wired together. Front ends (GUI, CLI, benchmark) create one
// Core per open Vault and call the services; the services check the session and write the audit log.
class Core
{
public:
    Core(Vault& vault, VaultService& vaults, const Clock& clock = Clock::system());
    ~Core();
    Core(const Core&) = delete;
    Core& operator=(const Core&) = delete;

    Vault& vault() { return m_vault; }
    const Clock& clock() const { return m_clock; }

    SettingsService& settings() { return *m_settings; }
    AuthService& auth() { return *m_auth; }
    AccountService& accounts() { return *m_accounts; }
    AuditService& audit() { return *m_audit; }
    RequestService& requests() { return *m_requests; }
    CustomerService& customers() { return *m_customers; }
    AdminService& admin() { return *m_admin; }
    ReportService& reports() { return *m_reports; }
    PrintRegister& printRegister() { return *m_printRegister; }
    WorkloadService& workload() { return *m_workload; }

private:
    // The engine under the services (the connection, the audit log's writer, the access checks): for core
    // itself, the benchmark and the tests, through CoreInternals (core/internal/CoreInternal.h).
    friend class CoreInternals;
    Database& database();
    AuditLog& auditLog() { return *m_auditLog; }
    AccessControl& access() { return *m_access; }

    Vault& m_vault;
    const Clock& m_clock;
    std::unique_ptr<AuditLog> m_auditLog;
    std::unique_ptr<SettingsService> m_settings;
    std::unique_ptr<AuthService> m_auth;
    std::unique_ptr<AccessControl> m_access;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<AuditService> m_audit;
    std::unique_ptr<CustomerService> m_customers;
    std::unique_ptr<RequestService> m_requests;
    std::unique_ptr<AdminService> m_admin;
    std::unique_ptr<ReportContext> m_reportContext;
    std::unique_ptr<ReportService> m_reports;
    std::unique_ptr<PrintRegister> m_printRegister;
    std::unique_ptr<WorkloadService> m_workload;
};

} // namespace bv
