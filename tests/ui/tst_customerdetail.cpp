// One customer detail for every role (issue 13 item 6): the branch manager's customer page and the customer
// manager's tab hold the same CustomerDetailWidget, and what it offers is the core's answer for the session
// (CustomerView::actions), not a role check in the widget.
#include "core/Core.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"
#include "tests/ui/UiTestSupport.h"
#include "ui/common/ClipboardGuard.h"
#include "ui/customers/CustomerDetailWidget.h"
#include "ui/manager/CustomerHostPage.h"
#include "ui/workspaces/CustomerManagerWorkspace.h"
#include "ui/workspaces/ManagerWorkspace.h"

#include <QDateEdit>
#include <QPushButton>
#include <QTest>

using namespace bv;
using namespace bv::test;
using namespace bv::ui;

class TestCustomerDetail : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> m_t;
    Session m_m1, m_cm1;
    ScriptedDialogs m_dialogs;
    ClipboardGuard m_clipboard;

    WorkspaceContext context(const Session& session)
    {
        return WorkspaceContext {*m_t->core, session, m_dialogs, m_clipboard};
    }

    // What the widget offers: the buttons shown and whether they can be pressed, the entry forms present.
    static QStringList offered(CustomerDetailWidget* detail)
    {
        QStringList what;
        for (const char* name : {"editButton", "requestFullViewButton", "showFullValuesButton"}) {
            auto* button = detail->findChild<QPushButton*>(QLatin1String(name));
            if (button && !button->isHidden())
                what << QString::fromLatin1(name) + (button->isEnabled() ? QString() : QStringLiteral(" (off)"));
        }
        if (detail->findChild<QDateEdit*>(QStringLiteral("servedOnDateEdit")))
            what << QStringLiteral("service form");
        return what;
    }

    static QStringList expected(const CustomerActions& a)
    {
        QStringList what;
        if (a.edit)
            what << (a.editNow ? QStringLiteral("editButton") : QStringLiteral("editButton (off)"));
        if (a.requestReveal)
            what << QStringLiteral("requestFullViewButton");
        if (a.reveal)
            what << QStringLiteral("showFullValuesButton (off)"); // no live approval yet
        if (a.recordService)
            what << QStringLiteral("service form");
        return what;
    }

private slots:
    void init()
    {
        m_t = TestCore::create();
        QVERIFY(m_t);
        m_m1 = m_t->addUser(QStringLiteral("m1"), Role::Manager);
        m_cm1 = m_t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        QVERIFY(m_m1.isValid() && m_cm1.isValid());
    }
    void cleanup() { m_t.reset(); }

    void bothRolesGetTheSameWidgetAsTheCoreAnswers()
    {
        auto receipt = m_t->core->customers().entry().create(m_cm1, customerInput(1));
        QVERIFY(receipt.ok());
        const QString number = receipt->customerNumber;
        for (bool approved : {false, true}) {
            if (approved)
                QVERIFY(m_t->core->customers().entry().approve(m_m1, receipt->changeId, QStringLiteral("ok")).ok());
            auto managerView = m_t->core->customers().finder().open(m_m1, number);
            auto ownView = m_t->core->customers().finder().open(m_cm1, number);
            QVERIFY(managerView.ok() && ownView.ok());
            QCOMPARE(managerView->actions.editNow, approved); // a record waiting for approval is not edited
            QCOMPARE(ownView->actions.editNow, approved);

            ManagerWorkspace manager(context(m_m1));
            manager.openCustomer(number);
            CustomerDetailWidget* managerDetail = manager.customerPage()->detail();
            QVERIFY(managerDetail && managerDetail->isLoaded());
            CustomerManagerWorkspace own(context(m_cm1));
            CustomerDetailWidget* ownDetail = own.openCustomer(number);
            QVERIFY(ownDetail && ownDetail->isLoaded());
            QCOMPARE(offered(managerDetail), expected(managerView->actions));
            QCOMPARE(offered(ownDetail), expected(ownView->actions));
            QCOMPARE(offered(managerDetail), offered(ownDetail)); // one detail, the same actions for this customer
            QVERIFY(offered(ownDetail).contains(
                approved ? QStringLiteral("editButton") : QStringLiteral("editButton (off)")));
        }
        QVERIFY2(m_dialogs.errors.isEmpty(), qPrintable(m_dialogs.errors.value(0).message));
    }
};

QTEST_MAIN(TestCustomerDetail)
#include "tst_customerdetail.moc"
