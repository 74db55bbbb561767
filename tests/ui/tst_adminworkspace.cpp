// The system administrator's workspace: accounts (create through the dialog, freeze/unfreeze, reset with
// a one-time password shown once, change role), settings refused below their floors with the core's
// message, backup / key rotation / verification, restore asked for, and counts only — no customer data,
// not even masked names, anywhere in the workspace.
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/Totp.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/MaskSettings.h"
#include "core/policy/SettingsService.h"
#include "core/vault/Vault.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/admin/AccountsModel.h"
#include "ui/admin/AccountsPage.h"
#include "ui/admin/ChangeRoleDialog.h"
#include "ui/admin/NewAccountDialog.h"
#include "ui/admin/OneTimePasswordDialog.h"
#include "ui/admin/SettingsModel.h"
#include "ui/admin/SettingsPage.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/ViewCopyGuard.h"
#include "ui/workspaces/AdminWorkspace.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestAdminWorkspace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1;
    ScriptedDialogs dialogs;
    ClipboardGuard clipboard;
    QStringList customerNumbers;
    QStringList customerValues; // full and masked grade-1 values of the customers in the database

    std::unique_ptr<AdminWorkspace> workspace()
    {
        auto w = std::make_unique<AdminWorkspace>(WorkspaceContext {*t->core, t->admin, dialogs, clipboard});
        w->show();
        return w;
    }

    bool selectAccount(AdminWorkspace& w, const QString& login)
    {
        AccountsPage* page = w.accountsPage();
        const QModelIndex index = page->model()->indexOfLogin(login);
        if (!index.isValid())
            return false;
        page->view()->selectRow(index.row());
        return true;
    }

    Account account(const QString& login) { return *t->core->accounts().accountByLogin(login); }

    QString statusOf(AdminWorkspace& w, const QString& login)
    {
        AccountsModel* model = w.accountsPage()->model();
        const QModelIndex index = model->indexOfLogin(login);
        return model->index(index.row(), AccountsModel::Status).data().toString();
    }

private slots:
    void initTestCase() { bv::installTranslations(QStringLiteral("en")); }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        dialogs = ScriptedDialogs();
        customerNumbers.clear();
        customerValues.clear();
        for (int seed : {21, 22}) {
            const CustomerInput input = customerInput(seed);
            auto receipt = t->core->customers().entry().create(cm1, input);
            BV_VERIFY_OK(receipt);
            BV_VERIFY_OK(t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
            customerNumbers << receipt->customerNumber;
            customerValues << input.values.values() << input.accounts.constFirst().number;
            auto view = t->core->customers().finder().open(cm1, receipt->customerNumber);
            BV_VERIFY_OK(view);
            customerValues << view->gradeOne.values(); // masked forms
        }
        // only the distinctive ones (not "engineer", not short codes that occur in any text)
        customerValues.removeIf([](const QString& v) {
            return v.size() < 4 || v == QStringLiteral("工程师") || v == QStringLiteral("mainland_id");
        });
        QVERIFY(customerValues.size() >= 10);
    }
    void cleanup() { t.reset(); }

    void overviewShowsCountsOnly()
    {
        auto w = workspace();
        QCOMPARE(w->title(), QStringLiteral("Administration"));
        w->showPage(AdminWorkspace::Overview); // the workspace opens on the home page
        const qint64 accounts = *t->core->accounts().count();
        QCOMPARE(child<QLabel>(w.get(), "accountsCountLabel")->text(), QString::number(accounts));
        QCOMPARE(child<QLabel>(w.get(), "activeAccountsCountLabel")->text(), QString::number(accounts));
        QCOMPARE(child<QLabel>(w.get(), "customersCountLabel")->text(), QStringLiteral("2"));
        QCOMPARE(child<QLabel>(w.get(), "openRequestsCountLabel")->text(), QStringLiteral("0"));
        QVERIFY(child<QLabel>(w.get(), "auditRowsCountLabel")->text().toInt() > 5);
        QVERIFY(dialogs.errors.isEmpty());
    }

    void noCustomerDataAnywhere()
    {
        auto w = workspace();
        // every page loaded, a verification run, a backup made
        for (auto page :
            {AdminWorkspace::Accounts, AdminWorkspace::Settings, AdminWorkspace::Storage, AdminWorkspace::Overview})
            w->showPage(page);
        QTest::mouseClick(child<QPushButton>(w.get(), "verifyButton"), Qt::LeftButton);
        QVERIFY(w->accountsPage()->model()->rowCount() >= 3);
        QVERIFY(w->settingsPage()->model()->rowCount() >= 20);
        const QStringList texts = visibleTexts(w.get());
        QVERIFY(texts.size() > 100);
        for (const QString& value : std::as_const(customerValues))
            QVERIFY2(containing(texts, value).isEmpty(), qPrintable(value));
        for (const QString& number : std::as_const(customerNumbers))
            QVERIFY2(containing(texts, number).isEmpty(), qPrintable(number));
        // no list offers Qt's own context menu: at most our "Copy row" through the clipboard policy
        for (QAbstractItemView* view : w->findChildren<QAbstractItemView*>()) {
            if (qobject_cast<QHeaderView*>(view))
                continue; // column titles
            QVERIFY2(view->contextMenuPolicy() == Qt::NoContextMenu || ViewCopyGuard::of(view),
                qPrintable(view->objectName()));
        }
    }

    void createAccountThroughTheDialog()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Accounts);
        QString shown;
        QString refusal;
        bool passwordLabelProtected = false;
        dialogs.onExec = [&](QDialog* dialog) {
            if (auto* form = qobject_cast<NewAccountDialog*>(dialog)) {
                auto* login = form->findChild<QLineEdit*>(QStringLiteral("loginLineEdit"));
                auto* create = form->findChild<QPushButton*>(QStringLiteral("createButton"));
                if (!login || !create)
                    return int(QDialog::Rejected);
                // a taken login: the core's refusal shows in the form, which stays open
                login->setText(QStringLiteral("m1"));
                form->findChild<QLineEdit*>(QStringLiteral("displayNameLineEdit"))->setText(QStringLiteral("新查询员"));
                auto* role = form->findChild<QComboBox*>(QStringLiteral("roleComboBox"));
                role->setCurrentIndex(role->findData(int(Role::Clerk)));
                form->findChild<QLineEdit*>(QStringLiteral("staffNumberLineEdit"))->setText(QStringLiteral("S-0099"));
                create->click();
                refusal = form->findChild<QLabel*>(QStringLiteral("messageLabel"))->text();
                if (form->result() == QDialog::Accepted)
                    return int(QDialog::Accepted);
                login->setText(QStringLiteral("k9"));
                create->click();
                return form->result();
            }
            if (auto* once = qobject_cast<OneTimePasswordDialog*>(dialog)) {
                auto* label = once->findChild<ProtectedLabel*>(QStringLiteral("oneTimePasswordLabel"));
                shown = label->text();
                passwordLabelProtected = label->textInteractionFlags() == Qt::NoTextInteraction;
                once->accept();
                return int(QDialog::Accepted);
            }
            return int(QDialog::Rejected);
        };
        QTest::mouseClick(child<QPushButton>(w.get(), "createAccountButton"), Qt::LeftButton);
        QVERIFY2(refusal.contains(QStringLiteral("taken")), qPrintable(refusal));
        QVERIFY(!shown.isEmpty());
        QVERIFY(passwordLabelProtected);
        QVERIFY(dialogs.errors.isEmpty());
        // it is in the list, and the one-time password shown opens it
        AccountsModel* model = w->accountsPage()->model();
        const QModelIndex row = model->indexOfLogin(QStringLiteral("k9"));
        QVERIFY(row.isValid());
        const Account created = model->accountFromIndex(row);
        QCOMPARE(created.role, Role::Clerk);
        QCOMPARE(created.staffNo, QStringLiteral("S-0099"));
        QCOMPARE(created.displayName, QStringLiteral("新查询员"));
        QCOMPARE(model->index(row.row(), AccountsModel::RoleColumn).data().toString(), Roles::label(Role::Clerk));
        // dual control: the clerk's account waits for a branch manager, and the administrator is told so
        QCOMPARE(statusOf(*w, QStringLiteral("k9")), QStringLiteral("Waiting for a branch manager's confirmation"));
        QVERIFY(!dialogs.infos.isEmpty() && dialogs.infos.constLast().contains(QStringLiteral("branch manager")));
        BV_COMPARE_CODE(t->signIn(QStringLiteral("k9"), shown), ErrorCode::AuthenticationFailed);
        QVERIFY(!t->confirm(QStringLiteral("k9")).isEmpty());
        BV_VERIFY_OK(t->signIn(QStringLiteral("k9"), shown));
        // and it is nowhere in the workspace any more
        QVERIFY(containing(visibleTexts(w.get()), shown).isEmpty());
        AuditFilter creates;
        creates.action = QString::fromLatin1(audit::UserCreate);
        auto rows = internalsOf(*t->core).auditLog().rows(creates);
        QVERIFY(!rows->isEmpty());
        QCOMPARE(rows->constLast().login, QStringLiteral("admin"));
        QVERIFY(!rows->constLast().details.contains(shown));
    }

    void freezeAndUnfreeze()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Accounts);
        // the administrator's own account cannot be frozen from here
        QVERIFY(selectAccount(*w, QStringLiteral("admin")));
        QVERIFY(!child<QPushButton>(w.get(), "freezeButton")->isEnabled());
        QVERIFY(!child<QPushButton>(w.get(), "changeRoleButton")->isEnabled());

        QVERIFY(selectAccount(*w, QStringLiteral("cm1")));
        auto* freeze = child<QPushButton>(w.get(), "freezeButton");
        auto* unfreeze = child<QPushButton>(w.get(), "unfreezeButton");
        QVERIFY(freeze->isEnabled());
        QVERIFY(!unfreeze->isEnabled());
        dialogs.confirms << false; // cancelled: nothing happens
        QTest::mouseClick(freeze, Qt::LeftButton);
        QVERIFY(!account(QStringLiteral("cm1")).frozen);
        dialogs.confirms << true;
        QTest::mouseClick(freeze, Qt::LeftButton);
        QVERIFY(dialogs.errors.isEmpty());
        QVERIFY(account(QStringLiteral("cm1")).frozen);
        QCOMPARE(statusOf(*w, QStringLiteral("cm1")), QStringLiteral("Frozen"));
        BV_COMPARE_CODE(t->signIn(QStringLiteral("cm1")), ErrorCode::AuthenticationFailed);
        QVERIFY(unfreeze->isEnabled()); // the selection stays on the account
        QTest::mouseClick(unfreeze, Qt::LeftButton);
        // the unfreeze waits for a branch manager's confirmation
        QVERIFY(account(QStringLiteral("cm1")).frozen);
        QCOMPARE(statusOf(*w, QStringLiteral("cm1")), QStringLiteral("Waiting for a branch manager's confirmation"));
        BV_COMPARE_CODE(t->signIn(QStringLiteral("cm1")), ErrorCode::AuthenticationFailed);
        // freezing removed cm1's key slot: the confirmation writes a new one under a code
        QVERIFY(!t->confirm(QStringLiteral("cm1")).isEmpty());
        QVERIFY(!account(QStringLiteral("cm1")).frozen);
        w->accountsPage()->refresh();
        QCOMPARE(statusOf(*w, QStringLiteral("cm1")), QStringLiteral("Active — password change due"));
        BV_VERIFY_OK(t->signIn(QStringLiteral("cm1")));
    }

    void resetShowsAOneTimePassword()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Accounts);
        QVERIFY(selectAccount(*w, QStringLiteral("m1")));
        QString shown;
        dialogs.onExec = [&](QDialog* dialog) {
            if (auto* label = dialog->findChild<ProtectedLabel*>(QStringLiteral("oneTimePasswordLabel")))
                shown = label->text();
            return int(QDialog::Accepted);
        };
        dialogs.confirms << true;
        QTest::mouseClick(child<QPushButton>(w.get(), "resetPasswordButton"), Qt::LeftButton);
        QVERIFY(dialogs.errors.isEmpty());
        QVERIFY(shown.size() >= 8);
        QVERIFY(shown != t->passwordOf(QStringLiteral("m1")));
        BV_COMPARE_CODE(t->signIn(QStringLiteral("m1"), shown), ErrorCode::AuthenticationFailed);
        // the only branch manager: confirmed here with the recovery passphrase, which shows the code once
        QVERIFY(selectAccount(*w, QStringLiteral("m1")));
        auto* recovery = child<QPushButton>(w.get(), "confirmWithRecoveryButton");
        QVERIFY(recovery->isEnabled());
        QString code;
        dialogs.onExec = [&](QDialog* dialog) {
            if (auto* label = dialog->findChild<ProtectedLabel*>(QStringLiteral("oneTimePasswordLabel")))
                code = label->text();
            return int(QDialog::Accepted);
        };
        dialogs.secrets << t->recoveryPassphrase.toLatin1();
        QTest::mouseClick(recovery, Qt::LeftButton);
        QVERIFY(dialogs.errors.isEmpty());
        QVERIFY(code.size() >= 16);
        QVERIFY(code != shown);
        QVERIFY(account(QStringLiteral("m1")).mustChangePassword);
        QVERIFY(!t->signIn(QStringLiteral("m1")).ok()); // the old password is gone
        auto first = t->signIn(QStringLiteral("m1"), shown);
        BV_VERIFY_OK(first);
        BV_COMPARE_CODE(
            t->core->auth().changePassword(*first, secret(shown), secret(QStringLiteral("M1-after-reset-9"))),
            ErrorCode::InvalidInput); // the code is needed
        BV_VERIFY_OK(t->core->auth().changePassword(
            *first, secret(shown), secret(QStringLiteral("M1-after-reset-9")), secret(code)));
        QVERIFY(selectAccount(*w, QStringLiteral("cm1")));
        QVERIFY(!recovery->isEnabled()); // nothing waits, and cm1 is no branch manager
        QVERIFY(containing(visibleTexts(w.get()), shown).isEmpty());
        QVERIFY(containing(visibleTexts(w.get()), code).isEmpty());
    }

    void changeRoleAmongServingRolesOnly()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Accounts);
        QVERIFY(selectAccount(*w, QStringLiteral("cm1")));
        QStringList offered;
        dialogs.onExec = [&](QDialog* dialog) {
            auto* change = qobject_cast<ChangeRoleDialog*>(dialog);
            if (!change)
                return int(QDialog::Rejected);
            auto* combo = change->findChild<QComboBox*>(QStringLiteral("roleComboBox"));
            for (int i = 0; i < combo->count(); ++i)
                offered << Roles::key(Role(combo->itemData(i).toInt()));
            change->setRole(Role::Clerk);
            return int(QDialog::Accepted);
        };
        QTest::mouseClick(child<QPushButton>(w.get(), "changeRoleButton"), Qt::LeftButton);
        QVERIFY(dialogs.errors.isEmpty());
        QCOMPARE(offered,
            (QStringList {QStringLiteral("manager"), QStringLiteral("customer_manager"), QStringLiteral("clerk")}));
        QCOMPARE(account(QStringLiteral("cm1")).role, Role::CustomerManager); // until a branch manager confirms
        QCOMPARE(account(QStringLiteral("cm1")).awaitingRole, std::optional<Role>(Role::Clerk));
        QVERIFY(t->confirm(QStringLiteral("cm1")).isEmpty());
        QCOMPARE(account(QStringLiteral("cm1")).role, Role::Clerk);
        w->accountsPage()->refresh();
        QCOMPARE(w->accountsPage()
                     ->model()
                     ->accountFromIndex(w->accountsPage()->model()->indexOfLogin(QStringLiteral("cm1")))
                     .role,
            Role::Clerk);
    }

    void removeSecondFactor()
    {
        auto enrolment = t->core->auth().beginSecondFactor(m1);
        BV_VERIFY_OK(enrolment);
        auto secretBytes = Totp::base32Decode(enrolment->secretBase32.view());
        BV_VERIFY_OK(secretBytes);
        BV_VERIFY_OK(t->core->auth().confirmSecondFactor(
            m1, QString::fromLatin1(Totp::codeAt(*secretBytes, t->clock.nowUtc().toSecsSinceEpoch()))));
        BV_COMPARE_CODE(t->signIn(QStringLiteral("m1")), ErrorCode::SecondFactorRequired);

        auto w = workspace();
        w->showPage(AdminWorkspace::Accounts);
        AccountsModel* model = w->accountsPage()->model();
        const QModelIndex row = model->indexOfLogin(QStringLiteral("m1"));
        QCOMPARE(model->index(row.row(), AccountsModel::SecondFactor).data().toString(), QStringLiteral("Enrolled"));
        auto* remove = child<QPushButton>(w.get(), "removeSecondFactorButton");
        QVERIFY(selectAccount(*w, QStringLiteral("cm1")));
        QVERIFY(!remove->isEnabled()); // cm1 has none
        QVERIFY(selectAccount(*w, QStringLiteral("m1")));
        QVERIFY(remove->isEnabled());
        dialogs.confirms << true;
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(dialogs.errors.isEmpty());
        QVERIFY(!account(QStringLiteral("m1")).secondFactor);
        BV_VERIFY_OK(t->signIn(QStringLiteral("m1")));
        QCOMPARE(model->index(model->indexOfLogin(QStringLiteral("m1")).row(), AccountsModel::SecondFactor)
                     .data()
                     .toString(),
            QStringLiteral("None"));
    }

    void copyRowGoesThroughTheClipboardPolicy()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Accounts);
        QVERIFY(selectAccount(*w, QStringLiteral("cm1")));
        QTableView* view = w->accountsPage()->view();
        view->setFocus();
        QTest::keySequence(view, QKeySequence::Copy);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("cm1\t张经理")), qPrintable(copied));
    }

    void settingBelowItsFloorIsRefusedWithTheCoresMessage()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Settings);
        SettingsModel* model = w->settingsPage()->model();
        const QString key = QString::fromLatin1(settings::AuditRetentionDays);
        const QModelIndex value = model->indexOfKey(key);
        QVERIFY(value.isValid());
        QCOMPARE(value.data().toString(), QStringLiteral("180"));
        QVERIFY(value.data(Qt::ToolTipRole).toString().contains(QStringLiteral("at least 180 days")));
        auto* save = child<QPushButton>(w.get(), "saveSettingsButton");
        QVERIFY(!save->isEnabled());
        QVERIFY(model->setData(value, QStringLiteral("30")));
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::InvalidInput);
        QVERIFY2(dialogs.errors.constFirst().message.contains(QStringLiteral("180")),
            qPrintable(dialogs.errors.constFirst().message));
        QCOMPARE(t->core->settings().integer(key), qint64(180));
        QVERIFY(model->hasChanges()); // the typed value stays for correction
        QCOMPARE(w->settingsPage()->view()->currentIndex().row(), value.row());

        QVERIFY(model->setData(value, QStringLiteral("365")));
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(t->core->settings().integer(key), qint64(365));
        QVERIFY(!model->hasChanges());
        QVERIFY(!save->isEnabled());
        QCOMPARE(dialogs.infos.size(), 1);
        AuditFilter changes;
        changes.action = QString::fromLatin1(audit::SettingsChange);
        auto rows = internalsOf(*t->core).auditLog().rows(changes);
        QCOMPARE(rows->constLast().objectId, key);
        QCOMPARE(rows->constLast().login, QStringLiteral("admin"));

        // a boolean is a check box
        const QModelIndex totp = model->indexOfKey(QString::fromLatin1(settings::TotpRequiredForPrivileged));
        QVERIFY(model->flags(totp) & Qt::ItemIsUserCheckable);
        QVERIFY(model->setData(totp, Qt::Checked, Qt::CheckStateRole));
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY(t->core->settings().boolean(QString::fromLatin1(settings::TotpRequiredForPrivileged)));
    }

    // Issue 13: the value column has the room, every setting says what it does in the interface language,
    // booleans are not "true or false", unsaved rows are marked and leaving with them asks.
    void settingsTableIsReadableAndMarksUnsavedRows()
    {
        auto w = workspace();
        w->resize(1100, 700);
        w->showPage(AdminWorkspace::Settings);
        SettingsPage* page = w->settingsPage();
        SettingsModel* model = page->model();
        QTableView* view = page->view();
        QHeaderView* header = view->horizontalHeader();
        QCOMPARE(header->sectionResizeMode(SettingsModel::Value), QHeaderView::Stretch);
        QCOMPARE(header->sectionResizeMode(SettingsModel::Key), QHeaderView::ResizeToContents);
        QVERIFY(!header->stretchLastSection());
        QVERIFY(header->sectionSize(SettingsModel::Setting) <= SettingsPage::kMaxLabelWidth);
        QVERIFY(header->sectionSize(SettingsModel::Limits) <= SettingsPage::kMaxAllowedWidth);
        QVERIFY2(header->sectionSize(SettingsModel::Value) >= 200,
            qPrintable(QString::number(header->sectionSize(SettingsModel::Value))));

        // every setting has a description, shown for the current row
        for (const SettingSpec& spec : SettingsService::specs()) {
            QVERIFY2(!SettingsModel::description(spec).isEmpty(), qPrintable(spec.key));
            const QModelIndex value = model->indexOfKey(spec.key);
            QVERIFY2(value.isValid(), qPrintable(spec.key));
            QVERIFY(value.data(Qt::ToolTipRole).toString().contains(SettingsModel::description(spec)));
            // no raw "true"/"false" for a check box
            if (spec.type == SettingSpec::Type::Boolean) {
                const QString allowed = model->index(value.row(), SettingsModel::Limits).data().toString();
                QVERIFY2(!allowed.contains(QStringLiteral("true")), qPrintable(allowed));
            }
        }
        const QString retention = QString::fromLatin1(settings::AuditRetentionDays);
        view->setCurrentIndex(model->indexOfKey(retention));
        auto* description = child<QLabel>(w.get(), "settingDescriptionLabel");
        QVERIFY2(description->text().contains(QStringLiteral("can never be purged")), qPrintable(description->text()));

        // a long value is in its cell's tooltip in full
        const QModelIndex name = model->indexOfKey(QString::fromLatin1(settings::BranchName));
        const QString longName = QStringLiteral("北京市朝阳区建国路支行营业部第一网点（对公与个人客户综合服务）");
        QVERIFY(model->setData(name, longName));
        QVERIFY(name.data(Qt::ToolTipRole).toString().startsWith(longName));

        // the unsaved row: bold, marked in words, and a line under the table
        const QModelIndex label = model->index(name.row(), SettingsModel::Setting);
        QVERIFY2(label.data().toString().startsWith(QStringLiteral("•")), qPrintable(label.data().toString()));
        QVERIFY(label.data().toString().contains(QStringLiteral("unsaved")));
        QVERIFY(label.data(Qt::FontRole).value<QFont>().bold());
        const QModelIndex other = model->index(model->indexOfKey(retention).row(), SettingsModel::Setting);
        QVERIFY(!other.data().toString().startsWith(QStringLiteral("•")));
        auto* unsaved = child<QLabel>(w.get(), "unsavedSettingsLabel");
        QVERIFY(unsaved->isVisible());
        QCOMPARE(unsaved->text(), QStringLiteral("• 1 unsaved change: save or discard it."));

        // leaving asks; "no" stays on the page with the value kept
        auto* tabs = child<QTabWidget>(w.get(), "pagesTabWidget");
        dialogs.confirms << false;
        tabs->setCurrentIndex(AdminWorkspace::Storage);
        QCOMPARE(tabs->currentIndex(), int(AdminWorkspace::Settings));
        QCOMPARE(dialogs.askedTexts.size(), 1);
        QVERIFY(model->hasChanges());
        // "yes" leaves and discards
        dialogs.confirms << true;
        tabs->setCurrentIndex(AdminWorkspace::Storage);
        QCOMPARE(tabs->currentIndex(), int(AdminWorkspace::Storage));
        QVERIFY(!model->hasChanges());
        QVERIFY(!unsaved->isVisible());
        QVERIFY(t->core->settings().text(QString::fromLatin1(settings::BranchName)) != longName);
        // nothing unsaved: no question
        tabs->setCurrentIndex(AdminWorkspace::Settings);
        tabs->setCurrentIndex(AdminWorkspace::Accounts);
        QCOMPARE(tabs->currentIndex(), int(AdminWorkspace::Accounts));
        QCOMPARE(dialogs.askedTexts.size(), 2);
    }

    // Signing out or closing the window with unsaved settings asks too ("stay" shows the settings page).
    void unsavedSettingsAskBeforeSignOutOrClose()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Settings);
        QVERIFY(w->confirmLeave()); // nothing unsaved: no question
        QCOMPARE(dialogs.askedTexts.size(), 0);
        SettingsModel* model = w->settingsPage()->model();
        QVERIFY(model->setData(model->indexOfKey(QString::fromLatin1(settings::BranchName)), QStringLiteral("新名称")));
        w->showPage(AdminWorkspace::Accounts); // "no" (the default answer) stays on the settings
        QCOMPARE(dialogs.askedTexts.size(), 1);
        dialogs.confirms << false;
        QVERIFY(!w->confirmLeave());
        QCOMPARE(dialogs.askedTexts.size(), 2);
        QCOMPARE(child<QTabWidget>(w.get(), "pagesTabWidget")->currentIndex(), int(AdminWorkspace::Settings));
        QVERIFY(model->hasChanges());
        dialogs.confirms << true;
        QVERIFY(w->confirmLeave());
        QVERIFY(!model->hasChanges());
    }

    // Issue 11: a mask width that would show the birth date of an ID number is refused by core, and the
    // page shows core's message naming the setting and its allowed range.
    void maskWidthBeyondItsFloorIsRefusedWithTheCoresMessage()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Settings);
        SettingsModel* model = w->settingsPage()->model();
        const QString key = QString(MaskSettings::kMainlandIdKeepStartKey);
        const QModelIndex value = model->indexOfKey(key);
        QVERIFY(value.isValid());
        QCOMPARE(value.data().toString(), QStringLiteral("6"));
        QVERIFY(model->setData(value, QStringLiteral("14")));
        QTest::mouseClick(child<QPushButton>(w.get(), "saveSettingsButton"), Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::InvalidInput);
        const QString message = dialogs.errors.constFirst().message;
        QVERIFY2(message.contains(key), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("from 0 to 6")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("birth date")), qPrintable(message));
        QCOMPARE(t->core->settings().maskSettings().mainlandIdKeepStart, 6);
        QVERIFY(model->hasChanges());
        QCOMPARE(w->settingsPage()->view()->currentIndex().row(), value.row());
    }

    void backupRotateVerify()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Storage);
        const QString file = t->dir.file(QStringLiteral("manual.bvbackup"));
        dialogs.saveNames << file;
        QTest::mouseClick(child<QPushButton>(w.get(), "backupButton"), Qt::LeftButton);
        QVERIFY2(
            dialogs.errors.isEmpty(), dialogs.errors.isEmpty() ? "" : qPrintable(dialogs.errors.first().fullText()));
        QVERIFY(QFileInfo(file).size() > 1000);
        QVERIFY(child<QLabel>(w.get(), "storageStatusLabel")->text().contains(QStringLiteral("manual.bvbackup")));
        QVERIFY(!child<QProgressBar>(w.get(), "storageProgressBar")->isVisible());
        QVERIFY(child<QPushButton>(w.get(), "backupButton")->isEnabled());
        // never over an existing file
        dialogs.saveNames << file;
        QTest::mouseClick(child<QPushButton>(w.get(), "backupButton"), Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::AlreadyExists);
        dialogs.errors.clear();
        // both attempts are on record with their outcome: the refused one as failed
        AuditFilter backups;
        backups.action = QString::fromLatin1(audit::DatabaseBackup);
        auto backupRows = internalsOf(*t->core).auditLog().rows(backups);
        BV_VERIFY_OK(backupRows);
        QCOMPARE(backupRows->size(), 2);
        QStringList outcomes {backupRows->at(0).outcome, backupRows->at(1).outcome};
        outcomes.sort();
        QCOMPARE(outcomes, (QStringList {QStringLiteral("failed"), QStringLiteral("ok")}));

        dialogs.confirms << true;
        QTest::mouseClick(child<QPushButton>(w.get(), "rotateKeysButton"), Qt::LeftButton);
        QVERIFY2(
            dialogs.errors.isEmpty(), dialogs.errors.isEmpty() ? "" : qPrintable(dialogs.errors.first().fullText()));
        AuditFilter rekeys;
        rekeys.action = QString::fromLatin1(audit::DatabaseRekey);
        QCOMPARE(internalsOf(*t->core).auditLog().rows(rekeys)->size(), 2); // its start, then its end
        BV_VERIFY_OK(t->core->customers().finder().open(cm1, customerNumbers.first())); // still readable

        QTest::mouseClick(child<QPushButton>(w.get(), "verifyButton"), Qt::LeftButton);
        QVERIFY(dialogs.errors.isEmpty());
        auto* results = child<QListWidget>(w.get(), "verifyResultsListWidget");
        QCOMPARE(results->count(), 1);
        QVERIFY(results->item(0)->text().contains(QStringLiteral("all checks passed"), Qt::CaseInsensitive));
        QVERIFY(child<QLabel>(w.get(), "storageStatusLabel")->text().startsWith(QStringLiteral("All checks passed")));
    }

    // The page only picks the file and asks; the application closes the database and restores
    // (tst_appcontroller runs the whole restore).
    void restoreAsksTheApplicationAfterConfirmation()
    {
        auto w = workspace();
        w->showPage(AdminWorkspace::Storage);
        QSignalSpy restore(w.get(), &Workspace::restoreRequested);
        const QString file = QDir::tempPath() + QStringLiteral("/old.bvbackup"); // never opened here
        dialogs.openNames << file;
        dialogs.confirms << false; // "no" at the question
        QTest::mouseClick(child<QPushButton>(w.get(), "restoreButton"), Qt::LeftButton);
        QCOMPARE(restore.size(), 0);
        QVERIFY(dialogs.askedTexts.constLast().contains(QStringLiteral("old.bvbackup")));
        dialogs.openNames << file;
        dialogs.confirms << true;
        QTest::mouseClick(child<QPushButton>(w.get(), "restoreButton"), Qt::LeftButton);
        QCOMPARE(restore.size(), 1);
        QCOMPARE(restore.first().first().toString(), file);
        QTest::mouseClick(child<QPushButton>(w.get(), "restoreButton"), Qt::LeftButton); // no file chosen
        QCOMPARE(restore.size(), 1);
    }

    void aLockedSessionAsksToLock()
    {
        auto w = workspace();
        QSignalSpy lock(w.get(), &Workspace::lockRequested);
        t->clock.advanceSecs(10 * 60); // idle beyond the limit
        w->showPage(AdminWorkspace::Accounts);
        QCOMPARE(lock.size(), 1);
        QVERIFY(dialogs.errors.isEmpty());
    }

    void screenshots()
    {
        const QList<QPair<AdminWorkspace::Page, QString>> pages {{AdminWorkspace::Overview, QStringLiteral("overview")},
            {AdminWorkspace::Accounts, QStringLiteral("accounts")},
            {AdminWorkspace::Settings, QStringLiteral("settings")},
            {AdminWorkspace::Storage, QStringLiteral("storage")}};
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            bv::installTranslations(language);
            auto w = workspace();
            for (const auto& [page, name] : pages) {
                w->showPage(page);
                if (page == AdminWorkspace::Storage)
                    QTest::mouseClick(child<QPushButton>(w.get(), "verifyButton"), Qt::LeftButton);
                QVERIFY(QFileInfo::exists(screenshot(w.get(), QStringLiteral("admin-") + name, language)));
            }
        }
        bv::installTranslations(QStringLiteral("en"));
        QVERIFY(dialogs.errors.isEmpty());
    }
};

QTEST_MAIN(TestAdminWorkspace)
#include "tst_adminworkspace.moc"
