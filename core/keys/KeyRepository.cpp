#include "core/internal/keys/KeyRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"

namespace bv {

namespace {

QVariant noId()
{
    return QVariant(QMetaType::fromType<qlonglong>());
}

QString tableName(Keyring::Table table)
{
    return table == Keyring::Table::Staff ? QStringLiteral("staff_keyring") : QStringLiteral("keyring");
}

// " AND owner_kind …" for a re-seal's filter (a constant text; the kind itself is bound).
QString kindClause(const KeyRepository::KindFilter& filter)
{
    if (filter.ownerKind.isEmpty())
        return QString();
    return filter.except ? QStringLiteral(" AND owner_kind <> ?") : QStringLiteral(" AND owner_kind = ?");
}

} // namespace

KeyRepository::KeyRepository(Connection& db)
    : m_db(db)
{
}

// --- key_slots ---

Result<std::optional<QString>> KeyRepository::slotKind(const QString& holder)
{
    auto kind = m_db.scalar(QStringLiteral("SELECT kind FROM key_slots WHERE holder = ?"), {holder});
    if (!kind.ok())
        return kind.error();
    if (kind->isNull())
        return std::optional<QString>();
    return std::optional<QString>(kind->toString());
}

Status KeyRepository::putUserSlot(const QString& holder, qint64 userId, const QString& kind, const Slot& slot)
{
    // dialect: INSERT OR REPLACE (PostgreSQL: ON CONFLICT (holder) DO UPDATE)
    return m_db.exec(QStringLiteral("INSERT OR REPLACE INTO key_slots (holder, user_id, kind, generation, kdf_ops, "
                                    "kdf_mem_mib, salt, nonce, public_key, wrapped, written_at, written_by) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)"),
        {holder, userId, kind, slot.generation, slot.kdfOps, slot.kdfMem, slot.salt, slot.nonce, slot.wrapped,
            slot.writtenAt, slot.writtenBy > 0 ? QVariant(slot.writtenBy) : noId()});
}

Status KeyRepository::putRecoverySlot(const Slot& slot)
{
    // dialect: INSERT OR REPLACE (PostgreSQL: ON CONFLICT (holder) DO UPDATE)
    return m_db.exec(QStringLiteral("INSERT OR REPLACE INTO key_slots (holder, user_id, kind, generation, kdf_ops, "
                                    "kdf_mem_mib, salt, nonce, public_key, wrapped, written_at, written_by) "
                                    "VALUES ('recovery', NULL, 'recovery', ?, ?, ?, ?, NULL, ?, ?, ?, ?)"),
        {slot.generation, slot.kdfOps, slot.kdfMem, slot.salt, slot.publicKey, slot.wrapped, slot.writtenAt,
            slot.writtenBy > 0 ? QVariant(slot.writtenBy) : noId()});
}

Result<std::optional<KeyRepository::Slot>> KeyRepository::userSlot(const QString& holder, const QString& kind)
{
    auto q = m_db.query(QStringLiteral("SELECT generation, kdf_ops, kdf_mem_mib, salt, nonce, wrapped FROM key_slots "
                                       "WHERE holder = ? AND kind = ?"),
        {holder, kind});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return std::optional<Slot>();
    }
    Slot slot;
    slot.generation = q->value(0).toInt();
    slot.kdfOps = q->value(1).toLongLong();
    slot.kdfMem = q->value(2).toLongLong();
    slot.salt = q->value(3).toByteArray();
    slot.nonce = q->value(4).toByteArray();
    slot.wrapped = q->value(5).toByteArray();
    q->finish();
    return std::optional<Slot>(slot);
}

Result<std::optional<KeyRepository::Slot>> KeyRepository::recoverySlot()
{
    auto q = m_db.query(QStringLiteral(
        "SELECT public_key, wrapped, salt, kdf_ops, kdf_mem_mib FROM key_slots WHERE holder = 'recovery'"));
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return std::optional<Slot>();
    }
    Slot slot;
    slot.publicKey = q->value(0).toByteArray();
    slot.wrapped = q->value(1).toByteArray();
    slot.salt = q->value(2).toByteArray();
    slot.kdfOps = q->value(3).toLongLong();
    slot.kdfMem = q->value(4).toLongLong();
    q->finish();
    return std::optional<Slot>(slot);
}

Result<QByteArray> KeyRepository::recoveryPublicKey()
{
    auto key = m_db.scalar(QStringLiteral("SELECT public_key FROM key_slots WHERE holder = 'recovery'"));
    if (!key.ok())
        return key.error();
    return key->toByteArray();
}

Status KeyRepository::removeSlot(const QString& holder)
{
    return m_db.exec(QStringLiteral("DELETE FROM key_slots WHERE holder = ?"), {holder});
}

Status KeyRepository::removeAccountSlots()
{
    return m_db.exec(QStringLiteral("DELETE FROM key_slots WHERE kind <> 'recovery'"));
}

Result<qint64> KeyRepository::passwordSlotCount()
{
    auto n = m_db.scalar(QStringLiteral("SELECT count(*) FROM key_slots WHERE kind = 'password'"));
    if (!n.ok())
        return n.error();
    return n->toLongLong();
}

Result<std::optional<int>> KeyRepository::slotGeneration()
{
    auto generation = m_db.scalar(QStringLiteral("SELECT max(generation) FROM key_slots"));
    if (!generation.ok())
        return generation.error();
    if (generation->isNull())
        return std::optional<int>();
    return std::optional<int>(generation->toInt());
}

// --- The keyrings (the table name is one of two constants, never input) ---

Status KeyRepository::putWrapped(Keyring::Table table, const QString& kekId, const Wrapped& row, const QDateTime& now)
{
    return m_db.exec(QStringLiteral("INSERT INTO ") + tableName(table)
            + QStringLiteral(" (purpose, kek_id, generation, nonce, wrapped, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (purpose, kek_id) DO UPDATE SET "
                             "generation = excluded.generation, nonce = excluded.nonce, "
                             "wrapped = excluded.wrapped, created_at = excluded.created_at"),
        {row.purpose, kekId, row.generation, row.nonce, row.wrapped, now});
}

Result<QList<KeyRepository::Wrapped>> KeyRepository::wrappedBy(
    Keyring::Table table, const QString& kekId, const QString& readContext)
{
    auto q = m_db.query(QStringLiteral("SELECT purpose, generation, nonce, wrapped FROM ") + tableName(table)
            + QStringLiteral(" WHERE kek_id = ?"),
        {kekId});
    if (!q.ok())
        return q.error();
    QList<Wrapped> rows;
    while (q->next())
        rows << Wrapped {
            q->value(0).toString(), q->value(1).toInt(), q->value(2).toByteArray(), q->value(3).toByteArray()};
    BV_TRY(rowsFinished(*q, readContext));
    return rows;
}

Result<qint64> KeyRepository::keyringRows(Keyring::Table table)
{
    auto rows = m_db.scalar(QStringLiteral("SELECT count(*) FROM ") + tableName(table));
    if (!rows.ok())
        return rows.error();
    return rows->toLongLong();
}

Status KeyRepository::removeWrappingsExcept(Keyring::Table table, const QString& kekId)
{
    return m_db.exec(QStringLiteral("DELETE FROM ") + tableName(table) + QStringLiteral(" WHERE kek_id <> ?"), {kekId});
}

Status KeyRepository::removeWrappingsOf(Keyring::Table table, const QString& kekId)
{
    return m_db.exec(QStringLiteral("DELETE FROM ") + tableName(table) + QStringLiteral(" WHERE kek_id = ?"), {kekId});
}

Status KeyRepository::clearKeyring(Keyring::Table table)
{
    return m_db.exec(QStringLiteral("DELETE FROM ") + tableName(table));
}

// --- sealed_value ---

Status KeyRepository::putSealed(const SealedValues::Key& key, int generation, const QByteArray& sealed,
    const QString& masked, const QString& blindDomain, const QByteArray& blind)
{
    auto q = m_db.cached(QStringLiteral("INSERT INTO sealed_value (owner_kind, owner_id, field, generation, sealed, "
                                        "masked, blind_domain, blind) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (owner_kind, owner_id, field) DO UPDATE SET "
                                        "generation = excluded.generation, sealed = excluded.sealed, "
                                        "masked = excluded.masked, blind_domain = excluded.blind_domain, "
                                        "blind = excluded.blind"),
        {key.ownerKind, key.ownerId, key.field, generation, sealed, masked,
            blind.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(blindDomain),
            blind.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(blind)});
    if (!q.ok())
        return q.error();
    return {};
}

Status KeyRepository::insertSealedMany(const QList<SealedValues::Prepared>& values)
{
    QList<QVariantList> rows;
    rows.reserve(values.size());
    for (const SealedValues::Prepared& v : values) {
        Q_ASSERT(!v.remove);
        rows.append({v.key.ownerKind, v.key.ownerId, v.key.field, v.generation, v.sealed, v.masked,
            v.blind.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(v.blindDomain),
            v.blind.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(v.blind)});
    }
    return m_db.insertRows(QStringLiteral("INSERT INTO sealed_value (owner_kind, owner_id, field, generation, sealed, "
                                          "masked, blind_domain, blind)"),
        8, rows);
}

Status KeyRepository::removeSealed(const SealedValues::Key& key)
{
    auto q = m_db.cached(QStringLiteral("DELETE FROM sealed_value WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
        {key.ownerKind, key.ownerId, key.field});
    if (!q.ok())
        return q.error();
    return {};
}

Status KeyRepository::removeSealedOwner(const QString& ownerKind, qint64 ownerId)
{
    return m_db.exec(
        QStringLiteral("DELETE FROM sealed_value WHERE owner_kind = ? AND owner_id = ?"), {ownerKind, ownerId});
}

Result<std::optional<QByteArray>> KeyRepository::sealed(const SealedValues::Key& key)
{
    auto q = m_db.cached(
        QStringLiteral("SELECT sealed FROM sealed_value WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
        {key.ownerKind, key.ownerId, key.field});
    if (!q.ok())
        return q.error();
    if (!(*q)->next()) {
        BV_TRY(rowsFinished(**q, Reading::Customers));
        return std::optional<QByteArray>();
    }
    const QByteArray sealed = (*q)->value(0).toByteArray();
    (*q)->finish();
    return std::optional<QByteArray>(sealed);
}

Result<std::optional<QString>> KeyRepository::masked(const SealedValues::Key& key)
{
    auto q = m_db.cached(
        QStringLiteral("SELECT masked FROM sealed_value WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
        {key.ownerKind, key.ownerId, key.field});
    if (!q.ok())
        return q.error();
    if (!(*q)->next()) {
        BV_TRY(rowsFinished(**q, Reading::Customers));
        return std::optional<QString>();
    }
    const QString masked = (*q)->value(0).toString();
    (*q)->finish();
    return std::optional<QString>(masked);
}

Result<QList<SealedValues::Match>> KeyRepository::withBlind(const QString& blindDomain, const QByteArray& blind)
{
    auto q = m_db.query(QStringLiteral("SELECT owner_kind, owner_id, field FROM sealed_value "
                                       "WHERE blind_domain = ? AND blind = ? ORDER BY owner_kind, owner_id, field"),
        {blindDomain, blind});
    if (!q.ok())
        return q.error();
    QList<SealedValues::Match> matches;
    while (q->next())
        matches.append(SealedValues::Match {q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString()});
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return matches;
}

Result<qint64> KeyRepository::sealedCount(const KindFilter& filter)
{
    auto count = filter.ownerKind.isEmpty()
        ? m_db.scalar(QStringLiteral("SELECT count(*) FROM sealed_value"))
        : m_db.scalar(
            QStringLiteral("SELECT count(*) FROM sealed_value WHERE 1 = 1") + kindClause(filter), {filter.ownerKind});
    if (!count.ok())
        return count.error();
    return count->toLongLong();
}

Result<QList<KeyRepository::SealedRow>> KeyRepository::sealedAfter(
    const SealedValues::Key& after, const KindFilter& filter)
{
    QVariantList bound {after.ownerKind, after.ownerId, after.field};
    if (!filter.ownerKind.isEmpty())
        bound << filter.ownerKind;
    auto q = m_db.query(QStringLiteral("SELECT owner_kind, owner_id, field, sealed, blind_domain FROM sealed_value "
                                       "WHERE (owner_kind, owner_id, field) > (?, ?, ?)")
            + kindClause(filter) + QStringLiteral(" ORDER BY owner_kind, owner_id, field LIMIT 1000"),
        bound);
    if (!q.ok())
        return q.error();
    QList<SealedRow> rows;
    while (q->next())
        rows.append(
            SealedRow {SealedValues::Key {q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString()},
                q->value(3).toByteArray(), q->value(4).toString()});
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

Status KeyRepository::resealed(
    const SealedValues::Key& key, int generation, const QByteArray& sealed, const QByteArray& blind)
{
    auto update = m_db.cached(QStringLiteral("UPDATE sealed_value SET generation = ?, sealed = ?, blind = ? "
                                             "WHERE owner_kind = ? AND owner_id = ? AND field = ?"),
        {generation, sealed, blind.isEmpty() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(blind),
            key.ownerKind, key.ownerId, key.field});
    if (!update.ok())
        return update.error();
    return {};
}

} // namespace bv
