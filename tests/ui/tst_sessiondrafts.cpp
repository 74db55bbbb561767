// Issue 13, "drafts survive the lock": through the real application flow (AppController over a real database),
// a half-typed new customer survives a lock and unlock, stays invisible to another person who signs in after a
// sign-out, and comes back for its author; the idle warning counts down, keeps the form as a draft, and any input
// dismisses it; the Session menu's password and second-factor actions are disabled while locked; a lock that comes
// while a page waits in a real modal dialog closes the dialog and destroys the page only after its code has returned.
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/drafts/DraftService.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/app/AppController.h"
#include "ui/app/IdleMonitor.h"
#include "ui/auth/SignInDialog.h"
#include "ui/customers/CustomerDetailWidget.h"
#include "ui/customers/CustomerFormWidget.h"
#include "ui/customers/IdentityFormPage.h"
#include "ui/customers/RequestDialog.h"
#include "ui/main/LockPage.h"
#include "ui/main/MainWindow.h"
#include "ui/main/SessionBanners.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

namespace {

const QString kName = QStringLiteral("欧阳草稿");
const QString kIdNumber = QStringLiteral("11010519491231002X");

} // namespace

class TestSessionDrafts : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    ScriptedDialogs dialogs;
    std::unique_ptr<AppController> app;
    QMap<QString, QString> passwords;
    QString customerNo; // an active customer of cm1

    MainWindow* window() { return app->window(); }
    CustomerManagerWorkspace* workspace() { return qobject_cast<CustomerManagerWorkspace*>(window()->workspace()); }
    QLineEdit* nameEdit()
    {
        return workspace()->newCustomerForm()->identityPage()->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
    }
    QLineEdit* idEdit()
    {
        return workspace()->newCustomerForm()->identityPage()->findChild<QLineEdit*>(
            QStringLiteral("idNumberLineEdit"));
    }
    int count(const QString& sql)
    {
        auto value = internalsOf(*app->core()).database().scalar(sql);
        return value.ok() ? value->toInt() : -1;
    }
    QList<AuditRow> auditRows(const char* action)
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        auto rows = internalsOf(*app->core()).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }
    bool signIn(const QString& login)
    {
        auto session = app->core()->auth().signIn(login, secret(passwords.value(login)));
        if (!session.ok()) {
            qWarning("sign-in: %s", qPrintable(session.error().fullText()));
            return false;
        }
        window()->show();
        app->enter(*session);
        return workspace() != nullptr;
    }
    // The next sign-in dialog (after a sign-out) signs `login` in.
    void answerSignInWith(const QString& login)
    {
        dialogs.onExec = [this, login](QDialog* dialog) {
            auto* signIn = qobject_cast<SignInDialog*>(dialog);
            if (!signIn)
                return int(QDialog::Rejected);
            signIn->loginEdit()->setText(login);
            signIn->passwordEdit()->setText(passwords.value(login));
            signIn->attempt();
            return signIn->result();
        };
    }
    void typeHalfACustomer()
    {
        workspace()->showPage(CustomerManagerWorkspace::NewCustomerPage);
        nameEdit()->setText(kName); // as an input method commits it (QTest types Latin-1 only)
        QTest::keyClicks(idEdit(), kIdNumber);
        QCOMPARE(nameEdit()->text(), kName);
    }
    void unlock(const QString& login)
    {
        LockPage* page = window()->lockPage();
        page->passwordEdit()->setText(passwords.value(login));
        page->attempt();
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        // the application's core runs on the system clock: the accounts are made "now"
        t->clock.set(QDateTime::currentDateTimeUtc());
        QVERIFY(t->core->auth().unlock(t->admin, secret(t->passwordOf(QStringLiteral("admin")))).ok());
        const Session m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        const Session cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        QVERIFY(m1.isValid() && cm1.isValid());
        auto receipt = t->core->customers().entry().create(cm1, customerInput(1));
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        customerNo = receipt->customerNumber;
        QVERIFY(t->addUser(QStringLiteral("cm2"), Role::CustomerManager, QStringLiteral("李经理")).isValid());
        for (const QString& login : {QStringLiteral("cm1"), QStringLiteral("cm2")})
            passwords.insert(login, t->passwordOf(login));
        t->core.reset(); // the application opens its own core over the same database
        app = std::make_unique<AppController>(*t->vaults, dialogs);
        app->adopt(std::move(t->vault));
        QVERIFY(signIn(QStringLiteral("cm1")));
    }
    void cleanup()
    {
        app.reset();
        t.reset();
        dialogs.errors.clear();
        dialogs.infos.clear();
    }

    void halfTypedCustomerSurvivesLockAndUnlock()
    {
        typeHalfACustomer();
        QVERIFY(!window()->draftOffer()->isVisibleTo(window()));
        app->lock(); // Ctrl+L
        QVERIFY(app->isLocked());
        QVERIFY(!window()->workspace()); // the form is gone from the screen ...
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1); // ... and kept, sealed
        auto sealed = internalsOf(*app->core())
                          .database()
                          .scalar(QStringLiteral("SELECT sealed FROM sealed_value WHERE owner_kind = 'draft'"));
        BV_VERIFY_OK(sealed);
        QVERIFY(!sealed->toByteArray().contains(kIdNumber.toUtf8()));
        QVERIFY(!sealed->toByteArray().contains(kName.toUtf8()));
        QVERIFY(!window()->draftOffer()->isVisibleTo(window())); // nothing is offered on the lock page

        unlock(QStringLiteral("cm1"));
        QVERIFY(!app->isLocked());
        QVERIFY(workspace());
        DraftOfferBanner* offer = window()->draftOffer();
        QVERIFY(offer->isVisibleTo(window()));
        QVERIFY2(offer->textLabel()->text().contains(QStringLiteral("new customer form")),
            qPrintable(offer->textLabel()->text()));
        QVERIFY(nameEdit()->text().isEmpty()); // a new workspace: empty until restored
        QTest::mouseClick(offer->restoreButton(), Qt::LeftButton);
        QCOMPARE(workspace()->currentPage(), CustomerManagerWorkspace::NewCustomerPage);
        QCOMPARE(nameEdit()->text(), kName);
        QCOMPARE(idEdit()->text(), kIdNumber);
        QVERIFY(!offer->isVisibleTo(window()));
        QCOMPARE(auditRows(audit::DraftRestore).size(), 1);
        QVERIFY(dialogs.errors.isEmpty());

        // clearing the form discards the draft
        workspace()->newCustomerForm()->findChild<QPushButton*>(QStringLiteral("resetButton"))->click();
        QVERIFY(nameEdit()->text().isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'draft'")), 0);
        // an empty form keeps no draft at the next lock
        app->lock();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 0);
        unlock(QStringLiteral("cm1"));
        QVERIFY(!window()->draftOffer()->isVisibleTo(window()));
        // the audit rows hold the form kind, never what was typed
        for (const AuditRow& row : auditRows("draft.")) {
            QVERIFY(!row.details.contains(kName));
            QVERIFY(!row.details.contains(kIdNumber));
        }
    }

    void closingTheWindowKeepsTheForm()
    {
        typeHalfACustomer();
        QVERIFY(window()->close());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1);
        QVERIFY(dialogs.errors.isEmpty());
    }

    void draftIsInvisibleToAnotherPerson()
    {
        typeHalfACustomer();
        answerSignInWith(QStringLiteral("cm2"));
        app->signOut();
        QVERIFY(!window()->workspace()); // at once; the sign-in comes once the workspace is destroyed
        QTRY_COMPARE(app->session().info().login, QStringLiteral("cm2"));
        QVERIFY(workspace());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1); // cm1's, kept at the sign-out
        QVERIFY(!window()->draftOffer()->isVisibleTo(window())); // cm2 is offered nothing
        QVERIFY(window()->draftOffer()->drafts().isEmpty());
        QVERIFY(nameEdit()->text().isEmpty());
        QVERIFY(containing(visibleTexts(window()), kName).isEmpty());
        QVERIFY(containing(visibleTexts(window()), kIdNumber).isEmpty());
        // cm2 locks and unlocks: still nothing
        app->lock();
        unlock(QStringLiteral("cm2"));
        QVERIFY(!window()->draftOffer()->isVisibleTo(window()));

        // the author signs in again: offered and restored
        answerSignInWith(QStringLiteral("cm1"));
        app->signOut();
        QTRY_COMPARE(app->session().info().login, QStringLiteral("cm1"));
        QVERIFY(window()->draftOffer()->isVisibleTo(window()));
        QTest::mouseClick(window()->draftOffer()->restoreButton(), Qt::LeftButton);
        QCOMPARE(nameEdit()->text(), kName);
        QVERIFY(dialogs.errors.isEmpty());
    }

    void serviceRecordDraftSurvivesLock()
    {
        CustomerDetailWidget* detail = workspace()->openCustomer(customerNo);
        QVERIFY(detail && detail->isLoaded());
        auto* content = detail->findChild<QPlainTextEdit*>(QStringLiteral("serviceContentPlainTextEdit"));
        QVERIFY(content);
        const QString note = QStringLiteral("客户咨询定期存款到期续存安排");
        content->setPlainText(note);
        app->lock();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts WHERE form = 'service_record'")), 1);
        unlock(QStringLiteral("cm1"));
        DraftOfferBanner* offer = window()->draftOffer();
        QVERIFY2(offer->textLabel()->text().contains(customerNo), qPrintable(offer->textLabel()->text()));
        QTest::mouseClick(offer->restoreButton(), Qt::LeftButton);
        CustomerDetailWidget* reopened = workspace()->detailOf(customerNo);
        QVERIFY(reopened);
        auto* restored = reopened->findChild<QPlainTextEdit*>(QStringLiteral("serviceContentPlainTextEdit"));
        QCOMPARE(restored->toPlainText(), note);
        QCOMPARE(reopened->tabs()->currentWidget()->objectName(), QStringLiteral("servicesPage"));
        // recording the service deletes the draft
        QTest::mouseClick(reopened->findChild<QPushButton*>(QStringLiteral("addServiceButton")), Qt::LeftButton);
        QVERIFY(restored->toPlainText().isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 0);
        QVERIFY(dialogs.errors.isEmpty());
    }

    void discardDeletesTheDraft()
    {
        typeHalfACustomer();
        app->lock();
        unlock(QStringLiteral("cm1"));
        QTest::mouseClick(window()->draftOffer()->discardButton(), Qt::LeftButton);
        QVERIFY(!window()->draftOffer()->isVisibleTo(window()));
        QVERIFY(nameEdit()->text().isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 0);
        QCOMPARE(auditRows(audit::DraftDiscard).size(), 1);
    }

    void idleWarningCountsDownAndInputDismissesIt()
    {
        typeHalfACustomer();
        IdleWarningBanner* banner = window()->idleWarning();
        QVERIFY(!banner->isVisibleTo(window()));
        app->idleMonitor().warnNow(); // what the timer does 30 s before the idle lock
        QVERIFY(banner->isVisibleTo(window()));
        QVERIFY(banner->secondsLeft() <= IdleMonitor::kWarningSeconds && banner->secondsLeft() > 0);
        QVERIFY2(banner->textLabel()->text().contains(QStringLiteral(" s ")), qPrintable(banner->textLabel()->text()));
        // the form is kept already: the session may be refused once the core's own idle time is up
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1);
        // any key dismisses it and the session stays open
        QTest::keyClick(nameEdit(), Qt::Key_End);
        QVERIFY(!banner->isVisibleTo(window()));
        QVERIFY(!app->idleMonitor().isWarning());
        QVERIFY(!app->isLocked());
        // and "Stay signed in" too
        app->idleMonitor().warnNow();
        QVERIFY(banner->isVisibleTo(window()));
        QTest::mouseClick(banner->stayButton(), Qt::LeftButton);
        QVERIFY(!banner->isVisibleTo(window()));
        QVERIFY(!app->isLocked());
    }

    void idleLockAfterTheWarningKeepsTheFormOnce()
    {
        typeHalfACustomer();
        QSignalSpy warned(&app->idleMonitor(), &IdleMonitor::warning);
        app->idleMonitor().startMilliseconds(400, 200); // explicit short intervals: warning at 200 ms, lock at 400
        QTRY_VERIFY_WITH_TIMEOUT(app->isLocked(), 10000);
        QCOMPARE(warned.size(), 1);
        QVERIFY(!window()->idleWarning()->isVisibleTo(window()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1);
        QCOMPARE(auditRows(audit::DraftSave).size(), 1); // kept at the warning, not again at the lock
        unlock(QStringLiteral("cm1"));
        QVERIFY(window()->draftOffer()->isVisibleTo(window()));
    }

    // The idle lock comes while the page waits in a real modal dialog's own event loop (the full-view request,
    // opened by a click): the session locks at once, the dialog is closed, the page that opened it is destroyed
    // only after its code has returned — no crash — and a message the page shows after its cancelled dialog is
    // closed as well. The form typed before is kept as a draft and offered after the unlock.
    void idleLockWhileADialogIsOpen()
    {
        typeHalfACustomer();
        CustomerDetailWidget* detail = workspace()->openCustomer(customerNo);
        QVERIFY(detail && detail->isLoaded());
        detail->tabs()->setCurrentIndex(1); // Identity & contact
        auto* request = detail->findChild<QPushButton*>(QStringLiteral("requestFullViewButton"));
        QVERIFY(request && request->isVisible() && request->isEnabled());
        QPointer<Workspace> before = window()->workspace();
        QPointer<CustomerDetailWidget> page = detail;
        bool opened = false;
        int result = -1;
        bool lockedInside = false;
        bool pageHiddenInside = false;
        bool lockPageShownInside = false;
        ErrorCode refusedWith = ErrorCode::None;
        int messageResult = -1;
        bool messageTimedOut = false;
        dialogs.onExec = [&](QDialog* dialog) {
            opened = qobject_cast<RequestDialog*>(dialog) != nullptr;
            app->idleMonitor().startMilliseconds(50);
            result = dialog->exec(); // the dialog's own event loop, as in the application; the idle time ends in it
            // back in the page's code, which still runs: the session is locked, the page still exists but is hidden
            // and takes no input, and the core refuses the session
            lockedInside = app->isLocked();
            pageHiddenInside = page && !page->isVisible() && !page->isEnabled() && !window()->workspace();
            lockPageShownInside = window()->lockPage()->isVisible();
            auto open = app->core()->customers().finder().open(app->session(), customerNo);
            refusedWith = open.ok() ? ErrorCode::None : open.error().code;
            // a page that tells about the cancelled step opens another dialog from the same frame: it is closed
            // too, and the page still waits for its code to return
            QMessageBox message(QMessageBox::Information, QStringLiteral("Request"), QStringLiteral("Not filed."),
                QMessageBox::Ok, page);
            QTimer::singleShot(5000, &message, [&] {
                messageTimedOut = true;
                message.accept();
            });
            messageResult = message.exec();
            return result;
        };
        QTest::mouseClick(request, Qt::LeftButton);
        QVERIFY(opened);
        QCOMPARE(result, int(QDialog::Rejected));
        QVERIFY(lockedInside);
        QVERIFY(pageHiddenInside);
        QVERIFY(lockPageShownInside);
        QCOMPARE(refusedWith, ErrorCode::SessionLocked);
        QVERIFY(!messageTimedOut);
        QCOMPARE(messageResult, int(QDialog::Rejected));
        QTRY_VERIFY(before.isNull()); // destroyed once control was back in the event loop
        QVERIFY(page.isNull());
        QVERIFY(app->isLocked());
        QVERIFY(window()->lockPage()->isVisibleTo(window()));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1); // the form, kept before the lock
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM requests")), 0); // nothing was filed

        unlock(QStringLiteral("cm1"));
        QVERIFY(!app->isLocked());
        QVERIFY(workspace());
        QVERIFY(window()->draftOffer()->isVisibleTo(window()));
        QTest::mouseClick(window()->draftOffer()->restoreButton(), Qt::LeftButton);
        QCOMPARE(nameEdit()->text(), kName);
        QVERIFY(dialogs.errors.isEmpty());
    }

    // The core locks the session on its own (its idle time passed) while the request dialog is open: filing is
    // refused, the dialog asks the window to lock from inside its own submit(), and neither it nor its page is
    // destroyed under it. The form was kept at the idle warning.
    void lockAskedForFromInsideADialog()
    {
        typeHalfACustomer();
        app->idleMonitor().warnNow(); // 30 s before the window's lock: the form is kept while the session can seal
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1);
        CustomerDetailWidget* detail = workspace()->openCustomer(customerNo);
        QVERIFY(detail && detail->isLoaded());
        QPointer<Workspace> before = window()->workspace();
        bool submitted = true;
        bool lockedByCore = false;
        dialogs.onExec = [&](QDialog* dialog) {
            auto* filing = qobject_cast<RequestDialog*>(dialog);
            if (!filing)
                return int(QDialog::Rejected);
            filing->setFieldChecked(QStringLiteral("mobile"), true);
            filing->purposeEdit()->setPlainText(QStringLiteral("The customer asked to confirm the mobile number."));
            lockedByCore = app->core()->auth().lock(app->session()).ok(); // as the core does after its idle time
            submitted = filing->submit(); // refused: the dialog emits lockRequested and rejects itself
            return filing->result();
        };
        QVERIFY(!detail->requestFullView());
        QVERIFY(lockedByCore);
        QVERIFY(!submitted);
        QVERIFY(app->isLocked());
        QVERIFY(!window()->workspace());
        QTRY_VERIFY(before.isNull());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM drafts")), 1);
        unlock(QStringLiteral("cm1"));
        QVERIFY(workspace());
        QVERIFY(window()->draftOffer()->isVisibleTo(window()));
    }

    // The same with a popup menu open in a page (the copy menu of the customer list, in the menu's own event loop):
    // the menu is closed, and the list is destroyed only after its code has returned.
    void idleLockWhileAMenuIsOpen()
    {
        workspace()->showPage(CustomerManagerWorkspace::CustomersPage);
        auto* view = workspace()->findChild<QTableView*>(QStringLiteral("customersTableView"));
        QVERIFY(view && view->isVisible());
        QTRY_VERIFY(view->model()->rowCount() > 0);
        QPointer<Workspace> before = window()->workspace();
        bool stuck = false;
        QTimer safety; // a menu left open ends the test instead of hanging it
        safety.setSingleShot(true);
        connect(&safety, &QTimer::timeout, this, [&stuck] {
            if (QWidget* popup = QApplication::activePopupWidget()) {
                stuck = true;
                popup->close();
            }
        });
        safety.start(5000);
        app->idleMonitor().startMilliseconds(50);
        // what a right click does; returns when the menu has closed
        emit view->customContextMenuRequested(view->visualRect(view->model()->index(0, 0)).center());
        QVERIFY(!stuck);
        QVERIFY(app->isLocked());
        QVERIFY(!QApplication::activePopupWidget());
        QTRY_VERIFY(before.isNull());
        unlock(QStringLiteral("cm1"));
        QVERIFY(workspace());
    }

    void sessionMenuActionsAreDisabledWhileLocked()
    {
        QAction* password = window()->changePasswordAction();
        QAction* factor = window()->secondFactorAction();
        QVERIFY(password->isEnabled() && factor->isEnabled());
        int opened = 0;
        dialogs.onExec = [&opened](QDialog*) {
            ++opened;
            return int(QDialog::Rejected);
        };
        app->lock();
        QVERIFY(!password->isEnabled());
        QVERIFY(!factor->isEnabled());
        password->trigger(); // nothing opens
        factor->trigger();
        app->changePassword(); // nor through the controller
        app->enrolSecondFactor();
        QCOMPARE(opened, 0);
        QVERIFY(dialogs.errors.isEmpty());
        unlock(QStringLiteral("cm1"));
        QVERIFY(password->isEnabled());
        QVERIFY(factor->isEnabled());
    }
};

QTEST_MAIN(TestSessionDrafts)
#include "tst_sessiondrafts.moc"
