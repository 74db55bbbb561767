#include "core/auth/AuthService.h"
#include "core/auth/AuthUsers.h"
#include "core/internal/auth/AuthInternal.h"

#include "core/audit/AuditActions.h"
#include "core/auth/PasswordRule.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/AccountRepository.h"
#include "core/internal/auth/KeyCustody.h"
#include "core/internal/auth/Totp.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeyRepository.h"
#include "core/internal/keys/Keyring.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/policy/SettingsService.h"

#include <QJsonObject>

#include <sodium.h>

namespace bv {

using namespace authusers;

AuthService::AuthService(
    Database& db, AuditLog& audit, SettingsService& settings, KeyCustody custody, const Clock& clock)
    : m_db(db)
    , m_audit(audit)
    , m_settings(settings)
    , m_custody(std::make_unique<KeyCustody>(std::move(custody)))
    , m_clock(clock)
{
}

AuthService::~AuthService() = default;

Result<KeySlots::Recipient> AuthService::envelopeRecipient() const
{
    return m_custody->recoveryRecipient();
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
    m_custody->cipher->install(std::move(keys));
}

Status AuthService::checkKeys(const FieldKeys& keys) const
{
    const FieldCipher& cipher = *m_custody->cipher;
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
    m_custody->cipher->clear();
}

Result<FieldKeys> AuthService::sessionKeys(const Session& session)
{
    auto state = resolve(session);
    if (!state.ok())
        return state.error();
    auto it = m_sessions.constFind(session.token());
    if (it == m_sessions.cend() || !it->holdsKeys || !m_custody->cipher->isValid())
        return makeError(ErrorCode::PermissionDenied,
            tr("This session holds no customer-information keys: sign in as a branch manager whose own password "
               "has been set."));
    return m_custody->cipher->keys().clone();
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
    BV_TRY(KeyRepository(m_db).removeAccountSlots());
    auto waiting = AccountRepository(m_db).awaitCustodyExcept(manager.userId, now);
    if (!waiting.ok())
        return waiting.error();
    const int awaiting = *waiting;
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
    endOnTheSpotOf(actor.sessionId, QStringLiteral("operator signed out"));
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
        endOnTheSpotOf(actor.sessionId, QStringLiteral("operator locked"));
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
    const Actor actor = it->actor;
    endOnTheSpotOf(actor.sessionId, QStringLiteral("operator locked"));
    releaseKeysIfUnused();
    return m_audit.appendStandalone(actor,
        AuditEvent {QString::fromLatin1(audit::IdleLock), QStringLiteral("user"), QString::number(actor.userId),
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
    auto loaded = AccountRepository(m_db).userById(userId);
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
    // the counter cleared and the unlock on record in one transaction
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(AccountRepository(m_db).clearFailedAttempts(userId));
    BV_TRY(m_audit.append(it->actor,
        AuditEvent {QString::fromLatin1(audit::SessionUnlock), QStringLiteral("user"), QString::number(userId),
            QString(), AuditOutcome::Ok, {}}));
    return tx.commit();
}

Status AuthService::checkNewPassword(qint64 userId, const SecureBytes& normalized)
{
    const PasswordRule rule = PasswordRule::current(m_settings);
    BV_TRY(rule.check(normalized));
    const qint64 history = rule.history();
    QStringList hashes;
    AccountRepository accounts(m_db);
    auto current = accounts.passwordHash(userId);
    if (!current.ok())
        return current.error();
    hashes << *current;
    auto old = accounts.passwordHistory(userId, history - 1); // "the last N" includes the current password
    if (!old.ok())
        return old.error();
    hashes << *old;
    return rule.checkHistory(hashes, normalized);
}

Status AuthService::storeNewPassword(qint64 userId, const SecureBytes& normalized, bool mustChange)
{
    auto hashed = PasswordHasher::hash(normalized, hashParams());
    if (!hashed.ok())
        return hashed.error();
    const QDateTime now = m_clock.nowUtc();
    return AccountRepository(m_db).storePassword(userId, *hashed, now, mustChange);
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
    auto loaded = AccountRepository(m_db).userById(actor.userId);
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
            if (held != m_sessions.cend() && held->holdsKeys && m_custody->cipher->isValid()) {
                keys = m_custody->cipher->keys().clone();
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
        BV_TRY(SealedValues::put(m_db, *m_custody->staffCipher, {kUserKind, actor.userId, kTotpField},
            QString::fromLatin1(encoded), QString(), BlindDomain::None));
        BV_TRY(AccountRepository(m_db).enrolSecondFactor(actor.userId, *step));
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
    QStringList ended;
    for (auto it = m_sessions.begin(); it != m_sessions.end();) {
        if (it->actor.userId == userId) {
            ended << it->actor.sessionId;
            it = m_sessions.erase(it);
        } else {
            ++it;
        }
    }
    // an on-the-spot session opened from an ended one ends with it
    for (const QString& sessionId : std::as_const(ended))
        endOnTheSpotOf(sessionId, QStringLiteral("operator signed out"));
    releaseKeysIfUnused();
}

} // namespace bv
