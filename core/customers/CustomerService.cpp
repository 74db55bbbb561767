#include "core/customers/CustomerService.h"

#include "core/auth/AccountService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/internal/customers/CustomerRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/Masking.h"

namespace bv {

CustomerService::CustomerService(Database& db, const FieldCipher& cipher, AuditLog& audit, AccessControl& access,
    SettingsService& settings, AccountService& accounts, const Clock& clock)
    : m_internals(
        std::make_unique<CustomerServiceInternals>(*this, db, cipher, audit, access, settings, accounts, clock))
{
    m_entry = std::make_unique<CustomerEntry>(*m_internals);
    m_finder = std::make_unique<CustomerFinder>(*m_internals);
    m_ownership = std::make_unique<CustomerOwnership>(*m_internals);
    m_care = std::make_unique<CustomerCare>(*m_internals);
    m_retention = std::make_unique<CustomerRetention>(*m_internals);
    m_import = std::make_unique<CustomerImport>(*m_internals);
}

CustomerService::~CustomerService() = default;

void CustomerService::setRequests(RequestService* requests)
{
    m_internals->setRequests(requests);
}

// ---- CustomerServiceInternals ----

CustomerServiceInternals::CustomerServiceInternals(CustomerService& service, Database& db, const FieldCipher& cipher,
    AuditLog& audit, AccessControl& access, SettingsService& settings, AccountService& accounts, const Clock& clock)
    : m_service(service)
    , m_db(db)
    , m_audit(audit)
    , m_access(access)
    , m_settings(settings)
    , m_accounts(accounts)
    , m_clock(clock)
    , m_records(std::make_unique<CustomerRepository>(db))
    , m_store(std::make_unique<CustomerStore>(db, *m_records, cipher, settings, clock))
{
}

CustomerServiceInternals::~CustomerServiceInternals() = default;

void CustomerServiceInternals::setRequests(RequestService* requests)
{
    if (requests)
        m_grants.emplace(*requests);
    else
        m_grants.reset();
}

Result<CustomerRef> CustomerServiceInternals::found(Result<std::optional<CustomerRef>> ref) const
{
    if (!ref.ok())
        return ref.error();
    if (!*ref)
        return makeError(ErrorCode::NotFound,
            CustomerService::tr("There is no customer with this customer number. Check the number and try again."),
            QString(), QStringLiteral("customer_no"));
    return std::move(**ref);
}

Result<CustomerRef> CustomerServiceInternals::customerByNumber(const QString& number) const
{
    return found(m_records->refByNumber(number.trimmed().toUpper(), m_clock.nowUtc()));
}

Result<CustomerRef> CustomerServiceInternals::customerById(qint64 id) const
{
    return found(m_records->refById(id, m_clock.nowUtc()));
}

Result<ScopedCustomer> CustomerServiceInternals::scoped(
    const Session& session, Operation operation, const QString& customerNo)
{
    auto actor = m_access.authorize(session, operation);
    if (!actor.ok())
        return actor.error();
    auto ref = reachable(*actor, operation, customerNo);
    if (!ref.ok())
        return ref.error();
    return ScopedCustomer {std::move(*actor), std::move(*ref)};
}

Result<CustomerRef> CustomerServiceInternals::reachable(const Actor& actor, Operation operation, const QString& number)
{
    auto ref = customerByNumber(number);
    if (!ref.ok())
        return ref.error();
    if (inReach(actor, *ref))
        return ref;
    return refuse(actor, operation, *ref);
}

Result<CustomerRef> CustomerServiceInternals::stillReachable(
    Transaction& tx, const Actor& actor, Operation operation, const CustomerRef& ref)
{
    auto current = customerById(ref.id);
    if (!current.ok())
        return current.error();
    if (inReach(actor, *current))
        return current;
    tx.rollback(); // the refusal is audited in a row of its own, outside the transaction that would have written
    return refuse(actor, operation, *current);
}

bool CustomerServiceInternals::inReach(const Actor& actor, const CustomerRef& ref)
{
    if (actor.role == Role::Manager)
        return true;
    return actor.role == Role::CustomerManager && ref.managerId == actor.userId && responsible::isHeld(ref.status);
}

Error CustomerServiceInternals::refuse(const Actor& actor, Operation operation, const CustomerRef& ref)
{
    return m_access.deny(actor, operation, QStringLiteral("customer"), QString::number(ref.id), ref.number,
        ref.restricted
            ? CustomerService::tr("Customer %1 is restricted (重点保密): only its own customer manager and the branch "
                                  "manager may see it. If your work needs it, file a restricted-access request.")
                  .arg(ref.number)
            : CustomerService::tr("Customer %1 is not one of your customers. Ask its customer manager or the branch "
                                  "manager.")
                  .arg(ref.number));
}

Result<QJsonObject> CustomerServiceInternals::dataSubjectContent(
    const Actor& actor, const CustomerRef& ref, const Grant& grant)
{
    return m_service.retention().dataSubjectContent(actor, ref, grant);
}

QString CustomerServiceInternals::staffName(qint64 userId) const
{
    if (userId <= 0)
        return QString();
    auto account = m_accounts.accountById(userId);
    return account.ok() ? account->displayName : QString();
}

QString CustomerServiceInternals::maskedStaffName(qint64 userId) const
{
    return Masking::mask(MaskKind::Name, staffName(userId));
}

} // namespace bv
