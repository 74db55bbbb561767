// Customer records: maker-checker entry, duplicates and suspicious pairs, and — above all — role
// scoping: for each role exactly what DESIGN §6 says is visible, nothing outside it.
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/db/Database.h"
#include "core/policy/FieldCatalogue.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QRegularExpression>
#include <QSqlRecord>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestCustomers : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, m2, cm1, cm2, clerk, auditor;
    CustomerEntry& entry() { return t->core->customers().entry(); }
    CustomerFinder& finder() { return t->core->customers().finder(); }

    QString createApproved(const Session& maker, int seed, const Session* checker = nullptr)
    {
        auto receipt = entry().create(maker, customerInput(seed));
        if (!receipt.ok()) {
            qWarning("create: %s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (!entry().approve(checker ? *checker : m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }

    // Every grade-1 value of the test customers, to prove none of them leaks.
    QStringList secretsOf(int seed)
    {
        const CustomerInput input = customerInput(seed);
        return {input.values.value(QString::fromLatin1(fields::IdNumber)),
            input.values.value(QString::fromLatin1(fields::Mobile)), input.accounts.constFirst().number,
            input.values.value(QString::fromLatin1(fields::Name))};
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        m2 = t->addUser(QStringLiteral("m2"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager, QStringLiteral("张经理"));
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager, QStringLiteral("李经理"));
        clerk = t->addUser(QStringLiteral("k1"), Role::Clerk);
        auditor = t->addUser(QStringLiteral("u1"), Role::Auditor);
    }
    void cleanup() { t.reset(); }

    void makerCheckerForNewRecords()
    {
        auto receipt = entry().create(cm1, customerInput(1));
        BV_VERIFY_OK(receipt);
        QVERIFY(receipt->customerNumber.startsWith(QStringLiteral("0001-")));
        auto pending = finder().open(cm1, receipt->customerNumber);
        BV_VERIFY_OK(pending);
        QCOMPARE(statusKey(pending->status), QStringLiteral("pending"));
        QCOMPARE(pending->pendingChangeId, receipt->changeId);
        // the maker's own pending list; the manager's inbox
        QCOMPARE(entry().pending(cm1)->size(), 1);
        QCOMPARE(entry().pending(m1)->size(), 1);
        QCOMPARE(entry().pending(m1)->constFirst().diff.size() >= 6, true);
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        auto active = finder().open(cm1, receipt->customerNumber);
        BV_VERIFY_OK(active);
        QCOMPARE(statusKey(active->status), QStringLiteral("active"));
        QCOMPARE(active->tier, QStringLiteral("regular")); // 100,000 CNY < 500,000
        QVERIFY(!active->ageBand.isEmpty());
        QCOMPARE(active->sex, QStringLiteral("F")); // derived from the ID number
        BV_COMPARE_CODE(entry().approve(m1, receipt->changeId, QStringLiteral("checked")), ErrorCode::Conflict);
    }

    void theMakerNeverApproves()
    {
        CustomerInput input = customerInput(2);
        input.managerId = t->userId(QStringLiteral("cm1"));
        auto receipt = entry().create(m1, input); // a manager enters; another manager checks
        BV_VERIFY_OK(receipt);
        BV_COMPARE_CODE(entry().approve(m1, receipt->changeId, QStringLiteral("checked")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(entry().reject(m1, receipt->changeId, QStringLiteral("x")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            entry().approve(cm1, receipt->changeId, QStringLiteral("checked")), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(entry().approve(m2, receipt->changeId, QStringLiteral("checked")));
        // the customer belongs to cm1
        BV_VERIFY_OK(finder().open(cm1, receipt->customerNumber));
    }

    void rejectedNewRecordKeepsNoPersonalData()
    {
        auto receipt = entry().create(cm1, customerInput(3));
        BV_VERIFY_OK(receipt);
        BV_COMPARE_CODE(entry().reject(m1, receipt->changeId, QString()), ErrorCode::InvalidInput);
        BV_VERIFY_OK(entry().reject(m1, receipt->changeId, QStringLiteral("ID copy unreadable")));
        auto ref = CustomerServiceInternals::of(t->core->customers()).customerByNumber(receipt->customerNumber);
        QCOMPARE(statusKey(ref->status), QStringLiteral("rejected"));
        auto sealed
            = t->vault->database().scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind IN "
                                                         "('customer', 'account')"));
        QCOMPARE(sealed->toInt(), 0);
        // and the same person can be entered again
        BV_VERIFY_OK(entry().create(cm1, customerInput(3)));
    }

    void duplicateIdIsRefusedNamingOnlyNumberAndManager()
    {
        const QString number = createApproved(cm1, 4);
        QVERIFY(!number.isEmpty());
        CustomerInput again = customerInput(4);
        again.values[QString::fromLatin1(fields::Name)] = QStringLiteral("另一个名字");
        again.values[QString::fromLatin1(fields::Mobile)] = mobile(900);
        auto refused = entry().create(cm2, again);
        BV_COMPARE_CODE(refused, ErrorCode::Conflict);
        QVERIFY(refused.error().message.contains(number));
        QVERIFY(refused.error().message.contains(QStringLiteral("张*理")));
        for (const QString& secret : secretsOf(4))
            QVERIFY2(!refused.error().fullText().contains(secret), "the refusal names a grade-1 value");
        // a lower-case x or a 15-digit legacy form of the same ID is the same ID
        again.values[QString::fromLatin1(fields::IdNumber)]
            = customerInput(4).values.value(QString::fromLatin1(fields::IdNumber)).toLower();
        BV_COMPARE_CODE(entry().create(cm2, again), ErrorCode::Conflict);
    }

    void editsArePendingAndShowMaskedDifferences()
    {
        const QString number = createApproved(cm1, 5);
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::Mobile), QStringLiteral("13900001111"));
        edit.values.insert(QString::fromLatin1(fields::Occupation), QStringLiteral("教师"));
        auto receipt = entry().edit(cm1, number, edit);
        BV_VERIFY_OK(receipt);
        BV_COMPARE_CODE(entry().edit(cm1, number, edit), ErrorCode::Conflict); // one pending change at a time
        auto change = entry().change(m1, receipt->changeId);
        BV_VERIFY_OK(change);
        bool sawMobile = false;
        for (const FieldDiff& d : change->diff) {
            if (d.field == QLatin1String(fields::Mobile)) {
                sawMobile = true;
                QCOMPARE(d.newMasked, QStringLiteral("139****1111"));
                QVERIFY(!d.oldMasked.isEmpty() && d.oldMasked.contains(QLatin1Char('*')));
            }
        }
        QVERIFY(sawMobile);
        // until approved, the record still shows the old value
        QCOMPARE(finder().open(cm1, number)->gradeOne.value(QString::fromLatin1(fields::Mobile)),
            t->core->customers().finder().open(m1, number)->gradeOne.value(QString::fromLatin1(fields::Mobile)));
        QVERIFY(finder().open(cm1, number)->gradeOne.value(QString::fromLatin1(fields::Mobile))
            != QStringLiteral("139****1111"));
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        auto view = finder().open(cm1, number);
        QCOMPARE(view->gradeOne.value(QString::fromLatin1(fields::Mobile)), QStringLiteral("139****1111"));
        QCOMPARE(view->gradeTwo.value(QString::fromLatin1(fields::Occupation)), QStringLiteral("教师"));
        // the old mobile is in the history, sealed
        auto history = entry().history(cm1, number);
        BV_VERIFY_OK(history);
        QCOMPARE(history->size(), 2);
        auto old = t->vault->database().scalar(
            QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'history' "
                           "AND field = 'mobile'"));
        QCOMPARE(old->toInt(), 1);
    }

    void rejectionKeepsTheOldValues()
    {
        const QString number = createApproved(cm1, 6);
        const QString before = finder().open(cm1, number)->gradeOne.value(QString::fromLatin1(fields::Mobile));
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::Mobile), QStringLiteral("13700002222"));
        auto receipt = entry().edit(cm1, number, edit);
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(entry().reject(m1, receipt->changeId, QStringLiteral("customer did not sign")));
        QCOMPARE(finder().open(cm1, number)->gradeOne.value(QString::fromLatin1(fields::Mobile)), before);
        auto staged = t->vault->database().scalar(
            QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'change'"));
        QCOMPARE(staged->toInt(), 0);
    }

    void validationNamesTheField()
    {
        CustomerInput bad = customerInput(7);
        QString id = bad.values.value(QString::fromLatin1(fields::IdNumber));
        id[17] = id[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        bad.values[QString::fromLatin1(fields::IdNumber)] = id;
        auto refused = entry().create(cm1, bad);
        BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
        QCOMPARE(refused.error().field, QString::fromLatin1(fields::IdNumber));
        CustomerInput noContact = customerInput(8);
        noContact.values.remove(QString::fromLatin1(fields::Mobile));
        noContact.values.remove(QString::fromLatin1(fields::Address));
        BV_COMPARE_CODE(entry().create(cm1, noContact), ErrorCode::InvalidInput);
        CustomerInput badCard = customerInput(9);
        badCard.accounts[0].number[5]
            = badCard.accounts[0].number[5] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        auto card = entry().create(cm1, badCard);
        BV_COMPARE_CODE(card, ErrorCode::InvalidInput);
        QCOMPARE(card.error().field, QString::fromLatin1(fields::AccountNumber));
    }

    void sameMobileOnTwoCustomersIsSuspicious()
    {
        const QString a = createApproved(cm1, 10);
        CustomerInput other = customerInput(11);
        other.values[QString::fromLatin1(fields::Mobile)] = mobile(10);
        const QString b = [&] {
            auto r = entry().create(cm2, other);
            return r.ok() && entry().approve(m1, r->changeId, QStringLiteral("checked")).ok() ? r->customerNumber
                                                                                              : QString();
        }();
        QVERIFY(!b.isEmpty());
        auto pairs = entry().suspicious(m1);
        BV_VERIFY_OK(pairs);
        QCOMPARE(pairs->size(), 1);
        QCOMPARE(pairs->constFirst().kind, QStringLiteral("phone"));
        // the shared number, masked (middle four hidden), never in full
        const QString shared = mobile(10);
        QCOMPARE(pairs->constFirst().maskedValue, shared.left(3) + QStringLiteral("****") + shared.right(4));
        QCOMPARE(QSet<QString>({pairs->constFirst().numberA, pairs->constFirst().numberB}), QSet<QString>({a, b}));
        BV_COMPARE_CODE(entry().suspicious(cm1), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(entry().clearSuspicious(m1, pairs->constFirst().id, QString()), ErrorCode::InvalidInput);
        BV_VERIFY_OK(entry().clearSuspicious(m1, pairs->constFirst().id, QStringLiteral("married couple")));
        QCOMPARE(entry().suspicious(m1)->size(), 0);
    }

    void listViewsLeaveOneAuditRowEach()
    {
        const QString a = createApproved(cm1, 10);
        CustomerInput other = customerInput(11);
        other.values[QString::fromLatin1(fields::Mobile)] = mobile(10);
        auto pendingReceipt = entry().create(cm2, other);
        BV_VERIFY_OK(pendingReceipt);
        const auto rowsOf = [&](const QString& objectType) {
            AuditFilter filter;
            filter.action = QString::fromLatin1(audit::CustomerList);
            auto rows = internalsOf(*t->core).auditLog().rows(filter);
            QList<AuditRow> out;
            for (const AuditRow& row : *rows)
                if (row.objectType == objectType)
                    out << row;
            return out;
        };
        // the customer manager's portfolio, unfiltered: one row for the view (not one per page or customer)
        BV_VERIFY_OK(finder().portfolio(cm1));
        QCOMPARE(rowsOf(QStringLiteral("portfolio")).size(), 1);
        QCOMPARE(rowsOf(QStringLiteral("portfolio")).constFirst().login, QStringLiteral("cm1"));
        // the approvals list (the manager's inbox and the maker's own)
        BV_VERIFY_OK(entry().pending(m1));
        BV_VERIFY_OK(entry().pending(cm2));
        const QList<AuditRow> changes = rowsOf(QStringLiteral("changes"));
        QCOMPARE(changes.size(), 2);
        QVERIFY(changes.at(0).details.contains(QStringLiteral("\"scope\":\"branch\"")));
        QVERIFY(changes.at(1).details.contains(QStringLiteral("\"scope\":\"own\"")));
        // opening one change is not a list view
        BV_VERIFY_OK(entry().change(m1, pendingReceipt->changeId));
        QCOMPARE(rowsOf(QStringLiteral("changes")).size(), 2);
        // suspicious pairs
        BV_VERIFY_OK(entry().approve(m1, pendingReceipt->changeId, QStringLiteral("checked")));
        BV_VERIFY_OK(entry().suspicious(m1));
        QCOMPARE(rowsOf(QStringLiteral("suspicious")).size(), 1);
        // nothing of the customers in any of them
        AuditFilter all;
        all.limit = 100000;
        const auto everything = internalsOf(*t->core).auditLog().rows(all);
        BV_VERIFY_OK(everything);
        const QStringList secrets = secretsOf(10) + secretsOf(11);
        for (const AuditRow& row : *everything)
            for (const QString& secret : secrets)
                QVERIFY2(!row.details.contains(secret), qPrintable(row.action + QLatin1Char(' ') + row.details));
        Q_UNUSED(a);
    }

    void clerkPurposeIsLoggedMasked()
    {
        createApproved(cm1, 15);
        const QString name = chineseName(15);
        const QString id = secretsOf(15).at(0);
        const QString typed = QStringLiteral("verify %1 at the counter, mobile %2, ID %3").arg(name, mobile(15), id);
        BV_VERIFY_OK(finder().clerkLookup(clerk, name, id, typed));
        AuditFilter lookups;
        lookups.action = QString::fromLatin1(audit::CustomerLookup);
        auto rows = internalsOf(*t->core).auditLog().rows(lookups);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 1);
        const QString details = rows->constFirst().details;
        QVERIFY2(!details.contains(name), qPrintable(details));
        QVERIFY(!details.contains(mobile(15)));
        QVERIFY(!details.contains(id));
        QVERIFY(details.contains(QStringLiteral("verify")));
    }

    void customerManagerSeesOnlyOwnCustomers()
    {
        const QString mine = createApproved(cm1, 12);
        const QString theirs = createApproved(cm2, 13);
        BV_VERIFY_OK(finder().open(cm1, mine));
        auto refused = finder().open(cm1, theirs);
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("not one of your customers")));
        BV_COMPARE_CODE(
            finder().reveal(cm1, theirs, {QString::fromLatin1(fields::Mobile)}), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            entry().edit(cm1, theirs,
                CustomerInput {{{QString::fromLatin1(fields::Occupation), QStringLiteral("x")}}, {}, {}, 0}),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(entry().history(cm1, theirs), ErrorCode::PermissionDenied);
        auto portfolio = finder().portfolio(cm1);
        BV_VERIFY_OK(portfolio);
        QCOMPARE(portfolio->rows.size(), 1);
        QCOMPARE(portfolio->rows.constFirst().number, mine);
        // the name filter stays inside the own portfolio
        auto filtered = finder().portfolio(cm1, chineseName(13).left(1));
        BV_VERIFY_OK(filtered);
        for (const CustomerListRow& row : filtered->rows)
            QCOMPARE(row.number, mine);
        BV_COMPARE_CODE(finder().branchList(cm1), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(finder().lookup(cm1, LookupKind::Name, chineseName(13)), ErrorCode::PermissionDenied);
        // the existence check across the branch tells only number and manager
        auto exists = finder().checkExists(cm1, LookupKind::IdNumber, secretsOf(13).at(0));
        BV_VERIFY_OK(exists);
        QCOMPARE(exists->size(), 1);
        QCOMPARE(exists->constFirst().number, theirs);
        QCOMPARE(exists->constFirst().maskedManagerName, QStringLiteral("李*理"));
        BV_COMPARE_CODE(finder().checkExists(cm1, LookupKind::Name, chineseName(13)), ErrorCode::InvalidInput);
        // the refusals are in the audit log
        AuditFilter denied;
        denied.action = QString::fromLatin1(audit::AccessDenied);
        denied.login = QStringLiteral("cm1");
        QVERIFY(internalsOf(*t->core).auditLog().rows(denied)->size() >= 6);
    }

    void gradeTwoOnlyForOwnManagerAndBranchManager()
    {
        const QString number = createApproved(cm1, 14);
        auto own = finder().open(cm1, number);
        QVERIFY(own->gradeTwoVisible);
        QCOMPARE(own->gradeTwo.value(QString::fromLatin1(fields::Occupation)), QStringLiteral("工程师"));
        auto manager = finder().open(m1, number);
        QVERIFY(manager->gradeTwoVisible);
        // grade 1 is masked for both
        for (const QString& secret : secretsOf(14).mid(0, 3)) {
            for (const QString& value : own->gradeOne)
                QVERIFY(!value.contains(secret));
        }
        QVERIFY(own->accounts.constFirst().number.contains(QLatin1Char('*')));
    }

    void clerkFindsOneCustomerByFullNameAndId()
    {
        const QString number = createApproved(cm1, 15);
        const QString name = chineseName(15);
        const QString id = secretsOf(15).at(0);
        auto card = finder().clerkLookup(clerk, name, id, QStringLiteral("counter verification"));
        BV_VERIFY_OK(card);
        QVERIFY(card->has_value());
        QCOMPARE((*card)->number, number);
        QVERIFY((*card)->maskedName.contains(QLatin1Char('*')));
        QVERIFY((*card)->maskedIdNumber.endsWith(QStringLiteral("****")));
        // partial name, partial ID, name of another customer: no match
        QVERIFY(!finder().clerkLookup(clerk, name.left(1), id, QStringLiteral("x1"))->has_value());
        QVERIFY(!finder().clerkLookup(clerk, name, id.left(14), QStringLiteral("x1"))->has_value());
        QVERIFY(!finder().clerkLookup(clerk, chineseName(16), id, QStringLiteral("x1"))->has_value());
        BV_COMPARE_CODE(finder().clerkLookup(clerk, name, id, QString()), ErrorCode::InvalidInput);
        // nothing else is open to the clerk
        BV_COMPARE_CODE(finder().open(clerk, number), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(finder().portfolio(clerk), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(finder().branchList(clerk), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(finder().lookup(clerk, LookupKind::IdNumber, id), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(finder().checkExists(clerk, LookupKind::IdNumber, id), ErrorCode::PermissionDenied);
        // the lookup is audited with masked terms and the purpose
        AuditFilter lookups;
        lookups.action = QString::fromLatin1(audit::CustomerLookup);
        auto rows = internalsOf(*t->core).auditLog().rows(lookups);
        QCOMPARE(rows->size(), 4);
        for (const AuditRow& row : *rows) {
            QVERIFY(!row.details.contains(id));
            QVERIFY(!row.details.contains(name));
        }
    }

    void restrictedCustomers()
    {
        CustomerInput input = customerInput(17);
        input.restricted = true;
        auto receipt = entry().create(cm1, input);
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        const QString number = receipt->customerNumber;
        BV_VERIFY_OK(finder().open(cm1, number)); // own manager
        BV_VERIFY_OK(finder().open(m1, number)); // branch manager
        auto other = finder().open(cm2, number);
        BV_COMPARE_CODE(other, ErrorCode::PermissionDenied);
        QVERIFY(other.error().message.contains(QStringLiteral("restricted")));
        auto lookup = finder().clerkLookup(clerk, chineseName(17), secretsOf(17).at(0), QStringLiteral("counter"));
        BV_COMPARE_CODE(lookup, ErrorCode::PermissionDenied);
        QVERIFY(lookup.error().message.contains(QStringLiteral("restricted")));
        // with an approved restricted-access request the clerk gets the masked card
        auto request = t->core->requests().create(clerk,
            NewRequest {
                RequestType::RestrictedAccess, {number}, {}, QString(), QStringLiteral("court order 2026-17"), 4});
        BV_VERIFY_OK(request);
        BV_VERIFY_OK(t->core->requests().approve(m1, request->id, QStringLiteral("ok")));
        auto card = finder().clerkLookup(clerk, chineseName(17), secretsOf(17).at(0), QStringLiteral("court order"));
        BV_VERIFY_OK(card);
        QVERIFY(card->has_value());
        t->clock.advanceSecs(5 * 3600);
        BV_VERIFY_OK(
            t->core->auth().unlock(clerk, secret(t->passwordOf(QStringLiteral("k1"))))); // idle-locked meanwhile
        BV_COMPARE_CODE(finder().clerkLookup(clerk, chineseName(17), secretsOf(17).at(0), QStringLiteral("again")),
            ErrorCode::PermissionDenied);
    }

    void revealNeedsALiveGrant()
    {
        const QString number = createApproved(cm1, 18);
        const QString mobileField = QString::fromLatin1(fields::Mobile);
        auto refused = finder().reveal(cm1, number, {mobileField});
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("request")));
        auto request = t->core->requests().create(cm1,
            NewRequest {
                RequestType::Reveal, {number}, {mobileField}, QString(), QStringLiteral("customer lost phone"), 2});
        BV_VERIFY_OK(request);
        BV_COMPARE_CODE(finder().reveal(cm1, number, {mobileField}), ErrorCode::PermissionDenied); // still pending
        BV_VERIFY_OK(t->core->requests().approve(m1, request->id, QStringLiteral("verified")));
        auto values = finder().reveal(cm1, number, {mobileField});
        BV_VERIFY_OK(values);
        QCOMPARE(values->value(mobileField), mobile(18));
        // only the field in the grant
        BV_COMPARE_CODE(
            finder().reveal(cm1, number, {QString::fromLatin1(fields::IdNumber)}), ErrorCode::PermissionDenied);
        // only the requester
        BV_COMPARE_CODE(finder().reveal(m1, number, {mobileField}), ErrorCode::PermissionDenied);
        t->clock.advanceSecs(2 * 3600 + 1);
        BV_VERIFY_OK(
            t->core->auth().unlock(cm1, secret(t->passwordOf(QStringLiteral("cm1"))))); // idle-locked meanwhile
        BV_COMPARE_CODE(finder().reveal(cm1, number, {mobileField}), ErrorCode::PermissionDenied);
        AuditFilter reveals;
        reveals.action = QString::fromLatin1(audit::CustomerReveal);
        QCOMPARE(internalsOf(*t->core).auditLog().rows(reveals)->size(), 1);
    }

    void managerListsAndLooksUpExactly()
    {
        QStringList numbers;
        for (int seed = 20; seed < 27; ++seed)
            numbers << createApproved(seed % 2 ? cm1 : cm2, seed);
        auto first = finder().branchList(m1, CustomerSort::Number, false, QString(), 3);
        BV_VERIFY_OK(first);
        QCOMPARE(first->rows.size(), 3);
        QStringList seen;
        CustomerPage page = *first;
        for (;;) {
            for (const CustomerListRow& row : page.rows) {
                seen << row.number;
                QVERIFY(row.maskedName.contains(QLatin1Char('*')));
            }
            if (page.nextCursor.isEmpty())
                break;
            auto next = finder().branchList(m1, CustomerSort::Number, false, page.nextCursor, 3);
            BV_VERIFY_OK(next);
            page = *next;
        }
        QCOMPARE(seen, numbers);
        auto backwards = finder().branchList(m1, CustomerSort::Number, true, QString(), 2);
        QCOMPARE(backwards->rows.constFirst().number, numbers.constLast());
        auto byTier = finder().branchList(m1, CustomerSort::Tier, false, QString(), 100);
        QCOMPARE(byTier->rows.size(), numbers.size());
        QCOMPARE(finder().branchCount(m1).value(), numbers.size());
        // exact lookups only
        QCOMPARE(finder().lookup(m1, LookupKind::Mobile, mobile(22))->size(), 1);
        QCOMPARE(finder().lookup(m1, LookupKind::Mobile, mobile(22).left(7))->size(), 0);
        QCOMPARE(finder().lookup(m1, LookupKind::Account, cardNumber(23))->size(), 1);
        QCOMPARE(finder().lookup(m1, LookupKind::Name, chineseName(24))->constFirst().number, numbers.at(4));
        QCOMPARE(finder().lookup(m1, LookupKind::IdNumber, secretsOf(25).at(0))->constFirst().number, numbers.at(5));
    }

    void adminAndAuditorSeeNoCustomerData()
    {
        const QString number = createApproved(cm1, 30);
        for (const Session* s : {&t->admin, &auditor}) {
            BV_COMPARE_CODE(finder().open(*s, number), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(finder().branchList(*s), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(finder().portfolio(*s), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(
                finder().lookup(*s, LookupKind::IdNumber, secretsOf(30).at(0)), ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(finder().clerkLookup(*s, chineseName(30), secretsOf(30).at(0), QStringLiteral("x1")),
                ErrorCode::PermissionDenied);
            BV_COMPARE_CODE(entry().create(*s, customerInput(31)), ErrorCode::PermissionDenied);
        }
    }

    void nothingStoredOrLoggedInFull()
    {
        for (int seed = 40; seed < 44; ++seed)
            QVERIFY(!createApproved(seed % 2 ? cm1 : cm2, seed).isEmpty());
        (void)finder().lookup(m1, LookupKind::Mobile, mobile(41));
        (void)finder().clerkLookup(clerk, chineseName(42), secretsOf(42).at(0), QStringLiteral("counter"));
        (void)finder().checkExists(cm1, LookupKind::Account, cardNumber(43));
        Database& db = t->vault->database();
        QStringList secrets;
        for (int seed = 40; seed < 44; ++seed)
            secrets << secretsOf(seed).mid(0, 3);
        // no table holds a full ID, mobile or card number in the clear (only sealed ciphertexts)
        for (const QString& table : db.connection().tables()) {
            auto rows = db.query(QStringLiteral("SELECT * FROM \"%1\"").arg(table));
            BV_VERIFY_OK(rows);
            while (rows->next()) {
                for (int i = 0; i < rows->record().count(); ++i) {
                    const QByteArray value = rows->value(i).toByteArray();
                    for (const QString& secret : secrets)
                        QVERIFY2(!value.contains(secret.toUtf8()),
                            qPrintable(QStringLiteral("%1 holds a grade-1 value").arg(table)));
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCustomers)
#include "tst_customers.moc"
