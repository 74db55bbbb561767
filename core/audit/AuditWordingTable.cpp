// THE table of audit wording: one line per action of core/audit/AuditActions.h. Adding an action means
// adding its line here (tests/core/audit/tst_auditwording.cpp fails until it is there) and its Chinese
// wording in translations/branchvault_zh_CN.ts.
//
// Each line: the action, its group (the action filter's headings, kGroups below), a short label (filter
// choices, the Action column), the sentence and, optionally, the sentence when the outcome is "failed"
// (without one, the sentence is followed by "(failed)"). In the sentences %1 is the person ("Zhang Wei
// (customer manager)"), %2 the time (branch time, HH:mm) and %3 the object ("customer 0001-00000001
// (张*丰)"); each may be left out, and a translation may put them in any order.
#include "AuditWordingTable.h"
#include "AuditActions.h"
#include "AuditWording.h"

namespace bv {

namespace {

#define BV_W(text) QT_TRANSLATE_NOOP("AuditWording", text)

const AuditWordingTable::GroupEntry kGroups[] = {
    {"session", BV_W("Sign-in and sessions")},
    {"access", BV_W("Refusals")},
    {"accounts", BV_W("Staff accounts and keys")},
    {"settings", BV_W("Settings")},
    {"database", BV_W("Database")},
    {"audit", BV_W("Audit log")},
    {"requests", BV_W("Special requests")},
    {"customers", BV_W("Customers")},
    {"reports", BV_W("Reports and printing")},
    {"print", BV_W("Print register")},
};

const AuditWordingTable::ActionEntry kActions[] = {
    // sign-in and sessions
    {audit::SignIn, "session", BV_W("Sign-in"), BV_W("%1 signed in at %2"), BV_W("%1 failed to sign in at %2")},
    {audit::Lockout, "session", BV_W("Account locked"), BV_W("%3 was locked at %2 after too many failed sign-ins"),
        nullptr},
    {audit::SignOut, "session", BV_W("Sign-out"), BV_W("%1 signed out at %2"), nullptr},
    {audit::IdleLock, "session", BV_W("Session locked"), BV_W("The session of %1 was locked at %2"), nullptr},
    {audit::SessionUnlock, "session", BV_W("Session unlocked"), BV_W("%1 unlocked the session at %2"),
        BV_W("%1 failed to unlock the session at %2")},
    {audit::PasswordChange, "session", BV_W("Own password changed"), BV_W("%1 changed their password at %2"),
        BV_W("%1 failed to change their password at %2")},
    {audit::SecondFactorEnrol, "session", BV_W("Second factor enrolled"), BV_W("%1 enrolled a second factor at %2"),
        BV_W("%1 failed to enrol a second factor at %2")},
    {audit::SecondFactorRemove, "accounts", BV_W("Second factor removed"),
        BV_W("%1 removed the second factor of %3 at %2"), nullptr},
    {audit::ConfirmPerson, "session", BV_W("Decision confirmed in person"),
        BV_W("%1 confirmed a decision with their own password at %2"),
        BV_W("%1 failed to confirm a decision with their password at %2")},
    // refusals
    {audit::AccessDenied, "access", BV_W("Access refused"), BV_W("%1 was refused access to %3 at %2"), nullptr},
    // staff accounts and keys
    {audit::UserCreate, "accounts", BV_W("Account created"), BV_W("%1 created the account %3 at %2"), nullptr},
    {audit::UserFreeze, "accounts", BV_W("Account frozen"), BV_W("%1 froze the account %3 at %2"), nullptr},
    {audit::UserUnfreeze, "accounts", BV_W("Account unfrozen"), BV_W("%1 unfroze the account %3 at %2"), nullptr},
    {audit::UserResetPassword, "accounts", BV_W("Password reset"), BV_W("%1 reset the password of %3 at %2"), nullptr},
    {audit::UserRoleChange, "accounts", BV_W("Role changed"), BV_W("%1 changed the role of %3 at %2"), nullptr},
    {audit::UserConfirm, "accounts", BV_W("Account change confirmed"),
        BV_W("%1 confirmed the account change of %3 at %2"), nullptr},
    {audit::UserDecline, "accounts", BV_W("Account change declined"),
        BV_W("%1 declined the account change of %3 at %2"), nullptr},
    {audit::KeysMigrate, "accounts", BV_W("Keys moved into key slots"),
        BV_W("%1 moved the database keys into key slots at %2"), nullptr},
    {audit::KeysRecoveryAdopt, "accounts", BV_W("Recovery slot renewed"),
        BV_W("%1 sealed the recovery key slot to a new recovery sheet at %2"), nullptr},
    {audit::RecoverySheetPrint, "accounts", BV_W("Recovery sheet printed"),
        BV_W("%1 printed a copy of the recovery sheet %3 at %2"),
        BV_W("%1 failed to print the recovery sheet %3 at %2")},
    // settings
    {audit::SettingsChange, "settings", BV_W("Setting changed"), BV_W("%1 changed the setting %3 at %2"),
        BV_W("%1 tried to change the setting %3 at %2; the value was refused")},
    {audit::PolicyRemask, "settings", BV_W("Masked values re-masked"),
        BV_W("%1 re-masked the stored masked values at %2"),
        BV_W("Re-masking the stored masked values failed at %2 (%1)")},
    {audit::CalendarImport, "settings", BV_W("Holiday calendar imported"),
        BV_W("%1 imported the official holiday calendar at %2"),
        BV_W("%1 tried to import a holiday calendar at %2; the file was refused")},
    // database
    {audit::DatabaseCreate, "database", BV_W("Database created"), BV_W("%1 created the database at %2"), nullptr},
    {audit::DatabaseBackup, "database", BV_W("Backup"), BV_W("%1 backed up the database at %2"),
        BV_W("%1 failed to back up the database at %2")},
    {audit::DatabaseRestore, "database", BV_W("Restore"), BV_W("%1 restored the database from a backup at %2"),
        nullptr},
    {audit::DatabaseRekey, "database", BV_W("Key rotation"), BV_W("%1 rotated the database keys at %2"),
        BV_W("%1 failed to rotate the database keys at %2")},
    {audit::DatabaseVerify, "database", BV_W("Database verified"), BV_W("%1 verified the database at %2"),
        BV_W("%1 verified the database at %2 and found problems")},
    {audit::DatabaseEnvelopeRepair, "database", BV_W("Key envelope repaired"),
        BV_W("%1 repaired the key envelope at %2"), BV_W("%1 failed to repair the key envelope at %2")},
    // audit log
    {audit::AuditRead, "audit", BV_W("Audit log read"), BV_W("%1 read the audit log at %2"), nullptr},
    {audit::AuditVerify, "audit", BV_W("Audit chain verified"), BV_W("%1 verified the audit log's chain at %2"),
        BV_W("%1 verified the audit log's chain at %2 and found it broken")},
    {audit::AuditCheckpoint, "audit", BV_W("Audit checkpoint"), BV_W("%1 took an audit checkpoint at %2"), nullptr},
    {audit::AuditExport, "audit", BV_W("Audit log exported"), BV_W("%1 exported the audit log to %3 at %2"), nullptr},
    {audit::AuditPurge, "audit", BV_W("Audit rows purged"),
        BV_W("%1 purged audit rows past the retention period at %2"), nullptr},
    {audit::AuditAlerts, "audit", BV_W("Audit alerts reviewed"), BV_W("%1 reviewed the audit alerts at %2"), nullptr},
    // special requests
    {audit::RequestCreate, "requests", BV_W("Special request filed"), BV_W("%1 filed the special request %3 at %2"),
        nullptr},
    {audit::RequestApprove, "requests", BV_W("Special request approved"),
        BV_W("%1 approved the special request %3 at %2"), nullptr},
    {audit::RequestReject, "requests", BV_W("Special request rejected"),
        BV_W("%1 rejected the special request %3 at %2"), nullptr},
    {audit::RequestRevoke, "requests", BV_W("Special request revoked"), BV_W("%1 revoked the special request %3 at %2"),
        nullptr},
    {audit::RequestWithdraw, "requests", BV_W("Special request withdrawn"),
        BV_W("%1 withdrew the special request %3 at %2"), nullptr},
    {audit::RequestList, "requests", BV_W("Special requests listed"),
        BV_W("%1 looked at the list of special requests at %2"), nullptr},
    {audit::GrantUse, "requests", BV_W("Approval used"), BV_W("%1 used the approval of the special request %3 at %2"),
        nullptr},
    {audit::GrantRelease, "requests", BV_W("Unused approval given back"),
        BV_W("%1 gave back the approval of the special request %3 at %2, unused (the print failed)"), nullptr},
    // customers
    {audit::CustomerCreate, "customers", BV_W("Customer entered"), BV_W("%1 entered the new %3 at %2"), nullptr},
    {audit::CustomerEdit, "customers", BV_W("Customer record changed"), BV_W("%1 changed the record of %3 at %2"),
        nullptr},
    {audit::CustomerOpen, "customers", BV_W("Customer details opened"), BV_W("%1 opened the details of %3 at %2"),
        nullptr},
    {audit::CustomerList, "customers", BV_W("Customer list shown"), BV_W("%1 looked at the list of %3 at %2"), nullptr},
    {audit::CustomerSearch, "customers", BV_W("Customer search"), BV_W("%1 searched %3 at %2"), nullptr},
    {audit::CustomerLookup, "customers", BV_W("Counter lookup"), BV_W("%1 looked up %3 at the counter at %2"), nullptr},
    {audit::CustomerReveal, "customers", BV_W("Full values viewed"),
        BV_W("%1 viewed full values of %3 under an approval at %2"), nullptr},
    {audit::CustomerApprove, "customers", BV_W("Entry or change approved"),
        BV_W("%1 approved the entry or change of %3 at %2"), nullptr},
    {audit::CustomerReject, "customers", BV_W("Entry or change rejected"),
        BV_W("%1 rejected the entry or change of %3 at %2"), nullptr},
    {audit::CustomerAssign, "customers", BV_W("Customer manager changed"),
        BV_W("%1 changed the customer manager of %3 at %2"), nullptr},
    {audit::CustomerClose, "customers", BV_W("Relationship closed"), BV_W("%1 closed the relationship with %3 at %2"),
        nullptr},
    {audit::CustomerAnonymise, "customers", BV_W("Customer anonymised"),
        BV_W("%1 anonymised %3 after the retention period at %2"), nullptr},
    {audit::CustomerImport, "customers", BV_W("Customers imported"), BV_W("%1 imported customers from a file at %2"),
        BV_W("%1 tried to import customers from a file at %2; the import stopped")},
    {audit::CustomerReport, "customers", BV_W("Data-subject report"),
        BV_W("%1 produced the data-subject report of %3 at %2"), nullptr},
    {audit::CustomerExport, "customers", BV_W("Customer data exported"), BV_W("%1 exported the data of %3 at %2"),
        nullptr},
    {audit::CustomerPrint, "customers", BV_W("Customer data printed"), BV_W("%1 printed the data of %3 at %2"),
        nullptr},
    {audit::SuspiciousClear, "customers", BV_W("Suspicious pair cleared"),
        BV_W("%1 reviewed and cleared the suspicious pair %3 at %2"), nullptr},
    {audit::TierConfirm, "customers", BV_W("Tier change decided"), BV_W("%1 decided on the tier change of %3 at %2"),
        nullptr},
    {audit::ServiceRecord, "customers", BV_W("Service recorded"), BV_W("%1 recorded a service for %3 at %2"), nullptr},
    {audit::Complaint, "customers", BV_W("Complaint recorded"), BV_W("%1 recorded or updated a complaint of %3 at %2"),
        nullptr},
    {audit::Consent, "customers", BV_W("Consent recorded"), BV_W("%1 recorded a consent of %3 at %2"), nullptr},
    {audit::CustomerRekeyMismatch, "customers", BV_W("Re-keyed value did not match"),
        BV_W("%1 typed values from the document of %3 at %2 that do not match the record; the approval was refused"),
        nullptr},
    {audit::DraftSave, "customers", BV_W("Draft kept"), BV_W("%1's unsaved form was kept as a sealed draft at %2"),
        nullptr},
    {audit::DraftRestore, "customers", BV_W("Draft restored"), BV_W("%1 restored an unsaved form from a draft at %2"),
        nullptr},
    {audit::DraftDiscard, "customers", BV_W("Draft deleted"), BV_W("%1's draft was deleted at %2"), nullptr},
    {audit::DraftExpire, "customers", BV_W("Old drafts removed"), BV_W("Drafts older than their lifetime were removed at %2"),
        nullptr},
    // reports and printing
    {audit::ReportRun, "reports", BV_W("Report produced"), BV_W("%1 produced the report %3 at %2"), nullptr},
    {audit::ReportPrint, "reports", BV_W("Print registered"), BV_W("%1 printed %3 at %2"), nullptr},
    {audit::ReportPageCodes, "reports", BV_W("Page codes issued"), BV_W("%1 issued the page codes of %3 at %2"),
        nullptr},
    {audit::ReportPrintDone, "reports", BV_W("Print finished"), BV_W("%1 recorded %3 as printed at %2"), nullptr},
    {audit::ReportPrintFailed, "reports", BV_W("Print failed"), BV_W("%1 recorded that printing %3 failed at %2"),
        nullptr},
    {audit::ReportPrintCancelled, "reports", BV_W("Print cancelled"), BV_W("%1 cancelled printing the report %3 at %2"),
        nullptr},
    {audit::ReportTrace, "reports", BV_W("Printout traced"), BV_W("%1 traced %3 at %2"), nullptr},
    // print register
    {audit::PrintList, "print", BV_W("Print register read"), BV_W("%1 read the print register at %2"), nullptr},
    {audit::PrintAlerts, "print", BV_W("Print register alerts"), BV_W("%1 reviewed the print register's alerts at %2"),
        nullptr},
    {audit::PrintVerify, "print", BV_W("Print register verified"), BV_W("%1 verified the print register at %2"),
        BV_W("%1 verified the print register at %2 and found it altered")},
    {audit::PrintReceive, "print", BV_W("Printout received"), BV_W("%1 recorded %3 as received at %2"), nullptr},
    {audit::PrintHandOver, "print", BV_W("Printout handed over"), BV_W("%1 recorded %3 as handed over at %2"), nullptr},
    {audit::PrintLend, "print", BV_W("Printout lent"), BV_W("%1 lent %3 at %2"), nullptr},
    {audit::PrintReturn, "print", BV_W("Printout returned"), BV_W("%1 recorded %3 as returned at %2"), nullptr},
    {audit::PrintDestroy, "print", BV_W("Printout destroyed"), BV_W("%1 recorded the destruction of %3 at %2"),
        nullptr},
};

#undef BV_W

} // namespace

const AuditWordingTable::ActionEntry* AuditWordingTable::find(const QString& action)
{
    for (const ActionEntry& entry : kActions)
        if (action == QLatin1String(entry.action))
            return &entry;
    return nullptr;
}

QList<const AuditWordingTable::ActionEntry*> AuditWordingTable::actions()
{
    QList<const ActionEntry*> all;
    for (const ActionEntry& entry : kActions)
        all << &entry;
    return all;
}

QList<const AuditWordingTable::GroupEntry*> AuditWordingTable::groups()
{
    QList<const GroupEntry*> all;
    for (const GroupEntry& entry : kGroups)
        all << &entry;
    return all;
}

} // namespace bv
