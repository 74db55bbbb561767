// The details of an audit row in plain words: one "label: value" line per JSON key. Keys and the values
// that are codes (reasons, results, kinds, roles, operations, field names) are translated; masked values,
// numbers and free text stay as they are stored. A key or code without wording shows as it is stored.
#include "core/audit/AuditActions.h"
#include "core/audit/AuditWording.h"
#include "core/auth/Role.h"
#include "core/customers/lifecycle/Tiers.h"
#include "core/customers/rules/WorkingCalendar.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Operation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv {

namespace {

struct Entry
{
    const char* key;
    const char* label;
};

// Detail keys (the JSON keys the services write, core/**/*.cpp) and their labels.
const Entry kKeys[] = {
    {"session", QT_TRANSLATE_NOOP("AuditWording", "Session")},
    {"reason", QT_TRANSLATE_NOOP("AuditWording", "Reason")},
    {"failedAttempts", QT_TRANSLATE_NOOP("AuditWording", "Failed attempts in a row")},
    {"purpose", QT_TRANSLATE_NOOP("AuditWording", "Purpose")},
    {"minutes", QT_TRANSLATE_NOOP("AuditWording", "Locked for (minutes)")},
    {"secondFactor", QT_TRANSLATE_NOOP("AuditWording", "Second factor used")},
    {"rehashed", QT_TRANSLATE_NOOP("AuditWording", "Password hash renewed")},
    {"keySlotWritten", QT_TRANSLATE_NOOP("AuditWording", "Key slot written")},
    {"awaiting", QT_TRANSLATE_NOOP("AuditWording", "Waiting for confirmation of")},
    {"role", QT_TRANSLATE_NOOP("AuditWording", "Role")},
    {"staffNo", QT_TRANSLATE_NOOP("AuditWording", "Staff number")},
    {"branch", QT_TRANSLATE_NOOP("AuditWording", "Branch")},
    {"awaitingConfirmation", QT_TRANSLATE_NOOP("AuditWording", "Waits for a branch manager's confirmation")},
    {"login", QT_TRANSLATE_NOOP("AuditWording", "Account")},
    {"old", QT_TRANSLATE_NOOP("AuditWording", "Before")},
    {"new", QT_TRANSLATE_NOOP("AuditWording", "After")},
    {"change", QT_TRANSLATE_NOOP("AuditWording", "Change")},
    {"frozen", QT_TRANSLATE_NOOP("AuditWording", "Account frozen")},
    {"withRecoveryPassphrase", QT_TRANSLATE_NOOP("AuditWording", "With the recovery passphrase")},
    {"accountsAwaitingConfirmation", QT_TRANSLATE_NOOP("AuditWording", "Accounts waiting for confirmation")},
    {"fromGeneration", QT_TRANSLATE_NOOP("AuditWording", "Key generation before")},
    {"toGeneration", QT_TRANSLATE_NOOP("AuditWording", "Key generation after")},
    {"remask", QT_TRANSLATE_NOOP("AuditWording", "Re-masking")},
    {"refused", QT_TRANSLATE_NOOP("AuditWording", "Refused value")},
    {"mode", QT_TRANSLATE_NOOP("AuditWording", "Mode")},
    {"setting", QT_TRANSLATE_NOOP("AuditWording", "Setting")},
    {"values", QT_TRANSLATE_NOOP("AuditWording", "Values checked")},
    {"changed", QT_TRANSLATE_NOOP("AuditWording", "Values changed")},
    {"pairs", QT_TRANSLATE_NOOP("AuditWording", "Suspicious pairs re-masked")},
    {"diffs", QT_TRANSLATE_NOOP("AuditWording", "History entries re-masked")},
    {"inexact", QT_TRANSLATE_NOOP("AuditWording", "Values to re-mask from the full value")},
    {"error", QT_TRANSLATE_NOOP("AuditWording", "Error")},
    {"stopped", QT_TRANSLATE_NOOP("AuditWording", "Stopped by")},
    {"operation", QT_TRANSLATE_NOOP("AuditWording", "Operation")},
    {"file", QT_TRANSLATE_NOOP("AuditWording", "File")},
    {"stage", QT_TRANSLATE_NOOP("AuditWording", "Stage")},
    {"problem", QT_TRANSLATE_NOOP("AuditWording", "Problem")},
    {"problems", QT_TRANSLATE_NOOP("AuditWording", "Problems found")},
    {"auditRows", QT_TRANSLATE_NOOP("AuditWording", "Audit rows")},
    {"result", QT_TRANSLATE_NOOP("AuditWording", "Result")},
    {"rowsChecked", QT_TRANSLATE_NOOP("AuditWording", "Rows checked")},
    {"headSeq", QT_TRANSLATE_NOOP("AuditWording", "Last row")},
    {"firstBrokenSeq", QT_TRANSLATE_NOOP("AuditWording", "First broken row")},
    {"firstBrokenRow", QT_TRANSLATE_NOOP("AuditWording", "First broken row")},
    {"checkpointSeq", QT_TRANSLATE_NOOP("AuditWording", "Checkpoint up to row")},
    {"checkpointCreated", QT_TRANSLATE_NOOP("AuditWording", "Checkpoint taken")},
    {"seq", QT_TRANSLATE_NOOP("AuditWording", "Row")},
    {"hash", QT_TRANSLATE_NOOP("AuditWording", "Hash")},
    {"firstSeq", QT_TRANSLATE_NOOP("AuditWording", "First row")},
    {"rows", QT_TRANSLATE_NOOP("AuditWording", "Rows")},
    {"throughSeq", QT_TRANSLATE_NOOP("AuditWording", "Up to row")},
    {"since", QT_TRANSLATE_NOOP("AuditWording", "From")},
    {"until", QT_TRANSLATE_NOOP("AuditWording", "Until")},
    {"action", QT_TRANSLATE_NOOP("AuditWording", "Action")},
    {"actions", QT_TRANSLATE_NOOP("AuditWording", "Actions")},
    {"customerNo", QT_TRANSLATE_NOOP("AuditWording", "Customer number")},
    {"outcome", QT_TRANSLATE_NOOP("AuditWording", "Outcome")},
    {"afterSeq", QT_TRANSLATE_NOOP("AuditWording", "After row")},
    {"alerts", QT_TRANSLATE_NOOP("AuditWording", "Alerts")},
    {"byKind", QT_TRANSLATE_NOOP("AuditWording", "Alerts by kind")},
    {"cutoff", QT_TRANSLATE_NOOP("AuditWording", "Purged up to")},
    {"purgedFrom", QT_TRANSLATE_NOOP("AuditWording", "First purged row")},
    {"purgedThrough", QT_TRANSLATE_NOOP("AuditWording", "Last purged row")},
    {"continuesFrom", QT_TRANSLATE_NOOP("AuditWording", "Chain continues from")},
    {"previousPurge", QT_TRANSLATE_NOOP("AuditWording", "Previous purge row")},
    {"type", QT_TRANSLATE_NOOP("AuditWording", "Type")},
    {"customers", QT_TRANSLATE_NOOP("AuditWording", "Customers")},
    {"customer", QT_TRANSLATE_NOOP("AuditWording", "Customer")},
    {"validityHours", QT_TRANSLATE_NOOP("AuditWording", "Valid for (hours)")},
    {"purposeLength", QT_TRANSLATE_NOOP("AuditWording", "Length of the purpose (characters)")},
    {"reasonLength", QT_TRANSLATE_NOOP("AuditWording", "Length of the reason (characters)")},
    {"fields", QT_TRANSLATE_NOOP("AuditWording", "Fields")},
    {"report", QT_TRANSLATE_NOOP("AuditWording", "Report")},
    {"requester", QT_TRANSLATE_NOOP("AuditWording", "Requested by")},
    {"validUntil", QT_TRANSLATE_NOOP("AuditWording", "Valid until")},
    {"scope", QT_TRANSLATE_NOOP("AuditWording", "Scope")},
    {"onlyOpen", QT_TRANSLATE_NOOP("AuditWording", "Open ones only")},
    {"openOnly", QT_TRANSLATE_NOOP("AuditWording", "Open ones only")},
    {"request", QT_TRANSLATE_NOOP("AuditWording", "Special request")},
    {"grantType", QT_TRANSLATE_NOOP("AuditWording", "Approval type")},
    {"usedFor", QT_TRANSLATE_NOOP("AuditWording", "Used for")},
    {"serial", QT_TRANSLATE_NOOP("AuditWording", "Serial number")},
    {"copy", QT_TRANSLATE_NOOP("AuditWording", "Copy")},
    {"copies", QT_TRANSLATE_NOOP("AuditWording", "Copies")},
    {"firstCopy", QT_TRANSLATE_NOOP("AuditWording", "First copy")},
    {"pages", QT_TRANSLATE_NOOP("AuditWording", "Pages")},
    {"page", QT_TRANSLATE_NOOP("AuditWording", "Page")},
    // the branch server's reads: which part of a record was read ({"part": "history"})
    {"part", QT_TRANSLATE_NOOP("AuditWording", "Part read")},
    {"medium", QT_TRANSLATE_NOOP("AuditWording", "Printed to")},
    {"grade1", QT_TRANSLATE_NOOP("AuditWording", "Holds grade-1 information")},
    {"grade", QT_TRANSLATE_NOOP("AuditWording", "Highest grade")},
    {"parameters", QT_TRANSLATE_NOOP("AuditWording", "Parameters")},
    {"reprint", QT_TRANSLATE_NOOP("AuditWording", "Reprint of")},
    {"failure", QT_TRANSLATE_NOOP("AuditWording", "Failure")},
    {"released", QT_TRANSLATE_NOOP("AuditWording", "Approval given back")},
    {"recipient", QT_TRANSLATE_NOOP("AuditWording", "Received by")},
    {"witness", QT_TRANSLATE_NOOP("AuditWording", "Witness")},
    {"note", QT_TRANSLATE_NOOP("AuditWording", "Note")},
    {"borrower", QT_TRANSLATE_NOOP("AuditWording", "Borrower")},
    {"due", QT_TRANSLATE_NOOP("AuditWording", "Due back")},
    {"overdue", QT_TRANSLATE_NOOP("AuditWording", "Overdue")},
    {"method", QT_TRANSLATE_NOOP("AuditWording", "Method")},
    {"state", QT_TRANSLATE_NOOP("AuditWording", "State")},
    {"input", QT_TRANSLATE_NOOP("AuditWording", "Input")},
    {"length", QT_TRANSLATE_NOOP("AuditWording", "Length (characters)")},
    {"verdict", QT_TRANSLATE_NOOP("AuditWording", "Verdict")},
    {"list", QT_TRANSLATE_NOOP("AuditWording", "List")},
    {"sort", QT_TRANSLATE_NOOP("AuditWording", "Sorted by")},
    {"descending", QT_TRANSLATE_NOOP("AuditWording", "Descending")},
    {"by", QT_TRANSLATE_NOOP("AuditWording", "Search by")},
    {"term", QT_TRANSLATE_NOOP("AuditWording", "Search term (masked)")},
    {"matches", QT_TRANSLATE_NOOP("AuditWording", "Matches")},
    {"name", QT_TRANSLATE_NOOP("AuditWording", "Name (masked)")},
    {"id", QT_TRANSLATE_NOOP("AuditWording", "ID number (masked)")},
    {"retention_until", QT_TRANSLATE_NOOP("AuditWording", "Kept until")},
    {"reason_chars", QT_TRANSLATE_NOOP("AuditWording", "Length of the reason (characters)")},
    {"ended_tier_changes", QT_TRANSLATE_NOOP("AuditWording", "Tier changes ended")},
    {"ended_change", QT_TRANSLATE_NOOP("AuditWording", "Pending change ended")},
    {"accounts", QT_TRANSLATE_NOOP("AuditWording", "Accounts")},
    {"history", QT_TRANSLATE_NOOP("AuditWording", "History entries")},
    {"changes", QT_TRANSLATE_NOOP("AuditWording", "Changes")},
    {"service_records", QT_TRANSLATE_NOOP("AuditWording", "Service records")},
    {"complaints", QT_TRANSLATE_NOOP("AuditWording", "Complaints")},
    {"pairs_closed", QT_TRANSLATE_NOOP("AuditWording", "Suspicious pairs closed")},
    {"consents", QT_TRANSLATE_NOOP("AuditWording", "Consents")},
    {"assignments", QT_TRANSLATE_NOOP("AuditWording", "Assignments")},
    {"requests", QT_TRANSLATE_NOOP("AuditWording", "Special requests")},
    {"access_log", QT_TRANSLATE_NOOP("AuditWording", "Access log entries")},
    {"kind", QT_TRANSLATE_NOOP("AuditWording", "Kind")},
    {"from", QT_TRANSLATE_NOOP("AuditWording", "From")},
    {"to", QT_TRANSLATE_NOOP("AuditWording", "To")},
    {"custody_ended", QT_TRANSLATE_NOOP("AuditWording", "Custody ended for")},
    {"replaces_custody", QT_TRANSLATE_NOOP("AuditWording", "Replaces the custody of")},
    {"channel", QT_TRANSLATE_NOOP("AuditWording", "Channel")},
    {"served_on", QT_TRANSLATE_NOOP("AuditWording", "Served on")},
    {"status", QT_TRANSLATE_NOOP("AuditWording", "Status")},
    {"cause", QT_TRANSLATE_NOOP("AuditWording", "Cause")},
    {"encoding", QT_TRANSLATE_NOOP("AuditWording", "Encoding")},
    {"accepted", QT_TRANSLATE_NOOP("AuditWording", "Accepted")},
    {"rejected", QT_TRANSLATE_NOOP("AuditWording", "Rejected")},
};

// Values that are codes, whatever key they are under.
const Entry kCodes[] = {
    // reasons of failed sign-ins and confirmations
    {"wrong password", QT_TRANSLATE_NOOP("AuditWording", "wrong password")},
    {"unknown login", QT_TRANSLATE_NOOP("AuditWording", "unknown login")},
    {"locked", QT_TRANSLATE_NOOP("AuditWording", "account locked")},
    {"password changed", QT_TRANSLATE_NOOP("AuditWording", "password changed while signing in")},
    {"frozen", QT_TRANSLATE_NOOP("AuditWording", "account frozen")},
    {"awaiting confirmation", QT_TRANSLATE_NOOP("AuditWording", "waiting for a branch manager's confirmation")},
    {"password not changed", QT_TRANSLATE_NOOP("AuditWording", "password set by the administrator not changed yet")},
    {"wrong password at unlock", QT_TRANSLATE_NOOP("AuditWording", "wrong password when unlocking")},
    {"wrong current password", QT_TRANSLATE_NOOP("AuditWording", "wrong current password")},
    {"new password refused", QT_TRANSLATE_NOOP("AuditWording", "new password refused")},
    {"wrong confirmation code", QT_TRANSLATE_NOOP("AuditWording", "wrong confirmation code")},
    {"wrong second factor", QT_TRANSLATE_NOOP("AuditWording", "wrong second-factor code")},
    {"idle", QT_TRANSLATE_NOOP("AuditWording", "no activity")},
    {"manual", QT_TRANSLATE_NOOP("AuditWording", "locked by the user")},
    // results
    {"intact", QT_TRANSLATE_NOOP("AuditWording", "intact")},
    {"broken", QT_TRANSLATE_NOOP("AuditWording", "broken")},
    {"invalid checkpoint", QT_TRANSLATE_NOOP("AuditWording", "invalid checkpoint")},
    {"match", QT_TRANSLATE_NOOP("AuditWording", "one customer found")},
    {"no match", QT_TRANSLATE_NOOP("AuditWording", "no customer found")},
    // account changes and record changes
    {"create", QT_TRANSLATE_NOOP("AuditWording", "creation")},
    {"edit", QT_TRANSLATE_NOOP("AuditWording", "change")},
    {"reset", QT_TRANSLATE_NOOP("AuditWording", "password reset")},
    {"unfreeze", QT_TRANSLATE_NOOP("AuditWording", "unfreezing")},
    {"role", QT_TRANSLATE_NOOP("AuditWording", "role change")},
    {"custody", QT_TRANSLATE_NOOP("AuditWording", "custody")},
    {"assign", QT_TRANSLATE_NOOP("AuditWording", "assignment")},
    {"transfer", QT_TRANSLATE_NOOP("AuditWording", "transfer")},
    {"return", QT_TRANSLATE_NOOP("AuditWording", "return from custody")},
    {"reclaim", QT_TRANSLATE_NOOP("AuditWording", "reclaim")},
    {"confirm", QT_TRANSLATE_NOOP("AuditWording", "confirmed")},
    {"reject", QT_TRANSLATE_NOOP("AuditWording", "rejected")},
    {"start", QT_TRANSLATE_NOOP("AuditWording", "started")},
    {"end", QT_TRANSLATE_NOOP("AuditWording", "finished")},
    {"tighten", QT_TRANSLATE_NOOP("AuditWording", "narrowed to the new widths")},
    {"from_values", QT_TRANSLATE_NOOP("AuditWording", "from the full values")},
    {"at the next sign-in of a key holder", QT_TRANSLATE_NOOP("AuditWording", "at the next sign-in of a key holder")},
    // the branch server holds no full value: a wider width leaves the stored forms as they are
    {"stays narrower",
        QT_TRANSLATE_NOOP(
            "AuditWording", "none: the stored masked values stay narrower until each value is entered again")},
    // scopes and lists
    {"own", QT_TRANSLATE_NOOP("AuditWording", "own")},
    {"all", QT_TRANSLATE_NOOP("AuditWording", "all")},
    {"branch", QT_TRANSLATE_NOOP("AuditWording", "whole branch")},
    {"portfolio", QT_TRANSLATE_NOOP("AuditWording", "own customers")},
    {"overdue_complaints", QT_TRANSLATE_NOOP("AuditWording", "overdue complaints")},
    {"pending_tier_changes", QT_TRANSLATE_NOOP("AuditWording", "pending tier changes")},
    {"pending_changes", QT_TRANSLATE_NOOP("AuditWording", "entries and changes waiting for approval")},
    {"suspicious_pairs", QT_TRANSLATE_NOOP("AuditWording", "suspicious pairs")},
    {"name_filter", QT_TRANSLATE_NOOP("AuditWording", "name filter")},
    // complaints, services, consents
    {"open", QT_TRANSLATE_NOOP("AuditWording", "open")},
    {"investigating", QT_TRANSLATE_NOOP("AuditWording", "being investigated")},
    {"answered", QT_TRANSLATE_NOOP("AuditWording", "answered")},
    {"closed", QT_TRANSLATE_NOOP("AuditWording", "closed")},
    {"add", QT_TRANSLATE_NOOP("AuditWording", "added")},
    {"update", QT_TRANSLATE_NOOP("AuditWording", "updated")},
    {"counter", QT_TRANSLATE_NOOP("AuditWording", "counter")},
    {"phone", QT_TRANSLATE_NOOP("AuditWording", "phone")},
    {"online", QT_TRANSLATE_NOOP("AuditWording", "online")},
    {"mobile_app", QT_TRANSLATE_NOOP("AuditWording", "mobile app")},
    {"letter", QT_TRANSLATE_NOOP("AuditWording", "letter")},
    {"other", QT_TRANSLATE_NOOP("AuditWording", "other")},
    {"processing", QT_TRANSLATE_NOOP("AuditWording", "processing of personal information")},
    {"marketing", QT_TRANSLATE_NOOP("AuditWording", "marketing")},
    {"given", QT_TRANSLATE_NOOP("AuditWording", "given")},
    {"withdrawn", QT_TRANSLATE_NOOP("AuditWording", "withdrawn")},
    {"processing_withdrawn", QT_TRANSLATE_NOOP("AuditWording", "consent to processing withdrawn")},
    // special requests
    {"reveal", QT_TRANSLATE_NOOP("AuditWording", "reveal")},
    {"export", QT_TRANSLATE_NOOP("AuditWording", "export")},
    {"print", QT_TRANSLATE_NOOP("AuditWording", "print")},
    {"restricted_access", QT_TRANSLATE_NOOP("AuditWording", "restricted access")},
    // printing and the print register
    {"pdf", QT_TRANSLATE_NOOP("AuditWording", "PDF file")},
    {"printer", QT_TRANSLATE_NOOP("AuditWording", "printer")},
    {"printed", QT_TRANSLATE_NOOP("AuditWording", "printed")},
    {"failed", QT_TRANSLATE_NOOP("AuditWording", "failed")},
    {"received", QT_TRANSLATE_NOOP("AuditWording", "received")},
    {"handed_over", QT_TRANSLATE_NOOP("AuditWording", "handed over")},
    {"lent", QT_TRANSLATE_NOOP("AuditWording", "lent")},
    {"returned", QT_TRANSLATE_NOOP("AuditWording", "returned")},
    {"destroyed", QT_TRANSLATE_NOOP("AuditWording", "destroyed")},
    {"serial", QT_TRANSLATE_NOOP("AuditWording", "serial number")},
    {"code", QT_TRANSLATE_NOOP("AuditWording", "page code")},
    {"genuine", QT_TRANSLATE_NOOP("AuditWording", "genuine")},
    {"unknown_serial", QT_TRANSLATE_NOOP("AuditWording", "not in the print register")},
    {"mac_mismatch", QT_TRANSLATE_NOOP("AuditWording", "altered or forged code")},
    {"not_branchvault", QT_TRANSLATE_NOOP("AuditWording", "not a BranchVault page")},
    // the branch server's reads: a list's later page, the part of a record read
    {"next", QT_TRANSLATE_NOOP("AuditWording", "a later page")},
    {"history", QT_TRANSLATE_NOOP("AuditWording", "history")},
    {"service_records", QT_TRANSLATE_NOOP("AuditWording", "service records")},
    {"complaints", QT_TRANSLATE_NOOP("AuditWording", "complaints")},
    {"consents", QT_TRANSLATE_NOOP("AuditWording", "consent entries")},
    // imports
    {"utf-8", QT_TRANSLATE_NOOP("AuditWording", "UTF-8")},
    {"utf-8-bom", QT_TRANSLATE_NOOP("AuditWording", "UTF-8 with BOM")},
    {"gb18030", QT_TRANSLATE_NOOP("AuditWording", "GB18030")},
    {"unknown", QT_TRANSLATE_NOOP("AuditWording", "unknown")},
    // audit alerts
    {"clerk_lookups", QT_TRANSLATE_NOOP("AuditWording", "clerk lookups")},
    {"same_customer", QT_TRANSLATE_NOOP("AuditWording", "same customer opened often")},
    {"after_hours", QT_TRANSLATE_NOOP("AuditWording", "access outside working hours")},
    {"failed_sign_ins", QT_TRANSLATE_NOOP("AuditWording", "failed sign-ins")},
    {"quick_grant", QT_TRANSLATE_NOOP("AuditWording", "approvals used quickly")},
};

const char* lookup(const Entry* begin, const Entry* end, const QString& key)
{
    for (const Entry* e = begin; e != end; ++e)
        if (key == QLatin1String(e->key))
            return e->label;
    return nullptr;
}

QString translated(const char* text)
{
    return QCoreApplication::translate("AuditWording", text);
}

QString branchTimeText(const QString& iso)
{
    QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!at.isValid())
        return iso;
    if (iso.size() <= 10) // a date only
        return iso;
    return at.toTimeZone(WorkingCalendar::branchTimeZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

bool isTimeKey(const QString& key)
{
    for (const char* k : {"validUntil", "until", "due", "since", "cutoff", "checkpointCreated"})
        if (key == QLatin1String(k))
            return true;
    return false;
}

bool isAccountKey(const QString& action, const QString& key)
{
    for (const char* k : {"login", "recipient", "witness", "requester", "custody_ended", "replaces_custody"})
        if (key == QLatin1String(k))
            return true;
    return action == QLatin1String(audit::CustomerAssign)
        && (key == QLatin1String("from") || key == QLatin1String("to"));
}

QString operationText(const QString& key)
{
    for (Operation operation : Operations::all())
        if (Operations::key(operation) == key)
            return Operations::label(operation);
    return key;
}

} // namespace

QString AuditWording::detailLabel(const QString& key)
{
    const char* label = lookup(std::begin(kKeys), std::end(kKeys), key);
    return label ? translated(label) : key;
}

QString AuditWording::codeLabel(const QString& code)
{
    const char* label = lookup(std::begin(kCodes), std::end(kCodes), code);
    return label ? translated(label) : code;
}

QString AuditWording::valueText(
    const AuditRow& row, const QString& key, const QJsonValue& value, const AuditDirectory& directory)
{
    if (value.isBool())
        return value.toBool() ? AuditWording::tr("yes") : AuditWording::tr("no");
    if (value.isDouble())
        return QString::number(value.toInteger(qint64(value.toDouble())));
    if (value.isNull() || value.isUndefined())
        return QString();
    if (value.isArray()) {
        QString text;
        for (const QJsonValue& item : value.toArray()) {
            const QString part = valueText(row, key, item, directory);
            text = text.isEmpty() ? part : AuditWording::tr("%1, %2").arg(text, part);
        }
        return text;
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        QString text;
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString label = key == QLatin1String("byKind") ? codeLabel(it.key()) : detailLabel(it.key());
            const QString part = AuditWording::tr("%1: %2").arg(label, valueText(row, it.key(), it.value(), directory));
            text = text.isEmpty() ? part : AuditWording::tr("%1; %2").arg(text, part);
        }
        return text;
    }
    const QString text = value.toString();
    const QString& action = row.action;
    if (isAccountKey(action, key))
        return accountText(text, directory);
    if (isTimeKey(key))
        return branchTimeText(text);
    if (key == QLatin1String("role")
        || (action == QLatin1String(audit::UserRoleChange)
            && (key == QLatin1String("old") || key == QLatin1String("new"))))
        return roleLabel(text);
    if (action == QLatin1String(audit::TierConfirm) && (key == QLatin1String("from") || key == QLatin1String("to")))
        return Tiers::label(text);
    if (key == QLatin1String("operation"))
        return operationText(text);
    if (key == QLatin1String("fields") || key == QLatin1String("by"))
        return FieldCatalogue::find(text) ? FieldCatalogue::label(text) : codeLabel(text);
    if (key == QLatin1String("customer") || key == QLatin1String("customers"))
        return customerText(text, directory);
    if (key == QLatin1String("setting"))
        return text;
    if (key == QLatin1String("purpose") && action == QLatin1String(audit::CustomerLookup))
        return text; // typed at the counter: free text, stored masked
    if (key == QLatin1String("action") || key == QLatin1String("actions") || key == QLatin1String("purpose")) {
        // an action (a confirmation's purpose, a filter term) or a code (add, update, marketing)
        if (hasWording(text))
            return actionLabel(text);
        return codeLabel(text);
    }
    if (key == QLatin1String("report")) {
        if (text.isEmpty())
            return text;
        AuditRow report;
        report.objectType = QStringLiteral("report");
        report.objectId = text;
        return objectText(report, directory);
    }
    // free text and masked values (term, name, id, note, borrower, method, failure, refused) as stored
    for (const char* free : {"term", "name", "id", "note", "borrower", "method", "failure", "refused", "file",
             "problem", "usedFor", "serial", "session", "staffNo", "branch", "parameters", "hash"})
        if (key == QLatin1String(free))
            return text;
    return codeLabel(text);
}

QStringList AuditWording::detailLines(const AuditRow& row, const AuditDirectory& directory)
{
    if (row.details.isEmpty())
        return {};
    const QJsonDocument json = QJsonDocument::fromJson(row.details.toUtf8());
    if (!json.isObject())
        return {row.details}; // not JSON: as stored
    QStringList lines;
    const QJsonObject object = json.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == QLatin1String("session"))
            continue; // a technical id, in the raw row
        lines << tr("%1: %2").arg(detailLabel(it.key()), valueText(row, it.key(), it.value(), directory));
    }
    return lines;
}

} // namespace bv
