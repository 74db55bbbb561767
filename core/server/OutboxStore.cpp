// The offline outbox's file and what both its online side (ServerOutbox.cpp) and its offline sessions
// (ServerOutboxSession.cpp) use.
#include "core/internal/server/OutboxStore.h"

#include "core/common/Clock.h"
#include "core/internal/db/Migration.h"
#include "core/internal/db/QueryRows.h"
#include "core/keys/SecretStore.h"
#include "core/policy/FieldCatalogue.h"
#include "core/server/ServerOutbox.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

namespace bv::outbox {

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
)"))},
        {2, QStringLiteral("service records kept offline"), sqlMigration(QStringLiteral(R"(
-- One queue, in the order things were kept: a service record is an entry of its own kind, about an existing customer
-- (customer_no); its id_blind is empty and its masked columns too (the record holds no grade-1 value).
ALTER TABLE outbox_entries ADD COLUMN kind TEXT NOT NULL DEFAULT 'customer' CHECK (kind IN ('customer', 'service'));
ALTER TABLE outbox_entries ADD COLUMN customer_no TEXT;
)"))}};
    return migrations;
}

} // namespace

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

QByteArray serializedService(const KeptService& service)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("customerNo"), service.customerNo},
            {QStringLiteral("servedOn"), service.servedOn.toString(Qt::ISODate)},
            {QStringLiteral("channel"), service.channel}, {QStringLiteral("content"), service.content}})
        .toJson(QJsonDocument::Compact);
}

std::optional<KeptService> deserializedService(const QString& text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject whole = document.object();
    KeptService service {whole.value(QStringLiteral("customerNo")).toString(),
        QDate::fromString(whole.value(QStringLiteral("servedOn")).toString(), Qt::ISODate),
        whole.value(QStringLiteral("channel")).toString(), whole.value(QStringLiteral("content")).toString()};
    if (service.customerNo.isEmpty() || !service.servedOn.isValid())
        return std::nullopt;
    return service;
}

const FieldSpec& idNumberSpec()
{
    return *FieldCatalogue::find(QString::fromLatin1(fields::IdNumber));
}

Result<std::unique_ptr<Database>> OutboxFile::open(SecretStore& store, bool create)
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
        return Error {ErrorCode::Io, tr("Could not create the folder %1.").arg(QFileInfo(path).absolutePath()), {}, {}};
    Database::Options options;
    options.migrations = &outboxMigrations();
    auto db = Database::open(path, secret, exists ? Database::Mode::OpenExisting : Database::Mode::CreateNew, options);
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
    auto q = db.query(QStringLiteral("SELECT id, kept_at, masked_name, masked_id, state, refusal, refusal_field, kind, "
                                     "customer_no FROM outbox_entries WHERE database = ? AND login = ? ORDER BY id"),
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
        entry.kind = q->value(7).toString() == QLatin1String("service") ? OutboxEntry::Kind::Service
                                                                        : OutboxEntry::Kind::Customer;
        entry.customerNumber = q->value(8).toString();
        out << entry;
    }
    BV_TRY(rowsFinished(*q, ServerOutbox::tr("Reading the offline outbox")));
    return out;
}
} // namespace bv::outbox
