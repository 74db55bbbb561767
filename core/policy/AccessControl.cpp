#include "core/internal/policy/AccessControl.h"

#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/Policy.h"

#include <QJsonObject>

namespace bv {

AccessControl::AccessControl(AuthService& auth, AuditLog& audit)
    : m_auth(auth)
    , m_audit(audit)
{
}

Result<Actor> AccessControl::authorize(const Session& session, Operation operation)
{
    auto state = m_auth.resolve(session);
    if (!state.ok())
        return state.error();
    const Actor& actor = state->actor;
    switch (state->restriction) {
    case AuthService::Restriction::MustChangePassword:
        if (operation != Operation::ChangeOwnPassword)
            return makeError(ErrorCode::PasswordChangeRequired,
                tr("Change your password first (it is new, was reset, or has expired). In the command "
                   "line: branchvault-cli passwd --user %1")
                    .arg(actor.login));
        break;
    case AuthService::Restriction::MustEnrolSecondFactor:
        if (operation != Operation::ManageOwnSecondFactor && operation != Operation::ChangeOwnPassword)
            return makeError(ErrorCode::SecondFactorRequired,
                tr("Your role must sign in with a second factor. Enrol an authenticator app first."));
        break;
    case AuthService::Restriction::None:
        break;
    }
    if (state->onlyOperation && *state->onlyOperation != operation) {
        // 现场授权: a session opened on the operator's screen for one decision does that decision only
        const QString message = tr("This sign-in on the spot may only %1 (one decision), not %2. Sign in normally "
                                   "for anything else.")
                                    .arg(Operations::label(*state->onlyOperation), Operations::label(operation));
        return deny(actor, operation, QStringLiteral("operation"), Operations::key(operation), QString(), message);
    }
    if (state->onlyOperation && !m_auth.useOnTheSpot(session)) {
        const QString message = tr("This sign-in on the spot has made its one decision. The authorising person signs "
                                   "in again for another one.");
        return deny(actor, operation, QStringLiteral("operation"), Operations::key(operation), QString(), message);
    }
    if (!Policy::allows(actor.role, operation)) {
        const QString message = tr("Your role (%1) may not %2: BranchVault separates duties by role. If your work "
                                   "needs it, another role must do it.")
                                    .arg(Roles::label(actor.role), Operations::label(operation));
        return deny(actor, operation, QStringLiteral("operation"), Operations::key(operation), QString(), message);
    }
    return actor;
}

Error AccessControl::deny(const Actor& actor, Operation operation, const QString& objectType, const QString& objectId,
    const QString& customerNo, const QString& message)
{
    const AuditEvent event {QString::fromLatin1(audit::AccessDenied), objectType, objectId, customerNo,
        AuditOutcome::Denied, QJsonObject {{QStringLiteral("operation"), Operations::key(operation)}}};
    Status recorded = m_audit.appendStandalone(actor, event);
    // A refusal that cannot be recorded is still a refusal: the caller gets PermissionDenied, with the
    // recording failure in the detail for the administrator.
    return makeError(ErrorCode::PermissionDenied, message, recorded.ok() ? QString() : recorded.error().fullText());
}

} // namespace bv
