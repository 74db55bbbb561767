#include "CustomerService.h"

#include "CustomerCare.h"
#include "CustomerEntry.h"
#include "CustomerFinder.h"
#include "CustomerImport.h"
#include "CustomerOwnership.h"
#include "CustomerRetention.h"
#include "CustomerStore.h"
#include "auth/AccountService.h"
#include "db/Database.h"
#include "db/QueryRows.h"
#include "policy/AccessControl.h"
#include "policy/Masking.h"

namespace bv {

CustomerService::CustomerService(Database& db, const FieldCipher& cipher, AuditLog& audit, AccessControl& access,
    SettingsService& settings, AccountService& accounts, const Clock& clock)
    : m_db(db)
    , m_audit(audit)
    , m_access(access)
    , m_settings(settings)
    , m_accounts(accounts)
    , m_clock(clock)
    , m_store(std::make_unique<CustomerStore>(db, cipher, settings, clock))
{
    m_entry = std::make_unique<CustomerEntry>(*this);
    m_finder = std::make_unique<CustomerFinder>(*this);
    m_ownership = std::make_unique<CustomerOwnership>(*this);
    m_care = std::make_unique<CustomerCare>(*this);
    m_retention = std::make_unique<CustomerRetention>(*this);
    m_import = std::make_unique<CustomerImport>(*this);
}

CustomerService::~CustomerService() = default;

Result<CustomerRef> CustomerService::lookup(const QString& column, const QVariant& value) const
{
    auto q = m_db.query(QStringLiteral("SELECT c.id, c.customer_no, ") + m_store->effectiveManagerSql()
            + QStringLiteral(", c.restricted, c.status FROM customers c WHERE c.") + column + QStringLiteral(" = ?"),
        {m_clock.nowUtc(), value});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return makeError(ErrorCode::NotFound,
            tr("There is no customer with this customer number. Check the number and try again."), QString(),
            QStringLiteral("customer_no"));
    }
    return CustomerRef {q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(),
        q->value(3).toInt() != 0, q->value(4).toString()};
}

Result<CustomerRef> CustomerService::customerByNumber(const QString& number) const
{
    return lookup(QStringLiteral("customer_no"), number.trimmed().toUpper());
}

Result<CustomerRef> CustomerService::customerById(qint64 id) const
{
    return lookup(QStringLiteral("id"), id);
}

Result<CustomerRef> CustomerService::reachable(const Actor& actor, Operation operation, const QString& number)
{
    auto ref = customerByNumber(number);
    if (!ref.ok())
        return ref.error();
    if (actor.role == Role::Manager)
        return ref;
    const bool live = ref->status == QLatin1String("active") || ref->status == QLatin1String("pending")
        || ref->status == QLatin1String("closed");
    if (actor.role == Role::CustomerManager && ref->managerId == actor.userId && live)
        return ref;
    return m_access.deny(actor, operation, QStringLiteral("customer"), QString::number(ref->id), ref->number,
        ref->restricted ? tr("Customer %1 is restricted (重点保密): only its own customer manager and the branch "
                             "manager may see it. If your work needs it, file a restricted-access request.")
                              .arg(ref->number)
                        : tr("Customer %1 is not one of your customers. Ask its customer manager or the branch "
                             "manager.")
                              .arg(ref->number));
}

QString CustomerService::staffName(qint64 userId) const
{
    if (userId <= 0)
        return QString();
    auto account = m_accounts.accountById(userId);
    return account.ok() ? account->displayName : QString();
}

QString CustomerService::maskedStaffName(qint64 userId) const
{
    return Masking::mask(MaskKind::Name, staffName(userId));
}

} // namespace bv
