#include "core/server/ServerOutbox.h"

#include "core/audit/AuditActions.h"
#include "core/common/Clock.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/QueryRows.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/server/OutboxStore.h"
#include "core/internal/server/ServerConnection.h"
#include "core/internal/server/ServerSessionInternals.h"
#include "core/keys/SecretStore.h"
#include "core/server/ServerCare.h"
#include "core/server/ServerCustomers.h"
#include "core/server/ServerSession.h"
#include "core/server/ServerWorkstation.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv {

using namespace outbox;

namespace {

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

// The same for a service record kept offline: its customer number was typed without the server, so no such customer
// (NotFound) and a customer in a state that takes no record (BV409: pending, rejected, anonymised) are the entry's
// too — kept with the reason for its maker, who sends it again or discards it, instead of holding up the entries
// after it.
bool isRefusalOfTheService(const Error& error)
{
    return isRefusalOfTheEntry(error) || error.code == ErrorCode::NotFound
        || (error.code == ErrorCode::Conflict && error.detail.startsWith(QLatin1String("BV409")));
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
        auto rows = db.query(QStringLiteral("SELECT id, token, kept_at, generation, sealed, reserved_no, state, kind "
                                            "FROM outbox_entries WHERE database = ? AND login = ? AND (state = "
                                            "'waiting' OR ?) ORDER BY id"),
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
            bool service = false;
        };
        QList<Row> waiting;
        while (rows->next())
            waiting << Row {rows->value(0).toLongLong(), rows->value(1).toString(), rows->value(2).toString(),
                rows->value(3).toInt(), rows->value(4).toByteArray(), rows->value(5).toString(),
                rows->value(7).toString() == QLatin1String("service")};
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
            report.sent << OutboxUpload::Sent {row.id,
                row.service ? OutboxEntry::Kind::Service : OutboxEntry::Kind::Customer, number, changeId, warnings};
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
            if (row.service) {
                // a service record: sent as at the counter, once (the entry's token), to the customer it names
                std::optional<KeptService> service = deserializedService(*content);
                wipe(*content);
                if (!service) {
                    BV_TRY(refuse(row,
                        Error {ErrorCode::Damaged,
                            tr("This service record cannot be read. Record it again, then discard this entry."), {},
                            {}}));
                    continue;
                }
                auto added = ServerCare(session).addService(
                    service->customerNo, service->servedOn, service->channel, service->content, row.token);
                wipe(service->content);
                std::optional<Error> stop;
                if (added.ok()) {
                    if (Status done = sent(row, service->customerNo, 0, {}); !done.ok())
                        stop = done.error();
                } else if (isRefusalOfTheService(added.error())) {
                    if (Status kept = refuse(row, added.error()); !kept.ok())
                        stop = kept.error();
                } else {
                    stop = added.error();
                }
                if (stop) {
                    report.stoppedBy = *stop;
                    break;
                }
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
            wipe(*input);
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

} // namespace bv
