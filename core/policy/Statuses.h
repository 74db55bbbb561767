#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace bv {

// The states the core stores, one enum each, and their one text mapping: the key written to the database,
// the CLI's JSON and the audit details ("pending", "active", ...), and the translated label a person reads.
// Nothing else in core, the GUI or the CLI compares a status with a literal; the keys and labels live in the
// tables of Statuses.cpp.

// A customer record (customers.status).
enum class CustomerStatus
{
    Pending, // entered, waiting for the checker
    Active,
    Rejected, // the entry was rejected by the checker
    Closed, // relationship ended, kept until its retention date
    Anonymised // retention passed: grade-1 values erased
};

// A pending change to a customer (customer_changes.status).
enum class ChangeStatus
{
    Pending,
    Approved,
    Rejected
};

// One account or card of a customer (accounts.status).
enum class AccountStatus
{
    Active,
    Dormant,
    Frozen,
    Closed
};

// A staff account (users.status).
enum class StaffStatus
{
    Active,
    Frozen
};

// A pair of customers sharing a phone or an account number (suspicious_pairs.status).
enum class PairStatus
{
    Open, // to review
    Cleared
};

// A proposed tier change (tier_changes.status).
enum class TierChangeStatus
{
    Pending,
    Confirmed,
    Rejected
};

// A complaint; moves forward only: open → investigating → answered → closed (complaints.status).
enum class ComplaintStatus
{
    Open,
    Investigating,
    Answered,
    Closed
};

// A special request (requests.status). Expired is never stored: an approved grant whose validity has passed
// is expired, without anyone acting.
enum class RequestStatus
{
    Pending,
    Approved,
    Rejected,
    Revoked,
    Used,
    Withdrawn,
    Expired
};

QString statusKey(CustomerStatus status);
QString statusKey(ChangeStatus status);
QString statusKey(AccountStatus status);
QString statusKey(StaffStatus status);
QString statusKey(PairStatus status);
QString statusKey(TierChangeStatus status);
QString statusKey(ComplaintStatus status);
QString statusKey(RequestStatus status);

QString statusLabel(CustomerStatus status);
QString statusLabel(ChangeStatus status);
QString statusLabel(AccountStatus status);
QString statusLabel(StaffStatus status);
QString statusLabel(PairStatus status);
QString statusLabel(TierChangeStatus status);
QString statusLabel(ComplaintStatus status);
QString statusLabel(RequestStatus status);

// The status a stored or typed key names; none for an unknown key. Request keys include "expired", which is
// never stored (RequestService's storedStatusFromKey refuses it).
template <typename S>
std::optional<S> statusFromKey(const QString& key);
// Every key of one enum, in declaration order (for a CLI's choices or a validator's message).
template <typename S>
QStringList statusKeys();

// The label of a stored key, for a value that arrives as text (a report's SQL row, a field diff); the key
// itself when unknown, "—" when empty.
template <typename S>
QString statusLabelOfKey(const QString& key)
{
    if (key.isEmpty())
        return QStringLiteral("—");
    const std::optional<S> status = statusFromKey<S>(key);
    return status ? statusLabel(*status) : key;
}

} // namespace bv
