// Sign-in and sessions: lockout and its expiry, idle lock, forced and expired password changes,
// password reuse, re-hash on stronger parameters, TOTP enrolment with window and replay, audit rows.
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/auth/AccountRepository.h"
#include "core/internal/auth/Totp.h"
#include "core/internal/db/Database.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"

#include <QTest>

using namespace bv;
using namespace bv::test;

class TestAuth : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;

    int auditCount(const char* action, const QString& outcome = QString())
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(action);
        filter.outcome = outcome;
        filter.limit = 10000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? int(rows->size()) : -1;
    }

private slots:
    // Two sign-ins that accepted codes of different steps may commit in either order: the stored last step
    // never goes back, or the later code could be typed once more within its window.
    void theLastUsedTotpStepNeverGoesBack()
    {
        const qint64 id = t->userId(QStringLiteral("admin"));
        AccountRepository accounts(internalsOf(*t->core).database());
        auto lastStep = [&] {
            auto step = internalsOf(*t->core).database().scalar(
                QStringLiteral("SELECT totp_last_step FROM users WHERE id = ?"), {id});
            return step.ok() ? step->toLongLong() : -2;
        };
        const QDateTime now = t->clock.nowUtc();
        BV_VERIFY_OK(accounts.setTotpLastStep(id, 7));
        BV_VERIFY_OK(accounts.recordSignIn(id, now, qint64(5), QString(), QString()));
        QCOMPARE(lastStep(), qint64(7));
        BV_VERIFY_OK(accounts.recordSignIn(id, now, std::nullopt, QString(), QString()));
        QCOMPARE(lastStep(), qint64(7));
        BV_VERIFY_OK(accounts.recordSignIn(id, now, qint64(9), QString(), QString()));
        QCOMPARE(lastStep(), qint64(9));
    }

    // A sign-in that verified the password against an old hash and rehashes it under new parameters replaces the
    // stored hash only while it is still that old one: a password changed or reset in between stays (found in
    // review: the sign-in's rehash could otherwise put back the password the reset replaced).
    void aRehashNeverReplacesAPasswordChangedMeanwhile()
    {
        const qint64 id = t->userId(QStringLiteral("admin"));
        AccountRepository accounts(internalsOf(*t->core).database());
        auto stored = [&] {
            auto hash = accounts.passwordHash(id);
            return hash.ok() ? *hash : QStringLiteral("<error>");
        };
        const QDateTime now = t->clock.nowUtc();
        const QString verified = stored();
        QVERIFY(!verified.isEmpty());
        const QString reset = QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$cmVzZXQ$reset-meanwhile");
        BV_VERIFY_OK(internalsOf(*t->core).database().exec(
            QStringLiteral("UPDATE users SET password_hash = ? WHERE id = ?"), {reset, id}));
        const QString rehash = QStringLiteral("$argon2id$v=19$m=65536,t=3,p=1$cmVoYXNo$rehash-of-old");
        BV_VERIFY_OK(accounts.recordSignIn(id, now, std::nullopt, rehash, verified));
        QCOMPARE(stored(), reset);
        BV_VERIFY_OK(accounts.recordConfirmation(id, rehash, verified));
        QCOMPARE(stored(), reset);
        // unchanged since the check: the rehash is kept
        BV_VERIFY_OK(accounts.recordSignIn(id, now, std::nullopt, rehash, reset));
        QCOMPARE(stored(), rehash);
    }

    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
    }
    void cleanup() { t.reset(); }

    void firstAdministratorMustChangeOneTimePassword()
    {
        auto oneTime = t->core->accounts().resetPassword(t->admin, QStringLiteral("admin"));
        BV_COMPARE_CODE(oneTime, ErrorCode::PermissionDenied); // not on one's own account
        const Session clerkAdmin = t->addUser(QStringLiteral("admin2"), Role::Admin);
        QVERIFY(clerkAdmin.isValid());
        auto reset = t->core->accounts().resetPassword(clerkAdmin, QStringLiteral("admin"));
        BV_VERIFY_OK(reset);
        auto session = t->core->auth().signIn(QStringLiteral("admin"), *reset);
        BV_VERIFY_OK(session);
        BV_COMPARE_CODE(t->core->accounts().list(*session), ErrorCode::PasswordChangeRequired);
        BV_VERIFY_OK(t->core->auth().changePassword(*session, *reset, secret(QStringLiteral("Another-pass-7"))));
        BV_VERIFY_OK(t->core->accounts().list(*session));
    }

    void wrongPasswordsLockTheAccountForFifteenMinutes()
    {
        t->addUser(QStringLiteral("zhang"), Role::CustomerManager);
        for (int i = 1; i <= 4; ++i) {
            auto wrong = t->signIn(QStringLiteral("zhang"), QStringLiteral("Wrong-pass-%1").arg(i));
            BV_COMPARE_CODE(wrong, ErrorCode::AuthenticationFailed);
            // no count of attempts left: it would tell that the login exists
            QVERIFY2(!wrong.error().message.contains(QString::number(5 - i)), qPrintable(wrong.error().message));
        }
        BV_COMPARE_CODE(t->signIn(QStringLiteral("zhang"), QStringLiteral("Wrong-pass-5")), ErrorCode::AccountLocked);
        // while locked, even the right password is refused (and nothing is guessed)
        auto locked = t->signIn(QStringLiteral("zhang"));
        BV_COMPARE_CODE(locked, ErrorCode::AccountLocked);
        QVERIFY(locked.error().message.contains(QStringLiteral("15")));
        t->clock.advanceSecs(14 * 60);
        BV_COMPARE_CODE(t->signIn(QStringLiteral("zhang")), ErrorCode::AccountLocked);
        t->clock.advanceSecs(61);
        BV_VERIFY_OK(t->signIn(QStringLiteral("zhang")));
        QCOMPARE(auditCount(audit::Lockout), 1);
        QVERIFY(auditCount(audit::SignIn, QStringLiteral("failed")) >= 6);
    }

    void unknownLoginAndWrongPasswordReadTheSame()
    {
        t->addUser(QStringLiteral("zhou"), Role::Clerk);
        auto unknown = t->signIn(QStringLiteral("nobody"), QStringLiteral("Whatever-1"));
        auto wrong = t->signIn(QStringLiteral("zhou"), QStringLiteral("Whatever-1"));
        BV_COMPARE_CODE(unknown, ErrorCode::AuthenticationFailed);
        BV_COMPARE_CODE(wrong, ErrorCode::AuthenticationFailed);
        QCOMPARE(wrong.error().message, unknown.error().message);
        QCOMPARE(wrong.error().code, unknown.error().code);
        // both failures are on record
        QCOMPARE(auditCount(audit::SignIn, QStringLiteral("failed")), 2);
        // the lockout message only once the account is locked
        for (int i = 2; i <= 4; ++i)
            QCOMPARE(t->signIn(QStringLiteral("zhou"), QStringLiteral("Whatever-1")).error().message,
                unknown.error().message);
        auto locked = t->signIn(QStringLiteral("zhou"), QStringLiteral("Whatever-1"));
        BV_COMPARE_CODE(locked, ErrorCode::AccountLocked);
        QVERIFY(locked.error().message != unknown.error().message);
    }

    void refusedPasswordChangeIsAudited()
    {
        Session session = t->addUser(QStringLiteral("qian"), Role::Clerk);
        const QString current = t->passwordOf(QStringLiteral("qian"));
        const int before = auditCount(audit::PasswordChange, QStringLiteral("failed"));
        // too short
        BV_COMPARE_CODE(t->core->auth().changePassword(session, secret(current), secret(QStringLiteral("ab1"))),
            ErrorCode::InvalidInput);
        QCOMPARE(auditCount(audit::PasswordChange, QStringLiteral("failed")), before + 1);
        // the current password again
        BV_COMPARE_CODE(
            t->core->auth().changePassword(session, secret(current), secret(current)), ErrorCode::InvalidInput);
        QCOMPARE(auditCount(audit::PasswordChange, QStringLiteral("failed")), before + 2);
        // wrong current password
        BV_COMPARE_CODE(t->core->auth().changePassword(
                            session, secret(QStringLiteral("Not-the-one-9")), secret(QStringLiteral("Brand-new-77"))),
            ErrorCode::AuthenticationFailed);
        QCOMPARE(auditCount(audit::PasswordChange, QStringLiteral("failed")), before + 3);
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::PasswordChange);
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        BV_VERIFY_OK(rows);
        for (const AuditRow& row : *rows) {
            QVERIFY(!row.details.contains(QStringLiteral("ab1")));
            QVERIFY(!row.details.contains(current));
            QVERIFY(!row.details.contains(QStringLiteral("Not-the-one-9")));
        }
    }

    void lockoutSettingsAreHonoured()
    {
        BV_VERIFY_OK(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::LockoutAttempts), QStringLiteral("3")));
        BV_VERIFY_OK(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::LockoutMinutes), QStringLiteral("30")));
        BV_COMPARE_CODE(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::LockoutMinutes), QStringLiteral("5")),
            ErrorCode::InvalidInput);
        // the refused change is on record, with what was typed and why
        QCOMPARE(auditCount(audit::SettingsChange, QStringLiteral("failed")), 1);
        {
            AuditFilter filter;
            filter.action = QString::fromLatin1(audit::SettingsChange);
            filter.outcome = QStringLiteral("failed");
            const AuditRow row = internalsOf(*t->core).auditLog().rows(filter)->constFirst();
            QCOMPARE(row.login, QStringLiteral("admin"));
            QCOMPARE(row.objectId, QString::fromLatin1(settings::LockoutMinutes));
            QVERIFY(row.details.contains(QStringLiteral("\"refused\":\"5\"")));
        }
        // a refusal for want of permission is audited as such (access.denied), once
        const Session clerk = t->addUser(QStringLiteral("wu"), Role::Clerk);
        BV_COMPARE_CODE(
            t->core->settings().set(clerk, QString::fromLatin1(settings::LockoutMinutes), QStringLiteral("60")),
            ErrorCode::PermissionDenied);
        QCOMPARE(auditCount(audit::AccessDenied, QStringLiteral("denied")), 1);
        QCOMPARE(auditCount(audit::SettingsChange, QStringLiteral("failed")), 1);
        t->addUser(QStringLiteral("li"), Role::Clerk);
        for (int i = 0; i < 2; ++i)
            BV_COMPARE_CODE(
                t->signIn(QStringLiteral("li"), QStringLiteral("Bad-pass-0")), ErrorCode::AuthenticationFailed);
        BV_COMPARE_CODE(t->signIn(QStringLiteral("li"), QStringLiteral("Bad-pass-0")), ErrorCode::AccountLocked);
        t->clock.advanceSecs(29 * 60);
        BV_COMPARE_CODE(t->signIn(QStringLiteral("li")), ErrorCode::AccountLocked);
        t->clock.advanceSecs(60);
        BV_VERIFY_OK(t->signIn(QStringLiteral("li")));
    }

    void unknownLoginIsAuditedAndVague()
    {
        auto result = t->signIn(QStringLiteral("nobody"), QStringLiteral("Whatever-1"));
        BV_COMPARE_CODE(result, ErrorCode::AuthenticationFailed);
        QVERIFY(result.error().message.contains(QStringLiteral("login or the password")));
        // an unknown login may be a password typed into the login box: only its start and length are kept
        AuditFilter filter;
        filter.login = QStringLiteral("no***(6)");
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(rows->constFirst().outcome, QStringLiteral("failed"));
        filter.login = QStringLiteral("nobody");
        QCOMPARE(internalsOf(*t->core).auditLog().rows(filter)->size(), 0);
    }

    void idleSessionLocksAndNeedsThePassword()
    {
        const Session session = t->addUser(QStringLiteral("wang"), Role::Manager);
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(session, Operation::ListBranch));
        t->clock.advanceSecs(4 * 60 + 59);
        BV_VERIFY_OK(
            internalsOf(*t->core).access().authorize(session, Operation::ListBranch)); // activity resets the timer
        t->clock.advanceSecs(5 * 60);
        BV_COMPARE_CODE(
            internalsOf(*t->core).access().authorize(session, Operation::ListBranch), ErrorCode::SessionLocked);
        QVERIFY(t->core->auth().isLocked(session));
        BV_COMPARE_CODE(
            internalsOf(*t->core).access().authorize(session, Operation::ListBranch), ErrorCode::SessionLocked);
        BV_COMPARE_CODE(
            t->core->auth().unlock(session, secret(QStringLiteral("Not-it-1"))), ErrorCode::AuthenticationFailed);
        BV_VERIFY_OK(t->core->auth().unlock(session, secret(t->passwordOf(QStringLiteral("wang")))));
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(session, Operation::ListBranch));
        QCOMPARE(auditCount(audit::IdleLock), 1);
        QCOMPARE(auditCount(audit::SessionUnlock), 1);
    }

    void signOutEndsTheSession()
    {
        const Session session = t->addUser(QStringLiteral("chen"), Role::Clerk);
        const int before = auditCount(audit::SignOut); // the branch manager who confirmed chen signed out
        BV_VERIFY_OK(t->core->auth().signOut(session));
        BV_COMPARE_CODE(
            internalsOf(*t->core).access().authorize(session, Operation::ClerkLookup), ErrorCode::AuthenticationFailed);
        QCOMPARE(auditCount(audit::SignOut), before + 1);
    }

    void recentPasswordsCannotBeReused()
    {
        Session session = t->addUser(QStringLiteral("zhao"), Role::Clerk);
        QStringList used {t->passwordOf(QStringLiteral("zhao"))};
        for (int i = 1; i <= 5; ++i) {
            const QString next = QStringLiteral("Rotation-%1-pass").arg(i);
            BV_VERIFY_OK(t->core->auth().changePassword(session, secret(used.constLast()), secret(next)));
            used << next;
        }
        // the last 5 (the current one included) are refused; the 6th-newest is allowed again
        for (int back = 0; back < 5; ++back) {
            auto again = t->core->auth().changePassword(
                session, secret(used.constLast()), secret(used.at(used.size() - 1 - back)));
            BV_COMPARE_CODE(again, ErrorCode::InvalidInput);
        }
        BV_VERIFY_OK(t->core->auth().changePassword(session, secret(used.constLast()), secret(used.constFirst())));
    }

    void passwordPolicy_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("short") << QStringLiteral("abc12") << false;
        QTest::newRow("no digit") << QStringLiteral("abcdefghij") << false;
        QTest::newRow("no letter") << QStringLiteral("1234567890") << false;
        QTest::newRow("eight ok") << QStringLiteral("abcdefg1") << true;
        QTest::newRow("64 chars") << QStringLiteral("a1").repeated(32) << true;
        QTest::newRow("chinese letters") << QStringLiteral("密码很长很长很长1") << true;
        QTest::newRow("too long") << QStringLiteral("a1").repeated(65) << false;
    }
    void passwordPolicy()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        Session session = t->addUser(QStringLiteral("sun"), Role::Clerk);
        auto changed
            = t->core->auth().changePassword(session, secret(t->passwordOf(QStringLiteral("sun"))), secret(password));
        QCOMPARE(changed.ok(), accepted);
    }

    void passwordsAreNormalisedNfkc()
    {
        Session session = t->addUser(QStringLiteral("qian"), Role::Clerk);
        // full-width letters and digits are the same password as their ASCII forms after NFKC
        BV_VERIFY_OK(t->core->auth().changePassword(
            session, secret(t->passwordOf(QStringLiteral("qian"))), secret(QStringLiteral("Ｗｉｄｅ１２３４"))));
        BV_VERIFY_OK(t->signIn(QStringLiteral("qian"), QStringLiteral("Wide1234")));
    }

    // The branch server's password history hands out a hash's salt and cost without the hash (migration 31); the
    // workstation's hash of a password with them equals the stored hash exactly when it is the same password.
    void aPasswordIsHashedLikeAStoredHash()
    {
        const SecureBytes password = PasswordHasher::normalize(secret(QStringLiteral("Earlier-pw-2026")));
        auto stored = PasswordHasher::hash(password, {2, 19});
        BV_VERIFY_OK(stored);
        const QString saltAndCost = stored->section(QLatin1Char('$'), 0, 4);
        QVERIFY2(saltAndCost.startsWith(QLatin1String("$argon2id$v=19$m=19456,t=2,p=1$")), qPrintable(saltAndCost));
        auto same = PasswordHasher::hashLike(saltAndCost, password);
        BV_VERIFY_OK(same);
        QCOMPARE(*same, *stored);
        auto other
            = PasswordHasher::hashLike(saltAndCost, PasswordHasher::normalize(secret(QStringLiteral("Later-pw-2027"))));
        BV_VERIFY_OK(other);
        QVERIFY(*other != *stored);
        QVERIFY(other->startsWith(saltAndCost + QLatin1Char('$')));
        QVERIFY(PasswordHasher::verify(*other, PasswordHasher::normalize(secret(QStringLiteral("Later-pw-2027")))));
        // the whole hash, another form, a cost beyond the settings' ceiling, a salt of another length: refused
        const QString salt = saltAndCost.section(QLatin1Char('$'), 4, 4);
        for (const QString& bad : QStringList {*stored, QStringLiteral("$argon2i$v=19$m=19456,t=2,p=1$") + salt,
                 QStringLiteral("$argon2id$v=19$m=19456,t=11,p=1$") + salt,
                 QStringLiteral("$argon2id$v=19$m=4194305,t=3,p=1$") + salt,
                 QStringLiteral("$argon2id$v=19$m=19456,t=2,p=1$") + salt.left(20), QString()})
            BV_COMPARE_CODE(PasswordHasher::hashLike(bad, password), ErrorCode::Damaged);
    }

    void passwordsExpire()
    {
        Session session = t->addUser(QStringLiteral("zhou"), Role::CustomerManager);
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(session, Operation::ListPortfolio));
        t->clock.advanceDays(91);
        auto again = t->signIn(QStringLiteral("zhou"));
        BV_VERIFY_OK(again);
        BV_COMPARE_CODE(internalsOf(*t->core).access().authorize(*again, Operation::ListPortfolio),
            ErrorCode::PasswordChangeRequired);
        BV_VERIFY_OK(t->core->auth().changePassword(
            *again, secret(t->passwordOf(QStringLiteral("zhou"))), secret(QStringLiteral("Fresh-pass-2026"))));
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(*again, Operation::ListPortfolio));
    }

    void strongerParametersRehashAtSignIn()
    {
        t->addUser(QStringLiteral("wu"), Role::Clerk);
        auto before = t->vault->database().scalar(QStringLiteral("SELECT password_hash FROM users WHERE login = 'wu'"));
        QVERIFY(before->toString().contains(QStringLiteral("m=19456,t=2")));
        BV_VERIFY_OK(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::Argon2MemLimitMiB), QStringLiteral("32")));
        BV_COMPARE_CODE(
            t->core->settings().set(t->admin, QString::fromLatin1(settings::Argon2MemLimitMiB), QStringLiteral("8")),
            ErrorCode::InvalidInput);
        BV_VERIFY_OK(t->signIn(QStringLiteral("wu")));
        auto after = t->vault->database().scalar(QStringLiteral("SELECT password_hash FROM users WHERE login = 'wu'"));
        QVERIFY2(after->toString().contains(QStringLiteral("m=32768,t=2")), qPrintable(after->toString()));
        QVERIFY(after->toString().startsWith(QStringLiteral("$argon2id$")));
        BV_VERIFY_OK(t->signIn(QStringLiteral("wu")));
    }

    void secondFactorWindowAndReplay()
    {
        Session session = t->addUser(QStringLiteral("zheng"), Role::Manager);
        auto enrolment = t->core->auth().beginSecondFactor(session);
        BV_VERIFY_OK(enrolment);
        auto secretBytes = Totp::base32Decode(enrolment->secretBase32.view());
        BV_VERIFY_OK(secretBytes);
        const qint64 now = t->clock.nowUtc().toSecsSinceEpoch();
        BV_COMPARE_CODE(t->core->auth().confirmSecondFactor(session,
                            QStringLiteral("000000") == QString::fromLatin1(Totp::codeAt(*secretBytes, now))
                                ? QStringLiteral("111111")
                                : QStringLiteral("000000")),
            ErrorCode::AuthenticationFailed);
        BV_VERIFY_OK(
            t->core->auth().confirmSecondFactor(session, QString::fromLatin1(Totp::codeAt(*secretBytes, now))));

        // the password alone is no longer enough
        BV_COMPARE_CODE(t->signIn(QStringLiteral("zheng")), ErrorCode::SecondFactorRequired);
        // the code used for enrolment cannot be replayed
        t->clock.advanceSecs(5);
        BV_COMPARE_CODE(
            t->signIn(QStringLiteral("zheng"), QString(), QString::fromLatin1(Totp::codeAt(*secretBytes, now))),
            ErrorCode::AuthenticationFailed);
        t->clock.advanceSecs(30);
        const qint64 later = t->clock.nowUtc().toSecsSinceEpoch();
        // one step behind is accepted (clock drift); two steps is not
        BV_COMPARE_CODE(
            t->signIn(QStringLiteral("zheng"), QString(), QString::fromLatin1(Totp::codeAt(*secretBytes, later - 60))),
            ErrorCode::AuthenticationFailed);
        BV_VERIFY_OK(
            t->signIn(QStringLiteral("zheng"), QString(), QString::fromLatin1(Totp::codeAt(*secretBytes, later + 30))));
        // and that code again is a replay
        BV_COMPARE_CODE(
            t->signIn(QStringLiteral("zheng"), QString(), QString::fromLatin1(Totp::codeAt(*secretBytes, later + 30))),
            ErrorCode::AuthenticationFailed);
        // the secret is sealed in the database, not stored in the clear
        auto raw
            = t->vault->database().scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'user' "
                                                         "AND field = 'totp_secret'"));
        QCOMPARE(raw->toInt(), 1);
    }

    void secondFactorMandatoryForPrivilegedRoles()
    {
        BV_VERIFY_OK(t->core->settings().set(
            t->admin, QString::fromLatin1(settings::TotpRequiredForPrivileged), QStringLiteral("true")));
        t->addUser(QStringLiteral("audit1"), Role::Auditor);
        auto session = t->signIn(QStringLiteral("audit1"));
        BV_VERIFY_OK(session);
        BV_COMPARE_CODE(
            internalsOf(*t->core).access().authorize(*session, Operation::ReadAudit), ErrorCode::SecondFactorRequired);
        auto enrolment = t->core->auth().beginSecondFactor(*session);
        BV_VERIFY_OK(enrolment);
        auto secretBytes = Totp::base32Decode(enrolment->secretBase32.view());
        BV_VERIFY_OK(t->core->auth().confirmSecondFactor(
            *session, QString::fromLatin1(Totp::codeAt(*secretBytes, t->clock.nowUtc().toSecsSinceEpoch()))));
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(*session, Operation::ReadAudit));
        // managers are not affected by the setting
        Session manager = t->addUser(QStringLiteral("m1"), Role::Manager);
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(manager, Operation::ListBranch));
    }

    void frozenAccountsCannotSignInAndSessionsEnd()
    {
        Session session = t->addUser(QStringLiteral("feng"), Role::CustomerManager);
        BV_VERIFY_OK(t->core->accounts().freeze(t->admin, QStringLiteral("feng")));
        BV_COMPARE_CODE(internalsOf(*t->core).access().authorize(session, Operation::ListPortfolio),
            ErrorCode::AuthenticationFailed);
        auto again = t->signIn(QStringLiteral("feng"));
        BV_COMPARE_CODE(again, ErrorCode::AuthenticationFailed);
        QVERIFY(again.error().message.contains(QStringLiteral("frozen")));
        BV_VERIFY_OK(t->core->accounts().unfreeze(t->admin, QStringLiteral("feng")));
        // unfreezing an account that sees customer data waits for a branch manager (dual control)
        BV_COMPARE_CODE(t->signIn(QStringLiteral("feng")), ErrorCode::AuthenticationFailed);
        // freezing removed its key slot, so the confirmation writes a new one under a code
        QVERIFY(!t->confirm(QStringLiteral("feng")).isEmpty());
        BV_VERIFY_OK(t->signIn(QStringLiteral("feng")));
        // the account still exists and cannot be deleted, even with raw SQL
        auto deleted = t->vault->database().query(QStringLiteral("DELETE FROM users WHERE login = 'feng'"));
        QVERIFY(!deleted.ok());
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
