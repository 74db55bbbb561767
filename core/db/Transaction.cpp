#include "core/internal/db/Transaction.h"

#include "core/internal/db/Connection.h"
#include "core/internal/db/Database.h"

#include <QAtomicInt>

namespace bv {

namespace {
QAtomicInt s_savepointCounter;
}

Transaction::Transaction(Connection& db)
    : m_db(db)
{
    Status begun;
    if (m_db.isOpen() && m_db.inTransaction()) {
        m_savepoint = QStringLiteral("bv_sp_%1").arg(s_savepointCounter.fetchAndAddRelaxed(1));
        begun = m_db.execScript(QStringLiteral("SAVEPOINT %1;").arg(m_savepoint));
    } else {
        // a closed connection answers with its own error (Database::closedError)
        begun = m_db.beginTransaction(tr("A transaction could not be started"));
    }
    if (begun.ok())
        m_open = true;
    else
        m_error = begun.error();
}

Transaction::Transaction(Database& db)
    : Transaction(static_cast<Connection&>(db))
{
}

Transaction::~Transaction()
{
    if (m_open)
        rollback();
}

Status Transaction::commit()
{
    if (!m_open)
        return m_error.isError() ? Status(m_error)
                                 : Status(makeError(ErrorCode::Internal, tr("The transaction is no longer open.")));
    if (!m_savepoint.isEmpty()) {
        Status released = m_db.execScript(QStringLiteral("RELEASE %1;").arg(m_savepoint));
        if (!released.ok()) {
            rollback();
            return released;
        }
        m_open = false;
        return {};
    }
    if (Status committed = m_db.commitTransaction(tr("The change could not be saved")); !committed.ok()) {
        rollback();
        return committed;
    }
    m_open = false;
    return {};
}

void Transaction::rollback()
{
    if (!m_open)
        return;
    m_open = false;
    if (!m_savepoint.isEmpty()) {
        (void)m_db.execScript(QStringLiteral("ROLLBACK TO %1; RELEASE %1;").arg(m_savepoint));
        return;
    }
    m_db.rollbackTransaction();
}

} // namespace bv
