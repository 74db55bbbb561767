#include "core/internal/drafts/DraftRepository.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/QueryRows.h"

#include <QSqlQuery>

namespace bv {

namespace {

QDateTime utcFrom(const QVariant& value)
{
    QDateTime at = QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
    return at.isValid() ? at.toUTC() : at;
}

} // namespace

DraftRepository::DraftRepository(Connection& db)
    : m_db(db)
{
}

Result<std::optional<qint64>> DraftRepository::find(qint64 authorId, const QString& form, const QString& subject)
{
    auto existing
        = m_db.scalar(QStringLiteral("SELECT id FROM drafts WHERE author_id = ? AND form = ? AND subject = ?"),
            {authorId, form, subject});
    if (!existing.ok())
        return existing.error();
    if (!existing->isValid() || existing->isNull())
        return std::optional<qint64>();
    return std::optional<qint64>(existing->toLongLong());
}

Result<qint64> DraftRepository::insert(
    qint64 authorId, const QString& form, const QString& subject, const QDateTime& savedAt, const QDateTime& expiresAt)
{
    return m_db.insertReturningId(QStringLiteral("INSERT INTO drafts (author_id, form, subject, saved_at, expires_at) "
                                                 "VALUES (?, ?, ?, ?, ?) RETURNING id"),
        {authorId, form, subject, savedAt, expiresAt});
}

Status DraftRepository::touch(qint64 id, const QDateTime& savedAt, const QDateTime& expiresAt)
{
    return m_db.exec(
        QStringLiteral("UPDATE drafts SET saved_at = ?, expires_at = ? WHERE id = ?"), {savedAt, expiresAt, id});
}

Result<QList<DraftRepository::Row>> DraftRepository::ofAuthor(qint64 authorId, const QDateTime& now)
{
    auto q = m_db.query(QStringLiteral("SELECT id, form, subject, saved_at, expires_at FROM drafts "
                                       "WHERE author_id = ? AND expires_at > ? ORDER BY saved_at DESC, id DESC"),
        {authorId, now});
    if (!q.ok())
        return q.error();
    QList<Row> rows;
    while (q->next())
        rows.append(Row {q->value(0).toLongLong(), authorId, q->value(1).toString(), q->value(2).toString(),
            utcFrom(q->value(3)), utcFrom(q->value(4))});
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return rows;
}

Result<std::optional<DraftRepository::Row>> DraftRepository::unexpired(qint64 id, const QDateTime& now)
{
    auto q = m_db.query(QStringLiteral("SELECT author_id, form, subject, saved_at, expires_at FROM drafts "
                                       "WHERE id = ? AND expires_at > ?"),
        {id, now});
    if (!q.ok())
        return q.error();
    std::optional<Row> row;
    if (q->next())
        row = Row {id, q->value(0).toLongLong(), q->value(1).toString(), q->value(2).toString(), utcFrom(q->value(3)),
            utcFrom(q->value(4))};
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return row;
}

Result<QList<qint64>> DraftRepository::expired(const QDateTime& now)
{
    auto q = m_db.query(QStringLiteral("SELECT id FROM drafts WHERE expires_at <= ? ORDER BY id"), {now});
    if (!q.ok())
        return q.error();
    QList<qint64> ids;
    while (q->next())
        ids.append(q->value(0).toLongLong());
    BV_TRY(rowsFinished(*q, Reading::Customers));
    return ids;
}

Status DraftRepository::remove(qint64 id)
{
    return m_db.exec(QStringLiteral("DELETE FROM drafts WHERE id = ?"), {id});
}

} // namespace bv
