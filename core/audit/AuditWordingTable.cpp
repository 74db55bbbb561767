// THE table of audit wording: one line per action of core/audit/AuditActions.h. Adding an action means
// adding its line here (tests/core/audit/tst_auditwording.cpp fails until it is there) and its Chinese
// wording in translations/branchvault_zh_CN.ts.
//
// Each line: the action, its group (the action filter's headings, kGroups below), a short label (filter
// choices, the Action column), the sentence and, optionally, the sentence when the outcome is "failed"
// (without one, the sentence is followed by "(failed)"). In the sentences %1 is the person ("Zhang Wei
// (customer manager)"), %2 the time (branch time, HH:mm) and %3 the object ("customer 0001-00000001
// (张*丰)"); each may be left out, and a translation may put them in any order.
#include "core/audit/AuditWordingTable.h"
#include "core/audit/AuditActions.h"
#include "core/audit/AuditWording.h"

namespace bv {

namespace {

const AuditWordingTable::GroupEntry kGroups[] = {
    {"session", QT_TRANSLATE_NOOP("AuditWording", "Sign-in and sessions")},
    {"access", QT_TRANSLATE_NOOP("AuditWording", "Refusals")},
    {"accounts", QT_TRANSLATE_NOOP("AuditWording", "Staff accounts and keys")},
    {"settings", QT_TRANSLATE_NOOP("AuditWording", "Settings")},
    {"database", QT_TRANSLATE_NOOP("AuditWording", "Database")},
    {"audit", QT_TRANSLATE_NOOP("AuditWording", "Audit log")},
    {"requests", QT_TRANSLATE_NOOP("AuditWording", "Special requests")},
    {"customers", QT_TRANSLATE_NOOP("AuditWording", "Customers")},
    {"reports", QT_TRANSLATE_NOOP("AuditWording", "Reports and printing")},
    {"print", QT_TRANSLATE_NOOP("AuditWording", "Print register")},
};

const AuditWordingTable::ActionEntry kActions[] = {
    // sign-in and sessions
    {audit::SignIn, "session", QT_TRANSLATE_NOOP("AuditWording", "Sign-in"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 signed in at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to sign in at %2")},
    {audit::Lockout, "session", QT_TRANSLATE_NOOP("AuditWording", "Account locked"),
        QT_TRANSLATE_NOOP("AuditWording", "%3 was locked at %2 after too many failed sign-ins"), nullptr},
    {audit::SignOut, "session", QT_TRANSLATE_NOOP("AuditWording", "Sign-out"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 signed out at %2"), nullptr},
    {audit::IdleLock, "session", QT_TRANSLATE_NOOP("AuditWording", "Session locked"),
        QT_TRANSLATE_NOOP("AuditWording", "The session of %1 was locked at %2"), nullptr},
    {audit::SessionUnlock, "session", QT_TRANSLATE_NOOP("AuditWording", "Session unlocked"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 unlocked the session at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to unlock the session at %2")},
    {audit::PasswordChange, "session", QT_TRANSLATE_NOOP("AuditWording", "Own password changed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 changed their password at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to change their password at %2")},
    {audit::SecondFactorEnrol, "session", QT_TRANSLATE_NOOP("AuditWording", "Second factor enrolled"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 enrolled a second factor at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to enrol a second factor at %2")},
    {audit::SecondFactorRemove, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Second factor removed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 removed the second factor of %3 at %2"), nullptr},
    {audit::ConfirmPerson, "session", QT_TRANSLATE_NOOP("AuditWording", "Decision confirmed in person"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 confirmed a decision with their own password at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to confirm a decision with their password at %2")},
    // refusals
    {audit::AccessDenied, "access", QT_TRANSLATE_NOOP("AuditWording", "Access refused"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 was refused access to %3 at %2"), nullptr},
    // staff accounts and keys
    {audit::UserCreate, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Account created"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 created the account %3 at %2"), nullptr},
    {audit::UserFreeze, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Account frozen"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 froze the account %3 at %2"), nullptr},
    {audit::UserUnfreeze, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Account unfrozen"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 unfroze the account %3 at %2"), nullptr},
    {audit::UserResetPassword, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Password reset"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 reset the password of %3 at %2"), nullptr},
    {audit::UserRoleChange, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Role changed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 changed the role of %3 at %2"), nullptr},
    {audit::UserConfirm, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Account change confirmed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 confirmed the account change of %3 at %2"), nullptr},
    {audit::UserDecline, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Account change declined"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 declined the account change of %3 at %2"), nullptr},
    {audit::KeysMigrate, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Keys moved into key slots"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 moved the database keys into key slots at %2"), nullptr},
    {audit::KeysRecoveryAdopt, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Recovery slot renewed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 sealed the recovery key slot to a new recovery sheet at %2"), nullptr},
    {audit::RecoverySheetPrint, "accounts", QT_TRANSLATE_NOOP("AuditWording", "Recovery sheet printed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 printed a copy of the recovery sheet %3 at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to print the recovery sheet %3 at %2")},
    // settings
    {audit::SettingsChange, "settings", QT_TRANSLATE_NOOP("AuditWording", "Setting changed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 changed the setting %3 at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 tried to change the setting %3 at %2; the value was refused")},
    {audit::PolicyRemask, "settings", QT_TRANSLATE_NOOP("AuditWording", "Masked values re-masked"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 re-masked the stored masked values at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "Re-masking the stored masked values failed at %2 (%1)")},
    {audit::CalendarImport, "settings", QT_TRANSLATE_NOOP("AuditWording", "Holiday calendar imported"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 imported the official holiday calendar at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 tried to import a holiday calendar at %2; the file was refused")},
    // database
    {audit::DatabaseCreate, "database", QT_TRANSLATE_NOOP("AuditWording", "Database created"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 created the database at %2"), nullptr},
    {audit::DatabaseBackup, "database", QT_TRANSLATE_NOOP("AuditWording", "Backup"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 backed up the database at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to back up the database at %2")},
    {audit::DatabaseRestore, "database", QT_TRANSLATE_NOOP("AuditWording", "Restore"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 restored the database from a backup at %2"), nullptr},
    {audit::DatabaseRekey, "database", QT_TRANSLATE_NOOP("AuditWording", "Key rotation"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 rotated the database keys at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to rotate the database keys at %2")},
    {audit::DatabaseVerify, "database", QT_TRANSLATE_NOOP("AuditWording", "Database verified"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 verified the database at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 verified the database at %2 and found problems")},
    {audit::DatabaseEnvelopeRepair, "database", QT_TRANSLATE_NOOP("AuditWording", "Key envelope repaired"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 repaired the key envelope at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 failed to repair the key envelope at %2")},
    {audit::DatabaseUpgrade, "database", QT_TRANSLATE_NOOP("AuditWording", "Branch server upgraded"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 upgraded the branch server's schema at %2"), nullptr},
    // audit log
    {audit::AuditRead, "audit", QT_TRANSLATE_NOOP("AuditWording", "Audit log read"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 read the audit log at %2"), nullptr},
    {audit::AuditVerify, "audit", QT_TRANSLATE_NOOP("AuditWording", "Audit chain verified"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 verified the audit log's chain at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 verified the audit log's chain at %2 and found it broken")},
    {audit::AuditCheckpoint, "audit", QT_TRANSLATE_NOOP("AuditWording", "Audit checkpoint"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 took an audit checkpoint at %2"), nullptr},
    {audit::AuditExport, "audit", QT_TRANSLATE_NOOP("AuditWording", "Audit log exported"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 exported the audit log to %3 at %2"), nullptr},
    {audit::AuditPurge, "audit", QT_TRANSLATE_NOOP("AuditWording", "Audit rows purged"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 purged audit rows past the retention period at %2"), nullptr},
    {audit::AuditAlerts, "audit", QT_TRANSLATE_NOOP("AuditWording", "Audit alerts reviewed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 reviewed the audit alerts at %2"), nullptr},
    // special requests
    {audit::RequestCreate, "requests", QT_TRANSLATE_NOOP("AuditWording", "Special request filed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 filed the special request %3 at %2"), nullptr},
    {audit::RequestApprove, "requests", QT_TRANSLATE_NOOP("AuditWording", "Special request approved"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 approved the special request %3 at %2"), nullptr},
    {audit::RequestReject, "requests", QT_TRANSLATE_NOOP("AuditWording", "Special request rejected"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 rejected the special request %3 at %2"), nullptr},
    {audit::RequestRevoke, "requests", QT_TRANSLATE_NOOP("AuditWording", "Special request revoked"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 revoked the special request %3 at %2"), nullptr},
    {audit::RequestWithdraw, "requests", QT_TRANSLATE_NOOP("AuditWording", "Special request withdrawn"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 withdrew the special request %3 at %2"), nullptr},
    {audit::RequestList, "requests", QT_TRANSLATE_NOOP("AuditWording", "Special requests listed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 looked at the list of special requests at %2"), nullptr},
    {audit::GrantUse, "requests", QT_TRANSLATE_NOOP("AuditWording", "Approval used"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 used the approval of the special request %3 at %2"), nullptr},
    {audit::GrantRelease, "requests", QT_TRANSLATE_NOOP("AuditWording", "Unused approval given back"),
        QT_TRANSLATE_NOOP(
            "AuditWording", "%1 gave back the approval of the special request %3 at %2, unused (the print failed)"),
        nullptr},
    // customers
    {audit::CustomerCreate, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer entered"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 entered the new %3 at %2"), nullptr},
    {audit::CustomerEdit, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer record changed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 changed the record of %3 at %2"), nullptr},
    {audit::CustomerOpen, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer details opened"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 opened the details of %3 at %2"), nullptr},
    {audit::CustomerList, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer list shown"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 looked at the list of %3 at %2"), nullptr},
    {audit::CustomerSearch, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer search"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 searched %3 at %2"), nullptr},
    {audit::CustomerLookup, "customers", QT_TRANSLATE_NOOP("AuditWording", "Counter lookup"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 looked up %3 at the counter at %2"), nullptr},
    {audit::CustomerReveal, "customers", QT_TRANSLATE_NOOP("AuditWording", "Full values viewed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 viewed full values of %3 under an approval at %2"), nullptr},
    {audit::CustomerApprove, "customers", QT_TRANSLATE_NOOP("AuditWording", "Entry or change approved"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 approved the entry or change of %3 at %2"), nullptr},
    {audit::CustomerReject, "customers", QT_TRANSLATE_NOOP("AuditWording", "Entry or change rejected"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 rejected the entry or change of %3 at %2"), nullptr},
    {audit::CustomerAssign, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer manager changed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 changed the customer manager of %3 at %2"), nullptr},
    {audit::CustomerClose, "customers", QT_TRANSLATE_NOOP("AuditWording", "Relationship closed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 closed the relationship with %3 at %2"), nullptr},
    {audit::CustomerAnonymise, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer anonymised"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 anonymised %3 after the retention period at %2"), nullptr},
    {audit::CustomerImport, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customers imported"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 imported customers from a file at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 tried to import customers from a file at %2; the import stopped")},
    {audit::CustomerReport, "customers", QT_TRANSLATE_NOOP("AuditWording", "Data-subject report"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 produced the data-subject report of %3 at %2"), nullptr},
    {audit::CustomerExport, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer data exported"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 exported the data of %3 at %2"), nullptr},
    {audit::CustomerPrint, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer data printed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 printed the data of %3 at %2"), nullptr},
    {audit::SuspiciousClear, "customers", QT_TRANSLATE_NOOP("AuditWording", "Suspicious pair cleared"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 reviewed and cleared the suspicious pair %3 at %2"), nullptr},
    {audit::TierConfirm, "customers", QT_TRANSLATE_NOOP("AuditWording", "Tier change decided"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 decided on the tier change of %3 at %2"), nullptr},
    {audit::ServiceRecord, "customers", QT_TRANSLATE_NOOP("AuditWording", "Service recorded"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded a service for %3 at %2"), nullptr},
    {audit::Complaint, "customers", QT_TRANSLATE_NOOP("AuditWording", "Complaint recorded"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded or updated a complaint of %3 at %2"), nullptr},
    {audit::Consent, "customers", QT_TRANSLATE_NOOP("AuditWording", "Consent recorded"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded a consent of %3 at %2"), nullptr},
    {audit::CustomerRekeyMismatch, "customers", QT_TRANSLATE_NOOP("AuditWording", "Re-keyed value did not match"),
        QT_TRANSLATE_NOOP("AuditWording",
            "%1 typed values from the document of %3 at %2 that do not match the record; the approval was refused"),
        nullptr},
    {audit::DraftSave, "customers", QT_TRANSLATE_NOOP("AuditWording", "Draft kept"),
        QT_TRANSLATE_NOOP("AuditWording", "%1's unsaved form was kept as a sealed draft at %2"), nullptr},
    {audit::DraftRestore, "customers", QT_TRANSLATE_NOOP("AuditWording", "Draft restored"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 restored an unsaved form from a draft at %2"), nullptr},
    {audit::DraftDiscard, "customers", QT_TRANSLATE_NOOP("AuditWording", "Draft deleted"),
        QT_TRANSLATE_NOOP("AuditWording", "%1's draft was deleted at %2"), nullptr},
    {audit::DraftExpire, "customers", QT_TRANSLATE_NOOP("AuditWording", "Old drafts removed"),
        QT_TRANSLATE_NOOP("AuditWording", "Drafts older than their lifetime were removed at %2"), nullptr},
    // the branch server's offline outbox
    {audit::OutboxSignIn, "session", QT_TRANSLATE_NOOP("AuditWording", "Offline sign-in"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 signed in without the branch server at %2 (recorded at the upload)"),
        nullptr},
    {audit::OutboxSignOut, "session", QT_TRANSLATE_NOOP("AuditWording", "Offline sign-out"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 ended an offline session at %2 (recorded at the upload)"), nullptr},
    {audit::OutboxIdleLock, "session", QT_TRANSLATE_NOOP("AuditWording", "Offline session ended when idle"),
        QT_TRANSLATE_NOOP(
            "AuditWording", "The offline session of %1 ended without input at %2 (recorded at the upload)"),
        nullptr},
    {audit::OutboxKeep, "customers", QT_TRANSLATE_NOOP("AuditWording", "Customer kept offline"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 kept a new customer in the workstation's outbox as %3 at %2"), nullptr},
    {audit::OutboxDiscard, "customers", QT_TRANSLATE_NOOP("AuditWording", "Outbox entry discarded"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 discarded the outbox entry %3 at %2"), nullptr},
    {audit::OutboxUpload, "customers", QT_TRANSLATE_NOOP("AuditWording", "Outbox entry sent"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 sent the outbox entry %3 to the branch server at %2"), nullptr},
    // reports and printing
    {audit::ReportRun, "reports", QT_TRANSLATE_NOOP("AuditWording", "Report produced"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 produced the report %3 at %2"), nullptr},
    {audit::ReportPrint, "reports", QT_TRANSLATE_NOOP("AuditWording", "Print registered"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 printed %3 at %2"), nullptr},
    {audit::ReportPageCodes, "reports", QT_TRANSLATE_NOOP("AuditWording", "Page codes issued"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 issued the page codes of %3 at %2"), nullptr},
    {audit::ReportPrintDone, "reports", QT_TRANSLATE_NOOP("AuditWording", "Print finished"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded %3 as printed at %2"), nullptr},
    {audit::ReportPrintFailed, "reports", QT_TRANSLATE_NOOP("AuditWording", "Print failed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded that printing %3 failed at %2"), nullptr},
    {audit::ReportPrintCancelled, "reports", QT_TRANSLATE_NOOP("AuditWording", "Print cancelled"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 cancelled printing the report %3 at %2"), nullptr},
    {audit::ReportTrace, "reports", QT_TRANSLATE_NOOP("AuditWording", "Printout traced"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 traced %3 at %2"), nullptr},
    // print register
    {audit::PrintList, "print", QT_TRANSLATE_NOOP("AuditWording", "Print register read"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 read the print register at %2"), nullptr},
    {audit::PrintAlerts, "print", QT_TRANSLATE_NOOP("AuditWording", "Print register alerts"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 reviewed the print register's alerts at %2"), nullptr},
    {audit::PrintVerify, "print", QT_TRANSLATE_NOOP("AuditWording", "Print register verified"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 verified the print register at %2"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 verified the print register at %2 and found it altered")},
    {audit::PrintReceive, "print", QT_TRANSLATE_NOOP("AuditWording", "Printout received"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded %3 as received at %2"), nullptr},
    {audit::PrintHandOver, "print", QT_TRANSLATE_NOOP("AuditWording", "Printout handed over"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded %3 as handed over at %2"), nullptr},
    {audit::PrintLend, "print", QT_TRANSLATE_NOOP("AuditWording", "Printout lent"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 lent %3 at %2"), nullptr},
    {audit::PrintReturn, "print", QT_TRANSLATE_NOOP("AuditWording", "Printout returned"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded %3 as returned at %2"), nullptr},
    {audit::PrintDestroy, "print", QT_TRANSLATE_NOOP("AuditWording", "Printout destroyed"),
        QT_TRANSLATE_NOOP("AuditWording", "%1 recorded the destruction of %3 at %2"), nullptr},
};

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
