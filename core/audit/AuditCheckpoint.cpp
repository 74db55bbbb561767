// Checkpoints of the audit log: what one names (head(); chainHead() for any AuditChainSource, such as the branch
// server's chain), the comparison with a later state of the log (verifyAgainst; verifyChainAgainst) and the exported
// text form (docs/AUDIT.md).
#include "core/internal/audit/AuditLog.h"
#include "core/internal/audit/AuditLogInternal.h"
#include "core/internal/audit/AuditRepository.h"

#include <QCryptographicHash>
#include <QStringList>

namespace bv {

Result<AuditCheckpoint> AuditLog::head() const
{
    return chainHead(*m_repo, m_databaseId, m_clock.nowUtc());
}

Result<AuditCheckpoint> AuditLog::chainHead(AuditChainSource& source, const QString& databaseId, const QDateTime& now)
{
    AuditCheckpoint checkpoint;
    checkpoint.databaseId = databaseId;
    checkpoint.created = now;
    auto span = source.span();
    if (!span.ok())
        return span.error();
    checkpoint.rowCount = span->count;
    checkpoint.firstSeq = span->first;
    checkpoint.seq = span->last;
    if (checkpoint.rowCount <= 0) {
        // a checkpoint of the empty log names the genesis hash
        checkpoint.rowCount = 0;
        checkpoint.firstSeq = 1;
        checkpoint.seq = 0;
        checkpoint.hash = genesisHash(databaseId);
        return checkpoint;
    }
    auto ends = source.ends(checkpoint.firstSeq, checkpoint.seq);
    if (!ends.ok())
        return ends.error();
    for (const AuditRow& end : std::as_const(*ends)) {
        if (end.seq == checkpoint.firstSeq)
            checkpoint.firstAt = end.at;
        if (end.seq == checkpoint.seq) {
            checkpoint.headAt = end.at;
            checkpoint.hash = end.hash;
        }
    }
    return checkpoint;
}

Result<AuditVerification> AuditLog::verifyAgainst(const AuditCheckpoint& checkpoint) const
{
    return verifyChainAgainst(*m_repo, m_databaseId, m_clock.nowUtc(), checkpoint);
}

Result<AuditVerification> AuditLog::verifyChainAgainst(
    AuditChainSource& source, const QString& databaseId, const QDateTime& now, const AuditCheckpoint& checkpoint)
{
    auto walked = walk(source, databaseId, now, {});
    if (!walked.ok())
        return walked.error();
    const Chain& chain = *walked;
    AuditVerification result = chain.result;
    if (!result.ok())
        return result;
    if (checkpoint.databaseId != databaseId) {
        result.problem = tr("the checkpoint belongs to another database");
        return result;
    }
    const bool counted = checkpoint.format >= 2;
    if (counted) {
        const qint64 span = checkpoint.seq >= checkpoint.firstSeq ? checkpoint.seq - checkpoint.firstSeq + 1 : 0;
        if (checkpoint.firstSeq < 1 || checkpoint.rowCount != span) {
            result.problem = tr("the checkpoint counts %n rows from row %1 to row %2: the log already had rows "
                                "missing when it was taken",
                nullptr, int(checkpoint.rowCount))
                                 .arg(checkpoint.firstSeq)
                                 .arg(checkpoint.seq);
            return result;
        }
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
        if (checkpoint.hash != genesisHash(databaseId))
            result.problem = tr("the checkpoint of the empty log does not name this database's first hash");
        return result;
    }
    // Every row from the checkpoint's first to its head was there when it was taken. Those missing now
    // must have been removed by a purge after the checkpoint, and legally: a purged row is older than the
    // purge's cutoff, and the checkpoint knows when its first row and its head were written.
    const qint64 low = counted ? checkpoint.firstSeq : checkpoint.seq;
    const qint64 first = chain.firstSeq;
    auto purgeOf = [&chain](qint64 seq) -> const PurgeRecord* {
        for (const PurgeRecord& purge : chain.purges) {
            if (purge.through >= seq)
                return &purge;
        }
        return nullptr;
    };
    auto youngerThanCutoff = [](qint64 seq, const QDateTime& at, const PurgeRecord& purge) {
        return tr("row %1 was written %2, after the cutoff %3 of purge row %4 that removed it: it was not past "
                  "retention, the purge row is forged")
            .arg(seq)
            .arg(isoMs(at), isoMs(purge.cutoff))
            .arg(purge.seq);
    };
    if (first > low) {
        const PurgeRecord* purge = purgeOf(low);
        if (!purge || purge->seq <= checkpoint.seq) {
            result.firstBrokenSeq = low;
            result.problem = tr("row %1 was in the log when the checkpoint was taken, but a purge row written "
                                "before the checkpoint records it as purged: the log was rewritten")
                                 .arg(low);
            return result;
        }
        if (counted && checkpoint.firstAt.isValid() && purge->cutoff <= checkpoint.firstAt) {
            result.firstBrokenSeq = low;
            result.problem = youngerThanCutoff(low, checkpoint.firstAt, *purge);
            return result;
        }
        if (first > checkpoint.seq) {
            const PurgeRecord* atHead = purgeOf(checkpoint.seq);
            if (counted && atHead && checkpoint.headAt.isValid() && atHead->cutoff <= checkpoint.headAt) {
                result.firstBrokenSeq = std::max(low, atHead->from);
                result.problem = youngerThanCutoff(checkpoint.seq, checkpoint.headAt, *atHead);
                return result;
            }
            if (atHead && atHead->through == checkpoint.seq) {
                // the checkpoint names the last purged row, which the kept chain continues from
                if (atHead->continuesFrom != checkpoint.hash) {
                    result.firstBrokenSeq = checkpoint.seq;
                    result.problem = tr("row %1 differs from the checkpoint: the log was rewritten since the "
                                        "checkpoint was taken")
                                         .arg(checkpoint.seq);
                }
                return result;
            }
            result.problem = tr("row %1 of the checkpoint was purged under the retention rules; this checkpoint "
                                "can no longer be compared")
                                 .arg(checkpoint.seq);
            return result;
        }
    }
    auto stored = source.hashOf(checkpoint.seq);
    if (!stored.ok())
        return stored.error();
    if (!*stored || **stored != checkpoint.hash) {
        result.firstBrokenSeq = checkpoint.seq;
        result.problem = tr("row %1 differs from the checkpoint: the log was rewritten since the checkpoint was taken")
                             .arg(checkpoint.seq);
        return result;
    }
    // The rows of the checkpoint still in the log: all of them from the first kept one to its head.
    const qint64 keptFrom = std::max(first, low);
    auto present = source.countBetween(keptFrom, checkpoint.seq);
    if (!present.ok())
        return present.error();
    const qint64 expected = counted ? checkpoint.rowCount - (keptFrom - low) : checkpoint.seq - keptFrom + 1;
    if (*present != expected) {
        result.firstBrokenSeq = keptFrom;
        result.problem = tr("the checkpoint counts %n rows from row %1 to row %2 that should still be in the log, "
                            "but the log has %3",
            nullptr, int(expected))
                             .arg(keptFrom)
                             .arg(checkpoint.seq)
                             .arg(*present);
    }
    return result;
}

QString AuditCheckpoint::toText() const
{
    // Format 2 (issue 11): the first retained row and the row count besides the head. "sequence" stays the
    // head, as in format 1, so an older reader still finds it.
    auto time = [](const QDateTime& at) { return at.isValid() ? isoMs(at) : QString(); };
    const QString body = QStringLiteral("BranchVault audit checkpoint\n"
                                        "format: 2\n"
                                        "database: %1\n"
                                        "first: %2\n"
                                        "first-time: %3\n"
                                        "sequence: %4\n"
                                        "head-time: %5\n"
                                        "hash: %6\n"
                                        "rows: %7\n"
                                        "created: %8\n")
                             .arg(databaseId)
                             .arg(firstSeq)
                             .arg(time(firstAt))
                             .arg(seq)
                             .arg(time(headAt), QString::fromLatin1(hash.toHex()))
                             .arg(rowCount)
                             .arg(created.toUTC().toString(Qt::ISODate));
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
    checkpoint.format = 1; // no "format" line: written before issue 11, the head only
    bool hasFirst = false;
    bool hasRows = false;
    bool hasSeq = false;
    auto number = [](const QString& value, bool* ok) { return value.toLongLong(ok); };
    for (const QString& line : body.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString key = line.section(QStringLiteral(": "), 0, 0);
        const QString value = line.contains(QStringLiteral(": ")) ? line.section(QStringLiteral(": "), 1) : QString();
        if (key == QLatin1String("format"))
            checkpoint.format = value.toInt();
        else if (key == QLatin1String("database"))
            checkpoint.databaseId = value;
        else if (key == QLatin1String("first"))
            checkpoint.firstSeq = number(value, &hasFirst);
        else if (key == QLatin1String("first-time"))
            checkpoint.firstAt = QDateTime::fromString(value, Qt::ISODateWithMs);
        else if (key == QLatin1String("sequence"))
            checkpoint.seq = number(value, &hasSeq);
        else if (key == QLatin1String("head-time"))
            checkpoint.headAt = QDateTime::fromString(value, Qt::ISODateWithMs);
        else if (key == QLatin1String("hash"))
            checkpoint.hash = QByteArray::fromHex(value.toLatin1());
        else if (key == QLatin1String("rows"))
            checkpoint.rowCount = number(value, &hasRows);
        else if (key == QLatin1String("created"))
            checkpoint.created = QDateTime::fromString(value, Qt::ISODate);
    }
    if (checkpoint.format < 1 || checkpoint.format > 2)
        return invalid(AuditLog::tr("format %1 is not known to this version").arg(checkpoint.format));
    if (checkpoint.databaseId.isEmpty() || checkpoint.hash.size() != 32
        || (checkpoint.format >= 2 && (!hasFirst || !hasRows)))
        return invalid(AuditLog::tr("a line is missing"));
    // a check line anyone can recompute proves the file whole, not its values: they must make sense too
    if (!hasSeq || checkpoint.seq < 0 || !checkpoint.created.isValid()
        || (checkpoint.format >= 2 && (checkpoint.firstSeq < 0 || checkpoint.rowCount < 0)))
        return invalid(AuditLog::tr("its sequence number, first row, row count or time is not valid"));
    if (checkpoint.format == 1) {
        checkpoint.firstSeq = 0;
        checkpoint.rowCount = -1;
    }
    return checkpoint;
}

} // namespace bv
