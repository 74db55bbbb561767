// On-the-spot authorisation (现场授权, DESIGN §3): AuthService's sessions limited to one decision.

#include "core/auth/AuthService.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/AuthInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/policy/Policy.h"

namespace bv {

Result<Session> AuthService::signInOnTheSpot(const Session& operatorSession, const QString& login,
    const SecureBytes& password, const QString& totpCode, Operation decision)
{
    auto state = resolve(operatorSession);
    if (!state.ok())
        return state.error();
    const Actor operatorActor = state->actor;
    if (state->onlyOperation || state->restriction != Restriction::None)
        return makeError(ErrorCode::PermissionDenied,
            tr("On-the-spot authorisation is opened from a normal session. Sign in as yourself first."));
    const QString typedLogin = login.trimmed();
    const SecureBytes normalized = PasswordHasher::normalize(password);
    if (typedLogin.isEmpty() || normalized.isEmpty())
        return makeError(ErrorCode::InvalidInput,
            tr("The authorising person types their own login and password (and the code of their authenticator app "
               "when they use one)."),
            QString(), QStringLiteral("login"));
    const QJsonObject context {{QStringLiteral("mode"), QStringLiteral("on_the_spot")},
        {QStringLiteral("operator"), operatorActor.login}, {QStringLiteral("decision"), Operations::key(decision)}};
    // only a second person's decision is given on the spot (DESIGN §3), never a reveal, a list or an export
    if (decision != Operation::ApproveChanges && decision != Operation::DecideRequest
        && decision != Operation::ConfirmAccounts) {
        QJsonObject details = context;
        details.insert(QStringLiteral("reason"), QStringLiteral("not a decision"));
        Status recorded = m_audit.appendStandalone(operatorActor,
            AuditEvent {QString::fromLatin1(audit::SignIn), QStringLiteral("user"),
                QString::number(operatorActor.userId), QString(), AuditOutcome::Denied, details});
        return makeError(ErrorCode::PermissionDenied,
            tr("On-the-spot authorisation is only for a second person's decision (an approval of a customer change, "
               "a special request or a staff account change), not to %1. Sign in normally for that.")
                .arg(Operations::label(decision)),
            recorded.ok() ? QString() : recorded.error().fullText());
    }
    const auto operatorThemself = [&]() -> Error {
        QJsonObject details = context;
        details.insert(QStringLiteral("reason"), QStringLiteral("operator themself"));
        Status recorded = m_audit.appendStandalone(operatorActor,
            AuditEvent {QString::fromLatin1(audit::SignIn), QStringLiteral("user"),
                QString::number(operatorActor.userId), QString(), AuditOutcome::Denied, details});
        return makeError(ErrorCode::PermissionDenied,
            tr("You cannot authorise your own work: another person (a branch manager who is not you) signs in here "
               "for this decision."),
            recorded.ok() ? QString() : recorded.error().fullText(), QStringLiteral("login"));
    };
    if (typedLogin.compare(operatorActor.login, Qt::CaseInsensitive) == 0)
        return operatorThemself();

    // The second person's keys are not unwrapped: a decision reads nothing sealed that the operator's screen does
    // not already hold, and on an administrator's or a clerk's screen they would be customer keys where none
    // belong (DESIGN §2).
    Attempt attempt;
    attempt.context = context;
    attempt.secondPerson = true;
    attempt.openKeys = false;
    auto authenticated = authenticate(typedLogin, normalized, totpCode, attempt);
    if (!authenticated.ok())
        return authenticated.error();
    Authenticated& person = *authenticated;
    if (person.actor.userId == operatorActor.userId)
        return operatorThemself();

    QString reason;
    QString refusal;
    if (person.restriction == Restriction::MustChangePassword) {
        reason = QStringLiteral("password must be changed");
        refusal = tr("The authorising person must change their password first (it is new, was reset or has expired). "
                     "That person signs in normally, changes it, and can then authorise here.");
    } else if (person.restriction == Restriction::MustEnrolSecondFactor) {
        reason = QStringLiteral("second factor not enrolled");
        refusal = tr("The authorising person must enrol a second factor first. That person signs in normally, enrols "
                     "an authenticator app, and can then authorise here.");
    } else if (!Policy::allows(person.actor.role, decision)) {
        reason = QStringLiteral("role may not decide");
        refusal = tr("The authorising person's role (%1) may not %2. Ask a person whose role decides this.")
                      .arg(Roles::label(person.actor.role), Operations::label(decision));
    }
    if (!refusal.isEmpty()) {
        QJsonObject details = context;
        details.insert(QStringLiteral("reason"), reason);
        Actor who = person.actor;
        BV_TRY(m_audit.appendStandalone(who,
            AuditEvent {QString::fromLatin1(audit::SignIn), QStringLiteral("user"), QString::number(who.userId),
                QString(), AuditOutcome::Failed, details}));
        return makeError(reason == QLatin1String("role may not decide") ? ErrorCode::PermissionDenied
                                                                        : ErrorCode::AuthenticationFailed,
            refusal);
    }

    const QDateTime now = m_clock.nowUtc();
    QString sessionId;
    const QByteArray token = newToken(&sessionId);
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(refuseIfChanged(tx, person, typedLogin, attempt));
        BV_TRY(recordSignIn(person, sessionId, context));
        BV_TRY(tx.commit());
    }
    Entry entry;
    entry.actor = person.actor;
    entry.actor.sessionId = sessionId;
    entry.lastActivity = now;
    entry.onlyOperation = decision;
    entry.expiresAt = now.addSecs(kOnTheSpotSeconds);
    entry.operatorLogin = operatorActor.login;
    entry.operatorSessionId = operatorActor.sessionId;
    m_sessions.insert(token, entry);
    return sessionFor(token, entry.actor);
}

bool AuthService::useOnTheSpot(const Session& session)
{
    auto it = m_sessions.find(session.token());
    if (it == m_sessions.end() || !it->onlyOperation)
        return true;
    if (it->used)
        return false;
    it->used = true;
    return true;
}

bool AuthService::isOnTheSpot(const Session& session) const
{
    auto it = m_sessions.constFind(session.token());
    return it != m_sessions.cend() && it->onlyOperation.has_value();
}

void AuthService::endOnTheSpotOf(const QString& operatorSessionId, const QString& reason)
{
    QList<Actor> ended;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->onlyOperation && !operatorSessionId.isEmpty() && it->operatorSessionId == operatorSessionId) {
            ended.append(it->actor);
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
    for (const Actor& actor : std::as_const(ended)) {
        const AuditEvent event {QString::fromLatin1(audit::SignOut), QStringLiteral("user"),
            QString::number(actor.userId), QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("mode"), QStringLiteral("on_the_spot")}, {QStringLiteral("reason"), reason}}};
        (void)(m_db.inTransaction() ? m_audit.append(actor, event) : m_audit.appendStandalone(actor, event));
    }
}

Error AuthService::expireOnTheSpot(QHash<QByteArray, Entry>::iterator it)
{
    const Actor actor = it->actor;
    m_sessions.erase(it);
    releaseKeysIfUnused();
    const AuditEvent event {QString::fromLatin1(audit::SignOut), QStringLiteral("user"), QString::number(actor.userId),
        QString(), AuditOutcome::Ok,
        QJsonObject {{QStringLiteral("mode"), QStringLiteral("on_the_spot")},
            {QStringLiteral("reason"), QStringLiteral("expired")}}};
    (void)(m_db.inTransaction() ? m_audit.append(actor, event) : m_audit.appendStandalone(actor, event));
    return makeError(ErrorCode::AuthenticationFailed,
        tr("The on-the-spot authorisation expired (it lasts %n minutes). The authorising person signs in again.",
            nullptr, kOnTheSpotSeconds / 60));
}

} // namespace bv
