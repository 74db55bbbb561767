#include "core/internal/audit/AuditLog.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLogInternal.h"
#include "core/internal/audit/AuditRepository.h"
#include "core/internal/db/AuditPurgeGate.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"

#include <QJsonDocument>
#include <QSysInfo>
#include <QtEndian>

#include <sodium.h>

#include <array>
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

} // namespace

AuditLog::AuditLog(Database& db, QString databaseId, const Clock& clock)
    : m_db(db)
    , m_repo(std::make_unique<AuditRepository>(db))
    , m_databaseId(std::move(databaseId))
    , m_clock(clock)
    , m_workstation(QSysInfo::machineHostName())
{
    // The delete trigger calls the gate function; without it a DELETE would fail with "no such function"
    // instead of the trigger's own message. purgeOlderThan registers a fresh one for each purge.
    AuditPurgeGate::installClosed(m_db);
}

AuditLog::~AuditLog() = default;

QString auditOutcomeKey(AuditOutcome outcome)
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
    return appendMany(actor, {event});
}

Status AuditLog::appendMany(const Actor& actor, const QList<AuditEvent>& events)
{
    if (events.isEmpty())
        return {};
    if (m_failNext > 0) {
        --m_failNext;
        return makeError(ErrorCode::DiskFull,
            tr("The audit log could not be written, so the operation was not carried out. Free some disk "
               "space and try again."),
            QStringLiteral("injected failure"));
    }
    qint64 lastSeq = 0;
    QByteArray lastHash;
    auto newest = m_repo->newest();
    if (!newest.ok())
        return newest.error();
    if (*newest) {
        lastSeq = (*newest)->seq;
        lastHash = (*newest)->hash;
    } else {
        // An empty log either never had a row (the chain starts at the genesis hash) or was purged
        // completely (it continues from the anchor).
        auto anchor = m_repo->anchor();
        if (!anchor.ok())
            return anchor.error();
        if (*anchor) {
            lastSeq = (*anchor)->seq - 1;
            lastHash = (*anchor)->hash;
        } else {
            lastHash = genesisHash(m_databaseId);
        }
    }

    // The same time for every row of one call (stored and hashed with millisecond precision), each row chained to
    // the one before it exactly as if appended one by one.
    const QDateTime now = m_clock.nowUtc();
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
    QString role;
    if (actor.isSignedIn())
        role = Roles::key(actor.role);
    else if (actor.login == QLatin1String("system"))
        role = QStringLiteral("system"); // jobs and set-up: not a person
    // else: someone who is not signed in (a failed sign-in), no role
    QList<AuditRow> rows;
    rows.reserve(events.size());
    for (const AuditEvent& event : events) {
        AuditRow row;
        row.seq = ++lastSeq;
        row.at = at;
        row.workstation = m_workstation;
        row.userId = actor.userId;
        row.login = actor.login;
        row.role = role;
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
        lastHash = row.hash;
        rows.append(std::move(row));
    }

    const Status insert = rows.size() == 1 ? m_repo->insert(rows.constFirst()) : m_repo->insertMany(rows);
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
    return m_repo->rows(filter);
}

Result<AuditLog::Chain> AuditLog::walk(const std::function<void(qint64)>& progress) const
{
    return walk(*m_repo, m_databaseId, m_clock.nowUtc(), progress);
}

Result<AuditVerification> AuditLog::verifyChain(AuditChainSource& source, const QString& databaseId,
    const QDateTime& now, const std::function<void(qint64)>& progress)
{
    auto chain = walk(source, databaseId, now, progress);
    if (!chain.ok())
        return chain.error();
    return chain->result;
}

Result<AuditLog::Chain> AuditLog::walk(AuditChainSource& source, const QString& databaseId, const QDateTime& now,
    const std::function<void(qint64)>& progress)
{
    Chain chain;
    AuditVerification& result = chain.result;
    bool hasAnchor = false;
    qint64 anchorFirst = 0;
    QByteArray anchorHash;
    {
        auto anchor = source.anchor();
        if (!anchor.ok())
            return anchor.error();
        if (*anchor) {
            hasAnchor = true;
            anchorFirst = (*anchor)->seq;
            anchorHash = (*anchor)->hash;
        }
    }
    // The rows are read as stored (AuditRepository::scanChain, through the engine's raw reader in core/db/) and
    // hashed from the stored bytes by rowDigest, the encoder rowHash() uses (the time is hashed as stored, which
    // is the canonical text append() writes), without a QVariant, QString or QDateTime per field, so a large log
    // verifies at several hundred thousand rows a second. A stored value that is not in canonical form fails, as
    // it should.
    using C = AuditRepository::Column;
    const QByteArrayView purgeAction(audit::AuditPurge);
    unsigned char digest[crypto_hash_sha256_BYTES];
    qint64 expectedSeq = 0;
    QByteArray prev;
    bool stopped = false;
    auto visit = [&](const RawRow& row) -> bool {
        const qint64 seq = row.int64(C::Seq);
        const QByteArrayView storedPrev = row.blob(C::PrevHash);
        if (result.rowsChecked == 0) {
            // Where the stored chain starts. Whether that start is legal (row 1 from the genesis hash, or
            // a later row behind purge rows that record everything before it) is decided after the walk:
            // the purge rows come later in the chain than the rows they removed.
            chain.firstSeq = seq;
            chain.firstPrevHash = storedPrev.toByteArray();
            chain.firstAt = QDateTime::fromString(QString::fromUtf8(row.text(C::At)), Qt::ISODateWithMs);
            expectedSeq = seq;
            prev = chain.firstPrevHash;
        }
        if (seq != expectedSeq) {
            result.firstBrokenSeq = expectedSeq;
            result.problem = seq > expectedSeq
                ? tr("rows %1 to %2 are missing: deleted from the log").arg(expectedSeq).arg(seq - 1)
                : tr("row %1 appears twice").arg(seq);
            stopped = true;
            return false;
        }
        if (storedPrev != QByteArrayView(prev)) {
            result.firstBrokenSeq = seq;
            result.problem = tr("row %1 does not continue from the row before it: a row was inserted, removed or "
                                "moved")
                                 .arg(seq);
            stopped = true;
            return false;
        }
        // "0": the system actor (asked before the text, which would convert the value)
        const QByteArrayView userId = row.isNull(C::UserId) ? QByteArrayView("0") : row.text(C::UserId);
        rowDigest(prev,
            {row.text(C::Seq), row.text(C::At), row.text(C::Workstation), userId, row.text(C::Login), row.text(C::Role),
                row.text(C::Action), row.text(C::ObjectType), row.text(C::ObjectId), row.text(C::CustomerNo),
                row.text(C::Outcome), row.text(C::Details)},
            digest);
        const QByteArrayView storedHash = row.blob(C::Hash);
        if (storedHash != QByteArrayView(reinterpret_cast<const char*>(digest), sizeof digest)) {
            result.firstBrokenSeq = seq;
            result.problem = tr("row %1 was changed after it was written").arg(seq);
            stopped = true;
            return false;
        }
        if (row.text(C::Action) == purgeAction) {
            if (auto record = purgeRecordFrom(seq, row.text(C::At), row.text(C::Details)))
                chain.purges << *record;
        }
        prev.resize(storedHash.size()); // the same 32 bytes each time: no allocation per row
        memcpy(prev.data(), storedHash.data(), std::size_t(storedHash.size()));
        result.headSeq = seq;
        ++expectedSeq;
        ++result.rowsChecked;
        if (progress && (result.rowsChecked & 0xffff) == 0)
            progress(result.rowsChecked);
        return true;
    };
    BV_TRY(source.scanChain(visit));
    if (stopped)
        return chain;
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
        if (chain.firstPrevHash != genesisHash(databaseId))
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
    // A broken chain is not purged: the purge would take the evidence with it (rows deleted at the front, which the
    // purge row would then claim, or a row changed among the purged ones).
    auto verification = verify();
    if (!verification.ok())
        return verification.error();
    if (!verification->ok())
        return makeError(ErrorCode::Damaged,
            tr("The audit log is broken at row %1 (%2), so it was not purged: a purge would hide it. Run audit verify, "
               "keep the database file as it is and report it to the information-security office.")
                .arg(verification->firstBrokenSeq)
                .arg(verification->problem));
    const QString cut = isoMs(cutoff);
    // The purged rows are a prefix of the chain: everything before the first row at or after the cutoff.
    auto firstKept = m_repo->firstSeqAtOrAfter(cut);
    if (!firstKept.ok())
        return firstKept.error();
    auto lastPurged = m_repo->lastSeqBefore(*firstKept);
    if (!lastPurged.ok())
        return lastPurged.error();
    if (!*lastPurged)
        return qint64(0);
    const qint64 through = **lastPurged;
    auto firstPurged = m_repo->firstSeq();
    if (!firstPurged.ok())
        return firstPurged.error();
    const qint64 from = *firstPurged;
    auto continuesFrom = m_repo->hashOf(through);
    if (!continuesFrom.ok())
        return continuesFrom.error();
    const QByteArray continuesFromHash = continuesFrom->value_or(QByteArray());
    auto counted = m_repo->countThrough(through);
    if (!counted.ok())
        return counted.error();
    const qint64 rows = *counted;
    if (rows != through - from + 1)
        return makeError(ErrorCode::Damaged,
            tr("The audit log has rows missing between row %1 and row %2, so it was not purged: a purge would "
               "hide the gap. Run audit verify, keep the database file as it is and report it to the "
               "information-security office.")
                .arg(from)
                .arg(through));
    // The purge row that a later purge removed, or the one still in the log: the verifier follows the chain
    // of purge rows back through it.
    auto previous = m_repo->lastRangePurge(QString::fromLatin1(audit::AuditPurge));
    if (!previous.ok())
        return previous.error();

    // 1. The chained purge row that records exactly what is about to go, before anything goes.
    BV_TRY(append(actor,
        AuditEvent {QString::fromLatin1(audit::AuditPurge), QStringLiteral("audit_log"), QString::number(through),
            QString(), AuditOutcome::Ok,
            QJsonObject {{QStringLiteral("purgedFrom"), from}, {QStringLiteral("purgedThrough"), through},
                {QStringLiteral("rows"), rows}, {QStringLiteral("cutoff"), cut},
                {QStringLiteral("continuesFrom"), QString::fromLatin1(continuesFromHash.toHex())},
                {QStringLiteral("previousPurge"), previous->value_or(0)}}}));
    auto purgeSeq = m_repo->lastSeqBefore(std::nullopt);
    if (!purgeSeq.ok())
        return purgeSeq.error();

    // 2. The gate, open for this range, this purge row and a token nobody else knows, for this DELETE only.
    AuditPurgeGate gate(m_db, purgeSeq->value_or(0), from, through);
    BV_TRY(gate.status());
    auto deleted = m_repo->deleteThroughGate(gate.token(), purgeSeq->value_or(0), from, through);
    gate.close();
    if (!deleted.ok())
        return deleted.error();
    if (*deleted != rows)
        return makeError(ErrorCode::Internal,
            tr("The audit purge deleted %1 rows instead of %2; nothing was purged.").arg(*deleted).arg(rows));

    // 3. Where the kept chain starts (the purge row above says the same; the verifier compares them).
    BV_TRY(m_repo->setAnchor(through + 1, continuesFromHash));
    return rows;
}

} // namespace bv
