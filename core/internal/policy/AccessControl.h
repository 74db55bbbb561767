#pragma once

#include "core/internal/InternalOnly.h"

#include "core/auth/Session.h"
#include "core/common/Result.h"
#include "core/policy/Operation.h"

#include <QCoreApplication>

namespace bv {

class AuditLog;
class AuthService;

// The gate every core operation passes first: resolves the session (signed in, not idle-locked, not
// restricted to changing its password), checks the permission matrix, and records every refusal in
// the audit log. Services add their scope checks afterwards and report refusals through deny().
class AccessControl
{
    Q_DECLARE_TR_FUNCTIONS(AccessControl)
public:
    AccessControl(AuthService& auth, AuditLog& audit);

    // The acting user as the core knows it, or an error (PermissionDenied, SessionLocked,
    // PasswordChangeRequired, SecondFactorRequired, AuthenticationFailed).
    Result<Actor> authorize(const Session& session, Operation operation);

    // Records a scope refusal ("not your customer", "no live grant") and returns the error to give the
    // user. Call it outside a transaction (the refused operation has nothing to roll back).
    Error deny(const Actor& actor, Operation operation, const QString& objectType, const QString& objectId,
        const QString& customerNo, const QString& message);

private:
    AuthService& m_auth;
    AuditLog& m_audit;
};

} // namespace bv
