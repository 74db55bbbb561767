// CustomerRepository, the record: the customers table, its number counter, its grade 2/3 columns, the sealed values
// read with a record and the accounts. Changes, history, suspicious pairs and tier changes are
// CustomerRepositoryChanges.cpp.

#include "core/internal/customers/CustomerRepository.h"

#include "core/internal/customers/ResponsibleManagerInternal.h"
#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"
#include "core/policy/FieldCatalogue.h"

#include <QScopeGuard>

namespace bv {

namespace {

// field key → column of the customers table (grade 2 and the grade-3 entry fields)
const QList<QPair<QString, QString>>& columnMap()
{
    static const QList<QPair<QString, QString>> map = {
        {QString::fromLatin1(fields::Sex), QStringLiteral("sex")},
        {QString::fromLatin1(fields::Nationality), QStringLiteral("nationality")},
        {QString::fromLatin1(fields::Occupation), QStringLiteral("occupation")},
        {QString::fromLatin1(fields::Employer), QStringLiteral("employer")},
        {QString::fromLatin1(fields::IncomeBand), QStringLiteral("income_band")},
        {QString::fromLatin1(fields::MaritalStatus), QStringLiteral("marital_status")},
        {QString::fromLatin1(fields::Family), QStringLiteral("family")},
        {QString::fromLatin1(fields::RiskRating), QStringLiteral("risk_rating")},
        {QString::fromLatin1(fields::AssetsUnderManagement), QStringLiteral("aum_cny")},
        {QString::fromLatin1(fields::ProductHoldings), QStringLiteral("product_holdings")},
    };
    return map;
}

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

QVariant dateOrNull(const QDate& date)
{
    return date.isValid() ? QVariant(date) : nullText();
}

} // namespace

CustomerRepository::CustomerRepository(Connection& db)
    : m_db(db)
{
}

// ---- the record ----

Result<std::optional<CustomerRef>> CustomerRepository::ref(
    const QString& column, const QVariant& value, const QDateTime& now)
{
    // `column` is one of the two fixed names below, never input
    QVariantList values = responsible::managerValues(now);
    values << value;
    auto q = m_db.query(QStringLiteral("SELECT c.id, c.customer_no, ") + responsible::managerSql()
            + QStringLiteral(", c.restricted, c.status FROM customers c WHERE c.") + column + QStringLiteral(" = ?"),
        values);
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return std::optional<CustomerRef>();
    }
    auto status = storedStatus<CustomerStatus>(q->value(4));
    if (!status.ok())
        return status.error();
    return std::optional<CustomerRef>(CustomerRef {
        q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toLongLong(), q->value(3).toInt() != 0, *status});
}

Result<std::optional<CustomerRef>> CustomerRepository::refByNumber(const QString& number, const QDateTime& now)
{
    return ref(QStringLiteral("customer_no"), number, now);
}

Result<std::optional<CustomerRef>> CustomerRepository::refById(qint64 id, const QDateTime& now)
{
    return ref(QStringLiteral("id"), id, now);
}

Result<std::optional<qint64>> CustomerRepository::nextNumber(const QString& branch)
{
    BV_TRY(m_db.cached(QStringLiteral("INSERT INTO customer_numbers (branch, next) VALUES (?, 1) "
                                      "ON CONFLICT (branch) DO UPDATE SET next = next + 1"),
        {branch}));
    auto next = m_db.cached(QStringLiteral("SELECT next FROM customer_numbers WHERE branch = ?"), {branch});
    if (!next.ok())
        return next.error();
    if (!(*next)->next()) {
        BV_TRY(rowsFinished(**next, Reading::Customers));
        return std::optional<qint64>();
    }
    const qint64 value = (*next)->value(0).toLongLong();
    (*next)->finish();
    return std::optional<qint64>(value);
}

Result<qint64> CustomerRepository::insertPending(const NewCustomer& customer)
{
    return m_db.insertReturningId(
        QStringLiteral("INSERT INTO customers (customer_no, branch, status, manager_id, restricted, created_at, "
                       "created_by, updated_at) VALUES (?, ?, 'pending', ?, ?, ?, ?, ?) RETURNING id"),
        {customer.number, customer.branch, customer.managerId, customer.restricted ? 1 : 0, customer.at,
            customer.createdBy, customer.at});
}

Result<CustomerRepository::LastIds> CustomerRepository::lastIds()
{
    auto q = m_db.cached(QStringLiteral("SELECT (SELECT coalesce(max(id), 0) FROM customers), "
                                        "(SELECT coalesce(max(id), 0) FROM accounts), "
                                        "(SELECT coalesce(max(id), 0) FROM customer_changes)"));
    if (!q.ok())
        return q.error();
    LastIds ids;
    const bool read = (*q)->next();
    if (read)
        ids = LastIds {(*q)->value(0).toLongLong(), (*q)->value(1).toLongLong(), (*q)->value(2).toLongLong()};
    BV_TRY(rowsFinished(**q, Reading::Customers));
    (*q)->finish();
    if (!read)
        return makeError(ErrorCode::Internal, readingContext(Reading::Customers), QStringLiteral("last ids"));
    return ids;
}

Result<std::optional<qint64>> CustomerRepository::takeNumbers(const QString& branch, qint64 count)
{
    BV_TRY(m_db.cached(QStringLiteral("INSERT INTO customer_numbers (branch, next) VALUES (?, ?) "
                                      "ON CONFLICT (branch) DO UPDATE SET next = next + excluded.next"),
        {branch, count}));
    auto last = m_db.scalar(QStringLiteral("SELECT next FROM customer_numbers WHERE branch = ?"), {branch});
    if (!last.ok())
        return last.error();
    if (!last->isValid())
        return std::optional<qint64>();
    return std::optional<qint64>(last->toLongLong());
}

Status CustomerRepository::insertPendingMany(const QList<NewCustomerRow>& rows)
{
    // The columns insertPending() and writeColumns() fill, in one row each; the column names come from the fixed
    // map above, never from input.
    QString into = QStringLiteral("INSERT INTO customers (id, customer_no, branch, status, manager_id, restricted, "
                                  "created_at, created_by, updated_at");
    for (const auto& [field, column] : columnMap())
        into += QStringLiteral(", ") + column;
    into += QLatin1Char(')');
    const int columns = 9 + int(columnMap().size());
    QList<QVariantList> values;
    values.reserve(rows.size());
    for (const NewCustomerRow& row : rows) {
        const NewCustomer& c = row.customer;
        QVariantList v {row.id, c.number, c.branch, QStringLiteral("pending"), c.managerId, c.restricted ? 1 : 0, c.at,
            c.createdBy, c.at};
        for (const auto& [field, column] : columnMap()) {
            const QString value = row.values.value(field);
            if (value.isEmpty())
                v << nullText();
            else if (field == QLatin1String(fields::AssetsUnderManagement))
                v << value.toLongLong();
            else
                v << value;
        }
        values.append(std::move(v));
    }
    return m_db.insertRows(into, columns, values);
}

Result<int> CustomerRepository::restricted(qint64 customerId)
{
    auto restricted = m_db.scalar(QStringLiteral("SELECT restricted FROM customers WHERE id = ?"), {customerId});
    if (!restricted.ok())
        return restricted.error();
    return restricted->toInt();
}

Result<qint64> CustomerRepository::version(qint64 customerId)
{
    auto version = m_db.scalar(QStringLiteral("SELECT version FROM customers WHERE id = ?"), {customerId});
    if (!version.ok())
        return version.error();
    return version->toLongLong();
}

Status CustomerRepository::activate(qint64 customerId, const QDateTime& at)
{
    return m_db.exec(
        QStringLiteral("UPDATE customers SET status = 'active', updated_at = ? WHERE id = ?"), {at, customerId});
}

Status CustomerRepository::markRejected(qint64 customerId, const QDateTime& at)
{
    return m_db.exec(
        QStringLiteral("UPDATE customers SET status = 'rejected', updated_at = ? WHERE id = ?"), {at, customerId});
}

Status CustomerRepository::setApproved(qint64 customerId, qint64 checkerId, const QDateTime& at)
{
    return m_db.exec(QStringLiteral("UPDATE customers SET approved_by = ?, approved_at = ? WHERE id = ?"),
        {checkerId, at, customerId});
}

Status CustomerRepository::setRestricted(qint64 customerId, bool restricted)
{
    return m_db.exec(
        QStringLiteral("UPDATE customers SET restricted = ? WHERE id = ?"), {restricted ? 1 : 0, customerId});
}

Status CustomerRepository::bumpVersion(qint64 customerId, const QDateTime& at)
{
    return m_db.exec(
        QStringLiteral("UPDATE customers SET version = version + 1, updated_at = ? WHERE id = ?"), {at, customerId});
}

Status CustomerRepository::setAgeBand(qint64 customerId, const QString& band)
{
    return m_db.exec(QStringLiteral("UPDATE customers SET age_band = ? WHERE id = ?"),
        {band.isEmpty() ? nullText() : QVariant(band), customerId});
}

Status CustomerRepository::setTier(qint64 customerId, const QString& tier)
{
    return m_db.exec(QStringLiteral("UPDATE customers SET tier = ? WHERE id = ?"), {tier, customerId});
}

Result<std::optional<CustomerRepository::AssetsAndTier>> CustomerRepository::assetsAndTier(qint64 customerId)
{
    // kept prepared: every approval reads it (finished on every path, so no read stays open)
    auto cached
        = m_db.cached(QStringLiteral("SELECT coalesce(aum_cny, 0), tier FROM customers WHERE id = ?"), {customerId});
    if (!cached.ok())
        return cached.error();
    QSqlQuery& row = **cached;
    const auto finished = qScopeGuard([&] { row.finish(); });
    if (!row.next()) {
        BV_TRY(rowsFinished(row, Reading::Customers));
        return std::optional<AssetsAndTier>();
    }
    return std::optional<AssetsAndTier>(AssetsAndTier {row.value(0).toLongLong(), row.value(1).toString()});
}

QStringList CustomerRepository::columnFields()
{
    QStringList out;
    for (const auto& [field, column] : columnMap())
        out << field;
    return out;
}

Result<std::optional<QHash<QString, QString>>> CustomerRepository::columns(qint64 customerId)
{
    QStringList names;
    for (const auto& [field, column] : columnMap())
        names << column;
    auto q = m_db.query(
        QStringLiteral("SELECT ") + names.join(QStringLiteral(", ")) + QStringLiteral(" FROM customers WHERE id = ?"),
        {customerId});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return std::optional<QHash<QString, QString>>();
    }
    QHash<QString, QString> values;
    for (int i = 0; i < columnMap().size(); ++i) {
        if (!q->isNull(i))
            values.insert(columnMap().at(i).first, q->value(i).toString());
    }
    return std::optional<QHash<QString, QString>>(values);
}

Status CustomerRepository::writeColumns(qint64 customerId, const QHash<QString, QString>& values)
{
    // One UPDATE of the columns present; the column names come from the fixed map above, never from input.
    QStringList assignments;
    QVariantList bound;
    for (const auto& [field, column] : columnMap()) {
        if (!values.contains(field))
            continue;
        const QString value = values.value(field);
        assignments << column + QStringLiteral(" = ?");
        if (value.isEmpty())
            bound << nullText();
        else if (field == QLatin1String(fields::AssetsUnderManagement))
            bound << value.toLongLong();
        else
            bound << value;
    }
    if (assignments.isEmpty())
        return {};
    bound << customerId;
    BV_TRY(m_db.cached(QStringLiteral("UPDATE customers SET ") + assignments.join(QStringLiteral(", "))
            + QStringLiteral(" WHERE id = ?"),
        bound));
    return {};
}

// ---- sealed values ----

Result<QList<QPair<QString, QByteArray>>> CustomerRepository::sealedOf(const QString& ownerKind, qint64 ownerId)
{
    // kept prepared: every approval opens the new record's values (finished on every path)
    auto cached
        = m_db.cached(QStringLiteral("SELECT field, sealed FROM sealed_value WHERE owner_kind = ? AND owner_id = ?"),
            {ownerKind, ownerId});
    if (!cached.ok())
        return cached.error();
    QSqlQuery& q = **cached;
    const auto finished = qScopeGuard([&] { q.finish(); });
    QList<QPair<QString, QByteArray>> values;
    while (q.next())
        values << qMakePair(q.value(0).toString(), q.value(1).toByteArray());
    BV_TRY(rowsFinished(q, Reading::Customers));
    return values;
}

Result<QHash<QString, QString>> CustomerRepository::maskedOf(const QString& ownerKind, qint64 ownerId)
{
    auto q = m_db.cached(QStringLiteral("SELECT field, masked FROM sealed_value WHERE owner_kind = ? AND owner_id = ?"),
        {ownerKind, ownerId});
    if (!q.ok())
        return q.error();
    QHash<QString, QString> values;
    while ((*q)->next())
        values.insert((*q)->value(0).toString(), (*q)->value(1).toString());
    BV_TRY(rowsFinished(**q, Reading::Customers));
    return values;
}

Result<std::optional<CustomerRepository::StoredBlind>> CustomerRepository::blindOf(
    const QString& ownerKind, qint64 ownerId, const QString& field)
{
    auto q = m_db.query(QStringLiteral("SELECT blind_domain, blind FROM sealed_value WHERE owner_kind = ? AND "
                                       "owner_id = ? AND field = ?"),
        {ownerKind, ownerId, field});
    if (!q.ok())
        return q.error();
    std::optional<StoredBlind> stored;
    if (q->next() && !q->isNull(1))
        stored = StoredBlind {q->value(0).toString(), q->value(1).toByteArray()};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return stored;
}

Result<QList<qint64>> CustomerRepository::customersWithBlind(
    const QString& domainKey, const QByteArray& blind, qint64 exceptCustomer)
{
    // customers directly, accounts through their customer; pending creations are customer rows too
    auto q = m_db.cached(
        QStringLiteral("SELECT DISTINCT c.id FROM sealed_value s "
                       "LEFT JOIN accounts a ON s.owner_kind = 'account' AND a.id = s.owner_id "
                       "JOIN customers c ON c.id = CASE s.owner_kind WHEN 'customer' THEN s.owner_id "
                       "ELSE a.customer_id END "
                       "WHERE s.blind_domain = ? AND s.blind = ? AND s.owner_kind IN ('customer', 'account') "
                       "AND ")
            + responsible::heldSql() + QStringLiteral(" AND c.id <> ? ORDER BY c.id"),
        {domainKey, blind, exceptCustomer});
    if (!q.ok())
        return q.error();
    QList<qint64> ids;
    while ((*q)->next())
        ids << (*q)->value(0).toLongLong();
    BV_TRY(rowsFinished(**q, Reading::Customers));
    return ids;
}

// ---- accounts ----

Result<QList<CustomerRepository::StoredAccount>> CustomerRepository::accounts(qint64 customerId)
{
    // kept prepared: every approval and every card reads it (finished on every path)
    auto cached
        = m_db.cached(QStringLiteral("SELECT a.id, a.type, a.opened_on, a.status, s.masked, s.sealed FROM accounts a "
                                     "LEFT JOIN sealed_value s ON s.owner_kind = 'account' AND s.owner_id = a.id "
                                     "AND s.field = 'account_number' WHERE a.customer_id = ? ORDER BY a.id"),
            {customerId});
    if (!cached.ok())
        return cached.error();
    QSqlQuery& q = **cached;
    const auto finished = qScopeGuard([&] { q.finish(); });
    QList<StoredAccount> list;
    while (q.next()) {
        StoredAccount account;
        account.view.id = q.value(0).toLongLong();
        account.view.type = q.value(1).toString();
        account.view.openedOn = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        auto status = storedStatus<AccountStatus>(q.value(3));
        if (!status.ok())
            return status.error();
        account.view.status = *status;
        account.view.number = q.value(4).toString();
        if (!q.isNull(5))
            account.sealed = q.value(5).toByteArray();
        list << account;
    }
    BV_TRY(rowsFinished(q, Reading::Customers));
    return list;
}

Result<QList<qint64>> CustomerRepository::accountIds(qint64 customerId)
{
    auto q = m_db.query(QStringLiteral("SELECT id FROM accounts WHERE customer_id = ? ORDER BY id"), {customerId});
    if (!q.ok())
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids << q->value(0).toLongLong();
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return ids;
}

Result<qint64> CustomerRepository::accountOwner(qint64 accountId)
{
    auto owner = m_db.scalar(QStringLiteral("SELECT customer_id FROM accounts WHERE id = ?"), {accountId});
    if (!owner.ok())
        return owner.error();
    return owner->toLongLong();
}

Result<std::optional<CustomerRepository::AccountParts>> CustomerRepository::accountParts(qint64 accountId)
{
    auto q = m_db.query(
        QStringLiteral("SELECT type, coalesce(opened_on, ''), status FROM accounts WHERE id = ?"), {accountId});
    if (!q.ok())
        return q.error();
    std::optional<AccountParts> parts;
    if (q->next())
        parts = AccountParts {q->value(0).toString(), q->value(1).toString(), q->value(2).toString()};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return parts;
}

Result<qint64> CustomerRepository::insertAccount(qint64 customerId, const AccountInput& account, const QDateTime& at)
{
    return m_db.insertReturningId(QStringLiteral("INSERT INTO accounts (customer_id, type, opened_on, status, "
                                                 "created_at) VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {customerId, account.type, dateOrNull(account.openedOn), account.status, at});
}

Status CustomerRepository::insertAccounts(const QList<NewAccountRow>& rows, const QDateTime& at)
{
    QList<QVariantList> values;
    values.reserve(rows.size());
    for (const NewAccountRow& row : rows)
        values.append(
            {row.id, row.customerId, row.account.type, dateOrNull(row.account.openedOn), row.account.status, at});
    return m_db.insertRows(
        QStringLiteral("INSERT INTO accounts (id, customer_id, type, opened_on, status, created_at)"), 6, values);
}

Status CustomerRepository::updateAccount(const AccountInput& account)
{
    return m_db.exec(QStringLiteral("UPDATE accounts SET type = ?, opened_on = ?, status = ? WHERE id = ?"),
        {account.type, dateOrNull(account.openedOn), account.status, account.id});
}

Status CustomerRepository::deleteAccount(qint64 accountId)
{
    return m_db.exec(QStringLiteral("DELETE FROM accounts WHERE id = ?"), {accountId});
}

Status CustomerRepository::deleteAccountsOf(qint64 customerId)
{
    return m_db.exec(QStringLiteral("DELETE FROM accounts WHERE customer_id = ?"), {customerId});
}

} // namespace bv
