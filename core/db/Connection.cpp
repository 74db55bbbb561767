#include "core/internal/db/Connection.h"

#include <QCoreApplication>

namespace bv {

Result<qint64> Connection::insertReturningId(const QString& sql, const QVariantList& values)
{
    auto q = cached(sql, values);
    if (!q.ok())
        return q.error();
    qint64 id = 0;
    bool returned = false;
    if ((*q)->next()) {
        id = (*q)->value(0).toLongLong(&returned);
    }
    BV_TRY(rowsFinished(**q, QCoreApplication::translate("Connection", "A new row could not be saved")));
    (*q)->finish();
    if (!returned)
        return makeError(ErrorCode::Internal,
            QCoreApplication::translate("Connection",
                "A new row was saved without its number. Report this to the developers; the change was not kept."),
            sql.left(60));
    return id;
}

QString Connection::insertStatement(const QString& into, int columns, qsizetype rows)
{
    QString one = QStringLiteral("(?");
    for (int c = 1; c < columns; ++c)
        one += QStringLiteral(", ?");
    one += QLatin1Char(')');
    QStringList tuples;
    tuples.reserve(rows);
    for (qsizetype r = 0; r < rows; ++r)
        tuples << one;
    return into + QStringLiteral(" VALUES ") + tuples.join(QStringLiteral(", "));
}

Status Connection::checkRowWidths(int columns, const QList<QVariantList>& rows)
{
    for (const QVariantList& row : rows) {
        if (row.size() != columns)
            return makeError(ErrorCode::Internal,
                QCoreApplication::translate("Connection", "A new row could not be saved"),
                QStringLiteral("a row of %1 values for %2 columns").arg(row.size()).arg(columns));
    }
    return {};
}

Status Connection::insertRows(const QString& into, int columns, const QList<QVariantList>& rows)
{
    if (rows.isEmpty())
        return {};
    BV_TRY(checkRowWidths(columns, rows));
    // Prepared once per connection (cached): full statements, then the last rows one by one.
    const QString full = insertStatement(into, columns, kRowsPerInsert);
    const QString single = insertStatement(into, columns, 1);
    QVariantList values;
    values.reserve(qsizetype(kRowsPerInsert) * columns);
    qsizetype next = 0;
    for (; next + kRowsPerInsert <= rows.size(); next += kRowsPerInsert) {
        values.clear();
        for (qsizetype r = next; r < next + kRowsPerInsert; ++r)
            values += rows.at(r);
        BV_TRY(exec(full, values));
    }
    for (; next < rows.size(); ++next)
        BV_TRY(exec(single, rows.at(next)));
    return {};
}

} // namespace bv
