#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core/requests: what RequestService.cpp, RequestDecisions.cpp, RequestGrants.cpp and
// RequestRepository.cpp share. Not for other modules.

#include "core/common/Result.h"

#include <QDateTime>
#include <QStringList>
#include <QVariant>

namespace bv {
class SettingsService;
struct Request;
} // namespace bv

namespace bv::requests_internal {

// The reports an export or print request may name. This table is the one list: validation, the
// customer rule and the role rule all read it.
struct ReportSpec
{
    const char* key;
    bool oneCustomer; // true: exactly one customer (data-subject report); false: no customers
    bool managerOnly; // only the branch manager may ask for it
};

// The report `key` names, or nullptr.
const ReportSpec* findReport(const QString& key);

// What a request covers: the grade-1 fields of a reveal, the report of an export or print.
struct Scope
{
    QStringList fields;
    QString report;
};

// The stored form of a scope (RequestRepository.cpp).
Scope scopeFromJson(const QString& json);
// A stored ISO timestamp; null for NULL (RequestRepository.cpp).
QDateTime timeFrom(const QVariant& value);
// An InvalidInput error naming `field`.
Error invalid(const QString& field, const QString& message);

constexpr int kMaxTextChars = 500; // purpose and reasons
// The longest validity a request may have now: the setting, never beyond 3 days.
int maxValidityHours(const SettingsService& service);
// Characters as a reader counts them (a character outside the BMP is one, not two).
int chars(const QString& text);
// The customer number an audit row is filed under: the one customer of the request, if it names one.
QString auditCustomerNo(const Request& request);

} // namespace bv::requests_internal
