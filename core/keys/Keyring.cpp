#include "core/internal/keys/Keyring.h"

#include "core/internal/db/Database.h"
#include "core/internal/keys/KeyRepository.h"

#include <sodium.h>

namespace bv {

namespace {

constexpr char kSubkeyContext[8] = {'B', 'V', 'k', 'e', 'y', 'r', 'n', 'g'};

// A row of one table never unwraps as a row of the other: its own subkey and associated data.
quint64 subkeyId(Keyring::Table table)
{
    return table == Keyring::Table::Staff ? 2 : 1;
}

QByteArray keyringAd(Keyring::Table table, const QString& purpose, int generation)
{
    return (table == Keyring::Table::Staff ? QByteArrayLiteral("bv-staff-keyring|") : QByteArrayLiteral("bv-keyring|"))
        + purpose.toUtf8() + '|' + QByteArray::number(generation);
}

} // namespace

Status Keyring::store(
    Database& db, Table table, const KeyMaterial& material, const FieldKeys& keys, const QDateTime& now)
{
    const SecureBytes kek = material.deriveSubkey(subkeyId(table), kSubkeyContext);
    const QString kekId = material.wrapKeyId();
    const struct
    {
        QString purpose;
        const SecureBytes& key;
    } items[] = {{QStringLiteral("field"), keys.fieldKey}, {QStringLiteral("index"), keys.indexKey}};
    for (const auto& item : items) {
        QByteArray nonce(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES, Qt::Uninitialized);
        randombytes_buf(nonce.data(), std::size_t(nonce.size()));
        QByteArray wrapped(qsizetype(item.key.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES), Qt::Uninitialized);
        const QByteArray ad = keyringAd(table, item.purpose, keys.generation);
        unsigned long long written = 0;
        crypto_aead_xchacha20poly1305_ietf_encrypt(reinterpret_cast<unsigned char*>(wrapped.data()), &written,
            item.key.data(), item.key.size(), reinterpret_cast<const unsigned char*>(ad.constData()),
            std::size_t(ad.size()), nullptr, reinterpret_cast<const unsigned char*>(nonce.constData()), kek.data());
        BV_TRY(KeyRepository(db).putWrapped(
            table, kekId, KeyRepository::Wrapped {item.purpose, keys.generation, nonce, wrapped}, now));
    }
    return {};
}

Result<FieldKeys> Keyring::load(Database& db, Table table, const KeyMaterial& material)
{
    const SecureBytes kek = material.deriveSubkey(subkeyId(table), kSubkeyContext);
    auto rows = KeyRepository(db).wrappedBy(table, material.wrapKeyId(), tr("Reading the field-encryption keys"));
    if (!rows.ok())
        return rows.error();
    FieldKeys keys;
    int found = 0;
    for (const KeyRepository::Wrapped& row : std::as_const(*rows)) {
        const QString& purpose = row.purpose;
        const int generation = row.generation;
        const QByteArray& nonce = row.nonce;
        const QByteArray& wrapped = row.wrapped;
        if (nonce.size() != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
            || wrapped.size() != 32 + crypto_aead_xchacha20poly1305_ietf_ABYTES)
            break;
        SecureBytes key(32);
        unsigned long long plainBytes = 0;
        const QByteArray ad = keyringAd(table, purpose, generation);
        if (crypto_aead_xchacha20poly1305_ietf_decrypt(key.data(), &plainBytes, nullptr,
                reinterpret_cast<const unsigned char*>(wrapped.constData()), std::size_t(wrapped.size()),
                reinterpret_cast<const unsigned char*>(ad.constData()), std::size_t(ad.size()),
                reinterpret_cast<const unsigned char*>(nonce.constData()), kek.data())
            != 0)
            break;
        if (keys.generation != 0 && keys.generation != generation)
            break;
        keys.generation = generation;
        if (purpose == QLatin1String("field"))
            keys.fieldKey = std::move(key);
        else if (purpose == QLatin1String("index"))
            keys.indexKey = std::move(key);
        ++found;
    }
    if (found != 2 || !keys.isValid())
        return makeError(ErrorCode::Damaged,
            tr("The field-encryption keys stored in the database cannot be unwrapped with this key. "
               "Run \"branchvault-cli verify\"; if it reports damage, restore the latest backup."));
    return keys;
}

Result<bool> Keyring::isEmpty(Database& db, Table table)
{
    auto rows = KeyRepository(db).keyringRows(table);
    if (!rows.ok())
        return rows.error();
    return *rows == 0;
}

Status Keyring::removeOtherWrappings(Database& db, const KeyMaterial& keep)
{
    for (Table table : {Table::Staff, Table::Legacy})
        BV_TRY(KeyRepository(db).removeWrappingsExcept(table, keep.wrapKeyId()));
    return {};
}

Status Keyring::removeWrapping(Database& db, const KeyMaterial& material)
{
    for (Table table : {Table::Staff, Table::Legacy})
        BV_TRY(KeyRepository(db).removeWrappingsOf(table, material.wrapKeyId()));
    return {};
}

Status Keyring::clear(Database& db, Table table)
{
    return KeyRepository(db).clearKeyring(table);
}

} // namespace bv
