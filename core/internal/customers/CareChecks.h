#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: the rules the three parts of CustomerCare (ServiceRecords.cpp, Complaints.cpp, Consent.cpp)
// share — the free-text, channel and date checks, the customer statuses that take new entries, and the texts
// stored for object types, complaint statuses and consent purposes. The decisions behind them are listed at the
// top of core/customers/care/CustomerCare.cpp.

#include "core/common/Result.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/internal/requests/CustomerDirectory.h"

#include <QDate>
#include <QString>

namespace bv {

class CareRepository;
class CustomerServiceInternals;
class SettingsService;

namespace care {

constexpr int kMaxTextLength = 2000;
constexpr int kBackdateYears = 10;

// audit object types
inline const QString kServiceRecord = QStringLiteral("service_record");
inline const QString kComplaint = QStringLiteral("complaint");
inline const QString kConsent = QStringLiteral("consent");

// consent purposes and actions
inline const QString kProcessing = QStringLiteral("processing");
inline const QString kMarketing = QStringLiteral("marketing");
inline const QString kGiven = QStringLiteral("given");
inline const QString kWithdrawn = QStringLiteral("withdrawn");

enum class TextKind
{
    Service,
    Complaint,
    Resolution
};

QString isoDate(const QDate& date);

// Free text of a service record, complaint or resolution, normalised; refused when empty, too long, holding
// control characters, or looking like an authentication secret. The text itself never appears in a message.
Result<QString> checkText(const QString& input, TextKind kind);
Result<QString> checkChannel(const QString& input);

// The earliest date accepted for entries about a customer: kBackdateYears before its record was created.
Result<QDate> earliestDate(CareRepository& repo, qint64 customerId);
// A date of an entry: valid, not in the future (branch time), not before earliestDate.
Status checkDate(CustomerServiceInternals& internals, CareRepository& repo, qint64 customerId, const QDate& date,
    const QString& field);

// The customer statuses that take new service records and complaints.
Status requireServable(const CustomerRef& ref);
// The customer statuses whose complaints may still change.
Status requireComplaintsOpen(const CustomerRef& ref);
// The customer statuses that take a consent entry (`action`: given or withdrawn).
Status requireConsentable(const CustomerRef& ref, const QString& action);

// The working calendar of the complaint deadlines (the official calendar with the local lists on top).
Result<WorkingCalendar> calendarFrom(SettingsService& settings);

} // namespace care

} // namespace bv
