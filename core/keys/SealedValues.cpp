#include "core/internal/keys/SealedValues.h"

#include "core/db/Database.h"
#include "core/db/QueryRows.h"

namespace bv {

Status SealedValues::put(Database& db, const FieldCipher& cipher, const Key& key, const QString& plaintext,
    const QString& masked, BlindDomain domain)
{
    if (plaintext.isEmpty())
        return remove(db, key);
    BV_TRY(cipher.checkAvailable());
    const QByteArray sealed
        = cipher.seal(plaintext, FieldCipher::associatedData(key.ownerKind, key.ownerId, key.field));
    const QByteArray blind = cipher.blindIndex(domain, plaintext);
    auto q = db.cached(QStringLiteral("INSERT INTO sealed_value (owner_kind, owner_id, field, generation, sealed, "
                                      "masked, blind_domain, blind) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                      "ON CONFLICT (owner_kind, owner_id, field) DO UPDATE SET "
                                      "generation = excluded.generation, sealed = excluded.sealed, "
                                      "masked = excluded.masked, blind_domain = excluded.blind_domain, "
                                      "blind = excluded.blind"),
        {key.ownerKind, key.ownerId, key.field, cipher.generation(), sealed, masked,
            blind.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(blindDomainKey(domain)),
            blind.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(blind)});
    if (!q.ok())
        return q.error();
    return {};
}

Status SealedValues::remove(Database& db, const Key& key)
{
    auto q = db.cached(QStringLiteral("DELETE FROM sealed_value WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
        {key.ownerKind, key.ownerId, key.field});
    if (!q.ok())
        return q.error();
    return {};
}

Status SealedValues::removeOwner(Database& db, const QString& ownerKind, qint64 ownerId)
{
    auto q = db.query(
        QStringLiteral("DELETE FROM sealed_value WHERE owner_kind = ? AND owner_id = ?"), {ownerKind, ownerId});
    if (!q.ok())
        return q.error();
    return {};
}

Result<QString> SealedValues::open(Database& db, const FieldCipher& cipher, const Key& key)
{
    auto q = db.cached(
        QStringLiteral("SELECT sealed FROM sealed_value WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
        {key.ownerKind, key.ownerId, key.field});
    if (!q.ok())
        return q.error();
    if (!(*q)->next()) {
        BV_TRY(rowsFinished(**q, Reading::Customers));
        return makeError(ErrorCode::NotFound, tr("No value is stored for this field."));
    }
    const QByteArray sealed = (*q)->value(0).toByteArray();
    (*q)->finish();
    return cipher.open(sealed, FieldCipher::associatedData(key.ownerKind, key.ownerId, key.field));
}

Result<QString> SealedValues::masked(Database& db, const Key& key)
{
    auto q = db.cached(
        QStringLiteral("SELECT masked FROM sealed_value WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
        {key.ownerKind, key.ownerId, key.field});
    if (!q.ok())
        return q.error();
    if (!(*q)->next()) {
        BV_TRY(rowsFinished(**q, Reading::Customers));
        return QString();
    }
    const QString masked = (*q)->value(0).toString();
    (*q)->finish();
    return masked;
}

Result<QList<SealedValues::Match>> SealedValues::find(
    Database& db, const FieldCipher& cipher, BlindDomain domain, const QString& value)
{
    QList<Match> matches;
    BV_TRY(cipher.checkAvailable());
    const QByteArray blind = cipher.blindIndex(domain, value);
    if (blind.isEmpty())
        return matches;
    auto q = db.query(QStringLiteral("SELECT owner_kind, owner_id, field FROM sealed_value "
                                     "WHERE blind_domain = ? AND blind = ? ORDER BY owner_kind, owner_id, field"),
        {blindDomainKey(domain), blind});
    if (!q.ok())
        return q.error();
    while (q->next())
        matches.append(Match {q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString()});
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return matches;
}

Status SealedValues::reseal(Database& db, const FieldCipher& from, const FieldCipher& to,
    const std::function<void(qint64, qint64)>& progress, const QString& ownerKind, bool exceptKind)
{
    BV_TRY(from.checkAvailable());
    BV_TRY(to.checkAvailable());
    // every row, the rows of one owner kind, or of every other kind (an internal constant such as "user")
    const bool allKinds = ownerKind.isEmpty();
    const QString kindFilter = allKinds ? QString()
        : exceptKind                    ? QStringLiteral(" AND owner_kind <> ?")
                                        : QStringLiteral(" AND owner_kind = ?");
    auto count = allKinds
        ? db.scalar(QStringLiteral("SELECT count(*) FROM sealed_value"))
        : db.scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE 1 = 1") + kindFilter, {ownerKind});
    if (!count.ok())
        return count.error();
    const qint64 total = count->toLongLong();
    // Read in key order, one batch at a time (keyset paging), and rewrite each row in place.
    QString lastKind;
    qint64 lastId = std::numeric_limits<qint64>::min();
    QString lastField;
    qint64 done = 0;
    for (;;) {
        QVariantList bound {lastKind, lastId, lastField};
        if (!allKinds)
            bound << ownerKind;
        auto q = db.query(QStringLiteral("SELECT owner_kind, owner_id, field, sealed, blind_domain FROM sealed_value "
                                         "WHERE (owner_kind, owner_id, field) > (?, ?, ?)")
                + kindFilter + QStringLiteral(" ORDER BY owner_kind, owner_id, field LIMIT 1000"),
            bound);
        if (!q.ok())
            return q.error();
        struct Row
        {
            Key key;
            QByteArray sealed;
            BlindDomain domain;
        };
        QList<Row> rows;
        while (q->next())
            rows.append(Row {Key {q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString()},
                q->value(3).toByteArray(), blindDomainFromKey(q->value(4).toString())});
        BV_TRY(rowsFinished(*q, Reading::Customers));
        if (rows.isEmpty())
            break;
        for (const Row& row : rows) {
            const QByteArray ad = FieldCipher::associatedData(row.key.ownerKind, row.key.ownerId, row.key.field);
            auto plain = from.open(row.sealed, ad);
            if (!plain.ok())
                return plain.error();
            const QByteArray sealed = to.seal(*plain, ad);
            const QByteArray blind = to.blindIndex(row.domain, *plain);
            QString cleared = std::move(plain).value();
            wipe(cleared);
            auto update = db.cached(QStringLiteral("UPDATE sealed_value SET generation = ?, sealed = ?, blind = ? "
                                                   "WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
                {to.generation(), sealed,
                    blind.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(blind), row.key.ownerKind,
                    row.key.ownerId, row.key.field});
            if (!update.ok())
                return update.error();
            ++done;
        }
        lastKind = rows.constLast().key.ownerKind;
        lastId = rows.constLast().key.ownerId;
        lastField = rows.constLast().key.field;
        if (progress)
            progress(done, total);
    }
    return {};
}

} // namespace bv
