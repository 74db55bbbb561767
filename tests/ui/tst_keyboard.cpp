// Keyboard first (issue 13 item 4): every window, page and dialog of the GUI, in English and in Chinese, is
// walked by KeyboardAudit — unique mnemonics per view and per menu, Latin mnemonics only, every input field
// with an accelerator (a buddy label with a mnemonic, or its own), no mnemonic on a label without a buddy,
// and a Tab order that reaches every input in reading order. Every problem is printed as one line
// "KEYS: [language] window › page: problem" (widget objectName and text). The test also fails when a
// widget class under ui/ was never walked: a new dialog or page must be added to walkEverything().
//
// Run:  cd build && ninja tst_keyboard && with_private_keyring ctest -R tst_keyboard --output-on-failure
// (with_private_keyring from tools/dev.sh). Read: each "KEYS:" line names the language, the window and
// page ("main window (auditor) › Alerts"), the problem and the widgets with their objectName and text,
// e.g. `mnemonic S used 2 times in one view: <QMenuBar …> "&Session", saveButton "&Save"`. Fix it in the
// English source and give the Chinese translation the same Latin letter in brackets (保存(&S)). Letters
// I, G and H belong to the menu bar (Mnemonics::menuBarLetters()) in every view of the main window.
// BV_KEYS_DUMP=<file> writes every view's mnemonic texts, one view per line, to look for a free letter.
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/FakeSecretStore.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/KeyboardAudit.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/admin/ChangeRoleDialog.h"
#include "ui/admin/NewAccountDialog.h"
#include "ui/admin/OneTimePasswordDialog.h"
#include "ui/auth/AuthoriseHereDialog.h"
#include "ui/auth/ChangePasswordDialog.h"
#include "ui/auth/SecondFactorDialog.h"
#include "ui/auth/SignInDialog.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/customers/RequestDialog.h"
#include "ui/main/MainWindow.h"
#include "ui/manager/CustomerPickerDialog.h"
#include "ui/manager/RekeyApprovalDialog.h"
#include "ui/reports/RegisterEventDialog.h"
#include "ui/reports/TraceDialog.h"
#include "ui/server/RevealDialog.h"
#include "ui/server/ServerConnectDialog.h"
#include "ui/server/ServerWindow.h"
#include "ui/startup/FirstRunChoiceDialog.h"
#include "ui/startup/FirstRunWizard.h"
#include "ui/startup/RecoverySheetDialog.h"
#include "ui/startup/UnlockDialog.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"
#include "ui/workspaces/ManagerWorkspace.h"
#include "ui/workspaces/WorkspaceFactory.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QFormLayout>
#include <QPushButton>
#include <QRegularExpression>
#include <QTest>
#include <QVBoxLayout>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

namespace {

// The widget classes declared under ui/ (class X : public Y, where Y is a Qt widget or another of them). A
// class without Q_OBJECT cannot be told apart at run time: it counts as walked with its file's class
// (FirstRunWizard.cpp's pages with FirstRunWizard).
QStringList uiWidgetClasses()
{
    const QString root = qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/ui");
    QMap<QString, QString> baseOf;
    QMap<QString, QString> standIn; // class without Q_OBJECT → the class named after its file
    static const QRegularExpression declaration(
        QStringLiteral(R"(class\s+(\w+)(?:\s+final)?\s*:\s*public\s+(?:\w+::)*(\w+))"));
    QDirIterator it(root, {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(file.readAll());
        for (auto match = declaration.globalMatch(text); match.hasNext();) {
            const auto m = match.next();
            baseOf.insert(m.captured(1), m.captured(2));
            const qsizetype bodyEnd = text.indexOf(QStringLiteral("\n};"), m.capturedEnd());
            if (!text.mid(m.capturedEnd(), bodyEnd - m.capturedEnd()).contains(QStringLiteral("Q_OBJECT")))
                standIn.insert(m.captured(1), QFileInfo(file.fileName()).completeBaseName());
        }
    }
    static const QSet<QString> qtWidgets {QStringLiteral("QWidget"), QStringLiteral("QDialog"),
        QStringLiteral("QMainWindow"), QStringLiteral("QWizard"), QStringLiteral("QWizardPage"),
        QStringLiteral("QLabel"), QStringLiteral("QFrame"), QStringLiteral("QTableView"), QStringLiteral("QTreeView"),
        QStringLiteral("QListView"), QStringLiteral("QListWidget"), QStringLiteral("QTableWidget"),
        QStringLiteral("QTreeWidget"), QStringLiteral("QAbstractItemView"), QStringLiteral("QLineEdit"),
        QStringLiteral("QPlainTextEdit"), QStringLiteral("QTextEdit"), QStringLiteral("QTextBrowser"),
        QStringLiteral("QPushButton"), QStringLiteral("QToolButton"), QStringLiteral("QComboBox"),
        QStringLiteral("QScrollArea"), QStringLiteral("QStackedWidget"), QStringLiteral("QTabWidget"),
        QStringLiteral("QGroupBox"), QStringLiteral("QSplitter"), QStringLiteral("QMessageBox"),
        QStringLiteral("QCheckBox"), QStringLiteral("QSpinBox"), QStringLiteral("QDateEdit"),
        QStringLiteral("QDateTimeEdit"), QStringLiteral("QProgressBar"), QStringLiteral("QToolBar"),
        QStringLiteral("QMenu"), QStringLiteral("QDockWidget"), QStringLiteral("QAbstractScrollArea"),
        QStringLiteral("QCalendarWidget")};
    QStringList widgets;
    for (auto c = baseOf.cbegin(); c != baseOf.cend(); ++c) {
        QString base = c.value();
        for (int depth = 0; depth < 20 && baseOf.contains(base); ++depth)
            base = baseOf.value(base);
        if (qtWidgets.contains(base))
            widgets << standIn.value(c.key(), c.key());
    }
    widgets.sort();
    widgets.removeDuplicates();
    return widgets;
}

} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> m_t;
    Session m_manager;
    Session m_customerManager;
    Session m_clerk;
    Session m_auditor;
    QString m_number; // an approved customer of the customer manager
    ScriptedDialogs m_dialogs;
    ClipboardGuard m_clipboard;
    QSet<QString> m_walked;

    WorkspaceContext context(const Session& session)
    {
        return WorkspaceContext {*m_t->core, session, m_dialogs, m_clipboard};
    }

    // Every window, page and dialog of the GUI, in the current language.
    QStringList walkEverything(const QString& language)
    {
        KeyboardAudit audit(language);

        // the main window with each role's workspace (its menus, navigation and every page), and locked
        const QList<std::pair<QString, Session>> roles {{QStringLiteral("administrator"), m_t->admin},
            {QStringLiteral("auditor"), m_auditor}, {QStringLiteral("branch manager"), m_manager},
            {QStringLiteral("customer manager"), m_customerManager}, {QStringLiteral("clerk"), m_clerk}};
        for (const auto& [name, session] : roles) {
            MainWindow window;
            Workspace* workspace = WorkspaceFactory::create(context(session), session.info().role);
            window.showWorkspace(workspace, session.info(), QStringLiteral("0001"));
            if (auto* cm = qobject_cast<CustomerManagerWorkspace*>(workspace)) {
                cm->openCustomer(m_number); // the customer's detail in a tab
                cm->editCustomer(m_number); // and its edit form in another
            }
            audit.walk(QStringLiteral("main window (%1)").arg(name), &window);
            if (auto* manager = qobject_cast<ManagerWorkspace*>(workspace)) {
                manager->openCustomer(m_number);
                audit.walk(QStringLiteral("main window (%1, a customer open)").arg(name), &window);
            }
            window.showLocked(session.info());
            audit.walk(QStringLiteral("main window (locked)"), &window);
        }

        // sign-in, start-up and account dialogs
        {
            SignInDialog dialog(QStringLiteral("0001"), [](const QString&, const SecureBytes&, const QString&) {
                return Result<Session>(
                    Error {ErrorCode::AuthenticationFailed, QStringLiteral("no"), QString(), QString()});
            });
            audit.walk(QStringLiteral("sign-in dialog"), &dialog);
        }
        {
            UnlockDialog dialog(m_t->dir.databasePath(),
                Error {ErrorCode::KeyMissing, QStringLiteral("missing"), QString(), QString()});
            audit.walk(QStringLiteral("unlock dialog"), &dialog);
        }
        {
            RecoverySheetDialog dialog(m_t->dir.databasePath(), secret(QStringLiteral("ABCDE-FGHIJ")));
            audit.walk(QStringLiteral("recovery sheet dialog"), &dialog);
        }
        {
            FirstRunWizard wizard(*m_t->vaults, m_t->dir.path() + QStringLiteral("/new.db"),
                [this](std::unique_ptr<Vault>) -> Core& { return *m_t->core; });
            audit.walk(QStringLiteral("first-run wizard"), &wizard);
        }
        for (bool forced : {false, true}) {
            for (bool needsCode : {false, true}) {
                ChangePasswordDialog dialog(
                    forced, [](const SecureBytes&, const SecureBytes&, const SecureBytes&) { return Status(); },
                    nullptr, needsCode);
                audit.walk(QStringLiteral("change password dialog (%1%2)")
                               .arg(forced ? QStringLiteral("forced") : QStringLiteral("chosen"),
                                   needsCode ? QStringLiteral(", with code") : QString()),
                    &dialog);
            }
        }
        for (bool mandatory : {false, true}) {
            SecondFactorDialog dialog(QStringLiteral("JBSWY3DPEHPK3PXP"),
                QStringLiteral("otpauth://totp/BranchVault:x?secret=JBSWY3DPEHPK3PXP"), mandatory,
                [](const QString&) { return Status(); });
            audit.walk(QStringLiteral("second factor dialog"), &dialog);
        }
        {
            NewAccountDialog dialog(
                [](const NewAccount&) -> Result<SecureBytes> { return secret(QStringLiteral("x")); });
            audit.walk(QStringLiteral("new account dialog"), &dialog);
        }
        {
            ChangeRoleDialog dialog(QStringLiteral("cm1"), Role::CustomerManager);
            audit.walk(QStringLiteral("change role dialog"), &dialog);
        }
        for (auto kind :
            {OneTimePasswordDialog::Kind::OneTimePassword, OneTimePasswordDialog::Kind::ConfirmationCode}) {
            OneTimePasswordDialog dialog(QStringLiteral("cm1"), secret(QStringLiteral("Abcdefgh1")), nullptr, kind);
            audit.walk(QStringLiteral("one-time password dialog"), &dialog);
        }
        {
            auto dialog = WidgetDialogs::textDialog(nullptr, QStringLiteral("Title"), QStringLiteral("Why?"), true);
            audit.walk(QStringLiteral("text question (Dialogs::askText)"), dialog.get());
        }

        // request, report and print-register dialogs
        {
            RequestDialog dialog(context(m_customerManager), m_number, {});
            audit.walk(QStringLiteral("reveal request dialog"), &dialog);
        }
        {
            const QStringList reports = RequestService::reportKeys();
            RequestDialog dialog(
                context(m_customerManager), RequestType::Print, reports.value(0), QStringLiteral("Report"), m_number);
            audit.walk(QStringLiteral("report request dialog"), &dialog);
        }
        // on-the-spot authorisation and blind re-key, with every re-key field at once
        const QStringList rekey {
            QStringLiteral("id_number"), QStringLiteral("mobile"), QStringLiteral("account_number")};
        {
            AuthoriseHereDialog dialog(*m_t->core, m_customerManager, Operation::ApproveChanges, {});
            dialog.setSubject(QStringLiteral("Subject"), {QStringLiteral("Line")});
            dialog.setRekeyFields(rekey);
            audit.walk(QStringLiteral("authorise here dialog"), &dialog);
        }
        {
            // an account confirmed in person: the owner's new password twice under the manager's credentials
            AuthoriseHereDialog dialog(*m_t->core, m_t->admin, Operation::ConfirmAccounts, {});
            dialog.setSubject(QStringLiteral("Subject"), {QStringLiteral("Line")});
            dialog.setInPerson(QStringLiteral("cm1"), {});
            audit.walk(QStringLiteral("authorise here dialog, in person"), &dialog);
        }
        {
            PendingChange change;
            change.rekeyFields = rekey;
            RekeyApprovalDialog dialog(change, {});
            audit.walk(QStringLiteral("re-key approval dialog"), &dialog);
        }
        {
            CustomerPickerDialog dialog(context(m_manager));
            audit.walk(QStringLiteral("customer chooser"), &dialog);
        }
        {
            TraceDialog dialog(context(m_manager));
            audit.walk(QStringLiteral("trace dialog"), &dialog);
        }
        {
            // every field at once: a mnemonic unique among all of them is unique in every subset the
            // print register asks for
            const RegisterEventDialog::Fields all = RegisterEventDialog::Person | RegisterEventDialog::Password
                | RegisterEventDialog::Due | RegisterEventDialog::Method | RegisterEventDialog::Note
                | RegisterEventDialog::Copies | RegisterEventDialog::Medium;
            for (const QString& person :
                {QCoreApplication::translate("bv::ui::PrintRegisterPage", "&Recipient (login):"),
                    QCoreApplication::translate("bv::ui::PrintRegisterPage", "&Borrower (login or name):"),
                    QCoreApplication::translate("bv::ui::PrintRegisterPage", "&Witness (login):")}) {
                RegisterEventDialog dialog(m_dialogs, QStringLiteral("Title"), QStringLiteral("Intro"), all, person);
                audit.walk(QStringLiteral("print register event dialog (%1)").arg(person), &dialog);
            }
        }
        // the branch-server mode's windows that need no session (the others: classesWalkedWithAServer())
        {
            FirstRunChoiceDialog dialog;
            audit.walk(QStringLiteral("first-run choice"), &dialog);
        }
        {
            FakeSecretStore store;
            ServerConnectDialog dialog(store, m_dialogs);
            audit.walk(QStringLiteral("server connection dialog"), &dialog);
        }
        {
            RevealDialog dialog(QStringLiteral("0001-000001"),
                {{QStringLiteral("id_number"), QStringLiteral("x")},
                    {QStringLiteral("account_number:1"), QStringLiteral("y")}},
                QDateTime());
            audit.walk(QStringLiteral("reveal dialog (server)"), &dialog);
        }
        {
            ServerWindow window;
            audit.walk(QStringLiteral("server window without a session"), &window);
        }
        m_walked.unite(audit.walkedClasses());
        return audit.problems();
    }

private slots:
    void initTestCase()
    {
        bv::installTranslations(QStringLiteral("en"));
        m_t = TestCore::create();
        QVERIFY(m_t);
        m_manager = m_t->addUser(QStringLiteral("m1"), Role::Manager, QStringLiteral("Branch Manager"));
        m_customerManager = m_t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("Chen Jingli"));
        m_clerk = m_t->addUser(QStringLiteral("clerk1"), Role::Clerk, QStringLiteral("Li Guiyuan"));
        m_auditor = m_t->addUser(QStringLiteral("aud1"), Role::Auditor, QStringLiteral("Zhao Shenji"));
        QVERIFY(m_manager.isValid() && m_customerManager.isValid() && m_clerk.isValid() && m_auditor.isValid());
        auto receipt = m_t->core->customers().entry().create(m_customerManager, customerInput(1));
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(m_t->core->customers().entry().approve(m_manager, receipt->changeId, QStringLiteral("checked")));
        m_number = receipt->customerNumber;
    }

    void cleanupTestCase() { bv::installTranslations(QStringLiteral("en")); }

    // The walker finds what it is meant to find: a synthetic dialog with every kind of problem.
    void walkerReportsProblems()
    {
        QDialog dialog;
        dialog.setObjectName(QStringLiteral("syntheticDialog"));
        auto* form = new QFormLayout(&dialog);
        auto* name = new QLineEdit(&dialog);
        name->setObjectName(QStringLiteral("nameLineEdit"));
        auto* nameLabel = new QLabel(QStringLiteral("&Name:"), &dialog);
        nameLabel->setObjectName(QStringLiteral("nameLabel"));
        nameLabel->setBuddy(name);
        form->addRow(nameLabel, name);
        auto* number = new QLineEdit(&dialog);
        number->setObjectName(QStringLiteral("numberLineEdit"));
        form->addRow(QStringLiteral("Number:"), number); // no mnemonic
        auto* loose = new QLabel(QStringLiteral("&Loose:"), &dialog); // no buddy
        loose->setObjectName(QStringLiteral("looseLabel"));
        form->addRow(loose);
        auto* han = new QLineEdit(&dialog);
        han->setObjectName(QStringLiteral("hanLineEdit"));
        auto* hanLabel = new QLabel(QStringLiteral("&姓名："), &dialog);
        hanLabel->setBuddy(han);
        form->addRow(hanLabel, han);
        auto* check = new QCheckBox(QStringLiteral("Restricted"), &dialog);
        check->setObjectName(QStringLiteral("restrictedCheckBox"));
        form->addRow(check);
        auto* next = new QPushButton(QStringLiteral("&Next"), &dialog);
        next->setObjectName(QStringLiteral("nextButton"));
        form->addRow(next);
        QWidget::setTabOrder(han, name); // the Chinese field is below the name: backwards

        KeyboardAudit audit(QStringLiteral("test"));
        audit.walk(QStringLiteral("synthetic"), &dialog);
        const QStringList problems = audit.problems();
        const QString all = problems.join(QLatin1Char('\n'));
        auto reported = [&](const QStringList& parts) {
            return std::any_of(problems.cbegin(), problems.cend(), [&](const QString& line) {
                return std::all_of(parts.cbegin(), parts.cend(), [&](const QString& p) { return line.contains(p); });
            });
        };
        QVERIFY2(reported({QStringLiteral("mnemonic N used 2 times"), QStringLiteral("nameLabel"),
                     QStringLiteral("nextButton")}),
            qPrintable(all));
        QVERIFY2(
            reported({QStringLiteral("numberLineEdit"), QStringLiteral("no label with a mnemonic")}), qPrintable(all));
        QVERIFY2(reported({QStringLiteral("looseLabel"), QStringLiteral("no buddy")}), qPrintable(all));
        QVERIFY2(reported({QStringLiteral("non-Latin character"), QStringLiteral("姓")}), qPrintable(all));
        QVERIFY2(reported({QStringLiteral("restrictedCheckBox"), QStringLiteral("no mnemonic of its own")}),
            qPrintable(all));
        QVERIFY2(reported({QStringLiteral("Tab goes from"), QStringLiteral("to nameLineEdit")}), qPrintable(all));
        QVERIFY2(reported({QStringLiteral("[test] synthetic")}), qPrintable(all));

        // a real dialog of the application, with its Tab order turned round and a mnemonic taken twice
        SignInDialog signIn(QStringLiteral("0001"), [](const QString&, const SecureBytes&, const QString&) {
            return Result<Session>(Error {ErrorCode::AuthenticationFailed, QStringLiteral("no"), QString(), QString()});
        });
        KeyboardAudit signInAudit(QStringLiteral("test"));
        signInAudit.walk(QStringLiteral("sign-in"), &signIn);
        QVERIFY2(signInAudit.problems().isEmpty(), qPrintable(signInAudit.problems().join(QLatin1Char('\n'))));
        QWidget::setTabOrder(signIn.passwordEdit(), signIn.loginEdit());
        auto* clash = new QPushButton(QStringLiteral("&Login help"), &signIn);
        clash->setObjectName(QStringLiteral("clashButton"));
        signIn.layout()->addWidget(clash);
        KeyboardAudit brokenAudit(QStringLiteral("test"));
        brokenAudit.walk(QStringLiteral("sign-in"), &signIn);
        const QString broken = brokenAudit.problems().join(QLatin1Char('\n'));
        QVERIFY2(broken.contains(QStringLiteral("to loginLineEdit")), qPrintable(broken));
        QVERIFY2(broken.contains(QStringLiteral("mnemonic L used 2 times"))
                && broken.contains(QStringLiteral("clashButton")),
            qPrintable(broken));

        // and says nothing about a clean one
        QDialog clean;
        auto* cleanForm = new QFormLayout(&clean);
        cleanForm->addRow(QStringLiteral("&Name:"), new QLineEdit(&clean));
        cleanForm->addRow(QStringLiteral("N&umber:"), new QLineEdit(&clean));
        cleanForm->addRow(new QCheckBox(QStringLiteral("&Restricted"), &clean));
        cleanForm->addRow(new QPushButton(QStringLiteral("&OK"), &clean));
        KeyboardAudit cleanAudit(QStringLiteral("test"));
        cleanAudit.walk(QStringLiteral("clean"), &clean);
        QVERIFY2(cleanAudit.problems().isEmpty(), qPrintable(cleanAudit.problems().join(QLatin1Char('\n'))));
    }

    void everyWindow_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("en") << QStringLiteral("en");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
    }

    void everyWindow()
    {
        QFETCH(QString, language);
        QCOMPARE(bv::installTranslations(language), language);
        const QStringList problems = walkEverything(language);
        for (const QString& problem : problems)
            qInfo().noquote() << "KEYS:" << problem;
        bv::installTranslations(QStringLiteral("en"));
        QVERIFY2(problems.isEmpty(),
            qPrintable(QStringLiteral("%1 keyboard problems (lines starting with KEYS: above)").arg(problems.size())));
    }

    // Every widget class under ui/ was walked (itself or, for a base class, through a subclass).
    void everyClassWalked()
    {
        if (m_walked.isEmpty())
            walkEverything(QStringLiteral("en"));
        const QStringList classes = uiWidgetClasses();
        QVERIFY2(classes.size() > 40, qPrintable(classes.join(QLatin1Char(' '))));
        QStringList missing;
        for (const QString& name : classes) {
            if (!m_walked.contains(name) && !classesWalkedWithAServer().contains(name))
                missing << name;
        }
        QVERIFY2(missing.isEmpty(),
            qPrintable(QStringLiteral("not walked by tst_keyboard (add them to walkEverything()): ")
                + missing.join(QStringLiteral(", "))));
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
