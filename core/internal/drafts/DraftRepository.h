#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace bv {

class Connection;

// Every statement of the drafts table (docs/ARCHITECTURE.md, "Storage seam"). The sealed content lives in
// sealed_value (owner_kind "draft") and is written through SealedValues. DraftService keeps the rules (who may
// see which draft, the form kinds, expiry), the audit rows and the transaction boundaries. Internal to core.
class DraftRepository
{
public:
    explicit DraftRepository(Connection& db);

    // One row of the drafts table; `form` is the stored key (DraftForms::key).
    struct Row
    {
        qint64 id = 0;
        qint64 authorId = 0;
        QString form;
        QString subject;
        QDateTime savedAt; // UTC
        QDateTime expiresAt; // UTC
    };

    // The id of the author's draft of `form` about `subject`, if there is one.
    Result<std::optional<qint64>> find(qint64 authorId, const QString& form, const QString& subject);
    Result<qint64> insert(qint64 authorId, const QString& form, const QString& subject, const QDateTime& savedAt,
        const QDateTime& expiresAt);
    Status touch(qint64 id, const QDateTime& savedAt, const QDateTime& expiresAt);
    // The author's drafts that have not expired at `now`, newest first.
    Result<QList<Row>> ofAuthor(qint64 authorId, const QDateTime& now);
    // One draft that has not expired at `now` (of any author).
    Result<std::optional<Row>> unexpired(qint64 id, const QDateTime& now);
    // The ids of the drafts expired at `now`.
    Result<QList<qint64>> expired(const QDateTime& now);
    Status remove(qint64 id);

private:
    Connection& m_db;
};

} // namespace bv
