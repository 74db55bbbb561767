#include "core/audit/AuditService.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditAlerts.h"
#include "core/audit/AuditLog.h"
#include "core/common/AtomicFile.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/db/Database.h"
#include "core/db/QueryRows.h"
#include "core/db/Transaction.h"
#include "core/internal/audit/AuditRepository.h"
#include "core/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace bv {

namespace {

const QString kRequest = QStringLiteral("request");

QString isoUtc(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

// Branch time (UTC+8) for the alert descriptions.
QString branchTime(const QDateTime& utc)
{
    return utc.toTimeZone(WorkingCalendar::branchTimeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString branchClock(const QDateTime& utc)
{
    return utc.toTimeZone(WorkingCalendar::branchTimeZone()).toString(QStringLiteral("HH:mm"));
}

// The filter terms of a read or an export, for its audit row. Filters hold no personal data except a
// customer number, which is grade 3.
QJsonObject filterTerms(const AuditFilter& filter)
{
    QJsonObject terms;
    if (filter.since.isValid())
        terms.insert(QStringLiteral("since"), isoUtc(filter.since));
    if (filter.until.isValid())
        terms.insert(QStringLiteral("until"), isoUtc(filter.until));
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

// The request a request.approve or grant.use row is about: object_id when the object is the request,
// else the "request" entry of the details.
QString requestIdOf(const AuditRow& row)
{
    if (row.objectType == kRequest && !row.objectId.isEmpty())
        return row.objectId;
    const QJsonValue value = QJsonDocument::fromJson(row.details.toUtf8()).object().value(kRequest);
    if (value.isDouble())
        return QString::number(qint64(value.toDouble()));
    return value.toString();
}

bool withinWorkingHours(int hour, int start, int end)
{
    if (start < end)
        return hour >= start && hour < end;
    return hour >= start || hour < end; // a range across midnight (or start == end: always)
}

} // namespace

// Rows behind one alert: their count, first and last time and at most kMaxAlertSeqs sequence numbers.
struct AuditService::AlertGroup
{
    QString login;
    QString otherLogin;
    QString customerNo;
    QDateTime bucket; // start of the clock hour / day the group covers (branch time), if any
    int count = 0;
    QDateTime first;
    QDateTime last;
    QList<qint64> seqs;
    qint64 fastestSecs = -1; // quick_grant

    void addSeq(qint64 seq)
    {
        if (seqs.size() < kMaxAlertSeqs)
            seqs << seq;
    }
    void addTime(const QDateTime& at)
    {
        if (!first.isValid() || at < first)
            first = at;
        if (!last.isValid() || at > last)
            last = at;
    }
    void add(const AuditRow& row)
    {
        ++count;
        addTime(row.at);
        addSeq(row.seq);
    }
};

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
            person.id, person.login, person.displayName, person.role, person.status == QLatin1String("frozen")};
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
    details.insert(QStringLiteral("checkpointCreated"), isoUtc(checkpoint->created));
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
            {QString::number(row.seq), isoUtc(row.at), row.workstation, row.login, row.role, row.action, row.objectType,
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
                QJsonObject {{QStringLiteral("rows"), 0}, {QStringLiteral("cutoff"), isoUtc(cutoff)}}}));
    }
    BV_TRY(tx.commit());
    return purged;
}

Status AuditService::customerAlerts(const QDateTime& since, const QDateTime& until, QList<AuditAlert>* alerts) const
{
    const qint64 lookupLimit = m_settings.integer(QString::fromLatin1(settings::AlertClerkLookupsPerHour));
    const qint64 openLimit = m_settings.integer(QString::fromLatin1(settings::AlertSameCustomerPerDay));
    const int startHour = int(m_settings.integer(QString::fromLatin1(settings::AlertWorkStartHour)));
    const int endHour = int(m_settings.integer(QString::fromLatin1(settings::AlertWorkEndHour)));
    const WorkingCalendar calendar = m_settings.workingCalendar(); // official holidays + the local lists
    const QTimeZone zone = WorkingCalendar::branchTimeZone();
    const QString clerk = Roles::key(Role::Clerk);
    const QChar sep(0x1f);

    // Keyed by login and period (and customer): QMap keeps the output in a stable order.
    QMap<QString, AlertGroup> lookups; // clerk, clock hour (branch time)
    QMap<QString, AlertGroup> opens; // login, customer number, day (branch time)
    QMap<QString, AlertGroup> afterHours; // login, day (branch time)

    AuditFilter filter;
    filter.since = since;
    filter.until = until;
    filter.action = QStringLiteral("customer.");
    BV_TRY(forEachRow(filter, 0, [&](const AuditRow& row) -> Status {
        const QDateTime local = row.at.toTimeZone(zone);
        const QDate day = local.date();
        if (row.action == QLatin1String(audit::CustomerLookup) && row.role == clerk) {
            const QDateTime hour(day, QTime(local.time().hour(), 0), zone);
            AlertGroup& group = lookups[row.login + sep + hour.toString(Qt::ISODate)];
            group.login = row.login;
            group.bucket = hour;
            group.add(row);
        }
        if (row.action == QLatin1String(audit::CustomerOpen) && !row.customerNo.isEmpty()) {
            AlertGroup& group = opens[row.login + sep + row.customerNo + sep + day.toString(Qt::ISODate)];
            group.login = row.login;
            group.customerNo = row.customerNo;
            group.bucket = QDateTime(day, QTime(0, 0), zone);
            group.add(row);
        }
        if (row.userId > 0
            && (!calendar.isWorkingDay(day) || !withinWorkingHours(local.time().hour(), startHour, endHour))) {
            AlertGroup& group = afterHours[row.login + sep + day.toString(Qt::ISODate)];
            group.login = row.login;
            group.bucket = QDateTime(day, QTime(0, 0), zone);
            group.add(row);
        }
        return {};
    }));

    for (const AlertGroup& group : std::as_const(lookups)) {
        if (group.count <= lookupLimit)
            continue;
        AuditAlert alert {QStringLiteral("clerk_lookups"), group.login, QString(), QString(), group.bucket.toUTC(),
            group.bucket.addSecs(3600).toUTC(), group.count, QString(), group.seqs};
        alert.description
            = tr("Clerk %1 made %n customer lookups between %2 and %3 (branch time), above the alert "
                 "threshold of %4 per hour.",
                nullptr, group.count)
                  .arg(group.login, branchTime(alert.from), branchClock(alert.to), QString::number(lookupLimit));
        alerts->append(alert);
    }
    for (const AlertGroup& group : std::as_const(opens)) {
        if (group.count <= openLimit)
            continue;
        AuditAlert alert {QStringLiteral("same_customer"), group.login, QString(), group.customerNo,
            group.bucket.toUTC(), group.bucket.addDays(1).toUTC(), group.count, QString(), group.seqs};
        alert.description = tr("%1 opened customer %2 %n times on %3 (branch time), above the alert threshold of %4 "
                               "per day.",
            nullptr, group.count)
                                .arg(group.login, group.customerNo, group.bucket.date().toString(Qt::ISODate),
                                    QString::number(openLimit));
        alerts->append(alert);
    }
    for (const AlertGroup& group : std::as_const(afterHours)) {
        AuditAlert alert {QStringLiteral("after_hours"), group.login, QString(), QString(), group.first, group.last,
            group.count, QString(), group.seqs};
        const QString day = group.bucket.date().toString(Qt::ISODate);
        if (!calendar.isWorkingDay(group.bucket.date()))
            alert.description = tr("%1 accessed customer records %n times on %2, which is not a working day, between "
                                   "%3 and %4 (branch time).",
                nullptr, group.count)
                                    .arg(group.login, day, branchClock(group.first), branchClock(group.last));
        else
            alert.description = tr("%1 accessed customer records %n times outside working hours (%2:00 to %3:00) on "
                                   "%4, between %5 and %6 (branch time).",
                nullptr, group.count)
                                    .arg(group.login, QString::number(startHour), QString::number(endHour), day,
                                        branchClock(group.first), branchClock(group.last));
        alerts->append(alert);
    }
    return {};
}

Status AuditService::failedSignInAlerts(const QDateTime& since, const QDateTime& until, QList<AuditAlert>* alerts) const
{
    const qint64 limit = m_settings.integer(QString::fromLatin1(settings::AlertFailedSignIns));
    struct Failure
    {
        qint64 seq;
        QDateTime at;
    };
    // Per typed login, case-insensitively (logins are); the first spelling seen is reported.
    QMap<QString, QList<Failure>> byLogin;
    QHash<QString, QString> spelling;
    AuditFilter filter;
    filter.since = since;
    filter.until = until;
    filter.action = QString::fromLatin1(audit::SignIn);
    filter.outcome = AuditLog::outcomeKey(AuditOutcome::Failed);
    BV_TRY(forEachRow(filter, 0, [&](const AuditRow& row) -> Status {
        const QString key = row.login.toLower();
        byLogin[key].append(Failure {row.seq, row.at});
        if (!spelling.contains(key))
            spelling.insert(key, row.login);
        return {};
    }));

    // A sliding window of one hour: a burst is a run of failures in which every failure has at least
    // `limit` failures (itself included) within the hour that ends with it; overlapping windows merge.
    for (auto it = byLogin.begin(); it != byLogin.end(); ++it) {
        QList<Failure>& failures = it.value();
        std::stable_sort(
            failures.begin(), failures.end(), [](const Failure& a, const Failure& b) { return a.at < b.at; });
        QList<AlertGroup> bursts;
        qsizetype windowStart = 0;
        qsizetype lastInBurst = -1;
        for (qsizetype i = 0; i < failures.size(); ++i) {
            while (failures.at(windowStart).at.secsTo(failures.at(i).at) >= 3600)
                ++windowStart;
            if (i - windowStart + 1 < limit)
                continue;
            if (bursts.isEmpty() || lastInBurst < windowStart) {
                bursts.append(AlertGroup());
                lastInBurst = windowStart - 1;
            }
            AlertGroup& burst = bursts.last();
            for (qsizetype k = lastInBurst + 1; k <= i; ++k) {
                ++burst.count;
                burst.addTime(failures.at(k).at);
                burst.addSeq(failures.at(k).seq);
            }
            lastInBurst = i;
        }
        const QString login = spelling.value(it.key());
        for (AlertGroup& burst : bursts) {
            std::sort(burst.seqs.begin(), burst.seqs.end());
            AuditAlert alert {QStringLiteral("failed_sign_ins"), login, QString(), QString(), burst.first, burst.last,
                burst.count, QString(), burst.seqs};
            alert.description
                = tr("Signing in as %1 failed %n times between %2 and %3 (branch time), at or above "
                     "the alert threshold of %4 within one hour.",
                    nullptr, burst.count)
                      .arg(login, branchTime(burst.first), branchClock(burst.last), QString::number(limit));
            alerts->append(alert);
        }
    }
    return {};
}

Status AuditService::quickGrantAlerts(const QDateTime& since, const QDateTime& until, QList<AuditAlert>* alerts) const
{
    const qint64 minutes = m_settings.integer(QString::fromLatin1(settings::AlertQuickGrantMinutes));
    const qint64 window = minutes * 60;
    struct Approval
    {
        qint64 seq;
        QDateTime at;
        QString login;
    };
    // Approvals from `window` before the period on, so a grant used early in the period is compared with
    // its approval.
    QHash<QString, Approval> approvals;
    AuditFilter filter;
    filter.since = since.addSecs(-window);
    filter.until = until;
    filter.action = QString::fromLatin1(audit::RequestApprove);
    filter.outcome = AuditLog::outcomeKey(AuditOutcome::Ok);
    BV_TRY(forEachRow(filter, 0, [&](const AuditRow& row) -> Status {
        const QString request = requestIdOf(row);
        if (!request.isEmpty())
            approvals.insert(request, Approval {row.seq, row.at, row.login});
        return {};
    }));
    if (approvals.isEmpty())
        return {};

    // Only the first use of each grant counts; quick grants are grouped per pair of people.
    QSet<QString> firstUseSeen;
    QMap<QString, AlertGroup> pairs;
    filter.since = since;
    filter.action = QString::fromLatin1(audit::GrantUse);
    BV_TRY(forEachRow(filter, 0, [&](const AuditRow& row) -> Status {
        const QString request = requestIdOf(row);
        const auto approval = approvals.constFind(request);
        if (request.isEmpty() || approval == approvals.cend() || firstUseSeen.contains(request))
            return {};
        firstUseSeen.insert(request);
        const qint64 secs = approval->at.secsTo(row.at);
        if (secs < 0 || secs > window)
            return {};
        AlertGroup& group = pairs[row.login + QChar(0x1f) + approval->login];
        group.login = row.login;
        group.otherLogin = approval->login;
        ++group.count;
        group.addTime(approval->at);
        group.addTime(row.at);
        group.addSeq(approval->seq);
        group.addSeq(row.seq);
        if (group.fastestSecs < 0 || secs < group.fastestSecs)
            group.fastestSecs = secs;
        return {};
    }));

    for (const AlertGroup& group : std::as_const(pairs)) {
        AuditAlert alert {QStringLiteral("quick_grant"), group.login, group.otherLogin, QString(), group.first,
            group.last, group.count, QString(), group.seqs};
        alert.description
            = tr("%1 used %n grants approved by %2 within %3 minutes of the approval (the fastest "
                 "after %4 min %5 s), between %6 and %7 (branch time).",
                nullptr, group.count)
                  .arg(group.login, group.otherLogin, QString::number(minutes), QString::number(group.fastestSecs / 60),
                      QString::number(group.fastestSecs % 60), branchTime(group.first), branchTime(group.last));
        alerts->append(alert);
    }
    return {};
}

Result<QList<AuditAlert>> collectAuditAlerts(
    const AuditService& service, const QDateTime& since, const QDateTime& until)
{
    if (!since.isValid() || !until.isValid() || since >= until)
        return makeError(ErrorCode::InvalidInput,
            AuditService::tr("The period for the audit alerts is not valid: choose a start and an end, with the start "
                             "before the end."),
            QString(), QStringLiteral("period"));

    QList<AuditAlert> alerts;
    BV_TRY(service.customerAlerts(since, until, &alerts));
    BV_TRY(service.failedSignInAlerts(since, until, &alerts));
    BV_TRY(service.quickGrantAlerts(since, until, &alerts));
    for (const AuditService::AlertSource& source : std::as_const(service.m_alertSources))
        BV_TRY(source(until, &alerts));
    std::stable_sort(alerts.begin(), alerts.end(), [](const AuditAlert& a, const AuditAlert& b) {
        if (a.from != b.from)
            return a.from < b.from;
        return a.kind < b.kind;
    });
    return alerts;
}

Result<QList<AuditAlert>> AuditService::alerts(const Session& session, const QDateTime& since, const QDateTime& until)
{
    auto actor = m_access.authorize(session, Operation::ViewAlerts);
    if (!actor.ok())
        return actor.error();
    auto collected = collectAuditAlerts(*this, since, until);
    if (!collected.ok())
        return collected.error();
    const QList<AuditAlert>& alerts = *collected;

    QJsonObject counts;
    for (const AuditAlert& alert : std::as_const(alerts))
        counts.insert(alert.kind, counts.value(alert.kind).toInt() + 1);
    BV_TRY(record(*actor, audit::AuditAlerts, QStringLiteral("audit_log"), QString(),
        QJsonObject {{QStringLiteral("since"), isoUtc(since)}, {QStringLiteral("until"), isoUtc(until)},
            {QStringLiteral("alerts"), alerts.size()}, {QStringLiteral("byKind"), counts}}));
    return alerts;
}

} // namespace bv
