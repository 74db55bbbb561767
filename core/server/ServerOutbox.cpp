#include "core/server/ServerOutbox.h"

#include "core/audit/AuditActions.h"
#include "core/auth/PasswordHasher.h"
#include "core/common/Clock.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Migration.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSessionInternals.h"
#include "core/keys/SecretStore.h"
#include "core/policy/FieldCatalogue.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerWorkstation.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace bv {

namespace {

// The outbox's own schema (it is not a branch database: no customers, no audit chain of its own).
const MigrationList& outboxMigrations()
{
    static const MigrationList migrations {{1, QStringLiteral("the offline outbox"), sqlMigration(QStringLiteral(R"(
CREATE TABLE outbox_accounts (
    database      TEXT NOT NULL,
    login         TEXT NOT NULL,
    staff_id      INTEGER NOT NULL,
    role          TEXT NOT NULL,
    branch        TEXT NOT NULL,
    generation    INTEGER NOT NULL,
    kdf_ops       INTEGER NOT NULL,
    kdf_mem       INTEGER NOT NULL,
    salt          BLOB NOT NULL,
    nonce         BLOB NOT NULL,
    wrapped       BLOB NOT NULL,
    masks         TEXT NOT NULL,
    idle_minutes  INTEGER NOT NULL,
    remembered_at TEXT NOT NULL,
    failures      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (database, login)
) STRICT;
CREATE TABLE outbox_entries (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    database      TEXT NOT NULL,
    login         TEXT NOT NULL,
    branch        TEXT NOT NULL,
    token         TEXT NOT NULL UNIQUE,
    kept_at       TEXT NOT NULL,
    generation    INTEGER NOT NULL,
    sealed        BLOB NOT NULL,
    id_blind      BLOB NOT NULL,
    masked_name   TEXT NOT NULL,
    masked_id     TEXT NOT NULL,
    reserved_no   TEXT,
    state         TEXT NOT NULL CHECK (state IN ('waiting', 'refused')),
    refusal       TEXT NOT NULL DEFAULT '',
    refusal_field TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE outbox_events (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    database TEXT NOT NULL,
    login    TEXT NOT NULL,
    at       TEXT NOT NULL,
    action   TEXT NOT NULL,
    outcome  TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
    entry    INTEGER,
    details  TEXT NOT NULL
) STRICT;
)"))}};
    return migrations;
}

QString stamp(const QDateTime& at)
{
    return at.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromStamp(const QString& text)
{
    QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
    at.setTimeZone(QTimeZone::utc());
    return at;
}

// What an entry's sealed content is bound to: its maker, the server database and its own random token, so that a
// sealed entry copied to another row or maker does not open.
QByteArray entryData(const QString& database, const QString& login, const QString& token)
{
    return QByteArrayLiteral("bv-outbox1|") + database.toUtf8() + '|' + login.toUtf8() + '|' + token.toUtf8();
}

QString holderOf(const QString& login)
{
    // the server slot's holder (ServerSession): the kept copy is the same slot
    return QStringLiteral("server-staff:") + login;
}

// What the maker typed (the upload checks it again, as the counter does, and derives what the server derives)
QByteArray serialized(const CustomerInput& in)
{
    QJsonObject values;
    for (auto it = in.values.cbegin(); it != in.values.cend(); ++it)
        values.insert(it.key(), it.value());
    QJsonArray accounts;
    for (const AccountInput& account : in.accounts) {
        if (account.remove)
            continue;
        accounts.append(QJsonObject {{QStringLiteral("type"), account.type}, {QStringLiteral("number"), account.number},
            {QStringLiteral("openedOn"), account.openedOn.toString(Qt::ISODate)},
            {QStringLiteral("status"), account.status}});
    }
    QJsonObject whole {{QStringLiteral("values"), values}, {QStringLiteral("accounts"), accounts}};
    if (in.restricted)
        whole.insert(QStringLiteral("restricted"), *in.restricted);
    return QJsonDocument(whole).toJson(QJsonDocument::Compact);
}

std::optional<CustomerInput> deserialized(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject whole = document.object();
    CustomerInput input;
    const QJsonObject values = whole.value(QStringLiteral("values")).toObject();
    for (auto it = values.begin(); it != values.end(); ++it)
        input.values.insert(it.key(), it.value().toString());
    for (const QJsonValue& value : whole.value(QStringLiteral("accounts")).toArray()) {
        const QJsonObject object = value.toObject();
        AccountInput account;
        account.type = object.value(QStringLiteral("type")).toString();
        account.number = object.value(QStringLiteral("number")).toString();
        account.openedOn = QDate::fromString(object.value(QStringLiteral("openedOn")).toString(), Qt::ISODate);
        account.status = object.value(QStringLiteral("status")).toString();
        input.accounts << account;
    }
    if (whole.contains(QStringLiteral("restricted")))
        input.restricted = whole.value(QStringLiteral("restricted")).toBool();
    return input;
}

void wipeInput(CustomerInput& input)
{
    for (auto it = input.values.begin(); it != input.values.end(); ++it)
        wipe(it.value());
    for (AccountInput& account : input.accounts)
        wipe(account.number);
}

const FieldSpec& idNumberSpec()
{
    return *FieldCatalogue::find(QString::fromLatin1(fields::IdNumber));
}

// The outbox file, opened with its key from the keychain. Never created when it does not exist unless asked, and
// never re-created when it does not open: a file that fails is left as it is.
class OutboxFile
{
    Q_DECLARE_TR_FUNCTIONS(ServerOutbox)
public:
    static Result<std::unique_ptr<Database>> open(SecretStore& store, bool create)
    {
        const QString path = ServerOutbox::path();
        const bool exists = QFileInfo::exists(path);
        if (!exists && !create)
            return Error {ErrorCode::NotFound,
                tr("This workstation keeps no offline outbox yet: offline entry needs one sign-in with the branch "
                   "server at this workstation first."),
                {}, {}};
        auto key = store.read(ServerOutbox::keyEntry());
        if (!key.ok() && !(key.code() == ErrorCode::KeyMissing && !exists))
            return Error {key.code(),
                tr("The key of this workstation's offline outbox could not be read from %1: %2 The outbox %3 is left "
                   "as it is; ask the administrator before anything is removed.")
                    .arg(store.describe(), key.error().message, path),
                key.error().detail, {}};
        SecureBytes secret;
        if (key.ok()) {
            secret = std::move(key).value();
        } else {
            secret = SecureBytes::random(32);
            BV_TRY(store.write(ServerOutbox::keyEntry(), secret));
        }
        if (!exists && !QDir().mkpath(QFileInfo(path).absolutePath()))
            return Error {
                ErrorCode::Io, tr("Could not create the folder %1.").arg(QFileInfo(path).absolutePath()), {}, {}};
        Database::Options options;
        options.migrations = &outboxMigrations();
        auto db
            = Database::open(path, secret, exists ? Database::Mode::OpenExisting : Database::Mode::CreateNew, options);
        if (!db.ok()) {
            Error failed = db.error();
            failed.message = tr("This workstation's offline outbox %1 could not be opened; it is left as it is. %2")
                                 .arg(path, failed.message);
            return failed;
        }
        // a kept slot past its offline time opens nothing any more: it is not kept either
        BV_TRY((*db)->exec(QStringLiteral("DELETE FROM outbox_accounts WHERE remembered_at < ?"),
            {stamp(Clock::system().nowUtc().addDays(-ServerOutbox::kOfflineDays))}));
        return db;
    }
};

Status recordEvent(Database& db, const QString& database, const QString& login, const QString& action,
    const QString& outcome, qint64 entry, const QJsonObject& details)
{
    return db.exec(QStringLiteral("INSERT INTO outbox_events (database, login, at, action, outcome, entry, details) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {database, login, stamp(Clock::system().nowUtc()), action, outcome,
            entry > 0 ? QVariant(entry) : QVariant(QMetaType(QMetaType::LongLong)),
            QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact))});
}

Result<QList<OutboxEntry>> entriesOf(Database& db, const QString& database, const QString& login)
{
    auto q = db.query(QStringLiteral("SELECT id, kept_at, masked_name, masked_id, state, refusal, refusal_field FROM "
                                     "outbox_entries WHERE database = ? AND login = ? ORDER BY id"),
        {database, login});
    if (!q.ok())
        return q.error();
    QList<OutboxEntry> out;
    while (q->next()) {
        OutboxEntry entry;
        entry.id = q->value(0).toLongLong();
        entry.keptAt = fromStamp(q->value(1).toString());
        entry.maskedName = q->value(2).toString();
        entry.maskedIdNumber = q->value(3).toString();
        entry.state = q->value(4).toString() == QLatin1String("refused") ? OutboxEntry::State::Refused
                                                                         : OutboxEntry::State::Waiting;
        entry.refusal = q->value(5).toString();
        entry.field = q->value(6).toString();
        out << entry;
    }
    BV_TRY(rowsFinished(*q, ServerOutbox::tr("Reading the offline outbox")));
    return out;
}

// The database the session's server keeps its records in.
QString databaseOf(const ServerSession& session)
{
    auto settings = ServerWorkstation::configured();
    return settings.ok() ? settings->address.database : QString();
}

// Whether a refusal of an entry is the entry's own (kept as refused, the upload goes on) or the connection's or the
// server's (the upload stops; the entry still waits).
bool isRefusalOfTheEntry(const Error& error)
{
    switch (error.code) {
    case ErrorCode::InvalidInput:
    case ErrorCode::PermissionDenied:
        return true;
    case ErrorCode::Conflict:
        return error.detail.startsWith(QLatin1String("23505")); // a duplicate; a limit or a race is retried later
    default:
        return false;
    }
}

} // namespace

QString ServerOutbox::path()
{
    return ServerWorkstation::folder() + QStringLiteral("/outbox.db");
}

QString ServerOutbox::keyEntry()
{
    return QStringLiteral("server-outbox/key");
}

Status ServerOutbox::remember(SecretStore& store, ServerSession& session)
{
    const ServerSession::Identity& who = session.identity();
    const KeyRepository::Slot* slot = ServerSessionInternals::passwordSlot(session);
    if (who.role != Role::CustomerManager || who.keys != ServerSession::Keys::Open || !slot) {
        // no longer a customer manager with open keys: a copy kept earlier goes
        if (!QFileInfo::exists(path()))
            return {};
        auto db = OutboxFile::open(store, false);
        if (!db.ok())
            return db.error();
        return (*db)->exec(QStringLiteral("DELETE FROM outbox_accounts WHERE database = ? AND login = ?"),
            {databaseOf(session), who.login});
    }
    ServerCustomers customers(session);
    auto masks = customers.masks();
    if (!masks.ok())
        return masks.error();
    auto idle = session.idleMinutes();
    if (!idle.ok())
        return idle.error();
    auto db = OutboxFile::open(store, true);
    if (!db.ok())
        return db.error();
    const QString masksJson
        = QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(masks->toMap())).toJson(QJsonDocument::Compact));
    return (*db)->exec(
        QStringLiteral(
            "INSERT INTO outbox_accounts (database, login, staff_id, role, branch, generation, kdf_ops, kdf_mem, salt, "
            "nonce, wrapped, masks, idle_minutes, remembered_at, failures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, 0) ON CONFLICT (database, login) DO UPDATE SET staff_id = excluded.staff_id, role = excluded.role, "
            "branch = excluded.branch, generation = excluded.generation, kdf_ops = excluded.kdf_ops, kdf_mem = "
            "excluded.kdf_mem, salt = excluded.salt, nonce = excluded.nonce, wrapped = excluded.wrapped, masks = "
            "excluded.masks, idle_minutes = excluded.idle_minutes, remembered_at = excluded.remembered_at, failures = "
            "0"),
        {databaseOf(session), who.login, who.staffId, Roles::key(who.role), who.branch, slot->generation, slot->kdfOps,
            slot->kdfMem, slot->salt, slot->nonce, slot->wrapped, masksJson, *idle, stamp(Clock::system().nowUtc())});
}

Result<int> ServerOutbox::entryCount(SecretStore& store)
{
    if (!QFileInfo::exists(path()))
        return 0;
    auto db = OutboxFile::open(store, false);
    if (!db.ok())
        return db.error();
    auto count = (*db)->scalar(QStringLiteral("SELECT count(*) FROM outbox_entries"));
    if (!count.ok())
        return count.error();
    return count->toInt();
}

Status ServerOutbox::removeEmpty(SecretStore& store)
{
    auto count = entryCount(store);
    if (!count.ok())
        return count.error();
    if (*count > 0)
        return Error {ErrorCode::Conflict,
            tr("This workstation's offline outbox still holds %n new customers not sent to the branch server. Sign "
               "in as their makers with the server reachable so that they are sent, or have the makers discard "
               "them; then try again.",
                nullptr, *count),
            {}, {}};
    if (QFileInfo::exists(path())) {
        // what happened offline and is not on the server yet is not dropped either
        auto db = OutboxFile::open(store, false);
        if (!db.ok())
            return db.error();
        auto logins = (*db)->query(QStringLiteral("SELECT DISTINCT login FROM outbox_events ORDER BY login"));
        if (!logins.ok())
            return logins.error();
        QStringList waiting;
        while (logins->next())
            waiting << logins->value(0).toString();
        BV_TRY(rowsFinished(*logins, tr("Reading the offline outbox")));
        if (!waiting.isEmpty())
            return Error {ErrorCode::Conflict,
                tr("This workstation's offline outbox holds records of offline sign-ins not yet written to the "
                   "branch's "
                   "audit log (%1). Have each of them sign in once with the server reachable; then try again.")
                    .arg(waiting.join(QStringLiteral(", "))),
                {}, {}};
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        QFile::remove(path() + QLatin1String(suffix));
    return store.remove(keyEntry());
}

Result<QList<OutboxEntry>> ServerOutbox::entries(SecretStore& store, ServerSession& session)
{
    if (!QFileInfo::exists(path()))
        return QList<OutboxEntry>();
    auto db = OutboxFile::open(store, false);
    if (!db.ok())
        return db.error();
    return entriesOf(**db, databaseOf(session), session.identity().login);
}

Status ServerOutbox::discard(SecretStore& store, ServerSession& session, qint64 entryId)
{
    auto db = OutboxFile::open(store, false);
    if (!db.ok())
        return db.error();
    const QString database = databaseOf(session);
    auto found = (*db)->scalar(QStringLiteral("SELECT kept_at FROM outbox_entries WHERE id = ? AND database = ? AND "
                                              "login = ?"),
        {entryId, database, session.identity().login});
    if (!found.ok())
        return found.error();
    if (!found->isValid())
        return Error {ErrorCode::NotFound, tr("The outbox holds no entry %1 of yours.").arg(entryId), {}, {}};
    // recorded on the server first: a discard that cannot be recorded does not happen
    const auto& server = ServerSessionInternals::connection(session);
    auto written
        = server.run(QStringLiteral("SELECT branchvault.audit_append($1, $2, 'outbox_entry', $3, NULL, 'ok', $4)"),
            {ServerValue::text(ServerSessionInternals::workstation(session)),
                ServerValue::text(QLatin1String(audit::OutboxDiscard)), ServerValue::text(QString::number(entryId)),
                ServerValue::text(QString::fromUtf8(QJsonDocument(
                    QJsonObject {{QStringLiteral("keptAt"),
                        found->toString()}}).toJson(QJsonDocument::Compact)))},
            tr("recording the discarded outbox entry"));
    if (!written.ok())
        return written.error();
    return (*db)->exec(QStringLiteral("DELETE FROM outbox_entries WHERE id = ?"), {entryId});
}

Result<OutboxUpload> ServerOutbox::upload(SecretStore& store, ServerSession& session, bool retryRefused)
{
    OutboxUpload report;
    const ServerSession::Identity& who = session.identity();
    if (!QFileInfo::exists(path()) || who.role != Role::CustomerManager || who.keys != ServerSession::Keys::Open)
        return report;
    auto opened = OutboxFile::open(store, false);
    if (!opened.ok())
        return opened.error();
    Database& db = **opened;
    const QString database = databaseOf(session);
    const auto& server = ServerSessionInternals::connection(session);
    const QString workstation = ServerSessionInternals::workstation(session);
    const QString sending = tr("sending the offline outbox");

    // 1. what happened offline, in its order, before the entries it led to
    auto events = db.query(QStringLiteral("SELECT id, at, action, outcome, entry, details FROM outbox_events WHERE "
                                          "database = ? AND login = ? ORDER BY id"),
        {database, who.login});
    if (!events.ok())
        return events.error();
    struct Event
    {
        qint64 id;
        QString at, action, outcome;
        qint64 entry;
        QString details;
    };
    QList<Event> pendingEvents;
    while (events->next())
        pendingEvents << Event {events->value(0).toLongLong(), events->value(1).toString(), events->value(2).toString(),
            events->value(3).toString(), events->value(4).toLongLong(), events->value(5).toString()};
    BV_TRY(rowsFinished(*events, tr("Reading the offline outbox")));
    events->finish();
    for (const Event& event : pendingEvents) {
        QJsonObject details = QJsonDocument::fromJson(event.details.toUtf8()).object();
        details.insert(QStringLiteral("offlineAt"), event.at);
        const QString customerNo = details.value(QStringLiteral("customerNo")).toString();
        auto written = server.run(QStringLiteral("SELECT branchvault.audit_append($1, $2, $3, $4, $5, $6, $7)"),
            {ServerValue::text(workstation), ServerValue::text(event.action),
                ServerValue::text(event.entry > 0 ? QStringLiteral("outbox_entry") : QStringLiteral("user")),
                ServerValue::text(event.entry > 0 ? QString::number(event.entry) : QString::number(who.staffId)),
                customerNo.isEmpty() ? ServerValue::none() : ServerValue::text(customerNo),
                ServerValue::text(event.outcome),
                ServerValue::text(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)))},
            sending);
        if (!written.ok()) {
            report.stoppedBy = written.error();
            break;
        }
        BV_TRY(db.exec(QStringLiteral("DELETE FROM outbox_events WHERE id = ?"), {event.id}));
    }

    // 2. the entries, in the order they were kept
    if (!report.stoppedBy) {
        auto rows = db.query(QStringLiteral("SELECT id, token, kept_at, generation, sealed, reserved_no, state FROM "
                                            "outbox_entries WHERE database = ? AND login = ? AND (state = 'waiting' OR "
                                            "?) ORDER BY id"),
            {database, who.login, retryRefused ? 1 : 0});
        if (!rows.ok())
            return rows.error();
        struct Row
        {
            qint64 id;
            QString token, keptAt;
            int generation;
            QByteArray sealed;
            QString reserved;
        };
        QList<Row> waiting;
        while (rows->next())
            waiting << Row {rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString(),
                rows->value(3).toInt(), rows->value(4).toByteArray(), rows->value(5).toString()};
        BV_TRY(rowsFinished(*rows, tr("Reading the offline outbox")));
        rows->finish();

        ServerCustomers customers(session);
        const FieldCipher cipher(ServerSessionInternals::keys(session).clone());
        auto refuse = [&](const Row& row, const Error& why) -> Status {
            QString reason = why.message;
            if (!why.detail.isEmpty())
                reason += QStringLiteral(" (") + why.detail + QLatin1Char(')');
            BV_TRY(db.exec(QStringLiteral("UPDATE outbox_entries SET state = 'refused', refusal = ?, refusal_field = ? "
                                          "WHERE id = ?"),
                {reason, why.field, row.id}));
            auto listed = entriesOf(db, database, who.login);
            if (!listed.ok())
                return listed.error();
            for (const OutboxEntry& entry : *listed)
                if (entry.id == row.id)
                    report.refused << entry;
            return {};
        };
        auto sent = [&](const Row& row, const QString& number, qint64 changeId, const QStringList& warnings) -> Status {
            // recorded on the server (the entry's offline time beside the customer.create row), then removed here;
            // an upload that stops between the two leaves an entry whose number the next upload finds on the server
            const QJsonObject details {{QStringLiteral("keptAt"), row.keptAt},
                {QStringLiteral("change"), changeId > 0 ? QJsonValue(changeId) : QJsonValue()}};
            auto linked = server.run(
                QStringLiteral("SELECT branchvault.audit_append($1, $2, 'outbox_entry', $3, $4, 'ok', $5)"),
                {ServerValue::text(workstation), ServerValue::text(QLatin1String(audit::OutboxUpload)),
                    ServerValue::text(QString::number(row.id)), ServerValue::text(number),
                    ServerValue::text(QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact)))},
                sending);
            Transaction tx(db);
            if (!tx.ok())
                return tx.error();
            if (!linked.ok()) {
                // the record is on the server (its customer.create row names it); the row that links it to this
                // entry is appended at the next upload
                QJsonObject later = details;
                later.insert(QStringLiteral("customerNo"), number);
                BV_TRY(recordEvent(
                    db, database, who.login, QLatin1String(audit::OutboxUpload), QStringLiteral("ok"), row.id, later));
            }
            BV_TRY(db.exec(QStringLiteral("DELETE FROM outbox_entries WHERE id = ?"), {row.id}));
            BV_TRY(tx.commit());
            report.sent << OutboxUpload::Sent {row.id, number, changeId, warnings};
            return {};
        };

        for (const Row& row : std::as_const(waiting)) {
            if (row.generation != cipher.generation()) {
                BV_TRY(refuse(row,
                    Error {ErrorCode::Damaged,
                        tr("This entry was sealed with the branch's customer-information keys of generation %1; the "
                           "keys open now are of generation %2. Enter the customer again, then discard this entry.")
                            .arg(row.generation)
                            .arg(cipher.generation()),
                        {}, {}}));
                continue;
            }
            auto content = cipher.open(row.sealed, entryData(database, who.login, row.token));
            if (!content.ok()) {
                BV_TRY(refuse(row,
                    Error {ErrorCode::Damaged,
                        tr("This entry does not open with your keys: it was altered or copied. Enter the customer "
                           "again, then discard this entry, and report it to the information-security office."),
                        {}, {}}));
                continue;
            }
            std::optional<CustomerInput> input = deserialized(*content);
            wipe(*content);
            if (!input) {
                BV_TRY(refuse(row,
                    Error {ErrorCode::Damaged,
                        tr("This entry cannot be read. Enter the customer again, then discard this entry."), {}, {}}));
                continue;
            }
            QString number = row.reserved;
            std::optional<Error> stop;
            for (int attempt = 0; attempt < 2; ++attempt) {
                if (number.isEmpty()) {
                    auto reserved = customers.reserveNumber();
                    if (!reserved.ok()) {
                        stop = reserved.error();
                        break;
                    }
                    number = *reserved;
                    // kept before the entry is sent: an upload interrupted after the server took it finds it again
                    if (Status kept = db.exec(
                            QStringLiteral("UPDATE outbox_entries SET reserved_no = ? WHERE id = ?"), {number, row.id});
                        !kept.ok()) {
                        stop = kept.error();
                        break;
                    }
                }
                auto receipt = customers.enter(*input, number);
                if (receipt.ok()) {
                    if (Status done = sent(row, receipt->customerNumber, receipt->changeId, receipt->warnings);
                        !done.ok())
                        stop = done.error();
                    break;
                }
                const Error& failed = receipt.error();
                if (failed.detail.contains(QLatin1String("field \"customer_no\""))) {
                    // the number was used — only this account can have used it: by this entry's earlier upload —
                    // or it is a day old and unused. Found under the number, the entry counts as sent; no customer
                    // under it at all, a new number is reserved once; a customer the maker cannot open now (rejected,
                    // or given to another customer manager) means sent too: never sent twice, kept with the reason.
                    auto there = customers.open(number);
                    if (there.ok()) {
                        if (Status done = sent(row, number, 0, {}); !done.ok())
                            stop = done.error();
                        break;
                    }
                    if (there.code() == ErrorCode::NotFound && attempt == 0) {
                        number.clear();
                        if (Status cleared = db.exec(
                                QStringLiteral("UPDATE outbox_entries SET reserved_no = NULL WHERE id = ?"), {row.id});
                            !cleared.ok()) {
                            stop = cleared.error();
                            break;
                        }
                        continue;
                    }
                    if (there.code() == ErrorCode::PermissionDenied) {
                        if (Status kept = refuse(row,
                                Error {ErrorCode::Conflict,
                                    tr("This entry went to the branch server earlier as customer %1, which you cannot "
                                       "open now (rejected, or given to another customer manager); it is not sent "
                                       "again. Ask the branch manager about customer %1, then discard this entry.")
                                        .arg(number),
                                    {}, {}});
                            !kept.ok())
                            stop = kept.error();
                        break;
                    }
                    if (isRefusalOfTheEntry(there.error()) || there.code() == ErrorCode::NotFound) {
                        if (Status kept = refuse(row, failed); !kept.ok())
                            stop = kept.error();
                    } else {
                        stop = there.error();
                    }
                    break;
                }
                if (isRefusalOfTheEntry(failed)) {
                    if (Status kept = refuse(row, failed); !kept.ok())
                        stop = kept.error();
                } else {
                    stop = failed;
                }
                break;
            }
            wipeInput(*input);
            if (stop) {
                report.stoppedBy = *stop;
                break;
            }
        }
    }
    auto left = db.scalar(QStringLiteral("SELECT count(*) FROM outbox_entries WHERE database = ? AND login = ? AND "
                                         "state = 'waiting'"),
        {database, who.login});
    if (!left.ok())
        return left.error();
    report.stillWaiting = left->toInt();
    return report;
}

// ---- offline sessions ----

struct ServerOutbox::Session::Private
{
    std::unique_ptr<Database> db;
    Identity identity;
    FieldKeys keys;
    MaskSettings masks;
};

ServerOutbox::Session::Session(std::unique_ptr<Private> d)
    : d(std::move(d))
{
}

ServerOutbox::Session::~Session() = default;

const ServerOutbox::Identity& ServerOutbox::Session::identity() const
{
    return d->identity;
}

Result<std::unique_ptr<ServerOutbox::Session>> ServerOutbox::signIn(
    SecretStore& store, const QString& login, const SecureBytes& password)
{
    auto settings = ServerWorkstation::configured();
    if (!settings.ok())
        return settings.error();
    // only when nothing answers at the server's address: a sign-in the server refused stays refused
    if (ServerConnection::answers(settings->address))
        return Error {ErrorCode::Conflict,
            tr("The branch server %1 answers, so there is no offline sign-in: sign in to the server. If it refused "
               "the sign-in, the reason is above; ask the branch's IT person if it is not clear.")
                .arg(settings->address.url()),
            {}, {}};
    const QString name = login.trimmed().toLower();
    const QString database = settings->address.database;
    const auto notKept = Error {ErrorCode::NotFound,
        tr("Offline entry is not available for %1 at this workstation: it needs one sign-in with the branch server "
           "here first, as a customer manager.")
            .arg(name),
        {}, {}};
    if (!QFileInfo::exists(path()))
        return notKept;
    auto opened = OutboxFile::open(store, false);
    if (!opened.ok())
        return opened.error();
    auto d = std::make_unique<Session::Private>();
    d->db = std::move(opened).value();
    Database& db = *d->db;
    auto q = db.query(QStringLiteral("SELECT staff_id, role, branch, generation, kdf_ops, kdf_mem, salt, nonce, "
                                     "wrapped, masks, idle_minutes, remembered_at, failures FROM outbox_accounts WHERE "
                                     "database = ? AND login = ?"),
        {database, name});
    if (!q.ok())
        return q.error();
    if (!q->next()) {
        BV_TRY(rowsFinished(*q, tr("Reading the offline outbox")));
        return notKept;
    }
    Identity& who = d->identity;
    who.staffId = q->value(0).toLongLong();
    who.login = name;
    who.role = Roles::fromKey(q->value(1).toString()).value_or(Role::Clerk);
    who.branch = q->value(2).toString();
    who.database = database;
    KeySlots::Wrapped slot;
    slot.generation = q->value(3).toInt();
    slot.kdfOps = q->value(4).toLongLong();
    slot.kdfMem = q->value(5).toLongLong();
    slot.salt = q->value(6).toByteArray();
    slot.nonce = q->value(7).toByteArray();
    slot.wrapped = q->value(8).toByteArray();
    const QVariantMap masks = QJsonDocument::fromJson(q->value(9).toString().toUtf8()).object().toVariantMap();
    who.idleMinutes = q->value(10).toInt();
    who.rememberedAt = fromStamp(q->value(11).toString());
    const int failures = q->value(12).toInt();
    q->finish();

    if (who.role != Role::CustomerManager)
        return notKept;
    if (failures >= kMaxFailures) {
        BV_TRY(recordEvent(db, database, name, QLatin1String(audit::OutboxSignIn), QStringLiteral("denied"), 0,
            {{QStringLiteral("reason"), QStringLiteral("locked")}}));
        return Error {ErrorCode::AccountLocked,
            tr("Offline sign-in for %1 is closed at this workstation after %2 wrong passwords in a row. Sign in when "
               "the branch server can be reached again.")
                .arg(name)
                .arg(kMaxFailures),
            {}, {}};
    }
    const QDateTime now = Clock::system().nowUtc();
    if (!who.rememberedAt.isValid() || who.rememberedAt.addDays(kOfflineDays) < now)
        return Error {ErrorCode::Conflict,
            tr("Offline sign-in for %1 ended: the last sign-in with the branch server at this workstation was more "
               "than %2 days ago. Sign in when the server can be reached again.")
                .arg(name)
                .arg(kOfflineDays),
            {}, {}};
    auto keys = KeySlots::unwrap(holderOf(name), KeySlots::Kind::Password, slot, PasswordHasher::normalize(password));
    if (!keys.ok()) {
        if (keys.code() == ErrorCode::AuthenticationFailed) {
            Transaction tx(db); // the count and its record together
            if (!tx.ok())
                return tx.error();
            BV_TRY(db.exec(QStringLiteral("UPDATE outbox_accounts SET failures = failures + 1 WHERE database = ? AND "
                                          "login = ?"),
                {database, name}));
            BV_TRY(recordEvent(db, database, name, QLatin1String(audit::OutboxSignIn), QStringLiteral("denied"), 0,
                {{QStringLiteral("reason"), QStringLiteral("wrong_password")}}));
            BV_TRY(tx.commit());
            return Error {ErrorCode::AuthenticationFailed,
                tr("The login or the password is wrong (offline sign-in against this workstation's copy of the key "
                   "slot)."),
                {}, {}};
        }
        return keys.error();
    }
    auto settled = MaskSettings::fromMap(masks);
    if (!settled.ok())
        return settled.error();
    d->masks = *settled;
    d->keys = std::move(keys).value();
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(db.exec(
        QStringLiteral("UPDATE outbox_accounts SET failures = 0 WHERE database = ? AND login = ?"), {database, name}));
    BV_TRY(recordEvent(db, database, name, QLatin1String(audit::OutboxSignIn), QStringLiteral("ok"), 0, {}));
    BV_TRY(tx.commit());
    return std::unique_ptr<Session>(new Session(std::move(d)));
}

Result<std::pair<qint64, QStringList>> ServerOutbox::Session::keep(const CustomerInput& input)
{
    auto checked = ServerCustomers::validated(input);
    if (!checked.ok())
        return checked.error();
    ValidatedCustomer& validated = *checked;
    Database& db = *d->db;
    const Identity& who = d->identity;
    const FieldCipher cipher(d->keys.clone());
    const QString idKey = QString::fromLatin1(fields::IdNumber);
    const QByteArray idBlind = cipher.blindIndex(idNumberSpec().blind, validated.values.value(idKey));
    auto same = db.scalar(QStringLiteral("SELECT id FROM outbox_entries WHERE database = ? AND login = ? AND id_blind "
                                         "= ?"),
        {who.database, who.login, idBlind});
    if (!same.ok())
        return same.error();
    if (same->isValid())
        return Error {ErrorCode::Conflict,
            tr("A customer with this ID number is in your outbox already (entry %1). Check that entry instead of "
               "entering the customer twice.")
                .arg(same->toLongLong()),
            {}, idKey};
    auto count = db.scalar(QStringLiteral("SELECT count(*) FROM outbox_entries WHERE database = ? AND login = ?"),
        {who.database, who.login});
    if (!count.ok())
        return count.error();
    if (count->toInt() >= kMaxEntries)
        return Error {ErrorCode::Conflict,
            tr("Your outbox holds %1 entries, its limit. Sign in when the branch server can be reached so that they "
               "are sent.")
                .arg(kMaxEntries),
            {}, {}};

    const QString token = QString::fromLatin1(SecureBytes::random(16).toHex().view().toByteArray());
    QByteArray plain = serialized(input);
    QString text = QString::fromUtf8(plain);
    wipe(plain);
    const QByteArray sealed = cipher.seal(text, entryData(who.database, who.login, token));
    wipe(text);
    const QString maskedName = StoredMasks::maskField(
        QString::fromLatin1(fields::Name), validated.values.value(QString::fromLatin1(fields::Name)), d->masks);
    const QString maskedId = StoredMasks::maskField(idKey, validated.values.value(idKey), d->masks);
    for (auto it = validated.values.begin(); it != validated.values.end(); ++it)
        wipe(it.value());
    for (AccountInput& account : validated.accounts)
        wipe(account.number);

    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto id = db.insertReturningId(
        QStringLiteral("INSERT INTO outbox_entries (database, login, branch, token, kept_at, generation, sealed, "
                       "id_blind, masked_name, masked_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting') "
                       "RETURNING id"),
        {who.database, who.login, who.branch, token, stamp(Clock::system().nowUtc()), cipher.generation(), sealed,
            idBlind, maskedName, maskedId});
    if (!id.ok())
        return id.error();
    BV_TRY(recordEvent(db, who.database, who.login, QLatin1String(audit::OutboxKeep), QStringLiteral("ok"), *id, {}));
    BV_TRY(tx.commit());
    return std::make_pair(*id, validated.warnings);
}

Result<QList<OutboxEntry>> ServerOutbox::Session::entries()
{
    return entriesOf(*d->db, d->identity.database, d->identity.login);
}

Status ServerOutbox::Session::discard(qint64 entryId)
{
    Database& db = *d->db;
    Transaction tx(db);
    if (!tx.ok())
        return tx.error();
    auto found = db.scalar(QStringLiteral("SELECT id FROM outbox_entries WHERE id = ? AND database = ? AND login = ?"),
        {entryId, d->identity.database, d->identity.login});
    if (!found.ok())
        return found.error();
    if (!found->isValid())
        return Error {ErrorCode::NotFound, tr("The outbox holds no entry %1 of yours.").arg(entryId), {}, {}};
    BV_TRY(db.exec(QStringLiteral("DELETE FROM outbox_entries WHERE id = ?"), {entryId}));
    BV_TRY(recordEvent(db, d->identity.database, d->identity.login, QLatin1String(audit::OutboxDiscard),
        QStringLiteral("ok"), entryId, {}));
    return tx.commit();
}

Status ServerOutbox::Session::recordEnd(bool idle)
{
    return recordEvent(*d->db, d->identity.database, d->identity.login,
        QLatin1String(idle ? audit::OutboxIdleLock : audit::OutboxSignOut), QStringLiteral("ok"), 0, {});
}

} // namespace bv
