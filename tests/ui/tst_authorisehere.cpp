// On-the-spot authorisation (现场授权) through the widgets: the customer manager's pending change and special
// request, and the administrator's waiting account, decided by a branch manager who signs in inside the
// "Authorise here" dialog — approved and rejected without touching the operator's session, the operator
// themself refused; and the blind re-key (match and mismatch) in that dialog and in the manager's own panel.
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/policy/ValueLabels.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/admin/AccountsModel.h"
#include "ui/admin/AccountsPage.h"
#include "ui/auth/AuthoriseHereDialog.h"
#include "ui/auth/OnTheSpot.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/RekeyFieldsWidget.h"
#include "ui/customers/CustomerDetailWidget.h"
#include "ui/customers/CustomerLabels.h"
#include "ui/customers/MyRequestsPage.h"
#include "ui/customers/PendingChangeModel.h"
#include "ui/customers/PendingChangesPage.h"
#include "ui/customers/RequestDialog.h"
#include "ui/customers/RequestListModel.h"
#include "ui/manager/ChangeApprovalsPanel.h"
#include "ui/manager/RekeyApprovalDialog.h"

#include <QFileInfo>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

namespace {
const QString kId = QString::fromLatin1(fields::IdNumber);
} // namespace

class TestAuthoriseHere : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    std::unique_ptr<ScriptedDialogs> dialogs;
    std::unique_ptr<ClipboardGuard> clipboard;
    Session cm1;
    CustomerInput input;
    qint64 changeId = 0;
    QString customerNo;

    WorkspaceContext context(const Session& session)
    {
        return WorkspaceContext {*t->core, session, *dialogs, *clipboard};
    }

    // Fills the on-the-spot dialog as the authorising person would and clicks Approve or Reject.
    static void fill(AuthoriseHereDialog* dialog, const QString& login, const QString& password, const QString& reason,
        const QStringList& rekeyed = {})
    {
        dialog->loginEdit()->setText(login);
        dialog->passwordEdit()->setText(password);
        dialog->reasonEdit()->setPlainText(reason);
        const QList<QLineEdit*> edits = dialog->rekeyWidget()->edits();
        for (int i = 0; i < edits.size() && i < rekeyed.size(); ++i)
            edits.at(i)->setText(rekeyed.at(i));
    }

    int auditRows(const char* action, const QString& login = QString())
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.login = login;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? int(rows->size()) : -1;
    }

    bool stillPending(qint64 id) { return t->core->customers().entry().change(cm1, id).ok(); }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        dialogs = std::make_unique<ScriptedDialogs>();
        clipboard = std::make_unique<ClipboardGuard>();
        const Session m1 = t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("Branch Manager"));
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("Chen Jingli"));
        QVERIFY(m1.isValid() && cm1.isValid());
        QVERIFY(t->core->auth().signOut(m1).ok()); // the manager is not signed in at this workstation
        QVERIFY(t->core->settings().set(t->admin, QString::fromLatin1(settings::RekeyFields), kId).ok());
        input = customerInput(21);
        auto receipt = t->core->customers().entry().create(cm1, input);
        QVERIFY(receipt.ok());
        changeId = receipt->changeId;
        customerNo = receipt->customerNumber;
    }
    void cleanup()
    {
        dialogs.reset();
        clipboard.reset();
        t.reset();
    }

    void approvesAChangeWithoutTouchingTheOperatorsSession()
    {
        PendingChangesPage page(context(cm1));
        page.reload();
        const int sessions = t->core->auth().activeSessions();
        QString heading;
        QString subject;
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            heading = dialog->findChild<QLabel*>(QStringLiteral("headingLabel"))->text();
            subject = dialog->findChild<QLabel*>(QStringLiteral("subjectLabel"))->text();
            // what is approved is shown masked: never the full ID number
            if (!containing(visibleTexts(dialog), input.values.value(kId)).isEmpty())
                return int(QDialog::Rejected);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")),
                QStringLiteral("checked against the ID card"), {input.values.value(kId)});
            dialog->approveButton()->click();
            return dialog->result();
        };
        const std::optional<bool> decided = page.authoriseHere();
        QVERIFY(decided.has_value());
        QVERIFY(*decided);
        QVERIFY(heading.contains(QString::number(changeId)));
        // the ID type is named by its label, not by its stored code
        QVERIFY(subject.contains(ValueLabels::idType(input.values.value(QString::fromLatin1(fields::IdType)))));
        QVERIFY(!subject.contains(input.values.value(QString::fromLatin1(fields::IdType))));
        QVERIFY(!stillPending(changeId));
        QCOMPARE(page.model()->rowCount(), 0);
        // the manager was signed out again; the customer manager goes on as before
        QCOMPARE(t->core->auth().activeSessions(), sessions);
        QVERIFY(!t->core->auth().isLocked(cm1));
        BV_VERIFY_OK(t->core->customers().entry().pending(cm1));
        QCOMPARE(auditRows(audit::CustomerApprove, QStringLiteral("m1")), 1);
    }

    void rejectsAChange()
    {
        PendingChangesPage page(context(cm1));
        page.reload();
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")),
                QStringLiteral("the address is wrong"));
            dialog->rejectButton()->click();
            return dialog->result();
        };
        const std::optional<bool> decided = page.authoriseHere();
        QVERIFY(decided.has_value());
        QVERIFY(!*decided);
        QCOMPARE(auditRows(audit::CustomerReject, QStringLiteral("m1")), 1);
        QVERIFY(!stillPending(changeId));
        QVERIFY(!t->core->auth().isLocked(cm1));
    }

    void refusesTheOperatorThemself()
    {
        PendingChangesPage page(context(cm1));
        page.reload();
        QString error;
        QString password;
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            fill(dialog, QStringLiteral("cm1"), t->passwordOf(QStringLiteral("cm1")), QStringLiteral("looks fine"),
                {input.values.value(kId)});
            dialog->approveButton()->click();
            error = dialog->errorText();
            password = dialog->passwordEdit()->text();
            return dialog->result(); // still open: the operator gives up
        };
        QVERIFY(!page.authoriseHere().has_value());
        QVERIFY(!error.isEmpty());
        QVERIFY(password.isEmpty()); // wiped after the attempt
        QVERIFY(stillPending(changeId));
        QCOMPARE(auditRows(audit::CustomerApprove), 0);
        QVERIFY(!t->core->auth().isLocked(cm1));
    }

    void reKeyMismatchIsShownByFieldAndRetried()
    {
        PendingChangesPage page(context(cm1));
        page.reload();
        QString typo = input.values.value(kId);
        typo[7] = typo[7] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        QString firstError;
        bool marked = false;
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), QStringLiteral("checked"), {typo});
            dialog->approveButton()->click();
            firstError = dialog->errorText();
            marked = dialog->findChild<QLabel*>(QStringLiteral("rekey0MismatchLabel"))->isVisibleTo(dialog);
            if (dialog->result() == QDialog::Accepted)
                return int(QDialog::Accepted);
            // the stored value is never shown; the authorising person types again from the document
            if (!containing(visibleTexts(dialog), input.values.value(kId)).isEmpty())
                return int(QDialog::Rejected);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), QStringLiteral("checked"),
                {input.values.value(kId)});
            dialog->approveButton()->click();
            return dialog->result();
        };
        const std::optional<bool> decided = page.authoriseHere();
        QVERIFY(!firstError.isEmpty());
        QVERIFY(firstError.contains(FieldCatalogue::label(kId)));
        QVERIFY(marked);
        QVERIFY(decided.has_value() && *decided);
        QCOMPARE(auditRows(audit::CustomerRekeyMismatch, QStringLiteral("m1")), 1);
        QVERIFY(!stillPending(changeId));
    }

    void managersPanelAsksForTheReKey()
    {
        auto m1 = t->signIn(QStringLiteral("m1"));
        BV_VERIFY_OK(m1);
        ChangeApprovalsPanel panel(context(*m1));
        panel.reload();
        QCOMPARE(panel.pendingCount(), 1);
        QString typo = input.values.value(kId);
        typo[9] = typo[9] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        QString mismatch;
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<RekeyApprovalDialog*>(d);
            if (!dialog || dialog->rekeyWidget()->edits().size() != 1)
                return int(QDialog::Rejected);
            dialog->rekeyWidget()->edits().constFirst()->setText(typo);
            dialog->reasonEdit()->setPlainText(QStringLiteral("checked against the ID card"));
            dialog->approveButton()->click();
            mismatch = dialog->errorText();
            if (dialog->result() == QDialog::Accepted)
                return int(QDialog::Accepted);
            dialog->rekeyWidget()->edits().constFirst()->setText(input.values.value(kId));
            dialog->approveButton()->click();
            return dialog->result();
        };
        child<QPushButton>(&panel, "approveButton")->click();
        QVERIFY(!mismatch.isEmpty());
        QVERIFY(!mismatch.contains(input.values.value(kId)));
        QCOMPARE(panel.pendingCount(), 0);
        QVERIFY(!stillPending(changeId));
        QCOMPARE(auditRows(audit::CustomerRekeyMismatch), 1);
    }

    void decidesARequestOnTheSpot()
    {
        auto approved = t->core->customers().entry().approve(t->signIn(QStringLiteral("m1")).value(), changeId,
            QStringLiteral("checked"), {{kId, {input.values.value(kId)}}});
        BV_VERIFY_OK(approved);
        NewRequest request;
        request.type = RequestType::Reveal;
        request.customerNumbers = {customerNo};
        request.fields = {QString::fromLatin1(fields::Mobile)};
        request.purpose = QStringLiteral("the customer asks to confirm the mobile on file");
        auto filed = t->core->requests().create(cm1, request);
        BV_VERIFY_OK(filed);

        MyRequestsPage page(context(cm1));
        page.reload();
        QString subject;
        bool noRekey = false;
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            subject = dialog->findChild<QLabel*>(QStringLiteral("subjectLabel"))->text();
            noRekey = dialog->rekeyWidget()->isEmpty();
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")),
                QStringLiteral("confirmed by phone"));
            dialog->approveButton()->click();
            return dialog->result();
        };
        const std::optional<bool> decided = page.authoriseHere();
        QVERIFY(decided.has_value() && *decided);
        QVERIFY(noRekey);
        QVERIFY(subject.contains(request.purpose)); // the maker's purpose, as the operator sees it
        auto after = t->core->requests().get(cm1, filed->id);
        BV_VERIFY_OK(after);
        QVERIFY(after->status == RequestStatus::Approved);
        QCOMPARE(after->decidedByLogin, QStringLiteral("m1"));
        QVERIFY(!t->core->auth().isLocked(cm1));
    }

    void screenshots()
    {
        auto change = t->core->customers().entry().change(cm1, changeId);
        BV_VERIFY_OK(change);
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            installTranslations(language);
            QString file;
            dialogs->onExec = [&](QDialog* d) {
                d->show();
                QCoreApplication::processEvents();
                file = screenshot(d, QStringLiteral("authorise-here"), language);
                return int(QDialog::Rejected);
            };
            QVERIFY(!OnTheSpot::decideChange(context(cm1), nullptr, *change).has_value());
            QVERIFY2(QFileInfo(file).size() > 0, qPrintable(file));
        }
        installTranslations(QStringLiteral("en"));
    }

    void revealRoundTripAtOnePc()
    {
        auto m1 = t->signIn(QStringLiteral("m1"));
        BV_VERIFY_OK(m1);
        BV_VERIFY_OK(t->core->customers().entry().approve(
            *m1, changeId, QStringLiteral("checked"), {{kId, {input.values.value(kId)}}}));
        BV_VERIFY_OK(t->core->auth().signOut(*m1));
        CustomerDetailWidget detail(context(cm1), customerNo);
        QVERIFY(detail.isLoaded());
        dialogs->onExec = [&](QDialog* d) {
            if (auto* request = qobject_cast<RequestDialog*>(d)) {
                request->setFieldChecked(QString::fromLatin1(fields::Mobile), true);
                request->purposeEdit()->setPlainText(QStringLiteral("The customer asked to confirm the mobile."));
                request->submitAndAuthoriseHereButton()->click();
                return request->result();
            }
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            if (!dialog)
                return int(QDialog::Rejected);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), QStringLiteral("customer present"));
            dialog->approveButton()->click();
            return dialog->result();
        };
        QVERIFY(detail.requestFullView());
        // approved on the spot: the grant is live for the customer manager, who never signed out
        QVERIFY(detail.liveGrants().contains(QString::fromLatin1(fields::Mobile)));
        QVERIFY(dialogs->infos.isEmpty());
        QVERIFY(!t->core->auth().isLocked(cm1));
    }

    void administratorsScreenConfirmsARoleChangeAndAResetInPerson()
    {
        Session cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        QVERIFY(cm2.isValid());
        BV_VERIFY_OK(t->core->accounts().changeRole(t->admin, QStringLiteral("cm2"), Role::Clerk));
        const int confirmationsBefore = auditRows(audit::UserConfirm, QStringLiteral("m1")); // addUser's
        AccountsPage page(context(t->admin));
        page.refresh();
        page.view()->selectRow(page.model()->indexOfLogin(QStringLiteral("cm2")).row());
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), QString());
            dialog->approveButton()->click();
            return dialog->result();
        };
        page.authoriseHere();
        auto clerk = t->signIn(QStringLiteral("cm2"));
        BV_VERIFY_OK(clerk); // confirmed by the branch manager on the administrator's screen
        QVERIFY(clerk->info().role == Role::Clerk);
        QCOMPARE(auditRows(audit::UserConfirm, QStringLiteral("m1")), confirmationsBefore + 1);

        // a reset's confirmation code must not appear on the administrator's screen: the owner, present, types their
        // own new password in the same dialog and no code is made
        BV_VERIFY_OK(t->core->accounts().resetPassword(t->admin, QStringLiteral("cm2")));
        page.refresh();
        page.view()->selectRow(page.model()->indexOfLogin(QStringLiteral("cm2")).row());
        const QString ownerPassword = QStringLiteral("Owner-chose-1");
        QString mismatch;
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            if (!dialog || !dialog->ownerPasswordEdit() || !dialog->approveButton()->isEnabled())
                return int(QDialog::Rejected);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), QString());
            dialog->ownerPasswordEdit()->setText(ownerPassword);
            dialog->ownerRepeatEdit()->setText(ownerPassword + QStringLiteral("x"));
            dialog->approveButton()->click(); // the two differ: said, nothing sent
            mismatch = dialog->errorText();
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), QString());
            dialog->ownerPasswordEdit()->setText(ownerPassword);
            dialog->ownerRepeatEdit()->setText(ownerPassword);
            dialog->approveButton()->click();
            return dialog->result();
        };
        page.authoriseHere();
        QVERIFY2(mismatch.contains(QStringLiteral("differ")), qPrintable(mismatch));
        QCOMPARE(auditRows(audit::UserConfirm, QStringLiteral("m1")), confirmationsBefore + 2);
        BV_VERIFY_OK(t->core->auth().signIn(QStringLiteral("cm2"), secret(ownerPassword)));

        // declining is still offered on the spot
        BV_VERIFY_OK(t->core->accounts().resetPassword(t->admin, QStringLiteral("cm2")));
        page.refresh();
        page.view()->selectRow(page.model()->indexOfLogin(QStringLiteral("cm2")).row());
        dialogs->onExec = [&](QDialog* d) {
            auto* dialog = qobject_cast<AuthoriseHereDialog*>(d);
            fill(dialog, QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), QStringLiteral("not requested"));
            dialog->rejectButton()->click();
            return dialog->result();
        };
        page.authoriseHere();
        QCOMPARE(auditRows(audit::UserDecline, QStringLiteral("m1")), 1);
        BV_VERIFY_OK(t->core->accounts().list(t->admin)); // the administrator's session goes on
    }
};

QTEST_MAIN(TestAuthoriseHere)
#include "tst_authorisehere.moc"
