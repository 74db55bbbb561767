#pragma once

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/customers/CustomerRecord.h"

#include <QCoreApplication>

namespace bv {

class CustomerServiceInternals;

// Reading and finding customers, exactly as DESIGN §6 "Who finds what" says:
// - customer manager: the own portfolio (list, name filter within it), and an existence check by exact
//   ID / mobile / account across the branch that tells only the customer number and its manager;
// - branch manager: the branch list (keyset paging, sortable) and exact lookups by full name, ID,
//   mobile or account;
// - clerk: full name AND ID number, both exact, with a purpose → one masked card or "no match".
// There is no partial-pattern search over grade-1 values across the branch. Every opening and every
// search is audited with masked terms.
class CustomerFinder
{
    Q_DECLARE_TR_FUNCTIONS(CustomerFinder)
public:
    explicit CustomerFinder(CustomerServiceInternals& internals);

    Result<CustomerView> open(const Session& session, const QString& customerNo);
    // Full values under a live reveal grant. "account_number" reveals every account of the customer,
    // returned as "account_number:<account id>".
    Result<QHash<QString, QString>> reveal(
        const Session& session, const QString& customerNo, const QStringList& fields);

    Result<CustomerPage> portfolio(const Session& session, const QString& nameFilter = QString(),
        const QString& after = QString(), int limit = 200);
    Result<CustomerPage> branchList(const Session& session, CustomerSort sort = CustomerSort::Number,
        bool descending = false, const QString& after = QString(), int limit = 200);
    Result<qint64> branchCount(const Session& session);

    Result<QList<CustomerListRow>> lookup(const Session& session, LookupKind kind, const QString& value);
    Result<QList<ExistenceAnswer>> checkExists(const Session& session, LookupKind kind, const QString& value);
    // nullopt: no match. A restricted customer without a live restricted-access grant is refused.
    Result<std::optional<ClerkCard>> clerkLookup(
        const Session& session, const QString& fullName, const QString& idNumber, const QString& purpose);

    // Free text for the audit log with digit runs and e-mail addresses masked.
    static QString scrub(const QString& freeText);

private:
    Result<QList<CustomerListRow>> rowsFor(const QList<qint64>& ids);

    CustomerServiceInternals& m_internals;
};

} // namespace bv
