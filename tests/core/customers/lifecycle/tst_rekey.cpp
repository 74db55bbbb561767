// Blind re-key: the checker types the ID number (and, as configured, the mobile and account numbers) from the
// customer's document; approval needs a match through the blind index, a mismatch is refused field by field and
// audited without any value, and the setting decides which fields (validated; on by default for ID numbers).
#include "core/audit/AuditActions.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/policy/FieldCatalogue.h"
#include "core/policy/SettingsService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {
const QString kId = QString::fromLatin1(fields::IdNumber);
const QString kMobile = QString::fromLatin1(fields::Mobile);
const QString kAccount = QString::fromLatin1(fields::AccountNumber);
} // namespace

class TestRekey : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session cm1;
    Session m1;

    CustomerEntry& entry() { return t->core->customers().entry(); }

    void setFields(const QString& value)
    {
        QVERIFY(t->core->settings().set(t->admin, QString::fromLatin1(settings::RekeyFields), value).ok());
    }

    QList<AuditRow> mismatches()
    {
        AuditFilter filter;
        filter.action = QString::fromLatin1(audit::CustomerRekeyMismatch);
        auto found = internalsOf(*t->core).auditLog().rows(filter);
        return found.ok() ? *found : QList<AuditRow>();
    }

    static RekeyedValues typedFrom(const CustomerInput& input)
    {
        RekeyedValues typed;
        typed.insert(kId, {input.values.value(kId)});
        typed.insert(kMobile, {input.values.value(kMobile)});
        QStringList numbers;
        for (const AccountInput& a : input.accounts)
            numbers << a.number;
        typed.insert(kAccount, numbers);
        return typed;
    }

private slots:
    void init()
    {
        t = TestCore::create();
        QVERIFY(t);
        m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
    }
    void cleanup() { t.reset(); }

    void settingIsValidatedAndOnByDefaultForIdNumbers()
    {
        const SettingSpec* spec = SettingsService::spec(QString::fromLatin1(settings::RekeyFields));
        QVERIFY(spec);
        QCOMPARE(spec->defaultValue.toString(), QStringLiteral("id_number"));
        auto ordered = SettingsService::validate(spec->key, QStringLiteral(" mobile , id_number,mobile"));
        BV_VERIFY_OK(ordered);
        QCOMPARE(ordered->toString(), QStringLiteral("id_number,mobile"));
        BV_COMPARE_CODE(
            SettingsService::validate(spec->key, QStringLiteral("id_number,name")), ErrorCode::InvalidInput);
        BV_VERIFY_OK(SettingsService::validate(spec->key, QString())); // none
        setFields(QStringLiteral("account_number"));
        QCOMPARE(t->core->settings().rekeyFields(), QStringList {kAccount});
    }

    void newRecordNeedsTheTypedIdNumber()
    {
        setFields(QStringLiteral("id_number"));
        const CustomerInput input = customerInput(11);
        auto receipt = entry().create(cm1, input);
        BV_VERIFY_OK(receipt);
        auto change = entry().change(m1, receipt->changeId);
        BV_VERIFY_OK(change);
        QCOMPARE(change->rekeyFields, QStringList {kId});

        // nothing typed: refused, no mismatch recorded
        auto missing = entry().approve(m1, receipt->changeId, QStringLiteral("checked"));
        BV_COMPARE_CODE(missing, ErrorCode::InvalidInput);
        QCOMPARE(missing.error().field, kId);
        QCOMPARE(mismatches().size(), 0);

        // a typo: refused, named by field, audited with the field name only
        QString typo = input.values.value(kId);
        typo[10] = typo[10] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        auto wrong = entry().approve(m1, receipt->changeId, QStringLiteral("checked"), {{kId, {typo}}});
        BV_COMPARE_CODE(wrong, ErrorCode::InvalidInput);
        QCOMPARE(wrong.error().field, kId);
        QVERIFY(wrong.error().message.contains(FieldCatalogue::label(kId)));
        QVERIFY(!wrong.error().fullText().contains(input.values.value(kId)));
        QVERIFY(!wrong.error().fullText().contains(typo));
        const QList<AuditRow> rows = mismatches();
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().login, QStringLiteral("m1"));
        QCOMPARE(rows.constFirst().customerNo, receipt->customerNumber);
        const QJsonObject details = QJsonDocument::fromJson(rows.constFirst().details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("fields")).toArray(), QJsonArray {kId});
        QVERIFY(!rows.constFirst().details.contains(typo.left(10)));
        BV_VERIFY_OK(entry().change(m1, receipt->changeId)); // still pending

        // the document's value typed in a full-width input mode (１１０…ｘ) with spaces matches
        QString fullWidth;
        for (const QChar c : input.values.value(kId).toLower())
            fullWidth += c.isDigit() ? QChar(c.unicode() - u'0' + 0xFF10) : QChar(c.unicode() - u'a' + 0xFF41);
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked"),
            {{kId, {QLatin1Char(' ') + fullWidth + QLatin1Char(' ')}}}));
    }

    void everyConfiguredFieldIsCheckedFieldByField()
    {
        setFields(QStringLiteral("id_number,mobile,account_number"));
        const CustomerInput input = customerInput(12);
        auto receipt = entry().create(cm1, input);
        BV_VERIFY_OK(receipt);
        auto change = entry().change(m1, receipt->changeId);
        QVERIFY(change->rekeyFields.contains(kId) && change->rekeyFields.contains(kMobile)
            && change->rekeyFields.contains(kAccount));

        RekeyedValues typed = typedFrom(input);
        typed[kMobile] = {mobile(99)};
        typed[kAccount] = {cardNumber(99)};
        auto wrong = entry().approve(m1, receipt->changeId, QStringLiteral("checked"), typed);
        BV_COMPARE_CODE(wrong, ErrorCode::InvalidInput);
        QCOMPARE(wrong.error().field, kMobile + QLatin1Char(',') + kAccount);
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked"), typedFrom(input)));
    }

    void editsNeedOnlyTheChangedFields()
    {
        setFields(QStringLiteral("id_number,mobile"));
        const CustomerInput input = customerInput(13);
        auto created = entry().create(cm1, input);
        BV_VERIFY_OK(created);
        BV_VERIFY_OK(entry().approve(m1, created->changeId, QStringLiteral("checked"), typedFrom(input)));

        CustomerInput occupation;
        occupation.values.insert(QString::fromLatin1(fields::Occupation), QStringLiteral("教师"));
        auto plain = entry().edit(cm1, created->customerNumber, occupation);
        BV_VERIFY_OK(plain);
        QVERIFY(entry().change(m1, plain->changeId)->rekeyFields.isEmpty());
        BV_VERIFY_OK(entry().approve(m1, plain->changeId, QStringLiteral("checked")));

        CustomerInput phone;
        phone.values.insert(kMobile, QStringLiteral("13900001111"));
        auto edited = entry().edit(cm1, created->customerNumber, phone);
        BV_VERIFY_OK(edited);
        QCOMPARE(entry().change(m1, edited->changeId)->rekeyFields, QStringList {kMobile});
        // the old mobile is not the new one
        BV_COMPARE_CODE(entry().approve(m1, edited->changeId, QStringLiteral("checked"),
                            {{kMobile, {input.values.value(kMobile)}}}),
            ErrorCode::InvalidInput);
        QCOMPARE(mismatches().size(), 1);
        BV_VERIFY_OK(entry().approve(
            m1, edited->changeId, QStringLiteral("checked"), {{kMobile, {QStringLiteral("139 0000 1111")}}}));
    }

    void batchesAreCheckedLikeSingleApprovals()
    {
        setFields(QStringLiteral("id_number"));
        const CustomerInput a = customerInput(14);
        const CustomerInput b = customerInput(15);
        auto first = entry().create(cm1, a);
        auto second = entry().create(cm1, b);
        BV_VERIFY_OK(first);
        BV_VERIFY_OK(second);
        const QList<qint64> ids {first->changeId, second->changeId};
        QHash<qint64, RekeyedValues> typed {{first->changeId, {{kId, {a.values.value(kId)}}}}};
        BV_COMPARE_CODE(entry().approveMany(m1, ids, QStringLiteral("batch checked"), typed), ErrorCode::InvalidInput);
        typed.insert(second->changeId, {{kId, {a.values.value(kId)}}}); // the wrong document
        BV_COMPARE_CODE(entry().approveMany(m1, ids, QStringLiteral("batch checked"), typed), ErrorCode::InvalidInput);
        QCOMPARE(mismatches().size(), 1);
        BV_VERIFY_OK(entry().change(m1, first->changeId)); // all or nothing: the first is still pending
        typed.insert(second->changeId, {{kId, {b.values.value(kId)}}});
        auto approved = entry().approveMany(m1, ids, QStringLiteral("batch checked"), typed);
        BV_VERIFY_OK(approved);
        QCOMPARE(*approved, 2);
    }

    void switchedOffNeedsNothing()
    {
        setFields(QString());
        auto receipt = entry().create(cm1, customerInput(16));
        BV_VERIFY_OK(receipt);
        QVERIFY(entry().change(m1, receipt->changeId)->rekeyFields.isEmpty());
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
    }
};

QTEST_GUILESS_MAIN(TestRekey)
#include "tst_rekey.moc"
