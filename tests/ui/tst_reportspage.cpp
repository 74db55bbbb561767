// The Reports page (issue 12, item 5): reachable in the manager's, the customer manager's, the auditor's and
// the administrator's workspaces and not in the clerk's; it lists the role's reports from the core's
// catalogue, shows a preview (pages, no serial), writes a registered PDF whose text carries the controlled
// mark and the serial, audits a cancelled dialog, shows and files the grant a grade-1 report needs, and
// prints through the print dialog. The recovery sheet and the audit checkpoint sheet use the same layout.
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/reports/PrintRegister.h"
#include "core/requests/RequestService.h"
#include "render/ControlledPrint.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/ReportUiTestSupport.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/audit/AuditCheckpointPage.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/customers/RequestDialog.h"
#include "ui/reports/ControlledOutput.h"
#include "ui/reports/PrintRegisterPage.h"
#include "ui/reports/RegisterEventDialog.h"
#include "ui/reports/ReportParameterForm.h"
#include "ui/reports/ReportsPage.h"
#include "ui/startup/RecoverySheetPrinter.h"
#include "ui/workspaces/AdminWorkspace.h"
#include "ui/workspaces/AuditorWorkspace.h"
#include "ui/workspaces/ClerkWorkspace.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"
#include "ui/workspaces/ManagerWorkspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPrintDialog>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestReportsPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, m2, cm1, clerk, auditor;
    ScriptedDialogs dialogs;
    ClipboardGuard clipboard;

    WorkspaceContext context(const Session& session)
    {
        return WorkspaceContext {*t->core, session, dialogs, clipboard};
    }

    QList<AuditRow> auditRows(const QString& action)
    {
        auto rows = internalsOf(*t->core).auditLog().rows(AuditFilter {{}, {}, QString(), action, {}, {}, 0, 500});
        return rows.ok() ? *rows : QList<AuditRow>();
    }

    QList<PrintCopy> registered(const QString& serial)
    {
        PrintRegisterFilter filter;
        filter.serial = serial;
        auto copies = t->core->printRegister().list(m1, filter);
        if (!copies.ok())
            qWarning("register: %s", qPrintable(copies.error().fullText()));
        return copies.ok() ? *copies : QList<PrintCopy>();
    }

    QStringList listedKeys(ReportsPage* page)
    {
        QStringList keys;
        for (int row = 0; row < page->reportList()->count(); ++row)
            keys << page->reportList()->item(row)->data(Qt::UserRole).toString();
        return keys;
    }

private slots:
    void initTestCase()
    {
        installTranslations(QStringLiteral("en"));
        // the PDFs are read back with poppler-utils (tools/dev.sh setup installs them)
        QVERIFY2(missingTools().isEmpty(), qPrintable(missingTools().join(QStringLiteral(", "))));
    }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("网点负责人甲"));
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager, QStringLiteral("网点负责人乙"));
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("客户经理一"));
        clerk = t->addUser(QStringLiteral("k1"), Role::Clerk);
        auditor = t->addUser(QStringLiteral("u1"), Role::Auditor, QStringLiteral("审计员"));
        QVERIFY(m1.isValid() && m2.isValid() && cm1.isValid() && clerk.isValid() && auditor.isValid());
        dialogs = ScriptedDialogs();
    }

    void cleanup() { t.reset(); }

    void everyReportingWorkspaceHasTheReportsPage()
    {
        {
            ManagerWorkspace w(context(m1));
            w.show();
            QVERIFY(w.reportsPage());
            w.showPage(ManagerWorkspace::ControlledReportsPage);
            QCOMPARE(w.findChild<QStackedWidget*>(QStringLiteral("pagesStackedWidget"))->currentWidget(),
                static_cast<QWidget*>(w.reportsPage()));
            QVERIFY(w.reportsPage()->reportList()->count() > 0);
        }
        {
            CustomerManagerWorkspace w(context(cm1));
            w.show();
            QVERIFY(w.reportsPage());
            w.showPage(CustomerManagerWorkspace::ControlledReportsPage);
            QCOMPARE(w.currentPage(), CustomerManagerWorkspace::ControlledReportsPage);
            QVERIFY(w.reportsPage()->isVisible());
            QVERIFY(w.reportsPage()->reportList()->count() > 0);
        }
        {
            AuditorWorkspace w(context(auditor));
            w.show();
            QVERIFY(w.reportsPage());
            w.showPage(AuditorWorkspace::Reports);
            QVERIFY(w.reportsPage()->isVisible());
            QVERIFY(w.reportsPage()->reportList()->count() > 0);
        }
        {
            AdminWorkspace w(context(t->admin));
            w.show();
            QVERIFY(w.reportsPage());
            w.showPage(AdminWorkspace::Reports);
            QVERIFY(w.reportsPage()->isVisible());
            QVERIFY(w.reportsPage()->reportList()->count() > 0);
        }
        {
            ClerkWorkspace w(context(clerk));
            w.show();
            QVERIFY(!w.findChild<ReportsPage*>());
            QVERIFY(!w.findChild<PrintRegisterPage*>());
        }
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
    }

    void pageListsTheRolesReports_data()
    {
        QTest::addColumn<QString>("login");
        QTest::newRow("manager") << QStringLiteral("m1");
        QTest::newRow("customer manager") << QStringLiteral("cm1");
        QTest::newRow("auditor") << QStringLiteral("u1");
        QTest::newRow("administrator") << QStringLiteral("admin");
    }

    void pageListsTheRolesReports()
    {
        QFETCH(QString, login);
        const Session session = login == QLatin1String("m1") ? m1
            : login == QLatin1String("cm1")                  ? cm1
            : login == QLatin1String("u1")                   ? auditor
                                                             : t->admin;
        auto catalogue = t->core->reports().catalogue(session);
        BV_VERIFY_OK(catalogue);
        QVERIFY(!catalogue->isEmpty());
        ReportsPage page(context(session));
        page.show();
        page.reload();
        QStringList expected;
        for (const ReportInfo& info : std::as_const(*catalogue)) {
            QCOMPARE(info.role, session.info().role); // each report names the one role that runs it
            expected << info.key;
        }
        QCOMPARE(listedKeys(&page), expected);
        // choosing a report shows what it holds and a form for its parameters
        page.reportList()->setCurrentRow(catalogue->size() - 1);
        const ReportInfo& last = catalogue->constLast();
        QCOMPARE(child<QLabel>(&page, "reportTitleLabel")->text(), last.title);
        QCOMPARE(child<QLabel>(&page, "reportDescriptionLabel")->text(), last.description);
        QCOMPARE(page.parameterForm()->parameters().size(), last.parameters.size());
        for (const ReportParameterSpec& spec : last.parameters)
            QVERIFY2(page.parameterForm()->editor(spec.key), qPrintable(spec.key));
        // the plain statement about PDF permissions is on the page
        QVERIFY(child<QLabel>(&page, "pdfAdvisoryLabel")->text().contains(QStringLiteral("advisory")));
        QVERIFY(dialogs.errors.isEmpty());
    }

    void previewShowsPagesWithoutRegistering()
    {
        ManagerWorkspace w(context(m1));
        w.resize(1200, 800);
        w.show();
        w.showPage(ManagerWorkspace::ControlledReportsPage);
        ReportsPage* page = w.reportsPage();
        const auto report = plainReport(page->catalogue());
        QVERIFY(report);
        QVERIFY(page->selectReport(report->key));
        QVERIFY(!page->previewWidget()->isVisible());
        const int runsBefore = auditRows(QStringLiteral("report.")).size();
        const int copiesBefore = registered(QString()).size();
        QTest::mouseClick(child<QPushButton>(page, "previewButton"), Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(page->previewWidget()->isVisible());
        QVERIFY(page->previewWidget()->pageCount() >= 1);
        QVERIFY(auditRows(QStringLiteral("report.")).size() > runsBefore); // the run is audited
        QCOMPARE(registered(QString()).size(), copiesBefore); // a preview is not a copy
        QVERIFY(page->lastSerial().isEmpty());
        // another report: the preview of the first one does not stay
        if (page->reportList()->count() > 1) {
            page->reportList()->setCurrentRow(page->reportList()->currentRow() == 0 ? 1 : 0);
            QVERIFY(!page->previewWidget()->isVisible());
        }
    }

    void savePdfWritesARegisteredControlledCopy()
    {
        ManagerWorkspace w(context(m1));
        w.show();
        w.showPage(ManagerWorkspace::ControlledReportsPage);
        ReportsPage* page = w.reportsPage();
        const auto report = plainReport(page->catalogue());
        QVERIFY(report);
        QVERIFY(page->selectReport(report->key));
        const QString file = t->dir.file(QStringLiteral("roster.pdf"));
        dialogs.saveNames << file;
        QTest::mouseClick(child<QPushButton>(page, "savePdfButton"), Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(page->lastFile(), file);
        const QString serial = page->lastSerial();
        QVERIFY(!serial.isEmpty());
        QVERIFY(child<QLabel>(page, "feedbackLabel")->text().contains(serial));
        // no temporary file is left beside it
        QCOMPARE(QDir(t->dir.path()).entryList({QStringLiteral("*.pdf*")}, QDir::Files | QDir::Hidden),
            QStringList {QStringLiteral("roster.pdf")});
        // the mark as written (the PDF's text layer is repaired: 受控文件, not Kangxi radicals) and the serial
        const QString text = pdfPageText(file, 1);
        QVERIFY2(text.contains(QStringLiteral("受控文件")), qPrintable(text.left(400)));
        QVERIFY2(text.contains(serial), qPrintable(serial));
        // the register lists the copy, printed by m1 as a PDF
        const QList<PrintCopy> copies = registered(serial);
        QCOMPARE(copies.size(), 1);
        QCOMPARE(copies.constFirst().report, report->key);
        QCOMPARE(copies.constFirst().printedBy, QStringLiteral("m1"));
        QCOMPARE(copies.constFirst().medium, PrintMedium::Pdf);
        QCOMPARE(copies.constFirst().state, PrintCopyState::Printed);
        // and the Print register page of the same workspace shows it
        w.showPage(ManagerWorkspace::PrintRegisterListPage);
        QVERIFY(w.printRegisterPage()->selectCopy(serial, 1));

        // a name that exists is refused before anything is registered
        dialogs.saveNames << file;
        QVERIFY(!page->savePdf());
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::AlreadyExists);
        QCOMPARE(registered(QString()).size(), 1);
    }

    void proposedFileNameHoldsNoCustomerData()
    {
        QCOMPARE(ControlledOutput::suggestedFileName(QStringLiteral("customer_list"), QDate(2026, 12, 5)),
            QStringLiteral("customer_list-20261205.pdf"));
        QCOMPARE(ControlledOutput::suggestedFileName(QStringLiteral("BV/2026 0001"), QDate(2026, 12, 5)),
            QStringLiteral("BV-2026-0001-20261205.pdf"));
        ReportsPage page(context(m1));
        page.reload();
        const auto report = plainReport(page.catalogue());
        QVERIFY(report);
        QVERIFY(page.selectReport(report->key));
        dialogs.saveNames.clear();
        // the scripted dialog cancels; the audit records the cancellation and nothing is registered
        const int before = auditRows(QStringLiteral("report.")).size();
        QVERIFY(!page.savePdf());
        QVERIFY(dialogs.errors.isEmpty());
        QCOMPARE(registered(QString()).size(), 0);
        QVERIFY(auditRows(QStringLiteral("report.")).size() > before);
        QVERIFY(child<QLabel>(&page, "feedbackLabel")->text().contains(QStringLiteral("Cancelled")));
    }

    void grade1ReportNeedsAnApprovedRequest()
    {
        ManagerWorkspace w(context(m1));
        w.show();
        w.showPage(ManagerWorkspace::ControlledReportsPage);
        ReportsPage* page = w.reportsPage();
        const QString roster = QStringLiteral("customer_list");
        QVERIFY(page->selectReport(roster));
        ReportParameterForm* form = page->parameterForm();
        QVERIFY(form->hasParameter(QStringLiteral("with_identities")));
        QVERIFY(form->setValue(QStringLiteral("with_identities"), QStringLiteral("false")));
        QVERIFY(!page->needsGrant());
        QVERIFY(page->grantBox()->isHidden());
        auto* identities = child<QCheckBox>(page, "with_identitiesCheckBox");
        QVERIFY(identities);
        identities->setChecked(true);
        QVERIFY(page->needsGrant());
        QVERIFY(!page->grantBox()->isHidden());
        QVERIFY(page->liveGrants().isEmpty());
        QVERIFY(child<QLabel>(page, "grantLabel")->text().contains(QStringLiteral("no approved")));

        // without a grant the PDF is refused and nothing is registered
        dialogs.saveNames << t->dir.file(QStringLiteral("refused.pdf"));
        QVERIFY(!page->savePdf());
        QCOMPARE(dialogs.errors.size(), 1);
        QVERIFY(!QFileInfo::exists(t->dir.file(QStringLiteral("refused.pdf"))));
        QCOMPARE(registered(QString()).size(), 0);
        dialogs.errors.clear();

        // the special request is filed from the page
        dialogs.onExec = [](QDialog* d) {
            auto* request = qobject_cast<RequestDialog*>(d);
            if (!request || !request->typeComboBox())
                return int(QDialog::Rejected);
            request->typeComboBox()->setCurrentIndex(request->typeComboBox()->findData(int(RequestType::Export)));
            request->purposeEdit()->setPlainText(QStringLiteral("Quarterly roster check with the deputy manager"));
            return request->submit() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        };
        QTest::mouseClick(child<QPushButton>(page, "requestApprovalButton"), Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        auto mine = t->core->requests().list(m1, true);
        BV_VERIFY_OK(mine);
        qint64 id = 0;
        for (const Request& request : std::as_const(*mine)) {
            if (request.report == roster && request.requesterLogin == QLatin1String("m1"))
                id = request.id;
        }
        QVERIFY(id > 0);
        // another manager approves it; the page shows the grant it will use
        BV_VERIFY_OK(t->core->requests().approve(m2, id, QStringLiteral("checked with m1")));
        page->reload();
        QCOMPARE(page->liveGrants().size(), 1);
        QCOMPARE(page->liveGrants().constFirst().id, id);
        QVERIFY(child<QLabel>(page, "grantLabel")->text().contains(QString::number(id)));
        QVERIFY(child<QLabel>(page, "grantLabel")->text().contains(QStringLiteral("m2")));

        const QString file = t->dir.file(QStringLiteral("roster-identities.pdf"));
        dialogs.saveNames << file;
        QVERIFY(page->savePdf());
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        const QList<PrintCopy> copies = registered(page->lastSerial());
        QCOMPARE(copies.size(), 1);
        QVERIFY(copies.constFirst().holdsGrade1);
        QCOMPARE(copies.constFirst().approvedBy, QStringLiteral("m2"));
        QCOMPARE(copies.constFirst().requestId, id);
        // single use: the grant is gone, the page says so
        QVERIFY(page->liveGrants().isEmpty());
        QVERIFY(child<QLabel>(page, "grantLabel")->text().contains(QStringLiteral("no approved")));
    }

    // The customer manager's data-subject form: one own customer, under an approved request; once printed, the
    // hand-over to the customer is recorded from the page.
    void dataSubjectFormIsHandedOver()
    {
        auto receipt = t->core->customers().entry().create(cm1, customerInput(1));
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        const QString number = receipt->customerNumber;
        CustomerManagerWorkspace w(context(cm1));
        w.show();
        w.showPage(CustomerManagerWorkspace::ControlledReportsPage);
        ReportsPage* page = w.reportsPage();
        QVERIFY(page->selectReport(QStringLiteral("data_subject")));
        QVERIFY(page->parameterForm()->setValue(QStringLiteral("customer"), number));
        QVERIFY(page->needsGrant());
        QVERIFY(page->liveGrants().isEmpty());
        dialogs.onExec = [](QDialog* d) {
            auto* request = qobject_cast<RequestDialog*>(d);
            if (!request)
                return int(QDialog::Rejected);
            request->purposeEdit()->setPlainText(QStringLiteral("The customer asked for the data we hold"));
            return request->submit() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        };
        QVERIFY(page->requestApproval());
        auto open = t->core->requests().list(m1, true);
        BV_VERIFY_OK(open);
        QCOMPARE(open->size(), 1);
        QCOMPARE(open->constFirst().type, RequestType::Print);
        QCOMPARE(open->constFirst().customerNumbers, QStringList {number});
        BV_VERIFY_OK(t->core->requests().approve(m1, open->constFirst().id, QStringLiteral("customer's request")));
        w.showPage(CustomerManagerWorkspace::CustomersPage);
        w.showPage(CustomerManagerWorkspace::ControlledReportsPage); // read again when shown
        QCOMPARE(page->liveGrants().size(), 1);
        QVERIFY(page->handOverButton()->isHidden());

        const QString file = t->dir.file(QStringLiteral("form.pdf"));
        dialogs.onExec = [&](QDialog* d) {
            auto* print = qobject_cast<QPrintDialog*>(d);
            if (!print)
                return int(QDialog::Rejected);
            print->printer()->setOutputFormat(QPrinter::PdfFormat);
            print->printer()->setOutputFileName(file);
            return int(QDialog::Accepted);
        };
        QVERIFY(page->printReport());
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        const QString serial = page->lastSerial();
        QCOMPARE(registered(serial).size(), 1);
        QVERIFY(registered(serial).constFirst().holdsGrade1);
        QVERIFY(page->liveGrants().isEmpty()); // used up
        QVERIFY(!page->handOverButton()->isHidden());

        dialogs.onExec = [](QDialog* d) {
            auto* event = qobject_cast<RegisterEventDialog*>(d);
            if (!event)
                return int(QDialog::Rejected);
            event->noteEdit()->setText(QStringLiteral("signed at the counter"));
            return event->submit() ? int(QDialog::Accepted) : int(QDialog::Rejected);
        };
        QTest::mouseClick(page->handOverButton(), Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QCOMPARE(registered(serial).constFirst().state, PrintCopyState::HandedOver);
        QVERIFY(page->handOverButton()->isHidden());
        // nothing on the way asked the core for what the customer manager may not see
        for (const AuditRow& row : auditRows(QString::fromLatin1(audit::AccessDenied)))
            QVERIFY2(row.login != QLatin1String("cm1"), qPrintable(row.details));
    }

    void printDialogPrintsCopiesAndCancelIsAudited()
    {
        ReportsPage page(context(m1));
        page.show();
        page.reload();
        const auto report = plainReport(page.catalogue());
        QVERIFY(report);
        QVERIFY(page.selectReport(report->key));
        // cancelled in the print dialog: audited, nothing registered
        int execs = 0;
        dialogs.onExec = [&](QDialog* d) {
            if (qobject_cast<QPrintDialog*>(d))
                ++execs;
            return int(QDialog::Rejected);
        };
        const int before = auditRows(QStringLiteral("report.")).size();
        QTest::mouseClick(child<QPushButton>(&page, "printButton"), Qt::LeftButton);
        QCOMPARE(execs, 1);
        QVERIFY(dialogs.errors.isEmpty());
        QCOMPARE(registered(QString()).size(), 0);
        QVERIFY(auditRows(QStringLiteral("report.")).size() > before);

        // accepted: two copies, each with its own copy number; the printer here writes a PDF
        const QString file = t->dir.file(QStringLiteral("printed.pdf"));
        page.copiesSpinBox()->setValue(2);
        dialogs.onExec = [&](QDialog* d) {
            auto* print = qobject_cast<QPrintDialog*>(d);
            if (!print)
                return int(QDialog::Rejected);
            if (print->printer()->copyCount() != 2)
                qWarning("the print dialog was not preset to the page's copies");
            print->printer()->setOutputFormat(QPrinter::PdfFormat);
            print->printer()->setOutputFileName(file);
            return int(QDialog::Accepted);
        };
        QVERIFY(page.printReport());
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        const QList<PrintCopy> copies = registered(page.lastSerial());
        QCOMPARE(copies.size(), 2);
        QList<int> numbers {copies.at(0).copy, copies.at(1).copy};
        std::sort(numbers.begin(), numbers.end());
        QCOMPARE(numbers, (QList<int> {1, 2}));
        QCOMPARE(copies.constFirst().medium, PrintMedium::Printer);
        QVERIFY(QFileInfo(file).size() > 0);
        QVERIFY(pdfPageText(file, 1).contains(page.lastSerial()));
    }

    void checkpointSheetIsAControlledRegisteredReport()
    {
        AuditorWorkspace w(context(auditor));
        w.show();
        w.showPage(AuditorWorkspace::Checkpoint);
        const QString file = t->dir.file(QStringLiteral("checkpoint-sheet.pdf"));
        dialogs.saveNames << file;
        QVERIFY(w.checkpointPage()->savePdf());
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(QFileInfo::exists(file));
        auto copies = t->core->printRegister().list(auditor);
        BV_VERIFY_OK(copies);
        QCOMPARE(copies->size(), 1);
        QCOMPARE(copies->constFirst().report, QStringLiteral("audit_checkpoint"));
        QCOMPARE(copies->constFirst().printedBy, QStringLiteral("u1"));
        QVERIFY(dialogs.infos.constLast().contains(copies->constFirst().serial));
        {
            const QString text = pdfPageText(file, 1);
            QVERIFY(holdsControlledMark(text));
            QVERIFY(text.contains(copies->constFirst().serial));
        }
    }

    void recoverySheetInTheControlledLayoutIsAudited()
    {
        RecoverySheetPrinter printer(*t->core, t->admin);
        const QString serial = printer.serial();
        QVERIFY2(serial.startsWith(QStringLiteral("RS-")), qPrintable(serial));
        QVERIFY(serial.contains(t->core->vault().databaseId().left(8).toUpper()));
        const QString file = t->dir.file(QStringLiteral("recovery-sheet.pdf"));
        {
            QPdfWriter writer(file);
            BV_VERIFY_OK(printer.print(writer, secret(t->recoveryPassphrase)));
        }
        QCOMPARE(printer.copiesPrinted(), 1);
        const QList<AuditRow> rows = auditRows(QString::fromLatin1(audit::RecoverySheetPrint));
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().objectId, serial);
        QCOMPARE(rows.constFirst().login, QStringLiteral("admin"));
        QVERIFY(!rows.constFirst().details.contains(t->recoveryPassphrase)); // never the passphrase
        QCOMPARE(registered(QString()).size(), 0); // not a register entry
        {
            const QString text = pdfPageText(file, 1);
            QVERIFY2(holdsControlledMark(text), qPrintable(text.left(400)));
            QVERIFY(text.contains(serial));
        }
        // a second copy is copy 2 of the same serial
        const PrintMarks marks = printer.marks(2, 1);
        QCOMPARE(marks.serial, serial);
        QCOMPARE(marks.pageCodes.size(), 1);
        QVERIFY(!marks.pageCodes.constFirst().contains(t->recoveryPassphrase));
    }

    void screenshots()
    {
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            installTranslations(language);
            ManagerWorkspace w(context(m1));
            w.resize(1280, 800);
            w.show();
            w.showPage(ManagerWorkspace::ControlledReportsPage);
            const auto report = plainReport(w.reportsPage()->catalogue());
            QVERIFY(report);
            QVERIFY(w.reportsPage()->selectReport(report->key));
            QVERIFY(w.reportsPage()->preview());
            QTest::qWait(20);
            QVERIFY(QFileInfo(screenshot(&w, QStringLiteral("manager-reports"), language)).size() > 0);
        }
        installTranslations(QStringLiteral("en"));
        QVERIFY(dialogs.errors.isEmpty());
    }
};

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
