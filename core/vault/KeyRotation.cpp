#include "KeyRotation.h"

#include "Vault.h"
#include "VaultService.h"
#include "db/Transaction.h"
#include "keys/KeyEnvelope.h"
#include "keys/Keyring.h"
#include "keys/SealedValues.h"
#include "keys/SecretStore.h"

namespace bv {

KeyRotation::KeyRotation(SecretStore& store, const Clock& clock)
    : m_store(store)
    , m_clock(clock)
{
}

Status KeyRotation::rotate(Vault& vault, const std::function<void(qint64, qint64)>& progress)
{
    Database& db = vault.database();
    if (db.inTransaction())
        return makeError(ErrorCode::Internal, tr("The keys cannot be rotated inside a transaction."));
    const QString envelopePath = vault.envelopePath();
    auto envelope = KeyEnvelope::load(envelopePath);
    if (!envelope.ok())
        return envelope.error();
    if (envelope->hasPending())
        BV_TRY(settle(vault, *envelope, false));
    if (!envelope->matchesCurrent(vault.material()))
        return makeError(ErrorCode::Conflict,
            tr("The key envelope does not match the open database, so a rotation could strand the "
               "recovery passphrase. Run \"branchvault-cli verify\" first."));

    const QString mainName = VaultService::keychainName(vault.databaseId());
    const QString nextName = VaultService::pendingKeychainName(vault.databaseId());
    KeyMaterial next = KeyMaterial::generate();

    // 1. the envelope learns the next key (wrapped for the recovery passphrase); from now on an
    //    interrupted rotation is visible in the envelope and is settled at the next open
    envelope->setPending(next);
    BV_TRY(envelope->save(envelopePath));
    if (m_stopAfter == 1)
        return {};

    // 2. the next key material into the keychain
    if (Status stored = m_store.write(nextName, next.serialize()); !stored.ok()) {
        envelope->clearPending();
        (void)envelope->save(envelopePath);
        return stored;
    }
    if (m_stopAfter == 2)
        return {};

    auto undo = [&]() {
        envelope->clearPending();
        (void)envelope->save(envelopePath);
        (void)m_store.remove(nextName);
    };

    // 3. new field keys; every protected value re-sealed; the new keys wrapped by both materials
    FieldKeys nextKeys = FieldKeys::generate(vault.cipher().generation() + 1);
    FieldCipher nextCipher(nextKeys.clone());
    {
        Transaction tx(db);
        Status step = tx.ok() ? Status() : Status(tx.error());
        if (step.ok())
            step = SealedValues::reseal(db, vault.cipher(), nextCipher, progress);
        const QDateTime now = m_clock.nowUtc();
        if (step.ok())
            step = Keyring::store(db, vault.material(), nextKeys, now);
        if (step.ok())
            step = Keyring::store(db, next, nextKeys, now);
        if (step.ok())
            step = tx.commit();
        if (!step.ok()) {
            undo();
            return step;
        }
    }
    vault.m_cipher = FieldCipher(nextKeys.clone());
    if (m_stopAfter == 3)
        return {};

    // 4. the database itself
    if (Status rekeyed = db.rekey(next.databaseKey()); !rekeyed.ok()) {
        (void)Keyring::removeWrapping(db, next);
        undo();
        return rekeyed;
    }
    vault.m_material = next.clone();
    if (m_stopAfter == 4)
        return {};

    // 5. the new key becomes the only key
    return settle(vault, *envelope, true);
}

Status KeyRotation::settle(Vault& vault, KeyEnvelope& envelope, bool openedWithPending)
{
    Database& db = vault.database();
    const QString envelopePath = vault.envelopePath();
    const QString mainName = VaultService::keychainName(vault.databaseId());
    const QString nextName = VaultService::pendingKeychainName(vault.databaseId());
    if (openedWithPending) {
        BV_TRY(m_store.write(mainName, vault.material().serialize()));
        envelope.promotePending();
        BV_TRY(envelope.save(envelopePath));
    } else {
        envelope.clearPending();
        BV_TRY(envelope.save(envelopePath));
    }
    {
        Transaction tx(db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(Keyring::removeOtherWrappings(db, vault.material()));
        BV_TRY(tx.commit());
    }
    return m_store.remove(nextName);
}

} // namespace bv
