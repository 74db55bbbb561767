// Issue 11, finding 3: the stored masked forms follow the mask settings. A narrower setting re-masks
// every stored form at once (in the database and in what a manager sees); a wider one waits for the
// next sign-in of a key holder, which re-masks from the sealed values; a width that would show the
// birth date of an ID number is refused and changes nothing; every re-mask is audited with counts only.
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Migration.h"
#include "core/internal/db/Transaction.h"
#include "core/internal/keys/FieldCipher.h"
#include "core/internal/policy/StoredMasks.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/Masking.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

const QString kIdKey = QString(MaskSettings::kMainlandIdKeepStartKey);
const QString kPhoneStartKey = QString(MaskSettings::kPhoneKeepStartKey);

QString stars(int n)
{
    return QString(n, u'*');
}

} // namespace

class TestStoredMasks : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, cm1, cm2, clerk;
    CustomerEntry& entry() { return t->core->customers().entry(); }
    CustomerFinder& finder() { return t->core->customers().finder(); }
    Database& db() { return t->vault->database(); }

    QString createApproved(const Session& maker, const CustomerInput& input)
    {
        auto receipt = entry().create(maker, input);
        if (!receipt.ok()
            || !entry().approve(m1, receipt->changeId, QStringLiteral("checked against the ID card")).ok())
            return QString();
        return receipt->customerNumber;
    }

    QString storedMask(const QString& number, const char* field)
    {
        auto ref = CustomerServiceInternals::of(t->core->customers()).customerByNumber(number);
        if (!ref.ok())
            return QStringLiteral("<no customer>");
        auto masked = db().scalar(QStringLiteral("SELECT masked FROM sealed_value WHERE owner_kind = 'customer' "
                                                 "AND owner_id = ? AND field = ?"),
            {ref->id, QString::fromLatin1(field)});
        return masked.ok() ? masked->toString() : QStringLiteral("<error>");
    }

    QString seen(const Session& session, const QString& number, const char* field)
    {
        auto view = finder().open(session, number);
        return view.ok() ? view->gradeOne.value(QString::fromLatin1(field)) : QStringLiteral("<error>");
    }

    bool pending()
    {
        auto p = StoredMasks::isPending(db());
        return p.ok() && *p;
    }

    static QJsonObject details(const AuditRow& row) { return QJsonDocument::fromJson(row.details.toUtf8()).object(); }

    QList<AuditRow> remaskRows()
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::PolicyRemask);
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }

    // Every audit row's details, to prove no full value was written.
    QString allAuditDetails()
    {
        auto rows = internalsOf(*t->core).auditLog().rows(AuditFilter());
        QString all;
        for (const AuditRow& row : rows.value())
            all += row.details;
        return all;
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        cm2 = t->addUser(QStringLiteral("cm2"), Role::CustomerManager);
        clerk = t->addUser(QStringLiteral("k1"), Role::Clerk);
    }
    void cleanup() { t.reset(); }

    void narrowerSettingReMasksStoredFormsAtOnce()
    {
        const CustomerInput input = customerInput(21);
        const QString id = input.values.value(QString::fromLatin1(fields::IdNumber));
        const QString phone = input.values.value(QString::fromLatin1(fields::Mobile));
        const QString card = input.accounts.constFirst().number;
        const QString number = createApproved(cm1, input);
        QVERIFY(!number.isEmpty());
        // a second customer with the same mobile: a suspicious pair with the masked shared value
        CustomerInput other = customerInput(22);
        other.values[QString::fromLatin1(fields::Mobile)] = phone;
        QVERIFY(!createApproved(cm2, other).isEmpty());
        // a pending edit whose diff holds masked values
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::Mobile), QStringLiteral("13900001111"));
        // an address may start with '#': only an account's diff entry names its account so
        edit.values.insert(QString::fromLatin1(fields::Address), QStringLiteral("#12 Rose Street, Chaoyang, Beijing"));
        auto change = entry().edit(cm1, number, edit);
        BV_VERIFY_OK(change);

        QCOMPARE(storedMask(number, fields::IdNumber), id.left(6) + stars(12));
        QCOMPARE(seen(m1, number, fields::IdNumber), id.left(6) + stars(12));

        SettingsService& settings = t->core->settings();
        BV_VERIFY_OK(settings.set(t->admin, kIdKey, QStringLiteral("3")));
        BV_VERIFY_OK(settings.set(t->admin, kPhoneStartKey, QStringLiteral("1")));
        BV_VERIFY_OK(settings.set(t->admin, QString(MaskSettings::kAccountKeepStartKey), QStringLiteral("4")));
        BV_VERIFY_OK(settings.set(t->admin, QString(MaskSettings::kAddressKeepStartKey), QStringLiteral("3")));
        BV_VERIFY_OK(settings.set(t->admin, QString(MaskSettings::kEmailLocalKeepKey), QStringLiteral("0")));

        // in the database
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(3) + stars(15));
        QCOMPARE(storedMask(number, fields::Mobile), phone.left(1) + stars(6) + phone.right(4));
        QCOMPARE(storedMask(number, fields::Address), QStringLiteral("北京市****"));
        auto cardMask = db().scalar(QStringLiteral("SELECT masked FROM sealed_value WHERE owner_kind = 'account'"));
        QCOMPARE(cardMask->toString(), card.left(4) + stars(card.size() - 8) + card.right(4));
        auto pairMask = db().scalar(QStringLiteral("SELECT masked_value FROM suspicious_pairs"));
        QCOMPARE(pairMask->toString(), phone.left(1) + stars(6) + phone.right(4));
        // what a branch manager and the customer's manager see
        QCOMPARE(seen(m1, number, fields::IdNumber), id.left(3) + stars(15));
        QCOMPARE(seen(cm1, number, fields::Mobile), phone.left(1) + stars(6) + phone.right(4));
        auto pairs = entry().suspicious(m1);
        BV_VERIFY_OK(pairs);
        QCOMPARE(pairs->constFirst().maskedValue, phone.left(1) + stars(6) + phone.right(4));
        auto pendingChange = entry().change(m1, change->changeId);
        BV_VERIFY_OK(pendingChange);
        bool sawMobile = false;
        bool sawAddress = false;
        for (const FieldDiff& d : pendingChange->diff) {
            if (d.field == QLatin1String(fields::Address)) {
                sawAddress = true;
                QCOMPARE(d.newMasked, QStringLiteral("#12****"));
            }
            if (d.field == QLatin1String(fields::Mobile)) {
                sawMobile = true;
                QCOMPARE(d.newMasked, QStringLiteral("1******1111"));
                QCOMPARE(d.oldMasked, phone.left(1) + stars(6) + phone.right(4));
            }
        }
        QVERIFY(sawMobile);
        QVERIFY(sawAddress);
        // the creation's diff in the history is narrowed too
        auto history = entry().history(m1, number);
        BV_VERIFY_OK(history);
        bool sawId = false;
        for (const auto& h : *history) {
            for (const FieldDiff& d : h.diff) {
                if (d.field == QLatin1String(fields::IdNumber)) {
                    sawId = true;
                    QCOMPARE(d.newMasked, id.left(3) + stars(15));
                }
            }
        }
        QVERIFY(sawId);

        // nothing waits for a key holder: the narrower forms were derived exactly
        QVERIFY(!pending());
        // audited: one row per narrowing, with counts and never a value
        const QList<AuditRow> rows = remaskRows();
        QCOMPARE(rows.size(), 5);
        QCOMPARE(details(rows.constFirst()).value(QStringLiteral("mode")).toString(), QStringLiteral("tighten"));
        QCOMPARE(details(rows.constFirst()).value(QStringLiteral("setting")).toString(), kIdKey);
        QVERIFY(details(rows.constFirst()).value(QStringLiteral("changed")).toInteger() >= 1);
        QCOMPARE(rows.constFirst().login, QStringLiteral("admin"));
        const QString details = allAuditDetails();
        for (const QString& secret : QStringList {id, phone, card, id.left(6) + stars(12)})
            QVERIFY(!details.contains(secret));
    }

    void widerSettingWaitsForAKeyHolderThenReMasksFromTheValues()
    {
        const CustomerInput input = customerInput(31);
        const QString id = input.values.value(QString::fromLatin1(fields::IdNumber));
        const QString phone = input.values.value(QString::fromLatin1(fields::Mobile));
        const QString number = createApproved(cm1, input);
        QVERIFY(!number.isEmpty());
        SettingsService& settings = t->core->settings();
        BV_VERIFY_OK(settings.set(t->admin, kIdKey, QStringLiteral("2")));
        BV_VERIFY_OK(settings.set(t->admin, kPhoneStartKey, QStringLiteral("0")));
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(2) + stars(16));
        QVERIFY(!pending());

        // wider again: the masked form cannot show what it no longer holds
        BV_VERIFY_OK(settings.set(t->admin, kIdKey, QStringLiteral("6")));
        BV_VERIFY_OK(settings.set(t->admin, kPhoneStartKey, QStringLiteral("3")));
        QVERIFY(pending());
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(2) + stars(16));
        auto marked = internalsOf(*t->core).auditLog().rows(AuditFilter {});
        QVERIFY(details(marked->constLast()).value(QStringLiteral("remask")).isString());
        const qsizetype remasksBefore = remaskRows().size();

        // accounts without the field key leave it waiting
        BV_VERIFY_OK(t->signIn(QStringLiteral("admin")));
        BV_VERIFY_OK(t->signIn(QStringLiteral("k1")));
        QVERIFY(pending());
        QCOMPARE(remaskRows().size(), remasksBefore);
        // and so does a key holder whose session holds no valid field key
        auto none = StoredMasks::applyPending(
            db(), internalsOf(*t->core).auditLog(), Actor::system(), FieldCipher(), t->core->settings().maskSettings());
        BV_VERIFY_OK(none);
        QVERIFY(!none->ran);
        QVERIFY(pending());

        // a branch manager's sign-in re-masks from the sealed values, with progress
        qint64 lastDone = 0, lastTotal = 0;
        t->core->auth().setRemaskProgress([&](qint64 done, qint64 total) {
            lastDone = done;
            lastTotal = total;
        });
        auto manager = t->signIn(QStringLiteral("m1"));
        BV_VERIFY_OK(manager);
        QVERIFY(!pending());
        QVERIFY(lastTotal > 0);
        QCOMPARE(lastDone, lastTotal);
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(6) + stars(12));
        QCOMPARE(storedMask(number, fields::Mobile), phone.left(3) + stars(4) + phone.right(4));
        QCOMPARE(seen(*manager, number, fields::IdNumber), id.left(6) + stars(12));
        const QList<AuditRow> rows = remaskRows();
        QCOMPARE(rows.size(), remasksBefore + 1);
        QCOMPARE(details(rows.constLast()).value(QStringLiteral("mode")).toString(), QStringLiteral("from_values"));
        QCOMPARE(rows.constLast().login, QStringLiteral("m1"));
        QVERIFY(details(rows.constLast()).value(QStringLiteral("changed")).toInteger() >= 2);
        QVERIFY(!allAuditDetails().contains(id));

        // once done, the next sign-in has nothing to do
        BV_VERIFY_OK(t->signIn(QStringLiteral("cm1")));
        QCOMPARE(remaskRows().size(), remasksBefore + 1);
    }

    void customerManagerSignInAppliesThePendingReMask()
    {
        const CustomerInput input = customerInput(41);
        const QString phone = input.values.value(QString::fromLatin1(fields::Mobile));
        const QString number = createApproved(cm1, input);
        QVERIFY(!number.isEmpty());
        BV_VERIFY_OK(t->core->settings().set(t->admin, kPhoneStartKey, QStringLiteral("2")));
        BV_VERIFY_OK(t->core->settings().set(t->admin, kPhoneStartKey, QStringLiteral("3")));
        QCOMPARE(storedMask(number, fields::Mobile), phone.left(2) + stars(5) + phone.right(4));
        QVERIFY(pending());
        BV_VERIFY_OK(t->signIn(QStringLiteral("cm2")));
        QVERIFY(!pending());
        QCOMPARE(storedMask(number, fields::Mobile), phone.left(3) + stars(4) + phone.right(4));
        QCOMPARE(remaskRows().constLast().login, QStringLiteral("cm2"));
    }

    void birthDateWidthRefusedAndNothingChanges()
    {
        const CustomerInput input = customerInput(51);
        const QString id = input.values.value(QString::fromLatin1(fields::IdNumber));
        const QString number = createApproved(cm1, input);
        QVERIFY(!number.isEmpty());
        const QString before = storedMask(number, fields::IdNumber);
        QCOMPARE(before, id.left(6) + stars(12));
        const qsizetype remasks = remaskRows().size();

        for (const QString& width : {QStringLiteral("14"), QStringLiteral("7"), QStringLiteral("-1")}) {
            const Status refused = t->core->settings().set(t->admin, kIdKey, width);
            BV_COMPARE_CODE(refused, ErrorCode::InvalidInput);
            QCOMPARE(refused.error().field, kIdKey);
            const QString message = refused.error().message;
            QVERIFY2(message.contains(kIdKey), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("from 0 to 6")), qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("birth date")), qPrintable(message));
        }
        QCOMPARE(t->core->settings().integer(kIdKey), qint64(6));
        QCOMPARE(t->core->settings().maskSettings().mainlandIdKeepStart, 6);
        // the record written before the refused change is as it was, nothing waits, nothing re-masked
        QCOMPARE(storedMask(number, fields::IdNumber), before);
        QCOMPARE(seen(m1, number, fields::IdNumber), before);
        QVERIFY(!pending());
        QCOMPARE(remaskRows().size(), remasks);
        // a record written after it is masked as before
        const QString later = createApproved(cm1, customerInput(52));
        QCOMPARE(storedMask(later, fields::IdNumber),
            customerInput(52).values.value(QString::fromLatin1(fields::IdNumber)).left(6) + stars(12));
    }

    // An ID number whose masked form fits both ID rules is narrowed to what both show; the re-mask
    // from the values at the next key holder's sign-in restores the exact form.
    void ambiguousIdNumbersAreNarrowedThenSettled()
    {
        const CustomerInput input = customerInput(61);
        const QString id = input.values.value(QString::fromLatin1(fields::IdNumber));
        const QString number = createApproved(cm1, input);
        QVERIFY(!number.isEmpty());
        SettingsService& settings = t->core->settings();
        BV_VERIFY_OK(settings.set(t->admin, kIdKey, QStringLiteral("2")));
        QVERIFY(!pending());
        // another setting narrowed: the form showing 2 digits is a mainland ID's or another ID's (both
        // widths are 2), and both rules keep it
        BV_VERIFY_OK(settings.set(t->admin, kPhoneStartKey, QStringLiteral("2")));
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(2) + stars(16));
        QVERIFY(!pending());
        // other IDs 2 -> 1: it could be another ID's, so it keeps only 1 until a key holder signs in
        BV_VERIFY_OK(settings.set(t->admin, QString(MaskSettings::kOtherIdKeepStartKey), QStringLiteral("1")));
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(1) + stars(17));
        QVERIFY(pending());
        QCOMPARE(details(remaskRows().constLast()).value(QStringLiteral("inexact")).toInteger(), 1);
        BV_VERIFY_OK(t->signIn(QStringLiteral("m1")));
        QVERIFY(!pending());
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(2) + stars(16));
    }

    // A database of an earlier release where the ID width was 14 (the birth date shown) and records
    // were written under it: opening it with this release drops the width and narrows what is stored;
    // the first key holder's sign-in settles every form from the values.
    void earlierReleaseBirthDateWidthIsRepairedByTheMigration()
    {
        const CustomerInput input = customerInput(71);
        const QString id = input.values.value(QString::fromLatin1(fields::IdNumber));
        const QString number = createApproved(cm1, input);
        QVERIFY(!number.isEmpty());
        auto ref = CustomerServiceInternals::of(t->core->customers()).customerByNumber(number);
        BV_VERIFY_OK(ref);
        // what the earlier release left behind
        const QString leaked = id.left(14) + stars(4);
        BV_VERIFY_OK(db().exec(QStringLiteral("INSERT INTO settings (key, value, updated_at) VALUES (?, '14', ?)"),
            {kIdKey, t->clock.nowUtc()}));
        BV_VERIFY_OK(db().exec(QStringLiteral("UPDATE sealed_value SET masked = ? WHERE owner_kind = 'customer' "
                                              "AND owner_id = ? AND field = 'id_number'"),
            {leaked, ref->id}));
        BV_VERIFY_OK(db().exec(QStringLiteral("UPDATE customer_history SET diff_json = replace(diff_json, ?, ?)"),
            {QVariant(id.left(6) + stars(12)), QVariant(leaked)}));
        auto inHistory = db().scalar(
            QStringLiteral("SELECT count(*) FROM customer_history WHERE instr(diff_json, ?) > 0"), {leaked});
        QCOMPARE(inHistory->toInt(), 1);
        BV_VERIFY_OK(db().exec(QStringLiteral("DELETE FROM meta WHERE key = ?"), {QString(StoredMasks::kPendingKey)}));

        const Migration* step = nullptr;
        for (const Migration& m : schemaMigrations()) {
            if (m.description.startsWith(QStringLiteral("mask widths within the regulatory floors")))
                step = &m;
        }
        QVERIFY(step);
        {
            Transaction tx(db());
            QVERIFY(tx.ok());
            BV_VERIFY_OK(step->apply(db()));
            BV_VERIFY_OK(tx.commit());
        }
        BV_VERIFY_OK(t->core->settings().reload());
        QCOMPARE(t->core->settings().maskSettings().mainlandIdKeepStart, 6);
        auto row = db().scalar(QStringLiteral("SELECT count(*) FROM settings WHERE key = ?"), {kIdKey});
        QCOMPARE(row->toInt(), 0);
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(6) + stars(12));
        inHistory = db().scalar(
            QStringLiteral("SELECT count(*) FROM customer_history WHERE instr(diff_json, ?) > 0"), {leaked});
        QCOMPARE(inHistory->toInt(), 0);
        QVERIFY(pending());
        BV_VERIFY_OK(t->signIn(QStringLiteral("m1")));
        QVERIFY(!pending());
        QCOMPARE(storedMask(number, fields::IdNumber), id.left(6) + stars(12));
    }
};

QTEST_GUILESS_MAIN(TestStoredMasks)
#include "tst_storedmasks.moc"
