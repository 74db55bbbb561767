// On-the-spot authorisation (现场授权): a second person signs in on the operator's screen for one decision. It
// works, is limited to that decision and to two minutes, refuses the operator themself, counts wrong passwords
// towards the second person's lockout, needs the TOTP code when enrolled, and leaves the operator's session as
// it was; for the administrator's screen, a confirmation that would show a code is refused, and no keys are
// unwrapped there. It ends with the operator's sign-out or lock; a code accepted before a refusal is used.
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/AuthKeyAccess.h"
#include "core/internal/auth/Totp.h"
#include "core/internal/db/Database.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/policy/AccessControl.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestOnTheSpot : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session cm1;
    Session m1;

    AuthService& auth() { return t->core->auth(); }
    CustomerEntry& entry() { return t->core->customers().entry(); }

    QList<AuditRow> rows(const char* action, const QString& outcome = QString())
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.outcome = outcome;
        filter.limit = 10000;
        auto found = internalsOf(*t->core).auditLog().rows(filter);
        return found.ok() ? *found : QList<AuditRow>();
    }

    qint64 newChange(int seed)
    {
        auto receipt = entry().create(cm1, customerInput(seed));
        return receipt.ok() ? receipt->changeId : 0;
    }

    Result<Session> onTheSpot(const Session& operatorSession, const QString& login, Operation decision,
        const QString& password = QString(), const QString& totp = QString())
    {
        return auth().signInOnTheSpot(
            operatorSession, login, secret(password.isEmpty() ? t->passwordOf(login) : password), totp, decision);
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        QVERIFY(m1.isValid() && cm1.isValid());
        BV_VERIFY_OK(auth().signOut(m1)); // the manager is not signed in at this workstation
    }
    void cleanup() { t.reset(); }

    void approvesOnTheCustomerManagersScreen()
    {
        const qint64 change = newChange(1);
        QVERIFY(change > 0);
        const int sessionsBefore = auth().activeSessions();
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        QVERIFY(auth().isOnTheSpot(*spot));
        QVERIFY(!auth().isOnTheSpot(cm1));
        BV_VERIFY_OK(entry().approve(*spot, change, QStringLiteral("checked against the ID card")));
        BV_VERIFY_OK(auth().signOut(*spot));
        QCOMPARE(auth().activeSessions(), sessionsBefore);

        // the decision is the manager's, under the on-the-spot session
        const QList<AuditRow> approvals = rows(audit::CustomerApprove);
        QCOMPARE(approvals.size(), 1);
        QCOMPARE(approvals.constFirst().login, QStringLiteral("m1"));
        QVERIFY(!approvals.constFirst().workstation.isEmpty());
        // the sign-in names the mode, the operator and the decision
        QList<AuditRow> signIns = rows(audit::SignIn, QStringLiteral("ok"));
        const AuditRow signIn = signIns.constLast();
        QCOMPARE(signIn.login, QStringLiteral("m1"));
        const QJsonObject details = QJsonDocument::fromJson(signIn.details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("mode")).toString(), QStringLiteral("on_the_spot"));
        QCOMPARE(details.value(QStringLiteral("operator")).toString(), QStringLiteral("cm1"));
        QCOMPARE(details.value(QStringLiteral("decision")).toString(), QStringLiteral("approve_changes"));

        // the operator's session is untouched: unlocked, and its keys still open the customer's record
        QVERIFY(!auth().isLocked(cm1));
        auto customers = t->core->customers().finder().portfolio(cm1);
        BV_VERIFY_OK(customers);
        QCOMPARE(customers->rows.size(), 1);
        BV_VERIFY_OK(t->core->customers().finder().open(cm1, customers->rows.constFirst().number));
        BV_VERIFY_OK(entry().create(cm1, customerInput(9))); // sealing needs the keys the session holds
    }

    void refusesTheOperatorThemself()
    {
        const qint64 change = newChange(2);
        // a branch manager's own change: the manager cannot authorise it on the own screen under the own name
        auto self = onTheSpot(cm1, QStringLiteral("cm1"), Operation::ApproveChanges);
        BV_COMPARE_CODE(self, ErrorCode::PermissionDenied);
        auto selfUpper
            = onTheSpot(cm1, QStringLiteral("CM1"), Operation::ApproveChanges, t->passwordOf(QStringLiteral("cm1")));
        BV_COMPARE_CODE(selfUpper, ErrorCode::PermissionDenied);
        const QList<AuditRow> denied = rows(audit::SignIn, QStringLiteral("denied"));
        QCOMPARE(denied.size(), 2);
        QCOMPARE(denied.constFirst().login, QStringLiteral("cm1"));
        QVERIFY(denied.constFirst().details.contains(QStringLiteral("operator themself")));
        // nothing was decided
        auto pending = entry().change(cm1, change);
        BV_VERIFY_OK(pending);
        QVERIFY(!auth().isLocked(cm1));
    }

    void theSessionDoesOnlyThatDecision()
    {
        const qint64 change = newChange(3);
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        auto listed = t->core->customers().finder().branchList(*spot);
        BV_COMPARE_CODE(listed, ErrorCode::PermissionDenied);
        QVERIFY(listed.error().message.contains(QStringLiteral("approve entries and edits")));
        BV_COMPARE_CODE(t->core->requests().list(*spot), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(entry().pending(*spot), ErrorCode::PermissionDenied);
        QVERIFY(rows(audit::AccessDenied).size() >= 3);
        // the decision it was opened for still works
        BV_VERIFY_OK(entry().reject(*spot, change, QStringLiteral("the address is incomplete")));
        BV_VERIFY_OK(auth().signOut(*spot));
    }

    void makesOneDecisionOnly()
    {
        const qint64 first = newChange(4);
        const qint64 second = newChange(5);
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        BV_VERIFY_OK(entry().approve(*spot, first, QStringLiteral("checked")));
        // the same session cannot decide the operator's other change within its two minutes
        auto again = entry().approve(*spot, second, QStringLiteral("checked"));
        BV_COMPARE_CODE(again, ErrorCode::PermissionDenied);
        QVERIFY(again.error().message.contains(QStringLiteral("one decision")));
        BV_VERIFY_OK(entry().change(cm1, second)); // still pending
        BV_VERIFY_OK(auth().signOut(*spot));
        // a new on-the-spot sign-in decides it
        auto next = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(next);
        BV_VERIFY_OK(entry().approve(*next, second, QStringLiteral("checked")));
        BV_VERIFY_OK(auth().signOut(*next));
    }

    void onlyForADecision()
    {
        // a reveal, a list or an export is never opened on the operator's screen, whatever a client asks for
        for (Operation operation : {Operation::RevealField, Operation::ListBranch, Operation::ViewCustomer}) {
            auto spot = onTheSpot(cm1, QStringLiteral("m1"), operation);
            BV_COMPARE_CODE(spot, ErrorCode::PermissionDenied);
        }
        const QList<AuditRow> denied = rows(audit::SignIn, QStringLiteral("denied"));
        QCOMPARE(denied.size(), 3);
        QVERIFY(denied.constFirst().details.contains(QStringLiteral("not a decision")));
    }

    void expiresAfterTwoMinutes()
    {
        const qint64 change = newChange(4);
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        t->clock.advanceSecs(AuthService::kOnTheSpotSeconds);
        BV_COMPARE_CODE(entry().approve(*spot, change, QStringLiteral("late")), ErrorCode::AuthenticationFailed);
        QVERIFY(!auth().isOnTheSpot(*spot)); // ended, not merely refused
        bool expired = false;
        for (const AuditRow& row : rows(audit::SignOut))
            expired = expired || (row.login == QLatin1String("m1") && row.details.contains(QStringLiteral("expired")));
        QVERIFY(expired);
        BV_VERIFY_OK(entry().change(cm1, change)); // still pending; the operator's session goes on
    }

    void wrongPasswordsCountTowardsTheLockout()
    {
        for (int i = 1; i <= 4; ++i)
            BV_COMPARE_CODE(
                onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges, QStringLiteral("Wrong-pass-%1").arg(i)),
                ErrorCode::AuthenticationFailed);
        BV_COMPARE_CODE(onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges, QStringLiteral("Wrong-pass-5")),
            ErrorCode::AccountLocked);
        // the manager's account is locked for a normal sign-in too; the operator's session is not
        BV_COMPARE_CODE(t->signIn(QStringLiteral("m1")), ErrorCode::AccountLocked);
        QVERIFY(!auth().isLocked(cm1));
        const QList<AuditRow> failed = rows(audit::SignIn, QStringLiteral("failed"));
        int onTheSpot = 0;
        for (const AuditRow& row : failed)
            onTheSpot += row.details.contains(QStringLiteral("on_the_spot")) ? 1 : 0;
        QCOMPARE(onTheSpot, 5); // the sign-in refused while locked afterwards was a normal one
        QCOMPARE(rows(audit::Lockout).size(), 1);
    }

    void needsTheSecondFactorWhenEnrolled()
    {
        auto manager = t->signIn(QStringLiteral("m1"));
        BV_VERIFY_OK(manager);
        auto enrolment = auth().beginSecondFactor(*manager);
        BV_VERIFY_OK(enrolment);
        auto key = Totp::base32Decode(enrolment->secretBase32.view());
        BV_VERIFY_OK(key);
        const qint64 now = t->clock.nowUtc().toSecsSinceEpoch();
        BV_VERIFY_OK(auth().confirmSecondFactor(*manager, QString::fromLatin1(Totp::codeAt(*key, now))));
        BV_VERIFY_OK(auth().signOut(*manager));
        t->clock.advanceSecs(60);

        BV_COMPARE_CODE(
            onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges), ErrorCode::SecondFactorRequired);
        const qint64 later = t->clock.nowUtc().toSecsSinceEpoch();
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges, QString(),
            QString::fromLatin1(Totp::codeAt(*key, later)));
        BV_VERIFY_OK(spot);
        BV_VERIFY_OK(auth().signOut(*spot));
    }

    void refusesRolesThatMayNotDecide()
    {
        t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        BV_COMPARE_CODE(onTheSpot(cm1, QStringLiteral("cm2"), Operation::ApproveChanges), ErrorCode::PermissionDenied);
        QCOMPARE(auth().isOnTheSpot(cm1), false);
    }

    void operatorMustHoldANormalSession()
    {
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        t->addUser(QStringLiteral("m2"), Role::Manager);
        // no chain: an on-the-spot session cannot open another one
        BV_COMPARE_CODE(onTheSpot(*spot, QStringLiteral("m2"), Operation::ApproveChanges), ErrorCode::PermissionDenied);
        BV_VERIFY_OK(auth().lock(cm1));
        BV_COMPARE_CODE(onTheSpot(cm1, QStringLiteral("m2"), Operation::ApproveChanges), ErrorCode::SessionLocked);
    }

    void administratorsScreenConfirmsButNeverShowsACode()
    {
        Session cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        QVERIFY(cm2.isValid());
        // a role change keeps the key slot: confirmed on the administrator's screen, no code shown
        BV_VERIFY_OK(t->core->accounts().changeRole(t->admin, QStringLiteral("cm2"), Role::Clerk));
        auto spot = onTheSpot(t->admin, QStringLiteral("m1"), Operation::ConfirmAccounts);
        BV_VERIFY_OK(spot);
        auto confirmed = t->core->accounts().confirm(*spot, QStringLiteral("cm2"));
        BV_VERIFY_OK(confirmed);
        QVERIFY(confirmed->confirmationCode.isEmpty());
        BV_VERIFY_OK(auth().signOut(*spot));
        auto clerk = t->signIn(QStringLiteral("cm2"));
        BV_VERIFY_OK(clerk);
        QCOMPARE(clerk->info().role, Role::Clerk);

        // a reset (or an unfreeze: freezing removed the slot) needs a new code, which would appear on the
        // administrator's screen: refused on the spot
        BV_VERIFY_OK(t->core->accounts().resetPassword(t->admin, QStringLiteral("cm2")));
        spot = onTheSpot(t->admin, QStringLiteral("m1"), Operation::ConfirmAccounts);
        BV_VERIFY_OK(spot);
        auto refused = t->core->accounts().confirm(*spot, QStringLiteral("cm2"));
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("own session")));
        // that session has had its one decision; declining (a decision without a code) is allowed in a new one
        BV_COMPARE_CODE(t->core->accounts().decline(*spot, QStringLiteral("cm2"), QStringLiteral("not requested")),
            ErrorCode::PermissionDenied);
        BV_VERIFY_OK(auth().signOut(*spot));
        spot = onTheSpot(t->admin, QStringLiteral("m1"), Operation::ConfirmAccounts);
        BV_VERIFY_OK(spot);
        BV_VERIFY_OK(t->core->accounts().decline(*spot, QStringLiteral("cm2"), QStringLiteral("not requested")));
        BV_VERIFY_OK(auth().signOut(*spot));
        // the administrator's session is as it was
        BV_VERIFY_OK(t->core->accounts().list(t->admin));
    }

    void aResetIsConfirmedInPersonWithoutACode()
    {
        Session cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        QVERIFY(cm2.isValid());
        BV_VERIFY_OK(auth().signOut(cm2));
        BV_VERIFY_OK(auth().signOut(cm1)); // no key holder signed in at the administrator's PC
        auto oneTime = t->core->accounts().resetPassword(t->admin, QStringLiteral("cm2"));
        BV_VERIFY_OK(oneTime);
        const SecureBytes ownerPassword = secret(QStringLiteral("Owner-chose-1"));
        const auto inPerson = [&](const QString& checker, const QString& password, const SecureBytes& owner) {
            return t->core->accounts().confirmInPerson(
                t->admin, checker, secret(password), QString(), QStringLiteral("cm2"), owner);
        };
        // the administrator is not the checker; a customer manager may not confirm; a refused new password
        // costs the manager nothing
        BV_COMPARE_CODE(inPerson(QStringLiteral("admin"), t->passwordOf(QStringLiteral("admin")), ownerPassword),
            ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(inPerson(QStringLiteral("cm1"), t->passwordOf(QStringLiteral("cm1")), ownerPassword),
            ErrorCode::PermissionDenied);
        // refused for the role before cm1's key slot was opened, and audited
        const AuditRow roleRefused = rows(audit::ConfirmPerson).last();
        QCOMPARE(roleRefused.login, QStringLiteral("cm1"));
        QCOMPARE(roleRefused.outcome, QStringLiteral("failed"));
        QVERIFY(roleRefused.details.contains(QStringLiteral("role may not decide")));
        BV_COMPARE_CODE(inPerson(QStringLiteral("m1"), QStringLiteral("Wrong-pass-1"), secret(QStringLiteral("short"))),
            ErrorCode::InvalidInput);
        auto failed = internalsOf(*t->core).database().scalar(
            QStringLiteral("SELECT failed_attempts FROM users WHERE login = 'm1'"));
        BV_VERIFY_OK(failed);
        QCOMPARE(failed->toInt(), 0);

        auto confirmed = inPerson(QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), ownerPassword);
        BV_VERIFY_OK(confirmed);
        QVERIFY(confirmed->confirmationCode.isEmpty()); // nothing to show on this screen
        QVERIFY(!t->vault->cipher().isValid()); // the manager's keys stayed inside the call
        const AuditRow row = rows(audit::UserConfirm).last();
        QCOMPARE(row.login, QStringLiteral("m1"));
        const QJsonObject details = QJsonDocument::fromJson(row.details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("inPerson")).toBool(), true);
        QCOMPARE(details.value(QStringLiteral("operator")).toString(), QStringLiteral("admin"));
        QCOMPARE(details.value(QStringLiteral("keySlotWritten")).toBool(), true);

        // the one-time password no longer signs in; the owner's own one does, with the keys and no code; it was
        // typed on the administrator's keyboard, so the owner changes it privately first
        BV_COMPARE_CODE(auth().signIn(QStringLiteral("cm2"), *oneTime), ErrorCode::AuthenticationFailed);
        auto owner = auth().signIn(QStringLiteral("cm2"), ownerPassword);
        BV_VERIFY_OK(owner);
        QCOMPARE(auth().restriction(*owner), AuthService::Restriction::MustChangePassword);
        QVERIFY(!auth().needsConfirmationCode(*owner));
        BV_VERIFY_OK(AuthKeyAccess::sessionKeys(auth(), *owner));
        QVERIFY(t->vault->cipher().isValid());
        BV_VERIFY_OK(auth().changePassword(*owner, ownerPassword, secret(QStringLiteral("Only-the-owner-2"))));
        QCOMPARE(auth().restriction(*owner), AuthService::Restriction::None);
        BV_VERIFY_OK(auth().signOut(*owner));
        BV_VERIFY_OK(auth().signIn(QStringLiteral("cm2"), secret(QStringLiteral("Only-the-owner-2"))));
        // nothing waits any more
        BV_COMPARE_CODE(
            inPerson(QStringLiteral("m1"), t->passwordOf(QStringLiteral("m1")), ownerPassword), ErrorCode::Conflict);
    }

    void aFrozenAccountGetsNoKeySlot()
    {
        Session cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        QVERIFY(cm2.isValid());
        BV_VERIFY_OK(t->core->accounts().freeze(t->admin, QStringLiteral("cm2")));
        // a reset of the frozen account waits for a manager, but confirming it would give the account access again
        BV_VERIFY_OK(t->core->accounts().resetPassword(t->admin, QStringLiteral("cm2")));
        BV_COMPARE_CODE(t->core->accounts().confirmInPerson(t->admin, QStringLiteral("m1"),
                            secret(t->passwordOf(QStringLiteral("m1"))), QString(), QStringLiteral("cm2"),
                            secret(QStringLiteral("Owner-chose-1"))),
            ErrorCode::PermissionDenied);
        auto manager = t->signIn(QStringLiteral("m1"));
        BV_VERIFY_OK(manager);
        BV_COMPARE_CODE(t->core->accounts().confirm(*manager, QStringLiteral("cm2")), ErrorCode::PermissionDenied);
        auto slot = internalsOf(*t->core).database().scalar(
            QStringLiteral("SELECT count(*) FROM key_slots k JOIN users u ON u.id = k.user_id WHERE u.login = 'cm2'"));
        BV_VERIFY_OK(slot);
        QCOMPARE(slot->toInt(), 0);
    }

    void endsWhenTheOperatorsAccountEndsItsSessions()
    {
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        BV_VERIFY_OK(t->core->accounts().freeze(t->admin, QStringLiteral("cm1"))); // ends cm1's sessions
        QVERIFY(!auth().isOnTheSpot(*spot));
    }

    void unwrapsNoKeysOnTheAdministratorsScreen()
    {
        Session cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        QVERIFY(cm2.isValid());
        BV_VERIFY_OK(auth().signOut(cm2));
        BV_VERIFY_OK(t->core->accounts().changeRole(t->admin, QStringLiteral("cm2"), Role::Manager));
        // nobody who holds the customer keys is signed in here any more: the administrator's screen has none
        BV_VERIFY_OK(auth().signOut(cm1));
        QVERIFY(!t->vault->cipher().isValid());
        auto spot = onTheSpot(t->admin, QStringLiteral("m1"), Operation::ConfirmAccounts);
        BV_VERIFY_OK(spot);
        // the manager's password opened no key slot for this decision, and none were installed
        BV_COMPARE_CODE(AuthKeyAccess::sessionKeys(auth(), *spot), ErrorCode::PermissionDenied);
        QVERIFY(!t->vault->cipher().isValid());
        // a role change that keeps the slot is confirmed without keys
        auto confirmed = t->core->accounts().confirm(*spot, QStringLiteral("cm2"));
        BV_VERIFY_OK(confirmed);
        QVERIFY(confirmed->confirmationCode.isEmpty());
        QVERIFY(!t->vault->cipher().isValid());
        BV_VERIFY_OK(auth().signOut(*spot));
    }

    void endsWhenTheOperatorSignsOutOrLocks()
    {
        auto spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        BV_VERIFY_OK(auth().lock(cm1));
        QVERIFY(!auth().isOnTheSpot(*spot));
        BV_COMPARE_CODE(auth().resolve(*spot), ErrorCode::AuthenticationFailed);
        BV_VERIFY_OK(auth().unlock(cm1, secret(t->passwordOf(QStringLiteral("cm1")))));

        spot = onTheSpot(cm1, QStringLiteral("m1"), Operation::ApproveChanges);
        BV_VERIFY_OK(spot);
        BV_VERIFY_OK(auth().signOut(cm1));
        QVERIFY(!auth().isOnTheSpot(*spot));
        QStringList reasons;
        for (const AuditRow& row : rows(audit::SignOut)) {
            const QJsonObject details = QJsonDocument::fromJson(row.details.toUtf8()).object();
            if (row.login == QLatin1String("m1")
                && details.value(QStringLiteral("mode")) == QLatin1String("on_the_spot"))
                reasons << details.value(QStringLiteral("reason")).toString();
        }
        QCOMPARE(reasons, (QStringList {QStringLiteral("operator locked"), QStringLiteral("operator signed out")}));
    }

    void aCodeAcceptedBeforeARefusalIsUsed()
    {
        Session cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        QVERIFY(cm2.isValid());
        auto enrolment = auth().beginSecondFactor(cm2);
        BV_VERIFY_OK(enrolment);
        auto key = Totp::base32Decode(enrolment->secretBase32.view());
        BV_VERIFY_OK(key);
        BV_VERIFY_OK(auth().confirmSecondFactor(
            cm2, QString::fromLatin1(Totp::codeAt(*key, t->clock.nowUtc().toSecsSinceEpoch()))));
        BV_VERIFY_OK(auth().signOut(cm2));
        t->clock.advanceSecs(60);
        const QString code = QString::fromLatin1(Totp::codeAt(*key, t->clock.nowUtc().toSecsSinceEpoch()));
        // a customer manager may not approve: refused after the password and the code were accepted
        BV_COMPARE_CODE(onTheSpot(cm1, QStringLiteral("cm2"), Operation::ApproveChanges, QString(), code),
            ErrorCode::PermissionDenied);
        // the code seen on that screen cannot be used again within its 30 seconds
        auto replay = auth().signIn(QStringLiteral("cm2"), secret(t->passwordOf(QStringLiteral("cm2"))), code);
        BV_COMPARE_CODE(replay, ErrorCode::AuthenticationFailed);
        t->clock.advanceSecs(30);
        BV_VERIFY_OK(auth().signIn(QStringLiteral("cm2"), secret(t->passwordOf(QStringLiteral("cm2"))),
            QString::fromLatin1(Totp::codeAt(*key, t->clock.nowUtc().toSecsSinceEpoch()))));
    }
};

QTEST_GUILESS_MAIN(TestOnTheSpot)
#include "tst_onthespot.moc"
