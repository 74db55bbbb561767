#include "ui/admin/SettingDescriptions.h"

#include "core/policy/MaskSettings.h"
#include "core/policy/SettingsService.h"

#include <QHash>

namespace bv::ui {

namespace {

struct Described
{
    QString key;
    const char* text;
};

const QHash<QString, const char*>& table()
{
    static const QHash<QString, const char*> descriptions = [] {
        const QList<Described> list {
            {QString::fromLatin1(settings::BranchCode),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Begins every customer number of this branch. Change it only before the first customer is "
                    "entered: numbers already given keep their old prefix.")},
            {QString::fromLatin1(settings::BranchName),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "Shown at sign-in, in the window title and on every printed page.")},
            {QString::fromLatin1(settings::LockoutAttempts),
                QT_TRANSLATE_NOOP("SettingDescriptions", "How many wrong passwords in a row lock an account.")},
            {QString::fromLatin1(settings::LockoutMinutes),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "How long a locked account stays locked before its holder may try again.")},
            {QString::fromLatin1(settings::IdleMinutes),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "A session without keyboard or mouse activity for this long locks and asks for the password.")},
            {QString::fromLatin1(settings::PasswordExpiryDays),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "After this many days a password must be changed at the next sign-in.")},
            {QString::fromLatin1(settings::PasswordHistory),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "A new password may not repeat any of this many earlier passwords of the same account.")},
            {QString::fromLatin1(settings::PasswordMinLength),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "The shortest password accepted; letters and digits are always required.")},
            {QString::fromLatin1(settings::TotpRequiredForPrivileged),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "When ticked, administrator and auditor accounts must enrol an authenticator app and give its "
                    "code at every sign-in.")},
            {QString::fromLatin1(settings::Argon2MemLimitMiB),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Memory used to check a password (Argon2id). More makes guessing stolen hashes slower and "
                    "signing in slightly slower; applies to passwords set from now on.")},
            {QString::fromLatin1(settings::Argon2OpsLimit),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Passes over that memory when a password is checked (Argon2id); applies to passwords set from "
                    "now on.")},
            {QString::fromLatin1(settings::AuditRetentionDays),
                QT_TRANSLATE_NOOP("SettingDescriptions", "Audit rows younger than this can never be purged.")},
            {QString::fromLatin1(settings::AlertClerkLookupsPerHour),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "The auditor is alerted when one clerk looks up more customers than this within an hour.")},
            {QString::fromLatin1(settings::AlertSameCustomerPerDay),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "The auditor is alerted when one person opens the same customer more often than this in a "
                    "day.")},
            {QString::fromLatin1(settings::AlertWorkStartHour),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Access to customer records before this hour (branch time) is reported to the auditor.")},
            {QString::fromLatin1(settings::AlertWorkEndHour),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Access to customer records from this hour on (branch time) is reported to the auditor.")},
            {QString::fromLatin1(settings::AlertFailedSignIns),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "The auditor is alerted when one login fails this often within an hour.")},
            {QString::fromLatin1(settings::AlertQuickGrantMinutes),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "The auditor is alerted when a special request is used this soon after the same pair of people "
                    "approved it.")},
            {QString::fromLatin1(settings::RequestMaxValidityHours),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "The longest time a special request may ask for; an approved reveal stops working after it.")},
            {QString::fromLatin1(settings::CustomerRetentionYears),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "A closed customer's record is kept this long, then anonymised.")},
            {QString::fromLatin1(settings::TierGoldCny),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Assets under management from which a customer is proposed for the gold card tier.")},
            {QString::fromLatin1(settings::TierPlatinumCny),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Assets under management from which a customer is proposed for the platinum tier.")},
            {QString::fromLatin1(settings::TierDiamondCny),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Assets under management from which a customer is proposed for the diamond tier.")},
            {QString::fromLatin1(settings::Holidays),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Local days off added to the official holiday calendar (which ships with BranchVault and is "
                    "imported on the Storage page); complaint due dates skip them.")},
            {QString::fromLatin1(settings::ExtraWorkingDays),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Local Saturdays or Sundays worked, added to the official make-up working days; complaint due "
                    "dates count them.")},
            {QString::fromLatin1(settings::RekeyFields),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "Before approving a new record or an edit of these fields, the checker types each value from the "
                    "customer's document; it is compared through the blind index, and a mismatch refuses the "
                    "approval.")},
            {QString::fromLatin1(settings::RevealDisplaySeconds),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "How many seconds a full value shown under an approved reveal stays on screen before it is masked "
                    "again; \"Show again\" reveals it anew while the approval lasts.")},
            {QString::fromLatin1(settings::ReportPeriodDays),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "How long a printed report may be used; the end date is printed on every page.")},
            {QString(MaskSettings::kPhoneKeepStartKey),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "How many leading digits of a phone number masked forms show.")},
            {QString(MaskSettings::kPhoneKeepEndKey),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "How many trailing digits of a phone number masked forms show.")},
            {QString(MaskSettings::kMainlandIdKeepStartKey),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "How many leading characters of a mainland ID number masked forms show.")},
            {QString(MaskSettings::kOtherIdKeepStartKey),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "How many leading characters of another identity document number masked forms show.")},
            {QString(MaskSettings::kAccountKeepStartKey),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "How many leading digits of an account or card number masked forms show.")},
            {QString(MaskSettings::kAccountKeepEndKey),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "How many trailing digits of an account or card number masked forms show.")},
            {QString(MaskSettings::kAddressKeepStartKey),
                QT_TRANSLATE_NOOP(
                    "SettingDescriptions", "How many leading characters of an address masked forms show.")},
            {QString(MaskSettings::kEmailLocalKeepKey),
                QT_TRANSLATE_NOOP("SettingDescriptions",
                    "How many characters of the name before the @ of an e-mail address masked forms show.")},
        };
        QHash<QString, const char*> hash;
        for (const Described& d : list)
            hash.insert(d.key, d.text);
        return hash;
    }();
    return descriptions;
}

} // namespace

QString SettingDescriptions::description(const QString& key)
{
    const char* text = table().value(key, nullptr);
    return text ? tr(text) : QString();
}

} // namespace bv::ui
