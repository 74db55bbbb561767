#pragma once

#include "common/Result.h"

#include <QCoreApplication>

namespace bv {

class Database;

// RAII guard for every write. The outermost guard runs BEGIN IMMEDIATE; a guard created while a
// transaction is open becomes a SAVEPOINT, so a service can call another service inside its own
// transaction (the audit row is written in the same transaction as the operation it records).
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
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    bool ok() const { return m_error.code == ErrorCode::None; }
    const Error& error() const { return m_error; }

    [[nodiscard]] Status commit();
    void rollback();

private:
    Database& m_db;
    QString m_savepoint; // empty for the outermost transaction
    Error m_error;
    bool m_open = false;
};

} // namespace bv
