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

} // namespace bv
