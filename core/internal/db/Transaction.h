#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QCoreApplication>

namespace bv {

class Connection;
class Database;

// RAII guard for every write. The outermost guard runs BEGIN IMMEDIATE; a guard created while a
// transaction is open becomes a SAVEPOINT, so a service can call another service inside its own
// transaction (the audit row is written in the same transaction as the operation it records).
// It works on any Connection (core/db/Connection.h): the savepoint statements are the same in SQLite and PostgreSQL.
// Destroying a guard that was not committed rolls its work back.
//
//     Transaction tx(db);
//     if (!tx.ok()) return tx.error();
//     ... writes, audit append ...
//     BV_TRY(tx.commit());
class Transaction
{
    Q_DECLARE_TR_FUNCTIONS(Transaction)
public:
    explicit Transaction(Connection& db);
    explicit Transaction(Database& db); // the SQLCipher database, without its header here
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool ok() const { return m_error.code == ErrorCode::None; }
    const Error& error() const { return m_error; }

    [[nodiscard]] Status commit();
    void rollback();

private:
    Connection& m_db;
    QString m_savepoint; // empty for the outermost transaction
    Error m_error;
    bool m_open = false;
};

} // namespace bv
