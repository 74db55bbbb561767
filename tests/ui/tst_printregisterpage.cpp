// The Print register page (issue 12, item 5): in the manager's and the auditor's workspaces only; its model
// (QAbstractItemModelTester); the lifecycle a branch manager records through it — receipt signed with the
// recipient's own password, lending limited to three days, return, destruction confirmed by a witness's
// password (a wrong one refused, the copy unchanged) — the alerts strip, a reprint, and tracing a printout
// from a photo of one of its pages (rendered with pdftoppm, read back through the trace dialog).
#include "core/Core.h"
#include "core/auth/AuthService.h"
#include "core/common/Translations.h"
#include "core/reports/PrintRegister.h"
#include "core/requests/RequestService.h"
#include "render/ControlledPrint.h"
#include "tests/testsupport/TestCore.h"
#include "tests/ui/ReportUiTestSupport.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/customers/RequestDialog.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/models/RecordTableModel.h"
#include "ui/reports/PrintCopyView.h"
#include "ui/reports/PrintRegisterModel.h"
#include "ui/reports/PrintRegisterPage.h"
#include "ui/reports/RegisterEventDialog.h"
#include "ui/reports/ReportParameterForm.h"
#include "ui/reports/ReportsPage.h"
#include "ui/reports/TraceDialog.h"
#include "ui/workspaces/AdminWorkspace.h"
#include "ui/workspaces/AuditorWorkspace.h"
#include "ui/workspaces/ClerkWorkspace.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"
#include "ui/workspaces/ManagerWorkspace.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPdfWriter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>

#include <functional>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestPrintRegisterPage : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, m2, cm1, auditor;
    ScriptedDialogs dialogs;
    ClipboardGuard clipboard;

    WorkspaceContext context(const Session& session)
    {
        return WorkspaceContext {*t->core, session, dialogs, clipboard};
    }

    // A report m1 may print without a grant, registered and written to `file` (PDF) through the same
    // printControlled the pages use; the serial.
    QString printPlainReport(const QString& file)
    {
        auto catalogue = t->core->reports().catalogue(m1);
        if (!catalogue.ok())
            return QString();
        const auto report = plainReport(*catalogue);
        if (!report)
            return QString();
        ReportRequest request;
        request.report = report->key;
        PrintJob job;
        QPdfWriter writer(file);
        Status printed = printControlled(t->core->reports(), m1, request, 1, PrintMedium::Pdf, writer, 0, &job);
        if (!printed.ok()) {
            qWarning("print: %s", qPrintable(printed.error().fullText()));
            return QString();
        }
        return job.serial;
    }

    PrintCopy copyOf(const QString& serial, int copy = 1)
    {
        auto found = t->core->printRegister().copy(m1, serial, copy);
        return found.ok() ? *found : PrintCopy();
    }

    void unlock(Session& session, const QString& login)
    {
        QVERIFY(t->core->auth().unlock(session, secret(t->passwordOf(login))).ok());
    }

    // Runs the next dialog the page opens through `fill`, which returns whether it accepted.
    void onDialog(const std::function<bool(RegisterEventDialog*)>& fill)
    {
        dialogs.onExec = [fill](QDialog* d) {
            auto* dialog = qobject_cast<RegisterEventDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            return fill(dialog) ? int(QDialog::Accepted) : int(QDialog::Rejected);
        };
    }

private slots:
    void initTestCase()
    {
        installTranslations(QStringLiteral("en"));
        // a printout becomes an image with poppler-utils (tools/dev.sh setup installs them)
        QVERIFY2(missingTools().isEmpty(), qPrintable(missingTools().join(QStringLiteral(", "))));
    }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("网点负责人甲"));
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager, QStringLiteral("网点负责人乙"));
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("客户经理一"));
        auditor = t->addUser(QStringLiteral("u1"), Role::Auditor, QStringLiteral("审计员"));
        QVERIFY(m1.isValid() && m2.isValid() && cm1.isValid() && auditor.isValid());
        dialogs = ScriptedDialogs();
    }

    void cleanup() { t.reset(); }

    void onlyTheManagerAndTheAuditorHaveIt()
    {
        {
            ManagerWorkspace w(context(m1));
            QVERIFY(w.printRegisterPage());
            QVERIFY(w.printRegisterPage()->findChild<QPushButton*>(QStringLiteral("destroyButton")));
        }
        {
            AuditorWorkspace w(context(auditor));
            QVERIFY(w.printRegisterPage());
            // the auditor traces and reads; recording is the manager's
            QVERIFY(w.printRegisterPage()->findChild<QPushButton*>(QStringLiteral("traceButton")));
            QVERIFY(!w.printRegisterPage()->findChild<QPushButton*>(QStringLiteral("destroyButton")));
            QVERIFY(!w.printRegisterPage()->findChild<QPushButton*>(QStringLiteral("receiveButton")));
        }
        {
            CustomerManagerWorkspace w(context(cm1));
            QVERIFY(!w.findChild<PrintRegisterPage*>());
        }
        {
            AdminWorkspace w(context(t->admin));
            QVERIFY(!w.findChild<PrintRegisterPage*>());
        }
    }

    void modelShowsTheCopies()
    {
        const QString serial = printPlainReport(t->dir.file(QStringLiteral("a.pdf")));
        QVERIFY(!serial.isEmpty());
        PrintRegisterModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto copies = t->core->printRegister().list(m1);
        BV_VERIFY_OK(copies);
        model.setCopies(*copies);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.columnCount(), int(PrintRegisterModel::ColumnCount));
        const QModelIndex index = model.indexOf(serial, 1, PrintRegisterModel::Serial);
        QVERIFY(index.isValid());
        QCOMPARE(index.data().toString(), serial);
        QCOMPARE(model.index(index.row(), PrintRegisterModel::Copy).data().toString(), QStringLiteral("Original"));
        QCOMPARE(model.index(index.row(), PrintRegisterModel::PrintedBy).data().toString(), QStringLiteral("m1"));
        QCOMPARE(model.index(index.row(), PrintRegisterModel::State).data().toString(),
            PrintRegister::stateLabel(PrintCopyState::Printed));
        QCOMPARE(model.copyFromIndex(index).serial, serial);
        QCOMPARE(
            model.headerData(PrintRegisterModel::ValidUntil, Qt::Horizontal).toString(), QStringLiteral("Valid until"));
        model.setCopies({});
        QCOMPARE(model.rowCount(), 0);
    }

    void managerRecordsTheLifecycle()
    {
        const QString serial = printPlainReport(t->dir.file(QStringLiteral("b.pdf")));
        QVERIFY(!serial.isEmpty());
        ManagerWorkspace w(context(m1));
        w.show();
        w.showPage(ManagerWorkspace::PrintRegisterListPage);
        PrintRegisterPage* page = w.printRegisterPage();
        QSignalSpy locks(&w, &Workspace::lockRequested);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(page->selectCopy(serial, 1));
        QVERIFY(page->copyView()->summaryLabel()->text().contains(serial));
        auto* receive = child<QPushButton>(page, "receiveButton");
        auto* lend = child<QPushButton>(page, "lendButton");
        auto* giveBack = child<QPushButton>(page, "returnButton");
        auto* destroy = child<QPushButton>(page, "destroyButton");
        QVERIFY(receive->isEnabled());
        QVERIFY(!giveBack->isEnabled());

        // receipt: cm1 signs with cm1's own password; the field is wiped afterwards
        bool hidden = false;
        bool wiped = false;
        onDialog([&](RegisterEventDialog* d) {
            d->personEdit()->setText(QStringLiteral("cm1"));
            d->passwordEdit()->setText(t->passwordOf(QStringLiteral("cm1")));
            hidden = d->passwordEdit()->echoMode() == QLineEdit::Password;
            const bool ok = d->submit();
            wiped = d->passwordEdit()->text().isEmpty();
            return ok;
        });
        QTest::mouseClick(receive, Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(hidden);
        QVERIFY(wiped);
        QCOMPARE(copyOf(serial).state, PrintCopyState::Received);
        QCOMPARE(copyOf(serial).holder, QStringLiteral("cm1"));
        const QModelIndex row = page->model()->indexOf(serial, 1);
        QCOMPARE(page->model()->index(row.row(), PrintRegisterModel::State).data().toString(),
            PrintRegister::stateLabel(PrintCopyState::Received));

        // lending: the dialog offers at most three days; the copy is lent
        const QDateTime now = t->clock.nowUtc();
        QDateTime latest;
        onDialog([&](RegisterEventDialog* d) {
            if (!d->dueEdit())
                return false;
            // the dialog cannot be set beyond three days
            const QDateTime chosen = d->dueEdit()->dateTime();
            d->dueEdit()->setDateTime(chosen.addDays(10));
            latest = d->dueUtc();
            d->dueEdit()->setDateTime(chosen);
            d->personEdit()->setText(QStringLiteral("m2"));
            d->noteEdit()->setText(QStringLiteral("for the quarterly review"));
            return d->submit();
        });
        QVERIFY(lend->isEnabled());
        QTest::mouseClick(lend, Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(latest <= now.addDays(3));
        QVERIFY(latest > now.addDays(2));
        QCOMPARE(copyOf(serial).state, PrintCopyState::Lent);
        QCOMPARE(copyOf(serial).holder, QStringLiteral("m2"));
        QVERIFY(giveBack->isEnabled());
        QVERIFY(!destroy->isEnabled());

        // overdue after four days: the alerts strip names the copy
        t->clock.advanceDays(4);
        unlock(m1, QStringLiteral("m1")); // idle for four days: the session locked meanwhile
        page->reload();
        QVERIFY(!page->alertsList()->isHidden());
        QVERIFY(page->alertsList()->count() >= 1);
        QVERIFY(page->alertsList()->item(0)->text().contains(serial));
        QVERIFY(copyOf(serial).overdue);

        // returned
        onDialog([&](RegisterEventDialog* d) { return d->submit(); });
        QTest::mouseClick(giveBack, Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(copyOf(serial).state != PrintCopyState::Lent);
        QVERIFY(!copyOf(serial).overdue);

        // destruction: a wrong witness password is refused in the dialog, the copy is unchanged
        QString refusal;
        onDialog([&](RegisterEventDialog* d) {
            d->personEdit()->setText(QStringLiteral("m2"));
            d->passwordEdit()->setText(QStringLiteral("not-the-password-1"));
            const bool ok = d->submit();
            refusal = d->message();
            return ok;
        });
        QVERIFY(destroy->isEnabled());
        QTest::mouseClick(destroy, Qt::LeftButton);
        QVERIFY(!refusal.isEmpty());
        QVERIFY(copyOf(serial).state != PrintCopyState::Destroyed);
        // the right one: destroyed, with the witness and the method in the history
        onDialog([&](RegisterEventDialog* d) {
            d->methodComboBox()->setCurrentIndex(0);
            d->personEdit()->setText(QStringLiteral("m2"));
            d->passwordEdit()->setText(t->passwordOf(QStringLiteral("m2")));
            return d->submit();
        });
        QTest::mouseClick(destroy, Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        const PrintCopy destroyed = copyOf(serial);
        QCOMPARE(destroyed.state, PrintCopyState::Destroyed);
        QVERIFY(page->selectCopy(serial, 1));
        QCOMPARE(
            page->model()->index(page->model()->indexOf(serial, 1).row(), PrintRegisterModel::State).data().toString(),
            PrintRegister::stateLabel(PrintCopyState::Destroyed));
        const models::RecordTableModel* history = page->copyView()->historyModel();
        QStringList events;
        for (int row = 0; row < history->rowCount(); ++row)
            events << history->index(row, PrintCopyView::Event).data().toString();
        QVERIFY2(events.contains(PrintRegister::eventLabel(PrintEventKind::Destroyed)), qPrintable(events.join(u',')));
        QVERIFY(events.contains(PrintRegister::eventLabel(PrintEventKind::Received)));
        QVERIFY(events.contains(PrintRegister::eventLabel(PrintEventKind::Lent)));
        QVERIFY(!destroy->isEnabled()); // nothing more to record but a reprint
        // "open copies only" hides it
        child<QCheckBox>(page, "openOnlyCheckBox")->setChecked(true);
        QVERIFY(!page->model()->indexOf(serial, 1).isValid());
        QCOMPARE(locks.size(), 0);
    }

    void reprintAddsACopy()
    {
        const QString serial = printPlainReport(t->dir.file(QStringLiteral("c.pdf")));
        QVERIFY(!serial.isEmpty());
        PrintRegisterPage page(context(m1));
        page.show();
        page.reload();
        QVERIFY(page.selectCopy(serial, 1));
        const QString file = t->dir.file(QStringLiteral("reprint.pdf"));
        dialogs.saveNames << file;
        onDialog([](RegisterEventDialog* d) {
            d->mediumComboBox()->setCurrentIndex(d->mediumComboBox()->findData(int(PrintMedium::Pdf)));
            return d->submit();
        });
        QVERIFY(page.reprint());
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QVERIFY(QFileInfo::exists(file));
        QCOMPARE(copyOf(serial, 2).copy, 2);
        QVERIFY(page.model()->indexOf(serial, 2).isValid());
        QCOMPARE(
            page.model()->indexOf(serial, 2, PrintRegisterModel::Copy).data().toString(), QStringLiteral("Copy 2"));
    }

    void auditorTracesAPhotoOfAPage()
    {
        const QString pdf = t->dir.file(QStringLiteral("found.pdf"));
        const QString serial = printPlainReport(pdf);
        QVERIFY(!serial.isEmpty());
        const QString png = rasterisePage(pdf, 1, t->dir.path());
        QVERIFY(!png.isEmpty());

        AuditorWorkspace w(context(auditor));
        w.show();
        w.showPage(AuditorWorkspace::Register);
        PrintRegisterPage* page = w.printRegisterPage();
        QVERIFY(page->model()->indexOf(serial, 1).isValid());
        QList<PrintTrace> traced;
        QString verdict;
        QString summary;
        dialogs.onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<TraceDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            dialogs.openNames << png;
            QTest::mouseClick(dialog->openImageButton(), Qt::LeftButton);
            traced = dialog->results();
            verdict = dialog->verdictLabel()->text();
            summary = dialog->copyView()->summaryLabel()->text();
            return int(QDialog::Accepted);
        };
        QTest::mouseClick(child<QPushButton>(page, "traceButton"), Qt::LeftButton);
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
        QCOMPARE(traced.size(), 1);
        QCOMPARE(traced.constFirst().verdict, PrintTrace::Verdict::Genuine);
        QCOMPARE(traced.constFirst().page, 1);
        QCOMPARE(traced.constFirst().copy.serial, serial);
        QVERIFY2(verdict.startsWith(QStringLiteral("Genuine")), qPrintable(verdict));
        QVERIFY(summary.contains(serial));

        // a typed serial finds the entry; a text that is no code of ours says so
        TraceDialog dialog(context(auditor));
        QVERIFY(dialog.traceText(serial));
        QCOMPARE(dialog.results().constFirst().copy.serial, serial);
        QVERIFY(dialog.traceText(QStringLiteral("https://example.com/not-ours")));
        QCOMPARE(dialog.results().constFirst().verdict, PrintTrace::Verdict::NotBranchVault);
        // an image without a code
        QImage blank(200, 200, QImage::Format_RGB32);
        blank.fill(Qt::white);
        const QString blankFile = t->dir.file(QStringLiteral("blank.png"));
        QVERIFY(blank.save(blankFile));
        QVERIFY(!dialog.traceImage(blankFile));
        QVERIFY(dialog.verdictLabel()->text().contains(QStringLiteral("No QR code")));
    }

    // Issue 12's "done when", through the widgets: a branch manager requests the customer roster with masked
    // identities, another manager approves it, the first saves it (a registered copy), records that a colleague
    // received it, lends it, gets it back and destroys it with a witness; the auditor traces the printout
    // from an image of one page and sees it destroyed.
    void doneWhenFlowThroughTheWidgets()
    {
        const QString roster = QStringLiteral("customer_list");
        const QString pdf = t->dir.file(QStringLiteral("roster.pdf"));
        QString serial;
        {
            ManagerWorkspace w(context(m1));
            w.show();
            w.showPage(ManagerWorkspace::ControlledReportsPage);
            ReportsPage* reports = w.reportsPage();
            QVERIFY(reports->selectReport(roster));
            QVERIFY(reports->parameterForm()->setValue(QStringLiteral("with_identities"), QStringLiteral("true")));
            QVERIFY(reports->needsGrant());
            dialogs.onExec = [](QDialog* d) {
                auto* request = qobject_cast<RequestDialog*>(d);
                if (!request)
                    return int(QDialog::Rejected);
                request->purposeEdit()->setPlainText(QStringLiteral("Annual identity check of the roster"));
                request->typeComboBox()->setCurrentIndex(request->typeComboBox()->findData(int(RequestType::Export)));
                return request->submit() ? int(QDialog::Accepted) : int(QDialog::Rejected);
            };
            QVERIFY(reports->requestApproval());
            auto open = t->core->requests().list(m2, true);
            BV_VERIFY_OK(open);
            QCOMPARE(open->size(), 1);
            BV_VERIFY_OK(t->core->requests().approve(m2, open->constFirst().id, QStringLiteral("annual check")));
            reports->reload();
            QCOMPARE(reports->liveGrants().size(), 1);
            dialogs.saveNames << pdf;
            QVERIFY(reports->savePdf());
            serial = reports->lastSerial();
            QVERIFY(!serial.isEmpty());
            QVERIFY(copyOf(serial).holdsGrade1);
            QCOMPARE(copyOf(serial).approvedBy, QStringLiteral("m2"));

            w.showPage(ManagerWorkspace::PrintRegisterListPage);
            PrintRegisterPage* page = w.printRegisterPage();
            QVERIFY(page->selectCopy(serial, 1));
            // a printout with identities is received by a branch manager: a customer manager is refused in the
            // dialog, which stays open for another recipient
            QString refusal;
            onDialog([&](RegisterEventDialog* d) {
                d->personEdit()->setText(QStringLiteral("cm1"));
                d->passwordEdit()->setText(t->passwordOf(QStringLiteral("cm1")));
                if (d->submit())
                    return true;
                refusal = d->message();
                d->personEdit()->setText(QStringLiteral("m2"));
                d->passwordEdit()->setText(t->passwordOf(QStringLiteral("m2")));
                return d->submit();
            });
            QVERIFY(page->recordReceipt());
            QVERIFY(!refusal.isEmpty());
            QCOMPARE(copyOf(serial).holder, QStringLiteral("m2"));
            onDialog([&](RegisterEventDialog* d) {
                d->personEdit()->setText(QStringLiteral("m2"));
                return d->submit();
            });
            QVERIFY(page->lend());
            onDialog([&](RegisterEventDialog* d) { return d->submit(); });
            QVERIFY(page->giveBack());
            onDialog([&](RegisterEventDialog* d) {
                d->personEdit()->setText(QStringLiteral("u1"));
                d->passwordEdit()->setText(t->passwordOf(QStringLiteral("u1")));
                return d->submit();
            });
            QVERIFY(page->destroyCopy());
            QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
            QCOMPARE(copyOf(serial).state, PrintCopyState::Destroyed);
        }
        const QString png = rasterisePage(pdf, 1, t->dir.path());
        QVERIFY(!png.isEmpty());
        AuditorWorkspace w(context(auditor));
        w.show();
        w.showPage(AuditorWorkspace::Register);
        QList<PrintTrace> traced;
        dialogs.onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<TraceDialog*>(d);
            if (!dialog || !dialog->traceImage(png))
                return int(QDialog::Rejected);
            traced = dialog->results();
            return int(QDialog::Accepted);
        };
        QVERIFY(w.printRegisterPage()->trace());
        QCOMPARE(traced.size(), 1);
        QCOMPARE(traced.constFirst().verdict, PrintTrace::Verdict::Genuine);
        QCOMPARE(traced.constFirst().copy.serial, serial);
        QCOMPARE(traced.constFirst().copy.state, PrintCopyState::Destroyed);
        QCOMPARE(traced.constFirst().copy.approvedBy, QStringLiteral("m2"));
        QVERIFY2(dialogs.errors.isEmpty(), qPrintable(dialogs.errors.value(0).fullText()));
    }

    void screenshots()
    {
        const QString serial = printPlainReport(t->dir.file(QStringLiteral("d.pdf")));
        QVERIFY(!serial.isEmpty());
        BV_VERIFY_OK(t->core->printRegister().lend(
            m1, serial, 1, QStringLiteral("m2"), t->clock.nowUtc().addDays(1), QStringLiteral("review")));
        t->clock.advanceDays(2);
        unlock(m1, QStringLiteral("m1"));
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            installTranslations(language);
            ManagerWorkspace w(context(m1));
            w.resize(1280, 800);
            w.show();
            w.showPage(ManagerWorkspace::PrintRegisterListPage);
            QVERIFY(w.printRegisterPage()->selectCopy(serial, 1));
            QTest::qWait(20);
            QVERIFY(QFileInfo(screenshot(&w, QStringLiteral("manager-print-register"), language)).size() > 0);
        }
        installTranslations(QStringLiteral("en"));
        QVERIFY(dialogs.errors.isEmpty());
    }
};

QTEST_MAIN(TestPrintRegisterPage)
#include "tst_printregisterpage.moc"
