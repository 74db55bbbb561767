#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"
#include "core/internal/keys/FieldCipher.h"

#include <QCoreApplication>
#include <QList>

#include <functional>

namespace bv {

class Database;

// Storage of grade-1 values in the sealed_value table. Callers (core services) decide who may see
// what; this class only seals, stores, finds and opens.
class SealedValues
{
    Q_DECLARE_TR_FUNCTIONS(SealedValues)
public:
    struct Key
    {
        QString ownerKind; // "customer", "account", "change", ...
        qint64 ownerId = 0;
        QString field; // field catalogue key
    };

    // Stores (or replaces) a value. An empty plaintext removes the value.
    static Status put(Database& db, const FieldCipher& cipher, const Key& key, const QString& plaintext,
        const QString& masked, BlindDomain domain);
    // put() in two steps, for a caller that seals several values before writing them (CustomerStore::seal, so
    // that the import's stage clock times the cryptography and the statements apart): prepare() seals and
    // indexes without touching the database, store() writes what prepare() made.
    struct Prepared
    {
        Key key;
        bool remove = false; // the plaintext was empty
        int generation = 0;
        QByteArray sealed;
        QString masked;
        QString blindDomain;
        QByteArray blind;
    };
    static Result<Prepared> prepare(
        const FieldCipher& cipher, const Key& key, const QString& plaintext, const QString& masked, BlindDomain domain);
    static Status store(Database& db, const Prepared& prepared);
    // Stores values of new owners (none of them stored yet) with Connection::insertRows; removals are skipped.
    static Status storeNew(Database& db, const QList<Prepared>& prepared);
    static Status remove(Database& db, const Key& key);
    static Status removeOwner(Database& db, const QString& ownerKind, qint64 ownerId);
    // NotFound if there is no value.
    static Result<QString> open(Database& db, const FieldCipher& cipher, const Key& key);
    static Result<QString> masked(Database& db, const Key& key);
    // Owners whose value in `domain` equals `value` after normalisation (blind-index lookup).
    struct Match
    {
        QString ownerKind;
        qint64 ownerId = 0;
        QString field;
    };
    static Result<QList<Match>> find(Database& db, const FieldCipher& cipher, BlindDomain domain, const QString& value);

    // Re-seals every value (of `ownerKind` only, or of every other kind with `exceptKind`, when given) with
    // `to` and recomputes its blind index. Runs inside the caller's transaction. `progress(done, total)` is
    // called now and then.
    static Status reseal(Database& db, const FieldCipher& from, const FieldCipher& to,
        const std::function<void(qint64, qint64)>& progress = {}, const QString& ownerKind = QString(),
        bool exceptKind = false);
};

} // namespace bv
