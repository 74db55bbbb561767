#pragma once

#include "core/internal/InternalOnly.h"

#include "core/common/Result.h"

#include <QByteArray>

namespace bv {

class Database;
struct PurgeGateState;

// The SQLite engine's half of the audit purge gate (DESIGN §7, docs/AUDIT.md). The delete trigger on audit_log
// (migration 6) asks the SQL function bv_audit_purge_gate whether a gate row's token, purge row and range are those
// of the purge running on this connection right now. Only AuditLog::purgeOlderThan opens it, with a fresh random
// token, for the length of its DELETE; a gate row written from outside (or from the sqlcipher shell, where the
// function does not even exist) never matches. The state belongs to the connection (freed with it), so a
// reconnected database never reaches a state that is gone. An attacker who drops the trigger is past all of
// this: the verifier is what catches them.
//
// Engine-specific, so it lives in core/db/ beside the connection: a PostgreSQL engine (issue 15) keeps the same
// rule in a server-side purge function instead.
class AuditPurgeGate
{
public:
    // Registers the function, closed, so that a DELETE fails with the trigger's own message instead of
    // "no such function". Call once per connection (AuditLog's constructor).
    static void installClosed(Database& db);

    // Registers a fresh gate on `db` and opens it for rows `first` to `last` recorded by purge row `purgeSeq`,
    // with a random token (token()). Closed and wiped when this object goes.
    AuditPurgeGate(Database& db, qint64 purgeSeq, qint64 first, qint64 last);
    ~AuditPurgeGate();
    AuditPurgeGate(const AuditPurgeGate&) = delete;
    AuditPurgeGate& operator=(const AuditPurgeGate&) = delete;

    // An error when the function could not be registered (the gate is then closed).
    [[nodiscard]] Status status() const { return m_status; }
    QByteArray token() const;
    void close();

private:
    PurgeGateState* m_state = nullptr; // owned by the connection (freed when the function is replaced)
    Status m_status;
};

} // namespace bv
