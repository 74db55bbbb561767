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
#include "core/internal/server/ServerSetupSteps.h"
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

// The owner's login may set up or upgrade the database: not a superuser (one passes every row-level security
// policy), and the database's owner.
Status ownerChecks(QSqlDatabase db, const QString& ownerLogin, const QString& checking)
{
    auto superuser = single(db, QStringLiteral("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"), checking);
    if (!superuser.ok())
        return superuser.error();
    if (superuser->toBool())
        return refused(ServerSetup::tr("%1 is a PostgreSQL superuser. A superuser passes every row-level security "
                                       "policy, so it must not own the branch's database. Ask the DBA for an owner "
                                       "role without SUPERUSER (docs/SERVER.md); nothing was changed.")
                           .arg(ownerLogin));
    auto owner = single(db,
        QStringLiteral("SELECT pg_get_userbyid(datdba) = current_user FROM pg_database "
                       "WHERE datname = current_database()"),
        checking);
    if (!owner.ok())
        return owner.error();
    if (!owner->toBool())
        return refused(ServerSetup::tr("%1 does not own the database. Sign in with the login the DBA made the "
                                       "database's owner; nothing was changed.")
                           .arg(ownerLogin));
    return {};
}

Result<bool> schemaExists(QSqlDatabase db, const QString& checking)
{
    auto found = single(
        db, QStringLiteral("SELECT coalesce((SELECT 1 FROM pg_namespace WHERE nspname = 'branchvault'), 0)"), checking);
    if (!found.ok())
        return found.error();
    return found->toInt() == 1;
}

// The built-in migrations with their numbers, which must run 1, 2, 3, … without a gap.
Result<QList<std::pair<int, QString>>> numberedMigrations()
{
    QList<std::pair<int, QString>> numbered;
    for (const QString& file : ServerSetup::migrations()) {
        bool ok = false;
        const int number = file.section(QLatin1Char('_'), 0, 0).toInt(&ok);
        if (!ok || number != numbered.size() + 1)
            return Error {ErrorCode::Internal,
                ServerSetup::tr("The built-in server migrations are not numbered one after another (%1). Report this "
                                "to the developers; nothing was changed.")
                    .arg(file),
                {}, {}};
        numbered.append({number, file});
    }
    if (numbered.isEmpty())
        return Error {ErrorCode::Internal, ServerSetup::tr("This program holds no server migrations."), {}, {}};
    return numbered;
}

// The set-up's and the upgrade's one transaction, begun, committed and rolled back through libpq on the driver's
// connection (ServerConnection::runScript), so that every statement of it, and which one failed, is libpq's to report
// whatever the Qt release: READ COMMITTED whatever the owner's default (the audit chain's writer refuses any other),
// a search path the migrations cannot be led astray by (objects a staff member might have made in `public`), and a
// lock timeout, so that a workstation holding a table the upgrade alters stops the upgrade after 10 s instead of the
// branch waiting behind it.
Status beginSetUpTransaction(const ServerConnection& connection, const QString& what)
{
    return connection.runScript(QStringLiteral("BEGIN ISOLATION LEVEL READ COMMITTED; "
                                               "SET LOCAL search_path = pg_catalog, pg_temp; "
                                               "SET LOCAL lock_timeout = '10s'"),
        what);
}

Status commitSetUpTransaction(const ServerConnection& connection, const QString& what)
{
    return connection.runScript(QStringLiteral("COMMIT"), what);
}

void rollBackSetUpTransaction(const ServerConnection& connection)
{
    // nothing to report: the transaction ends either way (a broken connection ends it on the server)
    (void)connection.runScript(QStringLiteral("ROLLBACK"), QString());
}

// A failure that says nothing about the upgrade itself: a lock not granted in time, a deadlock or serialisation
// failure, a cancelled statement, a broken connection. Running the upgrade again may succeed.
bool transientFailure(const Error& error)
{
    const QString state = error.detail.section(QLatin1Char(' '), 0, 0);
    return error.code == ErrorCode::ServerUnavailable || state == QLatin1String("55P03")
        || state == QLatin1String("40P01") || state == QLatin1String("40001") || state == QLatin1String("57014")
        || state.startsWith(QLatin1String("08"));
}

// Runs one built-in migration in the open transaction; the caller rolls back on an error.
Status applyMigration(const ServerConnection& connection, const QString& file)
{
    QFile source(kMigrations + QLatin1Char('/') + file);
    if (!source.open(QIODevice::ReadOnly))
        return Error {
            ErrorCode::Internal, ServerSetup::tr("The built-in migration %1 cannot be read.").arg(file), {}, {}};
    return connection.runScript(QString::fromUtf8(source.readAll()), file);
}

// Loads the official holiday calendar the program ships into the open transaction (migration 21's calendar_seed): the
// years the server did not hold yet, ascending; a year it holds, shipped or imported, is kept.
Result<QList<int>> seedShippedCalendar(const ServerConnection& connection)
{
    const OfficialCalendar& shipped = HolidayCalendar::shipped();
    if (shipped.isEmpty())
        return Error {ErrorCode::Internal, ServerSetup::tr("This program holds no official holiday calendar."), {}, {}};
    auto seeded = connection.run(QStringLiteral("SELECT y FROM unnest(branchvault.calendar_seed(%1)) AS y ORDER BY y")
                                     .arg(servercalendar::arguments(1)),
        servercalendar::values(shipped), ServerSetup::tr("the official holiday calendar"));
    if (!seeded.ok())
        return seeded.error();
    QList<int> years;
    for (int row = 0; row < seeded->count(); ++row)
        years << int(seeded->number(row, 0));
    return years;
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
    return serversetup::initThrough(store, ownerLogin, password, branch, 0);
}

Result<ServerSetup::Initialised> serversetup::initThrough(SecretStore& store, const QString& ownerLogin,
    const SecureBytes& password, const ServerSetup::Branch& branch, int lastVersion)
{
    ServerSetup::Initialised done;
    auto connection = connectAs(store, ownerLogin, password, &done.url);
    if (!connection.ok())
        return connection.error();
    QSqlDatabase db = (*connection)->database();
    const QString checking = ServerSetup::tr("the set-up checks");

    if (Status owner = ownerChecks(db, ownerLogin, checking); !owner.ok())
        return owner.error();
    auto exists = schemaExists(db, checking);
    if (!exists.ok())
        return exists.error();
    if (*exists)
        return Error {ErrorCode::AlreadyExists,
            ServerSetup::tr("The branch server %1 is set up already; nothing was changed.").arg(done.url), {}, {}};
    auto objects = single(db,
        QStringLiteral("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') "
                       "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'"),
        checking);
    if (!objects.ok())
        return objects.error();
    if (objects->toLongLong() > 0)
        return Error {ErrorCode::AlreadyExists,
            ServerSetup::tr(
                "The database on %1 is not empty (it holds %n tables, views or sequences). BranchVault is set up only "
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
        return refused(
            ServerSetup::tr("%1 may not create roles, and the branch's group roles do not exist yet. Ask the DBA to "
                            "give it CREATEROLE (ALTER ROLE … CREATEROLE; docs/SERVER.md); nothing was changed.")
                .arg(ownerLogin));
    // PostgreSQL 16 and later: a CREATEROLE role may put a new login in a group role only when it holds that group
    // role with ADMIN OPTION. It does for the group roles it made itself; when another database's owner made them
    // (a second branch database in the same cluster) the DBA grants it. Without it, set-up would fail half-way at
    // the first member (42501); this says so before anything changes.
    auto adminOfGroups = single(db,
        QStringLiteral("SELECT string_agg(rolname, ', ' ORDER BY rolname) FROM pg_roles WHERE "
                       "current_setting('server_version_num')::int >= 160000 AND rolname IN ('bv_staff', "
                       "'bv_manager', 'bv_customer_manager', 'bv_clerk', 'bv_admin', 'bv_auditor') AND NOT "
                       "pg_has_role(current_user, oid, 'MEMBER WITH ADMIN OPTION')"),
        checking);
    if (!adminOfGroups.ok())
        return adminOfGroups.error();
    if (const QString lacking = adminOfGroups->toString(); !lacking.isEmpty())
        return refused(
            ServerSetup::tr("%1 may not add staff to the branch's group roles %2: PostgreSQL 16 and later need ADMIN "
                            "OPTION on them. Ask the DBA to run GRANT %2 TO %1 WITH ADMIN OPTION (docs/SERVER.md); "
                            "nothing was changed.")
                .arg(ownerLogin, lacking));

    auto numbered = numberedMigrations();
    if (!numbered.ok())
        return numbered.error();
    // a server as an earlier release set it up (the tests of upgrade): calendar_seed came with migration 21
    if (lastVersion != 0 && (lastVersion < 21 || lastVersion > numbered->size()))
        return Error {ErrorCode::Internal,
            QStringLiteral("initThrough: no set-up through migration %1").arg(lastVersion), {}, {}};
    if (Status begun = beginSetUpTransaction(**connection, ServerSetup::tr("the set-up")); !begun.ok()) {
        rollBackSetUpTransaction(**connection);
        return begun.error();
    }
    for (const auto& [number, file] : std::as_const(*numbered)) {
        if (lastVersion != 0 && number > lastVersion)
            break;
        if (Status applied = applyMigration(**connection, file); !applied.ok()) {
            Error failed = applied.error();
            rollBackSetUpTransaction(**connection);
            if (failed.code != ErrorCode::Internal)
                failed.message
                    = ServerSetup::tr("The branch server refused the set-up step %1; nothing was changed.").arg(file);
            return failed;
        }
    }
    auto workstation = ServerWorkstation::configured();
    if (!workstation.ok()) {
        rollBackSetUpTransaction(**connection);
        return workstation.error();
    }
    QByteArray tag;
    auto custody = custodyValues(**connection, workstation->address, branch, done, &tag);
    if (!custody.ok()) {
        rollBackSetUpTransaction(**connection);
        return custody.error();
    }
    auto branchSet
        = (*connection)
              ->run(QStringLiteral(
                        "SELECT branchvault.setup_branch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"),
                  QList<ServerValue> {
                      ServerValue::text(branch.code.trimmed()), ServerValue::text(branch.name.trimmed())}
                      + *custody,
                  ServerSetup::tr("the branch's set-up"));
    if (!branchSet.ok()) {
        rollBackSetUpTransaction(**connection);
        Error failed = branchSet.error();
        failed.message = ServerSetup::tr("The branch server refused the branch's set-up (%1); nothing was changed.")
                             .arg(failed.detail.section(QLatin1Char(' '), 1));
        return failed;
    }
    auto tagged = (*connection)
                      ->run(QStringLiteral("SELECT branchvault.custody_seal_tag($1, $2)"),
                          {ServerValue::text(branch.code.trimmed()), ServerValue::bytea(tag)},
                          ServerSetup::tr("the branch's set-up"));
    if (!tagged.ok()) {
        rollBackSetUpTransaction(**connection);
        return tagged.error();
    }
    // the official holiday calendar the program ships, for the complaints' due dates (migration 21)
    if (auto seeded = seedShippedCalendar(**connection); !seeded.ok()) {
        rollBackSetUpTransaction(**connection);
        return seeded.error();
    }
    if (Status committed = commitSetUpTransaction(**connection, ServerSetup::tr("the set-up")); !committed.ok()) {
        rollBackSetUpTransaction(**connection);
        return committed.error();
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

Result<ServerSetup::Upgraded> ServerSetup::upgrade(
    SecretStore& store, const QString& ownerLogin, const SecureBytes& password)
{
    Upgraded done;
    auto connection = connectAs(store, ownerLogin, password, &done.url);
    if (!connection.ok())
        return connection.error();
    QSqlDatabase db = (*connection)->database();
    const QString checking = tr("the upgrade's checks");

    if (Status owner = ownerChecks(db, ownerLogin, checking); !owner.ok())
        return owner.error();
    auto exists = schemaExists(db, checking);
    if (!exists.ok())
        return exists.error();
    if (!*exists)
        return Error {ErrorCode::NotFound,
            tr("The database on %1 holds no branch server yet, so there is nothing to upgrade. Set it up with "
               "branchvault-cli server init; nothing was changed.")
                .arg(done.url),
            {}, {}};
    auto numbered = numberedMigrations();
    if (!numbered.ok())
        return numbered.error();
    const int known = int(numbered->size());

    const ServerConnection& server = **connection;
    // an error this program words itself: the transaction is rolled back, the message kept
    const auto failedWith = [&server](Error error) {
        rollBackSetUpTransaction(server);
        return error;
    };
    // the server refused or could not finish `step`: everything is rolled back, and the message says so
    const auto rolledBack = [&server](Error error, const QString& step) {
        rollBackSetUpTransaction(server);
        error.message = transientFailure(error)
            ? tr("The upgrade of the branch server stopped at %1 and was rolled back: nothing was changed. Another "
                 "connection held a part of the server the upgrade needed, or the connection broke. Ask the staff "
                 "to sign out, then run server upgrade again.")
                  .arg(step)
            : tr("The branch server refused the upgrade at %1, and it was rolled back: nothing was changed, and the "
                 "server works as before for workstations of the release it was set up with. Report the step and "
                 "the server's message to the developers.")
                  .arg(step);
        return error;
    };
    if (Status begun = beginSetUpTransaction(server, tr("the upgrade")); !begun.ok())
        return rolledBack(begun.error(), tr("the upgrade's checks"));
    // The version row stays locked until the end: a second upgrade waits here (up to the lock timeout), then reads
    // the version this one set.
    auto version = single(
        db, QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'schema_version' FOR UPDATE"), checking);
    if (!version.ok())
        return rolledBack(version.error(), checking);
    bool whole = false;
    done.from = version->toString().toInt(&whole);
    if (!whole || done.from < 1)
        return failedWith(Error {ErrorCode::Damaged,
            tr("The branch server's schema version cannot be read (meta.schema_version). Ask the DBA to check the "
               "database; nothing was changed."),
            {}, {}});
    auto databaseId
        = single(db, QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'database_id'"), checking);
    if (!databaseId.ok())
        return rolledBack(databaseId.error(), checking);
    done.databaseId = databaseId->toString();
    done.to = done.from;
    if (done.from > known)
        return failedWith(Error {ErrorCode::SchemaTooNew,
            tr("The branch server's schema (version %1) is newer than this program knows (version %2). Install the "
               "release the server was upgraded with on this workstation; nothing was changed.")
                .arg(done.from)
                .arg(known),
            {}, {}});

    for (const auto& [number, file] : std::as_const(*numbered)) {
        if (number <= done.from)
            continue;
        if (Status applied = applyMigration(server, file); !applied.ok())
            return applied.error().code == ErrorCode::Internal ? failedWith(applied.error())
                                                               : rolledBack(applied.error(), file);
        auto reached
            = single(db, QStringLiteral("SELECT value FROM branchvault.meta WHERE key = 'schema_version'"), checking);
        if (!reached.ok())
            return rolledBack(reached.error(), file);
        if (reached->toString() != QString::number(number))
            return failedWith(Error {ErrorCode::Internal,
                tr("The built-in migration %1 did not set the schema version to %2. Report this to the developers; "
                   "nothing was changed.")
                    .arg(file)
                    .arg(number),
                {}, {}});
        done.applied << file;
    }
    done.to = known;
    // a release may ship new calendar years without a new migration: they are loaded all the same
    const QString calendarStep = tr("the official holiday calendar");
    auto seeded = seedShippedCalendar(server);
    if (!seeded.ok())
        return rolledBack(seeded.error(), calendarStep);
    done.calendarYears = *seeded;
    if (done.applied.isEmpty() && done.calendarYears.isEmpty()) {
        rollBackSetUpTransaction(server);
        return done;
    }
    // the server works out what it records (the versions, the years loaded in this transaction, the workstation's
    // certificate); only the version before comes from here
    const QString recordStep = tr("the upgrade's audit row");
    auto recorded
        = (*connection)
              ->run(QStringLiteral("SELECT branchvault.upgrade_record($1, $2)"),
                  {ServerValue::number(done.from), ServerValue::text(QSysInfo::machineHostName())}, recordStep);
    if (!recorded.ok())
        return rolledBack(recorded.error(), recordStep);
    if (Status committed = commitSetUpTransaction(server, tr("the upgrade")); !committed.ok()) {
        Error failed = committed.error();
        rollBackSetUpTransaction(server);
        if (failed.code == ErrorCode::ServerUnavailable)
            failed.message = tr("The connection to the branch server broke while the upgrade was being committed, so "
                                "it is not known whether it was. Run server upgrade again: it says which schema "
                                "version the server has and finishes what is left.");
        else
            failed.message = tr("The branch server did not commit the upgrade; it was rolled back and nothing was "
                                "changed. Report the server's message to the developers.");
        return failed;
    }
    return done;
}

} // namespace bv
