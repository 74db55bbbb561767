#include "core/internal/db/AuditPurgeGate.h"

#include "core/internal/db/Database.h"

#include <QCoreApplication>

#include <sodium.h>
#include <sqlite3.h>

namespace bv {

constexpr char kPurgeGateFunction[] = "bv_audit_purge_gate";

struct PurgeGateState
{
    unsigned char token[32] = {};
    bool open = false;
    qint64 purgeSeq = 0;
    qint64 first = 0;
    qint64 last = 0;

    void close()
    {
        open = false;
        sodium_memzero(token, sizeof token);
    }
};

namespace {

void purgeGateFunction(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    const auto* gate = static_cast<const PurgeGateState*>(sqlite3_user_data(context));
    bool match = gate && gate->open && argc == 4 && sqlite3_value_type(argv[0]) == SQLITE_BLOB
        && sqlite3_value_bytes(argv[0]) == int(sizeof gate->token);
    if (match)
        match = sodium_memcmp(sqlite3_value_blob(argv[0]), gate->token, sizeof gate->token) == 0
            && sqlite3_value_int64(argv[1]) == gate->purgeSeq && sqlite3_value_int64(argv[2]) == gate->first
            && sqlite3_value_int64(argv[3]) == gate->last;
    sqlite3_result_int(context, match ? 1 : 0);
}

void destroyPurgeGate(void* state)
{
    auto* gate = static_cast<PurgeGateState*>(state);
    gate->close();
    delete gate;
}

// Registers the gate function (closed) on `handle`; returns its state, owned by the connection, or nullptr.
PurgeGateState* installPurgeGate(sqlite3* handle)
{
    if (!handle)
        return nullptr;
    auto* gate = new PurgeGateState;
    // SQLITE_INNOCUOUS: the delete trigger (schema code) may call it; not deterministic, it changes per purge.
    const int rc = sqlite3_create_function_v2(handle, kPurgeGateFunction, 4, SQLITE_UTF8 | SQLITE_INNOCUOUS, gate,
        &purgeGateFunction, nullptr, nullptr, &destroyPurgeGate);
    return rc == SQLITE_OK ? gate : nullptr; // on failure SQLite has already called destroyPurgeGate
}

} // namespace

void AuditPurgeGate::installClosed(Database& db)
{
    installPurgeGate(db.handle());
}

AuditPurgeGate::AuditPurgeGate(Database& db, qint64 purgeSeq, qint64 first, qint64 last)
    : m_state(installPurgeGate(db.handle()))
{
    if (!m_state) {
        m_status = makeError(ErrorCode::Database,
            QCoreApplication::translate("AuditLog",
                "The audit log could not be purged: the purge gate could not be set up. Nothing was purged; try "
                "again, and report it to the developers if it happens again."),
            db.handle() ? QString::fromUtf8(sqlite3_errmsg(db.handle())) : QString());
        return;
    }
    randombytes_buf(m_state->token, sizeof m_state->token);
    m_state->purgeSeq = purgeSeq;
    m_state->first = first;
    m_state->last = last;
    m_state->open = true;
}

AuditPurgeGate::~AuditPurgeGate()
{
    close();
}

QByteArray AuditPurgeGate::token() const
{
    return m_state ? QByteArray(reinterpret_cast<const char*>(m_state->token), sizeof m_state->token) : QByteArray();
}

void AuditPurgeGate::close()
{
    if (m_state)
        m_state->close();
}

} // namespace bv
