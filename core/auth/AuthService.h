#pragma once

#include "core/auth/PasswordHasher.h"
#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/common/SecureBytes.h"
#include "core/policy/Operation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>

#include <functional>
#include <memory>
#include <optional>

namespace bv {

class AuditLog;
class Database;
class SettingsService;
class Transaction;
struct KeyCustody; // core/internal/auth/KeyCustody.h
struct FieldKeys; // core/internal/keys/FieldCipher.h
struct SlotKdf; // core/internal/keys/KeySlots.h
struct SlotRecipient;

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
    ~AuthService();

    Result<Session> signIn(const QString& login, const SecureBytes& password, const QString& totpCode = QString());
    Status signOut(const Session& session);

    // On-the-spot authorisation (现场授权, DESIGN §3): a second person signs in on the operator's screen for one
    // decision. `operatorSession` must be signed in, unlocked and unrestricted; the second person is checked
    // exactly as by signIn (same hashing and lockout counting, the TOTP code when enrolled; an account that is
    // frozen, waits for confirmation, must change its password or enrol a second factor is refused) and must be
    // another person than the operator (refused and audited as a denial otherwise). The session it returns may
    // only perform `decision` (AccessControl refuses everything else), ends kOnTheSpotSeconds after the sign-in
    // and is signed out by the caller right after the decision. Audited as the second person's sign-in with
    // {"mode": "on_the_spot", "operator": <operator's login>, "decision": <operation key>}. The operator's session
    // is untouched: not locked, its keys stay installed; the second person's keys are not unwrapped. Signing the
    // operator out, or their session locking, ends the on-the-spot sessions opened from it.
    static constexpr int kOnTheSpotSeconds = 120;
    Result<Session> signInOnTheSpot(const Session& operatorSession, const QString& login, const SecureBytes& password,
        const QString& totpCode, Operation decision);
    // Whether `session` is an on-the-spot session (limited to one decision).
    bool isOnTheSpot(const Session& session) const;
    // Marks an on-the-spot session's one decision as attempted (AccessControl, once per decision): false when it
    // already was, so a session opened for one decision cannot make a second one within its two minutes.
    bool useOnTheSpot(const Session& session);

    // The authoritative view of a session, for AccessControl. Fails with SessionLocked when the
    // session is (or just became) idle-locked; `touch` records activity.
    struct SessionState
    {
        Actor actor;
        Restriction restriction = Restriction::None;
        std::optional<Operation> onlyOperation; // an on-the-spot session: the one decision it may perform
    };
    Result<SessionState> resolve(const Session& session, bool touch = true);

    // A second person's confirmation on the operator's screen (现场授权, DESIGN §3): the account `login` types its
    // own password — and the code of its authenticator app when it has enrolled one — for one decision
    // (`purpose`, an audit action such as "print.receive"). Checked exactly as a sign-in (authenticate: the same
    // hashing, lockout counting and one-time use of a code), but no session is created and no key is unwrapped.
    // Refused for a locked, frozen or unconfirmed account and for one that must change its password first.
    // Audited (auth.confirm_person) with its outcome. Call it outside a transaction: a failure is recorded even
    // though the caller's operation stops. Returns the confirmed account.
    Result<Actor> confirmPerson(
        const QString& login, const SecureBytes& password, const QString& totpCode, const QString& purpose);

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
    int activeSessions() const { return int(m_sessions.size()); }

private:
    // For AccountService, which checks the session and writes the audit row: ends every session of an account
    // (frozen, reset), and the password rules it shares (policy, history, hashing). Taking no session, they are
    // not for front ends.
    void endSessionsOf(qint64 userId);
    Status checkNewPassword(qint64 userId, const SecureBytes& normalized);
    Status storeNewPassword(qint64 userId, const SecureBytes& normalized, bool mustChange);

    // Key custody, for AccountService (writing another account's key slot) and the tests (AuthKeyAccess,
    // core/internal/auth/AuthKeyAccess.h): raw field keys never reach a front end.
    friend class AccountService;
    friend class AuthKeyAccess;
    // A second person's confirmation (as confirmPerson) for a key holder whose keys one core call needs
    // (AccountService::confirmInPerson writes a key slot with them): their slot is opened with the password and the
    // keys are returned to that caller only — never installed in the shared cipher, so no session here can use them.
    // Refused (Damaged) for a slot holding other keys than the signed-in key holders' (when any are signed in here),
    // and when the account holds no key slot.
    struct KeyHolder; // core/internal/auth/AuthInternal.h
    // `required`: the operation the confirming person's role must allow (checked, and a refusal audited, before
    // their slot is opened).
    Result<KeyHolder> confirmKeyHolder(const QString& login, const SecureBytes& password, const QString& totpCode,
        const QString& purpose, Operation required);
    // The customer-information keys of a signed-in key holder's session (for writing another account's
    // key slot); PermissionDenied when the session holds none.
    Result<FieldKeys> sessionKeys(const Session& session);
    // The customer-information keys from the recovery key slot, with the recovery passphrase as typed.
    Result<FieldKeys> recoveryKeys(const SecureBytes& typedPassphrase);
    SlotKdf slotKdf() const;
    // The recovery sheet named by the key envelope beside the database (not authenticated by itself).
    Result<SlotRecipient> envelopeRecipient() const;

    struct Entry
    {
        Actor actor;
        QDateTime lastActivity;
        bool locked = false;
        Restriction restriction = Restriction::None;
        std::shared_ptr<SecureBytes> pendingTotpSecret; // during enrolment only
        bool holdsKeys = false; // the customer-information keys are installed for this session
        std::optional<Operation> onlyOperation; // on the spot: the one decision
        QDateTime expiresAt; // on the spot: signed out at this time
        QString operatorLogin; // on the spot: on whose screen
        QString operatorSessionId; // on the spot: from which session (its sign-out or lock ends this one)
        bool used = false; // on the spot: its one decision was attempted (the session may not try another)
    };

    // A sign-in's checks (signIn and signInOnTheSpot): who, with which keys (core/internal/auth/AuthInternal.h).
    struct Authenticated;
    // What an attempt is for: a sign-in, an on-the-spot sign-in or a second person's confirmation.
    struct Attempt
    {
        QJsonObject context; // added to every audit row of the attempt
        const char* action = nullptr; // the audit action of its failure rows (nullptr: auth.sign_in)
        bool secondPerson = false; // the messages speak of "the confirming person", not of "you"
        bool openKeys = true; // unwrap the key holder's keys from their slot (not needed to confirm or decide)
    };
    Result<Authenticated> authenticate(
        const QString& typedLogin, const SecureBytes& normalized, const QString& totpCode, const Attempt& attempt);
    // First thing inside the transaction that records a successful attempt (a sign-in, on the spot or not, or a
    // confirmation): the account as stored now, not as authenticate read it before the password check. Locked by
    // failures elsewhere, frozen or sent back to dual control in between: the refusal's audit row (as authenticate
    // writes it) is committed as the transaction's only write and its error returned.
    Status refuseIfChanged(
        Transaction& tx, const Authenticated& who, const QString& typedLogin, const Attempt& attempt);
    // Inside a transaction: the account's sign-in bookkeeping and its audit row (with `details`).
    Status recordSignIn(const Authenticated& who, const QString& sessionId, QJsonObject details);
    // confirmPerson and confirmKeyHolder: the checks, the refusals and the audit row of a confirmation.
    Result<Authenticated> confirmAttempt(const QString& login, const SecureBytes& password, const QString& totpCode,
        const QString& purpose, std::optional<Operation> required, bool openKeys);
    // The keys from the account's own password slot (Damaged when the right password does not open it).
    Result<FieldKeys> openPasswordSlot(qint64 userId, const SecureBytes& normalized);
    static QByteArray newToken(QString* sessionId);
    static Session sessionFor(const QByteArray& token, const Actor& actor);
    // Ends (audited, with `reason`) the on-the-spot sessions opened from the operator's session `operatorSessionId`.
    void endOnTheSpotOf(const QString& operatorSessionId, const QString& reason);
    // Ends an on-the-spot session whose time is up (audited); the error to return.
    Error expireOnTheSpot(QHash<QByteArray, Entry>::iterator it);

    void installKeys(FieldKeys keys);
    // Damaged if other keys than `keys` are installed for other sessions.
    Status checkKeys(const FieldKeys& keys) const;
    // Wipes the shared keys when no unlocked session holds them any more.
    void releaseKeysIfUnused();
    // Release 0.1's keyring into key slots under new keys (every value re-sealed); returns the new keys.
    Result<FieldKeys> moveIntoKeySlots(const Actor& manager, const FieldKeys& legacy);

    Error wrongCredentials(bool secondPerson = false) const;
    // `action`: the audit action of the failed attempt (nullptr: a sign-in); `purpose`: a confirmation's purpose.
    Status recordFailure(qint64 userId, const QString& login, const QString& reason, bool countTowardsLockout,
        const char* action = nullptr, const QJsonObject& context = QJsonObject());

    Database& m_db;
    AuditLog& m_audit;
    SettingsService& m_settings;
    const std::unique_ptr<KeyCustody> m_custody;
    const Clock& m_clock;
    QHash<QByteArray, Entry> m_sessions;
    std::function<void(qint64, qint64)> m_remaskProgress;
};

} // namespace bv
