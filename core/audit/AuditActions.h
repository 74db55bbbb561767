#pragma once

// The audit log's vocabulary: one action name per kind of event. Alerts and filters rely on them.
namespace bv::audit {

inline constexpr char SignIn[] = "auth.sign_in"; // outcome ok / failed
inline constexpr char Lockout[] = "auth.lockout";
inline constexpr char SignOut[] = "auth.sign_out";
inline constexpr char IdleLock[] = "auth.idle_lock";
inline constexpr char SessionUnlock[] = "auth.unlock";
inline constexpr char PasswordChange[] = "auth.password_change";
inline constexpr char SecondFactorEnrol[] = "auth.totp_enrol";
inline constexpr char SecondFactorRemove[] = "auth.totp_remove";
// a second person confirmed one decision with their password on the operator's screen (no session)
inline constexpr char ConfirmPerson[] = "auth.confirm_person";

inline constexpr char AccessDenied[] = "access.denied";

inline constexpr char UserCreate[] = "user.create";
inline constexpr char UserFreeze[] = "user.freeze";
inline constexpr char UserUnfreeze[] = "user.unfreeze";
inline constexpr char UserResetPassword[] = "user.reset_password";
inline constexpr char UserRoleChange[] = "user.role_change";
inline constexpr char UserConfirm[] = "user.confirm"; // a branch manager confirms an account change (dual control)
inline constexpr char UserDecline[] = "user.decline";
inline constexpr char KeysMigrate[] = "keys.migrate"; // release 0.1's keyring moved into key slots
inline constexpr char KeysRecoveryAdopt[] = "keys.recovery_adopt"; // a manager sealed the recovery slot to a new sheet
// a copy of the recovery sheet printed at first run (serial RS-…; not in the print register)
inline constexpr char RecoverySheetPrint[] = "keys.recovery_sheet_print";

inline constexpr char SettingsChange[] = "settings.change";
// stored masked forms re-masked after a mask setting changed (counts only, never a value)
inline constexpr char PolicyRemask[] = "policy.remask";
// a newer official holiday calendar imported (years and counts only; details: years, holidays, workdays)
inline constexpr char CalendarImport[] = "calendar.import";

inline constexpr char DatabaseCreate[] = "db.create";
inline constexpr char DatabaseBackup[] = "db.backup";
inline constexpr char DatabaseRestore[] = "db.restore";
inline constexpr char DatabaseRekey[] = "db.rekey";
inline constexpr char DatabaseVerify[] = "db.verify";
inline constexpr char DatabaseEnvelopeRepair[] = "db.envelope_repair";
// written by the branch server only (migration 27: `server upgrade`)
inline constexpr char DatabaseUpgrade[] = "db.upgrade";

inline constexpr char AuditRead[] = "audit.read";
inline constexpr char AuditVerify[] = "audit.verify";
inline constexpr char AuditCheckpoint[] = "audit.checkpoint";
inline constexpr char AuditExport[] = "audit.export";
inline constexpr char AuditPurge[] = "audit.purge";
inline constexpr char AuditAlerts[] = "audit.alerts";

inline constexpr char RequestCreate[] = "request.create";
inline constexpr char RequestApprove[] = "request.approve";
inline constexpr char RequestReject[] = "request.reject";
inline constexpr char RequestRevoke[] = "request.revoke";
inline constexpr char RequestWithdraw[] = "request.withdraw";
inline constexpr char RequestList[] = "request.list"; // a list of requests was shown (details: its filter)
inline constexpr char GrantUse[] = "grant.use";
inline constexpr char GrantRelease[] = "request.release"; // a failed print gave its single-use grant back

// Controlled printing (DESIGN §8): the print flow (ReportService) and the print register's lifecycle events.
// a report built for the screen (ReportService::run; details: report key, parameters, the grant that allowed it)
inline constexpr char ReportRun[] = "report.run";
inline constexpr char ReportPrint[] = "report.print"; // a print registered: serial, copies, grant
inline constexpr char ReportPageCodes[] = "report.page_codes"; // the QR payloads of a copy's pages were issued
inline constexpr char ReportPrintDone[] = "report.print_done";
inline constexpr char ReportPrintFailed[] = "report.print_failed";
inline constexpr char ReportPrintCancelled[] = "report.print_cancelled"; // the dialog was cancelled: nothing used
inline constexpr char ReportTrace[] = "report.trace";
inline constexpr char PrintList[] = "print.list";
inline constexpr char PrintAlerts[] = "print.alerts";
inline constexpr char PrintVerify[] = "print.verify";
inline constexpr char PrintReceive[] = "print.receive";
inline constexpr char PrintHandOver[] = "print.handover";
inline constexpr char PrintLend[] = "print.lend";
inline constexpr char PrintReturn[] = "print.return";
inline constexpr char PrintDestroy[] = "print.destroy";

// Drafts (core/drafts): a half-filled form kept sealed for its author across a lock or sign-out. Details name the
// form kind (and why a draft went), never its content or the customer.
inline constexpr char DraftSave[] = "draft.save";
inline constexpr char DraftRestore[] = "draft.restore";
inline constexpr char DraftDiscard[] = "draft.discard"; // details.reason: "discarded", or "saved" (the form was saved)
inline constexpr char DraftExpire[] = "draft.expire"; // the system removed expired drafts (details: the count)

inline constexpr char CustomerCreate[] = "customer.create";
inline constexpr char CustomerEdit[] = "customer.edit";
inline constexpr char CustomerOpen[] = "customer.open";
inline constexpr char CustomerList[] = "customer.list"; // a list was shown; object type names it
inline constexpr char CustomerSearch[] = "customer.search";
inline constexpr char CustomerLookup[] = "customer.lookup"; // the clerk's lookup
inline constexpr char CustomerReveal[] = "customer.reveal";
inline constexpr char CustomerApprove[] = "customer.approve";
inline constexpr char CustomerReject[] = "customer.reject";
// blind re-key: the values a checker typed from the customer's document did not match (field names only)
inline constexpr char CustomerRekeyMismatch[] = "customer.rekey_mismatch";
inline constexpr char CustomerAssign[] = "customer.assign";
inline constexpr char CustomerClose[] = "customer.close";
inline constexpr char CustomerAnonymise[] = "customer.anonymise";
inline constexpr char CustomerImport[] = "customer.import";
inline constexpr char CustomerReport[] = "customer.report";
inline constexpr char CustomerExport[] = "customer.export";
inline constexpr char CustomerPrint[] = "customer.print";
inline constexpr char SuspiciousClear[] = "customer.suspicious_clear";
inline constexpr char TierConfirm[] = "customer.tier_confirm";
inline constexpr char ServiceRecord[] = "customer.service";
inline constexpr char Complaint[] = "customer.complaint";
inline constexpr char Consent[] = "customer.consent";

// The branch server's offline outbox (ServerOutbox): what happened at a workstation while the server could not be
// reached, appended to the branch's chain at the maker's next upload (details: offlineAt, the workstation's time)
inline constexpr char OutboxSignIn[] = "outbox.sign_in"; // outcome ok / denied
inline constexpr char OutboxSignOut[] = "outbox.sign_out";
inline constexpr char OutboxIdleLock[] = "outbox.idle_lock";
inline constexpr char OutboxKeep[] = "outbox.keep"; // a new customer kept in the outbox (object: the entry)
inline constexpr char OutboxDiscard[] = "outbox.discard"; // its maker discarded an entry
inline constexpr char OutboxUpload[] = "outbox.upload"; // an entry sent: the customer number it became

} // namespace bv::audit
