#include "core/policy/Operation.h"

namespace bv {

QList<Operation> Operations::all()
{
    QList<Operation> list;
    for (int i = int(Operation::ChangeOwnPassword); i <= int(Operation::ConfirmAccounts); ++i)
        list << Operation(i);
    return list;
}

QString Operations::key(Operation operation)
{
    switch (operation) {
    case Operation::ChangeOwnPassword:
        return QStringLiteral("change_own_password");
    case Operation::ManageOwnSecondFactor:
        return QStringLiteral("manage_own_second_factor");
    case Operation::ManageAccounts:
        return QStringLiteral("manage_accounts");
    case Operation::ListAccounts:
        return QStringLiteral("list_accounts");
    case Operation::ReadSettings:
        return QStringLiteral("read_settings");
    case Operation::WriteSettings:
        return QStringLiteral("write_settings");
    case Operation::BackupDatabase:
        return QStringLiteral("backup_database");
    case Operation::RestoreDatabase:
        return QStringLiteral("restore_database");
    case Operation::RotateKeys:
        return QStringLiteral("rotate_keys");
    case Operation::VerifyDatabase:
        return QStringLiteral("verify_database");
    case Operation::ViewCounts:
        return QStringLiteral("view_counts");
    case Operation::ReadAudit:
        return QStringLiteral("read_audit");
    case Operation::VerifyAudit:
        return QStringLiteral("verify_audit");
    case Operation::ExportAudit:
        return QStringLiteral("export_audit");
    case Operation::CheckpointAudit:
        return QStringLiteral("checkpoint_audit");
    case Operation::ViewAlerts:
        return QStringLiteral("view_alerts");
    case Operation::PurgeAudit:
        return QStringLiteral("purge_audit");
    case Operation::CreateRequest:
        return QStringLiteral("create_request");
    case Operation::ListOwnRequests:
        return QStringLiteral("list_own_requests");
    case Operation::ListAllRequests:
        return QStringLiteral("list_all_requests");
    case Operation::DecideRequest:
        return QStringLiteral("decide_request");
    case Operation::RevokeRequest:
        return QStringLiteral("revoke_request");
    case Operation::CreateCustomer:
        return QStringLiteral("create_customer");
    case Operation::EditCustomer:
        return QStringLiteral("edit_customer");
    case Operation::ViewCustomer:
        return QStringLiteral("view_customer");
    case Operation::ListPortfolio:
        return QStringLiteral("list_portfolio");
    case Operation::ListBranch:
        return QStringLiteral("list_branch");
    case Operation::LookupCustomer:
        return QStringLiteral("lookup_customer");
    case Operation::CheckCustomerExists:
        return QStringLiteral("check_customer_exists");
    case Operation::ClerkLookup:
        return QStringLiteral("clerk_lookup");
    case Operation::RevealField:
        return QStringLiteral("reveal_field");
    case Operation::ApproveChanges:
        return QStringLiteral("approve_changes");
    case Operation::AssignCustomers:
        return QStringLiteral("assign_customers");
    case Operation::ReviewSuspicious:
        return QStringLiteral("review_suspicious");
    case Operation::ConfirmTier:
        return QStringLiteral("confirm_tier");
    case Operation::RecordService:
        return QStringLiteral("record_service");
    case Operation::ManageComplaints:
        return QStringLiteral("manage_complaints");
    case Operation::ViewBranchComplaints:
        return QStringLiteral("view_branch_complaints");
    case Operation::RecordConsent:
        return QStringLiteral("record_consent");
    case Operation::CloseCustomer:
        return QStringLiteral("close_customer");
    case Operation::ImportCustomers:
        return QStringLiteral("import_customers");
    case Operation::DataSubjectReport:
        return QStringLiteral("data_subject_report");
    case Operation::ViewReassignments:
        return QStringLiteral("view_reassignments");
    case Operation::RunReport:
        return QStringLiteral("run_report");
    case Operation::PrintReport:
        return QStringLiteral("print_report");
    case Operation::ViewPrintRegister:
        return QStringLiteral("view_print_register");
    case Operation::RecordPrintEvent:
        return QStringLiteral("record_print_event");
    case Operation::RecordPrintDestruction:
        return QStringLiteral("record_print_destruction");
    case Operation::TracePrintout:
        return QStringLiteral("trace_printout");
    case Operation::ConfirmAccounts:
        return QStringLiteral("confirm_accounts");
    }
    return QString();
}

QString Operations::label(Operation operation)
{
    switch (operation) {
    case Operation::ChangeOwnPassword:
        return tr("change the own password");
    case Operation::ManageOwnSecondFactor:
        return tr("manage the own second factor");
    case Operation::ManageAccounts:
        return tr("manage staff accounts");
    case Operation::ListAccounts:
        return tr("list staff accounts");
    case Operation::ReadSettings:
        return tr("read the settings");
    case Operation::WriteSettings:
        return tr("change the settings");
    case Operation::BackupDatabase:
        return tr("back up the database");
    case Operation::RestoreDatabase:
        return tr("restore the database");
    case Operation::RotateKeys:
        return tr("rotate the keys");
    case Operation::VerifyDatabase:
        return tr("verify the database");
    case Operation::ViewCounts:
        return tr("view counts");
    case Operation::ReadAudit:
        return tr("read the audit log");
    case Operation::VerifyAudit:
        return tr("verify the audit log");
    case Operation::ExportAudit:
        return tr("export the audit log");
    case Operation::CheckpointAudit:
        return tr("export an audit checkpoint");
    case Operation::ViewAlerts:
        return tr("view audit alerts");
    case Operation::PurgeAudit:
        return tr("purge old audit rows");
    case Operation::CreateRequest:
        return tr("file a special request");
    case Operation::ListOwnRequests:
        return tr("list the own special requests");
    case Operation::ListAllRequests:
        return tr("list all special requests");
    case Operation::DecideRequest:
        return tr("approve or reject special requests");
    case Operation::RevokeRequest:
        return tr("revoke grants");
    case Operation::CreateCustomer:
        return tr("enter new customers");
    case Operation::EditCustomer:
        return tr("edit customers");
    case Operation::ViewCustomer:
        return tr("open customer records");
    case Operation::ListPortfolio:
        return tr("list the own portfolio");
    case Operation::ListBranch:
        return tr("list the branch's customers");
    case Operation::LookupCustomer:
        return tr("look up customers across the branch");
    case Operation::CheckCustomerExists:
        return tr("check whether a customer exists");
    case Operation::ClerkLookup:
        return tr("look up one customer by name and ID number");
    case Operation::RevealField:
        return tr("see full values");
    case Operation::ApproveChanges:
        return tr("approve entries and edits");
    case Operation::AssignCustomers:
        return tr("assign customers to managers");
    case Operation::ReviewSuspicious:
        return tr("review suspicious records");
    case Operation::ConfirmTier:
        return tr("confirm tier changes");
    case Operation::RecordService:
        return tr("record services");
    case Operation::ManageComplaints:
        return tr("handle complaints");
    case Operation::ViewBranchComplaints:
        return tr("view the branch's complaints");
    case Operation::RecordConsent:
        return tr("record consent");
    case Operation::CloseCustomer:
        return tr("close customers");
    case Operation::ImportCustomers:
        return tr("import customers");
    case Operation::DataSubjectReport:
        return tr("produce a data-subject report");
    case Operation::ViewReassignments:
        return tr("view the reassignment list");
    case Operation::RunReport:
        return tr("run reports");
    case Operation::PrintReport:
        return tr("print controlled reports");
    case Operation::ViewPrintRegister:
        return tr("view the print register");
    case Operation::RecordPrintEvent:
        return tr("record who received, borrowed or returned a printout");
    case Operation::RecordPrintDestruction:
        return tr("record the destruction of printouts");
    case Operation::TracePrintout:
        return tr("trace a printout");
    case Operation::ConfirmAccounts:
        return tr("confirm staff account changes");
    }
    return QString();
}

} // namespace bv
