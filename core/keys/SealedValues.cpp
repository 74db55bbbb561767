#include "core/internal/keys/SealedValues.h"

#include "core/internal/db/Database.h"
#include "core/internal/keys/KeyRepository.h"

namespace bv {

Status SealedValues::put(Database& db, const FieldCipher& cipher, const Key& key, const QString& plaintext,
    const QString& masked, BlindDomain domain)
{
    auto prepared = prepare(cipher, key, plaintext, masked, domain);
    if (!prepared.ok())
        return prepared.error();
    return store(db, *prepared);
}

Result<SealedValues::Prepared> SealedValues::prepare(
    const FieldCipher& cipher, const Key& key, const QString& plaintext, const QString& masked, BlindDomain domain)
{
    if (plaintext.isEmpty())
        return Prepared {key, true};
    BV_TRY(cipher.checkAvailable());
    return Prepared {key, false, cipher.generation(),
        cipher.seal(plaintext, FieldCipher::associatedData(key.ownerKind, key.ownerId, key.field)), masked,
        blindDomainKey(domain), cipher.blindIndex(domain, plaintext)};
}

Status SealedValues::store(Database& db, const Prepared& prepared)
{
    if (prepared.remove)
        return remove(db, prepared.key);
    return KeyRepository(db).putSealed(
        prepared.key, prepared.generation, prepared.sealed, prepared.masked, prepared.blindDomain, prepared.blind);
}

Status SealedValues::storeNew(Database& db, const QList<Prepared>& prepared)
{
    QList<Prepared> values;
    values.reserve(prepared.size());
    for (const Prepared& value : prepared) {
        if (!value.remove)
            values.append(value);
    }
    return KeyRepository(db).insertSealedMany(values);
}

Status SealedValues::remove(Database& db, const Key& key)
{
    return KeyRepository(db).removeSealed(key);
}

Status SealedValues::removeOwner(Database& db, const QString& ownerKind, qint64 ownerId)
{
    return KeyRepository(db).removeSealedOwner(ownerKind, ownerId);
}

Result<QString> SealedValues::open(Database& db, const FieldCipher& cipher, const Key& key)
{
    auto sealed = KeyRepository(db).sealed(key);
    if (!sealed.ok())
        return sealed.error();
    if (!sealed->has_value())
        return makeError(ErrorCode::NotFound, tr("No value is stored for this field."));
    return cipher.open(**sealed, FieldCipher::associatedData(key.ownerKind, key.ownerId, key.field));
}

Result<QString> SealedValues::masked(Database& db, const Key& key)
{
    auto masked = KeyRepository(db).masked(key);
    if (!masked.ok())
        return masked.error();
    return masked->value_or(QString());
}

Result<QList<SealedValues::Match>> SealedValues::find(
    Database& db, const FieldCipher& cipher, BlindDomain domain, const QString& value)
{
    BV_TRY(cipher.checkAvailable());
    const QByteArray blind = cipher.blindIndex(domain, value);
    if (blind.isEmpty())
        return QList<Match>();
    return KeyRepository(db).withBlind(blindDomainKey(domain), blind);
}

Status SealedValues::reseal(Database& db, const FieldCipher& from, const FieldCipher& to,
    const std::function<void(qint64, qint64)>& progress, const QString& ownerKind, bool exceptKind)
{
    BV_TRY(from.checkAvailable());
    BV_TRY(to.checkAvailable());
    KeyRepository repo(db);
    // every row, the rows of one owner kind, or of every other kind (an internal constant such as "user")
    const KeyRepository::KindFilter filter {ownerKind, exceptKind};
    auto count = repo.sealedCount(filter);
    if (!count.ok())
        return count.error();
    const qint64 total = *count;
    // Read in key order, one batch at a time (keyset paging), and rewrite each row in place.
    Key last {QString(), std::numeric_limits<qint64>::min(), QString()};
    qint64 done = 0;
    for (;;) {
        auto rows = repo.sealedAfter(last, filter);
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty())
            break;
        for (const KeyRepository::SealedRow& row : std::as_const(*rows)) {
            const QByteArray ad = FieldCipher::associatedData(row.key.ownerKind, row.key.ownerId, row.key.field);
            auto plain = from.open(row.sealed, ad);
            if (!plain.ok())
                return plain.error();
            const QByteArray sealed = to.seal(*plain, ad);
            const QByteArray blind = to.blindIndex(blindDomainFromKey(row.blindDomain), *plain);
            QString cleared = std::move(plain).value();
            wipe(cleared);
            BV_TRY(repo.resealed(row.key, to.generation(), sealed, blind));
            ++done;
        }
        last = rows->constLast().key;
        if (progress)
            progress(done, total);
    }
    return {};
}

} // namespace bv
