#include "Transaction.h"

#include "Database.h"
#include "SqlCipherDriver.h"

#include <QAtomicInt>

namespace bv {

namespace {
QAtomicInt s_savepointCounter;
}

Transaction::Transaction(Database& db)
    : m_db(db)
{
    Status begun;
    if (!m_db.isOpen()) {
        begun = Database::closedError();
    } else if (m_db.inTransaction()) {
        m_savepoint = QStringLiteral("bv_sp_%1").arg(s_savepointCounter.fetchAndAddRelaxed(1));
        begun = m_db.execScript(QStringLiteral("SAVEPOINT %1;").arg(m_savepoint));
    } else if (!m_db.driver()->beginTransaction()) {
        begun = Database::sqlError(m_db.driver()->lastError(), tr("A transaction could not be started"));
    }
    if (begun.ok())
        m_open = true;
    else
        m_error = begun.error();
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
    if (!m_db.driver()->commitTransaction()) {
        const Error error = Database::sqlError(m_db.driver()->lastError(), tr("The change could not be saved"));
        rollback();
        return error;
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
    if (m_db.inTransaction())
        m_db.driver()->rollbackTransaction();
}

} // namespace bv
