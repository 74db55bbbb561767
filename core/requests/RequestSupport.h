#pragma once

// Internal to core/requests: what RequestService.cpp and RequestGrants.cpp share. Not for other modules.

#include "core/common/Result.h"

#include <QDateTime>
#include <QStringList>
#include <QVariant>

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

Scope scopeFromJson(const QString& json);
// A stored ISO timestamp; null for NULL.
QDateTime timeFrom(const QVariant& value);
// An InvalidInput error naming `field`.
Error invalid(const QString& field, const QString& message);

} // namespace bv::requests_internal
