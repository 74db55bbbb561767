// AuditService: the auditor's alerts (DESIGN §7) — clerk lookups, repeated opens of one customer, work after hours,
// failed sign-ins and quick grants — found in the audit log of a period, plus the alert sources Core adds.
#include "core/audit/AuditService.h"

#include "core/audit/AuditActions.h"
#include "core/audit/AuditAlerts.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/audit/AuditLogInternal.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/SettingsService.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace bv {

namespace {

const QString kRequest = QStringLiteral("request");

// Branch time (UTC+8) for the alert descriptions.
QString branchTime(const QDateTime& utc)
{
    return utc.toTimeZone(WorkingCalendar::branchTimeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString branchClock(const QDateTime& utc)
{
    return utc.toTimeZone(WorkingCalendar::branchTimeZone()).toString(QStringLiteral("HH:mm"));
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
        QJsonObject {{QStringLiteral("since"), isoMs(since)}, {QStringLiteral("until"), isoMs(until)},
            {QStringLiteral("alerts"), alerts.size()}, {QStringLiteral("byKind"), counts}}));
    return alerts;
}

} // namespace bv
