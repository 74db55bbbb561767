#include "core/policy/Policy.h"

namespace bv {

namespace {

enum : unsigned
{
    A = 1u << unsigned(Role::Admin),
    U = 1u << unsigned(Role::Auditor),
    M = 1u << unsigned(Role::Manager),
    C = 1u << unsigned(Role::CustomerManager),
    K = 1u << unsigned(Role::Clerk),
    All = A | U | M | C | K,
};

unsigned rolesFor(Operation operation)
{
    switch (operation) {
    // every account
    case Operation::ChangeOwnPassword:
        return All;
    case Operation::ManageOwnSecondFactor:
        return All;
    // administration: the administrator never sees customer data, only counts
    case Operation::ManageAccounts:
        return A;
    case Operation::ListAccounts:
        return A;
    case Operation::ReadSettings:
        return A | U;
    case Operation::WriteSettings:
        return A;
    case Operation::BackupDatabase:
        return A;
    case Operation::RestoreDatabase:
        return A;
    case Operation::RotateKeys:
        return A;
    case Operation::VerifyDatabase:
        return A | U;
    case Operation::ViewCounts:
        return A | M;
    // audit: only the auditor reads the log; verifying the chain reveals no row
    case Operation::ReadAudit:
        return U;
    case Operation::VerifyAudit:
        return A | U;
    case Operation::ExportAudit:
        return U;
    case Operation::CheckpointAudit:
        return U;
    case Operation::ViewAlerts:
        return U;
    case Operation::PurgeAudit:
        return U;
    // special requests: filed by those who serve customers (the clerk only for access to a
    // restricted customer), decided by the branch manager
    case Operation::CreateRequest:
        return M | C | K;
    case Operation::ListOwnRequests:
        return M | C | K;
    case Operation::ListAllRequests:
        return M;
    case Operation::DecideRequest:
        return M;
    case Operation::RevokeRequest:
        return M;
    // customers
    case Operation::CreateCustomer:
        return M | C;
    case Operation::EditCustomer:
        return M | C;
    case Operation::ViewCustomer:
        return M | C;
    case Operation::ListPortfolio:
        return C;
    case Operation::ListBranch:
        return M;
    case Operation::LookupCustomer:
        return M;
    case Operation::CheckCustomerExists:
        return M | C;
    case Operation::ClerkLookup:
        return K;
    case Operation::RevealField:
        return M | C;
    case Operation::ApproveChanges:
        return M;
    case Operation::AssignCustomers:
        return M;
    case Operation::ReviewSuspicious:
        return M;
    case Operation::ConfirmTier:
        return M;
    case Operation::RecordService:
        return M | C;
    case Operation::ManageComplaints:
        return M | C;
    case Operation::ViewBranchComplaints:
        return M;
    case Operation::RecordConsent:
        return M | C;
    case Operation::CloseCustomer:
        return M;
    case Operation::ImportCustomers:
        return M | C;
    case Operation::DataSubjectReport:
        return M | C;
    case Operation::ViewReassignments:
        return M;
    // reports: the administrator's account roster and the auditor's audit reports hold no customer data
    case Operation::RunReport:
        return A | U | M | C;
    case Operation::PrintReport:
        return A | U | M | C;
    case Operation::ViewPrintRegister:
        return U | M;
    case Operation::RecordPrintEvent:
        return M | C;
    case Operation::RecordPrintDestruction:
        return M;
    case Operation::TracePrintout:
        return U | M;
    case Operation::ConfirmAccounts:
        return M;
    }
    return 0;
}

} // namespace

bool Policy::allows(Role role, Operation operation)
{
    return (rolesFor(operation) & (1u << unsigned(role))) != 0;
}

} // namespace bv
