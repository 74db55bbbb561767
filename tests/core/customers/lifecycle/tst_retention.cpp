// Closing customers, anonymisation after the retention period, and the data-subject report (DESIGN §6):
// who may close, what a closure ends, that exactly the due records lose grade 1 and 2 while grade 3
// stays, and that the full report needs a live single-use grant for that customer.
#include "core/audit/AuditActions.h"
#include "core/auth/AuthService.h"
#include "core/customers/CustomerService.h"
#include "core/customers/care/CustomerCare.h"
#include "core/customers/lifecycle/CustomerEntry.h"
#include "core/customers/lifecycle/CustomerRetention.h"
#include "core/internal/CoreInternal.h"
#include "core/internal/audit/AuditLog.h"
#include "core/internal/customers/CustomerServiceInternal.h"
#include "core/internal/customers/CustomerStoreInternal.h"
#include "core/internal/db/Database.h"
#include "core/internal/db/Migration.h"
#include "core/internal/keys/SealedValues.h"
#include "core/policy/FieldCatalogue.h"
#include "core/requests/RequestService.h"
#include "tests/testsupport/TestCore.h"
#include "tests/testsupport/TestData.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace bv;
using namespace bv::test;

class TestRetention : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<TestCore> t;
    Session m1, m2, cm1, cm2, clerk;

    CustomerEntry& entry() { return t->core->customers().entry(); }
    CustomerCare& care() { return t->core->customers().care(); }
    CustomerRetention& retention() { return t->core->customers().retention(); }
    Database& db() { return t->vault->database(); }

    QString createApproved(const Session& maker, int seed, const CustomerInput* input = nullptr)
    {
        auto receipt = entry().create(maker, input ? *input : customerInput(seed));
        if (!receipt.ok()) {
            qWarning("create: %s", qPrintable(receipt.error().fullText()));
            return QString();
        }
        if (!entry().approve(m1, receipt->changeId, QStringLiteral("checked")).ok())
            return QString();
        return receipt->customerNumber;
    }
    qint64 idOf(const QString& number)
    {
        return CustomerServiceInternals::of(t->core->customers()).customerByNumber(number)->id;
    }
    QVariant scalar(const QString& sql, const QVariantList& values = {})
    {
        auto value = db().scalar(sql, values);
        return value.ok() ? *value : QVariant(QStringLiteral("<error %1>").arg(value.error().fullText()));
    }
    QString statusOf(const QString& number)
    {
        return statusKey(CustomerServiceInternals::of(t->core->customers()).customerByNumber(number)->status);
    }
    // Sealed values held for a customer, its accounts, its history and its changes.
    int sealedFor(qint64 customerId)
    {
        return scalar(QStringLiteral(
                          "SELECT count(*) FROM sealed_value WHERE (owner_kind = 'customer' AND owner_id = ?) "
                          "OR (owner_kind = 'account' AND owner_id IN (SELECT id FROM accounts WHERE customer_id = ?)) "
                          "OR (owner_kind = 'history' AND owner_id IN (SELECT id FROM customer_history WHERE "
                          "customer_id = ?)) OR (owner_kind = 'change' AND owner_id IN (SELECT id FROM "
                          "customer_changes WHERE customer_id = ?))"),
            {customerId, customerId, customerId, customerId})
            .toInt();
    }
    void unlock(const Session& session, const QString& login)
    {
        QVERIFY(t->core->auth().unlock(session, secret(t->passwordOf(login))).ok());
    }
    // Every grade-1 value of a test customer.
    QStringList secretsOf(int seed)
    {
        const CustomerInput input = customerInput(seed);
        return {input.values.value(QString::fromLatin1(fields::IdNumber)),
            input.values.value(QString::fromLatin1(fields::Mobile)), input.accounts.constFirst().number,
            input.values.value(QString::fromLatin1(fields::Name)),
            input.values.value(QString::fromLatin1(fields::Address))};
    }
    QList<AuditRow> auditRows(const QString& action, const QString& customerNo = QString())
    {
        AuditFilter filter;
        filter.action = action;
        filter.customerNo = customerNo;
        filter.limit = 5000;
        auto rows = internalsOf(*t->core).auditLog().rows(filter);
        return rows.ok() ? *rows : QList<AuditRow>();
    }
    static QString fieldValue(const QJsonArray& list, const char* key)
    {
        for (const QJsonValue& v : list) {
            if (v.toObject().value(QStringLiteral("key")).toString() == QLatin1String(key))
                return v.toObject().value(QStringLiteral("value")).toString();
        }
        return QStringLiteral("<missing>");
    }
    Result<Request> requestReport(const Session& requester, const QString& number)
    {
        return t->core->requests().create(requester,
            NewRequest {RequestType::Export, {number}, {}, QStringLiteral("data_subject"),
                QStringLiteral("customer access request"), 24});
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
        clerk = t->addUser(QStringLiteral("clerk"), Role::Clerk);
    }
    void cleanup() { t.reset(); }

    void onlyTheBranchManagerClosesWithAReason()
    {
        const QString number = createApproved(cm1, 1);
        QVERIFY(!number.isEmpty());
        const QString reason = QStringLiteral("moved abroad, new phone 13912345678");
        BV_COMPARE_CODE(retention().close(cm1, number, reason), ErrorCode::PermissionDenied);
        BV_COMPARE_CODE(retention().close(clerk, number, reason), ErrorCode::PermissionDenied);
        auto noReason = retention().close(m1, number, QStringLiteral("   "));
        BV_COMPARE_CODE(noReason, ErrorCode::InvalidInput);
        QCOMPARE(noReason.error().field, QStringLiteral("reason"));
        QCOMPARE(statusOf(number), QStringLiteral("active"));

        const QDateTime closedAt = t->clock.nowUtc();
        BV_VERIFY_OK(retention().close(m1, number, reason));
        QCOMPARE(statusOf(number), QStringLiteral("closed"));
        QCOMPARE(scalar(QStringLiteral("SELECT closed_at FROM customers WHERE customer_no = ?"), {number}).toString(),
            closedAt.toString(Qt::ISODateWithMs));
        QCOMPARE(
            scalar(QStringLiteral("SELECT retention_until FROM customers WHERE customer_no = ?"), {number}).toString(),
            closedAt.addYears(5).toString(Qt::ISODateWithMs));
        // closing a closed customer is a conflict that names the status
        auto again = retention().close(m1, number, reason);
        BV_COMPARE_CODE(again, ErrorCode::Conflict);
        QVERIFY(again.error().message.contains(QStringLiteral("closed")));
        // still in the own manager's reach during retention, with the closure in its history
        auto history = entry().history(cm1, number);
        BV_VERIFY_OK(history);
        QCOMPARE(history->constLast().kind, QStringLiteral("close"));
        QCOMPARE(history->constLast().actorLogin, QStringLiteral("m1"));

        // one audit row with the retention date and the reason's length, never the reason itself
        const QList<AuditRow> rows = auditRows(QString::fromLatin1(audit::CustomerClose), number);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.constFirst().login, QStringLiteral("m1"));
        const QJsonObject details = QJsonDocument::fromJson(rows.constFirst().details.toUtf8()).object();
        QCOMPARE(details.value(QStringLiteral("retention_until")).toString(), QStringLiteral("2031-03-02"));
        QCOMPARE(details.value(QStringLiteral("reason_chars")).toInt(), int(reason.size()));
        QVERIFY(!rows.constFirst().details.contains(QStringLiteral("13912345678")));
        QVERIFY(!rows.constFirst().details.contains(QStringLiteral("abroad")));
        // the refusals were audited
        AuditFilter denied;
        denied.action = QString::fromLatin1(audit::AccessDenied);
        denied.login = QStringLiteral("cm1");
        QCOMPARE(internalsOf(*t->core).auditLog().rows(denied)->size(), 1);
    }

    void closingEndsPendingWorkButKeepsSuspiciousPairs()
    {
        const QString number = createApproved(cm1, 2);
        // another customer with the same mobile: an open suspicious pair
        CustomerInput twin = customerInput(3);
        twin.values[QString::fromLatin1(fields::Mobile)] = mobile(2);
        const QString other = createApproved(cm1, 3, &twin);
        QVERIFY(!other.isEmpty());
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM suspicious_pairs WHERE status = 'open'")).toInt(), 1);
        // a pending edit with a staged grade-1 value, and a pending tier change
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::Mobile), QStringLiteral("13900001111"));
        auto receipt = entry().edit(cm1, number, edit);
        BV_VERIFY_OK(receipt);
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'change' AND owner_id = ?"),
                {receipt->changeId})
                .toInt(),
            1);
        const qint64 id = idOf(number);
        BV_VERIFY_OK(
            db().query(QStringLiteral("INSERT INTO tier_changes (customer_id, from_tier, to_tier, computed_at) "
                                      "VALUES (?, 'regular', 'gold', ?)"),
                {id, t->clock.nowUtc()}));

        BV_VERIFY_OK(retention().close(m1, number, QStringLiteral("customer ended the relationship")));
        QCOMPARE(scalar(QStringLiteral("SELECT status || '|' || reason || '|' || checker_id FROM customer_changes "
                                       "WHERE id = ?"),
                     {receipt->changeId})
                     .toString(),
            QStringLiteral("rejected|customer closed|%1").arg(t->userId(QStringLiteral("m1"))));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'change'")).toInt(), 0);
        QCOMPARE(entry().pending(m1)->size(), 0);
        QCOMPARE(scalar(QStringLiteral("SELECT status || '|' || reason FROM tier_changes WHERE customer_id = ?"), {id})
                     .toString(),
            QStringLiteral("rejected|customer closed"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM suspicious_pairs WHERE status = 'open'")).toInt(), 1);
        // the customer keeps its values until the retention period ends
        auto mobileNow
            = SealedValues::masked(db(), {QStringLiteral("customer"), id, QString::fromLatin1(fields::Mobile)});
        BV_VERIFY_OK(mobileNow);
        QVERIFY(mobileNow->endsWith(mobile(2).right(4)));
        const QString pairMask = QStringLiteral("SELECT coalesce(masked_value, '') FROM suspicious_pairs");
        QVERIFY(scalar(pairMask).toString().endsWith(mobile(2).right(4)));
        // after the retention period the pair stays for the statistics, without the shared value, closed by the
        // system: nothing is left to review, and nobody may clear it later with a reason about the customer
        // (the retention moved back rather than the clock forward, so that m1's session is still open for the checks)
        const qint64 pairId = scalar(QStringLiteral("SELECT id FROM suspicious_pairs")).toLongLong();
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE customers SET retention_until = ? WHERE id = ?"),
            {t->clock.nowUtc().addDays(-1), id}));
        QCOMPARE(*retention().anonymiseDue(), 1);
        QCOMPARE(scalar(pairMask).toString(), QString());
        QCOMPARE(scalar(QStringLiteral("SELECT p.status || '|' || coalesce(p.cleared_by, 'system') || '|' || "
                                       "coalesce(p.reason, '-') || '|' || (p.cleared_at = c.anonymised_at) FROM "
                                       "suspicious_pairs p JOIN customers c ON c.id = ?"),
                     {id})
                     .toString(),
            QStringLiteral("cleared|system|-|1"));
        QCOMPARE(entry().suspicious(m1)->size(), 0);
        BV_COMPARE_CODE(entry().clearSuspicious(m1, pairId, QStringLiteral("夫妻共用手机")), ErrorCode::NotFound);
        QCOMPARE(scalar(QStringLiteral("SELECT coalesce(reason, '-') FROM suspicious_pairs")).toString(),
            QStringLiteral("-"));
        AuditFilter anonymised;
        anonymised.action = QString::fromLatin1(audit::CustomerAnonymise);
        auto rows = internalsOf(*t->core).auditLog().rows(anonymised);
        BV_VERIFY_OK(rows);
        QCOMPARE(rows->size(), 1);
        QCOMPARE(
            QJsonDocument::fromJson(rows->constFirst().details.toUtf8()).object().value(QStringLiteral("pairs_closed")),
            QJsonValue(1));
    }

    // A database of an earlier release holds open pairs of a customer it already anonymised, and one a manager cleared
    // after the anonymisation with a reason: migration 10 closes the open ones at the time the customer was
    // anonymised, erases the late reason (keeping the manager's clearing), and leaves the other pairs alone.
    void theMigrationClosesPairsLeftOpenByEarlierReleases()
    {
        QStringList numbers;
        for (int seed : {12, 13, 14, 15}) {
            CustomerInput input = customerInput(seed);
            input.values[QString::fromLatin1(fields::Mobile)] = mobile(12);
            numbers << createApproved(cm1, seed, &input);
            QVERIFY(!numbers.constLast().isEmpty());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM suspicious_pairs WHERE status = 'open'")).toInt(), 6);
        // as an earlier release left it: the first customer anonymised, its pairs open, and one of them cleared by a
        // manager afterwards, with a reason written about the erased customer
        const qint64 a = idOf(numbers.at(0));
        const qint64 d = idOf(numbers.at(3));
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE customers SET status = 'anonymised', anonymised_at = ? WHERE "
                                               "id = ?"),
            {t->clock.nowUtc().addDays(-3), a}));
        const qint64 late
            = scalar(QStringLiteral("SELECT id FROM suspicious_pairs WHERE customer_a = ? AND customer_b = ?"), {a, d})
                  .toLongLong();
        BV_VERIFY_OK(entry().clearSuspicious(m1, late, QStringLiteral("夫妻共用手机")));
        const QString lateClearedAt
            = scalar(QStringLiteral("SELECT cleared_at FROM suspicious_pairs WHERE id = ?"), {late}).toString();
        const MigrationList& steps = schemaMigrations();
        const auto step
            = std::find_if(steps.cbegin(), steps.cend(), [](const Migration& m) { return m.version == 10; });
        QVERIFY(step != steps.cend());
        BV_VERIFY_OK(step->apply(db()));
        // the first customer's open pairs closed by the system at its anonymisation; the manager's clearing kept,
        // without its reason; the pairs of the other three left open
        QCOMPARE(scalar(QStringLiteral("SELECT group_concat(x, ',') FROM (SELECT p.status || '|' || "
                                       "coalesce(p.cleared_by, 'system') || '|' || coalesce(p.reason, '-') || '|' || "
                                       "(p.cleared_at = c.anonymised_at) AS x FROM suspicious_pairs p JOIN customers "
                                       "c ON c.id = ? WHERE p.customer_a = c.id OR p.customer_b = c.id ORDER BY p.id)"),
                     {a})
                     .toString(),
            QStringLiteral("cleared|system|-|1,cleared|system|-|1,cleared|%1|-|0")
                .arg(t->userId(QStringLiteral("m1"))));
        QCOMPARE(scalar(QStringLiteral("SELECT cleared_at FROM suspicious_pairs WHERE id = ?"), {late}).toString(),
            lateClearedAt);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM suspicious_pairs WHERE status = 'open'")).toInt(), 3);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM suspicious_pairs WHERE reason IS NOT NULL")).toInt(), 0);
    }

    void anonymisesExactlyTheDueCustomers()
    {
        const QString a = createApproved(cm1, 4);
        const QString b = createApproved(cm1, 5);
        const QString untouched = createApproved(cm1, 6);
        const QString later = createApproved(cm1, 7);
        for (const QString& n : {a, b, untouched, later})
            QVERIFY(!n.isEmpty());
        // an approved edit: the old mobile is sealed in the history
        CustomerInput edit;
        edit.values.insert(QString::fromLatin1(fields::Mobile), QStringLiteral("13900002222"));
        edit.values.insert(QString::fromLatin1(fields::Occupation), QStringLiteral("教师"));
        auto receipt = entry().edit(cm1, a, edit);
        BV_VERIFY_OK(receipt);
        BV_VERIFY_OK(entry().approve(m1, receipt->changeId, QStringLiteral("checked")));
        // service records, a complaint with its resolution, consent
        const QDate today = CustomerServiceInternals::of(t->core->customers()).store().today();
        BV_VERIFY_OK(
            care().addService(cm1, a, today, QStringLiteral("counter"), QStringLiteral("客户咨询理财产品，家住朝阳")));
        auto complaint = care().addComplaint(
            cm1, a, t->clock.nowUtc(), QStringLiteral("phone"), QStringLiteral("客户投诉柜台等候时间过长"));
        BV_VERIFY_OK(complaint);
        BV_VERIFY_OK(care().updateComplaint(
            cm1, complaint->id, ComplaintStatus::Answered, QStringLiteral("已致电客户说明并致歉")));
        BV_VERIFY_OK(care().recordConsent(
            cm1, a, QStringLiteral("processing"), QStringLiteral("given"), today, QStringLiteral("counter")));
        BV_VERIFY_OK(care().addService(cm1, b, today, QStringLiteral("phone"), QStringLiteral("电话回访")));

        const qint64 idA = idOf(a), idB = idOf(b), idUntouched = idOf(untouched), idLater = idOf(later);
        const QString gradeThreeA = scalar(QStringLiteral("SELECT tier || '|' || sex || '|' || age_band || '|' || "
                                                          "branch FROM customers WHERE id = ?"),
            {idA})
                                        .toString();
        QVERIFY(gradeThreeA.count(QLatin1Char('|')) == 3 && !gradeThreeA.contains(QStringLiteral("||")));
        const int historyRowsA
            = scalar(QStringLiteral("SELECT count(*) FROM customer_history WHERE customer_id = ?"), {idA}).toInt();
        QVERIFY(sealedFor(idA) >= 6); // name, id, mobile, address, account, old mobile in the history …
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM sealed_value WHERE owner_kind = 'history' AND owner_id IN "
                                       "(SELECT id FROM customer_history WHERE customer_id = ?)"),
                     {idA})
                     .toInt(),
            1);

        const QDateTime closedAt = t->clock.nowUtc();
        BV_VERIFY_OK(retention().close(m1, a, QStringLiteral("closed all accounts")));
        BV_VERIFY_OK(retention().close(m1, b, QStringLiteral("deceased, per family")));

        // before the period ends nothing happens
        auto none = retention().anonymiseDue();
        BV_VERIFY_OK(none);
        QCOMPARE(*none, 0);
        // a customer closed ten days later
        t->clock.advanceDays(10);
        unlock(m1, QStringLiteral("m1"));
        BV_VERIFY_OK(retention().close(m1, later, QStringLiteral("moved to another branch")));
        t->clock.set(closedAt.addYears(5).addSecs(-1));
        QCOMPARE(*retention().anonymiseDue(), 0);
        QCOMPARE(statusOf(a), QStringLiteral("closed"));

        t->clock.set(closedAt.addYears(5).addDays(1));
        auto done = retention().anonymiseDue();
        BV_VERIFY_OK(done);
        QCOMPARE(*done, 2);
        for (qint64 id : {idA, idB}) {
            QCOMPARE(sealedFor(id), 0);
            QCOMPARE(scalar(QStringLiteral("SELECT status FROM customers WHERE id = ?"), {id}).toString(),
                QStringLiteral("anonymised"));
            QCOMPARE(scalar(QStringLiteral("SELECT anonymised_at FROM customers WHERE id = ?"), {id}).toString(),
                t->clock.nowUtc().toString(Qt::ISODateWithMs));
            // grade 2 erased
            QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM customers WHERE id = ? AND occupation IS NULL AND "
                                           "employer IS NULL AND income_band IS NULL AND marital_status IS NULL AND "
                                           "family IS NULL AND risk_rating IS NULL AND aum_cny IS NULL AND "
                                           "product_holdings IS NULL"),
                         {id})
                         .toInt(),
                1);
            QCOMPARE(
                scalar(QStringLiteral("SELECT count(*) FROM service_records WHERE customer_id = ? AND content <> ''"),
                    {id})
                    .toInt(),
                0);
        }
        QCOMPARE(
            scalar(QStringLiteral("SELECT count(*) FROM service_records WHERE customer_id = ?"), {idA}).toInt(), 1);
        QCOMPARE(
            scalar(QStringLiteral("SELECT content || '|' || resolution || '|' || status FROM complaints WHERE id = ?"),
                {complaint->id})
                .toString(),
            QStringLiteral("||answered"));
        // grade 3 kept: tier, sex, age band, branch; the account row without its number; consent and history rows
        QCOMPARE(scalar(QStringLiteral("SELECT tier || '|' || sex || '|' || age_band || '|' || branch FROM customers "
                                       "WHERE id = ?"),
                     {idA})
                     .toString(),
            gradeThreeA);
        QCOMPARE(scalar(QStringLiteral("SELECT type FROM accounts WHERE customer_id = ?"), {idA}).toString(),
            QStringLiteral("debit_card"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM consents WHERE customer_id = ?"), {idA}).toInt(), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM customer_history WHERE customer_id = ?"), {idA}).toInt(),
            historyRowsA + 1); // + the closure
        // the stored diffs keep field names only: no masked value, no grade-2 value, no closing reason
        auto diffs
            = db().query(QStringLiteral("SELECT diff_json FROM customer_history WHERE customer_id = ? UNION ALL "
                                        "SELECT diff_json || values_json FROM customer_changes WHERE customer_id = ?"),
                {idA, idA});
        BV_VERIFY_OK(diffs);
        int diffCount = 0;
        while (diffs->next()) {
            const QString text = diffs->value(0).toString();
            ++diffCount;
            QVERIFY2(!text.contains(QLatin1Char('*')) && !text.contains(QStringLiteral("\"new\""))
                    && !text.contains(QStringLiteral("工程师")) && !text.contains(QStringLiteral("教师"))
                    && !text.contains(QStringLiteral("closed all accounts")),
                qPrintable(text));
        }
        QVERIFY(diffCount >= 4);
        QVERIFY(scalar(
            QStringLiteral("SELECT diff_json FROM customer_history WHERE customer_id = ? AND kind = 'edit'"), {idA})
                    .toString()
                    .contains(QStringLiteral("\"field\":\"mobile\"")));
        // the ID number can no longer be found by its blind index
        auto found = SealedValues::find(db(), CustomerServiceInternals::of(t->core->customers()).store().cipher(),
            BlindDomain::IdNumber, secretsOf(4).at(0));
        BV_VERIFY_OK(found);
        QCOMPARE(found->size(), 0);

        // the others are untouched: still active, or closed and not yet due
        QCOMPARE(statusOf(untouched), QStringLiteral("active"));
        QCOMPARE(statusOf(later), QStringLiteral("closed"));
        QVERIFY(sealedFor(idUntouched) >= 5);
        QVERIFY(sealedFor(idLater) >= 5);
        QCOMPARE(scalar(QStringLiteral("SELECT occupation FROM customers WHERE id = ?"), {idLater}).toString(),
            QStringLiteral("工程师"));

        // one audit row each, written by the system
        QList<AuditRow> rows = auditRows(QString::fromLatin1(audit::CustomerAnonymise));
        QCOMPARE(rows.size(), 2);
        QStringList numbers;
        for (const AuditRow& row : rows) {
            QCOMPARE(row.login, QStringLiteral("system"));
            QCOMPARE(row.outcome, QStringLiteral("ok"));
            numbers << row.customerNo;
        }
        numbers.sort();
        QCOMPARE(numbers, (QStringList {a, b}));

        // idempotent
        QCOMPARE(*retention().anonymiseDue(), 0);
        QCOMPARE(auditRows(QString::fromLatin1(audit::CustomerAnonymise)).size(), 2);

        // the customer closed later, when its own period has ended
        t->clock.set(closedAt.addDays(10).addYears(5));
        QCOMPARE(*retention().anonymiseDue(), 1);
        QCOMPARE(statusOf(later), QStringLiteral("anonymised"));
        QCOMPARE(sealedFor(idLater), 0);
        QCOMPARE(statusOf(untouched), QStringLiteral("active"));
        QCOMPARE(auditRows(QString::fromLatin1(audit::CustomerAnonymise)).size(), 3);
    }

    void dataSubjectReportNeedsALiveSingleUseGrant()
    {
        const QString number = createApproved(cm1, 8);
        QVERIFY(!number.isEmpty());
        const QDate today = CustomerServiceInternals::of(t->core->customers()).store().today();
        BV_VERIFY_OK(care().addService(cm1, number, today, QStringLiteral("counter"), QStringLiteral("办理定期存款")));
        BV_VERIFY_OK(care().addComplaint(
            cm1, number, t->clock.nowUtc(), QStringLiteral("letter"), QStringLiteral("对手续费有异议")));
        BV_VERIFY_OK(care().recordConsent(
            cm1, number, QStringLiteral("processing"), QStringLiteral("given"), today, QStringLiteral("counter")));

        // refused without a grant, and the refusal is audited
        auto refused = retention().dataSubjectReport(cm1, number);
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("special request")));
        QVERIFY(refused.error().message.contains(QStringLiteral("data_subject")));
        QList<AuditRow> denied = auditRows(QString::fromLatin1(audit::AccessDenied), number);
        QCOMPARE(denied.size(), 1);
        QCOMPARE(denied.constFirst().login, QStringLiteral("cm1"));
        QVERIFY(denied.constFirst().details.contains(QStringLiteral("data_subject_report")));
        BV_COMPARE_CODE(retention().dataSubjectReport(clerk, number), ErrorCode::PermissionDenied);

        auto request = requestReport(cm1, number);
        BV_VERIFY_OK(request);
        BV_COMPARE_CODE(retention().dataSubjectReport(cm1, number), ErrorCode::PermissionDenied); // still pending
        BV_VERIFY_OK(t->core->requests().approve(m1, request->id, QStringLiteral("identity checked at the counter")));

        auto report = retention().dataSubjectReport(cm1, number);
        BV_VERIFY_OK(report);
        QCOMPARE(report->value(QStringLiteral("customer_no")).toString(), number);
        QCOMPARE(report->value(QStringLiteral("status")).toString(), QStringLiteral("active"));
        QCOMPARE(report->value(QStringLiteral("request")).toInteger(), request->id);
        QCOMPARE(report->value(QStringLiteral("approved_by")).toString(), QStringLiteral("m1"));
        const QJsonArray fieldList = report->value(QStringLiteral("fields")).toArray();
        const CustomerInput input = customerInput(8);
        // grade 1 in full, grade 2, grade 3
        QCOMPARE(fieldValue(fieldList, fields::IdNumber), input.values.value(QString::fromLatin1(fields::IdNumber)));
        QCOMPARE(fieldValue(fieldList, fields::Mobile), mobile(8));
        QCOMPARE(fieldValue(fieldList, fields::Name), chineseName(8));
        QCOMPARE(fieldValue(fieldList, fields::Occupation), QStringLiteral("工程师"));
        QCOMPARE(fieldValue(fieldList, fields::Tier), QStringLiteral("gold")); // 800,000 CNY
        QCOMPARE(fieldValue(fieldList, fields::Manager), QStringLiteral("张经理"));
        QCOMPARE(fieldValue(fieldList, fields::CustomerNo), number);
        // both labels, from the catalogue
        for (const QJsonValue& v : fieldList) {
            const QJsonObject f = v.toObject();
            QVERIFY(!f.value(QStringLiteral("english")).toString().isEmpty());
            QVERIFY(!f.value(QStringLiteral("chinese")).toString().isEmpty());
            if (f.value(QStringLiteral("key")).toString() == QLatin1String(fields::IdNumber))
                QCOMPARE(f.value(QStringLiteral("chinese")).toString(), QStringLiteral("证件号码"));
        }
        const QJsonArray accounts = report->value(QStringLiteral("accounts")).toArray();
        QCOMPARE(accounts.size(), 1);
        QCOMPARE(fieldValue(accounts.at(0).toObject().value(QStringLiteral("fields")).toArray(), fields::AccountNumber),
            cardNumber(8));
        const QJsonArray services = report->value(QStringLiteral("service_records")).toArray();
        QCOMPARE(services.size(), 1);
        QCOMPARE(services.at(0).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("办理定期存款"));
        const QJsonArray complaints = report->value(QStringLiteral("complaints")).toArray();
        QCOMPARE(complaints.size(), 1);
        QCOMPARE(
            complaints.at(0).toObject().value(QStringLiteral("content")).toString(), QStringLiteral("对手续费有异议"));
        QCOMPARE(report->value(QStringLiteral("consents")).toArray().size(), 1);
        QCOMPARE(report->value(QStringLiteral("history")).toArray().size(), 1); // the creation
        // the request, without its purpose; the accesses, with time, action, role and outcome only
        const QJsonArray requests = report->value(QStringLiteral("requests")).toArray();
        QCOMPARE(requests.size(), 1);
        QCOMPARE(requests.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("used"));
        QCOMPARE(requests.at(0).toObject().value(QStringLiteral("requester")).toString(), QStringLiteral("cm1"));
        QVERIFY(!QJsonDocument(requests).toJson().contains("customer access request"));
        QStringList actions;
        for (const QJsonValue& v : report->value(QStringLiteral("access_log")).toArray()) {
            const QJsonObject row = v.toObject();
            QCOMPARE(row.keys(),
                (QStringList {QStringLiteral("action"), QStringLiteral("at"), QStringLiteral("outcome"),
                    QStringLiteral("role")}));
            actions << row.value(QStringLiteral("action")).toString();
        }
        QVERIFY(actions.contains(QString::fromLatin1(audit::CustomerCreate)));
        QVERIFY(actions.contains(QString::fromLatin1(audit::AccessDenied)));
        QVERIFY(actions.contains(QString::fromLatin1(audit::GrantUse)));

        // single use
        BV_COMPARE_CODE(retention().dataSubjectReport(cm1, number), ErrorCode::PermissionDenied);
        QCOMPARE(t->core->requests().get(cm1, request->id)->status, RequestStatus::Used);

        // audited: the report and the use of the grant; no full grade-1 value anywhere in the log
        const QList<AuditRow> reports = auditRows(QString::fromLatin1(audit::CustomerReport), number);
        QCOMPARE(reports.size(), 1);
        QCOMPARE(reports.constFirst().login, QStringLiteral("cm1"));
        QCOMPARE(QJsonDocument::fromJson(reports.constFirst().details.toUtf8())
                     .object()
                     .value(QStringLiteral("request"))
                     .toInteger(),
            request->id);
        QCOMPARE(auditRows(QString::fromLatin1(audit::GrantUse), number).size(), 1);
        for (const AuditRow& row : auditRows(QString())) {
            for (const QString& value : secretsOf(8))
                QVERIFY2(!row.details.contains(value), qPrintable(row.action));
        }
    }

    void scopeComesBeforeTheGrant()
    {
        // cm2 asked (and got approval) while the customer was his; the customer then went to cm1
        const QString number = createApproved(cm2, 9);
        QVERIFY(!number.isEmpty());
        auto request = requestReport(cm2, number);
        BV_VERIFY_OK(request);
        BV_VERIFY_OK(t->core->requests().approve(m1, request->id, QStringLiteral("ok")));
        BV_VERIFY_OK(db().query(QStringLiteral("UPDATE customers SET manager_id = ? WHERE customer_no = ?"),
            {t->userId(QStringLiteral("cm1")), number}));
        auto refused = retention().dataSubjectReport(cm2, number);
        BV_COMPARE_CODE(refused, ErrorCode::PermissionDenied);
        QVERIFY(refused.error().message.contains(QStringLiteral("not one of your customers")));
        // the grant was not touched
        QCOMPARE(t->core->requests().get(cm2, request->id)->status, RequestStatus::Approved);
        QCOMPARE(auditRows(QString::fromLatin1(audit::GrantUse)).size(), 0);
        QCOMPARE(auditRows(QString::fromLatin1(audit::CustomerReport)).size(), 0);
        // and cm1 has no grant of its own
        BV_COMPARE_CODE(retention().dataSubjectReport(cm1, number), ErrorCode::PermissionDenied);
        QCOMPARE(t->core->requests().get(cm2, request->id)->status, RequestStatus::Approved);
    }

    void aFailedReportLeavesTheGrantUnused()
    {
        const QString number = createApproved(cm1, 10);
        auto request = requestReport(cm1, number);
        BV_VERIFY_OK(request);
        BV_VERIFY_OK(t->core->requests().approve(m1, request->id, QStringLiteral("ok")));
        internalsOf(*t->core).auditLog().failNextAppendsForTesting(1);
        BV_COMPARE_CODE(retention().dataSubjectReport(cm1, number), ErrorCode::DiskFull);
        QCOMPARE(t->core->requests().get(cm1, request->id)->status, RequestStatus::Approved);
        QCOMPARE(auditRows(QString::fromLatin1(audit::CustomerReport)).size(), 0);
        auto report = retention().dataSubjectReport(cm1, number);
        BV_VERIFY_OK(report);
        QCOMPARE(fieldValue(report->value(QStringLiteral("fields")).toArray(), fields::Mobile), mobile(10));
    }

    void aClosedCustomerStillHasItsReportAnAnonymisedOneNot()
    {
        const QString number = createApproved(cm1, 11);
        BV_VERIFY_OK(retention().close(m1, number, QStringLiteral("customer request")));
        // the branch manager asks for it; another manager approves
        auto request = requestReport(m1, number);
        BV_VERIFY_OK(request);
        BV_VERIFY_OK(t->core->requests().approve(m2, request->id, QStringLiteral("ok")));
        auto report = retention().dataSubjectReport(m1, number);
        BV_VERIFY_OK(report);
        QCOMPARE(report->value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
        QVERIFY(!report->value(QStringLiteral("dates"))
                     .toObject()
                     .value(QStringLiteral("retention_until"))
                     .toString()
                     .isEmpty());
        const QJsonArray history = report->value(QStringLiteral("history")).toArray();
        QCOMPARE(history.last().toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("close"));

        // an anonymised record holds nothing personal: nothing to report (before any grant is looked at)
        const QString gone = QStringLiteral("0001-90000001");
        QVERIFY(t->insertCustomer(gone, t->userId(QStringLiteral("cm1")), false, QStringLiteral("anonymised")) > 0);
        auto nothing = retention().dataSubjectReport(m1, gone);
        BV_COMPARE_CODE(nothing, ErrorCode::Conflict);
        QVERIFY(nothing.error().message.contains(QStringLiteral("anonymised")));
        BV_COMPARE_CODE(retention().dataSubjectReport(cm1, gone), ErrorCode::PermissionDenied); // out of reach
    }
};

QTEST_GUILESS_MAIN(TestRetention)
#include "tst_retention.moc"
