#pragma once

#include "core/policy/Statuses.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <optional>

namespace bv {

// One account or card of a customer as entered (number in full) or edited.
struct AccountInput
{
    qint64 id = 0; // 0 for a new account; an existing account's id for an edit
    QString number; // full number (grade 1) — empty on an edit means "unchanged"
    QString type; // "debit_card", "credit_card", "savings", "current", ...
    QDate openedOn;
    QString status = statusKey(AccountStatus::Active); // as typed; the validator names the allowed keys
    bool remove = false;
};

// What a maker enters: field key (FieldCatalogue) → value as text (dates ISO, amounts in whole CNY,
// sex "M"/"F"). On an edit only the fields present are changed; an empty string clears a field.
struct CustomerInput
{
    QHash<QString, QString> values;
    QList<AccountInput> accounts;
    std::optional<bool> restricted;
    qint64 managerId = 0; // the responsible customer manager; default: the maker if a customer manager
};

// One account as a role may see it.
struct AccountView
{
    qint64 id = 0;
    QString number; // masked unless revealed
    bool revealed = false;
    QString type;
    QDate openedOn;
    AccountStatus status = AccountStatus::Active;
};

// A customer as the signed-in role may see it: grade 3 always, grade 1 masked (or in full where a live
// grant revealed it), grade 2 only for the own manager and the branch manager.
// What the signed-in session may do with one customer, decided by the core (the role's rights, the record's
// state): the one customer detail that every role uses shows only these actions.
struct CustomerActions
{
    bool edit = false; // the session edits customers (the Edit button is shown)
    bool editNow = false; // ... and this record can be edited now (active, no change waiting for approval)
    bool requestReveal = false; // may file a reveal request
    bool reveal = false; // may show full values under a live approval
    bool recordService = false;
    bool manageComplaints = false;
    bool recordConsent = false;
};

struct CustomerView
{
    qint64 id = 0;
    QString number;
    CustomerStatus status = CustomerStatus::Pending;
    bool restricted = false;
    QString tier;
    QString branch;
    qint64 managerId = 0;
    QString managerName;
    bool inCustody = false;
    QDateTime custodyUntil;
    QString sex;
    QString nationality;
    QString ageBand;
    QDateTime createdAt;
    QDateTime updatedAt;
    QHash<QString, QString> gradeOne; // field → masked (or revealed) text
    QSet<QString> revealed; // grade-1 fields shown in full
    bool gradeTwoVisible = false;
    QHash<QString, QString> gradeTwo; // empty unless gradeTwoVisible
    QList<AccountView> accounts;
    qint64 pendingChangeId = 0;
    int version = 0; // the record's version on the branch server, which an edit names (0 in local mode)
    CustomerActions actions;
};

// One row of a list: grade 3 and the masked name only.
struct CustomerListRow
{
    qint64 id = 0;
    QString number;
    QString maskedName;
    QString tier;
    QString ageBand;
    CustomerStatus status = CustomerStatus::Pending;
    QString managerName;
    QDateTime createdAt;
    bool restricted = false;
};

struct CustomerPage
{
    QList<CustomerListRow> rows;
    QString nextCursor; // empty at the end; pass back as `after`
    QString prevCursor; // pass back as `before`
};

enum class CustomerSort
{
    Number,
    Tier,
    Manager,
    Created
};
enum class LookupKind
{
    Name,
    IdNumber,
    Mobile,
    Account
};

// The clerk's one card: grade 3 and grade 1 masked, no grade 2, nothing else.
struct ClerkCard
{
    QString number;
    QString maskedName;
    QString sex;
    QString ageBand;
    QString nationality;
    QString tier;
    CustomerStatus status = CustomerStatus::Pending;
    QString maskedIdNumber;
    QString maskedMobile;
    QString managerName;
};

// The customer manager's existence check across the branch: which customer, whose — nothing more.
struct ExistenceAnswer
{
    QString number;
    QString maskedManagerName;
    bool restricted = false;
};

struct FieldDiff
{
    QString field;
    QString oldMasked;
    QString newMasked;
};

struct PendingChange
{
    qint64 id = 0;
    qint64 customerId = 0;
    QString customerNumber;
    QString kind; // "create" / "edit"
    ChangeStatus status = ChangeStatus::Pending;
    QString makerLogin;
    QDateTime createdAt;
    QList<FieldDiff> diff; // masked for grade 1
    QString reason;
    // Blind re-key (approval.rekey_fields): what the checker types from the customer's document to approve this
    // change, one entry per value (an ID number, a mobile, each new account number), in the order of the diff.
    QStringList rekeyFields;
};

// The values a checker typed from the customer's document (blind re-key): field key → the typed values (one
// for an ID number or a mobile; one per new account number, in any order). Compared through the blind index.
using RekeyedValues = QHash<QString, QStringList>;

struct SuspiciousPair
{
    qint64 id = 0;
    QString kind; // "phone" / "account"
    QString numberA;
    QString numberB;
    QString maskedValue;
    QDateTime foundAt;
    PairStatus status = PairStatus::Open;
};

} // namespace bv
