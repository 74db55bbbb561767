<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AuditCli</name>
    <message numerus="yes">
        <source>%n audit rows older than %1 days were purged; the chain continues from the last purged row.</source>
        <translation>
            <numerusform>%n audit row older than %1 days was purged; the chain continues from the last purged row.</numerusform>
            <numerusform>%n audit rows older than %1 days were purged; the chain continues from the last purged row.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditCommands</name>
    <message numerus="yes">
        <source>The audit chain is intact: %n rows checked, up to row %1.</source>
        <translation>
            <numerusform>The audit chain is intact: %n row checked, up to row %1.</numerusform>
            <numerusform>The audit chain is intact: %n rows checked, up to row %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit rows exported to %1 (CSV, UTF-8 with byte order mark).</source>
        <translation>
            <numerusform>%n audit row exported to %1 (CSV, UTF-8 with byte order mark).</numerusform>
            <numerusform>%n audit rows exported to %1 (CSV, UTF-8 with byte order mark).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message numerus="yes">
        <source>the checkpoint counts %n rows from row %1 to row %2: the log already had rows missing when it was taken</source>
        <translation>
            <numerusform>the checkpoint counts %n row from row %1 to row %2: the log already had rows missing when it was taken</numerusform>
            <numerusform>the checkpoint counts %n rows from row %1 to row %2: the log already had rows missing when it was taken</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the checkpoint counts %n rows from row %1 to row %2 that should still be in the log, but the log has %3</source>
        <translation>
            <numerusform>the checkpoint counts %n row from row %1 to row %2 that should still be in the log, but the log has %3</numerusform>
            <numerusform>the checkpoint counts %n rows from row %1 to row %2 that should still be in the log, but the log has %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuditService</name>
    <message numerus="yes">
        <source>Clerk %1 made %n customer lookups between %2 and %3 (branch time), above the alert threshold of %4 per hour.</source>
        <translation>
            <numerusform>Clerk %1 made %n customer lookup between %2 and %3 (branch time), above the alert threshold of %4 per hour.</numerusform>
            <numerusform>Clerk %1 made %n customer lookups between %2 and %3 (branch time), above the alert threshold of %4 per hour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 opened customer %2 %n times on %3 (branch time), above the alert threshold of %4 per day.</source>
        <translation>
            <numerusform>%1 opened customer %2 %n time on %3 (branch time), above the alert threshold of %4 per day.</numerusform>
            <numerusform>%1 opened customer %2 %n times on %3 (branch time), above the alert threshold of %4 per day.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 accessed customer records %n times on %2, which is not a working day, between %3 and %4 (branch time).</source>
        <translation>
            <numerusform>%1 accessed customer records %n time on %2, which is not a working day, between %3 and %4 (branch time).</numerusform>
            <numerusform>%1 accessed customer records %n times on %2, which is not a working day, between %3 and %4 (branch time).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 accessed customer records %n times outside working hours (%2:00 to %3:00) on %4, between %5 and %6 (branch time).</source>
        <translation>
            <numerusform>%1 accessed customer records %n time outside working hours (%2:00 to %3:00) on %4, between %5 and %6 (branch time).</numerusform>
            <numerusform>%1 accessed customer records %n times outside working hours (%2:00 to %3:00) on %4, between %5 and %6 (branch time).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Signing in as %1 failed %n times between %2 and %3 (branch time), at or above the alert threshold of %4 within one hour.</source>
        <translation>
            <numerusform>Signing in as %1 failed %n time between %2 and %3 (branch time), at or above the alert threshold of %4 within one hour.</numerusform>
            <numerusform>Signing in as %1 failed %n times between %2 and %3 (branch time), at or above the alert threshold of %4 within one hour.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 used %n grants approved by %2 within %3 minutes of the approval (the fastest after %4 min %5 s), between %6 and %7 (branch time).</source>
        <translation>
            <numerusform>%1 used %n grant approved by %2 within %3 minutes of the approval (the fastest after %4 min %5 s), between %6 and %7 (branch time).</numerusform>
            <numerusform>%1 used %n grants approved by %2 within %3 minutes of the approval (the fastest after %4 min %5 s), between %6 and %7 (branch time).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuthService</name>
    <message numerus="yes">
        <source>Too many failed attempts: the account is locked for %n minutes. Try again later, or ask the system administrator to unlock it.</source>
        <translation>
            <numerusform>Too many failed attempts: the account is locked for %n minute. Try again later, or ask the system administrator to unlock it.</numerusform>
            <numerusform>Too many failed attempts: the account is locked for %n minutes. Try again later, or ask the system administrator to unlock it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This account is locked after too many failed sign-ins. Try again in %n minutes, or ask the system administrator to unlock it.</source>
        <translation>
            <numerusform>This account is locked after too many failed sign-ins. Try again in %n minute, or ask the system administrator to unlock it.</numerusform>
            <numerusform>This account is locked after too many failed sign-ins. Try again in %n minutes, or ask the system administrator to unlock it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The confirming person&apos;s account is locked after too many failed attempts. Try again in %n minutes, or ask the system administrator to unlock it.</source>
        <translation>
            <numerusform>The confirming person&apos;s account is locked after too many failed attempts. Try again in %n minute, or ask the system administrator to unlock it.</numerusform>
            <numerusform>The confirming person&apos;s account is locked after too many failed attempts. Try again in %n minutes, or ask the system administrator to unlock it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The session was locked after %n minutes without activity. Enter your password to continue.</source>
        <translation>
            <numerusform>The session was locked after %n minute without activity. Enter your password to continue.</numerusform>
            <numerusform>The session was locked after %n minutes without activity. Enter your password to continue.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The on-the-spot authorisation expired (it lasts %n minutes). The authorising person signs in again.</source>
        <translation>
            <numerusform>The on-the-spot authorisation expired (it lasts %n minute). The authorising person signs in again.</numerusform>
            <numerusform>The on-the-spot authorisation expired (it lasts %n minutes). The authorising person signs in again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerEntry</name>
    <message numerus="yes">
        <source>%n more fields need attention</source>
        <translation>
            <numerusform>%n more field needs attention</numerusform>
            <numerusform>%n more fields need attention</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerLabels</name>
    <message numerus="yes">
        <source>%n d %1</source>
        <translation>
            <numerusform>%n d %1</numerusform>
            <numerusform>%n d %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerOwnership</name>
    <message numerus="yes">
        <source>A custody lasts at most %n days. Choose an earlier end date, or transfer the customer permanently.</source>
        <translation>
            <numerusform>A custody lasts at most %n day. Choose an earlier end date, or transfer the customer permanently.</numerusform>
            <numerusform>A custody lasts at most %n days. Choose an earlier end date, or transfer the customer permanently.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerRecordCommands</name>
    <message numerus="yes">
        <source>%1: %n rows read</source>
        <translation>
            <numerusform>%1: %n row read</numerusform>
            <numerusform>%1: %n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accepted (pending review)</source>
        <translation>
            <numerusform>%n accepted (pending review)</numerusform>
            <numerusform>%n accepted (pending review)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected.</source>
        <translation>
            <numerusform>%n rejected.</numerusform>
            <numerusform>%n rejected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows of %1 were not imported; correct them as listed (or in the report) and import those rows again. The other rows are pending records.</source>
        <translation>
            <numerusform>%n row of %1 was not imported; correct it as listed (or in the report) and import that row again. The other rows are pending records.</numerusform>
            <numerusform>%n rows of %1 were not imported; correct them as listed (or in the report) and import those rows again. The other rows are pending records.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CustomerReviewCommands</name>
    <message numerus="yes">
        <source>Approved: change %1.</source>
        <translation>
            <numerusform>Approved: change %1.</numerusform>
            <numerusform>Approved: change %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DraftService</name>
    <message numerus="yes">
        <source>This draft does not exist any more (it was restored and saved, discarded, or it expired after %n days). Fill in the form again.</source>
        <translation>
            <numerusform>This draft does not exist any more (it was restored and saved, discarded, or it expired after %n day). Fill in the form again.</numerusform>
            <numerusform>This draft does not exist any more (it was restored and saved, discarded, or it expired after %n days). Fill in the form again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HolidayCalendar</name>
    <message numerus="yes">
        <source>The calendar file has %n problems; nothing was imported. Correct the file and import it again.</source>
        <translation>
            <numerusform>The calendar file has %n problem; nothing was imported. Correct the file and import it again.</numerusform>
            <numerusform>The calendar file has %n problems; nothing was imported. Correct the file and import it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OnTheSpot</name>
    <message numerus="yes">
        <source>Validity: %n hours</source>
        <translation>
            <numerusform>Validity: %n hour</numerusform>
            <numerusform>Validity: %n hours</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PasswordRule</name>
    <message numerus="yes">
        <source>At least %1 characters with letters and digits; your last %n passwords cannot be used again.</source>
        <translation>
            <numerusform>At least %1 characters with letters and digits; your last %n password cannot be used again.</numerusform>
            <numerusform>At least %1 characters with letters and digits; your last %n passwords cannot be used again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This password was used recently. Choose one that differs from your last %n passwords.</source>
        <translation>
            <numerusform>This password was used recently. Choose one that differs from your last %n password.</numerusform>
            <numerusform>This password was used recently. Choose one that differs from your last %n passwords.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintRegister</name>
    <message numerus="yes">
        <source>Printout %1 (%2) is in the print register: %n copies, printed by %3 on %4. A typed number proves nothing about a page; scan its QR code to check that it is genuine.</source>
        <translation>
            <numerusform>Printout %1 (%2) is in the print register: %n copy, printed by %3 on %4. A typed number proves nothing about a page; scan its QR code to check that it is genuine.</numerusform>
            <numerusform>Printout %1 (%2) is in the print register: %n copies, printed by %3 on %4. A typed number proves nothing about a page; scan its QR code to check that it is genuine.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintRegisterReport</name>
    <message numerus="yes">
        <source>%n copies</source>
        <translation>
            <numerusform>%n copy</numerusform>
            <numerusform>%n copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n destroyed</source>
        <translation>
            <numerusform>%n destroyed</numerusform>
            <numerusform>%n destroyed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportCommands</name>
    <message numerus="yes">
        <source>Printed %1 as controlled document %2 (%n pages per copy, %3 copies) to %4. Record in the print register who receives it (branchvault-cli print-register receive %2).</source>
        <translation>
            <numerusform>Printed %1 as controlled document %2 (%n page per copy, %3 copies) to %4. Record in the print register who receives it (branchvault-cli print-register receive %2).</numerusform>
            <numerusform>Printed %1 as controlled document %2 (%n pages per copy, %3 copies) to %4. Record in the print register who receives it (branchvault-cli print-register receive %2).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RequestCommands</name>
    <message numerus="yes">
        <source>Request %1 was filed (%2: %3, valid for %n hours once approved). It is pending until a branch manager decides it.</source>
        <translation>
            <numerusform>Request %1 was filed (%2: %3, valid for %n hour once approved). It is pending until a branch manager decides it.</numerusform>
            <numerusform>Request %1 was filed (%2: %3, valid for %n hours once approved). It is pending until a branch manager decides it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerCommands</name>
    <message numerus="yes">
        <source>The branch server&apos;s audit chain is intact: %n rows checked, up to row %1.</source>
        <translation>
            <numerusform>The branch server&apos;s audit chain is intact: %n row checked, up to row %1.</numerusform>
            <numerusform>The branch server&apos;s audit chain is intact: %n rows checked, up to row %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerOutbox</name>
    <message numerus="yes">
        <source>This workstation&apos;s offline outbox still holds %n new customers not sent to the branch server. Sign in as their makers with the server reachable so that they are sent, or have the makers discard them; then try again.</source>
        <translation>
            <numerusform>This workstation&apos;s offline outbox still holds %n new customer not sent to the branch server. Sign in as its maker with the server reachable so that it is sent, or have the maker discard it; then try again.</numerusform>
            <numerusform>This workstation&apos;s offline outbox still holds %n new customers not sent to the branch server. Sign in as their makers with the server reachable so that they are sent, or have the makers discard them; then try again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerOwnership</name>
    <message numerus="yes">
        <source>The custody end date must be today or a later date, at most %n days ahead (branch time). Choose the last day of the custody.</source>
        <translation>
            <numerusform>The custody end date must be today or a later date, at most %n day ahead (branch time). Choose the last day of the custody.</numerusform>
            <numerusform>The custody end date must be today or a later date, at most %n days ahead (branch time). Choose the last day of the custody.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ServerSetup</name>
    <message numerus="yes">
        <source>The database on %1 is not empty (it holds %n tables, views or sequences). BranchVault is set up only in an empty database made for it; nothing was changed.</source>
        <translation>
            <numerusform>The database on %1 is not empty (it holds %n table, view or sequence). BranchVault is set up only in an empty database made for it; nothing was changed.</numerusform>
            <numerusform>The database on %1 is not empty (it holds %n tables, views or sequences). BranchVault is set up only in an empty database made for it; nothing was changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VaultCommands</name>
    <message numerus="yes">
        <source>All checks passed: database integrity, page authentication (cipher_integrity_check), key envelope, field keys and the audit chain (%n rows).</source>
        <translation>
            <numerusform>All checks passed: database integrity, page authentication (cipher_integrity_check), key envelope, field keys and the audit chain (%n row).</numerusform>
            <numerusform>All checks passed: database integrity, page authentication (cipher_integrity_check), key envelope, field keys and the audit chain (%n rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verification found %n problems. Restore the latest backup if the database is damaged, or follow the advice on each line.</source>
        <translation>
            <numerusform>Verification found %n problem. Restore the latest backup if the database is damaged, or follow the advice on each line.</numerusform>
            <numerusform>Verification found %n problems. Restore the latest backup if the database is damaged, or follow the advice on each line.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AccountConfirmationsPage</name>
    <message numerus="yes">
        <source>%n account changes wait for a branch manager&apos;s confirmation. Check each with the administrator&apos;s request form before you confirm it; you cannot confirm a change to your own account.</source>
        <translation>
            <numerusform>%n account change waits for a branch manager&apos;s confirmation. Check each with the administrator&apos;s request form before you confirm it; you cannot confirm a change to your own account.</numerusform>
            <numerusform>%n account changes wait for a branch manager&apos;s confirmation. Check each with the administrator&apos;s request form before you confirm it; you cannot confirm a change to your own account.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditAlertsPage</name>
    <message numerus="yes">
        <source>%n alerts in this period.</source>
        <translation>
            <numerusform>%n alert in this period.</numerusform>
            <numerusform>%n alerts in this period.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditExportPage</name>
    <message numerus="yes">
        <source>%n rows exported to %1.</source>
        <translation>
            <numerusform>%n row exported to %1.</numerusform>
            <numerusform>%n rows exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditLogPage</name>
    <message numerus="yes">
        <source>%n rows shown; more rows match.</source>
        <translation>
            <numerusform>%n row shown; more rows match.</numerusform>
            <numerusform>%n rows shown; more rows match.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows.</source>
        <translation>
            <numerusform>%n row.</numerusform>
            <numerusform>%n rows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::AuditVerifyPage</name>
    <message numerus="yes">
        <source>Intact: %n rows checked; head row %1, head hash %2.</source>
        <translation>
            <numerusform>Intact: %n row checked; head row %1, head hash %2.</numerusform>
            <numerusform>Intact: %n rows checked; head row %1, head hash %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::BranchCustomersPage</name>
    <message numerus="yes">
        <source>%n customers in the branch</source>
        <translation>
            <numerusform>%n customer in the branch</numerusform>
            <numerusform>%n customers in the branch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers match exactly.</source>
        <translation>
            <numerusform>%n customer matches exactly.</numerusform>
            <numerusform>%n customers match exactly.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::CustomerPickerDialog</name>
    <message numerus="yes">
        <source>%n customers match; the first %1 are shown. Type more to narrow the list.</source>
        <translation>
            <numerusform>%n customer matches; the first %1 are shown. Type more to narrow the list.</numerusform>
            <numerusform>%n customers match; the first %1 are shown. Type more to narrow the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers match.</source>
        <translation>
            <numerusform>%n customer matches.</numerusform>
            <numerusform>%n customers match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::DraftOfferBanner</name>
    <message numerus="yes">
        <source>%n more drafts after this one.</source>
        <translation>
            <numerusform>%n more draft after this one.</numerusform>
            <numerusform>%n more drafts after this one.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::HomePage</name>
    <message numerus="yes">
        <source>%n customer changes to approve</source>
        <translation>
            <numerusform>%n customer change to approve</numerusform>
            <numerusform>%n customer changes to approve</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tier changes to confirm</source>
        <translation>
            <numerusform>%n tier change to confirm</numerusform>
            <numerusform>%n tier changes to confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n special requests to decide</source>
        <translation>
            <numerusform>%n special request to decide</numerusform>
            <numerusform>%n special requests to decide</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue complaints in the branch</source>
        <translation>
            <numerusform>%n overdue complaint in the branch</numerusform>
            <numerusform>%n overdue complaints in the branch</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n suspicious pairs to review</source>
        <translation>
            <numerusform>%n suspicious pair to review</numerusform>
            <numerusform>%n suspicious pairs to review</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lent printouts not returned in time</source>
        <translation>
            <numerusform>%n lent printout not returned in time</numerusform>
            <numerusform>%n lent printouts not returned in time</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n printouts past their period of use, not destroyed</source>
        <translation>
            <numerusform>%n printout past its period of use, not destroyed</numerusform>
            <numerusform>%n printouts past their period of use, not destroyed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n prints not finished</source>
        <translation>
            <numerusform>%n print not finished</numerusform>
            <numerusform>%n prints not finished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers to reassign</source>
        <translation>
            <numerusform>%n customer to reassign</numerusform>
            <numerusform>%n customers to reassign</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n staff accounts to confirm</source>
        <translation>
            <numerusform>%n staff account to confirm</numerusform>
            <numerusform>%n staff accounts to confirm</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your customer changes waiting for approval</source>
        <translation>
            <numerusform>%n customer change of yours waiting for approval</numerusform>
            <numerusform>%n of your customer changes waiting for approval</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of your special requests waiting for a decision</source>
        <translation>
            <numerusform>%n special request of yours waiting for a decision</numerusform>
            <numerusform>%n of your special requests waiting for a decision</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n approved special requests ready to use</source>
        <translation>
            <numerusform>%n approved special request ready to use</numerusform>
            <numerusform>%n approved special requests ready to use</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n complaints due today</source>
        <translation>
            <numerusform>%n complaint due today</numerusform>
            <numerusform>%n complaints due today</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n overdue complaints</source>
        <translation>
            <numerusform>%n overdue complaint</numerusform>
            <numerusform>%n overdue complaints</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alerts in the last %1 days</source>
        <translation>
            <numerusform>%n alert in the last %1 days</numerusform>
            <numerusform>%n alerts in the last %1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts waiting for a branch manager&apos;s confirmation</source>
        <translation>
            <numerusform>%n account waiting for a branch manager&apos;s confirmation</numerusform>
            <numerusform>%n accounts waiting for a branch manager&apos;s confirmation</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n accounts locked after failed sign-ins</source>
        <translation>
            <numerusform>%n account locked after failed sign-ins</numerusform>
            <numerusform>%n accounts locked after failed sign-ins</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n frozen accounts</source>
        <translation>
            <numerusform>%n frozen account</numerusform>
            <numerusform>%n frozen accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passwords expired or expiring within %1 days</source>
        <translation>
            <numerusform>%n password expired or expiring within %1 days</numerusform>
            <numerusform>%n passwords expired or expiring within %1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n audit log rows</source>
        <translation>
            <numerusform>%n audit log row</numerusform>
            <numerusform>%n audit log rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::IdleWarningBanner</name>
    <message numerus="yes">
        <source>The session locks in %n s because nobody used it. Press any key or move the mouse to stay signed in; an unsaved form is kept as a draft for you.</source>
        <translation>
            <numerusform>The session locks in %n s because nobody used it. Press any key or move the mouse to stay signed in; an unsaved form is kept as a draft for you.</numerusform>
            <numerusform>The session locks in %n s because nobody used it. Press any key or move the mouse to stay signed in; an unsaved form is kept as a draft for you.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a form not yet saved is lost when the session ends.</source>
        <translation>
            <numerusform>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a form not yet saved is lost when the session ends.</numerusform>
            <numerusform>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a form not yet saved is lost when the session ends.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a new customer being entered is kept as a draft for you, other forms not yet saved are lost.</source>
        <translation>
            <numerusform>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a new customer being entered is kept as a draft for you, other forms not yet saved are lost.</numerusform>
            <numerusform>You will be signed out in %n s because nobody used the window. Press any key or move the mouse to stay signed in; a new customer being entered is kept as a draft for you, other forms not yet saved are lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ImportPage</name>
    <message numerus="yes">
        <source>%1: %n rows read; %2 accepted and waiting for a branch manager&apos;s approval; %3 refused.</source>
        <translation>
            <numerusform>%1: %n row read; %2 accepted and waiting for a branch manager&apos;s approval; %3 refused.</numerusform>
            <numerusform>%1: %n rows read; %2 accepted and waiting for a branch manager&apos;s approval; %3 refused.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::MyComplaintsPage</name>
    <message numerus="yes">
        <source>%n overdue complaints</source>
        <translation>
            <numerusform>%n overdue complaint</numerusform>
            <numerusform>%n overdue complaints</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::OverdueComplaintsPage</name>
    <message numerus="yes">
        <source>%n complaints past the investigation or answer date. Open the customer to follow up.</source>
        <translation>
            <numerusform>%n complaint past the investigation or answer date. Open the customer to follow up.</numerusform>
            <numerusform>%n complaints past the investigation or answer date. Open the customer to follow up.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::PortfolioPage</name>
    <message numerus="yes">
        <source>%n customers</source>
        <translation>
            <numerusform>%n customer</numerusform>
            <numerusform>%n customers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers match</source>
        <translation>
            <numerusform>%n customer matches</numerusform>
            <numerusform>%n customers match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ReassignmentPage</name>
    <message numerus="yes">
        <source>%n customers have no active customer manager (no manager, or the manager&apos;s account is frozen). Reassign them.</source>
        <translation>
            <numerusform>%n customer has no active customer manager (no manager, or the manager&apos;s account is frozen). Reassign it.</numerusform>
            <numerusform>%n customers have no active customer manager (no manager, or the manager&apos;s account is frozen). Reassign them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::RequestListModel</name>
    <message numerus="yes">
        <source>%n hours asked</source>
        <translation>
            <numerusform>%n hour asked</numerusform>
            <numerusform>%n hours asked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerAssignDialog</name>
    <message numerus="yes">
        <source>The custody lasts through the end of this day (branch time), at most %n days.</source>
        <translation>
            <numerusform>The custody lasts through the end of this day (branch time), at most %n day.</numerusform>
            <numerusform>The custody lasts through the end of this day (branch time), at most %n days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n customers need a new customer manager. Choose one to fill in its number.</source>
        <translation>
            <numerusform>%n customer needs a new customer manager. Choose it to fill in its number.</numerusform>
            <numerusform>%n customers need a new customer manager. Choose one to fill in its number.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerController</name>
    <message numerus="yes">
        <source>You were signed out after %n minutes without input. Sign in again to go on.</source>
        <translation>
            <numerusform>You were signed out after %n minute without input. Sign in again to go on.</numerusform>
            <numerusform>You were signed out after %n minutes without input. Sign in again to go on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new customers kept offline at this workstation went to the branch server: %1. Each waits for a branch manager&apos;s approval.</source>
        <translation>
            <numerusform>%n new customer kept offline at this workstation went to the branch server: %1. It waits for a branch manager&apos;s approval.</numerusform>
            <numerusform>%n new customers kept offline at this workstation went to the branch server: %1. Each waits for a branch manager&apos;s approval.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries were refused and stay under &quot;Kept offline&quot; until you discard them:</source>
        <translation>
            <numerusform>%n entry was refused and stays under &quot;Kept offline&quot; until you discard it:</numerusform>
            <numerusform>%n entries were refused and stay under &quot;Kept offline&quot; until you discard them:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sending stopped: %1 %n entries still wait and are sent at your next sign-in.</source>
        <translation>
            <numerusform>Sending stopped: %1 %n entry still waits and is sent at your next sign-in.</numerusform>
            <numerusform>Sending stopped: %1 %n entries still wait and are sent at your next sign-in.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n service records kept offline at this workstation are recorded on the branch server, for customers %1.</source>
        <translation>
            <numerusform>%n service record kept offline at this workstation is recorded on the branch server, for customer %1.</numerusform>
            <numerusform>%n service records kept offline at this workstation are recorded on the branch server, for customers %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::ServerOverduePage</name>
    <message numerus="yes">
        <source>%n complaints past the investigation or answer date. Open the customer to follow up.</source>
        <translation>
            <numerusform>%n complaint past the investigation or answer date. Open the customer to follow up.</numerusform>
            <numerusform>%n complaints past the investigation or answer date. Open the customer to follow up.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::SettingsPage</name>
    <message numerus="yes">
        <source>• %n unsaved changes: save or discard them.</source>
        <translation>
            <numerusform>• %n unsaved change: save or discard it.</numerusform>
            <numerusform>• %n unsaved changes: save or discard them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settings are changed but not saved. Leave the page and discard the changes?</source>
        <translation>
            <numerusform>%n setting is changed but not saved. Leave the page and discard the changes?</numerusform>
            <numerusform>%n settings are changed but not saved. Leave the page and discard the changes?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n settings saved.</source>
        <translation>
            <numerusform>%n setting saved.</numerusform>
            <numerusform>%n settings saved.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>bv::ui::StoragePage</name>
    <message numerus="yes">
        <source>All checks passed: database integrity, page authentication, keys, and the audit chain (%n rows).</source>
        <translation>
            <numerusform>All checks passed: database integrity, page authentication, keys, and the audit chain (%n row).</numerusform>
            <numerusform>All checks passed: database integrity, page authentication, keys, and the audit chain (%n rows).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Verification found %n problems. Restore the latest good backup if the database is damaged, and tell the security auditor.</source>
        <translation>
            <numerusform>Verification found %n problem. Restore the latest good backup if the database is damaged, and tell the security auditor.</numerusform>
            <numerusform>Verification found %n problems. Restore the latest good backup if the database is damaged, and tell the security auditor.</numerusform>
        </translation>
    </message>
</context>
</TS>
