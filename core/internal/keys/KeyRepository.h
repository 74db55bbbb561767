#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/internal/keys/Keyring.h"
#include "core/internal/keys/SealedValues.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bv {

class Connection;

// Every statement of key custody (docs/ARCHITECTURE.md, "Storage seam"): the key_slots table, the two keyrings
// (staff_keyring, keyring) and sealed_value. KeySlots, Keyring and SealedValues keep the cryptography (wrapping,
// sealing, blind indexes); the services that call them keep the rules, the audit rows and the transaction.
// Holds the bytes as stored: nothing here sees a key or a plaintext. Internal to core.
class KeyRepository
{
public:
    explicit KeyRepository(Connection& db);

    // --- key_slots: one row per holder ("user:<id>" or "recovery") ---
    // The kind of the holder's slot ("password", "pending", "recovery"), or none.
    Result<std::optional<QString>> slotKind(const QString& holder);
    struct Slot
    {
        int generation = 0;
        qint64 kdfOps = 0;
        qint64 kdfMem = 0; // MiB for a password or pending slot; bytes for the recovery slot
        QByteArray salt;
        QByteArray nonce; // empty for the recovery slot
        QByteArray publicKey; // the recovery slot only
        QByteArray wrapped; // wrapped (or, for the recovery slot, sealed) keys
        QDateTime writtenAt;
        qint64 writtenBy = 0; // 0: NULL
    };
    // Stores or replaces an account's slot.
    Status putUserSlot(const QString& holder, qint64 userId, const QString& kind, const Slot& slot);
    Status putRecoverySlot(const Slot& slot);
    // The holder's slot of that kind (generation, cost, salt, nonce, wrapped), or none.
    Result<std::optional<Slot>> userSlot(const QString& holder, const QString& kind);
    // The recovery slot (generation unset; public key, sealed keys, salt, cost), or none.
    Result<std::optional<Slot>> recoverySlot();
    // The recovery slot's public key (empty when there is none).
    Result<QByteArray> recoveryPublicKey();
    Status removeSlot(const QString& holder);
    // Every slot but the recovery slot.
    Status removeAccountSlots();
    Result<qint64> passwordSlotCount();
    // The highest generation of any slot, or none when there is no slot.
    Result<std::optional<int>> slotGeneration();

    // --- The keyrings: one row per wrapping key and purpose ---
    struct Wrapped
    {
        QString purpose;
        int generation = 0;
        QByteArray nonce;
        QByteArray wrapped;
    };
    // Stores or replaces the row of (purpose, kekId).
    Status putWrapped(Keyring::Table table, const QString& kekId, const Wrapped& row, const QDateTime& now);
    // The rows of one wrapping key, as stored.
    Result<QList<Wrapped>> wrappedBy(Keyring::Table table, const QString& kekId, const QString& readContext);
    Result<qint64> keyringRows(Keyring::Table table);
    Status removeWrappingsExcept(Keyring::Table table, const QString& kekId);
    Status removeWrappingsOf(Keyring::Table table, const QString& kekId);
    Status clearKeyring(Keyring::Table table);

    // --- sealed_value: one row per (owner kind, owner id, field) ---
    // Stores or replaces a value; an empty blind index stores NULL for the domain and the index.
    // New values (owners that have none yet), in order, with multi-row statements; a value already stored is an
    // error, never replaced.
    Status insertSealedMany(const QList<SealedValues::Prepared>& values);
    Status putSealed(const SealedValues::Key& key, int generation, const QByteArray& sealed, const QString& masked,
        const QString& blindDomain, const QByteArray& blind);
    Status removeSealed(const SealedValues::Key& key);
    Status removeSealedOwner(const QString& ownerKind, qint64 ownerId);
    Result<std::optional<QByteArray>> sealed(const SealedValues::Key& key);
    // The stored masked form, or none when there is no row.
    Result<std::optional<QString>> masked(const SealedValues::Key& key);
    Result<QList<SealedValues::Match>> withBlind(const QString& blindDomain, const QByteArray& blind);

    // Which rows a re-seal reads: every row, those of one owner kind, or those of every other kind.
    struct KindFilter
    {
        QString ownerKind; // empty: every row
        bool except = false;
    };
    Result<qint64> sealedCount(const KindFilter& filter);
    struct SealedRow
    {
        SealedValues::Key key;
        QByteArray sealed;
        QString blindDomain;
    };
    // The next 1000 rows after `after` in key order (keyset paging).
    Result<QList<SealedRow>> sealedAfter(const SealedValues::Key& after, const KindFilter& filter);
    // Rewrites one value in place (an empty blind index stores NULL).
    Status resealed(const SealedValues::Key& key, int generation, const QByteArray& sealed, const QByteArray& blind);

private:
    Connection& m_db;
};

} // namespace bv
