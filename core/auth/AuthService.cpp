#include "AuthService.h"

#include "audit/AuditActions.h"
#include "audit/AuditLog.h"
#include "auth/PasswordRule.h"
#include "auth/Totp.h"
#include "db/Database.h"
#include "db/QueryRows.h"
#include "db/Transaction.h"
#include "keys/FieldCipher.h"
#include "keys/Keyring.h"
#include "keys/RecoveryPassphrase.h"
#include "keys/SealedValues.h"
#include "policy/SettingsService.h"
#include "policy/StoredMasks.h"

#include <QJsonObject>

#include <sodium.h>

namespace bv {

namespace {

const QString kUserKind = QStringLiteral("user");
const QString kTotpField = QStringLiteral("totp_secret");

QVariant nullText()
{
    return QVariant(QMetaType::fromType<QString>());
}

struct UserRow
{
    qint64 id = 0;
    QString login;
    QString displayName;
    Role role = Role::Clerk;
    QString branch;
    bool frozen = false;
    QString passwordHash;
    QDateTime passwordChangedAt;
    bool mustChange = false;
    int failedAttempts = 0;
    QDateTime lockedUntil;
    bool totpEnrolled = false;
    std::optional<qint64> totpLastStep;
    QString awaiting; // a change waiting for a branch manager's confirmation (dual control)
};

Result<std::optional<UserRow>> loadUser(Database& db, const QString& column, const QVariant& value)
{
    auto q = db.query(QStringLiteral("SELECT id, login, display_name, role, branch, status, password_hash, "
                                     "password_changed_at, must_change_password, failed_attempts, locked_until, "
                                     "totp_enrolled, totp_last_step, awaiting FROM users WHERE ")
            + column + QStringLiteral(" = ?"),
        {value});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, Reading::Accounts));
        return std::optional<UserRow>();
    }
    UserRow row;
    row.id = q->value(0).toLongLong();
    row.login = q->value(1).toString();
    row.displayName = q->value(2).toString();
    row.role = Roles::fromKey(q->value(3).toString()).value_or(Role::Clerk);
    row.branch = q->value(4).toString();
    row.frozen = q->value(5).toString() == QLatin1String("frozen");
    row.passwordHash = q->value(6).toString();
    row.passwordChangedAt = QDateTime::fromString(q->value(7).toString(), Qt::ISODateWithMs);
    row.mustChange = q->value(8).toInt() != 0;
    row.failedAttempts = q->value(9).toInt();
    if (!q->isNull(10))
        row.lockedUntil = QDateTime::fromString(q->value(10).toString(), Qt::ISODateWithMs);
    row.totpEnrolled = q->value(11).toInt() != 0;
    if (!q->isNull(12))
        row.totpLastStep = q->value(12).toLongLong();
    row.awaiting = q->value(13).toString();
    return std::optional<UserRow>(row);
}

Actor actorOf(const UserRow& row, const QString& sessionId = QString())
{
    return Actor {row.id, row.login, row.displayName, row.role, row.branch, sessionId};
}

// Someone who typed a login: not signed in, so the audit row carries no user id or role.
Actor anonymous(const QString& typedLogin)
{
    Actor actor;
    actor.login = typedLogin.left(64);
    return actor;
}

// A login that matches no account may be a password typed into the wrong box: the log keeps only its
// first two characters and its length.
Actor unknownLogin(const QString& typedLogin)
{
    Actor actor;
    actor.login = typedLogin.left(2) + QStringLiteral("***(%1)").arg(typedLogin.size());
    return actor;
}

} // namespace

AuthService::AuthService(
    Database& db, AuditLog& audit, SettingsService& settings, KeyCustody custody, const Clock& clock)
    : m_db(db)
    , m_audit(audit)
    , m_settings(settings)
    , m_custody(std::move(custody))
    , m_clock(clock)
{
}

KeySlots::Kdf AuthService::slotKdf() const
{
    const PasswordHasher::Params params = hashParams();
    return KeySlots::Kdf {params.opslimit, params.memlimitMiB};
}

SecureBytes AuthService::normalizeCode(const SecureBytes& typed)
{
    SecureBytes out(typed.size());
    std::size_t used = 0;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        const char c = char(typed.data()[i]);
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.data()[used++] = static_cast<unsigned char>(c);
        else if (c >= 'A' && c <= 'Z')
            out.data()[used++] = static_cast<unsigned char>(c - 'A' + 'a');
    }
    return out.mid(0, used);
}

void AuthService::installKeys(FieldKeys keys)
{
    m_custody.cipher->install(std::move(keys));
}

Status AuthService::checkKeys(const FieldKeys& keys) const
{
    const FieldCipher& cipher = *m_custody.cipher;
    if (!cipher.isValid())
        return {};
    // every slot holds the same keys: another set means a slot was written with keys planted in the file
    if (cipher.generation() != keys.generation || !cipher.keys().fieldKey.equals(keys.fieldKey)
        || !cipher.keys().indexKey.equals(keys.indexKey))
        return makeError(ErrorCode::Damaged,
            tr("This account's key slot holds other keys than the signed-in key holders use: the database was "
               "tampered with. Sign everyone out, run \"branchvault-cli verify\" and tell the security auditor."));
    return {};
}

void AuthService::releaseKeysIfUnused()
{
    const QDateTime now = m_clock.nowUtc();
    for (const Entry& entry : std::as_const(m_sessions)) {
        // an on-the-spot session past its end holds nothing any more, even before anyone resolves it
        const bool expired = entry.onlyOperation && entry.expiresAt.isValid() && now >= entry.expiresAt;
        if (entry.holdsKeys && !entry.locked && !expired)
            return;
    }
    m_custody.cipher->clear();
}

Result<FieldKeys> AuthService::sessionKeys(const Session& session)
{
    auto state = resolve(session);
    if (!state.ok())
        return state.error();
    auto it = m_sessions.constFind(session.token());
    if (it == m_sessions.cend() || !it->holdsKeys || !m_custody.cipher->isValid())
        return makeError(ErrorCode::PermissionDenied,
            tr("This session holds no customer-information keys: sign in as a branch manager whose own password "
               "has been set."));
    return m_custody.cipher->keys().clone();
}

Result<FieldKeys> AuthService::recoveryKeys(const SecureBytes& typedPassphrase)
{
    auto normalized = RecoveryPassphrase::normalize(typedPassphrase);
    if (!normalized.ok())
        return normalized.error();
    return KeySlots::openRecovery(m_db, *normalized);
}

Result<FieldKeys> AuthService::moveIntoKeySlots(const Actor& manager, const FieldKeys& legacy)
{
    // Inside the sign-in transaction. The customer keys of release 0.1 are known to anyone who held the keychain
    // entry (and to every backup made until now), so they are replaced: every value is re-sealed under new keys
    // here. The recovery slot (written at the first open, sealed to the sheet printed at init) follows, every
    // other key holder waits for a branch manager's confirmation, and the old keyring goes.
    auto recipient = KeySlots::recoveryRecipient(m_db);
    if (!recipient.ok())
        return recipient.error();
    if (recipient->publicKey.isEmpty())
        return makeError(ErrorCode::Damaged,
            tr("The database has no recovery key slot, so its keys cannot move into key slots yet. Open it once "
               "with \"branchvault-cli verify\" and tell the system administrator."));
    const QDateTime now = m_clock.nowUtc();
    FieldKeys next = FieldKeys::generate(legacy.generation + 1);
    BV_TRY(SealedValues::reseal(
        m_db, FieldCipher(legacy.clone()), FieldCipher(next.clone()), {}, QStringLiteral("user"), true));
    BV_TRY(KeySlots::writeRecovery(m_db, next, *recipient, manager.userId, now));
    BV_TRY(m_db.exec(QStringLiteral("DELETE FROM key_slots WHERE kind <> 'recovery'")));
    auto waiting = m_db.query(
        QStringLiteral("UPDATE users SET awaiting = 'custody', awaiting_since = ?, awaiting_by = NULL "
                       "WHERE role IN ('manager', 'customer_manager', 'clerk') AND status = 'active' AND id <> ? "
                       "AND awaiting IS NULL"),
        {now, manager.userId});
    if (!waiting.ok())
        return waiting.error();
    const int awaiting = waiting->numRowsAffected();
    BV_TRY(Keyring::clear(m_db, Keyring::Table::Legacy));
    BV_TRY(m_audit.append(manager,
        AuditEvent {QString::fromLatin1(audit::KeysMigrate), QStringLiteral("database"), QString(), QString(),
            AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("accountsAwaitingConfirmation"), awaiting},
                {QStringLiteral("fromGeneration"), legacy.generation},
                {QStringLiteral("toGeneration"), next.generation}}}));
    return next;
}

PasswordHasher::Params AuthService::hashParams() const
{
    return PasswordHasher::Params {quint64(m_settings.integer(QString::fromLatin1(settings::Argon2OpsLimit))),
        quint64(m_settings.integer(QString::fromLatin1(settings::Argon2MemLimitMiB)))};
}

// One answer for an unknown login and a wrong password, with no count of attempts left: either would tell
// whoever types a login that it exists.
Error AuthService::wrongCredentials() const
{
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
    auto current = m_db.scalar(QStringLiteral("SELECT failed_attempts FROM users WHERE id = ?"), {userId});
    if (!current.ok())
        return current.error();
    const int attempts = current->toInt() + (countTowardsLockout ? 1 : 0);
    const bool lockNow = countTowardsLockout && attempts >= limit;
    if (lockNow) {
        BV_TRY(m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = ? WHERE id = ?"),
            {now.addSecs(minutes * 60).toString(Qt::ISODateWithMs), userId}));
    } else {
        BV_TRY(m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = ? WHERE id = ?"), {attempts, userId}));
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
    const QString& typedLogin, const SecureBytes& normalized, const QString& totpCode, const QJsonObject& context)
{
    // every row of an attempt carries the context (an on-the-spot authorisation's mode, operator and decision)
    const auto with = [&context](QJsonObject details) {
        for (auto it = context.constBegin(); it != context.constEnd(); ++it)
            details.insert(it.key(), it.value());
        return details;
    };
    auto loaded = loadUser(m_db, QStringLiteral("login"), typedLogin);
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
            AuditEvent {QString::fromLatin1(audit::SignIn), QStringLiteral("user"), QString(), QString(),
                AuditOutcome::Failed,
                with(QJsonObject {{QStringLiteral("reason"), QStringLiteral("unknown login")}})}));
        return wrongCredentials();
    }
    const UserRow user = **loaded;
    const auto refused = [&](const QJsonObject& details) {
        return m_audit.appendStandalone(anonymous(typedLogin),
            AuditEvent {QString::fromLatin1(audit::SignIn), QStringLiteral("user"), QString::number(user.id), QString(),
                AuditOutcome::Failed, with(details)});
    };

    if (user.lockedUntil.isValid() && user.lockedUntil > now) {
        BV_TRY(refused(QJsonObject {{QStringLiteral("reason"), QStringLiteral("locked")}}));
        const int minutes = int((now.secsTo(user.lockedUntil) + 59) / 60);
        return makeError(ErrorCode::AccountLocked,
            tr("This account is locked after too many failed sign-ins. Try again in %n minutes, or ask "
               "the system administrator to unlock it.",
                nullptr, minutes));
    }
    if (!PasswordHasher::verify(user.passwordHash, normalized))
        return recordFailure(user.id, typedLogin, QStringLiteral("wrong password"), true, nullptr, context).error();
    if (user.frozen) {
        BV_TRY(refused(QJsonObject {{QStringLiteral("reason"), QStringLiteral("frozen")}}));
        return makeError(ErrorCode::AuthenticationFailed,
            tr("This account is frozen. Ask the system administrator if it should be unfrozen."));
    }
    if (!user.awaiting.isEmpty()) {
        BV_TRY(refused(QJsonObject {{QStringLiteral("reason"), QStringLiteral("awaiting confirmation")},
            {QStringLiteral("awaiting"), user.awaiting}}));
        return makeError(ErrorCode::AuthenticationFailed,
            tr("This account waits for a branch manager's confirmation (dual control) and cannot sign in yet. Ask "
               "a branch manager other than yourself to confirm it; you then receive a confirmation code to use "
               "with your new password."));
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
                tr("Enter the 6-digit code from your authenticator app to finish signing in."));
        auto secretText = SealedValues::open(m_db, *m_custody.staffCipher, {kUserKind, user.id, kTotpField});
        if (!secretText.ok())
            return secretText.error();
        QByteArray bytes = QByteArray::fromBase64(secretText->toLatin1());
        const SecureBytes secret = SecureBytes::takeFrom(bytes);
        auto step = Totp::verify(secret, totpCode, now.toSecsSinceEpoch(), user.totpLastStep);
        if (!step.ok()) {
            Status failed
                = recordFailure(user.id, typedLogin, QStringLiteral("wrong second factor"), true, nullptr, context);
            if (failed.error().code == ErrorCode::AccountLocked)
                return failed.error();
            return step.error();
        }
        result.acceptedStep = *step;
    }

    // Key custody: the keys from the account's slot. A release-0.1 database's keyring still opens them until a
    // branch manager's sign-in moves them into slots (under new keys); a key holder with a slot never uses any
    // other source, and the keyring is not read once any password slot exists.
    if (Roles::holdsKeys(user.role)) {
        auto kind = KeySlots::kindOf(m_db, user.id);
        if (!kind.ok())
            return kind.error();
        if (*kind == KeySlots::Kind::Password) {
            auto opened = KeySlots::open(m_db, user.id, KeySlots::Kind::Password, normalized);
            if (!opened.ok())
                return makeError(ErrorCode::Damaged,
                    tr("The password is right, but it does not open this account's key slot: the slot is damaged. "
                       "Ask a branch manager to have the account reset and confirmed again; run \"branchvault-cli "
                       "verify\"."),
                    opened.error().message);
            result.keys = std::move(opened).value();
        } else if (!kind->has_value()) {
            auto passwordSlots = m_db.scalar(QStringLiteral("SELECT count(*) FROM key_slots WHERE kind = 'password'"));
            if (!passwordSlots.ok())
                return passwordSlots.error();
            auto legacy
                = passwordSlots->toInt() == 0 ? m_custody.legacyKeys() : Result<std::optional<FieldKeys>>(std::nullopt);
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
    BV_TRY(m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in_at = ?, "
                                    "totp_last_step = coalesce(?, totp_last_step), "
                                    "password_hash = coalesce(?, password_hash) WHERE id = ?"),
        {now, who.acceptedStep ? QVariant(*who.acceptedStep) : QVariant(QMetaType::fromType<qlonglong>()),
            who.newHash.isEmpty() ? nullText() : QVariant(who.newHash), who.actor.userId}));
    details.insert(QStringLiteral("secondFactor"), who.totpEnrolled);
    if (!who.newHash.isEmpty())
        details.insert(QStringLiteral("rehashed"), true);
    Actor actor = who.actor;
    actor.sessionId = sessionId;
    return m_audit.append(actor,
        AuditEvent {QString::fromLatin1(audit::SignIn), QStringLiteral("user"), QString::number(actor.userId),
            QString(), AuditOutcome::Ok, details});
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
            m_db, m_audit, entry.actor, *m_custody.cipher, m_settings.maskSettings(), m_remaskProgress);

    return sessionFor(token, entry.actor);
}

Result<Actor> AuthService::confirmPerson(const QString& login, const SecureBytes& password, const QString& purpose)
{
    const QString typedLogin = login.trimmed();
    const QString action = QString::fromLatin1(audit::ConfirmPerson);
    const QString what = purpose.left(64);
    const SecureBytes normalized = PasswordHasher::normalize(password);
    auto failed = [&](const Actor& who, qint64 userId, const QString& reason) {
        return m_audit.appendStandalone(who,
            AuditEvent {action, QStringLiteral("user"), userId > 0 ? QString::number(userId) : QString(), QString(),
                AuditOutcome::Failed,
                QJsonObject {{QStringLiteral("reason"), reason}, {QStringLiteral("purpose"), what}}});
    };
    const Error wrong = makeError(ErrorCode::AuthenticationFailed,
        tr("The login or the password of the confirming person is wrong. That person checks both and types them "
           "again; repeated failures lock their account."));
    if (typedLogin.isEmpty() || normalized.isEmpty())
        return makeError(ErrorCode::InvalidInput, tr("The confirming person must type their own login and password."),
            QString(), QStringLiteral("login"));
    auto loaded = loadUser(m_db, QStringLiteral("login"), typedLogin);
    if (!loaded.ok())
        return loaded.error();
    const QDateTime now = m_clock.nowUtc();
    if (!loaded->has_value()) {
        // the same time as a real check, as at sign-in
        static const QString dummy = [this] {
            const SecureBytes random = SecureBytes::random(16);
            return PasswordHasher::hash(random.toHex(), hashParams()).value();
        }();
        PasswordHasher::verify(dummy, normalized);
        BV_TRY(failed(unknownLogin(typedLogin), 0, QStringLiteral("unknown login")));
        return wrong;
    }
    const UserRow user = **loaded;
    if (user.lockedUntil.isValid() && user.lockedUntil > now) {
        BV_TRY(failed(anonymous(typedLogin), user.id, QStringLiteral("locked")));
        const int minutes = int((now.secsTo(user.lockedUntil) + 59) / 60);
        return makeError(ErrorCode::AccountLocked,
            tr("The confirming person's account is locked after too many failed attempts. Try again in %n "
               "minutes, or ask the system administrator to unlock it.",
                nullptr, minutes));
    }
    if (!PasswordHasher::verify(user.passwordHash, normalized)) {
        Status recorded = recordFailure(user.id, typedLogin, QStringLiteral("wrong password"), true,
            audit::ConfirmPerson, QJsonObject {{QStringLiteral("purpose"), what}});
        // locked now, or the failure could not be recorded: that error; otherwise the confirmation's own words
        if (!recorded.ok() && recorded.error().code != ErrorCode::AuthenticationFailed)
            return recorded.error();
        return wrong;
    }
    QString refusal;
    QString reason;
    if (user.frozen) {
        reason = QStringLiteral("frozen");
        refusal = tr("The confirming person's account is frozen, so it cannot confirm anything. Ask another person.");
    } else if (!user.awaiting.isEmpty()) {
        reason = QStringLiteral("awaiting confirmation");
        refusal = tr("The confirming person's account waits for a branch manager's confirmation and cannot confirm "
                     "anything yet. Ask another person.");
    } else if (user.mustChange) {
        reason = QStringLiteral("password not changed");
        refusal = tr("The confirming person still has a password set by the administrator. That person signs in and "
                     "changes it first; then they can confirm.");
    }
    if (!refusal.isEmpty()) {
        BV_TRY(failed(anonymous(typedLogin), user.id, reason));
        return makeError(ErrorCode::AuthenticationFailed, refusal);
    }
    const Actor person = actorOf(user);
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        // a correct password clears the failed attempts, as a sign-in does
        BV_TRY(m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = 0 WHERE id = ?"), {user.id}));
        BV_TRY(m_audit.append(person,
            AuditEvent {action, QStringLiteral("user"), QString::number(user.id), QString(), AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("purpose"), what}}}));
        BV_TRY(tx.commit());
    }
    return person;
}

Status AuthService::signOut(const Session& session)
{
    auto it = m_sessions.find(session.token());
    if (it == m_sessions.end())
        return {};
    const Actor actor = it->actor;
    QJsonObject details;
    if (it->onlyOperation)
        details.insert(QStringLiteral("mode"), QStringLiteral("on_the_spot"));
    m_sessions.erase(it);
    releaseKeysIfUnused();
    return m_audit.appendStandalone(actor,
        AuditEvent {QString::fromLatin1(audit::SignOut), QStringLiteral("user"), QString::number(actor.userId),
            QString(), AuditOutcome::Ok, details});
}

Result<AuthService::SessionState> AuthService::resolve(const Session& session, bool touch)
{
    auto it = m_sessions.find(session.token());
    if (it == m_sessions.end())
        return makeError(
            ErrorCode::AuthenticationFailed, tr("You are not signed in (or were signed out). Sign in again."));
    const QDateTime now = m_clock.nowUtc();
    if (it->expiresAt.isValid() && now >= it->expiresAt)
        return expireOnTheSpot(it);
    if (it->locked)
        return makeError(ErrorCode::SessionLocked, tr("The session is locked. Enter your password to continue."));
    const qint64 idleSeconds = m_settings.integer(QString::fromLatin1(settings::IdleMinutes)) * 60;
    if (!it->onlyOperation && it->lastActivity.secsTo(now) >= idleSeconds) {
        it->locked = true;
        it->holdsKeys = false;
        const Actor actor = it->actor;
        releaseKeysIfUnused();
        const AuditEvent event {QString::fromLatin1(audit::IdleLock), QStringLiteral("user"),
            QString::number(actor.userId), QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("reason"), QStringLiteral("idle")}}};
        (void)(m_db.inTransaction() ? m_audit.append(actor, event) : m_audit.appendStandalone(actor, event));
        return makeError(ErrorCode::SessionLocked,
            tr("The session was locked after %n minutes without activity. Enter your password to "
               "continue.",
                nullptr, int(idleSeconds / 60)));
    }
    if (touch)
        it->lastActivity = now;
    return SessionState {it->actor, it->restriction, it->onlyOperation};
}

Status AuthService::lock(const Session& session)
{
    auto it = m_sessions.find(session.token());
    if (it == m_sessions.end() || it->locked)
        return {};
    it->locked = true;
    it->holdsKeys = false;
    releaseKeysIfUnused();
    return m_audit.appendStandalone(it->actor,
        AuditEvent {QString::fromLatin1(audit::IdleLock), QStringLiteral("user"), QString::number(it->actor.userId),
            QString(), AuditOutcome::Ok, QJsonObject {{QStringLiteral("reason"), QStringLiteral("manual")}}});
}

bool AuthService::isLocked(const Session& session) const
{
    auto it = m_sessions.constFind(session.token());
    return it == m_sessions.cend() || it->locked;
}

AuthService::Restriction AuthService::restriction(const Session& session) const
{
    auto it = m_sessions.constFind(session.token());
    return it == m_sessions.cend() ? Restriction::None : it->restriction;
}

Status AuthService::unlock(const Session& session, const SecureBytes& password)
{
    auto it = m_sessions.find(session.token());
    if (it == m_sessions.end())
        return makeError(
            ErrorCode::AuthenticationFailed, tr("You are not signed in (or were signed out). Sign in again."));
    const qint64 userId = it->actor.userId;
    const QString login = it->actor.login;
    auto loaded = loadUser(m_db, QStringLiteral("id"), userId);
    if (!loaded.ok())
        return loaded.error();
    if (!loaded->has_value() || (*loaded)->frozen) {
        endSessionsOf(userId);
        return makeError(ErrorCode::AuthenticationFailed, tr("This account is frozen. Ask the system administrator."));
    }
    if (!PasswordHasher::verify((*loaded)->passwordHash, PasswordHasher::normalize(password)))
        return recordFailure(userId, login, QStringLiteral("wrong password at unlock"), true);
    std::optional<FieldKeys> keys;
    if (Roles::holdsKeys((*loaded)->role)) {
        auto kind = KeySlots::kindOf(m_db, userId);
        if (!kind.ok())
            return kind.error();
        if (*kind == KeySlots::Kind::Password) {
            auto opened = KeySlots::open(m_db, userId, KeySlots::Kind::Password, PasswordHasher::normalize(password));
            if (!opened.ok())
                return opened.error();
            keys = std::move(opened).value();
            BV_TRY(checkKeys(*keys));
        }
    }
    it = m_sessions.find(session.token()); // recordFailure may have ended it; here it did not
    if (it == m_sessions.end())
        return makeError(
            ErrorCode::AuthenticationFailed, tr("You are not signed in (or were signed out). Sign in again."));
    it->locked = false;
    if (keys) {
        installKeys(std::move(*keys));
        it->holdsKeys = true;
    }
    it->lastActivity = m_clock.nowUtc();
    BV_TRY(m_db.exec(QStringLiteral("UPDATE users SET failed_attempts = 0 WHERE id = ?"), {userId}));
    return m_audit.appendStandalone(it->actor,
        AuditEvent {QString::fromLatin1(audit::SessionUnlock), QStringLiteral("user"), QString::number(userId),
            QString(), AuditOutcome::Ok, {}});
}

Status AuthService::checkNewPassword(qint64 userId, const SecureBytes& normalized)
{
    const PasswordRule rule = PasswordRule::current(m_settings);
    BV_TRY(rule.check(normalized));
    const qint64 history = rule.history();
    QStringList hashes;
    auto current = m_db.scalar(QStringLiteral("SELECT password_hash FROM users WHERE id = ?"), {userId});
    if (!current.ok())
        return current.error();
    hashes << current->toString();
    auto old = m_db.query(QStringLiteral("SELECT password_hash FROM password_history WHERE user_id = ? "
                                         "ORDER BY created_at DESC, rowid DESC LIMIT ?"),
        {userId, history - 1}); // "the last N" includes the current password
    if (!old.ok())
        return old.error();
    while (old->next())
        hashes << old->value(0).toString();
    BV_TRY(rowsFinished(*old, Reading::Accounts));
    for (const QString& hash : std::as_const(hashes)) {
        if (PasswordHasher::verify(hash, normalized))
            return makeError(ErrorCode::InvalidInput,
                tr("This password was used recently. Choose one that differs from your last %n passwords.", nullptr,
                    int(history)),
                QString(), QStringLiteral("password"));
    }
    return {};
}

Status AuthService::storeNewPassword(qint64 userId, const SecureBytes& normalized, bool mustChange)
{
    auto hashed = PasswordHasher::hash(normalized, hashParams());
    if (!hashed.ok())
        return hashed.error();
    const QDateTime now = m_clock.nowUtc();
    BV_TRY(m_db.exec(QStringLiteral("INSERT INTO password_history (user_id, password_hash, created_at) "
                                    "SELECT id, password_hash, ? FROM users WHERE id = ?"),
        {now, userId}));
    BV_TRY(m_db.exec(QStringLiteral("DELETE FROM password_history WHERE user_id = ? AND rowid NOT IN "
                                    "(SELECT rowid FROM password_history WHERE user_id = ? "
                                    "ORDER BY created_at DESC, rowid DESC LIMIT 24)"),
        {userId, userId}));
    BV_TRY(m_db.exec(QStringLiteral("UPDATE users SET password_hash = ?, password_changed_at = ?, "
                                    "must_change_password = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?"),
        {*hashed, now, mustChange ? 1 : 0, userId}));
    return {};
}

bool AuthService::needsConfirmationCode(const Session& session)
{
    auto it = m_sessions.constFind(session.token());
    if (it == m_sessions.cend() || !Roles::holdsKeys(it->actor.role))
        return false;
    auto kind = KeySlots::kindOf(m_db, it->actor.userId);
    return kind.ok() && *kind == KeySlots::Kind::Pending;
}

Status AuthService::changePassword(
    const Session& session, const SecureBytes& current, const SecureBytes& next, const SecureBytes& confirmationCode)
{
    auto state = resolve(session);
    if (!state.ok())
        return state.error();
    const Actor actor = state->actor;
    auto loaded = loadUser(m_db, QStringLiteral("id"), actor.userId);
    if (!loaded.ok())
        return loaded.error();
    if (!loaded->has_value())
        return makeError(ErrorCode::NotFound, tr("The account no longer exists."));
    const auto refused = [&](const Status& status, const QString& reason) -> Status {
        // a refused change is on record too (its reason, never a password)
        BV_TRY(m_audit.appendStandalone(actor,
            AuditEvent {QString::fromLatin1(audit::PasswordChange), QStringLiteral("user"),
                QString::number(actor.userId), QString(), AuditOutcome::Failed,
                QJsonObject {{QStringLiteral("reason"), reason}}}));
        return status;
    };
    if (!PasswordHasher::verify((*loaded)->passwordHash, PasswordHasher::normalize(current)))
        return refused(recordFailure(actor.userId, actor.login, QStringLiteral("wrong current password"), true),
            QStringLiteral("wrong current password"));
    const SecureBytes normalized = PasswordHasher::normalize(next);
    if (Status policy = checkNewPassword(actor.userId, normalized); !policy.ok())
        return refused(policy, QStringLiteral("new password refused"));
    // The keys move to a slot under the new password: from the pending slot with the branch manager's
    // confirmation code, or from this session (or the old password's slot).
    std::optional<FieldKeys> keys;
    if (Roles::holdsKeys(actor.role)) {
        auto kind = KeySlots::kindOf(m_db, actor.userId);
        if (!kind.ok())
            return kind.error();
        if (*kind == KeySlots::Kind::Pending) {
            const SecureBytes code = normalizeCode(confirmationCode);
            if (code.isEmpty())
                return makeError(ErrorCode::InvalidInput,
                    tr("Type the confirmation code the branch manager gave you when confirming this account: it opens "
                       "your access to customer information."),
                    QString(), QStringLiteral("confirmation_code"));
            auto opened = KeySlots::open(m_db, actor.userId, KeySlots::Kind::Pending, code);
            if (!opened.ok()) {
                if (opened.error().code != ErrorCode::AuthenticationFailed)
                    return opened.error();
                Status failed
                    = recordFailure(actor.userId, actor.login, QStringLiteral("wrong confirmation code"), true);
                if (failed.error().code == ErrorCode::AccountLocked)
                    return failed.error();
                return makeError(ErrorCode::AuthenticationFailed, opened.error().message, QString(),
                    QStringLiteral("confirmation_code"));
            }
            keys = std::move(opened).value();
        } else if (*kind == KeySlots::Kind::Password) {
            auto held = m_sessions.constFind(session.token());
            if (held != m_sessions.cend() && held->holdsKeys && m_custody.cipher->isValid()) {
                keys = m_custody.cipher->keys().clone();
            } else {
                auto opened
                    = KeySlots::open(m_db, actor.userId, KeySlots::Kind::Password, PasswordHasher::normalize(current));
                if (!opened.ok())
                    return opened.error();
                keys = std::move(opened).value();
            }
        }
    }
    if (keys)
        BV_TRY(checkKeys(*keys));
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(storeNewPassword(actor.userId, normalized, false));
        if (keys)
            BV_TRY(KeySlots::write(m_db, actor.userId, KeySlots::Kind::Password, *keys, normalized, slotKdf(),
                actor.userId, m_clock.nowUtc()));
        BV_TRY(m_audit.append(actor,
            AuditEvent {QString::fromLatin1(audit::PasswordChange), QStringLiteral("user"),
                QString::number(actor.userId), QString(), AuditOutcome::Ok, {}}));
        BV_TRY(tx.commit());
    }
    auto it = m_sessions.find(session.token());
    if (it != m_sessions.end() && keys) {
        installKeys(std::move(*keys));
        it->holdsKeys = true;
    }
    if (it != m_sessions.end() && it->restriction == Restriction::MustChangePassword) {
        it->restriction = Restriction::None;
        if (Roles::isPrivileged(actor.role) && !(*loaded)->totpEnrolled
            && m_settings.boolean(QString::fromLatin1(settings::TotpRequiredForPrivileged)))
            it->restriction = Restriction::MustEnrolSecondFactor;
    }
    return {};
}

Result<AuthService::Enrolment> AuthService::beginSecondFactor(const Session& session)
{
    auto state = resolve(session);
    if (!state.ok())
        return state.error();
    auto it = m_sessions.find(session.token());
    SecureBytes secret = Totp::generateSecret();
    Enrolment enrolment;
    enrolment.secretBase32 = Totp::base32Encode(secret);
    auto uri = Totp::provisioningUri(state->actor.login, secret);
    if (!uri.ok())
        return uri.error();
    enrolment.uri = std::move(uri).value();
    it->pendingTotpSecret = std::make_shared<SecureBytes>(std::move(secret));
    return enrolment;
}

Status AuthService::confirmSecondFactor(const Session& session, const QString& code)
{
    auto state = resolve(session);
    if (!state.ok())
        return state.error();
    auto it = m_sessions.find(session.token());
    if (!it->pendingTotpSecret)
        return makeError(
            ErrorCode::Conflict, tr("Start the enrolment first: a new key is shown for your authenticator app."));
    auto step = Totp::verify(*it->pendingTotpSecret, code, m_clock.nowUtc().toSecsSinceEpoch());
    if (!step.ok())
        return step.error();
    const Actor actor = state->actor;
    QByteArray encoded = it->pendingTotpSecret->view().toByteArray().toBase64();
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(SealedValues::put(m_db, *m_custody.staffCipher, {kUserKind, actor.userId, kTotpField},
            QString::fromLatin1(encoded), QString(), BlindDomain::None));
        BV_TRY(m_db.exec(QStringLiteral("UPDATE users SET totp_enrolled = 1, totp_last_step = ? WHERE id = ?"),
            {*step, actor.userId}));
        BV_TRY(m_audit.append(actor,
            AuditEvent {QString::fromLatin1(audit::SecondFactorEnrol), QStringLiteral("user"),
                QString::number(actor.userId), QString(), AuditOutcome::Ok, {}}));
        BV_TRY(tx.commit());
    }
    wipe(encoded);
    it->pendingTotpSecret.reset();
    if (it->restriction == Restriction::MustEnrolSecondFactor)
        it->restriction = Restriction::None;
    return {};
}

void AuthService::endSessionsOf(qint64 userId)
{
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->actor.userId == userId)
            it = m_sessions.erase(it);
        else
            ++it;
    }
    releaseKeysIfUnused();
}

} // namespace bv
