#include "core/auth/AuthUsers.h"

namespace bv::authusers {

Actor actorOf(const UserRow& row, const QString& sessionId)
{
    return Actor {row.id, row.login, row.displayName, row.role, row.branch, sessionId};
}

Actor anonymous(const QString& typedLogin)
{
    Actor actor;
    actor.login = typedLogin.left(64);
    return actor;
}

Actor unknownLogin(const QString& typedLogin)
{
    Actor actor;
    actor.login = typedLogin.left(2) + QStringLiteral("***(%1)").arg(typedLogin.size());
    return actor;
}

} // namespace bv::authusers
