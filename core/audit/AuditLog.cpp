#include "AuditLog.h"

#include "AuditActions.h"
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

#include <memory>

namespace bv {

namespace {

void appendField(QByteArray& out, const QByteArray& bytes)
{
    char length[4];
    qToBigEndian<quint32>(quint32(bytes.size()), length);
    out.append(length, 4);
    out.append(bytes);
}

QByteArray sha256(const QByteArray& data)
{
    QByteArray out(crypto_hash_sha256_BYTES, Qt::Uninitialized);
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(out.data()),
        reinterpret_cast<const unsigned char*>(data.constData()), std::size_t(data.size()));
    return out;
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
}

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
    // Canonical encoding v1: a tag, then every field as 4-byte big-endian length + UTF-8 bytes, in a
    // fixed order; the time exactly as stored (UTC, milliseconds).
    QByteArray encoding = QByteArrayLiteral("bv-audit-v1");
    appendField(encoding, prevHash);
    appendField(encoding, QByteArray::number(row.seq));
    appendField(encoding, row.at.toUTC().toString(Qt::ISODateWithMs).toUtf8());
    appendField(encoding, row.workstation.toUtf8());
    appendField(encoding, QByteArray::number(row.userId));
    appendField(encoding, row.login.toUtf8());
    appendField(encoding, row.role.toUtf8());
    appendField(encoding, row.action.toUtf8());
    appendField(encoding, row.objectType.toUtf8());
    appendField(encoding, row.objectId.toUtf8());
    appendField(encoding, row.customerNo.toUtf8());
    appendField(encoding, row.outcome.toUtf8());
    appendField(encoding, row.details.toUtf8());
    return sha256(encoding);
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

Result<AuditVerification> AuditLog::verify(const std::function<void(qint64)>& progress) const
{
    AuditVerification result;
    qint64 expectedSeq = 1;
    QByteArray prev = genesisHash(m_databaseId);
    {
        auto anchor = m_db.query(QStringLiteral("SELECT first_seq, prev_hash FROM audit_anchor WHERE id = 1"));
        if (!anchor.ok())
            return anchor.error();
        if (anchor->next()) {
            expectedSeq = anchor->value(0).toLongLong();
            prev = anchor->value(1).toByteArray();
        }
        BV_TRY(rowsFinished(*anchor, Reading::AuditLog));
    }
    // The rows are read through the SQLite C API and hashed from the stored bytes: the encoding of
    // rowHash() (the time is hashed as stored, which is the canonical text append() writes), without a
    // QVariant, QString or QDateTime per field, so a large log verifies at several hundred thousand
    // rows a second. A stored value that is not in canonical form fails, as it should.
    const QByteArray sql
        = (QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log ORDER BY seq")).toUtf8();
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(m_db.handle(), sql.constData(), int(sql.size()), &raw, nullptr) != SQLITE_OK)
        return Database::sqliteError(sqlite3_extended_errcode(m_db.handle()), readingContext(Reading::AuditLog),
            QString::fromUtf8(sqlite3_errmsg(m_db.handle())));
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, &sqlite3_finalize);
    unsigned char digest[crypto_hash_sha256_BYTES];
    auto field = [](crypto_hash_sha256_state& state, const void* bytes, int size) {
        unsigned char length[4];
        qToBigEndian<quint32>(quint32(size), length);
        crypto_hash_sha256_update(&state, length, 4);
        if (size > 0)
            crypto_hash_sha256_update(&state, static_cast<const unsigned char*>(bytes), std::size_t(size));
    };
    auto column = [&](crypto_hash_sha256_state& state, int index) {
        const unsigned char* text = sqlite3_column_text(raw, index);
        field(state, text, text ? sqlite3_column_bytes(raw, index) : 0);
    };
    int rc = SQLITE_ROW;
    while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
        const qint64 seq = sqlite3_column_int64(raw, 0);
        if (seq != expectedSeq) {
            result.firstBrokenSeq = expectedSeq;
            result.problem = seq > expectedSeq
                ? tr("rows %1 to %2 are missing: deleted from the log").arg(expectedSeq).arg(seq - 1)
                : tr("row %1 appears twice").arg(seq);
            return result;
        }
        const QByteArrayView storedPrev(
            static_cast<const char*>(sqlite3_column_blob(raw, 12)), sqlite3_column_bytes(raw, 12));
        if (storedPrev != QByteArrayView(prev)) {
            result.firstBrokenSeq = seq;
            result.problem = tr("row %1 does not continue from the row before it: a row was inserted, removed or "
                                "moved")
                                 .arg(seq);
            return result;
        }
        crypto_hash_sha256_state state;
        crypto_hash_sha256_init(&state);
        crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>("bv-audit-v1"), 11);
        field(state, prev.constData(), int(prev.size()));
        column(state, 0); // seq as decimal text
        column(state, 1); // at, as stored
        column(state, 2); // workstation
        if (sqlite3_column_type(raw, 3) == SQLITE_NULL)
            field(state, "0", 1); // the system actor
        else
            column(state, 3);
        for (int i = 4; i <= 11; ++i) // login, role, action, object type and id, customer no, outcome, details
            column(state, i);
        crypto_hash_sha256_final(&state, digest);
        const QByteArrayView storedHash(
            static_cast<const char*>(sqlite3_column_blob(raw, 13)), sqlite3_column_bytes(raw, 13));
        if (storedHash != QByteArrayView(reinterpret_cast<const char*>(digest), sizeof digest)) {
            result.firstBrokenSeq = seq;
            result.problem = tr("row %1 was changed after it was written").arg(seq);
            return result;
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
    return result;
}

Result<AuditCheckpoint> AuditLog::head() const
{
    auto q = m_db.query(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"));
    if (!q.ok())
        return q.error();
    AuditCheckpoint checkpoint;
    checkpoint.databaseId = m_databaseId;
    checkpoint.created = m_clock.nowUtc();
    if (q->next()) {
        checkpoint.seq = q->value(0).toLongLong();
        checkpoint.hash = q->value(1).toByteArray();
    } else {
        BV_TRY(rowsFinished(*q, Reading::AuditLog));
        checkpoint.hash = genesisHash(m_databaseId);
    }
    return checkpoint;
}

Result<AuditVerification> AuditLog::verifyAgainst(const AuditCheckpoint& checkpoint) const
{
    auto chain = verify();
    if (!chain.ok() || !chain->ok())
        return chain;
    AuditVerification result = *chain;
    if (checkpoint.databaseId != m_databaseId) {
        result.problem = tr("the checkpoint belongs to another database");
        return result;
    }
    if (checkpoint.seq > result.headSeq) {
        result.firstBrokenSeq = result.headSeq + 1;
        result.problem = tr("the log ends at row %1, but the checkpoint names row %2: the log was truncated")
                             .arg(result.headSeq)
                             .arg(checkpoint.seq);
        return result;
    }
    if (checkpoint.seq == 0) {
        // a checkpoint of the empty log names the genesis hash
        if (checkpoint.hash != genesisHash(m_databaseId))
            result.problem = tr("the checkpoint of the empty log does not name this database's first hash");
        return result;
    }
    auto anchor = m_db.query(QStringLiteral("SELECT first_seq, prev_hash FROM audit_anchor WHERE id = 1"));
    if (!anchor.ok())
        return anchor.error();
    qint64 firstSeq = 1;
    QByteArray anchorHash;
    if (anchor->next()) {
        firstSeq = anchor->value(0).toLongLong();
        anchorHash = anchor->value(1).toByteArray();
    }
    BV_TRY(rowsFinished(*anchor, Reading::AuditLog));
    if (checkpoint.seq < firstSeq) {
        if (checkpoint.seq == firstSeq - 1 && checkpoint.hash == anchorHash)
            return result; // the checkpoint names the last purged row, which the chain continues from
        result.problem = tr("row %1 of the checkpoint was purged under the retention rules; this checkpoint can no "
                            "longer be compared")
                             .arg(checkpoint.seq);
        return result;
    }
    auto q = m_db.query(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"), {checkpoint.seq});
    if (!q.ok())
        return q.error();
    const bool found = q->next();
    BV_TRY(rowsFinished(*q, Reading::AuditLog));
    if (!found || q->value(0).toByteArray() != checkpoint.hash) {
        result.firstBrokenSeq = checkpoint.seq;
        result.problem = tr("row %1 differs from the checkpoint: the log was rewritten since the checkpoint was taken")
                             .arg(checkpoint.seq);
    }
    return result;
}

Result<qint64> AuditLog::purgeOlderThan(const QDateTime& cutoff, const Actor& actor)
{
    const QString cut = cutoff.toUTC().toString(Qt::ISODateWithMs);
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
    auto continuesFrom = m_db.scalar(QStringLiteral("SELECT hash FROM audit_log WHERE seq = ?"), {through});
    if (!continuesFrom.ok())
        return continuesFrom.error();
    auto counted = m_db.scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE seq <= ?"), {through});
    if (!counted.ok())
        return counted.error();

    BV_TRY(m_db.exec(QStringLiteral("INSERT INTO audit_purge_gate (cutoff) VALUES (?)"), {cut}));
    auto deleted = m_db.query(QStringLiteral("DELETE FROM audit_log WHERE seq <= ?"), {through});
    BV_TRY(m_db.exec(QStringLiteral("DELETE FROM audit_purge_gate")));
    if (!deleted.ok())
        return deleted.error();
    BV_TRY(m_db.exec(QStringLiteral("INSERT INTO audit_anchor (id, first_seq, prev_hash) VALUES (1, ?, ?) "
                                    "ON CONFLICT (id) DO UPDATE SET first_seq = excluded.first_seq, "
                                    "prev_hash = excluded.prev_hash"),
        {through + 1, continuesFrom->toByteArray()}));
    BV_TRY(append(actor,
        AuditEvent {QString::fromLatin1(audit::AuditPurge), QStringLiteral("audit_log"), QString::number(through),
            QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("purgedThrough"), through}, {QStringLiteral("rows"), counted->toLongLong()},
                {QStringLiteral("cutoff"), cut},
                {QStringLiteral("continuesFrom"), QString::fromLatin1(continuesFrom->toByteArray().toHex())}}}));
    return counted->toLongLong();
}

QString AuditCheckpoint::toText() const
{
    const QString body = QStringLiteral("BranchVault audit checkpoint\n"
                                        "database: %1\n"
                                        "sequence: %2\n"
                                        "hash: %3\n"
                                        "created: %4\n")
                             .arg(databaseId)
                             .arg(seq)
                             .arg(QString::fromLatin1(hash.toHex()), created.toUTC().toString(Qt::ISODate));
    const QByteArray check = QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex();
    return body + QStringLiteral("check: ") + QString::fromLatin1(check) + QLatin1Char('\n');
}

Result<AuditCheckpoint> AuditCheckpoint::parse(const QString& text)
{
    const qsizetype checkAt = text.indexOf(QLatin1String("check: "));
    auto invalid = [](const QString& why) {
        return makeError(ErrorCode::Damaged,
            AuditLog::tr("The checkpoint file is not valid (%1). Use the checkpoint exactly as it was "
                         "exported.")
                .arg(why));
    };
    if (!text.startsWith(QLatin1String("BranchVault audit checkpoint\n")) || checkAt < 0)
        return invalid(AuditLog::tr("not a BranchVault audit checkpoint"));
    const QString body = text.left(checkAt);
    const QString check = text.mid(checkAt + 7).trimmed();
    if (QCryptographicHash::hash(body.toUtf8(), QCryptographicHash::Sha256).toHex() != check.toLatin1())
        return invalid(AuditLog::tr("its check line does not match its content"));
    AuditCheckpoint checkpoint;
    for (const QString& line : body.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString key = line.section(QStringLiteral(": "), 0, 0);
        const QString value = line.section(QStringLiteral(": "), 1);
        if (key == QLatin1String("database"))
            checkpoint.databaseId = value;
        else if (key == QLatin1String("sequence"))
            checkpoint.seq = value.toLongLong();
        else if (key == QLatin1String("hash"))
            checkpoint.hash = QByteArray::fromHex(value.toLatin1());
        else if (key == QLatin1String("created"))
            checkpoint.created = QDateTime::fromString(value, Qt::ISODate);
    }
    if (checkpoint.databaseId.isEmpty() || checkpoint.hash.size() != 32)
        return invalid(AuditLog::tr("a line is missing"));
    return checkpoint;
}

} // namespace bv
