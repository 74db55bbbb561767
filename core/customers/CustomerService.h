#pragma once

#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/customers/CustomerRecord.h"

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
class CustomerServiceInternals;
class Database;
class FieldCipher;
class RequestService;
class SettingsService;

// Customer records (DESIGN §6), the front door of core/customers. The operations live in small
// services reached through it — entry() (maker-checker entry and edits, suspicious pairs), finder()
// (reading and finding), ownership() (managers, custody, tiers), care() (service records, complaints,
// consent), retention() (closure, anonymisation, data-subject report), importer() (CSV batch entry) —
// which all share one scope rule (CustomerServiceInternals::scoped, internal to core).
class CustomerService final
{
    Q_DECLARE_TR_FUNCTIONS(CustomerService)
public:
    CustomerService(Database& db, const FieldCipher& cipher, AuditLog& audit, AccessControl& access,
        SettingsService& settings, AccountService& accounts, const Clock& clock);
    ~CustomerService();
    void setRequests(RequestService* requests);

    CustomerEntry& entry() { return *m_entry; }
    CustomerFinder& finder() { return *m_finder; }
    CustomerOwnership& ownership() { return *m_ownership; }
    CustomerCare& care() { return *m_care; }
    CustomerRetention& retention() { return *m_retention; }
    CustomerImport& importer() { return *m_import; }

private:
    friend class CustomerServiceInternals;
    // The plumbing the sub-services share (CustomerServiceInternal.h); created first, destroyed last.
    std::unique_ptr<CustomerServiceInternals> m_internals;
    std::unique_ptr<CustomerEntry> m_entry;
    std::unique_ptr<CustomerFinder> m_finder;
    std::unique_ptr<CustomerOwnership> m_ownership;
    std::unique_ptr<CustomerCare> m_care;
    std::unique_ptr<CustomerRetention> m_retention;
    std::unique_ptr<CustomerImport> m_import;
};

} // namespace bv
