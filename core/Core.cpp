#include "core/Core.h"

#include "core/audit/AuditService.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/KeyCustody.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/reports/PrintRegisterRepository.h"
#include "core/internal/reports/ReportBuilders.h"
#include "core/internal/reports/ReportContext.h"
#include "core/internal/vault/VaultState.h"
#include "core/policy/SettingsService.h"
#include "core/reports/PrintRegister.h"
#include "core/reports/ReportService.h"
#include "core/requests/RequestService.h"
#include "core/vault/AdminService.h"
#include "core/vault/Vault.h"
#include "core/work/WorkloadService.h"

namespace bv {

Core::Core(Vault& vault, VaultService& vaults, const Clock& clock)
    : m_vault(vault)
    , m_clock(clock)
{
    Database& db = vault.database();
    m_auditLog = std::make_unique<AuditLog>(db, vault.databaseId(), clock);
    m_settings = std::make_unique<SettingsService>(db, *m_auditLog, clock);
    KeyCustody custody;
    custody.cipher = &vault.cipher();
    custody.staffCipher = &vault.staffCipher();
    custody.recoveryRecipient = [&vault] { return recoveryRecipientOf(vault); };
    custody.legacyKeys = [&vault] { return vault.legacyKeys(); };
    m_auth = std::make_unique<AuthService>(db, *m_auditLog, *m_settings, std::move(custody), clock);
    m_access = std::make_unique<AccessControl>(*m_auth, *m_auditLog);
    m_settings->setAccessControl(m_access.get());
    m_accounts = std::make_unique<AccountService>(db, *m_auditLog, *m_auth, *m_access, *m_settings, clock);
    m_audit = std::make_unique<AuditService>(db, *m_auditLog, *m_access, *m_settings, clock);
    m_customers = std::make_unique<CustomerService>(
        db, vault.cipher(), *m_auditLog, *m_access, *m_settings, *m_accounts, clock);
    m_requests = std::make_unique<RequestService>(
        db, *m_auditLog, *m_access, *m_settings, CustomerServiceInternals::of(*m_customers), clock);
    m_customers->setRequests(m_requests.get());
    m_admin = std::make_unique<AdminService>(vault, vaults, *m_access, *m_auditLog);
    m_reportContext = std::make_unique<ReportContext>(ReportContext {db, *m_auditLog, *m_access, *m_settings, *m_auth,
        *m_accounts, *m_audit, *m_customers, *m_requests, vault.staffCipher(), clock});
    installReportBuilders(*m_reportContext);
    m_reports = std::make_unique<ReportService>(*m_reportContext);
    m_printRegister = std::make_unique<PrintRegister>(*m_reportContext);
    m_workload = std::make_unique<WorkloadService>(*m_reportContext, vault);
    // the print register's open alerts in the auditor's alert list (DESIGN §8)
    m_audit->addAlertSource([context = m_reportContext.get()](const QDateTime& until, QList<AuditAlert>* alerts) {
        return appendPrintAlerts(*context, until, alerts);
    });
}

Core::~Core() = default;

Database& Core::database()
{
    return m_vault.database();
}

} // namespace bv
