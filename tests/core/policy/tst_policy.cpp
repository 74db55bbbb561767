// The permission matrix, every role × every operation: stated here independently of core/policy,
// compared with Policy::allows, and enforced through AccessControl with a real signed-in session of
// each role; every refusal is recorded in the audit log.
#include "core/audit/AuditActions.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/Policy.h"
#include "tests/testsupport/TestCore.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

// A = admin, U = auditor, M = manager, C = customer manager, K = clerk
struct Row
{
    Operation operation;
    const char* roles;
};

const Row kExpected[] = {
    {Operation::ChangeOwnPassword, "AUMCK"},
    {Operation::ManageOwnSecondFactor, "AUMCK"},
    {Operation::ManageAccounts, "A"},
    {Operation::ListAccounts, "A"},
    {Operation::ReadSettings, "AU"},
    {Operation::WriteSettings, "A"},
    {Operation::BackupDatabase, "A"},
    {Operation::RestoreDatabase, "A"},
    {Operation::RotateKeys, "A"},
    {Operation::VerifyDatabase, "AU"},
    {Operation::ViewCounts, "AM"},
    {Operation::ReadAudit, "U"},
    {Operation::VerifyAudit, "AU"},
    {Operation::ExportAudit, "U"},
    {Operation::CheckpointAudit, "U"},
    {Operation::ViewAlerts, "U"},
    {Operation::PurgeAudit, "U"},
    {Operation::CreateRequest, "MCK"},
    {Operation::ListOwnRequests, "MCK"},
    {Operation::ListAllRequests, "M"},
    {Operation::DecideRequest, "M"},
    {Operation::RevokeRequest, "M"},
    {Operation::CreateCustomer, "MC"},
    {Operation::EditCustomer, "MC"},
    {Operation::ViewCustomer, "MC"},
    {Operation::ListPortfolio, "C"},
    {Operation::ListBranch, "M"},
    {Operation::LookupCustomer, "M"},
    {Operation::CheckCustomerExists, "MC"},
    {Operation::ClerkLookup, "K"},
    {Operation::RevealField, "MC"},
    {Operation::ApproveChanges, "M"},
    {Operation::AssignCustomers, "M"},
    {Operation::ReviewSuspicious, "M"},
    {Operation::ConfirmTier, "M"},
    {Operation::RecordService, "MC"},
    {Operation::ManageComplaints, "MC"},
    {Operation::ViewBranchComplaints, "M"},
    {Operation::RecordConsent, "MC"},
    {Operation::CloseCustomer, "M"},
    {Operation::ImportCustomers, "MC"},
    {Operation::DataSubjectReport, "MC"},
    {Operation::ViewReassignments, "M"},
    {Operation::RunReport, "AUMC"},
    {Operation::PrintReport, "AUMC"},
    {Operation::ViewPrintRegister, "UM"},
    {Operation::RecordPrintEvent, "MC"},
    {Operation::RecordPrintDestruction, "M"},
    {Operation::TracePrintout, "UM"},
    {Operation::ConfirmAccounts, "M"},
};

char letter(Role role)
{
    switch (role) {
    case Role::Admin:
        return 'A';
    case Role::Auditor:
        return 'U';
    case Role::Manager:
        return 'M';
    case Role::CustomerManager:
        return 'C';
    case Role::Clerk:
        return 'K';
    }
    return '?';
}

} // namespace

class TestPolicy : public QObject
{
    Q_OBJECT
private slots:
    void everyOperationIsInTheTable()
    {
        QCOMPARE(int(std::size(kExpected)), int(Operations::all().size()));
        for (Operation op : Operations::all()) {
            const bool listed = std::any_of(
                std::begin(kExpected), std::end(kExpected), [op](const Row& r) { return r.operation == op; });
            QVERIFY2(listed, qPrintable(Operations::key(op)));
            QVERIFY(!Operations::label(op).isEmpty());
        }
    }

    void matrix_data()
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("operation");
        QTest::addColumn<bool>("allowed");
        for (const Row& row : kExpected) {
            for (Role role : Roles::all()) {
                QTest::addRow("%s × %s", qPrintable(Roles::key(role)), qPrintable(Operations::key(row.operation)))
                    << int(role) << int(row.operation) << (strchr(row.roles, letter(role)) != nullptr);
            }
        }
    }
    void matrix()
    {
        QFETCH(int, role);
        QFETCH(int, operation);
        QFETCH(bool, allowed);
        QCOMPARE(Policy::allows(Role(role), Operation(operation)), allowed);
    }

    void adminAndAuditorNeverSeeCustomerData()
    {
        const QList<Operation> customerData = {Operation::ViewCustomer, Operation::ListPortfolio, Operation::ListBranch,
            Operation::LookupCustomer, Operation::ClerkLookup, Operation::RevealField, Operation::DataSubjectReport,
            Operation::CheckCustomerExists};
        // PrintReport and RunReport are theirs too (account roster, audit reports): ReportService decides
        // which report each role runs, and tst_reports checks that neither runs a customer report.
        for (Role role : {Role::Admin, Role::Auditor}) {
            for (Operation op : customerData)
                QVERIFY2(!Policy::allows(role, op), qPrintable(Operations::key(op)));
        }
        QVERIFY(!Policy::allows(Role::Admin, Operation::ReadAudit)); // the administrator does not read the log
    }

    void enforcedThroughAccessControl()
    {
        auto t = TestCore::create();
        QVERIFY(t);
        QMap<Role, Session> sessions {{Role::Admin, t->admin},
            {Role::Auditor, t->addUser(QStringLiteral("u1"), Role::Auditor)},
            {Role::Manager, t->addUser(QStringLiteral("m1"), Role::Manager)},
            {Role::CustomerManager, t->addUser(QStringLiteral("c1"), Role::CustomerManager)},
            {Role::Clerk, t->addUser(QStringLiteral("k1"), Role::Clerk)}};
        AuditFilter denied;
        denied.action = QString::fromLatin1(audit::AccessDenied);
        denied.limit = 100000;
        const qint64 before = internalsOf(*t->core).auditLog().rows(denied)->size();
        int refusals = 0;
        for (const Row& row : kExpected) {
            for (Role role : Roles::all()) {
                const bool expected = strchr(row.roles, letter(role)) != nullptr;
                auto actor = internalsOf(*t->core).access().authorize(sessions.value(role), row.operation);
                QVERIFY2(actor.ok() == expected,
                    qPrintable(Roles::key(role) + QStringLiteral(" × ") + Operations::key(row.operation)));
                if (!expected) {
                    QCOMPARE(actor.error().code, ErrorCode::PermissionDenied);
                    QVERIFY(actor.error().message.contains(Roles::label(role)));
                    ++refusals;
                } else {
                    QCOMPARE(actor->role, role);
                }
            }
        }
        auto after = internalsOf(*t->core).auditLog().rows(denied);
        BV_VERIFY_OK(after);
        QCOMPARE(after->size() - before, qsizetype(refusals));
        QVERIFY(refusals > 100);
    }

    void forgedSessionCarriesNoAuthority()
    {
        auto t = TestCore::create();
        QVERIFY(t);
        // A default-constructed (or copied-then-signed-out) session has no token the core knows.
        BV_COMPARE_CODE(internalsOf(*t->core).access().authorize(Session(), Operation::ChangeOwnPassword),
            ErrorCode::AuthenticationFailed);
        const Session clerk = t->addUser(QStringLiteral("k1"), Role::Clerk);
        // The descriptive copy says "clerk"; whatever a widget does to its copy, the core asks its registry.
        auto actor = internalsOf(*t->core).access().authorize(clerk, Operation::ClerkLookup);
        BV_VERIFY_OK(actor);
        QCOMPARE(actor->role, Role::Clerk);
        BV_COMPARE_CODE(
            internalsOf(*t->core).access().authorize(clerk, Operation::ListBranch), ErrorCode::PermissionDenied);
    }
};

QTEST_GUILESS_MAIN(TestPolicy)
#include "tst_policy.moc"
