#include "core/server/ServerSession.h"

#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/auth/PasswordRule.h"
#include "core/internal/db/Connection.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/server/ServerAuditChain.h"
#include "core/internal/server/ServerCalendar.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerCredentials.h"
#include "core/internal/server/ServerSessionInternals.h"
#include "core/server/ServerWorkstation.h"

#include <QSysInfo>

#include <sodium.h>

#include <algorithm>
#include <optional>
#include <utility>

namespace bv {

namespace {

// What a server key slot's associated data names: the login, which the server never gives to another account (a
// frozen account keeps it), so a slot copied to another account's row does not open.
QString holderOf(const QString& login)
{
    return QStringLiteral("server-staff:") + login;
}

// A slot as the server's slot_input holds it; a pending slot also carries the SHA-256 of its proof
// (KeySlots::wrap), against which the server checks the holder's proof at the password change.
QList<ServerValue> slotValues(const KeySlots::Wrapped& slot, const QByteArray& proof = QByteArray())
{
    QList<ServerValue> values {ServerValue::number(slot.generation), ServerValue::number(slot.kdfOps),
        ServerValue::number(slot.kdfMem), ServerValue::bytea(slot.salt), ServerValue::bytea(slot.nonce),
        ServerValue::bytea(slot.wrapped)};
    if (proof.isEmpty()) {
        values << ServerValue::none();
    } else {
        QByteArray check(crypto_hash_sha256_BYTES, Qt::Uninitialized);
        crypto_hash_sha256(reinterpret_cast<unsigned char*>(check.data()),
            reinterpret_cast<const unsigned char*>(proof.constData()), std::size_t(proof.size()));
        values << ServerValue::bytea(check);
    }
    return values;
}

// The slot_input row built from seven parameters starting at $first.
QString slotRow(int first)
{
    return ServerValue::compositeOf(
        first, {"int", "bigint", "bigint", "bytea", "bytea", "bytea", "bytea"}, "slot_input");
}

} // namespace

struct ServerSession::Private
{
    std::unique_ptr<ServerConnection> connection;
    ServerWorkstation::Settings settings;
    SecureBytes keyPassphrase; // the workstation key's, for a second connection (the current password proved again)
    Identity identity;
    FieldKeys keys;
    std::optional<KeySlots::Wrapped> passwordSlot; // as the server holds it, when it opened at the sign-in
    QString workstation = QSysInfo::machineHostName();

    Result<qint64> integerSetting(const char* key, const QString& what) const
    {
        auto rows = connection->run(
            QStringLiteral("SELECT branchvault.setting($1)"), {ServerValue::text(QLatin1String(key))}, what);
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty() || rows->isNull(0, 0))
            return Error {ErrorCode::Damaged,
                ServerSession::tr("The branch server has no setting %1. Ask the administrator to check the server's "
                                  "set-up.")
                    .arg(QLatin1String(key)),
                {}, {}};
        return rows->number(0, 0);
    }

    // A connection as `login`, signed in with the server password derived from `normalizedPassword`.
    Result<std::unique_ptr<ServerConnection>> connectAs(const QString& login, const SecureBytes& normalizedPassword)
    {
        auto role = ServerCredentials::roleOf(login, settings.address.database);
        if (!role.ok())
            return role.error();
        auto serverPassword = ServerCredentials::serverPassword(login, settings.address.database, normalizedPassword);
        if (!serverPassword.ok())
            return serverPassword.error();
        return ServerConnection::open(settings.address, {settings.files, &keyPassphrase}, *role, *serverPassword);
    }

    // The caller's own key slot (key_slot_mine), with its kind; nothing when the account holds none.
    Result<std::optional<std::pair<QString, KeySlots::Wrapped>>> ownSlot(const QString& what) const
    {
        auto slot = connection->run(QStringLiteral("SELECT kind, generation, kdf_ops, kdf_mem, salt, nonce, wrapped "
                                                   "FROM branchvault.key_slot_mine()"),
            {}, what);
        if (!slot.ok())
            return slot.error();
        if (slot->isEmpty())
            return std::optional<std::pair<QString, KeySlots::Wrapped>>();
        KeySlots::Wrapped wrapped;
        wrapped.generation = int(slot->number(0, 1));
        wrapped.kdfOps = slot->number(0, 2);
        wrapped.kdfMem = slot->number(0, 3);
        wrapped.salt = slot->bytes(0, 4);
        wrapped.nonce = slot->bytes(0, 5);
        wrapped.wrapped = slot->bytes(0, 6);
        return std::optional<std::pair<QString, KeySlots::Wrapped>>(std::make_pair(slot->text(0, 0), wrapped));
    }

    // The database id the server reports (the auditor's database_id()), refused when this workstation pinned
    // another one.
    Result<QString> pinnedDatabaseId() const
    {
        auto id = connection->run(QStringLiteral("SELECT branchvault.database_id()"), {},
            ServerSession::tr("reading the branch's audit log"));
        if (!id.ok())
            return id.error();
        if (id->isEmpty() || id->isNull(0, 0) || id->text(0, 0).isEmpty())
            return Error {ErrorCode::Damaged,
                ServerSession::tr("The branch server does not name its database, so its audit log cannot be "
                                  "verified. Ask the administrator to check the server's set-up."),
                {}, {}};
        const QString found = id->text(0, 0);
        if (!settings.databaseId.isEmpty() && settings.databaseId != found)
            return Error {ErrorCode::Damaged,
                ServerSession::tr("The branch server reports the database %1…, but this workstation pinned the "
                                  "database %2… at its first audit verification: the server's database was replaced "
                                  "or its identity changed, and its audit log is not read. Leave the server as it is "
                                  "and report it to the information-security office. Only if the branch server was "
                                  "set up anew on purpose, connect this workstation again (branchvault-cli server "
                                  "remove-workstation, then add-workstation): that forgets the pinned database.")
                    .arg(found.left(8), settings.databaseId.left(8)),
                {}, {}};
        return found;
    }

    // Pins `id` when this workstation has none yet (trust on first use); true when it did.
    Result<bool> pinOnFirstUse(const QString& id)
    {
        if (!settings.databaseId.isEmpty())
            return false;
        BV_TRY(ServerWorkstation::pinDatabaseId(id));
        settings.databaseId = id;
        return true;
    }

    // The branch's password rule: auth.password.min_length and auth.password.history as the server has them.
    Result<PasswordRule> passwordRule(const QString& what) const
    {
        auto minLength = integerSetting("auth.password.min_length", what);
        if (!minLength.ok())
            return minLength.error();
        auto history = integerSetting("auth.password.history", what);
        if (!history.ok())
            return history.error();
        return PasswordRule::of(int(*minLength), int(*history));
    }

    Result<KeySlots::Kdf> slotKdf() const
    {
        const QString what = ServerSession::tr("reading the key slot settings");
        auto ops = integerSetting("auth.argon2.opslimit", what);
        if (!ops.ok())
            return ops.error();
        auto mem = integerSetting("auth.argon2.memlimit_mib", what);
        if (!mem.ok())
            return mem.error();
        // a server slot costs at least what the server checks (migration 9: 3 passes, 64 MiB), whatever the setting
        return KeySlots::Kdf {std::max<quint64>(quint64(*ops), 3), std::max<quint64>(quint64(*mem), 64)};
    }
};

ServerSession::ServerSession(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}

ServerSession::~ServerSession() = default;

const ServerSession::Identity& ServerSession::identity() const
{
    return d->identity;
}

const ServerConnection& ServerSession::connection() const
{
    return *d->connection;
}

const FieldKeys& ServerSession::keys() const
{
    return d->keys;
}

const QString& ServerSession::workstation() const
{
    return d->workstation;
}

const ServerConnection& ServerSessionInternals::connection(const ServerSession& session)
{
    return *session.d->connection;
}

const FieldKeys& ServerSessionInternals::keys(const ServerSession& session)
{
    return session.d->keys;
}

const QString& ServerSessionInternals::workstation(const ServerSession& session)
{
    return session.d->workstation;
}

const KeyRepository::Slot* ServerSessionInternals::passwordSlot(const ServerSession& session)
{
    return session.d->passwordSlot ? &*session.d->passwordSlot : nullptr;
}

Result<std::unique_ptr<ServerSession>> ServerSession::signIn(
    SecretStore& store, const QString& login, const SecureBytes& password)
{
    auto d = std::make_unique<Private>();
    auto settings = ServerWorkstation::configured();
    if (!settings.ok())
        return settings.error();
    d->settings = *settings;
    auto passphrase = ServerWorkstation::keyPassphrase(store, d->settings);
    if (!passphrase.ok())
        return passphrase.error();
    const QString name = login.trimmed().toLower();
    const SecureBytes normalized = PasswordHasher::normalize(password);
    d->keyPassphrase = std::move(passphrase).value();
    auto connection = d->connectAs(name, normalized);
    if (!connection.ok()) {
        Error refused = connection.error();
        if (refused.code == ErrorCode::AuthenticationFailed)
            refused.message = tr("The login or the password is wrong, or the account is frozen.");
        return refused;
    }
    d->connection = std::move(connection).value();
    d->identity.url = d->settings.address.url();

    const QString signingIn = tr("signing in");
    auto signedIn = d->connection->run(QStringLiteral("SELECT staff_id, login, role, branch, must_change_password "
                                                      "FROM branchvault.sign_in($1)"),
        {ServerValue::text(d->workstation)}, signingIn);
    if (!signedIn.ok())
        return signedIn.error();
    const auto account = Roles::fromKey(signedIn->isEmpty() ? QString() : signedIn->text(0, 2));
    if (signedIn->count() != 1 || !account)
        return Error {ErrorCode::PermissionDenied,
            tr("%1 is not an active staff account of this branch server.").arg(name), {}, {}};
    d->identity.staffId = signedIn->number(0, 0);
    d->identity.login = signedIn->text(0, 1);
    d->identity.role = *account;
    d->identity.branch = signedIn->text(0, 3);
    d->identity.mustChangePassword = signedIn->boolean(0, 4);

    auto tls = d->connection->run(
        QStringLiteral("SELECT version FROM pg_stat_ssl WHERE pid = pg_backend_pid()"), {}, signingIn);
    if (!tls.ok())
        return tls.error();
    d->identity.tlsVersion = tls->isEmpty() ? QString() : tls->text(0, 0);

    auto slot = d->ownSlot(signingIn);
    if (!slot.ok())
        return slot.error();
    if (!slot->has_value()) {
        d->identity.keys = Keys::None;
    } else if ((*slot)->first == QLatin1String("pending")) {
        d->identity.keys = Keys::AwaitingPasswordChange;
    } else {
        const KeySlots::Wrapped& wrapped = (*slot)->second;
        auto keys = KeySlots::unwrap(holderOf(d->identity.login), KeySlots::Kind::Password, wrapped, normalized);
        if (!keys.ok()) {
            Error failed = keys.error();
            if (failed.code == ErrorCode::AuthenticationFailed)
                failed.message = tr("The password signed in to the branch server but does not open this account's "
                                    "key slot there. Ask a branch manager to confirm a password reset.");
            return failed;
        }
        d->keys = std::move(keys).value();
        d->passwordSlot = wrapped;
        d->identity.keys = Keys::Open;
    }
    return std::unique_ptr<ServerSession>(new ServerSession(std::move(d)));
}

Result<SecureBytes> ServerSession::createAccount(const QString& login, Role role, const QString& staffNo)
{
    const QString name = login.trimmed().toLower();
    auto pgRole = ServerCredentials::roleOf(name, d->settings.address.database);
    if (!pgRole.ok())
        return pgRole.error();
    SecureBytes oneTime = PasswordHasher::oneTimePassword();
    auto serverPassword
        = ServerCredentials::serverPassword(name, d->settings.address.database, PasswordHasher::normalize(oneTime));
    if (!serverPassword.ok())
        return serverPassword.error();
    auto verifier = d->connection->scramVerifier(*pgRole, *serverPassword);
    if (!verifier.ok())
        return verifier.error();
    auto created = d->connection->run(QStringLiteral("SELECT branchvault.staff_create($1, $2, $3, $4, $5, $6)"),
        {ServerValue::text(name), ServerValue::text(*pgRole), ServerValue::text(Roles::key(role)),
            ServerValue::text(staffNo.trimmed()), ServerValue::text(*verifier), ServerValue::text(d->workstation)},
        tr("creating the account %1").arg(name));
    if (!created.ok())
        return created.error();
    return oneTime;
}

Result<ServerSession::Confirmed> ServerSession::confirm(const QString& login, const SecureBytes& recoveryPassphrase)
{
    const QString name = login.trimmed().toLower();
    const QString what = tr("confirming the account %1").arg(name);
    auto waiting = d->connection->run(
        QStringLiteral("SELECT awaiting, slot_due FROM branchvault.staff_awaiting() WHERE login = $1"),
        {ServerValue::text(name)}, what);
    if (!waiting.ok())
        return waiting.error();
    if (waiting->isEmpty())
        return Error {ErrorCode::NotFound,
            tr("Nothing waits for confirmation for the account %1. Check the login with the administrator.").arg(name),
            {}, {}};
    Confirmed confirmed;
    confirmed.change = waiting->text(0, 0);
    const bool slotDue = waiting->boolean(0, 1);
    const bool withRecovery = !recoveryPassphrase.isEmpty();

    // the keys the slot wraps: the own session's, or the recovery slot's with the passphrase
    FieldKeys keys;
    QByteArray recoveryCheck;
    if (withRecovery) {
        auto normalized = RecoveryPassphrase::normalize(recoveryPassphrase);
        if (!normalized.ok())
            return normalized.error();
        auto recovery = d->connection->run(QStringLiteral("SELECT generation, public_key, salt, ops, mem, sealed, tag "
                                                          "FROM branchvault.custody_recovery()"),
            {}, what);
        if (!recovery.ok())
            return recovery.error();
        if (recovery->isEmpty())
            return Error {ErrorCode::Damaged,
                tr("The branch server holds no recovery key slot. Ask the administrator to check the server's "
                   "set-up."),
                {}, {}};
        KeySlots::Wrapped sealed;
        sealed.generation = int(recovery->number(0, 0));
        sealed.publicKey = recovery->bytes(0, 1);
        sealed.salt = recovery->bytes(0, 2);
        sealed.kdfOps = recovery->number(0, 3);
        sealed.kdfMem = recovery->number(0, 4);
        sealed.wrapped = recovery->bytes(0, 5);
        SecureBytes secretKey;
        auto opened = KeySlots::openSealed(sealed, *normalized, &secretKey);
        if (!opened.ok())
            return opened.error();
        // the slot the set-up sealed, not one sealed on the server to the public key it keeps (migration 9)
        const QByteArray tag = KeySlots::recoverySlotTag(secretKey, sealed.generation, sealed.wrapped);
        const QByteArray stored = recovery->bytes(0, 6);
        if (stored.size() != tag.size()
            || sodium_memcmp(tag.constData(), stored.constData(), std::size_t(tag.size())) != 0)
            return Error {ErrorCode::Damaged,
                tr("The branch server's recovery key slot is not the one sealed when the branch was set up: it was "
                   "changed on the server. Its keys are not used. Leave the server as it is and report it to the "
                   "information-security office."),
                {}, {}};
        keys = std::move(opened).value();
        recoveryCheck = KeySlots::recoveryCheck(secretKey);
    } else if (slotDue) {
        if (d->identity.keys != Keys::Open)
            return Error {ErrorCode::PermissionDenied,
                tr("This session holds no customer-information keys, so it cannot give the account %1 its key slot. "
                   "A branch manager confirms it, or — for the first or the last branch manager — confirm it with "
                   "the recovery passphrase.")
                    .arg(name),
                {}, {}};
        keys = d->keys.clone();
    }

    QList<ServerValue> values {ServerValue::text(name), ServerValue::text(confirmed.change)};
    if (withRecovery)
        values << ServerValue::bytea(recoveryCheck);
    const int slotAt = int(values.size()) + 1;
    QString slot = QStringLiteral("NULL::branchvault.slot_input");
    if (slotDue) {
        auto kdf = d->slotKdf();
        if (!kdf.ok())
            return kdf.error();
        confirmed.confirmationCode = PasswordHasher::oneTimePassword();
        QByteArray proof;
        auto wrapped = KeySlots::wrap(holderOf(name), KeySlots::Kind::Pending, keys,
            AuthService::normalizeCode(confirmed.confirmationCode), *kdf, &proof);
        if (!wrapped.ok())
            return wrapped.error();
        values << slotValues(*wrapped, proof);
        slot = slotRow(slotAt);
    }
    values << ServerValue::text(d->workstation);
    const QString sql = withRecovery
        ? QStringLiteral("SELECT branchvault.staff_confirm_recovery($1, $2, $3, %1, $%2)").arg(slot).arg(values.size())
        : QStringLiteral("SELECT branchvault.staff_confirm($1, $2, %1, $%2)").arg(slot).arg(values.size());
    auto done = d->connection->run(sql, values, what);
    if (!done.ok())
        return done.error();
    return confirmed;
}

Result<QString> ServerSession::passwordRule() const
{
    auto rule = d->passwordRule(tr("reading the branch's password rule"));
    if (!rule.ok())
        return rule.error();
    return rule->description();
}

Status ServerSession::changePassword(
    const SecureBytes& current, const SecureBytes& next, const SecureBytes& confirmationCode)
{
    const QString what = tr("changing the password");
    const QString& login = d->identity.login;
    const QString& database = d->settings.address.database;
    const SecureBytes normalizedCurrent = PasswordHasher::normalize(current);
    const SecureBytes normalizedNext = PasswordHasher::normalize(next);
    auto rule = d->passwordRule(what);
    if (!rule.ok())
        return rule.error();
    BV_TRY(rule->check(normalizedNext));
    if (normalizedNext.view() == normalizedCurrent.view())
        return Error {ErrorCode::InvalidInput, tr("The new password must differ from the current one."), {},
            QStringLiteral("password")};
    // the last N passwords the holder chose (migration 31): the server hands out their salts only; the new password
    // hashed with each goes with the change, and the server compares
    auto salts = d->connection->run(QStringLiteral("SELECT branchvault.own_password_salts()"), {}, what);
    // a server set up by an earlier release and not yet upgraded keeps no history: the change goes on as it did
    // there, so staff are not locked out of their first password change meanwhile
    const bool keepsHistory = salts.ok() || !salts.error().detail.startsWith(QLatin1String("42883 "));
    if (!salts.ok() && keepsHistory)
        return salts.error();
    QStringList candidates;
    for (int row = 0; keepsHistory && row < salts->count(); ++row) {
        auto candidate = PasswordHasher::hashLike(salts->text(row, 0), normalizedNext);
        if (!candidate.ok())
            return candidate.error();
        candidates << *candidate;
    }

    // the current password, proved again: a second connection signs in with it
    auto proved = d->connectAs(login, normalizedCurrent);
    if (!proved.ok()) {
        Error failed = proved.error();
        if (failed.code == ErrorCode::AuthenticationFailed)
            failed.message = tr("The current password is wrong.");
        return failed;
    }
    proved->reset();

    // the keys the new slot wraps: the open password slot's, or the pending slot's with the confirmation code
    FieldKeys keys;
    QByteArray codeProof; // the pending slot opened with the code: the server checks it
    if (Roles::holdsKeys(d->identity.role)) {
        auto slot = d->ownSlot(what);
        if (!slot.ok())
            return slot.error();
        if (!slot->has_value())
            return Error {ErrorCode::PermissionDenied,
                tr("This account has no key slot on the branch server yet: a branch manager confirms it first."), {},
                {}};
        const bool pending = (*slot)->first == QLatin1String("pending");
        const KeySlots::Wrapped& wrapped = (*slot)->second;
        if (pending && AuthService::normalizeCode(confirmationCode).isEmpty())
            return Error {ErrorCode::InvalidInput,
                tr("Type the confirmation code the branch manager gave you when confirming this account: it opens "
                   "your access to customer information."),
                {}, QStringLiteral("code")};
        auto opened = pending ? KeySlots::unwrap(holderOf(login), KeySlots::Kind::Pending, wrapped,
                          AuthService::normalizeCode(confirmationCode), &codeProof)
                              : KeySlots::unwrap(holderOf(login), KeySlots::Kind::Password, wrapped, normalizedCurrent);
        if (!opened.ok())
            return opened.error();
        keys = std::move(opened).value();
    }
    auto nextServer = ServerCredentials::serverPassword(login, database, normalizedNext);
    if (!nextServer.ok())
        return nextServer.error();
    auto pgRole = ServerCredentials::roleOf(login, database);
    if (!pgRole.ok())
        return pgRole.error();
    auto verifier = d->connection->scramVerifier(*pgRole, *nextServer);
    if (!verifier.ok())
        return verifier.error();
    // the new password's hash for the history, at a key slot's cost (the server refuses less)
    auto kdf = d->slotKdf();
    if (!kdf.ok())
        return kdf.error();
    QString historyHash;
    if (keepsHistory) {
        auto hashed = PasswordHasher::hash(normalizedNext, {kdf->opslimit, kdf->memlimitMiB});
        if (!hashed.ok())
            return hashed.error();
        historyHash = *hashed;
    }
    QList<ServerValue> values {ServerValue::text(*verifier)};
    QString slot = QStringLiteral("NULL::branchvault.slot_input");
    std::optional<KeySlots::Wrapped> newSlot;
    if (keys.isValid()) {
        auto wrapped = KeySlots::wrap(holderOf(login), KeySlots::Kind::Password, keys, normalizedNext, *kdf);
        if (!wrapped.ok())
            return wrapped.error();
        values << slotValues(*wrapped);
        slot = slotRow(2);
        newSlot = *wrapped;
    }
    values << (codeProof.isEmpty() ? ServerValue::none() : ServerValue::bytea(codeProof));
    QString call = QStringLiteral("SELECT branchvault.staff_change_password($1, %1, $%2, $%3)")
                       .arg(slot)
                       .arg(values.size())
                       .arg(values.size() + 1);
    if (keepsHistory) {
        values << ServerValue::text(historyHash);
        values << ServerValue::textArray(candidates);
        call = QStringLiteral("SELECT branchvault.staff_change_password($1, %1, $%2, $%3, $%4::text[], $%5)")
                   .arg(slot)
                   .arg(values.size() - 2)
                   .arg(values.size() - 1)
                   .arg(values.size())
                   .arg(values.size() + 1);
    }
    values << ServerValue::text(d->workstation);
    auto done = d->connection->run(call, values, what);
    if (!done.ok()) {
        if (done.error().code == ErrorCode::InvalidInput
            && done.error().detail.startsWith(QLatin1String("22023 password history: the new password is one of")))
            return rule->usedRecently();
        return done.error();
    }
    if (keys.isValid()) {
        d->keys = std::move(keys);
        d->passwordSlot = newSlot;
        d->identity.keys = Keys::Open;
    }
    d->identity.mustChangePassword = false;
    return {};
}

Status ServerSession::recordEnd(bool idle)
{
    auto written
        = d->connection->run(QStringLiteral("SELECT branchvault.audit_append($1, $2, 'user', $3, NULL, 'ok', $4)"),
            {ServerValue::text(d->workstation),
                ServerValue::text(idle ? QStringLiteral("auth.idle_lock") : QStringLiteral("auth.sign_out")),
                ServerValue::text(QString::number(d->identity.staffId)),
                ServerValue::text(idle ? QStringLiteral("{\"reason\":\"idle\"}") : QStringLiteral("{}"))},
            tr("recording the end of the session"));
    if (!written.ok())
        return written.error();
    return {};
}

Result<int> ServerSession::idleMinutes() const
{
    auto minutes = d->integerSetting("auth.idle.minutes", tr("reading the branch's idle time"));
    if (!minutes.ok())
        return minutes.error();
    if (*minutes < 1 || *minutes > 30)
        return Error {ErrorCode::Damaged,
            tr("The branch server's idle time (%1 minutes) is outside 1 to 30. Ask the administrator to check the "
               "setting auth.idle.minutes.")
                .arg(*minutes),
            {}, {}};
    return int(*minutes);
}

Result<ServerSession::AuditCheck> ServerSession::verifyAuditAgainst(const QString& checkpointText)
{
    auto checkpoint = AuditCheckpoint::parse(checkpointText);
    if (!checkpoint.ok()) {
        serveraudit::AuditCheckRecord attempt;
        attempt.action = QStringLiteral("audit.verify");
        attempt.objectType = QStringLiteral("checkpoint");
        attempt.ok = false;
        attempt.result = QStringLiteral("invalid checkpoint");
        BV_TRY(serveraudit::recordCheck(*d->connection, d->workstation, attempt));
        return checkpoint.error();
    }
    return verifyAudit(*checkpoint);
}

Result<ServerSession::AuditCheck> ServerSession::verifyAudit(const std::optional<AuditCheckpoint>& checkpoint)
{
    auto id = d->pinnedDatabaseId();
    if (!id.ok())
        return id.error();
    auto verification
        = serveraudit::verifyInOneSnapshot(*d->connection, *id, QDateTime::currentDateTimeUtc(), checkpoint);
    if (!verification.ok())
        return verification.error();
    AuditCheck check {*verification, *id, false, checkpoint};
    serveraudit::AuditCheckRecord record;
    record.action = QStringLiteral("audit.verify");
    record.ok = check.verification.ok();
    record.result = record.ok ? QStringLiteral("intact") : QStringLiteral("broken");
    record.rows = check.verification.rowsChecked;
    record.headSeq = check.verification.headSeq;
    if (check.verification.firstBrokenSeq > 0)
        record.firstBroken = check.verification.firstBrokenSeq;
    if (checkpoint) {
        record.objectType = QStringLiteral("checkpoint");
        record.objectId = checkpoint->seq;
        record.checkpointCreated = serveraudit::isoMsUtc(checkpoint->created);
    }
    if (Status recorded = serveraudit::recordCheck(*d->connection, d->workstation, record); !recorded.ok()) {
        if (check.verification.ok())
            return recorded.error();
        // the broken chain is what the auditor must learn; that it could not be recorded is said with it
        return Error {ErrorCode::Damaged,
            tr("The branch server's audit log is broken (row %1: %2), and the verification could not be recorded on "
               "the server (%3). Leave the server as it is for the investigation and report both to the "
               "information-security office.")
                .arg(check.verification.firstBrokenSeq)
                .arg(check.verification.problem, recorded.error().message),
            recorded.error().detail, {}};
    }
    if (check.verification.ok()) {
        auto pinned = d->pinOnFirstUse(*id);
        if (!pinned.ok())
            return pinned.error();
        check.pinnedNow = *pinned;
    }
    return check;
}

Result<ServerSession::AuditHead> ServerSession::checkpointAudit()
{
    auto id = d->pinnedDatabaseId();
    if (!id.ok())
        return id.error();
    auto head = serveraudit::headInOneSnapshot(*d->connection, *id, QDateTime::currentDateTimeUtc());
    if (!head.ok())
        return head.error();
    // recorded after the head was read: the checkpoint's own row is covered by the next checkpoint
    serveraudit::AuditCheckRecord record;
    record.action = QStringLiteral("audit.checkpoint");
    record.objectId = head->seq;
    record.hash = head->hash;
    record.firstSeq = head->firstSeq;
    record.rows = head->rowCount;
    BV_TRY(serveraudit::recordCheck(*d->connection, d->workstation, record));
    auto pinned = d->pinOnFirstUse(*id);
    if (!pinned.ok())
        return pinned.error();
    return AuditHead {*head, *pinned};
}

Result<ServerSession::AuditPurge> ServerSession::purgeAudit()
{
    auto purged
        = d->connection->run(QStringLiteral("SELECT rows, retention_days, cutoff FROM branchvault.audit_purge($1)"),
            {ServerValue::text(d->workstation)}, tr("the audit retention purge"));
    if (!purged.ok())
        return purged.error();
    if (purged->count() != 1 || purged->isNull(0, 0) || purged->isNull(0, 1))
        return Error {ErrorCode::Damaged,
            tr("The branch server did not say how many audit rows it purged. Run server audit verify and report it "
               "to the information-security office."),
            {}, {}};
    return AuditPurge {
        purged->number(0, 0), int(purged->number(0, 1)), QDateTime::fromString(purged->text(0, 2), Qt::ISODateWithMs)};
}

Result<ServerSession::CalendarImport> ServerSession::importCalendar(
    const QByteArray& csv, QList<HolidayCalendar::Problem>* problems)
{
    const QString what = tr("the official holiday calendar");
    QList<HolidayCalendar::Problem> found;
    auto parsed = HolidayCalendar::parse(csv, &found);
    if (problems)
        *problems = found;
    if (!parsed.ok()) {
        // a refused file is on record too (how many problems, never the file's text), as locally
        auto recorded = d->connection->run(QStringLiteral("SELECT branchvault.calendar_import_refused($1, $2)"),
            {ServerValue::number(std::max<qsizetype>(found.size(), 1)), ServerValue::text(d->workstation)}, what);
        if (!recorded.ok())
            return recorded.error();
        return parsed.error();
    }
    auto stored
        = d->connection->run(QStringLiteral("SELECT y FROM unnest(branchvault.calendar_import(%1, $4)) AS y ORDER BY y")
                                 .arg(servercalendar::arguments(1)),
            servercalendar::values(*parsed) << ServerValue::text(d->workstation), what);
    if (!stored.ok())
        return stored.error();
    auto known = d->connection->run(
        QStringLiteral("SELECT y FROM unnest(branchvault.calendar_years()) AS y ORDER BY y"), {}, what);
    if (!known.ok())
        return known.error();
    CalendarImport imported;
    for (int row = 0; row < stored->count(); ++row)
        imported.years << int(stored->number(row, 0));
    for (int row = 0; row < known->count(); ++row)
        imported.knownYears << int(known->number(row, 0));
    imported.holidays = int(parsed->holidays.size());
    imported.workdays = int(parsed->workdays.size());
    QList<int> sent(parsed->years.cbegin(), parsed->years.cend());
    std::sort(sent.begin(), sent.end());
    if (imported.years != sent)
        return Error {ErrorCode::Damaged,
            tr("The branch server did not confirm every year of %1. Run the import again and check the years it "
               "names.")
                .arg(what),
            {}, {}};
    return imported;
}

} // namespace bv
