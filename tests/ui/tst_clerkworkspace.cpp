// The query clerk's workspace: one exact lookup (full name AND ID number, with a purpose) → one masked
// card or "No match"; a restricted customer → the core's refusal and a restricted-access request; no
// list, table or history anywhere, and nothing of a customer left after "New lookup".
#include "core/audit/AuditActions.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/FieldCatalogue.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/common/ProtectedLabel.h"
#include "ui/workspaces/ClerkWorkspace.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestClerkWorkspace : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1, clerk;
    ScriptedDialogs dialogs;
    ClipboardGuard clipboard;
    QString number, restrictedNumber;

    QString createApproved(int seed, bool restricted = false)
    {
        CustomerInput input = customerInput(seed);
        if (restricted)
            input.restricted = true;
        auto receipt = t->core->customers().entry().create(cm1, input);
        if (!receipt.ok()) {
            qWarning("create: %s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (!t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }

    static QString value(int seed, const char* field)
    {
        return customerInput(seed).values.value(QString::fromLatin1(field));
    }

    // Every grade-1 value of a test customer in full.
    static QStringList fullValues(int seed)
    {
        const CustomerInput input = customerInput(seed);
        return {input.values.value(QString::fromLatin1(fields::Name)),
            input.values.value(QString::fromLatin1(fields::IdNumber)),
            input.values.value(QString::fromLatin1(fields::Mobile)),
            input.values.value(QString::fromLatin1(fields::Address)), input.accounts.constFirst().number};
    }

    void fill(ClerkWorkspace& w, const QString& name, const QString& id, const QString& purpose)
    {
        child<QLineEdit>(&w, "nameLineEdit")->setText(name);
        child<QLineEdit>(&w, "idNumberLineEdit")->setText(id);
        child<QLineEdit>(&w, "purposeLineEdit")->setText(purpose);
    }

    void lookUp(ClerkWorkspace& w, int seed, const QString& purpose = QStringLiteral("verifying at the counter"))
    {
        fill(w, value(seed, fields::Name), value(seed, fields::IdNumber), purpose);
        QTest::mouseClick(child<QPushButton>(&w, "lookupButton"), Qt::LeftButton);
    }

private slots:
    void initTestCase() { bv::installTranslations(QStringLiteral("en")); }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        clerk = t->addUser(QStringLiteral("k1"), Role::Clerk, QStringLiteral("查询员"));
        number = createApproved(15);
        restrictedNumber = createApproved(17, true);
        QVERIFY(!number.isEmpty() && !restrictedNumber.isEmpty());
        dialogs = ScriptedDialogs();
    }
    void cleanup() { t.reset(); }

    void titleAndNoItemViewAnywhere()
    {
        ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
        w.show();
        QCOMPARE(w.title(), QStringLiteral("Customer lookup"));
        QVERIFY(w.findChildren<QAbstractItemView*>().isEmpty());
        lookUp(w, 15);
        QVERIFY(w.findChildren<QAbstractItemView*>().isEmpty()); // not after a lookup either
    }

    void lookupNeedsAllThreeFields()
    {
        ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
        w.show();
        auto* button = child<QPushButton>(&w, "lookupButton");
        QVERIFY(!button->isEnabled());
        child<QLineEdit>(&w, "nameLineEdit")->setText(value(15, fields::Name));
        QVERIFY(!button->isEnabled());
        child<QLineEdit>(&w, "idNumberLineEdit")->setText(value(15, fields::IdNumber));
        QVERIFY(!button->isEnabled());
        child<QLineEdit>(&w, "purposeLineEdit")->setText(QStringLiteral("   "));
        QVERIFY(!button->isEnabled()); // blanks are not a purpose
        QTest::keyClicks(child<QLineEdit>(&w, "purposeLineEdit"), QStringLiteral("counter"));
        QVERIFY(button->isEnabled());
        child<QLineEdit>(&w, "nameLineEdit")->setText(QString());
        QVERIFY(!button->isEnabled());
        // Return in a field does nothing while the form is incomplete: no lookup was made
        QTest::keyClick(child<QLineEdit>(&w, "purposeLineEdit"), Qt::Key_Return);
        AuditFilter lookups;
        lookups.action = QString::fromLatin1(audit::CustomerLookup);
        QCOMPARE(internalsOf(*t->core).auditLog().rows(lookups)->size(), 0);
    }

    void exactLookupShowsOneMaskedCard()
    {
        ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
        w.show();
        lookUp(w, 15);
        QVERIFY2(
            dialogs.errors.isEmpty(), dialogs.errors.isEmpty() ? "" : qPrintable(dialogs.errors.first().fullText()));
        auto* card = child<QGroupBox>(&w, "cardGroupBox");
        QVERIFY(card->isVisible());
        QCOMPARE(child<ProtectedLabel>(&w, "customerNumberLabel")->text(), number);
        const QString maskedName = child<ProtectedLabel>(&w, "maskedNameLabel")->text();
        QVERIFY2(maskedName.contains(QLatin1Char('*')), qPrintable(maskedName));
        QCOMPARE(maskedName.left(1), value(15, fields::Name).left(1));
        const QString maskedId = child<ProtectedLabel>(&w, "maskedIdNumberLabel")->text();
        QCOMPARE(maskedId, value(15, fields::IdNumber).left(6) + QString(12, QLatin1Char('*')));
        const QString maskedMobile = child<ProtectedLabel>(&w, "maskedMobileLabel")->text();
        QCOMPARE(maskedMobile,
            value(15, fields::Mobile).left(3) + QStringLiteral("****") + value(15, fields::Mobile).right(4));
        QCOMPARE(child<ProtectedLabel>(&w, "managerLabel")->text(), QStringLiteral("张经理"));
        QVERIFY(!child<ProtectedLabel>(&w, "sexLabel")->text().isEmpty());
        QVERIFY(!child<ProtectedLabel>(&w, "ageBandLabel")->text().isEmpty());
        QVERIFY(!child<ProtectedLabel>(&w, "tierLabel")->text().isEmpty());
        QCOMPARE(child<ProtectedLabel>(&w, "statusLabel")->text(), QStringLiteral("active"));
        // every card value is in a label that cannot be selected or copied
        for (ProtectedLabel* label : card->findChildren<ProtectedLabel*>()) {
            QCOMPARE(label->textInteractionFlags(), Qt::NoTextInteraction);
            QCOMPARE(label->contextMenuPolicy(), Qt::NoContextMenu);
        }
        QCOMPARE(card->findChildren<ProtectedLabel*>().size(), 10);
        // the form was emptied by the lookup, and no full value is anywhere
        QVERIFY(child<QLineEdit>(&w, "nameLineEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(&w, "idNumberLineEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(&w, "purposeLineEdit")->text().isEmpty());
        const QStringList texts = visibleTexts(&w);
        for (const QString& full : fullValues(15))
            QVERIFY2(containing(texts, full).isEmpty(), qPrintable(containing(texts, full).join(QLatin1Char('|'))));
        QVERIFY(!child<QLabel>(&w, "resultLabel")->isVisible());
        QVERIFY(!child<QGroupBox>(&w, "restrictedGroupBox")->isVisible());
        // the lookup is audited with masked terms and the purpose
        AuditFilter lookups;
        lookups.action = QString::fromLatin1(audit::CustomerLookup);
        auto rows = internalsOf(*t->core).auditLog().rows(lookups);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->constFirst().customerNo, number);
        QCOMPARE(rows->constFirst().login, QStringLiteral("k1"));
        for (const QString& full : fullValues(15))
            QVERIFY(!rows->constFirst().details.contains(full));
    }

    void partialNameIsNoMatch()
    {
        ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
        w.show();
        fill(w, value(15, fields::Name).left(1), value(15, fields::IdNumber), QStringLiteral("counter"));
        QTest::mouseClick(child<QPushButton>(&w, "lookupButton"), Qt::LeftButton);
        auto* result = child<QLabel>(&w, "resultLabel");
        QVERIFY(result->isVisible());
        QVERIFY2(result->text().startsWith(QStringLiteral("No match")), qPrintable(result->text()));
        QVERIFY(!child<QGroupBox>(&w, "cardGroupBox")->isVisible());
        QVERIFY(containing(visibleTexts(&w), number).isEmpty());
        // the name and the purpose stay for the next try; the ID number is typed again, the cursor waits there
        QCOMPARE(child<QLineEdit>(&w, "nameLineEdit")->text(), value(15, fields::Name).left(1));
        QCOMPARE(child<QLineEdit>(&w, "purposeLineEdit")->text(), QStringLiteral("counter"));
        QVERIFY(child<QLineEdit>(&w, "idNumberLineEdit")->text().isEmpty());
        QVERIFY(!child<QPushButton>(&w, "lookupButton")->isEnabled());
        QCOMPARE(w.focusWidget(), child<QLineEdit>(&w, "idNumberLineEdit"));
        // the ID number with one digit short: no match either
        fill(w, value(15, fields::Name), value(15, fields::IdNumber).left(17), QStringLiteral("counter"));
        QTest::keyClick(child<QLineEdit>(&w, "purposeLineEdit"), Qt::Key_Return);
        QVERIFY(result->text().startsWith(QStringLiteral("No match")));
        QVERIFY(!child<QGroupBox>(&w, "cardGroupBox")->isVisible());
        QVERIFY(dialogs.errors.isEmpty());
        QCOMPARE(child<QLineEdit>(&w, "nameLineEdit")->text(), value(15, fields::Name));
        // typing the right number now finds the customer with the kept name and purpose
        child<QLineEdit>(&w, "idNumberLineEdit")->setText(value(15, fields::IdNumber));
        QTest::keyClick(child<QLineEdit>(&w, "idNumberLineEdit"), Qt::Key_Return);
        QVERIFY(child<QGroupBox>(&w, "cardGroupBox")->isVisible());
        QVERIFY(!containing(visibleTexts(&w), number).isEmpty());
        // a match empties the form as before
        QVERIFY(child<QLineEdit>(&w, "nameLineEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(&w, "purposeLineEdit")->text().isEmpty());
    }

    void newLookupLeavesNothingOfTheCustomer()
    {
        ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
        w.show();
        lookUp(w, 15);
        const QString maskedName = child<ProtectedLabel>(&w, "maskedNameLabel")->text();
        const QString maskedId = child<ProtectedLabel>(&w, "maskedIdNumberLabel")->text();
        const QString maskedMobile = child<ProtectedLabel>(&w, "maskedMobileLabel")->text();
        QVERIFY(!maskedName.isEmpty() && !maskedId.isEmpty() && !maskedMobile.isEmpty());
        QVERIFY(!containing(visibleTexts(&w), number).isEmpty());

        // a second person typed half-way, then "New lookup"
        child<QLineEdit>(&w, "nameLineEdit")->setText(value(16, fields::Name));
        child<QLineEdit>(&w, "idNumberLineEdit")->setText(value(16, fields::IdNumber));
        QTest::mouseClick(child<QPushButton>(&w, "newLookupButton"), Qt::LeftButton);

        const QStringList texts = visibleTexts(&w);
        QStringList leftovers {number, maskedName, maskedId, maskedMobile, QStringLiteral("张经理")};
        leftovers << fullValues(15) << fullValues(16);
        for (const QString& leftover : leftovers)
            QVERIFY2(containing(texts, leftover).isEmpty(), qPrintable(leftover));
        for (ProtectedLabel* label : w.findChildren<ProtectedLabel*>())
            QVERIFY(label->text().isEmpty());
        QVERIFY(!child<QGroupBox>(&w, "cardGroupBox")->isVisible());
        // and no undo brings a typed value back
        for (QLineEdit* edit : w.findChildren<QLineEdit*>()) {
            if (qobject_cast<QAbstractSpinBox*>(edit->parentWidget()))
                continue; // the validity box's own editor ("24 h")
            QVERIFY(edit->text().isEmpty());
            QVERIFY(!edit->isUndoAvailable());
            edit->undo();
            QVERIFY(edit->text().isEmpty());
        }
        QVERIFY(!child<QPushButton>(&w, "lookupButton")->isEnabled());
    }

    void restrictedCustomerShowsTheRefusalAndOffersTheRequest()
    {
        ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
        w.show();
        lookUp(w, 17);
        QVERIFY(dialogs.errors.isEmpty());
        QVERIFY(!child<QGroupBox>(&w, "cardGroupBox")->isVisible());
        QVERIFY(child<QGroupBox>(&w, "restrictedGroupBox")->isVisible());
        const QString refusal = child<QLabel>(&w, "refusalLabel")->text();
        QVERIFY2(
            refusal.contains(QStringLiteral("restricted")) && refusal.contains(restrictedNumber), qPrintable(refusal));
        for (const QString& full : fullValues(17))
            QVERIFY(containing(visibleTexts(&w), full).isEmpty());
        for (ProtectedLabel* label : w.findChildren<ProtectedLabel*>())
            QVERIFY(label->text().isEmpty()); // no card values at all

        // the clerk files the request with the number the message names
        auto* request = child<QPushButton>(&w, "requestAccessButton");
        QVERIFY(!request->isEnabled());
        QTest::keyClicks(child<QLineEdit>(&w, "requestCustomerNumberLineEdit"), restrictedNumber);
        QVERIFY(!request->isEnabled()); // a purpose is required
        QTest::keyClicks(child<QLineEdit>(&w, "requestPurposeLineEdit"), QStringLiteral("court order 2026-17"));
        child<QSpinBox>(&w, "requestValiditySpinBox")->setValue(4);
        QVERIFY(request->isEnabled());
        QTest::mouseClick(request, Qt::LeftButton);
        QVERIFY2(
            dialogs.errors.isEmpty(), dialogs.errors.isEmpty() ? "" : qPrintable(dialogs.errors.first().fullText()));
        QCOMPARE(dialogs.infos.size(), 1);
        auto requests = t->core->requests().list(clerk);
        BV_VERIFY_OK(requests);
        QCOMPARE(requests->size(), 1);
        const Request filed = requests->constFirst();
        QCOMPARE(filed.type, RequestType::RestrictedAccess);
        QCOMPARE(filed.customerNumbers, QStringList {restrictedNumber});
        QCOMPARE(filed.purpose, QStringLiteral("court order 2026-17"));
        QCOMPARE(filed.validityHours, 4);
        QCOMPARE(filed.status, RequestStatus::Pending);
        QVERIFY(dialogs.infos.constFirst().contains(QString::number(filed.id)));
        QVERIFY(!child<QGroupBox>(&w, "restrictedGroupBox")->isVisible());
        QVERIFY(containing(visibleTexts(&w), restrictedNumber).isEmpty());

        // still refused until the branch manager approves; then the masked card
        lookUp(w, 17);
        QVERIFY(child<QGroupBox>(&w, "restrictedGroupBox")->isVisible());
        BV_VERIFY_OK(t->core->requests().approve(m1, filed.id, QStringLiteral("court order checked")));
        lookUp(w, 17);
        QVERIFY(child<QGroupBox>(&w, "cardGroupBox")->isVisible());
        QCOMPARE(child<ProtectedLabel>(&w, "customerNumberLabel")->text(), restrictedNumber);
        QVERIFY(!child<QGroupBox>(&w, "restrictedGroupBox")->isVisible());
    }

    void aWrongNumberInTheRequestIsRefusedByTheCore()
    {
        ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
        w.show();
        lookUp(w, 17);
        child<QLineEdit>(&w, "requestCustomerNumberLineEdit")->setText(number); // not restricted
        child<QLineEdit>(&w, "requestPurposeLineEdit")->setText(QStringLiteral("counter"));
        QTest::mouseClick(child<QPushButton>(&w, "requestAccessButton"), Qt::LeftButton);
        QCOMPARE(dialogs.errors.size(), 1);
        QCOMPARE(dialogs.errors.constFirst().code, ErrorCode::InvalidInput);
        QVERIFY(t->core->requests().list(clerk)->isEmpty());
        QVERIFY(child<QGroupBox>(&w, "restrictedGroupBox")->isVisible()); // the clerk can correct it
    }

    void screenshots()
    {
        for (const QString& language : {QStringLiteral("en"), QStringLiteral("zh_CN")}) {
            bv::installTranslations(language);
            {
                ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
                w.show();
                lookUp(w, 15);
                QVERIFY(QFileInfo::exists(screenshot(&w, QStringLiteral("clerk-card"), language)));
            }
            {
                ClerkWorkspace w({*t->core, clerk, dialogs, clipboard});
                w.show();
                lookUp(w, 17);
                QVERIFY(QFileInfo::exists(screenshot(&w, QStringLiteral("clerk-restricted"), language)));
            }
        }
        bv::installTranslations(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestClerkWorkspace)
#include "tst_clerkworkspace.moc"
