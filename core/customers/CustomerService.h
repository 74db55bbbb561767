#pragma once

#include "CustomerRecord.h"
#include "auth/Session.h"
#include "common/Clock.h"
#include "policy/Operation.h"
#include "requests/CustomerDirectory.h"

#include <QCoreApplication>

#include <memory>

namespace bv {

class AccessControl;
class AccountService;
class AuditLog;
class CustomerCare;
class CustomerEntry;
class CustomerFinder;
class CustomerImport;
class CustomerOwnership;
class CustomerRetention;
class CustomerStore;
class Database;
class FieldCipher;
class RequestService;
class SettingsService;

// Customer records (DESIGN §6), the front door of core/customers. The operations live in small
// services reached through it — entry() (maker-checker entry and edits, suspicious pairs), finder()
// (reading and finding), ownership() (managers, custody, tiers), care() (service records, complaints,
// consent), retention() (closure, anonymisation, data-subject report), importer() (CSV batch entry) —
// which all share the scope rule below.
class CustomerService final : public CustomerDirectory
{
    Q_DECLARE_TR_FUNCTIONS(CustomerService)
public:
    CustomerService(Database& db, const FieldCipher& cipher, AuditLog& audit, AccessControl& access,
        SettingsService& settings, AccountService& accounts, const Clock& clock);
    ~CustomerService() override;
    void setRequests(RequestService* requests) { m_requests = requests; }

    CustomerEntry& entry() { return *m_entry; }
    CustomerFinder& finder() { return *m_finder; }
    CustomerOwnership& ownership() { return *m_ownership; }
    CustomerCare& care() { return *m_care; }
    CustomerRetention& retention() { return *m_retention; }
    CustomerImport& importer() { return *m_import; }

    // CustomerDirectory
    Result<CustomerRef> customerByNumber(const QString& number) const override;
    Result<CustomerRef> customerById(qint64 id) const override;

    // The scope rule for one customer: the branch manager reaches every customer of the branch; a
    // customer manager only the customers he or she is responsible for now (custody included). A
    // refusal is audited and says "not your customer". Restricted customers are reachable only this
    // way, so nobody else reaches them. Rejected and anonymised records are reachable only by the
    // branch manager.
    Result<CustomerRef> reachable(const Actor& actor, Operation operation, const QString& number);
    // Display name of a staff account ("" if none), and its masked form for cross-manager answers.
    QString staffName(qint64 userId) const;
    QString maskedStaffName(qint64 userId) const;

    // Plumbing for the sub-services.
    CustomerStore& store() { return *m_store; }
    AuditLog& auditLog() { return m_audit; }
    AccessControl& access() { return m_access; }
    SettingsService& settings() { return m_settings; }
    AccountService& accounts() { return m_accounts; }
    RequestService* requests() { return m_requests; }
    const Clock& clock() const { return m_clock; }
    Database& database() { return m_db; }

private:
    Result<CustomerRef> lookup(const QString& column, const QVariant& value) const;

    Database& m_db;
    AuditLog& m_audit;
    AccessControl& m_access;
    SettingsService& m_settings;
    AccountService& m_accounts;
    const Clock& m_clock;
    RequestService* m_requests = nullptr;
    std::unique_ptr<CustomerStore> m_store;
    std::unique_ptr<CustomerEntry> m_entry;
    std::unique_ptr<CustomerFinder> m_finder;
    std::unique_ptr<CustomerOwnership> m_ownership;
    std::unique_ptr<CustomerCare> m_care;
    std::unique_ptr<CustomerRetention> m_retention;
    std::unique_ptr<CustomerImport> m_import;
};

} // namespace bv
