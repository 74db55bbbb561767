// The security auditor's workspace: the audit log (filters, keyset paging, masked details, copy without
// details), chain verification (intact, then broken after tampering), checkpoints saved as text and PDF
// and verified against, the CSV export and the alerts.
#include "core/audit/AuditActions.h"
#include "core/audit/AuditWording.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/policy/SettingsWriter.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Masking.h"
#include "core/policy/SettingsService.h"
#include "core/vault/Vault.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/audit/AuditFilterForm.h"
#include "ui/audit/AuditLogModel.h"
#include "ui/audit/AuditLogPage.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/customers/ViewCopyGuard.h"
#include "ui/workspaces/AuditorWorkspace.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestAuditorWorkspace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1, clerk, auditor;
    ScriptedDialogs dialogs;
    ClipboardGuard clipboard;
    QString number;
    QStringList fullValues;

    std::unique_ptr<AuditorWorkspace> workspace()
    {
        auto w = std::make_unique<AuditorWorkspace>(WorkspaceContext {*t->core, auditor, dialogs, clipboard});
        w->show();
        w->showPage(AuditorWorkspace::Log); // the workspace opens on the home page; these tests start on the log
        return w;
    }

    static QList<AuditRow> rowsOf(const AuditLogModel* model)
    {
        QList<AuditRow> rows;
        for (int row = 0; row < model->rowCount(); ++row)
            rows << model->rowFromIndex(model->index(row, 0));
        return rows;
    }

    static QStringList groupOf(const QString& key)
    {
        for (const AuditWording::Group& group : AuditWording::groups())
            if (group.key == key)
                return group.actions;
        return {};
    }

    void applyFilter(AuditorWorkspace& w, const QString& login, const QStringList& actions,
        const QString& outcome = QString(), const QString& customerNo = QString())
    {
        AuditFilterForm* form = w.logPage()->filterForm();
        QVERIFY(login.isEmpty() ? (form->personCombo()->setCurrentIndex(0), true) : form->selectPerson(login));
        QVERIFY(form->selectActions(actions));
        form->customerNumberEdit()->setText(customerNo);
        form->outcomeCombo()->setCurrentIndex(form->outcomeCombo()->findData(outcome));
        QTest::mouseClick(child<QPushButton>(&w, "applyFilterButton"), Qt::LeftButton);
    }

    QString failures() const { return dialogs.errors.isEmpty() ? QString() : dialogs.errors.constFirst().fullText(); }

private slots:
    void initTestCase() { bv::installTranslations(QStringLiteral("en")); }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        clerk = t->addUser(QStringLiteral("k1"), Role::Clerk);
        auditor = t->addUser(QStringLiteral("u1"), Role::Auditor);
        const CustomerInput input = customerInput(31);
        auto receipt = t->core->customers().entry().create(cm1, input);
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        number = receipt->customerNumber;
        BV_VERIFY_OK(t->core->customers().finder().open(cm1, number));
        BV_VERIFY_OK(
            t->core->customers().finder().clerkLookup(clerk, input.values.value(QString::fromLatin1(fields::Name)),
                input.values.value(QString::fromLatin1(fields::IdNumber)), QStringLiteral("counter")));
        fullValues = {input.values.value(QString::fromLatin1(fields::Name)),
            input.values.value(QString::fromLatin1(fields::IdNumber)),
            input.values.value(QString::fromLatin1(fields::Mobile)),
            input.values.value(QString::fromLatin1(fields::Address)), input.accounts.constFirst().number};
        dialogs = ScriptedDialogs();
    }
    void cleanup() { t.reset(); }

    void logShowsEarlierActionsWithoutFullValues()
    {
        auto w = workspace();
        QCOMPARE(w->title(), QStringLiteral("Audit"));
        AuditLogModel* model = w->logPage()->model();
        QVERIFY(model->rowCount() > 10);
        const QList<AuditRow> rows = rowsOf(model);
        auto has = [&](const QString& login, const char* action, const QString& customerNo = QString()) {
            return std::any_of(rows.cbegin(), rows.cend(), [&](const AuditRow& r) {
                return r.login == login && r.action == QLatin1String(action)
                    && (customerNo.isEmpty() || r.customerNo == customerNo);
            });
        };
        QVERIFY(has(QStringLiteral("cm1"), audit::SignIn));
        QVERIFY(has(QStringLiteral("u1"), audit::SignIn));
        QVERIFY(has(QStringLiteral("cm1"), audit::CustomerCreate, number));
        QVERIFY(has(QStringLiteral("m1"), audit::CustomerApprove, number));
        QVERIFY(has(QStringLiteral("cm1"), audit::CustomerOpen, number));
        QVERIFY(has(QStringLiteral("k1"), audit::CustomerLookup, number));
        // no full grade-1 value anywhere in the model, in any role
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                for (int role : {int(Qt::DisplayRole), int(Qt::ToolTipRole)}) {
                    const QString text = model->index(row, column).data(role).toString();
                    for (const QString& full : std::as_const(fullValues))
                        QVERIFY2(
                            !text.contains(full), qPrintable(QStringLiteral("row %1 column %2").arg(row).arg(column)));
                }
            }
        }
        // the customer number is there, in its column
        const QModelIndexList hits
            = model->match(model->index(0, AuditLogModel::CustomerNo), Qt::DisplayRole, number, -1, Qt::MatchExactly);
        QVERIFY(hits.size() >= 4);
        // the details of the selected row: in a label that cannot be copied
        QTableView* view = w->logPage()->view();
        view->setCurrentIndex(hits.first());
        auto* details = child<ProtectedLabel>(w.get(), "detailsLabel");
        QVERIFY2(details->text().contains(QStringLiteral("Row %1 · ").arg(model->rowFromIndex(hits.first()).seq)),
            qPrintable(details->text()));
        QCOMPARE(details->textInteractionFlags(), Qt::NoTextInteraction);
        for (const QString& full : std::as_const(fullValues))
            QVERIFY(!details->text().contains(full));
        QVERIFY(ViewCopyGuard::of(view)); // no default menu of the view: only "Copy row" without the details
        QVERIFY(!ViewCopyGuard::of(view)->copyColumns().contains(AuditLogModel::Sentence));
        // reading the log is itself on record
        AuditFilter reads;
        reads.action = QString::fromLatin1(audit::AuditRead);
        QVERIFY(!internalsOf(*t->core).auditLog().rows(reads)->isEmpty());
        QVERIFY(failures().isEmpty());
    }

    void copyLeavesTheDetailsOut()
    {
        auto w = workspace();
        AuditLogModel* model = w->logPage()->model();
        const QModelIndexList hits = model->match(model->index(0, AuditLogModel::Action), AuditLogModel::RawActionRole,
            QString::fromLatin1(audit::CustomerLookup), 1, Qt::MatchExactly);
        QCOMPARE(hits.size(), 1);
        const AuditRow row = model->rowFromIndex(hits.first());
        QVERIFY(row.details.contains(QStringLiteral("purpose")));
        QTableView* view = w->logPage()->view();
        view->setFocus();
        view->setCurrentIndex(hits.first());
        QApplication::clipboard()->clear();
        QTest::keySequence(view, QKeySequence::Copy);
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QString::number(row.seq) + QLatin1Char('\t')), qPrintable(copied));
        QVERIFY(copied.contains(number));
        QVERIFY(copied.contains(QStringLiteral("Counter lookup")));
        QVERIFY(!copied.contains(QStringLiteral("purpose")));
        QVERIFY(!copied.contains(QStringLiteral("at the counter"))); // not the sentence (it names the customer)
    }

    void filtersByLoginActionOutcomeAndCustomer()
    {
        BV_COMPARE_CODE(t->core->accounts().list(cm1), ErrorCode::PermissionDenied); // a refusal on record
        auto w = workspace();
        AuditLogModel* model = w->logPage()->model();

        applyFilter(*w, QStringLiteral("cm1"), groupOf(QStringLiteral("customers")));
        QVERIFY(model->rowCount() >= 2); // create, open
        for (const AuditRow& row : rowsOf(model)) {
            QCOMPARE(row.login, QStringLiteral("cm1"));
            QVERIFY2(row.action.startsWith(QStringLiteral("customer.")), qPrintable(row.action));
        }

        applyFilter(*w, QStringLiteral("m1"), {QString::fromLatin1(audit::CustomerApprove)});
        QCOMPARE(model->rowCount(), 1);
        QCOMPARE(model->rowFromIndex(model->index(0, 0)).customerNo, number);

        applyFilter(*w, QString(), {}, QStringLiteral("denied"));
        QVERIFY(model->rowCount() >= 1);
        const QList<AuditRow> denied = rowsOf(model);
        for (const AuditRow& row : denied)
            QCOMPARE(row.outcome, QStringLiteral("denied"));
        QVERIFY(std::any_of(
            denied.cbegin(), denied.cend(), [](const AuditRow& r) { return r.login == QLatin1String("cm1"); }));

        applyFilter(*w, QString(), {}, QString(), number);
        QVERIFY(model->rowCount() >= 4);
        for (const AuditRow& row : rowsOf(model))
            QCOMPARE(row.customerNo, number);

        applyFilter(*w, QStringLiteral("k1"), groupOf(QStringLiteral("audit")));
        QCOMPARE(model->rowCount(), 0);
        QCOMPARE(child<QLabel>(w.get(), "rowCountLabel")->text(), QStringLiteral("0 rows."));

        // a time range that ends before everything
        AuditFilterForm* form = w->logPage()->filterForm();
        form->personCombo()->setCurrentIndex(0);
        form->actionCombo()->setCurrentIndex(0);
        form->untilCheck()->setChecked(true);
        AuditFilterForm::setBranchTime(form->untilEdit(), t->clock.nowUtc().addDays(-1));
        QTest::mouseClick(child<QPushButton>(w.get(), "applyFilterButton"), Qt::LeftButton);
        QCOMPARE(model->rowCount(), 0);
        QTest::mouseClick(child<QPushButton>(w.get(), "clearFilterButton"), Qt::LeftButton);
        QVERIFY(model->rowCount() > 10);
        QVERIFY(failures().isEmpty());
    }

    // Issue 13: the auditor reads sentences; the person filter is a chooser of accounts, the action filter
    // offers translated groups; the selected row stays available as stored in the details pane.
    void sentencesPersonAndActionChoicesAndTheRawRow()
    {
        auto w = workspace();
        AuditLogModel* model = w->logPage()->model();
        AuditFilterForm* form = w->logPage()->filterForm();
        const QString masked = Masking::mask(MaskKind::Name, fullValues.constFirst());

        // the person chooser: every account by name, login and role (and the system); no free text
        QComboBox* person = form->personCombo();
        QVERIFY(!person->isEditable());
        QVERIFY(person->findText(QStringLiteral("张经理 (cm1), Customer manager")) > 0);
        QVERIFY(person->findData(QStringLiteral("system")) > 0);
        // the action chooser: a group heading, then its actions by their labels
        QComboBox* action = form->actionCombo();
        QVERIFY(!action->isEditable());
        const int customers = action->findText(QStringLiteral("Customers (all)"));
        QVERIFY(customers > 0);
        QCOMPARE(action->itemData(customers).toStringList(), groupOf(QStringLiteral("customers")));
        QCOMPARE(action->itemText(customers + 1).trimmed(),
            AuditWording::actionLabel(groupOf(QStringLiteral("customers")).constFirst()));

        applyFilter(*w, QStringLiteral("cm1"), {QString::fromLatin1(audit::CustomerOpen)}, QString(), number);
        QCOMPARE(model->rowCount(), 1);
        const QModelIndex sentence = model->index(0, AuditLogModel::Sentence);
        const AuditRow row = model->rowFromIndex(sentence);
        const QString time = AuditWording::clockText(row.at);
        QCOMPARE(sentence.data().toString(),
            QStringLiteral("张经理 (customer manager) opened the details of customer %1 (%2) at %3")
                .arg(number, masked, time));
        QCOMPARE(model->index(0, AuditLogModel::Person).data().toString(), QStringLiteral("张经理 (cm1)"));
        QCOMPARE(model->index(0, AuditLogModel::RoleColumn).data().toString(), QStringLiteral("Customer manager"));
        QCOMPARE(model->index(0, AuditLogModel::Action).data().toString(), QStringLiteral("Customer details opened"));
        QCOMPARE(model->index(0, AuditLogModel::Action).data(Qt::ToolTipRole).toString(),
            QString::fromLatin1(audit::CustomerOpen));

        // the details pane: the sentence, then the row as stored (raw action, JSON details, both hashes)
        w->logPage()->view()->setCurrentIndex(sentence);
        const QString details = child<ProtectedLabel>(w.get(), "detailsLabel")->text();
        QVERIFY2(details.startsWith(sentence.data().toString()), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Action customer.open · outcome ok")), qPrintable(details));
        QVERIFY2(details.contains(QStringLiteral("Details ") + row.details), qPrintable(details));
        QVERIFY(details.contains(QString::fromLatin1(row.hash.toHex())));
        QVERIFY(details.contains(QString::fromLatin1(row.prevHash.toHex())));
        for (const QString& full : std::as_const(fullValues))
            QVERIFY(!details.contains(full));

        // the clerk's lookup: its details in words (purpose as typed, masked name and ID, the result)
        applyFilter(*w, QStringLiteral("k1"), groupOf(QStringLiteral("customers")));
        QCOMPARE(model->rowCount(), 1);
        w->logPage()->view()->setCurrentIndex(model->index(0, AuditLogModel::Sentence));
        const QString lookup = child<ProtectedLabel>(w.get(), "detailsLabel")->text();
        QVERIFY2(lookup.contains(QStringLiteral("Purpose: counter")), qPrintable(lookup));
        QVERIFY2(lookup.contains(QStringLiteral("Result: one customer found")), qPrintable(lookup));
        QVERIFY2(lookup.contains(QStringLiteral("Name (masked): ") + masked), qPrintable(lookup));
        QVERIFY(failures().isEmpty());

        // in Chinese, the same row reads in Chinese after a reload
        bv::installTranslations(QStringLiteral("zh_CN"));
        applyFilter(*w, QStringLiteral("cm1"), {QString::fromLatin1(audit::CustomerOpen)}, QString(), number);
        const QString chinese = model->index(0, AuditLogModel::Sentence).data().toString();
        bv::installTranslations(QStringLiteral("en"));
        QCOMPARE(
            chinese, QStringLiteral("张经理（客户经理）在 %3 打开了客户 %1（%2）的详情").arg(number, masked, time));
    }

    void modelPagesByKeysetAndPassesTheTester()
    {
        // more rows than one page
        for (int i = 0; i < AuditLogModel::kPageSize + 50; ++i)
            BV_VERIFY_OK(internalsOf(*t->core).auditLog().appendStandalone(Actor::system(),
                AuditEvent {QString::fromLatin1(audit::DatabaseVerify), QStringLiteral("database"), QString::number(i),
                    QString(), AuditOutcome::Ok, QJsonObject()}));
        AuditLogModel model(*t->core, auditor);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore(QModelIndex())); // nothing read before reload()
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), AuditLogModel::kPageSize);
        QVERIFY(model.canFetchMore(QModelIndex()));
        model.fetchMore(QModelIndex());
        QVERIFY(model.rowCount() > AuditLogModel::kPageSize + 50);
        while (model.canFetchMore(QModelIndex()))
            model.fetchMore(QModelIndex());
        const QList<AuditRow> rows = rowsOf(&model);
        for (qsizetype i = 1; i < rows.size(); ++i)
            QVERIFY(rows.at(i).seq == rows.at(i - 1).seq + 1); // every row once, in order
        QCOMPARE(rows.constFirst().seq, qint64(1));
        QCOMPARE(model.rowFromIndex(QModelIndex()).seq, qint64(0));
        QCOMPARE(model.columnCount(), int(AuditLogModel::ColumnCount));
        QCOMPARE(
            model.headerData(AuditLogModel::CustomerNo, Qt::Horizontal).toString(), QStringLiteral("Customer number"));

        // a filter resets and pages again
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::DatabaseVerify);
        model.setFilter(filter);
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), AuditLogModel::kPageSize);
        model.fetchMore(QModelIndex());
        QCOMPARE(model.rowCount(), AuditLogModel::kPageSize + 50);
        QVERIFY(!model.canFetchMore(QModelIndex()));

        // a refused read reaches failed(), not the rows
        AuditLogModel refused(*t->core, cm1);
        QSignalSpy failed(&refused, &AuditLogModel::failed);
        QVERIFY(!refused.reload());
        QCOMPARE(failed.size(), 1);
        QCOMPARE(refused.rowCount(), 0);
    }

    void verifyIntactThenBrokenAfterTampering()
    {
        auto w = workspace();
        w->showPage(AuditorWorkspace::Verify);
        QTest::mouseClick(child<QPushButton>(w.get(), "verifyChainButton"), Qt::LeftButton);
        const QString intact = child<QLabel>(w.get(), "verifyResultLabel")->text();
        QVERIFY2(intact.startsWith(QStringLiteral("Intact: ")) && intact.contains(QStringLiteral("head hash")),
            qPrintable(intact));
        QVERIFY(failures().isEmpty());

        Database& db = t->vault->database();
        BV_VERIFY_OK(db.execScript(QStringLiteral("DROP TRIGGER audit_log_no_update;")));
        BV_VERIFY_OK(db.query(QStringLiteral("UPDATE audit_log SET login = 'nobody' WHERE seq = 4")));
        QTest::mouseClick(child<QPushButton>(w.get(), "verifyChainButton"), Qt::LeftButton);
        const QString broken = child<QLabel>(w.get(), "verifyResultLabel")->text();
        QVERIFY2(broken.startsWith(QStringLiteral("Broken at row 4: ")), qPrintable(broken));
        QVERIFY(failures().isEmpty());
    }

    void checkpointSavedAndVerifiedAgainst()
    {
        auto w = workspace();
        w->showPage(AuditorWorkspace::Checkpoint);
        auto* save = child<QPushButton>(w.get(), "saveCheckpointButton");
        QVERIFY(!save->isEnabled());
        QTest::mouseClick(child<QPushButton>(w.get(), "takeCheckpointButton"), Qt::LeftButton);
        const QString text = child<QPlainTextEdit>(w.get(), "checkpointPlainTextEdit")->toPlainText();
        QVERIFY2(text.startsWith(QStringLiteral("BranchVault audit checkpoint\n")), qPrintable(text));
        QVERIFY(save->isEnabled());

        const QString file = t->dir.file(QStringLiteral("checkpoint.txt"));
        dialogs.saveNames << file;
        QTest::mouseClick(save, Qt::LeftButton);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        QCOMPARE(QString::fromUtf8(readFile(file)), text);
        // never over an existing file
        dialogs.saveNames << file;
        QTest::mouseClick(save, Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::AlreadyExists);
        QCOMPARE(QString::fromUtf8(readFile(file)), text);
        dialogs.errors.clear();

        const QString pdf = t->dir.file(QStringLiteral("checkpoint.pdf"));
        dialogs.saveNames << pdf;
        QTest::mouseClick(child<QPushButton>(w.get(), "saveCheckpointPdfButton"), Qt::LeftButton);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        QVERIFY(readFile(pdf).startsWith("%PDF"));

        // later: the chain still holds what the checkpoint named
        w->showPage(AuditorWorkspace::Verify);
        dialogs.openNames << file;
        QTest::mouseClick(child<QPushButton>(w.get(), "verifyCheckpointButton"), Qt::LeftButton);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        const QString result = child<QLabel>(w.get(), "verifyResultLabel")->text();
        QVERIFY2(
            result.startsWith(QStringLiteral("Against the checkpoint checkpoint.txt:\nIntact")), qPrintable(result));
        // a file that is not a checkpoint: the core's refusal
        const QString other = t->dir.file(QStringLiteral("other.txt"));
        QVERIFY(writeFile(other, "hello"));
        dialogs.openNames << other;
        QTest::mouseClick(child<QPushButton>(w.get(), "verifyCheckpointButton"), Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::Damaged);
    }

    void exportWritesTheCsv()
    {
        auto w = workspace();
        w->showPage(AuditorWorkspace::Export);
        AuditFilterForm* form = w->findChild<AuditFilterForm*>(QStringLiteral("exportFilterForm"));
        QVERIFY(form);
        form->customerNumberEdit()->setText(number);
        const QString file = t->dir.file(QStringLiteral("audit.csv"));
        dialogs.saveNames << file;
        QTest::mouseClick(child<QPushButton>(w.get(), "exportCsvButton"), Qt::LeftButton);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        const QByteArray csv = readFile(file);
        QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
        const QString content = QString::fromUtf8(csv);
        QVERIFY(content.contains(number));
        QVERIFY(content.contains(QString::fromLatin1(audit::CustomerCreate)));
        QVERIFY(!content.contains(QString::fromLatin1(audit::SignIn))); // only this customer's rows
        for (const QString& full : std::as_const(fullValues))
            QVERIFY(!content.contains(full));
        QVERIFY(child<QLabel>(w.get(), "exportStatusLabel")->text().contains(QStringLiteral("exported")));
        QVERIFY(!child<QProgressBar>(w.get(), "exportProgressBar")->isVisible());
        // never over an existing file
        dialogs.saveNames << file;
        QTest::mouseClick(child<QPushButton>(w.get(), "exportCsvButton"), Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::AlreadyExists);
        AuditFilter exports;
        exports.action = QString::fromLatin1(audit::AuditExport);
        QCOMPARE(internalsOf(*t->core).auditLog().rows(exports)->size(), 1);
    }

    void alertsPageRuns()
    {
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::AlertClerkLookupsPerHour), QStringLiteral("2")));
        const CustomerInput input = customerInput(31);
        for (int i = 0; i < 3; ++i)
            BV_VERIFY_OK(
                t->core->customers().finder().clerkLookup(clerk, input.values.value(QString::fromLatin1(fields::Name)),
                    input.values.value(QString::fromLatin1(fields::IdNumber)), QStringLiteral("counter")));
        auto w = workspace();
        w->showPage(AuditorWorkspace::Alerts);
        QTest::mouseClick(child<QPushButton>(w.get(), "showAlertsButton"), Qt::LeftButton);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        auto* list = child<QTreeWidget>(w.get(), "alertsTreeWidget");
        QVERIFY(list->topLevelItemCount() >= 1);
        bool clerkAlert = false;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = list->topLevelItem(i);
            if (item->text(0) == QStringLiteral("Many clerk lookups") && item->text(1).startsWith(QStringLiteral("k1")))
                clerkAlert = item->text(3).toInt() >= 3 && !item->text(4).isEmpty();
        }
        QVERIFY(clerkAlert);
        QVERIFY(child<QLabel>(w.get(), "alertsStatusLabel")->text().contains(QStringLiteral("alert")));
    }

    void onlyTheAuditorReads()
    {
        // the workspace in another role's hands gets the core's refusal, no rows
        AuditorWorkspace w(WorkspaceContext {*t->core, m1, dialogs, clipboard});
        QCOMPARE(w.logPage()->model()->rowCount(), 0);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::PermissionDenied);
    }

    void screenshots()
    {
        const QList<QPair<AuditorWorkspace::Page, QString>> pages {{AuditorWorkspace::Log, QStringLiteral("log")},
            {AuditorWorkspace::Verify, QStringLiteral("verify")},
            {AuditorWorkspace::Checkpoint, QStringLiteral("checkpoint")},
            {AuditorWorkspace::Alerts, QStringLiteral("alerts")}, {AuditorWorkspace::Export, QStringLiteral("export")}};
        // something for the alerts page to show
        BV_VERIFY_OK(SettingsWriter::setAs(t->core->settings(), Actor::system(),
            QString::fromLatin1(settings::AlertClerkLookupsPerHour), QStringLiteral("2")));
        const CustomerInput input = customerInput(31);
        for (int i = 0; i < 3; ++i)
            BV_VERIFY_OK(
                t->core->customers().finder().clerkLookup(clerk, input.values.value(QString::fromLatin1(fields::Name)),
                    input.values.value(QString::fromLatin1(fields::IdNumber)), QStringLiteral("counter")));
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            bv::installTranslations(language);
            auto w = workspace();
            w->logPage()->view()->setCurrentIndex(w->logPage()->model()->index(3, 0));
            for (const auto& [page, name] : pages) {
                w->showPage(page);
                if (page == AuditorWorkspace::Verify)
                    QTest::mouseClick(child<QPushButton>(w.get(), "verifyChainButton"), Qt::LeftButton);
                if (page == AuditorWorkspace::Checkpoint)
                    QTest::mouseClick(child<QPushButton>(w.get(), "takeCheckpointButton"), Qt::LeftButton);
                if (page == AuditorWorkspace::Alerts)
                    QTest::mouseClick(child<QPushButton>(w.get(), "showAlertsButton"), Qt::LeftButton);
                QVERIFY(QFileInfo::exists(screenshot(w.get(), QStringLiteral("auditor-") + name, language)));
            }
        }
        bv::installTranslations(QStringLiteral("en"));
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
    }
};

QTEST_MAIN(TestAuditorWorkspace)
#include "tst_auditorworkspace.moc"
