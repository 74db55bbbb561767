// The details of an audit row in plain words: one "label: value" line per JSON key. Keys and the values
// that are codes (reasons, results, kinds, roles, operations, field names) are translated; masked values,
// numbers and free text stay as they are stored. A key or code without wording shows as it is stored.
#include "AuditActions.h"
#include "AuditWording.h"
#include "auth/Role.h"
#include "customers/Tiers.h"
#include "customers/WorkingCalendar.h"
#include "policy/FieldCatalogue.h"
#include "policy/Operation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace bv {

namespace {

#define BV_W(text) QT_TRANSLATE_NOOP("AuditWording", text)

struct Entry
{
    const char* key;
    const char* label;
};

// Detail keys (the JSON keys the services write, core/**/*.cpp) and their labels.
const Entry kKeys[] = {
    {"session", BV_W("Session")},
    {"reason", BV_W("Reason")},
    {"failedAttempts", BV_W("Failed attempts in a row")},
    {"purpose", BV_W("Purpose")},
    {"minutes", BV_W("Locked for (minutes)")},
    {"secondFactor", BV_W("Second factor used")},
    {"rehashed", BV_W("Password hash renewed")},
    {"keySlotWritten", BV_W("Key slot written")},
    {"awaiting", BV_W("Waiting for confirmation of")},
    {"role", BV_W("Role")},
    {"staffNo", BV_W("Staff number")},
    {"branch", BV_W("Branch")},
    {"awaitingConfirmation", BV_W("Waits for a branch manager's confirmation")},
    {"login", BV_W("Account")},
    {"old", BV_W("Before")},
    {"new", BV_W("After")},
    {"change", BV_W("Change")},
    {"frozen", BV_W("Account frozen")},
    {"withRecoveryPassphrase", BV_W("With the recovery passphrase")},
    {"accountsAwaitingConfirmation", BV_W("Accounts waiting for confirmation")},
    {"fromGeneration", BV_W("Key generation before")},
    {"toGeneration", BV_W("Key generation after")},
    {"remask", BV_W("Re-masking")},
    {"refused", BV_W("Refused value")},
    {"mode", BV_W("Mode")},
    {"setting", BV_W("Setting")},
    {"values", BV_W("Values checked")},
    {"changed", BV_W("Values changed")},
    {"pairs", BV_W("Suspicious pairs re-masked")},
    {"diffs", BV_W("History entries re-masked")},
    {"inexact", BV_W("Values to re-mask from the full value")},
    {"error", BV_W("Error")},
    {"stopped", BV_W("Stopped by")},
    {"operation", BV_W("Operation")},
    {"file", BV_W("File")},
    {"stage", BV_W("Stage")},
    {"problem", BV_W("Problem")},
    {"problems", BV_W("Problems found")},
    {"auditRows", BV_W("Audit rows")},
    {"result", BV_W("Result")},
    {"rowsChecked", BV_W("Rows checked")},
    {"headSeq", BV_W("Last row")},
    {"firstBrokenSeq", BV_W("First broken row")},
    {"firstBrokenRow", BV_W("First broken row")},
    {"checkpointSeq", BV_W("Checkpoint up to row")},
    {"checkpointCreated", BV_W("Checkpoint taken")},
    {"seq", BV_W("Row")},
    {"hash", BV_W("Hash")},
    {"firstSeq", BV_W("First row")},
    {"rows", BV_W("Rows")},
    {"throughSeq", BV_W("Up to row")},
    {"since", BV_W("From")},
    {"until", BV_W("Until")},
    {"action", BV_W("Action")},
    {"actions", BV_W("Actions")},
    {"customerNo", BV_W("Customer number")},
    {"outcome", BV_W("Outcome")},
    {"afterSeq", BV_W("After row")},
    {"alerts", BV_W("Alerts")},
    {"byKind", BV_W("Alerts by kind")},
    {"cutoff", BV_W("Purged up to")},
    {"purgedFrom", BV_W("First purged row")},
    {"purgedThrough", BV_W("Last purged row")},
    {"continuesFrom", BV_W("Chain continues from")},
    {"previousPurge", BV_W("Previous purge row")},
    {"type", BV_W("Type")},
    {"customers", BV_W("Customers")},
    {"customer", BV_W("Customer")},
    {"validityHours", BV_W("Valid for (hours)")},
    {"purposeLength", BV_W("Length of the purpose (characters)")},
    {"reasonLength", BV_W("Length of the reason (characters)")},
    {"fields", BV_W("Fields")},
    {"report", BV_W("Report")},
    {"requester", BV_W("Requested by")},
    {"validUntil", BV_W("Valid until")},
    {"scope", BV_W("Scope")},
    {"onlyOpen", BV_W("Open ones only")},
    {"openOnly", BV_W("Open ones only")},
    {"request", BV_W("Special request")},
    {"grantType", BV_W("Approval type")},
    {"usedFor", BV_W("Used for")},
    {"serial", BV_W("Serial number")},
    {"copy", BV_W("Copy")},
    {"copies", BV_W("Copies")},
    {"firstCopy", BV_W("First copy")},
    {"pages", BV_W("Pages")},
    {"page", BV_W("Page")},
    {"medium", BV_W("Printed to")},
    {"grade1", BV_W("Holds grade-1 information")},
    {"grade", BV_W("Highest grade")},
    {"parameters", BV_W("Parameters")},
    {"reprint", BV_W("Reprint of")},
    {"failure", BV_W("Failure")},
    {"released", BV_W("Approval given back")},
    {"recipient", BV_W("Received by")},
    {"witness", BV_W("Witness")},
    {"note", BV_W("Note")},
    {"borrower", BV_W("Borrower")},
    {"due", BV_W("Due back")},
    {"overdue", BV_W("Overdue")},
    {"method", BV_W("Method")},
    {"state", BV_W("State")},
    {"input", BV_W("Input")},
    {"length", BV_W("Length (characters)")},
    {"verdict", BV_W("Verdict")},
    {"list", BV_W("List")},
    {"sort", BV_W("Sorted by")},
    {"descending", BV_W("Descending")},
    {"by", BV_W("Search by")},
    {"term", BV_W("Search term (masked)")},
    {"matches", BV_W("Matches")},
    {"name", BV_W("Name (masked)")},
    {"id", BV_W("ID number (masked)")},
    {"retention_until", BV_W("Kept until")},
    {"reason_chars", BV_W("Length of the reason (characters)")},
    {"ended_tier_changes", BV_W("Tier changes ended")},
    {"ended_change", BV_W("Pending change ended")},
    {"accounts", BV_W("Accounts")},
    {"history", BV_W("History entries")},
    {"changes", BV_W("Changes")},
    {"service_records", BV_W("Service records")},
    {"complaints", BV_W("Complaints")},
    {"consents", BV_W("Consents")},
    {"assignments", BV_W("Assignments")},
    {"requests", BV_W("Special requests")},
    {"access_log", BV_W("Access log entries")},
    {"kind", BV_W("Kind")},
    {"from", BV_W("From")},
    {"to", BV_W("To")},
    {"custody_ended", BV_W("Custody ended for")},
    {"replaces_custody", BV_W("Replaces the custody of")},
    {"channel", BV_W("Channel")},
    {"served_on", BV_W("Served on")},
    {"status", BV_W("Status")},
    {"cause", BV_W("Cause")},
    {"encoding", BV_W("Encoding")},
    {"accepted", BV_W("Accepted")},
    {"rejected", BV_W("Rejected")},
};

// Values that are codes, whatever key they are under.
const Entry kCodes[] = {
    // reasons of failed sign-ins and confirmations
    {"wrong password", BV_W("wrong password")},
    {"unknown login", BV_W("unknown login")},
    {"locked", BV_W("account locked")},
    {"frozen", BV_W("account frozen")},
    {"awaiting confirmation", BV_W("waiting for a branch manager's confirmation")},
    {"password not changed", BV_W("password set by the administrator not changed yet")},
    {"wrong password at unlock", BV_W("wrong password when unlocking")},
    {"wrong current password", BV_W("wrong current password")},
    {"new password refused", BV_W("new password refused")},
    {"wrong confirmation code", BV_W("wrong confirmation code")},
    {"wrong second factor", BV_W("wrong second-factor code")},
    {"idle", BV_W("no activity")},
    {"manual", BV_W("locked by the user")},
    // results
    {"intact", BV_W("intact")},
    {"broken", BV_W("broken")},
    {"invalid checkpoint", BV_W("invalid checkpoint")},
    {"match", BV_W("one customer found")},
    {"no match", BV_W("no customer found")},
    // account changes and record changes
    {"create", BV_W("creation")},
    {"edit", BV_W("change")},
    {"reset", BV_W("password reset")},
    {"unfreeze", BV_W("unfreezing")},
    {"role", BV_W("role change")},
    {"custody", BV_W("custody")},
    {"assign", BV_W("assignment")},
    {"transfer", BV_W("transfer")},
    {"return", BV_W("return from custody")},
    {"reclaim", BV_W("reclaim")},
    {"confirm", BV_W("confirmed")},
    {"reject", BV_W("rejected")},
    {"start", BV_W("started")},
    {"end", BV_W("finished")},
    {"tighten", BV_W("narrowed to the new widths")},
    {"from_values", BV_W("from the full values")},
    {"at the next sign-in of a key holder", BV_W("at the next sign-in of a key holder")},
    // scopes and lists
    {"own", BV_W("own")},
    {"all", BV_W("all")},
    {"branch", BV_W("whole branch")},
    {"portfolio", BV_W("own customers")},
    {"overdue_complaints", BV_W("overdue complaints")},
    {"pending_tier_changes", BV_W("pending tier changes")},
    {"pending_changes", BV_W("entries and changes waiting for approval")},
    {"suspicious_pairs", BV_W("suspicious pairs")},
    {"name_filter", BV_W("name filter")},
    // complaints, services, consents
    {"open", BV_W("open")},
    {"investigating", BV_W("being investigated")},
    {"answered", BV_W("answered")},
    {"closed", BV_W("closed")},
    {"add", BV_W("added")},
    {"update", BV_W("updated")},
    {"counter", BV_W("counter")},
    {"phone", BV_W("phone")},
    {"online", BV_W("online")},
    {"mobile_app", BV_W("mobile app")},
    {"letter", BV_W("letter")},
    {"other", BV_W("other")},
    {"processing", BV_W("processing of personal information")},
    {"marketing", BV_W("marketing")},
    {"given", BV_W("given")},
    {"withdrawn", BV_W("withdrawn")},
    {"processing_withdrawn", BV_W("consent to processing withdrawn")},
    // special requests
    {"reveal", BV_W("reveal")},
    {"export", BV_W("export")},
    {"print", BV_W("print")},
    {"restricted_access", BV_W("restricted access")},
    // printing and the print register
    {"pdf", BV_W("PDF file")},
    {"printer", BV_W("printer")},
    {"printed", BV_W("printed")},
    {"failed", BV_W("failed")},
    {"received", BV_W("received")},
    {"handed_over", BV_W("handed over")},
    {"lent", BV_W("lent")},
    {"returned", BV_W("returned")},
    {"destroyed", BV_W("destroyed")},
    {"serial", BV_W("serial number")},
    {"code", BV_W("page code")},
    {"genuine", BV_W("genuine")},
    {"unknown_serial", BV_W("not in the print register")},
    {"mac_mismatch", BV_W("altered or forged code")},
    {"not_branchvault", BV_W("not a BranchVault page")},
    // imports
    {"utf-8", BV_W("UTF-8")},
    {"utf-8-bom", BV_W("UTF-8 with BOM")},
    {"gb18030", BV_W("GB18030")},
    {"unknown", BV_W("unknown")},
    // audit alerts
    {"clerk_lookups", BV_W("clerk lookups")},
    {"same_customer", BV_W("same customer opened often")},
    {"after_hours", BV_W("access outside working hours")},
    {"failed_sign_ins", BV_W("failed sign-ins")},
    {"quick_grant", BV_W("approvals used quickly")},
};

#undef BV_W

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
