#include "AuditLog.h"

#include "AuditActions.h"
#include "AuditLogInternal.h"
#include "db/Database.h"
#include "db/QueryRows.h"
#include "db/Transaction.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlError>
#include <QSysInfo>
#include <QtEndian>

#include <sodium.h>
#include <sqlite3.h>

#include <array>
#include <memory>
#include <optional>

namespace bv {

namespace {

QByteArray sha256(const QByteArray& data)
{
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
        reinterpret_cast<const unsigned char*>(data.constData()), std::size_t(data.size()));
    return out;
}

// The hashed fields of a row, in the order of the canonical encoding: seq (decimal), at (as stored: UTC,
// milliseconds), workstation, user id (decimal, "0" for none), login, role, action, object type, object id,
// customer number, outcome, details. All UTF-8.
using HashedFields = std::array<QByteArrayView, 12>;

// THE encoder of an audit row (canonical encoding v1): the tag "bv-audit-v1", then the previous hash and
// every field as a 4-byte big-endian length and the bytes, hashed with SHA-256. append() (through
// rowHash) and verify() (straight from the stored bytes) both hash through here, so they cannot drift.
void rowDigest(QByteArrayView prevHash, const HashedFields& fields, unsigned char* digest)
{
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>("bv-audit-v1"), 11);
    auto field = [&state](QByteArrayView bytes) {
        unsigned char length[4];
        qToBigEndian<quint32>(quint32(bytes.size()), length);
        crypto_hash_sha256_update(&state, length, 4);
        if (!bytes.isEmpty())
            crypto_hash_sha256_update(
                &state, reinterpret_cast<const unsigned char*>(bytes.data()), std::size_t(bytes.size()));
    };
    field(prevHash);
    for (QByteArrayView bytes : fields)
        field(bytes);
    crypto_hash_sha256_final(&state, digest);
}

std::optional<PurgeRecord> purgeRecordFrom(qint64 seq, QByteArrayView at, QByteArrayView details)
{
    const QJsonObject d = QJsonDocument::fromJson(details.toByteArray()).object();
    if (!d.contains(QLatin1String("purgedThrough")))
        return std::nullopt; // a purge that found nothing old enough records no range
    PurgeRecord record;
    record.seq = seq;
    record.at = QDateTime::fromString(QString::fromUtf8(at), Qt::ISODateWithMs);
    record.through = d.value(QLatin1String("purgedThrough")).toInteger();
    record.rows = d.contains(QLatin1String("rows")) ? d.value(QLatin1String("rows")).toInteger() : -1;
    record.legacy = !d.contains(QLatin1String("purgedFrom"));
    record.from = record.legacy ? (record.rows > 0 ? record.through - record.rows + 1 : 0)
                                : d.value(QLatin1String("purgedFrom")).toInteger();
    record.previous
        = d.contains(QLatin1String("previousPurge")) ? d.value(QLatin1String("previousPurge")).toInteger() : -1;
    record.cutoff = QDateTime::fromString(d.value(QLatin1String("cutoff")).toString(), Qt::ISODateWithMs);
    record.continuesFrom = QByteArray::fromHex(d.value(QLatin1String("continuesFrom")).toString().toLatin1());
    return record;
}

// The purge gate (DESIGN §7, docs/AUDIT.md). The delete trigger on audit_log asks this function whether a
// gate row's token, purge row and range are those of the purge running on this connection right now. Only
// purgeOlderThan sets them, with a fresh random token, for the length of its DELETE; a gate row written
// from outside (or from the sqlcipher shell, where the function does not even exist) never matches. The
// state belongs to the connection (freed with it), so a reconnected database never reaches a state that is
// gone. An attacker who drops the trigger is past all of this: the verifier is what catches them.
constexpr char kPurgeGateFunction[] = "bv_audit_purge_gate";

struct PurgeGate
{
    unsigned char token[32] = {};
    bool open = false;
    qint64 purgeSeq = 0;
    qint64 first = 0;
    qint64 last = 0;

    void close()
    {
        open = false;
        sodium_memzero(token, sizeof token);
    }
};

void purgeGateFunction(sqlite3_context* context, int argc, sqlite3_value** argv)
{
    const auto* gate = static_cast<const PurgeGate*>(sqlite3_user_data(context));
    bool match = gate && gate->open && argc == 4 && sqlite3_value_type(argv[0]) == SQLITE_BLOB
        && sqlite3_value_bytes(argv[0]) == int(sizeof gate->token);
    if (match)
        match = sodium_memcmp(sqlite3_value_blob(argv[0]), gate->token, sizeof gate->token) == 0
            && sqlite3_value_int64(argv[1]) == gate->purgeSeq && sqlite3_value_int64(argv[2]) == gate->first
            && sqlite3_value_int64(argv[3]) == gate->last;
    sqlite3_result_int(context, match ? 1 : 0);
}

void destroyPurgeGate(void* state)
{
    auto* gate = static_cast<PurgeGate*>(state);
    gate->close();
    delete gate;
}

// Registers the gate function (closed) on `handle`; returns its state, owned by the connection, or nullptr.
PurgeGate* installPurgeGate(sqlite3* handle)
{
    if (!handle)
        return nullptr;
    auto* gate = new PurgeGate;
    // SQLITE_INNOCUOUS: the delete trigger (schema code) may call it; not deterministic, it changes per purge.
    const int rc = sqlite3_create_function_v2(handle, kPurgeGateFunction, 4, SQLITE_UTF8 | SQLITE_INNOCUOUS, gate,
        &purgeGateFunction, nullptr, nullptr, &destroyPurgeGate);
    return rc == SQLITE_OK ? gate : nullptr; // on failure SQLite has already called destroyPurgeGate
}

AuditRow rowFrom(const QSqlQuery& q)
{
    AuditRow row;
    row.seq = q.value(0).toLongLong();
    row.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    row.workstation = q.value(2).toString();
    row.userId = q.value(3).toLongLong();
    row.login = q.value(4).toString();
    row.role = q.value(5).toString();
    row.action = q.value(6).toString();
    row.objectType = q.value(7).toString();
    row.objectId = q.value(8).toString();
    row.customerNo = q.value(9).toString();
    row.outcome = q.value(10).toString();
    row.details = q.value(11).toString();
    row.prevHash = q.value(12).toByteArray();
    row.hash = q.value(13).toByteArray();
    return row;
}

const QString kColumns = QStringLiteral("seq, at, workstation, user_id, login, role, action, object_type, object_id, "
                                        "customer_no, outcome, details, prev_hash, hash");

} // namespace

AuditLog::AuditLog(Database& db, QString databaseId, const Clock& clock)
    : m_db(db)
    , m_databaseId(std::move(databaseId))
    , m_clock(clock)
    , m_workstation(QSysInfo::machineHostName())
{
    // The delete trigger calls the gate function; without it a DELETE would fail with "no such function"
    // instead of the trigger's own message. purgeOlderThan registers a fresh one for each purge.
    installPurgeGate(m_db.handle());
}

AuditLog::~AuditLog() = default;

QString AuditLog::outcomeKey(AuditOutcome outcome)
{
    switch (outcome) {
    case AuditOutcome::Ok:
        return QStringLiteral("ok");
    case AuditOutcome::Denied:
        return QStringLiteral("denied");
    case AuditOutcome::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

QByteArray AuditLog::genesisHash(const QString& databaseId)
{
    return sha256(QByteArrayLiteral("BranchVault audit genesis|") + databaseId.toUtf8());
}

QByteArray AuditLog::rowHash(const QByteArray& prevHash, const AuditRow& row)
{
    const QByteArray seq = QByteArray::number(row.seq);
    const QByteArray at = row.at.toUTC().toString(Qt::ISODateWithMs).toUtf8(); // exactly as append() stores it
    const QByteArray workstation = row.workstation.toUtf8();
    const QByteArray userId = QByteArray::number(row.userId);
    const QByteArray login = row.login.toUtf8();
    const QByteArray role = row.role.toUtf8();
    const QByteArray action = row.action.toUtf8();
    const QByteArray objectType = row.objectType.toUtf8();
    const QByteArray objectId = row.objectId.toUtf8();
    const QByteArray customerNo = row.customerNo.toUtf8();
    const QByteArray outcome = row.outcome.toUtf8();
    const QByteArray details = row.details.toUtf8();
    QByteArray digest(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    rowDigest(prevHash,
        {seq, at, workstation, userId, login, role, action, objectType, objectId, customerNo, outcome, details},
        reinterpret_cast<unsigned char*>(digest.data()));
    return digest;
}

Status AuditLog::append(const Actor& actor, const AuditEvent& event)
{
    if (m_failNext > 0) {
        --m_failNext;
        return makeError(ErrorCode::DiskFull,
            tr("The audit log could not be written, so the operation was not carried out. Free some disk "
               "space and try again."),
            QStringLiteral("injected failure"));
    }
    qint64 lastSeq = 0;
    QByteArray lastHash;
    {
        auto last = m_db.cached(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
        if (!last.ok())
            return last.error();
        if ((*last)->next()) {
            lastSeq = (*last)->value(0).toLongLong();
            lastHash = (*last)->value(1).toByteArray();
        }
        BV_TRY(rowsFinished(**last, Reading::AuditLog));
        (*last)->finish();
    }
    if (lastSeq == 0) {
        // An empty log either never had a row (the chain starts at the genesis hash) or was purged
        // completely (it continues from the anchor).
        auto anchor = m_db.cached(QStringLiteral("SELECT first_seq, prev_hash FROM audit_anchor WHERE id = 1"));
        if (!anchor.ok())
            return anchor.error();
        if ((*anchor)->next()) {
            lastSeq = (*anchor)->value(0).toLongLong() - 1;
            lastHash = (*anchor)->value(1).toByteArray();
        } else {
            BV_TRY(rowsFinished(**anchor, Reading::AuditLog));
            lastHash = genesisHash(m_databaseId);
        }
        (*anchor)->finish();
    }

    AuditRow row;
    row.seq = lastSeq + 1;
    // stored and hashed with millisecond precision
    const QDateTime now = m_clock.nowUtc();
    row.at = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
    row.workstation = m_workstation;
    row.userId = actor.userId;
    row.login = actor.login;
    if (actor.isSignedIn())
        row.role = Roles::key(actor.role);
    else if (actor.login == QLatin1String("system"))
        row.role = QStringLiteral("system"); // jobs and set-up: not a person
    else
        row.role = QString(); // someone who is not signed in (a failed sign-in)
    row.action = event.action;
    row.objectType = event.objectType;
    row.objectId = event.objectId;
    row.customerNo = event.customerNo;
    row.outcome = outcomeKey(event.outcome);
    QJsonObject details = event.details;
    if (!actor.sessionId.isEmpty())
        details.insert(QStringLiteral("session"), actor.sessionId);
    row.details = QString::fromUtf8(QJsonDocument(details).toJson(QJsonDocument::Compact));
    row.prevHash = lastHash;
    row.hash = rowHash(lastHash, row);

    auto insert = m_db.cached(QStringLiteral("INSERT INTO audit_log (") + kColumns
            + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {row.seq, row.at.toString(Qt::ISODateWithMs), row.workstation,
            row.userId > 0 ? QVariant(row.userId) : QVariant(QMetaType::fromType<qlonglong>()), row.login, row.role,
            row.action, row.objectType, row.objectId,
            row.customerNo.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.customerNo), row.outcome,
            row.details, row.prevHash, row.hash});
    if (!insert.ok())
        return makeError(insert.error().code == ErrorCode::Database ? ErrorCode::Database : insert.error().code,
            tr("The audit log could not be written, so the operation was not carried out. %1")
                .arg(insert.error().message),
            insert.error().detail);
    return {};
}

Status AuditLog::appendStandalone(const Actor& actor, const AuditEvent& event)
{
    if (m_db.inTransaction())
        return makeError(
            ErrorCode::Internal, tr("A standalone audit row was written inside a transaction."), event.action);
    Transaction tx(m_db);
    if (!tx.ok())
        return tx.error();
    BV_TRY(append(actor, event));
    return tx.commit();
}

Result<QList<AuditRow>> AuditLog::rows(const AuditFilter& filter) const
{
    QString sql = QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE seq > ?");
    QVariantList values {filter.afterSeq};
    if (filter.since.isValid()) {
        sql += QStringLiteral(" AND at >= ?");
        values << filter.since.toUTC().toString(Qt::ISODateWithMs);
    }
    if (filter.until.isValid()) {
        sql += QStringLiteral(" AND at < ?");
        values << filter.until.toUTC().toString(Qt::ISODateWithMs);
    }
    if (!filter.login.isEmpty()) {
        sql += QStringLiteral(" AND login = ? COLLATE NOCASE");
        values << filter.login;
    }
    if (!filter.action.isEmpty()) {
        if (filter.action.endsWith(QLatin1Char('.'))) {
            sql += QStringLiteral(" AND substr(action, 1, ?) = ?");
            values << filter.action.size() << filter.action;
        } else {
            sql += QStringLiteral(" AND action = ?");
            values << filter.action;
        }
    }
    if (!filter.actions.isEmpty()) {
        // one bound placeholder per action: the values never become SQL text
        QStringList marks;
        for (const QString& action : filter.actions) {
            marks << QStringLiteral("?");
            values << action;
        }
        sql += QStringLiteral(" AND action IN (") + marks.join(QLatin1Char(',')) + QLatin1Char(')');
    }
    if (!filter.customerNo.isEmpty()) {
        sql += QStringLiteral(" AND customer_no = ?");
        values << filter.customerNo;
    }
    if (!filter.outcome.isEmpty()) {
        sql += QStringLiteral(" AND outcome = ?");
        values << filter.outcome;
    }
    sql += QStringLiteral(" ORDER BY seq LIMIT ?");
    values << qBound(1, filter.limit, 100000);
    auto q = m_db.query(sql, values);
    if (!q.ok())
        return q.error();
    QList<AuditRow> rows;
    while (q->next())
        rows << rowFrom(*q);
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
    return rows;
}

Result<AuditLog::Chain> AuditLog::walk(const std::function<void(qint64)>& progress) const
{
    Chain chain;
    AuditVerification& result = chain.result;
    bool hasAnchor = false;
    qint64 anchorFirst = 0;
    QByteArray anchorHash;
    {
        auto anchor = m_db.query(QStringLiteral("SELECT first_seq, prev_hash FROM audit_anchor WHERE id = 1"));
        if (!anchor.ok())
            return anchor.error();
        if (anchor->next()) {
            hasAnchor = true;
            anchorFirst = anchor->value(0).toLongLong();
            anchorHash = anchor->value(1).toByteArray();
        }
        BV_TRY(rowsFinished(*anchor, Reading::AuditLog));
    }
    // The rows are read through the SQLite C API and hashed from the stored bytes by rowDigest, the encoder
    // rowHash() uses (the time is hashed as stored, which is the canonical text append() writes), without a
    // QVariant, QString or QDateTime per field, so a large log verifies at several hundred thousand rows a
    // second. A stored value that is not in canonical form fails, as it should.
    const QByteArray sql
        = (QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY seq")).toUtf8();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db.handle(), sql.constData(), int(sql.size()), &raw, nullptr) != SQLITE_OK)
        return Database::sqliteError(sqlite3_extended_errcode(m_db.handle()), readingContext(Reading::AuditLog),
            QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
    auto text = [raw](int index) {
        const auto* bytes = reinterpret_cast<const char*>(sqlite3_column_text(raw, index));
        return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(raw, index)) : QByteArrayView();
    };
    auto blob = [raw](int index) {
        const auto* bytes = static_cast<const char*>(sqlite3_column_blob(raw, index));
        return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(raw, index)) : QByteArrayView();
    };
    const QByteArrayView purgeAction(audit::AuditPurge);
    unsigned char digest[crypto_hash_sha256_BYTES];
    qint64 expectedSeq = 0;
    QByteArray prev;
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(raw, 0);
        const QByteArrayView storedPrev = blob(12);
        if (result.rowsChecked == 0) {
            // Where the stored chain starts. Whether that start is legal (row 1 from the genesis hash, or
            // a later row behind purge rows that record everything before it) is decided after the walk:
            // the purge rows come later in the chain than the rows they removed.
            chain.firstSeq = seq;
            chain.firstPrevHash = storedPrev.toByteArray();
            chain.firstAt = QDateTime::fromString(QString::fromUtf8(text(1)), Qt::ISODateWithMs);
            expectedSeq = seq;
            prev = chain.firstPrevHash;
        }
        if (seq != expectedSeq) {
            result.firstBrokenSeq = expectedSeq;
            result.problem = seq > expectedSeq
                ? tr("rows %1 to %2 are missing: deleted from the log").arg(expectedSeq).arg(seq - 1)
                : tr("row %1 appears twice").arg(seq);
            return chain;
        }
        if (storedPrev != QByteArrayView(prev)) {
            result.firstBrokenSeq = seq;
            result.problem = tr("row %1 does not continue from the row before it: a row was inserted, removed or "
                                "moved")
                                 .arg(seq);
            return chain;
        }
        const QByteArrayView userId
            = sqlite3_column_type(raw, 3) == SQLITE_NULL ? QByteArrayView("0") : text(3); // "0": the system actor
        rowDigest(prev,
            {text(0), text(1), text(2), userId, text(4), text(5), text(6), text(7), text(8), text(9), text(10),
                text(11)},
            digest);
        const QByteArrayView storedHash = blob(13);
        if (storedHash != QByteArrayView(reinterpret_cast<const char*>(digest), sizeof digest)) {
            result.firstBrokenSeq = seq;
            result.problem = tr("row %1 was changed after it was written").arg(seq);
            return chain;
        }
        if (text(6) == purgeAction) {
            if (auto record = purgeRecordFrom(seq, text(1), text(11)))
                chain.purges << *record;
        }
        prev.resize(storedHash.size()); // the same 32 bytes each time: no allocation per row
        memcpy(prev.data(), storedHash.data(), std::size_t(storedHash.size()));
        result.headSeq = seq;
        ++expectedSeq;
        ++result.rowsChecked;
        if (progress && (result.rowsChecked & 0xffff) == 0)
            progress(result.rowsChecked);
    }
    BV_TRY(rowsFinished(raw, rc, Reading::AuditLog));
    if (result.rowsChecked > 0)
        result.headHash = prev;
    result.firstSeq = chain.firstSeq;

    // The front of the log. The anchor is not trusted on its own: it must agree with the purge rows.
    auto broken = [&result](qint64 seq, const QString& problem) {
        result.firstBrokenSeq = seq;
        result.problem = problem;
    };
    auto unrecorded = [](qint64 from, qint64 through) {
        return tr("rows %1 to %2 are missing and no purge row records them: deleted from the log")
            .arg(from)
            .arg(through);
    };
    if (result.rowsChecked == 0) {
        if (hasAnchor)
            broken(1,
                tr("every row is missing, although rows were written (the anchor names row %1), and the purge "
                   "row that a purge keeps is gone too")
                    .arg(anchorFirst));
        return chain;
    }
    const qint64 first = chain.firstSeq;
    if (first == 1) {
        if (chain.firstPrevHash != genesisHash(m_databaseId))
            broken(
                1, tr("row %1 does not continue from the row before it: a row was inserted, removed or moved").arg(1));
        else if (!chain.purges.isEmpty())
            broken(chain.purges.constFirst().seq,
                tr("purge row %1 records rows %2 to %3 as purged, but row %4 is still in the log")
                    .arg(chain.purges.constFirst().seq)
                    .arg(chain.purges.constFirst().from)
                    .arg(chain.purges.constFirst().through)
                    .arg(1));
        else if (hasAnchor)
            broken(1,
                tr("the anchor says the kept chain starts at row %1, but no purge row records the rows before it")
                    .arg(anchorFirst));
        return chain;
    }
    // Rows 1 to first - 1 are missing. They must be exactly the ranges the stored purge rows record, one
    // after another, each a legal retention purge; the first of them may start later only when the purge
    // row that recorded the earlier rows was itself purged (it names that row as previousPurge).
    const QDateTime now = m_clock.nowUtc();
    qint64 covered = 0;
    const PurgeRecord* last = nullptr;
    for (const PurgeRecord& purge : std::as_const(chain.purges)) {
        if (purge.through >= first) {
            broken(purge.seq,
                tr("purge row %1 records rows %2 to %3 as purged, but row %4 is still in the log")
                    .arg(purge.seq)
                    .arg(purge.from)
                    .arg(purge.through)
                    .arg(std::max(first, purge.from)));
            return chain;
        }
        QString illegal;
        if (!purge.cutoff.isValid() || !purge.at.isValid() || purge.continuesFrom.size() != crypto_hash_sha256_BYTES
            || purge.from < 1 || purge.from > purge.through || purge.through >= purge.seq)
            illegal = tr("it does not record a valid range, cutoff and hash");
        else if (purge.rows >= 0 && purge.rows != purge.through - purge.from + 1)
            illegal = tr("it counts %1 rows in a range of %2").arg(purge.rows).arg(purge.through - purge.from + 1);
        else if (purge.cutoff > purge.at.addDays(-kMinimumRetentionDays))
            illegal = tr("its cutoff %1 is less than %2 days before the purge (%3): the rows were not past retention")
                          .arg(isoMs(purge.cutoff))
                          .arg(kMinimumRetentionDays)
                          .arg(isoMs(purge.at));
        else if (purge.at > now.addDays(1))
            illegal = tr("it is dated %1, later than today").arg(isoMs(purge.at));
        if (!illegal.isEmpty()) {
            broken(covered + 1,
                tr("rows %1 to %2 are missing: purge row %3, which records them, is not a legal retention purge: "
                   "%4")
                    .arg(covered + 1)
                    .arg(purge.through)
                    .arg(purge.seq)
                    .arg(illegal));
            return chain;
        }
        if (purge.from <= covered) {
            broken(purge.seq,
                tr("purge row %1 records rows %2 to %3, but an earlier purge row already records rows up to %4")
                    .arg(purge.seq)
                    .arg(purge.from)
                    .arg(purge.through)
                    .arg(covered));
            return chain;
        }
        const bool earlierRecordPurged = covered == 0 && purge.from > 1
            && (purge.legacy || (purge.previous >= purge.from && purge.previous <= purge.through));
        if (purge.from > covered + 1 && !earlierRecordPurged) {
            broken(covered + 1, unrecorded(covered + 1, purge.from - 1));
            return chain;
        }
        const qint64 expectedPrevious = last ? last->seq : 0;
        if (!purge.legacy && !earlierRecordPurged && purge.previous != expectedPrevious) {
            broken(purge.seq,
                tr("purge row %1 names row %2 as the purge before it, but that is row %3")
                    .arg(purge.seq)
                    .arg(purge.previous)
                    .arg(expectedPrevious));
            return chain;
        }
        covered = purge.through;
        last = &purge;
    }
    if (covered < first - 1) {
        broken(covered + 1, unrecorded(covered + 1, first - 1));
        return chain;
    }
    if (chain.firstPrevHash != last->continuesFrom) {
        broken(first, tr("row %1 does not continue from the hash that purge row %2 records").arg(first).arg(last->seq));
        return chain;
    }
    // A purge removes everything before the first row at or after its cutoff: the row it left first is
    // not older than the cutoff.
    if (!chain.firstAt.isValid() || chain.firstAt < last->cutoff) {
        broken(first,
            tr("row %1 is older than the cutoff of purge row %2, which removed the rows before it")
                .arg(first)
                .arg(last->seq));
        return chain;
    }
    if (!hasAnchor || anchorFirst != first || anchorHash != last->continuesFrom)
        broken(first,
            tr("the anchor, which says where the kept chain starts, does not agree with purge row %1").arg(last->seq));
    return chain;
}

Result<AuditVerification> AuditLog::verify(const std::function<void(qint64)>& progress) const
{
    auto chain = walk(progress);
    if (!chain.ok())
        return chain.error();
    return chain->result;
}

Result<qint64> AuditLog::purgeOlderThan(const QDateTime& cutoff, const Actor& actor)
{
    const QDateTime latest = m_clock.nowUtc().addDays(-kMinimumRetentionDays);
    if (!cutoff.isValid() || cutoff > latest)
        return makeError(ErrorCode::InvalidInput,
            tr("Audit rows are kept for at least %1 days: the purge cutoff %2 is later than %3, so rows younger "
               "than that would be deleted. Nothing was purged; purge with a cutoff of %3 or earlier.")
                .arg(kMinimumRetentionDays)
                .arg(cutoff.isValid() ? isoMs(cutoff) : QStringLiteral("-"), isoMs(latest)),
            QString(), QStringLiteral("cutoff"));
    const QString cut = isoMs(cutoff);
    // The purged rows are a prefix of the chain: everything before the first row at or after the cutoff.
    auto firstKept = m_db.scalar(QStringLiteral("SELECT min(seq) FROM audit_log WHERE at >= ?"), {cut});
    if (!firstKept.ok())
        return firstKept.error();
    auto lastPurged = m_db.scalar(firstKept->isNull() ? QStringLiteral("SELECT max(seq) FROM audit_log")
                                                      : QStringLiteral("SELECT max(seq) FROM audit_log WHERE seq < ?"),
        firstKept->isNull() ? QVariantList {} : QVariantList {*firstKept});
    if (!lastPurged.ok())
        return lastPurged.error();
    if (lastPurged->isNull())
        return qint64(0);
    const qint64 through = lastPurged->toLongLong();
    auto firstPurged = m_db.scalar(QStringLiteral("SELECT min(seq) FROM audit_log"));
    if (!firstPurged.ok())
        return firstPurged.error();
    const qint64 from = firstPurged->toLongLong();
    auto continuesFrom = m_db.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"), {through});
    if (!continuesFrom.ok())
        return continuesFrom.error();
    auto counted = m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE seq <= ?"), {through});
    if (!counted.ok())
        return counted.error();
    const qint64 rows = counted->toLongLong();
    if (rows != through - from + 1)
        return makeError(ErrorCode::Damaged,
            tr("The audit log has rows missing between row %1 and row %2, so it was not purged: a purge would "
               "hide the gap. Run audit verify, keep the database file as it is and report it to the "
               "information-security office.")
                .arg(from)
                .arg(through));
    // The purge row that a later purge removed, or the one still in the log: the verifier follows the chain
    // of purge rows back through it.
    auto previous = m_db.scalar(QStringLiteral("SELECT max(seq) FROM audit_log WHERE action = ? AND "
                                               "json_extract(details, '$.purgedThrough') IS NOT NULL"),
        {QString::fromLatin1(audit::AuditPurge)});
    if (!previous.ok())
        return previous.error();

    // 1. The chained purge row that records exactly what is about to go, before anything goes.
    BV_TRY(append(actor,
        AuditEvent {QString::fromLatin1(audit::AuditPurge), QStringLiteral("audit_log"), QString::number(through),
            QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("purgedFrom"), from}, {QStringLiteral("purgedThrough"), through},
                {QStringLiteral("rows"), rows}, {QStringLiteral("cutoff"), cut},
                {QStringLiteral("continuesFrom"), QString::fromLatin1(continuesFrom->toByteArray().toHex())},
                {QStringLiteral("previousPurge"), previous->isNull() ? 0 : previous->toLongLong()}}}));
    auto purgeSeq = m_db.scalar(QStringLiteral("SELECT max(seq) FROM audit_log"));
    if (!purgeSeq.ok())
        return purgeSeq.error();

    // 2. The gate, open for this range, this purge row and a token nobody else knows, for this DELETE only.
    PurgeGate* gate = installPurgeGate(m_db.handle());
    if (!gate)
        return makeError(ErrorCode::Database,
            tr("The audit log could not be purged: the purge gate could not be set up. Nothing was purged; try "
               "again, and report it to the developers if it happens again."),
            QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
    const std::unique_ptr<PurgeGate, void (*)(PurgeGate*)> closeGate(gate, [](PurgeGate* g) { g->close(); });
    randombytes_buf(gate->token, sizeof gate->token);
    gate->purgeSeq = purgeSeq->toLongLong();
    gate->first = from;
    gate->last = through;
    gate->open = true;
    const QByteArray token(reinterpret_cast<const char*>(gate->token), sizeof gate->token);
    BV_TRY(m_db.exec(QStringLiteral("INSERT INTO audit_purge_gate (token, purge_seq, first_seq, last_seq) "
                                    "VALUES (?, ?, ?, ?)"),
        {token, gate->purgeSeq, from, through}));
    qint64 deleted = -1;
    {
        // not a cached statement: the trigger program it carries must not outlive this purge
        auto removed = m_db.query(QStringLiteral("DELETE FROM audit_log WHERE seq BETWEEN ? AND ?"), {from, through});
        if (!removed.ok())
            return removed.error();
        deleted = removed->numRowsAffected();
    }
    gate->close();
    BV_TRY(m_db.exec(QStringLiteral("DELETE FROM audit_purge_gate")));
    if (deleted != rows)
        return makeError(ErrorCode::Internal,
            tr("The audit purge deleted %1 rows instead of %2; nothing was purged.").arg(deleted).arg(rows));

    // 3. Where the kept chain starts (the purge row above says the same; the verifier compares them).
    BV_TRY(m_db.exec(QStringLiteral("INSERT INTO audit_anchor (id, first_seq, prev_hash) VALUES (1, ?, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET first_seq = excluded.first_seq, "
                                    "prev_hash = excluded.prev_hash"),
        {through + 1, continuesFrom->toByteArray()}));
    return rows;
}

} // namespace bv
