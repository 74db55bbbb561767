#include "core/audit/AuditService.h"

#include "core/audit/AuditActions.h"
#include "core/common/AtomicFile.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/audit/AuditLogInternal.h"
#include "core/internal/audit/AuditRepository.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace bv {

namespace {

// The filter terms of a read or an export, for its audit row. Filters hold no personal data except a
// customer number, which is grade 3.
QJsonObject filterTerms(const AuditFilter& filter)
{
    QJsonObject terms;
    if (filter.since.isValid())
        terms.insert(QStringLiteral("since"), isoMs(filter.since));
    if (filter.until.isValid())
        terms.insert(QStringLiteral("until"), isoMs(filter.until));
    if (!filter.login.isEmpty())
        terms.insert(QStringLiteral("login"), filter.login);
    if (!filter.action.isEmpty())
        terms.insert(QStringLiteral("action"), filter.action);
    if (!filter.actions.isEmpty())
        terms.insert(QStringLiteral("actions"), QJsonArray::fromStringList(filter.actions));
    if (!filter.customerNo.isEmpty())
        terms.insert(QStringLiteral("customerNo"), filter.customerNo);
    if (!filter.outcome.isEmpty())
        terms.insert(QStringLiteral("outcome"), filter.outcome);
    if (filter.afterSeq > 0)
        terms.insert(QStringLiteral("afterSeq"), filter.afterSeq);
    return terms;
}

QJsonObject verificationDetails(const AuditVerification& verification)
{
    QJsonObject details {
        {QStringLiteral("result"), verification.ok() ? QStringLiteral("intact") : QStringLiteral("broken")},
        {QStringLiteral("rowsChecked"), verification.rowsChecked}, {QStringLiteral("headSeq"), verification.headSeq}};
    if (verification.firstBrokenSeq > 0)
        details.insert(QStringLiteral("firstBrokenSeq"), verification.firstBrokenSeq);
    return details;
}

// CSV formula injection (OWASP): a spreadsheet evaluates a cell that starts with one of these characters.
bool startsLikeFormula(const QString& cell)
{
    if (cell.isEmpty())
        return false;
    switch (cell.front().unicode()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
    case '\n':
        return true;
    default:
        return false;
    }
}

// One RFC 4180 field: formula-safe first (a leading apostrophe makes a spreadsheet show the text as text),
// then quoted when it holds a separator, a quote or a line break.
QString csvField(QString cell)
{
    if (startsLikeFormula(cell))
        cell.prepend(QLatin1Char('\''));
    if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n'))
        || cell.contains(QLatin1Char('\r'))) {
        cell.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + cell + QLatin1Char('"');
    }
    return cell;
}

QByteArray csvLine(const QStringList& fields)
{
    QStringList cells;
    cells.reserve(fields.size());
    for (const QString& field : fields)
        cells << csvField(field);
    return (cells.join(QLatin1Char(',')) + QLatin1String("\r\n")).toUtf8();
}

} // namespace

AuditService::AuditService(AuditLog& log, AccessControl& access, SettingsService& settings, const Clock& clock)
    : m_log(log)
    , m_access(access)
    , m_settings(settings)
    , m_clock(clock)
{
}

AuditService::AuditService(
    Database& db, AuditLog& log, AccessControl& access, SettingsService& settings, const Clock& clock)
    : m_db(&db)
    , m_repo(std::make_unique<AuditRepository>(db))
    , m_log(log)
    , m_access(access)
    , m_settings(settings)
    , m_clock(clock)
{
}

AuditService::~AuditService() = default;

Status AuditService::record(const Actor& actor, const char* action, const QString& objectType, const QString& objectId,
    const QJsonObject& details, AuditOutcome outcome)
{
    return m_log.appendStandalone(
        actor, AuditEvent {QString::fromLatin1(action), objectType, objectId, QString(), outcome, details});
}

Result<QList<AuditRow>> AuditService::list(const Session& session, const AuditFilter& filter)
{
    auto actor = m_access.authorize(session, Operation::ReadAudit);
    if (!actor.ok())
        return actor.error();
    auto rows = m_log.rows(filter);
    if (!rows.ok())
        return rows.error();
    QJsonObject details = filterTerms(filter);
    details.insert(QStringLiteral("rows"), rows->size());
    // The rows are handed out only once the read is on record.
    BV_TRY(record(*actor, audit::AuditRead, QStringLiteral("audit_log"), QString(), details));
    return rows;
}

Result<QList<AuditPerson>> AuditService::people(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::ReadAudit);
    if (!actor.ok())
        return actor.error();
    if (!m_db)
        return makeError(ErrorCode::Internal,
            tr("The staff accounts cannot be listed for the audit log: the audit service was set up without its "
               "database. Report this to the developers."));
    auto stored = m_repo->people();
    if (!stored.ok())
        return stored.error();
    QList<AuditPerson> people;
    for (const AuditRepository::Person& person : std::as_const(*stored))
        people << AuditPerson {
            person.id, person.login, person.displayName, person.role, person.status == StaffStatus::Frozen};
    return people;
}

Result<QHash<QString, QString>> AuditService::maskedCustomerNames(
    const Session& session, const QStringList& customerNos)
{
    auto actor = m_access.authorize(session, Operation::ReadAudit);
    if (!actor.ok())
        return actor.error();
    if (!m_db)
        return makeError(ErrorCode::Internal,
            tr("The customers' masked names cannot be shown in the audit log: the audit service was set up "
               "without its database. Report this to the developers."));
    QHash<QString, QString> names;
    for (const QString& number : customerNos) {
        if (number.isEmpty() || names.contains(number))
            continue;
        // the stored masked form only (sealed_value.masked): the sealed value is never read
        auto masked = m_repo->maskedName(number, QString::fromLatin1(fields::Name));
        if (!masked.ok())
            return masked.error();
        if (!masked->isEmpty())
            names.insert(number, *masked);
    }
    return names;
}

Result<AuditVerification> AuditService::verify(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::VerifyAudit);
    if (!actor.ok())
        return actor.error();
    auto verification = m_log.verify();
    if (!verification.ok())
        return verification.error();
    // A broken chain is recorded as a failed verification, so it shows among the failures.
    BV_TRY(record(*actor, audit::AuditVerify, QStringLiteral("audit_log"), QString(),
        verificationDetails(*verification), verification->ok() ? AuditOutcome::Ok : AuditOutcome::Failed));
    return verification;
}

Result<AuditVerification> AuditService::verifyAgainst(const Session& session, const QString& checkpointText)
{
    auto actor = m_access.authorize(session, Operation::VerifyAudit);
    if (!actor.ok())
        return actor.error();
    auto checkpoint = AuditCheckpoint::parse(checkpointText);
    if (!checkpoint.ok()) {
        // A checkpoint that does not parse may have been tampered with: the attempt is worth a row.
        BV_TRY(record(*actor, audit::AuditVerify, QStringLiteral("checkpoint"), QString(),
            QJsonObject {{QStringLiteral("result"), QStringLiteral("invalid checkpoint")}}, AuditOutcome::Failed));
        return checkpoint.error();
    }
    auto verification = m_log.verifyAgainst(*checkpoint);
    if (!verification.ok())
        return verification.error();
    QJsonObject details = verificationDetails(*verification);
    details.insert(QStringLiteral("checkpointSeq"), checkpoint->seq);
    details.insert(QStringLiteral("checkpointCreated"), isoMs(checkpoint->created));
    BV_TRY(record(*actor, audit::AuditVerify, QStringLiteral("checkpoint"), QString::number(checkpoint->seq), details,
        verification->ok() ? AuditOutcome::Ok : AuditOutcome::Failed));
    return verification;
}

Result<QString> AuditService::checkpoint(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::CheckpointAudit);
    if (!actor.ok())
        return actor.error();
    auto head = m_log.head();
    if (!head.ok())
        return head.error();
    const QString text = head->toText();
    // Recorded after the head was read, on purpose: the checkpoint names the last row that existed when
    // it was taken, so the audit row of the checkpoint itself comes after the head it names (row seq + 1
    // or later). That row is covered by the next checkpoint, not by this one.
    BV_TRY(record(*actor, audit::AuditCheckpoint, QStringLiteral("audit_log"), QString::number(head->seq),
        QJsonObject {{QStringLiteral("seq"), head->seq},
            {QStringLiteral("hash"), QString::fromLatin1(head->hash.toHex())},
            {QStringLiteral("firstSeq"), head->firstSeq}, {QStringLiteral("rows"), head->rowCount}}));
    return text;
}

Status AuditService::forEachRow(AuditFilter filter, qint64 throughSeq, const RowVisitor& visit) const
{
    filter.limit = kExportBatch;
    for (;;) {
        auto rows = m_log.rows(filter);
        if (!rows.ok())
            return rows.error();
        for (const AuditRow& row : std::as_const(*rows)) {
            if (throughSeq > 0 && row.seq > throughSeq)
                return {};
            BV_TRY(visit(row));
        }
        if (rows->size() < kExportBatch)
            return {};
        filter.afterSeq = rows->constLast().seq;
    }
}

Result<qint64> AuditService::writeCsv(
    QFile& file, const QString& context, const AuditFilter& filter, qint64 throughSeq) const
{
    auto write = [&](const QByteArray& bytes) -> Status {
        errno = 0;
        if (file.write(bytes) != bytes.size())
            return AtomicFile::fromErrno(errno != 0 ? errno : EIO, context, file.fileName());
        return {};
    };

    // UTF-8 with a byte order mark, so that Excel on Chinese Windows does not read it as GB18030.
    QByteArray buffer = QByteArrayLiteral("\xEF\xBB\xBF");
    buffer += csvLine({QStringLiteral("seq"), QStringLiteral("time_utc"), QStringLiteral("workstation"),
        QStringLiteral("login"), QStringLiteral("role"), QStringLiteral("action"), QStringLiteral("object_type"),
        QStringLiteral("object_id"), QStringLiteral("customer_no"), QStringLiteral("outcome"),
        QStringLiteral("details"), QStringLiteral("hash_hex")});
    qint64 written = 0;
    BV_TRY(forEachRow(filter, throughSeq, [&](const AuditRow& row) -> Status {
        buffer += csvLine(
            {QString::number(row.seq), isoMs(row.at), row.workstation, row.login, row.role, row.action, row.objectType,
                row.objectId, row.customerNo, row.outcome, row.details, QString::fromLatin1(row.hash.toHex())});
        ++written;
        if (buffer.size() < 256 * 1024)
            return {};
        Status flushed = write(buffer);
        buffer.clear();
        return flushed;
    }));
    BV_TRY(write(buffer));
    return written;
}

Result<qint64> AuditService::exportCsv(const Session& session, const AuditFilter& filter, const QString& path)
{
    auto actor = m_access.authorize(session, Operation::ExportAudit);
    if (!actor.ok())
        return actor.error();
    BV_TRY(AtomicFile::checkNew(path, QStringLiteral("path")));
    const QString name = QFileInfo(path).fileName();

    // The export covers the log up to its head now; the export's own audit row comes after it.
    auto head = m_log.head();
    if (!head.ok())
        return head.error();

    // Written beside the target under a temporary name and renamed at the end: an interrupted export
    // never leaves a partial file under the name the auditor chose.
    const QString context = tr("Exporting the audit log to %1").arg(name);
    qint64 rows = 0;
    BV_TRY(AtomicFile::writeNew(path, QStringLiteral("path"), [&](QFile& file) -> Status {
        auto written = writeCsv(file, context, filter, head->seq);
        if (!written.ok())
            return written.error();
        rows = *written;
        return {};
    }));

    QJsonObject details = filterTerms(filter);
    details.insert(QStringLiteral("file"), name); // the name only: a path may name a person's folder
    details.insert(QStringLiteral("rows"), rows);
    details.insert(QStringLiteral("throughSeq"), head->seq);
    Status recorded = record(*actor, audit::AuditExport, QStringLiteral("file"), name, details);
    if (!recorded.ok()) {
        // An export that cannot be recorded does not happen.
        QFile::remove(QFileInfo(path).absoluteFilePath());
        return recorded.error();
    }
    return rows;
}

int AuditService::retentionDays() const
{
    // The floor is enforced here again, whatever the setting says (DESIGN §7: never less than 180 days).
    return int(
        std::max<qint64>(m_settings.integer(QString::fromLatin1(settings::AuditRetentionDays)), kMinimumRetentionDays));
}

Result<qint64> AuditService::purge(const Session& session)
{
    auto actor = m_access.authorize(session, Operation::PurgeAudit);
    if (!actor.ok())
        return actor.error();
    if (!m_db)
        return makeError(ErrorCode::Internal,
            tr("The audit retention purge is not available: the audit service was set up without its "
               "database. Report this to the developers; nothing was purged."));
    QDateTime cutoff = m_clock.nowUtc().addDays(-retentionDays());

    Transaction tx(*m_db);
    if (!tx.ok())
        return tx.error();
    // The newest row is always kept, so that a purge never leaves the purge row alone in the log (the
    // purge row itself is appended before the rows go, and always stays).
    auto head = m_log.head();
    if (!head.ok())
        return head.error();
    if (head->seq > 0) {
        AuditFilter newest;
        newest.afterSeq = head->seq - 1;
        newest.limit = 1;
        auto last = m_log.rows(newest);
        if (!last.ok())
            return last.error();
        if (!last->isEmpty() && last->constFirst().at < cutoff)
            cutoff = last->constFirst().at;
    }
    auto purged = m_log.purgeOlderThan(cutoff, *actor);
    if (!purged.ok())
        return purged.error();
    if (*purged == 0) {
        // Nothing was old enough: AuditLog writes no purge row then, but the use is still recorded.
        BV_TRY(m_log.append(*actor,
            AuditEvent {QString::fromLatin1(audit::AuditPurge), QStringLiteral("audit_log"), QString(), QString(),
                AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("rows"), 0}, {QStringLiteral("cutoff"), isoMs(cutoff)}}}));
    }
    BV_TRY(tx.commit());
    return purged;
}

} // namespace bv
