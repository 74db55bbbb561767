#include "core/internal/customers/CustomerStoreInternal.h"

#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/customers/ResponsibleManagerInternal.h"

#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/internal/keys/SealedValues.h"
#include "core/keys/FieldCipher.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/policy/StoredMasks.h"

namespace bv {

namespace {

const QString kCustomer = QStringLiteral("customer");
const QString kAccount = QStringLiteral("account");

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

} // namespace

CustomerStore::CustomerStore(Database& db, const FieldCipher& cipher, SettingsService& settings, const Clock& clock)
    : m_db(db)
    , m_cipher(cipher)
    , m_settings(settings)
    , m_clock(clock)
{
}

QDate CustomerStore::today() const
{
    return m_clock.nowUtc().toTimeZone(WorkingCalendar::branchTimeZone()).date();
}

Result<QString> CustomerStore::nextNumber(const QString& branch)
{
    BV_TRY(m_db.cached(QStringLiteral("INSERT INTO customer_numbers (branch, next) VALUES (?, 1) "
                                      "ON CONFLICT (branch) DO UPDATE SET next = next + 1"),
        {branch}));
    auto next = m_db.cached(QStringLiteral("SELECT next FROM customer_numbers WHERE branch = ?"), {branch});
    if (!next.ok())
        return next.error();
    if (!(*next)->next()) {
        BV_TRY(rowsFinished(**next, Reading::Customers));
        return makeError(ErrorCode::Internal, tr("The customer number counter is missing."));
    }
    const qint64 value = (*next)->value(0).toLongLong();
    (*next)->finish();
    return QStringLiteral("%1-%2").arg(branch.toUpper()).arg(value, 8, 10, QLatin1Char('0'));
}

QString CustomerStore::mask(const QString& field, const QString& value) const
{
    return StoredMasks::maskField(field, value, m_settings.maskSettings());
}

Status CustomerStore::seal(const QString& ownerKind, qint64 ownerId, const QHash<QString, QString>& values)
{
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        const FieldSpec* spec = FieldCatalogue::find(it.key().section(QLatin1Char(':'), 0, 0));
        if (!spec || spec->grade != 1)
            continue;
        BV_TRY(SealedValues::put(m_db, m_cipher, SealedValues::Key {ownerKind, ownerId, it.key()}, it.value(),
            mask(it.key(), it.value()), spec->blind));
    }
    return {};
}

Result<QHash<QString, QString>> CustomerStore::open(const QString& ownerKind, qint64 ownerId) const
{
    auto q = m_db.query(QStringLiteral("SELECT field, sealed FROM sealed_value WHERE owner_kind = ? AND owner_id = ?"),
        {ownerKind, ownerId});
    if (!q.ok())
        return q.error();
    QHash<QString, QString> values;
    while (q->next()) {
        const QString field = q->value(0).toString();
        auto plain = m_cipher.open(q->value(1).toByteArray(), FieldCipher::associatedData(ownerKind, ownerId, field));
        if (!plain.ok())
            return plain.error();
        values.insert(field, *plain);
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return values;
}

Result<QHash<QString, QString>> CustomerStore::masked(const QString& ownerKind, qint64 ownerId) const
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

Status CustomerStore::moveSealed(const QString& fromKind, qint64 fromId, const QString& toKind, qint64 toId,
    const QString& fromField, const QString& toField)
{
    // The associated data binds a ciphertext to its owner and field, so moving a value means opening
    // and sealing it again.
    auto value = SealedValues::open(m_db, m_cipher, SealedValues::Key {fromKind, fromId, fromField});
    if (!value.ok())
        return value.error();
    BV_TRY(seal(toKind, toId, {{toField, *value}}));
    QString cleared = std::move(value).value();
    wipe(cleared);
    return SealedValues::remove(m_db, SealedValues::Key {fromKind, fromId, fromField});
}

QStringList CustomerStore::columnFields()
{
    QStringList out;
    for (const auto& [field, column] : columnMap())
        out << field;
    return out;
}

Result<QHash<QString, QString>> CustomerStore::columns(qint64 customerId) const
{
    QStringList names;
    for (const auto& [field, column] : columnMap())
        names << column;
    auto q = m_db.query(
        QStringLiteral("SELECT ") + names.join(QStringLiteral(", ")) + QStringLiteral(" FROM customers WHERE id = ?"),
        {customerId});
    if (!q.ok())
        return q.error();
    QHash<QString, QString> values;
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("There is no such customer."));
    }
    for (int i = 0; i < columnMap().size(); ++i) {
        if (!q->isNull(i))
            values.insert(columnMap().at(i).first, q->value(i).toString());
    }
    return values;
}

Status CustomerStore::writeColumns(qint64 customerId, const QHash<QString, QString>& values)
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
            bound << QVariant(QMetaType::fromType<QString>());
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

Result<QList<AccountView>> CustomerStore::accounts(qint64 customerId, bool reveal) const
{
    auto q = m_db.query(QStringLiteral("SELECT a.id, a.type, a.opened_on, a.status, s.masked, s.sealed FROM accounts a "
                                       "LEFT JOIN sealed_value s ON s.owner_kind = 'account' AND s.owner_id = a.id "
                                       "AND s.field = 'account_number' WHERE a.customer_id = ? ORDER BY a.id"),
        {customerId});
    if (!q.ok())
        return q.error();
    QList<AccountView> list;
    while (q->next()) {
        AccountView view;
        view.id = q->value(0).toLongLong();
        view.type = q->value(1).toString();
        view.openedOn = QDate::fromString(q->value(2).toString(), Qt::ISODate);
        view.status = q->value(3).toString();
        view.number = q->value(4).toString();
        if (reveal && !q->isNull(5)) {
            auto plain = m_cipher.open(
                q->value(5).toByteArray(), FieldCipher::associatedData(kAccount, view.id, u"account_number"));
            if (!plain.ok())
                return plain.error();
            view.number = *plain;
            view.revealed = true;
        }
        list << view;
    }
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return list;
}

Result<qint64> CustomerStore::addAccount(qint64 customerId, const AccountInput& account)
{
    auto q = m_db.cached(QStringLiteral("INSERT INTO accounts (customer_id, type, opened_on, status, created_at) "
                                        "VALUES (?, ?, ?, ?, ?)"),
        {customerId, account.type,
            account.openedOn.isValid() ? QVariant(account.openedOn) : QVariant(QMetaType::fromType<QString>()),
            account.status, m_clock.nowUtc()});
    if (!q.ok())
        return q.error();
    const qint64 id = (*q)->lastInsertId().toLongLong();
    BV_TRY(seal(kAccount, id, {{QString::fromLatin1(fields::AccountNumber), account.number}}));
    return id;
}

Status CustomerStore::updateAccount(const AccountInput& account)
{
    BV_TRY(m_db.exec(QStringLiteral("UPDATE accounts SET type = ?, opened_on = ?, status = ? WHERE id = ?"),
        {account.type,
            account.openedOn.isValid() ? QVariant(account.openedOn) : QVariant(QMetaType::fromType<QString>()),
            account.status, account.id}));
    if (!account.number.isEmpty())
        BV_TRY(seal(kAccount, account.id, {{QString::fromLatin1(fields::AccountNumber), account.number}}));
    return {};
}

Result<QList<qint64>> CustomerStore::customersWith(int blindDomain, const QString& value, qint64 exceptCustomer) const
{
    BV_TRY(m_cipher.checkAvailable());
    const QByteArray blind = m_cipher.blindIndex(BlindDomain(blindDomain), value);
    QList<qint64> ids;
    if (blind.isEmpty())
        return ids;
    // customers directly, accounts through their customer; pending creations are customer rows too
    auto q = m_db.cached(
        QStringLiteral("SELECT DISTINCT c.id FROM sealed_value s "
                       "LEFT JOIN accounts a ON s.owner_kind = 'account' AND a.id = s.owner_id "
                       "JOIN customers c ON c.id = CASE s.owner_kind WHEN 'customer' THEN s.owner_id "
                       "ELSE a.customer_id END "
                       "WHERE s.blind_domain = ? AND s.blind = ? AND s.owner_kind IN ('customer', 'account') "
                       "AND ")
            + responsible::heldSql() + QStringLiteral(" AND c.id <> ? ORDER BY c.id"),
        {blindDomainKey(BlindDomain(blindDomain)), blind, exceptCustomer});
    if (!q.ok())
        return q.error();
    while ((*q)->next())
        ids << (*q)->value(0).toLongLong();
    BV_TRY(rowsFinished(**q, Reading::Customers));
    return ids;
}

} // namespace bv
