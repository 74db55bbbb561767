#include "core/internal/customers/CareChecks.h"

#include "core/customers/care/CustomerCare.h"
#include "core/customers/rules/Validators.h"
#include "core/internal/common/TextLength.h"
#include "core/internal/customers/CareRepository.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/policy/FreeText.h"
#include "core/policy/SettingsService.h"

namespace bv::care {

QString isoDate(const QDate& date)
{
    return date.toString(Qt::ISODate);
}

Result<QString> checkText(const QString& input, TextKind kind)
{
    const QString field = kind == TextKind::Resolution ? QStringLiteral("resolution") : QStringLiteral("content");
    QString text = input;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    text = text.trimmed();
    if (text.isEmpty()) {
        switch (kind) {
        case TextKind::Service:
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("Describe the service given to the customer; the record cannot be empty."), QString(),
                field);
        case TextKind::Complaint:
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("Describe what the customer complains about; the complaint cannot be "
                                 "empty."),
                QString(), field);
        case TextKind::Resolution:
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("Enter the resolution: what the customer was told and what was done."), QString(),
                field);
        }
    }
    for (const QChar c : std::as_const(text)) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t'))
            return makeError(ErrorCode::InvalidInput,
                CustomerCare::tr("The text contains control characters (often pasted from another "
                                 "program). Retype it or paste it as plain text."),
                QString(), field);
    }
    const qsizetype length = charCount(text);
    if (length > kMaxTextLength)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The text is %1 characters long; at most %2 are kept. Shorten it and save "
                             "again.")
                .arg(length)
                .arg(kMaxTextLength),
            QString(), field);
    if (Validators::looksLikeSecret(text))
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The text looks like a PIN, CVV or password; BranchVault never stores "
                             "customers' authentication secrets. Remove the secret (describe the matter "
                             "without it) and save again."),
            QString(), field);
    if (const QList<FreeTextFinding> findings = FreeText::check(text); !findings.isEmpty()) {
        const QString label = kind == TextKind::Service
            ? CustomerCare::tr("The service record")
            : (kind == TextKind::Complaint ? CustomerCare::tr("The complaint") : CustomerCare::tr("The resolution"));
        return FreeText::refusal(findings, field, label);
    }
    return text;
}

Result<QString> checkChannel(const QString& input)
{
    const QString channel = input.trimmed().toLower();
    if (!CustomerCare::channels().contains(channel))
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The channel is not one BranchVault records. Choose one of: %1.")
                .arg(CustomerCare::channels().join(QStringLiteral(", "))),
            QString(), QStringLiteral("channel"));
    return channel;
}

Result<QDate> earliestDate(CareRepository& repo, qint64 customerId)
{
    auto at = repo.customerCreatedAt(customerId);
    if (!at.ok())
        return at.error();
    if (!at->isValid())
        return makeError(ErrorCode::Internal, CustomerCare::tr("The customer's record has no creation time."));
    return at->toTimeZone(WorkingCalendar::branchTimeZone()).date().addYears(-kBackdateYears);
}

Status checkDate(CustomerServiceInternals& internals, CareRepository& repo, qint64 customerId, const QDate& date,
    const QString& field)
{
    if (!date.isValid())
        return makeError(
            ErrorCode::InvalidInput, CustomerCare::tr("Enter a valid date (YYYY-MM-DD)."), QString(), field);
    const QDate today = internals.store().today();
    if (date > today)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The date %1 is in the future (today is %2). Enter the day it happened.")
                .arg(isoDate(date), isoDate(today)),
            QString(), field);
    auto earliest = earliestDate(repo, customerId);
    if (!earliest.ok())
        return earliest.error();
    if (date < *earliest)
        return makeError(ErrorCode::InvalidInput,
            CustomerCare::tr("The date %1 is more than %2 years before the customer's record was "
                             "created. Check the year.")
                .arg(isoDate(date))
                .arg(kBackdateYears),
            QString(), field);
    return {};
}

Status requireServable(const CustomerRef& ref)
{
    if (ref.status == CustomerStatus::Active || ref.status == CustomerStatus::Closed)
        return {};
    if (ref.status == CustomerStatus::Pending)
        return makeError(ErrorCode::Conflict,
            CustomerCare::tr("Customer %1 is still waiting for the branch manager's approval. Record "
                             "services and complaints once the record is approved.")
                .arg(ref.number));
    return makeError(ErrorCode::Conflict,
        CustomerCare::tr("Customer %1 is %2; nothing more is recorded for it.")
            .arg(ref.number, statusLabel(ref.status)));
}

Status requireComplaintsOpen(const CustomerRef& ref)
{
    if (ref.status != CustomerStatus::Active && ref.status != CustomerStatus::Closed)
        return makeError(ErrorCode::Conflict,
            CustomerCare::tr("Customer %1 is %2; its complaints can no longer be changed.")
                .arg(ref.number, statusLabel(ref.status)));
    return {};
}

Status requireConsentable(const CustomerRef& ref, const QString& action)
{
    const bool live = ref.status == CustomerStatus::Pending || ref.status == CustomerStatus::Active;
    if (!live && !(ref.status == CustomerStatus::Closed && action == kWithdrawn))
        return makeError(ErrorCode::Conflict,
            ref.status == CustomerStatus::Closed
                ? CustomerCare::tr("Customer %1 is closed: a withdrawal can still be recorded, a new consent cannot.")
                      .arg(ref.number)
                : CustomerCare::tr("Customer %1 is %2; nothing more is recorded for it.")
                      .arg(ref.number, statusLabel(ref.status)));
    return {};
}

Result<WorkingCalendar> calendarFrom(SettingsService& settings)
{
    auto holidays = WorkingCalendar::parseDateList(settings.text(QString::fromLatin1(settings::Holidays)));
    if (!holidays.ok())
        return holidays.error();
    auto extra = WorkingCalendar::parseDateList(settings.text(QString::fromLatin1(settings::ExtraWorkingDays)));
    if (!extra.ok())
        return extra.error();
    // the official calendar (shipped and imported years) with the local lists on top
    return settings.workingCalendar();
}

} // namespace bv::care
