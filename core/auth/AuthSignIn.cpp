// Sign-in and a second person's confirmation: AuthService's checks of who is typing (authenticate), the failed
// attempts and lockout they count, and the sign-in that makes a session from them.

#include "core/auth/AuthService.h"
#include "core/auth/AuthUsers.h"
#include "core/internal/auth/AuthInternal.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/AccountRepository.h"
#include "core/internal/auth/KeyCustody.h"
#include "core/internal/auth/Totp.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeyRepository.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/policy/Policy.h"
#include "core/policy/SettingsService.h"

#include <QJsonObject>

#include <sodium.h>

namespace bv {

using namespace authusers;

namespace {

// A refusal of an account's state: the reason for the audit row and the error to return.
struct Refusal
{
    QJsonObject details;
    Error error;
};

// Locked after too many failed attempts (checked before the password).
std::optional<Refusal> lockedRefusal(const UserRow& user, const QDateTime& now, bool second)
{
    if (!user.lockedUntil.isValid() || user.lockedUntil <= now)
        return std::nullopt;
    const int minutes = int((now.secsTo(user.lockedUntil) + 59) / 60);
    const QJsonObject details {{QStringLiteral("reason"), QStringLiteral("locked")}};
    if (second)
        return Refusal {details,
            makeError(ErrorCode::AccountLocked,
                AuthService::tr("The confirming person's account is locked after too many failed attempts. Try again "
                                "in %n minutes, or ask the system administrator to unlock it.",
                    nullptr, minutes))};
    return Refusal {details,
        makeError(ErrorCode::AccountLocked,
            AuthService::tr("This account is locked after too many failed sign-ins. Try again in %n minutes, or ask "
                            "the system administrator to unlock it.",
                nullptr, minutes))};
}

// Frozen, or waiting for a branch manager's confirmation (checked once the password is right).
std::optional<Refusal> standingRefusal(const UserRow& user, bool second)
{
    if (user.frozen)
        return Refusal {QJsonObject {{QStringLiteral("reason"), QStringLiteral("frozen")}},
            makeError(ErrorCode::AuthenticationFailed,
                second ? AuthService::tr(
                    "The confirming person's account is frozen, so it cannot confirm anything. Ask another "
                    "person.")
                       : AuthService::tr("This account is frozen. Ask the system administrator if it should be "
                                         "unfrozen."))};
    if (!user.awaiting.isEmpty())
        return Refusal {QJsonObject {{QStringLiteral("reason"), QStringLiteral("awaiting confirmation")},
                            {QStringLiteral("awaiting"), user.awaiting}},
            makeError(ErrorCode::AuthenticationFailed,
                second ? AuthService::tr("The confirming person's account waits for a branch manager's confirmation "
                                         "and cannot confirm anything yet. Ask another person.")
                       : AuthService::tr("This account waits for a branch manager's confirmation (dual control) and "
                                         "cannot sign in yet. Ask a branch manager other than yourself to confirm "
                                         "it; you then receive a confirmation code to use with your new "
                                         "password."))};
    return std::nullopt;
}

} // namespace

// One answer for an unknown login and a wrong password, with no count of attempts left: either would tell
// whoever types a login that it exists.
Error AuthService::wrongCredentials(bool secondPerson) const
{
    if (secondPerson)
        return makeError(ErrorCode::AuthenticationFailed,
            tr("The login or the password of the confirming person is wrong. That person checks both and types them "
               "again; repeated failures lock their account."));
    return makeError(ErrorCode::AuthenticationFailed,
        tr("The login or the password is wrong. Check both and try again; ask the system administrator "
           "if you forgot your password."));
}

Status AuthService::recordFailure(qint64 userId, const QString& login, const QString& reason, bool countTowardsLockout,
    const char* action, const QJsonObject& context)
{
    const qint64 limit = m_settings.integer(QString::fromLatin1(settings::LockoutAttempts));
    const qint64 minutes = m_settings.integer(QString::fromLatin1(settings::LockoutMinutes));
    const QDateTime now = m_clock.nowUtc();
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    // the counter is read inside the transaction that writes it: two failures at the same moment both count
    AccountRepository accounts(m_db);
    auto current = accounts.failedAttempts(userId);
    if (!current.ok())
        return current.error();
    const int attempts = *current + (countTowardsLockout ? 1 : 0);
    const bool lockNow = countTowardsLockout && attempts >= limit;
    if (lockNow) {
        BV_TRY(accounts.lockUntil(userId, now.addSecs(minutes * 60).toString(Qt::ISODateWithMs)));
    } else {
        BV_TRY(accounts.setFailedAttempts(userId, attempts));
    }
    QJsonObject details {
        {QStringLiteral("reason"), reason}, {QStringLiteral("failedAttempts"), lockNow ? int(limit) : attempts}};
    for (auto it = context.constBegin(); it != context.constEnd(); ++it)
        details.insert(it.key(), it.value());
    BV_TRY(m_audit.append(anonymous(login),
        AuditEvent {QString::fromLatin1(action ? action : audit::SignIn), QStringLiteral("user"),
            QString::number(userId), QString(), AuditOutcome::Failed, details}));
    if (lockNow)
        BV_TRY(m_audit.append(anonymous(login),
            AuditEvent {QString::fromLatin1(audit::Lockout), QStringLiteral("user"), QString::number(userId), QString(),
                AuditOutcome::Ok, QJsonObject {{QStringLiteral("minutes"), minutes}}}));
    BV_TRY(tx.commit());
    if (lockNow) {
        endSessionsOf(userId);
        return makeError(ErrorCode::AccountLocked,
            tr("Too many failed attempts: the account is locked for %n minutes. Try again later, or ask "
               "the system administrator to unlock it.",
                nullptr, int(minutes)));
    }
    return wrongCredentials();
}

Result<AuthService::Authenticated> AuthService::authenticate(
    const QString& typedLogin, const SecureBytes& normalized, const QString& totpCode, const Attempt& attempt)
{
    const QJsonObject& context = attempt.context;
    const QString action = QString::fromLatin1(attempt.action ? attempt.action : audit::SignIn);
    const bool second = attempt.secondPerson;
    // every row of an attempt carries the context (an on-the-spot authorisation's mode, operator and decision)
    const auto with = [&context](QJsonObject details) {
        for (auto it = context.constBegin(); it != context.constEnd(); ++it)
            details.insert(it.key(), it.value());
        return details;
    };
    auto loaded = AccountRepository(m_db).userByLogin(typedLogin);
    if (!loaded.ok())
        return loaded.error();
    const QDateTime now = m_clock.nowUtc();
    if (!loaded->has_value()) {
        // Spend the same time as a real check, so the answer does not tell which logins exist.
        static const QString dummy = [this] {
            const SecureBytes random = SecureBytes::random(16);
            return PasswordHasher::hash(random.toHex(), hashParams()).value();
        }();
        PasswordHasher::verify(dummy, normalized);
        BV_TRY(m_audit.appendStandalone(unknownLogin(typedLogin),
            AuditEvent {action, QStringLiteral("user"), QString(), QString(), AuditOutcome::Failed,
                with(QJsonObject {{QStringLiteral("reason"), QStringLiteral("unknown login")}})}));
        return wrongCredentials(second);
    }
    const UserRow user = **loaded;
    const auto refused = [&](const QJsonObject& details) {
        return m_audit.appendStandalone(anonymous(typedLogin),
            AuditEvent {action, QStringLiteral("user"), QString::number(user.id), QString(), AuditOutcome::Failed,
                with(details)});
    };
    // a wrong password or code is counted towards the lockout; a lockout speaks for itself
    const auto counted = [&](const QString& reason, const Error& otherwise) -> Error {
        Status recorded = recordFailure(user.id, typedLogin, reason, true, attempt.action, context);
        if (!recorded.ok() && recorded.error().code == ErrorCode::AccountLocked)
            return recorded.error();
        if (!recorded.ok() && recorded.error().code != ErrorCode::AuthenticationFailed)
            return recorded.error(); // the failure could not be recorded
        return otherwise;
    };

    if (auto locked = lockedRefusal(user, now, second)) {
        BV_TRY(refused(locked->details));
        return locked->error;
    }
    if (!PasswordHasher::verify(user.passwordHash, normalized))
        return counted(QStringLiteral("wrong password"), wrongCredentials(second));
    if (auto standing = standingRefusal(user, second)) {
        BV_TRY(refused(standing->details));
        return standing->error;
    }

    Authenticated result;
    result.actor = actorOf(user);
    result.totpEnrolled = user.totpEnrolled;
    const qint64 expiryDays = m_settings.integer(QString::fromLatin1(settings::PasswordExpiryDays));
    const bool expired = user.passwordChangedAt.isValid() && user.passwordChangedAt.addDays(expiryDays) <= now;
    if (user.mustChange || expired)
        result.restriction = Restriction::MustChangePassword;
    else if (Roles::isPrivileged(user.role) && !user.totpEnrolled
        && m_settings.boolean(QString::fromLatin1(settings::TotpRequiredForPrivileged)))
        result.restriction = Restriction::MustEnrolSecondFactor;

    if (user.totpEnrolled) {
        if (totpCode.trimmed().isEmpty())
            return makeError(ErrorCode::SecondFactorRequired,
                second ? tr("The confirming person uses an authenticator app: they type its 6-digit code as well.")
                       : tr("Enter the 6-digit code from your authenticator app to finish signing in."),
                QString(), QStringLiteral("totp"));
        auto secretText = SealedValues::open(m_db, *m_custody->staffCipher, {kUserKind, user.id, kTotpField});
        if (!secretText.ok())
            return secretText.error();
        QByteArray bytes = QByteArray::fromBase64(secretText->toLatin1());
        const SecureBytes secret = SecureBytes::takeFrom(bytes);
        // The step last used is read inside the transaction that records this one, so a code is accepted once
        // even by two attempts at the same moment (another workstation, the CLI). Used from now on, whatever
        // follows: a code accepted before a refusal (a role that may not decide, a password to change) cannot be
        // replayed within its 30 seconds.
        std::optional<Error> wrongCode;
        {
            Transaction tx(m_db);
            if (!tx.ok())
                return tx.error();
            AccountRepository accounts(m_db);
            auto lastStep = accounts.totpLastStep(user.id);
            if (!lastStep.ok())
                return lastStep.error();
            auto step = Totp::verify(secret, totpCode, now.toSecsSinceEpoch(), *lastStep);
            if (step.ok()) {
                BV_TRY(accounts.setTotpLastStep(user.id, *step));
                BV_TRY(tx.commit());
                result.acceptedStep = *step;
            } else {
                wrongCode = step.error();
            }
        }
        if (wrongCode)
            return counted(QStringLiteral("wrong second factor"), *wrongCode);
    }

    // Key custody: the keys from the account's slot. A release-0.1 database's keyring still opens them until a
    // branch manager's sign-in moves them into slots (under new keys); a key holder with a slot never uses any
    // other source, and the keyring is not read once any password slot exists.
    if (attempt.openKeys && Roles::holdsKeys(user.role)) {
        auto kind = KeySlots::kindOf(m_db, user.id);
        if (!kind.ok())
            return kind.error();
        if (*kind == KeySlots::Kind::Password) {
            auto opened = openPasswordSlot(user.id, normalized);
            if (!opened.ok())
                return opened.error();
            result.keys = std::move(opened).value();
        } else if (!kind->has_value()) {
            auto passwordSlots = KeyRepository(m_db).passwordSlotCount();
            if (!passwordSlots.ok())
                return passwordSlots.error();
            auto legacy
                = *passwordSlots == 0 ? m_custody->legacyKeys() : Result<std::optional<FieldKeys>>(std::nullopt);
            if (!legacy.ok())
                return legacy.error();
            if (!legacy->has_value())
                return makeError(ErrorCode::AuthenticationFailed,
                    tr("This account holds no key for customer information yet. Ask a branch manager to confirm "
                       "the account; you then receive a confirmation code."));
            result.keys = std::move(**legacy);
            result.moveKeys = user.role == Role::Manager;
        }
        // a pending slot (first sign-in after a confirmation) is opened with the new password and the code
    }
    if (result.keys && !result.moveKeys)
        BV_TRY(checkKeys(*result.keys));

    result.verifiedHash = user.passwordHash;
    const PasswordHasher::Params params = hashParams();
    if (PasswordHasher::needsRehash(user.passwordHash, params)) {
        auto rehashed = PasswordHasher::hash(normalized, params);
        if (rehashed.ok())
            result.newHash = *rehashed;
    }
    return result;
}

Status AuthService::recordSignIn(const Authenticated& who, const QString& sessionId, QJsonObject details)
{
    const QDateTime now = m_clock.nowUtc();
    BV_TRY(
        AccountRepository(m_db).recordSignIn(who.actor.userId, now, who.acceptedStep, who.newHash, who.verifiedHash));
    details.insert(QStringLiteral("secondFactor"), who.totpEnrolled);
    if (!who.newHash.isEmpty())
        details.insert(QStringLiteral("rehashed"), true);
    Actor actor = who.actor;
    actor.sessionId = sessionId;
    return m_audit.append(actor,
        AuditEvent {QString::fromLatin1(audit::SignIn), QStringLiteral("user"), QString::number(actor.userId),
            QString(), AuditOutcome::Ok, details});
}

Status AuthService::refuseIfChanged(
    Transaction& tx, const Authenticated& who, const QString& typedLogin, const Attempt& attempt)
{
    auto stored = AccountRepository(m_db).userById(who.actor.userId);
    if (!stored.ok())
        return stored.error();
    if (!stored->has_value())
        return wrongCredentials(attempt.secondPerson);
    const QDateTime now = m_clock.nowUtc();
    std::optional<Refusal> refusal = lockedRefusal(**stored, now, attempt.secondPerson);
    if (!refusal)
        refusal = standingRefusal(**stored, attempt.secondPerson);
    // the password was changed or reset after it was checked: the one typed no longer opens the account
    if (!refusal && (**stored).passwordHash != who.verifiedHash)
        refusal = Refusal {QJsonObject {{QStringLiteral("reason"), QStringLiteral("password changed")}},
            wrongCredentials(attempt.secondPerson)};
    if (!refusal)
        return {};
    // the refusal is this transaction's only write, as authenticate would have written it
    QJsonObject details = refusal->details;
    for (auto it = attempt.context.constBegin(); it != attempt.context.constEnd(); ++it)
        details.insert(it.key(), it.value());
    BV_TRY(m_audit.append(anonymous(typedLogin),
        AuditEvent {QString::fromLatin1(attempt.action ? attempt.action : audit::SignIn), QStringLiteral("user"),
            QString::number(who.actor.userId), QString(), AuditOutcome::Failed, details}));
    BV_TRY(tx.commit());
    return refusal->error;
}

QByteArray AuthService::newToken(QString* sessionId)
{
    QByteArray token(32, Qt::Uninitialized);
    randombytes_buf(token.data(), std::size_t(token.size()));
    QByteArray idBytes(6, Qt::Uninitialized);
    randombytes_buf(idBytes.data(), std::size_t(idBytes.size()));
    *sessionId = QString::fromLatin1(idBytes.toHex());
    return token;
}

Session AuthService::sessionFor(const QByteArray& token, const Actor& actor)
{
    Session session;
    session.m_token = token;
    session.m_info = actor;
    return session;
}

Result<Session> AuthService::signIn(const QString& login, const SecureBytes& password, const QString& totpCode)
{
    const QString typedLogin = login.trimmed();
    const SecureBytes normalized = PasswordHasher::normalize(password);
    auto authenticated = authenticate(typedLogin, normalized, totpCode, {});
    if (!authenticated.ok())
        return authenticated.error();
    Authenticated& user = *authenticated;
    const QDateTime now = m_clock.nowUtc();
    QString sessionId;
    const QByteArray token = newToken(&sessionId);
    Actor actor = user.actor;
    actor.sessionId = sessionId;
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(refuseIfChanged(tx, user, typedLogin, {}));
        QJsonObject details;
        if (user.moveKeys)
            details.insert(QStringLiteral("keySlotWritten"), true);
        BV_TRY(recordSignIn(user, sessionId, details));
        if (user.moveKeys) {
            auto moved = moveIntoKeySlots(actor, *user.keys);
            if (!moved.ok())
                return moved.error();
            user.keys = std::move(moved).value();
            BV_TRY(KeySlots::write(
                m_db, actor.userId, KeySlots::Kind::Password, *user.keys, normalized, slotKdf(), actor.userId, now));
        }
        BV_TRY(tx.commit());
    }

    Entry entry;
    entry.actor = actor;
    entry.lastActivity = now;
    entry.restriction = user.restriction;
    if (user.keys) {
        installKeys(std::move(*user.keys));
        entry.holdsKeys = true;
    }
    m_sessions.insert(token, entry);

    // A wider mask setting waits for a key holder: with the keys just unwrapped from this account's slot,
    // re-mask the stored forms from the values now. A failure is audited and retried at the next key
    // holder's sign-in; it does not undo the sign-in.
    if (entry.holdsKeys && (entry.actor.role == Role::Manager || entry.actor.role == Role::CustomerManager))
        (void)StoredMasks::applyPending(
            m_db, m_audit, entry.actor, *m_custody->cipher, m_settings.maskSettings(), m_remaskProgress);

    return sessionFor(token, entry.actor);
}

Result<FieldKeys> AuthService::openPasswordSlot(qint64 userId, const SecureBytes& normalized)
{
    auto opened = KeySlots::open(m_db, userId, KeySlots::Kind::Password, normalized);
    if (!opened.ok())
        return makeError(ErrorCode::Damaged,
            tr("The password is right, but it does not open this account's key slot: the slot is damaged. "
               "Ask a branch manager to have the account reset and confirmed again; run \"branchvault-cli "
               "verify\"."),
            opened.error().message);
    return opened;
}

Result<AuthService::Authenticated> AuthService::confirmAttempt(const QString& login, const SecureBytes& password,
    const QString& totpCode, const QString& purpose, std::optional<Operation> required, bool openKeys)
{
    const QString typedLogin = login.trimmed();
    const QString what = purpose.left(64);
    const SecureBytes normalized = PasswordHasher::normalize(password);
    if (typedLogin.isEmpty() || normalized.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The confirming person must type their own login and password."),
            QString(), QStringLiteral("login"));
    Attempt attempt;
    attempt.context = QJsonObject {{QStringLiteral("purpose"), what}};
    attempt.action = audit::ConfirmPerson;
    attempt.secondPerson = true;
    attempt.openKeys = false; // opened below, once the person may confirm at all
    auto authenticated = authenticate(typedLogin, normalized, totpCode, attempt);
    if (!authenticated.ok())
        return authenticated.error();
    Authenticated& person = *authenticated;
    QString reason;
    Error refusal;
    if (person.restriction == Restriction::MustChangePassword) {
        reason = QStringLiteral("password not changed");
        refusal = makeError(ErrorCode::AuthenticationFailed,
            tr("The confirming person must change their password first (it was set by the administrator or has "
               "expired). That person signs in, changes it, and can then confirm."));
    } else if (person.restriction == Restriction::MustEnrolSecondFactor) {
        reason = QStringLiteral("second factor not enrolled");
        refusal = makeError(ErrorCode::AuthenticationFailed,
            tr("The confirming person must enrol a second factor first. That person signs in normally, enrols an "
               "authenticator app, and can then confirm."));
    } else if (required && !Policy::allows(person.actor.role, *required)) {
        reason = QStringLiteral("role may not decide");
        refusal = makeError(ErrorCode::PermissionDenied,
            tr("The confirming person's role (%1) may not %2. Ask a person whose role decides this.")
                .arg(Roles::label(person.actor.role), Operations::label(*required)));
    }
    if (!reason.isEmpty()) {
        BV_TRY(m_audit.appendStandalone(person.actor,
            AuditEvent {QString::fromLatin1(audit::ConfirmPerson), QStringLiteral("user"),
                QString::number(person.actor.userId), QString(), AuditOutcome::Failed,
                QJsonObject {{QStringLiteral("reason"), reason}, {QStringLiteral("purpose"), what}}}));
        return refusal;
    }
    // only for a caller that writes a key slot with them: the person's own slot, the same keys as everyone's
    if (openKeys && Roles::holdsKeys(person.actor.role)) {
        auto kind = KeySlots::kindOf(m_db, person.actor.userId);
        if (!kind.ok())
            return kind.error();
        if (*kind == KeySlots::Kind::Password) {
            auto opened = openPasswordSlot(person.actor.userId, normalized);
            if (!opened.ok())
                return opened.error();
            BV_TRY(checkKeys(*opened));
            person.keys = std::move(opened).value();
        }
    }
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(refuseIfChanged(tx, person, typedLogin, attempt));
        // a correct password clears the failed attempts, as a sign-in does
        BV_TRY(AccountRepository(m_db).recordConfirmation(person.actor.userId, person.newHash, person.verifiedHash));
        QJsonObject details {{QStringLiteral("purpose"), what}, {QStringLiteral("secondFactor"), person.totpEnrolled}};
        BV_TRY(m_audit.append(person.actor,
            AuditEvent {QString::fromLatin1(audit::ConfirmPerson), QStringLiteral("user"),
                QString::number(person.actor.userId), QString(), AuditOutcome::Ok, details}));
        BV_TRY(tx.commit());
    }
    return std::move(person);
}

Result<Actor> AuthService::confirmPerson(
    const QString& login, const SecureBytes& password, const QString& totpCode, const QString& purpose)
{
    auto confirmed = confirmAttempt(login, password, totpCode, purpose, std::nullopt, false);
    if (!confirmed.ok())
        return confirmed.error();
    return confirmed->actor;
}

Result<AuthService::KeyHolder> AuthService::confirmKeyHolder(const QString& login, const SecureBytes& password,
    const QString& totpCode, const QString& purpose, Operation required)
{
    auto confirmed = confirmAttempt(login, password, totpCode, purpose, required, true);
    if (!confirmed.ok())
        return confirmed.error();
    if (!confirmed->keys)
        return makeError(ErrorCode::PermissionDenied,
            tr("%1 holds no key for customer information here (no key slot of their own yet), so they cannot give "
               "another account its access. A branch manager who has signed in with their own password confirms it.")
                .arg(confirmed->actor.login));
    return KeyHolder {confirmed->actor, std::move(*confirmed->keys)};
}

} // namespace bv
