// SettingsService: the official holiday calendar (shipped, imported) and the working calendar built on it.

#include "core/policy/SettingsService.h"

#include "core/audit/AuditActions.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/policy/SettingsRepository.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace bv {

namespace {

OfficialCalendar officialWith(const OfficialCalendar& imported)
{
    OfficialCalendar official = HolidayCalendar::shipped();
    official.merge(imported);
    return official;
}

} // namespace

WorkingCalendar SettingsService::workingCalendar() const
{
    // The settings were validated when stored (parseDateList): a list that no longer reads is left out.
    auto holidays = WorkingCalendar::parseDateList(text(QString::fromLatin1(settings::Holidays)));
    auto extra = WorkingCalendar::parseDateList(text(QString::fromLatin1(settings::ExtraWorkingDays)));
    return WorkingCalendar::combined(officialWith(m_importedCalendar), holidays.ok() ? *holidays : QSet<QDate>(),
        extra.ok() ? *extra : QSet<QDate>());
}

QSet<int> SettingsService::calendarYears() const
{
    return officialWith(m_importedCalendar).years;
}

Result<SettingsService::CalendarImport> SettingsService::importCalendar(
    const Session& session, const QByteArray& csv, QList<HolidayCalendar::Problem>* problems)
{
    auto actor = m_access->authorize(session, Operation::WriteSettings);
    if (!actor.ok())
        return actor.error();
    auto parsed = HolidayCalendar::parse(csv, problems);
    if (!parsed.ok()) {
        // a refused file is on record too (how many problems, never the file's text)
        BV_TRY(m_audit.appendStandalone(*actor,
            AuditEvent {QString::fromLatin1(audit::CalendarImport), QStringLiteral("settings"),
                QString::fromLatin1(settings::OfficialCalendarData), QString(), AuditOutcome::Failed,
                QJsonObject {{QStringLiteral("problems"), problems ? int(problems->size()) : 1}}}));
        return parsed.error();
    }
    OfficialCalendar stored = m_importedCalendar;
    stored.merge(*parsed);
    QList<int> years(parsed->years.cbegin(), parsed->years.cend());
    std::sort(years.begin(), years.end());
    QJsonArray yearList;
    for (int year : std::as_const(years))
        yearList.append(year);
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(m_repo->put(QString::fromLatin1(settings::OfficialCalendarData), QString::fromUtf8(stored.toCsv()),
            m_clock.nowUtc(), actor->userId));
        BV_TRY(m_audit.append(*actor,
            AuditEvent {QString::fromLatin1(audit::CalendarImport), QStringLiteral("settings"),
                QString::fromLatin1(settings::OfficialCalendarData), QString(), AuditOutcome::Ok,
                QJsonObject {{QStringLiteral("years"), yearList},
                    {QStringLiteral("holidays"), int(parsed->holidays.size())},
                    {QStringLiteral("workdays"), int(parsed->workdays.size())}}}));
        BV_TRY(tx.commit());
    }
    m_importedCalendar = stored;
    return CalendarImport {years, int(parsed->holidays.size()), int(parsed->workdays.size())};
}

} // namespace bv
