#pragma once

#include "core/internal/InternalOnly.h"

#include "core/internal/keys/KeyRepository.h"

#include <QString>

namespace bv {

class ServerConnection;
class ServerSession;
struct FieldKeys;

// What the server mode's own plumbing reads from a signed-in ServerSession (the offline outbox): the connection,
// the open keys, this workstation's name and the account's password slot as the server holds it (wrapped; the
// outbox keeps a copy for an offline sign-in).
struct ServerSessionInternals
{
    static const ServerConnection& connection(const ServerSession& session);
    static const FieldKeys& keys(const ServerSession& session);
    static const QString& workstation(const ServerSession& session);
    // nullptr when the account's password slot did not open at this sign-in
    static const KeyRepository::Slot* passwordSlot(const ServerSession& session);
};

} // namespace bv
