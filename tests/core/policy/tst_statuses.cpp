// Statuses are enums with one text mapping (core/policy/Statuses.h): every value has one key and one label,
// the keys are exactly the ones the schema's CHECK constraints allow, every label has its Chinese text, and a
// stored key the program does not know is an error, never a default.
#include "core/auth/AuthService.h"
#include "core/common/Translations.h"
#include "core/customers/CustomerService.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerFinder.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/db/Database.h"
#include "core/policy/Statuses.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace bv;
using namespace bv::test;

namespace {

// Every key of S once, each naming a value that maps back to it; `count` is the number of enum values.
template <typename S>
QString checkTable(int count)
{
    const QStringList keys = statusKeys<S>();
    if (keys.size() != count)
        return QStringLiteral("%1 keys for %2 values").arg(keys.size()).arg(count);
    if (QSet<QString>(keys.cbegin(), keys.cend()).size() != keys.size())
        return QStringLiteral("a key appears twice: %1").arg(keys.join(u','));
    QSet<int> values;
    for (const QString& key : keys) {
        const std::optional<S> status = statusFromKey<S>(key);
        if (key.isEmpty() || !status || statusKey(*status) != key)
            return QStringLiteral("key %1 does not map back").arg(key);
        if (statusLabel(*status).isEmpty())
            return QStringLiteral("key %1 has no label").arg(key);
        values << int(*status);
    }
    if (values.size() != count)
        return QStringLiteral("the keys name %1 of %2 values").arg(values.size()).arg(count);
    for (int v = 0; v < count; ++v) {
        if (!values.contains(v))
            return QStringLiteral("value %1 has no key").arg(v);
    }
    if (statusFromKey<S>(QStringLiteral("no-such-status")) || statusFromKey<S>(QString()))
        return QStringLiteral("an unknown key maps to a status");
    return QString();
}

// Every label of S reads differently in Chinese (each has its translation in branchvault_zh_CN.ts).
template <typename S>
QStringList untranslated(const QHash<QString, QString>& english)
{
    QStringList missing;
    for (const QString& key : statusKeys<S>()) {
        const QString label = statusLabel(*statusFromKey<S>(key));
        if (label.isEmpty() || label == english.value(key))
            missing << key;
    }
    return missing;
}

template <typename S>
QHash<QString, QString> labels()
{
    QHash<QString, QString> out;
    for (const QString& key : statusKeys<S>())
        out.insert(key, statusLabel(*statusFromKey<S>(key)));
    return out;
}

} // namespace

class TestStatuses : public QObject
{
    Q_OBJECT
private slots:
    void everyStatusHasOneKeyAndOneLabel()
    {
        QCOMPARE(checkTable<CustomerStatus>(5), QString());
        QCOMPARE(checkTable<ChangeStatus>(3), QString());
        QCOMPARE(checkTable<AccountStatus>(4), QString());
        QCOMPARE(checkTable<StaffStatus>(2), QString());
        QCOMPARE(checkTable<PairStatus>(2), QString());
        QCOMPARE(checkTable<TierChangeStatus>(3), QString());
        QCOMPARE(checkTable<ComplaintStatus>(4), QString());
        QCOMPARE(checkTable<RequestStatus>(7), QString());
        // a complaint moves in the enum's order
        QVERIFY(int(ComplaintStatus::Open) < int(ComplaintStatus::Investigating));
        QVERIFY(int(ComplaintStatus::Investigating) < int(ComplaintStatus::Answered));
        QVERIFY(int(ComplaintStatus::Answered) < int(ComplaintStatus::Closed));
    }

    // The keys are the schema's: each CHECK (status IN (...)) lists exactly the enum's keys (a request's
    // "expired" is computed, never stored).
    void keysAreTheSchemasKeys()
    {
        QFile file(qEnvironmentVariable("BV_SOURCE_DIR") + QStringLiteral("/core/db/Schema.cpp"));
        QVERIFY2(file.open(QIODevice::ReadOnly), "run through ctest");
        const QString schema = QString::fromUtf8(file.readAll());
        const auto allowed = [&](const QString& table) {
            const QRegularExpression re(QStringLiteral("CREATE TABLE %1 \\((?:(?!CREATE TABLE).)*?CHECK \\(status IN "
                                                       "\\(([^)]*)\\)\\)")
                                            .arg(table),
                QRegularExpression::DotMatchesEverythingOption);
            const QRegularExpressionMatch m = re.match(schema);
            QStringList keys;
            for (const QString& quoted : m.captured(1).split(u',', Qt::SkipEmptyParts))
                keys << quoted.trimmed().remove(u'\'');
            std::sort(keys.begin(), keys.end());
            return keys;
        };
        const auto sorted = [](QStringList keys) {
            std::sort(keys.begin(), keys.end());
            return keys;
        };
        QStringList requestKeys = statusKeys<RequestStatus>();
        requestKeys.removeAll(statusKey(RequestStatus::Expired));
        QCOMPARE(allowed(QStringLiteral("customers")), sorted(statusKeys<CustomerStatus>()));
        QCOMPARE(allowed(QStringLiteral("customer_changes")), sorted(statusKeys<ChangeStatus>()));
        QCOMPARE(allowed(QStringLiteral("users")), sorted(statusKeys<StaffStatus>()));
        QCOMPARE(allowed(QStringLiteral("suspicious_pairs")), sorted(statusKeys<PairStatus>()));
        QCOMPARE(allowed(QStringLiteral("tier_changes")), sorted(statusKeys<TierChangeStatus>()));
        QCOMPARE(allowed(QStringLiteral("complaints")), sorted(statusKeys<ComplaintStatus>()));
        QCOMPARE(allowed(QStringLiteral("requests")), sorted(requestKeys));
    }

    void everyLabelHasItsChineseText()
    {
        installTranslations(QStringLiteral("en"));
        const auto customer = labels<CustomerStatus>();
        const auto change = labels<ChangeStatus>();
        const auto account = labels<AccountStatus>();
        const auto staff = labels<StaffStatus>();
        const auto pair = labels<PairStatus>();
        const auto tier = labels<TierChangeStatus>();
        const auto complaint = labels<ComplaintStatus>();
        const auto request = labels<RequestStatus>();
        QCOMPARE(customer.value(QStringLiteral("pending")), QStringLiteral("pending approval"));
        installTranslations(QStringLiteral("zh_CN"));
        QCOMPARE(untranslated<CustomerStatus>(customer), QStringList());
        QCOMPARE(untranslated<ChangeStatus>(change), QStringList());
        QCOMPARE(untranslated<AccountStatus>(account), QStringList());
        QCOMPARE(untranslated<StaffStatus>(staff), QStringList());
        QCOMPARE(untranslated<PairStatus>(pair), QStringList());
        QCOMPARE(untranslated<TierChangeStatus>(tier), QStringList());
        QCOMPARE(untranslated<ComplaintStatus>(complaint), QStringList());
        QCOMPARE(untranslated<RequestStatus>(request), QStringList());
        QCOMPARE(statusLabel(ComplaintStatus::Investigating), QStringLiteral("调查中"));
        QCOMPARE(statusLabelOfKey<CustomerStatus>(QString()), QStringLiteral("—"));
        QCOMPARE(statusLabelOfKey<CustomerStatus>(QStringLiteral("unheard_of")), QStringLiteral("unheard_of"));
        installTranslations(QStringLiteral("en"));
    }

    // accounts.status has no CHECK constraint (the validator names the allowed keys): a key written there by
    // anything but BranchVault makes the customer's detail fail with a Damaged error naming the key, and the
    // detail is never shown with a guessed status.
    void anUnknownStoredStatusIsAnError()
    {
        auto t = TestCore::create();
        QVERIFY(t);
        const Session m1 = t->addUser(QStringLiteral("m1"), Role::Manager);
        const Session cm1 = t->addUser(QStringLiteral("cm1"), Role::CustomerManager);
        CustomerInput input = customerInput(7);
        QVERIFY(!input.accounts.isEmpty());
        auto receipt = t->core->customers().entry().create(cm1, input);
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(t->core->customers().entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        auto before = t->core->customers().finder().open(cm1, receipt->customerNumber);
        BV_VERIFY_OK(before);
        QCOMPARE(before->accounts.constFirst().status, AccountStatus::Active);

        auto ref = CustomerServiceInternals::of(t->core->customers()).customerByNumber(receipt->customerNumber);
        BV_VERIFY_OK(ref);
        BV_VERIFY_OK(t->vault->database().exec(
            QStringLiteral("UPDATE accounts SET status = 'mislaid' WHERE customer_id = ?"), {ref->id}));
        auto after = t->core->customers().finder().open(cm1, receipt->customerNumber);
        QVERIFY(!after.ok());
        QCOMPARE(after.code(), ErrorCode::Damaged);
        QVERIFY2(after.error().message.contains(QStringLiteral("\"mislaid\"")), qPrintable(after.error().message));
        QVERIFY(after.error().message.contains(QStringLiteral("branchvault-cli verify")));
    }
};

QTEST_GUILESS_MAIN(TestStatuses)
#include "tst_statuses.moc"
