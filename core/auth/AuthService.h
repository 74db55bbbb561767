#pragma once

#include "KeyCustody.h"
#include "PasswordHasher.h"
#include "Session.h"
#include "common/Clock.h"
#include "common/Result.h"
#include "common/SecureBytes.h"
#include "keys/KeySlots.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>

#include <functional>
#include <memory>

namespace bv {

class AuditLog;
class Database;
class SettingsService;

// Sign-in, sessions and the account's own credentials (DESIGN §3).
//
// - Failed sign-ins are counted per account; after auth.lockout.attempts the account is locked for
//   auth.lockout.minutes. Every success, failure and lockout is audited.
// - A session locks after auth.idle.minutes without a core operation and needs the password again.
// - A session whose password must be changed (first sign-in, after an administrator's reset,
//   expired) or whose second factor is mandatory but missing can only do that one thing.
// - TOTP (RFC 6238) per account; a code is accepted once (replay refused).
// - Key custody (DESIGN §2): a customer-data account's sign-in unwraps the customer-information keys from
//   its key slot (Argon2id of its password) into the shared cipher; lock, idle lock and sign-out of the last
//   such session wipe them. The first sign-in after a branch manager confirmed the account needs that
//   manager's confirmation code with the new password. A branch manager's first sign-in on a database of
//   release 0.1 moves its keyring into key slots.
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

    AuthService(Database& db, AuditLog& audit, SettingsService& settings, KeyCustody custody, const Clock& clock);

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

    // A second person's confirmation on the operator's screen (现场授权, DESIGN §3): the account `login` types its
    // own password for one decision (`purpose`, an audit action such as "print.receive"). The password is
    // checked with the same hashing and the same lockout counting as a sign-in (a wrong password counts towards
    // that account's lockout), but no session is created and no key is unwrapped. Refused for a locked, frozen
    // or unconfirmed account and for one whose password was set by someone else and not yet changed. Audited
    // (auth.confirm_person) with its outcome. Call it outside a transaction: a failure is recorded even though
    // the caller's operation stops. Returns the confirmed account.
    Result<Actor> confirmPerson(const QString& login, const SecureBytes& password, const QString& purpose);

    Status lock(const Session& session);
    Status unlock(const Session& session, const SecureBytes& password);
    bool isLocked(const Session& session) const;
    Restriction restriction(const Session& session) const;

    // `confirmationCode`: the code of the branch manager who confirmed a new or reset account, needed at
    // the first password change of such an account (needsConfirmationCode).
    Status changePassword(const Session& session, const SecureBytes& current, const SecureBytes& next,
        const SecureBytes& confirmationCode = SecureBytes());
    bool needsConfirmationCode(const Session& session);
    // Normalised form of a typed confirmation code (letters and digits, lower case).
    static SecureBytes normalizeCode(const SecureBytes& typed);

    // The customer-information keys of a signed-in key holder's session (for writing another account's
    // key slot); PermissionDenied when the session holds none.
    Result<FieldKeys> sessionKeys(const Session& session);
    // The customer-information keys from the recovery key slot, with the recovery passphrase as typed.
    Result<FieldKeys> recoveryKeys(const SecureBytes& typedPassphrase);
    KeySlots::Kdf slotKdf() const;
    // The recovery sheet named by the key envelope beside the database (not authenticated by itself).
    Result<KeySlots::Recipient> envelopeRecipient() const { return m_custody.recoveryRecipient(); }

    struct Enrolment
    {
        SecureBytes secretBase32;
        SecureBytes uri; // otpauth://totp/BranchVault:<login>?secret=…
    };
    // Starts enrolling an authenticator app; confirmed by the first code it shows.
    Result<Enrolment> beginSecondFactor(const Session& session);
    Status confirmSecondFactor(const Session& session, const QString& code);

    // Called with (done, total) while a key holder's sign-in re-masks the stored masked forms after a
    // wider mask setting (StoredMasks::applyPending); a front end may show it as progress.
    void setRemaskProgress(std::function<void(qint64, qint64)> progress) { m_remaskProgress = std::move(progress); }

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
        bool holdsKeys = false; // the customer-information keys are installed for this session
    };

    void installKeys(FieldKeys keys);
    // Damaged if other keys than `keys` are installed for other sessions.
    Status checkKeys(const FieldKeys& keys) const;
    // Wipes the shared keys when no unlocked session holds them any more.
    void releaseKeysIfUnused();
    // Release 0.1's keyring into key slots under new keys (every value re-sealed); returns the new keys.
    Result<FieldKeys> moveIntoKeySlots(const Actor& manager, const FieldKeys& legacy);

    Error wrongCredentials() const;
    // `action`: the audit action of the failed attempt (nullptr: a sign-in); `purpose`: a confirmation's purpose.
    Status recordFailure(qint64 userId, const QString& login, const QString& reason, bool countTowardsLockout,
        const char* action = nullptr, const QString& purpose = QString());

    Database& m_db;
    AuditLog& m_audit;
    SettingsService& m_settings;
    KeyCustody m_custody;
    const Clock& m_clock;
    QHash<QByteArray, Entry> m_sessions;
    std::function<void(qint64, qint64)> m_remaskProgress;
};

} // namespace bv
