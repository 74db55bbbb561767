#pragma once

#include "PasswordHasher.h"
#include "Session.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "common/SecureBytes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <memory>

namespace bv {

class AuditLog;
class Database;
class FieldCipher;
class SettingsService;

// Sign-in, sessions and the account's own credentials (DESIGN §3).
//
// - Failed sign-ins are counted per account; after auth.lockout.attempts the account is locked for
//   auth.lockout.minutes. Every success, failure and lockout is audited.
// - A session locks after auth.idle.minutes without a core operation and needs the password again.
// - A session whose password must be changed (first sign-in, after an administrator's reset,
//   expired) or whose second factor is mandatory but missing can only do that one thing.
// - TOTP (RFC 6238) per account; a code is accepted once (replay refused).
class AuthService
{
    Q_DECLARE_TR_FUNCTIONS(AuthService)
public:
    enum class Restriction
    {
        None,
        MustChangePassword,
        MustEnrolSecondFactor
    };

    AuthService(
        Database& db, AuditLog& audit, SettingsService& settings, const FieldCipher& cipher, const Clock& clock);

    Result<Session> signIn(const QString& login, const SecureBytes& password, const QString& totpCode = QString());
    Status signOut(const Session& session);

    // The authoritative view of a session, for AccessControl. Fails with SessionLocked when the
    // session is (or just became) idle-locked; `touch` records activity.
    struct SessionState
    {
        Actor actor;
        Restriction restriction = Restriction::None;
    };
    Result<SessionState> resolve(const Session& session, bool touch = true);

    Status lock(const Session& session);
    Status unlock(const Session& session, const SecureBytes& password);
    bool isLocked(const Session& session) const;
    Restriction restriction(const Session& session) const;

    Status changePassword(const Session& session, const SecureBytes& current, const SecureBytes& next);

    struct Enrolment
    {
        SecureBytes secretBase32;
        SecureBytes uri; // otpauth://totp/BranchVault:<login>?secret=…
    };
    // Starts enrolling an authenticator app; confirmed by the first code it shows.
    Result<Enrolment> beginSecondFactor(const Session& session);
    Status confirmSecondFactor(const Session& session, const QString& code);

    PasswordHasher::Params hashParams() const;
    // Ends every session of an account (frozen, reset); used by AccountService.
    void endSessionsOf(qint64 userId);
    int activeSessions() const { return int(m_sessions.size()); }

    // Password rules shared with AccountService: policy, history, hashing.
    Status checkNewPassword(qint64 userId, const SecureBytes& normalized);
    Status storeNewPassword(qint64 userId, const SecureBytes& normalized, bool mustChange);

private:
    struct Entry
    {
        Actor actor;
        QDateTime lastActivity;
        bool locked = false;
        Restriction restriction = Restriction::None;
        std::shared_ptr<SecureBytes> pendingTotpSecret; // during enrolment only
    };

    Error wrongCredentials() const;
    Status recordFailure(qint64 userId, const QString& login, const QString& reason, bool countTowardsLockout);

    Database& m_db;
    AuditLog& m_audit;
    SettingsService& m_settings;
    const FieldCipher& m_cipher;
    const Clock& m_clock;
    QHash<QByteArray, Entry> m_sessions;
};

} // namespace bv
