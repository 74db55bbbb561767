#pragma once

// Internal to core: the auditor's alerts for a caller that authorized the auditor itself and records the
// read in its own audit row (core/reports' alert report and audit summary). Not for ui/ or app/, which go
// through AuditService::alerts.

#include "core/audit/AuditService.h"

namespace bv {

// The alerts of [since, until), sorted by time then kind; InvalidInput when the period is empty or invalid.
Result<QList<AuditAlert>> collectAuditAlerts(
    const AuditService& service, const QDateTime& since, const QDateTime& until);

} // namespace bv
