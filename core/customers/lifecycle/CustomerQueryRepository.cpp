// CustomerQueryRepository: "who is responsible now" and the reads of CustomerFinder. Ownership and tiers are in
// CustomerQueryRepositoryOwnership.cpp, closure, anonymisation and the data-subject report in
// CustomerQueryRepositoryRetention.cpp.

#include "core/internal/customers/CustomerQueryRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/StoredStatus.h"

#include <QSqlQuery>

namespace bv {

namespace responsible {

QString custodySql()
{
    return QStringLiteral("c.custody_manager_id IS NOT NULL AND c.custody_until > ?");
}

QVariantList custodyValues(const QDateTime& now)
{
    return {now};
}

QString managerSql()
{
    return QStringLiteral("(CASE WHEN ") + custodySql()
        + QStringLiteral(" THEN c.custody_manager_id ELSE c.manager_id END)");
}

QVariantList managerValues(const QDateTime& now)
{
    return custodyValues(now);
}

QString managedBySql()
{
    return QStringLiteral("((c.manager_id = ? AND NOT coalesce(") + custodySql()
        + QStringLiteral(", 0)) OR (c.custody_manager_id = ? AND c.custody_until > ?))");
}

QVariantList managedByValues(qint64 userId, const QDateTime& now)
{
    return {userId, now, userId, now};
}

QString heldSql()
{
    return QStringLiteral("c.status IN ('pending', 'active', 'closed')");
}

bool isHeld(CustomerStatus status)
{
    return status == CustomerStatus::Pending || status == CustomerStatus::Active || status == CustomerStatus::Closed;
}

QString ownSql()
{
    return managedBySql() + QStringLiteral(" AND ") + heldSql();
}

QVariantList ownValues(qint64 userId, const QDateTime& now)
{
    return managedByValues(userId, now);
}

} // namespace responsible

namespace listrow {

QString select()
{
    return QStringLiteral(
        "SELECT c.id, c.customer_no, coalesce(s.masked, ''), c.tier, coalesce(c.age_band, ''), c.status, "
        "coalesce(u.display_name, ''), c.created_at, c.restricted FROM customers c "
        "LEFT JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id AND s.field = 'name' ");
}

Result<CustomerListRow> from(const QSqlQuery& q)
{
    auto status = storedStatus<CustomerStatus>(q.value(5));
    if (!status.ok())
        return status.error();
    return CustomerListRow {q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),
        q.value(3).toString(), q.value(4).toString(), *status, q.value(6).toString(),
        QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs), q.value(8).toInt() != 0};
}

} // namespace listrow

namespace {

// listrow::select()'s columns, then the sealed name (column 9).
const QString kRowSelectSealedName = QStringLiteral(
    "SELECT c.id, c.customer_no, coalesce(s.masked, ''), c.tier, coalesce(c.age_band, ''), c.status, "
    "coalesce(u.display_name, ''), c.created_at, c.restricted, s.sealed FROM customers c "
    "LEFT JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id AND s.field = 'name' ");

} // namespace

CustomerQueryRepository::CustomerQueryRepository(Connection& db)
    : m_db(db)
{
}

Result<std::optional<CustomerView>> CustomerQueryRepository::view(qint64 customerId, const QDateTime& now)
{
    auto q = m_db.query(QStringLiteral("SELECT c.customer_no, c.status, c.restricted, c.tier, c.branch, ")
            + responsible::managerSql()
            + QStringLiteral(", c.custody_manager_id, c.custody_until, c.sex, c.nationality, c.age_band, "
                             "c.created_at, c.updated_at FROM customers c WHERE c.id = ?"),
        {now, customerId});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return std::optional<CustomerView>();
    }
    CustomerView view;
    view.id = customerId;
    view.number = q->value(0).toString();
    auto status = storedStatus<CustomerStatus>(q->value(1));
    if (!status.ok())
        return status.error();
    view.status = *status;
    view.restricted = q->value(2).toInt() != 0;
    view.tier = q->value(3).toString();
    view.branch = q->value(4).toString();
    view.managerId = q->value(5).toLongLong();
    view.custodyUntil = QDateTime::fromString(q->value(7).toString(), Qt::ISODateWithMs);
    view.inCustody = !q->isNull(6) && view.custodyUntil > now;
    view.sex = q->value(8).toString();
    view.nationality = q->value(9).toString();
    view.ageBand = q->value(10).toString();
    view.createdAt = QDateTime::fromString(q->value(11).toString(), Qt::ISODateWithMs);
    view.updatedAt = QDateTime::fromString(q->value(12).toString(), Qt::ISODateWithMs);
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return std::optional<CustomerView>(view);
}

Result<qint64> CustomerQueryRepository::pendingChangeId(qint64 customerId)
{
    auto pending = m_db.scalar(
        QStringLiteral("SELECT id FROM customer_changes WHERE customer_id = ? AND status = 'pending'"), {customerId});
    if (!pending.ok())
        return pending.error();
    return pending->isNull() ? qint64(0) : pending->toLongLong();
}

Status CustomerQueryRepository::portfolio(qint64 userId, const QDateTime& now, const QString& after, int limit,
    const std::function<bool(const CustomerListRow&, const QByteArray&)>& visit)
{
    // the own portfolio through the manager indexes: the list columns, and the sealed name for a filter
    const QString sql = kRowSelectSealedName + QStringLiteral("LEFT JOIN users u ON u.id = ")
        + responsible::managerSql() + QStringLiteral(" WHERE ") + responsible::ownSql()
        + QStringLiteral(" AND c.customer_no > ? "
                         "ORDER BY c.customer_no LIMIT ?");
    QVariantList values = responsible::managerValues(now);
    values << responsible::ownValues(userId, now) << after << limit;
    auto q = m_db.cached(sql, values);
    if (!q.ok())
        return q.error();
    while ((*q)->next()) {
        auto row = listrow::from(**q);
        if (!row.ok())
            return row.error();
        if (!visit(*row, (*q)->value(9).toByteArray()))
            break;
    }
    BV_TRY(rowsFinished(**q, Reading::Customers));
    (*q)->finish();
    return {};
}

Result<QList<CustomerQueryRepository::BranchRow>> CustomerQueryRepository::branchPage(
    CustomerSort sort, bool descending, const std::optional<BranchPosition>& from, int limit, const QDateTime& now)
{
    // Every order is backed by an index that ends in customer_no, so a page is an index range scan
    // (keyset paging), whatever its depth.
    QString key;
    bool numeric = false;
    switch (sort) {
    case CustomerSort::Number:
        break; // the unique index on customer_no
    case CustomerSort::Tier:
        key = QStringLiteral("c.tier_rank");
        numeric = true;
        break;
    case CustomerSort::Manager:
        // the owner (unassigned first); a custodian is shown, not sorted by
        key = QStringLiteral("coalesce(c.manager_id, 0)");
        numeric = true;
        break;
    case CustomerSort::Created:
        key = QStringLiteral("c.created_at");
        break;
    }
    const QString op = descending ? QStringLiteral("<") : QStringLiteral(">");
    const QString dir = descending ? QStringLiteral(" DESC") : QString();
    // the columns of listrow::select(), then the sort key (for the cursor)
    QString sql
        = QStringLiteral("SELECT c.id, c.customer_no, coalesce(s.masked, ''), c.tier, coalesce(c.age_band, ''), "
                         "c.status, coalesce(u.display_name, ''), c.created_at, c.restricted, ")
        + (key.isEmpty() ? QStringLiteral("''") : key)
        + QStringLiteral(
            " FROM customers c LEFT JOIN sealed_value s ON s.owner_kind = 'customer' AND s.owner_id = c.id "
            "AND s.field = 'name' LEFT JOIN users u ON u.id = ")
        + responsible::managerSql() + QStringLiteral(" WHERE c.status <> 'rejected'");
    QVariantList values = responsible::managerValues(now);
    if (from) {
        if (key.isEmpty()) {
            sql += QStringLiteral(" AND c.customer_no ") + op + QStringLiteral(" ?");
            values << from->number;
        } else {
            sql += QStringLiteral(" AND (") + key + QStringLiteral(", c.customer_no) ") + op
                + QStringLiteral(" (?, ?)");
            values << (numeric ? QVariant(from->sortValue.toLongLong()) : QVariant(from->sortValue)) << from->number;
        }
    }
    sql += QStringLiteral(" ORDER BY ") + (key.isEmpty() ? QString() : key + dir + QStringLiteral(", "))
        + QStringLiteral("c.customer_no") + dir + QStringLiteral(" LIMIT ?");
    values << limit;
    auto q = m_db.cached(sql, values); // a handful of shapes: kept prepared
    if (!q.ok())
        return q.error();
    QList<BranchRow> rows;
    while ((*q)->next()) {
        auto row = listrow::from(**q);
        if (!row.ok())
            return row.error();
        rows << BranchRow {*row, (*q)->value(9).toString()};
    }
    BV_TRY(rowsFinished(**q, Reading::Customers));
    return rows;
}

Result<qint64> CustomerQueryRepository::branchCount()
{
    auto count = m_db.scalar(QStringLiteral("SELECT count(*) FROM customers WHERE status <> 'rejected'"));
    if (!count.ok())
        return count.error();
    return count->toLongLong();
}

Result<std::optional<CustomerListRow>> CustomerQueryRepository::listRow(qint64 customerId, const QDateTime& now)
{
    QVariantList values = responsible::managerValues(now);
    values << customerId;
    auto q = m_db.cached(listrow::select() + QStringLiteral("LEFT JOIN users u ON u.id = ") + responsible::managerSql()
            + QStringLiteral(" WHERE c.id = ?"),
        values);
    if (!q.ok())
        return q.error();
    std::optional<CustomerListRow> row;
    if ((*q)->next()) {
        auto read = listrow::from(**q);
        if (!read.ok())
            return read.error();
        row = *read;
    }
    BV_TRY(rowsFinished(**q, Reading::Customers));
    (*q)->finish();
    return row;
}

Result<QByteArray> CustomerQueryRepository::nameBlind(qint64 customerId)
{
    auto blind = m_db.scalar(QStringLiteral("SELECT blind FROM sealed_value WHERE owner_kind = 'customer' AND "
                                            "owner_id = ? AND field = 'name'"),
        {customerId});
    if (!blind.ok())
        return blind.error();
    return blind->toByteArray();
}

Result<std::optional<ClerkCard>> CustomerQueryRepository::clerkCard(qint64 customerId)
{
    auto q = m_db.query(QStringLiteral("SELECT c.sex, coalesce(c.age_band, ''), coalesce(c.nationality, ''), c.tier, "
                                       "c.status FROM customers c WHERE c.id = ?"),
        {customerId});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return std::optional<ClerkCard>();
    }
    ClerkCard card;
    card.sex = q->value(0).toString();
    card.ageBand = q->value(1).toString();
    card.nationality = q->value(2).toString();
    card.tier = q->value(3).toString();
    auto status = storedStatus<CustomerStatus>(q->value(4));
    if (!status.ok())
        return status.error();
    card.status = *status;
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return std::optional<ClerkCard>(card);
}

} // namespace bv
