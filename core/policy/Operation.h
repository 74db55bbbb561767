#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace bv {

// Every operation the core offers a signed-in user. The permission matrix (Policy) decides which role
// may call which; services add scope checks (own customers, live grants) on top.
enum class Operation
{
    // every signed-in account
    ChangeOwnPassword,
    ManageOwnSecondFactor,
    // administration
    ManageAccounts,
    ListAccounts,
    ReadSettings,
    WriteSettings,
    BackupDatabase,
    RestoreDatabase,
    RotateKeys,
    VerifyDatabase,
    ViewCounts,
    // audit
    ReadAudit,
    VerifyAudit,
    ExportAudit,
    CheckpointAudit,
    ViewAlerts,
    PurgeAudit,
    // special requests
    CreateRequest,
    ListOwnRequests,
    ListAllRequests,
    DecideRequest,
    RevokeRequest,
    // customers
    CreateCustomer,
    EditCustomer,
    ViewCustomer,
    ListPortfolio,
    ListBranch,
    LookupCustomer, // manager: exact lookups by full name, ID, mobile, account
    CheckCustomerExists, // customer manager: exact ID/mobile/account → customer number and manager only
    ClerkLookup, // clerk: full name AND ID number with a purpose
    RevealField, // needs a live grant as well
    ApproveChanges,
    AssignCustomers,
    ReviewSuspicious,
    ConfirmTier,
    RecordService,
    ManageComplaints,
    ViewBranchComplaints,
    RecordConsent,
    CloseCustomer,
    ImportCustomers,
    DataSubjectReport, // needs a live grant as well
    ViewReassignments,
    // controlled reports (DESIGN §8): each report names the one role that runs it; grade-1 content needs a
    // live print/export grant as well
    RunReport,
    PrintReport,
    ViewPrintRegister,
    RecordPrintEvent, // received, handed over, lent, returned
    RecordPrintDestruction,
    TracePrintout,
    // dual control of staff accounts: a branch manager confirms (or declines) what the administrator did to
    // an account that can see customer data, and writes its key slot
    ConfirmAccounts,
};

class Operations
{
    Q_DECLARE_TR_FUNCTIONS(Operations)
public:
    static QList<Operation> all();
    static QString key(Operation operation); // "manage_accounts", for the audit log
    static QString label(Operation operation); // translated, for refusal messages
};

} // namespace bv
