#include "core/policy/Statuses.h"

#include <QCoreApplication>

namespace bv {

namespace {

// One row of a status table: the enum value, its stored key, and its label (source text for translation in
// the enum's own context, so "closed" of a customer and "closed" of a complaint may read differently).
template <typename S>
struct StatusText
{
    S status;
    const char* key;
    const char* label;
};

// clang-format off
constexpr StatusText<CustomerStatus> kCustomer[] = {
    {CustomerStatus::Pending, "pending", QT_TRANSLATE_NOOP("CustomerStatus", "pending approval")},
    {CustomerStatus::Active, "active", QT_TRANSLATE_NOOP("CustomerStatus", "active")},
    {CustomerStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("CustomerStatus", "rejected")},
    {CustomerStatus::Closed, "closed", QT_TRANSLATE_NOOP("CustomerStatus", "closed")},
    {CustomerStatus::Anonymised, "anonymised", QT_TRANSLATE_NOOP("CustomerStatus", "anonymised")},
};
constexpr StatusText<ChangeStatus> kChange[] = {
    {ChangeStatus::Pending, "pending", QT_TRANSLATE_NOOP("ChangeStatus", "pending approval")},
    {ChangeStatus::Approved, "approved", QT_TRANSLATE_NOOP("ChangeStatus", "approved")},
    {ChangeStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("ChangeStatus", "rejected")},
};
constexpr StatusText<AccountStatus> kAccount[] = {
    {AccountStatus::Active, "active", QT_TRANSLATE_NOOP("AccountStatus", "active")},
    {AccountStatus::Dormant, "dormant", QT_TRANSLATE_NOOP("AccountStatus", "dormant")},
    {AccountStatus::Frozen, "frozen", QT_TRANSLATE_NOOP("AccountStatus", "frozen")},
    {AccountStatus::Closed, "closed", QT_TRANSLATE_NOOP("AccountStatus", "closed")},
};
constexpr StatusText<StaffStatus> kStaff[] = {
    {StaffStatus::Active, "active", QT_TRANSLATE_NOOP("StaffStatus", "active")},
    {StaffStatus::Frozen, "frozen", QT_TRANSLATE_NOOP("StaffStatus", "frozen")},
};
constexpr StatusText<PairStatus> kPair[] = {
    {PairStatus::Open, "open", QT_TRANSLATE_NOOP("PairStatus", "to review")},
    {PairStatus::Cleared, "cleared", QT_TRANSLATE_NOOP("PairStatus", "cleared")},
};
constexpr StatusText<TierChangeStatus> kTierChange[] = {
    {TierChangeStatus::Pending, "pending", QT_TRANSLATE_NOOP("TierChangeStatus", "to confirm")},
    {TierChangeStatus::Confirmed, "confirmed", QT_TRANSLATE_NOOP("TierChangeStatus", "confirmed")},
    {TierChangeStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("TierChangeStatus", "rejected")},
};
constexpr StatusText<ComplaintStatus> kComplaint[] = {
    {ComplaintStatus::Open, "open", QT_TRANSLATE_NOOP("ComplaintStatus", "open")},
    {ComplaintStatus::Investigating, "investigating", QT_TRANSLATE_NOOP("ComplaintStatus", "under investigation")},
    {ComplaintStatus::Answered, "answered", QT_TRANSLATE_NOOP("ComplaintStatus", "answered")},
    {ComplaintStatus::Closed, "closed", QT_TRANSLATE_NOOP("ComplaintStatus", "closed")},
};
constexpr StatusText<RequestStatus> kRequest[] = {
    {RequestStatus::Pending, "pending", QT_TRANSLATE_NOOP("RequestStatus", "pending")},
    {RequestStatus::Approved, "approved", QT_TRANSLATE_NOOP("RequestStatus", "approved")},
    {RequestStatus::Rejected, "rejected", QT_TRANSLATE_NOOP("RequestStatus", "rejected")},
    {RequestStatus::Revoked, "revoked", QT_TRANSLATE_NOOP("RequestStatus", "revoked")},
    {RequestStatus::Used, "used", QT_TRANSLATE_NOOP("RequestStatus", "used")},
    {RequestStatus::Withdrawn, "withdrawn", QT_TRANSLATE_NOOP("RequestStatus", "withdrawn")},
    {RequestStatus::Expired, "expired", QT_TRANSLATE_NOOP("RequestStatus", "expired")},
};
// clang-format on

template <typename S>
struct Table;
template <>
struct Table<CustomerStatus>
{
    static constexpr const auto& rows = kCustomer;
    static constexpr const char* context = "CustomerStatus";
};
template <>
struct Table<ChangeStatus>
{
    static constexpr const auto& rows = kChange;
    static constexpr const char* context = "ChangeStatus";
};
template <>
struct Table<AccountStatus>
{
    static constexpr const auto& rows = kAccount;
    static constexpr const char* context = "AccountStatus";
};
template <>
struct Table<StaffStatus>
{
    static constexpr const auto& rows = kStaff;
    static constexpr const char* context = "StaffStatus";
};
template <>
struct Table<PairStatus>
{
    static constexpr const auto& rows = kPair;
    static constexpr const char* context = "PairStatus";
};
template <>
struct Table<TierChangeStatus>
{
    static constexpr const auto& rows = kTierChange;
    static constexpr const char* context = "TierChangeStatus";
};
template <>
struct Table<ComplaintStatus>
{
    static constexpr const auto& rows = kComplaint;
    static constexpr const char* context = "ComplaintStatus";
};
template <>
struct Table<RequestStatus>
{
    static constexpr const auto& rows = kRequest;
    static constexpr const char* context = "RequestStatus";
};

template <typename S>
const StatusText<S>* find(S status)
{
    for (const StatusText<S>& row : Table<S>::rows) {
        if (row.status == status)
            return &row;
    }
    return nullptr; // unreachable: every enum value has a row (tst_statuses checks it)
}

template <typename S>
QString keyOf(S status)
{
    const StatusText<S>* row = find(status);
    return row ? QString::fromLatin1(row->key) : QString();
}

template <typename S>
QString labelOf(S status)
{
    const StatusText<S>* row = find(status);
    return row ? QCoreApplication::translate(Table<S>::context, row->label) : QString();
}

} // namespace

template <typename S>
std::optional<S> statusFromKey(const QString& key)
{
    for (const StatusText<S>& row : Table<S>::rows) {
        if (key == QLatin1String(row.key))
            return row.status;
    }
    return std::nullopt;
}

template <typename S>
QStringList statusKeys()
{
    QStringList keys;
    for (const StatusText<S>& row : Table<S>::rows)
        keys << QString::fromLatin1(row.key);
    return keys;
}

QString statusKey(CustomerStatus status)
{
    return keyOf(status);
}
QString statusLabel(CustomerStatus status)
{
    return labelOf(status);
}
template std::optional<CustomerStatus> statusFromKey<CustomerStatus>(const QString& key);
template QStringList statusKeys<CustomerStatus>();

QString statusKey(ChangeStatus status)
{
    return keyOf(status);
}
QString statusLabel(ChangeStatus status)
{
    return labelOf(status);
}
template std::optional<ChangeStatus> statusFromKey<ChangeStatus>(const QString& key);
template QStringList statusKeys<ChangeStatus>();

QString statusKey(AccountStatus status)
{
    return keyOf(status);
}
QString statusLabel(AccountStatus status)
{
    return labelOf(status);
}
template std::optional<AccountStatus> statusFromKey<AccountStatus>(const QString& key);
template QStringList statusKeys<AccountStatus>();

QString statusKey(StaffStatus status)
{
    return keyOf(status);
}
QString statusLabel(StaffStatus status)
{
    return labelOf(status);
}
template std::optional<StaffStatus> statusFromKey<StaffStatus>(const QString& key);
template QStringList statusKeys<StaffStatus>();

QString statusKey(PairStatus status)
{
    return keyOf(status);
}
QString statusLabel(PairStatus status)
{
    return labelOf(status);
}
template std::optional<PairStatus> statusFromKey<PairStatus>(const QString& key);
template QStringList statusKeys<PairStatus>();

QString statusKey(TierChangeStatus status)
{
    return keyOf(status);
}
QString statusLabel(TierChangeStatus status)
{
    return labelOf(status);
}
template std::optional<TierChangeStatus> statusFromKey<TierChangeStatus>(const QString& key);
template QStringList statusKeys<TierChangeStatus>();

QString statusKey(ComplaintStatus status)
{
    return keyOf(status);
}
QString statusLabel(ComplaintStatus status)
{
    return labelOf(status);
}
template std::optional<ComplaintStatus> statusFromKey<ComplaintStatus>(const QString& key);
template QStringList statusKeys<ComplaintStatus>();

QString statusKey(RequestStatus status)
{
    return keyOf(status);
}
QString statusLabel(RequestStatus status)
{
    return labelOf(status);
}
template std::optional<RequestStatus> statusFromKey<RequestStatus>(const QString& key);
template QStringList statusKeys<RequestStatus>();

} // namespace bv
