#include "core/server/ServerSetup.h"

#include "core/auth/PasswordHasher.h"
#include "core/customers/rules/HolidayCalendar.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/server/ServerCalendar.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerCredentials.h"
#include "core/server/ServerWorkstation.h"

#include <QDir>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>

#include <sodium.h>

namespace bv {

namespace {

const QString kMigrations = QStringLiteral(":/server/sql");

Result<std::unique_ptr<ServerConnection>> connectAs(
    SecretStore& store, const QString& login, const SecureBytes& password, QString* url)
{
    auto settings = ServerWorkstation::configured();
    if (!settings.ok())
        return settings.error();
    auto passphrase = ServerWorkstation::keyPassphrase(store, *settings);
    if (!passphrase.ok())
        return passphrase.error();
    *url = settings->address.url();
    return ServerConnection::open(settings->address, {settings->files, &*passphrase}, login, password);
}

// One value of a one-row query; an error naming `what` otherwise.
Result<QVariant> single(QSqlDatabase db, const QString& sql, const QString& what)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        return ServerConnection::statementFailure(query.lastError(), what);
    const bool onRow = query.next();
    if (Status read = ServerConnection::rowsFinished(query, what); !read.ok())
        return read.error();
    if (!onRow)
        return Error {
            ErrorCode::Database, ServerSetup::tr("The branch server returned no answer to %1.").arg(what), {}, {}};
    return query.value(0);
}

Error refused(const QString& message)
{
    return Error {ErrorCode::PermissionDenied, message, {}, {}};
}

} // namespace

QStringList ServerSetup::migrations()
{
    return QDir(kMigrations).entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
}

namespace {

// The branch's custody, made on this workstation: new customer-information keys sealed to a new recovery
// passphrase (KeySlots::seal), the passphrase's proof for the server (KeySlots::recoveryCheck), and the first
QByteArray sha256(const QByteArray& bytes)
{
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
        reinterpret_cast<const unsigned char*>(bytes.constData()), std::size_t(bytes.size()));
    return digest;
}

// administrator's one-time password with its verifier. Bound to setup_branch's parameters from $4 on. `tag` receives
// the recovery slot's tag (KeySlots::recoverySlotTag), stored after setup_branch.
Result<QList<ServerValue>> custodyValues(const ServerConnection& connection, const ServerAddress& address,
    const ServerSetup::Branch& branch, ServerSetup::Initialised& done, QByteArray* tag)
{
    const FieldKeys keys = FieldKeys::generate(1);
    done.recoveryPassphrase = RecoveryPassphrase::generate();
    auto normalized = RecoveryPassphrase::normalize(done.recoveryPassphrase);
    // (the server keeps the check value's SHA-256, and the slot's tag: migration 9)
    if (!normalized.ok())
        return normalized.error();
    const KdfParams params = KdfParams::recoveryDefault();
    QByteArray salt(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(salt.data(), std::size_t(salt.size()));
    SecureBytes secretKey;
    auto publicKey = KeyEnvelope::derivePublicKey(*normalized, salt, params, &secretKey);
    if (!publicKey.ok())
        return publicKey.error();
    auto sealed = KeySlots::seal(keys, KeySlots::Recipient {*publicKey, salt, params.opslimit, params.memlimit});
    if (!sealed.ok())
        return sealed.error();
    *tag = KeySlots::recoverySlotTag(secretKey, keys.generation, sealed->wrapped);

    const QString login = branch.adminLogin.trimmed().toLower();
    auto role = ServerCredentials::roleOf(login, address.database);
    if (!role.ok())
        return role.error();
    done.adminPassword = PasswordHasher::oneTimePassword();
    auto serverPassword
        = ServerCredentials::serverPassword(login, address.database, PasswordHasher::normalize(done.adminPassword));
    if (!serverPassword.ok())
        return serverPassword.error();
    auto verifier = connection.scramVerifier(*role, *serverPassword);
    if (!verifier.ok())
        return verifier.error();
    return QList<ServerValue> {ServerValue::text(login), ServerValue::text(*role),
        ServerValue::text(branch.adminStaffNo.trimmed()), ServerValue::text(*verifier),
        ServerValue::number(keys.generation), ServerValue::bytea(*publicKey), ServerValue::bytea(salt),
        ServerValue::number(qint64(params.opslimit)), ServerValue::number(qint64(params.memlimit)),
        ServerValue::bytea(sealed->wrapped), ServerValue::bytea(sha256(KeySlots::recoveryCheck(secretKey))),
        ServerValue::text(QSysInfo::machineHostName())};
}

} // namespace

Result<ServerSetup::Initialised> ServerSetup::init(
    SecretStore& store, const QString& ownerLogin, const SecureBytes& password, const Branch& branch)
{
    Initialised done;
    auto connection = connectAs(store, ownerLogin, password, &done.url);
    if (!connection.ok())
        return connection.error();
    QSqlDatabase db = (*connection)->database();
    const QString checking = tr("the set-up checks");

    auto superuser = single(db, QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"), checking);
    if (!superuser.ok())
        return superuser.error();
    if (superuser->toBool())
        return refused(tr("%1 is a PostgreSQL superuser. A superuser passes every row-level security policy, so it "
                          "must not own the branch's database. Ask the DBA for an owner role without SUPERUSER "
                          "(docs/SERVER.md); nothing was changed.")
                           .arg(ownerLogin));
    auto owner = single(db,
        QStringLiteral("SELECT pg_get_userbyid(datdba) = current_user FROM pg_database "
                       "WHERE datname = current_database()"),
        checking);
    if (!owner.ok())
        return owner.error();
    if (!owner->toBool())
        return refused(tr("%1 does not own the database. Sign in with the login the DBA made the database's owner; "
                          "nothing was changed.")
                           .arg(ownerLogin));
    auto version = single(
        db, QStringLiteral("SELECT coalesce((SELECT 1 FROM pg_namespace WHERE nspname = 'branchvault'), 0)"), checking);
    if (!version.ok())
        return version.error();
    if (version->toInt() == 1)
        return Error {ErrorCode::AlreadyExists,
            tr("The branch server %1 is set up already; nothing was changed.").arg(done.url), {}, {}};
    auto objects = single(db,
        QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                       "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"),
        checking);
    if (!objects.ok())
        return objects.error();
    if (objects->toLongLong() > 0)
        return Error {ErrorCode::AlreadyExists,
            tr("The database on %1 is not empty (it holds %n tables, views or sequences). BranchVault is set up only "
               "in an empty database made for it; nothing was changed.",
                nullptr, int(objects->toLongLong()))
                .arg(done.url),
            {}, {}};
    auto canCreateRoles = single(db,
        QStringLiteral("SELECT rolcreaterole OR (SELECT count(*) FROM pg_roles WHERE rolname IN ('bv_staff', "
                       "'bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin', 'bv_auditor')) = 6 "
                       "FROM pg_roles WHERE rolname = current_user"),
        checking);
    if (!canCreateRoles.ok())
        return canCreateRoles.error();
    if (!canCreateRoles->toBool())
        return refused(tr("%1 may not create roles, and the branch's group roles do not exist yet. Ask the DBA to "
                          "give it CREATEROLE (ALTER ROLE … CREATEROLE; docs/SERVER.md); nothing was changed.")
                           .arg(ownerLogin));

    const QStringList files = migrations();
    if (files.isEmpty())
        return Error {ErrorCode::Internal, tr("This program holds no server migrations."), {}, {}};
    if (!db.transaction())
        return ServerConnection::statementFailure(db.lastError(), tr("the set-up"));
    for (const QString& file : files) {
        QFile source(kMigrations + QLatin1Char('/') + file);
        if (!source.open(QIODevice::ReadOnly)) {
            db.rollback();
            return Error {ErrorCode::Internal, tr("The built-in migration %1 cannot be read.").arg(file), {}, {}};
        }
        QSqlQuery run(db);
        if (!run.exec(QString::fromUtf8(source.readAll()))) {
            Error failed = ServerConnection::statementFailure(run.lastError(), file);
            db.rollback();
            failed.message = tr("The branch server refused the set-up step %1; nothing was changed.").arg(file);
            return failed;
        }
    }
    auto workstation = ServerWorkstation::configured();
    if (!workstation.ok()) {
        db.rollback();
        return workstation.error();
    }
    QByteArray tag;
    auto custody = custodyValues(**connection, workstation->address, branch, done, &tag);
    if (!custody.ok()) {
        db.rollback();
        return custody.error();
    }
    auto branchSet
        = (*connection)
              ->run(QStringLiteral(
                        "SELECT branchvault.setup_branch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"),
                  QList<ServerValue> {
                      ServerValue::text(branch.code.trimmed()), ServerValue::text(branch.name.trimmed())}
                      + *custody,
                  tr("the branch's set-up"));
    if (!branchSet.ok()) {
        db.rollback();
        Error failed = branchSet.error();
        failed.message = tr("The branch server refused the branch's set-up (%1); nothing was changed.")
                             .arg(failed.detail.section(QLatin1Char(' '), 1));
        return failed;
    }
    auto tagged
        = (*connection)
              ->run(QStringLiteral("SELECT branchvault.custody_seal_tag($1, $2)"),
                  {ServerValue::text(branch.code.trimmed()), ServerValue::bytea(tag)}, tr("the branch's set-up"));
    if (!tagged.ok()) {
        db.rollback();
        return tagged.error();
    }
    // the official holiday calendar the program ships, for the complaints' due dates (migration 21)
    const OfficialCalendar& shipped = HolidayCalendar::shipped();
    if (shipped.isEmpty()) {
        db.rollback();
        return Error {ErrorCode::Internal, tr("This program holds no official holiday calendar."), {}, {}};
    }
    auto seeded = (*connection)
                      ->run(QStringLiteral("SELECT branchvault.calendar_seed(%1)").arg(servercalendar::arguments(1)),
                          servercalendar::values(shipped), tr("the official holiday calendar"));
    if (!seeded.ok()) {
        db.rollback();
        return seeded.error();
    }
    if (!db.commit()) {
        Error failed = ServerConnection::statementFailure(db.lastError(), tr("the set-up"));
        db.rollback();
        return failed;
    }
    QSqlQuery meta(db);
    if (!meta.exec(QStringLiteral("SELECT key, value FROM branchvault.meta WHERE key IN ('database_id', "
                                  "'schema_version')")))
        return ServerConnection::statementFailure(meta.lastError(), checking);
    while (meta.next()) {
        if (meta.value(0).toString() == QLatin1String("database_id"))
            done.databaseId = meta.value(1).toString();
        else
            done.schemaVersion = meta.value(1).toInt();
    }
    if (Status read = ServerConnection::rowsFinished(meta, checking); !read.ok())
        return read.error();
    return done;
}

} // namespace bv
