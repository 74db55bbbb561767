#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: what the sub-services of CustomerService (entry, finder, ownership, care, retention,
// import) and the core services beside it (reports, workload) share. ui/ and app/ do not include this header;
// they go through the session-taking operations of CustomerService.h. The benchmark (app/bench) is the one
// exception: it times the blind-index lookup (CustomerStore::customersWith) on its own.

#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/customers/CustomerService.h"
#include "core/internal/requests/CustomerDirectory.h"
#include "core/internal/requests/RequestServiceInternal.h"
#include "core/policy/Operation.h"

#include <QJsonObject>

#include <memory>
#include <optional>

namespace bv {

class AccessControl;
class AccountService;
class AuditLog;
class CustomerRepository;
class CustomerStore;
class Database;
class FieldCipher;
class SettingsService;
class Transaction;

// What one scope check gives: the actor the session authorized, and the customer it may act on.
struct ScopedCustomer
{
    Actor actor;
    CustomerRef customer;
};

// Also the CustomerDirectory of the core services beside CustomerService (RequestService): a session-less
// lookup that only core reaches, since this header is internal.
class CustomerServiceInternals final : public CustomerDirectory
{
public:
    CustomerServiceInternals(CustomerService& service, Database& db, const FieldCipher& cipher, AuditLog& audit,
        AccessControl& access, SettingsService& settings, AccountService& accounts, const Clock& clock);
    ~CustomerServiceInternals() override;
    CustomerServiceInternals(const CustomerServiceInternals&) = delete;
    CustomerServiceInternals& operator=(const CustomerServiceInternals&) = delete;

    static CustomerServiceInternals& of(CustomerService& service) { return *service.m_internals; }

    // The one scope check of an operation on one customer: the session is authorized for `operation`
    // (AccessControl::authorize), then the customer must be in the actor's scope (reachable below). Every
    // refusal is audited as the two checks audit it.
    Result<ScopedCustomer> scoped(const Session& session, Operation operation, const QString& customerNo);

    // The scope rule for one customer, for an actor already authorized for `operation`: the branch manager
    // reaches every customer of the branch; a customer manager only the customers he or she is responsible for
    // now (custody included). A refusal is audited and says "not your customer". Restricted customers are
    // reachable only this way, so nobody else reaches them. Rejected and anonymised records are reachable only by
    // the branch manager.
    Result<CustomerRef> reachable(const Actor& actor, Operation operation, const QString& number);
    // The scope rule again, inside the transaction `tx` that writes an operation on a customer scoped() let
    // through: the record read anew (it may have been reassigned since). A refusal rolls `tx` back and is
    // audited in a row of its own, as reachable() audits it.
    Result<CustomerRef> stillReachable(
        Transaction& tx, const Actor& actor, Operation operation, const CustomerRef& ref);

    // A customer by number or id, with no scope check: for services that check the scope themselves.
    Result<CustomerRef> customerByNumber(const QString& number) const override;
    Result<CustomerRef> customerById(qint64 id) const override;

    // Display name of a staff account ("" if none), and its masked form for cross-manager answers.
    QString staffName(qint64 userId) const;
    QString maskedStaffName(qint64 userId) const;

    // The content of the data-subject report (everything held, grade 1 in full), the one builder behind
    // CustomerRetention::dataSubjectReport (JSON) and core/reports' printed form. With an actor the caller
    // authorized and a customer in its reach: no check and no audit row here, and `grant` (the live grant
    // that allows it, named in the content) is not used up. Reads only; inside or outside a transaction.
    Result<QJsonObject> dataSubjectContent(const Actor& actor, const CustomerRef& ref, const Grant& grant);

    CustomerService& service() { return m_service; }
    CustomerEntry& entry() { return m_service.entry(); }
    CustomerStore& store() { return *m_store; }
    // The statements of the record and its changes (CustomerRepository.h).
    CustomerRepository& records() { return *m_records; }
    AuditLog& auditLog() { return m_audit; }
    AccessControl& access() { return m_access; }
    SettingsService& settings() { return m_settings; }
    AccountService& accounts() { return m_accounts; }
    // The grant functions of the special requests (nullptr until CustomerService::setRequests).
    RequestGrants* grants() { return m_grants ? &*m_grants : nullptr; }
    void setRequests(RequestService* requests);
    const Clock& clock() const { return m_clock; }
    Database& database() { return m_db; }

private:
    Result<CustomerRef> found(Result<std::optional<CustomerRef>> ref) const;
    static bool inReach(const Actor& actor, const CustomerRef& ref);
    Error refuse(const Actor& actor, Operation operation, const CustomerRef& ref);

    CustomerService& m_service;
    Database& m_db;
    AuditLog& m_audit;
    AccessControl& m_access;
    SettingsService& m_settings;
    AccountService& m_accounts;
    const Clock& m_clock;
    std::optional<RequestGrants> m_grants;
    std::unique_ptr<CustomerRepository> m_records;
    std::unique_ptr<CustomerStore> m_store;
};

} // namespace bv
