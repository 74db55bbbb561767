// The customer manager's workspace and the shared customer widgets: what a customer manager sees (the own
// portfolio, masked) and does not see (other managers' customers, full values without an approval), the
// copy policy, the reveal flow with its countdown, the entry form's inline checks and saving.
#include "core/Core.h"
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/import/CustomerImport.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/customers/rules/IdNumber.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/AccountsFormPage.h"
#include "ui/customers/ComplaintListModel.h"
#include "ui/customers/ComplaintsPage.h"
#include "ui/customers/ContactFormPage.h"
#include "ui/customers/CustomerDetailWidget.h"
#include "ui/customers/CustomerFormWidget.h"
#include "ui/customers/CustomerListModel.h"
#include "ui/customers/IdentityFormPage.h"
#include "ui/customers/ImportPage.h"
#include "ui/customers/MyComplaintsPage.h"
#include "ui/customers/MyRequestsPage.h"
#include "ui/customers/PendingChangeModel.h"
#include "ui/customers/PendingChangesPage.h"
#include "ui/customers/PortfolioPage.h"
#include "ui/customers/RequestDialog.h"
#include "ui/customers/RequestListModel.h"
#include "ui/customers/ViewCopyGuard.h"
#include "ui/manager/GuardedTableView.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"

#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

namespace {

const int kCm1Seeds[] = {2, 3, 5}; // 张伟伟, 刘伟, 杨伟芳
const int kCm2Seed = 7; // 赵芳娜

// Every text a user could read in a widget tree: labels, line edits (text and placeholder), plain-text
// edits, buttons, tab titles, and every model's data behind every item view (combo boxes' lists included).
QStringList textsIn(QWidget* root)
{
    QStringList out;
    for (auto* label : root->findChildren<QLabel*>())
        out << label->text() << label->toolTip();
    for (auto* edit : root->findChildren<QLineEdit*>())
        out << edit->text() << edit->placeholderText();
    for (auto* edit : root->findChildren<QPlainTextEdit*>())
        out << edit->toPlainText();
    for (auto* button : root->findChildren<QAbstractButton*>())
        out << button->text();
    for (auto* tabs : root->findChildren<QTabWidget*>()) {
        for (int i = 0; i < tabs->count(); ++i)
            out << tabs->tabText(i) << tabs->tabToolTip(i);
    }
    for (auto* view : root->findChildren<QAbstractItemView*>()) {
        const QAbstractItemModel* model = view->model();
        if (!model)
            continue;
        std::function<void(const QModelIndex&)> walk = [&](const QModelIndex& parent) {
            for (int r = 0; r < model->rowCount(parent); ++r) {
                for (int c = 0; c < model->columnCount(parent); ++c) {
                    const QModelIndex index = model->index(r, c, parent);
                    for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole), int(Qt::AccessibleTextRole),
                             int(Qt::EditRole), int(Qt::UserRole)})
                        out << index.data(role).toString();
                    if (c == 0)
                        walk(index);
                }
            }
        };
        walk(QModelIndex());
    }
    return out;
}

// The grade-1 values of a TestData customer in full.
QStringList fullValues(int seed)
{
    const CustomerInput input = customerInput(seed);
    return {input.values.value(QString::fromLatin1(fields::Name)),
        input.values.value(QString::fromLatin1(fields::IdNumber)),
        input.values.value(QString::fromLatin1(fields::Mobile)),
        input.values.value(QString::fromLatin1(fields::Address)), input.accounts.constFirst().number};
}

// The first text containing one of the needles, or an empty string.
QString leak(const QStringList& haystack, const QStringList& needles)
{
    for (const QString& text : haystack) {
        for (const QString& needle : needles) {
            if (!needle.isEmpty() && text.contains(needle))
                return QStringLiteral("\"%1\" in \"%2\"").arg(needle, text);
        }
    }
    return QString();
}

QString maskedMobile(int seed)
{
    const QString m = mobile(seed);
    return m.left(3) + QStringLiteral("****") + m.right(4);
}

} // namespace

class TestCustomerManagerWorkspace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1, cm2;
    QHash<int, QString> numbers; // seed → customer number
    std::unique_ptr<ScriptedDialogs> dialogs;
    std::unique_ptr<ClipboardGuard> clipboard;

    QString createApproved(const Session& maker, int seed)
    {
        auto receipt = t->core->customers().entry().create(maker, customerInput(seed));
        if (!receipt.ok()) {
            qWarning("create(%d): %s", seed, qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (!t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }

    WorkspaceContext context(const Session& session)
    {
        return WorkspaceContext {*t->core, session, *dialogs, *clipboard};
    }

    void unlock(Session& session, const QString& login)
    {
        QVERIFY(t->core->auth().unlock(session, secret(t->passwordOf(login))).ok());
    }

    QStringList allFullValues() const
    {
        QStringList out;
        for (int seed : kCm1Seeds)
            out << fullValues(seed);
        out << fullValues(kCm2Seed);
        return out;
    }

    static QModelIndex rowOf(const CustomerListModel* model, const QString& number)
    {
        return model->index(model->rowOf(number), CustomerListModel::NumberColumn);
    }

private slots:
    // English with its plurals ("1 customer matches"), as the application installs it
    void initTestCase() { bv::installTranslations(QStringLiteral("en")); }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("Branch Manager"));
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("Chen Jingli"));
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager, QStringLiteral("Wang Jingli"));
        QVERIFY(m1.isValid() && cm1.isValid() && cm2.isValid());
        numbers.clear();
        for (int seed : kCm1Seeds)
            numbers.insert(seed, createApproved(cm1, seed));
        numbers.insert(kCm2Seed, createApproved(cm2, kCm2Seed));
        for (const QString& number : std::as_const(numbers))
            QVERIFY(!number.isEmpty());
        dialogs = std::make_unique<ScriptedDialogs>();
        clipboard = std::make_unique<ClipboardGuard>();
        clipboard->clear();
    }

    void cleanup()
    {
        t.reset();
        dialogs.reset();
        clipboard.reset();
    }

    // The portfolio is exactly cm1's customers, with masked names; no page of the workspace shows a full
    // value or cm2's customer.
    void portfolioShowsOwnCustomersMasked()
    {
        CustomerManagerWorkspace w(context(cm1));
        w.show();
        QCOMPARE(w.title(), QStringLiteral("My customers"));
        auto* view = w.findChild<QTableView*>(QStringLiteral("customersTableView"));
        QVERIFY(view);
        auto* model = qobject_cast<CustomerListModel*>(view->model());
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 3);
        QStringList shown;
        for (int r = 0; r < model->rowCount(); ++r)
            shown << model->index(r, CustomerListModel::NumberColumn).data().toString();
        QStringList expected {numbers.value(2), numbers.value(3), numbers.value(5)};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(shown, expected);
        QCOMPARE(model->index(model->rowOf(numbers.value(3)), CustomerListModel::NameColumn).data().toString(),
            QStringLiteral("刘*"));
        QCOMPARE(model->index(model->rowOf(numbers.value(2)), CustomerListModel::NameColumn).data().toString(),
            QStringLiteral("张*伟"));
        // tiers from the assets (seed 5: CNY 500,000, the gold threshold; seed 2: CNY 200,000)
        QCOMPARE(model->index(model->rowOf(numbers.value(5)), CustomerListModel::TierColumn).data().toString(),
            QStringLiteral("Gold"));
        QCOMPARE(model->index(model->rowOf(numbers.value(2)), CustomerListModel::TierColumn).data().toString(),
            QStringLiteral("Regular"));
        QVERIFY(view->isColumnHidden(CustomerListModel::ManagerColumn));
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("countLabel"))->text(), QStringLiteral("3 customers"));

        // every page, every text: no full value, nothing of cm2's customer
        for (int page = 0; page < CustomerManagerWorkspace::PageCount; ++page) {
            w.showPage(CustomerManagerWorkspace::Page(page));
            QCOMPARE(int(w.currentPage()), page);
            const QStringList texts = textsIn(&w);
            QVERIFY2(leak(texts, allFullValues()).isEmpty(), qPrintable(leak(texts, allFullValues())));
            QVERIFY2(
                leak(texts, {numbers.value(kCm2Seed)}).isEmpty(), qPrintable(leak(texts, {numbers.value(kCm2Seed)})));
        }
        QVERIFY(dialogs->errors.isEmpty());
    }

    void nameFilterWithinPortfolio()
    {
        CustomerManagerWorkspace w(context(cm1));
        auto* filter = w.findChild<QLineEdit*>(QStringLiteral("nameFilterLineEdit"));
        auto* model = w.portfolioPage()->model();
        QVERIFY(filter);
        filter->setText(QStringLiteral("刘")); // QTest::keyClicks types ASCII only
        QTest::keyClick(filter, Qt::Key_Return);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rows().constFirst().number, numbers.value(3));
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("countLabel"))->text(), QStringLiteral("1 customer matches"));

        // 芳 is in cm1's 杨伟芳 and in cm2's 赵芳娜: only the own one is found
        filter->setText(QStringLiteral("芳"));
        QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("filterButton")), Qt::LeftButton);
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rows().constFirst().number, numbers.value(5));
        QCOMPARE(model->rows().constFirst().maskedName, QStringLiteral("杨*芳"));

        filter->clear(); // the whole portfolio again
        QCOMPARE(model->rowCount(), 3);

        // the search was audited with the masked term
        AuditFilter f;
        f.action = QString::fromLatin1(audit::CustomerSearch);
        f.login = QStringLiteral("cm1");
        auto rows = internalsOf(*t->core).auditLog().rows(f);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 2);
        QVERIFY(!rows->constLast().details.contains(QStringLiteral("芳")));
    }

    void openingShowsMaskedGradeOneAndGradeTwo()
    {
        CustomerManagerWorkspace w(context(cm1));
        w.show();
        auto* view = w.portfolioPage()->view();
        view->setCurrentIndex(rowOf(w.portfolioPage()->model(), numbers.value(3)));
        QTest::keyClick(view, Qt::Key_Return);
        auto* tabs = w.customerTabs();
        QCOMPARE(tabs->count(), 2);
        auto* detail = qobject_cast<CustomerDetailWidget*>(tabs->currentWidget());
        QVERIFY(detail);
        QVERIFY(detail->isLoaded());
        QCOMPARE(detail->customerNumber(), numbers.value(3));
        QCOMPARE(tabs->tabText(1), numbers.value(3));

        const CustomerInput input = customerInput(3);
        auto* mobileLabel = detail->findChild<ProtectedLabel*>(QStringLiteral("mobileProtectedLabel"));
        QVERIFY(mobileLabel);
        QCOMPARE(mobileLabel->text(), maskedMobile(3));
        const QString id = input.values.value(QString::fromLatin1(fields::IdNumber));
        QCOMPARE(detail->findChild<ProtectedLabel*>(QStringLiteral("idNumberProtectedLabel"))->text(),
            id.left(6) + QString(12, QLatin1Char('*')));
        QCOMPARE(
            detail->findChild<ProtectedLabel*>(QStringLiteral("nameProtectedLabel"))->text(), QStringLiteral("刘*"));
        QCOMPARE(detail->findChild<ProtectedLabel*>(QStringLiteral("birthDateProtectedLabel"))->text(),
            QStringLiteral("****-**-**"));
        const QString card = input.accounts.constFirst().number;
        QCOMPARE(detail->findChild<ProtectedLabel*>(QStringLiteral("accountNumberProtectedLabel"))->text(),
            card.left(6) + QString(card.size() - 10, QLatin1Char('*')) + card.right(4));
        // grade 3 and grade 2
        QCOMPARE(detail->findChild<QLabel*>(QStringLiteral("customerNoValueLabel"))->text(), numbers.value(3));
        QCOMPARE(
            detail->findChild<QLabel*>(QStringLiteral("managerValueLabel"))->text(), QStringLiteral("Chen Jingli"));
        QCOMPARE(detail->findChild<QLabel*>(QStringLiteral("occupationValueLabel"))->text(), QStringLiteral("工程师"));
        QCOMPARE(detail->findChild<QLabel*>(QStringLiteral("incomeBandValueLabel"))->text(),
            QStringLiteral("CNY 100,000–300,000"));
        QStringList tabTitles;
        for (int i = 0; i < detail->tabs()->count(); ++i)
            tabTitles << detail->tabs()->tabText(i).remove(QLatin1Char('&'));
        QCOMPARE(tabTitles,
            QStringList({QStringLiteral("General"), QStringLiteral("Identity  contact"), QStringLiteral("Profile"),
                QStringLiteral("Accounts"), QStringLiteral("Service records"), QStringLiteral("Complaints"),
                QStringLiteral("Consent"), QStringLiteral("History")}));
        // the history of the new record: masked values only
        auto* history = detail->findChild<QTableWidget*>(QStringLiteral("historyTableWidget"));
        QVERIFY(history && history->rowCount() >= 5);
        const QStringList texts = textsIn(&w);
        QVERIFY2(leak(texts, allFullValues()).isEmpty(), qPrintable(leak(texts, allFullValues())));
        QVERIFY(texts.contains(maskedMobile(3)));

        // every ProtectedLabel refuses selection and context menus
        const auto labels = detail->findChildren<ProtectedLabel*>();
        QVERIFY(labels.size() >= 8);
        for (ProtectedLabel* label : labels) {
            QCOMPARE(label->textInteractionFlags(), Qt::TextInteractionFlags(Qt::NoTextInteraction));
            QCOMPARE(label->contextMenuPolicy(), Qt::NoContextMenu);
        }
        // the same customer again: its tab, not a second one; Ctrl+W-like close keeps the list
        QCOMPARE(w.openCustomer(numbers.value(3)), detail);
        QCOMPARE(tabs->count(), 2);
        w.closeCustomerTab(0);
        QCOMPARE(tabs->count(), 2);
        w.closeCustomerTab(1);
        QCOMPARE(tabs->count(), 1);
    }

    // cm1 has no way to open cm2's customer; constructing the widgets for it shows the core's refusal.
    void otherManagersCustomerUnreachable()
    {
        const QString foreign = numbers.value(kCm2Seed);
        {
            CustomerManagerWorkspace w(context(cm1));
            w.showPage(CustomerManagerWorkspace::ComplaintsPage);
            auto* combo = w.complaintsPage()->customerComboBox();
            QCOMPARE(combo->count(), 4); // "(choose)" and the three own customers
            QCOMPARE(combo->findData(foreign), -1);
            w.complaintsPage()->chooseCustomer(foreign);
            QVERIFY(!w.complaintsPage()->complaintsPage());
            for (int page = 0; page < CustomerManagerWorkspace::PageCount; ++page) {
                w.showPage(CustomerManagerWorkspace::Page(page));
                QVERIFY(!textsIn(&w).join(QLatin1Char('\n')).contains(foreign));
            }
        }
        CustomerDetailWidget detail(context(cm1), foreign);
        QVERIFY(!detail.isLoaded());
        QVERIFY2(detail.refusal().contains(QStringLiteral("not one of your customers")), qPrintable(detail.refusal()));
        auto* message = detail.findChild<QLabel*>(QStringLiteral("messageLabel"));
        QCOMPARE(message->text(), detail.refusal());
        QVERIFY(!message->isHidden());
        QVERIFY(detail.tabs()->isHidden());
        QCOMPARE(detail.tabs()->count(), 0);
        for (ProtectedLabel* label : detail.findChildren<ProtectedLabel*>())
            QVERIFY(label->text().isEmpty());
        QVERIFY(detail.revealableFields().isEmpty());
        QVERIFY(!detail.showFullValues());
        const QStringList texts = textsIn(&detail);
        QVERIFY2(leak(texts, fullValues(kCm2Seed)).isEmpty(), qPrintable(leak(texts, fullValues(kCm2Seed))));
        QVERIFY(!texts.contains(QStringLiteral("赵*娜")));

        CustomerFormWidget form(context(cm1), foreign);
        QVERIFY(!form.isLoaded());
        QVERIFY(!form.findChild<QPushButton*>(QStringLiteral("saveButton"))->isEnabled());
        QVERIFY(!form.save());
        QVERIFY(!textsIn(&form).contains(QStringLiteral("赵*娜")));

        // both refusals are in the audit log
        AuditFilter f;
        f.customerNo = foreign;
        f.login = QStringLiteral("cm1");
        auto rows = internalsOf(*t->core).auditLog().rows(f);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 2);
        for (const AuditRow& row : *rows)
            QCOMPARE(row.outcome, QStringLiteral("denied"));
    }

    void copyRowTakesGradeThreeOnly()
    {
        CustomerManagerWorkspace w(context(cm1));
        w.show();
        auto* view = w.portfolioPage()->view();
        view->setCurrentIndex(rowOf(w.portfolioPage()->model(), numbers.value(2)));
        QTest::mouseClick(w.findChild<QPushButton*>(QStringLiteral("copyRowButton")), Qt::LeftButton);
        const QString copied = QGuiApplication::clipboard()->text();
        const QString expected = QStringList {numbers.value(2), QStringLiteral("Regular"),
            view->model()->index(view->currentIndex().row(), CustomerListModel::AgeBandColumn).data().toString(),
            QStringLiteral("active")}
                                     .join(QLatin1Char('\t'));
        QCOMPARE(copied, expected);
        QVERIFY(!copied.contains(QStringLiteral("张")));
        QCOMPARE(view->contextMenuPolicy(), Qt::CustomContextMenu);

        // Ctrl+C on the view: the same, not the current cell (which could be the masked name)
        clipboard->clear();
        view->setCurrentIndex(
            w.portfolioPage()->model()->index(view->currentIndex().row(), CustomerListModel::NameColumn));
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), expected);

        // a list of grade-2 content copies nothing at all
        auto* detail = w.openCustomer(numbers.value(2));
        auto* history = detail->findChild<QTableWidget*>(QStringLiteral("historyTableWidget"));
        QVERIFY(history && history->rowCount() > 0);
        QCOMPARE(history->contextMenuPolicy(), Qt::NoContextMenu);
        QCOMPARE(history->editTriggers(), QAbstractItemView::NoEditTriggers);
        clipboard->clear();
        history->setCurrentCell(0, 4);
        QTest::keyClick(history, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    }

    // Request → approval → full value with a countdown → hidden again after the display time (60 s) → "Show
    // again" while the approval lasts (a reveal like the first) → hidden again at the end of the approval.
    void revealFlowEndToEnd()
    {
        const QString number = numbers.value(3);
        CustomerManagerWorkspace w(context(cm1));
        w.show();
        CustomerDetailWidget* detail = w.openCustomer(number);
        QVERIFY(detail && detail->isLoaded());
        detail->tabs()->setCurrentIndex(1); // Identity & contact
        auto* request = detail->findChild<QPushButton*>(QStringLiteral("requestFullViewButton"));
        auto* show = detail->findChild<QPushButton*>(QStringLiteral("showFullValuesButton"));
        auto* countdown = detail->findChild<QLabel*>(QStringLiteral("countdownLabel"));
        auto* mobileLabel = detail->findChild<ProtectedLabel*>(QStringLiteral("mobileProtectedLabel"));
        QVERIFY(request && show && countdown && mobileLabel);
        QVERIFY(request->isEnabled());
        QVERIFY(!show->isEnabled());

        QString firstMessage;
        QStringList offered;
        dialogs->onExec = [&](QDialog* dialog) {
            auto* rd = qobject_cast<RequestDialog*>(dialog);
            if (!rd)
                return int(QDialog::Rejected);
            auto* list = rd->findChild<QListWidget*>(QStringLiteral("fieldsListWidget"));
            for (int i = 0; i < list->count(); ++i)
                offered << list->item(i)->data(Qt::UserRole).toString();
            rd->setFieldChecked(QStringLiteral("mobile"), true);
            rd->submitButton()->click(); // no purpose yet: the core's message, the dialog stays
            firstMessage = rd->message();
            rd->purposeEdit()->setPlainText(
                QStringLiteral("The customer asked to confirm the mobile number on record."));
            rd->validitySpinBox()->setValue(2);
            rd->submitButton()->click();
            return rd->result();
        };
        QTest::mouseClick(request, Qt::LeftButton);
        QVERIFY2(firstMessage.contains(QStringLiteral("purpose")), qPrintable(firstMessage));
        QCOMPARE(offered,
            QStringList({QStringLiteral("name"), QStringLiteral("id_number"), QStringLiteral("birth_date"),
                QStringLiteral("mobile"), QStringLiteral("address"), QStringLiteral("account_number")}));
        QCOMPARE(dialogs->infos.size(), 1);
        auto requests = t->core->requests().list(m1, true);
        BV_VERIFY_OK(requests);
        QCOMPARE(requests->size(), 1);
        const Request filed = requests->constFirst();
        QCOMPARE(filed.fields, QStringList {QStringLiteral("mobile")});
        QCOMPARE(filed.customerNumbers, QStringList {number});
        QCOMPARE(filed.validityHours, 2);
        QVERIFY(!show->isEnabled()); // pending
        QVERIFY(
            detail->findChild<QLabel*>(QStringLiteral("grantStatusLabel"))->text().contains(QStringLiteral("Waiting")));

        // the branch manager approves; the customer manager's view learns it on refresh
        BV_VERIFY_OK(t->core->requests().approve(m1, filed.id, QStringLiteral("confirmed by phone call")));
        detail->refreshGrants();
        QVERIFY(show->isEnabled());
        QCOMPARE(mobileLabel->text(), maskedMobile(3));
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(mobileLabel->text(), mobile(3));
        QCOMPARE(detail->shownFields(), QStringList {QStringLiteral("mobile")});
        QVERIFY(countdown->isVisibleTo(detail));
        // shown for the display time (reveal.display_seconds, 60 s), well within the approval's 2 hours
        QVERIFY2(countdown->text().contains(QStringLiteral("0:01:00")), qPrintable(countdown->text()));
        QCOMPARE(detail->hiddenAt(), t->clock.nowUtc().addSecs(60));
        QVERIFY(detail->countdownTimer()->isActive());
        // only in the ProtectedLabel: nowhere else
        QStringList elsewhere = textsIn(&w);
        elsewhere.removeAll(mobile(3));
        QVERIFY(leak(elsewhere, {mobile(3)}).isEmpty());
        for (QLabel* label : w.findChildren<QLabel*>()) {
            if (label->text() == mobile(3))
                QVERIFY(qobject_cast<ProtectedLabel*>(label));
        }
        // the reveal is audited with the field, never the value
        AuditFilter f;
        f.action = QString::fromLatin1(audit::CustomerReveal);
        auto rows = internalsOf(*t->core).auditLog().rows(f);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 1);
        QVERIFY(rows->constFirst().details.contains(QStringLiteral("mobile")));
        QVERIFY(!rows->constFirst().details.contains(mobile(3)));

        // half a minute later: still shown
        t->clock.advanceSecs(30);
        detail->tickCountdown();
        QCOMPARE(mobileLabel->text(), mobile(3));
        QVERIFY2(countdown->text().contains(QStringLiteral("0:00:30")), qPrintable(countdown->text()));
        // past the display time: masked again, and "Show again" while the approval lasts
        t->clock.advanceSecs(31);
        detail->tickCountdown();
        QCOMPARE(mobileLabel->text(), maskedMobile(3));
        QVERIFY(detail->shownFields().isEmpty());
        QVERIFY(!countdown->isVisibleTo(detail));
        QVERIFY(!detail->countdownTimer()->isActive());
        QVERIFY(show->isEnabled());
        QVERIFY2(show->text().contains(QStringLiteral("again")), qPrintable(show->text()));
        QVERIFY(leak(textsIn(&w), {mobile(3)}).isEmpty());
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(mobileLabel->text(), mobile(3));
        auto again = internalsOf(*t->core).auditLog().rows(f);
        BV_VERIFY_OK(again);
        QCOMPARE(again->size(), 2); // showing again is a reveal like the first
        // the display time is a setting (10 to 600 seconds)
        QVERIFY(
            !SettingsService::validate(QString::fromLatin1(settings::RevealDisplaySeconds), QStringLiteral("9")).ok());
        QVERIFY(!SettingsService::validate(QString::fromLatin1(settings::RevealDisplaySeconds), QStringLiteral("601"))
                     .ok());
        QVERIFY(
            SettingsService::validate(QString::fromLatin1(settings::RevealDisplaySeconds), QStringLiteral("600")).ok());

        // the end of the approval comes before the display time ends: hidden then, without anyone acting
        t->clock.advanceSecs(2 * 3600 - 100);
        unlock(cm1, QStringLiteral("cm1"));
        QTest::mouseClick(show, Qt::LeftButton);
        QCOMPARE(mobileLabel->text(), mobile(3));
        QVERIFY2(countdown->text().contains(QStringLiteral("0:00:39")), qPrintable(countdown->text()));
        t->clock.advanceSecs(40);
        unlock(cm1, QStringLiteral("cm1"));
        detail->tickCountdown();
        QCOMPARE(mobileLabel->text(), maskedMobile(3));
        QVERIFY(detail->shownFields().isEmpty());
        QVERIFY(!countdown->isVisibleTo(detail));
        QVERIFY(!detail->countdownTimer()->isActive());
        QVERIFY(!show->isEnabled());
        QVERIFY(leak(textsIn(&w), {mobile(3)}).isEmpty());
        QVERIFY(dialogs->errors.isEmpty());
    }

    // A revoked approval hides the values at the next check, before its end.
    void revokedGrantHidesValues()
    {
        const QString number = numbers.value(2);
        NewRequest input;
        input.customerNumbers = {number};
        input.fields = {QStringLiteral("mobile"), QStringLiteral("account_number")};
        input.purpose = QStringLiteral("statement correction");
        input.validityHours = 24;
        auto filed = t->core->requests().create(cm1, input);
        BV_VERIFY_OK(filed);
        BV_VERIFY_OK(t->core->requests().approve(m1, filed->id, QStringLiteral("ok")));
        CustomerDetailWidget detail(context(cm1), number);
        QVERIFY(detail.showFullValues());
        QCOMPARE(detail.findChild<ProtectedLabel*>(QStringLiteral("accountNumberProtectedLabel"))->text(),
            customerInput(2).accounts.constFirst().number);
        BV_VERIFY_OK(t->core->requests().revoke(m1, filed->id, QStringLiteral("no longer needed")));
        detail.refreshGrants();
        QVERIFY(detail.shownFields().isEmpty());
        QCOMPARE(detail.findChild<ProtectedLabel*>(QStringLiteral("mobileProtectedLabel"))->text(), maskedMobile(2));
        QVERIFY(leak(textsIn(&detail), fullValues(2)).isEmpty());
    }

    // Reused by the branch manager: requests of others (which the manager's list holds) grant nothing here.
    void othersGrantsDoNotCount()
    {
        const QString number = numbers.value(3);
        NewRequest input;
        input.customerNumbers = {number};
        input.fields = {QStringLiteral("mobile")};
        input.purpose = QStringLiteral("call back");
        input.validityHours = 8;
        auto filed = t->core->requests().create(cm1, input);
        BV_VERIFY_OK(filed);
        Session m2 = t->addUser(QStringLiteral("m2"), Role::Manager, QStringLiteral("Second Manager"));
        BV_VERIFY_OK(t->core->requests().approve(m2, filed->id, QStringLiteral("ok")));
        CustomerDetailWidget managerView(context(m1), number);
        QVERIFY(managerView.isLoaded());
        QVERIFY(managerView.liveGrants().isEmpty());
        QVERIFY(!managerView.findChild<QPushButton*>(QStringLiteral("showFullValuesButton"))->isEnabled());
        QVERIFY(!managerView.showFullValues());
        CustomerDetailWidget ownView(context(cm1), number);
        QCOMPARE(ownView.liveGrants().keys(), QStringList {QStringLiteral("mobile")});
        QVERIFY(dialogs->errors.isEmpty());
    }

    void formValidatesWhileTyping()
    {
        CustomerFormWidget form(context(cm1), QString());
        form.show();
        auto* id = form.findChild<QLineEdit*>(QStringLiteral("idNumberLineEdit"));
        auto* idMessage = form.findChild<QLabel*>(QStringLiteral("idNumberMessageLabel"));
        auto* birth = form.findChild<QLineEdit*>(QStringLiteral("birthDateLineEdit"));
        auto* sex = form.findChild<QComboBox*>(QStringLiteral("sexComboBox"));
        QVERIFY(id && idMessage && birth && sex);

        const QString good = mainlandId(11, QDate(1979, 11, 23), false);
        const QChar check = good.at(17);
        const QChar wrong = check == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        QTest::keyClicks(id, good.left(17));
        QVERIFY(idMessage->text().isEmpty()); // still typing
        QTest::keyClicks(id, QString(wrong));
        QVERIFY(!idMessage->isHidden());
        QVERIFY2(idMessage->text().contains(QStringLiteral("does not add up")), qPrintable(idMessage->text()));
        QVERIFY(!idMessage->text().contains(QStringLiteral("should be")));
        QVERIFY(!idMessage->text().contains(good.left(17)));
        QVERIFY(birth->text().isEmpty());

        QTest::keyClick(id, Qt::Key_Backspace);
        QVERIFY(idMessage->text().isEmpty());
        QTest::keyClicks(id, QString(check));
        QVERIFY2(idMessage->text().isEmpty(), qPrintable(idMessage->text()));
        QCOMPARE(birth->text(), QStringLiteral("1979-11-23"));
        QCOMPARE(sex->currentData().toString(), QStringLiteral("F"));

        // a declared sex that contradicts the number is named under the sex
        sex->setCurrentIndex(sex->findData(QStringLiteral("M")));
        QVERIFY(!form.findChild<QLabel*>(QStringLiteral("sexMessageLabel"))->text().isEmpty());
        sex->setCurrentIndex(sex->findData(QStringLiteral("F")));
        QVERIFY(form.findChild<QLabel*>(QStringLiteral("sexMessageLabel"))->text().isEmpty());

        // contact fields are checked when the user leaves them
        auto* mobileEdit = form.findChild<QLineEdit*>(QStringLiteral("mobileLineEdit"));
        auto* mobileMessage = form.findChild<QLabel*>(QStringLiteral("mobileMessageLabel"));
        QTest::keyClicks(mobileEdit, QStringLiteral("1234567"));
        QVERIFY(mobileMessage->text().isEmpty());
        QTest::keyClick(mobileEdit, Qt::Key_Return); // editingFinished
        QVERIFY(!mobileMessage->isHidden());
        QVERIFY(!mobileMessage->text().isEmpty());
        QVERIFY(!mobileMessage->text().contains(QStringLiteral("1234567")));
        mobileEdit->clear();
        QTest::keyClicks(mobileEdit, mobile(11));
        QTest::keyClick(mobileEdit, Qt::Key_Return);
        QVERIFY(mobileMessage->text().isEmpty());

        auto* email = form.findChild<QLineEdit*>(QStringLiteral("emailLineEdit"));
        QTest::keyClicks(email, QStringLiteral("someone@"));
        QTest::keyClick(email, Qt::Key_Return);
        QVERIFY(!form.findChild<QLabel*>(QStringLiteral("emailMessageLabel"))->text().isEmpty());
        auto* phone = form.findChild<QLineEdit*>(QStringLiteral("otherPhoneLineEdit"));
        QTest::keyClicks(phone, QStringLiteral("010-6234567890123"));
        QTest::keyClick(phone, Qt::Key_Return);
        QVERIFY(!form.findChild<QLabel*>(QStringLiteral("otherPhoneMessageLabel"))->text().isEmpty());

        // a card number with a wrong Luhn digit
        QString card = cardNumber(11);
        card[card.size() - 1] = QChar(u'0' + (card.back().digitValue() + 1) % 10);
        auto* cardEdit = form.accountsPage()->numberEdit(0);
        QTest::keyClicks(cardEdit, card);
        QTest::keyClick(cardEdit, Qt::Key_Return);
        auto* cardMessage = form.findChild<QLabel*>(QStringLiteral("accountRowMessageLabel"));
        QVERIFY(!cardMessage->text().isEmpty());
        QVERIFY(!cardMessage->text().contains(card));

        // Save shows the core's first error under its field, on its page, focused
        QVERIFY(!form.save());
        QVERIFY(!form.message().isEmpty());
        QVERIFY(t->core->customers().entry().pending(cm1)->isEmpty());
    }

    void savingCreatesPendingRecord()
    {
        CustomerManagerWorkspace w(context(cm1));
        w.show();
        w.showPage(CustomerManagerWorkspace::NewCustomerPage);
        CustomerFormWidget* form = w.newCustomerForm();
        const int seed = 20;
        const CustomerInput input = customerInput(seed);
        auto* name = form->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
        auto* id = form->findChild<QLineEdit*>(QStringLiteral("idNumberLineEdit"));
        // first with the ID number of an existing customer: refused, named under the field, focused
        name->setText(input.values.value(QStringLiteral("name")));
        QTest::keyClicks(id, customerInput(3).values.value(QStringLiteral("id_number")));
        form->findChild<QLineEdit*>(QStringLiteral("mobileLineEdit"))
            ->setText(input.values.value(QStringLiteral("mobile")));
        form->showPage(form->contactPage());
        QTest::mouseClick(form->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
        QVERIFY2(form->message().contains(numbers.value(3)), qPrintable(form->message()));
        QVERIFY(!form->findChild<QLabel*>(QStringLiteral("idNumberMessageLabel"))->text().isEmpty());
        QCOMPARE(form->window()->focusWidget(), static_cast<QWidget*>(id));
        QVERIFY(form->identityPage()->isVisibleTo(form));
        QVERIFY(dialogs->infos.isEmpty());

        id->clear();
        QTest::keyClicks(id, input.values.value(QStringLiteral("id_number")));
        form->findChild<QLineEdit*>(QStringLiteral("addressLineEdit"))
            ->setText(input.values.value(QStringLiteral("address")));
        form->findChild<QLineEdit*>(QStringLiteral("occupationLineEdit"))->setText(QStringLiteral("教师"));
        auto* income = form->findChild<QComboBox*>(QStringLiteral("incomeBandComboBox"));
        income->setCurrentIndex(income->findData(QStringLiteral("50k_100k")));
        form->accountsPage()->numberEdit(0)->setText(input.accounts.constFirst().number);
        const CustomerInput sent = form->input();
        QCOMPARE(sent.values.value(QStringLiteral("sex")), QStringLiteral("M")); // filled from the ID number
        QVERIFY(!sent.values.value(QStringLiteral("birth_date")).isEmpty());
        QCOMPARE(sent.accounts.size(), 1);

        QVERIFY(form->save());
        QCOMPARE(dialogs->infos.size(), 1);
        QVERIFY(form->lastReceipt());
        const QString number = form->lastReceipt()->customerNumber;
        QVERIFY2(dialogs->infos.constFirst().contains(QStringLiteral("pending approval by a branch manager")),
            qPrintable(dialogs->infos.constFirst()));
        QVERIFY(dialogs->infos.constFirst().contains(number));
        // nothing typed stays in the form
        QVERIFY(name->text().isEmpty());
        QVERIFY(id->text().isEmpty());
        QVERIFY(leak(textsIn(&w), fullValues(seed)).isEmpty());

        auto pending = t->core->customers().entry().pending(cm1);
        BV_VERIFY_OK(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->constFirst().customerNumber, number);
        QCOMPARE(pending->constFirst().kind, QStringLiteral("create"));
        auto view = t->core->customers().finder().open(m1, number);
        BV_VERIFY_OK(view);
        QCOMPARE(statusKey(view->status), QStringLiteral("pending"));
        QCOMPARE(view->managerId, t->userId(QStringLiteral("cm1")));
        QCOMPARE(view->gradeTwo.value(QStringLiteral("occupation")), QStringLiteral("教师"));

        // the portfolio lists it (pending) and the pending page shows the change with masked values
        QVERIFY(w.portfolioPage()->model()->rowOf(number) >= 0);
        w.showPage(CustomerManagerWorkspace::PendingPage);
        PendingChangeModel* changes = w.pendingPage()->model();
        QAbstractItemModelTester tester(changes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(changes->rowCount(), 1);
        QCOMPARE(changes->index(0, PendingChangeModel::CustomerColumn).data().toString(), number);
        QVERIFY(w.pendingPage()->diffTable()->rowCount() >= 5);
        QVERIFY(leak(textsIn(&w), fullValues(seed)).isEmpty());
        QVERIFY(textsIn(w.pendingPage()).contains(maskedMobile(seed)));
        // the pending record opens (from the pending list) without errors, saying it waits for approval
        w.pendingPage()->view()->setCurrentIndex(changes->index(0, 0));
        QTest::mouseClick(
            w.pendingPage()->findChild<QPushButton*>(QStringLiteral("openCustomerButton")), Qt::LeftButton);
        CustomerDetailWidget* detail = w.detailOf(number);
        QVERIFY(detail && detail->isLoaded());
        QCOMPARE(w.currentPage(), CustomerManagerWorkspace::CustomersPage);
        QVERIFY(detail->findChild<QLabel*>(QStringLiteral("noticeLabel"))->text().contains(QStringLiteral("waiting")));
        QVERIFY(!detail->findChild<QPushButton*>(QStringLiteral("editButton"))->isEnabled());
        QVERIFY2(dialogs->errors.isEmpty(), qPrintable(dialogs->errors.value(0).message));
    }

    // An edit starts with empty protected fields (masked placeholders) and sends only what changed.
    void editSendsOnlyChangedFields()
    {
        const QString number = numbers.value(5);
        CustomerManagerWorkspace w(context(cm1));
        CustomerDetailWidget* detail = w.openCustomer(number);
        QTest::mouseClick(detail->findChild<QPushButton*>(QStringLiteral("editButton")), Qt::LeftButton);
        auto* form = qobject_cast<CustomerFormWidget*>(w.customerTabs()->currentWidget());
        QVERIFY(form && form->isEdit() && form->isLoaded());
        auto* name = form->findChild<QLineEdit*>(QStringLiteral("nameLineEdit"));
        auto* mobileEdit = form->findChild<QLineEdit*>(QStringLiteral("mobileLineEdit"));
        QVERIFY(name->text().isEmpty());
        QCOMPARE(name->placeholderText(), QStringLiteral("杨*芳"));
        QVERIFY(mobileEdit->text().isEmpty());
        QCOMPARE(mobileEdit->placeholderText(), maskedMobile(5));
        QCOMPARE(form->accountsPage()->numberEdit(0)->placeholderText().right(4),
            customerInput(5).accounts.constFirst().number.right(4));
        QCOMPARE(form->findChild<QLineEdit*>(QStringLiteral("occupationLineEdit"))->text(), QStringLiteral("工程师"));
        QVERIFY(leak(textsIn(form), fullValues(5)).isEmpty());

        // nothing changed: nothing sent
        QVERIFY(!form->save());
        QVERIFY(form->message().contains(QStringLiteral("Nothing was changed")));

        QTest::keyClicks(mobileEdit, mobile(55));
        const CustomerInput sent = form->input();
        QCOMPARE(sent.values.keys(), QStringList {QStringLiteral("mobile")});
        QVERIFY(sent.accounts.isEmpty());
        QVERIFY(!sent.restricted.has_value());
        QVERIFY(form->save());
        QCOMPARE(w.customerTabs()->indexOf(form), -1); // the form tab closed, the detail shows the pending change
        QCOMPARE(w.customerTabs()->currentWidget(), detail);
        QVERIFY(!detail->findChild<QLabel*>(QStringLiteral("noticeLabel"))->isHidden());
        auto pending = t->core->customers().entry().pending(cm1);
        BV_VERIFY_OK(pending);
        QCOMPARE(pending->size(), 1);
        QCOMPARE(pending->constFirst().kind, QStringLiteral("edit"));
        QCOMPARE(pending->constFirst().diff.size(), 1);
        QCOMPARE(pending->constFirst().diff.constFirst().field, QStringLiteral("mobile"));
        QCOMPARE(pending->constFirst().diff.constFirst().oldMasked, maskedMobile(5));
        QCOMPARE(pending->constFirst().diff.constFirst().newMasked, maskedMobile(55));
        QVERIFY(!detail->findChild<QPushButton*>(QStringLiteral("editButton"))->isEnabled());
    }

    void requestsPageWithdraws()
    {
        NewRequest input;
        input.customerNumbers = {numbers.value(2)};
        input.fields = {QStringLiteral("id_number")};
        input.purpose = QStringLiteral("account opening check");
        input.validityHours = 4;
        auto filed = t->core->requests().create(cm1, input);
        BV_VERIFY_OK(filed);
        auto other = t->core->requests().create(cm2,
            NewRequest {RequestType::Reveal, {numbers.value(kCm2Seed)}, {QStringLiteral("mobile")}, QString(),
                QStringLiteral("call back"), 4});
        BV_VERIFY_OK(other);

        CustomerManagerWorkspace w(context(cm1));
        w.showPage(CustomerManagerWorkspace::RequestsPage);
        RequestListModel* model = w.requestsPage()->model();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 1); // own requests only
        QCOMPARE(model->index(0, RequestListModel::CustomersColumn).data().toString(), numbers.value(2));
        QCOMPARE(model->index(0, RequestListModel::FieldsColumn).data().toString(), QStringLiteral("ID number"));
        QCOMPARE(model->index(0, RequestListModel::StatusColumn).data().toString(), QStringLiteral("pending"));
        QCOMPARE(model->index(0, RequestListModel::ValidityColumn).data().toString(), QStringLiteral("4 hours asked"));
        auto* withdraw = w.findChild<QPushButton*>(QStringLiteral("withdrawButton"));
        QVERIFY(withdraw->isEnabled());
        dialogs->confirms = {false};
        QVERIFY(!w.requestsPage()->withdrawCurrent());
        dialogs->confirms = {true};
        QTest::mouseClick(withdraw, Qt::LeftButton);
        QCOMPARE(model->index(0, RequestListModel::StatusColumn).data().toString(), QStringLiteral("withdrawn"));
        QVERIFY(!withdraw->isEnabled());
        auto mine = t->core->requests().get(cm1, filed->id);
        BV_VERIFY_OK(mine);
        QCOMPARE(mine->status, RequestStatus::Withdrawn);
    }

    void complaintsPageRecordsAndListsOverdue()
    {
        CustomerManagerWorkspace w(context(cm1));
        w.showPage(CustomerManagerWorkspace::ComplaintsPage);
        MyComplaintsPage* page = w.complaintsPage();
        QCOMPARE(page->overdueModel()->rowCount(), 0);
        page->chooseCustomer(numbers.value(3));
        ComplaintsPage* complaints = page->complaintsPage();
        QVERIFY(complaints);
        QCOMPARE(complaints->customerNumber(), numbers.value(3));
        auto* content = complaints->findChild<QPlainTextEdit*>(QStringLiteral("complaintContentPlainTextEdit"));
        auto* received = complaints->findChild<QDateTimeEdit*>(QStringLiteral("receivedDateTimeEdit"));
        QVERIFY(content && received);
        // branch time (UTC+8) of the mock clock, 09:00 UTC
        QCOMPARE(received->dateTime().time(), QTime(17, 0));
        // a PIN in the text is refused by the core, named under the form
        content->setPlainText(QStringLiteral("客户说密码123456被盗"));
        QVERIFY(!complaints->addComplaint());
        QVERIFY(!complaints->findChild<QLabel*>(QStringLiteral("complaintMessageLabel"))->text().isEmpty());
        content->setPlainText(QStringLiteral("ATM 吞卡后未及时处理"));
        QTest::mouseClick(complaints->findChild<QPushButton*>(QStringLiteral("addComplaintButton")), Qt::LeftButton);
        QCOMPARE(dialogs->infos.size(), 1);
        QCOMPARE(complaints->model()->rowCount(), 1);
        QAbstractItemModelTester tester(complaints->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // a week later, nothing done: overdue
        t->clock.advanceDays(7);
        unlock(cm1, QStringLiteral("cm1"));
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("refreshButton")), Qt::LeftButton);
        QCOMPARE(page->overdueModel()->rowCount(), 1);
        QVERIFY(page->overdueModel()
                    ->index(0, ComplaintListModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(QStringLiteral("overdue")));
        // investigating, then answered (the resolution asked through the dialog seam)
        auto* view = complaints->findChild<QTableView*>(QStringLiteral("complaintsTableView"));
        view->setCurrentIndex(complaints->model()->index(0, 0));
        QVERIFY(complaints->markInvestigating());
        view->setCurrentIndex(complaints->model()->index(0, 0));
        dialogs->texts = {QStringLiteral("卡已退还并致歉")};
        QVERIFY(complaints->answer());
        QCOMPARE(statusKey(complaints->model()->complaints().constFirst().status), QStringLiteral("answered"));
        QCOMPARE(page->overdueModel()->rowCount(), 0);
        QVERIFY(dialogs->errors.isEmpty());
    }

    // Numbers that look like an ID, mobile or card number in free text: a warning with the choice to mask them
    // (only the masked form is saved) or to go back (nothing saved, the reason shown under the form).
    void freeTextWithNumbersWarnsAndMasks()
    {
        CustomerManagerWorkspace w(context(cm1));
        w.showPage(CustomerManagerWorkspace::ComplaintsPage);
        MyComplaintsPage* page = w.complaintsPage();
        page->chooseCustomer(numbers.value(3));
        ComplaintsPage* complaints = page->complaintsPage();
        QVERIFY(complaints);
        auto* content = complaints->findChild<QPlainTextEdit*>(QStringLiteral("complaintContentPlainTextEdit"));
        auto* message = complaints->findChild<QLabel*>(QStringLiteral("complaintMessageLabel"));
        QVERIFY(content && message);
        const QString typed = QStringLiteral("客户来电13812345678称卡被盗刷");
        // go back: nothing saved, the warning named what was found and where, never the number
        content->setPlainText(typed);
        dialogs->confirms = {false};
        QVERIFY(!complaints->addComplaint());
        QCOMPARE(complaints->model()->rowCount(), 0);
        QVERIFY(!dialogs->askedTexts.isEmpty());
        QVERIFY2(dialogs->askedTexts.constLast().contains(QStringLiteral("mobile number at character 5")),
            qPrintable(dialogs->askedTexts.constLast()));
        QVERIFY(dialogs->askedTexts.constLast().contains(QStringLiteral("138****5678")));
        QVERIFY(!dialogs->askedTexts.constLast().contains(QStringLiteral("13812345678")));
        QVERIFY(message->text().contains(QStringLiteral("mobile number")));
        QCOMPARE(content->toPlainText(), typed); // still there to edit
        // mask: saved with the masked form only
        dialogs->confirms = {true};
        QVERIFY(complaints->addComplaint());
        QCOMPARE(complaints->model()->rowCount(), 1);
        QCOMPARE(
            complaints->model()->complaints().constFirst().content, QStringLiteral("客户来电138****5678称卡被盗刷"));
        QVERIFY(dialogs->errors.isEmpty());
    }

    // An idle-locked session makes the workspace ask for the lock, without an error dialog.
    // Batch entry: the template is saved, a file with two good rows and one refused row gives the counts
    // and the refused row's line, column and reason (never its values), and a report file.
    void importPageImportsAndListsRefusedRows()
    {
        CustomerManagerWorkspace w(context(cm1));
        w.showPage(CustomerManagerWorkspace::ImportCustomersPage);
        ImportPage* page = w.importPage();
        QVERIFY(page->isVisibleTo(&w));

        const QString templatePath = t->dir.file(QStringLiteral("template.csv"));
        dialogs->saveNames << templatePath;
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("saveTemplateButton")), Qt::LeftButton);
        QFile templateFile(templatePath);
        QVERIFY(templateFile.open(QIODevice::ReadOnly));
        QVERIFY(templateFile.readAll().contains("ID number"));

        auto row = [](int seed, const QString& mobile) {
            return QStringLiteral("%1,mainland_id,%2,,,,%3,,,,,,,,,,,,,,,\n")
                .arg(chineseName(seed), mainlandId(seed), mobile);
        };
        QString csv = QString::fromUtf8(CustomerImport::templateCsv());
        csv += row(9101, test::mobile(9101));
        csv += row(9102, QStringLiteral("12345")); // line 3: a mobile that is not one
        csv += row(9103, test::mobile(9103));
        const QString csvPath = t->dir.file(QStringLiteral("batch.csv"));
        QFile file(csvPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(csv.toUtf8());
        file.close();
        const QString reportPath = t->dir.file(QStringLiteral("batch-report.csv"));
        dialogs->openNames << csvPath;
        dialogs->saveNames << reportPath;
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
        QVERIFY2(dialogs->errors.isEmpty(),
            dialogs->errors.isEmpty() ? "" : qPrintable(dialogs->errors.constFirst().fullText()));
        const QString summary = page->summaryLabel()->text();
        QVERIFY2(summary.contains(QStringLiteral("3 rows read")) && summary.contains(QStringLiteral("2 accepted"))
                && summary.contains(QStringLiteral("1 refused")),
            qPrintable(summary));
        QAbstractItemModel* problems = page->problemsTable()->model();
        QCOMPARE(problems->rowCount(), 1);
        QCOMPARE(problems->index(0, 0).data().toString(), QStringLiteral("3"));
        QCOMPARE(problems->index(0, 1).data().toString(), QStringLiteral("G"));
        QVERIFY(!problems->index(0, 2).data().toString().contains(QStringLiteral("12345")));
        QVERIFY(!problems->index(0, 2).data().toString().contains(chineseName(9102)));
        QVERIFY(QFileInfo::exists(reportPath));
        auto pending = t->core->customers().entry().pending(cm1);
        BV_VERIFY_OK(pending);
        QCOMPARE(pending->size(), 2);
        QVERIFY(!page->findChild<QProgressBar*>(QStringLiteral("importProgressBar"))->isVisible());
        w.resize(1100, 720);
        QVERIFY(!screenshot(&w, QStringLiteral("customer_manager-import"), QStringLiteral("en")).isEmpty());
    }

    void lockedSessionRequestsLock()
    {
        CustomerManagerWorkspace w(context(cm1));
        QSignalSpy locks(&w, &Workspace::lockRequested);
        CustomerDetailWidget* detail = w.openCustomer(numbers.value(2));
        t->clock.advanceSecs(6 * 60);
        QTest::mouseClick(w.portfolioPage()->findChild<QPushButton*>(QStringLiteral("refreshButton")), Qt::LeftButton);
        QCOMPARE(locks.size(), 1);
        detail->reload();
        QCOMPARE(locks.size(), 2);
        QVERIFY(!detail->isLoaded());
        QVERIFY(dialogs->errors.isEmpty());
    }

    void modelsPassTheTester()
    {
        CustomerListModel customers;
        QAbstractItemModelTester t1(&customers, QAbstractItemModelTester::FailureReportingMode::QtTest);
        CustomerListRow row;
        row.number = QStringLiteral("0001000001");
        row.maskedName = QStringLiteral("张*");
        row.tier = QStringLiteral("gold");
        row.ageBand = QStringLiteral("30_39");
        row.status = CustomerStatus::Active;
        row.restricted = true;
        customers.setRows({row});
        customers.appendRows({row});
        QCOMPARE(customers.rowCount(), 2);
        QCOMPARE(customers.customerFromIndex(customers.index(1, 0))->number, row.number);
        QVERIFY(!customers.customerFromIndex(QModelIndex()));
        QCOMPARE(customers.index(0, CustomerListModel::AgeBandColumn).data().toString(), QStringLiteral("30–39"));
        QCOMPARE(customers.index(0, CustomerListModel::StatusColumn).data().toString(),
            QStringLiteral("active, restricted"));
        QVERIFY(!CustomerListModel::gradeThreeColumns().contains(CustomerListModel::NameColumn));

        RequestListModel requests;
        QAbstractItemModelTester t2(&requests, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Request r;
        r.id = 7;
        r.status = RequestStatus::Approved;
        r.fields = {QStringLiteral("mobile"), QStringLiteral("account_number")};
        r.validUntil = QDateTime(QDate(2026, 3, 2), QTime(11, 0), Qt::UTC);
        requests.setRequests({r});
        QCOMPARE(requests.requestFromIndex(requests.index(0, 0))->id, 7);
        QCOMPARE(requests.index(0, RequestListModel::FieldsColumn).data().toString(),
            QStringLiteral("Mobile, Account / card number"));
        QCOMPARE(requests.index(0, RequestListModel::ValidityColumn).data().toString(),
            QStringLiteral("until 2026-03-02 19:00"));
        QVERIFY(!RequestListModel::copyableColumns().contains(RequestListModel::PurposeColumn));

        ComplaintListModel complaints;
        QAbstractItemModelTester t3(&complaints, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Complaint c;
        c.id = 3;
        c.status = ComplaintStatus::Open;
        c.overdue = true;
        complaints.setComplaints({c, c});
        QCOMPARE(complaints.complaintFromIndex(complaints.index(1, 0))->id, 3);
        QVERIFY(!ComplaintListModel::copyableColumns().contains(ComplaintListModel::ContentColumn));

        PendingChangeModel changes;
        QAbstractItemModelTester t4(&changes, QAbstractItemModelTester::FailureReportingMode::QtTest);
        PendingChange p;
        p.id = 9;
        p.diff = {FieldDiff {QStringLiteral("mobile"), QString(), QStringLiteral("138****0000")}};
        changes.setChanges({p});
        QCOMPARE(changes.changeFromIndex(changes.index(0, 0))->id, 9);
        QCOMPARE(changes.index(0, PendingChangeModel::FieldsColumn).data().toString(), QStringLiteral("Mobile"));
    }

    void screenshots()
    {
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            bv::installTranslations(language);
            {
                CustomerManagerWorkspace w(context(cm1));
                w.resize(1100, 720);
                w.show();
                auto shot = [&](const QString& name) {
                    QCoreApplication::processEvents(); // lay out at the final size before grabbing
                    return screenshot(&w, QStringLiteral("customer_manager-") + name, language);
                };
                QVERIFY(!shot(QStringLiteral("portfolio")).isEmpty());
                w.showPage(CustomerManagerWorkspace::Home);
                QVERIFY(!shot(QStringLiteral("home")).isEmpty());
                CustomerDetailWidget* detail = w.openCustomer(numbers.value(3));
                detail->tabs()->setCurrentIndex(1);
                QVERIFY(!shot(QStringLiteral("detail")).isEmpty());
                w.showPage(CustomerManagerWorkspace::NewCustomerPage);
                QVERIFY(!shot(QStringLiteral("form")).isEmpty());
                w.showPage(CustomerManagerWorkspace::RequestsPage);
                QVERIFY(!shot(QStringLiteral("requests")).isEmpty());
                if (language == QLatin1String("zh_CN")) {
                    // field labels come from the catalogue in Chinese
                    QVERIFY(textsIn(&w).join(QLatin1Char('\n')).contains(QStringLiteral("证件号码")));
                }
            }
        }
        bv::installTranslations(QStringLiteral("en"));
        QVERIFY(QFile::exists(qEnvironmentVariable("BV_BINARY_DIR", QDir::tempPath())
            + QStringLiteral("/screenshots/zh_CN/customer_manager-form.png")));
    }
};

QTEST_MAIN(TestCustomerManagerWorkspace)
#include "tst_customermanagerworkspace.moc"
