// Key custody (DESIGN §2, §3): the keychain alone opens no grade-1 value; the keys live in per-account key
// slots opened by the password at sign-in and wiped at lock and sign-out; the administrator cannot give anyone
// customer access alone (dual control); a database of release 0.1 moves into key slots at the first sign-in of
// a branch manager. Grade-1 values are compared with QVERIFY, never printed.
#include "core/audit/AuditActions.h"
#include "core/auth/AccountService.h"
#include "core/auth/AuthService.h"
#include "core/auth/PasswordHasher.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/db/Database.h"
#include "core/internal/keys/KeyEnvelope.h"
#include "core/internal/keys/KeyMaterial.h"
#include "core/internal/keys/KeySlots.h"
#include "core/internal/keys/Keyring.h"
#include "core/internal/keys/RecoveryPassphrase.h"
#include "core/internal/keys/SealedValues.h"
#include "core/internal/policy/AccessControl.h"
#include "core/policy/FieldCatalogue.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTest>

#include <vector>

using namespace bv;
using namespace bv::test;

namespace {

int auditCount(TestCore& t, const char* action)
{
    AuditFilter filter;
    filter.action = QString::fromLatin1(action);
    auto rows = internalsOf(*t.core).auditLog().rows(filter);
    return rows.ok() ? int(rows->size()) : -1;
}

// What the 20-line script of the finding did, and every other way the keychain's key material could lead to a
// customer key: each customer value is tried with every key the keychain entry yields.
int valuesOpenedWithKeychainOnly(Database& db, const KeyMaterial& material)
{
    std::vector<FieldCipher> candidates;
    for (Keyring::Table table : {Keyring::Table::Legacy, Keyring::Table::Staff}) {
        auto keys = Keyring::load(db, table, material);
        if (keys.ok())
            candidates.emplace_back(std::move(keys).value());
    }
    static constexpr char kContexts[][8]
        = {{'B', 'V', 'k', 'e', 'y', 'r', 'n', 'g'}, {'B', 'V', 's', 't', 'a', 'f', 'f', '1'}};
    for (const auto& context : kContexts) {
        for (quint64 id = 1; id <= 4; ++id)
            candidates.emplace_back(
                FieldKeys {1, material.deriveSubkey(id, context), material.deriveSubkey(id, context)});
    }
    candidates.emplace_back(FieldKeys {1, material.wrapKey().clone(), material.wrapKey().clone()});
    candidates.emplace_back(FieldKeys {1, material.databaseKey().clone(), material.databaseKey().clone()});
    auto q = db.query(QStringLiteral("SELECT owner_kind, owner_id, field, sealed FROM sealed_value "
                                     "WHERE owner_kind IN ('customer', 'account', 'change')"));
    if (!q.ok())
        return -1;
    int opened = 0;
    int tried = 0;
    while (q->next()) {
        ++tried;
        const QByteArray ad
            = FieldCipher::associatedData(q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString());
        for (const FieldCipher& cipher : candidates) {
            if (cipher.open(q->value(3).toByteArray(), ad).ok())
                ++opened;
        }
    }
    return tried == 0 ? -1 : opened;
}

} // namespace

class TestCustody : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestCore> t;
    Session m1;
    Session c1;

    QString addCustomer()
    {
        auto receipt = t->core->customers().entry().create(c1, customerInput(7));
        if (!receipt.ok()) {
            qWarning("%s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (!t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        c1 = t->addUser(QStringLiteral("c1"), Role::CustomerManager);
        QVERIFY(m1.isValid() && c1.isValid());
    }

    void keychainAndFileAloneOpenNoCustomerValue()
    {
        const QString number = addCustomer();
        QVERIFY(!number.isEmpty());
        // everyone signs out: only the file and the keychain are left
        BV_VERIFY_OK(t->core->auth().signOut(m1));
        BV_VERIFY_OK(t->core->auth().signOut(c1));
        QVERIFY(!t->vault->cipher().isValid());
        const QString id = t->vault->databaseId();
        auto stored = t->store.read(VaultService::keychainName(id));
        BV_VERIFY_OK(stored);
        auto material = KeyMaterial::deserialize(*stored);
        BV_VERIFY_OK(material);
        QCOMPARE(valuesOpenedWithKeychainOnly(t->vault->database(), *material), 0);
        auto legacy = Keyring::isEmpty(t->vault->database(), Keyring::Table::Legacy);
        BV_VERIFY_OK(legacy);
        QVERIFY(*legacy);
        // and core refuses, rather than answering "no match", without a key holder
        BV_COMPARE_CODE(SealedValues::find(t->vault->database(), t->vault->cipher(), BlindDomain::IdNumber,
                            customerInput(7).values.value(QString::fromLatin1(fields::IdNumber))),
            ErrorCode::PermissionDenied);
        // the password opens the slot again
        auto again = t->signIn(QStringLiteral("m1"));
        BV_VERIFY_OK(again);
        QVERIFY(t->vault->cipher().isValid());
        BV_VERIFY_OK(t->core->customers().finder().open(*again, number));
    }

    void keysAreWipedAtLockAndSignOut()
    {
        QVERIFY(t->vault->cipher().isValid());
        BV_VERIFY_OK(t->core->auth().lock(m1));
        QVERIFY(t->vault->cipher().isValid()); // c1 still holds them
        BV_VERIFY_OK(t->core->auth().lock(c1));
        QVERIFY(!t->vault->cipher().isValid());
        BV_VERIFY_OK(t->core->auth().unlock(c1, secret(t->passwordOf(QStringLiteral("c1")))));
        QVERIFY(t->vault->cipher().isValid());
        // idle lock wipes too
        t->clock.advanceSecs(3600);
        BV_COMPARE_CODE(
            internalsOf(*t->core).access().authorize(c1, Operation::ListPortfolio), ErrorCode::SessionLocked);
        QVERIFY(!t->vault->cipher().isValid());
        BV_VERIFY_OK(t->core->auth().unlock(c1, secret(t->passwordOf(QStringLiteral("c1")))));
        BV_VERIFY_OK(t->core->auth().signOut(c1));
        QVERIFY(!t->vault->cipher().isValid());
        // administrator and auditor sessions never hold them
        BV_VERIFY_OK(t->core->auth().unlock(t->admin, secret(t->passwordOf(QStringLiteral("admin")))));
        Session auditor = t->addUser(QStringLiteral("u1"), Role::Auditor);
        QVERIFY(auditor.isValid());
        QVERIFY(!t->vault->cipher().isValid());
        auto slot = KeySlots::kindOf(t->vault->database(), t->userId(QStringLiteral("u1")));
        BV_VERIFY_OK(slot);
        QVERIFY(!slot->has_value());
    }

    void passwordChangeRewrapsTheSlot()
    {
        const QString number = addCustomer();
        const QString next = QStringLiteral("Next-pass-42");
        BV_VERIFY_OK(t->core->auth().changePassword(c1, secret(t->passwordOf(QStringLiteral("c1"))), secret(next)));
        Database& db = t->vault->database();
        const qint64 id = t->userId(QStringLiteral("c1"));
        BV_COMPARE_CODE(KeySlots::open(db, id, KeySlots::Kind::Password,
                            PasswordHasher::normalize(secret(t->passwordOf(QStringLiteral("c1"))))),
            ErrorCode::AuthenticationFailed);
        BV_VERIFY_OK(KeySlots::open(db, id, KeySlots::Kind::Password, PasswordHasher::normalize(secret(next))));
        BV_VERIFY_OK(t->core->auth().signOut(c1));
        BV_VERIFY_OK(t->core->auth().signOut(m1));
        auto again = t->signIn(QStringLiteral("c1"), next);
        BV_VERIFY_OK(again);
        BV_VERIFY_OK(t->core->customers().finder().open(*again, number));
    }

    void administratorAloneGivesNoCustomerAccess()
    {
        auto oneTime = t->core->accounts().create(
            t->admin, NewAccount {QStringLiteral("c2"), QStringLiteral("C2"), Role::CustomerManager, {}, {}});
        BV_VERIFY_OK(oneTime);
        // the one-time password does not sign in until a branch manager confirms
        BV_COMPARE_CODE(t->core->auth().signIn(QStringLiteral("c2"), *oneTime), ErrorCode::AuthenticationFailed);
        // the administrator cannot confirm, nor use the recovery passphrase for a customer manager
        BV_COMPARE_CODE(t->core->accounts().confirm(t->admin, QStringLiteral("c2")), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            t->core->accounts().confirmWithRecovery(t->admin, QStringLiteral("c2"), secret(t->recoveryPassphrase)),
            ErrorCode::Conflict);
        auto confirmed = t->core->accounts().confirm(m1, QStringLiteral("c2"));
        BV_VERIFY_OK(confirmed);
        QCOMPARE(confirmed->change, QStringLiteral("create"));
        QVERIFY(!confirmed->confirmationCode.isEmpty());
        // two events: the administrator's creation and the manager's confirmation
        QVERIFY(auditCount(*t, audit::UserCreate) >= 1);
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::UserConfirm);
        auto confirms = internalsOf(*t->core).auditLog().rows(filter);
        BV_VERIFY_OK(confirms);
        QCOMPARE(confirms->constLast().login, QStringLiteral("m1"));
        const QString code = QString::fromLatin1(confirmed->confirmationCode.view().toByteArray());
        const QString details = confirms->constLast().details; // the JSON text as stored
        QVERIFY(details.contains(QStringLiteral("\"change\"")));
        QVERIFY(!details.contains(code) && !details.contains(QString(code).remove(QLatin1Char('-'))));
        // the one-time password now signs in, but only the code opens the key slot
        auto session = t->core->auth().signIn(QStringLiteral("c2"), *oneTime);
        BV_VERIFY_OK(session);
        QVERIFY(t->core->auth().needsConfirmationCode(*session));
        BV_COMPARE_CODE(t->core->auth().changePassword(*session, *oneTime, secret(QStringLiteral("C2-pass-123"))),
            ErrorCode::InvalidInput);
        BV_COMPARE_CODE(t->core->auth().changePassword(*session, *oneTime, secret(QStringLiteral("C2-pass-123")),
                            secret(QStringLiteral("abcd-efgh-jkmn-pqrs"))),
            ErrorCode::AuthenticationFailed);
        // typed in capitals, without a dash: the code is read leniently
        const QString typedCode
            = QString::fromLatin1(confirmed->confirmationCode.view().toByteArray().toUpper()).remove(QLatin1Char('-'));
        BV_VERIFY_OK(t->core->auth().changePassword(
            *session, *oneTime, secret(QStringLiteral("C2-pass-123")), secret(typedCode)));
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(*session, Operation::ListPortfolio));
        auto slot = KeySlots::kindOf(t->vault->database(), t->userId(QStringLiteral("c2")));
        BV_VERIFY_OK(slot);
        QCOMPARE(**slot, KeySlots::Kind::Password);
        // nobody confirms their own account; a decline freezes a new account
        auto other = t->core->accounts().create(
            t->admin, NewAccount {QStringLiteral("k2"), QStringLiteral("K2"), Role::Clerk, {}, {}});
        BV_VERIFY_OK(other);
        BV_COMPARE_CODE(t->core->accounts().decline(m1, QStringLiteral("k2"), QString()), ErrorCode::InvalidInput);
        BV_VERIFY_OK(t->core->accounts().decline(m1, QStringLiteral("k2"), QStringLiteral("no request form")));
        auto declined = t->core->accounts().accountByLogin(QStringLiteral("k2"));
        BV_VERIFY_OK(declined);
        QVERIFY(declined->frozen);
        QVERIFY(declined->awaiting.isEmpty());
        BV_COMPARE_CODE(t->core->auth().signIn(QStringLiteral("k2"), *other), ErrorCode::AuthenticationFailed);
    }

    void firstAndLastManagerUseTheRecoveryPassphrase()
    {
        auto oneTime = t->core->accounts().resetPassword(t->admin, QStringLiteral("m1"));
        BV_VERIFY_OK(oneTime);
        // m1 cannot confirm the own reset
        auto own = t->signIn(QStringLiteral("m1"), QString::fromLatin1(oneTime->view().toByteArray()));
        BV_COMPARE_CODE(own, ErrorCode::AuthenticationFailed);
        // no other branch manager: the recovery passphrase confirms, with the wrong one refused
        BV_COMPARE_CODE(
            t->core->accounts().confirmWithRecovery(t->admin, QStringLiteral("m1"), RecoveryPassphrase::generate()),
            ErrorCode::WrongKey);
        auto confirmed
            = t->core->accounts().confirmWithRecovery(t->admin, QStringLiteral("m1"), secret(t->recoveryPassphrase));
        BV_VERIFY_OK(confirmed);
        auto session = t->core->auth().signIn(QStringLiteral("m1"), *oneTime);
        BV_VERIFY_OK(session);
        BV_VERIFY_OK(t->core->auth().changePassword(
            *session, *oneTime, secret(QStringLiteral("M1-new-pass-9")), confirmed->confirmationCode));
        BV_VERIFY_OK(internalsOf(*t->core).access().authorize(*session, Operation::ListBranch));
        // a second manager is confirmed by m1, not by the passphrase
        auto two = t->core->accounts().create(
            t->admin, NewAccount {QStringLiteral("m2"), QStringLiteral("M2"), Role::Manager, {}, {}});
        BV_VERIFY_OK(two);
        BV_COMPARE_CODE(
            t->core->accounts().confirmWithRecovery(t->admin, QStringLiteral("m2"), secret(t->recoveryPassphrase)),
            ErrorCode::Conflict);
        BV_VERIFY_OK(t->core->accounts().confirm(*session, QStringLiteral("m2")));
    }

    void roleChangeWaitsForConfirmation()
    {
        BV_VERIFY_OK(t->core->accounts().changeRole(t->admin, QStringLiteral("c1"), Role::Manager));
        auto waiting = t->core->accounts().accountByLogin(QStringLiteral("c1"));
        BV_VERIFY_OK(waiting);
        QCOMPARE(waiting->role, Role::CustomerManager);
        BV_COMPARE_CODE(t->signIn(QStringLiteral("c1")), ErrorCode::AuthenticationFailed);
        auto listed = t->core->accounts().awaitingConfirmation(m1);
        BV_VERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        auto confirmed = t->core->accounts().confirm(m1, QStringLiteral("c1"));
        BV_VERIFY_OK(confirmed);
        QVERIFY(confirmed->confirmationCode.isEmpty()); // the slot still opens with c1's own password
        auto session = t->signIn(QStringLiteral("c1"));
        BV_VERIFY_OK(session);
        QCOMPARE(session->info().role, Role::Manager);
    }

    void repairedEnvelopeRecoverySlotFollowsAtTheNextSignIn()
    {
        auto old = RecoveryPassphrase::normalize(secret(t->recoveryPassphrase));
        BV_VERIFY_OK(old);
        BV_VERIFY_OK(KeySlots::openRecovery(t->vault->database(), *old));
        auto fresh = t->vaults->repairEnvelope(*t->vault);
        BV_COMPARE_CODE(fresh, ErrorCode::Conflict); // the envelope is fine: nothing to repair
        // a new envelope with a new passphrase, as repair-envelope writes it after a loss
        QVERIFY(QFile::remove(t->vault->envelopePath()));
        fresh = t->vaults->repairEnvelope(*t->vault);
        BV_VERIFY_OK(fresh);
        auto normalized = RecoveryPassphrase::normalize(*fresh);
        BV_VERIFY_OK(normalized);
        BV_COMPARE_CODE(KeySlots::openRecovery(t->vault->database(), *normalized), ErrorCode::WrongKey);
        BV_VERIFY_OK(KeySlots::openRecovery(t->vault->database(), *old)); // the old sheet still does, for now
        // a key holder's sign-in does not follow the envelope file: whoever rewrote it (here: the administrator
        // who repaired it and holds the new sheet) would otherwise receive the customer keys
        BV_VERIFY_OK(t->signIn(QStringLiteral("c1")));
        BV_COMPARE_CODE(KeySlots::openRecovery(t->vault->database(), *normalized), ErrorCode::WrongKey);
        BV_VERIFY_OK(KeySlots::openRecovery(t->vault->database(), *old));
        // a branch manager adopts the new sheet by typing its passphrase; a wrong one changes nothing
        BV_COMPARE_CODE(t->core->accounts().adoptRecoverySheet(c1, *fresh), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(
            t->core->accounts().adoptRecoverySheet(m1, RecoveryPassphrase::generate()), ErrorCode::WrongKey);
        BV_VERIFY_OK(t->core->accounts().adoptRecoverySheet(m1, *fresh));
        BV_VERIFY_OK(KeySlots::openRecovery(t->vault->database(), *normalized));
        BV_COMPARE_CODE(KeySlots::openRecovery(t->vault->database(), *old), ErrorCode::WrongKey);
    }

    // A database written by release 0.1 (tests/fixtures/release-0.1.0, made by its make.sh): its keyring
    // opens with the keychain alone until a branch manager's first sign-in moves it into key slots.
    void releaseZeroOneMovesIntoKeySlots()
    {
        const QString fixture
            = qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/tests/fixtures/release-0.1.0/");
        TempDatabaseDir dir;
        const QString path = dir.file(QStringLiteral("branch.db"));
        QVERIFY(QFile::copy(fixture + QStringLiteral("branch.db"), path));
        QVERIFY(QFile::copy(fixture + QStringLiteral("branch.db.envelope"), path + QStringLiteral(".envelope")));
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
        QFile::setPermissions(path + QStringLiteral(".envelope"), QFile::ReadOwner | QFile::WriteOwner);
        QFile sheet(fixture + QStringLiteral("recovery-passphrase.txt"));
        QVERIFY(sheet.open(QIODevice::ReadOnly));
        const QByteArray passphrase = sheet.readAll().trimmed();
        FakeSecretStore store;
        VaultService vaults(store);
        auto unlocked = vaults.unlock(path, secret(QString::fromLatin1(passphrase)));
        BV_VERIFY_OK(unlocked);
        Vault& vault = *unlocked->vault;
        QVERIFY(!vault.cipher().isValid());
        auto material = KeyMaterial::deserialize(*store.read(VaultService::keychainName(vault.databaseId())));
        BV_VERIFY_OK(material);
        // before: the finding — the keychain alone opens every customer value
        QVERIFY(valuesOpenedWithKeychainOnly(vault.database(), *material) > 0);
        Core core(vault, vaults);
        auto legacyKeys = vault.legacyKeys();
        BV_VERIFY_OK(legacyKeys);
        QVERIFY(legacyKeys->has_value());
        const FieldCipher oldCipher((*legacyKeys)->clone());
        // the administrator signs in without any customer key; until a manager signs in, the clerk still works
        // with the old keyring
        auto admin = core.auth().signIn(QStringLiteral("admin"), secret(QStringLiteral("Admin-pass-2026")));
        BV_VERIFY_OK(admin);
        QVERIFY(!vault.cipher().isValid());
        auto k1 = core.auth().signIn(QStringLiteral("k1"), secret(QStringLiteral("k1-Pass-2026")));
        BV_VERIFY_OK(k1);
        auto card = core.customers().finder().clerkLookup(
            *k1, QStringLiteral("测试客户"), QStringLiteral("110105199001011240"), QStringLiteral("counter check"));
        BV_VERIFY_OK(card);
        QVERIFY(card->has_value());
        BV_VERIFY_OK(core.auth().signOut(*k1));
        // the manager's first sign-in moves the keys into slots
        auto m1 = core.auth().signIn(QStringLiteral("m1"), secret(QStringLiteral("m1-Pass-2026")));
        BV_VERIFY_OK(m1);
        auto view = core.customers().finder().open(*m1, QStringLiteral("0001-00000001"));
        BV_VERIFY_OK(view);
        QVERIFY(view->gradeOne.value(QString::fromLatin1(fields::IdNumber)).startsWith(QStringLiteral("110105")));
        auto legacy = Keyring::isEmpty(vault.database(), Keyring::Table::Legacy);
        BV_VERIFY_OK(legacy);
        QVERIFY(*legacy);
        QCOMPARE(valuesOpenedWithKeychainOnly(vault.database(), *material), 0);
        // the keys the keychain (and every earlier backup) gave away are replaced: no value opens with them
        auto generation = KeySlots::generation(vault.database());
        BV_VERIFY_OK(generation);
        QCOMPARE(*generation, 2);
        {
            auto q = vault.database().query(QStringLiteral(
                "SELECT owner_kind, owner_id, field, sealed FROM sealed_value WHERE owner_kind <> 'user'"));
            BV_VERIFY_OK(q);
            int opened = 0;
            int tried = 0;
            while (q->next()) {
                ++tried;
                opened += oldCipher
                              .open(q->value(3).toByteArray(),
                                  FieldCipher::associatedData(
                                      q->value(0).toString(), q->value(1).toLongLong(), q->value(2).toString()))
                              .ok();
            }
            QVERIFY(tried > 0);
            QCOMPARE(opened, 0);
        }
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::KeysMigrate);
        auto moved = internalsOf(core).auditLog().rows(filter);
        BV_VERIFY_OK(moved);
        QCOMPARE(moved->size(), 1);
        // every other key holder waits for a branch manager's confirmation (one code each)
        for (const QString& login : {QStringLiteral("c1"), QStringLiteral("k1")}) {
            auto waiting = core.accounts().accountByLogin(login);
            BV_VERIFY_OK(waiting);
            QCOMPARE(waiting->awaiting, QStringLiteral("custody"));
        }
        BV_COMPARE_CODE(core.auth().signIn(QStringLiteral("c1"), secret(QStringLiteral("c1-Pass-2026"))),
            ErrorCode::AuthenticationFailed);
        auto confirmed = core.accounts().confirm(*m1, QStringLiteral("c1"));
        BV_VERIFY_OK(confirmed);
        auto c1Session = core.auth().signIn(QStringLiteral("c1"), secret(QStringLiteral("c1-Pass-2026")));
        BV_VERIFY_OK(c1Session);
        BV_VERIFY_OK(core.auth().changePassword(*c1Session, secret(QStringLiteral("c1-Pass-2026")),
            secret(QStringLiteral("c1-Pass-2027")), confirmed->confirmationCode));
        BV_VERIFY_OK(core.customers().finder().open(*c1Session, QStringLiteral("0001-00000001")));
        // the recovery passphrase opens the same keys
        auto normalized = RecoveryPassphrase::normalize(secret(QString::fromLatin1(passphrase)));
        BV_VERIFY_OK(normalized);
        auto recovered = KeySlots::openRecovery(vault.database(), *normalized);
        BV_VERIFY_OK(recovered);
        QVERIFY(recovered->fieldKey.equals(vault.cipher().keys().fieldKey));
    }
};

QTEST_GUILESS_MAIN(TestCustody)
#include "tst_custody.moc"
