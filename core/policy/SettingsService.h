#pragma once

#include "core/auth/Session.h"
#include "core/common/Clock.h"
#include "core/common/Result.h"
#include "core/customers/rules/HolidayCalendar.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/MaskSettings.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QVariant>

#include <functional>
#include <memory>

namespace bv {

class AccessControl;
class AuditLog;
class Database;
class SettingsRepository;

// One configurable policy value. Integers have a floor and a ceiling; the floors carry the rules that
// cannot be configured away (audit retention ≥ 180 days, Argon2id ≥ OWASP's minimum, …).
struct SettingSpec
{
    enum class Type
    {
        Integer,
        Boolean,
        Text,
        DateList
    };
    QString key;
    Type type = Type::Integer;
    QVariant defaultValue;
    qint64 minimum = 0;
    qint64 maximum = 0;
    const char* label = nullptr; // English, translated through SettingsService::tr
    const char* reason = nullptr; // why the floor/ceiling, shown when a value is refused
};

// Settings stored in the database (never QSettings: some decide security). Reads need no session —
// services read them internally; changing them is an administrator's operation, audited with the old
// and the new value.
class SettingsService
{
    Q_DECLARE_TR_FUNCTIONS(SettingsService)
public:
    SettingsService(Database& db, AuditLog& audit, const Clock& clock);
    ~SettingsService();
    SettingsService(const SettingsService&) = delete;
    SettingsService& operator=(const SettingsService&) = delete;
    void setAccessControl(AccessControl* access) { m_access = access; }

    static const QList<SettingSpec>& specs();
    static const SettingSpec* spec(const QString& key);

    QVariant value(const QString& key) const;
    qint64 integer(const QString& key) const { return value(key).toLongLong(); }
    bool boolean(const QString& key) const { return value(key).toBool(); }
    QString text(const QString& key) const { return value(key).toString(); }
    MaskSettings maskSettings() const;

    // Session-checked front door (ReadSettings / WriteSettings).
    Result<QList<QPair<QString, QString>>> list(const Session& session);
    Result<QString> get(const Session& session, const QString& key);
    Status set(const Session& session, const QString& key, const QString& value);

    // Checks a value against the setting's type and limits.
    static Result<QVariant> validate(const QString& key, const QString& text, const QVariantMap& maskContext = {});
    // validate(), and a value checked against the others it must agree with: the mask widths together, the holidays
    // against the make-up working days. `current(key)` gives another setting's value as it applies now.
    static Result<QVariant> validateAgainst(
        const QString& key, const QString& text, const std::function<QVariant(const QString&)>& current);

    // approval.rekey_fields: the fields a checker re-types when approving a new record or an edit of them (some of
    // id_number, mobile, account_number; empty: none). `parseRekeyFields` validates and orders a typed list.
    QStringList rekeyFields() const;
    static Result<QStringList> parseRekeyFields(const QString& text);
    static QStringList rekeyableFields();

    // Reloads from the database (after a restore).
    Status reload();

    // The calendar of complaint due dates and of the auditor's "not a working day" alert: the official
    // holidays (shipped with the program, plus the years the administrator imported) with the local
    // settings complaint.holidays / complaint.extra_working_days on top. Reads need no session.
    WorkingCalendar workingCalendar() const;
    // The years whose official holidays are known (shipped or imported).
    QSet<int> calendarYears() const;

    struct CalendarImport
    {
        QList<int> years; // ascending
        int holidays = 0;
        int workdays = 0;
    };
    // Imports an official calendar file (HolidayCalendar::parse; every bad line is listed in `problems`, and
    // nothing is stored then). The years of the file replace those years of earlier imports; the calendar is
    // kept in the database, audited (calendar.import) in the same transaction. Administrator (WriteSettings).
    Result<CalendarImport> importCalendar(
        const Session& session, const QByteArray& csv, QList<HolidayCalendar::Problem>* problems = nullptr);

private:
    // Validates and stores a value without a session, audited as `actor`: reached by core's first run, the
    // benchmark and the tests through SettingsWriter (core/internal/policy/SettingsWriter.h). set() is the front
    // door.
    friend class SettingsWriter;
    Status setAs(const Actor& actor, const QString& key, const QString& value);
    QVariantMap maskMap() const;

    Database& m_db; // transactions and the stored masked forms (StoredMasks)
    std::unique_ptr<SettingsRepository> m_repo; // the settings table (core/internal/policy/SettingsRepository.h)
    AuditLog& m_audit;
    const Clock& m_clock;
    AccessControl* m_access = nullptr;
    QHash<QString, QVariant> m_values;
    MaskSettings m_mask; // derived from the mask.* values, rebuilt when they change
    OfficialCalendar m_importedCalendar; // settings::OfficialCalendarData, parsed
};

namespace settings {
inline constexpr char BranchCode[] = "branch.code";
inline constexpr char BranchName[] = "branch.name";
inline constexpr char LockoutAttempts[] = "auth.lockout.attempts";
inline constexpr char LockoutMinutes[] = "auth.lockout.minutes";
inline constexpr char IdleMinutes[] = "auth.idle.minutes";
inline constexpr char PasswordExpiryDays[] = "auth.password.expiry_days";
inline constexpr char PasswordHistory[] = "auth.password.history";
inline constexpr char PasswordMinLength[] = "auth.password.min_length";
inline constexpr char TotpRequiredForPrivileged[] = "auth.totp.required_for_privileged";
inline constexpr char Argon2MemLimitMiB[] = "auth.argon2.memlimit_mib";
inline constexpr char Argon2OpsLimit[] = "auth.argon2.opslimit";
inline constexpr char AuditRetentionDays[] = "audit.retention_days";
inline constexpr char AlertClerkLookupsPerHour[] = "alert.clerk_lookups_per_hour";
inline constexpr char AlertSameCustomerPerDay[] = "alert.same_customer_opens_per_day";
inline constexpr char AlertWorkStartHour[] = "alert.working_hours.start";
inline constexpr char AlertWorkEndHour[] = "alert.working_hours.end";
inline constexpr char AlertFailedSignIns[] = "alert.failed_sign_ins_per_hour";
inline constexpr char AlertQuickGrantMinutes[] = "alert.quick_grant_minutes";
inline constexpr char RequestMaxValidityHours[] = "request.max_validity_hours";
inline constexpr char CustomerRetentionYears[] = "customer.retention_years";
inline constexpr char TierGoldCny[] = "customer.tier.gold_cny";
inline constexpr char TierPlatinumCny[] = "customer.tier.platinum_cny";
inline constexpr char TierDiamondCny[] = "customer.tier.diamond_cny";
inline constexpr char Holidays[] = "complaint.holidays";
inline constexpr char ExtraWorkingDays[] = "complaint.extra_working_days";
inline constexpr char ReportPeriodDays[] = "reports.period_days";
// how long revealed full values stay on screen before they are masked again ("Show again" while the grant lasts)
inline constexpr char RevealDisplaySeconds[] = "reveal.display_seconds";
// The imported official calendar (HolidayCalendar's stored form). Not a SettingSpec: it is not edited as a
// value, only replaced through SettingsService::importCalendar.
inline constexpr char OfficialCalendarData[] = "calendar.official";
// blind re-key (issue 13): the grade-1 fields a checker types from the customer's document when approving
inline constexpr char RekeyFields[] = "approval.rekey_fields";
} // namespace settings

} // namespace bv
