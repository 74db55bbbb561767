// The home page of each role (issue 13 item 7): what needs this person now, with counts that match the seeded
// data, one click to the list behind a line, no audit row for reading the counts, another role's home page
// refused by the core; and the navigation of every workspace with an icon on every entry.
#include "core/Core.h"
#include "core/audit/AuditService.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerOwnership.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "core/reports/PrintRegister.h"
#include "core/reports/ReportService.h"
#include "core/requests/RequestService.h"
#include "core/vault/AdminService.h"
#include "core/work/WorkloadService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/audit/AuditAlertsPage.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/Icons.h"
#include "ui/home/HomePage.h"
#include "ui/manager/ApprovalsPage.h"
#include "ui/manager/ChangeApprovalsPanel.h"
#include "ui/manager/RequestApprovalsPanel.h"
#include "ui/workspaces/AdminWorkspace.h"
#include "ui/workspaces/AuditorWorkspace.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"
#include "ui/workspaces/ManagerWorkspace.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>
#include <QTreeWidget>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

namespace {

// Tuesday 2026-03-03, 17:00 in the branch (UTC+8)
const QDateTime kNow(QDate(2026, 3, 3), QTime(9, 0), Qt::UTC);

} // namespace

class TestHomePages : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> m_t;
    Session m_m1, m_m2, m_cm1, m_cm2, m_auditor;
    QStringList m_numbers; // seeds 1..3 by cm1, 4..5 by cm2, approved by m1
    ScriptedDialogs m_dialogs;
    ClipboardGuard m_clipboard;

    CustomerService& customers() { return m_t->core->customers(); }
    WorkspaceContext context(const Session& session)
    {
        return WorkspaceContext {*m_t->core, session, m_dialogs, m_clipboard};
    }
    qint64 auditRows()
    {
        return internalsOf(*m_t->core)
            .database()
            .scalar(QStringLiteral("SELECT count(*) FROM audit_log"))
            ->toLongLong();
    }

    QString create(const Session& maker, const CustomerInput& input, bool approve)
    {
        auto receipt = customers().entry().create(maker, input);
        if (!receipt.ok()) {
            qWarning("create: %s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (approve && !customers().entry().approve(m_m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }

    bool fileReveal(const Session& requester, const QString& number)
    {
        NewRequest request;
        request.type = RequestType::Reveal;
        request.customerNumbers = {number};
        request.fields = {QString::fromLatin1(fields::Mobile)};
        request.purpose = QStringLiteral("the customer asks for a statement by phone");
        return m_t->core->requests().create(requester, request).ok();
    }

    static QString lineText(HomePage* home, int entry)
    {
        QListWidgetItem* item = home->item(entry);
        return item ? item->text() : QString();
    }

    static void click(HomePage* home, int entry)
    {
        QListWidgetItem* item = home->item(entry);
        QVERIFY(item);
        const QRect rect = home->list()->visualItemRect(item);
        QTest::mouseClick(home->list()->viewport(), Qt::LeftButton, {}, rect.center());
    }

private slots:
    void initTestCase() { installTranslations(QStringLiteral("en")); }

    void init()
    {
        m_t = TestCore::create();
        QVERIFY(m_t);
        m_t->clock.set(kNow);
        // a day after set-up: the administrator's session locked meanwhile
        QVERIFY(m_t->core->auth().unlock(m_t->admin, secret(m_t->passwordOf(QStringLiteral("admin")))).ok());
        m_m1 = m_t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("网点负责人甲"));
        m_m2 = m_t->addUser(QStringLiteral("m2"), Role::Manager, QStringLiteral("网点负责人乙"));
        m_cm1 = m_t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("客户经理一"));
        m_cm2 = m_t->addUser(QStringLiteral("cm2"), Role::CustomerManager, QStringLiteral("客户经理二"));
        m_auditor = m_t->addUser(QStringLiteral("aud"), Role::Auditor, QStringLiteral("审计员"));
        QVERIFY(m_m1.isValid() && m_m2.isValid() && m_cm1.isValid() && m_cm2.isValid() && m_auditor.isValid());
        m_numbers.clear();
        for (int seed = 1; seed <= 5; ++seed) {
            const QString number = create(seed <= 3 ? m_cm1 : m_cm2, customerInput(seed), true);
            QVERIFY(!number.isEmpty());
            m_numbers << number;
        }
        m_dialogs.errors.clear();
    }

    void cleanup() { m_t.reset(); }

    void managerSeesWhatWaitsAndOpensTheList()
    {
        // two new records waiting (cm1, cm2), one request of cm1 and one of m2 (the manager's own would not count)
        QVERIFY(!create(m_cm1, customerInput(6), false).isEmpty());
        QVERIFY(!create(m_cm2, customerInput(7), false).isEmpty());
        QVERIFY(fileReveal(m_cm1, m_numbers.at(0)));
        QVERIFY(fileReveal(m_m2, m_numbers.at(3)));
        QVERIFY(fileReveal(m_m1, m_numbers.at(4)));
        // a twin of customer 1's mobile: one suspicious pair
        CustomerInput twin = customerInput(8);
        twin.values.insert(QString::fromLatin1(fields::Mobile), mobile(1));
        QVERIFY(!create(m_cm2, twin, true).isEmpty());
        // one complaint past its investigation deadline, one received today (not overdue)
        QVERIFY(customers()
                    .care()
                    .addComplaint(m_cm1, m_numbers.at(0), kNow.addDays(-6), QStringLiteral("counter"),
                        QStringLiteral("queue too long"))
                    .ok());
        QVERIFY(customers()
                    .care()
                    .addComplaint(m_cm1, m_numbers.at(1), kNow.addSecs(-3600), QStringLiteral("phone"),
                        QStringLiteral("card arrived late"))
                    .ok());
        // cm2 leaves: the three customers of cm2 (seeds 4, 5 and the twin) wait for a new manager
        QVERIFY(m_t->core->accounts().freeze(m_t->admin, QStringLiteral("cm2")).ok());

        // the lists behind the lines, as the core gives them
        const qint64 toReassign = customers().ownership().reassignmentList(m_m1)->size();
        QVERIFY(toReassign >= 3); // seeds 4, 5 and the twin
        QCOMPARE(customers().care().overdue(m_m1)->size(), 1);

        const qint64 rowsBefore = auditRows();
        ManagerWorkspace w(context(m_m1));
        w.show();
        HomePage* home = w.homePage();
        QCOMPARE(w.navigation()->currentRow(), int(ManagerWorkspace::Home));
        QCOMPARE(auditRows(), rowsBefore); // reading the counts writes no audit row
        const Workload& load = home->workload();
        QCOMPARE(load.count(WorkCount::ChangesToApprove), 2);
        QCOMPARE(load.count(WorkCount::RequestsToDecide), 2);
        QCOMPARE(load.count(WorkCount::SuspiciousPairs), 1);
        QCOMPARE(load.count(WorkCount::BranchOverdueComplaints), 1);
        QCOMPARE(load.count(WorkCount::CustomersToReassign), toReassign);
        QVERIFY(load.has(WorkCount::TierChangesToConfirm));
        QVERIFY(load.has(WorkCount::OverdueLendings) && load.has(WorkCount::PrintoutsPastUse));
        QVERIFY(load.has(WorkCount::AccountsToConfirm));
        QVERIFY(!load.has(WorkCount::OwnPendingChanges) && !load.has(WorkCount::OpenAlerts));
        // proper plurals in the lines
        QCOMPARE(lineText(home, int(WorkCount::ChangesToApprove)), HomePage::countText(WorkCount::ChangesToApprove, 2));
        QVERIFY(lineText(home, int(WorkCount::SuspiciousPairs)).startsWith(QStringLiteral("1 ")));
        QVERIFY(!lineText(home, int(WorkCount::SuspiciousPairs)).contains(QStringLiteral("(s)")));
        QVERIFY(home->item(int(WorkCount::ChangesToApprove))->font().bold());
        QVERIFY(!home->item(int(WorkCount::AccountsToConfirm))->font().bold()); // nothing waits there

        // one click to the list: the approvals inbox with the customer changes in front
        click(home, int(WorkCount::RequestsToDecide));
        QCOMPARE(w.navigation()->currentRow(), int(ManagerWorkspace::ApprovalsInboxPage));
        auto* tabs = w.approvalsPage()->findChild<QTabWidget*>();
        QVERIFY(tabs);
        QCOMPARE(tabs->currentWidget(), static_cast<QWidget*>(w.approvalsPage()->requests()));
        // approving a change there: back home, one less
        QVERIFY(customers()
                    .entry()
                    .approve(m_m1, customers().entry().pending(m_m1)->first().id,
                        QStringLiteral("checked against the ID card"))
                    .ok());
        w.showPage(ManagerWorkspace::Home);
        QCOMPARE(home->workload().count(WorkCount::ChangesToApprove), 1);
        QCOMPARE(lineText(home, int(WorkCount::ChangesToApprove)), HomePage::countText(WorkCount::ChangesToApprove, 1));
        click(home, int(WorkCount::SuspiciousPairs));
        QCOMPARE(w.navigation()->currentRow(), int(ManagerWorkspace::SuspiciousPairsPage));
        w.showPage(ManagerWorkspace::Home);
        click(home, int(WorkCount::CustomersToReassign));
        QCOMPARE(w.navigation()->currentRow(), int(ManagerWorkspace::ReassignmentsPage));
        w.showPage(ManagerWorkspace::Home);
        QCOMPARE(home->workload().count(WorkCount::ChangesToApprove), 1);
        // decided elsewhere meanwhile: the refresh key reads again
        QVERIFY(customers()
                    .entry()
                    .approve(m_m1, customers().entry().pending(m_m1)->first().id,
                        QStringLiteral("checked against the ID card"))
                    .ok());
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QTest::keyClick(home->list(), Qt::Key_F5);
        QCOMPARE(home->workload().count(WorkCount::ChangesToApprove), 0);
        QCOMPARE(lineText(home, int(WorkCount::ChangesToApprove)), HomePage::countText(WorkCount::ChangesToApprove, 0));
        QVERIFY(!home->item(int(WorkCount::ChangesToApprove))->font().bold());
        QCOMPARE(home->workload().count(WorkCount::CustomersToReassign), toReassign);
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.value(0).message));
    }

    // Counts that are zero in a fresh branch, once something waits: a tier change to confirm and a printout
    // lent and not given back in time.
    void managerCountsTierChangesAndOverdueLendings()
    {
        CustomerInput richer = customerInput(1);
        richer.values.insert(QString::fromLatin1(fields::AssetsUnderManagement), QStringLiteral("900000000"));
        auto edit = customers().entry().edit(m_cm1, m_numbers.at(0), richer);
        BV_VERIFY_OK(edit);
        BV_VERIFY_OK(customers().entry().approve(m_m1, edit->changeId, QStringLiteral("checked")));
        QCOMPARE(customers().ownership().pendingTiers(m_m1)->size(), 1);

        ReportRequest roster;
        roster.report = QStringLiteral("customer_list");
        roster.parameters.insert(QStringLiteral("with_identities"), QStringLiteral("false"));
        auto job = m_t->core->reports().print(m_m1, roster, 1, PrintMedium::Printer);
        BV_VERIFY_OK(job);
        BV_VERIFY_OK(m_t->core->reports().finishPrint(m_m1, job->serial, true, 1));
        BV_VERIFY_OK(m_t->core->printRegister().lend(
            m_m1, job->serial, 1, QStringLiteral("head office audit"), kNow.addDays(1), QString()));
        m_t->clock.set(kNow.addDays(2)); // the lending is overdue
        BV_VERIFY_OK(m_t->core->auth().unlock(m_m1, secret(m_t->passwordOf(QStringLiteral("m1")))));

        ManagerWorkspace w(context(m_m1));
        w.show();
        HomePage* home = w.homePage();
        const Workload& load = home->workload();
        QCOMPARE(load.count(WorkCount::TierChangesToConfirm), 1);
        QCOMPARE(load.count(WorkCount::OverdueLendings), 1);
        QCOMPARE(load.count(WorkCount::PrintoutsPastUse), 0);
        QVERIFY(home->item(int(WorkCount::TierChangesToConfirm))->font().bold());
        QCOMPARE(lineText(home, int(WorkCount::OverdueLendings)), HomePage::countText(WorkCount::OverdueLendings, 1));
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.value(0).message));
    }

    void customerManagerSeesOwnWork()
    {
        QVERIFY(!create(m_cm1, customerInput(6), false).isEmpty()); // cm1's change waits
        QVERIFY(!create(m_cm2, customerInput(7), false).isEmpty()); // cm2's: not cm1's business
        QVERIFY(fileReveal(m_cm1, m_numbers.at(0)));
        QVERIFY(fileReveal(m_cm1, m_numbers.at(1)));
        auto requests = m_t->core->requests().list(m_cm1, true);
        QVERIFY(requests.ok() && requests->size() == 2);
        QVERIFY(m_t->core->requests().approve(m_m1, requests->first().id, QStringLiteral("statement")).ok());
        // received Monday 10:00 in the branch: investigate by the end of today (Tuesday) → due today
        QVERIFY(customers()
                    .care()
                    .addComplaint(m_cm1, m_numbers.at(0), QDateTime(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC),
                        QStringLiteral("counter"), QStringLiteral("queue too long"))
                    .ok());
        // received last Wednesday: overdue
        QVERIFY(customers()
                    .care()
                    .addComplaint(m_cm1, m_numbers.at(1), QDateTime(QDate(2026, 2, 25), QTime(2, 0), Qt::UTC),
                        QStringLiteral("phone"), QStringLiteral("card arrived late"))
                    .ok());
        // cm2's customer's complaint due today: not on cm1's page
        QVERIFY(customers()
                    .care()
                    .addComplaint(m_cm2, m_numbers.at(3), QDateTime(QDate(2026, 3, 2), QTime(2, 0), Qt::UTC),
                        QStringLiteral("counter"), QStringLiteral("wrong fee"))
                    .ok());

        CustomerManagerWorkspace w(context(m_cm1));
        w.show();
        QCOMPARE(w.currentPage(), CustomerManagerWorkspace::Home);
        HomePage* home = w.homePage();
        const Workload& load = home->workload();
        QCOMPARE(load.count(WorkCount::OwnPendingChanges), 1);
        QCOMPARE(load.count(WorkCount::OwnPendingRequests), 1);
        QCOMPARE(load.count(WorkCount::OwnApprovedRequests), 1);
        QCOMPARE(load.count(WorkCount::ComplaintsDueToday), 1);
        QCOMPARE(load.count(WorkCount::OwnOverdueComplaints), 1);
        QVERIFY(!load.has(WorkCount::ChangesToApprove) && !load.has(WorkCount::SuspiciousPairs));
        QCOMPARE(
            lineText(home, int(WorkCount::ComplaintsDueToday)), HomePage::countText(WorkCount::ComplaintsDueToday, 1));

        click(home, int(WorkCount::ComplaintsDueToday));
        QCOMPARE(w.currentPage(), CustomerManagerWorkspace::ComplaintsPage);
        w.showPage(CustomerManagerWorkspace::Home);
        click(home, int(WorkCount::OwnPendingChanges));
        QCOMPARE(w.currentPage(), CustomerManagerWorkspace::PendingPage);
        w.showPage(CustomerManagerWorkspace::Home);
        click(home, int(WorkCount::OwnApprovedRequests));
        QCOMPARE(w.currentPage(), CustomerManagerWorkspace::RequestsPage);
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.value(0).message));
    }

    void auditorSeesAlertsAndTheLastVerification()
    {
        // five failed sign-ins of cm1: an alert
        for (int i = 0; i < 5; ++i)
            (void)m_t->core->auth().signIn(
                QStringLiteral("cm1"), secret(QStringLiteral("wrong-password-1")), QString());
        AuditorWorkspace w(context(m_auditor));
        w.show();
        HomePage* home = w.homePage();
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget*>(home));
        QVERIFY(!home->workload().lastAuditVerification.has_value());
        QVERIFY(lineText(home, HomePage::LastAuditVerification).contains(QStringLiteral("not been verified")));
        const qint64 alerts = home->workload().count(WorkCount::OpenAlerts);
        QVERIFY(alerts >= 1);
        auto listed = m_t->core->audit().alerts(m_auditor, kNow.addDays(-WorkloadService::AlertDays), kNow.addSecs(60));
        QVERIFY(listed.ok());
        QCOMPARE(alerts, qint64(listed->size()));
        QCOMPARE(lineText(home, int(WorkCount::OpenAlerts)), HomePage::countText(WorkCount::OpenAlerts, alerts));

        m_t->clock.advanceSecs(120);
        QVERIFY(m_t->core->audit().verify(m_auditor).ok());
        QVERIFY(home->refresh());
        QVERIFY(home->workload().lastAuditVerification.has_value());
        QVERIFY(home->workload().lastAuditVerification->ok);
        QCOMPARE(home->workload().lastAuditVerification->atUtc, kNow.addSecs(120));
        QVERIFY(lineText(home, HomePage::LastAuditVerification).contains(QStringLiteral("intact")));

        click(home, int(WorkCount::OpenAlerts));
        QCOMPARE(w.tabs()->currentIndex(), int(AuditorWorkspace::Alerts));
        QCOMPARE(qint64(w.alertsPage()->list()->topLevelItemCount()), alerts); // the list behind the count
        w.showPage(AuditorWorkspace::Home);
        click(home, HomePage::LastAuditVerification);
        QCOMPARE(w.tabs()->currentIndex(), int(AuditorWorkspace::Verify));
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.value(0).message));
    }

    void administratorSeesAccountAndStorageHealth()
    {
        QVERIFY(m_t->core->accounts().freeze(m_t->admin, QStringLiteral("cm2")).ok());
        QVERIFY(m_t->core->accounts()
                    .create(m_t->admin,
                        NewAccount {QStringLiteral("cm3"), QStringLiteral("客户经理三"), Role::CustomerManager, {}, {}})
                    .ok()); // waits for a branch manager
        for (int i = 0; i < 5; ++i)
            (void)m_t->core->auth().signIn(
                QStringLiteral("cm1"), secret(QStringLiteral("wrong-password-1")), QString());

        AdminWorkspace w(context(m_t->admin));
        w.show();
        HomePage* home = w.homePage();
        QCOMPARE(w.tabs()->currentWidget(), static_cast<QWidget*>(home));
        const Workload& load = home->workload();
        QCOMPARE(load.count(WorkCount::AccountsFrozen), 1);
        QCOMPARE(load.count(WorkCount::AccountsAwaitingConfirmation), 1);
        QCOMPARE(load.count(WorkCount::AccountsLocked), 1);
        QCOMPARE(load.count(WorkCount::PasswordsExpiring), 0);
        QVERIFY(!load.lastBackup.has_value());
        QVERIFY(lineText(home, HomePage::LastBackup).contains(QStringLiteral("No backup")));
        QCOMPARE(load.databasePath, m_t->core->vault().path());
        QVERIFY(load.databaseBytes > 0);
        QVERIFY(load.auditRows > 0);

        const QString backup = QDir(m_t->dir.path()).filePath(QStringLiteral("home.bvbackup"));
        QVERIFY(m_t->core->admin().backup(m_t->admin, backup).ok());
        // 80 days on: every password changed at set-up expires within the warning period (90-day expiry)
        m_t->clock.advanceDays(80);
        // idle for 80 days: the session locked meanwhile
        QVERIFY(m_t->core->auth().unlock(m_t->admin, secret(m_t->passwordOf(QStringLiteral("admin")))).ok());
        QVERIFY(home->refresh());
        QVERIFY(home->workload().lastBackup.has_value() && home->workload().lastBackup->ok);
        QVERIFY(lineText(home, HomePage::LastBackup).startsWith(QStringLiteral("Last backup")));
        auto accounts = m_t->core->accounts().list(m_t->admin);
        QVERIFY(accounts.ok());
        const qint64 active
            = std::count_if(accounts->cbegin(), accounts->cend(), [](const Account& a) { return !a.frozen; });
        QCOMPARE(home->workload().count(WorkCount::PasswordsExpiring), active);

        click(home, int(WorkCount::AccountsLocked));
        QCOMPARE(w.tabs()->currentIndex(), int(AdminWorkspace::Accounts));
        w.showPage(AdminWorkspace::Home);
        click(home, HomePage::LastBackup);
        QCOMPARE(w.tabs()->currentIndex(), int(AdminWorkspace::Storage));
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.value(0).message));
    }

    void anotherRolesHomePageIsRefused()
    {
        const qint64 before = auditRows();
        auto counts = m_t->core->workload().workload(m_cm1, Role::Manager);
        QVERIFY(!counts.ok());
        QCOMPARE(counts.error().code, ErrorCode::PermissionDenied);
        QVERIFY(auditRows() > before); // the refusal is on record
        HomePage home(context(m_m1), Role::Auditor);
        QSignalSpy failed(&home, &HomePage::failed);
        QVERIFY(!home.refresh());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(home.list()->count(), 0);
    }

    void everyNavigationEntryHasAnIcon()
    {
        auto rendered = [](const QIcon& icon) { return !icon.isNull() && !icon.pixmap(22, 22).isNull(); };
        for (int i = 0; i < Icons::kIconCount; ++i)
            QVERIFY2(rendered(Icons::icon(Icons::Icon(i))), qPrintable(Icons::bundledFile(Icons::Icon(i))));
        QVERIFY(rendered(QIcon(QStringLiteral(":/icons/branchvault.svg")))); // the window icon main() sets

        ManagerWorkspace manager(context(m_m1));
        QCOMPARE(manager.navigation()->count(), int(ManagerWorkspace::PageCount));
        for (int i = 0; i < manager.navigation()->count(); ++i)
            QVERIFY2(
                rendered(manager.navigation()->item(i)->icon()), qPrintable(manager.navigation()->item(i)->text()));
        CustomerManagerWorkspace cm(context(m_cm1));
        QCOMPARE(cm.navigation()->count(), int(CustomerManagerWorkspace::PageCount));
        for (int i = 0; i < cm.navigation()->count(); ++i)
            QVERIFY2(rendered(cm.navigation()->item(i)->icon()), qPrintable(cm.navigation()->item(i)->text()));
        AuditorWorkspace auditor(context(m_auditor));
        for (int i = 0; i < auditor.tabs()->count(); ++i)
            QVERIFY2(rendered(auditor.tabs()->tabIcon(i)), qPrintable(auditor.tabs()->tabText(i)));
        AdminWorkspace admin(context(m_t->admin));
        for (int i = 0; i < admin.tabs()->count(); ++i)
            QVERIFY2(rendered(admin.tabs()->tabIcon(i)), qPrintable(admin.tabs()->tabText(i)));
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.value(0).message));
    }
};

QTEST_MAIN(TestHomePages)
#include "tst_homepages.moc"
