#pragma once

#include "core/internal/InternalOnly.h"

// Internal to core: "who is responsible for a customer now", written once for every query that needs it.
// The manager responsible now is the custodian while a custody lasts, else the owner; a customer manager's own
// customers are those he or she is responsible for now whose record is still held (pending, active, closed) —
// the rule CustomerServiceInternals::reachable applies to one customer. All SQL is over the customers table
// aliased `c`.

#include <QDateTime>
#include <QString>
#include <QVariantList>

namespace bv::responsible {

// The manager responsible now, as an SQL expression; bind managerValues(now) where it appears.
QString managerSql();
QVariantList managerValues(const QDateTime& now);

// The condition "the manager responsible now is ?" written so that the indexes on manager_id and
// custody_manager_id can answer it (the expression above cannot); bind managedByValues(userId, now).
QString managedBySql();
QVariantList managedByValues(qint64 userId, const QDateTime& now);

// The condition "the record is still held" (pending, active or closed; not rejected, not anonymised), and the
// same test in C++.
QString heldSql();
bool isHeld(const QString& status);

// A customer manager's own customers: managedBySql() and heldSql(); bind ownValues(userId, now).
QString ownSql();
QVariantList ownValues(qint64 userId, const QDateTime& now);

// The condition "a custody lasts now" (a custodian is set and its end is ahead); bind custodyValues(now).
QString custodySql();
QVariantList custodyValues(const QDateTime& now);

} // namespace bv::responsible
