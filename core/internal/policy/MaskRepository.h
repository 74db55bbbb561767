#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace bv {

class Connection;

// Every statement of the stored masked forms (docs/ARCHITECTURE.md, "Storage seam"), beside SettingsRepository:
// sealed_value.masked of the customer-data owners, suspicious_pairs.masked_value, the diffs of customer_changes and
// customer_history, and the re-mask marker in meta. StoredMasks keeps the rules (how a form is masked or narrowed,
// what is counted, the audit row) and runs inside the caller's transaction; nothing here opens one. Internal to
// core.
class MaskRepository
{
public:
    explicit MaskRepository(Connection& db);

    // The tables whose diff_json holds grade-1 old/new values.
    enum class DiffTable
    {
        Changes, // customer_changes
        History, // customer_history
    };
    // Up to `limit` rows with an id above `afterId`, in id order: id, diff_json.
    Result<QList<QPair<qint64, QString>>> diffs(DiffTable table, qint64 afterId, int limit);
    Status setDiff(DiffTable table, qint64 id, const QString& json);

    // One row of sealed_value of a customer-data owner ("customer", "account", "change", "history"; the "user" owner
    // holds second-factor secrets, which have no masked form).
    struct Sealed
    {
        QString ownerKind;
        qint64 ownerId = 0;
        QString field;
        QByteArray sealed; // empty unless asked for
        QString masked;
    };
    // Up to `limit` rows after the key (ownerKind, ownerId, field), in key order; `withSealed`: with the sealed value.
    Result<QList<Sealed>> sealedAfter(
        const QString& ownerKind, qint64 ownerId, const QString& field, bool withSealed, int limit);
    Result<qint64> sealedCount();
    Status setMasked(const QString& ownerKind, qint64 ownerId, const QString& field, const QString& masked);

    // The suspicious pairs that carry a masked shared value, in id order.
    struct Pair
    {
        qint64 id = 0;
        QString kind; // "phone" or "account"
        qint64 a = 0;
        qint64 b = 0;
        QString masked;
    };
    Result<QList<Pair>> pairsWithValues();
    Status setPairMasked(qint64 id, const QString& masked);
    // The stored masked form of the first value of customer `a`'s phones (or, `account`, of its accounts' numbers)
    // whose blind index equals one of customer `b`'s; nullopt when they share none.
    Result<std::optional<QString>> sharedMasked(bool account, qint64 a, qint64 b);

    // The re-mask marker (meta key `key`).
    Result<bool> hasMeta(const QString& key);
    Status putMeta(const QString& key, const QString& value);
    Status removeMeta(const QString& key);

private:
    Connection& m_db;
};

} // namespace bv
