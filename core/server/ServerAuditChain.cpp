#include "core/internal/server/ServerAuditChain.h"

#include "core/internal/audit/AuditChainSource.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Connection.h"
#include "core/internal/server/ServerConnection.h"
#include "core/server/ServerSession.h"

#include <functional>
#include <limits>

namespace bv {

namespace {

// A row of the server's audit_log as AuditLog's verifier reads it: the stored text and bytes, no conversion.
class ServerRawRow : public RawRow
{
public:
    ServerRawRow(const ServerRows& rows, int row)
        : m_rows(rows)
        , m_row(row)
    {
    }
    bool isNull(int column) const override { return m_rows.isNull(m_row, column); }
    qint64 int64(int column) const override { return m_rows.number(m_row, column); }
    QByteArrayView text(int column) const override { return m_rows.view(m_row, column); }
    QByteArrayView blob(int column) const override { return m_rows.view(m_row, column); }

private:
    const ServerRows& m_rows;
    int m_row;
};

// The branch server's chain, read by its auditor in pages (keyset on seq).
class ServerChainSource : public AuditChainSource
{
public:
    explicit ServerChainSource(const ServerConnection& connection)
        : m_connection(connection)
    {
    }

    Result<std::optional<AuditChainPoint>> anchor() override
    {
        auto rows
            = m_connection.run(QStringLiteral("SELECT first_seq, prev_hash FROM branchvault.audit_anchor"), {}, what());
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty())
            return std::optional<AuditChainPoint>();
        return std::optional<AuditChainPoint>(AuditChainPoint {rows->number(0, 0), rows->bytes(0, 1)});
    }

    Status scanChain(const std::function<bool(const RawRow&)>& visit) override
    {
        // the columns in AuditRepository::Column's order
        static const QString page = QStringLiteral(
            "SELECT seq, at, workstation, user_id, login, role, action, object_type, object_id, customer_no, outcome, "
            "details, prev_hash, hash FROM branchvault.audit_log WHERE seq > $1 ORDER BY seq LIMIT 5000");
        qint64 after = std::numeric_limits<qint64>::min();
        for (;;) {
            auto rows = m_connection.run(page, {ServerValue::number(after)}, what());
            if (!rows.ok())
                return rows.error();
            for (int r = 0; r < rows->count(); ++r) {
                if (!visit(ServerRawRow(*rows, r)))
                    return {};
                after = rows->number(r, 0);
            }
            if (rows->count() < 5000)
                return {};
        }
    }

    Result<AuditChainSpan> span() override
    {
        auto rows = m_connection.run(QStringLiteral("SELECT coalesce(min(seq), 0), coalesce(max(seq), 0), count(*) "
                                                    "FROM branchvault.audit_log"),
            {}, what());
        if (!rows.ok())
            return rows.error();
        AuditChainSpan span;
        if (!rows->isEmpty()) {
            span.first = rows->number(0, 0);
            span.last = rows->number(0, 1);
            span.count = rows->number(0, 2);
        }
        return span;
    }

    Result<QList<AuditRow>> ends(qint64 first, qint64 last) override
    {
        auto rows
            = m_connection.run(QStringLiteral("SELECT seq, at, hash FROM branchvault.audit_log WHERE seq IN ($1, $2)"),
                {ServerValue::number(first), ServerValue::number(last)}, what());
        if (!rows.ok())
            return rows.error();
        QList<AuditRow> ends;
        for (int r = 0; r < rows->count(); ++r) {
            AuditRow row;
            row.seq = rows->number(r, 0);
            row.at = QDateTime::fromString(rows->text(r, 1), Qt::ISODateWithMs);
            row.hash = rows->bytes(r, 2);
            ends << row;
        }
        return ends;
    }

    Result<std::optional<QByteArray>> hashOf(qint64 seq) override
    {
        auto rows = m_connection.run(QStringLiteral("SELECT hash FROM branchvault.audit_log WHERE seq = $1"),
            {ServerValue::number(seq)}, what());
        if (!rows.ok())
            return rows.error();
        if (rows->isEmpty())
            return std::optional<QByteArray>();
        return std::optional<QByteArray>(rows->bytes(0, 0));
    }

    Result<qint64> countBetween(qint64 from, qint64 through) override
    {
        auto rows
            = m_connection.run(QStringLiteral("SELECT count(*) FROM branchvault.audit_log WHERE seq BETWEEN $1 AND $2"),
                {ServerValue::number(from), ServerValue::number(through)}, what());
        if (!rows.ok())
            return rows.error();
        return rows->isEmpty() ? qint64(0) : rows->number(0, 0);
    }

private:
    static QString what() { return ServerSession::tr("reading the branch's audit log"); }
    const ServerConnection& m_connection;
};

// `read` in one REPEATABLE READ, READ ONLY transaction: the anchor and every page of the chain from one snapshot, so
// that a retention purge committing in between cannot make an intact chain look broken.
template <typename R>
Result<R> inOneSnapshot(const ServerConnection& connection, const std::function<Result<R>()>& read)
{
    const QString what = ServerSession::tr("reading the branch's audit log");
    auto begun = connection.run(QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"), {}, what);
    if (!begun.ok())
        return begun.error();
    Result<R> result = read();
    auto ended = connection.run(result.ok() ? QStringLiteral("COMMIT") : QStringLiteral("ROLLBACK"), {}, what);
    if (!result.ok())
        return result;
    if (!ended.ok())
        return ended.error();
    return result;
}

} // namespace

namespace serveraudit {

Status recordCheck(const ServerConnection& connection, const QString& workstation, const AuditCheckRecord& check)
{
    auto number
        = [](const std::optional<qint64>& value) { return value ? ServerValue::number(*value) : ServerValue::none(); };
    auto written = connection.run(
        QStringLiteral("SELECT branchvault.audit_record_check($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"),
        {ServerValue::text(workstation), ServerValue::text(check.action), ServerValue::text(check.objectType),
            number(check.objectId), ServerValue::text(check.ok ? QStringLiteral("ok") : QStringLiteral("failed")),
            check.result.isEmpty() ? ServerValue::none() : ServerValue::text(check.result), number(check.rows),
            number(check.headSeq), number(check.firstBroken), number(check.firstSeq),
            check.hash.isEmpty() ? ServerValue::none() : ServerValue::bytea(check.hash),
            check.checkpointCreated.isEmpty() ? ServerValue::none() : ServerValue::text(check.checkpointCreated)},
        ServerSession::tr("recording the check of the branch's audit log"));
    if (!written.ok())
        return written.error();
    return {};
}

QString isoMsUtc(const QDateTime& at)
{
    return at.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
}

Result<AuditVerification> verifyInOneSnapshot(const ServerConnection& connection, const QString& databaseId,
    const QDateTime& now, const std::optional<AuditCheckpoint>& checkpoint)
{
    ServerChainSource source(connection);
    return inOneSnapshot<AuditVerification>(connection, [&] {
        return checkpoint ? AuditLog::verifyChainAgainst(source, databaseId, now, *checkpoint)
                          : AuditLog::verifyChain(source, databaseId, now);
    });
}

Result<AuditCheckpoint> headInOneSnapshot(
    const ServerConnection& connection, const QString& databaseId, const QDateTime& now)
{
    ServerChainSource source(connection);
    return inOneSnapshot<AuditCheckpoint>(connection, [&] { return AuditLog::chainHead(source, databaseId, now); });
}

} // namespace serveraudit
} // namespace bv
