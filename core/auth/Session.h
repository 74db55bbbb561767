#pragma once

#include "core/auth/Role.h"

#include <QByteArray>
#include <QString>

namespace bv {

// Who is acting, as the core knows it (from AuthService's registry, never from a UI copy).
struct Actor
{
    qint64 userId = 0; // 0: nobody signed in (failed sign-in, system job)
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    QString branch;
    QString sessionId; // short id for the audit log

    bool isSignedIn() const { return userId > 0; }
    static Actor system()
    {
        return Actor {0, QStringLiteral("system"), QStringLiteral("system"), Role::Admin, QString(), QString()};
    }
};

// The signed-in session as front ends hold it: an opaque token plus a descriptive copy for display
// (window title). Every core operation takes the Session and resolves the token in AuthService; the
// descriptive fields carry no authority, so a widget that changed them would gain nothing.
class Session
{
public:
    Session() = default;

    bool isValid() const { return !m_token.isEmpty(); }
    const QByteArray& token() const { return m_token; }
    const Actor& info() const { return m_info; }

private:
    friend class AuthService;
    QByteArray m_token;
    Actor m_info;
};

} // namespace bv
