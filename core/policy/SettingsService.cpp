#include "core/policy/SettingsService.h"

#include "core/audit/AuditActions.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/policy/AccessControl.h"
#include "core/internal/policy/SettingsRepository.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/FreeText.h"

#include <QJsonObject>

#include <optional>

namespace bv {

namespace {
using T = SettingSpec::Type;
} // namespace

const QList<SettingSpec>& SettingsService::specs()
{
    static const QList<SettingSpec> list = [] {
        QList<SettingSpec> s = {
            {QString::fromLatin1(settings::BranchCode), T::Text, QStringLiteral("0001"), 1, 12,
                QT_TR_NOOP("Branch code (prefix of customer numbers)"), QT_TR_NOOP("1 to 12 letters or digits")},
            {QString::fromLatin1(settings::BranchName), T::Text, QString(), 0, 60, QT_TR_NOOP("Branch name"),
                QT_TR_NOOP("at most 60 characters")},
            {QString::fromLatin1(settings::LockoutAttempts), T::Integer, 5, 3, 10,
                QT_TR_NOOP("Failed sign-ins before the account is locked"),
                QT_TR_NOOP("between 3 and 10: fewer locks out staff who mistype, more lets a guesser try longer")},
            {QString::fromLatin1(settings::LockoutMinutes), T::Integer, 15, 15, 1440,
                QT_TR_NOOP("Minutes an account stays locked"), QT_TR_NOOP("at least 15 minutes")},
            {QString::fromLatin1(settings::IdleMinutes), T::Integer, 5, 1, 30,
                QT_TR_NOOP("Minutes of inactivity before the session locks"), QT_TR_NOOP("between 1 and 30 minutes")},
            {QString::fromLatin1(settings::PasswordExpiryDays), T::Integer, 90, 1, 180,
                QT_TR_NOOP("Days before a password expires"), QT_TR_NOOP("at most 180 days")},
            {QString::fromLatin1(settings::PasswordHistory), T::Integer, 5, 5, 24,
                QT_TR_NOOP("Earlier passwords that cannot be reused"), QT_TR_NOOP("at least the last 5")},
            {QString::fromLatin1(settings::PasswordMinLength), T::Integer, 8, 8, 64,
                QT_TR_NOOP("Minimum password length"), QT_TR_NOOP("at least 8 characters")},
            {QString::fromLatin1(settings::TotpRequiredForPrivileged), T::Boolean, false, 0, 1,
                QT_TR_NOOP("Second factor mandatory for administrator and auditor"), QT_TR_NOOP("true or false")},
            {QString::fromLatin1(settings::Argon2MemLimitMiB), T::Integer, 256, 19, 4096,
                QT_TR_NOOP("Password hashing memory (MiB)"),
                QT_TR_NOOP("at least 19 MiB (OWASP's minimum for Argon2id)")},
            {QString::fromLatin1(settings::Argon2OpsLimit), T::Integer, 3, 2, 10, QT_TR_NOOP("Password hashing passes"),
                QT_TR_NOOP("at least 2 (OWASP's minimum for Argon2id)")},
            {QString::fromLatin1(settings::AuditRetentionDays), T::Integer, kAuditMinimumRetentionDays,
                kAuditMinimumRetentionDays, 3650, QT_TR_NOOP("Days audit rows are kept before they may be purged"),
                QT_TR_NOOP("at least 180 days")},
            {QString::fromLatin1(settings::AlertClerkLookupsPerHour), T::Integer, 20, 1, 1000,
                QT_TR_NOOP("Alert: clerk lookups per hour"), QT_TR_NOOP("between 1 and 1000")},
            {QString::fromLatin1(settings::AlertSameCustomerPerDay), T::Integer, 10, 1, 1000,
                QT_TR_NOOP("Alert: openings of the same customer by one user per day"),
                QT_TR_NOOP("between 1 and 1000")},
            {QString::fromLatin1(settings::AlertWorkStartHour), T::Integer, 8, 0, 23,
                QT_TR_NOOP("Alert: working hours start (hour, branch time)"), QT_TR_NOOP("an hour from 0 to 23")},
            {QString::fromLatin1(settings::AlertWorkEndHour), T::Integer, 18, 1, 24,
                QT_TR_NOOP("Alert: working hours end (hour, branch time)"), QT_TR_NOOP("an hour from 1 to 24")},
            {QString::fromLatin1(settings::AlertFailedSignIns), T::Integer, 3, 1, 100,
                QT_TR_NOOP("Alert: failed sign-ins of one login per hour"), QT_TR_NOOP("between 1 and 100")},
            {QString::fromLatin1(settings::AlertQuickGrantMinutes), T::Integer, 10, 1, 1440,
                QT_TR_NOOP("Alert: a grant used within this many minutes of its approval"),
                QT_TR_NOOP("between 1 and 1440 minutes")},
            {QString::fromLatin1(settings::RequestMaxValidityHours), T::Integer, 72, 1, 72,
                QT_TR_NOOP("Longest validity of a special request (hours)"), QT_TR_NOOP("at most 72 hours (3 days)")},
            {QString::fromLatin1(settings::CustomerRetentionYears), T::Integer, 5, 5, 30,
                QT_TR_NOOP("Years a closed customer's record is kept"), QT_TR_NOOP("at least 5 years")},
            {QString::fromLatin1(settings::TierGoldCny), T::Integer, 500000, 1, 1000000000000,
                QT_TR_NOOP("Tier threshold: gold card (CNY)"), QT_TR_NOOP("a positive amount")},
            {QString::fromLatin1(settings::TierPlatinumCny), T::Integer, 3000000, 1, 1000000000000,
                QT_TR_NOOP("Tier threshold: platinum (CNY)"), QT_TR_NOOP("a positive amount")},
            {QString::fromLatin1(settings::TierDiamondCny), T::Integer, 10000000, 1, 1000000000000,
                QT_TR_NOOP("Tier threshold: diamond (CNY)"), QT_TR_NOOP("a positive amount")},
            {QString::fromLatin1(settings::Holidays), T::DateList, QString(), 0, 0,
                QT_TR_NOOP("Public holidays (complaint deadlines skip them)"), QT_TR_NOOP("dates as YYYY-MM-DD")},
            {QString::fromLatin1(settings::ExtraWorkingDays), T::DateList, QString(), 0, 0,
                QT_TR_NOOP("Weekend days that are working days (调休)"), QT_TR_NOOP("dates as YYYY-MM-DD")},
            {QString::fromLatin1(settings::ReportPeriodDays), T::Integer, 30, 1, 365,
                QT_TR_NOOP("Days a printed report may be used (period of use printed on every page)"),
                QT_TR_NOOP("between 1 and 365 days")},
            {QString::fromLatin1(settings::RevealDisplaySeconds), T::Integer, 60, 10, 600,
                QT_TR_NOOP("Seconds revealed full values stay on screen"),
                QT_TR_NOOP("between 10 and 600 seconds; \"Show again\" shows them anew while the approval lasts")},
            {QString::fromLatin1(settings::RekeyFields), T::Text, QStringLiteral("id_number"), 0, 64,
                QT_TR_NOOP("Fields the checker types from the customer's document to approve a new record or an edit"),
                QT_TR_NOOP("a comma-separated list of id_number, mobile and account_number (empty: none)")},
        };
        // the mask widths (DESIGN §4), each bounded by its floor (MaskSettings)
        const QVariantMap mask = MaskSettings().toMap();
        auto width = [&](QLatin1StringView key, int max, const char* label, const char* reason) {
            s.append({QString(key), T::Integer, mask.value(QString(key)), 0, max, label, reason});
        };
        width(MaskSettings::kPhoneKeepStartKey, MaskSettings::kPhoneMaxKeepStart,
            QT_TR_NOOP("Mask: phone digits shown at the start"),
            QT_TR_NOOP("at most 3: the middle 4 digits stay hidden"));
        width(MaskSettings::kPhoneKeepEndKey, MaskSettings::kPhoneMaxKeepEnd,
            QT_TR_NOOP("Mask: phone digits shown at the end"),
            QT_TR_NOOP("at most 4: the middle 4 digits stay hidden"));
        width(MaskSettings::kMainlandIdKeepStartKey, MaskSettings::kMainlandIdMaxKeepStart,
            QT_TR_NOOP("Mask: mainland ID characters shown at the start"),
            QT_TR_NOOP("at most 6: the birth date and the last 4 characters stay hidden"));
        width(MaskSettings::kOtherIdKeepStartKey, MaskSettings::kOtherIdMaxKeepStart,
            QT_TR_NOOP("Mask: other ID document characters shown at the start"),
            QT_TR_NOOP("at most 4: the last 4 characters stay hidden"));
        width(MaskSettings::kAccountKeepStartKey, MaskSettings::kAccountMaxKeepStart,
            QT_TR_NOOP("Mask: account digits shown at the start"),
            QT_TR_NOOP("at most 6: the middle 4 digits stay hidden"));
        width(MaskSettings::kAccountKeepEndKey, MaskSettings::kAccountMaxKeepEnd,
            QT_TR_NOOP("Mask: account digits shown at the end"),
            QT_TR_NOOP("at most 6: the middle 4 digits stay hidden"));
        width(MaskSettings::kAddressKeepStartKey, MaskSettings::kAddressMaxKeepStart,
            QT_TR_NOOP("Mask: address characters shown at the start"),
            QT_TR_NOOP("at most 6: the rest of the address stays hidden"));
        width(MaskSettings::kEmailLocalKeepKey, MaskSettings::kEmailMaxLocalKeep,
            QT_TR_NOOP("Mask: e-mail name characters shown"),
            QT_TR_NOOP("at most 1: the rest of the name before the @ stays hidden"));
        return s;
    }();
    return list;
}

const SettingSpec* SettingsService::spec(const QString& key)
{
    for (const SettingSpec& s : specs()) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

SettingsService::SettingsService(Database& db, AuditLog& audit, const Clock& clock)
    : m_db(db)
    , m_repo(std::make_unique<SettingsRepository>(db))
    , m_audit(audit)
    , m_clock(clock)
{
    (void)reload();
}

SettingsService::~SettingsService() = default;

Status SettingsService::reload()
{
    m_values.clear();
    auto stored = m_repo->all();
    OfficialCalendar imported;
    if (stored.ok()) {
        for (const auto& [key, text] : std::as_const(*stored)) {
            if (key == QLatin1String(settings::OfficialCalendarData)) {
                auto calendar = HolidayCalendar::parse(text.toUtf8());
                if (calendar.ok())
                    imported = *calendar;
                continue;
            }
            auto parsed = validate(key, text);
            if (parsed.ok())
                m_values.insert(key, *parsed);
        }
    }
    // All or nothing: a read that failed half-way leaves the defaults, not half of the stored values.
    const Status read = stored.ok() ? Status() : Status(stored.error());
    m_importedCalendar = imported;
    auto mask = MaskSettings::fromMap(maskMap());
    m_mask = mask.ok() ? *mask : MaskSettings();
    return read;
}

QVariant SettingsService::value(const QString& key) const
{
    auto it = m_values.constFind(key);
    if (it != m_values.cend())
        return *it;
    const SettingSpec* s = spec(key);
    return s ? s->defaultValue : QVariant();
}

QVariantMap SettingsService::maskMap() const
{
    QVariantMap map;
    const QVariantMap defaults = MaskSettings().toMap();
    for (auto it = defaults.cbegin(); it != defaults.cend(); ++it)
        map.insert(it.key(), value(it.key()));
    return map;
}

MaskSettings SettingsService::maskSettings() const
{
    return m_mask;
}

Result<QVariant> SettingsService::validate(const QString& key, const QString& text, const QVariantMap& maskContext)
{
    const SettingSpec* s = spec(key);
    if (!s)
        return makeError(ErrorCode::InvalidInput,
            tr("There is no setting \"%1\". List the settings with branchvault-cli settings get.").arg(key), QString(),
            key);
    const QString label = tr(s->label);
    const QString trimmed = text.trimmed();
    switch (s->type) {
    case T::Integer: {
        bool ok = false;
        const qint64 number = trimmed.toLongLong(&ok);
        if (!ok)
            return makeError(ErrorCode::InvalidInput, tr("\"%1\" must be a whole number.").arg(label), QString(), key);
        if (number < s->minimum || number > s->maximum)
            return makeError(ErrorCode::InvalidInput,
                tr("\"%1\" (%6) cannot be %2: it must be %3 (from %4 to %5).")
                    .arg(label)
                    .arg(number)
                    .arg(tr(s->reason))
                    .arg(s->minimum)
                    .arg(s->maximum)
                    .arg(key),
                QString(), key);
        if (key.startsWith(QLatin1String("mask."))) {
            QVariantMap map = maskContext;
            map.insert(key, number);
            auto mask = MaskSettings::fromMap(map);
            if (!mask.ok())
                return mask.error();
        }
        return QVariant(number);
    }
    case T::Boolean:
        if (trimmed == QLatin1String("true") || trimmed == QLatin1String("1") || trimmed == QLatin1String("yes"))
            return QVariant(true);
        if (trimmed == QLatin1String("false") || trimmed == QLatin1String("0") || trimmed == QLatin1String("no"))
            return QVariant(false);
        return makeError(ErrorCode::InvalidInput, tr("\"%1\" must be true or false.").arg(label), QString(), key);
    case T::Text:
        if (charCount(trimmed) < s->minimum || charCount(trimmed) > s->maximum)
            return makeError(
                ErrorCode::InvalidInput, tr("\"%1\" must be %2.").arg(label, tr(s->reason)), QString(), key);
        if (key == QLatin1String(settings::RekeyFields)) {
            auto parsed = parseRekeyFields(trimmed);
            if (!parsed.ok())
                return makeError(
                    ErrorCode::InvalidInput, tr("\"%1\" must be %2.").arg(label, tr(s->reason)), QString(), key);
            return QVariant(parsed->join(QLatin1Char(',')));
        }
        if (key == QLatin1String(settings::BranchCode)) {
            for (QChar c : trimmed) {
                if (!(c.isLetterOrNumber() && c.unicode() < 128))
                    return makeError(
                        ErrorCode::InvalidInput, tr("\"%1\" must be %2.").arg(label, tr(s->reason)), QString(), key);
            }
        }
        return QVariant(trimmed);
    case T::DateList: {
        auto dates = WorkingCalendar::parseDateList(trimmed);
        if (!dates.ok())
            return makeError(ErrorCode::InvalidInput, dates.error().message, QString(), key);
        return QVariant(WorkingCalendar::formatDateList(*dates));
    }
    }
    return makeError(ErrorCode::Internal, tr("Unknown setting type."));
}

QStringList SettingsService::rekeyableFields()
{
    return {QString::fromLatin1(fields::IdNumber), QString::fromLatin1(fields::Mobile),
        QString::fromLatin1(fields::AccountNumber)};
}

Result<QStringList> SettingsService::parseRekeyFields(const QString& text)
{
    QStringList typed;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString field = part.trimmed();
        if (field.isEmpty())
            continue;
        if (!rekeyableFields().contains(field))
            return makeError(ErrorCode::InvalidInput,
                tr("\"%1\" cannot be re-keyed: choose among id_number, mobile and account_number.").arg(field),
                QString(), QString::fromLatin1(settings::RekeyFields));
        typed << field;
    }
    QStringList ordered; // one order, whatever the typing
    for (const QString& field : rekeyableFields()) {
        if (typed.contains(field))
            ordered << field;
    }
    return ordered;
}

QStringList SettingsService::rekeyFields() const
{
    auto parsed = parseRekeyFields(text(QString::fromLatin1(settings::RekeyFields)));
    // a stored value was validated when it was set; a damaged one falls back to the strictest list
    return parsed.ok() ? *parsed : rekeyableFields();
}

Result<QVariant> SettingsService::validateAgainst(
    const QString& key, const QString& text, const std::function<QVariant(const QString&)>& current)
{
    QVariantMap masks;
    for (const QLatin1StringView maskKey : MaskSettings::keys())
        masks.insert(QString(maskKey), current(QString(maskKey)));
    auto parsed = validate(key, text, masks);
    if (!parsed.ok())
        return parsed.error();
    if (key == QLatin1String(settings::Holidays) || key == QLatin1String(settings::ExtraWorkingDays)) {
        // a date cannot be both a holiday and a make-up working day, and make-up days are weekend days
        const bool holidays = key == QLatin1String(settings::Holidays);
        auto mine = WorkingCalendar::parseDateList(parsed->toString());
        auto other = WorkingCalendar::parseDateList(
            current(QString::fromLatin1(holidays ? settings::ExtraWorkingDays : settings::Holidays)).toString());
        if (mine.ok() && other.ok()) {
            Status consistent = holidays ? WorkingCalendar::checkSettings(*mine, *other)
                                         : WorkingCalendar::checkSettings(*other, *mine);
            if (!consistent.ok())
                return makeError(ErrorCode::InvalidInput, consistent.error().message, QString(), key);
        }
    }
    return parsed;
}

Status SettingsService::setAs(const Actor& actor, const QString& key, const QString& text)
{
    auto parsed = validateAgainst(key, text, [this](const QString& other) { return value(other); });
    if (!parsed.ok())
        return parsed.error();
    const QString stored = parsed->toString();
    const QString previous = value(key).toString();
    // A mask width re-masks the stored masked forms in the same transaction (narrower), or leaves them
    // for the next key holder's sign-in (wider): see StoredMasks.
    const bool maskWidth = key.startsWith(QLatin1String("mask."));
    const MaskSettings before = m_mask;
    const MaskSettings after = maskWidth ? m_mask.with(key, int(parsed->toLongLong())) : m_mask;
    {
        Transaction tx(m_db);
        if (!tx.ok())
            return tx.error();
        BV_TRY(m_repo->put(key, stored, m_clock.nowUtc(), actor.userId));
        QJsonObject details {{QStringLiteral("old"), previous}, {QStringLiteral("new"), stored}};
        const bool wider = maskWidth && after.showsMoreThan(before);
        std::optional<StoredMasks::Counts> tightened;
        if (maskWidth && after.hidesMoreThan(before)) {
            auto counts = StoredMasks::tighten(m_db, after, &before);
            if (!counts.ok())
                return counts.error();
            tightened = *counts;
        }
        const bool pending = wider || (tightened && tightened->inexact > 0);
        if (pending) {
            BV_TRY(StoredMasks::markPending(m_db, m_clock.nowUtc()));
            details.insert(QStringLiteral("remask"), QStringLiteral("at the next sign-in of a key holder"));
        }
        BV_TRY(m_audit.append(actor,
            AuditEvent {QString::fromLatin1(audit::SettingsChange), QStringLiteral("setting"), key, QString(),
                AuditOutcome::Ok, details}));
        if (tightened) {
            BV_TRY(m_audit.append(actor,
                AuditEvent {QString::fromLatin1(audit::PolicyRemask), QStringLiteral("settings"),
                    QStringLiteral("mask"), QString(), AuditOutcome::Ok,
                    QJsonObject {{QStringLiteral("mode"), QStringLiteral("tighten")}, {QStringLiteral("setting"), key},
                        {QStringLiteral("values"), tightened->values}, {QStringLiteral("changed"), tightened->changed},
                        {QStringLiteral("pairs"), tightened->pairs}, {QStringLiteral("diffs"), tightened->diffs},
                        {QStringLiteral("inexact"), tightened->inexact}}}));
        }
        BV_TRY(tx.commit());
    }
    m_values.insert(key, *parsed);
    if (maskWidth)
        m_mask = after;
    return {};
}

Result<QList<QPair<QString, QString>>> SettingsService::list(const Session& session)
{
    auto actor = m_access->authorize(session, Operation::ReadSettings);
    if (!actor.ok())
        return actor.error();
    QList<QPair<QString, QString>> out;
    for (const SettingSpec& s : specs())
        out.append({s.key, value(s.key).toString()});
    return out;
}

Result<QString> SettingsService::get(const Session& session, const QString& key)
{
    auto actor = m_access->authorize(session, Operation::ReadSettings);
    if (!actor.ok())
        return actor.error();
    if (!spec(key))
        return makeError(ErrorCode::InvalidInput,
            tr("There is no setting \"%1\". List the settings with branchvault-cli settings get.").arg(key), QString(),
            key);
    return value(key).toString();
}

Status SettingsService::set(const Session& session, const QString& key, const QString& text)
{
    auto actor = m_access->authorize(session, Operation::WriteSettings);
    if (!actor.ok())
        return actor.error();
    Status done = setAs(*actor, key, text);
    if (!done.ok() && done.error().code == ErrorCode::InvalidInput) {
        // a refused change is on record too: which setting, what was typed (masked as free text) and why
        BV_TRY(m_audit.appendStandalone(*actor,
            AuditEvent {QString::fromLatin1(audit::SettingsChange), QStringLiteral("setting"), key, QString(),
                AuditOutcome::Failed,
                QJsonObject {{QStringLiteral("refused"), FreeText::forAudit(text)},
                    {QStringLiteral("reason"), FreeText::forAudit(done.error().message)}}}));
    }
    return done;
}

} // namespace bv
