#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeyRepository.h"

#include <QCoreApplication>
#include <QDateTime>

#include <optional>

namespace bv {

class Database;
class KeyEnvelope;

// The Argon2id cost of a password or pending slot (KeySlots::Kdf).
struct SlotKdf
{
    quint64 opslimit = 2;
    quint64 memlimitMiB = 19;
};

// The recovery passphrase's public key with the salt and Argon2id cost that derive it, as the key envelope
// holds them (KeySlots::Recipient). The recovery slot keeps its own copy, so the passphrase opens it from the
// database alone (a lost envelope does not lose the customer keys).
struct SlotRecipient
{
    QByteArray publicKey;
    QByteArray salt;
    quint64 opslimit = 0;
    quint64 memlimit = 0; // bytes
};

// The field-encryption and blind-index keys, kept wrapped in the key_slots table (DESIGN §2):
//
//   password slot  one per customer-data account: Argon2id(password, own salt) → XChaCha20-Poly1305
//   pending slot   written by the branch manager who confirms a new or reset account: the same, keyed by
//                  the confirmation code that manager hands over; replaced by a password slot at the
//                  holder's first password change
//   recovery slot  sealed (crypto_box_seal) to the recovery passphrase's public key from the key envelope
//
// The OS keychain holds the database key only, so the keychain and the file without a staff password
// (or the recovery passphrase) open no grade-1 value. This class only wraps, stores and unwraps; who may
// write which slot is decided by AuthService and AccountService.
class KeySlots
{
    Q_DECLARE_TR_FUNCTIONS(KeySlots)
public:
    enum class Kind
    {
        Password,
        Pending,
    };

    using Kdf = SlotKdf;

    // The kind of the account's slot, or nothing when it has none.
    static Result<std::optional<Kind>> kindOf(Database& db, qint64 userId);
    // Stores (or replaces) the account's slot, wrapped by a key derived from `secret` (the normalised
    // password, or the confirmation code for a pending slot). Runs inside the caller's transaction.
    static Status write(Database& db, qint64 userId, Kind kind, const FieldKeys& keys, const SecureBytes& secret,
        const Kdf& kdf, qint64 writtenBy, const QDateTime& now);
    // AuthenticationFailed if `secret` does not open the slot; NotFound if the account has no slot of that kind.
    static Result<FieldKeys> open(Database& db, qint64 userId, Kind kind, const SecureBytes& secret);
    static Status remove(Database& db, qint64 userId);

    using Recipient = SlotRecipient;
    static Recipient recipientOf(const KeyEnvelope& envelope);
    // The recovery slot, sealed to the recovery passphrase's public key.
    static Status writeRecovery(
        Database& db, const FieldKeys& keys, const Recipient& recipient, qint64 writtenBy, const QDateTime& now);
    // The recipient the recovery slot is sealed to, as pinned in the database (empty public key: no slot). Key
    // holders re-seal only to it (or to a new sheet a branch manager adopts): never to whatever the envelope
    // file beside the database names, which anyone with the keychain entry can rewrite.
    static Result<Recipient> recoveryRecipient(Database& db);
    // The public key the recovery slot is sealed to (empty when there is none).
    static Result<QByteArray> recoveryPublicKey(Database& db);
    // With the recovery passphrase (normalised): WrongKey if it is not the one the slot is sealed to.
    static Result<FieldKeys> openRecovery(Database& db, const SecureBytes& normalizedPassphrase);

    // The generation of the keys in the slots (0 when there is no slot yet).
    static Result<int> generation(Database& db);

    // The slots themselves, as either engine stores them (the local key_slots table; branchvault.key_slots and
    // branchvault.custody on the branch server). `holder` is bound into the associated data (userHolder()).
    using Wrapped = KeyRepository::Slot;
    static QString userHolder(qint64 userId);
    // `proof`, when given, receives BLAKE2b-256 keyed by the slot's key over a fixed label: what proves to the
    // branch server that the secret (the confirmation code of a pending slot) was known, without giving it the key.
    static Result<Wrapped> wrap(const QString& holder, Kind kind, const FieldKeys& keys, const SecureBytes& secret,
        const Kdf& kdf, QByteArray* proof = nullptr);
    // AuthenticationFailed if `secret` does not open it; Damaged if its sizes or cost are not a slot's.
    static Result<FieldKeys> unwrap(
        const QString& holder, Kind kind, const Wrapped& slot, const SecureBytes& secret, QByteArray* proof = nullptr);
    // The recovery slot: the keys sealed to the recovery passphrase's public key.
    static Result<Wrapped> seal(const FieldKeys& keys, const Recipient& recipient);
    // With the recovery passphrase (normalised): WrongKey if it is not the one the slot is sealed to. `secretKey`,
    // when given, receives the passphrase's secret key (the branch server's proof of the passphrase is derived
    // from it: recoveryCheck()).
    static Result<FieldKeys> openSealed(
        const Wrapped& slot, const SecureBytes& normalizedPassphrase, SecureBytes* secretKey = nullptr);
    // BLAKE2b-256 keyed by the recovery passphrase's secret key over a fixed label: what the branch server keeps to
    // tell that a workstation holds the passphrase, from which neither the passphrase nor the key follows.
    static QByteArray recoveryCheck(const SecureBytes& secretKey);
    // BLAKE2b-256 keyed by the recovery passphrase's secret key over the slot's generation and sealed bytes: a tag
    // the branch server keeps beside the recovery slot and cannot make, so a slot sealed on the server to the public
    // key (which it keeps) is told from the one the set-up sealed.
    static QByteArray recoverySlotTag(const SecureBytes& secretKey, int generation, const QByteArray& sealed);
};

} // namespace bv
