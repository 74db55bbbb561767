#pragma once

#include "core/internal/InternalOnly.h"

#include "core/Core.h"

namespace bv {

// The engine under Core's services, for core itself, the benchmark and the tests: the connection, the audit
// log's writer and the access checks. Front ends reach none of them (this header is internal); they call the
// services, which check the session.
class CoreInternals
{
public:
    explicit CoreInternals(Core& core)
        : m_core(core)
    {
    }
    Database& database() { return m_core.database(); }
    AuditLog& auditLog() { return m_core.auditLog(); }
    AccessControl& access() { return m_core.access(); }

private:
    Core& m_core;
};

inline CoreInternals internalsOf(Core& core)
{
    return CoreInternals(core);
}

} // namespace bv
